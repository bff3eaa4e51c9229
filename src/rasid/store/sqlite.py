"""The embedded store: one SQLite file, no server.

Every analysed document is kept whole (its document JSON) and flattened into
query tables (entities, mentions, times, claims, events) for the API, exports
and cross-document stages; ``docs_fts`` is an FTS5 index over search terms of
the matching view (:mod:`rasid.store.search_terms`).

Guarantees:

- adding the same document again changes nothing (same id and content hash);
- a document whose content changed replaces its old rows in one transaction;
- each document is committed on its own, so an interrupted ingest keeps what
  it had committed and can be re-run;
- the schema carries a version; :data:`MIGRATIONS` upgrade older files.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterator

from rasid.errors import StoreError
from rasid.model.document import Document
from rasid.store.search_terms import canonical, fts_query, index_terms, query_terms
from rasid.text.tokens import proclitic_splits

SCHEMA_VERSION = 2

_V1 = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    published TEXT, title TEXT, url TEXT, outlet TEXT,
    text TEXT NOT NULL,
    json TEXT NOT NULL,
    ingested_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);
CREATE TABLE IF NOT EXISTS entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL, kind TEXT NOT NULL,
    name TEXT, name_ar TEXT, canonical_id TEXT, n_mentions INTEGER,
    lat REAL, lon REAL, country TEXT, admin1 TEXT, feature TEXT,
    precision INTEGER, metonym INTEGER,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX IF NOT EXISTS entities_kind_name ON entities(kind, name);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical_id);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id, entity_id);
CREATE TABLE IF NOT EXISTS times (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT,
    value_start TEXT, value_end TEXT, granularity TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS claims (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    source_text TEXT, source_kind TEXT, source_entity TEXT, source_name TEXT,
    cue TEXT, stance TEXT,
    content_start INTEGER, content_end INTEGER, content_text TEXT, via TEXT,
    PRIMARY KEY (doc_id, claim_id)
);
CREATE INDEX IF NOT EXISTS claims_stance ON claims(stance);
CREATE TABLE IF NOT EXISTS events (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL, mode TEXT, modality TEXT,
    trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER,
    evidence_start INTEGER, evidence_end INTEGER, evidence_text TEXT,
    actor_id TEXT, actor_name TEXT, recipient_id TEXT, recipient_name TEXT,
    place_id TEXT, place_name TEXT, place_name_ar TEXT,
    lat REAL, lon REAL, country TEXT, admin1 TEXT, geo_precision INTEGER,
    date_start TEXT, date_end TEXT,
    claim_id TEXT, stance TEXT, source_text TEXT, source_kind TEXT,
    fatalities INTEGER, injuries INTEGER, arrests INTEGER, confidence REAL,
    outlet TEXT, published TEXT,
    acled_event_type TEXT, acled_sub_event_type TEXT,
    PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(date_start);
CREATE INDEX IF NOT EXISTS events_geo ON events(lat, lon);
CREATE INDEX IF NOT EXISTS events_country ON events(country);
CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(
    doc_id UNINDEXED, title, body, tokenize = "unicode61 remove_diacritics 0"
);
"""

# v2: composite indexes for the API's filtered, date-ordered event queries.
_V2 = """
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date_start);
CREATE INDEX IF NOT EXISTS events_country_date ON events(country, date_start);
CREATE INDEX IF NOT EXISTS events_modality_date ON events(modality, date_start);
"""

#: version -> SQL that brings a file from version-1 to version.
MIGRATIONS: dict[int, str] = {1: _V1, 2: _V2}

_TABLES = ("entities", "mentions", "times", "claims", "events", "docs_fts")


#: seconds a writer waits for another process's write lock before giving up
BUSY_TIMEOUT_S = 120.0


def content_hash(doc: Document) -> str:
    """Hash of what was analysed (text and metadata), not of the annotations."""
    key = json.dumps([doc.text, doc.published, doc.title, doc.url, doc.outlet], ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


class Store:
    """A Rasid database file. ``Store(":memory:")`` works for tests."""

    def __init__(self, path: str | Path = "rasid.db") -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # a generous busy timeout: another ingest may hold the write lock for a batch
            self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from exc

    # -- lifecycle ------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _migrate(self) -> None:
        cur = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
        ).fetchone()
        version = 0
        if cur:
            row = self.conn.execute("SELECT MAX(version) AS v FROM schema_version").fetchone()
            version = row["v"] or 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: database schema {version} is newer than this Rasid ({SCHEMA_VERSION})"
            )
        for v in range(version + 1, SCHEMA_VERSION + 1):
            with self.conn:
                self.conn.executescript(MIGRATIONS[v])
                self.conn.execute("DELETE FROM schema_version")
                self.conn.execute("INSERT INTO schema_version(version) VALUES (?)", (v,))

    @property
    def schema_version(self) -> int:
        return self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]

    # -- writing --------------------------------------------------------------
    def has(self, doc_id: str, chash: str | None = None) -> bool:
        row = self.conn.execute("SELECT content_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None and (chash is None or row["content_hash"] == chash)

    def add(self, doc: Document) -> bool:
        """Store an analysed document; False when it is already stored unchanged."""
        chash = content_hash(doc)
        c = self.conn
        try:
            # One write transaction for the check and the insert (BEGIN IMMEDIATE takes
            # the write lock first), so two processes ingesting the same article at
            # once store it exactly once: the second sees the first's row.
            c.execute("BEGIN IMMEDIATE")
            try:
                row = c.execute("SELECT content_hash FROM documents WHERE id = ?", (doc.id,)).fetchone()
                if row is not None and row["content_hash"] == chash:
                    c.rollback()
                    return False
                if row is not None:  # changed content: replace (a new id deletes nothing)
                    self._delete(doc.id)
                self._insert(doc, chash)
            except BaseException:
                c.rollback()
                raise
            c.commit()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot store {doc.id} ({exc})") from exc
        return True

    def delete(self, doc_id: str) -> None:
        """Remove a document, its annotations and its cross-document links."""
        with self.conn:
            self._delete(doc_id)
        from rasid import crossdoc

        crossdoc.forget(self, doc_id)

    def _delete(self, doc_id: str) -> None:
        for t in _TABLES:
            self.conn.execute(f"DELETE FROM {t} WHERE doc_id = ?", (doc_id,))
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def _insert(self, doc: Document, chash: str) -> None:
        c = self.conn
        c.execute(
            "INSERT INTO documents(id, content_hash, published, title, url, outlet, text, json, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (doc.id, chash, doc.published, doc.title, doc.url, doc.outlet, doc.text, doc.to_json(), time.time()),
        )
        for e in doc.entities:
            p = e.place
            c.execute(
                "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.id, e.id, e.kind, e.name, e.name_ar,
                    e.attrs.get("actor_id") or (p.gazetteer_id if p else None),
                    len(e.mentions),
                    p.lat if p else None, p.lon if p else None, p.country if p else e.attrs.get("country"),
                    p.admin1 if p else None, p.feature if p else e.attrs.get("type"),
                    p.precision if p else None, int(p.metonym) if p else None,
                ),
            )
            c.executemany(
                'INSERT INTO mentions(doc_id, entity_id, start, "end", text) VALUES (?,?,?,?,?)',
                [(doc.id, e.id, m.start, m.end, m.text) for m in e.mentions],
            )
        c.executemany(
            "INSERT INTO times VALUES (?,?,?,?,?,?,?,?)",
            [
                (doc.id, i, t.start, t.end, t.text, t.value_start, t.value_end, t.granularity)
                for i, t in enumerate(doc.times)
            ],
        )
        for cl in doc.claims:
            src_ent = doc.entity(cl.source.entity)
            c.execute(
                "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.id, cl.id, cl.source.text, cl.source.kind, cl.source.entity,
                    src_ent.name if src_ent else None, cl.cue.text, cl.stance,
                    cl.content.start, cl.content.end, doc.text[cl.content.start:cl.content.end], cl.via,
                ),
            )
        for ev in doc.events:
            c.execute(
                "INSERT INTO events VALUES (" + ",".join("?" * 37) + ")", _event_row(doc, ev)
            )
        c.execute(
            "INSERT INTO docs_fts(doc_id, title, body) VALUES (?,?,?)",
            (doc.id, index_terms(doc.title or ""), index_terms(doc.text)),
        )

    # -- reading --------------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT json FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Document.from_json(row["json"]) if row else None

    def iter_documents(self, batch: int = 200) -> Iterator[Document]:
        last = ""
        while True:
            rows = self.conn.execute(
                "SELECT id, json FROM documents WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield Document.from_json(r["json"])
            last = rows[-1]["id"]

    def count(self, table: str) -> int:
        if table not in ("documents",) + _TABLES:
            raise ValueError(f"unknown table {table!r}")
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Documents matching every word of ``query`` (spelling variants folded)."""
        match = fts_query(query)
        if match is None:
            return []
        rows = self.conn.execute(
            "SELECT f.doc_id, d.title, d.outlet, d.published, d.text, bm25(docs_fts) AS rank"
            " FROM docs_fts f JOIN documents d ON d.id = f.doc_id"
            " WHERE docs_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, limit, offset),
        ).fetchall()
        terms = {canonical(stem) for t in query_terms(query) for _, stem in proclitic_splits(t)}
        return [
            {
                "doc_id": r["doc_id"],
                "title": r["title"],
                "outlet": r["outlet"],
                "published": r["published"],
                "snippet": snippet(r["text"], terms),
                "rank": r["rank"],
            }
            for r in rows
        ]


def _event_row(doc: Document, ev) -> tuple:
    ev_span = ev.evidence[0] if ev.evidence else ev.trigger
    actor, recipient, place = doc.entity(ev.actor), doc.entity(ev.recipient), doc.entity(ev.place)
    claim = next((c for c in doc.claims if c.id == ev.claim), None)
    p = place.place if place else None
    t = ev.time or {}
    return (
        doc.id, ev.id, ev.type, ev.mode, ev.modality,
        ev.trigger.text, ev.trigger.start, ev.trigger.end,
        ev_span.start, ev_span.end, doc.text[ev_span.start:ev_span.end],
        ev.actor, actor.name if actor else None, ev.recipient, recipient.name if recipient else None,
        ev.place, place.name if place else None, place.name_ar if place else None,
        p.lat if p else None, p.lon if p else None, p.country if p else None,
        p.admin1 if p else None, p.precision if p else None,
        t.get("value_start"), t.get("value_end"),
        ev.claim, claim.stance if claim else None,
        claim.source.text if claim else None, claim.source.kind if claim else None,
        ev.fatalities, ev.injuries, ev.arrests, ev.confidence,
        doc.outlet, doc.published,
        ev.attrs.get("acled_event_type"), ev.attrs.get("acled_sub_event_type"),
    )


def snippet(text: str, terms: set[str], width: int = 90) -> str:
    """A stretch of ``text`` around the first word that matches a query term."""
    from rasid.text import tokenize

    toks = tokenize(text)
    for i, tok in enumerate(toks):
        forms = {canonical(stem) for _, stem in proclitic_splits(tok.norm)}
        if i + 1 < len(toks):
            forms.add(canonical(tok.norm + toks[i + 1].norm))
        if forms & terms:
            s, e = max(0, tok.start - width), min(len(text), tok.end + width)
            return ("…" if s else "") + text[s:e].replace("\n", " ") + ("…" if e < len(text) else "")
    return text[: 2 * width].replace("\n", " ")
