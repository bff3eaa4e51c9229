"""Stories: one happening (or one tightly bounded episode) per story, built incrementally.

A story is anchored on the *event date* of its first article (the date its
events took place, resolved by the times stage against that article's own
publication date; the publication date itself only when the article has no
dated event, or when its only stated dates are days old and told after its
opening: the recalled cause of today's news, ``ANCHOR_OLD_DAYS``). The anchor never moves, so a story cannot drift from day to day.

A new article is compared only with the stories anchored within
``WINDOW_DAYS`` of its own event date (an indexed query on ``anchor``), and
with the story *as a whole*, never with one member (no chaining): a logistic
score over

- cos(USE-m3 of title + lead, the story's centroid),
- cos(tf-idf of its folded words, the sum of the story's; :mod:`.lexical`),
- the share of its actors the story names,
- the figures of its title and lead against the story's (one shared, figures
  spelled in words included, or both give figures in digits and none agree),
- whether one of its events merges on its own (merge score >= ``LINK_MIN``:
  same type and day, the same town or its surroundings, or a governorate with
  the same toll) with one of the story's merged events, or is only compatible
  with one (``W_WEAK_EVENT``),
- the days between its event date and the story's anchor;

it joins the best story scoring >= ``JOIN_THRESHOLD``, else starts a new one.
Two articles whose event dates are both stated and two or more days apart
never share a story, and an article that reports the same kind of event at the
same place as the story but on another day (the next daily strike report) is
a different happening unless one of its events is the story's. A syndicated
copy joins the story of its original directly. No join (copy or not) stretches
a story's event dates beyond ``MAX_SPAN_DAYS`` (issue 14; there is no cheap
signal yet for an ongoing episode such as a siege, so the cap holds for all).
Thresholds were chosen on the tune split of the labelled pairs
(``scripts/eval_pairs.py``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable

import numpy as np

from rasid.model.document import Document
from rasid.crossdoc.dedup import is_number_item, key_hash, doc_keys
from rasid.crossdoc.lexical import cosine, term_vector
from rasid.crossdoc.lexical import norm as lex_norm
from rasid.crossdoc.merge import STATEMENT_TYPES as _STATEMENT_TYPES
from rasid.store.crossdoc import CrossdocDB, tables
from rasid.text import fold_key

WINDOW_DAYS = 2  # event-date distance from a story's anchor
MAX_CANDIDATES = 1000
MIN_COS = 0.65  # below this (and no event link) a story is not scored; tune pairs: 0.3 P 0.964 R 0.803 (the Lahj supply lines joined the Aden airport reopening at cos 0.58), 0.65 P 0.981 R 0.803
# Story score, a logistic model fitted on the tune split of the labelled pairs
# (scripts/eval_pairs.py; pairwise features, 5-fold P/R 0.84/0.71 at z = 0):
#   z = W_COS cos(USE-m3, centroid) + W_TERMS cos(tf-idf, story terms) + W_ACTOR shared actors
#       + W_EVENT [an event merges with the story's] - W_DAY days (stated dates) - W_SOFT_DAY days
#       (one side only a publication date) + BIAS
#       + W_NUM_SHARED [a figure shared] - W_NUM_DISJOINT [both give figures, none shared]
#       (the figures' weights chosen afterwards on the tune pairs);  join when z >= JOIN_THRESHOLD
W_COS = 3.5
W_TERMS = 2.9
W_ACTOR = 0.75
W_EVENT = 1.6
W_DAY = 1.5
W_SOFT_DAY = 0.5
BIAS = -3.5
JOIN_THRESHOLD = 0.7  # tune pairs (with SIBLING_ANY, LINK_LEAD_CHARS): P 1.000 R 0.682 at 1.0, 1.000/0.727 at 0.7, 1.000/0.758 at 0.6, 0.981/0.773 at 0.5
#: one of its events merges with one of the story's below LINK_MIN, or its first
#: event is only compatible with one (merge.WEAK_LINK: a governorate, one side dated
#: from publication, an agreeing toll). Tune pairs: stories R 0.788 -> 0.803 at 0.5
#: and 0.8 (P 0.981), 0.788 at 1.0 (the Asir bombing's stories reshuffle); on the
#: 765 pair and background articles 0.8 adds 4 co-story pairs, all one happening
#: (the Sinai IED, the Asir bombing's first reports), 1.2 adds 37 (the bomber's
#: identification two days later joins the bombing)
W_WEAK_EVENT = 0.8
LINK_MIN = 1.2  # merge score that counts as "its event is the story's event"
#: a merge score this high (the same town or its surroundings on the same stated
#: day, or a governorate with the same day and toll) joins the story whatever the wording
LINK_STRONG = 1.7
#: ... but only when the article's score with the story (its event match counted)
#: is at least this: a round-up or a visit whose lead recalls the story's strike,
#: worded unlike it (z < 0), is another happening. On the 765 pair and background
#: articles the forced joins below 0 were 25 of 28 other happenings (a prisoner
#: swap, the US defence secretary in Baghdad, a Kabul truck bomb joining a police
#: academy attack); the scenario tests' own forced joins score 0.45 and more.
#: A denial is worded unlike the reports it denies: its match alone is enough
LINK_STRONG_FLOOR = 0.0
KEEP_TERMS = 300  # heaviest terms kept per story
#: an event date more than this before publication is history, not the article's happening
ANCHOR_MAX_AGE = 10
#: only dates stated in the first this many characters anchor an article (a date told
#: further down is recalled background; tune stories R 0.788 -> 0.803, P 0.963 -> 0.946;
#: blind, read once, P/R 0.955/0.538 -> 0.958/0.590); 0: every stated date
ANCHOR_LEAD_CHARS = 1000
#: an article whose stated dates are all more than this many days before publication
#: and told after its first ``ANCHOR_OLD_LEAD_CHARS`` characters (its opening
#: sentence) is dated by publication (soft): they are the recalled cause of today's
#: news, whose own date was not found (the Aden airport's recapture a week before
#: the first relief plane lands "today"; the Duma arson eight days before the
#: toddler's father dies "today"). With a recent or opening date they count as before
ANCHOR_OLD_DAYS = 2
ANCHOR_OLD_LEAD_CHARS = 120
SOFT_DAYS = 2  # a publication date stands for the event dates [published - SOFT_DAYS, published]
COPY_WINDOW_DAYS = 7  # a copy published later than this after its story starts a new one
MAX_SPAN_DAYS = 7  # event dates of one story never span more than this
FAR_KM = 60.0  # the same kind of event this far from all the story's places is another happening
KEEP_EVENTS = 30  # event signatures kept per story
KEEP_ENTITIES = 40  # most frequent places/actors kept per story
#: figures in the title and lead (and the tolls of the events told there): two
#: reports of one happening mostly give one of them (178 hostages, 88 killed);
#: a daily report of another day gives others
NUM_LEAD_CHARS = 600
W_NUM_SHARED = 0.5  # tune pairs: P 0.980 R 0.727 at 0.5, P 0.962 R 0.758 at 0.75, P 0.930 R 0.803 at 1.0
W_NUM_DISJOINT = 0.5
#: figures spelled in words count too, for a shared figure only ("لمدة خمسة أيام" against "مدتها 5 أيام"; not
#: approximations such as "عشرات", nor ordinals such as "العشرين"): one outlet spells
#: what another gives in digits. Only from ``NUM_WORDS_MIN`` up: one, two and three
#: in words are shared by chance (three jets, three days; tune pairs: a shared "ثلاثة"
#: joined the Turkish jets' strikes of 24 Jul to the Kilis border clash of 23 Jul)
NUM_WORDS = True
NUM_WORDS_MIN = 4
KEEP_NUMBERS = 60
KEEP_KEYS = 3000  # key hashes kept per story (names, figures, days of its members)
#: the article's lead and the story's first lead each name someone (or a day) the
#: other never does, while the wording is the story's (tf-idf cosine >= TEMPLATE_TERMS):
#: another instance of a template (tune pairs: such name conflicts occur in 13 of 66
#: same-happening pairs, all worded apart, terms cosine <= 0.35, and in 53 of 80 others)
W_NAMES = 2.0
TEMPLATE_TERMS = 0.4
#: the article's lead names a town, the story's leads another town (of the same
#: governorate; of any with SIBLING_ANY) and none names the other's: two happenings
#: (the next town's shelling, the same day's attack elsewhere), costs W_SIBLING
#: (tune pairs: at JOIN_THRESHOLD 0.7 it removes the one false pair, Bozanti vs Cinar)
W_SIBLING = 1.0
SIBLING_KM = 10.0  # two towns closer than this may be one spot named two ways
KEEP_TOWNS = 20
SIBLING_ANY = True  # False: only towns of one governorate
#: an article whose lead reports only statements (a condemnation, a denial, a
#: threat) is one speaker's happening: it never joins a story whose statement
#: articles all have other speakers (the GCC's condemnation and Kuwait's are two
#: reactions). 0: off; 1: stories made only of statements; 2: any story
STATEMENT_TYPES = _STATEMENT_TYPES
STATEMENT_RULE = 2
STATEMENT_OPENING_ONLY = False  # True: every event of the opening words must be a statement
KEEP_SPEAKERS = 30
#: when a list, ``assign`` appends (doc id, story id, gate or None, score terms) per candidate (diagnostics)
TRACE: list | None = None
_NUM = re.compile(r"\d+")


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


_fold = lru_cache(maxsize=65536)(fold_key)


def _overlap(a: Counter, b: Counter) -> float:
    """Share of the document's entity names found in the story (0..1)."""
    if not a or not b:
        return 0.0
    ka = {_fold(k) for k in a}
    kb = {_fold(k) for k in b}
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
    anchor: str | None = None
    anchor_soft: bool = True
    ev_start: str | None = None
    ev_end: str | None = None
    events: list = field(default_factory=list)  # [type, place key, date] of members' events
    numbers: set = field(default_factory=set)  # figures of members' titles and leads
    wnumbers: set = field(default_factory=set)  # ... spelled in words (NUM_WORDS)
    towns: list = field(default_factory=list)  # [key, admin1, lat, lon] of the towns of members' leads
    #: speakers of its statement-only members; whether every member is one
    speakers: set = field(default_factory=set)
    all_statements: bool = True
    #: names and days of the first article's lead (:class:`.dedup.Keys` items), and
    #: the key hashes of every member: a later article naming others is another instance
    lead_keys: tuple = ()
    all_keys: set = field(default_factory=set)
    terms: dict = field(default_factory=dict)  # sum of members' tf-idf vectors
    dirty: bool = False
    new: bool = False

    _tnorm: float | None = None
    _thash: set | None = None

    @property
    def terms_norm(self) -> float:
        if self._tnorm is None:
            self._tnorm = lex_norm(self.terms)
        return self._tnorm

    @property
    def centroid(self) -> np.ndarray:
        v = self.vec_sum
        n = float(np.linalg.norm(v)) if v is not None else 0.0
        return v / n if n else v

    def add(self, doc: Document, vec: np.ndarray | None, places: Counter, actors: Counter,
            anchor: tuple[str | None, bool] = (None, True), sigs: list | None = None,
            terms: dict | None = None, numbers: Iterable[int] = (), keys=None,
            towns: Iterable[list] = (), speakers: set | None = None, wnumbers: Iterable[int] = ()) -> None:
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
        day, soft = anchor
        if self.anchor is None and day:
            self.anchor, self.anchor_soft = day, soft
            self.ev_start = self.ev_end = day
        elif day and self.anchor_soft and not soft:
            # a stated date pins a story opened by an undated article; the event
            # span is made of stated dates once there is one
            self.anchor, self.anchor_soft = day, False
            self.ev_start = self.ev_end = day
        elif day and soft == self.anchor_soft:
            self.ev_start = min(filter(None, (self.ev_start, day)))
            self.ev_end = max(filter(None, (self.ev_end, day)))
        for sg in sigs or []:
            if sg not in self.events and len(self.events) < KEEP_EVENTS:
                self.events.append(sg)
        for w, x in (terms or {}).items():
            self.terms[w] = self.terms.get(w, 0.0) + x
        if speakers is None:
            self.all_statements = False
        else:
            self.speakers.update(sorted(speakers)[:max(0, KEEP_SPEAKERS - len(self.speakers))])
        for t in towns:
            if len(self.towns) < KEEP_TOWNS and all(t[0] != x[0] for x in self.towns):
                self.towns.append(list(t))
        for n in numbers:
            if len(self.numbers) < KEEP_NUMBERS:
                self.numbers.add(n)
        for n in wnumbers:
            if len(self.wnumbers) < KEEP_NUMBERS:
                self.wnumbers.add(n)
        if keys is not None:
            if self.n_docs == 1:
                self.lead_keys = tuple(it for it in keys.lead if not is_number_item(it))
            if len(self.all_keys) < KEEP_KEYS:
                self.all_keys.update(keys.names)
        self._tnorm = self._thash = None
        self.places.update(places)
        self.actors.update(actors)
        self.dirty = True

    def stretches(self, day: str | None, soft: bool) -> bool:
        """Would an article with this event date (``soft``: only its publication
        date) stretch the story's event dates beyond ``MAX_SPAN_DAYS``? Mirrors
        :meth:`add`: a stated date pins a story opened by undated articles, and an
        undated article leaves a story of stated dates as it is."""
        if not day or self.anchor is None or (self.anchor_soft and not soft) or soft != self.anchor_soft:
            return False
        a, b = self.ev_start or day, self.ev_end or day
        new = _span_days(min(a, day), max(b, day)) or 0
        return new > MAX_SPAN_DAYS and new > (_span_days(a, b) or 0)

    def to_row(self) -> tuple:
        return (self.id, self.title, self.title_doc, self.title_sim, self.date_start, self.date_end,
                self.n_docs, None if self.vec_sum is None else self.vec_sum.astype(np.float32).tobytes(),
                json.dumps(dict(self.places.most_common(KEEP_ENTITIES)), ensure_ascii=False),
                json.dumps(dict(self.actors.most_common(KEEP_ENTITIES)), ensure_ascii=False),
                self.anchor, int(self.anchor_soft), self.ev_start, self.ev_end,
                # the figures ride in the events column as one ["#", [...], ""] entry
                json.dumps(self.events + ([["#", sorted(self.numbers), sorted(self.wnumbers) or ""]]
                                          if self.numbers or self.wnumbers else [])
                           + ([["T", self.towns, ""]] if self.towns else [])
                           + [["S", sorted(self.speakers), int(self.all_statements)]]
                           + ([["@", [sorted(it) for it in self.lead_keys], sorted(self.all_keys)]]
                              if self.lead_keys or self.all_keys else []), ensure_ascii=False),
                json.dumps({w: round(x, 4) for w, x in sorted(self.terms.items(), key=lambda kv: -kv[1])[:KEEP_TERMS]},
                           ensure_ascii=False))

    @classmethod
    def from_row(cls, r) -> "Story":
        evs = json.loads(r[14] or "[]")
        nums = {int(n) for e in evs if e[0] == "#" for n in e[1]}
        wnums = {int(n) for e in evs if e[0] == "#" and isinstance(e[2], list) for n in e[2]}
        keys = next((e for e in evs if e[0] == "@"), None)
        towns = next((e[1] for e in evs if e[0] == "T"), [])
        spk = next((e for e in evs if e[0] == "S"), None)
        return cls(id=r[0], title=r[1], title_doc=r[2], title_sim=r[3] if r[3] is not None else -1.0,
                   date_start=r[4], date_end=r[5], n_docs=r[6],
                   vec_sum=None if r[7] is None else np.frombuffer(r[7], dtype=np.float32).copy(),
                   places=Counter(json.loads(r[8] or "{}")), actors=Counter(json.loads(r[9] or "{}")),
                   anchor=r[10] or r[4], anchor_soft=bool(r[11]) if r[11] is not None else True,
                   ev_start=r[12] or r[4], ev_end=r[13] or r[5], events=[e for e in evs if e[0] not in ("#", "@", "T", "S")], numbers=nums, wnumbers=wnums, towns=towns,
                   speakers=set(spk[1]) if spk else set(), all_statements=bool(spk[2]) if spk else False,
                   lead_keys=tuple(frozenset(it) for it in keys[1]) if keys else (),
                   all_keys=set(keys[2]) if keys else set(),
                   terms=json.loads(r[15] or "{}"))


class StoryIndex:
    """Assigns documents to stories within one update (cache + write-back)."""

    def __init__(self, db) -> None:
        self.db: CrossdocDB = tables(db)
        self.cache: dict[str, Story] = {}

    def _load(self, sid: str) -> Story | None:
        if sid in self.cache:
            return self.cache[sid]
        r = self.db.story(sid)
        if r is None:
            return None
        st = Story.from_row(r)
        self.cache[sid] = st
        return st

    def _candidates(self, anchor: str | None, extra: Iterable[str] = ()) -> list[Story]:
        d = _d(anchor)
        if d is None:
            found = self.db.latest_story_ids(MAX_CANDIDATES)
        else:
            lo = (d - timedelta(days=WINDOW_DAYS + SOFT_DAYS)).isoformat()
            hi = (d + timedelta(days=WINDOW_DAYS + SOFT_DAYS)).isoformat()
            found = self.db.story_ids_anchored(lo, hi, MAX_CANDIDATES)
        ids = list(dict.fromkeys(found + list(extra)))
        # stories opened in this update are in the cache (and in SQL since their insert)
        return [s for s in (self._load(i) for i in ids) if s is not None]

    def story_of(self, doc_id: str) -> str | None:
        return self.db.story_of(doc_id)

    def copy_story(self, doc: Document, copy_of: str | None,
                   anchor: tuple[str | None, bool] | None = None) -> Story | None:
        """The story a copy joins: its original's, unless the copy came long after
        it or its event date (``anchor``; default: its publication date) would
        stretch the story's event dates beyond ``MAX_SPAN_DAYS`` (near-identical
        cables of other days, one national day after another, chain as copies)."""
        if copy_of is None:
            return None
        sid = self.story_of(copy_of)
        st = self._load(sid) if sid else None
        if st is not None and _gap(st, _d(doc.published)) > COPY_WINDOW_DAYS:
            return None
        if anchor is None:
            pub = _d(doc.published)
            anchor = (pub.isoformat() if pub else None), True
        if st is not None and st.stretches(*anchor):
            return None
        return st

    def assign(self, doc: Document, vec: np.ndarray | None, copy_of: str | None = None,
               mentions: list | None = None, links: dict[str, float] | None = None,
               denies: set[str] | None = None, avoid: set[str] | None = None,
               keys=None, terms: dict[str, float] | None = None) -> tuple[str, float]:
        """Put ``doc`` in a story; returns (story id, score).

        ``mentions`` are the document's event mentions (for its event date and
        event signatures); ``links`` the stories whose merged events its events
        match on their own ({story id: merge score}); ``denies`` those of them
        matched by a denial (a denial is worded unlike the reports it denies:
        its match is enough); ``avoid`` the stories it must not join (they hold
        another instance of its template: :attr:`.dedup.DupResult.siblings`)."""
        places, actors = entity_keys(doc)
        anchor = doc_anchor(doc, mentions or [])
        # its own event dates: the main one and those next to it (an older event
        # recalled in the background does not open older stories to it)
        dates = None
        if not anchor[1]:
            a0 = _d(anchor[0])
            dates = [x for x in doc_dates(doc, mentions or []) if abs((_d(x) - a0).days) <= 1]
        # signatures of its own happening only: an older event it recalls (a strike
        # months ago at the same airport) does not make it "another day" of a story
        sigs = event_signatures(mentions or [], dates or [])
        if terms is None:
            terms = term_vector(doc.title, doc.text)
        nums = doc_numbers(doc, mentions or [])
        wnums = word_numbers(doc) - nums
        towns = lead_towns(doc)
        speakers = statement_speakers(doc, mentions or [])
        if keys is None:
            keys = doc_keys(doc.text, doc.entities)
        links = links or {}
        best: Story | None = None
        best_score = -1.0
        avoid = avoid or set()
        if copy_of is not None:
            best = self.copy_story(doc, copy_of, anchor)
            if best is not None and best.id in avoid:
                best = None
            best_score = 1.0
        if best is None and vec is not None:
            # stories its events match (beyond the date window); a merely compatible one (merge.WEAK_LINK) only inside it
            linked_ids = sorted(k for k, v in links.items() if v >= LINK_MIN)
            cands = [s for s in self._candidates(anchor[0], linked_ids) if s.vec_sum is not None]
            if cands:
                mat = np.stack([s.centroid for s in cands])
                cos = mat @ vec
                best_score = -1e9
                for s, c in zip(cands, cos):
                    gate = _gate(s, float(c), links, avoid, anchor, dates, sigs, speakers)
                    if TRACE is not None:
                        TRACE.append((doc.id, s.id, gate, float(c)))
                    if gate:
                        continue
                    linked = links.get(s.id, 0.0) >= LINK_MIN
                    gap = _day_gap(anchor, (s.anchor, s.anchor_soft), dates)
                    assert gap is not None
                    days, soft = gap
                    tc = cosine(terms, s.terms, 1.0, s.terms_norm)
                    # worded like the story but naming others: another instance of a template
                    template = tc >= TEMPLATE_TERMS and _names_conflict(keys, s)
                    score = (W_COS * float(c) + W_TERMS * tc + W_ACTOR * _overlap(actors, s.actors)
                             + (W_EVENT if linked else W_WEAK_EVENT if links.get(s.id, -1.0) > 0 else 0.0)
                             - (W_SOFT_DAY if soft else W_DAY) * days + BIAS
                             + _numbers_term(nums, s.numbers, wnums, s.wnumbers) - (W_NAMES if template else 0.0)
                             - (W_SIBLING if _siblings(towns, s.towns) else 0.0))
                    if TRACE is not None:
                        TRACE[-1] = TRACE[-1] + ({"score": score, "cos": float(c), "terms": tc,
                                                  "actor": _overlap(actors, s.actors), "linked": linked,
                                                  "link": links.get(s.id, -1.0), "days": days, "soft": soft,
                                                  "num": _numbers_term(nums, s.numbers, wnums, s.wnumbers), "template": template,
                                                  "sibling": _siblings(towns, s.towns),
                                                  "town": _shared_town(towns, s.towns),
                                                  "lag": _lag(doc, anchor),
                                                  "names": _names_share(keys, s), "rnames": _rnames_share(keys, s),
                                                  "title": cosine(term_vector(doc.title, ""), term_vector(s.title, ""))},)
                    if linked and (s.id in (denies or ())
                                   or (links[s.id] >= LINK_STRONG and score >= LINK_STRONG_FLOOR)):
                        score = max(score, JOIN_THRESHOLD)
                    if score > best_score or (score == best_score and best is not None and s.id < best.id):
                        best, best_score = s, score
                if best_score < JOIN_THRESHOLD:
                    best = None
        if best is None:
            sid = "st-" + hashlib.sha1(doc.id.encode("utf-8")).hexdigest()[:12]
            best = Story(id=sid, new=True)
            self.cache[sid] = best
            best_score = 1.0
        best.add(doc, vec, places, actors, anchor, sigs, terms, nums, keys, towns, speakers, wnums)
        if best.new:  # visible to the date-window query of the next documents
            self.db.put_stories([best.to_row()])
            best.new = False
        self.db.put_story_member(best.id, doc.id, round(best_score, 4), doc.published)
        return best.id, best_score

    def flush(self) -> None:
        rows = [s.to_row() for s in self.cache.values() if s.dirty]
        self.db.put_stories(rows)
        for s in self.cache.values():
            s.dirty = s.new = False


def _gate(s: Story, c: float, links: dict[str, float], avoid: set[str], anchor: tuple[str | None, bool],
          dates: list[str] | None, sigs: list, speakers: set[str] | None) -> str | None:
    """Why story ``s`` is not scored for the article (None: it is)."""
    if s.id in avoid:
        return "sibling-template"
    linked = links.get(s.id, 0.0) >= LINK_MIN
    if c < MIN_COS and not linked:
        return "cos"
    if _day_gap(anchor, (s.anchor, s.anchor_soft), dates) is None:
        return "days"
    if not linked and _conflict(sigs, s.events):
        return "other-day"
    if s.stretches(*anchor):
        return "span"  # a story is one happening: at most a week of event dates
    if not linked and _other_speaker(speakers, s):
        return "speaker"
    return None


def doc_anchor(doc: Document, mentions: list) -> tuple[str | None, bool]:
    """(event date, soft) of an article: the most frequent stated event date of
    its mentions (recent ones: not more than ``ANCHOR_MAX_AGE`` days before
    publication; ties: the first in the text), else its publication date (soft)."""
    dates = doc_dates(doc, mentions)
    if dates:
        ms = [m for m in mentions if m.date_start and m.date_start[:10] in dates and m.date_kind == "precise"]
        c: Counter = Counter(m.date_start[:10] for m in ms)
        # ties: the date of the first such event in the text (the lead reports the happening)
        lead = min(ms, key=lambda m: (m.evidence_start if m.evidence_start is not None else 1 << 30, m.event_id))
        c[lead.date_start[:10]] += 0.5
        return min(c, key=lambda k: (-c[k], k)), False
    pub = _d(doc.published)
    return (pub.isoformat() if pub else None), True


def doc_dates(doc: Document, mentions: list) -> list[str]:
    """The recent stated event dates of an article's mentions (those told in its
    first ``ANCHOR_LEAD_CHARS`` characters, when set: a date stated further down
    is mostly a recalled, background one)."""
    pub = _d(doc.published)
    out = set()
    told = False  # a date told in the opening, or a recent one
    for m in mentions:
        if m.date_kind != "precise":
            continue
        if ANCHOR_LEAD_CHARS and (m.evidence_start is None or m.evidence_start >= ANCHOR_LEAD_CHARS):
            continue
        d = _d(m.date_start)
        if d is None or (pub is not None and not (pub - timedelta(days=ANCHOR_MAX_AGE) <= d <= pub + timedelta(days=1))):
            continue
        out.add(d.isoformat())
        if not (ANCHOR_OLD_LEAD_CHARS and pub is not None and d < pub - timedelta(days=ANCHOR_OLD_DAYS)
                and m.evidence_start is not None and m.evidence_start >= ANCHOR_OLD_LEAD_CHARS):
            told = True
    # only old dates told after the opening: today's happening is not dated (the
    # plane that lands "today", a week after the airport's recapture it recalls)
    return sorted(out) if told else []


def doc_numbers(doc: Document, mentions: list) -> set[int]:
    """The figures of an article's title and lead (years left out) and the tolls
    of the events told there."""
    out: set[int] = set()
    for x in _NUM.findall(f"{doc.title or ''} {doc.text[:NUM_LEAD_CHARS]}"):
        try:
            n = int(x)
        except ValueError:
            continue
        if not 1300 <= n <= 2100:  # a Gregorian or Hijri year
            out.add(n)
    for m in mentions:
        if m.evidence_start is not None and m.evidence_start < NUM_LEAD_CHARS:
            out.update(v for v in (m.fatalities, m.injuries) if v)
    return out


def lead_towns(doc: Document) -> list[list]:
    """[key, admin1, lat, lon] of the towns and sites named in the title or the
    first ``NUM_LEAD_CHARS`` characters (the place of the article's own happening)."""
    from rasid.crossdoc.mentions import place_level
    out: list[list] = []
    for e in doc.entities:
        p = e.place
        if e.kind != "place" or p is None or p.metonym or not p.admin1 or place_level(e) != 1:
            continue
        if not any(m.start < NUM_LEAD_CHARS for m in e.mentions):
            continue
        key = p.gazetteer_id or _fold(e.name or e.name_ar or "")
        if key and all(key != x[0] for x in out):
            out.append([key, p.admin1, round(p.lat, 3), round(p.lon, 3)])
    return out


def statement_speakers(doc: Document, mentions: list) -> set[str] | None:
    """The speakers of an article whose lead opens with a statement
    (``STATEMENT_TYPES``: its first event in the lead is one, or one told in the
    same words), else None: the statements' actors and claim sources and the
    actors, people and organisations named in the first statement's words."""
    lead = [m for m in mentions if m.evidence_start is not None and m.evidence_start < NUM_LEAD_CHARS]
    if not lead:
        return None
    first = min(m.evidence_start for m in lead)
    opening = [m for m in lead if m.evidence_start == first]
    said = [m for m in opening if m.type in STATEMENT_TYPES]
    if not said or (STATEMENT_OPENING_ONLY and len(said) < len(opening)):
        return None
    out: set[str] = set()
    for m in said:
        out.update(m.actor_keys)
        if m.source_key:
            out.add(m.source_key)
    a, b = said[0].evidence_start, said[0].evidence_end or said[0].evidence_start
    for e in doc.entities:
        if e.kind in ("actor", "person", "organization") and any(a <= x.start < b for x in e.mentions):
            out.add(_fold(e.name or e.name_ar or ""))
    out.discard("")
    return out


def _other_speaker(speakers: set[str] | None, s: Story) -> bool:
    """A statement by someone the story's statements never name as speaker."""
    if not speakers or not s.speakers or STATEMENT_RULE == 0:
        return False
    if STATEMENT_RULE == 1 and not s.all_statements:
        return False
    return not (speakers & s.speakers)


def _siblings(mine: list, theirs: list) -> bool:
    """The article's lead towns and the story's share none, and one of each lie
    more than ``SIBLING_KM`` apart (in one governorate, or in any two with
    ``SIBLING_ANY``): two happenings, e.g. the same day's attacks in two towns."""
    if not mine or not theirs:
        return False
    if {x[0] for x in mine} & {x[0] for x in theirs}:
        return False
    for _k, adm, la, lo in mine:
        for _k2, adm2, la2, lo2 in theirs:
            if (SIBLING_ANY or _fold(adm) == _fold(adm2)) and _km((la, lo), (la2, lo2)) > SIBLING_KM:
                return True
    return False


def _lag(doc: Document, anchor: tuple[str | None, bool]) -> int:
    """Days from the article's stated event date to its publication (0 when undated)."""
    a, p = _d(anchor[0]), _d(doc.published)
    return max(0, (p - a).days) if a and p and not anchor[1] else 0


def _shared_town(mine: list, theirs: list) -> bool:
    """The article's lead and the story's leads name one town or site (or two within ``SIBLING_KM``)."""
    return any(a[0] == b[0] or _km((a[2], a[3]), (b[2], b[3])) <= SIBLING_KM for a in mine for b in theirs)


def word_numbers(doc: Document) -> set[int]:
    """The figures spelled in words in an article's title and lead (``NUM_WORDS``):
    from ``NUM_WORDS_MIN`` up, not approximations ("عشرات") nor ordinals."""
    if not NUM_WORDS:
        return set()
    from rasid.text.numbers import _clitic, find_numbers
    article = _clitic("article")  # an ordinal ("الذكرى العشرين", "الساعة العاشرة") is no count
    out: set[int] = set()
    for part in (doc.title or "", doc.text[:NUM_LEAD_CHARS]):
        out.update(x.value for x in find_numbers(part)
                   if x.kind == "words" and not x.approx and not x.definite
                   and not _fold(x.text).startswith(article)
                   and NUM_WORDS_MIN <= x.value and not 1300 <= x.value <= 2100)
    return out


def _numbers_term(mine: set[int], theirs: set[int], mine_w: set[int] | frozenset = frozenset(),
                  theirs_w: set[int] | frozenset = frozenset()) -> float:
    """Score term for the figures: one shared, or both give figures in digits and
    none agree. A figure spelled in words (``mine_w``, ``theirs_w``) counts for a
    shared one, never for disagreement: spelled, it is as often a count beside the
    happening's toll ("خمسة كويتيين" in a cell whose story's figures are a
    recalled bombing's dead) as the toll itself."""
    if (mine | mine_w) & (theirs | theirs_w):
        return W_NUM_SHARED
    if not mine or not theirs:
        return 0.0
    return -W_NUM_DISJOINT


def _names_conflict(keys, s: Story) -> bool:
    """The article's lead names someone (or a day) the story never does, and the
    story's first lead names someone the article never does: another instance of
    a template (a cable to another president), or another happening."""
    if not s.lead_keys:
        return False
    if not any(not (it & keys.all) for it in s.lead_keys):
        return False
    said = s.all_keys | _term_hashes(s)
    return any(not (it & said) for it in keys.lead if not is_number_item(it))


def _names_share(keys, s: Story) -> float:
    """Share of the names (and days) of the article's lead that its story says anywhere."""
    items = [it for it in keys.lead if not is_number_item(it)]
    if not items:
        return 0.0
    said = s.all_keys | _term_hashes(s)
    return sum(1 for it in items if it & said) / len(items)


def _rnames_share(keys, s: Story) -> float:
    """Share of the names of the story's first lead that the article says anywhere."""
    if not s.lead_keys:
        return 0.0
    return sum(1 for it in s.lead_keys if it & keys.all) / len(s.lead_keys)


def _term_hashes(s: Story) -> set[int]:
    """Hashes of the story's heaviest words (its members' rare words: the names)."""
    if s._thash is None:
        s._thash = {key_hash(w) for w in s.terms}
    return s._thash


def _place_key(m) -> str | None:
    if m.lat is None or m.lon is None:
        return None
    if (m.level or 0) == 4 or (not m.level and (m.precision or 1) >= 3):
        return f"C:{m.country}"
    key = f"{round(m.lat * 4) / 4:.2f}:{round(m.lon * 4) / 4:.2f}"
    # a governorate or region: the same one on another day is a series, but its
    # centre is no place to measure distances from
    return f"R:{key}" if (m.level or 0) == 3 else key


def event_signatures(mentions: list, dates: Iterable[str] | None = None) -> list:
    """[type, place key, date] of the asserted mentions with a stated date and a
    place (only those dated on one of ``dates``, when given)."""
    keep = set(dates) if dates is not None else None
    out = []
    for m in mentions:
        if m.date_kind != "precise" or m.stance == "deny":
            continue
        if keep is not None and m.date_start[:10] not in keep:
            continue
        k = _place_key(m)
        if k is not None:
            sg = [m.type, k, m.date_start[:10]]
            if sg not in out:
                out.append(sg)
    return out


def _conflict(sigs: list, story_sigs: list) -> bool:
    """The article reports the story's kind of event at the story's place, but
    only on other days: the next one of a series, not this happening."""
    if not sigs or not story_sigs:
        return False
    same = {(t, k, d) for t, k, d in story_sigs}
    if any((t, k, d) in same for t, k, d in sigs):
        return False
    places = {(t, k) for t, k, _ in story_sigs}
    if any((t, k) in places for t, k, _ in sigs):
        return True
    # the same kind of event, but only far from every place the story gives it
    # (executions in Jazan vs in Al-Ahsa): another happening
    for t in {x[0] for x in sigs} & {x[0] for x in story_sigs}:
        mine = [_key_point(k) for tt, k, _ in sigs if tt == t]
        theirs = [_key_point(k) for tt, k, _ in story_sigs if tt == t]
        mine, theirs = [x for x in mine if x], [x for x in theirs if x]
        if mine and theirs and all(_km(a, b) > FAR_KM for a in mine for b in theirs):
            return True
    return False


def _key_point(k: str) -> tuple[float, float] | None:
    if k.startswith(("C:", "R:")):
        return None
    la, _, lo = k.partition(":")
    return float(la), float(lo)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from rasid.crossdoc.merge import haversine_km
    return haversine_km(a[0], a[1], b[0], b[1])


def _intervals(day: str | None, soft: bool, dates: list[str] | None = None) -> list[tuple[date, date]]:
    """Event-date intervals: stated dates are points; a publication date stands
    for the ``SOFT_DAYS`` before it (news reports what happened lately)."""
    if soft:
        d = _d(day)
        return [(d - timedelta(days=SOFT_DAYS), d)] if d else []
    return [(d, d) for d in (_d(x) for x in (dates or [day])) if d]


def _day_gap(a: tuple[str | None, bool], b: tuple[str | None, bool],
             a_dates: list[str] | None = None) -> tuple[int, bool] | None:
    """(days between an article's event dates and a story's anchor, whether
    either is only a publication date); None = too far apart (stated dates two
    or more days apart never share a story)."""
    ia, ib = _intervals(a[0], a[1], a_dates), _intervals(b[0], b[1])
    if not ia or not ib:
        return 0, True
    gap = min(max(0, (x0 - y1).days, (y0 - x1).days) for x0, x1 in ia for y0, y1 in ib)
    soft = a[1] or b[1]
    if gap > WINDOW_DAYS or (not soft and gap >= 2):
        return None
    return gap, soft


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


def forget(db, doc_id: str) -> None:
    """Remove a document from its story (the story's centroid keeps its trace)."""
    tables(db).forget_story_member(doc_id)


def list_stories(db, limit: int | None = None, min_docs: int = 1) -> list[dict]:
    """Stories as dicts (largest and latest first) with their articles;
    ``db``: a Store, a connection or a CrossdocDB."""
    db = tables(db)
    out = []
    has_docs = db.has_documents()
    for r in db.stories(min_docs, limit):
        st = Story.from_row(r)
        arts = db.story_articles(st.id, with_documents=has_docs)
        out.append({
            "id": st.id, "title": st.title, "n_articles": st.n_docs,
            "date_start": st.date_start, "date_end": st.date_end,
            "event_date_start": st.ev_start, "event_date_end": st.ev_end, "anchor": st.anchor,
            "event_days": _span_days(st.ev_start, st.ev_end),
            "places": [k for k, _ in st.places.most_common(5)],
            "actors": [k for k, _ in st.actors.most_common(5)],
            "articles": [{"doc_id": a[0], "published": a[1], "score": a[2], "title": a[3], "outlet": a[4]}
                         for a in arts],
        })
    return out


def _span_days(a: str | None, b: str | None) -> int | None:
    da, db = _d(a), _d(b)
    return (db - da).days + 1 if da and db else None
