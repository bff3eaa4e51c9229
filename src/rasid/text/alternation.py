"""Regex alternations of word lists written as tries (a speed-up only).

``(?:ا(?:ب|ج))`` for the words ``اب|اج``: ``re`` tries a flat alternation's
words one after the other at each place, a trie's only along the letters the
text has. The trie matches what the flat alternation of the words sorted
longest first matches, in the same order of preference: two words that can
both match at one place are a word and a longer one it begins, the longer is
first in the flat list and the trie tries a node's continuations before ending
there; words that differ at some character never both match at one place, so
their order does not matter.
"""

from __future__ import annotations

import re
from typing import Iterable


def trie_alternation(words: Iterable[str], space: str | None = None) -> str:
    """The pattern of ``"|".join(re.escape(w) for w in sorted(set(words), key=len,
    reverse=True))`` as a trie: a ``(?:...)`` group, or one branch's pattern alone
    ("" for no words). ``space``: the pattern a space of a word becomes (``r"\\s+"``:
    any run of spaces), else a space matches itself."""
    root: dict = {}
    for w in sorted(set(words), key=len, reverse=True):
        node = root
        for c in w:
            node = node.setdefault(space if space is not None and c == " " else re.escape(c), {})
        node[None] = {}  # a word ends here
    return _emit(root)


def _emit(node: dict) -> str:
    alts = [t + _emit(sub) for t, sub in node.items() if t is not None]
    if None in node and alts:
        alts.append("")  # ending here: after every longer word
    if not alts:
        return ""
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
