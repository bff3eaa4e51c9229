"""Claims stage: phrasing families of Arabic news reporting (issue 18, real-text misses).

The sentences are our own, in the style of Arabic news; ``ROWS`` are checked as
``conftest.check_row`` says, the other tests say what they check.
"""

from __future__ import annotations

import pytest

from rasid.pipeline import Pipeline
from rasid.model.document import Document
from tests.claims.test_families import find as claim_of
from tests.claims.test_families import run

ROWS = [
    # "حسبما" / "بحسبما" written as one word: the clause before is what the source says
    ("وسيطرت القوات الحكومية على البلدة بعد معارك عنيفة، حسبما أفادت مصادر عسكرية أمس الأحد.",
     "حسبما أفادت", "مصادر عسكرية", "assert", "سيطرت القوات الحكومية"),
    ("وقتل 12 مسلحا في اشتباكات قرب الحدود، بحسبما ذكرت وكالة الأنباء الرسمية.",
     "بحسبما ذكرت", "وكالة الأنباء الرسمية", "assert", "قتل 12 مسلحا"),
    # a bare object after the source and its channel: a preposition further on is inside the object
    ("أكدت مصادر في قيادة المنطقة العسكرية لـ«الوطن» السيطرة الكاملة على التلال المحيطة بالمدينة.",
     "أكدت", "مصادر في قيادة المنطقة", "assert", "السيطرة الكاملة"),
    ("وأعلن الجيش أول من أمس انتهاء العملية العسكرية التي أسفرت عن مقتل عشرات المسلحين.",
     "وأعلن", "الجيش", "assert", "انتهاء العملية"),
    # "صادر عن" names the issuer of a document: its "عن" is no content opener
    ("وأفاد بيان صادر عن القيادة العامة بأن الطائرات دمرت مخزنا للأسلحة.",
     "وأفاد", "بيان صادر عن القيادة العامة", "assert", "الطائرات دمرت"),
    # a title and the name after it stay the source of a bare object
    ("وأكد وزير الخارجية الدكتور سامي الحربي حرص بلاده على وحدة اليمن.",
     "وأكد", "سامي الحربي", "assert", "حرص بلاده"),
    # a claim told to someone inside another claim: the speaker stands before "أبلغ", the one told after
    ("وأضاف المتحدث أن رئيس الوفد أبلغ المبعوث أن الحكومة مستعدة لوقف إطلاق النار.",
     "أبلغ", "رئيس الوفد", "assert", "الحكومة مستعدة"),
    # "وهو ما رأى فيه X ...": the judgement of the clause before, after its subject
    ("وطالبت المعارضة بإعادة فتح المحاكمات، وهو ما رأى فيه سامي الحربي مؤامرة مدبرة من خصومه.",
     "رأى", "سامي الحربي", "speculate", "مؤامرة مدبرة"),
    # "قائلاً" after a follow-on verb is no source: the speaker named before goes on
    ("وقال الوزير إن القوات مستعدة. وأضاف قائلا إن الحدود آمنة.", "وأضاف", "الوزير", "assert", "الحدود آمنة"),
    ("وقال الوزير إن القوات مستعدة. وأوضح قائلاً: \"لن نسمح بتكرار ما حدث\".", "وأوضح", "الوزير", "assert",
     "لن نسمح"),
    # closing a statement: the possessed statement is no source
    ("وقال الوزير إن الحل سياسي. واختتم حديثه بأن الحوار هو السبيل الوحيد.", "واختتم", "الوزير", "assert",
     "الحوار هو السبيل"),
    ("واختتم وزير الخارجية تصريحه بأنه جرى بحث سبل مواجهة الإرهاب.", "واختتم", "وزير الخارجية", "assert",
     "جرى بحث سبل"),
    # "عن" after a member of a body names the bloc he sits for, not a source he relays
    ("من جهته دعا النائب سامي الحربي عن ائتلاف دولة القانون إلى محاسبة المسؤولين عن الفساد.",
     "دعا", "النائب سامي الحربي", "assert", "محاسبة المسؤولين"),
    ("وقال عضو عن الكتلة الصدرية في البرلمان إن التصويت سيجري الأسبوع المقبل.",
     "وقال", "عضو عن الكتلة الصدرية", "assert", "التصويت سيجري"),
    # the name after a spokesman's organisation and its city
    ("وبدوره، كشف المتحدث باسم الأمم المتحدة في جنيف سامي الحربي أمس أن المبعوث التقى قادة الأحزاب.",
     "كشف", "سامي الحربي", "assert", "المبعوث التقى"),
    # "وكان الناطق باسم X فلان قد قال": the name is in the subject
    ("وكان الناطق باسم الحكومة ماجد عطاوي قد قال في وقت سابق إن الوزراء سيعودون إلى عدن.",
     "قال", "ماجد عطاوي", "assert", "الوزراء سيعودون"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", ROWS)
def test_reporting_phrasing(text, cue, source, stance, key, claim_row):
    claim_row(text, cue, source, stance, key)


@pytest.mark.parametrize("text, cue, source", [
    # a name or a genitive after the speaker is no bare object: the cue's preposition opens the content
    ("وأعلنت يانا كوفالسكا سفيرة الاتحاد الأوروبي عن تخصيص مساعدات للنازحين.", "وأعلنت", "يانا كوفالسكا"),
    ("وأكدت عائلة الشاب على ضرورة محاسبة القتلة.", "وأكدت", "عائلة الشاب"),
    # a preposition of the cue right after an adjective of the source still opens the content
    ("كشف مسؤول أمريكي رفيع المستوى عن عزم بلاده تقديم دعم جوي للمقاتلين.", "كشف", "مسؤول أمريكي"),
    ("أكد مصدر مطلع على سير المفاوضات أن الجولة المقبلة ستعقد في جنيف.", "أكد", "مصدر مطلع"),
])
def test_preposition_after_describer(text, cue, source):
    c = claim_of(run(text), cue)
    assert source in c.source.text
    assert not c.content.text.startswith(("رفيع", "المستوى", "سير", "كوفالسكا", "الشاب"))


@pytest.mark.parametrize("text, cue, source, key", [
    # a country named as an actor (no actor entry) is a source (the places stage sets it aside)
    ("وأعلنت جيبوتي أول من أمس حاجتها إلى المساعدات الإنسانية بعد تدفق اللاجئين.", "وأعلنت", "جيبوتي",
     "حاجتها إلى المساعدات"),
    # a country after إعلان/بيان is the country's announcement (not "إعلان دمشق", a document)
    ("وجاء ذلك بعد إعلان تركيا إقامة منطقة آمنة على حدودها.", "إعلان", "تركيا", "إقامة منطقة آمنة"),
])
def test_country_as_source(text, cue, source, key):
    doc = Pipeline.default()(Document(id="t", text=text))
    c = claim_of(doc, cue)
    assert c.source.text == source
    assert c.source.kind == "organization"
    assert key in c.content.text


@pytest.mark.parametrize("text, cue, source, key", [
    # reports passed on by a publisher: the publisher is the source of what they say
    ("وقال الوزير إن مواقع إخبارية أوردت تقارير تفيد بأن الحكومة أغلقت المعبر.", "تفيد", "مواقع إخبارية",
     "الحكومة أغلقت المعبر"),
    ("وكانت وسائل إعلام محلية قد تناقلت الأسبوع الماضي تقارير تفيد بأن الجيش انسحب من البلدة.", "تفيد",
     "وسائل إعلام محلية", "الجيش انسحب"),
    # news about something passed on by a publisher: the publisher claims what follows "عن"
    ("وتداولت وسائل إعلام محلية أنباء عن مقتل قائد الفصيل في الغارة.", "وتداولت", "وسائل إعلام محلية",
     "مقتل قائد الفصيل"),
    ("وتناقل ناشطون أمس أنباء عن انشقاق ضابط في الشرطة.", "وتناقل", "ناشطون", "انشقاق ضابط"),
    # a report nobody is said to publish keeps the claim, across a time before its verb
    ("وتم تداول تقارير صحافية الأسبوع الماضي تفيد بأن السلطات فرضت قيودا على السفر.", "تفيد",
     "تقارير صحافية", "السلطات فرضت قيودا"),
])
def test_published_reports(text, cue, source, key):
    c = claim_of(Pipeline.default()(Document(id="t", text=text)), cue)
    assert source in c.source.text, c.source.text
    assert key in c.content.text


INTERVIEW = (
    "استبعد ممثل المعارضة لدى دول الخليج سامي الحربي، إمكانية أن يقبل النظام بالحل السياسي. "
    "وقال في حواره لـ «الوطن»: إن النظام لن يتنازل عن الحكم.\n\n"
    "• كيف تقرأ تعيين المبعوث الجديد؟\n"
    "•• المبعوث دبلوماسي يعرف المنطقة، لكن لا أعتقد أن تتغير السياسة الأمريكية قريبا.\n"
    "• وماذا عن الحرب على الإرهاب؟\n"
    "•• نحن نرى أن الإرهاب يشكل تهديدا لجميع دول العالم، وباعتقادي أن النظام سيظل يقاتل حتى النهاية.\n"
)


@pytest.mark.parametrize("text, cue, stance, key", [
    (INTERVIEW, "أعتقد", "speculate", "تتغير السياسة"),
    (INTERVIEW, "نرى", "speculate", "الإرهاب يشكل تهديدا"),
    (INTERVIEW, "وباعتقادي", "speculate", "سيظل يقاتل"),
    (INTERVIEW.replace("•• ", "ج: ").replace("• ", "س: "), "نرى", "speculate", "الإرهاب يشكل تهديدا"),
])
def test_interview_answers(text, cue, stance, key):
    """In the answers of an interview, the interviewee (named in the introduction) speaks."""
    c = claim_of(run(text, {"سامي الحربي": ("person-1", "person", "سامي الحربي")}), cue)
    assert "سامي الحربي" in c.source.text, c.source.text
    assert c.stance == stance
    assert key in c.content.text, c.content.text


@pytest.mark.parametrize("text", [
    # first person outside an interview's answers: quoted speech, no claim of its own
    "قال الوزير إن الحكومة ماضية في خطتها. نحن نرى أن الحل قريب.",
    # the question lines are the journalist's
    INTERVIEW.replace("• كيف تقرأ تعيين المبعوث الجديد؟", "• نرى أن المبعوث الجديد لن يغير شيئا؟"),
])
def test_no_first_person_claim_outside_answers(text):
    doc = run(text, {"سامي الحربي": ("person-1", "person", "سامي الحربي")})
    assert not [c for c in doc.claims if c.cue.text == "نرى" and "المبعوث" in c.content.text
                or c.cue.text == "نرى" and "الحل قريب" in c.content.text]


@pytest.mark.parametrize("text", [
    "واختتم المؤتمر أعماله أمس بإصدار بيان ختامي.",  # closing a meeting, nothing said
    "وختمت الشرطة المحل بالشمع الأحمر.",
    "وتداول الأهالي الأخبار بسرعة كبيرة.",  # no report noun with "عن"
])
def test_no_claim_for_closing_or_passing_on(text):
    doc = run(text)
    assert doc.claims == [], [(c.source.text, c.cue.text) for c in doc.claims]


def test_announcement_inside_a_claim_is_no_follow_on_speaker():
    """"ولفتت الصحف إلى إعلان الولايات المتحدة نشر ...، وأنبأت عن": the papers go on, not the country."""
    text = ("ولفتت الصحف إلى إعلان الولايات المتحدة أمس نشر مقاتلات في قاعدة جوية جنوب تركيا. "
            "وأنبأت عن اتهام الحكومة البريطانية بالتقصير.")
    doc = Pipeline.default()(Document(id="t", text=text))
    assert claim_of(doc, "إعلان").source.text.startswith("الولايات المتحدة")
    assert "الصحف" in claim_of(doc, "وأنبأت").source.text


def test_named_declaration_is_no_place():
    from rasid.places import find_places
    from rasid.model.document import Document as Doc

    assert not find_places(Doc(id="t", text="ووقعت المعارضة على إعلان دمشق عام 2005.").view)
    assert [r.entry.en for r in find_places(Doc(id="t", text="وجاء ذلك بعد إعلان تركيا إقامة منطقة آمنة.").view)] \
        == ["Turkey"]


def test_subheading_breaks_no_speech():
    """A subheading line between two paragraphs ("تصميم الثوار") is no sentence of speech:
    the participles after it keep the speaker named before it."""
    text = ("وقال المتحدث باسم المقاومة سامي الحربي إن المسلحين يعيشون حالة انهيار.\n"
            " تقدم الثوار\n"
            " ومضى بالقول إن الثوار تقدموا في حي الجحملية، مشيرا إلى أن الخطة تعتمد على المواجهة المباشرة.")
    doc = run(text, {"سامي الحربي": ("person-1", "person", "سامي الحربي")})
    said = [c for c in doc.claims if c.cue.text in ("ومضى", "بالقول")]  # "ومضى بالقول": one claim
    assert len(said) == 1 and "سامي الحربي" in said[0].source.text
    assert "سامي الحربي" in claim_of(doc, "مشيرا").source.text
