"""Build the offline basemap shipped in ``static/data/countries.geojson``.

Natural Earth admin-0 countries (public domain): the 50m polygons for the
countries around Syria and Iraq, the 110m ones elsewhere; coordinates are
rounded and only the names and ISO code are kept, so the file stays small.
``places.json`` (place names drawn on the map) comes from Natural Earth populated
places with Arabic names from the gazetteer. Run once by a maintainer::

    python -m rasid.web.basemap ../shared/data/geo
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

#: Countries drawn from the 50m polygons (ADM0_A3 codes); the rest use 110m.
REGION = {"SYR", "IRQ", "LBN", "JOR", "ISR", "PSX", "PSE", "TUR", "IRN", "SAU", "KWT", "CYP", "CYN", "EGY", "GAZ", "WEB"}
OUT = Path(__file__).parent / "static" / "data" / "countries.geojson"


def _dp(points: list, tol: float) -> list:
    """Douglas-Peucker simplification of a polyline (iterative)."""
    if len(points) < 5:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x0, y0), (x1, y1) = points[a], points[b]
        dx, dy = x1 - x0, y1 - y0
        norm = (dx * dx + dy * dy) ** 0.5 or 1e-12
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x0) - dx * (y - y0)) / norm if (dx or dy) else ((x - x0) ** 2 + (y - y0) ** 2) ** 0.5
            if d > best:
                best, idx = d, i
        if idx > 0 and best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(points, keep) if k]


def _round(coords, nd: int, tol: float):
    if isinstance(coords[0][0], (int, float)):  # a ring
        ring = _dp([list(p[:2]) for p in coords], tol)
        ring = [[round(x, nd), round(y, nd)] for x, y in ring]
        if len(ring) < 4:
            return None
        return ring
    out = [r for r in (_round(c, nd, tol) for c in coords) if r]
    return out or None


def _in_region(props: dict) -> bool:
    return props.get("ADM0_A3") in REGION or props.get("SOV_A3") in REGION


def build(geo_dir: Path, out: Path = OUT) -> dict:
    coarse = json.loads((geo_dir / "ne_110m_admin_0_countries.json").read_text(encoding="utf-8"))
    fine = json.loads((geo_dir / "ne_50m_admin_0_countries.json").read_text(encoding="utf-8"))
    feats = []
    regional = set()
    for f in fine["features"]:
        if f["geometry"] and _in_region(f["properties"]):
            regional.add(f["properties"].get("ADM0_A3"))
            feats.append((f, 2, 0.01))
    for f in coarse["features"]:
        if f["geometry"] and f["properties"].get("ADM0_A3") not in regional:
            feats.append((f, 1, 0.1))
    out_feats = []
    for f, nd, tol in feats:
        p = f["properties"]
        g = f["geometry"]
        coords = _round(g["coordinates"], nd, tol)
        if not coords:
            continue
        out_feats.append({
            "type": "Feature",
            "properties": {"name": p.get("NAME"), "name_ar": p.get("NAME_AR") or "", "iso": p.get("ISO_A2")},
            "geometry": {"type": g["type"], "coordinates": coords},
        })
    fc = {"type": "FeatureCollection",
          "attribution": "Made with Natural Earth (public domain), naturalearthdata.com",
          "features": out_feats}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return fc


PLACES_OUT = Path(__file__).parent / "static" / "data" / "places.json"


def build_places(geo_dir: Path, out: Path = PLACES_OUT) -> dict:
    """Place names for the offline basemap: Natural Earth populated places of the region
    (public domain) with their Arabic name from Rasid's gazetteer (by GeoNames id, else
    by English name). Rows: [english, arabic, lat, lon, rank] (rank 0 = most important;
    the map shows lower ranks first as it zooms in)."""
    src = json.loads((geo_dir / "ne_10m_populated_places_MENA_subset.json").read_text(encoding="utf-8"))
    from rasid.places.gazetteer import gazetteer

    gaz = gazetteer()
    by_gid, by_en = {}, {}
    # curated entries (prio 3) first: their Arabic name is the usual spelling
    for e in sorted(gaz.entries, key=lambda e: (-e.prio, -e.population)):
        if not e.ar or " " in e.ar and len(e.ar.replace(" ", "")) <= 4:
            continue
        if e.geonames_id:
            by_gid.setdefault(e.geonames_id, (e.prio, e.ar))
        if e.feature in ("city", "town", "capital", "village"):
            by_en.setdefault((e.en.lower(), e.country), (e.prio, e.ar))
    over_path = Path(__file__).parent / "data" / "place_names_ar.tsv"
    over = dict(ln.split("\t", 1) for ln in over_path.read_text(encoding="utf-8").splitlines()[3:] if "\t" in ln)
    rows = []
    for f in src["features"]:
        p = f["properties"]
        gid = int(p["GEONAMEID"]) if p.get("GEONAMEID") and p["GEONAMEID"] > 0 else None
        en = p.get("NAME_EN") or p.get("NAMEASCII") or p.get("NAME")
        cands = [c for c in (by_en.get((str(en).lower(), p.get("ISO_A2"))), by_gid.get(gid)) if c]
        ar = over.get(str(en)) or (max(cands, key=lambda c: c[0])[1] if cands else "")
        rank = int(p.get("SCALERANK") or 10)
        if p.get("ADM0CAP"):
            rank = min(rank, 1)
        rows.append([en, ar, round(float(p["LATITUDE"]), 3), round(float(p["LONGITUDE"]), 3), rank])
    rows.sort(key=lambda r: (r[4], r[0]))
    data = {"attribution": "Natural Earth populated places (public domain); Arabic names: Rasid gazetteer "
                           "(GeoNames, CC BY 4.0)",
            "fields": ["name", "name_ar", "lat", "lon", "rank"], "places": rows}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return data


if __name__ == "__main__":  # pragma: no cover
    geo = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/geo")
    build(geo)
    build_places(geo)
