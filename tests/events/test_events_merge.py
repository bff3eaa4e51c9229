"""One event per happening."""

from __future__ import annotations

from ev_helpers import make_doc, place_name

from rasid.events import extract


def test_repeated_mention_is_one_event() -> None:
    text = (
        "شنت طائرات حربية غارات على مدينة البوكمال يوم الأحد. "
        "وقال مرصد إن الغارات استهدفت مقرات للميليشيات في البوكمال."
    )
    doc = make_doc(text, places={"البوكمال": "Al-Bukamal"}, times={"يوم الأحد": ("2024-03-03", "2024-03-03")})
    evs = extract(doc)
    assert len(evs) == 1
    assert len(evs[0].evidence) == 2
    assert place_name(doc, evs[0].place) == "Al-Bukamal"


def test_different_places_stay_apart() -> None:
    text = "تمركز نحو 300 جندي في قاعدة قرب القائم، وتمركزت قوات أخرى في دير الزور."
    doc = make_doc(text, places={"القائم": "Al-Qaim", "دير الزور": "Deir ez-Zor"})
    evs = extract(doc)
    assert sorted(place_name(doc, e.place) for e in evs) == ["Al-Qaim", "Deir ez-Zor"]


def test_different_dates_stay_apart() -> None:
    text = "قصفت المدفعية بلدة في ريف حلب يوم الأحد. وقصفت المدفعية البلدة مجدداً يوم الثلاثاء."
    doc = make_doc(
        text,
        places={"حلب": "Aleppo"},
        times={"يوم الأحد": ("2024-03-03", "2024-03-03"), "يوم الثلاثاء": ("2024-03-05", "2024-03-05")},
    )
    assert len(extract(doc)) == 2


def test_two_actors_two_events() -> None:
    text = "هاجمت طائرات مسيرة تابعة للميليشيات قاعدة أمريكية في سوريا، وردت القوات الأمريكية بشن غارات جوية."
    doc = make_doc(text, places={"سوريا": "Syria"}, actors={"للميليشيات": "Iran-backed militias", "القوات الأمريكية": "US forces"})
    evs = extract(doc)
    assert [e.type for e in evs] == ["ASSAULT", "ASSAULT"]
    assert {doc.entity(e.actor).name for e in evs} == {"Iran-backed militias", "US forces"}


def test_headline_joins_the_body_event() -> None:
    text = "الجيش يرسل تعزيزات إلى حلب\nأرسل الجيش تعزيزات عسكرية كبيرة إلى مدينة حلب أمس."
    doc = make_doc(text, places={"حلب": "Aleppo"}, actors={"الجيش": "Syrian army"})
    evs = extract(doc)
    assert len(evs) == 1
    assert len(evs[0].evidence) == 2


def test_ids_are_unique_and_prefixed() -> None:
    text = "اعتقلت الشرطة خمسة أشخاص في حمص. وزار الوزير مدينة حلب."
    doc = make_doc(text, places={"حمص": "Homs", "حلب": "Aleppo"})
    evs = extract(doc)
    assert [e.id for e in evs] == ["event-1", "event-2"]


def test_tag_line_noun_is_not_an_event() -> None:
    text = "قال مسؤول إن المفاوضات ستستأنف الأسبوع المقبل في جنيف.\nكلمات مفتاحية سوريا هجوم مفاوضات"
    assert extract(make_doc(text)) == []


def test_weapon_after_bi_is_the_instrument_of_the_verb() -> None:
    text = "قصفت فصائل المعارضة تجمعاً لقوات النظام بقذيفة دبابة."
    doc = make_doc(text, actors={"فصائل المعارضة": "Syrian opposition factions", "قوات النظام": "Syrian government forces"})
    evs = extract(doc)
    assert [e.type for e in evs] == ["ASSAULT"]
    assert doc.entity(evs[0].actor).name == "Syrian opposition factions"
    assert doc.entity(evs[0].recipient).name == "Syrian government forces"


def test_town_inside_the_region_named_is_the_same_happening() -> None:
    text = (
        "شنت طائرات التحالف غارات على محافظة نينوى يوم الأحد. "
        "وقال مصدر إن الغارات استهدفت مواقع للتنظيم في الموصل."
    )
    doc = make_doc(text, places={"نينوى": "Nineveh", "الموصل": "Mosul"}, times={"يوم الأحد": ("2024-03-03", "2024-03-03")})
    evs = extract(doc)
    assert len(evs) == 1
    assert place_name(doc, evs[0].place) == "Mosul"


def test_far_definite_reference_with_its_own_place_and_actor_is_not_a_country_strike(analyzed) -> None:
    # a strike placed only "over Syria" with no actor, and sentences later "the offensive
    # the army and Hezbollah wage" on a named town: the reference is no report of the strike
    text = (
        "أعلنت وزارة الدفاع الأمريكية أن غارة جوية لقوات التحالف فوق سوريا أدت إلى مقتل قيادي في تنظيم القاعدة. "
        "وقال المتحدث إن القيادي كان يتنقل بسيارة. "
        "وأضاف أن غيابه سيضعف التنظيم. "
        "وكان القيادي مطلوبا منذ سنوات. "
        "من جهته عبر المبعوث الأممي عن قلقه على المدنيين في مدينة الزبداني محور الهجوم الذي يشنه الجيش السوري وحزب الله."
    )
    doc, names = analyzed(text)
    strike = [e for e in doc.events if e.type == "ASSAULT" and e.trigger.text == "غارة"]
    assert strike, "the strike is reported (whole-stage control)"
    assert names.get(strike[0].place) == "Syria"
    assert names.get(strike[0].actor) != "Hezbollah"
