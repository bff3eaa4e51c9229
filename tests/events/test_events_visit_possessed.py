"""An attack's place is not where an official travels, and a possessed attack noun
with no possessor in its clause points back to the campaign just told (issue 13 item
3, event arguments). Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from ev_helpers import Analyzed, make_doc, type_place_date
from rasid.events import extract


def test_positive_control_attack_with_visit() -> None:
    # the whole stage on a hand-built document: the attack comes out at its own place
    text = "وقال الوزير خلال زيارته إلى أربيل إن الطائرات قصفت مواقع المسلحين في الموصل أمس."
    evs = [e for e in extract(make_doc(text, places={"أربيل": "Kurdistan Region", "الموصل": "Mosul"})) if e.type == "ASSAULT"]
    assert evs and evs[0].place == "place-2"


@pytest.mark.parametrize("text,wrong", [
    # the city of a visit told in the attack's sentence is not the attack's place
    ("وطالب مسؤول كردي الحكومة بوقف غاراتها الجوية على المتمردين داعيا خلال زيارته واشنطن إلى الحوار.", "Washington"),
    ("وقال الوزير أثناء زيارة لباريس إن طائرات النظام قصفت القرى الشمالية أمس.", "Paris"),
    ("وقال الرئيس لدى وصوله إلى موسكو إن مسلحين هاجموا حاجزا للشرطة أمس.", "Moscow"),
])
def test_visit_city_is_not_the_attacks_place(analyzed: Analyzed, text: str, wrong: str) -> None:
    evs = [e for e in type_place_date(analyzed, text) if e[0] == "ASSAULT"]
    assert evs and evs[0][1] != wrong, type_place_date(analyzed, text)


def test_visit_city_gives_way_to_the_named_place(analyzed: Analyzed) -> None:
    text = "وقال الوزير خلال زيارته إلى أنقرة إن الطائرات قصفت مواقع المسلحين في الموصل أمس."
    evs = [e for e in type_place_date(analyzed, text) if e[0] == "ASSAULT"]
    assert evs and evs[0][1] == "Mosul", type_place_date(analyzed, text)


def test_meeting_keeps_the_visit_city(analyzed: Analyzed) -> None:
    # the visit itself does happen there
    text = "وبحث الوزير خلال زيارته إلى أنقرة مع نظيره التركي الأوضاع الأمنية."
    doc, names = analyzed(text)
    assert any(names.get(e.place or "") == "Ankara" for e in doc.events if e.type == "CONSULT"), \
        [(e.type, names.get(e.place or "")) for e in doc.events]


@pytest.mark.parametrize("text,trigger,actor", [
    # no possessor in its clause: the actor of the attack told just before, not its target
    ("وبدأ تنظيم داعش قبل ثلاثة أيام هجوما على مدينة بيجي، وكثف صباح أمس من هجماته على الحي الشمالي.",
     "هجماته", "ISIS"),
])
def test_possessed_attack_takes_the_campaigns_actor(analyzed: Analyzed, text: str, trigger: str, actor: str) -> None:
    doc, names = analyzed(text)
    got = [(e.trigger.text, names.get(e.actor or "")) for e in doc.events if e.type == "ASSAULT"]
    assert (trigger, actor) in got, got
