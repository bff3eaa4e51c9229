"""The read model: read-only queries over a Rasid database, for the REST API
(:mod:`rasid.web`), the exports (:mod:`rasid.export`) and the command line.

Every query is built from fixed SQL fragments and ``?`` parameters: no value
taken from a request is ever pasted into SQL. Connections are opened read-only
(``mode=ro``, ``PRAGMA query_only``; on PostgreSQL read-only sessions), one per
thread. The SQL is SQLite's; :mod:`rasid.store.backend` runs it on PostgreSQL.
"""

from __future__ import annotations

import calendar
import json
import os
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, NamedTuple
from urllib.parse import quote

import numpy as np

from rasid.errors import InputError, StoreError
from rasid.model.document import ENTITY_KINDS, MODALITIES, STANCES
from rasid.store.backend import DB, connect_postgres, is_url, wrap_sqlite
from rasid.store.sqlite import search

#: Event counts stop here: "total" is exact below it and means "at least" at it.
COUNT_CAP = 10_000
#: Longest text filter accepted (SQLite refuses LIKE patterns over 50,000 bytes).
MAX_TEXT = 500
#: Largest offset or count a request may carry (SQLite integers are 64-bit).
MAX_INT = 1_000_000_000
#: Sort keys of the event table -> SQL (NULLs last either way).
EVENT_SORTS = {
    "date": "date_start", "type": "type", "place": "COALESCE(place_name_ar, place_name)",
    "precision": "geo_precision", "actor": "actor_name", "target": "recipient_name",
    "fatalities": "fatalities", "outlet": "outlet", "modality": "modality", "published": "published",
}
PLOVER_TYPES = ("ASSAULT", "MOBILIZE", "COERCE", "THREATEN", "PROTEST", "RIOT", "CONSULT", "AGREE", "AID",
                "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "SANCTION", "RETREAT", "CONCEDE", "COOPERATE")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Newest first (NULL dates sort last in DESC); rowid breaks ties and lets the date index do the sorting.
EVENT_ORDER = " ORDER BY date_start DESC, rowid DESC"
#: on PostgreSQL, a bbox filter matching fewer events than this reads them by the bbox's index
#: and sorts them (Database._bbox_page)
_FEW_IN_BBOX = 500


class BadParameter(ValueError):
    """A request parameter that cannot be used (answered with HTTP 400)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def text_param(name: str, value: str | None, max_len: int = MAX_TEXT) -> str | None:
    """A free-text filter, checked: at most ``max_len`` characters, no NUL or other C0 control."""
    if value is None or value == "":
        return None
    if len(value) > max_len:
        raise BadParameter(name, f"longer than {max_len} characters")
    if any(ord(c) < 32 and c not in "\t\n\r" for c in value):
        raise BadParameter(name, "control characters (NUL...) are not allowed")
    return value


def one_of(name: str, value: str | None, allowed: tuple[str, ...], upper: bool = False) -> list[str]:
    """Comma-separated values of ``name``, each one of ``allowed`` (else BadParameter)."""
    vals = [v.upper() if upper else v.lower() for v in _split(value)]
    bad = [v for v in vals if v not in allowed]
    if bad:
        raise BadParameter(name, f"unknown value {bad[0][:40]!r}; expected one of {', '.join(allowed)}")
    return vals


def int_param(name: str, value: Any, lo: int = 0, hi: int = MAX_INT) -> int | None:
    if value is None or value == "":
        return None
    try:
        v = int(value)
    except (TypeError, ValueError):
        raise BadParameter(name, "expected an integer") from None
    if not lo <= v <= hi:
        raise BadParameter(name, f"expected {lo}..{hi}")
    return v


def _fold(value: Any) -> Any:
    """SQL function rasid_fold: Arabic spelling variants folded (for name matching)."""
    if not isinstance(value, str):
        return value
    return _fold_str(value)


@lru_cache(maxsize=65536)
def _fold_str(value: str) -> str:
    # names repeat across rows: an actor filter calls this for each event it looks at
    from rasid.text.normalize import fold_key
    return fold_key(value).lower()


_ACTORS_LOCK = threading.Lock()


def actor_ids(name: str) -> list[str]:
    """Canonical actor ids whose dictionary alias is ``name`` (Arabic or English, folded)."""
    try:
        from rasid.actors import lookup
        with _ACTORS_LOCK:  # the first call reads the dictionary (0.5 s): once, not once per waiting thread
            e = lookup(name)
    except Exception:  # the dictionary is part of Rasid; a broken one must not break the API
        return []
    ids = [e.id] if e else []
    return ids


def _date_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """``date_from`` and ``date_to`` as ISO days (a year or month widened), checked in order."""
    d0, d1 = _date("date_from", date_from), _date("date_to", date_to, end=True)
    if d0 and d1 and d0 > d1:
        raise BadParameter("date_from", "after date_to")
    return d0, d1


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


def _like_fold(value: str) -> str:
    """LIKE pattern for a folded column; a value that folds to nothing (punctuation) stays as it is."""
    return _like(_fold(value) or value)


#: column -> the distinct values of ``entities.<column>`` whose folded form is LIKE the
#: parameter (OFFSET 0 keeps PostgreSQL from moving the fold below the DISTINCT)
ACTOR_NAMES_SQL = {col: (f"SELECT v FROM (SELECT DISTINCT {col} AS v FROM entities LIMIT -1 OFFSET 0) AS names "
                         "WHERE rasid_fold(v) LIKE ? ESCAPE '\\'") for col in ("name_ar", "name")}


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
    min_fatalities: int | str | None = None  # at least this many killed
    precise: bool | str | None = None  # only events located to a town or better (geo_precision 1)
    undated: bool | str | None = None  # with a date filter: keep events that have no date
    geo_only: bool = False
    max_span_days: int | None = None  # set by Database: the longest event, for the date index
    # set by Database: the entity names (Arabic, English) an actor filter's folded pattern matches
    actor_names: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    # set by Database: what the actor filter matches, resolved once per version of the database
    # (Database.actor_match): the events' actor and recipient names the pattern holds, and the
    # (doc_id, event_id) of the events only an entity (canonical id, Arabic or English name) matches
    actor_match: tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]] | None = None

    def validated(self) -> "EventFilter":
        """This filter, every value checked (raises BadParameter): what the API's filter
        dependency and the command line call before using it."""
        self.where()
        return self

    def _actor_hits(self, actor: str) -> tuple[str, list[Any]]:
        """The entities (doc_id, entity_id) the actor filter ``actor`` matches: SQL and arguments."""
        ids = actor_ids(actor)
        ph = ",".join("?" * len(ids))
        hits = ("SELECT n.doc_id, n.entity_id FROM entities n WHERE n.canonical_id = ? "
                + (f"OR n.canonical_id IN ({ph}) " if ids else ""))
        hit_args: list[Any] = [actor] + ids
        if self.actor_names is None:
            hits += ("OR n.name_ar IN (" + ACTOR_NAMES_SQL["name_ar"] + ") "
                     "OR n.name IN (" + ACTOR_NAMES_SQL["name"] + ")")
            hit_args += [_like_fold(actor), _like_fold(actor)]
        else:  # the same names, found once (Database.actor_names)
            for col, names in zip(("name_ar", "name"), self.actor_names, strict=True):
                if names:
                    hits += f"OR n.{col} IN ({','.join('?' * len(names))}) "
                    hit_args += list(names)
        return hits, hit_args

    def where(self, alias: str = "") -> tuple[str, list[Any]]:
        """SQL WHERE clause and arguments; checks every value (raises BadParameter)."""
        conds: list[str] = []
        args: list[Any] = []
        a = (alias or "events") + "."

        def one_of_(col: str, values: list[str]) -> None:
            if values:
                conds.append(f"{a}{col} IN ({','.join('?' * len(values))})")
                args.extend(values)

        one_of_("type", one_of("type", self.type, PLOVER_TYPES, upper=True))
        one_of_("modality", one_of("modality", self.modality, MODALITIES))
        one_of_("stance", one_of("stance", self.stance, STANCES))
        countries = [v.upper() for v in _split(text_param("country", self.country))]
        if any(not re.fullmatch(r"[A-Z]{2}", c) for c in countries):
            raise BadParameter("country", "expected ISO 3166 alpha-2 codes (SY,IQ)")
        one_of_("country", countries)
        outlet = text_param("outlet", self.outlet)
        if outlet:
            conds.append(f"{a}outlet = ?")
            args.append(outlet)
        doc_id = text_param("doc_id", self.doc_id, 2000)
        if doc_id:
            conds.append(f"{a}doc_id = ?")
            args.append(doc_id)
        actor = text_param("actor", self.actor)
        if actor:
            # English canonical name, Arabic name (spelling variants folded) or any dictionary alias.
            # The entities that match are one set, found once per query (the names are folded once
            # each, not once per row), that the events' (doc_id, actor_id / recipient_id) look up.
            if self.actor_match is not None:
                # the same events, tested per row by equality only (no LIKE, no entities subquery)
                na, nr, extra = self.actor_match
                terms = [f"{a}actor_id = ?"]
                targs: list[Any] = [actor]
                if na:
                    terms.append(f"{a}actor_name IN ({','.join('?' * len(na))})")
                    targs += list(na)
                if nr:
                    terms.append(f"{a}recipient_name IN ({','.join('?' * len(nr))})")
                    targs += list(nr)
                if extra:
                    terms.append(f"({a}doc_id, {a}event_id) IN (VALUES {','.join(['(?, ?)'] * len(extra))})")
                    targs += [x for k in extra for x in k]
                conds.append("(" + " OR ".join(terms) + ")")
                args += targs
        if actor and self.actor_match is None:
            hits, hit_args = self._actor_hits(actor)
            conds.append(
                f"({a}actor_name LIKE ? ESCAPE '\\' OR {a}recipient_name LIKE ? ESCAPE '\\' OR {a}actor_id = ? "
                f"OR ({a}doc_id, {a}actor_id) IN ({hits}) OR ({a}doc_id, {a}recipient_id) IN ({hits}))")
            args += [_like(actor), _like(actor), actor] + hit_args + hit_args
        place = text_param("place", self.place)
        if place:
            conds.append(f"({a}place_name LIKE ? ESCAPE '\\' OR rasid_fold({a}place_name_ar) LIKE ? ESCAPE '\\')")
            args += [_like(place), _like_fold(place)]
        q = text_param("q", self.q)
        if q:
            conds.append(f"({a}evidence_text LIKE ? ESCAPE '\\' OR {a}trigger_text LIKE ? ESCAPE '\\')")
            args += [_like(q), _like(q)]
        fat = int_param("min_fatalities", self.min_fatalities, 0, MAX_INT)
        if fat:
            conds.append(f"{a}fatalities >= ?")
            args.append(fat)
        if _flag("precise", self.precise):
            conds.append(f"{a}geo_precision = 1")
        bbox = parse_bbox(self.bbox)
        if bbox:
            conds.append(f"{a}lat BETWEEN ? AND ? AND {a}lon BETWEEN ? AND ?")
            args += [bbox[1], bbox[3], bbox[0], bbox[2]]
        elif self.geo_only:
            conds.append(f"{a}lat IS NOT NULL AND {a}lon IS NOT NULL")
        d0, d1 = _date_range(self.date_from, self.date_to)
        dconds: list[str] = []
        dargs: list[Any] = []
        if d0:
            # An event overlaps [d0, d1] when it ends on or after d0. Events last at
            # most max_span days, so date_start >= d0 - max_span bounds the index scan.
            if self.max_span_days is not None:
                lo = (date.fromisoformat(d0) - timedelta(days=self.max_span_days)).isoformat()
                dconds.append(f"{a}date_start >= ?")
                dargs.append(lo)
            dconds.append(f"COALESCE({a}date_end, {a}date_start) >= ?")
            dargs.append(d0)
        if d1:
            dconds.append(f"{a}date_start <= ?")
            dargs.append(d1)
        if dconds and _flag("undated", self.undated):
            conds.append(f"(({' AND '.join(dconds)}) OR {a}date_start IS NULL)")
            args += dargs
        else:
            conds += dconds
            args += dargs
        return (" WHERE " + " AND ".join(conds)) if conds else "", args


MERGED_T = "merged_events"
#: the column name a window count takes in a row (no table has it)
_TOTAL = "rasid_total_rows"
MERGED_MENTIONS_T = "merged_mentions"


def precision_class(geo_precision: Any, feature: Any, lat: Any = 0) -> str | None:
    """How precisely an event is located: point (a town or better), area (district,
    governorate, region) or country (a country's centre); None when not located."""
    if lat is None:
        return None
    if feature == "country":
        return "country"
    return "point" if geo_precision == 1 else "area"


def _flag(name: str, value: Any) -> bool:
    if value is None or value is False or value == "":
        return False
    if value is True:
        return True
    v = str(value).lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off"):
        return False
    raise BadParameter(name, "expected true or false")


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


class MergedRecord(NamedTuple):
    """What the store holds about one merged event (see :meth:`Database.merged_record`)."""

    merged_event: dict[str, Any]
    mentions: list[dict[str, Any]]
    events: list[dict[str, Any]]


class Database:
    """Read-only access to one Rasid database: a SQLite file or a ``postgresql://`` URL."""

    def __init__(self, path: str | Path) -> None:
        self.url = str(path) if is_url(path) else None
        self.path = Path(path) if self.url is None else path
        if self.url is None and not Path(path).is_file():
            raise StoreError(f"{self.path}: no such database")
        self._local = threading.local()
        self._facets_lock = threading.Lock()
        self._version_memo: tuple[Any, float] | None = None
        self._report_ids: OrderedDict[tuple[str, tuple[Any, ...]], frozenset[str]] = OrderedDict()
        self._report_ids_version: Any = None
        self._report_ids_lock = threading.Lock()
        self._event_merged: tuple[Any, tuple[Any, list[str]]] | None = None
        self._event_merged_lock = threading.Lock()
        self._memo: dict[Any, Any] = {}
        self._memo_version: Any = None
        self._memo_time = 0.0
        self._memo_lock = threading.Lock()
        self._memo_flights: dict[Any, threading.Lock] = {}
        self._report_ids_flights: dict[tuple[str, tuple[Any, ...]], threading.Lock] = {}
        self._catalogue_memo: tuple[Any, frozenset[str], dict[str, list[str]]] | None = None
        # the file and its write-ahead log, as strings: data_version stats them on every call
        self._stat_paths = (str(self.path), f"{self.path}-wal")
        if self.url is not None:
            self.conn  # noqa: B018 - fail now (a clear StoreError) when the server cannot be reached

    # -- connections ---------------------------------------------------------
    @property
    def conn(self) -> DB:
        """This thread's connection (a :class:`rasid.store.backend.DB`)."""
        c = getattr(self._local, "conn", None)
        if c is None:
            if self.url is not None:
                from rasid.text.normalize import _fold_table

                c = connect_postgres(self.url, read_only=True, fold_table=_fold_table())
            else:
                uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
                try:
                    raw = sqlite3.connect(uri, uri=True, check_same_thread=False)
                except sqlite3.Error as e:
                    raise StoreError(f"{self.path}: {e}") from e
                raw.row_factory = sqlite3.Row
                raw.create_function("rasid_fold", 1, _fold, deterministic=True)
                raw.execute("PRAGMA query_only = 1")
                raw.execute("PRAGMA mmap_size = 268435456")
                c = wrap_sqlite(raw, str(self.path))
            self._local.conn = c
        return c

    def rows(self, sql: str, args: list[Any] | tuple = ()) -> list[dict[str, Any]]:
        return [self._dict(r) for r in self.conn.execute(sql, args)]

    def _dict(self, r: Any) -> dict[str, Any]:
        if self.url is None:
            return dict(r)
        d: dict[str, Any] = r.as_dict()
        d.pop("rowid", None)  # SELECT * on PostgreSQL: rowid is a column there, not in SQLite
        return d

    def _tuples(self, sql: str, args: list[Any] | tuple = ()) -> list[tuple[Any, ...]]:
        """The rows of ``sql`` as plain tuples (no row objects: for many rows read at once)."""
        raw = self.conn.raw
        if self.url is not None:
            from psycopg.rows import tuple_row

            with raw.cursor(row_factory=tuple_row) as cur:
                return cur.execute(self.conn.dialect.sql(sql), args).fetchall()
        cur = raw.cursor()
        cur.row_factory = None
        try:
            return cur.execute(sql, args).fetchall()
        finally:
            cur.close()

    def scalar(self, sql: str, args: list[Any] | tuple = ()) -> Any:
        r = self.conn.execute(sql, args).fetchone()
        return r[0] if r else None

    def _version(self) -> Any:
        """:meth:`data_version`, on PostgreSQL (a query) re-read at most once a second."""
        if self.url is None:
            return self.data_version()
        now = time.monotonic()
        memo = self._version_memo
        if memo is None or now - memo[1] > 1.0:
            memo = self._version_memo = (self.data_version(), now)
        return memo[0]

    def _catalogue(self) -> tuple[Any, frozenset[str], dict[str, list[str]]]:
        """(version, tables, columns read so far) of this version of the database."""
        key = self._version()
        cat = self._catalogue_memo
        if key is None or cat is None or cat[0] != key:
            cat = (key, frozenset(self.conn.tables()), {})
            if key is not None:
                self._catalogue_memo = cat
        return cat

    def tables(self) -> set[str]:
        """Tables now in the database (an older file may lack some; re-read when it changes)."""
        return set(self._catalogue()[1])

    def columns(self, table: str) -> list[str]:
        _, tables, columns = self._catalogue()
        if table not in tables:
            return []
        cols = columns.get(table)
        if cols is None:
            cols = columns[table] = self.conn.columns(table)
        return list(cols)

    def count(self, table: str) -> int:
        return int(self.scalar(f'SELECT COUNT(*) FROM "{table}"')) if table in self.tables() else 0

    # -- documents -----------------------------------------------------------
    def documents(self, outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
                  limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        conds, args = [], []
        outlet = text_param("outlet", outlet)
        if outlet:
            conds.append("outlet = ?")
            args.append(outlet)
        d0, d1 = _date_range(date_from, date_to)
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

    def entity_attrs(self, doc_id: str) -> dict[Any, dict[str, Any]]:
        """entity id -> attrs (actor type, ACLED inter code, ...) from a document's JSON."""
        d = self.document(doc_id) or {}
        return {e.get("id"): dict(e.get("attrs") or {}) for e in d.get("entities", []) if isinstance(e, dict)}

    # -- events --------------------------------------------------------------
    def _per_version(self, key: Any, compute: Any) -> Any:
        """``compute()``, kept for this version of the database (:meth:`data_version`; a
        minute when it cannot say); one thread computes a missing value, the others wait."""
        version = self._version()
        now = time.monotonic()
        with self._memo_lock:
            if self._memo_version != version or (version is None and now - self._memo_time > 60):
                self._memo.clear()
                self._memo_version, self._memo_time = version, now
            if key in self._memo:
                return self._memo[key]
            flight = self._memo_flights.setdefault(key, threading.Lock())
        with flight:
            with self._memo_lock:
                if key in self._memo and self._memo_version == version:
                    return self._memo[key]
            value = compute()
            with self._memo_lock:
                if self._memo_version == version:
                    self._memo[key] = value
                    if len(self._memo) > 512:
                        self._memo.pop(next(iter(self._memo)))
                self._memo_flights.pop(key, None)
        return value

    def max_span_days(self) -> int:
        """Days the longest-lasting event spans (once per version of the database)."""
        def compute() -> int:
            days = self.conn.dialect.days_between("date_start", "date_end")
            v = self.scalar(f"SELECT MAX({days}) FROM events "
                            "WHERE date_end IS NOT NULL AND date_start IS NOT NULL")
            return max(0, int(v or 0)) + 1

        return int(self._per_version("max_span_days", compute))

    def actor_names(self, actor: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The entity names (Arabic, English) whose folded form holds ``actor`` folded: what an
        actor filter matches by name (once per version of the database and actor text)."""
        pattern = _like_fold(actor)

        def names(col: str) -> tuple[str, ...]:
            return tuple(sorted(r[0] for r in self.conn.execute(ACTOR_NAMES_SQL[col], (pattern,))))

        out: tuple[tuple[str, ...], tuple[str, ...]] = self._per_version(
            ("actor_names", pattern), lambda: (names("name_ar"), names("name")))
        return out

    #: above this many names or entity-only events, an actor filter keeps its LIKE and subquery form
    ACTOR_MATCH_MAX = 300

    def actor_match(self, actor: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]] | None:
        """What the actor filter ``actor`` matches, found once per version of the database and
        actor text (:attr:`EventFilter.actor_match`): the distinct actor and recipient names of
        the events that its LIKE pattern holds, and the events that only its entities (the
        subquery of :meth:`EventFilter.where`) match; None when either is too long for a list."""
        def compute() -> Any:
            pat = _like(actor)
            # one scan: each distinct (actor, recipient) pair, with whether the pattern holds each name
            na: set[str] = set()
            nr: set[str] = set()
            for r in self.conn.execute(
                    "SELECT DISTINCT actor_name, actor_name LIKE ? ESCAPE '\\', recipient_name, "
                    "recipient_name LIKE ? ESCAPE '\\' FROM events "
                    "WHERE actor_name LIKE ? ESCAPE '\\' OR recipient_name LIKE ? ESCAPE '\\'", (pat,) * 4):
                if r[1]:
                    na.add(r[0])
                if r[3]:
                    nr.add(r[2])
            if len(na) + len(nr) > self.ACTOR_MATCH_MAX:
                return None
            # the events an entity matches (looked up from the entities, by the events' key)
            # that neither name nor actor id keeps
            hits, hit_args = EventFilter(actor=actor, actor_names=self.actor_names(actor))._actor_hits(actor)
            keep = ["e.actor_id = ?"]
            keep_args: list[Any] = [actor]
            for col, names in (("actor_name", na), ("recipient_name", nr)):
                if names:
                    keep.append(f"e.{col} IN ({','.join('?' * len(names))})")
                    keep_args += sorted(names)
            extra = [(r[0], r[1]) for r in self.conn.execute(
                # CROSS JOIN: SQLite reads the entities first, then each one's events by primary key
                f"SELECT DISTINCT e.doc_id, e.event_id FROM ({hits}) h CROSS JOIN events e "
                "WHERE e.doc_id = h.doc_id AND (e.actor_id = h.entity_id OR e.recipient_id = h.entity_id) "
                f"AND CASE WHEN {' OR '.join(keep)} THEN 1 ELSE 0 END = 0 LIMIT ?",
                hit_args + keep_args + [self.ACTOR_MATCH_MAX + 1])]
            if len(extra) > self.ACTOR_MATCH_MAX:
                return None
            return tuple(sorted(na)), tuple(sorted(nr)), tuple(sorted(extra))

        out: Any = self._per_version(("actor_match", actor), compute)
        return out

    def _where(self, f: EventFilter, alias: str = "") -> tuple[str, list[Any]]:
        f.max_span_days = self.max_span_days() if f.date_from else None
        actor = text_param("actor", f.actor)
        f.actor_names = self.actor_names(actor) if actor and "entities" in self.tables() else None
        f.actor_match = self.actor_match(actor) if actor and f.actor_names is not None else None
        return f.where(alias)

    def events(self, f: EventFilter, limit: int = 50, offset: int = 0,
               with_total: bool = True, sort: str | None = None,
               enrich: bool = False) -> tuple[int | None, list[dict[str, Any]]]:
        """Events matching ``f``, newest first (or by ``sort``: a key of EVENT_SORTS, ``-`` for descending)."""
        where, args = self._where(f)
        order = EVENT_ORDER
        if sort:
            desc = sort.startswith("-")
            key = sort.lstrip("-")
            if key not in EVENT_SORTS:
                raise BadParameter("sort", f"expected one of {', '.join(EVENT_SORTS)} (- for descending)")
            col = EVENT_SORTS[key]
            order = f" ORDER BY ({col}) IS NULL, {col} {'DESC' if desc else 'ASC'}, rowid DESC"
        total = None
        if with_total:  # exact up to COUNT_CAP, then COUNT_CAP (the caller says "or more")
            total = self.capped_count(where, args)
        if f.bbox and where:
            items = self._bbox_page(where, args, order, total, limit, offset)
        else:
            items = self.rows("SELECT * FROM events" + where + order + " LIMIT ? OFFSET ?",
                              args + [limit, offset])
        if enrich:
            self.enrich(items)
        return total, items

    def _bbox_page(self, where: str, args: list[Any], order: str, total: int | None,
                   limit: int, offset: int) -> list[dict[str, Any]]:
        """A page of events under a filter with a bbox: the rows :meth:`events` reads, read so that
        the bbox's index does the work. SQLite: the page's row ids first, from the (lat, lon,
        date_start) index alone (migration 6), then those rows (a bbox page of the synthetic
        100,000 events: 37 -> 3 ms; before, each event in the bbox's latitudes was read and the
        rows sorted). PostgreSQL, when few events match (``total``, the capped count, under
        500): the matching rows (the bbox's index), sorted (its planner walked the date index
        backwards, testing every event, when a small bbox held few or no events: 70-100 ms;
        the rows of 1,158 matching events, read and sorted: 12 ms, where that walk found its
        page in 3). Same rows, same order."""
        if self.url is None:
            return self.rows("SELECT * FROM events WHERE rowid IN (SELECT rowid FROM events" + where + order
                             + " LIMIT ? OFFSET ?)" + order, args + [limit, offset])
        if total is not None and total < _FEW_IN_BBOX:
            return self.rows("WITH k AS MATERIALIZED (SELECT * FROM events" + where + ") SELECT * FROM k"
                             + order + " LIMIT ? OFFSET ?", args + [limit, offset])
        return self.rows("SELECT * FROM events" + where + order + " LIMIT ? OFFSET ?", args + [limit, offset])

    def capped_count(self, where: str, args: list[Any]) -> int:
        """Events matching ``where``, counted up to COUNT_CAP, kept per version of the database
        (:meth:`_per_version`): an analyst paging or coming back to a filter counts it once."""
        sql = "SELECT COUNT(*) FROM (SELECT 1 FROM events" + where + " LIMIT ?) AS capped"
        return int(self._per_version(("count", sql, tuple(args)), lambda: self.scalar(sql, args + [COUNT_CAP])))

    def enrich(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Adds to event rows: ``precision_class`` (point, area, country), and the merged event
        each belongs to (``merged_id``, ``independent_sources``, ``contradicted``) when there is one."""
        if not items:
            return items
        keys = [(e["doc_id"], e["event_id"]) for e in items]
        feats: dict[tuple[Any, Any], str] = {}
        # the keys as a VALUES list joined by primary key: PostgreSQL plans a hundred ORed pairs
        # as many index scans (3.3 -> 1.2 ms for a page of 100 there; SQLite alike either way)
        pairs = list(dict.fromkeys((e["doc_id"], e["place_id"]) for e in items if e.get("place_id")))
        for i in range(0, len(pairs), 400):
            chunk = pairs[i:i + 400]
            for r in self.conn.execute(
                    f"SELECT n.doc_id, n.entity_id, n.feature FROM (VALUES {','.join(['(?,?)'] * len(chunk))}) AS k "
                    "JOIN entities n ON n.doc_id = k.column1 AND n.entity_id = k.column2",
                    [x for p in chunk for x in p]):
                feats[(r[0], r[1])] = r[2]
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        if {MERGED_MENTIONS_T, MERGED_T} <= self.tables():
            uniq = list(dict.fromkeys(keys))
            for i in range(0, len(uniq), 400):
                chunk = uniq[i:i + 400]
                for r in self.conn.execute(
                        "SELECT mm.doc_id, mm.event_id, m.id, m.independent_sources, m.outlets, m.contradicted "
                        f"FROM (VALUES {','.join(['(?,?)'] * len(chunk))}) AS k JOIN merged_mentions mm "
                        "ON mm.doc_id = k.column1 AND mm.event_id = k.column2 JOIN merged_events m ON m.id = mm.merged_id",
                        [x for p in chunk for x in p]):
                    merged[(r[0], r[1])] = {"merged_id": r[2], "independent_sources": r[3], "outlets_n": r[4],
                                            "contradicted": bool(r[5])}
        for e in items:
            e["precision_class"] = precision_class(e.get("geo_precision"), feats.get((e["doc_id"], e.get("place_id"))),
                                                   e.get("lat"))
            e.update(merged.get((e["doc_id"], e["event_id"]),
                                {"merged_id": None, "independent_sources": None, "outlets_n": None,
                                 "contradicted": False}))
        return items

    def type_counts(self, f: EventFilter) -> list[dict[str, Any]]:
        """Events per type under every filter but the type filter."""
        g = EventFilter(**{**f.__dict__, "type": None})
        where, args = self._where(g)
        return self.rows(f"SELECT type AS value, COUNT(*) AS n FROM events{where} GROUP BY type ORDER BY n DESC, value",
                         args)

    def iter_events(self, f: EventFilter) -> Iterator[dict[str, Any]]:
        where, args = self._where(f)
        for r in self.conn.execute("SELECT * FROM events" + where + EVENT_ORDER, args):
            yield self._dict(r)

    def points(self, f: EventFilter, limit: int) -> list[list[Any]]:
        """[doc_id, event_id, type, lat, lon, date, modality, precision_class, fatalities] per located event."""
        f.geo_only = True
        where, args = self._where(f, "e")
        sql = ("SELECT e.doc_id, e.event_id, e.type, e.lat, e.lon, e.date_start, e.modality, e.geo_precision, "
               "(SELECT n.feature FROM entities n WHERE n.doc_id = e.doc_id AND n.entity_id = e.place_id), "
               "e.fatalities FROM events e" + where
               + EVENT_ORDER.replace("rowid", "e.rowid") + " LIMIT ?")
        out = []
        for r in self.conn.execute(sql, args + [limit]):
            out.append([r[0], r[1], r[2], r[3], r[4], r[5], r[6], precision_class(r[7], r[8], r[3]), r[9]])
        return out

    def date_summary(self, f: EventFilter) -> dict[str, Any]:
        """Undated count, first and last dates, and the range the timeline shows: the events of the
        news itself, from two months before the first publication to a week after the last one
        (mentions of history, 1918 or 2003, are counted outside it); without publication dates,
        the 2nd..98th percentile."""
        g = EventFilter(**{**f.__dict__, "date_from": None, "date_to": None, "undated": None})
        where, args = self._where(g)
        extra = " AND " if where else " WHERE "
        undated = self.scalar(f"SELECT COUNT(*) FROM events{where}{extra}date_start IS NULL", args)
        r = self.conn.execute(f"SELECT COUNT(*), MIN(substr(date_start, 1, 10)), MAX(substr(date_start, 1, 10)), "
                              f"MIN(substr(published, 1, 10)), MAX(substr(published, 1, 10)) "
                              f"FROM events{where}{extra}date_start IS NOT NULL", args).fetchone()
        n, first, last, p0, p1 = r
        out: dict[str, Any] = {"undated": undated, "dated": n or 0, "first": first, "last": last,
                               "bulk_from": first, "bulk_to": last}
        try:
            lo = (date.fromisoformat(p0) - timedelta(days=62)).isoformat()
            hi = (date.fromisoformat(p1) + timedelta(days=7)).isoformat()
        except (TypeError, ValueError):
            lo = hi = ""
        if n and lo and hi:
            out["bulk_from"], out["bulk_to"] = max(first, lo), min(last, hi)
            if out["bulk_from"] > out["bulk_to"]:  # every event outside: show them all
                out["bulk_from"], out["bulk_to"] = first, last
        elif n and n >= 50:
            q = (f"SELECT substr(date_start, 1, 10) FROM events{where}{extra}date_start IS NOT NULL "
                 "ORDER BY date_start LIMIT 1 OFFSET ?")
            out["bulk_from"] = self.scalar(q, args + [int(n * 0.02)])
            out["bulk_to"] = self.scalar(q, args + [min(n - 1, int(n * 0.98))])
        return out

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

    def data_version(self) -> Any:
        """What changes when the database does (cheap, per request): the SQLite file's and
        its write-ahead log's size and time; on PostgreSQL the schema version, the events'
        row id sequence and the rows written to the events table (the statistics, a second
        or so behind); None when it cannot say."""
        if self.url is None:
            out: list[tuple[int, int] | None] = []
            for p in self._stat_paths:
                try:
                    st = os.stat(p)
                    out.append((st.st_mtime_ns, st.st_size))
                except OSError:
                    out.append(None)
            return tuple(out)
        try:
            return tuple(self.conn.execute(
                "SELECT (SELECT MAX(version) FROM schema_version), (SELECT last_value FROM events_rowid_seq), "
                "(SELECT n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables "
                "WHERE schemaname = current_schema() AND relname = 'events')").fetchone())
        except self.conn.dialect.errors:
            return None

    def facets(self) -> dict[str, list[dict[str, Any]]]:
        """Filter values with counts (five grouped scans of the events), computed once per
        version of the database (:meth:`data_version`; at most every 30 s when it cannot
        say), by one thread while the others wait for it."""
        version = self.data_version()
        cached = getattr(self, "_facets", None)
        if cached and cached[2] == version and (version is not None or time.monotonic() - cached[1] < 30):
            return cached[0]
        with self._facets_lock:
            cached = getattr(self, "_facets", None)
            if cached and cached[2] == version and (version is not None or time.monotonic() - cached[1] < 30):
                return cached[0]
            out = self._facets_now()
            self._facets = (out, time.monotonic(), version)
        return out

    def _facets_now(self) -> dict[str, list[dict[str, Any]]]:
        out = {}
        for col in ("type", "modality", "stance", "outlet", "country"):
            out[col] = self.rows(f"SELECT {col} AS value, COUNT(*) AS n FROM events WHERE {col} IS NOT NULL "
                                 f"GROUP BY {col} ORDER BY n DESC, value LIMIT 100")
        return out

    # -- claims --------------------------------------------------------------
    def claims(self, stance: str | None = None, outlet: str | None = None, source: str | None = None,
               q: str | None = None, doc_id: str | None = None, limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        conds, args = [], []
        st = one_of("stance", stance, STANCES)
        outlet, source, q = text_param("outlet", outlet), text_param("source", source), text_param("q", q)
        doc_id = text_param("doc_id", doc_id, 2000)
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
        kinds = one_of("kind", kind, ENTITY_KINDS)
        q = text_param("q", q)
        if kinds:
            conds.append(f"kind IN ({','.join('?' * len(kinds))})")
            args += kinds
        if q:
            conds.append("(rasid_fold(name) LIKE ? ESCAPE '\\' OR rasid_fold(name_ar) LIKE ? ESCAPE '\\' "
                         "OR canonical_id = ?)")
            args += [_like_fold(q), _like_fold(q), q]
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
                   bbox: str | None = None, date_from: str | None = None, date_to: str | None = None,
                   extra: tuple[str, list[Any]] | None = None,
                   only_ids: frozenset[str] | None = None) -> tuple[int, list[dict[str, Any]]]:
        """Rows of an optional table, filtering only on the columns it has; ``only_ids``
        keeps the rows whose ``id`` is in it (:meth:`merged_report_ids`)."""
        cols = self.columns(table)
        if not cols:
            parse_bbox(bbox)  # still validate
            d0, d1 = _date_range(date_from, date_to)
            return 0, []
        conds: list[str] = []
        args: list[Any] = []
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
        d0, d1 = _date_range(date_from, date_to)
        if "date_start" in cols:
            end_col = "COALESCE(date_end, date_start)" if "date_end" in cols else "date_start"
            if d0:
                conds.append(f"{end_col} >= ?")
                args.append(d0)
            if d1:
                conds.append("date_start <= ?")
                args.append(d1)
        if extra:
            conds.append(extra[0])
            args += extra[1]
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        if only_ids is not None and "id" in cols:
            return self._rows_of_ids(table, where, args, only_ids, order if order in cols else None, limit, offset)
        order_sql = f' ORDER BY "{order}" DESC, rowid' if order and order in cols else " ORDER BY rowid"
        if extra:
            # a subquery over the reports (merged_filter): run it once, the total counted alongside
            items = self.rows(f'SELECT *, COUNT(*) OVER () AS "{_TOTAL}" FROM "{table}"{where}{order_sql} '
                              "LIMIT ? OFFSET ?", args + [limit, offset])
            if items:
                total = items[0][_TOTAL]
                for r in items:
                    del r[_TOTAL]
                return total, [_clean(r) for r in items]
            if not offset:
                return 0, []
        count_sql = f'SELECT COUNT(*) FROM "{table}"{where}'
        total = self._per_version(("count", count_sql, tuple(args)), lambda: self.scalar(count_sql, args))
        page_sql = f'SELECT * FROM "{table}"{where}{order_sql} LIMIT ? OFFSET ?'
        page = self._per_version(("page", page_sql, tuple(args), limit, offset),
                                 lambda: [_clean(r) for r in self.rows(page_sql, args + [limit, offset])])
        return total, [dict(r) for r in page]  # copies: the caller adds to its rows

    def _rows_of_ids(self, table: str, where: str, args: list[Any], only_ids: frozenset[str], order: str | None,
                     limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """:meth:`table_rows` for the rows whose id is in ``only_ids``: the keys of the rows
        the other filters keep (an index has them), sorted as ``ORDER BY "order" DESC, rowid``
        here, and the page's rows read by id."""
        key = f'"{order}"' if order else "NULL"
        sql = f'SELECT id, {key}, rowid FROM "{table}"{where}'

        def ordered() -> tuple[Any, ...]:
            keys = [(r[0], r[1], r[2]) for r in self.conn.execute(sql, args)]
            keys.sort(key=lambda r: r[2])
            if order:  # DESC, NULL last, ties in rowid order (the sort is stable)
                keys.sort(key=lambda r: (r[1] is not None, r[1]), reverse=True)
            return tuple(r[0] for r in keys)

        # every row the other filters keep, in order, once per version of the database: the
        # report filters (only_ids) change more often than these (min_reports, type, country)
        all_ids = self._per_version(("ordered ids", sql, tuple(args)), ordered)
        if len(only_ids) * 4 < len(all_ids):
            # few reports match (an actor): their places in the order (ids are unique), not a pass over it
            pos = self._per_version(("ordered pos", sql, tuple(args)),
                                    lambda: {i: n for n, i in enumerate(all_ids)})
            places = [pos[i] for i in only_ids if i in pos]
            ids = [all_ids[n] for n in sorted(places)]
        else:
            ids = [i for i in all_ids if i in only_ids]
        page = ids[offset:offset + limit]
        rows: dict[Any, dict[str, Any]] = {}
        for i in range(0, len(page), 400):
            chunk = page[i:i + 400]
            for r in self.rows(f'SELECT * FROM "{table}" WHERE id IN ({",".join("?" * len(chunk))})', chunk):
                rows[r["id"]] = r
        return len(ids), [_clean(rows[i]) for i in page if i in rows]

    def merged_report_ids(self, f: EventFilter) -> frozenset[str] | None:
        """Ids of the merged events with at least one report matching the event filter ``f``
        (None when ``f`` filters nothing or there are no merged events), kept per version of
        the database (:meth:`data_version`) for the last 32 filters: a filter on the reports
        (actor, modality) stays while an analyst pages, pans and changes dates."""
        where, args = self._where(f)
        if not where or not {MERGED_T, MERGED_MENTIONS_T} <= self.tables():
            return None
        version = self._version()
        if version is None:
            return self._report_ids_now(where, args)
        key = (where, tuple(args))
        with self._report_ids_lock:
            if self._report_ids_version != version:
                self._report_ids.clear()
                self._report_ids_version = version
            hit = self._report_ids.get(key)
            if hit is not None:
                self._report_ids.move_to_end(key)
                return hit
            flight = self._report_ids_flights.setdefault(key, threading.Lock())
        with flight:  # one thread reads a new filter's ids; the others wait for them
            with self._report_ids_lock:
                hit = self._report_ids.get(key) if self._report_ids_version == version else None
            if hit is not None:
                return hit
            ids = self._report_ids_now(where, args, version)
            with self._report_ids_lock:
                if self._report_ids_version == version:
                    self._report_ids[key] = ids
                    while len(self._report_ids) > 32:
                        self._report_ids.popitem(last=False)
                self._report_ids_flights.pop(key, None)
        return ids

    def _report_ids_now(self, where: str, args: list[Any], version: Any = None) -> frozenset[str]:
        if version is not None:
            # the matching events' row ids as one string the database builds (an index or one
            # scan, without holding the GIL), each looked up in the array of event row id ->
            # merged event read once per version: a new report filter (modality, actor) no
            # longer joins every matching event to its report, nor makes a Python row of each
            # matching event (asserted, 100,000 events, SQLite: 137-268 -> about 25 ms)
            to_merged, ids = self._event_merged_ids(version)
            agg = "string_agg(events.rowid::text, ',')" if self.url is not None else "group_concat(events.rowid)"
            found = self.scalar(f"SELECT {agg} FROM events" + where, args)
            if not found or not ids:
                return frozenset()
            rowids = np.fromstring(found, dtype=np.int64, sep=",")
            rowids = rowids[(rowids >= 0) & (rowids < len(to_merged))]
            hits = to_merged[rowids]
            return frozenset([ids[i] for i in np.unique(hits[hits >= 0]).tolist()])
        # the matching events first (an index or one scan), then their reports by primary key
        return frozenset(r[0] for r in self.conn.execute(
            "SELECT mm.merged_id FROM events JOIN merged_mentions mm ON mm.doc_id = events.doc_id "
            "AND mm.event_id = events.event_id" + where, args))

    def _event_merged_ids(self, version: Any) -> tuple[Any, list[str]]:
        """(event row id -> the position in ``ids`` of the merged event it reports, -1 for an
        event no merged event has, as a numpy array; ``ids``) for this version of the database
        (read by one thread; 8 bytes an event row id, and the merged events' ids). The pairs
        come as one string (no Python row an event), a merged event as its row id."""
        memo = self._event_merged
        if memo is not None and memo[0] == version:
            return memo[1]
        with self._event_merged_lock:
            memo = self._event_merged
            if memo is not None and memo[0] == version:
                return memo[1]
            merged = self._tuples("SELECT rowid, id FROM merged_events")
            ids = [r[1] for r in merged]
            mrow = np.array([r[0] for r in merged], dtype=np.int64)
            pos = np.full(int(mrow.max(initial=-1)) + 1, -1, dtype=np.int64)
            pos[mrow] = np.arange(len(mrow))
            pair = ("string_agg(events.rowid || ',' || m.rowid, ',')" if self.url is not None
                    else "group_concat(events.rowid || ',' || m.rowid)")
            found = self.scalar(f"SELECT {pair} FROM merged_mentions mm JOIN events ON events.doc_id = mm.doc_id "
                                "AND events.event_id = mm.event_id JOIN merged_events m ON m.id = mm.merged_id")
            pairs = np.fromstring(found, dtype=np.int64, sep=",").reshape(-1, 2) if found else \
                np.zeros((0, 2), dtype=np.int64)
            to_merged = np.full(int(pairs[:, 0].max(initial=-1)) + 1, -1, dtype=np.int64)
            known = pairs[:, 1] < len(pos)  # (a merged event written between the two reads: left out)
            to_merged[pairs[known, 0]] = pos[pairs[known, 1]]
            self._event_merged = (version, (to_merged, ids))
        return to_merged, ids

    def merged_filter(self, f: EventFilter) -> tuple[str, list[Any]] | None:
        """``EXISTS (...)`` on ``merged_events``: merged events with at least one report matching
        the event filter ``f``."""
        where, args = self._where(f)
        if not where or MERGED_MENTIONS_T not in self.tables():
            return None
        # EXISTS, not id IN (...): a report filter matching most events (modality=asserted) made
        # the IN list as long as the table; the merged events are looked at once each either way
        return ("EXISTS (SELECT 1 FROM merged_mentions mm JOIN events ON events.doc_id = mm.doc_id "
                "AND events.event_id = mm.event_id WHERE mm.merged_id = merged_events.id AND "
                + where[len(" WHERE "):] + ")", args)

    def report_events(self, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The event rows (with their claim's English source name) of a merged event's reports."""
        keys = [(m["doc_id"], m["event_id"]) for m in mentions if m.get("doc_id") and m.get("event_id")][:2000]
        out: list[dict[str, Any]] = []
        for i in range(0, len(keys), 400):
            chunk = keys[i:i + 400]
            cond = " OR ".join("(e.doc_id = ? AND e.event_id = ?)" for _ in chunk)
            out += self.rows("SELECT e.*, c.source_name FROM events e LEFT JOIN claims c ON c.doc_id = e.doc_id "
                             f"AND c.claim_id = e.claim_id WHERE {cond}", [x for p in chunk for x in p])
        return out

    def merged_id_of(self, doc_id: str, event_id: str) -> str | None:
        """The id of the merged event an event belongs to (None when not merged or no such tables)."""
        if not {MERGED_T, MERGED_MENTIONS_T} <= self.tables():
            return None
        return self.scalar("SELECT merged_id FROM merged_mentions WHERE doc_id = ? AND event_id = ?",
                           (doc_id, event_id))

    def merged_ids(self, f: EventFilter) -> list[str]:
        """Ids of the merged events with at least one report matching ``f``, most independent
        sources first (all of them when ``f`` filters nothing); [] without the table."""
        if MERGED_T not in self.tables():
            return []
        extra = self.merged_filter(f)
        where, args = (" WHERE " + extra[0], extra[1]) if extra else ("", [])
        cols = self.columns(MERGED_T)
        order = ' ORDER BY "independent_sources" DESC, rowid' if "independent_sources" in cols else " ORDER BY rowid"
        return [r[0] for r in self.conn.execute(f"SELECT id FROM {MERGED_T}{where}{order}", args)]

    def merged_record(self, merged_id: str) -> MergedRecord | None:
        """A merged event (its row, JSON fields included, and ``precision_class``), its report rows
        (``mentions``) and the event rows of those reports (``events``, with their claim's English
        source name); :func:`rasid.export.merged.merged_full` adds the English summary."""
        rows = self.rows(f'SELECT * FROM "{MERGED_T}" WHERE id = ?', (merged_id,))
        if not rows:
            return None
        row = rows[0]
        try:
            full = json.loads(row.get("json") or "{}")
        except ValueError:
            full = {}
        m = {**full, **_clean({k: v for k, v in row.items() if k != "json"})}
        m["contradicted"] = bool(m.get("contradicted"))
        mentions = self.related(MERGED_MENTIONS_T, "merged_id", merged_id)
        evs = self.report_events(mentions)
        by_key = {(e["doc_id"], e["event_id"]): e for e in evs}
        for x in mentions:
            ev = by_key.get((x.get("doc_id"), x.get("event_id")), {})
            j = x.pop("json", None)
            extra = j if isinstance(j, dict) else {}
            if not extra and isinstance(j, str):
                try:
                    extra = json.loads(j)
                except ValueError:
                    extra = {}
            x["evidence_text"] = ev.get("evidence_text") or extra.get("evidence")
            x["modality"] = ev.get("modality") or extra.get("modality")
            x["source_name"] = ev.get("source_name")
            x["fatalities"] = ev.get("fatalities")
        m["precision_class"] = self.merged_precision([{"id": merged_id, "lat": m.get("lat")}])[0]["precision_class"]
        return MergedRecord(m, mentions, evs)

    def merged_precision(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Adds ``precision_class`` to merged event rows: the best precision among their located reports."""
        ids = [r["id"] for r in rows if r.get("id")]
        # each merged event's best rank, kept per version of the database as pages ask for it
        # (None: no located report); a page read again, or an event on several pages, costs no query
        best: dict[Any, int | None] = self._per_version("merged precision", dict)
        missing = list(dict.fromkeys(i for i in ids if i not in best))
        if missing and MERGED_MENTIONS_T in self.tables():
            found: dict[Any, int | None] = dict.fromkeys(missing)
            for i in range(0, len(missing), 400):
                chunk = missing[i:i + 400]
                sql = ("SELECT mm.merged_id, MIN(CASE WHEN n.feature = 'country' THEN 3 WHEN e.geo_precision = 1 "
                       "THEN 1 ELSE 2 END) FROM merged_mentions mm JOIN events e ON e.doc_id = mm.doc_id "
                       "AND e.event_id = mm.event_id LEFT JOIN entities n ON n.doc_id = e.doc_id "
                       "AND n.entity_id = e.place_id WHERE e.lat IS NOT NULL AND mm.merged_id IN "
                       f"({','.join('?' * len(chunk))}) GROUP BY mm.merged_id")
                found.update({r[0]: r[1] for r in self.conn.execute(sql, chunk)})
            best.update(found)
        names = {1: "point", 2: "area", 3: "country"}
        for r in rows:
            rank = best.get(r.get("id"))
            r["precision_class"] = names.get(rank) if rank is not None and r.get("lat") is not None else None
        return rows

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
        """Full-text search with the store's own query (folded spellings), on this read-only
        connection; a query the index cannot take is a BadParameter on ``q``."""
        try:
            if "docs_fts" in self.tables():
                # kept per version of the database: the same words are looked up again and again
                hits = self._per_version(("search", query, limit, offset),
                                         lambda: search(self.conn, query, limit, offset))
                return [dict(h) for h in hits]
            pat = _like(query)
            return self.rows(
                "SELECT id AS doc_id, title, outlet, published, substr(text, 1, 180) AS snippet, 0.0 AS rank "
                "FROM documents WHERE title LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\' "
                "ORDER BY published DESC LIMIT ? OFFSET ?", (pat, pat, limit, offset))
        except BadParameter:
            raise
        except (sqlite3.OperationalError, ValueError, InputError) + self.conn.dialect.errors as e:  # the caller's
            raise BadParameter("q", str(e)) from None
