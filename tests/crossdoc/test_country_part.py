"""A part of a country ("وسط مالي") against a town inside it (Sevare): its point
(the country's centre) lies ~310 km from the town, farther than the 150 km a
governorate's centre may be from a town in it; the country's extent decides."""

from __future__ import annotations

import pytest
from articles import _span

from rasid import crossdoc
from rasid.crossdoc import mentions as mentions_mod
from rasid.crossdoc import list_merged
from rasid.crossdoc.merge import REGION_TOL_KM, haversine_km, place_relation
from rasid.crossdoc.mentions import mentions_of
from rasid.model.document import Document, Entity, Event, PlaceInfo, Span

SEVARE = (14.533, -4.1)
MALI_CENTRE = (17.3458, -3.5427)  # what the resolver gives "وسط مالي" (cc-ml shifted to its centre)

TEXT_TOWN = ("احتجز مسلحون صباح اليوم الجمعة عددا من الرهائن في فندق بمدينة سيفاري، وقال مصدر عسكري إن "
             "القوات طوقت المكان.")
TEXT_PART = ("تواصل السلطات التحقيقات في عملية احتجاز الرهائن التي وقعت يوم الجمعة في وسط مالي، وقال مسؤول "
             "إن المهاجمين تسللوا إلى سيفاري قبل الهجوم بأيام.")
TEXT_PART_ALONE = ("تواصل السلطات التحقيقات في عملية احتجاز الرهائن التي وقعت يوم الجمعة في وسط مالي، وقال مسؤول "
                   "إن المهاجمين لم تعرف هويتهم بعد.")


@pytest.fixture(autouse=True)
def country_parts(monkeypatch):
    """The rule is off by default (COUNTRY_PART_SHARE = 0, see mentions.py); these tests turn it on."""
    monkeypatch.setattr(mentions_mod, "COUNTRY_PART_SHARE", 0.75)
    mentions_mod._country_part_extent.cache_clear()
    yield
    mentions_mod._country_part_extent.cache_clear()


def _doc(doc_id: str, outlet: str, text: str, place_ar: str, info: PlaceInfo, *, other: str | None = None,
         trigger: str = "احتجاز", date: str = "2024-05-03") -> Document:
    doc = Document(id=doc_id, text=text, published="2024-05-04" if doc_id != "t" else "2024-05-03", outlet=outlet)
    doc.entities.append(Entity("place-1", "place", info.gazetteer_id, place_ar, [_span(text, place_ar)], info))
    if other:
        doc.entities.append(Entity("place-2", "place", "Sevare", other, [_span(text, other)],
                                   PlaceInfo(*SEVARE, country="ML", feature="town", precision=1, admin1="Mopti",
                                             gazetteer_id="ml-sevare")))
    trig = _span(text, trigger)
    sent = doc.sentence_at(trig.start) or trig
    doc.events.append(Event("event-1", "COERCE", trig, [Span(sent.start, sent.end, text[sent.start:sent.end])],
                            place="place-1", time={"value_start": date, "value_end": date}, confidence=0.8))
    assert doc.check_spans() == [], doc.check_spans()
    return doc


def _town() -> Document:
    return _doc("t", "وكالة الساحل", TEXT_TOWN, "سيفاري",
                PlaceInfo(*SEVARE, country="ML", feature="town", precision=1, admin1="Mopti", gazetteer_id="ml-sevare"),
                trigger="احتجز")


def _part(doc_id: str, text: str, other: str | None) -> Document:
    return _doc(doc_id, "صحيفة النيجر", text, "وسط مالي",
                PlaceInfo(*MALI_CENTRE, country="ML", feature="region", precision=3, gazetteer_id="cc-ml"),
                other=other)


def test_a_part_of_a_country_reaches_its_towns():
    assert haversine_km(*MALI_CENTRE, *SEVARE) > REGION_TOL_KM
    (m,) = mentions_of(_part("p", TEXT_PART, "سيفاري"))
    assert m.level == 3 and m.extent_km > 300
    args = (3, *MALI_CENTRE, None, "ML", 1, *SEVARE, "Mopti", "ML")
    assert place_relation(*args) is None  # the governorate tolerance alone
    assert place_relation(*args, extent_km=m.extent_km) == (0.3, False)  # compatible, not the same spot
    # a governorate reading keeps its own tolerance
    (g,) = mentions_of(_doc("g", "x", TEXT_PART, "وسط مالي",
                            PlaceInfo(*MALI_CENTRE, country="ML", feature="admin1", precision=3)))
    assert g.extent_km == 0.0


def test_investigation_report_naming_the_town_joins_the_hostage_taking(conn):
    crossdoc.update(conn, [_town(), _part("p", TEXT_PART, "سيفاري")])
    events = list_merged(conn)
    assert len(events) == 1
    assert {m["doc_id"] for m in events[0]["mentions"]} == {"t", "p"}
    assert events[0]["best_place"] == "ml-sevare"  # the town, finest level


def test_a_part_of_a_country_alone_is_not_enough(conn):
    # the same report without the town: a region is only compatible, nothing else ties them
    crossdoc.update(conn, [_town(), _part("q", TEXT_PART_ALONE, None)])
    assert len(list_merged(conn)) == 2
