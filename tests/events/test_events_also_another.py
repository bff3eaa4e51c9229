"""A clause opening with "كما" ("also") a few words before its trigger tells another
happening, not the one before it again (issue 13: one event per happening, without
merging two). Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from rasid.model import Document
from rasid.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


@pytest.mark.parametrize("text,n", [
    # "كما" + verb (+ subject, a number word) + trigger: two happenings
    ("قصفت الطائرات مواقع للمسلحين في مدينة الرقة أمس. كما شنت المقاتلات عدة غارات جوية على مواقع قرب المدينة.", 2),
    # the same report told on with و: one happening
    ("قصفت الطائرات مواقع للمسلحين في مدينة الرقة أمس. وشنت المقاتلات عدة غارات جوية على مواقع قرب المدينة.", 1),
])
def test_also_tells_another(pipe: Pipeline, text: str, n: int) -> None:
    doc = pipe(Document(id="t", text=text, published="2015-08-04"))
    assert len([e for e in doc.events if e.type == "ASSAULT"]) == n
