"""Per-document lookups for the events stage, computed once and searched by bisection.

The events stage asks, for every trigger, questions such as "is a person or
group named within 12 characters after it?" or "which token starts here?".
Scanning every entity mention or token for each trigger makes the stage
quadratic in the article's length; these helpers keep sorted offsets in the
document's cache (rebuilt when entities or mentions are added) and answer in
O(log n).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from rasid.model.document import Document, Entity, Span
from rasid.text import Token


def _signature(doc: Document) -> tuple[int, int]:
    return len(doc.entities), sum(len(e.mentions) for e in doc.entities)


def sorted_mentions(doc: Document, *kinds: str) -> tuple[list[int], list[tuple[Entity, Span]]]:
    """(starts, pairs): ``doc.mentions(*kinds)`` and their start offsets, cached."""
    key = ("events.mentions", kinds)
    sig = _signature(doc)
    hit = doc._cache.get(key)
    if hit is not None and hit[0] == sig:
        return hit[1], hit[2]
    pairs = list(doc.mentions(*kinds))
    starts = [m.start for _, m in pairs]
    doc._cache[key] = (sig, starts, pairs)
    return starts, pairs


def mentions_starting_in(doc: Document, kinds: tuple[str, ...], lo: int, hi: int) -> list[tuple[Entity, Span]]:
    """Mentions of ``kinds`` whose start lies in ``[lo, hi)``."""
    starts, pairs = sorted_mentions(doc, *kinds)
    return pairs[bisect_left(starts, lo):bisect_left(starts, hi)]


def any_start_in(doc: Document, kinds: tuple[str, ...], lo: int, hi: int) -> bool:
    """Does a mention of ``kinds`` start in ``[lo, hi)``?"""
    starts, _ = sorted_mentions(doc, *kinds)
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def first_token_at(tokens: list[Token], offset: int) -> int:
    """Index of the first token starting at or after ``offset`` (``len(tokens)`` if none)."""
    return bisect_left(tokens, offset, key=lambda t: t.start)


def token_range(tokens: list[Token], span: Span) -> tuple[int, int]:
    """Tokens lying inside ``span``: ``[lo, hi)``."""
    lo = first_token_at(tokens, span.start)
    hi = lo
    while hi < len(tokens) and tokens[hi].end <= span.end:
        hi += 1
    return lo, hi


def covered_tokens(doc: Document, kinds: tuple[str, ...]) -> frozenset[int]:
    """Indices of the tokens lying inside a time expression or a mention of ``kinds``."""
    key = ("events.covered", kinds)
    sig = (_signature(doc), len(doc.times))
    hit = doc._cache.get(key)
    if hit is not None and hit[0] == sig:
        return hit[1]
    tokens = doc.tokens
    out: set[int] = set()
    spans = [(t.start, t.end) for t in doc.times] + [(m.start, m.end) for _, m in sorted_mentions(doc, *kinds)[1]]
    for a, b in spans:
        i = first_token_at(tokens, a)
        while i < len(tokens) and tokens[i].end <= b:
            out.add(i)
            i += 1
    res = frozenset(out)
    doc._cache[key] = (sig, res)
    return res


def group_by_sentence(doc: Document, offsets: list[int]) -> dict[int, list[int]]:
    """Sentence index -> positions (into ``offsets``) of the offsets it holds, in order."""
    starts = [s.start for s in doc.sentences]
    out: dict[int, list[int]] = {}
    for k, off in enumerate(offsets):
        si = bisect_right(starts, off) - 1
        out.setdefault(si, []).append(k)
    return out
