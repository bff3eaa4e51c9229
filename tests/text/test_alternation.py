"""A trie-shaped alternation finds what the flat one finds (rasid.text.alternation)."""

from __future__ import annotations

import random
import re

from rasid.text.alternation import trie_alternation


def _flat(words, space=None):
    out = [re.escape(w) for w in sorted(set(words), key=len, reverse=True)]
    return "|".join(x.replace(r"\ ", space) for x in out) if space else "|".join(out)


def _spans(pattern: str, text: str):
    return [(m.span(), m.groupdict()) for m in re.finditer(pattern, text)]


def test_same_matches_as_the_flat_alternation():
    rng = random.Random(19)
    letters = "ابت "
    for _ in range(300):
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 5))).strip() or "ا" for _ in range(rng.randint(1, 12))]
        text = "".join(rng.choice(letters + ".") for _ in range(80))
        for space in (None, r"\s+"):
            for wrap in ("(?:{})", "(?P<w>{})(?:ب|ت)?", "(?:{})ا", "(?<![^\\W_])(?:{})(?![^\\W_])"):
                assert _spans(wrap.format(trie_alternation(words, space)), text) == _spans(wrap.format(_flat(words, space)), text)


def test_shapes():
    assert trie_alternation([]) == ""
    assert trie_alternation(["اب"]) == "اب"
    assert trie_alternation(["اب", "ابت", "ا"]) == "ا(?:ب(?:ت|)|)"
    assert trie_alternation(["a b"], space=r"\s+") == r"a\s+b"
