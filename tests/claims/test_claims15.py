"""Claims stage: families found on a fresh audit sample of real reporting (issue 18, helper claims15).

Every sentence was written for these tests in the style of Arabic news (none
copied from an article).
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import NAMES
from tests.claims.test_families import run


def _claims(text: str, cue: str):
    return [c for c in run(text, NAMES).claims if c.cue.text == cue]


# "وصف" with one plural noun not in the nominative, then بأن: the noun is the one judged,
# the speaker is the one of the sentence before (also after "فيما")
JUDGED = [
    ("وقال الوزير إن الوضع خطير، ووصف المسلحين بأنهم مرتزقة.", "ووصف", "الوزير", "speculate", "مرتزقة"),
    ("وقال النائب سامي الحربي إن الحكومة فشلت، فيما وصف المسؤولين بأنهم فاسدون.", "وصف", "سامي الحربي",
     "speculate", "فاسدون"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", JUDGED)
def test_judged_plural_is_no_speaker(claim_row, text, cue, source, stance, key):
    claim_row(text, cue, source, stance, key)


# the nominative plural after the verb is still its subject
def test_nominative_plural_speaks():
    c = _claims("ووصف الناشطون القصف بأنه مجزرة.", "ووصف")
    assert c and "الناشطون" in c[0].source.text


# "من جهته / من جانبه" with no comma, then a verb that says nothing and a participle of saying
SIDE = [
    ("من جانبه رفض الوزير سامي الحربي الاتفاق، مؤكدا أنه لا يخدم البلاد.", "مؤكدا", "سامي الحربي", "assert",
     "لا يخدم البلاد"),
    ("ومن جهته انتقد المتحدث باسم الجيش البيان، معتبرا أنه يضلل الرأي العام.", "معتبرا", "المتحدث باسم الجيش",
     "speculate", "يضلل الرأي العام"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", SIDE)
def test_side_phrase_without_comma(claim_row, text, cue, source, stance, key):
    claim_row(text, cue, source, stance, key)


# critics as unnamed speakers
CRITICS = [
    ("لكن منتقدين يقولون إن الحملة لم تحقق أهدافها.", "يقولون", "منتقدين", "assert", "الحملة لم تحقق"),
    ("ويقول منتقدون إن القانون يقيد الحريات.", "ويقول", "منتقدون", "assert", "القانون يقيد"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", CRITICS)
def test_critics_speak(claim_row, text, cue, source, stance, key):
    claim_row(text, cue, source, stance, key)


# a contrast word closes a relative clause: the noun the clause describes does not speak after it
def test_contrast_word_ends_relative_clause():
    text = ("واستعادت القوات بدعم من رجال مسلحين بعض المواقع التي خسرتها العام الماضي في المدينة لكن منتقدين"
            " يقولون إن القصف دمر المنازل.")
    assert all("المواقع" not in c.source.text for c in _claims(text, "يقولون"))


# a Friday preacher is a title before a name ("خطيب" alone may be a surname: not a head)
PREACHER = [
    ("ودعا خطيب جمعة كربلاء نزار الكعبي، أمس، المصلين إلى الهدوء، معتبرا أن الفتنة تخدم الإرهاب.", "معتبرا",
     "نزار الكعبي", "speculate", "الفتنة تخدم"),
    ("دعا خطيب جمعة البصرة فاضل العبودي، أمس، المصلين إلى التظاهر، معتبرا أن الحكومة مقصرة.", "معتبرا",
     "فاضل العبودي", "speculate", "الحكومة مقصرة"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", PREACHER)
def test_friday_preacher_title(claim_row, text, cue, source, stance, key):
    claim_row(text, cue, source, stance, key)


# a fear or certainty expressed is speculate, as a hope or belief is (realgold convention, round 6)
FEARS = [
    ("وأعرب الوزير سامي الحربي عن مخاوفه من أن تنهار الهدنة في الأيام المقبلة.", "وأعرب", "سامي الحربي",
     "speculate", "تنهار الهدنة"),
    ("ويعبر مسؤولون في المجلس عن خوفهم من أن يتوسع القتال إلى المدن المجاورة.", "ويعبر", "مسؤولون",
     "speculate", "يتوسع القتال"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", FEARS)
def test_fear_expressed_is_speculate(claim_row, text, cue, source, stance, key):
    claim_row(text, cue, source, stance, key)
