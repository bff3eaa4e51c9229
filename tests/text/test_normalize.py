"""The matching view and its offset map (examples and property tests)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.text import MatchView, fold, fold_key
from rasid.text.normalize import char_table

# Arabic letters, marks, digits, punctuation, spaces, Latin and odd characters.
ARABIC_ALPHABET = (
    [chr(c) for c in range(0x0600, 0x0700)]
    + [chr(c) for c in range(0x0750, 0x0780)]
    + list(" \n\t.,;:!?\"'()«»“”‘’–—-0123456789abcXYZ")
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u2066", "\ufeff", "\u00a0", "\u0640"]
    + ["\ufef7", "\ufe8d", "\u0671", "\u06cc", "\u06a9", "\u06f4", "é", "ß", "İ"]
)
arabic_text = st.text(alphabet=st.sampled_from(ARABIC_ALPHABET), max_size=80)
any_text = st.text(max_size=60)
texts = st.one_of(arabic_text, any_text).map(lambda s: unicodedata.normalize("NFKC", s))


def test_examples() -> None:
    v = MatchView("قالَ: «سوريّة»")
    assert v.text == 'قال: "سوريه"'
    assert v.to_text(5, 10) == (6, 12)
    assert fold("الأميركية") == "الاميركيه"
    assert fold("أإآٱ") == "اااا"
    assert fold("ى ة ئ ؤ") == "ي ه ي و"
    assert fold("٣٤ ۵") == "34 5"
    assert fold("، ؛ ؟") == ", ; ?"
    assert fold("ABC") == "abc"
    assert fold_key("  دير   الزور\n") == "دير الزور"
    assert fold("\ufef7") == "لا"  # NFKC first: presentation-form lam-alef


def test_spelling_variants_fold_together() -> None:
    assert fold("سورية") == fold("سوريه")
    assert fold("الأمريكيّة") == fold("الامريكية")
    assert fold("إدلب") == fold("ادلب")
    assert fold("مـــوسى") == fold("موسي")


def test_dropped_characters() -> None:
    v = MatchView("ب\u200fـ\u064eد\u0651")
    assert v.text == "بد"
    assert v.offsets == [0, 4, 6]
    # the shadda on the last letter stays with the match
    assert v.to_text(0, 2) == (0, 6)
    assert v.to_text(1, 2) == (4, 6)


def test_from_text_round_trip() -> None:
    text = "قالَ المتحدث: «سوريّة»"
    v = MatchView(text)
    for s in range(len(v) + 1):
        for e in range(s, len(v) + 1):
            ts, te = v.to_text(s, e)
            assert v.from_text(ts, te) == (s, e) or s == e


def test_finditer_maps_back() -> None:
    text = "دخلت القوات الأمريكيّة إلى سورية، وغادرت القوات الأميركية."
    v = MatchView(text)
    hits = [text[s:e] for s, e, _ in v.finditer(re.escape(fold("القوات الامريكيه")))]
    assert hits == ["القوات الأمريكيّة"]
    hits = [text[s:e] for s, e, _ in v.finditer(re.escape(fold("سوريا")[:-1]) + "[اه]")]
    assert hits == ["سورية"]


def test_charmap_replacements_are_single_characters() -> None:
    assert all(len(r) <= 1 for r in char_table().values())


@settings(max_examples=300, deadline=None)
@given(texts)
def test_every_view_char_folds_from_its_text_char(text: str) -> None:
    v = MatchView(text)
    assert len(v.offsets) == len(v.text) + 1
    assert v.offsets[-1] == len(text)
    assert v.offsets == sorted(set(v.offsets))
    for i, c in enumerate(v.text):
        assert fold(text[v.offsets[i]]) == c


@settings(max_examples=300, deadline=None)
@given(texts)
def test_view_is_fold_of_text(text: str) -> None:
    assert MatchView(text).text == fold(text)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_to_text_gives_a_valid_span(text: str, data) -> None:
    v = MatchView(text)
    s = data.draw(st.integers(0, len(v)))
    e = data.draw(st.integers(s, len(v)))
    ts, te = v.to_text(s, e)
    assert 0 <= ts <= te <= len(text)
    assert fold(text[ts:te]) == v.text[s:e]


@settings(max_examples=300, deadline=None)
@given(arabic_text.map(lambda s: unicodedata.normalize("NFKC", s)), st.data())
def test_matches_of_folded_words_map_back(text: str, data) -> None:
    v = MatchView(text)
    words = re.findall(r"[^\W\d_]+", v.text)
    if not words:
        return
    word = data.draw(st.sampled_from(words))
    for s, e, m in v.finditer(re.escape(word)):
        assert fold(text[s:e]) == word
        assert v.text[m.start():m.end()] == word


def _fold_by_char(text: str) -> str:
    """The former per-character fold (the reference for the translate-based one)."""
    import unicodedata

    from rasid.text.normalize import char_table

    text = unicodedata.normalize("NFKC", text)
    table = char_table()
    return "".join(table.get(ord(c), c.lower() if c.isascii() else c) for c in text)


def test_fold_equals_the_per_character_fold_on_fuzzed_text():
    import random

    import fuzzcases

    for i in range(300):
        text = fuzzcases.gen_text(random.Random(f"fold:{i}"), surrogates=False)
        assert fold(text) == _fold_by_char(text)
    everything = "".join(chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c <= 0xDFFF)
    assert fold(everything) == _fold_by_char(everything)
