"""Disambiguation: choose a gazetteer entry (or "not a place") for each match.

Candidates of one name are ranked on their source priority, population
(GeoNames only), the feature cue before the name, a country adjective after it
("طرابلس اللبنانية"), the countries the article names (the nearer in the text,
the more they count) and their distance to the article's unambiguous places,
weighted by how close those are in the text (coherence).

Then the chosen reading must pass its flag: ``ambiguous`` names (common words
that are also places: البصيرة، الباب ...) need a cue, a preposition in an
article about their country, or a nearby place; ``cue_only`` names need a cue;
GeoNames-only names need a cue, a preposition in their country, a nearby place
or "ريف ..." after them. Otherwise the match is not a place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.places.build import km
from rasid.places.gazetteer import Entry, Gazetteer, affixes
from rasid.places.match import ARTICLE, BI, CONJ, LI, Match, _rows, _stem_prefixes, locative_words
from rasid.text import fold_key

#: prepositions before a name in an article about its country (data/locative.tsv)
LOCATIVE_PREPS = locative_words()["country_prep"]
#: how far "X north of Y" may put X from Y
OFF_KM = 80.0
#: cues of a town quarter ("حي الخالدية بحلب")
QUARTER_CUES = locative_words()["quarter"]
#: small prior for the region the project reads about
REGIONAL = {"SY": 0.6, "IQ": 0.6, "LB": 0.3, "JO": 0.3, "TR": 0.2, "IR": 0.2}
POINT_FEATURES = {"city", "town", "village", "base", "airbase", "airport", "crossing",
                  "oilfield", "gasfield", "camp"}


@lru_cache(maxsize=1)
def nisba() -> dict[str, str]:
    """Folded country adjective -> ISO2."""
    return {fold_key(a): r[0] for r in _rows("nisba.tsv", 2) for a in r[1].split("|")}


@dataclass
class Resolved:
    match: Match
    entry: Entry
    score: float


@dataclass
class Article:
    """What the article's unambiguous names say: places (with their view
    position) and countries (weight, and where they are named)."""

    points: list[tuple[Entry, int]] = field(default_factory=list)
    countries: dict[str, float] = field(default_factory=dict)
    country_mentions: list[tuple[str, int]] = field(default_factory=list)

    @classmethod
    def of(cls, g: Gazetteer, matches: list[Match]) -> "Article":
        a = cls()
        for m in matches:
            if len(m.cands) != 1:
                continue
            e = g.entries[m.cands[0]]
            if e.prio < 2 or e.flags & {"ambiguous", "cue_only"}:
                continue
            if e.feature not in ("country", "sea"):
                a.points.append((e, m.vs))
            if e.country:
                a.countries[e.country] = a.countries.get(e.country, 0.0) + (1.0 if e.feature == "country" else 0.5)
                if e.feature == "country":
                    a.country_mentions.append((e.country, m.vs))
        return a

    def nearest_km(self, e: Entry) -> float:
        """Distance to the nearest other anchor place (inf when none)."""
        return min((km(e.lat, e.lon, p.lat, p.lon) for p, _ in self.points if p.id != e.id), default=math.inf)

    def closeness(self, e: Entry, pos: int) -> float:
        """Sum over the other anchor places of exp(-km / 200), each weighted by
        how close it is in the text and halved when in another country."""
        return sum(math.exp(-km(e.lat, e.lon, p.lat, p.lon) / 200.0) * math.exp(-abs(pos - at) / 500.0)
                   * (1.0 if p.country == e.country else 0.5)
                   for p, at in self.points if p.id != e.id and abs(pos - at) < 4000)

    def country_nearby(self, cc: str, pos: int) -> float:
        """How strongly the text around ``pos`` names country ``cc``."""
        return sum(2.0 * math.exp(-abs(pos - at) / 300.0) for c, at in self.country_mentions if c == cc)


def score(e: Entry, m: Match, art: Article) -> float:
    """How well entry ``e`` fits match ``m`` in this article (higher is better)."""
    s = float(e.prio)
    if e.population and e.prio < 3:  # curated entries: population is not comparable
        s += min(math.log10(e.population + 1), 7.0) / 3
    if m.cue_feats:
        if e.feature in m.cue_feats or ("countryside" in m.cue_feats and e.feature in POINT_FEATURES | {"admin1"}):
            s += 3
        elif e.feature in POINT_FEATURES and m.cue_feats & {"city", "town", "village"}:
            s += 1
    c = m.extra.get("container")
    if c is not None and _inside(e, c):  # "الخالدية في الأنبار"
        s += 5.0
    off = m.extra.get("off")
    if off is not None and e.feature != "country":  # "صوران شمالي حلب"
        s += 3.0 if km(e.lat, e.lon, off.lat, off.lon) < OFF_KM else -1.0
    adj = nisba().get(m.extra.get("next", ""))
    if adj:  # "طرابلس اللبنانية"
        s += 4.0 if adj == e.country else -2.0
    s += min(art.countries.get(e.country, 0.0), 2.0)
    s += min(2.0, art.country_nearby(e.country, m.vs))  # "وفي ليبيا، ... في طرابلس"
    s += REGIONAL.get(e.country, 0.0)
    if e.feature in POINT_FEATURES or e.feature == "admin1":
        s += min(6.0, 2.0 * art.closeness(e, m.vs))
    return s


def _nisba(e: Entry, m: Match) -> bool:
    """A country or ambiguous name that reads as an adjective here: "الصحيفة
    السعودية", "قوات سورية", "المدى القصير" (it agrees with the noun before)."""
    if not e.flags & {"nisba", "ambiguous"} or m.extra.get("locative") or m.direction or m.countryside or m.cue:
        return False
    prev = m.extra.get("prev", "")
    if not prev or m.extra.get("prefix"):
        return False
    definite = any(p.startswith(ARTICLE) for p in (prev, prev[1:], prev[2:]) if len(p) > 3)
    if m.key.startswith(ARTICLE):
        return definite
    return prev.endswith(affixes()["feminine"]) or definite


def accept(e: Entry, m: Match, art: Article) -> bool:
    """Is ``e`` a place here, or is the match not a place at all?"""
    if _nisba(e, m):
        return False
    if "outlet_name" in e.flags and (m.extra.get("quoted") or m.extra.get("prefix") == LI):
        return False
    c = m.extra.get("container")
    if c is not None and e.feature != "country" and e.country and c.country and e.country != c.country:
        return False  # "قصف أهدافا في همدان بمدينة الحزم": not the Iranian city
    cue_ok = bool(m.cue_feats) and (e.feature in m.cue_feats or "countryside" in m.cue_feats
                                    or bool(m.cue_feats & {"city", "town", "village", "district", "region"}))
    if "cue_only" in e.flags:
        return cue_ok
    if (not m.cue and e.feature in POINT_FEATURES and "capital" not in e.flags
            and m.extra.get("prev", "") in locative_words()["speech"]):
        return False  # "وقال ديريك تشوليت": a person, not the town
    if (e.feature == "city" and m.cue_feats and "city" not in m.cue_feats
            and m.cue_feats & {"village"} and art.points and art.nearest_km(e) > 150):
        return False  # "قرية المالكية" near Azaz is not the city of Derik
    if e.prio > 1 and "ambiguous" not in e.flags:
        return True
    if m.extra.get("ha_ending"):
        return False  # "في حديثه" = in his talk
    if c is not None and _inside(e, c):
        return True
    off = m.extra.get("off")
    if off is not None and e.country == off.country and km(e.lat, e.lon, off.lat, off.lon) < 2.5 * OFF_KM:
        return True  # "الكرمة شرقي الرمادي"  # "الخالدية في الأنبار"
    nearest = art.nearest_km(e)
    # a cue alone does not carry a name far from every place of the article
    # ("حي الخالدية شمال حلب" is not the Iraqi town)
    cue_ok = cue_ok and (nearest < 400 or not art.points or art.countries.get(e.country, 0.0) >= 1.0)
    # "في القائم" / "إلى مندلي" in an article about Iraq
    prep_ok = m.extra.get("prev", "") in LOCATIVE_PREPS and art.countries.get(e.country, 0.0) >= 1.0
    # "شرقي الرمادي": a side of it (not "وسط") names the place
    side = bool(m.direction) and m.direction[2] != "central"
    if "ambiguous" in e.flags:
        return cue_ok or prep_ok or side or nearest < 150
    nxt = m.extra.get("next", "")  # GeoNames-only name
    return cue_ok or prep_ok or nearest < 80 or nxt.startswith(_stem_prefixes("countryside_next"))


def _inside(e: Entry, c: Entry) -> bool:
    """Can ``e`` lie in the container ``c`` (same province, or near the town)?"""
    if e.country != c.country:
        return False
    if c.feature == "country":
        return e.feature != "country"
    if c.feature == "admin1" and e.admin1 and e.admin1 == c.admin1:
        return True
    return km(e.lat, e.lon, c.lat, c.lon) < (150 if c.feature == "admin1" else 40)


def _joined(a: Match, b: Match) -> bool:
    """Is ``b`` named as what contains ``a``: "الخالدية في الأنبار", "حي الخالدية بحلب"?"""
    gap = b.extra["ws"] - a.ve
    return (gap <= 1 and b.extra.get("prefix") == BI) or (
        a.extra.get("next") in locative_words()["container_next"] and gap <= 9)


def _contained(g: Gazetteer, matches: list[Match]) -> dict[int, Entry]:
    """Match index -> the one reading of the place named right after it as
    its container ("X في الأنبار", "سرت في ليبيا"): a country, province or town."""
    out: dict[int, Entry] = {}
    for i, (a, b) in enumerate(zip(matches, matches[1:])):
        if len(b.cands) == 1 and ((b.direction and not b.countryside and 0 <= b.ext_vs - a.ve <= 2)
                                  or a.extra.get("near_next")):
            e = g.entries[b.cands[0]]  # "صوران شمالي حلب": X lies off Y
            if e.feature in ("city", "town"):
                a.extra["off"] = e
            if b.extra.get("prefix") != BI:
                continue  # ("همدان بمدينة الحزم": Y after ب contains X too)
        if len(b.cands) == 1 and _joined(a, b):
            e = g.entries[b.cands[0]]
            if e.feature in ("country", "admin1", "city", "town") and "ambiguous" not in e.flags:
                out[i] = e
    # "الجفرة وسرت في ليبيا": names joined by و share the container
    for i in range(len(matches) - 2, -1, -1):
        a, b = matches[i], matches[i + 1]
        if (i not in out and i + 1 in out and b.extra.get("prefix") == CONJ
                and 0 <= b.extra["ws"] - a.ve <= 1):
            out[i] = out[i + 1]
    return out


def resolve(g: Gazetteer, matches: list[Match]) -> list[Resolved]:
    """The chosen entry of each match that is a place, in text order."""
    art = Article.of(g, matches)
    within = _contained(g, matches)
    for i, c in within.items():  # "الخالدية في الأنبار": a reading inside the container
        matches[i].extra["container"] = c
    out = _choose(g, matches, art)
    # a common-word town accepted on its evidence ("مدينة الرمادي") is an
    # anchor too: rank the other names again with it ("الحصيبة" near Ramadi)
    extra = [(r.entry, r.match.vs) for r in out if len(r.match.cands) == 1
             and r.entry.flags & {"ambiguous", "cue_only"} and r.entry.feature not in ("country", "sea")]
    if extra and any(len(m.cands) > 1 for m in matches):
        art.points.extend(extra)
        out = _choose(g, matches, art)
    return _drop_far_quarters(out)


def _choose(g: Gazetteer, matches: list[Match], art: Article) -> list[Resolved]:
    out: list[Resolved] = []
    for m in matches:
        if len(m.cands) == 1:  # nothing to rank
            ranked = [(0.0, g.entries[m.cands[0]])]
        else:
            ranked = sorted(((score(g.entries[i], m, art), g.entries[i]) for i in m.cands),
                            key=lambda t: (-t[0], t[1].id))
        for s, e in ranked:
            if accept(e, m, art):
                out.append(Resolved(m, e, s))
                break
    return out


def _drop_far_quarters(out: list[Resolved]) -> list[Resolved]:
    """"حي الخالدية بحلب": a quarter named with its city is in that city; a
    reading of the quarter's name far from the city (the Iraqi town) is not
    the place meant, so the quarter is left to the city's mention."""
    drop: set[int] = set()
    for i, (a, b) in enumerate(zip(out, out[1:])):
        if a.match.cue not in QUARTER_CUES or b.entry.feature not in ("city", "town"):
            continue
        if _joined(a.match, b.match) and km(a.entry.lat, a.entry.lon, b.entry.lat, b.entry.lon) > 30:
            drop.add(i)
    return [r for i, r in enumerate(out) if i not in drop]
