"""Claims stage on sentences written for these tests."""

from __future__ import annotations

import pytest

from rasid.claims import annotate, extract_claims
from rasid.model.document import Document, Entity, Span


def run(text: str, entities: list[Entity] | None = None) -> Document:
    doc = Document(id="t", text=text)
    if entities:
        doc.entities = entities
    annotate(doc)
    assert doc.check_spans() == []
    return doc


def one(text: str, **kw):
    doc = run(text, **kw)
    assert len(doc.claims) == 1, [(c.source.text, c.cue.text) for c in doc.claims]
    return doc.claims[0]


def covers(claim, phrase: str) -> bool:
    return phrase in claim.content.text


# -- cue families and stance ------------------------------------------------

@pytest.mark.parametrize("text, cue, stance, key", [
    ("قال مصدر أمني عراقي إن القوات انسحبت من الموقع.", "قال", "assert", "القوات انسحبت"),
    ("وقالت مصادر محلية إن الرتل وصل إلى المدينة.", "وقالت", "assert", "الرتل وصل"),
    ("يقول ناشطون إن القصف استمر طوال الليل.", "يقول", "assert", "القصف استمر"),
    ("أكد المتحدث باسم الجيش أن الهجوم فشل.", "أكد", "assert", "الهجوم فشل"),
    ("نفت وزارة الدفاع أن تكون طائراتها قصفت السوق.", "نفت", "deny", "قصفت السوق"),
    ("ينفي المسؤولون الأتراك وجود قوات لهم في المنطقة.", "ينفي", "deny", "وجود قوات"),
    ("زعم التنظيم أن مقاتليه أسقطوا طائرة.", "زعم", "assert", "أسقطوا طائرة"),
    ("كشف مسؤول كردي عن اتفاق سري بين الطرفين.", "كشف", "assert", "اتفاق سري"),
    ("أفادت مصادر طبية بأن عدد الجرحى ارتفع.", "أفادت", "assert", "عدد الجرحى"),
    ("أشار المحلل إلى أن الانسحاب كان متوقعا.", "أشار", "assert", "الانسحاب كان"),
    ("رجح مسؤول أمني أن تستمر المعارك أسابيع.", "رجح", "speculate", "تستمر المعارك"),
    ("يتوقع خبراء أن ترتفع حدة التوتر.", "يتوقع", "speculate", "ترتفع حدة"),
    ("يرى محللون أن الضربة رسالة إلى طهران.", "يرى", "speculate", "رسالة إلى طهران"),
    ("يعتقد مسؤولون غربيون أن الهجوم كان منسقا.", "يعتقد", "speculate", "الهجوم كان منسقا"),
    ("حذر وزير الخارجية من أن الوضع قد ينفجر.", "حذر", "assert", "الوضع قد ينفجر"),
    ("أعلنت القيادة المركزية مقتل قيادي في التنظيم.", "أعلنت", "assert", "مقتل قيادي"),
    ("ذكرت تقارير صحافية أن الرتل عبر الحدود.", "ذكرت", "assert", "الرتل عبر الحدود"),
    ("صرح محافظ المدينة بأن الكهرباء عادت.", "صرح", "assert", "الكهرباء عادت"),
])
def test_verb_cues(text, cue, stance, key):
    c = one(text)
    assert c.cue.text == cue
    assert c.stance == stance
    assert covers(c, key)


def test_noun_cue_with_genitive_source():
    doc = run("وصل العقيد الأمريكي جون سميث إلى القاعدة. ورغم تأكيد سميث على وجود تنسيق يومي، استمرت الاشتباكات.")
    c = doc.claims[-1]
    assert c.cue.text == "تأكيد" and c.source.text == "سميث" and c.source.kind == "named"
    assert covers(c, "وجود تنسيق يومي")


def test_noun_cue_in_setting_is_not_a_claim():
    c = one("وقال الجيش في بيان إن دورياته اعتقلت خمسة مسلحين.")
    assert c.cue.text == "وقال" and c.source.text == "الجيش"


def test_prep_cue_heading_the_sentence():
    c = one("وبحسب مصادر عسكرية، «ستبدأ العملية خلال أيام».")
    assert c.cue.text == "وبحسب" and c.source.text.startswith("مصادر عسكرية")
    assert covers(c, "ستبدأ العملية") and c.source.kind == "anonymous"


def test_prep_cue_after_the_clause():
    c = one("قتل ثلاثة مدنيين في قصف على القرية صباح اليوم، بحسب المرصد السوري لحقوق الإنسان.")
    assert c.source.text.startswith("المرصد") and c.source.kind == "organization"
    assert covers(c, "قتل ثلاثة مدنيين") and c.attrs.get("content_before_cue")


def test_prep_restating_a_verb_claim_is_an_attribute():
    c = one("وأعلن الفصيل أن مقاتليه سيطروا على التلة، بحسب مصادر في الفصيل نفسه.")
    assert c.cue.text == "وأعلن" and "according_to" in c.attrs


# -- stance rules -------------------------------------------------------------

def test_belief_inside_content_is_speculate_and_one_claim():
    c = one("قال قيادي في فصيل مسلح إنه يعتقد أن الهدف هو قطع الطريق.")
    assert c.stance == "speculate" and c.cue.text == "قال"


def test_negated_cue_is_not_an_assertion():
    c = one("لم يؤكد المسؤول أن القوات انسحبت.")
    assert c.stance == "speculate" and c.attrs.get("negated")


def test_denial_of_saying():
    c = one("نفى الوزير أن يكون قد قال إن الحكومة ستستقيل.")
    assert c.stance == "deny" and covers(c, "الحكومة ستستقيل")


def test_denial_words_in_content():
    c = one("قال المتحدث إنه لا صحة للأنباء عن انسحاب القوات.")
    assert c.stance == "deny"


# -- source kinds ---------------------------------------------------------------

@pytest.mark.parametrize("text, source, kind", [
    ("قال وزير الدفاع العراقي إن الجيش مستعد.", "وزير الدفاع العراقي", "named"),
    ("قال الرئيس جون سميث إن بلاده لن تتراجع.", "الرئيس جون سميث", "named"),
    ("قال مصدر دبلوماسي غربي إن المفاوضات متعثرة.", "مصدر دبلوماسي غربي", "anonymous"),
    ("قالت وزارة الخارجية إن السفير استدعي.", "وزارة الخارجية", "organization"),
    ("ذكرت صحيفة الأخبار اللبنانية أن الوفد وصل.", "صحيفة الأخبار اللبنانية", "media"),
    ("ذكر موقع \"نداء بوست\" أن الرتل تحرك.", "موقع \"نداء بوست", "media"),
    ("كشفت وثائق مسربة أن الخطة وضعت قبل عام.", "وثائق مسربة", "document"),
    ("ذكرت كثير من التقارير أن القوات تحركت.", "كثير من التقارير", "document"),
])
def test_source_kinds(text, source, kind):
    c = one(text)
    assert c.source.text.startswith(source)
    assert c.source.kind == kind


def test_subject_before_verb():
    c = one("وتشير مصادر عراقية إلى أن القوات تستعد لعملية جديدة.")
    assert c.source.text == "مصادر عراقية"
    c = one("ظهرت وثائق مسربة تحدثت عن خطة لشن هجمات على القواعد.")
    assert c.source.text == "وثائق مسربة" and covers(c, "خطة لشن هجمات")


def test_entity_link_and_kind():
    text = "قال المرصد الوطني للحقوق إن الغارة قتلت عشرة أشخاص."
    s = text.index("المرصد")
    ent = Entity("org-1", "organization", "National Rights Observatory",
                 mentions=[Span(s, s + len("المرصد الوطني للحقوق"), "المرصد الوطني للحقوق")])
    c = one(text, entities=[ent])
    assert c.source.entity == "org-1" and c.source.kind == "organization"


# -- quotes, continuations, coreference, chains -------------------------------------

def test_colon_and_quotation_content():
    c = one("وقال القائد الميداني: «دخلنا القرية. ولن نخرج منها».")
    assert c.content.text.startswith("«") and covers(c, "ولن نخرج منها")


def test_curly_quotes_without_colon():
    c = one("قال قيادي في الحشد “الأمريكيون يتحركون بلا هدف واضح”.")
    assert covers(c, "يتحركون بلا هدف")


def test_continuation_without_subject():
    doc = run("قال مصدر محلي إن الرتل دخل البلدة. وأضاف أن الطيران حلق فوقها.")
    first, second = doc.claims
    assert second.cue.text == "وأضاف"
    assert (second.source.start, second.source.end) == (first.source.start, first.source.end)
    assert second.attrs["implicit_source"] and second.attrs["coref"] == first.id
    assert covers(second, "الطيران حلق")
    assert not covers(first, "الطيران حلق")


def test_participle_continuation():
    doc = run("أكدت مصادر ميدانية أن الانفجار وقع في مستودع، مشيرة إلى مقتل عشرة أشخاص.")
    first, second = doc.claims
    assert second.cue.text == "مشيرة" and second.source.text == first.source.text
    assert covers(second, "مقتل عشرة") and not covers(first, "مقتل عشرة")


def test_definite_mention_corefers():
    doc = run("قال مصدر أمني إن الهجوم أحبط. ولفت المصدر إلى أن المهاجمين فروا.")
    first, second = doc.claims
    assert second.source.text == "المصدر" and second.attrs["coref"] == first.id
    assert second.source.kind == "anonymous"


def test_surname_corefers():
    doc = run("قال المتحدث العقيد مايلز كاغينز إن التنسيق مستمر. وقال كاغينز إن الدوريات ستزيد.")
    assert doc.claims[1].source.text == "كاغينز" and doc.claims[1].attrs["coref"] == doc.claims[0].id


def test_chain_via_relay():
    orig = one("نقلت وكالة الأنباء الرسمية عن مصدر عسكري قوله إن الجيش استعاد التلة.")
    relay = orig.attrs["relay"]
    assert relay["text"].startswith("وكالة") and relay["kind"] == "media"
    assert orig.source.text.startswith("مصدر عسكري") and orig.via is None
    assert covers(orig, "الجيش استعاد التلة")


def test_relay_by_prep_phrase():
    orig = one("وأفادت صحيفة محلية نقلا عن مسؤولين أمنيين أن الحكومة تدرس نشر قوات.")
    assert orig.source.text == "مسؤولين أمنيين" and orig.attrs["relay"]["text"] == "صحيفة محلية"


def test_outlet_is_the_channel():
    c = one("وأوضح مصدر محلي لـ\"العربي الجديد\" أن الانتشار مرتبط بالتوتر.")
    assert c.source.text == "مصدر محلي"
    assert "العربي الجديد" in c.attrs["channel"]["text"]


def test_newspaper_learned_from_source():
    c = one("وعلمت الصحيفة من مصدر مطلع أن الاجتماع تأجل.")
    assert c.source.text.startswith("مصدر مطلع") and covers(c, "الاجتماع تأجل")


# -- no claim -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "دخل رتل تابع لقوات النظام إلى المدينة.",
    "تستخدم إيران الطريق لنقل الأفراد والأسلحة.",
    "ويذكر أن المعارك اندلعت قبل أسبوع.",
    "وأضاف الجيش ثلاثة ألوية إلى القوة.",
    "وفق خطة معدة مسبقا تحركت القوات.",
    "في أعقاب إعلان الصفقة تحركت القوات.",
    "",
])
def test_no_claim(text):
    assert run(text).claims == []


def test_ids_and_order():
    doc = run("قال مصدر إن القصف توقف. ونفت الوزارة أن تكون قد قصفت المدينة.")
    assert [c.id for c in doc.claims] == ["claim-1", "claim-2"]
    assert extract_claims(doc)[0].id == "claim-3"  # ids continue after existing claims


def test_passive_voweled_verb_is_impersonal():
    assert run("ويُعتقد أن المسلحين فروا إلى الصحراء.").claims == []


def test_participle_opens_the_verb_content():
    c = one("ونفت مصادر في المعارضة ذلك، قائلة إن المفاوضات لم تبدأ.")
    assert c.stance == "deny" and c.source.text.startswith("مصادر في المعارضة")
    assert covers(c, "المفاوضات لم تبدأ")


def test_diacritics_inside_words():
    c = one("وأكّد المصدرُ أنّ الهجومَ فشلَ تماماً.")
    assert c.cue.text.startswith("وأكّد") and covers(c, "فشل")


def test_entity_trims_an_object_after_the_speaker():
    text = "حذر الرئيس جون سميث إيران من أن بلاده سترد بقوة."
    s = text.index("الرئيس")
    e = text.index(" إيران")
    ent = Entity("person-1", "person", "John Smith", mentions=[Span(s, e, text[s:e])])
    c = one(text, entities=[ent])
    assert c.source.text == "الرئيس جون سميث" and c.source.entity == "person-1"
    assert covers(c, "سترد بقوة")


def test_capital_as_source_is_an_organisation():
    text = "وقالت دمشق إن الغارة استهدفت موقعا عسكريا."
    s = text.index("دمشق")
    from rasid.model.document import PlaceInfo
    ent = Entity("place-1", "place", "Damascus", mentions=[Span(s, s + 4, "دمشق")], place=PlaceInfo(33.5, 36.3))
    c = one(text, entities=[ent])
    assert c.source.text == "دمشق" and c.source.kind == "organization"


def test_organisation_after_a_role_is_the_affiliation():
    text = "قال قيادي في حزب الأمة إن الحزب سيقاطع الانتخابات."
    s = text.index("حزب الأمة")
    ent = Entity("org-1", "organization", "Umma Party", mentions=[Span(s, s + 9, "حزب الأمة")])
    c = one(text, entities=[ent])
    assert c.source.kind == "anonymous" and c.source.entity == "org-1"
    assert c.attrs["entity_role"] == "affiliation"


def test_object_verb_after_a_day_name():
    c = one("أعلن البنتاغون، الثلاثاء، إرسال ثلاثة آلاف جندي إلى المنطقة.")
    assert c.source.text == "البنتاغون" and covers(c, "إرسال ثلاثة آلاف جندي")


def test_according_to_a_relay():
    orig = one("وصلت تعزيزات جديدة إلى القاعدة الجوية، بحسب ما نقلت وكالة رويترز عن مسؤولين أمريكيين.")
    assert "رويترز" in orig.attrs["relay"]["text"] and orig.source.text.startswith("مسؤولين")
    assert covers(orig, "تعزيزات جديدة")


def test_negated_announcement_is_no_claim():
    assert run("ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.").claims == []


def test_object_then_participle_are_two_claims():
    doc = run("وأعلن الوزير التركي بدء وصول الطائرات إلى القاعدة، مضيفا أن الضربات ستبدأ قريبا.")
    first, second = doc.claims
    assert first.source.text == "الوزير التركي" and covers(first, "بدء وصول الطائرات")
    assert not covers(first, "الضربات ستبدأ") and covers(second, "الضربات ستبدأ")


@pytest.mark.parametrize("text, source, cue, stance, key", [
    ("وأكدت وزارة الدفاع الأمريكية (البنتاغون)، في بيان، أن التعزيزات دفاعية.",
     "وزارة الدفاع الأمريكية (البنتاغون)", "وأكدت", "assert", "التعزيزات دفاعية"),
    ("من جهته، قال المتحدث باسم الحلف، جون دو، في مؤتمر صحافي، إن الحلف لا يسعى للتصعيد.",
     "المتحدث باسم الحلف، جون دو", "قال", "assert", "لا يسعى للتصعيد"),
    ("ونفى المتحدث باسم التحالف، في تصريح لـ\"المدن\"، وجود نية لإغلاق المعبر.",
     "المتحدث باسم التحالف", "ونفى", "deny", "وجود نية لإغلاق"),
    ("وهدد قائد فصيل \"كتائب الفجر\" بضرب القواعد في حال استمرار الحشد.",
     "قائد فصيل \"كتائب الفجر\"", "وهدد", "assert", "بضرب القواعد"),
    ("وبحسب ما أفادت به مصادر محلية لموقع \"الرصد\"، فإن الرتل ضم ثلاثين شاحنة.",
     "مصادر محلية", "وبحسب ما أفادت", "assert", "الرتل ضم"),
    ("ولم ينفِ المسؤول العراقي أن تكون بغداد قد أبلغت بالتحركات.",
     "المسؤول العراقي", "ينفِ", "speculate", "أبلغت بالتحركات"),
])
def test_settings_and_channels(text, source, cue, stance, key):
    c = one(text)
    assert c.source.text == source
    assert c.cue.text == cue and c.stance == stance and covers(c, key)


def test_first_person_inside_quotes_is_not_a_cue():
    doc = run("وقال الخبير: «أعتقد أن الهجوم كان متوقعا».")
    assert [c.cue.text for c in doc.claims] == ["وقال"]
    assert doc.claims[0].stance == "speculate"


def test_quote_before_the_verb():
    c = one("«لن نسمح بإغلاق المعبر»، قال القيادي في الفصيل.")
    assert c.content.text == "«لن نسمح بإغلاق المعبر»"
    assert c.source.text == "القيادي في الفصيل" and c.source.kind == "anonymous"


def test_statement_issued_by():
    c = one("وجاء في بيان للجيش أن دورياته اعتقلت ثلاثة مشتبه بهم.")
    assert c.cue.text == "بيان" and c.source.kind == "organization" and covers(c, "دورياته اعتقلت")


def test_contrast_starts_a_new_claim():
    doc = run("ويقول مسؤولون غربيون إن القوات باقية، غير أن مصادر عراقية تؤكد أن الانسحاب بدأ.")
    first, second = doc.claims
    assert not covers(first, "الانسحاب بدأ") and covers(second, "الانسحاب بدأ")
    assert second.source.text == "مصادر عراقية"


def test_demonstrative_object_is_a_denial_of_what_was_said():
    doc = run("وتوقعت مصادر أن يزور الوزير المنطقة، بينما نفت مصادر أخرى ذلك.")
    assert [c.cue.text for c in doc.claims] == ["وتوقعت", "نفت"]
    assert not covers(doc.claims[0], "نفت")
    assert doc.claims[1].content.text == "ذلك" and doc.claims[1].stance == "deny"


@pytest.mark.parametrize("text, source, key", [
    ("أعلنت تركيا الأربعاء أنها ستطلق قريبا هجوما واسعا.", "تركيا", "ستطلق قريبا"),
    ("أفاد شهود عيان أمس الاثنين بمقتل عشرة مسلحين في انفجار.", "شهود عيان", "بمقتل عشرة"),
    ("ويرى روبن أن التدريب جاء متأخرا.", "روبن", "التدريب جاء متأخرا"),
])
def test_bare_names_and_time_words(text, source, key):
    c = one(text)
    assert c.source.text == source and covers(c, key)


def test_family_name_continues_the_speaker():
    doc = run("قال النائب رياض الخيكاني إن القوات تقدمت. وأضاف الخيكاني أن الرتل عاد من بيجي.")
    first, second = doc.claims
    assert second.source.text == "الخيكاني" and second.source.kind == "named"
    assert second.attrs["coref"] == first.id


def test_according_to_what_a_verb_said():
    c = one("قتل ثلاثون شخصا على الأقل في المدينة، وفق ما أعلن المرصد الوطني للحقوق.")
    assert c.cue.text == "وفق ما أعلن" and c.source.text.startswith("المرصد")
    assert covers(c, "قتل ثلاثون شخصا")


def test_relay_subject_before_the_verb():
    # one claim per link (the real gold's convention): the outlet's, then the original speaker's
    doc = run("وكانت صحيفة \"الأنوار\" قد نقلت عن مصادر مطلعة أن الحكومة تخطط لإغلاق الحدود.")
    assert [c.source.text for c in doc.claims] == ['صحيفة "الأنوار"', "مصادر مطلعة"]
    orig = doc.claims[-1]
    assert orig.attrs["relay"]["text"].startswith("صحيفة") and orig.attrs["relay"]["kind"] == "media"


def test_accusation():
    c = one("من جانبها، اتهمت الخارجية السورية واشنطن بسرقة النفط.")
    assert c.cue.text == "اتهمت" and c.source.text.startswith("الخارجية السورية")
    assert covers(c, "بسرقة النفط") and c.stance == "assert"


def test_dual_source():
    orig = one("وذكرت وكالة الأنباء نقلاً عن مصدرين أمنيين أن رتلاً دخل البلدة.")
    assert orig.source.text == "مصدرين أمنيين" and orig.source.kind == "anonymous"


def test_kana_subject():
    c = one("وكانت جبهة النصرة الموالية للقاعدة، قد أعلنت أمس، انسحابها من مواقع المواجهة.")
    assert c.source.text.startswith("جبهة النصرة") and covers(c, "انسحابها من مواقع")


def test_participle_after_a_plain_verb():
    c = one("وانتقدت الجبهة خطة الحكومة للمنطقة العازلة، معتبرة أن هذه الخطوة تخدم مصالح أنقرة.")
    assert c.cue.text == "معتبرة" and c.source.text == "الجبهة"
    assert c.stance == "speculate" and covers(c, "تخدم مصالح أنقرة")


def test_continuation_agrees_in_gender():
    doc = run("قالت مصادر محلية إن الرتل وصل. وقال مصدر عسكري إن القصف بدأ. وأضافت أن الأهالي نزحوا.")
    last = doc.claims[-1]
    assert last.cue.text == "وأضافت" and last.source.text == "مصادر محلية"


def test_verb_gender():
    from rasid.claims.grammar import verb_gender
    from rasid.text import fold_key

    assert [verb_gender(fold_key(v)) for v in ("وأضافت", "تقول", "ولفت", "ولفتت", "نفت", "وتابع", "قالوا")] \
        == ["f", "f", "m", "f", "f", "m", None]


def test_according_to_what_was_reported_with_pronoun():
    c = one("دخل الرتل إلى البلدة صباح اليوم، بحسب ما ذكرته وكالة الأنباء المحلية.")
    assert c.cue.text == "بحسب ما ذكرته" and c.source.text.startswith("وكالة")
    assert covers(c, "دخل الرتل")
