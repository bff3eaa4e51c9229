"""The one registry of schema migrations of a Rasid database.

Every change to the schema of the SQLite file is a numbered migration here, in
order; :meth:`rasid.store.Store` applies the ones a file lacks, each in its own
transaction, and records the version reached in ``schema_version``. A migration
is SQL (run with ``executescript``) or a function of the connection, for steps
SQL alone cannot say (adding a column only when it is missing).

Adding one: append ``Migration(SCHEMA_VERSION + 1, "what it does", SQL)`` to
:data:`REGISTRY`; never edit a migration that has shipped.

Not here yet: the cross-document tables (``crossdoc_docs``, ``dup_*``,
``stories``, ``story_docs``, ``merged_*``), which ``rasid.crossdoc.schema.ensure_schema``
still creates on first use with ``CREATE TABLE IF NOT EXISTS`` and ``ALTER TABLE
ADD COLUMN`` for its later columns. They belong here as migration 3 (its DDL and
INDEXES as SQL, its ADDED_COLUMNS as a function that adds a column only when the
file lacks it, since files made by earlier versions may hold any subset of them),
after which ``ensure_schema`` reduces to nothing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Callable

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


@dataclass(frozen=True)
class Migration:
    """Brings a file from ``version - 1`` to ``version``."""

    version: int
    description: str
    apply: str | Callable[[sqlite3.Connection], None]

    def run(self, conn: sqlite3.Connection) -> None:
        if isinstance(self.apply, str):
            conn.executescript(self.apply)
        else:
            self.apply(conn)


#: Every migration, in order (versions 1, 2, ... without gaps).
REGISTRY: tuple[Migration, ...] = (
    Migration(1, "documents, their annotations as query tables, the full-text index", _V1),
    Migration(2, "composite indexes for the API's filtered, date-ordered event queries", _V2),
)

#: The schema version this Rasid writes.
SCHEMA_VERSION = REGISTRY[-1].version

#: version -> SQL that brings a file from version-1 to version (the SQL migrations).
MIGRATIONS: dict[int, str] = {m.version: m.apply for m in REGISTRY if isinstance(m.apply, str)}


def pending(version: int) -> list[Migration]:
    """The migrations a file at ``version`` still needs, in order."""
    return [m for m in REGISTRY if m.version > version]
