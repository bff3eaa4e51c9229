"""Integrity of the time data files and robustness of the tagger."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.times import find_times
from rasid.times import lexicon as lx

ROLES = {"day", "daypart", "unit", "past", "next", "current", "this", "part", "ago", "within", "vague",
         "approx", "from", "to", "dateline", "monthprep", "notodaybefore", "notodayafter",
         "yearverb"}


@pytest.fixture(autouse=True, scope="module")
def _positive_control() -> None:
    """The tagger must find a date in a control sentence first (issue 16): the
    robustness tests below hold vacuously for a tagger that finds nothing."""
    found = find_times("زار الوفد دمشق في 29 شباط/فبراير 2020.", "2023-08-25")
    assert [t.value_start for t in found] == ["2020-02-29"]


def test_every_month_has_msa_and_levantine_names() -> None:
    greg = {}
    for form, m in lx.months().items():
        greg.setdefault((m.calendar, m.number), []).append(form)
    for n in range(1, 13):
        assert len(greg[("greg", n)]) >= 2, n
        assert greg[("hijri", n)], n


def test_weekdays_and_ordinals_complete() -> None:
    assert sorted(set(lx.weekdays().values())) == list(range(1, 8))
    assert sorted(set(lx.ordinals().values())) == list(range(1, 32))


def test_word_roles_known_and_units_parse() -> None:
    assert set(lx.words()) <= ROLES
    for form, (unit, count) in lx.units().items():
        assert unit in ("day", "week", "month", "year", "hour") and count in (0, 1, 2), form
    for form, (a, b) in lx.parts().items():
        assert 0 <= a < b <= 1, form


def test_no_form_has_two_roles_that_conflict() -> None:
    seen: dict[str, str] = {}
    for role in ("past", "next", "current"):
        for form in lx.role(role):
            assert form not in seen, (form, seen.get(form), role)
            seen[form] = role


ARABIC = st.text(alphabet=st.sampled_from(list("امسيولنتبرشهعدحكخ 0123456789/-:،.()الأإآةىءئؤ")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(ARABIC, st.sampled_from(["2023-08-25", None, "2020-02-29"]))
def test_random_text_never_breaks_offsets(text: str, pub: str | None) -> None:
    for t in find_times(text, pub, vague=True):
        assert text[t.start:t.end] == t.text
        assert (t.value_start is None) == (t.value_end is None)
        if t.value_start:
            assert t.value_start <= t.value_end


VOCAB = ["في", "من", "إلى", "بين", "و", "قبل", "منذ", "خلال", "أمس", "اليوم", "الجمعة", "يوم", "آب", "شباط/فبراير",
         "مارس", "2015", "20", "الـ10", "ثلاثة", "أيام", "الأيام", "الأخيرة", "الماضي", "المقبل", "هذا", "العام",
         "الشهر", "الأسبوع", "مطلع", "منتصف", "رمضان", "1445", "هـ", "04:57", "2023/08/25", "عشرات", "جندي", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), max_size=12), st.sampled_from(["2023-08-25", None, "2024-01-01"]))
def test_random_phrases_resolve_to_valid_intervals(words: list[str], pub: str | None) -> None:
    text = " ".join(words)
    for t in find_times(text, pub, vague=True):
        assert text[t.start:t.end] == t.text
        if t.value_start:
            assert t.value_start <= t.value_end, t
