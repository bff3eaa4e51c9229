"""Arguments an analyst would write down (issue 13, item 3), through the whole
pipeline: the place a direction phrase locates, not the wider side; a near place
before the trigger over one nested far after it; the agent of a reason noun after ل;
the crowd of a protest that names no party; the Yemeni parties of 2015. Every
sentence here was written for these tests."""

from __future__ import annotations

import pytest

from ev_helpers import Analyzed


def _events(analyzed: Analyzed, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    doc, names = analyzed(text)
    return [
        (e.type, names.get(e.place) if e.place else None, (e.time or {}).get("value_start"), names.get(e.actor) if e.actor else None)
        for e in doc.events
    ]


@pytest.mark.parametrize("text,etype,place", [
    # a direction phrase right after a place locates it: the happening is at the place
    ("وكان المئات من أهالي محافظة البصرة جنوبي العراق قد تظاهروا أمس احتجاجا على انقطاع الكهرباء.", "PROTEST", "Basra Governorate"),
    ("وكان العشرات من سكان مدينة الموصل شمالي العراق قد تظاهروا أمس للمطالبة بالخدمات.", "PROTEST", "Mosul"),
    # an attack launched from X falls on its target's place
    ("سقطت قذائف أطلقت من الأراضي السورية على بلدة الريحانية التركية.", "ASSAULT", "Reyhanli"),
    # a place far after the trigger, nested in its complements, yields to the near one before
    ("وتشهد مدينة تعز مواجهات عنيفة منذ أمس عقب هجوم شنه مسلحون قبليون في إطار عملية واسعة بدعم من التحالف "
     "وبتنسيق مع قادة الجيش والمسؤولين الذين يقيمون منذ أشهر في العاصمة السعودية الرياض.", "ASSAULT", "Taiz"),
])
def test_event_place(analyzed: Analyzed, text: str, etype: str, place: str) -> None:
    got = _events(analyzed, text)
    assert any(t == etype and p == place for t, p, _, _ in got), got


@pytest.mark.parametrize("text,etype,place", [
    ("وكان المئات من أهالي محافظة البصرة جنوبي العراق قد تظاهروا أمس احتجاجا على انقطاع الكهرباء.", "PROTEST", "south Iraq"),
    ("وتشهد مدينة تعز مواجهات عنيفة منذ أمس عقب هجوم شنه مسلحون قبليون في إطار عملية واسعة بدعم من التحالف "
     "وبتنسيق مع قادة الجيش والمسؤولين الذين يقيمون منذ أشهر في العاصمة السعودية الرياض.", "ASSAULT", "Riyadh"),
])
def test_event_place_not(analyzed: Analyzed, text: str, etype: str, place: str) -> None:
    got = _events(analyzed, text)
    assert not any(t == etype and p == place for t, p, _, _ in got), got


def test_a_quarter_named_by_a_date_does_not_date_the_event(analyzed: Analyzed) -> None:
    got = _events(analyzed, "وأفاد مصدر أمني بمقتل شخص في هجوم شنه مسلحون مجهولون قرب حي واحد حزيران في مدينة كركوك.")
    assert any(t == "ASSAULT" for t, _, _, _ in got), got
    assert all(d != "2015-06-01" for _, _, d, _ in got), got


@pytest.mark.parametrize("text,etype,actor", [
    # a reason noun after ل: the subject of the clause's verb
    ("ألقت السلطات السورية القبض على رجل في اللاذقية، لاتهامه بقتل ضابط في الجيش.", "ACCUSE", "Syrian government"),
    # a protest that names no party: the crowd the trigger implies
    ("تظاهر المئات من أهالي مدينة البصرة أمس احتجاجا على انقطاع الكهرباء.", "PROTEST", "Protesters"),
    ("شهدت مدينة كربلاء أمس تظاهرة للمطالبة بتحسين الخدمات.", "PROTEST", "Protesters"),
    # the party a relative clause of claiming responsibility hangs on
    ("قتل 20 شخصا في مسجد في أبها يوم الخميس على يد التنظيم الإرهابي \"داعش\"، والذي أعلن مسؤوليته عن التفجير الانتحاري.",
     "ASSAULT", "ISIS"),
    # an announced own act, a time told between the announcement and the act
    ("أعلن الجيش التركي أمس شن غارات على مواقع الحزب.", "ASSAULT", "Turkish forces"),
    ("وأعلنت تركيا أمس نشر قوات على الحدود.", "MOBILIZE", "Turkish government"),
    ("أعلنت الولايات المتحدة الأمريكية أمس نشر مقاتلات في قاعدة انجيرليك.", "MOBILIZE", "US government"),
    # the generic subject of a verb of doing before an event noun (VSO)
    ("وكان تنظيم داعش قد سيطر على الموصل في حزيران 2014، وشن التحالف غارات على مواقعه أمس.", "ASSAULT", "Coalition forces"),
    # a possessive pronoun on the event noun stands for its agent, named before it
    ("وجددت قوات النظام قصفها على مواقع لجبهة النصرة في ريف إدلب.", "ASSAULT", "Syrian government forces"),
    ("شن سلاح الجو التركي أمس أولى غاراته على مواقع لتنظيم داعش في سورية.", "ASSAULT", "Turkish forces"),
    # a party after a quote is still marked by the word before the quote ("ضد «داعش»" is no subject)
    ("وفي سياق القتال ضد «داعش»، شنت الفصائل، أمس، هجوما واسعا على منطقة في ريف درعا.", "ASSAULT", "Armed factions"),
    # the Yemeni parties of 2015
    ("هاجمت المقاومة الشعبية مواقع الحوثيين في محافظة لحج أمس.", "ASSAULT", "Popular Resistance"),
    ("قصفت القوات الموالية لهادي مواقع الحوثيين في تعز أمس.", "ASSAULT", "pro-Hadi forces"),
])
def test_event_actor(analyzed: Analyzed, text: str, etype: str, actor: str) -> None:
    got = _events(analyzed, text)
    assert any(t == etype and a == actor for t, _, _, a in got), got


def test_the_crowd_is_not_given_when_a_party_is_named(analyzed: Analyzed) -> None:
    got = _events(analyzed, "تظاهر أنصار الحوثيين أمس في صنعاء للمطالبة برحيل الحكومة.")
    assert got and all(a != "Protesters" for t, _, _, a in got if t == "PROTEST"), got


@pytest.mark.parametrize("text,etype,date", [
    # N months or years ago: that day, not the first of the calendar unit
    ("قبل عام مضى، شنت الطائرات الأمريكية غارات على مواقع التنظيم في جبل سنجار.", "ASSAULT", "2014-08-04"),
    ("قبل شهرين قصفت الطائرات مواقع المسلحين في مدينة الموصل.", "ASSAULT", "2015-06-04"),
    # a planned noun's bare weekday in its own clause is the coming one
    ("ومن المقرر أن تبدأ المناورات العسكرية المشتركة بين البلدين يوم الخميس.", "MOBILIZE", "2015-08-06"),
    # ... not when a relative clause's verb holds it
    ("ويرجح مراقبون أن تشهد العاصمة تشديدا أمنيا لتأمين زيارة البابا التي اختتمها يوم الاثنين.", "CONSULT", "2015-08-03"),
])
def test_event_date_ago(analyzed: Analyzed, text: str, etype: str, date: str) -> None:
    got = _events(analyzed, text)
    assert any(t == etype and d == date for t, _, d, _ in got), got


@pytest.mark.parametrize("text,etype,place", [
    # an attack or an arrest has no goal: "إلى X" after it is another verb's destination
    ("أصيب عشرة مدنيين في عدن أمس في قصف للحوثيين ونقلوا إلى الخرطوم للعلاج.", "ASSAULT", "Khartoum"),
    ("اعتقلت قوات الأمن خمسة مطلوبين في الموصل أمس ونقلتهم إلى بغداد.", "COERCE", "Baghdad"),
])
def test_event_place_not_a_goal(analyzed: Analyzed, text: str, etype: str, place: str) -> None:
    got = _events(analyzed, text)
    assert any(t == etype for t, _, _, _ in got), got
    assert not any(t == etype and p == place for t, p, _, _ in got), got


def test_firing_toward_a_place_happens_there(analyzed: Analyzed) -> None:
    got = _events(analyzed, "أطلق مسلحون صواريخ من الأراضي السورية باتجاه مدينة الموصل أمس.")
    assert any(t == "ASSAULT" and p == "Mosul" for t, p, _, _ in got), got


def test_a_noun_one_is_charged_with_is_not_the_subjects_act(analyzed: Analyzed) -> None:
    """"اعتقال المتورطين بالتفجير": the minister who announces the arrests did not bomb;
    the bombing is dated by its own relative clause, not by the announcement's time."""
    got = _events(analyzed, "وأعلن وزير الداخلية العراقي محمد سالم الغبان امس الأحد اعتقال المتورطين بالتفجير الذي استهدف ناحية بني سعد بمحافظة ديالى الجمعة.")
    assert ("ASSAULT", "Diyala Governorate", "2015-07-31", None) in got, got
    assert any(t == "COERCE" and a == "Mohammed Salem al-Ghaban" for t, _, _, a in got), got


def test_a_verb_with_a_verbal_noun_after_bi_keeps_its_subject(analyzed: Analyzed) -> None:
    got = _events(analyzed, "وقامت القوات التركية بقصف مواقع الحزب.")
    assert any(t == "ASSAULT" and a == "Turkish forces" for t, _, _, a in got), got


def test_the_owner_of_a_target_is_no_actor(analyzed: Analyzed) -> None:
    """"أهدافا تابعة لتنظيم الدولة": the party after تابعة ل is the target's side."""
    doc, names = analyzed("قال الجيش الأمريكي امس إن الولايات المتحدة وحلفاءها قصفوا أهدافا تابعة لتنظيم الدولة الإسلامية في 23 غارة جوية قرب تلعفر.")
    got = [(e.type, names.get(e.actor), names.get(e.recipient)) for e in doc.events]
    assert got and all(a != "ISIS" for _, a, _ in got), got
    assert any(r == "ISIS" for _, _, r in got), got


def test_a_far_reporting_source_is_not_the_possessor(analyzed: Analyzed) -> None:
    """"أفاد المرصد عن ... بعد أن شنت جماعات مقاتلة هجومها": the pronoun on the noun
    stands for the subject of its own verb, not for a source named twenty words before."""
    text = ("ذكر المرصد السوري لحقوق الإنسان أن ثمانية من عناصر الجيش قتلوا في المواجهات التي "
            "اندلعت في ريف حلب الشمالي بعد أن شنت عدة فصائل مقاتلة هجومها في ساعة متأخرة من ليل الجمعة.")
    got = _events(analyzed, text)
    assert all(a != "Syrian Observatory for Human Rights" for _, _, _, a in got), got


def test_a_person_right_after_an_arrest_noun_is_the_one_arrested(analyzed: Analyzed) -> None:
    doc, names = analyzed("وذكرت الحركة أنه تم اعتقال عبد الخالق الحوثي وهو قائد عسكري بجماعة الحوثي أمس السبت في عدن.")
    got = [(e.type, names.get(e.actor), names.get(e.recipient)) for e in doc.events if e.type == "COERCE"]
    assert got and all(a != "Abdulkhaleq al-Huthi" for _, a, _ in got), got
