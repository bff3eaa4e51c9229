"""Exports of stored events: ACLED-style CSV, GeoJSON, JSON lines, Parquet.

Every writer takes event rows (dicts with the columns of the ``events`` table,
as :meth:`rasid.store.queries.Database.iter_events` yields them) and a file.
Merged events (``merged-jsonl``) are in :mod:`rasid.export.merged`.
``export(db_path, fmt, out, filters)`` is what ``rasid export`` and the API call.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import time
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from rasid.errors import RasidError
from rasid.export.merged import iter_merged_jsonl, merged_full, merged_of, merged_summaries

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
MEDIA_TYPES = {
    "acled-csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}
SUFFIXES = {"acled-csv": ".csv", "geojson": ".geojson", "jsonl": ".jsonl", "parquet": ".parquet"}

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence; Demonstrations",
    "Strategic developments": "Strategic developments",
}
DATA = Path(__file__).parent / "data"
#: ACLED codes events that happened: an ACLED export leaves out planned,
#: hypothetical and negated ones unless a modality filter asks for them.
ACLED_MODALITIES = "asserted,speculated,denied"


def default_filters(fmt: str, filters: dict[str, Any]) -> dict[str, Any]:
    """Filters with the format's defaults (the ACLED modality rule) filled in."""
    out = dict(filters)
    if fmt == "acled-csv" and not out.get("modality"):
        out["modality"] = ACLED_MODALITIES
    return out


class ExportError(RasidError):
    pass


__all__ = ["ACLED_COLUMNS", "ACLED_MODALITIES", "FORMATS", "MEDIA_TYPES", "SUFFIXES", "ExportError", "acled_row",
           "default_filters", "export", "iter_format", "iter_merged_jsonl", "merged_full", "merged_of",
           "merged_summaries", "with_inter", "write"]


def _tsv(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=False)) for ln in lines[1:]]


@functools.lru_cache(maxsize=None)
def countries() -> dict[str, dict[str, str]]:
    """ISO2 -> {iso3, iso_numeric, name, region}."""
    return {r["iso2"]: r for r in _tsv("countries.tsv")}


@functools.lru_cache(maxsize=None)
def plover_to_acled() -> dict[tuple[str, str], tuple[str, str]]:
    return {(r["plover"], r["mode"]): (r["event_type"], r["sub_event_type"]) for r in _tsv("plover_acled.tsv")}


def acled_types(ev: dict[str, Any]) -> tuple[str, str]:
    """(event_type, sub_event_type): the events stage's own, else mapped from PLOVER type and mode."""
    if ev.get("acled_event_type"):
        return ev["acled_event_type"], ev.get("acled_sub_event_type") or ""
    table = plover_to_acled()
    t, m = (ev.get("type") or "*").upper(), ev.get("mode") or "*"
    for key in ((t, m), (t, "*"), ("*", "*")):
        if key in table:
            return table[key]
    return "Strategic developments", "Other"


def _time_precision(d0: str | None, d1: str | None) -> int:
    try:
        days = (date.fromisoformat(d1 or d0 or "") - date.fromisoformat(d0 or "")).days
    except ValueError:
        return 3
    return 1 if days <= 0 else 2 if days <= 7 else 3


def _safe_cell(v: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (CSV injection)."""
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


def event_key(ev: dict[str, Any]) -> str:
    return f"{ev['doc_id']}/{ev['event_id']}"


def acled_row(ev: dict[str, Any], now: int | None = None) -> dict[str, Any]:
    """One event as an ACLED-style row (what Rasid knows; the rest empty)."""
    cc = (ev.get("country") or "").upper()
    c = countries().get(cc, {})
    et, sub = acled_types(ev)
    d0 = ev.get("date_start") or ev.get("published") or ""
    num = int(hashlib.sha1(event_key(ev).encode("utf-8")).hexdigest()[:12], 16) % 10**9
    notes = ev.get("evidence_text") or ev.get("trigger_text") or ""
    qual = [ev.get("modality") or ""]
    if ev.get("source_text"):
        qual.append(f"source: {ev['source_text']}" + (f" ({ev['stance']})" if ev.get("stance") else ""))
    qual = [q for q in qual if q and q != "asserted"]
    if qual:
        notes = f"{notes} [{'; '.join(qual)}]"
    tags = [f"rasid:{event_key(ev)}", f"plover:{ev.get('type') or ''}"]
    if ev.get("modality") and ev["modality"] != "asserted":
        tags.append(f"modality:{ev['modality']}")
    inter1, inter2 = ev.get("actor_inter"), ev.get("recipient_inter")
    civ = "Civilian targeting" if et == "Violence against civilians" or inter2 == 7 else ""
    if inter1 and inter2:
        interaction: int | str = int(f"{min(inter1, inter2)}{max(inter1, inter2)}")
    else:
        interaction = inter1 * 10 if inter1 else ""
    return {
        "event_id_cnty": f"{c.get('iso3', cc or 'XXX')}{num}",
        "event_date": d0[:10],
        "year": int(d0[:4]) if d0[:4].isdigit() else None,
        "time_precision": _time_precision(ev.get("date_start"), ev.get("date_end")),
        "disorder_type": DISORDER.get(et, "Strategic developments"),
        "event_type": et,
        "sub_event_type": sub,
        "actor1": _safe_cell(ev.get("actor_name") or ""),
        "assoc_actor_1": "",
        "inter1": inter1 or "",
        "actor2": _safe_cell(ev.get("recipient_name") or ""),
        "assoc_actor_2": "",
        "inter2": inter2 or "",
        "interaction": interaction,
        "civilian_targeting": civ,
        "iso": int(c["iso_numeric"]) if c.get("iso_numeric") else None,
        "region": c.get("region", ""),
        "country": c.get("name", cc),
        "admin1": _safe_cell(ev.get("admin1") or ""),
        "admin2": "",
        "admin3": "",
        "location": _safe_cell(ev.get("place_name") or ev.get("place_name_ar") or ""),
        "latitude": ev.get("lat"),
        "longitude": ev.get("lon"),
        "geo_precision": ev.get("geo_precision"),
        "source": _safe_cell(ev.get("outlet") or ""),
        "source_scale": "",
        "notes": _safe_cell(notes),
        "fatalities": int(ev.get("fatalities") or 0),
        "tags": "; ".join(tags),
        "timestamp": now if now is not None else int(time.time()),
    }


def with_inter(db: Any, events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Events with the ACLED inter codes of their actor and target (``acled_inter`` attrs)."""
    cache: dict[str, dict[str, dict[str, Any]]] = {}
    for ev in events:
        doc = ev["doc_id"]
        if doc not in cache:
            cache[doc] = db.entity_attrs(doc)
        attrs = cache[doc]
        ev = dict(ev)
        for role, key in (("actor_id", "actor_inter"), ("recipient_id", "recipient_inter")):
            code = attrs.get(ev.get(role), {}).get("acled_inter")
            ev[key] = int(code) if isinstance(code, (int, str)) and str(code).isdigit() else None
        yield ev


# -- writers -----------------------------------------------------------------
def iter_acled_csv(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    now = int(time.time())
    for ev in events:
        w.writerow(acled_row(ev, now))
        if buf.tell() > 1 << 16:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def geojson_feature(ev: dict[str, Any]) -> dict[str, Any] | None:
    lat, lon = ev.get("lat"), ev.get("lon")
    if lat is None or lon is None:
        return None
    props = {k: v for k, v in ev.items() if k not in ("lat", "lon")}
    props["id"] = event_key(ev)
    return {"type": "Feature", "id": event_key(ev),
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": props}


def iter_geojson(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    first = True
    for ev in events:
        f = geojson_feature(ev)
        if f is None:
            continue
        yield ("" if first else ",\n") + json.dumps(f, ensure_ascii=False)
        first = False
    yield "]}\n"


def iter_jsonl(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    for ev in events:
        yield json.dumps({"id": event_key(ev), **ev}, ensure_ascii=False) + "\n"


def parquet_bytes(events: Iterable[dict[str, Any]]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:  # pragma: no cover - depends on the install
        raise ExportError("Parquet export needs pyarrow: pip install 'rasid[parquet]'") from e
    rows = [{"id": event_key(ev), **ev} for ev in events]
    table = pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.string())})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def iter_format(fmt: str, events: Iterable[dict[str, Any]]) -> Iterator[str | bytes]:
    if fmt == "acled-csv":
        return iter_acled_csv(events)
    if fmt == "geojson":
        return iter_geojson(events)
    if fmt == "jsonl":
        return iter_jsonl(events)
    if fmt == "parquet":
        return iter([parquet_bytes(events)])
    raise ExportError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def write(fmt: str, events: Iterable[dict[str, Any]], out: IO[Any] | str | Path) -> None:
    """Write events in ``fmt`` to a path or an open file."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if isinstance(out, (str, Path)):
        mode = "wb" if fmt == "parquet" else "w"
        kw = {} if fmt == "parquet" else {"encoding": "utf-8", "newline": ""}
        with open(out, mode, **kw) as fh:
            write(fmt, events, fh)
        return
    for chunk in iter_format(fmt, events):
        out.write(chunk)


def export(db_path: str | Path, fmt: str, out: IO[Any] | str | Path, **filters: Any) -> int:
    """Export the events of a database matching ``filters`` (see EventFilter); returns the count."""
    from rasid.store.queries import Database, EventFilter

    db = Database(db_path)
    n = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal n
        for ev in db.iter_events(EventFilter(**default_filters(fmt, filters))):
            n += 1
            yield ev

    write(fmt, with_inter(db, counted()) if fmt == "acled-csv" else counted(), out)
    return n

