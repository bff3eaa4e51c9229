"""One event per happening: merge mentions that report the same thing.

Two mentions are merged when they have the same type and modality, their
actors agree (equal, or one unknown), their places agree (equal, one unknown,
one a country that contains the other, or within ``NEAR_KM``) and their dates
agree (equal, or one unknown); and either they are in the same sentence, or
they share a known actor or a known non-country place. Mentions with several
coordinated places (``في دير الزور والبوكمال``) give one event per place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from rasid.events.detect import Mention
from rasid.model.document import Document, Entity, Span

NEAR_KM = 30.0
COUNTRY_PRECISION = 1


@dataclass
class Group:
    mentions: list[Mention] = field(default_factory=list)
    place: str | None = None
    actor: str | None = None
    time: dict[str, str] | None = None

    @property
    def head(self) -> Mention:
        return self.mentions[0]


def _km(a: Entity, b: Entity) -> float:
    pa, pb = a.place, b.place
    assert pa is not None and pb is not None
    p1, p2 = math.radians(pa.lat), math.radians(pb.lat)
    dl = math.radians(pb.lon - pa.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _is_country(e: Entity | None) -> bool:
    return bool(e and e.place and (e.place.feature in ("country", "PCLI", "A.PCLI") or e.place.precision == COUNTRY_PRECISION and e.place.feature is None))


def places_agree(doc: Document, a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    ea, eb = doc.entity(a), doc.entity(b)
    if not ea or not eb or not ea.place or not eb.place:
        return False
    if _is_country(ea) and ea.place.country and ea.place.country == eb.place.country:
        return True
    if _is_country(eb) and eb.place.country and eb.place.country == ea.place.country:
        return True
    return _km(ea, eb) <= NEAR_KM


def _more_precise(doc: Document, a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    ea, eb = doc.entity(a), doc.entity(b)
    if _is_country(ea) and not _is_country(eb):
        return b
    return a


def _times_agree(a: dict[str, str] | None, b: dict[str, str] | None) -> bool:
    return a is None or b is None or a.get("value_start") == b.get("value_start")


def _split_places(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if len(m.places) <= 1:
            out.append(m)
            continue
        for pid in m.places:
            c = Mention(**{**m.__dict__, "attrs": dict(m.attrs), "counts": dict(m.counts)})
            c.place = pid
            c.places = [pid]
            c.attrs["split_from_coordination"] = True
            out.append(c)
    return out


def group(doc: Document, mentions: list[Mention]) -> list[Group]:
    groups: list[Group] = []
    for m in _split_places(mentions):
        target = None
        for g in groups:
            h = g.head
            if h.type != m.type or h.modality != m.modality:
                continue
            if g.actor and m.actor and g.actor != m.actor:
                continue
            if not places_agree(doc, g.place, m.place) or not _times_agree(g.time, m.time):
                continue
            if h.attrs.get("split_from_coordination") or m.attrs.get("split_from_coordination"):
                if g.place != m.place:
                    continue
            same_sentence = any(x.sent_index == m.sent_index for x in g.mentions)
            shared_actor = g.actor is not None and g.actor == m.actor
            pe = doc.entity(m.place) if m.place else None
            shared_place = m.place is not None and g.place == m.place and not _is_country(pe)
            if same_sentence or shared_actor or shared_place:
                target = g
                break
        if target is None:
            groups.append(Group([m], m.place, m.actor, m.time))
        else:
            target.mentions.append(m)
            target.place = _more_precise(doc, target.place, m.place)
            target.actor = target.actor or m.actor
            target.time = target.time or m.time
    return groups


def evidence_spans(doc: Document, g: Group) -> list[Span]:
    spans: list[Span] = []
    for m in g.mentions:
        c = m.clause
        if not any(s.start == c.start and s.end == c.end for s in spans):
            spans.append(doc.span(c.start, c.end))
    return spans
