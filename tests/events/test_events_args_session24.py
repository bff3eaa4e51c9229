"""Place and date of events (issue 13 item 3, session 24: output events with the right
type and evidence but the wrong place or date). Every sentence here was written for
these tests."""

from __future__ import annotations

import pytest

from rasid.model import Document
from rasid.pipeline import Pipeline

PUB = "2015-08-04"  # a Tuesday


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


def _events(pipe: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = pipe(Document(id="t", text=text, published=PUB))
    names = {e.id: e.name for e in doc.entities}
    return [(e.type, names.get(e.place) if e.place else None, (e.time or {}).get("value_start")) for e in doc.events]


@pytest.mark.parametrize("text,etype,place", [
    # the country of a post ("وزير ... في اليمن") is no venue; the country adjective
    # of "العاصمة السعودية الرياض" only qualifies the city
    ("وقال المبعوث إنه التقى أمس بوزير الخارجية في اليمن في العاصمة السعودية الرياض.", "CONSULT", "Riyadh"),
    ("اجتمع الوزير اليوم مع سفير روسيا في لبنان في العاصمة الأردنية عمان.", "CONSULT", "Amman"),
])
def test_office_country_is_no_venue(pipe: Pipeline, text: str, etype: str, place: str) -> None:
    evs = [e for e in _events(pipe, text) if e[0] == etype]
    assert evs and evs[0][1] == place, _events(pipe, text)


@pytest.mark.parametrize("text,etype,place", [
    # a bare definite place noun stands for the place last named with the same noun
    ("وصلت إلى محافظة ذمار أمس جثث مقاتلين. وكانوا قتلوا في قاعدة العند الجوية، ما أثار غضبا واسعا في المحافظة، حيث هاجم الأهالي مقرا للمسلحين.",
     "ASSAULT", "Dhamar Governorate"),
    ("سيطر المسلحون على بلدة اليادودة قرب مدينة درعا أمس، ثم قصف الطيران مواقع في البلدة.", "ASSAULT", "Al-Yadudah"),
])
def test_bare_place_noun_is_the_last_named(pipe: Pipeline, text: str, etype: str, place: str) -> None:
    evs = [e for e in _events(pipe, text) if e[0] == etype]
    assert evs and evs[-1][1] == place, _events(pipe, text)


@pytest.mark.parametrize("text,etype,place", [
    # the places of a "الواقعة ..." phrase only situate the place before it
    ("دارت معارك عنيفة أمس في منطقة كرش، الواقعة على الحدود بين محافظتي تعز ولحج، وانسحب المسلحون تجاه تعز.", "RETREAT", "Karish"),
    ("وفي بلدة الهامة الواقعة في ريف العاصمة دمشق قصفت قوات النظام أمس عشرات المنازل.", "ASSAULT", "Al-Hameh"),
])
def test_situating_phrase_is_no_place(pipe: Pipeline, text: str, etype: str, place: str) -> None:
    evs = [e for e in _events(pipe, text) if e[0] == etype]
    assert evs and evs[0][1] == place, _events(pipe, text)


def test_target_place_after_on_is_the_attacks(pipe: Pipeline) -> None:
    # "على القوات ... بالكويت": the place of the party attacked is where the attack fell
    text = "في عام 1991 شنت قوات التحالف هجوما على القوات العراقية بالكويت والأراضي العراقية."
    evs = [e for e in _events(pipe, text) if e[0] == "ASSAULT"]
    assert evs and evs[0][1] == "Kuwait", _events(pipe, text)


def test_attack_launched_from_is_origin(pipe: Pipeline) -> None:
    # "هجوم شنته من عدن": where the attack was launched from, not where it fell
    text = "وقالت المصادر إنه إثر هجوم شنته من عدن وبدعم من الطيران، تمكنت القوات أمس من دخول زنجبار."
    evs = [e for e in _events(pipe, text) if e[0] == "ASSAULT"]
    assert evs and evs[0][1] == "Zinjibar", _events(pipe, text)
