"""The number reader's steps alone (issue 16 item 3): each kind rule and the
whole-phrase check of :func:`rasid.text.numbers._parse_at`."""

from __future__ import annotations

from rasid.text import numbers as nb
from rasid.text.numbers import _Reading, _Word


def _w(kind: str, value: float, later: bool = False, conj: bool = False, next_hit=None) -> _Word:
    return _Word(kind, value, later, conj, next_hit)


def test_positive_control_parse_at() -> None:
    view, words = nb._views("قتل ثلاثة آلاف وخمسمئة شخص")
    p = nb._parse_at(words, view.text, 1)
    assert p is not None and (p.end, p.value, p.kind, p.approx) == (4, 3500, "words", False)


def test_unit_needs_wa_after_the_first_word() -> None:
    r = _Reading()
    assert nb._unit(r, _w("unit", 3)) and r.current == 3
    assert not nb._unit(r, _w("unit", 4, later=True))
    assert nb._unit(r, _w("unit", 4, later=True, conj=True)) and r.current == 7


def test_teen_unit_only_before_a_bare_ten() -> None:
    assert not nb._teenunit(_Reading(), _w("teenunit", 1))
    assert not nb._teenunit(_Reading(), _w("teenunit", 1, next_hit=("و", 10, "ten1")))
    r = _Reading()
    assert nb._teenunit(r, _w("teenunit", 1, next_hit=("", 10, "ten1"))) and r.current == 1


def test_ten_after_a_unit_makes_a_teen() -> None:
    r = _Reading(current=5, last_kind="unit")
    assert nb._ten1(r, _w("ten1", 10, later=True)) and r.current == 15
    assert not nb._ten1(_Reading(last_kind="tens"), _w("ten1", 10, later=True))


def test_hundred_after_a_unit_multiplies() -> None:
    r = _Reading(current=3, last_kind="unit")
    assert nb._hundred(r, _w("hundred", 100, later=True)) and r.current == 300


def test_multiplier_closes_the_open_part_and_plural_alone_is_approximate() -> None:
    r = _Reading(current=3, last_kind="unit")
    assert nb._mult(r, _w("mult", 1000, later=True)) and (r.total, r.current, r.last_mult) == (3000, 0, 1000)
    r.last_kind = "mult"  # (the reader notes each word's kind after its rule)
    assert not nb._mult(r, _w("mult", 1000, later=True))  # no two multipliers in a row
    r = _Reading()
    assert nb._mult(r, _w("multpl", 1000)) and r.approx and r.total == 1000


def test_fraction_after_a_multiplier_and_wa() -> None:
    r = _Reading(total=1_000_000, last_kind="mult", last_mult=1_000_000)
    assert nb._frac(r, _w("frac", 0.5, later=True, conj=True)) and r.total == 1_500_000
    assert not nb._frac(_Reading(last_kind="unit"), _w("frac", 0.5, later=True, conj=True))


def test_dual_and_approximation_only_first() -> None:
    r = _Reading()
    assert nb._dual(r, _w("dual", 2000)) and (r.total, r.last_mult) == (2000, 1000)
    assert not nb._dual(_Reading(), _w("dual", 2000, later=True))
    r = _Reading()
    assert nb._approx(r, _w("approx", 10)) and r.approx and r.current == 10


def test_finish_checks_the_phrase_as_a_whole() -> None:
    assert nb._finish(_Reading(), 3, 3) is None  # empty
    assert nb._finish(_Reading(current=0.5, last_kind="frac"), 0, 1) is None  # "نصف" alone
    assert nb._finish(_Reading(current=0.0, kind="digits"), 0, 1) is not None  # "0"
    assert nb._finish(_Reading(current=float("inf"), kind="digits"), 0, 1) is None
    p = nb._finish(_Reading(current=40, approx=True), 0, 1)
    assert p is not None and (p.value, p.approx, p.kind) == (40, True, "words")


def test_digits_in_a_date_are_no_number() -> None:
    view, words = nb._views("في 2023/08/25")
    assert nb._parse_at(words, view.text, 1) is None
    view, words = nb._views("الـ10")
    p = nb._parse_at(words, view.text, 0)
    assert p is not None and (p.value, p.definite, p.skip) == (10, True, 0)
