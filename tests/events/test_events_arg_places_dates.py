"""Place and date of events through the whole pipeline (issue 13: the arguments of
events on real articles). Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from ev_helpers import Analyzed, type_place_date

@pytest.mark.parametrize("text,etype,place,date", [
    # a time told before the content of a claim dates the report, not the event
    ("قالت الشرطة العراقية أمس إن تفجيرا بسيارة مفخخة هز سوق بغداد يوم السبت الماضي.", "ASSAULT", "Baghdad", "2015-08-01"),
    ("أعلن الجيش التركي اليوم أن طائراته قصفت مواقع الحزب في شمال العراق مساء الأحد.", "ASSAULT", "north Iraq", "2015-08-02"),
    # ... unless the sentence tells no other time
    ("أعلنت أجهزة الأمن الروسية الأحد أنها قتلت ثمانية مسلحين في داغستان.", "ASSAULT", "Dagestan", "2015-08-02"),
    # "نهاية الأسبوع" in a Tuesday's paper: the weekend just gone
    ("قتل عشرة مدنيين في قصف للطيران التركي بنهاية الأسبوع في محيط قرية زركال.", "ASSAULT", "Zarkel", "2015-07-31"),
    # the named town, not the region after it (no date told: the report's, from the day before publication)
    ("استهدفت مجموعة مسلحة ثلاثة جنود أثناء عودتهم إلى بيوتهم في ولاية موش، شرقي تركيا.", "ASSAULT", "Mus Province",
     "2015-08-03"),
    ("ألقت قوات الأمن التركية، فجر أمس، القبض على 17 شخصا في عمليات دهم بمدينة مانيسا، غربي البلاد.", "COERCE", "Manisa", "2015-08-03"),
    # "في العاصمة" with the article's country
    ("أكدت الحكومة الأفغانية مقتل 15 شخصا في تفجير انتحاري استهدف أكاديمية الشرطة في العاصمة أمس، وقالت إن الوضع في أفغانستان صعب.",
     "ASSAULT", "Kabul", "2015-08-03"),
])
def test_event_place_and_date(analyzed: Analyzed, text: str, etype: str, place: str, date: str | None) -> None:
    got = type_place_date(analyzed, text)
    assert any(t == etype and p == place and d == date for t, p, d in got), got


def test_definite_noun_after_a_report_gives_place_and_date(analyzed: Analyzed) -> None:
    """The lead reports the attack (dated by the report only); the next sentence
    names it again with its date and town: one event, there and then."""
    text = ("أكد متمردو الحزب أمس أن الهجوم الانتحاري الذي استهدف ثكنة للدرك جاء ردا على الغارات. "
            "وقال الحزب في بيان إن الهجوم الذي شن بجرار مفخخ صباح أول من أمس قرب مدينة دوجوبيازيت أوقع قتلى. "
            "ونشر الحزب صورة منفذ الهجوم.")
    assert type_place_date(analyzed, text) == [("ASSAULT", "Dogubayazit", "2015-08-02")]


def test_report_time_does_not_join_a_later_dated_attack_of_another_noun(analyzed: Analyzed) -> None:
    text = ("أعلنت الشرطة أمس أن تفجيرا استهدف حافلة للركاب في مدينة الموصل. "
            "وقال الجيش إن قصفا استهدف قاعدة عين الأسد يوم 20 تموز الماضي.")
    got = type_place_date(analyzed, text)
    assert ("ASSAULT", "Mosul", "2015-08-03") in got, got


def test_ends_of_a_road_are_not_inherited(analyzed: Analyzed) -> None:
    text = ("اعتقلت قوة أمنية خمسة مطلوبين في قضاء الرطبة غربي الأنبار. "
            "وذكر البيان أن المعتقلين كانوا يراقبون الطريق الدولي الرابط بين بغداد والحدود الأردنية. "
            "وأضاف البيان أن القوة ضبطت بحوزتهم أحزمة ناسفة.")
    doc, names = analyzed(text)
    assert all(names.get(e.place) != "Baghdad" for e in doc.events), [(e.trigger.text, names.get(e.place)) for e in doc.events]


def test_town_on_the_side_of_the_country_named_first(analyzed: Analyzed) -> None:
    """"في شرق تركيا" then "قرب مدينة فان" for one attack: one event, at the town."""
    text = ("نصحت السلطات مواطنيها بعدم السفر برا بعد هجوم استهدف حافلة ركاب خلف قتيلا في شرق تركيا يوم الجمعة. "
            "وكان مسلحون استهدفوا الجمعة حافلة الركاب قرب مدينة فان ما أدى إلى مقتل السائق.")
    assert type_place_date(analyzed, text) == [("ASSAULT", "Van", "2015-07-31")]


@pytest.mark.parametrize("text,etype,place", [
    # from X towards Y: it happens at Y
    ("أطلق مسلحون صاروخا من ريف درعا باتجاه هضبة الجولان أمس.", "ASSAULT", "Golan Heights"),
    # a meeting's place is its venue, not a place of its topic
    ("وعقد الوزيران في الدوحة أمس جلسة مشاورات جرى خلالها مناقشة الأوضاع في سوريا.", "CONSULT", "Doha"),
    # a far destination of another verb is not where a sentence was handed down
    ("أصدرت محكمة في بغداد أمس حكما بسجن متهم تسع سنوات لانضمامه إلى تنظيم مسلح وسفره إلى سوريا للقتال.", "COERCE", "Baghdad"),
    # a route is not where it happens
    ("اعتقلت الشرطة في مدينة الموصل أمس رجلا دخل عبر مدينة تلعفر.", "COERCE", "Mosul"),
])
def test_event_place_roles(analyzed: Analyzed, text: str, etype: str, place: str) -> None:
    got = type_place_date(analyzed, text)
    assert any(t == etype and p == place for t, p, _ in got), got


def test_meeting_topic_place_is_not_the_venue(analyzed: Analyzed) -> None:
    text = "عقد الوزيران جلسة مشاورات جرى خلالها مناقشة الأوضاع في سوريا."
    got = type_place_date(analyzed, text)
    assert not any(t == "CONSULT" and p == "Syria" for t, p, _ in got), got
