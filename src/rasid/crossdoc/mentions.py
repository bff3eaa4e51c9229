"""Event mentions: one flat record per (document, event), the unit that is merged.

A mention carries what cross-document coreference compares (type, mode, place
with coordinates and precision, date interval, actor keys) and what a merged
event reports about each of its mentions (outlet, evidence, claim source text
and kind, stance).

Stance of a mention: ``deny`` when the event's modality is ``denied`` or
``negated`` or its claim denies; ``speculate`` for speculated/hypothetical/
planned events or a speculating claim; ``assert`` otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta
from typing import Any

from rasid import lang
from rasid.lang import ar
from rasid.model.document import Document, Entity, Event, Span
from rasid.text.sentences import split_clauses
from rasid.text import fold_key

#: days before publication assumed for an event without a resolved date
INFERRED_DAYS_BEFORE = 2
#: a stated date span longer than this (a month, a year) is too vague to merge on
PRECISE_DAYS = 3
#: a vague stated date (a month, a year) ending this many days before publication,
#: on the event of the article's first sentence, is a background date the events
#: stage attached to the news ("... the list announced in late June 2012"): the
#: event is dated from publication instead (0 = off). Off: on the 2015-12-04 main
#: (after the events stage's own date fixes) the tune pairs gain nothing from it
#: and what it still redates is mostly real background (Sinjar 2014, Nusra 2011)
STALE_VAGUE_DAYS = 0
STALE_LEAD_CHARS = 600

_DENY_MODALITIES = {"denied", "negated"}
_SPEC_MODALITIES = {"speculated", "hypothetical", "planned"}


@dataclass
class Mention:
    doc_id: str
    event_id: str
    type: str
    mode: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    trigger: str = ""
    evidence: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None
    modality: str = "asserted"
    stance: str = "assert"
    claim_id: str | None = None
    source_text: str | None = None
    source_kind: str | None = None
    source_key: str | None = None
    source_name: str | None = None
    place_id: str | None = None
    place_name: str | None = None
    place_name_ar: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: int | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_inferred: bool = False
    actor: str | None = None
    recipient: str | None = None
    actor_keys: list[str] = field(default_factory=list)
    recipient_keys: list[str] = field(default_factory=list)
    #: place level: 1 town/site, 2 a town's countryside/outskirts/side, 3 a
    #: governorate (or its countryside), 4 a country, 0 no place
    level: int = 0
    #: a part of a country ("وسط مالي", "شمال سوريا"): how far from its point the
    #: places inside it may lie (km; 0 = the default region tolerance)
    extent_km: float = 0.0
    #: the document's other places (level <= 3): [[lat, lon, admin1, level, country], ...]
    doc_places: list = field(default_factory=list)
    fatalities: int | None = None
    injuries: int | None = None
    #: the day the text itself names for the event (a calendar date or a weekday in
    #: the trigger's own sentence, giving the event's date), see :func:`named_day`
    named_day: str | None = None
    # filled by crossdoc.update
    story_id: str | None = None
    group_id: str | None = None
    is_copy: bool = False

    @property
    def date_kind(self) -> str:
        """``precise`` (a stated date or a span of a few days), ``inferred`` (from
        publication), ``vague`` (a stated month, year or long range), ``none``."""
        if not self.date_start:
            return "none"
        if self.date_inferred:
            return "inferred"
        try:
            span = (date.fromisoformat(self.date_end[:10]) - date.fromisoformat(self.date_start[:10])).days
        except (TypeError, ValueError):
            return "vague"
        return "precise" if span <= PRECISE_DAYS else "vague"

    @property
    def deny(self) -> bool:
        return self.stance == "deny"

    @property
    def is_point(self) -> bool:
        """A town, village or site: coordinates precise enough to compare distances."""
        return self.lat is not None and self.lon is not None and (self.precision or 1) < 2

    @property
    def is_region(self) -> bool:
        """A province, countryside or district (precision 2)."""
        return self.lat is not None and self.lon is not None and self.precision == 2

    def to_dict(self) -> dict[str, Any]:
        # shallow (dataclasses.asdict deep-copies: most of the merge step's time)
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["actor_keys"], d["recipient_keys"] = list(self.actor_keys), list(self.recipient_keys)
        d["doc_places"] = [list(p) for p in self.doc_places]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Mention":
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})


def _entity_key(e: Entity | None) -> str | None:
    if e is None:
        return None
    a = e.attrs or {}
    canon = a.get("actor_id") or a.get("canonical_id") or (e.place.gazetteer_id if e.place else None)
    return fold_key(str(canon or e.name or e.name_ar)) or None


_STATE_TYPES = {"state force", "coalition", "military", "government"}


def actor_keys(e: Entity | None) -> list[str]:
    """Keys under which two mentions' actors count as the same: the canonical id,
    its parent group (a militia of the Iran-backed network), and for state forces
    their state (US forces = the US-led coalition's aircraft, for this purpose)."""
    k = _entity_key(e)
    if not k:
        return []
    a = e.attrs or {}
    if a.get("generic"):
        return []  # "gunmen", "unknown assailants": a description, not a named party (unknown)
    out = [k]
    if a.get("parent"):
        out.append(fold_key(str(a["parent"])))
    if a.get("country") and str(a.get("type", "")).lower() in _STATE_TYPES:
        out.append(f"state:{a['country']}")
    return out


def _is_country(e: Entity) -> bool:
    p = e.place
    if p is None:
        return False
    feat = (p.feature or "").lower()
    return feat in ("country", "pcli", "pcl", "a.pcli") or (p.precision >= 3 and feat not in _AREA_FEATURES
                                                            and feat not in _NEAR_FEATURES and feat != "region")


_NEAR_FEATURES = {"countryside", "region"}
_AREA_FEATURES = {"admin1", "sea", "river", "lake"}


@lru_cache(maxsize=4096)
def _base_feature(gid: str | None) -> str | None:
    """Feature of a gazetteer entry (the head place of a countryside/side reading);
    a governorate's capital counts as the governorate ("ريف دير الزور", "ريف حلب"
    are the governorate's countryside)."""
    if not gid:
        return None
    try:
        from rasid.places.gazetteer import gazetteer
        g = gazetteer()
        i = g.by_id.get(gid)
        if i is None:
            return None
        e = g.entries[i]
        if e.feature in ("city", "town") and e.admin1 and fold_key(e.admin1) == fold_key(e.en):
            return "admin1"
        return e.feature
    except Exception:  # noqa: BLE001 - no gazetteer: treat as unknown
        return None


def place_level(e: Entity | None) -> int:
    """1 town/site, 2 a town's surroundings, 3 a governorate or region, 4 a country, 0 none."""
    if e is None or e.place is None:
        return 0
    p = e.place
    if _is_country(e):
        return 4
    feat = (p.feature or "").lower()
    if feat in _AREA_FEATURES:
        return 3
    if feat in _NEAR_FEATURES:
        base = _base_feature(p.gazetteer_id)
        if base in ("admin1", "country") or p.precision >= 3:
            return 3
        return 2
    return 1 if p.precision <= 1 else (2 if p.precision == 2 else 3)


#: a part of a country reaches this share of the country's larger half side (0 = off).
#: Off: at 0.75 the tune pairs gain one merged event (Sevare / "central Mali"), but on the
#: dev corpus a "north Afghanistan" attack then took the Kabul attack its article recalls
#: and split from its copy (the merge is greedy; the region is compatible with too much)
COUNTRY_PART_SHARE = 0.0


@lru_cache(maxsize=4096)
def _country_part_extent(gid: str | None) -> float:
    """Extent (km) of a part of a country: a region reading of a country entry
    ("central Mali" is read as the country's entry shifted to its centre); 0 for
    anything else. Its point can lie 300 km from a town inside it (Sevare)."""
    if not gid:
        return 0.0
    try:
        from rasid.places.gazetteer import gazetteer
        g = gazetteer()
        i = g.by_id.get(gid)
        if i is None:
            return 0.0
        e = g.entries[i]
        if e.feature != "country":
            return 0.0
        return COUNTRY_PART_SHARE * max(max(e.half_km), e.radius_km)
    except Exception:  # noqa: BLE001 - no gazetteer: the default tolerance
        return 0.0


def _stale_lead_date(doc: Document, ev: Event, ds: str, de: str) -> bool:
    """A vague stated date well before publication on the first sentence's event."""
    if not STALE_VAGUE_DAYS or not doc.published:
        return False
    try:
        d0, d1, pub = date.fromisoformat(ds), date.fromisoformat(de), date.fromisoformat(doc.published[:10])
    except ValueError:
        return False
    if (d1 - d0).days <= PRECISE_DAYS or (pub - d1).days < STALE_VAGUE_DAYS:
        return False
    first = doc.sentences[0] if doc.sentences else None
    # the first sentence, and within the lead (a text without full stops is one "sentence")
    return first is not None and first.start <= ev.trigger.start < min(first.end, STALE_LEAD_CHARS)


def _event_dates(doc: Document, ev: Event) -> tuple[str | None, str | None, bool]:
    t = ev.time or {}
    ds, de = t.get("value_start"), t.get("value_end")
    # (a date the events stage inferred from publication is no stated date)
    if ds and not ev.attrs.get("time_inferred") and not _stale_lead_date(doc, ev, ds[:10], (de or ds)[:10]):
        return ds[:10], (de or ds)[:10], False
    if doc.published:
        try:
            p = date.fromisoformat(doc.published[:10])
        except ValueError:
            return None, None, True
        return (p - timedelta(days=INFERRED_DAYS_BEFORE)).isoformat(), p.isoformat(), True
    return None, None, True


#: time expression kinds that name a day: a calendar date ("19 يوليو", "2015/07/19")
#: or a weekday ("الأحد"); a relative day ("أمس", "اليوم") is resolved against a
#: publication date that outlets give differently (print and web), so it never counts
NAMED_DAY_KINDS = ("date", "weekday")
#: a date carried over from the sentence before ("... الأحد. وتقدمت ...") counts when
#: that sentence names it
NAMED_DAY_INHERITED = True


#: a relative pronoun between the trigger and a day: the day belongs to another verb
#: ("مداهمة القريتين التي استولوا عليها الأربعاء": the town's capture, not the raid)
_BREAKS = lang.rows("crossdoc/data/named_day_breaks.tsv", 2, unique_key=False)
_AFFIX = {k: ar.affix(k) for k in ("wa", "fa", "li", "bi")}
_PRONOUNS = ar.affixes("pron_hu", "pron_ha", "pron_hum", "pron_huma")
_WORD_START, _WORD_END = r"(?<![^\s«\"(])", rf"(?![^\s»\"),.{ar.COMMA}])"


def _break_words(kind: str) -> str:
    return "|".join(w for w, k in _BREAKS if k == kind)


_RELATIVE = re.compile(rf"{_WORD_START}[{_AFFIX['wa']}{_AFFIX['fa']}]?(?:{_break_words('relative')}){_WORD_END}")
#: "أن"/"إن" between them: the day of a statement about the event ("قالت القوات الاثنين
#: إنها بسطت سيطرتها"), when ``NAMED_DAY_SPEECH`` is False
_THAT = re.compile(rf"{_WORD_START}[{_AFFIX['wa']}{_AFFIX['fa']}{_AFFIX['li']}]?{_AFFIX['bi']}?"
                   rf"(?:{_break_words('that')})(?:{'|'.join(_PRONOUNS)})?{_WORD_END}")
NAMED_DAY_SPEECH = False
#: a named day equal to the article's publication date is no named day (a dateline)
NAMED_DAY_NOT_PUBLISHED = True


def _names_day(doc: Document, span: Span, day: str, trigger: Span | None = None) -> bool:
    """Whether a calendar date or a weekday inside ``span`` gives exactly ``day``
    (with ``trigger``: and no relative pronoun or "أن" lies between them)."""
    for t in doc.times:
        if not (span.start <= t.start < span.end and (t.attrs or {}).get("kind") in NAMED_DAY_KINDS
                and t.granularity == "day" and t.value_start and t.value_start[:10] == day
                and (t.value_end or t.value_start)[:10] == day):
            continue
        if trigger is not None:
            a, b = (trigger.end, t.start) if t.start >= trigger.end else (t.end, trigger.start)
            if _RELATIVE.search(doc.text, a, max(a, b)) or (
                    not NAMED_DAY_SPEECH and _THAT.search(doc.text, a, max(a, b))):
                continue
        return True
    return False


def named_day(doc: Document, ev: Event, ds: str | None, de: str | None, inferred: bool) -> str | None:
    """The event's day when the text names it in the trigger's own clause: a stated
    one-day date (not inferred from publication) given by a calendar date or a
    weekday of that clause (the parts of its sentence between commas, semicolons and
    colons: "بحسب ما ذكر المرصد، الخميس" is the report's day, not the event's). A date
    the events stage carried over from the sentence before counts when that sentence
    names it (``NAMED_DAY_INHERITED``). A day that is only the report's publication
    date (a dateline, "today's" weekday) is no named day."""
    if inferred or not ds or ds != de or ev.attrs.get("time_range"):
        return None
    if NAMED_DAY_NOT_PUBLISHED and doc.published and ds == doc.published[:10]:
        return None
    pos = ev.trigger.start
    sents = doc.sentences
    k = next((i for i, s in enumerate(sents) if s.start <= pos < s.end), None)
    if k is None:
        return None
    clause = next((c for c in split_clauses(doc.text, sents[k]) if c.start <= pos < c.end), sents[k])
    if _names_day(doc, clause, ds, ev.trigger):
        return ds
    if ev.attrs.get("time_inherited") and NAMED_DAY_INHERITED and k > 0 and _names_day(doc, sents[k - 1], ds):
        return ds
    return None


def _stance(ev: Event, claim_stance: str | None) -> str:
    if ev.modality in _DENY_MODALITIES or claim_stance == "deny":
        return "deny"
    if ev.modality in _SPEC_MODALITIES or claim_stance == "speculate":
        return "speculate"
    return "assert"


#: claim source kinds whose words name an outlet, not a place ("وكالة الأناضول":
#: the Anadolu agency read as the Anatolia region joined a Bozanti police attack to a
#: convoy ambush told in another article "via Anadolu")
OUTLET_SOURCE_KINDS = ("media",)


def outlet_places(doc: Document) -> set[str]:
    """Ids of the place entities named only inside claim sources that are outlets
    (``OUTLET_SOURCE_KINDS``): an agency's name, not where anything happened."""
    spans = [(c.source.start, c.source.end) for c in doc.claims
             if c.source is not None and c.source.kind in OUTLET_SOURCE_KINDS and c.source.end > c.source.start]
    if not spans:
        return set()
    return {e.id for e in doc.entities
            if e.kind == "place" and e.mentions
            and all(any(a <= m.start and m.end <= b for a, b in spans) for m in e.mentions)}


def mentions_of(doc: Document) -> list[Mention]:
    """The event mentions of one analysed document."""
    claims = {c.id: c for c in doc.claims}
    out: list[Mention] = []
    doc_places = []
    outlets = outlet_places(doc)
    for e in doc.entities:
        if e.kind != "place" or e.place is None or e.place.metonym or e.id in outlets:
            continue
        lv = place_level(e)
        if 1 <= lv <= 3:
            doc_places.append([round(e.place.lat, 4), round(e.place.lon, 4), e.place.admin1, lv, e.place.country])
    for ev in doc.events:
        claim = claims.get(ev.claim) if ev.claim else None
        # (a place the events stage inferred from the article is no place the text gives it)
        place = None if ev.attrs.get("place_inferred") or ev.place in outlets else doc.entity(ev.place)
        actor = doc.entity(ev.actor)
        recip = doc.entity(ev.recipient)
        ds, de, inferred = _event_dates(doc, ev)
        ev_span = ev.evidence[0] if ev.evidence else ev.trigger
        m = Mention(
            doc_id=doc.id, event_id=ev.id, type=ev.type, mode=ev.mode, outlet=doc.outlet,
            published=doc.published, title=doc.title, trigger=ev.trigger.text,
            evidence=doc.text[ev_span.start:ev_span.end], evidence_start=ev_span.start,
            evidence_end=ev_span.end, modality=ev.modality,
            stance=_stance(ev, claim.stance if claim else None),
            date_start=ds, date_end=de, date_inferred=inferred,
            fatalities=ev.fatalities, injuries=ev.injuries,
            named_day=named_day(doc, ev, ds, de, inferred),
        )
        if claim is not None:
            m.claim_id = claim.id
            m.source_text = claim.source.text
            m.source_kind = claim.source.kind
            src_ent = doc.entity(claim.source.entity)
            m.source_key = _entity_key(src_ent) or fold_key(claim.source.text) or None
            if src_ent is not None:
                m.source_name = src_ent.name or src_ent.name_ar
        if place is not None:
            m.place_id, m.place_name, m.place_name_ar = place.id, place.name, place.name_ar
            if place.place is not None:
                p = place.place
                m.lat, m.lon, m.country, m.admin1 = p.lat, p.lon, p.country, p.admin1
                m.precision = 3 if _is_country(place) else p.precision
                m.level = place_level(place)
                if m.level == 3:
                    m.extent_km = _country_part_extent(p.gazetteer_id)
        m.doc_places = doc_places
        akey, rkey = _entity_key(actor), _entity_key(recip)
        if actor is not None:
            m.actor = actor.name or actor.name_ar
        if recip is not None:
            m.recipient = recip.name or recip.name_ar
        # one entity as both attacker and target is an extraction slip: neither is known
        if akey and akey != rkey:
            m.actor_keys.extend(actor_keys(actor))
        if rkey and akey != rkey:
            m.recipient_keys.extend(actor_keys(recip))
        out.append(m)
    return out
