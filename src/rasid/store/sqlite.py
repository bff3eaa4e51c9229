"""The store: one SQLite file (the default, no server) or a PostgreSQL database.

``Store("rasid.db")`` opens (or creates) a SQLite file; ``Store("postgresql://user@host/db")``
a PostgreSQL database (the ``postgres`` extra). Both behave the same through this
class and :mod:`rasid.store.crossdoc`; :mod:`rasid.store.backend` holds every
difference between their SQL.

Every analysed document is kept whole (its document JSON) and flattened into
query tables (entities, mentions, times, claims, events) for the API, exports
and cross-document stages; ``docs_fts`` is an FTS5 index over search terms of
the matching view (:mod:`rasid.store.search_terms`).

Guarantees:

- adding the same document again changes nothing (same id and content hash);
- a document whose content changed replaces its old rows in one transaction;
- each document is committed on its own, so an interrupted ingest keeps what
  it had committed and can be re-run;
- the schema carries a version; the migrations of :mod:`rasid.store.migrations`
  upgrade older files;
- every INSERT names its columns;
- several processes may add documents at once: each document is checked and
  written under a lock of its own (SQLite's write lock; a PostgreSQL advisory
  lock on its id), and the primary keys refuse a second copy.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

from rasid.errors import StoreError
from rasid.model.document import Document, Event
from rasid.store.backend import DB, connect_postgres, is_url, wrap_sqlite
from rasid.store.crossdoc import CrossdocDB
from rasid.store.migrations import SCHEMA_VERSION, pending
from rasid.store.search_terms import canonical, doc_index_terms, query_groups, query_terms
from rasid.text.tokens import proclitic_splits

_TABLES = ("entities", "mentions", "times", "claims", "events", "docs_fts")


#: seconds a writer waits for another process's write lock before giving up
BUSY_TIMEOUT_S = 120.0


def content_hash(doc: Document) -> str:
    """Hash of what was analysed (text and metadata), not of the annotations."""
    key = json.dumps([doc.text, doc.published, doc.title, doc.url, doc.outlet], ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def _set_wal(conn: sqlite3.Connection, tries: int = 50) -> None:
    """Switch a file to WAL. Changing the journal mode needs the file to itself and
    SQLite answers "database is locked" at once, without the busy timeout, while
    another connection creating the same new file holds it: retry for a while."""
    for i in range(tries):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or i == tries - 1:
                raise
            time.sleep(0.02 * (i + 1))


class Store:
    """A Rasid database: a SQLite file path (``":memory:"`` works for tests) or a
    ``postgresql://`` URL.

    ``db`` is the connection (:class:`rasid.store.backend.DB`) the store's SQL runs
    on; ``conn`` the raw ``sqlite3.Connection`` of a SQLite file (on PostgreSQL,
    ``db`` again, which takes the same SQL)."""

    conn: Any

    def __init__(self, path: str | Path = "rasid.db") -> None:
        self.path = str(path)
        if is_url(self.path):
            self.db = connect_postgres(self.path)
            self.path = self.db.label
            self.conn = self.db
            try:
                self._migrate()
            except self.db.dialect.errors as exc:
                self.db.close()
                raise StoreError(f"{self.path}: cannot open database ({exc})") from exc
            return
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # a generous busy timeout: another ingest may hold the write lock for a batch
            self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                _set_wal(self.conn)
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.db = wrap_sqlite(self.conn, self.path)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from exc

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.db.dialect.name

    # -- lifecycle ------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _version(self) -> int:
        if not self.db.table_exists("schema_version"):
            return 0
        row = self.db.execute("SELECT MAX(version) AS v FROM schema_version").fetchone()
        version = row["v"] or 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: database schema {version} is newer than this Rasid ({SCHEMA_VERSION})"
            )
        return version

    def _set_version(self, version: int) -> None:
        self.db.execute("DELETE FROM schema_version")
        self.db.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))

    def _migrate(self) -> None:
        """Apply the pending migrations in one transaction under the write lock (DDL is
        transactional in both back-ends), so processes opening a new database at once
        migrate it once: the second finds the version the first reached."""
        db = self.db
        if not db.is_postgres and self._version() == SCHEMA_VERSION:
            return  # the common case: no write lock taken
        with db:
            db.dialect.lock_all(db, "migrate")
            for m in pending(self._version()):
                m.run(db)
                self._set_version(m.version)

    @property
    def schema_version(self) -> int:
        return self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]

    # -- writing --------------------------------------------------------------
    def has(self, doc_id: str, chash: str | None = None) -> bool:
        row = self.db.execute("SELECT content_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if self.db.is_postgres:
            self.db.commit()  # no transaction left open between documents
        return row is not None and (chash is None or row["content_hash"] == chash)

    def add(self, doc: Document, terms: tuple[str, str] | None = None) -> bool:
        """Store an analysed document; False when it is already stored unchanged.
        ``terms``: its full-text index terms, ``doc_index_terms(doc)``, when already
        computed (``rasid ingest --workers`` computes them in the workers)."""
        chash = content_hash(doc)
        c = self.db
        try:
            # One write transaction for the check and the insert, its lock taken first
            # (SQLite's write lock; on PostgreSQL an advisory lock on the id), so two
            # processes ingesting the same article at once store it exactly once: the
            # second sees the first's row.
            c.dialect.lock_document(c, doc.id)
            try:
                row = c.execute("SELECT content_hash FROM documents WHERE id = ?", (doc.id,)).fetchone()
                if row is not None and row["content_hash"] == chash:
                    c.rollback()
                    return False
                if row is not None:  # changed content: replace (a new id deletes nothing)
                    self._delete(doc.id)
                self._insert(doc, chash, terms)
            except BaseException:
                c.rollback()
                raise
            c.commit()
        except c.dialect.errors as exc:
            raise StoreError(f"{self.path}: cannot store {doc.id} ({exc})") from exc
        return True

    def delete(self, doc_id: str) -> None:
        """Remove a document and its annotations. Its cross-document links stay until
        ``rasid.crossdoc.forget`` (:func:`rasid.ingest.ingester.delete_document` does both)."""
        with self.db:
            self._delete(doc_id)

    def _delete(self, doc_id: str) -> None:
        for t in _TABLES:
            self.db.execute(f"DELETE FROM {t} WHERE doc_id = ?", (doc_id,))
        self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def _insert(self, doc: Document, chash: str, terms: tuple[str, str] | None = None) -> None:
        c = self.db
        _insert(c, "documents", {
            "id": doc.id, "content_hash": chash, "published": doc.published, "title": doc.title,
            "url": doc.url, "outlet": doc.outlet, "text": doc.text, "json": doc.to_json(),
            "ingested_at": time.time(),
        })
        for e in doc.entities:
            p = e.place
            _insert(c, "entities", {
                "doc_id": doc.id, "entity_id": e.id, "kind": e.kind, "name": e.name, "name_ar": e.name_ar,
                "canonical_id": e.attrs.get("actor_id") or (p.gazetteer_id if p else None),
                "n_mentions": len(e.mentions),
                "lat": p.lat if p else None, "lon": p.lon if p else None,
                "country": p.country if p else e.attrs.get("country"),
                "admin1": p.admin1 if p else None, "feature": p.feature if p else e.attrs.get("type"),
                "precision": p.precision if p else None, "metonym": int(p.metonym) if p else None,
            })
            _insert_many(c, "mentions", [
                {"doc_id": doc.id, "entity_id": e.id, "start": m.start, "end": m.end, "text": m.text}
                for m in e.mentions
            ])
        _insert_many(c, "times", [
            {"doc_id": doc.id, "idx": i, "start": t.start, "end": t.end, "text": t.text,
             "value_start": t.value_start, "value_end": t.value_end, "granularity": t.granularity}
            for i, t in enumerate(doc.times)
        ])
        for cl in doc.claims:
            src_ent = doc.entity(cl.source.entity)
            _insert(c, "claims", {
                "doc_id": doc.id, "claim_id": cl.id, "source_text": cl.source.text,
                "source_kind": cl.source.kind, "source_entity": cl.source.entity,
                "source_name": src_ent.name if src_ent else None, "cue": cl.cue.text, "stance": cl.stance,
                "content_start": cl.content.start, "content_end": cl.content.end,
                "content_text": doc.text[cl.content.start:cl.content.end], "via": cl.via,
            })
        for ev in doc.events:
            _insert(c, "events", _event_row(doc, ev))
        fts = c.dialect.fts_text
        title, body = terms if terms is not None else doc_index_terms(doc)
        _insert(c, "docs_fts", {"doc_id": doc.id, "title": fts(title), "body": fts(body)})

    # -- reading --------------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        row = self.db.execute("SELECT json FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Document.from_json(row["json"]) if row else None

    def iter_documents(self, batch: int = 200) -> Iterator[Document]:
        last = ""
        while True:
            rows = self.db.execute(
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
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def event_rows(self, columns: Iterable[str], etype: str | None = None,
                   limit: int | None = None) -> list[dict[str, Any]]:
        """Rows of the ``events`` table (only ``columns``), oldest first; ``etype`` keeps one
        PLOVER type (upper case); ``limit`` the first rows (None: all)."""
        cols = list(columns)
        unknown = set(cols) - set(self._columns("events"))
        if unknown:
            raise ValueError(f"unknown events column(s): {', '.join(sorted(unknown))}")
        sql = f"SELECT {', '.join(cols)} FROM events"
        args: list[Any] = []
        if etype:
            sql += " WHERE type = ?"
            args.append(etype)
        sql += " ORDER BY date_start, doc_id, event_id"
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        return [dict(zip(cols, r, strict=True)) for r in self.db.execute(sql, args)]

    def _columns(self, table: str) -> list[str]:
        return self.db.columns(table)

    # -- cross-document tables (migration 3; rasid.store.crossdoc) ---------------
    @property
    def crossdoc(self) -> CrossdocDB:
        """The cross-document tables (what :mod:`rasid.crossdoc` reads and writes)."""
        return CrossdocDB(self.db)

    def documents_without_crossdoc(self) -> list[tuple[str, str | None]]:
        """(id, published) of the stored documents the cross-document stage has not processed yet."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT id, published FROM documents WHERE id NOT IN (SELECT doc_id FROM crossdoc_docs)")]

    def stories_overview(self, top: int = 3) -> dict[str, Any] | None:
        """Counts of stories and near-verbatim copies, and the ``top`` largest stories of
        more than one article (title, n_docs, date_start, date_end); None without those tables."""
        c = self.db
        try:
            n_stories = c.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
            copies = c.execute("SELECT COUNT(*) FROM dup_groups WHERE original = 0").fetchone()[0]
            largest = [tuple(r) for r in c.execute(
                "SELECT title, n_docs, date_start, date_end FROM stories WHERE n_docs > 1"
                " ORDER BY n_docs DESC, date_start LIMIT ?", (top,))]
        except c.dialect.errors:
            return None
        return {"stories": n_stories, "copies": copies, "largest": largest}

    def merged_overview(self) -> tuple[int, int] | None:
        """(merged events, those contradicted by a source); None without the table."""
        try:
            row = self.db.execute(
                "SELECT COUNT(*), COALESCE(SUM(contradicted), 0) FROM merged_events").fetchone()
        except self.db.dialect.errors:
            return None
        return int(row[0]), int(row[1])

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Documents matching every word of ``query`` (spelling variants folded)."""
        return search(self.db, query, limit, offset)


def search(conn: DB | sqlite3.Connection, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Documents matching every word of ``query`` (spelling variants folded), best first,
    with a snippet; on any connection to a Rasid database (the API's is read-only)."""
    db = wrap_sqlite(conn) if isinstance(conn, sqlite3.Connection) else conn
    groups = query_groups(query)
    if not groups:
        return []
    rows = db.execute(db.dialect.SEARCH_SQL, (db.dialect.fts_match(groups), limit, offset)).fetchall()
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


def _insert_sql(table: str, columns: Iterable[str]) -> str:
    cols = list(columns)
    names = ", ".join(f'"{k}"' for k in cols)
    return f"INSERT INTO {table}({names}) VALUES ({', '.join(':' + k for k in cols)})"


def _insert(conn: DB, table: str, row: dict[str, Any]) -> None:
    """One row, its columns named (``row``'s keys are column names, never user input)."""
    conn.execute(_insert_sql(table, row), row)


def _insert_many(conn: DB, table: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.executemany(_insert_sql(table, rows[0]), rows)


def _event_row(doc: Document, ev: Event) -> dict[str, Any]:
    ev_span = ev.evidence[0] if ev.evidence else ev.trigger
    actor, recipient, place = doc.entity(ev.actor), doc.entity(ev.recipient), doc.entity(ev.place)
    claim = next((c for c in doc.claims if c.id == ev.claim), None)
    p = place.place if place else None
    t = ev.time or {}
    return {
        "doc_id": doc.id, "event_id": ev.id, "type": ev.type, "mode": ev.mode, "modality": ev.modality,
        "trigger_text": ev.trigger.text, "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
        "evidence_start": ev_span.start, "evidence_end": ev_span.end,
        "evidence_text": doc.text[ev_span.start:ev_span.end],
        "actor_id": ev.actor, "actor_name": actor.name if actor else None,
        "recipient_id": ev.recipient, "recipient_name": recipient.name if recipient else None,
        "place_id": ev.place, "place_name": place.name if place else None,
        "place_name_ar": place.name_ar if place else None,
        "lat": p.lat if p else None, "lon": p.lon if p else None, "country": p.country if p else None,
        "admin1": p.admin1 if p else None, "geo_precision": p.precision if p else None,
        "date_start": t.get("value_start"), "date_end": t.get("value_end"),
        "claim_id": ev.claim, "stance": claim.stance if claim else None,
        "source_text": claim.source.text if claim else None, "source_kind": claim.source.kind if claim else None,
        "fatalities": ev.fatalities, "injuries": ev.injuries, "arrests": ev.arrests,
        # rounded as in the document JSON, so one-process and --workers ingests store the same value
        "confidence": round(float(ev.confidence), 3),
        "outlet": doc.outlet, "published": doc.published,
        "acled_event_type": ev.attrs.get("acled_event_type"),
        "acled_sub_event_type": ev.attrs.get("acled_sub_event_type"),
    }


def snippet(text: str, terms: set[str], width: int = 90) -> str:
    """A stretch of ``text`` around the first word that matches a query term (the words
    read one at a time, up to the first match, not the whole text tokenised)."""
    from rasid.text.tokens import iter_words

    words = iter_words(text)
    cur = next(words, None)
    while cur is not None:
        nxt = next(words, None)
        start, end, norm = cur
        if any(canonical(stem) in terms for _, stem in proclitic_splits(norm)) or (
                nxt is not None and canonical(norm + nxt[2]) in terms):
            s, e = max(0, start - width), min(len(text), end + width)
            return ("…" if s else "") + text[s:e].replace("\n", " ") + ("…" if e < len(text) else "")
        cur = nxt
    return text[: 2 * width].replace("\n", " ")
