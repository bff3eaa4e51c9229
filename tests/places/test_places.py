"""Places stage: matching, disambiguation, precision and metonymy.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from rasid.model.document import Document
from rasid.places import annotate, gazetteer


def places(text: str) -> Document:
    doc = Document(id="t", text=text)
    annotate(doc)
    return doc


@pytest.fixture(autouse=True, scope="module")
def _positive_control() -> None:
    """The stage must find a place in a control sentence first (issue 16), so
    the absence-only tests below cannot pass with the places stage dead."""
    doc = Document(id="control", text="قصفت الطائرات مواقع في مدينة حلب شمال سوريا.")
    annotate(doc)
    assert "حلب" in {m.text for e in doc.entities if e.kind == "place" for m in e.mentions}


def ids(doc: Document) -> list[str]:
    return [e.place.gazetteer_id for e in doc.entities if e.kind == "place"]


def entity(doc: Document, gid: str):
    return next(e for e in doc.entities if e.kind == "place" and e.place.gazetteer_id == gid)


def test_gazetteer_loads_with_countries_and_curated() -> None:
    g = gazetteer()
    assert any(e.id == "cc-kr" for e in g.lookup("كوريا الجنوبية"))
    assert any(e.id == "sy-tanf" for e in g.lookup("التنف"))
    assert {e.id for e in g.lookup("الوليد")} >= {"sy-walid-ne", "iq-walid"}


def test_spans_point_into_text() -> None:
    doc = places("وصلت تعزيزات إلى البوكمال قادمة من دير الزور، ثم عادت إلى البوكمال.")
    assert doc.check_spans() in (None, [])
    ent = entity(doc, "sy-bukamal")
    assert len(ent.mentions) == 2
    for m in ent.mentions:
        assert doc.text[m.start:m.end] == m.text == "البوكمال"


@pytest.mark.parametrize("text", [
    "انتشرت القوات في البوكمال والميادين.",
    "قصفت الطائرات مواقع والبوكمال تحت الحصار.",
    "اشتباكات عنيفة بالبوكمال منذ الصباح.",
    "أرسل الجيش رتلا للبوكمال أمس.",
    "توجهت الحافلات لدير الزور صباحا.",
    "وبدير الزور انقطعت الكهرباء.",
])
def test_proclitics(text: str) -> None:
    assert ids(places(text))[:1] in (["sy-bukamal"], ["sy-deir"])


def test_proclitic_span_excludes_prefix() -> None:
    doc = places("اشتباكات عنيفة بالبوكمال منذ الصباح.")
    m = entity(doc, "sy-bukamal").mentions[0]
    assert m.text == "البوكمال"


@pytest.mark.parametrize("text", [
    "قال محمد البوكمالي إنه عاد إلى منزله.",
    "اجتمع القائمين على المشروع في قاعة كبيرة.",
    "التقى الوزير القائم بالأعمال الأمريكي يوم الخميس.",
    "يتمتع القائد بالبصيرة والحكمة في إدارة الأزمات.",
    "نسجت الأم ثوبا من حرير لابنتها.",
    "فتح الباب أمام الحوار بين الطرفين.",
    "قالت الصحيفة السعودية إن الاجتماع تأجل.",
    "أعلنت القوات العراقية والأمريكية انتهاء التدريب.",
    "ستقام التسوية السلمية بعد المفاوضات.",
    "ولد الشاعر في مسقط رأسه قبل خمسين عاما.",
    "أعلنت قوات سوريا الديمقراطية بدء حملة جديدة.",
    "قتل قائد في فيلق القدس بغارة.",
    "فاز ريال مدريد بالمباراة، بحسب نيويورك تايمز.",
    "قال محلل لصحيفة «الشرق الأوسط» إن الوضع معقد.",
    "هذه الآثار ستكون على المدى القصير فقط.",
])
def test_not_a_place(text: str) -> None:
    assert ids(places(text)) == []


def test_qaim_is_a_place_next_to_bukamal() -> None:
    doc = places("عبرت الشاحنات من القائم إلى البوكمال على الحدود.")
    assert ids(doc) == ["iq-qaim", "sy-bukamal"]


def test_split_and_joined_spellings() -> None:
    assert ids(places("وصلت قافلة إلى ديرالزور ليلا.")) == ["sy-deir"]
    assert ids(places("وصلت قافلة إلى البو كمال ليلا.")) == ["sy-bukamal"]


def test_two_walid_crossings() -> None:
    ne = places("دخل رتل أمريكي من إقليم كردستان العراق عبر معبر الوليد متجها إلى الحسكة.")
    assert "sy-walid-ne" in ids(ne)
    sw = places("وصلت شاحنات إلى معبر الوليد الحدودي قرب قاعدة التنف والرطبة.")
    assert "iq-walid" in ids(sw)


def test_walid_as_a_name_is_not_a_place() -> None:
    assert ids(places("زار الأمير الوليد بن طلال المعرض.")) == []


def test_feature_cues() -> None:
    assert ids(places("هبطت مروحيات في قاعدة حرير شمال أربيل.")) [:1] == ["iq-harir"]
    doc = places("سيطرت القوات على مدينة الباب شرقي حلب.")
    assert "sy-albab" in ids(doc)
    assert "sy-omar" in ids(places("انفجار قرب حقل العمر النفطي."))


def test_precision_city_countryside_and_region() -> None:
    doc = places("قصفت المدفعية قرى في ريف دير الزور الشرقي، ثم وصل الجنود إلى دير الزور.")
    city = [e for e in doc.entities if e.place.gazetteer_id == "sy-deir"]
    precs = sorted(e.place.precision for e in city)
    assert precs == [1, 2]
    rural = next(e for e in city if e.place.precision == 2)
    assert rural.mentions[0].text == "ريف دير الزور الشرقي"
    assert rural.place.lon > 40.14  # moved east of the city
    region = places("قال قيادي في شمال غرب العراق إن الوضع هادئ.")
    e = region.entities[0]
    assert e.place.precision == 3 and e.name == "northwest Iraq"
    assert e.place.lat > 33.1 and e.place.lon < 43.7


def test_countries_by_arabic_name() -> None:
    doc = places("وصل الوفد إلى أوكرانيا بعد زيارة إلى كوريا الجنوبية ولبنان.")
    assert ids(doc) == ["cc-ua", "cc-kr", "cc-lb"]


def test_metonym_capital_is_kept_aside() -> None:
    doc = places("قالت واشنطن إنها سترد على الهجوم.")
    assert ids(doc) == []
    kept = doc.meta["place_metonyms"]
    assert kept[0]["place"]["metonym"] is True and kept[0]["name"] == "Washington"


def test_locative_capital_is_a_place() -> None:
    doc = places("وصل الوفد إلى واشنطن مساء أمس.")
    e = entity(doc, "us-washington")
    assert e.place.metonym is False


def test_country_over_which_a_strike_flew_is_a_place() -> None:
    # "فوق" (over) names the airspace of the country, not its government as an actor
    doc = places("أعلنت الوزارة أن غارة جوية لقوات التحالف فوق سوريا أدت إلى مقتل قيادي.")
    assert ids(doc) == ["cc-sy"]
    assert entity(doc, "cc-sy").place.metonym is False


def test_country_as_actor_only_is_kept_aside() -> None:
    doc = places("اتهمت الحكومة الميليشيات المدعومة من إيران بالهجوم في سوريا.")
    assert ids(doc) == ["cc-sy"]
    assert doc.meta["place_metonyms"][0]["name"] == "Iran"


def test_persian_gulf_and_euphrates() -> None:
    doc = places("تحركت سفن في مياه الخليج العربي، وانتشرت قوات على ضفاف نهر الفرات.")
    assert ids(doc) == ["sea-gulf", "rv-euphrates"]
    assert all(e.place.precision == 3 for e in doc.entities)


def test_geonames_town_needs_context() -> None:
    # a small Syrian town known only from GeoNames: found after a cue word
    doc = places("قصفت الطائرات بلدة تفتناز في ريف إدلب.")
    assert any(e.place.geonames_id for e in doc.entities if e.place.gazetteer_id.startswith("gn-"))


def test_empty_and_latin_text() -> None:
    assert ids(places("")) == []
    assert ids(places("No Arabic here at all.")) == []


def test_metonym_mentions_helper() -> None:
    from rasid.places import metonym_mentions

    doc = places("قالت واشنطن إن قواتها في سوريا باقية، واتهمت دمشق بالمماطلة، ثم وصل الوفد إلى دمشق.")
    got = [(e.name, m.text) for e, m in metonym_mentions(doc)]
    assert ("Washington", "واشنطن") in got
    assert ("Damascus", "دمشق") in got
    damascus = entity(doc, "sy-damascus")
    assert damascus.place.metonym is False and len(damascus.mentions) == 2
    for _, m in metonym_mentions(doc):
        assert doc.text[m.start:m.end] == m.text


def test_same_name_two_countries_by_context() -> None:
    doc = places("وفي ليبيا، اندلعت اشتباكات في طرابلس بين فصائل متنافسة.")
    assert "ly-tripoli" in ids(doc)
    doc = places("شهدت مدينة حمص هدوءا، بينما خرجت مظاهرات في طرابلس اللبنانية.")
    assert "lb-tripoli" in ids(doc)


def test_capital_in_apposition_is_a_place() -> None:
    doc = places("زار وفد حكومي العاصمة الإيرانية طهران الأسبوع الماضي.")
    assert entity(doc, "ir-tehran").place.metonym is False


def test_relations_between_capitals_are_metonyms() -> None:
    doc = places("تحسنت العلاقات بين واشنطن وطهران بعد الاتفاق.")
    assert ids(doc) == []
    assert {e["name"] for e in doc.meta["place_metonyms"]} == {"Washington", "Tehran"}


def test_border_between_countries_is_a_place() -> None:
    doc = places("أغلقت السلطات الحدود بين سوريا والعراق.")
    assert ids(doc) == ["cc-sy", "cc-iq"]


def test_ambiguous_name_after_a_preposition_in_its_country() -> None:
    assert "iq-qaim" in ids(places("وصلت تعزيزات عسكرية إلى القائم في غرب العراق."))


@pytest.mark.parametrize("text,name", [
    ("انتشرت دوريات في شمال شرقي سوريا.", "north-eastern Syria"),
    ("وقع الهجوم جنوب غرب بغداد.", "southwest of Baghdad"),
    ("تقدمت القوات في ريف حلب الشمالي الغربي.", "Aleppo countryside (northwest)"),
    ("اشتباكات في بادية البوكمال.", "Al-Bukamal countryside"),
])
def test_directional_names(text: str, name: str) -> None:
    doc = places(text)
    assert [e.name for e in doc.entities] == [name]
    assert doc.entities[0].place.precision in (2, 3)


def test_annotate_twice_gives_the_same_places() -> None:
    doc = places("وصلت قافلة إلى البوكمال ثم إلى القائم، وقالت واشنطن إنها مستمرة.")
    first = [e.to_dict() for e in doc.entities]
    annotate(doc)
    assert [e.to_dict() for e in doc.entities] == first
    assert len(doc.meta["place_metonyms"]) == 1


def test_diacritics_and_tatweel_inside_names() -> None:
    doc = places("قُصِفَت مدينة البوكـــمال ومحيط دِمَشْق أمس.")
    m = entity(doc, "sy-bukamal").mentions[0]
    assert doc.text[m.start:m.end] == m.text == "البوكـــمال"
    assert entity(doc, "sy-damascus").mentions[0].text == "دِمَشْق"


def test_all_entities_are_well_formed_on_a_long_text() -> None:
    text = " ".join(["قصفت الطائرات مواقع في دير الزور والبوكمال والرقة وحلب، وقالت موسكو إنها ستواصل."] * 200)
    doc = places(text)
    ids_ = [e.id for e in doc.entities]
    assert len(ids_) == len(set(ids_))
    for e in doc.entities:
        assert -90 <= e.place.lat <= 90 and -180 <= e.place.lon <= 180
        assert e.place.precision in (1, 2, 3)
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text


def test_capital_where_things_happen_is_a_place() -> None:
    doc = places("شهدت بغداد أمس سلسلة تفجيرات.")
    assert entity(doc, "iq-baghdad").place.metonym is False


def test_pronoun_ending_is_not_a_town() -> None:
    assert ids(places("وقال الوزير في حديثه للصحفيين إن الوضع في العراق مستقر.")) == ["cc-iq"]
    assert "iq-haditha" in ids(places("وصلت قوات إلى حديثة في العراق."))


def test_cue_does_not_carry_a_name_far_away() -> None:
    doc = places("دارت اشتباكات على أطراف حي الخالدية شمال حلب.")
    assert "iq-khalidiyah" not in ids(doc)


# --- QA round: mountains, river banks, names inside group names, parts of a city

@pytest.mark.parametrize("text,gid", [
    ("رصدت نقطة المراقبة على جبل الشيخ تحركات ليلية.", "rg-hermon"),
    ("تسللت مجموعة مسلحة إلى جبال متينا شمال دهوك.", "rg-matina"),
    ("سقطت قذيفة على سفح جبل قاسيون المطل على العاصمة.", "rg-qasioun"),
    ("تتمركز نقاط تركية في جبل الأربعين قرب أريحا.", "rg-arbaeen"),
])
def test_mountains_and_landmarks(text: str, gid: str) -> None:
    assert gid in ids(places(text))


@pytest.mark.parametrize("text", [
    "نقلت العشائر مقاتليها إلى الضفة الشرقية لنهر الفرات.",
    "تنتشر القوات الحكومية على الضفة الغربية للفرات.",
    "انسحب المسلحون نحو الضفة الغربية من نهر دجلة.",
])
def test_river_bank_is_not_the_west_bank(text: str) -> None:
    got = ids(places(text))
    assert "rg-westbank" not in got
    assert set(got) <= {"rv-euphrates", "rv-tigris"}


def test_west_bank_alone_is_still_the_west_bank() -> None:
    assert "rg-westbank" in ids(places("داهمت القوات الإسرائيلية بلدات في الضفة الغربية فجرا."))


@pytest.mark.parametrize("text", [
    "استهدفت غارة قياديا بارزا في فيلق القدس.",
    "نفت مصادر مقربة لفيلق القدس الخبر.",
    "أعلنت سرايا القدس أنها قصفت موقعا عسكريا.",
    "اندلعت اشتباكات بين هيئة تحرير الشام وفصائل أخرى.",
    "انضم مقاتلون سابقون في أحرار الشام إلى جيش الإسلام.",
    "أحيا أنصار الحركة يوم القدس بمسيرات.",
    "شارك مسلحو لواء فاطميون في المعارك.",
])
def test_place_name_inside_a_group_name(text: str) -> None:
    assert ids(places(text)) == []


def test_group_name_does_not_hide_other_places() -> None:
    got = ids(places("وصل عناصر من فيلق القدس إلى دمشق قادمين من طهران."))
    assert "ps-jerusalem" not in got and "sy-damascus" in got


def test_direction_inside_a_city_stays_in_the_city() -> None:
    from rasid.places.build import km
    doc = places("انفجرت عبوة في سوق شعبي شرقي بغداد مساء أمس.")
    e = next(e for e in doc.entities if e.place.gazetteer_id == "iq-baghdad")
    assert e.place.precision == 2
    assert km(e.place.lat, e.place.lon, 33.315, 44.366) < 8


@pytest.mark.parametrize("text", [
    'نقلت وكالة "الأناضول" عن مصدر أمني أن الهجوم فشل.',
    "تعرضت قرى تل واسط والمنصورة لقصف مدفعي.",
    "تبنت جماعة أنصار بيت المقدس الهجوم.",
])
def test_quoted_outlet_compound_village_and_group(text: str) -> None:
    assert ids(places(text)) == []


def test_quarter_named_with_its_city_is_not_a_far_town() -> None:
    got = ids(places("اندلعت اشتباكات في حي الخالدية بحمص ليلة أمس."))
    assert "iq-khalidiyah" not in got and "sy-homs" in got


def test_ambiguous_name_inside_its_province() -> None:
    assert "iq-khalidiyah" in ids(places("عادت عائلات نازحة إلى الخالدية في الأنبار."))


@pytest.mark.parametrize("text", [
    "وذكرت وكالة أنباء الأناضول أن الطائرات عادت بسلام.",
    "وقع الهجوم قرب الحدود، بحسب الأناضول.",
    "أعلن تنظيم القاعدة في بلاد الشام مسؤوليته.",
])
def test_agencies_and_group_branches(text: str) -> None:
    assert ids(places(text)) in ([], ["cc-iq"], ["cc-sy"])
    assert "rg-anatolia" not in ids(places(text)) and "rg-levant" not in ids(places(text))


@pytest.mark.parametrize("text", [
    "ظل الحزب دومًا في صف المعارضة.",
    "كان الوزير يقول إنه كان دوما يدعو إلى الحوار.",
    "حاولت الخلايا النيل من استقرار المدن.",
])
def test_adverbs_and_idioms_that_spell_a_place(text: str) -> None:
    assert ids(places(text)) == []


def test_douma_as_a_town_still_found() -> None:
    assert "sy-douma" in ids(places("سقطت قذائف على أحياء دوما في الغوطة الشرقية."))


@pytest.mark.parametrize("text", [
    "وأضاف ديريك جونز، الباحث في الشؤون الأمنية، أن الخطة فشلت.",
    "كتب الباحث في معهد الشرق الأوسط مقالا عن الأزمة.",
])
def test_person_after_speech_verb_and_institute_names(text: str) -> None:
    assert ids(places(text)) == []


def test_capital_after_speech_verb_is_still_a_metonym() -> None:
    doc = places("وقالت أنقرة إنها لن تقبل بذلك.")
    assert [d["place"]["gazetteer_id"] for d in doc.meta.get("place_metonyms", [])] == ["tr-ankara"]


def test_group_name_blocker_keeps_locative_countries() -> None:
    got = ids(places("واصلت الطائرات قصف مواقع تنظيم الدولة الإسلامية في العراق وسوريا."))
    assert {"cc-iq", "cc-sy"} <= set(got)


@pytest.mark.parametrize("text,gid", [
    ("فجر انتحاري نفسه في بلدة سوروتش الحدودية.", "tr-suruc"),
    ("تقدمت الميليشيات نحو مصراتة وسرت في ليبيا.", "ly-sirte"),
    ("قصفت الطائرات محيط مدينة سرت الساحلية.", "ly-sirte"),
    ("هاجم مسلحون مخفرا في دوغوبيازيد شرق تركيا.", "tr-dogubayazit"),
])
def test_spelling_variants_and_common_word_towns(text: str, gid: str) -> None:
    assert gid in ids(places(text))


def test_common_word_town_needs_evidence() -> None:
    assert "ly-sirte" not in ids(places("سرت أنباء عن هدنة قريبة."))


def test_village_cue_does_not_carry_a_far_city() -> None:
    got = ids(places("انسحب المقاتلون من بلدة مارع إلى قرية المالكية المجاورة شمال حلب."))
    assert "sy-malikiyah" not in got and "sy-marea" in got
    assert "sy-malikiyah" in ids(places("اشتباكات في قرية المالكية قرب القامشلي."))


def test_x_side_of_y_picks_the_reading_near_y() -> None:
    got = ids(places("قصفت الطائرات ناحية صوران شمالي حلب فجر اليوم."))
    assert "gn-163913" in got and "gn-163915" not in got


def test_side_of_a_common_word_town_and_a_name_off_it() -> None:
    got = ids(places("عادت العائلات إلى الخالدية شرقي الرمادي بعد معارك."))
    assert {"iq-khalidiyah", "iq-ramadi"} <= set(got)


@pytest.mark.parametrize("text", [
    "انفجرت سيارة مفخخة في سوق منطقة بغداد الجديدة.",
    "نقل الجرحى إلى مستشفيات بغداد بعد الهجوم.",
    "تواصل القوات عملياتها بحزام بغداد الشمالي.",
])
def test_capital_named_as_a_location_is_not_a_metonym(text: str) -> None:
    assert "iq-baghdad" in ids(places(text))


def test_state_word_keeps_a_country_metonymic() -> None:
    doc = places("رحبت مملكة البحرين بالاتفاق.")
    assert ids(doc) == [] and doc.meta.get("place_metonyms")


def test_two_towns_of_one_name_told_apart_by_a_nearby_city() -> None:
    assert "iq-husaybahsharq" in ids(places("قتل جنديان في هجوم على حصيبة شرقي الرمادي."))
    assert "iq-husaybah" in ids(places("فر المسلحون من الحصيبة قرب القائم نحو البوكمال."))


@pytest.mark.parametrize("text", [
    "وصلت تعزيزات من قيادة عمليات دجلة إلى القضاء.",
    "قالت قيادة عمليات الجزيرة والبادية إن الطريق آمن.",
])
def test_army_commands_named_after_a_river_or_desert(text: str) -> None:
    assert ids(places(text)) == []


def test_x_near_y_picks_the_reading_near_y() -> None:
    assert "gn-163913" in ids(places("دارت معارك في صوران بالقرب من مدينة أعزاز."))
    assert "gn-163915" in ids(places("سقطت قذائف على صوران قرب حماة."))


def test_paired_names_with_dash_or_nothing_between() -> None:
    assert "gn-163913" in ids(places("امتدت المنطقة من جرابلس إلى صوران - أعزاز."))


def test_names_joined_by_wa_share_their_country() -> None:
    got = ids(places("فر المقاتلون نحو بلدات الجفرة وسرت في ليبيا."))
    assert "ly-jufra" in got and "sy-jafrah-town" not in got


def test_one_region_name_in_two_countries() -> None:
    assert "iq-jazira" in ids(places("تقدمت القوات في منطقة الجزيرة شمال هيت وحديثة غرب العراق."))
    assert "rg-jazira" in ids(places("سيطرت القوات الكردية على منطقة الجزيرة شمال الحسكة."))


def test_accepted_common_word_town_anchors_other_names() -> None:
    doc = places("دخلت القوات مدينة الرمادي أمس، ثم تقدمت نحو الحصيبة والملاحمة.")
    assert "iq-husaybahsharq" in ids(doc) and "iq-husaybah" not in ids(doc)


def test_x_side_of_y_accepts_a_common_word_town_farther_off() -> None:
    assert "iq-haditha" in ids(places("فتحت القوات الطريق إلى حديثة غرب الرمادي."))


@pytest.mark.parametrize("text,gid", [
    ("أصيب ضابطان في تفجير عبوة ناسفة بحي مصر الجديدة أمس.", "eg-heliopolis"),
    ("قتل عشرة أشخاص في هجوم بشاحنة ملغومة في كابول.", "af-kabul"),
    ("قتل متعاقدون في الهجوم على معسكر انتجريتي قرب المطار.", "af-campintegrity"),
    ("قتل مسلحون في عملية أمنية في نالتشيك جنوب روسيا.", "ru-nalchik"),
    ("أصيب ثلاثة جنود في هجوم في ولاية موش شرقي تركيا.", "tr-mus-prov"),
    ("استهدف مسلحون حافلة قرب مدينة فان التركية.", "tr-van"),
    ("اعتقلت الشرطة 17 شخصا بمدينة مانيسا غربي البلاد.", "tr-manisa"),
    ("هاجم مسلحون مفوضية مدينة بوزانتي ليلا.", "tr-bozanti"),
    ("وقعت مواجهات في محافظة كوموش خانة قرب البحر الأسود.", "tr-gumushane"),
    ("انفجر جرار مفخخ قرب مدينة دوجوبيازيت.", "tr-dogubayazit"),
    ("قتل مدنيون في قصف على قرية زركال في شمال العراق.", "iq-zarkel"),
    ("دخلت القوات العراقية إلى الخفجي عام 1991.", "sa-khafji"),
    ("وفي نيو جيرزي، اعتقلت الشرطة شابا أمس.", "us-newjersey"),
    ("أصدرت المحكمة في مقرها في محافظة جدة حكما بسجن متهم.", "sa-jeddah-gov"),
])
def test_places_real_news_names(text: str, gid: str) -> None:
    """Places that real 2015 articles name (GeoNames coordinates where it lists them)."""
    assert gid in ids(places(text))


@pytest.mark.parametrize("text", [
    "قال المدرب لويس فان غال إن الفريق جاهز.",  # a surname, not the Turkish city
    "وقال موش إن الاتفاق قريب.",  # a cue-only name without its cue
    "وقال نائب رئيس الوزراء نعمان كورتولموش إن الجرحى بخير.",
])
def test_cue_only_real_news_names_need_their_cue(text: str) -> None:
    assert not {"tr-van", "tr-van-prov", "tr-mus", "tr-mus-prov"} & set(ids(places(text)))


def _names(text: str) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in places(text).entities if e.kind == "place"}


@pytest.mark.parametrize("text,name,surface", [
    # "the capital" with no name after it: of the article's country, or of its adjective's
    ("أعلنت السلطات الكويتية أن المتهمين في تفجير المسجد في العاصمة مثلوا أمام المحكمة الكويتية.", "Kuwait City", "العاصمة"),
    ("وقعت اشتباكات في العاصمة العراقية أمس.", "Baghdad", "العاصمة"),
    ("قصفت الطائرات مواقع في الكسوة جنوبي العاصمة السورية.", "Damascus", "العاصمة"),
    ("بدأت الهجمات في أفغانستان بتفجير شاحنة في كابول، وانتهت بمعركة في العاصمة.", "Kabul", "العاصمة"),
    # "the country" after a direction word: that side of the article's country
    ("قالت وزارة الدفاع التركية إن جنديين قتلا في هجوم في جنوب شرقي البلاد، وردت القوات التركية.", "southeast Turkey", "جنوب شرقي البلاد"),
    ("اعتقلت الشرطة التركية 17 شخصا بمدينة مانيسا، غربي البلاد.", "west Turkey", "غربي البلاد"),
])
def test_deictic_places(text: str, name: str, surface: str) -> None:
    assert surface in _names(text).get(name, []), _names(text)


@pytest.mark.parametrize("text", [
    "قال مسؤول إن الحكومة ستنقل الوزارات إلى العاصمة الإدارية الجديدة.",  # an adjective, not a country's
    "قالت الصحيفة إن الرئيس وصل إلى العاصمة.",  # no country in the article
    "عاد الاستقرار إلى البلاد بعد الانتخابات في تركيا والعراق.",  # no direction word
    "وصل الوفد إلى العاصمة أنقرة أمس.",  # the name follows: matched as the name
])
def test_deictic_places_need_their_evidence(text: str) -> None:
    names = _names(text)
    assert not any("العاصمة" == s or "البلاد" in s for ss in names.values() for s in ss), names


@pytest.mark.parametrize("text,name,lat,lon", [
    # a side of a country lies halfway to its border on that side: far east in a wide country
    ("وقع هجوم في شرق تركيا.", "east Turkey", 38.99, 40.1),
    ("وقع هجوم في غرب تركيا.", "west Turkey", 38.99, 30.7),
    ("انتشرت القوات في شمال سوريا.", "north Syria", 36.27, 38.51),
])
def test_country_sides_follow_its_extent(text: str, name: str, lat: float, lon: float) -> None:
    (e,) = [e for e in places(text).entities if e.kind == "place"]
    assert e.name == name
    assert abs(e.place.lat - lat) < 0.3 and abs(e.place.lon - lon) < 0.3, (e.place.lat, e.place.lon)


def test_country_side_after_a_place_is_that_places_country() -> None:
    text = "قالت المعارضة السورية إن قوات النظام السوري قصفت ريف دمشق، وستفتح تركيا قاعدة إنجرليك الجوية جنوبي البلاد أمام الطائرات."
    assert "جنوبي البلاد" in _names(text).get("south Turkey", []), _names(text)


@pytest.mark.parametrize("text,name,surface", [
    # "the lands" + a country adjective: that country
    ("قتل خمسة مسلحين في كمين داخل الأراضي السورية أمس.", "Syria", "الأراضي السورية"),
    ("قصفت الطائرات التركية مواقع بالأراضي العراقية.", "Iraq", "بالأراضي العراقية"),
])
def test_lands_of_a_country_adjective(text: str, name: str, surface: str) -> None:
    assert surface in _names(text).get(name, []), _names(text)


def test_lands_need_a_country_adjective() -> None:
    names = _names("صادرت السلطات الأراضي الزراعية في المنطقة.")
    assert not any("الأراضي" in s for ss in names.values() for s in ss), names


@pytest.mark.parametrize("text", [
    "وقع الوزير الاتفاق في مدينة سان بطرسبرغ أمس.",
    "عقد المنتدى الاقتصادي في سان بطرسبورغ.",
])
def test_saint_petersburg(text: str) -> None:
    assert "ru-stpetersburg" in ids(places(text))


@pytest.mark.parametrize("text,gid", [
    ("قتل مسلحون في غارة على مدينة زنجبار عاصمة محافظة أبين.", "ye-zinjibar"),  # not Zanzibar
    ("سيطرت المقاومة الشعبية على مدينة الضالع.", "ye-dhale"),
    ("دارت اشتباكات عنيفة في مديرية لودر.", "ye-lawdar"),
    ("سقطت قذائف على الخوبة في منطقة جازان.", "sa-khubah"),
    ("وصلت تعزيزات إلى مطار عدن الدولي.", "ye-adenairport"),
    ("وقع التفجير في مسجد بمنطقة عسير جنوب المملكة.", "sa-asir"),
])
def test_yemen_and_its_border_places(text: str, gid: str) -> None:
    assert gid in ids(places(text))
