"""Issue 16 item 3: each rule of :mod:`rasid.events.detect` tested alone.

Every reject rule of ``REJECT_RULES`` is a predicate on one candidate; each test
gives a sentence the rule matches and a control sentence it does not match
(the control is found as a candidate first, so a dead stage fails here)."""

from __future__ import annotations

import importlib

import pytest
from ev_helpers import make_doc

d = importlib.import_module("rasid.events.detect")  # the package re-exports the function detect


def _candidate(text: str, trigger: str) -> d.Candidate:
    doc = make_doc(text)
    found = [c for c in d.candidates(doc) if doc.text[c.hit.start:c.hit.end] == trigger]
    assert found, f"no candidate {trigger!r} in {text!r}: {[doc.text[c.hit.start:c.hit.end] for c in d.candidates(doc)]}"
    return found[0]


CASES = [
    # rule, (text, trigger) it matches, (text, trigger) it does not match
    (d.reject_any, ("رفضت الحكومة أي هجوم على المدينة", "هجوم"), ("لم تنفذ القوات أي هجوم على المدينة", "هجوم")),
    (d.reject_unreal, ("تملك الجماعة القدرة على تنفيذ هجوم", "هجوم"), ("نفذت الجماعة هجوم على الحاجز", "هجوم")),
    (d.reject_permit, ("وافق البرلمان على السماح للجيش بقصف المواقع", "بقصف"), ("بدأ الجيش بقصف المواقع", "بقصف")),
    (d.reject_weapon_object, ("ضبطت الشرطة قنابل في منزل", "قنابل"), ("انفجرت قنابل في السوق", "قنابل")),
    (d.reject_abstract_target, ("وصف النائب القرار بأنه ضربة قاسية لمصداقية الحكومة", "ضربة"),
     ("وجهت الطائرات ضربة قاسية لمواقع المسلحين", "ضربة")),
    (d.reject_bygone, ("تراجعت السياحة منذ تفجير الفندق", "تفجير"), ("أعلن الجيش تفجير الفندق", "تفجير")),
    (d.reject_history, ("انتشار القوات في المدينة في عهد الرئيس السابق", "انتشار"), ("انتشار القوات في المدينة", "انتشار")),
    (d.reject_publish, ("نشرت القوات بيانا حول الوضع", "نشرت"), ("نشرت القوات دبابات على الحدود", "نشرت")),
    (d.reject_report, ("ونقلت الوكالة عن مصدر أمني", "ونقلت"), ("ونقلت القوات الجنود إلى القاعدة", "ونقلت")),
    (d.reject_purpose, ("توجهت القوات لاستهداف المركبات", "لاستهداف"), ("أعلنت القوات استهداف المركبات", "استهداف")),
    (d.reject_relative_clause, ("الهجمات التي استهدفت المدينة", "استهدفت"), ("استهدفت القوات المدينة", "استهدفت")),
    (d.reject_state_threat, ("الوضع يهدد حياة السكان", "يهدد"), ("الجماعة تهدد بقصف المدينة", "تهدد")),
    (d.reject_payment, ("دفعت الحكومة رواتب الجنود", "دفعت"), ("دفعت القوات بتعزيزات إلى المدينة", "دفعت")),
    (d.reject_state_threat, ("وتهدد هذه السياسة بشكل مباشر أمن المنطقة", "وتهدد"),
     ("وتهدد الجماعة بقصف المدينة", "وتهدد")),
    (d.reject_prompted, ("تقدم المسلحون مما دفع القوات إلى التراجع", "دفع"),
     ("دفع الجيش بقوات إلى الحدود", "دفع")),
    (d.reject_verbal_attack, ("انتقد الوزير التصريحات التي هاجم فيها النائب الحكومة", "هاجم"),
     ("قال المتحدث في تصريحات إن مسلحا هاجم حاجزا للجيش", "هاجم")),
    (d.reject_verbal_attack, ("نشر الكاتب مقالا في صحيفة محلية هاجم فيه الوزير", "هاجم"),
     ("هاجم مسلحون حاجزا للشرطة في المدينة", "هاجم")),
    (d.reject_source_line, ("رابط الخبر بصحيفة المدينة: مقتل جنديين في هجوم على حاجز", "هجوم"),
     ("مقتل جنديين في هجوم على حاجز للشرطة", "هجوم")),
    # the line kept after the body's last sentence, the headline cut at its own ".."
    (d.reject_source_line, ("ودعا الوزير إلى التهدئة. رابط الخبر بصحيفة المدينة: العراق .. هدوء في بغداد واشتباكات في الشمال",
                            "واشتباكات"),
     ("ودعا الوزير إلى التهدئة. وقال مصدر أمني: العراق .. هدوء في بغداد واشتباكات في الشمال", "واشتباكات")),
    (d.reject_abstract_target, ("وقال إن التمرد يشكل اعتداء على حق الشعب", "اعتداء"),
     ("نفذ المسلحون اعتداء على مركز الشرطة", "اعتداء")),
    (d.reject_called_for, ("جدد المبعوث دعوته لوقف إطلاق النار في المدينة", "لوقف إطلاق النار"),
     ("أعلن الجيش وقف إطلاق النار في المدينة", "وقف إطلاق النار")),
    (d.reject_called_for, ("دعا الرئيس الوزير الأول، رئيس الحكومة السابق، إلى زيارة المدينة", "زيارة"),
     ("انتقد النائب الحكومة داعيا خلال زيارته العاصمة إلى الحوار", "زيارته")),
    (d.reject_received_thing, ("واستقبل المطار أمس طائرة شحن عسكرية", "واستقبل"),
     ("واستقبل الوزير أمس نظيره في مكتبه", "واستقبل")),
    (d.reject_received_thing, ("وكان الميناء قد استقبل سفينة تحمل المساعدات", "استقبل"),
     ("وكان الأمير قد استقبل السفير في مكتبه", "استقبل")),
    (d.reject_message_sent, ("أرسل الرئيس برقية تعزية إلى أسرة القتيل", "أرسل"),
     ("أرسل الجيش قوات إلى المدينة", "أرسل")),
    (d.reject_press_call, ("وقال الوزير في اتصال هاتفي بـ«الصحيفة» إن الوضع هادئ", "اتصال هاتفي"),
     ("وبحث الوزير في اتصال هاتفي بنظيره التركي الوضع في المنطقة", "اتصال هاتفي")),
    (d.reject_called_for, ("ووجه الوزير الدعوة للمبعوث لزيارة العاصمة", "لزيارة"),
     ("وأكد الوزير أن زيارة العاصمة بدأت أمس", "زيارة")),
    (d.reject_abstract_target, ("وقال إن الحصار يشكل اعتداء مباشرا ومتواصلا على حقوق السكان", "اعتداء"),
     ("وسيطرت قوات المقاومة الداعمة للشرعية على المدينة", "وسيطرت")),
    (d.reject_security_campaign, ("واعتقلت الشرطة عشرين شخصا في إطار حملة استهدفت عناصر الخلية", "استهدفت"),
     ("واعتقلت الشرطة عشرين شخصا بعدما استهدفت القوات مواقع الخلية", "استهدفت")),
    (d.reject_habitual, ("تقع عادة اشتباكات في المدينة", "اشتباكات"), ("وقعت اشتباكات في المدينة", "اشتباكات")),
    (d.reject_periodic, ("يعقد الوزراء اجتماعا يوميا في عدن", "اجتماعا"),
     ("عقد الوزراء اجتماعا أمس في عدن", "اجتماعا")),
    (d.reject_long_span, ("المعارك التي يخوضها الجيش منذ أربع سنوات", "المعارك"),
     ("المعارك التي يخوضها الجيش منذ ثلاثة أيام", "المعارك")),
    (d.reject_topic, ("عقد المجلس جلسة لمناقشة التفجير", "التفجير"), ("أدان المجلس التفجير", "التفجير")),
    (d.reject_press_call, ("وقال الوزير في اتصال هاتفي مع «الصحيفة» إن الوضع هادئ", "اتصال هاتفي"),
     ("وبحث الوزير في اتصال هاتفي مع نظيره الوضع", "اتصال هاتفي")),
    (d.reject_thing_subject, ("وقال إن الإعلان يهدد بتوسيع رقعة المعركة", "يهدد"),
     ("وقال إن التنظيم يهدد بقتل الرهائن", "يهدد")),
    (d.reject_generic_scope, ("وفي كل الحروب لا يمكن أن تستهدف المساجد في تفجير", "تفجير"),
     ("وفي الحرب الدائرة استهدف تفجير المسجد", "تفجير")),
    (d.reject_restated_condemnation, ("أدانت الرابطة التصريحات. واستنكر الأمين العام هذه التصريحات", "واستنكر"),
     ("قال الوزير إن الحكومة لن تتراجع. واستنكر النائب هذه التصريحات", "واستنكر")),
    (d.reject_our_battle, ("سنواصل معركتنا ضد الإرهاب", "معركتنا"), ("معركتنا في الزبداني مستمرة", "معركتنا")),
    (d.reject_attack_target, ("قصفت مقاتلات التحالف رتلاً عسكرياً في كرش", "رتلاً"),
     ("قصفت الطائرات المدينة ووصل رتل عسكري إلى كرش", "رتل")),
    (d.reject_order, ("أصدر الرئيس الأمر بشن ضربات جوية", "ضربات جوية"), ("بدأ الجيش بشن ضربات جوية", "ضربات جوية")),
    (d.reject_charged_with, ("أوقف الجيش المطلوب بجرائم احتجاز أشخاص", "احتجاز"),
     ("أعلن الجيش احتجاز أشخاص في بعلبك", "احتجاز")),
    (d.reject_stipulated, ("ضمن تسوية تقضي بانسحابهم من الزبداني", "بانسحابهم"),
     ("أعلن الجيش انسحاب القوات من الزبداني", "انسحاب")),
    (d.reject_refused, ("رفض الوزير زيارة دمشق", "زيارة"), ("أجرى الوزير زيارة إلى دمشق", "زيارة")),
]


@pytest.mark.parametrize("rule,hit,control", CASES, ids=[c[0].__name__ for c in CASES])
def test_reject_rule_alone(rule, hit, control) -> None:
    assert rule(_candidate(*hit))
    assert not rule(_candidate(*control))


def test_every_reject_rule_is_tested() -> None:
    assert {c[0] for c in CASES} == set(d.REJECT_RULES)


def test_rejected_candidate_is_no_mention() -> None:
    c = _candidate("نشرت القوات بيانا حول الوضع", "نشرت")
    assert c.conf > 0 and d.rejected_by(c) == "reject_publish"
    doc = make_doc("نشرت القوات بيانا حول الوضع")
    assert not [m for m in d.detect(doc) if m.trigger.text == "نشرت"]
    doc = make_doc("نشرت القوات دبابات على الحدود")
    assert [m for m in d.detect(doc) if m.trigger.text == "نشرت"]


def test_support_steps() -> None:
    # 1. a strong trigger stands on its own
    assert _candidate("نفذت الجماعة هجوم على الحاجز", "هجوم").conf == d.STRONG_CONF
    # 2. a weak verb with armed forces for subject
    c = _candidate("نشرت القوات دبابات على الحدود", "نشرت")
    assert c.conf == d.SUPPORTED_CONF and c.force_subject
    # 4. a weak ASSAULT trigger with no context word: the eventness model decides
    c = _candidate("انفجرت قنابل في السوق", "قنابل")
    assert c.conf == d.UNSUPPORTED_CONF and c.unsupported
    # 6. a verbal noun of purpose after a verb of planning
    c = _candidate("الجماعة تخطط لاستهداف المركبات", "لاستهداف")
    assert c.planned_purpose and c.conf >= d.SUPPORTED_CONF and not d.reject_purpose(c)


def _candidate_texts(text: str) -> list[str]:
    doc = make_doc(text)
    return [doc.text[c.hit.start:c.hit.end] for c in d.candidates(doc)]


def test_object_of_verb_is_no_candidate() -> None:
    # "منعت قافلة": a weak noun right after a verb of another type is its object
    assert _candidate_texts("منعت قافلة من العبور") == ["منعت"]
    # control: with the subject between them, the noun is a candidate of its own
    assert _candidate_texts("منعت القوات قافلة من العبور") == ["منعت", "قافلة"]


def test_control_the_stage_finds_what_the_rules_let_through() -> None:
    """Positive control: a control sentence of the table gives an event through the whole stage."""
    from rasid.events import extract

    doc = make_doc("استهدفت القوات المدينة بقصف مدفعي أمس")
    assert any(e.type == "ASSAULT" for e in extract(doc)), "the events stage found nothing"
