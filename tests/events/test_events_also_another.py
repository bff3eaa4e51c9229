"""Merging within an article (issue 13: one event per happening, without merging
two). A clause opening with "كما" ("also") a few words before its trigger tells
another happening; a verb right after another verb's indefinite object describes
that object's happening. Every sentence here was written for these tests."""

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


@pytest.mark.parametrize("text,actor", [
    # a verb right after the first verb's indefinite object describes it: one happening,
    # the first verb's actor (the noun after the second verb is its object)
    ("شنت الشرطة التركية حملات استهدفت عناصر حزب العمال الكردستاني في العاصمة أنقرة.", "Turkish security forces"),
])
def test_verb_describing_the_object(pipe: Pipeline, text: str, actor: str) -> None:
    doc = pipe(Document(id="t", text=text, published="2015-08-04"))
    names = {e.id: e.name for e in doc.entities}
    assert [names.get(e.actor) for e in doc.events if e.type == "ASSAULT"] == [actor]
