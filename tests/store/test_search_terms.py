"""Spelling-variant canonical forms: the literal pre-check skips only patterns that cannot match."""

from __future__ import annotations

import pytest

from rasid.store.search_terms import _variants, canonical, required_literals
from rasid.text import tokenize


@pytest.mark.parametrize("pattern, literals", [
    ("^(.*)اميرك(.*)$", ("اميرك",)), ("^(.*)كورد(ي|يه|ستان)?$", ("كورد",)), ("ab?c", ("a", "c")),
    ("ab{0,2}cd", ("a", "cd")), ("x[ab]y", ("x", "y")), (r"foo\d+bar", ("foo", "bar")), ("ab*", ("a",)),
    ("a|b", ()), ("(?i)abc", ()), ("^(ab)?cd$", ("cd",)),
])
def test_required_literals(pattern, literals):
    assert required_literals(pattern) == literals


def _plain(word: str) -> str:
    for pat, repl, _ in _variants():
        new = pat.sub(repl, word)
        if new != word:
            return new
    return word


def test_canonical_is_the_plain_substitution():
    text = ("أعلنت الإدارة الأميركية أن القوات الامريكية والميليشيات الكوردية شمال سورية وكوردستان "
            "تلقت دعما من الحكومة الروسية وروسيه، وقال مسؤول كورد إن المليشيات انسحبت")
    words = [t.norm for t in tokenize(text)]
    words += [a + b for a, b in zip(words, words[1:], strict=False)]
    changed = 0
    for w in words:
        canonical.cache_clear()
        assert canonical(w) == _plain(w), w
        changed += canonical(w) != w
    assert changed >= 6
