"""A count that no calendar holds ("3 مليار العام الماضي": a billion years) is
no time expression, not a stage failure (seen on the full SaudiNewsNet
archive: the times stage failed on 3 articles); what else the sentence says
still resolves."""

from __future__ import annotations

import pytest

from rasid.times import find_times


@pytest.mark.parametrize("text,want", [
    ("بلغت الأرباح 3 مليار العام الماضي، وهي أعلى من التوقعات.", [("العام الماضي", "2014-01-01", "2014-12-31")]),
    ("تكونت الصخور قبل مليار سنة في المنطقة.", []),
    ("قتل 5 أشخاص خلال الأيام الثلاثة الماضية في حلب.",
     [("خلال الأيام الثلاثة الماضية", "2015-07-29", "2015-08-01")]),  # control: a window resolves
])
def test_a_count_beyond_the_calendar_is_skipped_not_a_failure(text: str, want: list) -> None:
    found = find_times(text, "2015-08-01")
    assert [(t.text, t.value_start, t.value_end) for t in found] == want
