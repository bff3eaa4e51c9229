"""Issue 13 item 1: families of GSR "easy no" false alarms, each with a rule
(sentences written for the tests): figurative objects of attack words, a past
happening looked back to, weapons owned or defused, plots and warnings
(planned), what can be done (speculated), "did not happen" (negated), and a
protest lodged in words."""

from __future__ import annotations

import importlib

import pytest
from ev_helpers import make_doc

from rasid.events import extract

d = importlib.import_module("rasid.events.detect")


def _rejected(text: str, trigger: str) -> str | None:
    doc = make_doc(text)
    found = [c for c in d.candidates(doc) if doc.text[c.hit.start:c.hit.end] == trigger]
    assert found, f"no candidate {trigger!r} in {text!r}"
    return d.rejected_by(found[0])


@pytest.mark.parametrize(
    "text,trigger,rule",
    [
        # an attack word with a non-physical object
        ("واعتبر المعلقون الحكم ضربة موجعة لهيبة الرئيس", "ضربة", "reject_abstract_target"),
        ("ورد المرشح على الهجوم الذي استهدف سجله في البرلمان", "الهجوم", "reject_abstract_target"),
        ("وخطفت السيارة الكهربائية أنظار الزوار في المعرض", "وخطفت", "reject_abstract_target"),
        # a past happening looked back to
        ("وأحيا أنصاره الذكرى العاشرة لاغتيال الزعيم في ساحة المدينة", "لاغتيال", "reject_bygone"),
        ("ولم يزر أي وزير المدينة منذ اغتيال المحافظ", "اغتيال", "reject_bygone"),
        ("وأجلت المحكمة النظر في قضية اغتيال الصحافي", "اغتيال", "reject_bygone"),
        # weapons owned, made or defused
        ("وتمتلك الدولة صواريخ بعيدة المدى", "صواريخ", "reject_weapon_object"),
        ("وفككت وحدة الهندسة سيارة مفخخة قرب الجسر", "سيارة مفخخة", "reject_weapon_object"),
    ],
)
def test_rejected(text: str, trigger: str, rule: str) -> None:
    assert _rejected(text, trigger) == rule


@pytest.mark.parametrize(
    "text,trigger",
    [
        # controls: a physical target, a report, a weapon used
        ("وأسفرت الضربة الجوية على مستودع الذخيرة عن تدميره", "الضربة الجوية"),
        ("وخطف مسلحون سائق الشاحنة على الطريق الصحراوي", "وخطف"),
        ("وانفجرت سيارة مفخخة قرب الجسر صباح اليوم", "سيارة مفخخة"),
    ],
)
def test_not_rejected(text: str, trigger: str) -> None:
    assert _rejected(text, trigger) is None


@pytest.mark.parametrize(
    "text,modality",
    [
        ("وكشفت الشرطة عن مخطط لاغتيال الوزير خلال زيارته للمدينة.", "planned"),
        ("وقال الضابط إن الحراسة المشددة ساهمت في عدم حدوث هجوم على المطار.", "negated"),
        ("وفي رسالته الثانية طلب تنفيذ ضربات جوية على مواقع المتمردين.", "planned"),
        ("وقال الخبير إن المسلحين يمكنهم إطلاق النار على الدوريات من التلال.", "speculated"),
    ],
)
def test_modality(text: str, modality: str) -> None:
    evs = [e for e in extract(make_doc(text)) if e.type == "ASSAULT"]
    assert evs, text
    assert {e.modality for e in evs} == {modality}


@pytest.mark.parametrize(
    "text",
    [
        "وقالت الوزارة إنها ستقدم احتجاجا رسميا إلى سفير الدولة الجارة.",
        "وسلمت الخارجية القائم بالأعمال مذكرة احتجاج على التصريحات.",
        "والتحليلات تجمع على أن الانتخابات ستؤجل.",
    ],
)
def test_protest_in_words_is_no_demonstration(text: str) -> None:
    assert not [e for e in extract(make_doc(text)) if e.type == "PROTEST"]


def test_demonstration_control() -> None:
    evs = extract(make_doc("وتجمع مئات المتظاهرين أمام مقر الحكومة للمطالبة برحيلها."))
    assert [e for e in evs if e.type == "PROTEST"]


def test_bygone_kept_when_dated() -> None:
    # a past happening the sentence dates is kept with its date (issue 13 item 1)
    text = "وتراجعت السياحة منذ تفجير الفندق في آذار 2019"
    doc = make_doc(text, times={"آذار 2019": ("2019-03-01", "2019-03-31")})
    (c,) = [c for c in d.candidates(doc) if doc.text[c.hit.start:c.hit.end] == "تفجير"]
    assert not d.reject_bygone(c)
    assert _rejected("وتراجعت السياحة منذ تفجير الفندق", "تفجير") == "reject_bygone"
