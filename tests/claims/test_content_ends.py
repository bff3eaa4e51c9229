"""Claims stage: where a content ends when a quotation opens it, and the cue families of
issue 18 (table-driven). Every sentence was written for these tests in the style of
Arabic news (none copied from an article)."""

from __future__ import annotations

import pytest

from tests.claims.test_families import find as claim_of
from tests.claims.test_families import run

NAMES = {"واشنطن": ("actor-1", "actor", "واشنطن"), "عيدان": ("person-1", "person", "عيدان")}



# text, cue, source phrase, the content's last words, what must not be in it
ENDS = [
    # a quotation after a colon: the content ends at its closing mark, not at the sentence end
    ("وقال المتحدث: «الهجوم فشل»، فيما قتل ثلاثة جنود في انفجار عبوة ناسفة.",
     "وقال", "المتحدث", "فشل»", "قتل"),
    ("وقال الوزير: «لن نسمح بإغلاق المعبر أبداً» ثم غادر القاعة بعد أن هاجم مسلحون الموكب.",
     "وقال", "الوزير", "أبداً»", "هاجم"),
    ('وقال المسؤول: "لن نتراجع عن مطالبنا المشروعة"، بينما اقتحمت قوات الأمن الساحة.',
     "وقال", "المسؤول", 'المشروعة"', "اقتحمت"),
    # after an opener word, when punctuation follows the closing mark
    ("وقال المتحدث إن «الهجوم فشل تماماً»، فيما قتل ثلاثة جنود في انفجار عبوة ناسفة.",
     "وقال", "المتحدث", "تماماً»", "قتل"),
    # a judgement verb with its object pronoun, the speaker, then the judgement quoted
    ("وتعتبرها واشنطن «شريكاً موثوقاً على الأرض»، فيما قصفت تركيا مواقعها أمس.",
     "وتعتبرها", "واشنطن", "الأرض»", "قصفت"),
    # a participle whose content is a quotation
    ("وقالت الهيئة في بيان إن القصف طال الأحياء السكنية، مطالبة «المجتمع الدولي بالتدخل لوقف المجازر».",
     "مطالبة", "الهيئة", "المجازر»", "القصف"),
]


@pytest.mark.parametrize("text,cue,source,tail,absent", ENDS)
def test_content_ends_at_closing_quote(text, cue, source, tail, absent):
    c = claim_of(run(text, NAMES), cue)
    assert source in c.source.text
    assert c.content.text.endswith(tail), c.content.text
    assert absent not in c.content.text


def test_short_quoted_name_does_not_end_the_content():
    # "إن «جبهة النصرة» سيطرت": a quoted name heads the content, which goes on
    c = claim_of(run("وقال المتحدث إن «جبهة النصرة» سيطرت على البلدة بعد معارك عنيفة."), "وقال")
    assert "سيطرت على البلدة" in c.content.text


def test_backref_then_quotation():
    # "بحسب زعمه “...”": the last speaker says the quotation
    doc = run("وقال عيدان إنه استلم الحزام. وقال “إن الهدف كان فقط هدم المسجد”، لأن المسجد "
              "بحسب زعمه “يقوم بتشييع أهل السنة ويدعم الحشد”.", NAMES)
    c = claim_of(doc, "بحسب زعمه")
    assert c.source.text == "عيدان"
    assert "يقوم بتشييع" in c.content.text
    assert claim_of(doc, "وقال").content.text.endswith("المسجد”")


# -- the cue families of issue 18: text, cue, source, stance, a phrase of the content --------

ORGS = {"الأمم المتحدة": ("org-1", "organization", "الأمم المتحدة"),
        "المرصد السوري": ("org-2", "organization", "المرصد السوري")}

FAMILIES = [
    # calls and appeals
    ("دعا وزير الخارجية المجتمع الدولي إلى وقف القصف على المدنيين.", "دعا", "وزير الخارجية", "assert",
     "وقف القصف"),
    ("وحثت المفوضية الأطراف المتحاربة على فتح ممرات آمنة.", "وحثت", "المفوضية", "assert", "فتح ممرات"),
    ("وطالبت منظمة العفو الدولية بالإفراج عن المعتقلين.", "وطالبت", "منظمة العفو الدولية", "assert",
     "بالإفراج"),
    ("ناشد المرصد السوري المنظمات الدولية بإرسال مساعدات عاجلة.", "ناشد", "المرصد السوري", "assert",
     "مساعدات عاجلة"),
    # "كما ناشد الأمم المتحدة بـ": the one appealed to is no speaker; the speaker goes on
    ("وقال رئيس المجلس المحلي إن القصف دمر المستشفى. كما ناشد الأمم المتحدة بالتدخل لوقف المجازر.",
     "ناشد", "رئيس المجلس المحلي", "assert", "بالتدخل"),
    # accusations and blame
    ("واتهمت المعارضة النظام بقصف الأحياء السكنية.", "واتهمت", "المعارضة", "assert", "بقصف الأحياء"),
    ("وقال المرصد إن الطيران قصف القرية، متهماً النظام باستخدام البراميل المتفجرة.", "متهماً", "المرصد",
     "assert", "البراميل المتفجرة"),
    ("وحمّل الجيش الحكومة المسؤولية عن تدهور الأوضاع الأمنية.", "وحمّل", "الجيش", "assert",
     "المسؤولية عن تدهور"),
    ("وحملت وزارة الخارجية تركيا مسؤولية دخول المقاتلين.", "وحملت", "وزارة الخارجية", "assert",
     "مسؤولية دخول"),
    # evaluations
    ("واعتبر المتحدث أن القصف انتهاك صارخ للهدنة.", "واعتبر", "المتحدث", "speculate", "انتهاك صارخ"),
    ("ووصف الوزير الهجوم بأنه عمل جبان.", "ووصف", "الوزير", "speculate", "عمل جبان"),
    # renewals
    ("وجدد الرئيس دعوته إلى الحوار الوطني.", "وجدد", "الرئيس", "assert", "الحوار الوطني"),
    ("وكرر المتحدث اتهامه للمعارضة بعرقلة المفاوضات.", "وكرر", "المتحدث", "assert", "بعرقلة المفاوضات"),
    # nominal announcements, expressions, responsibility
    ("وقالت الوزارة في بيان لها إن القوات استعادت السيطرة على البلدة.", "وقالت", "الوزارة", "assert",
     "استعادت السيطرة"),
    ("وبحسب بيان صادر عن الجيش فإن الطائرات دمرت ثلاثة مواقع.", "وبحسب", "بيان صادر عن الجيش", "assert",
     "دمرت ثلاثة مواقع"),
    ("وعبّر الرئيس عن أسفه لسقوط ضحايا مدنيين.", "وعبّر", "الرئيس", "assert", "أسفه"),
    ("وتبنت جماعة أنصار الشريعة التفجير الذي استهدف الثكنة.", "وتبنت", "جماعة أنصار الشريعة", "assert",
     "التفجير"),
    ("وأكد الجيش في إعلان له أن مقاتليه صدوا الهجوم.", "وأكد", "الجيش", "assert", "صدوا الهجوم"),
    ("وبحسب بيان للجيش، أن القوات استعادت السيطرة على البلدة.", "وبحسب", "بيان للجيش", "assert",
     "استعادت السيطرة"),
    # a speaker after the quotation
    ("«لن نتراجع عن مطالبنا المشروعة»، قال المسؤول في تصريح للصحفيين.", "قال", "المسؤول", "assert",
     "لن نتراجع"),
    # belief and inference: speculate
    ("وتشير الدلائل إلى أن التنظيم يقف وراء الهجوم.", "وتشير", "الدلائل", "speculate", "يقف وراء"),
    ("ويرجح مراقبون أن يكون التنظيم وراء الهجوم.", "ويرجح", "مراقبون", "speculate", "وراء الهجوم"),
    ("ويعتقد محللون أن الحكومة ستلجأ إلى القوة.", "ويعتقد", "محللون", "speculate", "ستلجأ"),
    ("ويرى الخبير العسكري أحمد سالم أن الجيش يستعد لهجوم واسع.", "ويرى", "الخبير العسكري", "speculate",
     "يستعد لهجوم"),
    # a denial whose content points back
    ("واتهمت الحكومة المعارضة بتفجير السيارة، لكن المعارضة نفت الأمر.", "نفت", "المعارضة", "deny", "الأمر"),
]


@pytest.mark.parametrize("text,cue,source,stance,phrase", FAMILIES)
def test_cue_families(text, cue, source, stance, phrase):
    c = claim_of(run(text, ORGS), cue)
    assert source in c.source.text or c.source.text in source, c.source.text
    assert "إعلان" not in c.source.text
    assert c.stance == stance
    assert phrase in c.content.text, c.content.text


def test_appeal_alone_has_no_speaker():
    # "كما ناشد الأمم المتحدة بـ" with no speaker before: no claim by the one appealed to
    doc = run("كما ناشد الأمم المتحدة بالتدخل لوقف المجازر.", ORGS)
    assert not any("الأمم المتحدة" in c.source.text for c in doc.claims)


def test_carry_is_no_blame():
    assert not run("وحمل الجنود الأسلحة إلى الموقع.").claims
    doc = run("وقال المتحدث إن الحكومة تحمل المسؤولية عن الهجوم.")
    assert [c.cue.text for c in doc.claims] == ["وقال"]


def test_content_drops_the_contrast_word_after_the_cut():
    doc = run("واتهمت الحكومة المعارضة بتفجير السيارة، لكن المعارضة نفت الأمر.")
    assert claim_of(doc, "واتهمت").content.text.endswith("السيارة")
    assert claim_of(doc, "نفت").attrs.get("refers_to") == claim_of(doc, "واتهمت").id


def test_accusation_with_object_pronoun():
    # "واتهمه الوزير بالخيانة": the one accused as a pronoun; "بالخيانة" is no name after the title
    c = claim_of(run("واتهمه الوزير بالخيانة العظمى."), "واتهمه")
    assert c.source.text == "الوزير" and c.content.text.startswith("بالخيانة")


def test_manner_phrase_before_the_object():
    c = claim_of(run("وكان الوزير قد نفى بشكل قاطع وجود قوات أجنبية."), "نفى")
    assert c.stance == "deny" and c.content.text.startswith("وجود قوات")


def test_accusation_with_object_pronoun_and_subject_after():
    # "من أسرة فلان تتهمهم حماس بـ": the pronoun is the one accused, the subject follows the verb
    doc = run("اشتبكت الشرطة مع أفراد من أسرة العلي تتهمهم حماس بالوقوف وراء تفجير السيارة.",
              {"حماس": ("org-3", "organization", "حماس")})
    c = claim_of(doc, "تتهمهم")
    assert c.source.text == "حماس" and "بالوقوف وراء" in c.content.text
