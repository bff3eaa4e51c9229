"""Place and date of events (issue 13 item 3, session 24: output events with the right
type and evidence but the wrong place or date). Every sentence here was written for
these tests."""

from __future__ import annotations

import pytest

from ev_helpers import Analyzed, type_place_date

@pytest.mark.parametrize("text,etype,place", [
    # the country of a post ("وزير ... في اليمن") is no venue; the country adjective
    # of "العاصمة السعودية الرياض" only qualifies the city
    ("وقال المبعوث إنه التقى أمس بوزير الخارجية في اليمن في العاصمة السعودية الرياض.", "CONSULT", "Riyadh"),
    ("اجتمع الوزير اليوم مع سفير روسيا في لبنان في العاصمة الأردنية عمان.", "CONSULT", "Amman"),
])
def test_office_country_is_no_venue(analyzed: Analyzed, text: str, etype: str, place: str) -> None:
    evs = [e for e in type_place_date(analyzed, text) if e[0] == etype]
    assert evs and evs[0][1] == place, type_place_date(analyzed, text)


@pytest.mark.parametrize("text,etype,place", [
    # a bare definite place noun stands for the place last named with the same noun
    ("وصلت إلى محافظة ذمار أمس جثث مقاتلين. وكانوا قتلوا في قاعدة العند الجوية، ما أثار غضبا واسعا في المحافظة، حيث هاجم الأهالي مقرا للمسلحين.",
     "ASSAULT", "Dhamar Governorate"),
    ("سيطر المسلحون على بلدة اليادودة قرب مدينة درعا أمس، ثم قصف الطيران مواقع في البلدة.", "ASSAULT", "Al-Yadudah"),
])
def test_bare_place_noun_is_the_last_named(analyzed: Analyzed, text: str, etype: str, place: str) -> None:
    evs = [e for e in type_place_date(analyzed, text) if e[0] == etype]
    assert evs and evs[-1][1] == place, type_place_date(analyzed, text)


@pytest.mark.parametrize("text,etype,place", [
    # the places of a "الواقعة ..." phrase only situate the place before it
    ("دارت معارك عنيفة أمس في منطقة كرش، الواقعة على الحدود بين محافظتي تعز ولحج، وانسحب المسلحون تجاه تعز.", "RETREAT", "Karish"),
    ("وفي بلدة الهامة الواقعة في ريف العاصمة دمشق قصفت قوات النظام أمس عشرات المنازل.", "ASSAULT", "Al-Hameh"),
])
def test_situating_phrase_is_no_place(analyzed: Analyzed, text: str, etype: str, place: str) -> None:
    evs = [e for e in type_place_date(analyzed, text) if e[0] == etype]
    assert evs and evs[0][1] == place, type_place_date(analyzed, text)


def test_target_place_after_on_is_the_attacks(analyzed: Analyzed) -> None:
    # "على القوات ... بالكويت": the place of the party attacked is where the attack fell
    text = "في عام 1991 شنت قوات التحالف هجوما على القوات العراقية بالكويت والأراضي العراقية."
    evs = [e for e in type_place_date(analyzed, text) if e[0] == "ASSAULT"]
    assert evs and evs[0][1] == "Kuwait", type_place_date(analyzed, text)


def test_attack_launched_from_is_origin(analyzed: Analyzed) -> None:
    # "هجوم شنته من عدن": where the attack was launched from, not where it fell
    text = "وقالت المصادر إنه إثر هجوم شنته من عدن وبدعم من الطيران، تمكنت القوات أمس من دخول زنجبار."
    evs = [e for e in type_place_date(analyzed, text) if e[0] == "ASSAULT"]
    assert evs and evs[0][1] == "Zinjibar", type_place_date(analyzed, text)
