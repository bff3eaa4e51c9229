"""Claims stage: families found on the 392-article corpus (issue 18, helper claims14).

Every sentence was written for these tests in the style of Arabic news (none
copied from an article).
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import NAMES
from tests.claims.test_families import run


def _claims(text: str, cue: str):
    return [c for c in run(text, NAMES).claims if c.cue.text == cue]


# a subject after a sentence-opening كان or a contrast word, set off from its verb by a comma
FRONTED = [
    ("وكان المرصد، أكد أن الطائرات قصفت مواقع التنظيم في الريف الشمالي.", "أكد", "المرصد", "assert",
     "الطائرات قصفت مواقع"),
    ("وكان مصدر في الفصيل، اعتبر أن الانسحاب جاء بعد ضغوط كبيرة.", "اعتبر", "مصدر في الفصيل", "speculate",
     "الانسحاب جاء بعد ضغوط"),
    ("غير أن مسؤولاً عسكرياً، رفض الكشف عن اسمه، قال إن القوات ستبقى في مواقعها.", "قال", "مسؤولاً عسكرياً",
     "assert", "القوات ستبقى"),
    ("لكن مصدراً في وزارة الدفاع، أكد لـ«الصحيفة» أن الضربات ستتواصل.", "أكد", "مصدراً في وزارة الدفاع",
     "assert", "الضربات ستتواصل"),
    ("إلا أن رئيس اللجنة الأمنية، سامي الحربي، قال إن الهجوم أحبط قبل وقوعه.", "قال", "سامي الحربي", "assert",
     "الهجوم أحبط"),
    ("وكان المتحدث باسم الجيش، قال أمس لصحيفة «الحياة»، إن العملية انتهت.", "قال", "المتحدث باسم الجيش", "assert",
     "العملية انتهت"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", FRONTED)
def test_fronted_subject_set_off_by_comma(claim_row, text, cue, source, stance, key):
    claim_row(text, cue, source, stance, key)


@pytest.mark.parametrize("text, cue, source", [
    # the verb's own subject follows it: the fronted phrase is no speaker
    ("وكان الهجوم الأخير، قال المصدر إنه وقع ليلاً.", "قال", "المصدر"),
    ("لكن الحصار على البلدة، أكدت الأمم المتحدة أنه مستمر.", "أكدت", "الأمم المتحدة"),
])
def test_fronted_phrase_with_subject_after_verb(text, cue, source):
    hits = _claims(text, cue)
    assert hits and all(c.source.text == source for c in hits), [c.source.text for c in hits]


@pytest.mark.parametrize("text, cue", [
    # a phrase that is no speaker before the comma: no claim
    ("لكن الهجوم على المدينة، أكد أن الجيش ضعيف.", "أكد"),
])
def test_fronted_non_speaker(text, cue):
    assert not _claims(text, cue)


# an addressee verb: the speaker, the one addressed (with its names, places, times, a relative
# clause), then "بـ" + what is asked or charged
FAR_BI = [
    ("طالب رئيس البرلمان سامي الحربي أمس الأحد رئيس الحكومة علي الحسيني بإقالة الوزراء المتهمين.", "طالب",
     "سامي الحربي", "assert", "بإقالة الوزراء"),
    ("وطالب المجلس الأعلى للقبائل في الخليل يوم السبت الحكومة المحلية بإجراء تحقيق في الحادث.", "وطالب",
     "المجلس الأعلى للقبائل", "assert", "بإجراء تحقيق"),
    ("طالبت جبهة النصرة التي تحتجز عدداً من الجنود في الجبال، بالإفراج عن سجينات لديها.", "طالبت",
     "جبهة النصرة", "assert", "بالإفراج عن سجينات"),
    ("وطالبت الدراسة الجهات ذات الاختصاص بضرورة تكثيف حملات التوعية.", "وطالبت", "الدراسة", "assert",
     "بضرورة تكثيف"),
    ("واتهمت جماعة المعارضة المسلحة التي تقاتل في الشمال منذ سنوات الحكومة المركزية بالوقوف وراء الاغتيال.",
     "واتهمت", "جماعة المعارضة", "assert", "بالوقوف وراء الاغتيال"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", FAR_BI)
def test_addressee_then_far_bi(claim_row, text, cue, source, stance, key):
    claim_row(text, cue, source, stance, key)


def test_far_bi_speaker_with_name_stops_at_comma():
    # "فلان، رئيس الحكومة فلان بـ": a second title and name after the comma is the one addressed
    hits = _claims("فيما طالب ممثل المرجعية سامي الحربي، رئيس الحكومة علي الحسيني بمكافحة الفساد.", "طالب")
    assert hits and hits[0].source.text == "ممثل المرجعية سامي الحربي", [c.source.text for c in hits]
    assert hits[0].content.text.startswith("بمكافحة")


@pytest.mark.parametrize("text, cue", [
    # after a relative pronoun the phrase after the verb is the one accused, not the speaker
    ("وهاجم المسلحون مقر الفرقة، التي تتهم «النصرة» أيضاً بخطف قائدها.", "تتهم"),
    # a feminine verb and a masculine plural phrase: the phrase is the one addressed
    ("وقالت الجبهة إنها أسرت عناصر، وطالبت مقاتلين آخرين في المنطقة بالتخلي عن السلاح.", "وطالبت"),
])
def test_far_bi_phrase_is_no_speaker(text, cue):
    hits = _claims(text, cue)
    assert all(c.source.text not in ("«النصرة»", "النصرة") and "مقاتلين" not in c.source.text for c in hits), \
        [c.source.text for c in hits]


@pytest.mark.parametrize("text, cue", [
    # a verbal noun right after a preposition is no verb ("على وصف", "عن ذكر")
    ("وقال الأهالي إن «الكلمات عاجزة عن وصف ما جرى»، مؤكدين أن القصف استمر ساعات.", "وصف"),
    ("ودفع ذلك الوزير إلى وصف الحكومة بأنها فاشلة.", "وصف"),
])
def test_verbal_noun_after_preposition(text, cue):
    assert not _claims(text, cue)


def test_participle_after_quote_keeps_its_speaker():
    hits = _claims("وقالت العائلة في بيان، إنه «ما من كلمات قادرة على وصف صدمتنا»، مؤكدة أن ابنها لم يكن متطرفاً.",
                   "مؤكدة")
    assert hits and hits[0].source.text == "العائلة", [c.source.text for c in hits]
    assert "ابنها لم يكن متطرفاً" in hits[0].content.text


def test_affiliated_is_no_verb():
    # "موقع تابع لمؤسسة": an adjective; the speaker's content opener lies past it
    text = ("ويشير سامي الحربي، رئيس تحرير مجلة الشرق، وهو موقع تابع لمؤسسة بحثية، في حديث للصحيفة، "
            "إلى أن المقاتلين فقدوا الحاضنة الشعبية.")
    assert not _claims(text, "تابع")
    hits = _claims(text, "ويشير")
    assert hits and "سامي الحربي" in hits[0].source.text and "فقدوا الحاضنة" in hits[0].content.text


def test_passive_belief_inside_a_statement_is_the_speakers():
    # the gold convention: "أشلاء يعتقد أنها ..." inside what a spokesman says is his speculation
    text = "وقال المتحدث الأمني إن الانفجار وقع ظهراً، كما عثر في الموقع على أشلاء يعتقد أنها لانتحاري."
    hits = _claims(text, "يعتقد")
    assert hits and hits[0].stance == "speculate" and "المتحدث الأمني" in hits[0].source.text, \
        [(c.source.text, c.stance) for c in hits]


TITLE_NAME_OBJECT = [
    # a title, the person's name, then the bare object: the name belongs to the speaker
    ("وأكد الرئيس التركي رجب طيب أردوغان عزم بلاده ملاحقة المسلحين.", "وأكد", "رجب طيب أردوغان", "assert",
     "عزم بلاده"),
    # the subject before the auxiliary كان
    ("المسؤولون الأمريكيون كانوا يقولون عند بداية الغارات إنها ستستغرق أشهراً.", "يقولون", "المسؤولون", "assert",
     "ستستغرق أشهراً"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", TITLE_NAME_OBJECT)
def test_title_name_and_auxiliary(text, cue, source, stance, key):
    names = {**NAMES, "رجب طيب أردوغان": ("person-9", "person", "رجب طيب أردوغان")}
    hits = [c for c in run(text, names).claims if c.cue.text == cue]
    assert hits, cue
    c = hits[-1]
    assert source in c.source.text and "عند" not in c.source.text, c.source.text
    assert c.stance == stance and key in c.content.text and not c.content.text.startswith("رجب")


def test_setting_before_verb_is_no_content():
    # "في هذا الوقت، قال فلان، ...": a short setting before the verb is nothing said
    doc = run("في هذا الوقت، قال الأدميرال سامي الحربي، المتحدث باسم الوزارة، في مؤتمر صحافي.", NAMES)
    assert all(c.content.text != "في هذا الوقت" for c in doc.claims), [c.content.text for c in doc.claims]


def test_follow_on_skips_a_claim_said_inside_another():
    # "وأضافت" goes on with the sources, not with the commander their words quote
    text = ("وقالت المصادر إن القائد سامي الحربي أبلغ لجنة التحقيق بأنه تسلم أوامر الانسحاب. "
            "وأضافت أن الحربي طلب تعزيزات لم تصل.")
    hits = _claims(text, "وأضافت")
    assert hits and hits[0].source.text == "المصادر", [c.source.text for c in hits]


def test_concessive_law_is_no_opener():
    # "ولو أنه ضعيف": a concession, not the content of "تعتبر"
    assert not _claims("إضافة إلى ذلك، تعتبر المدينة خط اتصال خلفياً، ولو أنه ضعيف، بمقاتلي المعارضة.", "تعتبر")


QUOTED_ORGS = [
    # a quoted organisation right after the verb is the speaker, not a quotation
    ("بموازاة ذلك، أعلنت «حركة النصر الإسلامية» أمس، في بيان لها، عن توقف المفاوضات مع الوفد.", "أعلنت",
     "حركة النصر الإسلامية", "assert", "توقف المفاوضات"),
    ("وبالتزامن، أفادت «الشبكة الوطنية لحقوق الإنسان» بمقتل خمسة مدنيين في القصف.", "أفادت",
     "الشبكة الوطنية لحقوق الإنسان", "assert", "بمقتل خمسة مدنيين"),
    # a quoted name opening with ل is no channel "لـ«...»"
    ("وفي بلدة داريا، قال «لواء شهداء المدينة» التابع للمعارضة إنه سيطر على الحي.", "قال", "لواء شهداء المدينة",
     "assert", "سيطر على الحي"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", QUOTED_ORGS)
def test_quoted_organisation_speaks(text, cue, source, stance, key):
    hits = _claims(text, cue)
    assert hits and source in hits[-1].source.text, [c.source.text for c in hits]
    assert hits[-1].stance == stance and key in hits[-1].content.text, hits[-1].content.text


def test_quotation_after_verb_stays_a_quotation():
    doc = run("وقال الوزير سامي الحربي إن الوضع هادئ. وأضاف «الحكومة لن تتراجع عن قرارها».", NAMES)
    hits = [c for c in doc.claims if c.cue.text == "وأضاف"]
    assert hits and "سامي الحربي" in hits[0].source.text and "لن تتراجع" in hits[0].content.text


def test_long_topic_then_prodrop_verb():
    # "وعن X [a long phrase]، قال إن": the speaker held over from the sentence before
    text = ("وقال المعارض سامي الحربي إن الوضع صعب. وعن الغارات التي نفذتها طائرات التحالف لدعم فصائل "
            "مقربة من الجبهة في معركتها قرب البلدة في شمال البلاد، قال إن الجبهة تعتبرها غارات خجولة.")
    hits = _claims(text, "قال")
    assert hits and "سامي الحربي" in hits[0].source.text and "غارات خجولة" in hits[0].content.text, \
        [(c.source.text, c.content.text) for c in hits]


def test_district_head_speaks():
    hits = _claims("وفي مدينة الرمادي، أعلن قائمقام المدينة توغل القوات الأمنية باتجاه مداخلها.", "أعلن")
    assert hits and "قائمقام المدينة" in hits[0].source.text and "توغل القوات" in hits[0].content.text


def test_relative_clause_with_a_cue_inside_the_speaker_phrase():
    # "الذي يعتبر القوة الثانية" describes the speaker right before it: the opener lies past it
    text = "كذلك اتهم حزب الشعب الجمهوري الذي يعتبر القوة الثانية في البرلمان، الحكومة بأنها تساهلت مع المتطرفين."
    hits = _claims(text, "اتهم")
    assert hits and "حزب الشعب الجمهوري" in hits[0].source.text and "تساهلت" in hits[0].content.text


def test_condemned_claims_are_no_content_opener():
    # "واستنكر فلان بشدة الادعاءات التي تقول بأن": what the relative clause says is not his
    text = "واستنكر الوزير سامي الحربي بشدة الادعاءات التي تقول بأن هناك علاقة بين الحكومة والتنظيم."
    hits = _claims(text, "واستنكر")
    assert all(not c.content.text.startswith("بأن") for c in hits), [c.content.text for c in hits]


def test_passive_belief_after_a_noun_is_a_claim_of_its_own():
    # "سقط الصاروخ، ويرجح أنه ...": the outer saying stays assert, the hedge is the speaker's speculation
    text = "وقال المتحدث سامي الحربي إن الصاروخ سقط على الحي، ويرجح أنه أطلق من الريف."
    doc = run(text, NAMES)
    outer = [c for c in doc.claims if c.cue.text == "وقال"]
    inner = [c for c in doc.claims if c.cue.text == "ويرجح"]
    assert outer and outer[0].stance == "assert", [(c.cue.text, c.stance) for c in doc.claims]
    assert inner and inner[0].stance == "speculate" and "سامي الحربي" in inner[0].source.text
