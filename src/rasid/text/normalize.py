"""The matching view: Arabic text folded for matching, with a map back.

Every annotator that looks words up (gazetteer, cue lists, month names ...)
matches against :class:`MatchView` ``.text`` and converts the hit back with
:meth:`MatchView.to_text`, so offsets always point into the document text.

Folding rules live in ``data/charmap.tsv``: each character of the text becomes
one character of the view or is dropped (diacritics, tatweel, zero-width and
bidi marks). Latin letters are lower-cased. Nothing else is rewritten, so
``view.offsets[i]`` is the text index of view character ``i``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from rasid import lang
from rasid.errors import ModelDataError

_DROP = ""


def _parse_chars(spec: str) -> list[str]:
    out: list[str] = []
    for part in spec.split():
        if part.startswith("U+"):
            if "-" in part:
                a, b = part.split("-")
                out.extend(chr(c) for c in range(int(a[2:], 16), int(b[2:], 16) + 1))
            else:
                out.append(chr(int(part[2:], 16)))
        else:
            out.extend(part)
    return out


def _parse_repl(spec: str) -> str:
    if spec == '""':
        return _DROP
    if spec.startswith("U+"):
        return chr(int(spec[2:], 16))
    return spec


@lru_cache(maxsize=1)
def char_table() -> dict[int, str]:
    """Code point -> replacement ('' to drop), from ``charmap.tsv``."""
    table: dict[int, str] = {}
    for n, line in lang.lines("text/data/charmap.tsv"):
        chars, repl, *_ = line.split("\t")
        r = _parse_repl(repl)
        if len(r) > 1:
            raise ModelDataError(f"text/data/charmap.tsv:{n}: replacement must be one character: {line!r}")
        for c in _parse_chars(chars):
            table[ord(c)] = r
    return table


def fold_char(c: str) -> str:
    """Fold one character (may return '' when the character is dropped)."""
    r = char_table().get(ord(c))
    if r is not None:
        return r
    if unicodedata.combining(c) and "\u0610" <= c <= "\u06ff":
        return _DROP
    return c.lower() if c.isascii() else c


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """:func:`char_table` plus ASCII upper case to lower case, for ``str.translate``."""
    table: dict[int, str] = {c: chr(c).lower() for c in range(ord("A"), ord("Z") + 1)}
    table.update(char_table())
    return table


def as_sequence(table: dict[int, str]) -> list[str]:
    """A ``str.translate`` table (code point -> replacement) as a list indexed by
    code point, each character to itself unless the table says otherwise (up to
    the Basic Multilingual Plane's end: a character past the list's end finds
    nothing and stays): the same translation as with the dict, about twice as
    fast (each character the dict lacks costs ``translate`` a KeyError)."""
    seq = [chr(c) for c in range(max(0x10000, max(table, default=0) + 1))]
    for c, r in table.items():
        seq[c] = r
    return seq


@lru_cache(maxsize=1)
def _fold_seq() -> list[str]:
    """:func:`_fold_table` for ``str.translate`` (:func:`as_sequence`)."""
    return as_sequence(_fold_table())


@lru_cache(maxsize=1)
def char_seq() -> list[str]:
    """:func:`char_table` for ``str.translate`` (:func:`as_sequence`)."""
    return as_sequence(char_table())


@lru_cache(maxsize=1)
def _dropped() -> re.Pattern[str]:
    """Runs of the characters :func:`char_table` drops."""
    drop = sorted(c for c, r in char_table().items() if r == _DROP)
    return re.compile("[" + "".join(re.escape(chr(c)) for c in drop) + "]+") if drop else re.compile("(?!)")


def fold(text: str) -> str:
    """The matching form of a string (no offset map): for dictionary keys."""
    r = _FOLDED.get(text)
    if r is not None:
        return r
    if len(text) <= _FOLD_CACHED_LEN:
        r = unicodedata.normalize("NFKC", text).translate(_fold_seq())
        if len(_FOLDED) >= _FOLD_CACHE_SIZE:
            _FOLDED.clear()
        _FOLDED[text] = r
        return r
    r = _FOLDED_LONG.get(text)
    if r is None:
        r = unicodedata.normalize("NFKC", text).translate(_fold_seq())
        if len(text) <= _FOLD_LONG_LEN:
            if len(_FOLDED_LONG) >= _FOLD_LONG_SIZE:
                _FOLDED_LONG.clear()
            _FOLDED_LONG[text] = r
    return r


# words, short phrases and the few words before a mention (40 characters): folded
# once, then looked up in a plain dict (cheaper than an lru_cache for a hit); a
# full cache is emptied
_FOLD_CACHED_LEN = 48
_FOLD_CACHE_SIZE = 1 << 17
_FOLDED: dict[str, str] = {}
# sentences and clauses: several stages fold the same ones of a document; a small
# cache, emptied when full (a few documents' worth)
_FOLD_LONG_LEN = 2000
_FOLD_LONG_SIZE = 1024
_FOLDED_LONG: dict[str, str] = {}


_SPACES = re.compile(r"\s+")


def fold_key(text: str) -> str:
    """Dictionary key: folded, whitespace collapsed, stripped."""
    return _SPACES.sub(" ", fold(text)).strip()


def _is_mark(c: str) -> bool:
    return c == "\u0640" or (unicodedata.combining(c) > 0)


class MatchView:
    """Folded copy of ``text`` with ``offsets`` back into ``text``.

    >>> v = MatchView("قالَ: «سوريّة»")
    >>> v.text
    'قال: "سوريه"'
    >>> v.to_text(5, 10)
    (6, 12)
    """

    __slots__ = ("source", "text", "offsets")

    def __init__(self, text: str) -> None:
        # each character becomes its char_table() replacement (one character or
        # none), else itself, lower-cased when ASCII: str.translate with
        # _fold_table(); the offsets skip the dropped characters
        self.source = text
        self.text = text.translate(_fold_seq())
        if len(self.text) == len(text):
            offsets = list(range(len(text) + 1))  # nothing dropped; sentinel: end of text
        else:
            offsets = []
            prev = 0
            for m in _dropped().finditer(text):
                offsets.extend(range(prev, m.start()))
                prev = m.end()
            offsets.extend(range(prev, len(text) + 1))
        self.offsets = offsets

    def __len__(self) -> int:
        return len(self.text)

    def to_text(self, start: int, end: int) -> tuple[int, int]:
        """View span [start, end) -> text span [s, e) (end exclusive)."""
        if end <= start:
            s = self.offsets[start]
            return s, s
        e = self.offsets[end - 1] + 1
        # keep the marks that sit on the last letter (shadda, tanwin, tatweel)
        src, stop = self.source, self.offsets[end]
        while e < stop and _is_mark(src[e]):
            e += 1
        return self.offsets[start], e

    def from_text(self, start: int, end: int) -> tuple[int, int]:
        """Text span -> the smallest view span covering the same characters."""
        s = bisect_left(self.offsets, start, 0, len(self.offsets) - 1)
        e = bisect_left(self.offsets, end, 0, len(self.offsets) - 1)
        return s, max(s, e)

    def finditer(self, pattern: re.Pattern[str] | str):
        """Yield (text_start, text_end, match) for a regex over the view."""
        if isinstance(pattern, str):
            pattern = re.compile(pattern)
        for m in pattern.finditer(self.text):
            s, e = self.to_text(m.start(), m.end())
            yield s, e, m
