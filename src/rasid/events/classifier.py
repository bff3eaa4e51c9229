"""Sentence classifier for ASSAULT / PROTEST (logistic regression, hashed n-grams).

The model is trained by ``scripts/train_event_classifier.py`` on the Open Event
Data Alliance Arabic gold-standard sentences (MIT) and shipped as
``models/sentence_clf.npz``: for each type, the hashed feature columns it uses
with their idf and weight, and the intercept. Features: character n-grams
(2-5, inside word boundaries) and word uni/bigrams of the folded sentence,
sublinear tf-idf, l2-normalised, plus the trigger features of
:func:`rule_features`. Nothing is downloaded; when the file is missing the
classifier answers 0.0 and the rules work alone.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from rasid.text import fold, tokenize

N_CHAR = 2**19
N_WORD = 2**18
MODEL_FILE = "models/sentence_clf.npz"
TYPES = ("ASSAULT", "PROTEST")


def _vectorizers() -> tuple[Any, Any]:
    from sklearn.feature_extraction.text import HashingVectorizer

    char = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=N_CHAR, alternate_sign=False, norm=None)
    word = HashingVectorizer(analyzer="word", ngram_range=(1, 2), n_features=N_WORD, alternate_sign=False, norm=None)
    return char, word


#: per-type shape features: how the trigger stands in the sentence
_SHAPES = ("verb", "noun", "definite", "first", "background", "count")


def rule_features(text: str) -> dict[str, float]:
    """Trigger evidence of one sentence: hits per type and strength, their shape
    (verb / noun / definite / opening the sentence / after a backgrounding word /
    with a casualty count) and the context-word classes present."""
    from rasid.events.lexicon import context_words, count_words, find_triggers, in_context, is_definite

    toks = tokenize(text)
    ctx = context_words()
    counts = count_words()
    feats: dict[str, float] = {}
    for h in find_triggers(toks):
        t = h.entry.type
        feats[f"{t}:{'strong' if h.entry.strong else 'weak'}"] = 1.0
        feats[f"{t}:{h.entry.mode}"] = 1.0
        feats[f"{t}:{'verb' if h.entry.verb else 'noun'}"] = 1.0
        if is_definite(toks[h.tok], h.entry.form, h.entry.pos):
            feats[f"{t}:definite"] = 1.0
        if h.tok <= 2:
            feats[f"{t}:first"] = 1.0
        if any(in_context(toks[j].norm, "background") for j in range(max(0, h.tok - 3), h.tok)):
            feats[f"{t}:background"] = 1.0
        near = toks[max(0, h.tok - 6):h.tok + h.ntok + 6]
        if any(x.is_number for x in near) and any(x.norm in counts for x in near):
            feats[f"{t}:count"] = 1.0
    for cls in ctx:
        if any(in_context(t.norm, cls) for t in toks):
            feats[f"ctx:{cls}"] = 1.0
    return feats


def rule_keys() -> list[str]:
    """Fixed order of the rule feature columns."""
    from rasid.events.lexicon import context_words, trigger_index

    keys: set[str] = set()
    for forms in trigger_index().values():
        for tf in forms:
            keys.add(f"{tf.type}:{'strong' if tf.strong else 'weak'}")
            keys.add(f"{tf.type}:{tf.mode}")
            keys.update(f"{tf.type}:{s}" for s in _SHAPES)
    keys.update(f"ctx:{c}" for c in context_words())
    return sorted(keys)


def featurize(texts: list[str], rules: bool = True):
    """(hashed char+word n-gram counts, rule columns in :func:`rule_keys` order)."""
    from scipy import sparse

    char, word = _vectorizers()
    folded = [fold(t) for t in texts]
    ngrams = sparse.hstack([char.transform(folded), word.transform(folded)]).tocsr()
    if not rules:
        return ngrams, None
    keys = rule_keys()
    rows, cols, vals = [], [], []
    for i, t in enumerate(texts):
        f = rule_features(t)
        for j, k in enumerate(keys):
            if k in f:
                rows.append(i)
                cols.append(j)
                vals.append(f[k])
    return ngrams, sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(keys)))


def tfidf_rows(counts, idf: np.ndarray):
    """Sublinear tf, times idf, l2-normalised rows (as sklearn's TfidfTransformer)."""
    from sklearn.preprocessing import normalize

    x = counts.astype(np.float64).copy()
    x.data = np.log(x.data) + 1.0
    x = x.multiply(idf.reshape(1, -1)).tocsr()
    return normalize(x, norm="l2", copy=False)


@lru_cache(maxsize=1)
def _model() -> dict[str, dict[str, Any]] | None:
    try:
        ref = resources.files("rasid.events").joinpath(MODEL_FILE)
        with resources.as_file(ref) as path:
            z = np.load(path, allow_pickle=False)
            data = {k: z[k] for k in z.files}
    except (FileNotFoundError, OSError):
        return None
    return unpack(data)


def unpack(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Arrays as saved by the training script -> per-type model dicts."""
    keys = [str(k) for k in data["rule_keys"]]
    out: dict[str, dict[str, Any]] = {}
    for t in TYPES:
        if f"{t}_cols" not in data:
            continue
        out[t] = {
            "cols": data[f"{t}_cols"],
            "idf": data[f"{t}_idf"],
            "coef": data[f"{t}_coef"],
            "rule_coef": data[f"{t}_rule_coef"],
            "intercept": float(data[f"{t}_intercept"]),
            "rule_keys": keys,
        }
    return out


_override: list[dict[str, dict[str, Any]]] = []


def use_model(model: dict[str, dict[str, Any]] | None) -> None:
    """Replace the shipped model (cross-validation); ``None`` restores it."""
    _override.clear()
    if model is not None:
        _override.append(model)


def predict(text: str) -> dict[str, float]:
    """P(type) for one sentence, per type the model knows (empty without a model)."""
    if _override:
        return _predict(text, _override[0])
    return dict(_predict_shipped(text))


@lru_cache(maxsize=4096)
def _predict_shipped(text: str) -> tuple[tuple[str, float], ...]:
    return tuple(_predict(text, _model()).items())


def _predict(text: str, model: dict[str, dict[str, Any]] | None) -> dict[str, float]:
    if not model:
        return {}
    counts, _ = featurize([text], rules=False)
    feats = rule_features(text)
    out: dict[str, float] = {}
    for t, m in model.items():
        x = counts[:, m["cols"]]
        x = tfidf_rows(x, m["idf"])
        z = float((x @ m["coef"])[0]) if x.nnz else 0.0
        # rule columns are keyed by name, so a changed word list only drops columns
        z += sum(float(c) for k, c in zip(m["rule_keys"], m["rule_coef"]) if k in feats)
        z += m["intercept"]
        out[t] = 1.0 / (1.0 + math.exp(-z))
    return out
