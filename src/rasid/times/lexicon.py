"""Time vocabulary from ``data/*.tsv``, folded for the matching view.

Each loader returns folded forms (see :func:`rasid.text.fold_key`) so the
tagger's patterns run over ``doc.view.text``; :func:`alt` turns a list of
forms into a regex alternation, longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from importlib import resources

from rasid.text.normalize import fold_key


def _rows(name: str) -> list[list[str]]:
    raw = resources.files("rasid.times").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [[c.strip() for c in ln.split("\t")] for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Month:
    number: int
    calendar: str  # greg | hijri
    ambiguous: bool


@lru_cache(maxsize=1)
def months() -> dict[str, Month]:
    return {fold_key(r[0]): Month(int(r[1]), r[2], len(r) > 3 and r[3] == "ambiguous") for r in _rows("months.tsv")}


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    """Folded weekday (with and without the article) -> ISO weekday."""
    out: dict[str, int] = {}
    for form, n in _rows("weekdays.tsv"):
        k = fold_key(form)
        out[k] = int(n)
        if k.startswith("ال"):
            out.setdefault(k[2:], int(n))
    return out


@lru_cache(maxsize=1)
def ordinals() -> dict[str, int]:
    return {fold_key(r[0]): int(r[1]) for r in _rows("ordinals.tsv")}


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """role -> {folded form: value}."""
    out: dict[str, dict[str, str]] = {}
    for r in _rows("words.tsv"):
        out.setdefault(r[0], {})[fold_key(r[1])] = r[2] if len(r) > 2 else ""
    return out


def role(name: str) -> dict[str, str]:
    return words().get(name, {})


@lru_cache(maxsize=1)
def units() -> dict[str, tuple[str, int]]:
    """Folded unit word -> (unit, count): count 1 singular, 2 dual, 0 plural."""
    out = {}
    for form, v in role("unit").items():
        u, n = v.split()
        out[form] = (u, int(n))
    return out


@lru_cache(maxsize=1)
def parts() -> dict[str, tuple[Fraction, Fraction]]:
    out = {}
    for form, v in role("part").items():
        a, b = v.split()
        out[form] = (Fraction(a), Fraction(b))
    return out


def alt(forms) -> str:
    """Regex alternation of folded forms, longest first; spaces match any run of spaces."""
    items = sorted(set(forms), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in items) + ")"


def key(s: str) -> str:
    """Normalise a matched view substring for dictionary lookup."""
    return re.sub(r"\s+", " ", s).strip()
