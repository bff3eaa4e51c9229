"""Numbers for event counts.

Uses :mod:`rasid.text.numbers` (Arabic number words, duals, approximations)
when it is installed; otherwise a small fallback: digits, the number words of
``data/numbers.tsv`` and the approximation words of ``lang/ar/data/approximators.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasid import lang
from rasid.lang import ar
from rasid.text import fold
from rasid.text.normalize import MatchView

try:  # written by the text-layer helper; may not be merged yet
    from rasid.text.numbers import find_numbers as _find_numbers  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the merge state
    _find_numbers = None

_APPROX = tuple(sorted(lang.words(ar.APPROXIMATORS, fold=fold)))
_PLURAL_QUANTITIES = ar.quantity_nouns("plural", fold=fold)  # عشرات، مئات، آلاف: approximate
#: proclitics a fallback number word may carry ("" = none; و، ب، ال)
_NUMBER_PREFIXES = ("",) + ar.affixes("wa", "bi", "al", fold=fold)
_NUM = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+")


@dataclass(frozen=True)
class Num:
    start: int
    end: int
    value: int
    approx: bool = False


def find_numbers(text: str) -> list[Num]:
    """Counts in ``text`` with offsets into it."""
    return list(_cached(text))


@lru_cache(maxsize=2048)
def _cached(text: str) -> tuple[Num, ...]:
    return tuple(_find(text))


def _find(text: str) -> list[Num]:
    if _find_numbers is not None:
        out = []
        for m in _find_numbers(text):
            if getattr(m, "definite", False):
                continue
            out.append(Num(m.start, m.end, int(m.value), bool(getattr(m, "approx", False))))
        return out
    return _fallback(text)


def _fallback(text: str) -> list[Num]:
    from rasid.events.lexicon import fallback_number_words

    words = fallback_number_words()
    view = MatchView(text)
    out: list[Num] = []
    for m in _NUM.finditer(view.text):
        w = m.group()
        value: int | None = None
        if w[0].isdigit():
            try:
                value = int(float(w.replace(",", "")))
            except ValueError:
                value = None
        else:
            for pre in _NUMBER_PREFIXES:
                if w.startswith(pre) and w[len(pre):] in words:
                    value = words[w[len(pre):]]
                    break
        if value is None:
            continue
        before = view.text[max(0, m.start() - 16):m.start()].strip()
        approx = w in _PLURAL_QUANTITIES or any(before.endswith(a) for a in _APPROX)
        s, e = view.to_text(m.start(), m.end())
        out.append(Num(s, e, value, approx))
    return out
