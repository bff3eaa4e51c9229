"""Places named by reference to the article's country: "شرق البلاد", "في العاصمة".

News writes "the country" and "the capital" for the country it is about, once
that country is clear: "هجومان على مستشفى وقافلة في شرق البلاد" in a report on
Turkey, "تفجير المسجد في العاصمة" in one on Kuwait. Each such phrase becomes a
synthetic gazetteer match, so the stage makes its entity like any other place:

- a direction word (or two) before "البلاد" (``country_deictic`` in
  data/locative.tsv): that side of the article's country (the directional
  reading of the country, precision 3);
- "العاصمة" (``capital_deictic``) with no name right after it: the capital
  (data/capitals.tsv) of the country its adjective names ("العاصمة العراقية"),
  else of the article's country. Not when a place name, or any other definite
  word ("العاصمة الاقتصادية"), follows.
- "الأراضي" (``land_deictic``, with or without a proclitic) right before a
  country adjective ("داخل الأراضي السورية"، "بالأراضي العراقية"): that country.

The country of "البلاد" is the one of a place named right before it ("قاعدة
إنجرليك في جنوب البلاد"); else, as for "العاصمة", the article's country: the one
its place names and country adjectives point to, the nearer in the text the
more; it must clearly lead (``LEAD``), or the phrase is left alone.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from rasid.places.gazetteer import Gazetteer
from rasid.places.match import ARTICLE, Match, _combine, _rows, _stems, _word_after, _word_before, directions, locative_words
from rasid.places.resolve import Resolved, nisba

LEAD = 1.5  # the article's country must weigh this many times the next one
MIN_WEIGHT = 1.0  # and at least this much (two adjectives close by, or its name)
REACH = 1500.0  # characters: how fast a mention's weight falls off with distance
NEXT_TO = 10  # characters between a place and "جنوب البلاد" after it ("X، في جنوب البلاد"، "قاعدة X الجوية جنوبي البلاد")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO2 -> gazetteer id of its capital (data/capitals.tsv)."""
    return {cc: pid for cc, pid in _rows("capitals.tsv", 2)}


def _evidence(found: list[Resolved], text: str) -> list[tuple[str, int, float]]:
    """(country, view position, weight) of every place and country adjective."""
    out = [(r.entry.country, r.match.vs, 1.0 if r.entry.feature == "country" else 0.5)
           for r in found if r.entry.country]
    adj = nisba()
    for t in _WORD.finditer(text):
        cc = next((adj[s] for s in _stems(t.group()) if s in adj), None)
        if cc:
            out.append((cc, t.start(), 0.5))
    return out


def _country_at(evidence: list[tuple[str, int, float]], pos: int) -> str | None:
    score: dict[str, float] = {}
    for cc, at, w in evidence:
        score[cc] = score.get(cc, 0.0) + w * (0.5 + math.exp(-abs(pos - at) / REACH))
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < MIN_WEIGHT:
        return None
    if len(ranked) > 1 and ranked[0][1] < LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def _index(g: Gazetteer, pid: str) -> int | None:
    for i, e in enumerate(g.entries):
        if e.id == pid:
            return i
    return None


def deictic(g: Gazetteer, text: str, found: list[Resolved]) -> list[Resolved]:
    """Synthetic resolved matches for "شرق البلاد" and "في العاصمة" in the view ``text``."""
    words = locative_words()
    country_w, capital_w = words.get("country_deictic", frozenset()), words.get("capital_deictic", frozenset())
    land_w = words.get("land_deictic", frozenset())
    if not any(w in text for w in country_w | capital_w | land_w):
        return []
    taken = [(r.match.ext_vs if r.match.ext_vs >= 0 else r.match.vs, max(r.match.ve, r.match.ext_ve)) for r in found]
    starts = sorted(s for s, _ in taken)
    evidence: list[tuple[str, int, float]] | None = None
    dirs = directions()
    adj = nisba()
    out: list[Resolved] = []
    for t in _WORD.finditer(text):
        w, vs, ve = t.group(), t.start(), t.end()
        land = any(s in land_w for s in _stems(w))
        if w not in country_w and w not in capital_w and not land:
            continue
        if any(a <= vs < b for a, b in taken):
            continue  # part of a name ("الكويت العاصمة")
        if land:
            # "داخل الأراضي السورية": the country its adjective names
            ne, nxt = _word_after(text, ve)
            cc = next((adj[s] for s in _stems(nxt) if s in adj), None) if nxt else None
            i = _index(g, f"cc-{cc.lower()}") if cc else None
            if i is None or any(ve < s < ne for s in starts):
                continue
            m = Match(vs, ne, w, [i], extra={"locative": True, "deictic": True})
            out.append(Resolved(m, g.entries[i], 0.0))
            continue
        if w in country_w:
            ps, prev = _word_before(text, vs)
            d = next((dirs[s] for s in _stems(prev) if s in dirs and not s.startswith(ARTICLE)), None) if prev else None
            if d is None:
                continue
            ext = ps
            ps2, prev2 = _word_before(text, ps)
            d2 = next((dirs[s] for s in _stems(prev2) if s in dirs and not s.startswith(ARTICLE)), None) if prev2 else None
            if d2 and d2[2] != d[2]:
                d, ext = _combine(d2, d), ps2
            # "قاعدة إنجرليك في جنوب البلاد"، "بولاية هكاري جنوب شرقي البلاد": the place
            # named right before says which country
            cc = next((r.entry.country for r in reversed(found) if 0 <= ext - r.match.ve <= NEXT_TO and r.entry.country), None)
            if cc is None:
                evidence = evidence if evidence is not None else _evidence(found, text)
                cc = _country_at(evidence, vs)
            i = _index(g, f"cc-{cc.lower()}") if cc else None
            if i is None:
                continue
            m = Match(vs, ve, w, [i], direction=d, ext_vs=ext, ext_ve=ve, extra={"locative": True, "deictic": True})
            out.append(Resolved(m, g.entries[i], 0.0))
            continue
        ne, nxt = _word_after(text, ve)
        reach = max(ne, _word_after(text, ne)[0]) if nxt else ve
        if any(ve < s < max(reach, ve + 2) for s in starts):
            continue  # "العاصمة أنقرة"، "العاصمة الإيرانية طهران" are matched as names
        cc = next((adj[s] for s in _stems(nxt) if s in adj), None) if nxt else None
        if cc is None:
            if nxt.startswith(ARTICLE):
                continue  # "العاصمة الاقتصادية"، "العاصمة الأفغانية" (an adjective not listed)
            evidence = evidence if evidence is not None else _evidence(found, text)
            cc = _country_at(evidence, vs)
        pid = capitals().get(cc or "")
        i = _index(g, pid) if pid else None
        if i is None:
            continue
        m = Match(vs, ve, w, [i], extra={"locative": True, "deictic": True})
        out.append(Resolved(m, g.entries[i], 0.0))
    return out
