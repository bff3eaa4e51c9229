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
import re
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from rasid.crossdoc.lexical import _docfreq, fast_fold
from rasid.crossdoc.mentions import Mention
from rasid.store.crossdoc import CrossdocDB, tables
from rasid.text import fold_key

DATE_TOL_DAYS = 1
INFERRED_TOL_DAYS = 2
MAX_SPAN_DAYS = 45  # merged events longer than this are not found by the date query
PLACE_TOL_KM = 25.0  # two towns/sites
NEAR_TOL_KM = 40.0  # a town's countryside/badiya/outskirts against a town or another one
REGION_TOL_KM = 150.0  # a governorate's centre to a point in it, when admin1 cannot be compared
SAME_SPOT_KM = 10.0
CROSS_BORDER_KM = 15.0  # border towns (Al-Bukamal / Al-Qaim crossing) may be one happening
MAX_CANDIDATES = 500
#: counts agree when they differ by at most this share of the larger (or by 1)
COUNT_TOL = 0.25
#: an event links an article to a story only when it is told in the first this many
#: characters of both (the lead reports the happening; an event further down is
#: background shared by reports of other happenings: a round-up's supply lines)
LINK_LEAD_CHARS = 600
#: a governorate mention and a town in it, a day apart, with about equal tolls, may merge
NEAR_DAY_REGION = True
#: two differently named attackers are one event's only inside one story, at one
#: spot, on one stated day (an undated report by another attacker is another event)
ACTOR_CONFLICT_SAME_DAY = True
#: one spot named by both (a town, its surroundings) outweighs a governorate or
#: region that only contains it, whatever the counts
STRONG_BONUS = 0.5
#: a stated window ("last week", "early July") of up to this many days joins an event
#: dated inside it, at one spot (a town, its surroundings), with an agreeing toll or
#: attacker (a month or a year never does, outside one story)
WINDOW_DAYS = 8
#: statements (a condemnation, a denial, a threat) of two stories merge only when
#: both name the same speaker (the OIC's and the US's condemnations are two events)
STATEMENT_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN"})
STATEMENT_SPEAKER = True
#: inside one story, two mentions told in the leads (``LINK_LEAD_CHARS``) of their
#: articles are the story's happening: their stated dates may lie this many days
#: apart (outlets resolve "yesterday" and weekday names against print and web
#: dates; an ambush dated the 18th by one and the 20th by another); elsewhere
#: ``DATE_TOL_DAYS``. The story itself never spans more than a week of event dates
STORY_LEAD_TOL_DAYS = 2
#: evidence sentences this alike (:func:`evidence_sim`) are one text (a copy, a
#: syndicated or lightly edited wire sentence): the mention may merge although its
#: extracted place, attacker or target disagree (per-document extraction reads one
#: sentence two ways: the western Aleppo countryside vs Hama, the resistance vs the
#: Saudi government as the arresting side); the type, the dates and the counts
#: must still agree. 0 = off
TEXT_SIM = 0.7
#: a mention joins a merged event holding a mention of its own article on the same
#: stated day with the same toll although their attackers or targets disagree
SAME_ARTICLE_TOLL = True
#: inside one story, two towns this close may be one happening's spot (see ``score``); 0 = off
STORY_NAMED_SPOT_KM = 80.0
TEXT_SIM_MIN_WORDS = 6
TEXT_BONUS = 1.0
#: two mentions of two articles whose texts both name the event's day (a calendar
#: date or a weekday in the trigger's own sentence: ``Mention.named_day``) are one
#: event only on that day, not within ``DATE_TOL_DAYS`` or ``STORY_LEAD_TOL_DAYS``
#: (Aden's Tawahi told as Sunday's advance and Monday's control); a day from
#: publication, "yesterday"/"today" or a date inherited from another sentence keeps
#: the tolerance
NAMED_DAY_EXACT = True
#: the story-link score of a mention only compatible with a merged event (a
#: governorate, no agreeing count or actor, another story): 0 = not reported
WEAK_LINK = 0.5
#: an about equal injury toll: a small score term that chooses among compatible merged
#: events (the Ariha plane crash's 10 wounded, told at "north-west Syria", goes to the
#: Ariha event rather than to one at the Latakia governorate). Only another article's
#: toll counts (one round-up's two roadside bombs with two wounded each are two
#: happenings). Never evidence on its own (small tolls agree by chance). 0 = off
INJURY_AGREE = 0.2
#: at one spot named by both (a town, its surroundings), an agreeing injury toll of
#: another article keeps a disagreeing death toll from setting a mention apart (the
#: Arish roadside bomb's 2 killed and 3 wounded against a press review's sentence
#: that also gave another happening's 8 killed). Not for a governorate or a country
#: (the Sinai ambush's 3 wounded would pull in a report with another day's toll)
INJURY_KEEPS_SPOT = True
#: two reports told in their articles' leads, both at one governorate (no finer place),
#: near in date, with another article's agreeing injury toll and no conflicting death
#: toll or attacker, are one happening (the Asir mosque bombing told by two papers
#: as "in Asir", one dated from publication, with 7 and 9 wounded). A toll below
#: ``INJURY_REGION_MIN`` identifies nothing (3 wounded agree with 2 and 4: the Sinai
#: ambush every later article recalls stays a weak link, ``WEAK_LINK``)
INJURY_REGION = True
INJURY_REGION_MIN = 5


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


@lru_cache(maxsize=8192)
def _admin_key(admin1: str | None) -> str:
    return fold_key(admin1) if admin1 else ""


def _level(get) -> int:
    lv = get("level")
    if lv:
        return int(lv)
    # records written before place levels: derive from precision
    if get("lat") is None:
        return 0
    prec = get("precision") or 1
    return 1 if prec < 2 else (2 if prec == 2 else 4)


def cell_of(m: Mention | dict) -> str:
    """Blocking cell: 1-degree cell of a town or its surroundings, R:<admin1> of a
    governorate, C:<country>, or '-'."""
    get = m.get if isinstance(m, dict) else lambda k: getattr(m, k)
    lat, lon, lv = get("lat"), get("lon"), _level(get)
    if lat is not None and lon is not None and lv in (1, 2):
        return f"{math.floor(lat)}:{math.floor(lon)}"
    if lat is not None and lv == 3 and get("admin1"):
        return f"R:{_admin_key(get('admin1'))}"
    return f"C:{get('country')}" if get("country") else "-"


def _same_admin(a: str | None, b: str | None) -> bool | None:
    """Whether two admin1 values agree; None when they cannot be compared
    (one missing, or one a code and the other a name)."""
    if not a or not b or a.isdigit() != b.isdigit():
        return None
    return _admin_key(a) == _admin_key(b)


def same_admin_known(a: str | None, b: str | None) -> bool:
    return _same_admin(a, b) is True


def place_relation(lv1: int, lat1, lon1, adm1, cc1, lv2: int, lat2, lon2, adm2, cc2,
                   extent_km: float = 0.0) -> tuple[float, bool] | None:
    """How two places relate for one happening: None when they exclude each
    other, else (score, strong). Strong = both name the same spot or its
    surroundings (a town, its countryside/badiya/outskirts); a governorate, a
    country or no place is only *compatible* (weak) with what lies inside it.
    ``extent_km``: the larger extent of a part of a country among the two
    (it replaces ``REGION_TOL_KM`` when admin1 cannot be compared)."""
    if not lv1 or not lv2 or lat1 is None or lat2 is None:
        return 0.0, False
    dist = haversine_km(lat1, lon1, lat2, lon2)
    if cc1 and cc2 and cc1 != cc2 and not (lv1 <= 2 and lv2 <= 2 and dist <= CROSS_BORDER_KM):
        return None
    if lv1 == 4 or lv2 == 4:
        return 0.1, False
    same = _same_admin(adm1, adm2)
    if lv1 == 1 and lv2 == 1:
        if dist > PLACE_TOL_KM or (same is False and dist > SAME_SPOT_KM):
            return None
        return 1.0 - dist / PLACE_TOL_KM, True
    if lv1 <= 2 and lv2 <= 2:
        if dist > NEAR_TOL_KM or (same is False and dist > SAME_SPOT_KM):
            return None
        return 0.7 - 0.4 * dist / NEAR_TOL_KM, True
    if same is False or (same is None and dist > max(REGION_TOL_KM, extent_km)):
        return None
    return 0.3, False


def counts_agree(a: int | None, b: int | None) -> bool | None:
    """True when two counts are about equal, False when they disagree, None if one is unknown."""
    if a is None or b is None:
        return None
    return abs(a - b) <= max(1, COUNT_TOL * max(a, b))


def keys_meet(a, b) -> bool:
    """Whether two lists of actor keys name one actor: a shared key, or one
    person's name the start of the other's ("mohammed bin nayef" and "mohammed
    bin nayef bin abdulaziz", or a word the NER took along: "... abdulaziz
    rakti"), two words at least."""
    if not a or not b:
        return False
    sa, sb = set(a), set(b)
    if sa & sb:
        return True
    for x in sa:
        tx = x.split()
        if len(tx) < 2:
            continue
        for y in sb:
            ty = y.split()
            if len(ty) >= 2 and (ty[:len(tx)] == tx or tx[:len(ty)] == ty):
                return True
    return False


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def _evidence_terms(text: str) -> tuple[frozenset, frozenset, dict]:
    """(word bigrams, figures, bigram weights) of an evidence sentence, folded."""
    n, df = _docfreq()
    toks = _WORD.findall(fast_fold(text or ""))
    idf = [math.log(n / df.get(w, 10)) for w in toks]
    bi = {(toks[i], toks[i + 1]): idf[i] + idf[i + 1] for i in range(len(toks) - 1)}
    nums = frozenset(w for w in toks if w.isdigit())
    return frozenset(bi), nums, bi


def evidence_sim(a: str, b: str) -> float:
    """How much of the shorter evidence sentence the other one holds: the share of its
    folded word bigrams, weighted by the words' rarity (inverse document frequency
    over the SaudiNewsNet corpus: an honorific or "قوات النظام" weighs little, a
    name or a figure much). 0 when either has fewer than ``TEXT_SIM_MIN_WORDS``
    words, or both give figures and share none (the next daily report's template)."""
    ba, na, wa = _evidence_terms(a)
    bb, nb, wb = _evidence_terms(b)
    if min(len(ba), len(bb)) + 1 < TEXT_SIM_MIN_WORDS or (na and nb and not na & nb):
        return 0.0
    shared = sum(wa[x] for x in ba & bb)
    return shared / max(1e-9, min(sum(wa.values()), sum(wb.values())))


def _trigger_in(trigger: str, evidence: str) -> bool:
    """Whether a word of one mention's trigger occurs in the other's evidence (the
    same act told, not only the same honorifics around another one)."""
    words = {w for w in _WORD.findall(fast_fold(trigger or "")) if len(w) > 2}
    return bool(words) and bool(words & set(_WORD.findall(fast_fold(evidence or ""))))


def _twin(m: Mention, me: "MergedEvent") -> bool:
    """Whether the mention's evidence is nearly the text of a mention of ``me`` in
    another article, telling the same act (a trigger word in both) on the same day
    when both state one (the next daily report repeats the template, its figures
    in words: "ثلاثا وعشرين غارة" / "ثماني عشرة غارة")."""
    if TEXT_SIM <= 0 or not m.evidence:
        return False
    return any(x.doc_id != m.doc_id and x.evidence
               and not (m.date_kind == x.date_kind == "precise" and m.date_start != x.date_start)
               and evidence_sim(m.evidence, x.evidence) >= TEXT_SIM
               and (_trigger_in(m.trigger, x.evidence) or _trigger_in(x.trigger, m.evidence)
                    or _trigger_in(m.trigger, x.trigger))
               for x in me.mentions)


def _named_day_differs(m: Mention, me: "MergedEvent") -> bool:
    """Whether the merged event's day (its best date) is named by another article's
    mention and the mention names another day (``NAMED_DAY_EXACT``)."""
    best = me.agg.get("best_date")
    return m.named_day != best and any(x.named_day == best and x.doc_id != m.doc_id for x in me.mentions)


def _told_again(m: Mention, me: "MergedEvent") -> bool:
    """Whether the mention's own article already has a mention in ``me`` on the same
    stated day with the same death toll, written as a figure in both evidence
    sentences: an article telling its happening twice (the ambush's 14 soldiers,
    its attacker read once as AQIM, once as ISIS). A toll extraction attached to
    several events of one passage is not in their sentences, so does not count."""
    if not SAME_ARTICLE_TOLL or m.fatalities is None or m.date_kind != "precise":
        return False
    fig = str(m.fatalities)
    return fig in _evidence_terms(m.evidence)[1] and any(
        x.doc_id == m.doc_id and x.date_kind == "precise" and x.date_start == m.date_start
        and x.fatalities == m.fatalities and fig in _evidence_terms(x.evidence)[1] for x in me.mentions)


def _toll_agrees(m: Mention, agg: dict) -> bool:
    """A death or injury toll of the mention about equal to one the merged event gives."""
    for name in ("fatalities", "injuries"):
        v = getattr(m, name)
        if v is not None and any(counts_agree(v, x["value"]) for x in agg.get("counts", {}).get(name, [])):
            return True
    return False


def _in_lead(m: Mention) -> bool:
    return m.evidence_start is not None and m.evidence_start < LINK_LEAD_CHARS


def _is_window(d0: date | None, d1: date | None) -> bool:
    return d0 is not None and d1 is not None and 0 <= (d1 - d0).days <= WINDOW_DAYS


def _any_spot(me: "MergedEvent", m: Mention) -> bool:
    """Whether an article of the merged event names the mention's spot among its places."""
    if m.lat is None:
        return False
    for x in me.mentions:
        for la, lo, adm, lv, cc in x.doc_places:
            r = place_relation(lv, la, lo, adm, cc, m.level or 1, m.lat, m.lon, m.admin1, m.country)
            if r is not None and r[1]:
                return True
    return False


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
        # best-supported place: the finest level given, then most supporting documents
        places: dict[tuple, list[Mention]] = {}
        for m in support:
            if m.lat is None:
                continue
            key = (m.place_name or "", round(m.lat, 2), round(m.lon, 2))
            places.setdefault(key, []).append(m)
        best_place = None
        lv = lambda x: x.level or _level(lambda k: getattr(x, k))  # noqa: E731
        if places:
            def rank(item):
                key, mm = item
                return (min(lv(x) for x in mm),
                        -len({x.doc_id for x in mm if not x.is_copy} or {mm[0].doc_id}), key)
            key, mm = min(places.items(), key=rank)
            m0 = min(mm, key=lv)
            best_place = {"name": m0.place_name, "name_ar": m0.place_name_ar, "lat": m0.lat, "lon": m0.lon,
                          "country": m0.country, "admin1": m0.admin1, "precision": m0.precision,
                          "level": lv(m0), "extent_km": m0.extent_km}
        else:
            named = [m for m in support if m.place_name]
            if named:
                m0 = named[0]
                best_place = {"name": m0.place_name, "name_ar": m0.place_name_ar, "lat": None, "lon": None,
                              "country": m0.country, "admin1": m0.admin1, "precision": m0.precision,
                              "level": 0}
        # every place given, finest first (a merged event keeps its mentions' places)
        all_places = sorted({(lv(m), m.place_name) for m in ms if m.place_name})
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
        okey = lambda m: _admin_key(m.outlet) if m.outlet else f"doc:{m.doc_id}"  # noqa: E731
        outlets = {okey(m) for m in own_support}
        # independent sources: a named source relayed by several outlets is one
        # source; an anonymous one ("مصادر محلية") or none is the outlet's own
        sources: dict[str, dict] = {}
        for m in own_support:
            named = m.source_key and (m.source_kind or "anonymous") not in ("anonymous", "role")
            key = f"src:{m.source_key}" if named else f"outlet:{okey(m)}:{m.source_key or ''}"
            ent = sources.setdefault(key, {"source": m.source_name or m.source_text or m.outlet or m.doc_id,
                                           "outlets": set()})
            ent["outlets"].add(m.outlet or m.doc_id)
        deniers = sorted({(m.source_name or m.source_text or m.actor or m.outlet or m.doc_id)
                          for m in ms if m.stance == "deny"})
        # counts: every figure given, with who gives it (never averaged)
        counts: dict[str, list[dict]] = {}
        for field_name in ("fatalities", "injuries"):
            vals: dict[int, set] = {}
            for m in ms:
                v = getattr(m, field_name)
                if v is not None and m.stance != "deny":
                    vals.setdefault(v, set()).add(m.outlet or m.doc_id)
            if vals:
                counts[field_name] = [{"value": v, "outlets": sorted(o)} for v, o in sorted(vals.items())]
        disagree = any(counts_agree(x["value"], y["value"]) is False
                       for c in counts.values() for x in c for y in c)
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
            "independent_sources": len(sources),
            "sources": sorted(({"source": v["source"], "outlets": sorted(v["outlets"])} for v in sources.values()),
                              key=lambda x: (-len(x["outlets"]), x["source"])),
            "deniers": deniers,
            "counts": counts, "counts_disagree": disagree,
            "places": [n for _, n in all_places],
            "fatalities": sorted({m.fatalities for m in support if m.fatalities is not None}),
            "recipient_keys": sorted({k for m in support for k in m.recipient_keys}),
            "copies": sum(1 for m in ms if m.is_copy),
            "contradicted": contradicted,
            "earliest": {"doc_id": earliest.doc_id, "outlet": earliest.outlet, "published": earliest.published},
            "actor_keys": sorted({k for m in support for k in m.actor_keys}),
            "stories": sorted({m.story_id for m in ms if m.story_id}),
            "lead_stories": sorted({m.story_id for m in ms if m.story_id and _in_lead(m)}),
            "groups": sorted({m.group_id for m in ms if m.group_id}),
        }

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.recompute()

    @property
    def cell(self) -> str:
        p = self.agg.get("place") or {}
        return cell_of({"lat": p.get("lat"), "lon": p.get("lon"), "precision": p.get("precision"),
                        "level": p.get("level"), "country": p.get("country"), "admin1": p.get("admin1")})

    # -- output -----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        a = self.agg
        p = a.get("place") or {}

        def brief(m: Mention) -> dict[str, Any]:
            return {"doc_id": m.doc_id, "event_id": m.event_id, "outlet": m.outlet, "published": m.published,
                    "evidence": m.evidence, "claim_source_text": m.source_text, "source_kind": m.source_kind,
                    "stance": m.stance, "modality": m.modality, "is_copy": m.is_copy,
                    "place": m.place_name, "date_start": m.date_start, "date_end": m.date_end,
                    "actor": m.actor, "fatalities": m.fatalities,
                    "injuries": m.injuries}

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
            "sources": a["sources"],
            "deniers": a["deniers"],
            "counts": a["counts"], "counts_disagree": a["counts_disagree"],
            "places": a["places"],
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

    def __init__(self, db) -> None:
        self.db: CrossdocDB = tables(db)
        self.cache: dict[str, MergedEvent] = {}
        self.dirty: set[str] = set()
        self.pending: dict[str, None] = {}  # created since the last flush, in order
        self._geo: dict[tuple[str, str], list[str]] = {}

    def load(self, mid: str) -> MergedEvent | None:
        if mid in self.cache:
            return self.cache[mid]
        etype = self.db.merged_type(mid)
        if etype is None:
            return None
        ms = [Mention.from_dict(json.loads(x)) for x in self.db.mention_jsons(mid)]
        me = MergedEvent(mid, etype, ms)
        self.cache[mid] = me
        return me

    def _candidates(self, m: Mention, keep_geo: bool = False) -> list[MergedEvent]:
        """Merged events that may be compatible: same type, near in date, and in the
        1-degree cells around the mention's place (or around the other places its
        article names, for a mention without a fine place), in its governorate,
        or sharing its story or near-duplicate group."""
        d0, d1 = _d(m.date_start), _d(m.date_end)
        kind = m.date_kind
        tol = INFERRED_TOL_DAYS if kind == "inferred" else DATE_TOL_DAYS
        dates: tuple[str, str, str] | None = None  # date_start in [lo, hi], date_end >= lo_end
        if d0 is not None and kind in ("precise", "inferred"):
            lo = (d0 - timedelta(days=tol + MAX_SPAN_DAYS)).isoformat()
            hi = ((d1 or d0) + timedelta(days=tol)).isoformat()
            lo_end = (d0 - timedelta(days=tol)).isoformat()
            dates = (lo, hi, lo_end)
        elif kind == "vague" and _is_window(d0, d1):
            dates = ((d0 - timedelta(days=MAX_SPAN_DAYS)).isoformat(), d1.isoformat(), d0.isoformat())
        ids: list[str] = []
        geo_key = (m.doc_id, m.event_id)
        if geo_key in self._geo:  # found for this mention by stories_of just before
            ids += self._geo.pop(geo_key)
        elif dates is not None:
            lv = m.level or _level(lambda k: getattr(m, k))
            points = [(m.lat, m.lon)] if lv in (1, 2) else [(p[0], p[1]) for p in m.doc_places if p[3] <= 2][:4]
            cells = sorted({c for la, lo_ in points for c in _neighbour_cells(la, lo_)} | {cell_of(m)} - {"-"})
            admins = {m.admin1} if m.admin1 and lv <= 3 else set()
            if lv in (0, 3, 4):
                admins |= {p[2] for p in m.doc_places if p[2]}
            admins.discard(None)
            if cells:
                ids += self.db.merged_ids_in_cells(m.type, cells, dates, MAX_CANDIDATES)
            for adm in sorted(admins)[:4]:
                ids += self.db.merged_ids_in_admin1(m.type, adm, dates, MAX_CANDIDATES)
            if keep_geo:
                self._geo[geo_key] = list(ids)
        for col, key in (("story_id", m.story_id), ("group_id", m.group_id)):
            if key is None:
                continue
            sdates = dates
            if col == "story_id" and dates is not None and kind == "precise" and _in_lead(m) \
                    and STORY_LEAD_TOL_DAYS > tol:
                w = timedelta(days=STORY_LEAD_TOL_DAYS - tol)
                sdates = ((date.fromisoformat(dates[0]) - w).isoformat(), (date.fromisoformat(dates[1]) + w).isoformat(),
                          (date.fromisoformat(dates[2]) - w).isoformat())
            ids += self.db.merged_ids_sharing(col, key, m.type, sdates, MAX_CANDIDATES)
        ids = list(dict.fromkeys(ids))
        # merged events created since the last flush are not in SQL yet
        ids += [i for i in self.pending if i not in ids and self.cache[i].type == m.type]
        return [x for x in (self.load(i) for i in ids) if x is not None]

    def score(self, m: Mention, me: MergedEvent, *, story_known: bool = True,
              prefer_spot: bool = False, weak: bool = False) -> float | None:
        """Compatibility score of a mention with a merged event, None if incompatible.

        ``weak``: a mention only compatible with it (the same type, date and
        governorate, an agreeing death or injury toll, no conflicting count or
        actor), which is too little to merge outside one story, scores
        ``WEAK_LINK`` instead of None (a hint for the story score).

        ``story_known=False`` scores without the story (used to find the stories
        an article's events already belong to, before the article has one);
        ``prefer_spot`` adds ``STRONG_BONUS`` for one spot named by both (choosing
        among merged events; the story links keep the plain score)."""
        a = me.agg
        same_story = story_known and bool(m.story_id and m.story_id in a["stories"])
        same_group = bool(m.group_id and m.group_id in a["groups"])
        bound = same_story or same_group
        # time: the mention against the merged event's core interval
        kind = m.date_kind
        d0, d1 = _d(m.date_start), _d(m.date_end)
        e0, e1 = (_d(x) for x in a["core"])
        date_score = 0.0
        same_day = False
        if d0 and e0:
            tol = timedelta(days={"precise": DATE_TOL_DAYS, "inferred": INFERRED_TOL_DAYS}.get(kind, 0))
            if same_story and kind == "precise" and _in_lead(m) and m.story_id in a.get("lead_stories", ()):
                tol = max(tol, timedelta(days=STORY_LEAD_TOL_DAYS))
            if d0 - tol > (e1 or e0) or (d1 or d0) + tol < e0:
                return None
            if NAMED_DAY_EXACT and m.named_day and _named_day_differs(m, me):
                return None
            same_day = kind == "precise" and a["date_kind"] == "precise" and m.date_start == a["best_date"]
            date_score = 1.0 if same_day else 0.5
        twin_memo: list[bool] = []

        def twin() -> bool:  # one text in two articles (computed when needed)
            if not twin_memo:  # not for the story links: a story is more than one sentence
                twin_memo.append(story_known and _twin(m, me))
            return twin_memo[0]
        window = False  # a stated window (one side) holding the other's day
        if kind in ("vague", "none") or a["date_kind"] in ("vague", "none"):
            date_score = 0.0
            if d0 and e0 and ((kind == "vague" and _is_window(d0, d1) and a["date_kind"] == "precise")
                              or (a["date_kind"] == "vague" and _is_window(e0, e1) and kind == "precise")):
                window, date_score = True, 0.3
            elif not bound:
                return None
        # place: the gazetteer hierarchy and distance
        p = a.get("place") or {}
        lv_m = m.level or _level(lambda k: getattr(m, k))
        p_args = (p.get("level") or _level(p.get) if p else 0, p.get("lat"), p.get("lon"),
                  p.get("admin1"), p.get("country"))
        rel = place_relation(lv_m, m.lat, m.lon, m.admin1, m.country, *p_args)
        # a part of a country ("وسط مالي") reaches a town inside it only when the
        # article also names that spot (else it would draw mentions from every town)
        extent = max(m.extent_km or 0.0, p.get("extent_km") or 0.0) if p else 0.0
        by_extent = rel is None and extent > 0
        if by_extent:
            rel = place_relation(lv_m, m.lat, m.lon, m.admin1, m.country, *p_args, extent_km=extent)
        if rel is None and STORY_NAMED_SPOT_KM and same_story and _in_lead(m) \
                and m.story_id in a.get("lead_stories", ()) and p.get("lat") is not None and m.lat is not None and m.lon is not None \
                and lv_m in (1, 2) and (p.get("level") or 0) in (1, 2) \
                and haversine_km(m.lat, m.lon, p["lat"], p["lon"]) <= STORY_NAMED_SPOT_KM \
                and any(counts_agree(m.fatalities, v) for v in a.get("fatalities", [])) \
                and any((r := place_relation(lv, la, lo, adm, cc, p.get("level") or 1, p["lat"], p["lon"],
                                             p.get("admin1"), p.get("country"))) is not None and r[1]
                        for la, lo, adm, lv, cc in m.doc_places):
            # the story's happening told in both leads with one toll, and the article names
            # the other report's spot: a nearby town it was placed at (Suruc's bombing at
            # Sanliurfa, "the city near Suruc")
            rel = (0.0, False)
        if rel is None and twin():
            # one sentence placed two ways by extraction: the text says it is one place
            rel, by_extent = (0.0, False), False
        if rel is None:
            return None
        place_score, strong = rel
        # the article's other places stand in for a missing or coarse event place
        doc_place = names_spot = False
        if not strong and p.get("lat") is not None:
            for la, lo, adm, lv, cc in m.doc_places:
                r = place_relation(lv, la, lo, adm, cc, p.get("level") or 1, p["lat"], p["lon"],
                                   p.get("admin1"), p.get("country"))
                if r is not None and (r[1] or lv == 3 == (p.get("level") or 1)):
                    doc_place, names_spot = True, r[1]
                    break
        if by_extent and not (names_spot or (p.get("extent_km") and _any_spot(me, m))):
            return None
        # counts: about equal is evidence; a disagreement is kept, never a reason alone
        fat = [counts_agree(m.fatalities, v) for v in a.get("fatalities", [])]
        inj_agree = INJURY_AGREE > 0 and m.injuries is not None and any(
            x.doc_id != m.doc_id and x.stance != "deny" and counts_agree(m.injuries, x.injuries)
            for x in me.mentions)
        count_score = 0.5 if any(x is True for x in fat) else (-0.3 if fat and all(x is False for x in fat) else 0.0)
        # actors and targets: unknown is compatible, a different named one is not
        actor_score = 0.0
        if not m.deny:
            if m.actor_keys and a["actor_keys"]:
                if keys_meet(m.actor_keys, a["actor_keys"]):
                    actor_score += 0.5
                elif keys_meet(m.actor_keys, a.get("recipient_keys", [])):
                    actor_score -= 0.3  # attacker and target swapped by one report
                elif not (bound and strong and (same_day or not ACTOR_CONFLICT_SAME_DAY)) and not twin() \
                        and not _told_again(m, me):
                    return None
                else:
                    actor_score -= 0.5
            rk, ark = m.recipient_keys, a.get("recipient_keys", [])
            if rk and ark:
                if keys_meet(rk, ark):
                    actor_score += 0.3
                elif not (bound or keys_meet(rk, a["actor_keys"]) or twin() or _told_again(m, me)):
                    return None
                else:
                    actor_score -= 0.3
        if window and not bound and not (strong and (count_score > 0 or actor_score > 0)) and not twin():
            return None
        if STATEMENT_SPEAKER and m.type in STATEMENT_TYPES and not bound and not actor_score > 0 \
                and not twin():
            return None  # two statements are one only when one speaker makes them
        if not strong:
            # a governorate, a country or no place: only with more evidence
            evidence = bound or (same_day and (doc_place or count_score > 0 or actor_score > 0)) \
                or (date_score > 0 and twin())
            # a governorate and a town in it, dated a day apart, with about equal tolls
            if not evidence and INJURY_REGION and inj_agree and (m.injuries or 0) >= INJURY_REGION_MIN \
                    and date_score > 0 and count_score >= 0 and actor_score >= 0 \
                    and lv_m == 3 == (p.get("level") or 0) and same_admin_known(m.admin1, p.get("admin1")) \
                    and _in_lead(m):
                evidence = True
            if not evidence and NEAR_DAY_REGION and count_score > 0 and date_score > 0 and kind == "precise" \
                    and a["date_kind"] == "precise" and {lv_m, p.get("level") or 0} <= {1, 2, 3} \
                    and 3 in {lv_m, p.get("level") or 0} and same_admin_known(m.admin1, p.get("admin1")):
                evidence = True
            if not evidence:
                # ``weak``: compatible (same type, date, a governorate holding the
                # other's place, no conflicting count or actor) but no more: a hint
                # for the story score, never a merge
                if weak and lv_m in (1, 2, 3) and (p.get("level") or 0) in (1, 2, 3) and count_score >= 0 \
                        and actor_score >= 0 and kind in ("precise", "inferred") and _toll_agrees(m, a):
                    return WEAK_LINK
                return None
            if lv_m == 4 or (p.get("level") or 0) == 4 or not lv_m or not p:
                # a country or no place: the same story or copy, or a denial naming the spot loosely
                if not (bound or (m.deny and doc_place) or (date_score > 0 and twin())):
                    return None
        elif count_score < 0 and not (bound or same_day or (inj_agree and INJURY_KEEPS_SPOT)):
            return None
        return (place_score + date_score + actor_score + count_score + (0.3 if doc_place else 0.0)
                + (STRONG_BONUS if strong and prefer_spot else 0.0)
                + (0.5 if same_story else 0.0) + (1.0 if same_group else 0.0)
                + (TEXT_BONUS if twin() else 0.0) + (INJURY_AGREE if inj_agree else 0.0))

    def stories_of(self, m: Mention, opening: bool = False) -> dict[str, float]:
        """Stories whose merged events this mention matches on its own (no story
        of its own yet): {story id: best score}. A country-level or place-less
        mention links no story (too little to go on), nor one told after the
        first ``LINK_LEAD_CHARS`` characters of its article or of the story's.
        ``opening``: the mention is the article's first event (its own
        happening, not a recalled one): a merely compatible merged event
        counts too (``WEAK_LINK``)."""
        out: dict[str, float] = {}
        if not _in_lead(m):
            return out
        for me in self._candidates(m, keep_geo=True):
            s = self.score(m, me, story_known=False, weak=opening and WEAK_LINK > 0)
            if s is None:
                continue
            for sid in {x.story_id for x in me.mentions if x.story_id and _in_lead(x)}:
                out[sid] = max(out.get(sid, -1.0), s)
        return out

    def add(self, m: Mention) -> str:
        """Merge one mention; returns the merged event id."""
        best, best_s = None, -1.0
        for me in self._candidates(m):
            s = self.score(m, me, prefer_spot=True)
            # equal scores: the smaller id (a function of the first mention), not the query's order
            if s is not None and (s > best_s or (s == best_s and best is not None and me.id < best.id)):
                best, best_s = me, s
        if best is None:
            best = MergedEvent(_new_id(m), m.type)
            self.cache[best.id] = best
            self.pending[best.id] = None
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
            self.db.put_merged_event(
                {"id": me.id, "type": me.type, "cell": me.cell, "date_start": d["date_start"],
                 "date_end": d["date_end"], "best_date": d["best_date"], "place_name": p.get("name"),
                 "place_name_ar": p.get("name_ar"), "lat": p.get("lat"), "lon": p.get("lon"),
                 "country": p.get("country"), "admin1": p.get("admin1"), "n_mentions": d["n_mentions"],
                 "outlets": d["outlets"], "independent_sources": d["independent_sources"],
                 "contradicted": int(d["contradicted"]), "earliest_doc": d["earliest_report"]["doc_id"],
                 "earliest_published": d["earliest_report"]["published"],
                 "json": json.dumps(d, ensure_ascii=False)},
                [{"merged_id": me.id, "doc_id": m.doc_id, "event_id": m.event_id, "outlet": m.outlet,
                  "published": m.published, "stance": m.stance, "source_text": m.source_text,
                  "is_copy": int(m.is_copy), "story_id": m.story_id, "group_id": m.group_id,
                  "json": json.dumps(m.to_dict(), ensure_ascii=False)} for m in me.mentions])
        self.dirty.clear()
        self.pending.clear()

    def _refresh_copies(self, me: MergedEvent) -> None:
        """Copy flags can change when an earlier-published copy arrives later."""
        changed = False
        for m in me.mentions:
            g = self.db.group_of(m.doc_id)
            if g is not None and (not g[1]) != m.is_copy:
                m.is_copy = not g[1]
                changed = True
        if changed:
            me.recompute()


def forget(db, doc_id: str) -> None:
    """Remove a document's mentions; merged events left empty are deleted."""
    db = tables(db)
    mids = db.merged_ids_of_document(doc_id)
    db.forget_mentions_of(doc_id)
    merger = EventMerger(db)
    for mid in mids:
        if db.mention_count(mid) == 0:
            db.delete_merged(mid)
        else:
            if merger.load(mid) is not None:
                merger.dirty.add(mid)
    merger.flush()


def list_merged(db, limit: int | None = None, min_mentions: int = 1,
                contradicted_only: bool = False) -> list[dict[str, Any]]:
    """Merged events as dicts (most reported first); ``db``: a Store, a connection or a CrossdocDB."""
    return [json.loads(x) for x in tables(db).merged_jsons(min_mentions, contradicted_only, limit)]
