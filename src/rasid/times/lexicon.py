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

from rasid import lang
from rasid.text.alternation import trie_alternation
from rasid.text.normalize import fold_key


def _rows(name: str, ncols: int, min_cols: int | None = None, fold_cols: tuple[int, ...] = (0,),
          unique_key: bool = True) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>`` with the columns in ``fold_cols`` folded (:func:`fold_key`)."""
    return lang.rows(f"times/data/{name}", ncols, fold=fold_key, fold_cols=fold_cols,
                     min_cols=min_cols, unique_key=unique_key)


@dataclass(frozen=True)
class Month:
    number: int
    calendar: str  # greg | hijri
    ambiguous: bool


@lru_cache(maxsize=1)
def months() -> dict[str, Month]:
    return {r[0]: Month(int(r[1]), r[2], r[3] == "ambiguous") for r in _rows("months.tsv", 4, min_cols=3, unique_key=False)}


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    """Folded weekday (with and without the article) -> ISO weekday."""
    out: dict[str, int] = {}
    art = article()
    for k, n in _rows("weekdays.tsv", 2, unique_key=False):
        out[k] = int(n)
        if k.startswith(art):
            out.setdefault(k[len(art):], int(n))
    return out


@lru_cache(maxsize=1)
def ordinals() -> dict[str, int]:
    return {r[0]: int(r[1]) for r in _rows("ordinals.tsv", 2)}


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """role -> {folded form: value}."""
    out: dict[str, dict[str, str]] = {}
    for r in _rows("words.tsv", 3, min_cols=2, fold_cols=(1,), unique_key=False):
        out.setdefault(r[0], {})[r[1]] = r[2]
    return out


def role(name: str) -> dict[str, str]:
    return words().get(name, {})


@lru_cache(maxsize=1)
def _grammar() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for r in _rows("grammar.tsv", 3, min_cols=2, fold_cols=(1,), unique_key=False):
        out.setdefault(r[0], {})[r[1]] = r[2]
    return out


def gram(name: str) -> dict[str, str]:
    """Folded form -> value of a role of ``data/grammar.tsv`` (the patterns' small words)."""
    return _grammar()[name]


def article() -> str:
    """The definite article (role ``article``), as the view writes it."""
    (a,) = gram("article")
    return a


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
    """Regex alternation of folded forms, longest first; spaces match any run of spaces
    (written as a trie: :func:`rasid.text.alternation.trie_alternation`)."""
    return "(?:" + trie_alternation(forms, space=r"\s+") + ")"


def key(s: str) -> str:
    """Normalise a matched view substring for dictionary lookup."""
    return re.sub(r"\s+", " ", s).strip()
