"""Issue 13, precision audit on fresh real text: phrasings in which a trigger word tells
no happening of its type (sentences written for the tests)."""

from __future__ import annotations

import pytest
from ev_helpers import Analyzed


@pytest.mark.parametrize(
    "text,typ",
    [
        # تمركز naming where forces are: the target of an attack, no deployment
        ("وشن الطيران أمس غارات على مواقع تمركز المسلحين شمال المدينة.", "MOBILIZE"),
        ("واستهدفت القذائف منطقة تمركز للقوات قرب الحدود.", "MOBILIZE"),
        # دفع as a boost
        ("ومن شأن استعادة المطار أن تشكل دفعا قويا للحكومة في العاصمة.", "MOBILIZE"),
        # consequence: "مما دفع" tells what prompted a party
        ("وسيطرت القوات على البلدة مما دفع العشرات من المسلحين إلى الفرار.", "MOBILIZE"),
        # a telegram sent
        ("وأرسل الرئيس برقية تعزية إلى أسرة الضابط القتيل.", "MOBILIZE"),
        # a plane received at an airport, a ship at a port
        ("واستقبل مطار المدينة أمس ثاني طائرة شحن تحمل مساعدات.", "CONSULT"),
        # a visit or a truce called for
        ("ودعا الرئيس المبعوث الأممي إلى زيارة المدينة في أقرب وقت.", "CONSULT"),
        ("وجدد المبعوث الأممي دعوته لوقف إطلاق النار في البلاد.", "AGREE"),
        # an attack in words
        ("وانتقد الوزير التصريحات التي هاجم فيها النائب حكومة البلاد.", "ASSAULT"),
        # a danger, not a threat made
        ("وقال إن هذه التصريحات تهدد بشكل مباشر أمن المنطقة.", "THREATEN"),
    ],
)
def test_no_event_of_type(analyzed: Analyzed, text: str, typ: str) -> None:
    doc, _ = analyzed(text)
    types = [e.type for e in doc.events]
    assert typ not in types, (text, types)


@pytest.mark.parametrize(
    "text,typ",
    [
        # controls: the same words telling a happening
        ("وتمركزت القوات أمس في محيط المطار بعد وصولها من العاصمة.", "MOBILIZE"),
        ("ودفع الجيش بتعزيزات عسكرية إلى الحدود أمس.", "MOBILIZE"),
        ("واستقبل الوزير أمس نظيره التركي في مكتبه بالعاصمة.", "CONSULT"),
        ("وهاجم مسلحون حاجزا للشرطة في المدينة أمس.", "ASSAULT"),
        ("وانتقد النائب الحكومة داعيا خلال زيارته العاصمة أمس إلى الحوار.", "CONSULT"),
    ],
)
def test_event_kept(analyzed: Analyzed, text: str, typ: str) -> None:
    doc, _ = analyzed(text)
    types = [e.type for e in doc.events]
    assert typ in types, (text, types)
