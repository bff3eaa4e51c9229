"""The two back-ends of the store, SQLite (the default) and PostgreSQL: every
difference between their SQL lives here.

The store writes its SQL once, in SQLite's dialect with ``?`` (positional) or
``:name`` (named) placeholders; a :class:`DB` runs it on either back-end:

- placeholders: ``?`` -> ``%s``, ``:name`` -> ``%(name)s`` (and a literal ``%`` -> ``%%``);
- NULL order: SQLite sorts NULL first (ascending) and last (descending), PostgreSQL
  the other way round; every ``ORDER BY`` item gets SQLite's order written out;
- ``LIMIT -1 OFFSET n`` (SQLite's "no limit") -> ``OFFSET n``;
- ``LIKE`` is ASCII case-insensitive in SQLite: ``ILIKE`` on PostgreSQL (the text
  columns have the "C" collation, so only ASCII letters fold, as in SQLite);
- ``INSERT OR REPLACE`` / ``INSERT OR IGNORE``: :meth:`Dialect.replace_sql` and
  :meth:`Dialect.insert_ignore_sql` (``ON CONFLICT`` on PostgreSQL; a replaced row
  takes a new ``rowid`` as in SQLite);
- DDL: ``REAL`` -> ``DOUBLE PRECISION``, ``INTEGER`` -> ``BIGINT``, ``BLOB`` -> ``BYTEA``,
  ``TEXT`` -> ``TEXT COLLATE "C"`` (byte order, as SQLite compares), and ``/*ROWID*/``
  in a ``CREATE TABLE`` -> a ``rowid BIGSERIAL`` column (SQLite has its implicit rowid);
- the write lock: ``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped advisory lock on
  PostgreSQL (per document for :meth:`Store.add`, one for the cross-document stage);
- full-text search: an FTS5 table (``bm25``) on SQLite, a ``tsvector`` column over the
  same normalised terms with a GIN index (``ts_rank``) on PostgreSQL
  (:mod:`rasid.store.search_terms` derives the terms for both);
- the catalogue (tables, columns) and the fold function the read model calls.

A database is named by a path (SQLite) or a ``postgresql://`` URL (PostgreSQL,
needs the ``postgres`` extra: ``pip install rasid[postgres]``).
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable, Iterator, Sequence

from rasid.errors import StoreError

URL_PREFIXES = ("postgresql://", "postgres://")


def is_url(target: Any) -> bool:
    """Whether ``target`` names a PostgreSQL database (not a SQLite file)."""
    return isinstance(target, str) and target.startswith(URL_PREFIXES)


def redact(url: str) -> str:
    """A URL without its password (for messages)."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


# -- SQL translation ---------------------------------------------------------------
_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"])*\"|(?<![:\w])(\?|:[A-Za-z_]\w*)")
_ORDER_BY = re.compile(r"\bORDER BY\b")
_STOP = re.compile(r"\s*(LIMIT|OFFSET)\b|\s*\)")


def _split_top(s: str) -> tuple[list[str], int]:
    """The comma-separated items of an ORDER BY list starting at s[0], and where the list ends."""
    items, depth, start, i = [], 0, 0, 0
    quote = ""
    while i < len(s):
        c = s[i]
        if quote:
            if c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
        elif c == "," and depth == 0:
            items.append(s[start:i])
            start = i + 1
        elif depth == 0 and re.match(r"\s(LIMIT|OFFSET)\b", s[i:i + 8]):
            break
        i += 1
    items.append(s[start:i])
    return items, i


def _null_order(item: str) -> str:
    body = item.rstrip()
    tail = item[len(body):]
    if re.search(r"\bNULLS (FIRST|LAST)$", body):
        return item
    if re.search(r"\bDESC$", body):
        return body + " NULLS LAST" + tail
    return body + " NULLS FIRST" + tail


def _sqlite_null_order(sql: str) -> str:
    out, pos = [], 0
    for m in _ORDER_BY.finditer(sql):
        if m.start() < pos:
            continue
        out.append(sql[pos:m.end()])
        items, end = _split_top(sql[m.end():])
        out.append(",".join(_null_order(x) for x in items))
        pos = m.end() + end
    out.append(sql[pos:])
    return "".join(out)


@lru_cache(maxsize=4096)
def pg_sql(sql: str) -> str:
    """SQLite-dialect SQL as PostgreSQL runs it (placeholders, NULL order, LIKE)."""
    sql = sql.replace("%", "%%")

    def sub(m: re.Match[str]) -> str:
        ph = m.group(1)
        if ph is None:
            return m.group(0)
        return "%s" if ph == "?" else f"%({ph[1:]})s"

    sql = _PLACEHOLDER.sub(sub, sql)
    sql = re.sub(r"\bLIKE\b", "ILIKE", sql)
    sql = sql.replace("LIMIT -1 OFFSET", "OFFSET")  # SQLite's "no limit" (an OFFSET needs one there)
    sql = sql.replace("rasid_fold(", "pg_temp.rasid_fold(")  # see connect_postgres
    return _sqlite_null_order(sql)


_DDL_TYPES = ((re.compile(r"\bREAL\b"), "DOUBLE PRECISION"), (re.compile(r"\bINTEGER\b"), "BIGINT"),
              (re.compile(r"\bBLOB\b"), "BYTEA"), (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'))


class Dialect:
    """SQLite: the SQL as written."""

    name = "sqlite"
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)

    def sql(self, sql: str) -> str:
        return sql

    def ddl(self, sql: str) -> str:
        return sql.replace("/*ROWID*/", "")

    def replace_sql(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        """Insert a row, replacing the one with the same ``key`` (a new rowid, as SQLite's REPLACE)."""
        cols = ", ".join(f'"{c}"' for c in columns)
        return f"INSERT OR REPLACE INTO {table}({cols}) VALUES ({','.join('?' * len(columns))})"

    def insert_ignore_sql(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        cols = ", ".join(f'"{c}"' for c in columns)
        return f"INSERT OR IGNORE INTO {table}({cols}) VALUES ({','.join('?' * len(columns))})"

    # -- catalogue
    def table_exists(self, db: "DB", name: str) -> bool:
        return db.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name=?",
                          (name,)).fetchone() is not None

    def tables(self, db: "DB") -> set[str]:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}

    def columns(self, db: "DB", table: str) -> list[str]:
        return [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]

    # -- locks
    def lock_document(self, db: "DB", doc_id: str) -> None:
        """Begin the write transaction of one document, its lock taken first."""
        db.execute("BEGIN IMMEDIATE")

    def lock_all(self, db: "DB", name: str) -> None:
        """Begin a write transaction holding the one lock called ``name``."""
        if not db.in_transaction:
            db.execute("BEGIN IMMEDIATE")

    # -- full-text search
    FTS_DDL = """
CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(
    doc_id UNINDEXED, title, body, tokenize = "unicode61 remove_diacritics 0"
);
"""

    def fts_text(self, terms: str) -> str:
        """What the ``title``/``body`` columns of ``docs_fts`` hold for index terms."""
        return terms

    def fts_match(self, groups: list[list[str]]) -> str:
        """The query: every group matched by one of its forms (FTS5 MATCH, terms quoted)."""
        return " AND ".join("(" + " OR ".join('"' + f.replace('"', '""') + '"' for f in g) + ")" for g in groups)

    # the page is ranked inside FTS5 (its rank column: bm25) before a document is read
    SEARCH_SQL = ("SELECT f.doc_id, d.title, d.outlet, d.published, d.text, f.rank FROM"
                  " (SELECT rowid AS r, doc_id, rank FROM docs_fts WHERE docs_fts MATCH ?"
                  " ORDER BY rank LIMIT ? OFFSET ?) f"
                  " JOIN documents d ON d.id = f.doc_id ORDER BY f.rank, f.r")

    # -- read model
    def days_between(self, a: str, b: str) -> str:
        """SQL for the days from date text ``a`` to ``b`` (NULL when either is not a day)."""
        return f"julianday({b}) - julianday({a})"


#: what FTS5's unicode61 tokenizer keeps as one token (letters, digits, marks); ASCII is case-folded
_TOKEN = re.compile(r"[^\W_]+(?:[\u064B-\u065F\u0670][^\W_]*)*")


class PgDialect(Dialect):
    """PostgreSQL 12+ through psycopg 3."""

    name = "postgresql"
    errors: tuple[type[BaseException], ...] = ()

    def __init__(self) -> None:
        import psycopg

        self.errors = (psycopg.Error,)

    def sql(self, sql: str) -> str:
        return pg_sql(sql)

    def ddl(self, sql: str) -> str:
        sql = sql.replace("/*ROWID*/", "rowid BIGSERIAL, ")
        for pat, repl in _DDL_TYPES:
            sql = pat.sub(repl, sql)
        return sql

    def replace_sql(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        cols = ", ".join(f'"{c}"' for c in columns)
        sets = [f'"{c}" = EXCLUDED."{c}"' for c in columns if c not in key]
        if table in _ROWID_TABLES:
            sets.append("rowid = DEFAULT")
        action = f"DO UPDATE SET {', '.join(sets)}" if sets else "DO NOTHING"
        return (f"INSERT INTO {table}({cols}) VALUES ({','.join('?' * len(columns))})"
                f" ON CONFLICT ({', '.join(key)}) {action}")

    def insert_ignore_sql(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        cols = ", ".join(f'"{c}"' for c in columns)
        return (f"INSERT INTO {table}({cols}) VALUES ({','.join('?' * len(columns))})"
                f" ON CONFLICT ({', '.join(key)}) DO NOTHING")

    def table_exists(self, db: "DB", name: str) -> bool:
        return db.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0]

    def tables(self, db: "DB") -> set[str]:
        return {r[0] for r in db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def columns(self, db: "DB", table: str) -> list[str]:
        return [r[0] for r in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = ? AND column_name <> 'rowid' ORDER BY ordinal_position", (table,))]

    def lock_document(self, db: "DB", doc_id: str) -> None:
        db.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':doc:' || ?))", (doc_id,))

    def lock_all(self, db: "DB", name: str) -> None:
        db.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':' || ?))", (name,))

    FTS_DDL = """
CREATE TABLE IF NOT EXISTS docs_fts (
    doc_id TEXT NOT NULL, title TEXT, body TEXT,
    tsv tsvector GENERATED ALWAYS AS (
        array_to_tsvector(array_remove(string_to_array(coalesce(title, '') || ' ' || coalesce(body, ''), ' '), ''))
    ) STORED
);
CREATE INDEX IF NOT EXISTS docs_fts_doc ON docs_fts(doc_id);
CREATE INDEX IF NOT EXISTS docs_fts_tsv ON docs_fts USING GIN (tsv);
"""

    def fts_text(self, terms: str) -> str:
        # the tokens FTS5's unicode61 would make of the terms, lexemes as they are
        return " ".join(t.lower() if t.isascii() else t for t in _TOKEN.findall(terms))

    def fts_match(self, groups: list[list[str]]) -> str:
        def lexeme(t: str) -> str:
            return "'" + t.replace("\\", "\\\\").replace("'", "''") + "'"

        def form(f: str) -> str:
            toks = self.fts_text(f).split()
            return " <-> ".join(lexeme(t) for t in toks) if toks else "''"

        return " & ".join("(" + " | ".join(form(f) for f in g) + ")" for g in groups)

    SEARCH_SQL = ("SELECT f.doc_id, d.title, d.outlet, d.published, d.text, -ts_rank(f.tsv, q) AS rank"
                  " FROM docs_fts f JOIN documents d ON d.id = f.doc_id, CAST(? AS tsquery) q"
                  " WHERE f.tsv @@ q ORDER BY rank, f.doc_id LIMIT ? OFFSET ?")

    def days_between(self, a: str, b: str) -> str:
        day = r"'^\d{4}-\d{2}-\d{2}'"
        return (f"CASE WHEN {a} ~ {day} AND {b} ~ {day} "
                f"THEN (substr({b}, 1, 10)::date - substr({a}, 1, 10)::date) END")


#: tables with a rowid on PostgreSQL (the ones whose insertion order the store reads)
_ROWID_TABLES = frozenset({"events", "dup_groups", "stories", "story_docs", "merged_events", "merged_mentions"})


# -- connections -------------------------------------------------------------------
class Row(tuple):
    """A row read by index or by column name (as ``sqlite3.Row``)."""

    _idx: dict[str, int]

    def __new__(cls, values: Sequence[Any], idx: dict[str, int]) -> "Row":
        r = super().__new__(cls, values)
        r._idx = idx
        return r

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._idx[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._idx)

    def as_dict(self) -> dict[str, Any]:
        """``dict(row)``, without a Python call per column."""
        return dict(zip(self._idx, self, strict=True))


def _pg_value(v: Any) -> Any:
    if isinstance(v, Decimal):  # SUM over BIGINT: numeric
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, memoryview):
        return bytes(v)
    return v


#: the types :func:`_pg_value` converts
_PG_CONVERTED = frozenset({Decimal, memoryview})


def _pg_rows(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    names = [c.name for c in cursor.description] if cursor.description else []
    idx = {n: i for i, n in enumerate(names)}

    def row(values: Sequence[Any]) -> Row:
        if _PG_CONVERTED.isdisjoint(map(type, values)):  # the common case, without a call per value
            return Row(values, idx)
        return Row([_pg_value(v) for v in values], idx)

    return row


class DB:
    """One connection to either back-end, running SQLite-dialect SQL (see the module)."""

    def __init__(self, raw: Any, dialect: Dialect, label: str) -> None:
        self.raw = raw
        self.dialect = dialect
        self.label = label

    @property
    def is_postgres(self) -> bool:
        return self.dialect.name == "postgresql"

    def execute(self, sql: str, args: Sequence[Any] | dict[str, Any] = ()) -> Any:
        if self.is_postgres:
            return self.raw.execute(self.dialect.sql(sql), args)
        return self.raw.execute(sql, args)

    def executemany(self, sql: str, rows: Sequence[Any]) -> None:
        if not rows:
            return
        if self.is_postgres:
            with self.raw.cursor() as cur:
                cur.executemany(self.dialect.sql(sql), rows)
        else:
            self.raw.executemany(sql, rows)

    def executescript(self, ddl: str) -> None:
        """DDL written for SQLite, translated (types, rowid) for this back-end, run in the
        current transaction."""
        sql = self.dialect.ddl(ddl)
        # statement by statement, inside the caller's transaction (sqlite3's executescript
        # would commit it first); the store's DDL has no ';' inside a statement
        for stmt in (s.strip() for s in sql.split(";")):
            if stmt:
                self.raw.execute(stmt)

    @property
    def in_transaction(self) -> bool:
        if self.is_postgres:
            from psycopg.pq import TransactionStatus

            return self.raw.info.transaction_status != TransactionStatus.IDLE
        return self.raw.in_transaction

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> "DB":
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        """As ``with sqlite3_connection``: commit on success, roll back on an error."""
        if exc_type is None:
            self.commit()
        else:
            self.rollback()

    @contextmanager
    def transaction(self) -> Iterator["DB"]:
        with self:
            yield self

    # -- catalogue shortcuts
    def table_exists(self, name: str) -> bool:
        return self.dialect.table_exists(self, name)

    def tables(self) -> set[str]:
        return self.dialect.tables(self)

    def columns(self, table: str) -> list[str]:
        return self.dialect.columns(self, table)


def wrap_sqlite(conn: sqlite3.Connection, label: str = "sqlite") -> DB:
    return DB(conn, Dialect(), label)


def _literal(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _fold_function(table: dict[int, str]) -> str:
    """``rasid_fold`` (the read model's name matching, :func:`rasid.text.normalize.fold_key`
    then lower case) as a session function: NFKC, the character table, spaces collapsed."""
    kept = [(chr(k), v) for k, v in sorted(table.items()) if v]
    dropped = [chr(k) for k, v in sorted(table.items()) if not v]
    src = "".join(k for k, _ in kept) + "".join(dropped)
    dst = "".join(v for _, v in kept)
    return ("CREATE FUNCTION pg_temp.rasid_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$ SELECT "
            f"lower(btrim(regexp_replace(translate(normalize(t, NFKC), {_literal(src)}, {_literal(dst)}),"
            " '\\s+', ' ', 'g')) COLLATE \"default\") $f$")


def connect_postgres(url: str, *, read_only: bool = False, fold_table: dict[int, str] | None = None) -> DB:
    """A connection to the PostgreSQL database ``url`` (StoreError when it cannot be had).

    ``read_only``: a session that cannot write, each statement on its own (autocommit);
    ``fold_table`` defines the session's ``rasid_fold`` SQL function."""
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError(f"{redact(url)}: PostgreSQL needs psycopg 3 (pip install 'rasid[postgres]')") from exc
    try:
        raw = psycopg.connect(url, autocommit=False, connect_timeout=10)
    except psycopg.Error as exc:
        raise StoreError(f"{redact(url)}: cannot connect ({str(exc).strip().splitlines()[0]})") from exc
    raw.row_factory = _pg_rows
    if read_only:
        raw.autocommit = True
    if fold_table is not None:
        raw.execute(_fold_function(fold_table))
    if read_only:
        raw.execute("SET default_transaction_read_only = on")
    return DB(raw, PgDialect(), redact(url))
