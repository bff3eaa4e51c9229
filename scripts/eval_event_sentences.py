#!/usr/bin/env python3
"""Sentence-level ASSAULT / PROTEST detection on the OEDA Arabic gold standard.

    PYTHONPATH=src python scripts/eval_event_sentences.py [--shared ../shared] [--folds 5] [--json]

Labels: ``yes`` against ``easy no`` + ``difficult no``; ``ambiguous`` left out.
The learned part is evaluated by stratified k-fold cross-validation (seed 0):
each sentence is scored by a classifier fitted without it. Three systems:

- ``rules``: the trigger rules alone (classifier switched off);
- ``classifier``: the ensemble alone (p >= 0.5; views and settings in
  :data:`rasid.events.training.SPECS`);
- ``pipeline``: what ``rasid.events`` does: rules, with the (cross-validated)
  classifier confirming weak triggers - a sentence is positive when
  :func:`rasid.events.extract` returns an event of the type;
- ``pipeline+gate``: ``pipeline`` and classifier p >= 0.5 together (the
  sentence-detector setting: GSR negatives are keyword-rich background
  mentions, which article text has far less of).

For scale, the script also prints how well ONE crowd annotator agrees with
the label of the others (:func:`annotator_agreement`): ``yes`` requires every
vote to accept, so many split sentences that plainly report an attack are
``difficult no``, which bounds what any sentence classifier can reach.

The trigger lists were written by hand from general knowledge of Arabic
conflict reporting; they are not fitted to these sentences, but their author
had seen a sample of them, so the ``rules`` figure is a development figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.events import classifier  # noqa: E402
from rasid.events.classifier import combine, component_scores, featurize, rule_features, rule_keys, unpack  # noqa: E402
from rasid.events import extract  # noqa: E402
from rasid.events.training import SPECS, fit_type, load_gsr  # noqa: E402
from rasid.model.document import Document  # noqa: E402

FILES = {"ASSAULT": "assault_gsr_dev.csv", "PROTEST": "protest_gsr_dev.csv"}


def prf(y: np.ndarray, p: np.ndarray) -> dict[str, float]:
    tp = int(((y == 1) & (p == 1)).sum())
    fp = int(((y == 0) & (p == 1)).sum())
    fn = int(((y == 1) & (p == 0)).sum())
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return {"p": round(pr, 3), "r": round(rc, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def annotator_agreement(path: Path) -> dict[str, float]:
    """How well one crowd annotator agrees with the others: the expected P/R/F1
    of a single held-out vote (accept = predict yes) against the label the
    remaining votes give by the GSR's own rule (``yes`` = every vote accepts).
    Computed exactly from the ``accept``/``reject`` counts, over the same rows
    as the evaluation (ambiguous left out, at least two votes)."""
    import csv

    tp = fp = fn = 0.0
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if (row.get("label") or "").strip() in ("", "ambiguous"):
                continue
            a, r = int(row["accept"]), int(row["reject"])
            n = a + r
            if n < 2:
                continue
            if r == 0:
                tp += a / n  # an accepting vote held out; the rest all accept
            else:
                fp += a / n  # it accepts, the rest do not all accept
                if r == 1 and a > 0:
                    fn += r / n  # the single rejecting vote held out; the rest accept
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(rc, 3), "f1": round(2 * p * rc / (p + rc), 3) if p + rc else 0.0}


def has_type(text: str, typ: str) -> int:
    doc = Document(id="s", text=text)
    return int(any(e.type == typ for e in extract(doc)))


def evaluate(typ: str, texts: list[str], y: np.ndarray, folds: int) -> dict[str, dict[str, float]]:
    from sklearn.model_selection import StratifiedKFold

    feats = featurize(texts)
    frules = [rule_features(t) for t in texts]
    clf = np.zeros(len(y), dtype=np.int64)
    pipe = np.zeros(len(y), dtype=np.int64)
    rul = np.zeros(len(y), dtype=np.int64)
    classifier.use_model({})
    for i, t in enumerate(texts):
        rul[i] = has_type(t, typ)
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, y):
        arrays = {f"{typ}_{k}": np.asarray(v) for k, v in fit_type(feats.rows(tr), y[tr], SPECS.get(typ)).items()}
        arrays["rule_keys"] = np.array(rule_keys())
        model = unpack(arrays)
        m = model[typ]
        p = combine(m, component_scores(m, feats.rows(te), [frules[i] for i in te]))
        clf[te] = (p >= 0.5).astype(np.int64)
        classifier.use_model(model)
        for i in te:
            pipe[i] = has_type(texts[i], typ)
    classifier.use_model(None)
    gate = pipe * clf
    return {"rules": prf(y, rul), "classifier": prf(y, clf), "pipeline": prf(y, pipe), "pipeline+gate": prf(y, gate)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N sentences of each file (smoke tests)")
    a = ap.parse_args(argv)
    res = {}
    for typ, fname in FILES.items():
        texts, y = load_gsr(a.shared / "data" / "events" / fname)
        if a.limit:
            texts, y = texts[: a.limit], y[: a.limit]
        res[typ] = evaluate(typ, texts, y, a.folds)
        res[typ]["one annotator"] = annotator_agreement(a.shared / "data" / "events" / fname)
        res[typ]["n"] = {"sentences": len(y), "positive": int(y.sum())}
    if a.json:
        print(json.dumps(res))
    else:
        print(f"sentence-level detection, {a.folds}-fold CV for the learned part (yes vs easy/difficult no)")
        for typ, r in res.items():
            print(f"{typ}  ({r['n']['sentences']} sentences, {r['n']['positive']} yes)")
            for k in ("rules", "classifier", "pipeline", "pipeline+gate"):
                x = r[k]
                print(f"  {k:13s} P={x['p']:.3f} R={x['r']:.3f} F1={x['f1']:.3f}  (tp={x['tp']} fp={x['fp']} fn={x['fn']})")
            x = r["one annotator"]
            print(f"  (one crowd annotator vs the others' label: P={x['p']:.3f} R={x['r']:.3f} F1={x['f1']:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
