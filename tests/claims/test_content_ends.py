"""Claims stage: where a content ends when a quotation opens it, and the cue families of
issue 18 (table-driven). Every sentence was written for these tests in the style of
Arabic news (none copied from an article)."""

from __future__ import annotations

import pytest

from tests.claims.test_families import run

NAMES = {"واشنطن": ("actor-1", "actor", "واشنطن"), "عيدان": ("person-1", "person", "عيدان")}


def claim_of(doc, cue: str):
    hits = [c for c in doc.claims if c.cue.text == cue]
    assert hits, [(c.source.text, c.cue.text, c.content.text) for c in doc.claims]
    return hits[-1]


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
