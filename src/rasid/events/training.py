"""Fitting the sentence classifier (used by the train and eval scripts).

The labelled data are the OEDA Arabic event gold-standard CSVs (columns
``label``: yes / easy no / difficult no / ambiguous, ``text``). ``ambiguous``
rows are left out; ``yes`` is positive, both kinds of ``no`` negative.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import numpy as np

from rasid.events.classifier import featurize, rule_keys, tfidf_rows

MIN_DF = 2
C = 3.0


def load_gsr(path: Path) -> tuple[list[str], np.ndarray]:
    texts, labels = [], []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lab = (row.get("label") or "").strip()
            if lab == "ambiguous" or not lab:
                continue
            texts.append(row["text"])
            labels.append(1 if lab == "yes" else 0)
    return texts, np.array(labels, dtype=np.int64)


def fit_type(counts, rules, y: np.ndarray, c: float = C) -> dict[str, Any]:
    """Fit one type on precomputed features; arrays as stored in the model file."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    cols = np.flatnonzero(df >= MIN_DF).astype(np.int32)
    n = counts.shape[0]
    idf = (np.log((1 + n) / (1 + df[cols])) + 1.0).astype(np.float64)
    x = sparse.hstack([tfidf_rows(counts[:, cols], idf), rules]).tocsr()
    lr = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    lr.fit(x, y)
    w = lr.coef_.ravel()
    return {
        "cols": cols,
        "idf": idf.astype(np.float32),
        "coef": w[: len(cols)].astype(np.float32),
        "rule_coef": w[len(cols):].astype(np.float32),
        "intercept": np.float32(lr.intercept_[0]),
    }


def fit(datasets: dict[str, tuple[list[str], np.ndarray]]) -> dict[str, np.ndarray]:
    """type -> (texts, labels)  =>  flat arrays for ``np.savez_compressed``."""
    out: dict[str, np.ndarray] = {"rule_keys": np.array(rule_keys())}
    for t, (texts, y) in datasets.items():
        counts, rules = featurize(texts)
        for k, v in fit_type(counts, rules, y).items():
            out[f"{t}_{k}"] = np.asarray(v)
    return out
