"""The cross-document tables: every SQL statement :mod:`rasid.crossdoc` runs.

:mod:`rasid.crossdoc` keeps the logic (near-duplicate groups, stories, merged
events) and reads and writes its tables only through a :class:`CrossdocDB`,
got with :func:`tables` from a :class:`rasid.store.Store` (SQLite or
PostgreSQL), a bare ``sqlite3.Connection`` (tests; its tables are created on
first use) or a ``CrossdocDB`` itself. The tables are created by migration 3
(:mod:`rasid.store.migrations`); their columns are documented there. The SQL is
SQLite's; :mod:`rasid.store.backend` runs it on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Any, Iterator, Sequence

from rasid.store.backend import DB, wrap_sqlite
from rasid.store.migrations import CROSSDOC_TABLES, PRIMARY_KEYS, ensure_crossdoc_schema

#: the columns of ``stories`` as :class:`rasid.crossdoc.stories.Story` rows hold them, in order
STORY_COLUMNS = ("id", "title", "title_doc", "title_sim", "date_start", "date_end", "n_docs", "centroid",
                 "places", "actors", "anchor", "anchor_soft", "ev_start", "ev_end", "events", "terms")
MERGED_EVENT_COLUMNS = ("id", "type", "cell", "date_start", "date_end", "best_date", "place_name",
                        "place_name_ar", "lat", "lon", "country", "admin1", "n_mentions", "outlets",
                        "independent_sources", "contradicted", "earliest_doc", "earliest_published", "json")
MERGED_MENTION_COLUMNS = ("merged_id", "doc_id", "event_id", "outlet", "published", "stance", "source_text",
                          "is_copy", "story_id", "group_id", "json")

_STORY_SELECT = ", ".join(STORY_COLUMNS)
#: sort_key's date (publication date, '9999' when unknown), as the index crossdoc_docs_order has it
_ORDER_KEY = "COALESCE(NULLIF(published, ''), '9999')"
_CHUNK = 500  # ids per IN (...) list


def _marks(n: int) -> str:
    return ",".join("?" * n)


class CrossdocDB:
    """Named reads and writes of the cross-document tables on one connection."""

    def __init__(self, db: DB) -> None:
        self.db = db

    # -- plumbing -----------------------------------------------------------------
    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple]:
        return [tuple(r) for r in self.db.execute(sql, tuple(args))]

    def _one(self, sql: str, args: Sequence[Any] = ()) -> tuple | None:
        r = self.db.execute(sql, tuple(args)).fetchone()
        return None if r is None else tuple(r)

    def _run(self, sql: str, args: Sequence[Any] = ()) -> None:
        self.db.execute(sql, tuple(args))

    def _run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.db.executemany(sql, [tuple(r) for r in rows])

    def _replace_sql(self, table: str, columns: Sequence[str]) -> str:
        return self.db.dialect.replace_sql(table, columns, PRIMARY_KEYS[table])

    @contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction, its lock taken first (so two processes never
        process the same document twice); joins a transaction already open."""
        self.db.dialect.lock_all(self.db, "crossdoc")
        with self.db:
            yield

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.db:
            yield

    def has_documents(self) -> bool:
        """Whether the connection holds the store's ``documents`` table."""
        return self.db.table_exists("documents")

    def document_json(self, doc_id: str) -> str | None:
        r = self._one("SELECT json FROM documents WHERE id=?", (doc_id,))
        return r[0] if r else None

    # -- processed documents (crossdoc_docs) --------------------------------------------
    def processed_hash(self, doc_id: str) -> str | None:
        """The content hash a processed document had; None when it was not processed."""
        r = self._one("SELECT content_hash FROM crossdoc_docs WHERE doc_id=?", (doc_id,))
        return None if r is None else (r[0] or "")

    def is_processed(self, doc_id: str) -> bool:
        return self._one("SELECT 1 FROM crossdoc_docs WHERE doc_id=?", (doc_id,)) is not None

    def mark_processed(self, doc_id: str, content_hash: str, published: str | None, outlet: str | None) -> None:
        self._run(self._replace_sql("crossdoc_docs", ("doc_id", "content_hash", "published", "outlet")),
                  (doc_id, content_hash, published, outlet))

    def forget_processed(self, doc_id: str) -> None:
        self._run("DELETE FROM crossdoc_docs WHERE doc_id=?", (doc_id,))

    def processed_from(self, day: str, doc_id: str) -> list[str]:
        """Processed documents at or after (``day``, ``doc_id``) in the canonical order."""
        return [r[0] for r in self._rows(
            f"SELECT doc_id FROM crossdoc_docs WHERE {_ORDER_KEY} >= ? AND ({_ORDER_KEY} > ? OR doc_id >= ?)",
            (day, day, doc_id))]

    def story_mates(self, doc_ids: list[str]) -> list[tuple[str, str | None]]:
        """(doc_id, published) of every member of the stories of ``doc_ids``."""
        out: list[tuple[str, str | None]] = []
        for i in range(0, len(doc_ids), _CHUNK):
            part = doc_ids[i:i + _CHUNK]
            out += [(r[0], r[1]) for r in self._rows(
                "SELECT sd2.doc_id, sd2.published FROM story_docs sd JOIN story_docs sd2"
                f" ON sd2.story_id = sd.story_id WHERE sd.doc_id IN ({_marks(len(part))})", part)]
        return out

    # -- near-duplicates (dup_sigs, dup_bands, dup_groups) --------------------------------
    def band_members(self, band: int, hash_: int) -> list[str]:
        return [r[0] for r in self._rows("SELECT doc_id FROM dup_bands WHERE band=? AND hash=?", (band, hash_))]

    def bands_members(self, bands: list[tuple[int, int]]) -> list[str]:
        """Documents sharing one of the (band number, hash) pairs (one indexed query)."""
        if not bands:
            return []
        cond = " OR ".join("(band=? AND hash=?)" for _ in bands)
        return [r[0] for r in self._rows(f"SELECT doc_id FROM dup_bands WHERE {cond}",
                                         tuple(x for bh in bands for x in bh))]

    def signature(self, doc_id: str) -> bytes | None:
        r = self._one("SELECT sig FROM dup_sigs WHERE doc_id=?", (doc_id,))
        return None if r is None else bytes(r[0])

    def put_signature(self, doc_id: str, sig: bytes, n_shingles: int) -> None:
        self._run(self._replace_sql("dup_sigs", ("doc_id", "sig", "n_shingles")), (doc_id, sig, n_shingles))

    def add_bands(self, doc_id: str, bands: list[tuple[int, int]]) -> None:
        """Store a document's (band number, hash) pairs."""
        self._run_many("INSERT INTO dup_bands(band, hash, doc_id) VALUES (?,?,?)",
                       [(i, h, doc_id) for i, h in bands])

    def group_of(self, doc_id: str) -> tuple[str, bool] | None:
        """(group id, is the original) of a document in a near-duplicate group."""
        r = self._one("SELECT group_id, original FROM dup_groups WHERE doc_id=?", (doc_id,))
        return None if r is None else (r[0], bool(r[1]))

    def group_first_row(self, group_id: str) -> int:
        """The insertion rank of a group's oldest row (the older group keeps its id on a merge)."""
        r = self._one("SELECT MIN(rowid) FROM dup_groups WHERE group_id=?", (group_id,))
        return r[0] if r else 0

    def rename_group(self, old: str, new: str) -> None:
        self._run("UPDATE dup_groups SET group_id=? WHERE group_id=?", (new, old))

    def put_group_member(self, doc_id: str, group_id: str, original: bool, similarity: float | None,
                         published: str | None, outlet: str | None) -> None:
        self._run(self._replace_sql("dup_groups", ("doc_id", "group_id", "original", "similarity", "published", "outlet")),
                  (doc_id, group_id, int(original), similarity, published, outlet))

    def group_members(self, group_id: str) -> list[tuple[int, str, str | None]]:
        """(insertion rank, doc_id, published) of a group's members."""
        return [(r[0], r[1], r[2]) for r in
                self._rows("SELECT rowid, doc_id, published FROM dup_groups WHERE group_id=?", (group_id,))]

    def set_original(self, group_id: str, doc_id: str) -> None:
        """Make ``doc_id`` the original of its group and every other member a copy."""
        self._run("UPDATE dup_groups SET original = CASE WHEN doc_id = ? THEN 1 ELSE 0 END WHERE group_id=?",
                  (doc_id, group_id))

    def group_exists(self, group_id: str) -> bool:
        return self._one("SELECT 1 FROM dup_groups WHERE group_id=?", (group_id,)) is not None

    def original_of(self, group_id: str) -> str | None:
        r = self._one("SELECT doc_id FROM dup_groups WHERE group_id=? AND original=1", (group_id,))
        return r[0] if r else None

    def forget_duplicate(self, doc_id: str) -> None:
        """Remove a document's signature, bands and group membership."""
        for sql in ("DELETE FROM dup_bands WHERE doc_id=?", "DELETE FROM dup_sigs WHERE doc_id=?",
                    "DELETE FROM dup_groups WHERE doc_id=?"):
            self._run(sql, (doc_id,))

    # -- stories (stories, story_docs) -------------------------------------------------
    def story(self, story_id: str) -> tuple | None:
        """A story's row, its columns as :data:`STORY_COLUMNS`."""
        return self._one(f"SELECT {_STORY_SELECT} FROM stories WHERE id=?", (story_id,))

    def latest_story_ids(self, limit: int) -> list[str]:
        """The stories written last (for an article without a date)."""
        return [r[0] for r in self._rows("SELECT id FROM stories ORDER BY rowid DESC LIMIT ?", (limit,))]

    def story_ids_anchored(self, lo: str, hi: str, limit: int) -> list[str]:
        """Stories whose anchor lies in [lo, hi], latest first."""
        return [r[0] for r in self._rows(
            "SELECT id FROM stories WHERE anchor BETWEEN ? AND ? ORDER BY anchor DESC LIMIT ?", (lo, hi, limit))]

    def story_of(self, doc_id: str) -> str | None:
        r = self._one("SELECT story_id FROM story_docs WHERE doc_id=?", (doc_id,))
        return r[0] if r else None

    def put_stories(self, rows: list[tuple]) -> None:
        """Write story rows (columns as :data:`STORY_COLUMNS`), replacing any with their id."""
        self._run_many(self._replace_sql("stories", STORY_COLUMNS), rows)

    def put_story_member(self, story_id: str, doc_id: str, score: float, published: str | None) -> None:
        self._run(self._replace_sql("story_docs", ("story_id", "doc_id", "score", "published")),
                  (story_id, doc_id, score, published))

    def forget_story_member(self, doc_id: str) -> None:
        """Remove a document from its story; the story goes when it has no member left."""
        sid = self.story_of(doc_id)
        self._run("DELETE FROM story_docs WHERE doc_id=?", (doc_id,))
        if sid is None:
            return
        left = self._one("SELECT COUNT(*) FROM story_docs WHERE story_id=?", (sid,))
        n = left[0] if left else 0
        if n == 0:
            self._run("DELETE FROM stories WHERE id=?", (sid,))
        else:
            self._run("UPDATE stories SET n_docs=? WHERE id=?", (n, sid))

    def stories(self, min_docs: int = 1, limit: int | None = None) -> list[tuple]:
        """Story rows (as :data:`STORY_COLUMNS`) of at least ``min_docs`` articles, largest and latest first."""
        sql = f"SELECT {_STORY_SELECT} FROM stories WHERE n_docs >= ? ORDER BY n_docs DESC, date_end DESC"
        if limit:
            return self._rows(sql + " LIMIT ?", (min_docs, limit))
        return self._rows(sql, (min_docs,))

    def story_articles(self, story_id: str, with_documents: bool = True) -> list[tuple]:
        """(doc_id, published, score, title, outlet) of a story's articles, oldest first
        (title and outlet None without the store's ``documents`` table)."""
        if with_documents:
            return self._rows(
                "SELECT sd.doc_id, sd.published, sd.score, d.title, d.outlet FROM story_docs sd "
                "LEFT JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id=? ORDER BY sd.published, sd.doc_id",
                (story_id,))
        return self._rows("SELECT doc_id, published, score, NULL, NULL FROM story_docs WHERE story_id=? "
                          "ORDER BY published, doc_id", (story_id,))

    # -- merged events (merged_events, merged_mentions) ---------------------------------
    def merged_type(self, merged_id: str) -> str | None:
        r = self._one("SELECT type FROM merged_events WHERE id=?", (merged_id,))
        return r[0] if r else None

    def mention_jsons(self, merged_id: str) -> list[str]:
        """The JSON of a merged event's mentions, in the order they were written."""
        return [r[0] for r in self._rows("SELECT json FROM merged_mentions WHERE merged_id=? ORDER BY rowid",
                                         (merged_id,))]

    @staticmethod
    def _dates(dates: tuple[str, str, str] | None) -> tuple[str, list[str]]:
        if dates is None:
            return "", []
        return " AND me.date_start BETWEEN ? AND ? AND me.date_end >= ?", list(dates)

    def merged_ids_in_cells(self, etype: str, cells: list[str], dates: tuple[str, str, str] | None,
                            limit: int) -> list[str]:
        """Merged events of a type in blocking cells; ``dates`` = (lo, hi, lo_end):
        date_start in [lo, hi] and date_end >= lo_end."""
        date_sql, date_args = self._dates(dates)
        return [r[0] for r in self._rows(
            f"SELECT me.id FROM merged_events me WHERE me.type=? AND me.cell IN ({_marks(len(cells))}){date_sql}"
            " LIMIT ?", [etype, *cells, *date_args, limit])]

    def merged_ids_in_admin1(self, etype: str, admin1: str, dates: tuple[str, str, str] | None,
                             limit: int) -> list[str]:
        date_sql, date_args = self._dates(dates)
        return [r[0] for r in self._rows(
            f"SELECT me.id FROM merged_events me WHERE me.type=? AND me.admin1=?{date_sql} LIMIT ?",
            [etype, admin1, *date_args, limit])]

    def merged_ids_sharing(self, column: str, key: str, etype: str, dates: tuple[str, str, str] | None,
                           limit: int) -> list[str]:
        """Merged events of a type with a mention in the same story (``column='story_id'``)
        or near-duplicate group (``'group_id'``)."""
        if column not in ("story_id", "group_id"):
            raise ValueError(f"unknown mention column {column!r}")
        date_sql, date_args = self._dates(dates)
        return [r[0] for r in self._rows(
            "SELECT DISTINCT me.id FROM merged_mentions mm JOIN merged_events me ON me.id = mm.merged_id"
            f" WHERE mm.{column}=? AND me.type=?{date_sql} LIMIT ?", [key, etype, *date_args, limit])]

    def put_merged_event(self, row: dict[str, Any], mentions: list[dict[str, Any]]) -> None:
        """Write a merged event and its mentions (columns as :data:`MERGED_EVENT_COLUMNS`
        and :data:`MERGED_MENTION_COLUMNS`), replacing those with the same keys."""
        self._run(self._replace_sql("merged_events", MERGED_EVENT_COLUMNS), [row[c] for c in MERGED_EVENT_COLUMNS])
        self._run_many(self._replace_sql("merged_mentions", MERGED_MENTION_COLUMNS),
                       [[m[c] for c in MERGED_MENTION_COLUMNS] for m in mentions])

    def merged_ids_of_document(self, doc_id: str) -> list[str]:
        return [r[0] for r in self._rows("SELECT DISTINCT merged_id FROM merged_mentions WHERE doc_id=?", (doc_id,))]

    def forget_mentions_of(self, doc_id: str) -> None:
        self._run("DELETE FROM merged_mentions WHERE doc_id=?", (doc_id,))

    def mention_count(self, merged_id: str) -> int:
        r = self._one("SELECT COUNT(*) FROM merged_mentions WHERE merged_id=?", (merged_id,))
        return int(r[0]) if r else 0

    def delete_merged(self, merged_id: str) -> None:
        self._run("DELETE FROM merged_events WHERE id=?", (merged_id,))

    def merged_jsons(self, min_mentions: int = 1, contradicted_only: bool = False,
                     limit: int | None = None) -> list[str]:
        """The JSON of merged events, most reported first."""
        sql = "SELECT json FROM merged_events WHERE n_mentions >= ?"
        args: list[Any] = [min_mentions]
        if contradicted_only:
            sql += " AND contradicted = 1"
        sql += " ORDER BY n_mentions DESC, date_start DESC, id"
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        return [r[0] for r in self._rows(sql, args)]


def tables(source: Any) -> CrossdocDB:
    """The cross-document tables of a :class:`rasid.store.Store`, a ``sqlite3.Connection``
    or :class:`~rasid.store.backend.DB` (whose tables are created when missing) or a
    :class:`CrossdocDB`."""
    if isinstance(source, CrossdocDB):
        return source
    db = getattr(source, "db", None)
    if isinstance(db, DB):  # a Store: migrated when opened
        return CrossdocDB(db)
    if isinstance(source, sqlite3.Connection):
        source = wrap_sqlite(source)
    if not isinstance(source, DB):
        raise TypeError(f"expected a Store, CrossdocDB or connection, got {type(source).__name__}")
    if not set(CROSSDOC_TABLES) <= source.tables():  # a bare connection
        ensure_crossdoc_schema(source)
    return CrossdocDB(source)


def ensure_schema(conn: DB | sqlite3.Connection) -> None:
    """Create the cross-document tables on a bare connection (and add columns an older file lacks)."""
    ensure_crossdoc_schema(conn)
