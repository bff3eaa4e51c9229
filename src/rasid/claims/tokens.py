"""Token-level view of a document for the claims stage.

:class:`Words` wraps ``doc.tokens`` with what attribution rules keep asking:
the punctuation between two tokens, sentence membership, proclitic-stripped
stems, entity mentions by token, and spans back into the text.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from rasid.claims.vocab import CONJ, NOUN_PREFIXES
from rasid.model.document import Document, Entity, Span
from rasid.places import metonym_mentions
from rasid.text import Token, fold

OPEN_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "“", "‘": "’", "'": "'"}
CLOSE_QUOTES = set("»”\"’'")
#: invisible direction marks some sites wrap names in ("\u202bفلان\u202c"): no punctuation
BIDI_MARKS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ENTITY_KINDS = ("actor", "person", "organization", "outlet")

# Punctuation (not language data): the two Arabic marks, and the sets the rules
# test a gap against. Membership tests of one character only.
ARABIC_COMMA = "،"
ARABIC_SEMICOLON = "؛"
COMMAS = ARABIC_COMMA + ","
CLAUSE_MARKS = COMMAS + ";" + ARABIC_SEMICOLON  # "، , ; ؛"
STOP_OR_COMMA = (".", ARABIC_COMMA, ",")  # for ``gap[:1] in``: the empty gap is not in it


@lru_cache(maxsize=65536)
def stems(norm: str, prefixes: tuple[str, ...] = ("",) + CONJ) -> tuple[str, ...]:
    """``norm`` without a leading conjunction (only prefixes given)."""
    out = [norm]
    for p in prefixes:
        if p and norm.startswith(p) and len(norm) - len(p) >= 2:
            out.append(norm[len(p):])
    return tuple(out)


@lru_cache(maxsize=65536)
def bare(norm: str) -> str:
    """Strip و/ف, then ال/لل/بال/وال: the lookup form of a noun."""
    for p in NOUN_PREFIXES:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            return norm[len(p):]
    return norm


def _merge_marks(text: str, toks: list[Token]) -> list[Token]:
    """Join tokens split only by diacritics or tatweel ("أكّد", "مخطّط")."""
    out: list[Token] = []
    for t in toks:
        if out:
            gap = text[out[-1].end: t.start]
            # (a gap of spaces, the usual one, holds no mark: not scanned)
            if gap and not gap.isspace() and all(unicodedata.combining(c) or c == "\u0640" for c in gap):
                s = out[-1].start
                out[-1] = Token(s, t.end, text[s: t.end], fold(text[s: t.end]))
                continue
        out.append(t)
    for n, t in enumerate(out):  # keep the marks on the last letter ("ينفِ")
        e = t.end
        while e < len(text) and (unicodedata.combining(text[e]) or text[e] == "\u0640"):
            e += 1
        if e != t.end:
            out[n] = Token(t.start, e, text[t.start: e], t.norm)
    return out


class _Norms(dict):
    """Token index -> folded form, '' for an index past either end (``Words.norm``)."""

    __slots__ = ()

    def __missing__(self, i: int) -> str:
        return ""


def _split_at_sentences(text: str, toks: list[Token], sent_starts: list[int]) -> list[Token]:
    """Split a token that runs over a sentence boundary ("والسعودي.وتعتقد": a full stop
    with no space after it, kept inside one token by the tokenizer for "أ.د" and "14.1")."""
    out: list[Token] = []
    for t in toks:
        k = bisect_right(sent_starts, t.start)
        if k < len(sent_starts) and sent_starts[k] < t.end and "." in t.text:
            cuts = [t.start] + [s for s in sent_starts[k:] if s < t.end] + [t.end]
            for a, b in pairwise(cuts):
                e = a
                while e < b and text[e] != ".":
                    e += 1
                s2 = a
                while s2 < e and not text[s2].isalnum():
                    s2 += 1
                if e > s2:
                    out.append(Token(s2, e, text[s2:e], fold(text[s2:e])))
            continue
        out.append(t)
    return out


@dataclass
class Words:
    doc: Document
    toks: list[Token] = field(init=False)
    sent: list[int] = field(init=False)
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        sents = self.doc.sentences
        s_starts = [s.start for s in sents]
        self.toks = _split_at_sentences(self.doc.text, _merge_marks(self.doc.text, list(self.doc.tokens)), s_starts)
        self.starts = [t.start for t in self.toks]
        self.sent = [max(0, bisect_right(s_starts, t.start) - 1) for t in self.toks]
        self.sents = sents
        self._ents: list[tuple[Entity, Span]] = list(self.doc.mentions(*ENTITY_KINDS))
        # places named as actors ("وأعلنت جيبوتي"), set aside by the places stage
        self._metonyms = [m for _, m in metonym_mentions(self.doc)]
        self._norms = [t.norm for t in self.toks]
        # the rules ask for norms millions of times a corpus: a dict lookup, no Python call
        self.norm = _Norms(enumerate(self._norms)).__getitem__  # type: ignore[method-assign]

    def __len__(self) -> int:
        return len(self.toks)

    def norm(self, i: int) -> str:
        """The folded form of token i ('' past either end); shadowed by the instance's lookup."""
        return self._norms[i] if 0 <= i < len(self._norms) else ""

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i (punctuation, spaces)."""
        if i <= 0:
            return self.doc.text[: self.toks[0].start] if self.toks else ""
        if i >= len(self.toks):
            return self.doc.text[self.toks[-1].end:]
        return self.doc.text[self.toks[i - 1].end: self.toks[i].start]

    def punct_before(self, i: int) -> str:
        return "".join(c for c in self.gap(i) if not c.isspace() and c not in BIDI_MARKS)

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.toks) and 0 <= j < len(self.toks) and self.sent[i] == self.sent[j]

    def sentence_span(self, i: int) -> Span:
        return self.sents[self.sent[i]]

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def span(self, i: int, j: int) -> Span:
        """Span from token i to token j inclusive."""
        s, e = self.toks[i].start, self.toks[j].end
        return Span(s, e, self.doc.text[s:e])

    def text_span(self, s: int, e: int) -> Span:
        return Span(s, e, self.doc.text[s:e])

    def entity_at(self, i: int) -> tuple[Entity, Span] | None:
        """The longest entity mention that covers token i (None past either end)."""
        if not 0 <= i < len(self.toks):
            return None
        t = self.toks[i]
        best = None
        for ent, m in self._ents:
            if m.start <= t.start and t.end <= m.end + 1:
                if best is None or (m.end - m.start) > (best[1].end - best[1].start):
                    best = (ent, m)
        return best

    def in_entity(self, i: int) -> bool:
        """Token i overlaps an actor/person/organization/outlet mention."""
        if not 0 <= i < len(self.toks):
            return False
        t = self.toks[i]
        return any(m.start < t.end and t.start < m.end for _, m in self._ents)

    def entity_for(self, span: Span) -> Entity | None:
        """The entity whose mention overlaps ``span`` the most."""
        best, size = None, 0
        for ent, m in self._ents:
            ov = min(m.end, span.end) - max(m.start, span.start)
            if ov > size:
                best, size = ent, ov
        return best

    def place_at(self, span: Span) -> bool:
        """A place mention (or a place named as an actor) covers the whole of ``span`` (a metonym source)."""
        return any(m.start <= span.start and span.end <= m.end for _, m in self.doc.mentions("place")) \
            or any(m.start <= span.start and span.end <= m.end for m in self._metonyms)

    def in_time(self, i: int) -> bool:
        """Token i lies inside a time expression of the times stage."""
        t = self.toks[i]
        return any(te.start < t.end and t.start < te.end for te in self.doc.times)

    def has_entities(self) -> bool:
        return bool(self._ents)
