"""Sentence and clause splitting, tokens and proclitic splits."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.text import proclitic_splits, split_clauses, split_sentences, tokenize
from rasid.text.normalize import fold


def texts_of(text: str, spans) -> list[str]:
    assert all(text[s.start:s.end] == s.text for s in spans)
    return [s.text for s in spans]


def test_sentences_basic() -> None:
    text = "دخل رتل أمريكي إلى سوريا. وقال مصدر محلي إن الرتل ضم 30 آلية! هل انتهى التوتر؟ لا أحد يعرف…"
    assert texts_of(text, split_sentences(text)) == [
        "دخل رتل أمريكي إلى سوريا.",
        "وقال مصدر محلي إن الرتل ضم 30 آلية!",
        "هل انتهى التوتر؟",
        "لا أحد يعرف…",
    ]


def test_sentences_line_breaks_and_quotes() -> None:
    text = "عنوان الخبر\nقال المتحدث: «لم نرسل أي قوات.» وأضاف أن الوضع هادئ.\n\nفقرة ثانية"
    assert texts_of(text, split_sentences(text)) == [
        "عنوان الخبر",
        "قال المتحدث: «لم نرسل أي قوات.»",
        "وأضاف أن الوضع هادئ.",
        "فقرة ثانية",
    ]


def test_sentences_keep_decimals_and_initials() -> None:
    text = "بلغت نسبة الزيادة 3.5 في المئة. وقال الجنرال إريك ت. هيل إن القوات باقية."
    assert texts_of(text, split_sentences(text)) == [
        "بلغت نسبة الزيادة 3.5 في المئة.",
        "وقال الجنرال إريك ت. هيل إن القوات باقية.",
    ]


def test_sentences_empty() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []


def test_clauses() -> None:
    text = "قصفت الطائرات مواقع في البادية، وأفاد مصدر؛ بسقوط قتلى: ثلاثة على الأقل."
    [sent] = split_sentences(text)
    assert texts_of(text, split_clauses(text, sent)) == [
        "قصفت الطائرات مواقع في البادية",
        "وأفاد مصدر",
        "بسقوط قتلى",
        "ثلاثة على الأقل.",
    ]
    assert texts_of(text, split_clauses(text)) == texts_of(text, split_clauses(text, sent))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتثجحخ دذرز.،؟!\n«»\"0123456789")), max_size=120))
def test_sentence_spans_are_ordered_and_exact(text: str) -> None:
    spans = split_sentences(text)
    prev = 0
    for s in spans:
        assert prev <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text == s.text.strip()
        prev = s.end
    for s in spans:
        for c in split_clauses(text, s):
            assert s.start <= c.start < c.end <= s.end
            assert text[c.start:c.end] == c.text


def test_tokens() -> None:
    text = "وصلت 25 آلية إلى البوكمال، وقال U.S. officials إنّ ٣ طائرات."
    toks = tokenize(text)
    assert [t.text for t in toks] == [
        "وصلت", "25", "آلية", "إلى", "البوكمال", "وقال", "U.S", "officials", "إنّ", "٣", "طائرات",
    ]
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert t.norm == fold(t.text)
    assert toks[1].is_number and toks[9].is_number and toks[9].norm == "3"
    assert toks[0].is_arabic and not toks[7].is_arabic
    assert toks[2].norm == "اليه"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80).map(lambda s: unicodedata.normalize("NFKC", s)))
def test_token_offsets_hold(text: str) -> None:
    prev = 0
    for t in tokenize(text):
        assert prev <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        prev = t.end


def test_proclitic_splits() -> None:
    splits = proclitic_splits(fold("والبوكمال"))
    assert splits[0] == ("وال", "بوكمال")
    assert ("و", "البوكمال") in splits
    assert splits[-1] == ("", "والبوكمال")
    assert ("لل", "قوات") in proclitic_splits("للقوات")
    assert ("بال", "ضربه") in proclitic_splits(fold("بالضربة"))
    assert ("وبال", "قرب") in proclitic_splits("وبالقرب")
    assert ("فال", "جيش") in proclitic_splits("فالجيش")
    assert ("كال", "عاده") in proclitic_splits(fold("كالعادة"))
    # a stem must keep at least two letters
    assert proclitic_splits("بل") == [("", "بل")]
    assert ("ب", "لده") in proclitic_splits(fold("بلدة"))  # a candidate; dictionaries decide
    # longest prefix first
    lens = [len(p) for p, _ in proclitic_splits("وبالقرب")]
    assert lens == sorted(lens, reverse=True)


def test_token_splits_use_norm() -> None:
    [tok] = tokenize("وبالأمس")
    assert tok.splits()[0] == ("وبال", "امس")


def test_tokens_keep_inner_diacritics() -> None:
    text = "دخلت قواتٌ إلى سوريّة بِالقُربِ من مـــوسى ـــ"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["دخلت", "قواتٌ", "إلى", "سوريّة", "بِالقُربِ", "من", "مـــوسى"]
    assert [t.norm for t in toks][3:5] == ["سوريه", "بالقرب"]
