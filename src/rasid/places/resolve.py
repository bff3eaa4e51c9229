"""Disambiguation: choose a gazetteer entry (or "not a place") for each match.

Each candidate is scored on its source priority, population, the feature cue
before the name, the countries the article talks about and its distance to the
article's unambiguous places. Names flagged ``ambiguous`` (common words that
are also places: البصيرة، الباب ...) are kept only with a cue or a nearby
place; ``cue_only`` names only with a cue; GeoNames-only names only when the
article is about their country or a nearby place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from rasid.places.build import km
from rasid.places.gazetteer import Entry, Gazetteer
from rasid.places.match import Match, _rows
from rasid.text import fold_key

LOCATIVE_PREPS = frozenset(fold_key(w) for w in ("في", "وفي", "إلى", "وإلى", "نحو", "قرب", "بقرب", "باتجاه", "داخل",
                                                  "بلدتي", "مدينتي", "قريتي"))
REGIONAL = {"SY": 0.6, "IQ": 0.6, "LB": 0.3, "JO": 0.3, "TR": 0.2, "IR": 0.2}
POINT_FEATURES = {"city", "town", "village", "base", "airbase", "airport", "crossing",
                  "oilfield", "gasfield", "camp"}


@lru_cache(maxsize=1)
def nisba() -> dict[str, str]:
    """Folded country adjective -> ISO2."""
    return {fold_key(a): r[0] for r in _rows("nisba.tsv") for a in r[1].split("|")}


@dataclass
class Resolved:
    match: Match
    entry: Entry
    score: float


def _anchors(g: Gazetteer, matches: list[Match]) -> tuple[list[tuple[Entry, int]], dict[str, float]]:
    """Unambiguous places of the article (with their text position) and the
    weight of each country."""
    points: list[tuple[Entry, int]] = []
    points_cc: list[tuple[str, int]] = []
    countries: dict = {}
    for m in matches:
        if len(m.cands) != 1:
            continue
        e = g.entries[m.cands[0]]
        if e.prio < 2 or e.flags & {"ambiguous", "cue_only"}:
            continue
        if e.feature != "country" and e.feature not in ("sea",):
            points.append((e, m.vs))
        if e.country:
            countries[e.country] = countries.get(e.country, 0.0) + (1.0 if e.feature == "country" else 0.5)
            if e.feature == "country":
                points_cc.append((e.country, m.vs))
    countries["_mentions"] = points_cc  # type: ignore[assignment]
    return points, countries


def _near(e: Entry, points: list[tuple[Entry, int]]) -> float:
    """Distance (km) to the nearest other anchor place (inf when none)."""
    best = math.inf
    for p, _ in points:
        if p.id == e.id:
            continue
        d = km(e.lat, e.lon, p.lat, p.lon)
        if d < best:
            best = d
    return best


def _score(e: Entry, m: Match, points: list[tuple[Entry, int]], countries: dict[str, float]) -> float:
    s = float(e.prio)
    if e.population and e.prio < 3:  # curated entries: population is not comparable
        s += min(math.log10(e.population + 1), 7.0) / 3
    if m.cue_feats:
        if e.feature in m.cue_feats or ("countryside" in m.cue_feats and e.feature in POINT_FEATURES | {"admin1"}):
            s += 3
        elif e.feature in POINT_FEATURES and m.cue_feats & {"city", "town", "village"}:
            s += 1
    adj = nisba().get(m.extra.get("next", ""))
    if adj:  # "طرابلس اللبنانية"
        s += 4.0 if adj == e.country else -2.0
    s += min(countries.get(e.country, 0.0), 2.0)
    # a country named close by in the text ("وفي ليبيا، ... في طرابلس")
    s += min(2.0, sum(2.0 * math.exp(-abs(m.vs - at) / 300.0)
                      for cc, at in countries.get("_mentions", ()) if cc == e.country))
    s += REGIONAL.get(e.country, 0.0)
    if e.feature in POINT_FEATURES or e.feature == "admin1":
        s += min(6.0, 2.0 * _closeness(e, m.vs, points))
    return s


def _closeness(e: Entry, pos: int, points: list[tuple[Entry, int]]) -> float:
    """Sum over the other anchor places of exp(-km / 200), each weighted by how
    close it is in the text (the same sentence counts most)."""
    return sum(math.exp(-km(e.lat, e.lon, p.lat, p.lon) / 200.0) * math.exp(-abs(pos - at) / 500.0)
               * (1.0 if p.country == e.country else 0.5)
               for p, at in points if p.id != e.id)


def _nisba(e: Entry, m: Match) -> bool:
    """A country name that reads as a nisba adjective here: "الصحيفة السعودية",
    "قوات سورية" (the adjective agrees with the noun before it)."""
    if not e.flags & {"nisba", "ambiguous"} or m.extra.get("locative") or m.direction or m.countryside or m.cue:
        return False
    prev = m.extra.get("prev", "")
    if not prev or m.extra.get("prefix"):
        return False
    definite = any(p.startswith("ال") for p in (prev, prev[1:], prev[2:]) if len(p) > 3)
    if m.key.startswith("ال"):
        return definite
    return prev.endswith(("ه", "ات")) or definite


def _accept(e: Entry, m: Match, points: list[tuple[Entry, int]], countries: dict[str, float]) -> bool:
    if _nisba(e, m):
        return False
    if "outlet_name" in e.flags and (m.extra.get("quoted") or m.extra.get("prefix") == "ل"):
        return False
    cue_ok = bool(m.cue_feats) and (e.feature in m.cue_feats or "countryside" in m.cue_feats
                                    or bool(m.cue_feats & {"city", "town", "village", "district", "region"}))
    if "cue_only" in e.flags:
        return cue_ok
    # "في القائم" / "إلى مندلي" in an article about Iraq
    prep_ok = m.extra.get("prev", "") in LOCATIVE_PREPS and countries.get(e.country, 0.0) >= 1.0
    if "ambiguous" in e.flags:
        return cue_ok or prep_ok or _near(e, points) < 150
    if e.prio <= 1:
        nxt = m.extra.get("next", "")
        return cue_ok or prep_ok or _near(e, points) < 80 or nxt.startswith(("ريف", "بريف"))
    return True


def resolve(g: Gazetteer, matches: list[Match]) -> list[Resolved]:
    """The chosen entry of each match that is a place, in text order."""
    points, countries = _anchors(g, matches)
    out: list[Resolved] = []
    for m in matches:
        scored = sorted(((_score(g.entries[i], m, points, countries), g.entries[i]) for i in m.cands),
                        key=lambda t: (-t[0], t[1].id))
        for s, e in scored:
            if _accept(e, m, points, countries):
                out.append(Resolved(m, e, s))
                break
    # second pass: accepted ambiguous places can now anchor each other's neighbours
    return out
