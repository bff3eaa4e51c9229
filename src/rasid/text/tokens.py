"""Word tokens with proclitic analysis.

A token is a maximal run of letters/digits (Arabic or Latin). Each token
carries its matching-view form and the ways it can be split into proclitics
(from ``data/proclitics.tsv``: و ف ب ل ك ال لل وال بال ...) and a stem. The
splits are candidates, longest prefix first; the caller decides which one a
dictionary confirms (``والبوكمال`` -> و+ال+بوكمال, but ``بلدة`` is not ب+لده).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator
from rasid import lang

from rasid.text.normalize import fold

# letters/digits plus the Arabic marks that sit inside words (harakat, shadda, tatweel)
_MARKS = "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed"
# invisible format characters (zero-width, bidi marks, soft hyphen: dropped by the
# matching view, charmap.tsv) may sit inside a word without splitting it
_MARKS += "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c\u00ad"
_WORD = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*(?:[.'’][^\W_](?:[^\W_]|[{_MARKS}])*)*", re.UNICODE)
MIN_STEM = 2


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    norm: str  # matching-view form

    @property
    def is_arabic(self) -> bool:
        return any("\u0600" <= c <= "\u06ff" for c in self.text)

    @property
    def is_number(self) -> bool:
        return self.norm.isdigit()

    def splits(self) -> list[tuple[str, str]]:
        """(prefix, stem) candidates, the unsplit form last."""
        return proclitic_splits(self.norm)


@lru_cache(maxsize=1)
def proclitics() -> tuple[str, ...]:
    items = lang.words("text/data/proclitics.tsv", fold=lambda ln: fold(ln.split("\t")[0]), allow_duplicates=True)
    return tuple(sorted(items, key=len, reverse=True))


@lru_cache(maxsize=65536)
def proclitic_splits(word: str) -> list[tuple[str, str]]:
    out = []
    for p in proclitics():
        if word.startswith(p) and len(word) - len(p) >= MIN_STEM:
            out.append((p, word[len(p):]))
    out.append(("", word))
    return out


_new = object.__new__
_set = object.__setattr__


def tokenize(text: str) -> list[Token]:
    toks = []
    for m in _WORD.finditer(text):
        w = m.group()
        norm = fold(w)
        if norm:  # a run of tatweel alone is not a word
            s, e = m.span()
            tok = _new(Token)  # Token(s, e, w, norm), without the frozen dataclass's four setattr calls
            _set(tok, "__dict__", {"start": s, "end": e, "text": w, "norm": norm})
            toks.append(tok)
    return toks


def iter_words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, matching-view form) of each word of ``text``, lazily (the words
    :func:`tokenize` gives, for a caller that stops early: a search snippet)."""
    for m in _WORD.finditer(text):
        norm = fold(m.group())
        if norm:
            yield m.start(), m.end(), norm
