"""Merged events: cross-document event coreference with blocking.

Blocking: a mention is compared only with (a) merged events of the same type
in its 1-degree geo cell or the 8 around it whose date span is near its own,
when it has a town-level place and a usable date, and (b) merged events of
the same type that share its story or near-duplicate group (near in date when
it has a usable date); these are the only ones a province-level, country-level,
place-less, vague-dated or undated mention may join. Each lookup is an indexed
query (``merged_events(type, cell, date_start)``, ``merged_mentions(story_id)``,
``merged_mentions(group_id)``) capped at ``MAX_CANDIDATES``, so the cost per
mention is bounded by the local density of events and ingest grows linearly.

Compatibility with a merged event M (all must hold):

- same PLOVER type;
- time: the mention's interval, widened by ``DATE_TOL_DAYS`` (more when its
  date was inferred from publication), overlaps M's *core*: its best date when
  a mention states a precise date (so merged events do not chain from day to
  day), else the intersection of publication-inferred intervals. A vague date
  (a month, a year) or none only joins within the same story or group;
- place: countries agree when both known; two towns/sites -> within
  ``PLACE_TOL_KM`` and not in two different provinces farther apart than
  ``SAME_SPOT_KM``; a province/countryside against a town or province -> same
  admin1 (or within ``REGION_TOL_KM`` when admin1 cannot be compared) and the
  same story or group; a country or no place -> the same story or group;
- actors: a conflict (both known, none shared) is allowed only with a close
  place match or within one story (outlets and deniers name the same attacker
  differently, and extracted actors are noisy), and costs score.

The mention joins the compatible merged event with the best score, else starts
a new one. Aggregates (best-supported place and date, outlets, independent
sources, contradiction) are recomputed from the mentions after each document.

Counting (documented choice): ``outlets`` = distinct outlets whose *own*
(non-copy) articles report the event as happening or possibly happening
(stance assert/speculate). A syndicated copy keeps its outlet name in the
mention list (and in ``outlet_names_all``) but never adds to ``outlets`` or
``independent_sources``. Outlets that only deny are counted in
``outlets_denying``. ``independent_sources`` = distinct (outlet, source) pairs
over the same non-copy, non-denying mentions, the source being the claim's
source entity or folded source text, or the outlet itself when the event has
no claim.
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
from collections import Counter
from datetime import date, timedelta
from typing import Any

from rasid.crossdoc.mentions import Mention
from rasid.text import fold_key

DATE_TOL_DAYS = 1
INFERRED_TOL_DAYS = 2
MAX_SPAN_DAYS = 45  # merged events longer than this are not found by the date query
PLACE_TOL_KM = 25.0
REGION_TOL_KM = 120.0  # a region's centre to a point in it, when admin1 cannot be compared
SAME_SPOT_KM = 10.0
MAX_CANDIDATES = 500


def _d(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _admin_key(admin1: str | None) -> str:
    return fold_key(admin1) if admin1 else ""


def cell_of(m: Mention | dict) -> str:
    """Blocking cell: 1-degree cell of a point, R:<admin1> of a region, C:<country>, or '-'."""
    get = m.get if isinstance(m, dict) else lambda k: getattr(m, k)
    lat, lon, prec = get("lat"), get("lon"), get("precision") or 1
    if lat is not None and lon is not None and prec < 2:
        return f"{math.floor(lat)}:{math.floor(lon)}"
    if lat is not None and prec == 2 and get("admin1"):
        return f"R:{_admin_key(get('admin1'))}"
    return f"C:{get('country')}" if get("country") else "-"


def _same_admin(a: str | None, b: str | None) -> bool | None:
    """Whether two admin1 values agree; None when they cannot be compared
    (one missing, or one a code and the other a name)."""
    if not a or not b or a.isdigit() != b.isdigit():
        return None
    return _admin_key(a) == _admin_key(b)


def _neighbour_cells(lat: float, lon: float) -> list[str]:
    a, b = math.floor(lat), math.floor(lon)
    return [f"{a + i}:{b + j}" for i in (-1, 0, 1) for j in (-1, 0, 1)]


class MergedEvent:
    """A merged event: its mentions and the aggregates derived from them."""

    def __init__(self, id: str, type: str, mentions: list[Mention] | None = None) -> None:
        self.id = id
        self.type = type
        self.mentions: list[Mention] = mentions or []
        self.agg: dict[str, Any] = {}
        if self.mentions:
            self.recompute()

    # -- aggregates -------------------------------------------------------------
    def recompute(self) -> None:
        ms = self.mentions
        support = [m for m in ms if m.stance != "deny"] or ms
        # best-supported place: the finest precision given, then most supporting documents
        places: dict[tuple, list[Mention]] = {}
        for m in support:
            if m.lat is None:
                continue
            key = (m.place_name or "", round(m.lat, 2), round(m.lon, 2))
            places.setdefault(key, []).append(m)
        best_place = None
        if places:
            def rank(item):
                key, mm = item
                return (min(x.precision or 1 for x in mm),
                        -len({x.doc_id for x in mm if not x.is_copy} or {mm[0].doc_id}), key)
            key, mm = min(places.items(), key=rank)
            m0 = min(mm, key=lambda x: x.precision or 1)
            best_place = {"name": m0.place_name, "name_ar": m0.place_name_ar, "lat": m0.lat, "lon": m0.lon,
                          "country": m0.country, "admin1": m0.admin1, "precision": m0.precision}
        else:
            named = [m for m in support if m.place_name]
            if named:
                m0 = named[0]
                best_place = {"name": m0.place_name, "name_ar": m0.place_name_ar, "lat": None, "lon": None,
                              "country": m0.country, "admin1": m0.admin1, "precision": m0.precision}
        # dates: precise stated dates win over publication-inferred ones, which win over vague ones
        by_kind: dict[str, list[Mention]] = {}
        for m in support:
            by_kind.setdefault(m.date_kind, []).append(m)
        dated = by_kind.get("precise") or by_kind.get("inferred") or by_kind.get("vague") or []
        best_date = None
        if dated:
            c = Counter(m.date_start for m in dated)
            best_date = min(c, key=lambda k: (-c[k], k))
        ds = min((m.date_start for m in dated), default=None)
        de = max((m.date_end or m.date_start for m in dated), default=None)
        # the core interval that new mentions are compared with (no chaining over days)
        if by_kind.get("precise"):
            core = (best_date, best_date)
        elif by_kind.get("inferred"):
            inf = by_kind["inferred"]
            lo, hi = max(m.date_start for m in inf), min(m.date_end for m in inf)
            core = (lo, hi) if lo <= hi else (ds, de)
        else:
            core = (ds, de)
        own = [m for m in ms if not m.is_copy]
        own_support = [m for m in own if m.stance != "deny"]
        own_deny = [m for m in own if m.stance == "deny"]
        okey = lambda m: fold_key(m.outlet) if m.outlet else f"doc:{m.doc_id}"  # noqa: E731
        outlets = {okey(m) for m in own_support}
        indep = {(okey(m), m.source_key or "(outlet)") for m in own_support}
        earliest = min(ms, key=lambda m: (m.published or "9999", m.doc_id))
        contradicted = any(m.stance == "assert" for m in ms) and any(m.stance == "deny" for m in ms)
        self.agg = {
            "place": best_place,
            "date_start": ds, "date_end": de, "best_date": best_date, "core": core,
            "date_kind": "precise" if by_kind.get("precise") else ("inferred" if by_kind.get("inferred") else
                                                                   ("vague" if dated else "none")),
            "outlets": len(outlets),
            "outlets_denying": len({okey(m) for m in own_deny}),
            "outlet_names": sorted({m.outlet or m.doc_id for m in own_support}),
            "outlet_names_all": sorted({m.outlet or m.doc_id for m in ms}),
            "independent_sources": len(indep),
            "copies": sum(1 for m in ms if m.is_copy),
            "contradicted": contradicted,
            "earliest": {"doc_id": earliest.doc_id, "outlet": earliest.outlet, "published": earliest.published},
            "actor_keys": sorted({k for m in support for k in m.actor_keys}),
            "stories": sorted({m.story_id for m in ms if m.story_id}),
            "groups": sorted({m.group_id for m in ms if m.group_id}),
        }

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.recompute()

    @property
    def cell(self) -> str:
        p = self.agg.get("place") or {}
        return cell_of({"lat": p.get("lat"), "lon": p.get("lon"), "precision": p.get("precision"),
                        "country": p.get("country")})

    # -- output -----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        a = self.agg
        p = a.get("place") or {}

        def brief(m: Mention) -> dict[str, Any]:
            return {"doc_id": m.doc_id, "event_id": m.event_id, "outlet": m.outlet, "published": m.published,
                    "evidence": m.evidence, "claim_source_text": m.source_text, "source_kind": m.source_kind,
                    "stance": m.stance, "modality": m.modality, "is_copy": m.is_copy,
                    "place": m.place_name, "date_start": m.date_start, "date_end": m.date_end,
                    "actor": m.actor}

        mentions = [brief(m) for m in sorted(self.mentions, key=lambda m: (m.published or "", m.doc_id))]
        return {
            "id": self.id, "type": self.type,
            "place": {"name": p.get("name"), "name_ar": p.get("name_ar"), "lat": p.get("lat"), "lon": p.get("lon"),
                      "country": p.get("country")} if p else None,
            "date_start": a["date_start"], "date_end": a["date_end"],
            "best_date": a["best_date"], "best_place": p.get("name") if p else None,
            "mentions": mentions,
            "n_mentions": len(mentions),
            "outlets": a["outlets"], "outlet_names": a["outlet_names"],
            "outlets_denying": a["outlets_denying"], "outlet_names_all": a["outlet_names_all"],
            "copies": a["copies"],
            "independent_sources": a["independent_sources"],
            "earliest_report": a["earliest"],
            "contradicted": a["contradicted"],
            "sides": {"assert": [x for x in mentions if x["stance"] == "assert"],
                      "deny": [x for x in mentions if x["stance"] == "deny"]} if a["contradicted"] else None,
            "actors": sorted({m.actor for m in self.mentions if m.actor}),
            "stories": a["stories"],
        }


def _new_id(m: Mention) -> str:
    return "me-" + hashlib.sha1(f"{m.doc_id}\x1f{m.event_id}".encode("utf-8")).hexdigest()[:12]


class EventMerger:
    """Merges the mentions of one update into the stored merged events."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.cache: dict[str, MergedEvent] = {}
        self.dirty: set[str] = set()
        self.pending: set[str] = set()

    def load(self, mid: str) -> MergedEvent | None:
        if mid in self.cache:
            return self.cache[mid]
        r = self.conn.execute("SELECT type FROM merged_events WHERE id=?", (mid,)).fetchone()
        if r is None:
            return None
        ms = [Mention.from_dict(json.loads(x[0])) for x in
              self.conn.execute("SELECT json FROM merged_mentions WHERE merged_id=? ORDER BY rowid", (mid,))]
        me = MergedEvent(mid, r[0], ms)
        self.cache[mid] = me
        return me

    def _candidates(self, m: Mention) -> list[MergedEvent]:
        """Merged events that may be compatible: the geo/date block of a town-level
        mention with a usable date, plus those sharing its story or near-duplicate
        group (the only ones a coarse, vague or undated mention can join)."""
        d0, d1 = _d(m.date_start), _d(m.date_end)
        kind = m.date_kind
        tol = INFERRED_TOL_DAYS if kind == "inferred" else DATE_TOL_DAYS
        date_sql, date_args = "", []
        if d0 is not None and kind in ("precise", "inferred"):
            lo = (d0 - timedelta(days=tol + MAX_SPAN_DAYS)).isoformat()
            hi = ((d1 or d0) + timedelta(days=tol)).isoformat()
            lo_end = (d0 - timedelta(days=tol)).isoformat()
            date_sql, date_args = " AND me.date_start BETWEEN ? AND ? AND me.date_end >= ?", [lo, hi, lo_end]
        ids: list[str] = []
        if m.is_point and date_sql:
            cells = _neighbour_cells(m.lat, m.lon)
            q = (f"SELECT me.id FROM merged_events me WHERE me.type=? AND me.cell IN ({','.join('?' * len(cells))})"
                 f"{date_sql} LIMIT ?")
            ids += [r[0] for r in self.conn.execute(q, [m.type, *cells, *date_args, MAX_CANDIDATES])]
        for col, key in (("story_id", m.story_id), ("group_id", m.group_id)):
            if key is None:
                continue
            q = (f"SELECT DISTINCT me.id FROM merged_mentions mm JOIN merged_events me ON me.id = mm.merged_id"
                 f" WHERE mm.{col}=? AND me.type=?{date_sql} LIMIT ?")
            ids += [r[0] for r in self.conn.execute(q, [key, m.type, *date_args, MAX_CANDIDATES])]
        ids = list(dict.fromkeys(ids))
        # merged events created since the last flush are not in SQL yet
        ids += [i for i in self.pending if i not in ids and self.cache[i].type == m.type]
        return [x for x in (self.load(i) for i in ids) if x is not None]

    def score(self, m: Mention, me: MergedEvent) -> float | None:
        """Compatibility score of a mention with a merged event, None if incompatible."""
        a = me.agg
        same_story = bool(m.story_id and m.story_id in a["stories"])
        same_group = bool(m.group_id and m.group_id in a["groups"])
        # time: the mention against the merged event's core interval
        kind = m.date_kind
        d0, d1 = _d(m.date_start), _d(m.date_end)
        e0, e1 = (_d(x) for x in a["core"])
        date_score = 0.0
        if d0 and e0:
            tol = timedelta(days={"precise": DATE_TOL_DAYS, "inferred": INFERRED_TOL_DAYS}.get(kind, 0))
            if d0 - tol > (e1 or e0) or (d1 or d0) + tol < e0:
                return None
            date_score = 1.0 if (kind == "precise" and m.date_start == a["best_date"]) else 0.5
        if kind in ("vague", "none") or a["date_kind"] in ("vague", "none"):
            date_score = 0.0
            if not (same_story or same_group):
                return None
        # place
        p = a.get("place") or {}
        p_prec = p.get("precision") or 1
        place_score = 0.0
        if m.country and p.get("country") and m.country != p["country"]:
            return None
        if m.is_point and p.get("lat") is not None and p_prec < 2:
            dist = haversine_km(m.lat, m.lon, p["lat"], p["lon"])
            if dist > PLACE_TOL_KM:
                return None
            if _same_admin(m.admin1, p.get("admin1")) is False and dist > SAME_SPOT_KM:
                return None
            place_score = 1.0 - dist / PLACE_TOL_KM
        else:
            # a region, a country or no place on one side: same province (or
            # near enough) and the same story or near-duplicate group
            if (m.is_point or m.is_region) and p.get("lat") is not None and p_prec < 3:
                same = _same_admin(m.admin1, p.get("admin1"))
                if same is False or (same is None and
                                     haversine_km(m.lat, m.lon, p["lat"], p["lon"]) > REGION_TOL_KM):
                    return None
                place_score = 0.3
            if not (same_story or same_group):
                return None
        # actors
        actor_score = 0.0
        if m.actor_keys and a["actor_keys"]:
            if set(m.actor_keys) & set(a["actor_keys"]):
                actor_score = 0.5
            elif place_score < 0.5 and not (same_story or same_group):
                return None
            else:
                actor_score = -0.5
        return place_score + date_score + actor_score + (0.5 if same_story else 0.0) + (1.0 if same_group else 0.0)

    def add(self, m: Mention) -> str:
        """Merge one mention; returns the merged event id."""
        best, best_s = None, -1.0
        for me in self._candidates(m):
            s = self.score(m, me)
            if s is not None and s > best_s:
                best, best_s = me, s
        if best is None:
            best = MergedEvent(_new_id(m), m.type)
            self.cache[best.id] = best
            self.pending.add(best.id)
        best.add(m)
        self.dirty.add(best.id)
        return best.id

    def flush(self) -> None:
        """Write the merged events changed since the last flush."""
        for mid in sorted(self.dirty):
            me = self.cache[mid]
            self._refresh_copies(me)
            d = me.to_dict()
            p = me.agg.get("place") or {}
            self.conn.execute(
                "INSERT OR REPLACE INTO merged_events(id, type, cell, date_start, date_end, best_date, place_name,"
                " place_name_ar, lat, lon, country, admin1, n_mentions, outlets, independent_sources, contradicted,"
                " earliest_doc, earliest_published, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (me.id, me.type, me.cell, d["date_start"], d["date_end"], d["best_date"], p.get("name"),
                 p.get("name_ar"), p.get("lat"), p.get("lon"), p.get("country"), p.get("admin1"),
                 d["n_mentions"], d["outlets"], d["independent_sources"], int(d["contradicted"]),
                 d["earliest_report"]["doc_id"], d["earliest_report"]["published"],
                 json.dumps(d, ensure_ascii=False)))
            self.conn.executemany(
                "INSERT OR REPLACE INTO merged_mentions(merged_id, doc_id, event_id, outlet, published, stance,"
                " source_text, is_copy, story_id, group_id, json) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(me.id, m.doc_id, m.event_id, m.outlet, m.published, m.stance, m.source_text, int(m.is_copy),
                  m.story_id, m.group_id, json.dumps(m.to_dict(), ensure_ascii=False)) for m in me.mentions])
        self.dirty.clear()
        self.pending.clear()

    def _refresh_copies(self, me: MergedEvent) -> None:
        """Copy flags can change when an earlier-published copy arrives later."""
        changed = False
        for m in me.mentions:
            r = self.conn.execute("SELECT original FROM dup_groups WHERE doc_id=?", (m.doc_id,)).fetchone()
            if r is not None and bool(not r[0]) != m.is_copy:
                m.is_copy = not r[0]
                changed = True
        if changed:
            me.recompute()


def forget(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document's mentions; merged events left empty are deleted."""
    mids = [r[0] for r in conn.execute("SELECT DISTINCT merged_id FROM merged_mentions WHERE doc_id=?", (doc_id,))]
    conn.execute("DELETE FROM merged_mentions WHERE doc_id=?", (doc_id,))
    merger = EventMerger(conn)
    for mid in mids:
        left = conn.execute("SELECT COUNT(*) FROM merged_mentions WHERE merged_id=?", (mid,)).fetchone()[0]
        if left == 0:
            conn.execute("DELETE FROM merged_events WHERE id=?", (mid,))
        else:
            if merger.load(mid) is not None:
                merger.dirty.add(mid)
    merger.flush()


def list_merged(conn: sqlite3.Connection, limit: int | None = None, min_mentions: int = 1,
                contradicted_only: bool = False) -> list[dict[str, Any]]:
    """Merged events as dicts (most reported first)."""
    sql = "SELECT json FROM merged_events WHERE n_mentions >= ?"
    args: list[Any] = [min_mentions]
    if contradicted_only:
        sql += " AND contradicted = 1"
    sql += " ORDER BY n_mentions DESC, date_start DESC, id"
    if limit:
        sql += " LIMIT ?"
        args.append(limit)
    return [json.loads(r[0]) for r in conn.execute(sql, args)]
