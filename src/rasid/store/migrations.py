"""The one registry of schema migrations of a Rasid database.

Every change to the schema of a Rasid database is a numbered migration here, in
order; :meth:`rasid.store.Store` applies the ones a database lacks (on SQLite each
in its own transaction, on PostgreSQL all in one, under a lock) and records the
version reached in ``schema_version``. A migration is SQL (SQLite's DDL, which
:mod:`rasid.store.backend` translates for PostgreSQL) or a function of the
connection (a :class:`rasid.store.backend.DB`), for steps SQL alone cannot say
(adding a column only when it is missing; the full-text index, which differs).
The same registry serves both back-ends.

Adding one: append ``Migration(SCHEMA_VERSION + 1, "what it does", SQL)`` to
:data:`REGISTRY`; never edit a migration that has shipped.

Migration 3 brings the cross-document tables (``crossdoc_docs``, ``dup_*``,
``stories``, ``story_docs``, ``merged_*``) that earlier versions of
``rasid.crossdoc`` created on first use: files made by those versions may hold
them already, with any subset of their later columns, so it creates what is
missing and adds a column only when the file lacks it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Callable

from rasid.store.backend import DB, Dialect, wrap_sqlite

# /*ROWID*/ marks the tables that get a rowid column on PostgreSQL (SQLite has one).
_V1_TABLES = """
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
CREATE TABLE IF NOT EXISTS events (/*ROWID*/
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
"""


def _v1(db: DB) -> None:
    db.executescript(_V1_TABLES)
    db.executescript(db.dialect.FTS_DDL)

# v2: composite indexes for the API's filtered, date-ordered event queries.
_V2 = """
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date_start);
CREATE INDEX IF NOT EXISTS events_country_date ON events(country, date_start);
CREATE INDEX IF NOT EXISTS events_modality_date ON events(modality, date_start);
"""


# v3: the cross-document tables (rasid.crossdoc; SQL in rasid.store.crossdoc).
#
# - dup_sigs(doc_id, sig, n_shingles): the MinHash signature of each document
#   (uint32 array as a blob), to verify LSH candidates without recomputation.
# - dup_bands(band, hash, doc_id): one row per LSH band of each document; a new
#   document looks its bands up here (index on (band, hash)).
# - dup_groups(doc_id, group_id, original, similarity, ...): near-duplicate groups;
#   original is 1 for the earliest published member, 0 for copies.
# - stories(id, title, ..., anchor, anchor_soft, ev_start, ev_end, events, terms):
#   date_start/date_end span the members' publication dates, ev_start/ev_end their
#   event dates; anchor is the event date of the story's first article (fixed);
#   story_docs(story_id, doc_id, score, published) its members.
# - merged_events(id, type, cell, date_start, ..., json) and
#   merged_mentions(merged_id, doc_id, event_id, ..., json).
# - crossdoc_docs(doc_id, content_hash, ...): documents already processed, so a
#   re-added document with changed content is first forgotten.
_V3_TABLES = """
CREATE TABLE IF NOT EXISTS crossdoc_docs(
    doc_id TEXT PRIMARY KEY, content_hash TEXT, published TEXT, outlet TEXT);
CREATE TABLE IF NOT EXISTS dup_sigs(
    doc_id TEXT PRIMARY KEY, sig BLOB NOT NULL, n_shingles INTEGER);
CREATE TABLE IF NOT EXISTS dup_bands(
    band INTEGER NOT NULL, hash INTEGER NOT NULL, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS dup_bands_key ON dup_bands(band, hash);
CREATE INDEX IF NOT EXISTS dup_bands_doc ON dup_bands(doc_id);
CREATE TABLE IF NOT EXISTS dup_groups(/*ROWID*/
    doc_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, original INTEGER NOT NULL DEFAULT 1,
    similarity REAL, published TEXT, outlet TEXT);
CREATE INDEX IF NOT EXISTS dup_groups_group ON dup_groups(group_id);
CREATE TABLE IF NOT EXISTS stories(/*ROWID*/
    id TEXT PRIMARY KEY, title TEXT, title_doc TEXT, title_sim REAL,
    date_start TEXT, date_end TEXT, n_docs INTEGER NOT NULL DEFAULT 0,
    centroid BLOB, places TEXT, actors TEXT, updated_at TEXT);
CREATE INDEX IF NOT EXISTS stories_date_end ON stories(date_end);
CREATE TABLE IF NOT EXISTS story_docs(/*ROWID*/
    story_id TEXT NOT NULL, doc_id TEXT PRIMARY KEY, score REAL, published TEXT);
CREATE INDEX IF NOT EXISTS story_docs_story ON story_docs(story_id);
CREATE TABLE IF NOT EXISTS merged_events(/*ROWID*/
    id TEXT PRIMARY KEY, type TEXT NOT NULL, cell TEXT NOT NULL,
    date_start TEXT, date_end TEXT, best_date TEXT,
    place_name TEXT, place_name_ar TEXT, lat REAL, lon REAL, country TEXT, admin1 TEXT,
    n_mentions INTEGER, outlets INTEGER, independent_sources INTEGER,
    contradicted INTEGER NOT NULL DEFAULT 0, earliest_doc TEXT, earliest_published TEXT,
    json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS merged_events_block ON merged_events(type, cell, date_start);
CREATE INDEX IF NOT EXISTS merged_events_date ON merged_events(date_start);
CREATE TABLE IF NOT EXISTS merged_mentions(/*ROWID*/
    merged_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL,
    outlet TEXT, published TEXT, stance TEXT, source_text TEXT, is_copy INTEGER,
    json TEXT NOT NULL, PRIMARY KEY (doc_id, event_id));
CREATE INDEX IF NOT EXISTS merged_mentions_merged ON merged_mentions(merged_id);
"""

#: columns the first versions of the cross-document tables lacked: (table, column, type)
_V3_COLUMNS = (("merged_mentions", "story_id", "TEXT"), ("merged_mentions", "group_id", "TEXT"),
               ("stories", "anchor", "TEXT"), ("stories", "anchor_soft", "INTEGER"),
               ("stories", "ev_start", "TEXT"), ("stories", "ev_end", "TEXT"),
               ("stories", "events", "TEXT"), ("stories", "terms", "TEXT"))

_V3_INDEXES = """
CREATE INDEX IF NOT EXISTS merged_mentions_story ON merged_mentions(story_id);
CREATE INDEX IF NOT EXISTS merged_mentions_group ON merged_mentions(group_id);
CREATE INDEX IF NOT EXISTS merged_events_admin ON merged_events(type, admin1, date_start);
CREATE INDEX IF NOT EXISTS stories_anchor ON stories(anchor);
CREATE INDEX IF NOT EXISTS crossdoc_docs_order ON crossdoc_docs(COALESCE(NULLIF(published, ''), '9999'), doc_id);
"""

#: the cross-document tables migration 3 makes
CROSSDOC_TABLES = ("crossdoc_docs", "dup_sigs", "dup_bands", "dup_groups", "stories", "story_docs",
                   "merged_events", "merged_mentions")


def ensure_crossdoc_schema(db: DB | sqlite3.Connection) -> None:
    """Migration 3: create the cross-document tables that are missing and add the
    columns a file made by an earlier ``rasid.crossdoc`` lacks (idempotent)."""
    if isinstance(db, sqlite3.Connection):
        db = wrap_sqlite(db)
    db.executescript(_V3_TABLES)
    for table, col, typ in _V3_COLUMNS:
        if col not in db.columns(table):
            db.executescript(f"ALTER TABLE {table} ADD COLUMN {col} {typ}")
    db.executescript(_V3_INDEXES)


# v4: indexes for the API's list endpoints on a large archive (benchmarks/api_latency.py):
#
# - merged_events_corroboration: the merged list's order (most independent sources first,
#   then insertion order) read off an index, so a page stops after its rows;
# - merged_events_mentions: the merged events (``min_reports``) the bbox, country, type and
#   date filters keep, counted or listed (id, corroboration, rowid) from the index alone;
# - stories_latest: the stories page's order (latest first, then insertion order);
# - entities_name, entities_name_ar: the distinct names an actor filter folds;
# - events_latest (PostgreSQL): the events' order (date descending, NULL last, then the
#   newest row), which SQLite reads off events_date and its implicit rowid.
#
# An index's column order must give each ORDER BY exactly, rowid included: on SQLite a
# DESC column keeps rowid ascending within ties; PostgreSQL names NULL order and rowid.
_V4_SQLITE = """
CREATE INDEX IF NOT EXISTS merged_events_corroboration ON merged_events(independent_sources DESC);
CREATE INDEX IF NOT EXISTS merged_events_mentions
    ON merged_events(n_mentions, lat, lon, country, type, date_start, date_end, independent_sources, id);
CREATE INDEX IF NOT EXISTS stories_latest ON stories(date_end DESC);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);
CREATE INDEX IF NOT EXISTS entities_name_ar ON entities(name_ar);
"""
_V4_POSTGRES = """
CREATE INDEX IF NOT EXISTS merged_events_corroboration
    ON merged_events(independent_sources DESC NULLS LAST, rowid NULLS FIRST);
CREATE INDEX IF NOT EXISTS merged_events_mentions
    ON merged_events(n_mentions, lat, lon, country, type, date_start, date_end, independent_sources, id, rowid);
CREATE INDEX IF NOT EXISTS stories_latest ON stories(date_end DESC NULLS LAST, rowid NULLS FIRST);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);
CREATE INDEX IF NOT EXISTS entities_name_ar ON entities(name_ar);
CREATE INDEX IF NOT EXISTS events_latest ON events(date_start DESC NULLS LAST, rowid DESC NULLS LAST);
"""


def _v4(db: DB) -> None:
    db.executescript(_V4_POSTGRES if db.is_postgres else _V4_SQLITE)


# v5: a covering index for the events list's filters (benchmarks/api_latency.py): the
# columns the type, country, modality, date and bbox filters test, so an /api/events count
# (or a page of a filtered list) reads the index alone, not each event's row, to decide
# which events match (on the synthetic 100,000 events, 191 filtered counts and pages without
# an actor: 0.77 -> 0.46 s on SQLite).
_V5 = """
CREATE INDEX IF NOT EXISTS events_filter ON events(country, type, modality, date_start, date_end, lat, lon);
"""

# v6: the bbox filter's index with the events list's order key and the other filters' columns
# (benchmarks/api_latency.py): a page of events in a bbox takes its row ids from the index
# alone (Database._bbox_page; on SQLite, a page of the synthetic 100,000 events: 37 -> 3 ms).
# SQLite only: PostgreSQL's plans for such a page do not use it (a bitmap scan of events_geo).
_V6_SQLITE = """
CREATE INDEX IF NOT EXISTS events_geo_date ON events(lat, lon, date_start, date_end, country, type, modality);
"""


def _v6(db: DB) -> None:
    if not db.is_postgres:
        db.executescript(_V6_SQLITE)


#: the primary key of each table rows are replaced in (INSERT OR REPLACE / ON CONFLICT)
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("id",), "crossdoc_docs": ("doc_id",), "dup_sigs": ("doc_id",), "dup_groups": ("doc_id",),
    "stories": ("id",), "story_docs": ("doc_id",), "merged_events": ("id",),
    "merged_mentions": ("doc_id", "event_id"),
}


@dataclass(frozen=True)
class Migration:
    """Brings a file from ``version - 1`` to ``version``."""

    version: int
    description: str
    apply: str | Callable[[DB], None]

    def run(self, db: DB | sqlite3.Connection) -> None:
        if isinstance(db, sqlite3.Connection):
            db = wrap_sqlite(db)
        if isinstance(self.apply, str):
            db.executescript(self.apply)
        else:
            self.apply(db)


#: Every migration, in order (versions 1, 2, ... without gaps).
REGISTRY: tuple[Migration, ...] = (
    Migration(1, "documents, their annotations as query tables, the full-text index", _v1),
    Migration(2, "composite indexes for the API's filtered, date-ordered event queries", _V2),
    Migration(3, "the cross-document tables (duplicates, stories, merged events)", ensure_crossdoc_schema),
    Migration(4, "indexes for the API's list endpoints (merged events, stories, actor names, event order)", _v4),
    Migration(5, "a covering index for the events list's filters (type, country, modality, dates, bbox)", _V5),
    Migration(6, "the bbox filter's index with the events' date and filters (a page of events in a bbox)", _v6),
)

#: The schema version this Rasid writes.
SCHEMA_VERSION = REGISTRY[-1].version

#: version -> the SQLite SQL that brings a file from version-1 to version (the SQL migrations).
MIGRATIONS: dict[int, str] = {
    1: Dialect().ddl(_V1_TABLES + Dialect.FTS_DDL),
    **{m.version: m.apply for m in REGISTRY if isinstance(m.apply, str)},
}


def pending(version: int) -> list[Migration]:
    """The migrations a file at ``version`` still needs, in order."""
    return [m for m in REGISTRY if m.version > version]
