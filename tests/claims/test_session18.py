"""Claims stage: attribution families found on real reporting (issue 18, session claims5).

Every sentence was written for these tests in the style of Arabic news reports
(none copied from an article). Rows: text, the cue, a phrase the claim's source
must hold, the stance and a phrase its content must hold; NONE rows: text and a
cue that must make no claim.
"""

from __future__ import annotations

import pytest

from tests.claims.test_families import find as claim_of
from tests.claims.test_families import run

ROWS = [
    # a trailing attribution that names another speaker's own saying is a claim of its own
    # over the clause, beside the clause's own claim
    ("أعلنت وزارة الداخلية رفع حالة التأهب في المدن الكبرى، وفق ما صرح به مدير الأمن العام، اللواء سامي حداد.",
     "وفق ما صرح", "اللواء سامي حداد", "assert", "رفع حالة التأهب"),
    ("أعلنت وزارة الداخلية رفع حالة التأهب في المدن الكبرى، وفق ما صرح به مدير الأمن العام، اللواء سامي حداد.",
     "أعلنت", "وزارة الداخلية", "assert", "رفع حالة التأهب"),
    ("طالب رئيس الوزراء بإجراء انتخابات مبكرة في البلاد، حسب ما أفادت وسائل إعلام محلية.",
     "حسب ما أفادت", "وسائل إعلام", "assert", "انتخابات مبكرة"),
]

NONE = [
    # the host's own statement ("بحسب البيان الرسمي للحزب" after "أعلن الحزب") adds no claim
    ("وأعلن الحزب مقتل اثنين من عناصره في المعارك، بحسب البيان الرسمي للحزب.", "بحسب"),
    # "مواقع يُشتبه بأن": the passive after an indefinite noun, no speaker
    ("وأغارت الطائرات على مبان يشتبه بأن المسلحين يختبئون فيها قرب الحدود.", "يشتبه"),
    # "طالب" the noun (a student) before "إلى": no call
    ("وصل طالب جامعي إلى الحدود أمس بعد رحلة طويلة.", "طالب"),
    # "بين X، وبين Y": the preposition, not the verb بيّن
    ("دار نقاش حاد بين الوزير، وبين النائب المستقل الذي أشار إلى ضعف الرقابة.", "وبين"),
    # "ويُشتبه بأنها": the impersonal passive inside another speaker's claim
    ("وقال المسؤولون إن زوجته معتقلة لدى القوات الحكومية ويشتبه بأنها نقلت أموالاً للخلية.", "ويشتبه"),
    # "قرار ... يطالب إيران بـ": the verb describes the resolution, the one after it is addressed
    ("وناشد الوزير مجلس الأمن إصدار قرار شديد اللهجة يطالب الحكومة بسحب قواتها.", "يطالب"),
    # criticism of a bare act or thing: no proposition, no claim (decision of session claims5)
    ("وانتقد رئيس البرلمان الحكومة في جلسة الأمس.", "وانتقد"),
    ("وانتقد الوزير الحكومة لفترة طويلة قبل استقالته.", "وانتقد"),
    # a source phrase running over a clause word names no speaker
    ("ويتوقع استمراره في منصبه حتى الانتخابات المقبلة، حيث من المفترض أن تستقيل الحكومة بعدها.", "ويتوقع"),
    # "وفقاً لـ" an article of law is no speaker
    ("وقضت المحكمة بمنعه من السفر، وأكدت أن الحكم نهائي، وفقاً للمادة العاشرة من نظام وثائق السفر.", "وفقاً"),
]


@pytest.mark.parametrize("text,cue,source,stance,content", ROWS)
def test_family(text, cue, source, stance, content):
    c = claim_of(run(text), cue)
    assert source in c.source.text, (c.source.text, c.content.text)
    assert c.stance == stance, c.stance
    assert content in c.content.text, c.content.text


@pytest.mark.parametrize("text,cue", NONE)
def test_no_claim(text, cue):
    doc = run(text)
    assert not [c for c in doc.claims if c.cue.text == cue], [(c.source.text, c.cue.text) for c in doc.claims]


CALLS_AND_PARTICIPLES = [
    # a setting between commas, then the one addressed, then the content
    ("طالب وزير العدل، في بيان نشره مكتبه، المنظمات الدولية بالتحقيق في الانتهاكات.",
     "طالب", "وزير العدل", "assert", "بالتحقيق في الانتهاكات"),
    ("طالب المرجع الديني علي الحكيم، في بيان لمكتبه، مجلس الأمن إلى إرسال مراقبين دوليين.",
     "طالب", "علي الحكيم", "assert", "إرسال مراقبين"),
    ("طالب المتحدث، في تصريح صحفي، بفتح المعابر أمام المساعدات.",
     "طالب", "المتحدث", "assert", "بفتح المعابر"),
    # ذاكراً after a verb that is no saying: the participle carries the claim
    ("ووجه الوزير انتقادات حادة إلى قادة الشرطة ذاكراً أنهم تأخروا في الاستجابة للنداءات.",
     "ذاكراً", "الوزير", "assert", "تأخروا في الاستجابة"),
    # a known speaker before a belief verb inside another claim: a claim of its own (the subject
    # is not the outer source)
    ("ويقول مصدر حكومي إن المحققين يعتقدون أن الأسباب عائلية.", "يعتقدون", "المحققين", "speculate",
     "الأسباب عائلية"),
    # بيّن written without its shadda, once a speaker known from an earlier claim and an opener follow;
    # "رداً على ..." is the setting, not part of the source
    ("طالب عادل الحمداني بفتح تحقيق. وبين الحمداني رداً على سؤال من الصحفيين، إلى أن الأدلة كافية.",
     "وبين", "الحمداني", "assert", "الأدلة كافية"),
    # a press review: the papers stay the subject of verb after verb, well past the reach of
    # an ordinary left-out subject
    ("أبرزت الصحف المصرية الصادرة اليوم زيارة الرئيس إلى الخرطوم. وأبدت اهتماماً بالمشاورات الجارية. "
     "وتابعت أخبار الطقس. واهتمت بنتائج المباريات. وأفردت مساحة للاقتصاد. "
     "وأخبرت عن ارتفاع أسعار القمح في الأسواق المحلية.",
     "وأخبرت", "الصحف", "assert", "ارتفاع أسعار القمح"),
    # the dual بيّنا after "بين" in its sentence is still the verb
    ("وأثنى الجانبان على العلاقات بين البلدين، وبينا أن النتائج كانت إيجابية.", "وبينا", "الجانبان", "assert",
     "النتائج كانت إيجابية"),
    # criticism with its reason: the reason is what the speaker asserts about the one criticised
    ("وانتقدت الخارجية الفرنسية الحكومة الإيطالية لعدم تنسيقها مع شركائها الأوروبيين.", "وانتقدت",
     "الخارجية الفرنسية", "assert", "لعدم تنسيقها"),
    ("وانتقد زعيم المعارضة الحكومة بسبب تأخرها في صرف رواتب الموظفين.", "وانتقد", "زعيم المعارضة", "assert",
     "تأخرها في صرف"),
    ("وانتقد زعيم المعارضة أداء الحكومة لأنها تأخرت في صرف رواتب الموظفين.", "وانتقد", "زعيم المعارضة", "assert",
     "تأخرت في صرف"),
    # a hope expressed is a guess (the realgold review: أعرب عن أمله -> speculate)
    ("وأعرب المبعوث الأممي عن أمله في أن تفضي المحادثات إلى هدنة دائمة.", "وأعرب", "المبعوث الأممي",
     "speculate", "تفضي المحادثات"),
    # the one accused after the speaker is not part of the source
    ("واتهم الجيش المسلحين بقصف الأحياء السكنية في المدينة.", "واتهم", "الجيش", "assert", "بقصف الأحياء"),
    # a statement issued, "جاء فيه": its issuer speaks
    ("وأصدرت وزارة الخارجية بياناً جاء فيه أن السفير غادر البلاد مساء أمس.", "جاء", "وزارة الخارجية", "assert",
     "السفير غادر البلاد"),
    ("ووزعت الحركة بياناً، جاء فيه: «لن نتراجع عن مطالبنا».", "جاء", "الحركة", "assert", "لن نتراجع"),
    # a follow-on verb late in a long sentence speaks for the subject of the verb opening it
    ("وأوضحت مجلة «الأسبوع» الفرنسية في عددها الصادر أمس أن قوات المعارضة حققت مكاسب كبيرة في الشمال "
     "خلال الأسابيع الماضية وأن البلاد تشهد صيفاً دامياً على أكثر من جبهة ولكن هناك مؤشرات كثيرة على اقتراب "
     "نهاية الأزمة في المستقبل القريب بحسب مراقبين كثيرين، وأوضحت أن مساحة الأراضي التي يسيطر عليها الجيش "
     "آخذة في الانكماش.", "وأوضحت", "مجلة «الأسبوع»", "assert", "آخذة في الانكماش"),
    # a relative clause set off by commas after the speaker, then the one accused, then a time
    ("اتهمت قوات سوريا الديمقراطية، التي تقاتل التنظيم في الشمال، ويدعمها التحالف الدولي، "
     "الحكومة التركية، أمس، بقصف مواقعها قرب الحدود.", "اتهمت", "قوات سوريا الديمقراطية", "assert",
     "بقصف مواقعها"),
    ("اتهمت المعارضة، التي تقاطع الانتخابات، الحكومة، الثلاثاء، بتزوير النتائج.", "اتهمت", "المعارضة",
     "assert", "بتزوير النتائج"),
    # suspicion is a guess
    ("ويشتبه المحققون في أن الخلية خططت لتفجير آخر.", "ويشتبه", "المحققون", "speculate", "خططت لتفجير"),
]


# unquoted direct speech opened by a colon goes on over the next sentences of its paragraph
# while they speak in the first person and hold no cue of their own
SPEECH = ("وقال الوزير في المؤتمر الصحفي: صحيح أن المعارك طويلة ومكلفة. ونعلم أن الحل لن يكون سريعاً. "
          "لا يمكن أن يكون الرد عسكرياً فقط، يجب أن يكون هناك مسار سياسي.\n"
          "وفي سياق آخر، قتل ثلاثة جنود في انفجار عبوة ناسفة.")


def test_unquoted_speech_goes_on():
    c = claim_of(run(SPEECH), "وقال")
    assert "مسار سياسي" in c.content.text and "جنود" not in c.content.text, c.content.text


def test_unquoted_speech_stops_without_first_person():
    c = claim_of(run("وقال الوزير: الوضع صعب. وقتل خمسة في انفجار قرب السوق."), "وقال")
    assert "خمسة" not in c.content.text, c.content.text


@pytest.mark.parametrize("text,cue,source,stance,content", CALLS_AND_PARTICIPLES)
def test_calls_and_participles(text, cue, source, stance, content):
    test_family(text, cue, source, stance, content)
