"""Arabic numbers: words, digits, duals, approximations (sentences written for the tests)."""

from __future__ import annotations

import pytest

from rasid.text.numbers import find_numbers, parse_number


@pytest.fixture(autouse=True, scope="module")
def _positive_control() -> None:
    """find_numbers must find the count in a control sentence first (issue 16),
    so the absence-only tests below cannot pass with it dead."""
    assert [m.value for m in find_numbers("قتل 12 شخصا وأصيب ثلاثة آخرون.")] == [12, 3]

PARSE = [
    ("ثلاثة", 3),
    ("ثلاث", 3),
    ("عشرات", 10),
    ("مئات", 100),
    ("2500", 2500),
    ("٢٥٠٠", 2500),
    ("2,500", 2500),
    ("خمسة عشر", 15),
    ("أحد عشر", 11),
    ("اثنا عشر", 12),
    ("خمسة وعشرون", 25),
    ("خمسة وعشرون ألفاً", 25000),
    ("ثلاثة آلاف وخمسمئة", 3500),
    ("ثلاث مئة", 300),
    ("مائتين", 200),
    ("ألفين", 2000),
    ("عشرات الآلاف", 10000),
    ("مئات الآلاف", 100000),
    ("26 ألف", 26000),
    ("1.5 مليون", 1500000),
    ("مليون", 1000000),
    ("أربعين", 40),
    ("يومين", 2),
    ("أسبوعين", 2),
    ("بضعة", 3),
    ("حوالي 40", 40),
    ("الـ10", 10),
    ("نصف مليون", 500000),
    ("مليون ونصف", 1500000),
    ("ربع مليون", 250000),
    ("مئتي", 200),
    ("1.200", 1200),
    ("2.5 مليون", 2500000),
    ("ثلاثمائة وخمسين", 350),
    ("ألفين وخمسمئة", 2500),
    ("نصف", None),
    ("الاثنين", None),
    ("الأحد", None),
    ("جيش", None),
    ("", None),
]


@pytest.mark.parametrize("phrase,value", PARSE)
def test_parse_number(phrase: str, value: int | None) -> None:
    assert parse_number(phrase) == value


def test_find_numbers_approx_and_unit() -> None:
    text = "قتل نحو 40 شخصاً وأصيب عشرات من المدنيين في القصف"
    ms = find_numbers(text)
    assert [(m.text, m.value, m.approx, m.unit) for m in ms] == [
        ("نحو 40", 40, True, "شخصاً"),
        ("عشرات", 10, True, "المدنيين"),
    ]
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert text[m.unit_start:m.unit_end] == m.unit


def test_find_numbers_words_with_bound() -> None:
    text = "أسفر الهجوم عن مقتل ما لا يقل عن خمسة وعشرين مدنياً"
    (m,) = find_numbers(text)
    assert (m.value, m.approx, m.unit) == (25, True, "مدنياً")
    assert m.text == "ما لا يقل عن خمسة وعشرين"


def test_dates_and_clock_times_are_not_counts() -> None:
    assert find_numbers("نشر في 2023/08/25 الساعة 04:57") == []


def test_dual_noun() -> None:
    (m,) = find_numbers("قتل جنديين في الهجوم")
    assert (m.value, m.kind, m.unit) == (2, "dual", "جنديين")


def test_definite_number_is_flagged() -> None:
    ms = find_numbers("خلال الأيام الـ10 الأخيرة")
    assert len(ms) == 1 and ms[0].definite and ms[0].value == 10 and ms[0].unit is None


def test_weekday_is_not_two() -> None:
    assert find_numbers("دخل الرتل يوم الاثنين") == []


def test_plain_thousands_alone_is_approximate() -> None:
    (m,) = find_numbers("نزح آلاف السكان")
    assert (m.value, m.approx, m.unit) == (1000, True, "السكان")


def test_glued_conjunction_and_preposition_left_out_of_span() -> None:
    text = "أوقع الهجوم قتيلين و24 جريحاً، وقصفت المدفعية البلدة بعشرة صواريخ"
    got = [(m.text, m.value, m.unit) for m in find_numbers(text)]
    assert got == [("قتيلين", 2, "قتيلين"), ("24", 24, "جريحاً"), ("عشرة", 10, "صواريخ")]


def test_at_least_after_the_noun_is_approximate() -> None:
    (m,) = find_numbers("قتل 18 شخصاً على الأقل في القصف")
    assert (m.value, m.approx, m.unit) == (18, True, "شخصاً")


def test_year_is_a_number_without_a_counted_noun() -> None:
    (m,) = find_numbers("اندلعت الثورة عام 1979 ضد الشاه")
    assert (m.value, m.unit) == (1979, None)


def test_a_number_too_long_for_a_float_is_no_count():
    """Found by scripts/fuzz.py: 400 digits overflowed to inf and int() raised in the events stage."""
    from rasid.text.numbers import find_numbers

    assert find_numbers("9" * 400 + " قتيلا") == []  # raised OverflowError before
    assert find_numbers("٣" * 400 + " شخصا") == []
