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

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from rasid.model.document import Document, Entity, Event
from rasid.text import fold_key

#: days before publication assumed for an event without a resolved date
INFERRED_DAYS_BEFORE = 2
#: a stated date span longer than this (a month, a year) is too vague to merge on
PRECISE_DAYS = 3

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
    fatalities: int | None = None
    injuries: int | None = None
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
    def is_point(self) -> bool:
        """A town, village or site: coordinates precise enough to compare distances."""
        return self.lat is not None and self.lon is not None and (self.precision or 1) < 2

    @property
    def is_region(self) -> bool:
        """A province, countryside or district (precision 2)."""
        return self.lat is not None and self.lon is not None and self.precision == 2

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Mention":
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})


def _entity_key(e: Entity | None) -> str | None:
    if e is None:
        return None
    a = e.attrs or {}
    canon = a.get("actor_id") or a.get("canonical_id") or (e.place.gazetteer_id if e.place else None)
    return fold_key(str(canon or e.name or e.name_ar)) or None


def _is_country(e: Entity) -> bool:
    p = e.place
    if p is None:
        return False
    feat = (p.feature or "").lower()
    return p.precision >= 3 or feat in ("country", "pcli", "pcl", "a.pcli")


def _event_dates(doc: Document, ev: Event) -> tuple[str | None, str | None, bool]:
    t = ev.time or {}
    ds, de = t.get("value_start"), t.get("value_end")
    if ds:
        return ds[:10], (de or ds)[:10], False
    if doc.published:
        try:
            p = date.fromisoformat(doc.published[:10])
        except ValueError:
            return None, None, True
        return (p - timedelta(days=INFERRED_DAYS_BEFORE)).isoformat(), p.isoformat(), True
    return None, None, True


def _stance(ev: Event, claim_stance: str | None) -> str:
    if ev.modality in _DENY_MODALITIES or claim_stance == "deny":
        return "deny"
    if ev.modality in _SPEC_MODALITIES or claim_stance == "speculate":
        return "speculate"
    return "assert"


def mentions_of(doc: Document) -> list[Mention]:
    """The event mentions of one analysed document."""
    claims = {c.id: c for c in doc.claims}
    out: list[Mention] = []
    for ev in doc.events:
        claim = claims.get(ev.claim) if ev.claim else None
        place = doc.entity(ev.place)
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
        )
        if claim is not None:
            m.claim_id = claim.id
            m.source_text = claim.source.text
            m.source_kind = claim.source.kind
            src_ent = doc.entity(claim.source.entity)
            m.source_key = _entity_key(src_ent) or fold_key(claim.source.text) or None
        if place is not None:
            m.place_id, m.place_name, m.place_name_ar = place.id, place.name, place.name_ar
            if place.place is not None:
                p = place.place
                m.lat, m.lon, m.country, m.admin1 = p.lat, p.lon, p.country, p.admin1
                m.precision = 3 if _is_country(place) else p.precision
        if actor is not None:
            m.actor = actor.name or actor.name_ar
            m.actor_keys.append(_entity_key(actor) or "")
        if recip is not None:
            m.recipient = recip.name or recip.name_ar
        m.actor_keys = [k for k in m.actor_keys if k]
        out.append(m)
    return out
