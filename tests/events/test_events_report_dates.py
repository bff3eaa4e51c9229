"""An asserted event whose text gives no date is dated by the report (issue 13: on
real articles the gold dates such events by the paper, the day before publication
or that day). Every sentence here was written for these tests."""

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
