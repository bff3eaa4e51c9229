"""Issue 13, precision on real text: uses of event words that report no happening
(a danger told with يهدد, a payment, published photos, a habit, a meeting's topic,
a phone call with the press, figures of speech) and the places of withdrawals,
of parties located with ب, and the month آب.

Sentences are written for the tests (paraphrases of real-article phrasings)."""

from __future__ import annotations

import pytest
from ev_helpers import Analyzed, make_doc

from rasid.events.detect import candidates, rejected_by


def _types(analyzed: Analyzed, text: str) -> list[str]:
    doc, _ = analyzed(text)
    return [e.type for e in doc.events]


def _places(analyzed: Analyzed, text: str, typ: str) -> list[str | None]:
    doc, names = analyzed(text)
    return [names.get(e.place) for e in doc.events if e.type == typ]


# --- يهدد / تهدد: a danger or a state, not a threat a party makes ---


@pytest.mark.parametrize(
    "text",
    [
        "وأكد الطبيب أن انتشار المرض يهدد حياة السكان في حلب.",
        "وتنتشر العصابات في المنطقة وتهدد أمن المواطنين في حلب.",
        "ويتقدم التنظيم في ريف حلب مما يهدد بكارثة إنسانية.",
    ],
)
def test_present_threatens_a_state_is_no_threat(analyzed: Analyzed, text: str) -> None:
    assert "THREATEN" not in _types(analyzed, text)


def test_threat_of_an_action_stays(analyzed: Analyzed) -> None:
    assert "THREATEN" in _types(analyzed, "وتهدد الجماعة بقصف مدينة حلب إذا لم تنسحب القوات.")


# --- دفع that pays, نشر صوراً that publishes ---


@pytest.mark.parametrize(
    "text",
    [
        "وقال إن التنظيم سيقوم بدفع رسوم الإيجار للمقاتلين في الرقة.",
        "وتفاوض مع أحد المسلحين ودفعت له مبلغ ألف دولار في الرقة.",
        "ونشر الجيش صورا للمسلحين القتلى في حلب.",
    ],
)
def test_payment_or_photos_is_no_deployment(analyzed: Analyzed, text: str) -> None:
    assert "MOBILIZE" not in _types(analyzed, text)


def test_forces_pushed_stay(analyzed: Analyzed) -> None:
    assert "MOBILIZE" in _types(analyzed, "ودفع الجيش بتعزيزات عسكرية إلى مدينة حلب.")


# --- habits: باستمرار، عادة، دائماً ---


def test_habitual_attacks_are_no_event(analyzed: Analyzed) -> None:
    assert "ASSAULT" not in _types(analyzed, "ويشهد الإقليم باستمرار هجمات تستهدف قوات الأمن في حلب.")


def test_daily_strikes_of_a_campaign_stay(analyzed: Analyzed) -> None:
    # "يومياً" tells a campaign going on (real gold counts it), not a habit
    assert "ASSAULT" in _types(analyzed, "ويشن الجيش يوميا غارات جوية على مواقع المسلحين في حلب.")


# --- a meeting's topic, a phone call with the press ---


@pytest.mark.parametrize(
    "text",
    ["وعقد الوزراء اجتماعا في بغداد أمس لمناقشة التفجير.", "وفتحت الشرطة تحقيقا حول الهجوم."],
)
def test_topic_of_a_meeting_is_no_new_attack(text: str) -> None:
    rejected = {c.hit.entry.type: rejected_by(c) for c in candidates(make_doc(text))}
    assert rejected["ASSAULT"] == "reject_topic"


def test_indefinite_visit_after_about_stays(analyzed: Analyzed) -> None:
    text = "وحول زيارة وزير الدفاع الأسبوع الماضي إلى أربيل، قال المسؤول إنها كانت مثمرة."
    assert "CONSULT" in _types(analyzed, text)


@pytest.mark.parametrize(
    "text",
    [
        "وأوضح المسؤول في اتصال هاتفي مع «الصحيفة» أن المسلحين غادروا المدينة.",
        "وقالت مصادر محلية في اتصال هاتفي مع الجريدة إنهم شاهدوا المسلحين.",
    ],
)
def test_phone_call_with_the_press_is_no_meeting(analyzed: Analyzed, text: str) -> None:
    assert "CONSULT" not in _types(analyzed, text)


def test_phone_call_between_leaders_stays(analyzed: Analyzed) -> None:
    assert "CONSULT" in _types(analyzed, "وأجرى الملك اتصالا هاتفيا مع الرئيس الأمريكي أمس.")


# --- figures of speech and names (blockers.tsv) ---


@pytest.mark.parametrize(
    "text,typ",
    [
        ("وتحاول الجماعات خطف الثورة في حلب.", "ASSAULT"),
        ("وسأقوم على الفور بزيارة الجرحى في مستشفى عدن.", "CONSULT"),
        ("وتم إسكات وتدمير مصادر إطلاق النار في صعدة.", "ASSAULT"),
        ("وقالت الشرطة إنها أنهت الملف بلائحتي الاتهام في حيفا.", "ACCUSE"),
        ("واستهدفت الغارات مراكز تجمع تابعة للتنظيم قرب كركوك.", "PROTEST"),
        ("واستهدفت المدفعية مواقع تجمع الحوثيين في صعدة أمس.", "PROTEST"),
        ("وطالب المحافظ القوات الأمنية في ديالى بالضرب بيد من حديد على كل من يعبث بالأمن.", "ASSAULT"),
        ("وعاد الشاب إلى بغداد لزيارة أسرته خلال شهر رمضان.", "CONSULT"),
        ("ومنع التنظيم السكان في الرقة من زيارة قبور موتاهم.", "CONSULT"),
    ],
)
def test_blocked_phrases(analyzed: Analyzed, text: str, typ: str) -> None:
    assert typ not in _types(analyzed, text)


# --- places ---


def test_withdrawal_happens_where_they_left(analyzed: Analyzed) -> None:
    assert _places(analyzed, "انسحب المسلحون من مدينة تدمر باتجاه الرقة.", "RETREAT") == ["Palmyra"]


def test_withdrawal_destination_and_its_joined_places_are_not_its_place(analyzed: Analyzed) -> None:
    text = "وذكر أن عناصر داعش في الأنبار هربوا من المحافظة إلى نينوى ومدينة الرقة في سوريا."
    assert _places(analyzed, text, "RETREAT") == ["Al Anbar Governorate"]


def test_withdrawal_toward_a_place_takes_the_place_before(analyzed: Analyzed) -> None:
    text = "سيطرت القوات على مدينة كرش. وانسحب مقاتلو الحوثي تجاه تعز."
    assert _places(analyzed, text, "RETREAT") == ["Karish"]


def test_month_ab_is_not_the_city_ibb(analyzed: Analyzed) -> None:
    text = "شنت الطائرات غارات على مواقع الحوثيين في صنعاء وتعز وعدن. واستعاد الجيش القاعدة في 3 آب/ أغسطس 2015."
    doc, _ = analyzed(text)
    assert "Ibb" not in [e.name for e in doc.entities if e.kind == "place"]


def test_city_ibb_stays(analyzed: Analyzed) -> None:
    doc, _ = analyzed("شنت الطائرات غارات على مواقع الحوثيين في صنعاء وتعز ومدينة إب.")
    assert "Ibb" in [e.name for e in doc.entities if e.kind == "place"]


@pytest.mark.parametrize(
    "text,place",
    [
        ("وفي العاصمة دمرت قبائل بصنعاء مدرعتين في مواجهات في منطقة بني مران بمديرية أرحب.", "Arhab"),
        ("سيطرت المقاومة الشعبية بجنوب اليمن، على آخر معاقل الميليشيات في محافظة الضالع.", "Ad Dali' Governorate"),
    ],
)
def test_place_after_the_subject_with_bi_locates_the_party(analyzed: Analyzed, text: str, place: str) -> None:
    assert _places(analyzed, text, "ASSAULT") == [place]


def test_place_with_bi_after_a_target_stays(analyzed: Analyzed) -> None:
    text = "وقالت المعارضة في سوريا إنها كثفت قصفها على منطقة لقوات الأسد بوسط درعا أمس."
    assert _places(analyzed, text, "ASSAULT") != ["Syria"]


# --- a thing, not a party, as the subject of يهدد / اجتمع ---


@pytest.mark.parametrize(
    "text,typ",
    [
        ("وقال المحلل إن القرار يهدد بتوسيع رقعة الحرب في حلب.", "THREATEN"),
        ("ويرى مراقبون أن الاتفاق يهدد بإشعال مواجهة جديدة في حلب.", "THREATEN"),
        ("وهذان الأمران اجتمعا في الصفقة الأخيرة بين أنقرة وواشنطن.", "CONSULT"),
    ],
)
def test_thing_subject_is_no_threat_nor_meeting(analyzed: Analyzed, text: str, typ: str) -> None:
    assert typ not in _types(analyzed, text)


@pytest.mark.parametrize(
    "text,typ",
    [
        ("وقال المحلل إن التنظيم يهدد بقتل الرهائن في حلب.", "THREATEN"),
        ("والوزير اجتمع مع نظيره التركي في أنقرة أمس.", "CONSULT"),
    ],
)
def test_party_subject_threat_and_meeting_stay(analyzed: Analyzed, text: str, typ: str) -> None:
    assert typ in _types(analyzed, text)


# --- statements about all wars ---


def test_statement_about_all_wars_is_no_attack(analyzed: Analyzed) -> None:
    text = "وقال إمام المسجد في الرياض أمس إنه في كل الحروب لا يمكن أن تستهدف المساجد في تفجير."
    assert "ASSAULT" not in _types(analyzed, text)


def test_attack_after_a_war_named_stays(analyzed: Analyzed) -> None:
    text = "وفي الحرب الدائرة في اليمن استهدف تفجير مسجدا في صنعاء أمس."
    assert "ASSAULT" in _types(analyzed, text)


# --- a condemnation told again ("هذه التصريحات") ---


def test_condemnation_told_again_is_one_event(analyzed: Analyzed) -> None:
    text = ("أدانت الرابطة التصريحات التي أدلى بها الوزير العراقي أمس. "
            "واستنكر الأمين العام للرابطة هذه التصريحات غير المسؤولة.")
    rejected = {make_doc(text).text[c.hit.start:c.hit.end]: rejected_by(c) for c in candidates(make_doc(text))}
    assert rejected["أدانت"] is None and rejected["واستنكر"] == "reject_restated_condemnation"
    doc, _ = analyzed(text)
    assert [e.trigger.text for e in doc.events if e.type == "ACCUSE"] == ["أدانت"]


def test_first_condemnation_of_statements_stays(analyzed: Analyzed) -> None:
    text = "وقال الوزير إن الحكومة لن تتراجع. واستنكر النائب هذه التصريحات."
    assert "ACCUSE" in _types(analyzed, text)


def test_condemnation_in_this_context_stays() -> None:
    text = "أدانت الرابطة الهجوم على المسجد. وأدان الوزير في هذا السياق التفجير الذي وقع أمس."
    doc = make_doc(text)
    rejected = {doc.text[c.hit.start:c.hit.end]: rejected_by(c) for c in candidates(doc)}
    assert rejected["وأدان"] is None


# --- "our battle against ...": a speaker's campaign ---


@pytest.mark.parametrize(
    "text",
    [
        "وقال قائد الشرطة في أورفة إننا سنواصل حتى النهاية معركتنا ضد الإرهاب.",
        "وأكد الأمير في أبها أن معركة وطننا ضد تنظيم داعش لن تنتهي بين يوم وليلة.",
    ],
)
def test_our_battle_against_is_no_event(text: str) -> None:
    doc = make_doc(text)
    rejected = {c.hit.entry.type: rejected_by(c) for c in candidates(doc)}
    assert rejected["ASSAULT"] == "reject_our_battle"


def test_our_battle_in_a_place_stays() -> None:
    doc = make_doc("وقال القائد إن معركتنا في الزبداني مستمرة منذ شهر.")
    assert [rejected_by(c) for c in candidates(doc) if c.hit.entry.type == "ASSAULT"] == [None]


# --- a convoy that an attack hits ---


def test_convoy_hit_by_an_attack_is_no_movement(analyzed: Analyzed) -> None:
    text = "وقصفت مقاتلات التحالف العربي الذي تقوده المملكة رتلاً عسكرياً تابعاً للميليشيات في منطقة كرش."
    types = _types(analyzed, text)
    assert "ASSAULT" in types and "MOBILIZE" not in types


def test_convoy_arriving_after_an_attack_stays(analyzed: Analyzed) -> None:
    assert "MOBILIZE" in _types(analyzed, "قصفت الطائرات المدينة ووصل رتل عسكري إلى كرش.")


# --- an order to attack ---


@pytest.mark.parametrize(
    "text",
    [
        "وعندما أصدر الرئيس الأمر بشن ضربات جوية على مواقع التنظيم في سنجار، قال إنها محدودة.",
        "وأعطى القائد أوامر بقصف مدينة حلب.",
    ],
)
def test_order_to_attack_is_no_attack(text: str) -> None:
    doc = make_doc(text)
    assert [rejected_by(c) for c in candidates(doc) if c.hit.entry.type == "ASSAULT"] == ["reject_order"]


def test_attack_begun_stays(analyzed: Analyzed) -> None:
    assert "ASSAULT" in _types(analyzed, "وبدأ الجيش بشن ضربات جوية على مواقع التنظيم في سنجار أمس.")


# --- the crime someone is charged with ---


def test_crime_charged_is_no_event() -> None:
    text = "وأوقف الجيش في بعلبك المطلوب بجرائم احتجاز أشخاص بقوة السلاح."
    doc = make_doc(text)
    rejected = {doc.text[c.hit.start:c.hit.end]: rejected_by(c) for c in candidates(doc)}
    assert rejected["احتجاز"] == "reject_charged_with"


def test_detention_told_stays(analyzed: Analyzed) -> None:
    assert "COERCE" in _types(analyzed, "واحتجزت القوة رجلا في بعلبك أمس.")


# --- the terms of an agreement ---


@pytest.mark.parametrize(
    "text",
    [
        "وكان الاتفاق بينهم يقضي بتدريبهم عسكريا في عدن.",
        "ويضغط الحزب على المقاتلين ضمن تسوية تقضي بانسحابهم من الزبداني.",
        "وينص الاتفاق على انسحاب القوات من مدينة الزبداني.",
    ],
)
def test_term_of_an_agreement_is_no_event(text: str) -> None:
    doc = make_doc(text)
    assert "reject_stipulated" in [rejected_by(c) for c in candidates(doc)]


@pytest.mark.parametrize(
    "text,typ",
    [("وأعلن الجيش انسحاب القوات من مدينة الزبداني أمس.", "RETREAT"), ("وقضى ثلاثة جنود بانفجار لغم في الزبداني.", "ASSAULT")],
)
def test_withdrawal_told_and_death_by_a_blast_stay(analyzed: Analyzed, text: str, typ: str) -> None:
    assert typ in _types(analyzed, text)


# --- a refused visit or ceasefire ---


@pytest.mark.parametrize(
    "text",
    ["ورفض الوزير زيارة دمشق أمس.", "وقال المصدر إن النظام رفض إيقاف إطلاق النار في الزبداني."],
)
def test_refused_visit_or_ceasefire_is_no_event(text: str) -> None:
    doc = make_doc(text)
    assert "reject_refused" in [rejected_by(c) for c in candidates(doc)]


def test_refused_attack_and_visit_after_a_refusal_stay() -> None:
    # "رفضت الحكومة الهجوم" condemns an attack that took place; a visit told by its verb is told
    for text, typ in [("ورفضت الحكومة الهجوم على المدينة.", "ASSAULT"), ("وبعد أن رفض الوزير الاتهامات زار دمشق.", "CONSULT")]:
        doc = make_doc(text)
        assert [rejected_by(c) for c in candidates(doc) if c.hit.entry.type == typ] == [None]
