"""Claims stage: general families found on real tune (issue 18, session 19).

Every sentence was written for these tests in the style of Arabic news (none
copied from an article). Rows: text, the cue, the source surface the claim's
source must hold, the stance and a phrase its content must hold.
"""

from __future__ import annotations

import pytest

from tests.claims.test_families import find as claim_of
from tests.claims.test_families import run

ROWS = [
    # a full stop with no space after it: the sentence after it opens with its own cue
    ("وتقدمت القوات نحو البلدة الجنوبية.وتعتقد الأجهزة الأمنية أن القائد فر إلى الجبال.", "وتعتقد",
     "الأجهزة الأمنية", "speculate", "القائد فر"),
    ("انتهى الاجتماع في ساعة متأخرة.وقال الناطق باسم الحكومة إن الجلسة المقبلة تعقد الأحد.", "وقال",
     "الناطق باسم الحكومة", "assert", "الجلسة المقبلة"),
    # "ما + verb (+ عنه) + speaker + من": what the speaker said, after "من"
    ("ومن أسباب القلق ما كشفت عنه الوزارة من أن أغلب المجندين دون العشرين.", "كشفت", "الوزارة", "assert",
     "أغلب المجندين"),
    ("وقلل القائد من أهمية ما يردده المسلحون من أن السلاح الثقيل يحسم المعركة.", "يردده", "المسلحون", "assert",
     "السلاح الثقيل يحسم"),
    ("وهذا يخالف ما أعلنه مسؤولون غربيون من أن العمليات البرية لم تبدأ.", "أعلنه", "مسؤولون غربيون", "assert",
     "العمليات البرية لم تبدأ"),
    # a relative clause whose own subject follows its verb
    ("وقصفت الطائرات مدينة الحديدة، التي يتوقع كثيرون أن تشهد المعركة الكبرى.", "يتوقع", "كثيرون",
     "speculate", "تشهد المعركة الكبرى"),
    ("قتل عنصر على يد القيادي الذي وصفته وسائل الإعلام الرسمية بالمجرم الفار.", "وصفته", "وسائل الإعلام الرسمية",
     "speculate", "بالمجرم الفار"),
    # a plural verb carries its subject: the plural speaker named before it, not the one addressed after it
    ("وقال المتظاهرون إن الخدمات منعدمة، وطالبوا المحافظ بالاستقالة.", "وطالبوا", "المتظاهرون", "assert",
     "بالاستقالة"),
    # a noun of saying as the object of a renewal: the speaker is left out, the one named before
    ("وقال السفير إن العلاقات متينة، كما جدد التأكيد على أن بلاده لم تتلق أي شكوى.", "جدد", "السفير", "assert",
     "لم تتلق أي شكوى"),
    # the participle after an indefinite noun it does not describe still continues the claim
    ("ذكرت الصحيفة أن الهجوم وقع فجرا مشيرة إلى سقوط قتلى.", "مشيرة", "الصحيفة", "assert", "سقوط قتلى"),
    # "وفقاً لـ" + an outlet: the ل is the cue's, the outlet speaks (with its quoted name)
    ("وتعتزم الحكومة، وفقا لصحيفة الشروق، إرسال وفد إلى القاهرة.", "وفقا", "الشروق", "assert", "إرسال وفد"),
    ("وفقًا لوكالة الأنباء الرسمية «سبأ»، فإن الوزير وصل إلى عدن.", "وفقًا", "سبأ", "assert", "الوزير وصل"),
    # the phrase alone in its sentence attributes the sentence before; the outlet goes on speaking
    ("وأبرز المطلوبين قائد الجناح العسكري. وفقاً لصحيفة «النهار». وذكرت أن بعضهم قتل في غارة.", "وفقاً",
     "النهار", "assert", "قائد الجناح العسكري"),
    ("وأبرز المطلوبين قائد الجناح العسكري. وفقاً لصحيفة «النهار». وذكرت أن بعضهم قتل في غارة.", "وذكرت",
     "النهار", "assert", "بعضهم قتل"),
    # a comment with a colon after the setting of a tweet
    ("وعلق الشيخ سالم في تغريدته: «استهداف المصلين جريمة لا تغتفر».", "وعلق", "الشيخ سالم", "assert",
     "جريمة لا تغتفر"),
    # a relayed report whose content is a bare object, after a comma or a definite noun
    ("ونقلت الوكالة عن مصادر محلية، مقتل طفلين في القصف.", "ونقلت", "مصادر محلية", "assert", "مقتل طفلين"),
    ("وركزت الصحف على زيارة الوزير. ونقلت عن الحكومة اليمنية أمس التحرير الكامل لمدينة المكلا.", "ونقلت",
     "الحكومة اليمنية", "assert", "التحرير الكامل"),
    # with its object pronoun the participle says something ("متهمة إياها")
    ("وهاجمت الحكومة بعض القوى، متهمة إياها بعرقلة الحوار.", "متهمة", "الحكومة", "assert", "بعرقلة الحوار"),
    # a time word before it is no noun it could describe
    ("وقال الوزير إن القوات تقدمت أمس مؤكدة أن المعركة مستمرة.", "مؤكدة", "القوات", "assert", "المعركة مستمرة"),
    # "، والذي أعلن": the relative pronoun with و after a comma, its noun speaks
    ("قتل الجنود في هجوم نفذه التنظيم الإرهابي داعش، والذي أعلن مسؤوليته عن التفجير.", "أعلن", "داعش", "assert",
     "مسؤوليته عن التفجير"),
    # a speaker before the verb (SVO) and a bare object after a manner phrase
    ("وأيد الوزير الخطة، ولكن المرصد السوري استبعد بشكل قاطع أي هدنة في المدينة.", "استبعد", "المرصد السوري",
     "deny", "أي هدنة"),
    # a trailing "بحسب إعلان" + an agency ("الجهاز"): a claim over the clause before it
    ("وتراجع التضخم في البلاد إلى 14 في المئة، بحسب إعلان الجهاز المركزي للإحصاء.", "بحسب", "الجهاز المركزي",
     "assert", "وتراجع التضخم"),
    # the noun of saying after the speaker is no part of the source; "فقد جدد" is a verb
    ("وجدد الوزير التأكيد على أن بلاده لن تتراجع.", "وجدد", "الوزير", "assert", "لن تتراجع"),
    ("أما في درعا، فقد جدد قادة المعارضة دعوتهم إلى فك الحصار.", "جدد", "قادة المعارضة", "assert", "دعوتهم"),
    # the jussive after "لم"
    ("ولم يقل المتحدث إن القوات انسحبت من المدينة.", "يقل", "المتحدث", "speculate", "القوات انسحبت"),
]


@pytest.mark.parametrize("text, cue, source, stance, content", ROWS)
def test_family(text, cue, source, stance, content):
    c = claim_of(run(text), cue)
    assert source in c.source.text, c.source.text
    assert c.stance == stance
    assert content in c.content.text, c.content.text


@pytest.mark.parametrize("text, cue", [
    # a plural verb: the phrase after it is the one addressed, never its speaker
    ("وتظاهر المئات أمس. وفيما دعوا الحكومة إلى التدخل، أكدوا أن الصبر نفد.", "دعوا"),
    ("وتظاهر المئات أمس. وفيما دعوا الحكومة إلى التدخل، أكدوا أن الصبر نفد.", "أكدوا"),
    # feminine adjectives after an indefinite noun are no participles of saying
    ("وفرضت السلطات إجراءات أمنية مشددة على سفر الشباب.", "مشددة"),
    ("وقالت الوزارة إن الشرطة فرضت إجراءات مشددة على المداخل.", "مشددة"),
    # an adjective-prone participle after any indefinite word ("قيود مشددة")
    ("وقال الوزير إن الحكومة فرضت قيود مشددة على مرور الأجانب.", "مشددة"),
    # "تقل" without "لم" is "is less"
    ("ويشمل القرار من تقل أعمارهم عن أربعين سنة.", "تقل"),
    # "ما + verb + من جهته": a setting, not what was said
    ("وهذا ما أكده الوزير من جهته، ثم غادر القاعة.", "أكده"),
    # "ورد"/"وردت" without بأن, a colon or a quotation is "came" or a reply in deeds
    ("وردت أنباء عن سقوط قتلى في القصف.", "وردت"),
    ("ورد الجيش على الهجوم بقصف المواقع.", "ورد"),
    # the subject of another verb before it ("رفضت الوزارة نفي ..."): a noun of denial, no claim
    ("في الوقت نفسه رفضت وزارة الدفاع نفي أو تأكيد الأنباء عن سقوط الطائرة.", "نفي"),
    # a document after a verb is its subject, not a noun of saying with the one addressed as speaker
    ("ودعا البيان الحكومة والمعارضة إلى العودة إلى الحوار.", "البيان"),
    # an act announced, not a statement
    ("وأعلنت وزارة الداخلية حالة الطوارئ في المحافظات الجنوبية.", "وأعلنت"),
    # "depending on", not "according to"
    ("ويصعد التوتر ويهبط حسب مجرى الأحداث في المنطقة.", "حسب"),
    # "جدد" after an indefinite plural is "new"
    ("وقام التنظيم بتجنيد أعضاء جدد للتنظيم في المدينة.", "جدد"),
    # a condition
    ("ولو طلبت الدولة من شبابها الالتحاق بالجيش لجاءوا.", "طلبت"),
    # "تردد" is the noun "hesitation"
    ("وبعد تردد طويل من جانب الحكومة، وافقت على الخطة.", "تردد"),
])
def test_no_claim(text, cue):
    doc = run(text)
    hits = [c for c in doc.claims if c.cue.text == cue]
    assert not hits, [(c.source.text, c.cue.text) for c in hits]


def test_possessed_noun_is_no_speaker():
    """"أعلن مسؤوليته عن": the noun with its possessive is the object, never the source."""
    doc = run("قتل الجنود في هجوم بسيارة مفخخة، ثم أعلن مسؤوليته عن التفجير.")
    assert all(c.source.text != "مسؤوليته" for c in doc.claims), [(c.source.text, c.cue.text) for c in doc.claims]


def test_plural_verb_keeps_no_addressee_as_speaker():
    doc = run("وتظاهر المئات أمس. وفيما دعوا الحكومة إلى التدخل، أكدوا أن الصبر نفد.")
    assert all(c.source.text != "الحكومة" for c in doc.claims), [(c.source.text, c.cue.text) for c in doc.claims]


def test_relayed_report_leaves_the_outlet_speaking():
    """"ونقلت عن X ..." in a press review: the papers, not X, say what follows."""
    doc = run("ركزت الصحف المحلية على زيارة الوزير. ونقلت عن الحكومة اليمنية أمس التحرير الكامل لمدينة المكلا. "
              "وتطرقت إلى ارتفاع الأسعار.")
    assert "الصحف" in claim_of(doc, "وتطرقت").source.text


def test_saying_inside_a_quotation_is_no_follow_on_speaker():
    """"وأفاد فلان "... وقد كشفت المقاومة عن ..."". وأبان ...": the one quoted goes on."""
    doc = run('وأفاد سامي الحربي "إن المتمردين يكذبون وقد كشفت المقاومة عن مخططهم أمام العالم". '
              'وأبان "الجميع يعرف من صنع الإرهاب في البلاد".', {"سامي الحربي": ("person-1", "person", "سامي الحربي")})
    assert "الحربي" in claim_of(doc, "وأبان").source.text


def test_trailing_attribution_is_no_follow_on_speaker():
    """"وأخبرت عن ...، بحسب إعلان الجهاز ... وتطرقت إلى": the papers go on speaking."""
    doc = run("ركزت الصحف المحلية على زيارة الوزير. وأخبرت عن تراجع التضخم، بحسب إعلان الجهاز المركزي للإحصاء. "
              "وتطرقت إلى ارتفاع الأسعار.")
    assert "الصحف" in claim_of(doc, "وتطرقت").source.text


def test_judged_unknown_word_is_no_speaker():
    """"ووصفت علاقة الخرطوم بالجزائر بأنها ...": the relation is judged, the ministry judges it."""
    doc = run("وقالت وزارة الخارجية إنها لم تتسلم أي إخطار، ووصفت علاقة الخرطوم بالجزائر بأنها في أحسن حالاتها.")
    assert "وزارة الخارجية" in claim_of(doc, "ووصفت").source.text


@pytest.mark.parametrize("text, key", [
    ("وقال الكاتب سالم العتيبي في تغريدته أي دين يبيح قتل المصلين؟\nوأكد آخر أن الأمر مؤلم.", "أي دين يبيح"),
    ("وقال الكاتب سالم العتيبي في تغريدة له يا الله!! من المستهدف؟ الوطن كله.\nوأكد آخر أن الأمر مؤلم.",
     "من المستهدف"),
])
def test_post_after_its_setting_runs_to_the_line_end(text, key):
    """A post quoted after "في تغريدته" with no mark is the content, to the end of its line."""
    doc = run(text, {"سالم العتيبي": ("person-1", "person", "سالم العتيبي")})
    c = claim_of(doc, "وقال")
    assert "سالم العتيبي" in c.source.text and key in c.content.text, (c.source.text, c.content.text)
    assert "مؤلم" not in c.content.text


def test_reported_claim_is_no_follow_on_speaker():
    """A claim inside another's clause ("ما يردده X من أن") does not speak the next "وقال"."""
    doc = run("وقلل القائد من أهمية ما يردده المسلحون من أن السلاح يحسم المعركة، وقال إن الثوار صامدون.")
    c = claim_of(doc, "وقال")
    assert "القائد" in c.source.text, c.source.text
