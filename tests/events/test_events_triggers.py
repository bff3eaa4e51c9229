"""Trigger matching with Arabic morphology, and detection per type."""

from __future__ import annotations

import pytest
from ev_helpers import make_doc

from rasid.events import extract
from rasid.events.lexicon import find_triggers
from rasid.text import tokenize


def types_of(text: str, **kw) -> list[str]:
    return [e.type for e in extract(make_doc(text, **kw))]


@pytest.mark.parametrize(
    "word,typ",
    [
        ("بغارات", "ASSAULT"),
        ("والغارة", "ASSAULT"),
        ("وقصفت", "ASSAULT"),
        ("هاجموا", "ASSAULT"),
        ("اعتقلتهم", "COERCE"),
        ("والاعتقالات", "COERCE"),
        ("تعزيزاتها", "MOBILIZE"),
        ("ورتلاً", "MOBILIZE"),
        ("بالمناورات", "MOBILIZE"),
        ("زيارته", "CONSULT"),
        ("وانسحبت", "RETREAT"),
        ("تظاهروا", "PROTEST"),
    ],
)
def test_morphology(word: str, typ: str) -> None:
    hits = find_triggers(tokenize(word))
    assert [h.entry.type for h in hits] == [typ]


def test_phrase_beats_word() -> None:
    hits = find_triggers(tokenize("أعلن الطرفان وقف إطلاق النار في المدينة"))
    assert [h.entry.type for h in hits] == ["AGREE"]


def test_blocker_idiom() -> None:
    assert find_triggers(tokenize("ناقشوا قواعد الاشتباك مع الروس")) == []


def test_no_trigger_inside_other_words() -> None:
    # قصر (palace) is not قصف; غاري is not غارة
    assert find_triggers(tokenize("زار الوفد القصر الجمهوري")) and all(
        h.entry.type == "CONSULT" for h in find_triggers(tokenize("زار الوفد القصر الجمهوري"))
    )


def test_assault_air_strike() -> None:
    text = "شنت طائرات حربية غارات جوية على بلدة قرب إدلب أمس، ما أسفر عن مقتل خمسة مدنيين."
    evs = extract(make_doc(text, places={"إدلب": "Idlib"}))
    assert [e.type for e in evs] == ["ASSAULT"]
    e = evs[0]
    assert e.mode == "aerial"
    assert e.attrs["acled_event_type"] == "Explosions/Remote violence"
    assert e.attrs["acled_sub_event_type"] == "Air/drone strike"
    assert e.fatalities == 5


def test_assault_ied_and_clash() -> None:
    assert types_of("انفجرت عبوة ناسفة بدورية للجيش على طريق حمص.", places={"حمص": "Homs"}) == ["ASSAULT"]
    assert types_of("اندلعت اشتباكات عنيفة بين الفصائل في ريف حلب.", places={"حلب": "Aleppo"}) == ["ASSAULT"]


def test_mobilize_convoy_and_reinforcements() -> None:
    text = "دخل رتل عسكري تركي مؤلف من 30 آلية إلى ريف إدلب."
    evs = extract(make_doc(text, places={"إدلب": "Idlib"}))
    assert [e.type for e in evs] == ["MOBILIZE"]
    assert evs[0].mode == "convoy"
    assert types_of("أرسل الجيش تعزيزات عسكرية إلى مدينة حمص.", places={"حمص": "Homs"}) == ["MOBILIZE"]


def test_mobilize_needs_forces() -> None:
    # دخل without any armed force in the clause is no deployment
    assert types_of("دخل الطلاب إلى الجامعة صباح اليوم.") == []
    # انتشار of a disease neither
    assert types_of("حذر الأطباء من انتشار المرض في المخيمات.") == []


def test_coerce_arrest() -> None:
    evs = extract(make_doc("اعتقلت قوات الأمن نحو 25 شخصاً في حملة دهم بمدينة حلب.", places={"حلب": "Aleppo"}))
    assert [e.type for e in evs] == ["COERCE"]
    assert evs[0].arrests == 25
    assert evs[0].attrs.get("approx") == ["arrests"]


def test_consult_visit() -> None:
    assert types_of("وصل وزير الخارجية إلى بغداد في زيارة رسمية التقى خلالها رئيس الوزراء.") == ["CONSULT"]


def test_protest() -> None:
    assert types_of("تظاهر مئات الطلاب أمام مبنى المحافظة احتجاجاً على انقطاع الكهرباء.") == ["PROTEST"]


def test_retreat() -> None:
    assert types_of("انسحبت القوات من مواقعها في ريف حمص.", places={"حمص": "Homs"}) == ["RETREAT"]


def test_generic_reference_is_not_an_event() -> None:
    # a definite plural with no report of its own ("the attacks") is background
    assert types_of("تناول التقرير الهجمات الإرهابية وأثرها على الاقتصاد.") == []


def test_aid_threaten_sanction_accuse() -> None:
    assert types_of("قدمت القوات الأمريكية تدريبات عسكرية لمقاتلي الفصيل في قاعدة التنف.") == ["AID"]
    assert types_of("هدد وزير الدفاع بالرد على أي هجوم يستهدف قواته.")[0] == "THREATEN"
    assert types_of("فرضت وزارة الخزانة عقوبات على ثلاث شركات.") == ["SANCTION"]
    assert types_of("اتهمت الحكومة المعارضة بعرقلة المفاوضات.") == ["ACCUSE"]


@pytest.mark.parametrize(
    "text",
    [
        # the Saudi civil-defence and joint-forces wording for a projectile from across the border
        "توفي مزارع صباح اليوم بعد سقوط مقذوف على مزرعته في قرية حدودية.",
        "أعلنت القيادة وفاة جندي متأثرا بإصابته بمقذوف في قطاع حدودي.",
    ],
)
def test_projectile_is_shelling(text: str) -> None:
    assert "ASSAULT" in types_of(text)
