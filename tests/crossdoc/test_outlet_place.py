"""A place named only inside an outlet's claim source ("وكالة الأناضول": the
Anadolu agency, read as the Anatolia region) is no place of the event: it joined
a police attack in one article to a convoy ambush told in another."""

from __future__ import annotations

import pytest
from articles import _span

from rasid.crossdoc.mentions import mentions_of, outlet_places
from rasid.model.document import Claim, ClaimSource, Document, Entity, Event, PlaceInfo, Span

ANATOLIA = PlaceInfo(39.0, 33.0, country="TR", feature="region", precision=3, gazetteer_id="tr-anatolia")
ADANA = PlaceInfo(37.0, 35.321, country="TR", feature="city", precision=1, admin1="Adana", gazetteer_id="tr-adana")

# (text, source phrase, source kind, place phrase, the place is the event's)
CASES = [
    ("قتل شرطيان برصاص مسلحين في أضنة صباح اليوم وفق ما نقلت وكالة الأناضول للأنباء.",
     "وكالة الأناضول للأنباء", "media", "الأناضول", False),
    ("قتل شرطيان برصاص مسلحين صباح اليوم بحسب وكالتي الأناضول ودوغان.",
     "وكالتي الأناضول ودوغان", "media", "الأناضول", False),
    # the region named outside the source too: a place of the text
    ("قتل شرطيان في هجوم جنوب شرقي الأناضول صباح اليوم وفق ما نقلت وكالة الأناضول.",
     "وكالة الأناضول", "media", "الأناضول", True),
    # a place inside an anonymous source ("ناشطون في أضنة") still places the event
    ("قتل شرطيان برصاص مسلحين صباح اليوم بحسب ناشطين في أضنة.",
     "ناشطين في أضنة", "anonymous", "أضنة", True),
]


def _doc(text: str, source: str, kind: str, place: str) -> Document:
    doc = Document(id="d", text=text, published="2015-07-31", outlet="o")
    info = ADANA if place == "أضنة" else ANATOLIA
    mentions = [_span(text, place)]
    if place == "الأناضول" and text.count(place) > 1:
        mentions.append(_span(text, place, 1))
    doc.entities.append(Entity("place-1", "place", info.gazetteer_id, place, mentions, info))
    src = _span(text, source)
    doc.claims.append(Claim("claim-1", ClaimSource(src.start, src.end, src.text, None, kind),
                            _span(text, "قتل"), "assert", Span(0, src.start, text[:src.start])))
    trig = _span(text, "قتل")
    doc.events.append(Event("event-1", "ASSAULT", trig, [Span(0, len(text), text)], place="place-1",
                            claim="claim-1", time={"value_start": "2015-07-31", "value_end": "2015-07-31"},
                            confidence=0.8))
    assert doc.check_spans() == [], doc.check_spans()
    return doc


@pytest.mark.parametrize("text,source,kind,place,kept", CASES)
def test_outlet_place(text, source, kind, place, kept):
    doc = _doc(text, source, kind, place)
    assert (doc.entities[0].id in outlet_places(doc)) is not kept
    (m,) = mentions_of(doc)
    assert (m.place_name_ar == place) is kept
    assert bool(m.doc_places) is kept
