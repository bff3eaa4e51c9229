"""Stories: incremental single-pass clustering of documents as they arrive.

A story keeps the sum of its members' embeddings (its centroid direction),
counts of its places and actors, and its date span. A new document is compared
only with stories active near its date (``date_end`` within ``WINDOW_DAYS``,
an indexed range query, at most ``MAX_CANDIDATES`` of them): cost per document
is bounded, so ingest grows linearly. Score::

    cos(doc, centroid) + PLACE_WEIGHT * overlap(places) + ACTOR_WEIGHT * overlap(actors)
        - DAY_PENALTY * gap_days

and the document joins the best story scoring >= ``JOIN_THRESHOLD`` (with
``cos >= MIN_COS``), else starts a new one. A syndicated copy joins the story
of its original directly. Calibrated on the 392-article corpus with USE-m3
(title + lead): same-story pairs have cosine 0.85-1.0, same-topic but
different stories 0.7-0.8; but short reports of one strike in different words
can be as low as 0.5, hence the weight of shared (non-country) places.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from rasid.model.document import Document
from rasid.text import fold_key

WINDOW_DAYS = 7
MAX_CANDIDATES = 1000
MIN_COS = 0.45
JOIN_THRESHOLD = 0.80
PLACE_WEIGHT = 0.3
ACTOR_WEIGHT = 0.1
DAY_PENALTY = 0.01
KEEP_ENTITIES = 40  # most frequent places/actors kept per story


def _d(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def entity_keys(doc: Document) -> tuple[Counter, Counter]:
    """(places, actors) of a document as Counters of display names.

    Countries and metonyms are left out: nearly every article names Syria or
    Iraq, so they say nothing about which story it belongs to.
    """
    places: Counter = Counter()
    actors: Counter = Counter()
    for e in doc.entities:
        name = e.name or e.name_ar
        if not name:
            continue
        n = max(1, len(e.mentions))
        if e.kind == "place" and not (e.place and (e.place.metonym or e.place.precision >= 3)):
            places[name] += n
        elif e.kind in ("actor", "person", "organization"):
            actors[name] += n
    return places, actors


def _overlap(a: Counter, b: Counter) -> float:
    """Share of the document's entity names found in the story (0..1)."""
    if not a or not b:
        return 0.0
    ka = {fold_key(k) for k in a}
    kb = {fold_key(k) for k in b}
    return len(ka & kb) / len(ka)


@dataclass
class Story:
    id: str
    title: str | None = None
    title_doc: str | None = None
    title_sim: float = -1.0
    date_start: str | None = None
    date_end: str | None = None
    n_docs: int = 0
    vec_sum: np.ndarray | None = None
    places: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    dirty: bool = False
    new: bool = False

    @property
    def centroid(self) -> np.ndarray:
        v = self.vec_sum
        n = float(np.linalg.norm(v)) if v is not None else 0.0
        return v / n if n else v

    def add(self, doc: Document, vec: np.ndarray | None, places: Counter, actors: Counter) -> None:
        if vec is not None:
            self.vec_sum = vec.copy() if self.vec_sum is None else self.vec_sum + vec
            sim = float(self.centroid @ vec)
            if self.title is None or sim > self.title_sim or self.n_docs == 0:
                self.title, self.title_doc, self.title_sim = (doc.title or doc.text[:80]), doc.id, sim
        elif self.title is None:
            self.title, self.title_doc = (doc.title or doc.text[:80]), doc.id
        self.n_docs += 1
        if doc.published:
            p = doc.published[:10]
            self.date_start = min(filter(None, (self.date_start, p)))
            self.date_end = max(filter(None, (self.date_end, p)))
        self.places.update(places)
        self.actors.update(actors)
        self.dirty = True

    def to_row(self) -> tuple:
        return (self.id, self.title, self.title_doc, self.title_sim, self.date_start, self.date_end,
                self.n_docs, None if self.vec_sum is None else self.vec_sum.astype(np.float32).tobytes(),
                json.dumps(dict(self.places.most_common(KEEP_ENTITIES)), ensure_ascii=False),
                json.dumps(dict(self.actors.most_common(KEEP_ENTITIES)), ensure_ascii=False))

    @classmethod
    def from_row(cls, r) -> "Story":
        return cls(id=r[0], title=r[1], title_doc=r[2], title_sim=r[3] if r[3] is not None else -1.0,
                   date_start=r[4], date_end=r[5], n_docs=r[6],
                   vec_sum=None if r[7] is None else np.frombuffer(r[7], dtype=np.float32).copy(),
                   places=Counter(json.loads(r[8] or "{}")), actors=Counter(json.loads(r[9] or "{}")))


_COLS = "id, title, title_doc, title_sim, date_start, date_end, n_docs, centroid, places, actors"


class StoryIndex:
    """Assigns documents to stories within one update (cache + write-back)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.cache: dict[str, Story] = {}

    def _load(self, sid: str) -> Story | None:
        if sid in self.cache:
            return self.cache[sid]
        r = self.conn.execute(f"SELECT {_COLS} FROM stories WHERE id=?", (sid,)).fetchone()
        if r is None:
            return None
        st = Story.from_row(tuple(r))
        self.cache[sid] = st
        return st

    def _candidates(self, published: str | None) -> list[Story]:
        d = _d(published)
        if d is None:
            rows = self.conn.execute("SELECT id FROM stories ORDER BY rowid DESC LIMIT ?", (MAX_CANDIDATES,))
        else:
            lo = (d - timedelta(days=WINDOW_DAYS)).isoformat()
            hi = (d + timedelta(days=WINDOW_DAYS)).isoformat()
            rows = self.conn.execute(
                "SELECT id FROM stories WHERE date_end >= ? AND date_start <= ? ORDER BY date_end DESC LIMIT ?",
                (lo, hi, MAX_CANDIDATES))
        ids = [r[0] for r in rows]
        return [s for s in (self._load(i) for i in ids) if s is not None]

    def story_of(self, doc_id: str) -> str | None:
        r = self.conn.execute("SELECT story_id FROM story_docs WHERE doc_id=?", (doc_id,)).fetchone()
        return r[0] if r else None

    def copy_story(self, doc: Document, copy_of: str | None) -> Story | None:
        """The story a copy joins: its original's, unless the copy came long after it."""
        if copy_of is None:
            return None
        sid = self.story_of(copy_of)
        st = self._load(sid) if sid else None
        if st is not None and _gap(st, _d(doc.published)) > WINDOW_DAYS:
            return None
        return st

    def assign(self, doc: Document, vec: np.ndarray | None, copy_of: str | None = None) -> tuple[str, float]:
        """Put ``doc`` in a story; returns (story id, score)."""
        places, actors = entity_keys(doc)
        best: Story | None = None
        best_score = -1.0
        if copy_of is not None:
            best = self.copy_story(doc, copy_of)
            best_score = 1.0
        if best is None and vec is not None:
            cands = [s for s in self._candidates(doc.published) if s.vec_sum is not None]
            if cands:
                mat = np.stack([s.centroid for s in cands])
                cos = mat @ vec
                d = _d(doc.published)
                for s, c in zip(cands, cos):
                    if c < MIN_COS:
                        continue
                    score = float(c) + PLACE_WEIGHT * _overlap(places, s.places) + ACTOR_WEIGHT * _overlap(actors, s.actors)
                    score -= DAY_PENALTY * _gap(s, d)
                    if score > best_score:
                        best, best_score = s, score
                if best_score < JOIN_THRESHOLD:
                    best = None
        if best is None:
            sid = "st-" + hashlib.sha1(doc.id.encode("utf-8")).hexdigest()[:12]
            best = Story(id=sid, new=True)
            self.cache[sid] = best
            best_score = 1.0
        best.add(doc, vec, places, actors)
        if best.new:  # visible to the date-window query of the next documents
            self.conn.execute(f"INSERT OR REPLACE INTO stories({_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?)", best.to_row())
            best.new = False
        self.conn.execute("INSERT OR REPLACE INTO story_docs(story_id, doc_id, score, published) VALUES (?,?,?,?)",
                          (best.id, doc.id, round(best_score, 4), doc.published))
        return best.id, best_score

    def flush(self) -> None:
        rows = [s.to_row() for s in self.cache.values() if s.dirty]
        self.conn.executemany(f"INSERT OR REPLACE INTO stories({_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        for s in self.cache.values():
            s.dirty = s.new = False


def _gap(s: Story, d: date | None) -> float:
    """Days between a date and a story's span (0 inside it)."""
    if d is None:
        return 0.0
    a, b = _d(s.date_start), _d(s.date_end)
    if a is None or b is None:
        return 0.0
    if d < a:
        return float((a - d).days)
    if d > b:
        return float((d - b).days)
    return 0.0


def forget(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document from its story (the story's centroid keeps its trace)."""
    r = conn.execute("SELECT story_id FROM story_docs WHERE doc_id=?", (doc_id,)).fetchone()
    conn.execute("DELETE FROM story_docs WHERE doc_id=?", (doc_id,))
    if r:
        left = conn.execute("SELECT COUNT(*) FROM story_docs WHERE story_id=?", (r[0],)).fetchone()[0]
        if left == 0:
            conn.execute("DELETE FROM stories WHERE id=?", (r[0],))
        else:
            conn.execute("UPDATE stories SET n_docs=? WHERE id=?", (left, r[0]))


def list_stories(conn: sqlite3.Connection, limit: int | None = None, min_docs: int = 1) -> list[dict]:
    """Stories as dicts (largest and latest first) with their articles."""
    sql = (f"SELECT {_COLS} FROM stories WHERE n_docs >= ? ORDER BY n_docs DESC, date_end DESC"
           + (" LIMIT ?" if limit else ""))
    args: tuple = (min_docs, limit) if limit else (min_docs,)
    out = []
    has_docs = conn.execute("SELECT 1 FROM sqlite_master WHERE name='documents'").fetchone() is not None
    for r in conn.execute(sql, args).fetchall():
        st = Story.from_row(tuple(r))
        if has_docs:
            arts = conn.execute(
                "SELECT sd.doc_id, sd.published, sd.score, d.title, d.outlet FROM story_docs sd "
                "LEFT JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id=? ORDER BY sd.published, sd.doc_id",
                (st.id,)).fetchall()
        else:
            arts = conn.execute(
                "SELECT doc_id, published, score, NULL, NULL FROM story_docs WHERE story_id=? "
                "ORDER BY published, doc_id", (st.id,)).fetchall()
        out.append({
            "id": st.id, "title": st.title, "n_articles": st.n_docs,
            "date_start": st.date_start, "date_end": st.date_end,
            "places": [k for k, _ in st.places.most_common(5)],
            "actors": [k for k, _ in st.actors.most_common(5)],
            "articles": [{"doc_id": a[0], "published": a[1], "score": a[2], "title": a[3], "outlet": a[4]}
                         for a in arts],
        })
    return out
