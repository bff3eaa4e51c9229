"""Claims stage: speakers' names and titles cut short on real reporting (issue 18, helper claims16).

Every sentence was written for these tests in the style of Arabic news (none
copied from an article).
"""

from __future__ import annotations

import pytest

from tests.claims.test_families import run

NAMES = {"خالد منصور": ("person-1", "person", "خالد منصور"),
         "سامي الحربي": ("person-2", "person", "سامي الحربي"),
         "هيئة التفاوض": ("org-1", "organization", "هيئة التفاوض")}


def _source(text: str, cue: str) -> str:
    hits = [c for c in run(text, NAMES).claims if c.cue.text == cue]
    assert hits, [(c.source.text, c.cue.text) for c in run(text, NAMES).claims]
    return hits[0].source.text


SOURCES = [
    # family-name words after a person's mention run to the opener
    ("وقال وزير النقل خالد منصور فتح الزهراني إن الطريق أغلق.", "وقال", "وزير النقل خالد منصور فتح الزهراني"),
    ("وأكد المحافظ خالد منصور العتيبي أن الهدوء عاد إلى المدينة.", "وأكد", "المحافظ خالد منصور العتيبي"),
    # ... but a channel after the name is none of it
    ("وقال الوزير خالد منصور للصحفيين إن الطريق أغلق.", "وقال", "الوزير خالد منصور"),
    # a title's phrase goes over a rank word and an adjective to the name (object cues)
    ("أعلن قائد عمليات الشمال اللواء الركن سامي الحربي مقتل عشرة مسلحين.", "أعلن",
     "قائد عمليات الشمال اللواء الركن سامي الحربي"),
    ("جدد رئيس الحكومة المحلية المؤقتة سامي الحربي رفضه لأي تدخل أجنبي.", "جدد",
     "رئيس الحكومة المحلية المؤقتة سامي الحربي"),
    # adjectives with no nisba ending on an organisation's phrase
    ("أفادت الهيئة العامة للثورة باستمرار الاشتباكات في الريف.", "أفادت", "الهيئة العامة للثورة"),
    ("أعلنت قيادة العمليات الخاصة مقتل عشرين مسلحا.", "أعلنت", "قيادة العمليات الخاصة"),
    ("وقالت قيادة الفرقة السابعة إن الطرق آمنة.", "وقالت", "قيادة الفرقة السابعة"),
    # an indefinite word inside a genitive chain that a definite word closes
    ("أكد رئيس مجلس إسناد المدينة الشيخ سامي الحربي فرار قادة التنظيم.", "أكد",
     "رئيس مجلس إسناد المدينة الشيخ سامي الحربي"),
    # "صباح" as a first name, not the time of the saying
    ("وقال رئيس مجلس المحافظة صباح الكبيسي في تصريح صحفي إن اللجان بدأت عملها.", "وقال",
     "رئيس مجلس المحافظة صباح الكبيسي"),
    ("وقال الوزير صباح الخميس إن اللجان بدأت عملها.", "وقال", "الوزير"),
    ("وكتبت صحيفة النهار في افتتاحيتها أن الحكومة فشلت.", "وكتبت", "صحيفة النهار"),
    ("وذكرت الجبهة في بيانها أن الهجوم فشل.", "وذكرت", "الجبهة"),
    # a nominative plural takes no genitive: a definite word or a preposition after it is no part of it
    ("أفاد ناشطون بمقتل ثلاثة جنود في القصف.", "أفاد", "ناشطون"),
    ("ووصف ناشطون الوضع بأنه خطير.", "ووصف", "ناشطون"),
    ("وقال مسؤولون أكراد وعراقيون إن الاتفاق انهار.", "وقال", "مسؤولون أكراد وعراقيون"),
    # "ذاتها / نفسه" after a speaker is no object
    ("وقالت المصادر ذاتها، إن ثلاثة جنود أصيبوا.", "وقالت", "المصادر ذاتها"),
    ("وأكد المصدر نفسه أن المفاوضات توقفت.", "وأكد", "المصدر نفسه"),
    # a title and its organisation, then a name no mention covers or a person's mention
    ("وقال الأمين العام لهيئة التفاوض فهد ناصر إن الجولة فشلت.", "وقال", "الأمين العام لهيئة التفاوض فهد ناصر"),
    ("ويقول عضو هيئة التفاوض سامي الحربي إن الجولة فشلت.", "ويقول", "عضو هيئة التفاوض سامي الحربي"),
]


@pytest.mark.parametrize("text, cue, source", SOURCES)
def test_whole_speaker(text, cue, source):
    assert _source(text, cue) == source


# an object after the speaker is still no adjective
def test_object_noun_is_no_adjective():
    assert _source("اتهمت الحكومة الفصائل المسلحة بخرق الهدنة.", "اتهمت") == "الحكومة"


# many members and a person after the organisation: the person is no part of the speakers
def test_plural_members_do_not_take_the_name():
    src = _source("وانتقد أعضاء هيئة التفاوض سامي الحربي، معتبرين أنه تنازل.", "معتبرين")
    assert "سامي الحربي" not in src
