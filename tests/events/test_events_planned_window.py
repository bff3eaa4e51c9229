""""من المقرر أن" governs its whole complement clause: a meeting told ten words on
is still planned, and its bare weekday is the next one (issue 13). Every sentence
here was written for these tests."""

from __future__ import annotations

from rasid.model import Document
from rasid.pipeline import Pipeline


def test_planned_far_in_its_clause() -> None:
    text = "ومن المقرر أن يبحث وزير الخارجية الوضع في اليمن والحرب على تنظيم داعش مع نظيره الفرنسي في باريس يوم الخميس."
    doc = Pipeline.default()(Document(id="t", text=text, published="2015-08-04"))
    (ev,) = [e for e in doc.events if e.type == "CONSULT"]
    assert ev.modality == "planned"
    assert ev.time == {"value_start": "2015-08-06", "value_end": "2015-08-06"}
