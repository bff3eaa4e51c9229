"""Sentence and clause splitting for Arabic news text.

A sentence ends at ``.`` ``!`` ``?`` ``؟`` ``…`` or a line break, unless the
full stop sits inside a number (``3.5``) or an abbreviation-like initial
(``إريك ت. هيل``) or a dotted acronym (``بي.بي.سي``, ``سي. آي. إيه``). Quotes (« » “ ” ") do not end a sentence on their own: a
quotation that closes after the final stop stays with its sentence.
Clauses split sentences further at ``،`` ``؛`` ``,`` ``;`` and ``:``.
"""

from __future__ import annotations

import re

from functools import lru_cache

from rasid import lang
from rasid.lang.ar import COMMA, LETTER_NAMES, QUESTION_MARK, SEMICOLON
from rasid.text.normalize import fold
from rasid.text.span import Span

_CLOSERS = "»”\"'’)]"
_END = re.compile(r"[.!?" + QUESTION_MARK + r"…]+|\n+")
_CLAUSE = re.compile("[" + COMMA + SEMICOLON + ",;:]")


def _is_initial(text: str, i: int) -> bool:
    """A stop after a lone letter: an initial (ت.) or an agency code (د.ب.أ)."""
    return i >= 1 and text[i - 1].isalpha() and (i < 2 or text[i - 2] in " \n(.")


ACRONYM_PART = 3  # letters of one part of a dotted acronym ("بي.كيه.كيه", "إن.بي.سي")


def _run(text: str, i: int, step: int) -> int:
    """Letters in a row from ``i`` going by ``step`` (-1 left, 1 right)."""
    n = 0
    while 0 <= i < len(text) and text[i].isalpha():
        n += 1
        i += step
    return n


def _in_acronym(text: str, i: int) -> bool:
    """A stop between two short letter runs with no space: a part of a dotted
    acronym ("بي.كيه.كيه"، "بي.بي.سي"), not the end of a sentence. (A stop
    between two words with no space, "الماضي.وقال", still ends one.)"""
    left, right = _run(text, i - 1, -1), _run(text, i + 1, 1)
    return 0 < left <= ACRONYM_PART and 0 < right <= ACRONYM_PART


@lru_cache(maxsize=1)
def _letter_names() -> frozenset[str]:
    return lang.words(LETTER_NAMES, fold)


def _short_part(text: str, stop: int) -> bool:
    """The word before the stop at ``stop`` is a Latin letter's name standing alone ("سي.")."""
    n = _run(text, stop - 1, -1)
    return 0 < n <= ACRONYM_PART and (stop - n == 0 or text[stop - n - 1] in " \n(«\"“") \
        and fold(text[stop - n: stop]) in _letter_names()


def _in_spaced_acronym(text: str, i: int) -> bool:
    """A stop of a dotted acronym written with spaces ("سي. آي. إيه", "إف. بي. آي"): a
    short part before it, and a short part with its own stop right before or after it."""
    if not _short_part(text, i):
        return False
    n = len(text)
    j = i + 1
    while j < n and text[j] == " ":
        j += 1
    right = _run(text, j, 1)
    if j > i + 1 and 0 < right <= ACRONYM_PART and j + right < n and text[j + right] == "." \
            and _short_part(text, j + right):
        return True  # "سي. آي." : the next part
    k = i - _run(text, i - 1, -1) - 1  # the space before this part
    while k >= 0 and text[k] == " ":
        k -= 1
    return k < i - _run(text, i - 1, -1) - 1 and k >= 1 and text[k] == "." and _short_part(text, k)


def split_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    n = len(text)
    for m in _END.finditer(text):
        i = m.start()
        if m.group()[0] == "." and m.end() - i == 1:
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < n else ""
            if before.isdigit() and after.isdigit():
                continue
            if _is_initial(text, i) and (after == " " or after.isalpha()):
                continue
            if _in_acronym(text, i) or _in_spaced_acronym(text, i):
                continue
        end = m.end()
        if m.group()[0] != "\n":
            while end < n and text[end] in _CLOSERS:
                end += 1
        _add(text, start, end, spans)
        start = end
    _add(text, start, n, spans)
    return spans


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end, text[start:end]))


def split_clauses(text: str, sentence: Span | None = None) -> list[Span]:
    """Clauses of one sentence (or of the whole text)."""
    s0, s1 = (sentence.start, sentence.end) if sentence else (0, len(text))
    out: list[Span] = []
    start = s0
    for m in _CLAUSE.finditer(text, s0, s1):
        _add(text, start, m.start(), out)
        start = m.end()
    _add(text, start, s1, out)
    return out
