"""Counts: the text layer's numbers when present, the small fallback otherwise."""

from __future__ import annotations

from ev_helpers import make_doc

from rasid.events import extract, numbers


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


def test_control_counts_reach_the_event() -> None:
    """Positive control: the numbers found here become the event's counts."""
    [ev] = extract(make_doc("اعتقلت الشرطة حوالي 40 شخصاً في المدينة أمس."))
    assert (ev.type, ev.arrests) == ("COERCE", 40)
    assert ev.attrs.get("approx") == ["arrests"]
    [ev] = extract(make_doc("قتل خمسة جنود وأصيب عشرات المدنيين في قصف على البلدة."))
    assert (ev.type, ev.fatalities, ev.injuries) == ("ASSAULT", 5, 10)
