"""Precision: generic, background, unreal and object mentions are no events;
references and casualty reports join the happening they speak of."""

from __future__ import annotations

import pytest
from ev_helpers import analyze_text, make_doc, place_name

from rasid.events import extract


def _events(text: str, **kw):
    return extract(make_doc(text, **kw))


def test_series_noun_is_no_event() -> None:
    evs = _events("جاء القرار بعد سلسلة من التفجيرات التي ضربت الأسواق الشعبية.")
    assert evs == []


def test_series_noun_joins_a_told_attack() -> None:
    text = (
        "قصفت طائرات حربية مواقع قرب مدينة إدلب فجر الثلاثاء. "
        "ويأتي القصف في إطار موجة الغارات التي تشهدها المنطقة."
    )
    evs = _events(text, places={"إدلب": "Idlib"})
    assert [e.type for e in evs] == ["ASSAULT"]


def test_plural_over_countries_is_a_trend() -> None:
    text = "تصاعدت هجمات الفصائل المسلحة على القواعد الأجنبية في العراق وسوريا خلال العام الماضي."
    evs = _events(text, places={"العراق": "Iraq", "سوريا": "Syria"})
    assert evs == []


def test_plural_over_cities_with_count_stays() -> None:
    text = "نفذت الطائرات 12 غارة على مواقع في حلب وإدلب."
    evs = _events(text, places={"حلب": "Aleppo", "إدلب": "Idlib"})
    assert evs and all(e.type == "ASSAULT" for e in evs)


def test_any_attack_is_no_event() -> None:
    evs = _events("وأكد القائد أن قواته ستتصدى بحزم لأي هجوم على المدينة.")
    assert [e for e in evs if e.type == "ASSAULT"] == []


def test_capability_is_no_attack() -> None:
    evs = _events("وقال الخبير إن الضربات أضعفت قدرة الجماعة على شن هجمات واسعة.")
    assert [e for e in evs if e.trigger.text.endswith("هجمات")] == []


def test_simulated_scenario_is_no_attack() -> None:
    text = "نفذت القوات مناورات عسكرية قرب حمص حاكت صد هجوم على مطار عسكري."
    evs = _events(text, places={"حمص": "Homs"})
    assert [e.type for e in evs] == ["MOBILIZE"]


def test_seized_weapons_are_no_attack() -> None:
    text = "داهمت قوة أمنية منزلاً في الموصل وضبطت بحوزة المطلوبين عبوات ناسفة وقنابل يدوية."
    evs = _events(text, places={"الموصل": "Mosul"})
    assert "ASSAULT" not in [e.type for e in evs]


def test_training_to_use_bombs_is_no_attack() -> None:
    evs = _events("ويتلقى المقاتلون دروساً على استخدام قنابل محلية الصنع.")
    assert "ASSAULT" not in [e.type for e in evs]


def test_history_deployment_is_background() -> None:
    text = "وكانت القوات البريطانية قد انتشرت في البصرة في عهد رئيس الوزراء الأسبق."
    assert _events(text) == []


def test_history_phrase_with_administration() -> None:
    text = "ودخلت القوات الفرنسية المنطقة لأول مرة خلال إدارة الرئيس السابق."
    assert _events(text) == []


def test_planned_purpose_after_plan_verb() -> None:
    text = "وأفاد البيان بأن الموقوفين كانوا يخططون لاستهداف رتل عسكري على طريق الموصل."
    evs = _events(text, places={"الموصل": "Mosul"})
    assert [(e.type, e.modality) for e in evs] == [("ASSAULT", "planned")]


def test_object_convoy_after_attack_noun() -> None:
    evs = _events("وأحبطت القوات محاولة استهداف أرتال الإمداد قرب الحدود بعبوات ناسفة.")
    assert "MOBILIZE" not in [e.type for e in evs]


def test_cumulative_count_over_years_is_a_summary() -> None:
    # issue 13 item 1: a tally over months or years is a summary, not one happening (the real
    # gold's convention: summarising events are optional; detect.reject_long_span). Until
    # 2026-12-06 this test asked for the ASSAULT (the older owngold convention, og06).
    text = "وكشف المسؤول أن الطيران نفذ مئات الغارات في سوريا خلال الأعوام الماضية."
    evs = _events(text, places={"سوريا": "Syria"})
    assert [e.type for e in evs] == []


def test_definite_with_adjectives_and_relative_is_specific() -> None:
    text = "وما زال السكان يتذكرون الانفجار الضخم المزدوج الذي دمر سوق المدينة الشهر الماضي."
    evs = analyze_text(text).events  # the eventness decision reads the date the times stage finds
    assert [e.type for e in evs] == ["ASSAULT"]


def test_between_two_cities_is_one_road_place() -> None:
    text = "قتل جنديان بغارة لطائرة مسيرة على الطريق بين مدينتي حلب وإدلب."
    doc = make_doc(text, places={"حلب": "Aleppo", "إدلب": "Idlib"})
    evs = extract(doc)
    assert len(evs) == 1
    assert place_name(doc, evs[0].place) == "Aleppo"


def test_reference_back_ignores_a_place_of_another_clause() -> None:
    text = (
        "شنت طائرات حربية غارات على مواقع قرب مدينة البوكمال. "
        "وذكر مصدر محلي أن الغارات أسفرت عن مقتل 5 مسلحين، مشيراً إلى أن عناصر الفصيل غادروا مدينة دير الزور."
    )
    evs = _events(text, places={"البوكمال": "Al-Bukamal", "دير الزور": "Deir ez-Zor"})
    assault = [e for e in evs if e.type == "ASSAULT"]
    assert len(assault) == 1
    assert assault[0].fatalities == 5


def test_same_day_explosions_nearby_join_the_raid() -> None:
    text = (
        "استهدفت غارة جوية مستودعاً قرب مدينة حلب مساء الأحد. "
        "وتحدث سكان عن سماع دوي انفجارات في المنطقة المحيطة بمدينة حلب مساء الأحد."
    )
    evs = _events(text, places={"حلب": "Aleppo"}, times={"مساء الأحد": ("2024-03-10", "2024-03-10")})
    assert [e.type for e in evs] == ["ASSAULT"]


@pytest.mark.xfail(strict=False, reason="issue 13: the learned eventness decision drops vague movement "
                   "nouns (تحركات روسية) with no date or count; tunegold counts this one as an event")
def test_same_noun_same_country_is_one_movement() -> None:
    text = (
        "ثانياً، تحركات روسية في سوريا لم تثر قلق الأطراف. "
        "وأثارت تحركات القوات الروسية في سوريا تساؤلات كثيرة لدى المراقبين."
    )
    evs = _events(text, places={"سوريا": "Syria"}, actors={"القوات الروسية": "Russian forces"})
    assert [e.type for e in evs] == ["MOBILIZE"]


def test_negated_bare_plural_is_no_event() -> None:
    evs = _events("وطالب الوسطاء الطرفين بألا تقوم الفصائل بهجمات على المدنيين.")
    assert [e for e in evs if e.type == "ASSAULT"] == []


def test_two_means_in_one_clause_are_one_attack() -> None:
    text = "قتل خمسة أشخاص في تفجير انتحاري استهدف سوقاً شعبية في مدينة الموصل."
    evs = _events(text, places={"الموصل": "Mosul"})
    assert [e.type for e in evs] == ["ASSAULT"]


def test_long_place_list_is_one_summary() -> None:
    text = "ونفذت طائرات التحالف غارات على مواقع التنظيم في محافظات حلب وإدلب وحمص ودير الزور خلال الشهر الماضي."
    places = {"حلب": "Aleppo", "إدلب": "Idlib", "حمص": "Homs", "دير الزور": "Deir ez-Zor"}
    evs = _events(text, places=places)
    assert len(evs) == 1


def test_two_coordinated_cities_still_split() -> None:
    text = "شنت طائرات حربية غارات على بلدات في ريف حلب وإدلب صباح اليوم."
    evs = _events(text, places={"حلب": "Aleppo", "إدلب": "Idlib"})
    assert len(evs) == 2


def test_publish_is_no_deployment() -> None:
    assert _events("ونشر المكتب الإعلامي للفصيل بياناً يتبنى فيه العملية.") == []
    assert _events("وأظهر تسجيل مصور نشرته القوات الخاصة على حسابها لحظة الاقتحام.") == []


def test_deploy_with_forces_stays() -> None:
    evs = _events("ونشر الجيش قوات إضافية في محيط مدينة حمص.", places={"حمص": "Homs"})
    assert [e.type for e in evs] == ["MOBILIZE"]


def test_described_as_attack_is_a_reference() -> None:
    evs = _events("وأدان الوزير الحادث ووصفه بأنه اعتداء سافر على سيادة البلاد.")
    # "اعتداء" names the incident told elsewhere: no ASSAULT; the condemnation itself is an ACCUSE
    assert [e.type for e in evs] == ["ACCUSE"]


def test_expected_attack_is_speculated() -> None:
    evs = _events("ورجح خبراء أن تنفذ الجماعة هجوماً على المدينة قريباً.")
    assert [(e.type, e.modality) for e in evs] == [("ASSAULT", "speculated")]


def test_dawn_is_no_bombing() -> None:
    evs = _events("دخلت دورية عسكرية إلى البلدة فجر اليوم السبت.")
    assert "ASSAULT" not in [e.type for e in evs]


def test_interception_is_no_coercion() -> None:
    evs = _events("اعترضت الدفاعات الجوية طائرة مسيرة فوق القاعدة فجر الأحد.")
    assert "COERCE" not in [e.type for e in evs]


def test_permission_to_strike_is_no_strike() -> None:
    evs = _events("ووافقت الحكومة على السماح للطائرات الحربية الحليفة بشن غارات من أراضيها.")
    assert evs == []


def test_possibility_of_attack_is_no_attack() -> None:
    evs = _events("واستبعد المحلل إمكانية شن هجوم بري على المدينة هذا العام.")
    assert evs == []


def test_dual_nouns_count_two() -> None:
    evs = _events("قتل مدنيان وأصيب آخران بقصف مدفعي على بلدة قرب حلب.", places={"حلب": "Aleppo"})
    assert [(e.fatalities, e.injuries) for e in evs] == [(2, 2)]


def test_meeting_noun_with_parties_is_an_event() -> None:
    text = "وجاء لقاء الرئيس التركي ونظيره الإيراني في أنقرة يوم الثلاثاء."
    evs = _events(text, actors={"الرئيس التركي": "Turkish president"})
    assert [e.type for e in evs] == ["CONSULT"]
    assert [e.type for e in _events("وجرى اجتماع مع الوفد الروسي لبحث ملف الحدود.")] == ["CONSULT"]


def test_meeting_noun_alone_is_no_event() -> None:
    assert _events("ولا يزال الاجتماع المنتظر موضع تكهنات في الأوساط السياسية.") == []


def test_any_attack_under_a_denial_is_a_denied_event():
    """'أي ضربة' is no happening when told as a fact, but a denied one when denied."""
    from rasid import Document
    from rasid.pipeline import Pipeline

    doc = Pipeline.default()(Document(
        id="deny-any", published="2024-05-10",
        text="نفى الجيش أن تكون طائراته قد نفذت أي غارة جوية على بلدة الميادين يوم الثلاثاء الماضي.",
    ))
    assault = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(assault) == 1 and assault[0].modality == "denied"


def test_ceasefire_is_no_shooting() -> None:
    assert [e.type for e in _events("أعلن الطرفان وقفاً لإطلاق النار أمس.")] == ["AGREE"]
    # a ceasefire called for is a request (REQUEST in the real gold), no agreement and no
    # shooting (issue 13 fresh-text audit: detect.reject_called_for)
    for text in ("دعا المبعوث إلى التوصل لوقف إطلاق نار شامل.", "طالب الوزير بإيقاف إطلاق النار فوراً."):
        assert [e.type for e in _events(text)] == [], text
