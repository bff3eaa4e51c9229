"""Counts: the text layer's numbers when present, the small fallback otherwise."""

from __future__ import annotations

from rasid.events import numbers


def test_find_numbers_digits_and_approx() -> None:
    text = "اعتقلت الشرطة حوالي 40 شخصاً"
    (n,) = [x for x in numbers.find_numbers(text) if x.value == 40]
    assert text[n.start:n.end].endswith("40")
    assert n.approx


def test_fallback_words() -> None:
    got = {(n.value, n.approx) for n in numbers._fallback("قتل خمسة جنود وأصيب عشرات المدنيين و12 آخرون")}
    assert (5, False) in got
    assert (10, True) in got
    assert (12, False) in got
