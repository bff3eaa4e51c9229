"""The NER training script's document-level folds (scripts/train_ner.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_ner.py"


@pytest.fixture(scope="module")
def train_ner():
    spec = importlib.util.spec_from_file_location("train_ner", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _article(topic: list[str], n: int) -> list[tuple[list[str], list[str]]]:
    """n sentences on one topic: the first opens the article, the others continue it (و...)."""
    out = []
    for i in range(n):
        words = [("و" if i else "") + topic[i % len(topic)]] + topic + [f"كلمة{i}"]
        out.append((words, ["O"] * len(words)))
    return out


def test_doc_folds_cut_at_article_starts(train_ner):
    a = _article(["البرلمان", "الانتخابات", "المرشحين", "الدوائر"], 7)
    b = _article(["المنتخب", "المباراة", "الملعب", "الهدف"], 9)
    c = _article(["الأسهم", "البورصة", "المستثمرين", "الأرباح"], 8)
    sents = a + b + c
    folds = train_ner.doc_folds(sents, 3, search=4)
    assert folds == [0] * 7 + [1] * 9 + [2] * 8


def test_cv_splits_drop_repeated_test_sentences_from_training(train_ner):
    a = _article(["البرلمان", "الانتخابات", "المرشحين"], 5)
    b = _article(["المنتخب", "المباراة", "الملعب"], 5)
    sents = a + b + a[:2]  # the corpus repeats part of an article
    for tr, te in train_ner.cv_splits(sents, 2):
        test = {tuple(t) for t, _ in te}
        assert not any(tuple(t) in test for t, _ in tr)


def test_pseudo_docs_break_at_gaps_and_article_starts(train_ner):
    a = _article(["البرلمان", "الانتخابات", "المرشحين", "الدوائر"], 6)
    b = _article(["المنتخب", "المباراة", "الملعب", "الهدف"], 6)
    sents = a + b
    docs = train_ner.pseudo_docs(sents, [0, 1, 2, 4, 5, 6, 7], per_doc=6)
    assert docs == [0, 0, 0, 1, 1, 2, 2]  # the gap 2 -> 4 and the start of article b (6) open documents
    assert train_ner.pseudo_docs(sents, list(range(12)), per_doc=6) == [0] * 6 + [1] * 6
