"""Claims stage: three faults of real text (issue 18, session 22, claims10).

Every sentence was written for these tests in the style of Arabic news (none
copied from an article): a title that folds to a preposition ("إمام" as "أمام"),
first-person speech right after a saying verb with no mark, and reports about a
topic that say nothing.
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import NAMES
from tests.claims.test_families import run

HELD = "قال الوزير فهد المطيري إن الاتفاق قريب. "

ROWS = [
    # "إمام" after a saying verb: a title, with a partner title after "و" or written with hamza below
    ("وقال إمام وخطيب المسجد الكبير الدكتور سامي الحربي: إن الأمة تمر بمرحلة صعبة.", "وقال", "سامي الحربي",
     "الأمة تمر"),
    ("وقال امام وخطيب الجامع الدكتور سامي الحربي: إن الصبر واجب.", "وقال", "سامي الحربي", "الصبر واجب"),
    ("وقال إمام المسجد الكبير سامي الحربي إن المصلين بخير.", "وقال", "سامي الحربي", "المصلين بخير"),
    # a first-person present verb right after the verb (or its setting): the speaker held over speaks on
    (HELD + "وقال نرحب بكل مبادرة للسلام.", "وقال", "فهد المطيري", "نرحب بكل مبادرة"),
    (HELD + "وأضاف نكرر دعوتنا إلى الحوار.", "وأضاف", "فهد المطيري", "نكرر دعوتنا"),
    (HELD + "وأضاف أؤكد أن الجيش مستعد.", "وأضاف", "فهد المطيري", "أؤكد أن الجيش"),
    (HELD + "وقال في تصريح خاص لـ«الوطن» نرحب بأي قرار من القيادة.", "وقال", "فهد المطيري", "نرحب بأي قرار"),
    # the words after a speaker starting like such a verb are no speech ("نائب", "نشطاء")
    (HELD + "وقال نائب الوزير إن الوضع هادئ.", "وقال", "نائب الوزير", "الوضع هادئ"),
    (HELD + "وقال نشطاء إن القصف مستمر.", "وقال", "نشطاء", "القصف مستمر"),
    # news that names an act is the publisher's claim
    ("وتناقلت مواقع محلية أنباء عن مقتل قائد الفصيل.", "وتناقلت", "مواقع محلية", "مقتل قائد"),
]


@pytest.mark.parametrize("text, cue, source, content", ROWS)
def test_claim(text, cue, source, content):
    hits = [c for c in run(text, NAMES).claims if c.cue.text == cue]
    assert hits, cue
    c = hits[-1]
    assert source in c.source.text, c.source.text
    assert c.stance == "assert"
    assert content in c.content.text, c.content.text


@pytest.mark.parametrize("text, cue", [
    # reports about a topic say nothing
    ("ونشرت صحف محلية تقارير عن الهجرة غير الشرعية.", "ونشرت"),
    ("ونشرت الصحيفة تقريرا عن الاشتباكات في المدينة.", "ونشرت"),
    ("وتداولت المواقع أخبارا عن الانتخابات المقبلة.", "وتداولت"),
])
def test_no_claim(text, cue):
    hits = [c for c in run(text, NAMES).claims if c.cue.text == cue]
    assert not hits, [(c.source.text, c.cue.text, c.content.text) for c in hits]


@pytest.mark.parametrize("text, place", [
    # "أمام" a preposition: said before someone, who is no source
    (HELD + "وقال أمام البرلمان إن الحكومة ستستقيل.", "البرلمان"),
    (HELD + "وقال أمام وفد المجلس إن الحكومة ستستقيل.", "المجلس"),
])
def test_preposition_no_source(text, place):
    hits = [c for c in run(text, NAMES).claims if c.cue.text == "وقال"]
    assert all(place not in c.source.text for c in hits), [(c.source.text, c.content.text) for c in hits]
