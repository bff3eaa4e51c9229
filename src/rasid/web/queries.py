"""Read-only queries over a Rasid database, shared by the REST API and exports.

Every query is built from fixed SQL fragments and ``?`` parameters: no value
taken from a request is ever pasted into SQL. Connections are opened read-only
(``mode=ro``, ``PRAGMA query_only``), one per thread.
"""

from __future__ import annotations

import calendar
import json
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterator
from urllib.parse import quote

from rasid.errors import StoreError

#: Event counts stop here: "total" is exact below it and means "at least" at it.
COUNT_CAP = 10_000
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Newest first (NULL dates sort last in DESC); rowid breaks ties and lets the date index do the sorting.
EVENT_ORDER = " ORDER BY date_start DESC, rowid DESC"


class BadParameter(ValueError):
    """A request parameter that cannot be used (answered with HTTP 400)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _date(name: str, value: str | None, end: bool = False) -> str | None:
    if not value:
        return None
    if not DATE_RE.match(value):
        raise BadParameter(name, "expected YYYY, YYYY-MM or YYYY-MM-DD")
    if len(value) == 4:
        value = value + ("-12-31" if end else "-01-01")
    elif len(value) == 7:
        y, m = int(value[:4]), int(value[5:7])
        if not 1 <= m <= 12:
            raise BadParameter(name, f"no such month: {value}")
        value = f"{value}-{calendar.monthrange(y, m)[1] if end else 1:02d}"
    try:
        date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, f"no such date: {value}") from None
    return value


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` -> floats, checked."""
    if not value:
        return None
    parts = value.split(",")
    try:
        x0, y0, x1, y1 = (float(p) for p in parts)
    except ValueError:
        raise BadParameter("bbox", "expected min_lon,min_lat,max_lon,max_lat") from None
    if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
        raise BadParameter("bbox", "coordinates out of range or min > max")
    return x0, y0, x1, y1


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass
class EventFilter:
    """Filters on the ``events`` table (all optional, combined with AND)."""

    type: str | None = None          # comma-separated PLOVER types
    actor: str | None = None         # substring of actor or recipient name
    place: str | None = None         # substring of place name (English or Arabic)
    bbox: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    modality: str | None = None      # comma-separated
    stance: str | None = None        # comma-separated
    outlet: str | None = None
    country: str | None = None       # comma-separated ISO2
    q: str | None = None             # substring of the evidence or trigger
    doc_id: str | None = None
    geo_only: bool = False
    max_span_days: int | None = None  # set by Database: the longest event, for the date index

    def where(self) -> tuple[str, list[Any]]:
        conds: list[str] = []
        args: list[Any] = []

        def one_of(col: str, values: list[str]) -> None:
            if values:
                conds.append(f"{col} IN ({','.join('?' * len(values))})")
                args.extend(values)

        one_of("type", [v.upper() for v in _split(self.type)])
        one_of("modality", _split(self.modality))
        one_of("stance", _split(self.stance))
        one_of("country", [v.upper() for v in _split(self.country)])
        if self.outlet:
            conds.append("outlet = ?")
            args.append(self.outlet)
        if self.doc_id:
            conds.append("doc_id = ?")
            args.append(self.doc_id)
        if self.actor:
            conds.append("(actor_name LIKE ? ESCAPE '\\' OR recipient_name LIKE ? ESCAPE '\\' OR actor_id = ?)")
            args += [_like(self.actor), _like(self.actor), self.actor]
        if self.place:
            conds.append("(place_name LIKE ? ESCAPE '\\' OR place_name_ar LIKE ? ESCAPE '\\')")
            args += [_like(self.place), _like(self.place)]
        if self.q:
            conds.append("(evidence_text LIKE ? ESCAPE '\\' OR trigger_text LIKE ? ESCAPE '\\')")
            args += [_like(self.q), _like(self.q)]
        bbox = parse_bbox(self.bbox)
        if bbox:
            conds.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
            args += [bbox[1], bbox[3], bbox[0], bbox[2]]
        elif self.geo_only:
            conds.append("lat IS NOT NULL AND lon IS NOT NULL")
        d0 = _date("date_from", self.date_from)
        d1 = _date("date_to", self.date_to, end=True)
        if d0 and d1 and d0 > d1:
            raise BadParameter("date_from", "after date_to")
        if d0:
            # An event overlaps [d0, d1] when it ends on or after d0. Events last at
            # most max_span days, so date_start >= d0 - max_span bounds the index scan.
            if self.max_span_days is not None:
                lo = (date.fromisoformat(d0) - timedelta(days=self.max_span_days)).isoformat()
                conds.append("date_start >= ?")
                args.append(lo)
            conds.append("COALESCE(date_end, date_start) >= ?")
            args.append(d0)
        if d1:
            conds.append("date_start <= ?")
            args.append(d1)
        return (" WHERE " + " AND ".join(conds)) if conds else "", args


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """A row of a cross-document table made JSON-ready: blobs dropped, JSON text columns parsed."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        if isinstance(v, (bytes, memoryview)):
            continue
        if isinstance(v, str) and v[:1] in "[{" and (k == "json" or k in ("places", "actors", "outlets_list")):
            try:
                v = json.loads(v)
            except ValueError:
                pass
        out[k] = v
    return out


class Database:
    """Read-only access to one Rasid SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"{self.path}: no such database")
        self._local = threading.local()

    # -- connections ---------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        c = getattr(self._local, "conn", None)
        if c is None:
            uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
            try:
                c = sqlite3.connect(uri, uri=True, check_same_thread=False)
            except sqlite3.Error as e:
                raise StoreError(f"{self.path}: {e}") from e
            c.row_factory = sqlite3.Row
            c.execute("PRAGMA query_only = 1")
            c.execute("PRAGMA mmap_size = 268435456")
            self._local.conn = c
        return c

    def rows(self, sql: str, args: list[Any] | tuple = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(sql, args)]

    def scalar(self, sql: str, args: list[Any] | tuple = ()) -> Any:
        r = self.conn.execute(sql, args).fetchone()
        return r[0] if r else None

    def tables(self) -> set[str]:
        """Tables now in the file (not cached: rasid.crossdoc may add its own later)."""
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}

    def columns(self, table: str) -> list[str]:
        if table not in self.tables():
            return []
        return [r[1] for r in self.conn.execute(f'PRAGMA table_info("{table}")')]

    def count(self, table: str) -> int:
        return int(self.scalar(f'SELECT COUNT(*) FROM "{table}"')) if table in self.tables() else 0

    # -- documents -----------------------------------------------------------
    def documents(self, outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
                  limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        conds, args = [], []
        if outlet:
            conds.append("outlet = ?")
            args.append(outlet)
        d0, d1 = _date("date_from", date_from), _date("date_to", date_to, end=True)
        if d0:
            conds.append("published >= ?")
            args.append(d0)
        if d1:
            conds.append("published <= ?")
            args.append(d1)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        total = self.scalar("SELECT COUNT(*) FROM documents" + where, args)
        items = self.rows(
            "SELECT d.id, d.title, d.outlet, d.published, d.url, "
            "(SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) AS n_events "
            "FROM documents d" + where + " ORDER BY published DESC, id LIMIT ? OFFSET ?",
            args + [limit, offset])
        return total, items

    def document(self, doc_id: str) -> dict[str, Any] | None:
        r = self.conn.execute("SELECT json, title, url, outlet, published, text FROM documents WHERE id = ?",
                              (doc_id,)).fetchone()
        if r is None:
            return None
        try:
            d = json.loads(r["json"]) if r["json"] else {}
        except ValueError:
            d = {}
        d.setdefault("id", doc_id)
        for k in ("title", "url", "outlet", "published", "text"):
            if d.get(k) is None:
                d[k] = r[k]
        return d

    def entity_attrs(self, doc_id: str) -> dict[str, dict[str, Any]]:
        """entity id -> attrs (actor type, ACLED inter code, ...) from a document's JSON."""
        d = self.document(doc_id) or {}
        return {e.get("id"): dict(e.get("attrs") or {}) for e in d.get("entities", []) if isinstance(e, dict)}

    # -- events --------------------------------------------------------------
    def max_span_days(self) -> int:
        """Days the longest-lasting event spans (re-read at most once a minute)."""
        now = time.monotonic()
        cached = getattr(self, "_span", None)
        if cached is None or now - cached[1] > 60:
            v = self.scalar("SELECT MAX(julianday(date_end) - julianday(date_start)) FROM events "
                            "WHERE date_end IS NOT NULL AND date_start IS NOT NULL")
            cached = (max(0, int(v or 0)) + 1, now)
            self._span = cached
        return cached[0]

    def _where(self, f: EventFilter) -> tuple[str, list[Any]]:
        f.max_span_days = self.max_span_days() if f.date_from else None
        return f.where()

    def events(self, f: EventFilter, limit: int = 50, offset: int = 0,
               with_total: bool = True) -> tuple[int | None, list[dict[str, Any]]]:
        where, args = self._where(f)
        total = None
        if with_total:  # exact up to COUNT_CAP, then COUNT_CAP (the caller says "or more")
            total = self.scalar("SELECT COUNT(*) FROM (SELECT 1 FROM events" + where + " LIMIT ?)",
                                args + [COUNT_CAP])
        items = self.rows("SELECT * FROM events" + where + EVENT_ORDER + " LIMIT ? OFFSET ?",
                          args + [limit, offset])
        return total, items

    def iter_events(self, f: EventFilter) -> Iterator[dict[str, Any]]:
        where, args = self._where(f)
        for r in self.conn.execute("SELECT * FROM events" + where + EVENT_ORDER, args):
            yield dict(r)

    def points(self, f: EventFilter, limit: int) -> list[list[Any]]:
        f.geo_only = True
        where, args = self._where(f)
        sql = ("SELECT doc_id, event_id, type, lat, lon, date_start, modality FROM events" + where
               + EVENT_ORDER + " LIMIT ?")
        return [list(r) for r in self.conn.execute(sql, args + [limit])]

    def event(self, doc_id: str, event_id: str) -> dict[str, Any] | None:
        rows = self.rows("SELECT * FROM events WHERE doc_id = ? AND event_id = ?", (doc_id, event_id))
        return rows[0] if rows else None

    def histogram(self, f: EventFilter, unit: str = "day") -> list[dict[str, Any]]:
        n = {"day": 10, "month": 7, "year": 4}[unit]
        where, args = self._where(f)
        extra = " AND " if where else " WHERE "
        sql = (f"SELECT substr(date_start, 1, {n}) AS bucket, COUNT(*) AS n FROM events{where}"
               f"{extra}date_start IS NOT NULL GROUP BY bucket ORDER BY bucket")
        return self.rows(sql, args)

    def facets(self) -> dict[str, list[dict[str, Any]]]:
        """Filter values with counts (cached for 30 s: five grouped scans of the events)."""
        cached = getattr(self, "_facets", None)
        if cached and time.monotonic() - cached[1] < 30:
            return cached[0]
        out = self._facets_now()
        self._facets = (out, time.monotonic())
        return out

    def _facets_now(self) -> dict[str, list[dict[str, Any]]]:
        out = {}
        for col in ("type", "modality", "stance", "outlet", "country"):
            out[col] = self.rows(f"SELECT {col} AS value, COUNT(*) AS n FROM events WHERE {col} IS NOT NULL "
                                 f"GROUP BY {col} ORDER BY n DESC LIMIT 100")
        return out

    # -- claims --------------------------------------------------------------
    def claims(self, stance: str | None = None, outlet: str | None = None, source: str | None = None,
               q: str | None = None, doc_id: str | None = None, limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        conds, args = [], []
        st = _split(stance)
        if st:
            conds.append(f"c.stance IN ({','.join('?' * len(st))})")
            args += st
        if outlet:
            conds.append("d.outlet = ?")
            args.append(outlet)
        if source:
            conds.append("(c.source_text LIKE ? ESCAPE '\\' OR c.source_name LIKE ? ESCAPE '\\')")
            args += [_like(source), _like(source)]
        if q:
            conds.append("c.content_text LIKE ? ESCAPE '\\'")
            args.append(_like(q))
        if doc_id:
            conds.append("c.doc_id = ?")
            args.append(doc_id)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        base = " FROM claims c JOIN documents d ON d.id = c.doc_id" + where
        total = self.scalar("SELECT COUNT(*)" + base, args)
        items = self.rows("SELECT c.*, d.outlet, d.published, d.title" + base
                          + " ORDER BY d.published DESC, c.doc_id, c.claim_id LIMIT ? OFFSET ?",
                          args + [limit, offset])
        return total, items

    # -- entities ------------------------------------------------------------
    _ENTITY_KEY = "COALESCE(NULLIF(canonical_id, ''), kind || ':' || name)"

    def entities(self, kind: str | None = None, q: str | None = None, limit: int = 50,
                 offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        conds, args = [], []
        kinds = _split(kind)
        if kinds:
            conds.append(f"kind IN ({','.join('?' * len(kinds))})")
            args += kinds
        if q:
            conds.append("(name LIKE ? ESCAPE '\\' OR name_ar LIKE ? ESCAPE '\\')")
            args += [_like(q), _like(q)]
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        key = self._ENTITY_KEY
        total = self.scalar(f"SELECT COUNT(DISTINCT {key}) FROM entities{where}", args)
        items = self.rows(
            f"SELECT {key} AS key, kind, MAX(name) AS name, MAX(name_ar) AS name_ar, "
            "COUNT(DISTINCT doc_id) AS n_docs, SUM(n_mentions) AS n_mentions, AVG(lat) AS lat, AVG(lon) AS lon, "
            f"MAX(country) AS country FROM entities{where} GROUP BY key, kind "
            "ORDER BY n_docs DESC, n_mentions DESC, key LIMIT ? OFFSET ?", args + [limit, offset])
        return total, items

    def entity(self, key: str, limit: int = 200) -> dict[str, Any] | None:
        k = self._ENTITY_KEY
        rows = self.rows(f"SELECT * FROM entities WHERE {k} = ?", (key,))
        if not rows:
            return None
        first = rows[0]
        docs = sorted({r["doc_id"] for r in rows})
        ph = ",".join("?" * len(docs))
        documents = self.rows(f"SELECT id, title, outlet, published, url FROM documents WHERE id IN ({ph}) "
                              "ORDER BY published DESC", docs)
        events = self.rows(
            "SELECT e.* FROM events e JOIN entities n ON n.doc_id = e.doc_id "
            "AND n.entity_id IN (e.actor_id, e.recipient_id, e.place_id) "
            "WHERE COALESCE(NULLIF(n.canonical_id, ''), n.kind || ':' || n.name) = ? "
            "ORDER BY e.date_start DESC, e.rowid DESC LIMIT ?", (key, limit))
        return {
            "key": key, "kind": first["kind"], "name": first["name"], "name_ar": first["name_ar"],
            "canonical_id": first.get("canonical_id"), "lat": first.get("lat"), "lon": first.get("lon"),
            "country": first.get("country"), "n_docs": len(docs),
            "n_mentions": sum(r.get("n_mentions") or 0 for r in rows),
            "names_ar": sorted({r["name_ar"] for r in rows if r.get("name_ar")}),
            "documents": documents, "events": events,
        }

    # -- cross-document tables (rasid.crossdoc; may be absent) ---------------
    def table_rows(self, table: str, filters: dict[str, Any], limit: int, offset: int,
                   min_columns: dict[str, Any] | None = None, order: str | None = None,
                   bbox: str | None = None, date_from: str | None = None, date_to: str | None = None
                   ) -> tuple[int, list[dict[str, Any]]]:
        """Rows of an optional table, filtering only on the columns it has."""
        cols = self.columns(table)
        if not cols:
            parse_bbox(bbox), _date("date_from", date_from), _date("date_to", date_to)  # still validate
            return 0, []
        conds, args = [], []
        for col, val in filters.items():
            if val is None or col not in cols:
                continue
            vals = _split(val) if isinstance(val, str) else [val]
            if vals:
                conds.append(f'"{col}" IN ({",".join("?" * len(vals))})')
                args.extend(vals)
        for col, val in (min_columns or {}).items():
            if val is not None and col in cols:
                conds.append(f'"{col}" >= ?')
                args.append(val)
        box = parse_bbox(bbox)
        if box and {"lat", "lon"} <= set(cols):
            conds.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
            args += [box[1], box[3], box[0], box[2]]
        d0, d1 = _date("date_from", date_from), _date("date_to", date_to, end=True)
        if "date_start" in cols:
            end_col = "COALESCE(date_end, date_start)" if "date_end" in cols else "date_start"
            if d0:
                conds.append(f"{end_col} >= ?")
                args.append(d0)
            if d1:
                conds.append("date_start <= ?")
                args.append(d1)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        total = self.scalar(f'SELECT COUNT(*) FROM "{table}"{where}', args)
        order_sql = f' ORDER BY "{order}" DESC, rowid' if order and order in cols else " ORDER BY rowid"
        items = self.rows(f'SELECT * FROM "{table}"{where}{order_sql} LIMIT ? OFFSET ?', args + [limit, offset])
        return total, [_clean(r) for r in items]

    def row_by_id(self, table: str, id_value: str, id_columns: tuple[str, ...]) -> dict[str, Any] | None:
        cols = self.columns(table)
        for c in id_columns:
            if c in cols:
                rows = self.rows(f'SELECT * FROM "{table}" WHERE "{c}" = ?', (id_value,))
                return _clean(rows[0]) if rows else None
        return None

    def related(self, table: str, column: str, value: Any) -> list[dict[str, Any]]:
        if column not in self.columns(table):
            return []
        return [_clean(r) for r in self.rows(f'SELECT * FROM "{table}" WHERE "{column}" = ? ORDER BY rowid',
                                             (value,))]

    # -- search --------------------------------------------------------------
    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Full-text search with the store's own query (folded spellings), on this read-only connection."""
        try:
            from rasid.store import Store
        except ImportError:  # pragma: no cover - the store is part of Rasid
            Store = None
        if Store is not None and "docs_fts" in self.tables():
            # Store.search only reads self.conn: run it on our read-only connection.
            return [dict(r) for r in Store.search(SimpleNamespace(conn=self.conn), query, limit, offset)]
        pat = _like(query)
        return self.rows(
            "SELECT id AS doc_id, title, outlet, published, substr(text, 1, 180) AS snippet, 0.0 AS rank "
            "FROM documents WHERE title LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\' "
            "ORDER BY published DESC LIMIT ? OFFSET ?", (pat, pat, limit, offset))
