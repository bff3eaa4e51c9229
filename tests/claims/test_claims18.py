"""Claims stage: families of a fresh-text audit (issue 18, helper claims18).

Every sentence was written for these tests in the style of Arabic news (none
copied from an article). Rows: (text, cue, source, stance, key), checked by
:func:`tests.claims.conftest.check_row` through the whole stage.
"""

from __future__ import annotations

import pytest

from tests.claims.test_families import run

NAMES = {"سامي الحربي": ("person-1", "person", "سامي الحربي")}

ROWS = [
    # an outlet's quoted name of several words, a time after it ("صحيفة “...” اليوم الأحد أن")
    ("ذكرت صحيفة “ذي صنداي تايمز” اليوم الأحد أن الشرطة أحبطت مخططا لتفجير قنبلة.",
     "ذكرت", "صحيفة “ذي صنداي تايمز”", "assert", "أحبطت مخططا"),
    ("وقالت صحيفة «وول ستريت جورنال» أمس إن المفاوضات توقفت.",
     "وقالت", "صحيفة «وول ستريت جورنال»", "assert", "المفاوضات توقفت"),
    ('وذكرت وكالة "أسوشيتد برس الأمريكية" أن القوات انسحبت من البلدة.',
     "وذكرت", 'وكالة "أسوشيتد برس الأمريكية"', "assert", "القوات انسحبت"),
    # "يذكر أن X، زعم أن": a subject set off by a comma after the impersonal "it is noted that"
    ("يذكر أن تنظيم الإخوان، زعم أن صحة الرئيس السابق في خطر.",
     "زعم", "تنظيم الإخوان", "assert", "صحة الرئيس السابق"),
    ("ويذكر أن الجيش، أعلن أن قواته سيطرت على التلال المحيطة بالمدينة.",
     "أعلن", "الجيش", "assert", "سيطرت على التلال"),
    # optimism expressed is a hope: speculate
    ("وأعرب سكان المدينة عن تفاؤلهم بعودة الحكومة إلى العاصمة.",
     "وأعرب", "سكان المدينة", "speculate", "تفاؤلهم بعودة"),
    # a warning participle with the one warned before its "من"
    ("وقال المصدر إن الحملة مستمرة، محذرا قادة هذا التنظيم من الأحلام الانفصالية.",
     "محذرا", "المصدر", "assert", "الأحلام الانفصالية"),
    # a tweet with its participle of saying; the name right before "قائلة" ends the speaker
    ('وغردت وزيرة حقوق الإنسان السابقة سلمى حداد قائلة: "عودة الحكومة بداية النهاية للانقلاب".',
     "وغردت", "سلمى حداد", "assert", "بداية النهاية"),
    ('وأكد المتحدث باسم الجيش في المنطقة سامي الحربي قائلا: "لن نسمح بأي خرق للهدنة".',
     "وأكد", "سامي الحربي", "assert", "لن نسمح"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", ROWS)
def test_audit_rows(claim_row, text, cue, source, stance, key):
    claim_row(text, cue, source, stance, key, names=NAMES)


# a quotation right after a role (no outlet or organisation head) is still what is said, not a name
def test_quoted_sentence_after_a_role_is_still_speech():
    c = [c for c in run("وقال مسؤول «إن القوات تقدمت نحو المدينة اليوم».", NAMES).claims]
    assert [(x.source.text, x.cue.text) for x in c] == [("مسؤول", "وقال")]
    assert "القوات تقدمت" in c[0].content.text


# the object before "saying" stays out of the speaker: only a name ends the phrase there
@pytest.mark.parametrize("text", ["وأكد الوزير حرص دول المجلس قائلا إن الأمن أولوية.",
                                  "وأكد الوزير دعم حكومته قائلا إن الأمن أولوية.",
                                  "وأكد الوزير دعم المملكة الكامل قائلا إن الأمن أولوية."])
def test_object_before_saying_is_no_name(text):
    c = run(text, NAMES).claims
    assert [(x.source.text, x.cue.text) for x in c] == [("الوزير", "وأكد")]


# a warning with no one warned keeps its content after "من"
def test_warning_without_addressee():
    c = [x for x in run("وقال الوزير إن الوضع خطير، محذرا من انهيار الهدنة.", NAMES).claims if x.cue.text == "محذرا"]
    assert len(c) == 1 and c[0].content.text.startswith("من انهيار")


# "on its part" between a subject opening the sentence and its verb (two commas around it, or none)
SIDE_ROWS = [
    ("وزارة الخارجية، من جهتها، أكدت أن الهجوم لن يمر دون رد.", "أكدت", "وزارة الخارجية", "assert", "لن يمر"),
    ("الحكومة اليمنية من جانبها أعلنت أن القوات سيطرت على المدينة.", "أعلنت", "الحكومة اليمنية", "assert",
     "سيطرت على المدينة"),
    ("وقال الوزير إن الوضع صعب. المعارضة، من جهتها، نفت أن تكون قد هاجمت المدينة.", "نفت", "المعارضة", "deny",
     "هاجمت المدينة"),
    # unchanged: "من جهته" opening the sentence, the subject after the verb
    ("وقال الوزير إن الوضع صعب. من جهته أكد السفير أن بلاده تدعم الحكومة.", "أكد", "السفير", "assert",
     "تدعم الحكومة"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", SIDE_ROWS)
def test_subject_before_on_its_part(claim_row, text, cue, source, stance, key):
    claim_row(text, cue, source, stance, key, names=NAMES)
