"""Cross-document tables, created in the store's SQLite file by :func:`ensure_schema`.

Tables (all ``CREATE TABLE IF NOT EXISTS``; safe to call on every update):

- ``dup_sigs(doc_id, sig, n_shingles)``: the MinHash signature of each document
  (uint64 array as a blob), to verify LSH candidates without recomputation.
- ``dup_bands(band, hash, doc_id)``: one row per LSH band of each document;
  a new document looks its bands up here (index on ``(band, hash)``).
- ``dup_groups(doc_id, group_id, original, similarity)``: near-duplicate
  groups; ``original`` is 1 for the earliest published member, 0 for copies.
- ``stories(id, title, title_doc, title_sim, date_start, date_end, n_docs,
  centroid, places, actors, anchor, anchor_soft, ev_start, ev_end)``: date_start/
  date_end span the members' publication dates, ev_start/ev_end their event
  dates; ``anchor`` is the event date of the story's first article (fixed) and ``story_docs(story_id, doc_id, score)``.
- ``merged_events(id, type, cell, date_start, date_end, lat, lon, ..., json)``
  and ``merged_mentions(merged_id, doc_id, event_id, ..., json)``.
- ``crossdoc_docs(doc_id, content_hash)``: documents already processed, so a
  re-added document with changed content is first forgotten.
"""

from __future__ import annotations

import sqlite3

DDL = """
CREATE TABLE IF NOT EXISTS crossdoc_docs(
    doc_id TEXT PRIMARY KEY, content_hash TEXT, published TEXT, outlet TEXT);
CREATE TABLE IF NOT EXISTS dup_sigs(
    doc_id TEXT PRIMARY KEY, sig BLOB NOT NULL, n_shingles INTEGER);
CREATE TABLE IF NOT EXISTS dup_bands(
    band INTEGER NOT NULL, hash INTEGER NOT NULL, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS dup_bands_key ON dup_bands(band, hash);
CREATE INDEX IF NOT EXISTS dup_bands_doc ON dup_bands(doc_id);
CREATE TABLE IF NOT EXISTS dup_groups(
    doc_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, original INTEGER NOT NULL DEFAULT 1,
    similarity REAL, published TEXT, outlet TEXT);
CREATE INDEX IF NOT EXISTS dup_groups_group ON dup_groups(group_id);
CREATE TABLE IF NOT EXISTS stories(
    id TEXT PRIMARY KEY, title TEXT, title_doc TEXT, title_sim REAL,
    date_start TEXT, date_end TEXT, n_docs INTEGER NOT NULL DEFAULT 0,
    centroid BLOB, places TEXT, actors TEXT, updated_at TEXT);
CREATE INDEX IF NOT EXISTS stories_date_end ON stories(date_end);
CREATE TABLE IF NOT EXISTS story_docs(
    story_id TEXT NOT NULL, doc_id TEXT PRIMARY KEY, score REAL, published TEXT);
CREATE INDEX IF NOT EXISTS story_docs_story ON story_docs(story_id);
CREATE TABLE IF NOT EXISTS merged_events(
    id TEXT PRIMARY KEY, type TEXT NOT NULL, cell TEXT NOT NULL,
    date_start TEXT, date_end TEXT, best_date TEXT,
    place_name TEXT, place_name_ar TEXT, lat REAL, lon REAL, country TEXT, admin1 TEXT,
    n_mentions INTEGER, outlets INTEGER, independent_sources INTEGER,
    contradicted INTEGER NOT NULL DEFAULT 0, earliest_doc TEXT, earliest_published TEXT,
    json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS merged_events_block ON merged_events(type, cell, date_start);
CREATE INDEX IF NOT EXISTS merged_events_date ON merged_events(date_start);
CREATE TABLE IF NOT EXISTS merged_mentions(
    merged_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL,
    outlet TEXT, published TEXT, stance TEXT, source_text TEXT, is_copy INTEGER,
    story_id TEXT, group_id TEXT,
    json TEXT NOT NULL, PRIMARY KEY (doc_id, event_id));
CREATE INDEX IF NOT EXISTS merged_mentions_merged ON merged_mentions(merged_id);
"""

#: columns added after the first version: (table, column, type)
ADDED_COLUMNS = (("merged_mentions", "story_id", "TEXT"), ("merged_mentions", "group_id", "TEXT"),
                 ("stories", "anchor", "TEXT"), ("stories", "anchor_soft", "INTEGER"),
                 ("stories", "ev_start", "TEXT"), ("stories", "ev_end", "TEXT"),
                 ("stories", "events", "TEXT"), ("stories", "terms", "TEXT"))

INDEXES = """
CREATE INDEX IF NOT EXISTS merged_mentions_story ON merged_mentions(story_id);
CREATE INDEX IF NOT EXISTS merged_mentions_group ON merged_mentions(group_id);
CREATE INDEX IF NOT EXISTS merged_events_admin ON merged_events(type, admin1, date_start);
CREATE INDEX IF NOT EXISTS stories_anchor ON stories(anchor);
CREATE INDEX IF NOT EXISTS crossdoc_docs_order ON crossdoc_docs(COALESCE(NULLIF(published, ''), '9999'), doc_id);
"""


def connection(store_or_conn) -> sqlite3.Connection:
    """The sqlite3 connection of a Store (``.conn``) or a connection itself."""
    conn = getattr(store_or_conn, "conn", store_or_conn)
    if not isinstance(conn, sqlite3.Connection):
        raise TypeError(f"expected a Store or sqlite3.Connection, got {type(store_or_conn).__name__}")
    return conn


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the cross-document tables if they are missing (and add new columns)."""
    conn.executescript(DDL)
    for table, col, typ in ADDED_COLUMNS:
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if col not in have:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {col} {typ}")
    conn.executescript(INDEXES)


def table_exists(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name=?", (name,)).fetchone()
    return row is not None
