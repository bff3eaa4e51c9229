"""Phrasings added with the tune-gold events work (sentences written for the tests)."""

from __future__ import annotations

import pytest
from ev_helpers import make_doc

from rasid.events import extract


def events(text: str, **kw):
    return extract(make_doc(text, **kw))


def types(text: str, **kw):
    return [(e.type, e.modality) for e in events(text, **kw)]


@pytest.mark.parametrize(
    "text,typ",
    [
        ("ونصبت القوات الأمنية حواجز تفتيش عند مداخل البلدة.", "COERCE"),
        ("استقبل الرئيس وفداً من البرلمان في القصر.", "CONSULT"),
        ("بحث الوزير مع نظيره التركي ملف الحدود.", "CONSULT"),
        ("وبحث الجانبان خلال الاجتماع سبل التعاون.", "CONSULT"),
        ("غادر رتل من الآليات العسكرية البلدة صباحاً.", "RETREAT"),
        ("واتهمت الوزارة جهات خارجية بالوقوف وراء الهجوم، متوعدة بالرد.", "THREATEN"),
        ("حذرت الفصائل من أنها ستستهدف القواعد الأجنبية.", "THREATEN"),
        ("ورفضت الوزارة في بيان الاتهامات الموجهة إليها.", "REJECT"),
        ("وتوصل الطرفان إلى اتفاق لتبادل الأسرى.", "AGREE"),
        ("ونفذت القوات إنزالاً جوياً قرب القرية.", "COERCE"),
        ("وسقط عشرات القتلى جراء القصف على البلدة.", "ASSAULT"),
    ],
)
def test_phrasings(text: str, typ: str) -> None:
    assert typ in [t for t, _ in types(text)]


def test_refusing_to_be_named_is_no_rejection() -> None:
    assert "REJECT" not in [t for t, _ in types("وقال مسؤول رفض الكشف عن اسمه إن الوضع هادئ.")]


def test_demanded_withdrawal_is_no_withdrawal() -> None:
    assert "RETREAT" not in [t for t, _ in types("وسلمت الوزارة مذكرة احتجاج مطالبة بسحب القوات الأجنبية.")]


def test_checkpoints_and_curfew_are_two_events() -> None:
    evs = events("ونصبت القوات الأمنية حواجز تفتيش جديدة، وفرضت حظراً للتجوال في القرى.")
    assert sum(e.type == "COERCE" for e in evs) == 2


def test_warning_and_its_threat_are_one_event() -> None:
    evs = events("وحذرت الفصائل من أنها سترد على أي هجوم.")
    assert sum(e.type == "THREATEN" for e in evs) == 1


def test_planned_cue_before_inserted_attribution() -> None:
    assert ("CONSULT", "planned") in types("وتعتزم الحكومة، وفق صحيفة محلية، إرسال وفد إلى العاصمة.")


def test_ready_to_train_is_planned_aid() -> None:
    assert ("AID", "planned") in types("وأعلن الوزير أن بلاده مستعدة لتدريب عناصر الجيش الجديد.")


def test_force_word_after_subject_and_time() -> None:
    evs = events("دفعت قيادة العمليات المشتركة، أمس الجمعة، بتعزيزات عسكرية إلى الحدود.")
    mob = [e for e in evs if e.type == "MOBILIZE"]
    assert len(mob) == 1
    assert any(s.start == 0 for s in mob[0].evidence)


def test_backer_place_is_no_event_place() -> None:
    text = "وتدور معارك بين القوات الكردية وفصائل مدعومة من حلب منذ أسابيع."
    evs = events(text, places={"حلب": "Aleppo"})
    assert [e.place for e in evs if e.type == "ASSAULT"] == [None]


def test_restated_finer_place() -> None:
    text = "وقتل مدنيان في انفجار عبوة ناسفة في سوريا، في مدينة حمص."
    evs = events(text, places={"سوريا": "Syria", "حمص": "Homs"})
    doc_place = {e.place for e in evs if e.type == "ASSAULT"}
    assert len(doc_place) == 1 and doc_place.pop() is not None
