"""A lone ambiguous month name written with another hamza seat than the month's is
another word ("في إب" is the Yemeni city Ibb; the month is آب). Every sentence
here was written for these tests."""

from __future__ import annotations

import pytest

from rasid.times import find_times

PUB = "2015-08-04"


@pytest.mark.parametrize("text,expected", [
    # the city: no month
    ("سيطرت المقاومة على مواقع في إب وتعز.", []),
    ("اندلعت اشتباكات في إب أمس.", [("أمس", "2015-08-03")]),
    # the month with its madda, alone after a preposition, or with a modifier, a day, a year
    ("توقفت المفاوضات منذ آب.", [("آب", "2015-08-01")]),
    ("وقعت المعركة في آب الماضي.", [("آب الماضي", "2014-08-01")]),
    ("وقعت المعركة في 3 آب 2014.", [("3 آب 2014", "2014-08-03")]),
    # an unhamzated alef is left as it was (a month after في)
    ("غادر الوفد في اب الماضي.", [("اب الماضي", "2014-08-01")]),
])
def test_hamza_seat(text: str, expected: list) -> None:
    assert [(t.text, t.value_start) for t in find_times(text, PUB)] == expected
