"""A noun quantified by أي after a negated verb of its clause names no happening
(issue 13: an event on the map that did not happen). Every sentence here was
written for these tests."""

from __future__ import annotations

import pytest

from rasid.model import Document
from rasid.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


def _events(pipe: Pipeline, text: str) -> list[tuple[str, str, str]]:
    doc = pipe(Document(id="t", text=text, published="2015-08-04"))
    return [(e.type, e.trigger.text, e.modality) for e in doc.events]


@pytest.mark.parametrize("text,expected", [
    # negated verb, its subject, أي + the trigger noun: no event
    ("لم تشن الطائرات أي غارة على مدينة الرقة.", []),
    ("أكد المتحدث أن القوات الخاصة لم تنفذ أية عملية إنزال في الميناء.", []),
    ("لم تشهد المدينة أي اشتباكات منذ أسبوع.", []),
    # the negated verb is the report's, not the attack's: the attack stays
    ("لم يعلن أحد مسؤوليته عن الهجوم الذي استهدف الحافلة أمس.", [("ASSAULT", "الهجوم", "asserted")]),
    # أي with no negation before it is no negation
    ("قالت مصادر محلية إن الطائرات شنت غارة على أي تجمع للمسلحين قرب الرقة.", [("ASSAULT", "غارة", "asserted")]),
    # a denial stays a denial
    ("نفى الجيش أن تكون طائراته شنت أي غارة على القرية.", [("ASSAULT", "غارة", "denied")]),
])
def test_negated_any(pipe: Pipeline, text: str, expected: list) -> None:
    assert _events(pipe, text) == expected
