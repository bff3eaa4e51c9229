"""Arguments an analyst writes down (issue 13 item 3): the actor a nominal or
partitive phrase names, and a date the trigger's own clause gives. Every sentence
here was written for these tests."""

from __future__ import annotations

import pytest

from ev_helpers import Analyzed, type_place_date


def _events(analyzed: Analyzed, text: str) -> list[tuple[str, str | None, str | None]]:
    doc, names = analyzed(text)
    return [(e.type, names.get(e.actor) if e.actor else None, (e.time or {}).get("value_start")) for e in doc.events]


@pytest.mark.parametrize("text,etype,actor", [
    # a partitive subject whose unit noun opens with و ("وحدات" is no "و" + "حدات")
    ("نفذت وحدات من الجيش اللبناني يوم أمس عمليات دهم في منطقة البقاع.", "COERCE", "Lebanese army"),
    ("نفذت وحدات من الجيش اللبناني عملية دهم في منطقة البقاع.", "COERCE", "Lebanese army"),
    # the one whose announcement a nominal act opens is its agent (إعلان as a verb of announcing)
    ("ولفتت الصحيفة إلى إعلان الولايات المتحدة أمس نشر مقاتلات في قاعدة انجيرليك جنوب تركيا.", "MOBILIZE", "US government"),
    # the deployed forces belong to who deployed them
    ("وتأتي هذه التطورات بعد ساعات من نشر مئات الجنود التابعين لقوات التحالف العربي حول مدينة عدن.", "MOBILIZE",
     "Saudi-led coalition"),
    # (the agent of a nominal attack phrase)
    ("قتل خمسة مدنيين أمس في غارة للتحالف على قرية في ريف الرقة.", "ASSAULT", "Coalition forces"),
    ("أصيب عشرة أشخاص في قصف لقوات النظام على مدينة دوما أمس.", "ASSAULT", "Syrian government forces"),
    # a verb with an elided subject (حيث) between a claim's source and its content: the speaker's act
    ("وصرح الوزير البريطاني مايكل فالون من بغداد؛ حيث التقى مسؤولين عراقيين، أن العراق بحاجة للدعم.", "CONSULT",
     "Michael Falun"),
    ("وقال وزير الخارجية الأمريكي جون كيري في الرياض حيث التقى الملك سلمان إن الاتفاق جيد.", "CONSULT", "John Kerry"),
    # fire from a party's positions: that party attacked
    ("أدى القصف العنيف الذي تعرض له مخيم درعا من مواقع قوات الأسد لمقتل عدد من الأطفال.", "ASSAULT",
     "Syrian government forces"),
    ("قتل ثلاثة مدنيين في قصف مدفعي من مواقع قوات النظام على بلدة في ريف حماة.", "ASSAULT", "Syrian government forces"),
])
def test_named_agent(analyzed: Analyzed, text: str, etype: str, actor: str) -> None:
    got = _events(analyzed, text)
    assert any(t == etype and a == actor for t, a, _ in got), got


@pytest.mark.parametrize("text", [
    # the owner rule is the deployer's only: an attack on a post belonging to X was not X's
    "قصفت طائرات مسيرة أمس مواقع تابعة لقوات النظام في ريف حماة.",
    # leaving a party's positions is no act of that party (the launch-site rule is an attack's only)
    "انسحب مقاتلو التنظيم أمس من مواقع قوات النظام في ريف حماة.",
])
def test_owner_of_a_post_is_no_actor(analyzed: Analyzed, text: str) -> None:
    got = _events(analyzed, text)
    assert not any(a == "Syrian government forces" for _, a, _ in got), got


def test_ago_with_an_agent_after_it_dates_the_happening(analyzed: Analyzed) -> None:
    """"قبل ثلاثة أيام على أيدي مجهولين": على of an agent, not of another event the days
    count from (published on a Tuesday, 4 August)."""
    doc, _ = analyzed("اختطف الشاب في مدينة بعلبك قبل ثلاثة أيام على أيدي مجهولين.")
    assert [(t.text, t.value_start) for t in doc.times] == [("قبل ثلاثة أيام", "2015-08-01")]
    assert any(e.type == "ASSAULT" and (e.time or {}).get("value_start") == "2015-08-01" for e in doc.events), doc.events


def test_ago_counted_from_another_event_stays_unresolved(analyzed: Analyzed) -> None:
    doc, _ = analyzed("وقعت اشتباكات في مدينة بعلبك قبل يومين من الانتخابات.")
    assert not any(t.text.startswith("قبل يومين") and t.value_start for t in doc.times), doc.times


@pytest.mark.parametrize("text,etype,place", [
    # a sentence that names no place: a domestic body with a nationality adjective places it,
    # not the place of the sentence before (in another country)
    ("قتل عشرة أشخاص في انفجار في بغداد أمس. وتابعت الصحف تأجيل محكمة جنايات مصرية أمس الحكم على متهم، "
     "لكنها قضت بإعدام عشرة متهمين.", "COERCE", "Egypt"),
    ("قتل جنديان في هجوم في مدينة حلب أمس. واعتقلت الشرطة التركية أمس عشرة أشخاص.", "COERCE", "Turkey"),
    ("قتل خمسة في انفجار في بغداد أمس. وذكر مسؤول أن السلطات الأميركية اعتقلت 60 شخصا مرتبطين بالتنظيم.", "COERCE",
     "United States"),
    # the place named before in the same country is finer: it stays
    ("شهدت مدينة إسطنبول أمس مظاهرات. واعتقلت الشرطة التركية أمس عشرة أشخاص.", "COERCE", "Istanbul"),
    # a place in the sentence wins
    ("قتل جنديان في هجوم في مدينة حلب أمس. واعتقلت الشرطة التركية في إسطنبول أمس عشرة أشخاص.", "COERCE", "Istanbul"),
])
def test_domestic_body_places_a_sentence_with_no_place(analyzed: Analyzed, text: str, etype: str, place: str) -> None:
    got = type_place_date(analyzed, text)
    assert any(t == etype and p == place for t, p, _ in got), got


def test_an_army_adjective_places_nothing(analyzed: Analyzed) -> None:
    """(an army strikes abroad: "الجيش التركي" is no domestic body)"""
    got = type_place_date(analyzed, "قتل جنديان في هجوم في مدينة حلب أمس. وقصف الجيش التركي أمس مواقع الحزب.")
    assert not any(p == "Turkey" for _, p, _ in got), got


@pytest.mark.parametrize("text,etype,place", [
    # an attack's target "على القاعدة" stands for the base named before it
    ("سيطرت القوات الحكومية أمس على قاعدة العند الجوية في محافظة لحج. "
     "واعترفت قناة المسيرة بأن مقاتلات التحالف شنت سلسلة غارات كثيفة على القاعدة.", "ASSAULT", "Al-Anad air base"),
])
def test_target_anaphor_is_the_site_named_before(analyzed: Analyzed, text: str, etype: str, place: str) -> None:
    got = type_place_date(analyzed, text)
    assert any(t == etype and p == place for t, p, _ in got), got


def test_site_anaphor_after_fi(analyzed: Analyzed) -> None:
    text = ("وصلت ست طائرات أمريكية من طراز إف-16 إلى قاعدة إنجرليك الجوية جنوب تركيا أمس. "
            "وقال مسؤول إن كتيبة من 300 عسكري أمريكي ستنشر في القاعدة الأسبوع المقبل.")
    got = type_place_date(analyzed, text)
    assert sum(1 for t, p, _ in got if t == "MOBILIZE" and p == "Incirlik air base") >= 1, got


def test_site_anaphor_is_not_al_qaeda(analyzed: Analyzed) -> None:
    """(an article whose actors name تنظيم القاعدة: "على القاعدة" is the group, not the base)"""
    text = ("وصلت طائرات أمريكية إلى قاعدة العند الجوية أمس. وقال مسؤول إن تنظيم القاعدة ينشط في المنطقة. "
            "وشنت طائرات أمريكية أمس غارات على القاعدة.")
    doc, names = analyzed(text)
    # (no anaphor: at most the article's last place before it, as for any unplaced event)
    got = [(e.type, names.get(e.place) if e.place else None, bool(e.attrs.get("place_inferred"))) for e in doc.events]
    assert not any(t == "ASSAULT" and p == "Al-Anad air base" and not inferred for t, p, inferred in got), got
