"""Where an event happened when the text locates one place by another (issue 13:
the most specific place; a side of a town or a container only locates it). Every
sentence here was written for these tests."""

from __future__ import annotations

import pytest

from rasid.model import Document
from rasid.pipeline import Pipeline

PUB = "2015-08-04"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


def _events(pipe: Pipeline, text: str) -> list[tuple[str, str | None]]:
    doc = pipe(Document(id="t", text=text, published=PUB))
    names = {e.id: e.name for e in doc.entities}
    return [(e.type, names.get(e.place) if e.place else None) for e in doc.events]


@pytest.mark.parametrize("text,etype,place", [
    # a direction before the capital's name locates the district named first
    ("وفي مديرية أرحب شمال العاصمة صنعاء، اندلعت اشتباكات عنيفة بين مسلحي القبائل والحوثيين.", "ASSAULT", "Arhab"),
    # a district after مديرية, inside its governorate
    ("قتل خمسة مسلحين في غارة على مزرعة في مديرية الدريهمي بمحافظة الحديدة.", "ASSAULT", "Ad Durayhimi"),
    ("واندلعت معارك عنيفة في مديرية بيحان بمحافظة شبوة بين الجيش والحوثيين.", "ASSAULT", "Bayhan"),
    # a spelling with a final hamza
    ("وشن طيران التحالف غارات على معسكر للمتمردين في مدينة المخاء.", "ASSAULT", "Mocha"),
    # "X بمدينة Y": a reading of X in another country is not the place meant
    ("وشن طيران التحالف غارات على أهداف في همدان بمدينة الحزم.", "ASSAULT", "Al Hazm"),
])
def test_located_place(pipe: Pipeline, text: str, etype: str, place: str) -> None:
    got = _events(pipe, text)
    assert (etype, place) in got, got


def test_inherited_place_is_not_the_side_that_locates_it(pipe: Pipeline) -> None:
    """A sentence with no place of its own takes the previous one's, the province,
    not the side of the capital that only says where the province lies."""
    text = ("وفي محافظة إب بجنوب صنعاء تتواصل المواجهات بين الطرفين. "
            "وأكد مصدر محلي أن المقاومة سيطرت على مواقع للحوثيين.")
    got = _events(pipe, text)
    assert ("ASSAULT", "Ibb Governorate") in got and ("ASSAULT", "south of Sanaa") not in got, got
