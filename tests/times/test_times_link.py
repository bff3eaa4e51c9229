"""Linking a span (an event trigger) to its time expression."""

from __future__ import annotations

import pytest

from rasid.model.document import Document
from rasid.times import annotate
from rasid.times.link import time_for


def _doc(text: str) -> Document:
    doc = Document(id="l", text=text, published="2023-08-25")
    annotate(doc)
    return doc


@pytest.fixture(autouse=True, scope="module")
def _positive_control() -> None:
    """The times stage must find a date in a control sentence first (issue 16)."""
    doc = Document(id="control", text="وقع الهجوم في 20 أغسطس على الحدود.", published="2023-08-25")
    annotate(doc)
    assert [t.value_start for t in doc.times] == ["2023-08-20"]


def test_nearest_time_in_the_same_sentence() -> None:
    doc = _doc("قصفت الطائرات أمس مواقع التنظيم، بعد أن هاجم مسلحون الحاجز الاثنين. وصل الوفد دمشق.")
    qasf = doc.text.index("قصفت")
    hajam = doc.text.index("هاجم")
    wasal = doc.text.index("وصل")
    assert time_for(doc, qasf, qasf + 4).text == "أمس"
    assert time_for(doc, hajam, hajam + 4).text == "الاثنين"
    assert time_for(doc, wasal, wasal + 3) is None


def test_unresolved_times_are_skipped() -> None:
    doc = Document(id="l2", text="قصفت الطائرات أمس مواقع التنظيم.", published=None)
    annotate(doc)
    assert time_for(doc, 0, 4) is None
