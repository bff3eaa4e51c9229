"""Dates and places an event takes from its report (issue 13). An asserted event
whose text gives no date is dated by the report (on real articles the gold dates
such events by the paper, the day before publication or that day); an event whose
sentence names no place is placed at the article's last place before it. Every
sentence here was written for these tests."""

from __future__ import annotations

import pytest

from rasid.model import Document
from rasid.pipeline import Pipeline

PUB = "2015-08-04"  # a Tuesday
REPORT = {"value_start": "2015-08-03", "value_end": "2015-08-04"}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


@pytest.mark.parametrize("text,etype,time,inferred", [
    # no date told: the report's, marked inferred
    ("قتل جنديان في هجوم مسلح على حاجز للشرطة قرب مدينة الموصل.", "ASSAULT", REPORT, True),
    # a told date stays, not inferred
    ("قصفت الطائرات مواقع للمسلحين في ريف إدلب يوم الأحد.", "ASSAULT",
     {"value_start": "2015-08-02", "value_end": "2015-08-02"}, False),
    # a plan or a denial is not dated by the report
    ("من المقرر أن يلتقي وزير الخارجية الأمريكي نظيره الفرنسي في باريس.", "CONSULT", None, False),
    ("نفى الجيش أن تكون طائراته قد قصفت قرية في ريف حماة.", "ASSAULT", None, False),
])
def test_report_date(pipe: Pipeline, text: str, etype: str, time: dict | None, inferred: bool) -> None:
    doc = pipe(Document(id="t", text=text, published=PUB))
    (ev,) = [e for e in doc.events if e.type == etype]
    assert ev.time == time
    assert bool(ev.attrs.get("time_inferred")) is inferred


def test_no_publication_no_date(pipe: Pipeline) -> None:
    doc = pipe(Document(id="t", text="قتل جنديان في هجوم مسلح على حاجز للشرطة قرب مدينة الموصل."))
    assert [e.time for e in doc.events] == [None]


def _placed(pipe: Pipeline, text: str) -> list[tuple[str, str | None, bool]]:
    doc = pipe(Document(id="t", text=text, published=PUB))
    names = {e.id: e.name for e in doc.entities}
    return [(e.type, names.get(e.place) if e.place else None, bool(e.attrs.get("place_inferred"))) for e in doc.events]


@pytest.mark.parametrize("text,expected", [
    # no place in the sentence: the article's last place before it, marked inferred
    ("تشهد محافظة أبين توترا أمنيا منذ أسابيع. قالت مصادر محلية إن مسلحين هاجموا دورية للشرطة.",
     [("ASSAULT", "Abyan Governorate", True)]),
    # a place of its own sentence is no inference
    ("تشهد محافظة أبين توترا أمنيا منذ أسابيع. قالت مصادر محلية إن مسلحين هاجموا دورية للشرطة في مدينة عدن.",
     [("ASSAULT", "Aden", False)]),
    # nothing named before it: unplaced
    ("قالت مصادر محلية إن مسلحين هاجموا دورية للشرطة. وتشهد المنطقة توترا أمنيا.",
     [("ASSAULT", None, False)]),
])
def test_report_place(pipe: Pipeline, text: str, expected: list) -> None:
    assert _placed(pipe, text) == expected


def test_publication_at_the_calendar_start(pipe: Pipeline) -> None:
    doc = pipe(Document(id="t", text="قتل جنديان في هجوم مسلح على حاجز للشرطة قرب مدينة الموصل.", published="0001-01-01"))
    assert not doc.meta.get("failed_stages")
    assert [e.time for e in doc.events] == [None]
