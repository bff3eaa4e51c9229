"""Fit and cross-validate a logistic story score on the tune pairs' decisions.

Each tune pair (``tests/data/crossdoc_pairs``) whose later article was scored
against the earlier one's story (not gated, not a direct copy) gives one
decision: the score terms of ``stories.TRACE`` (USE cosine, tf-idf cosine,
shared actors, event link, day gap, figures, template names, sibling and shared
towns, lead names shared both ways, title tf-idf) and the label (same
happening or not). The script fits a logistic regression on them, reports
its out-of-fold precision/recall (grouped by the earlier article's story, so
that one story's pairs never sit on both sides of a fold; repeated shuffles)
at the thresholds that give tune precision >= ``--min-precision``, and the
fixed score's (``stories.JOIN_THRESHOLD``) on the same decisions, which is
in-sample (its weights were chosen on these pairs). Blind pairs are never read.

    PYTHONPATH=src python scripts/fit_story_score.py [--cache PATH] [--repeats 20]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import eval_pairs  # noqa: E402
from rasid.crossdoc import stories as stories_mod  # noqa: E402
from rasid.store import Store  # noqa: E402

FEATURES = ("cos", "terms", "actor", "linked", "weak", "days_hard", "days_soft", "num", "template", "sibling",
            "town", "names", "rnames", "title")


def row(t: dict) -> list[float]:
    return [t["cos"], t["terms"], t["actor"], float(t["linked"]), float(not t["linked"] and t["link"] > 0),
            0.0 if t["soft"] else float(t["days"]), float(t["days"]) if t["soft"] else 0.0, t["num"],
            float(t["template"]), float(t["sibling"]), float(t["town"]), t["names"], t["rnames"], t["title"]]


def decisions(args) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    pairs = [json.loads(x) for x in args.pairs.read_text(encoding="utf-8").splitlines() if x.strip()]
    tune = [p for p in pairs if p.get("split") == "tune"]
    ids = {p["a"] for p in tune} | {p["b"] for p in tune}
    background = eval_pairs.dev_ids(args.corpus_dir)
    # the blind articles stay in the store (as in eval_pairs) but their labels are never read
    every = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    docs = eval_pairs.analyse(eval_pairs.read_corpus(every | background, args.corpus_dir), args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "fit.db"
        stories_mod.TRACE = []
        eval_pairs.build_store(list(docs.values()), db)
        trace = {(t[0], t[1]): t for t in stories_mod.TRACE}
        stories_mod.TRACE = None
        with Store(db) as st:
            story = dict(st.conn.execute("SELECT doc_id, story_id FROM story_docs").fetchall())
    order = {i: (d.published or "9999", i) for i, d in docs.items()}
    X, y, fixed, groups = [], [], [], []
    for p in tune:
        if p["a"] not in docs or p["b"] not in docs or p["a"] not in ids:
            continue
        a, b = sorted((p["a"], p["b"]), key=lambda i: order[i])
        t = trace.get((b, story.get(a)))
        if t is None or t[2] or len(t) < 5:
            continue
        X.append(row(t[4]))
        y.append(bool(p["same"]))
        fixed.append(t[4]["score"])
        groups.append(story.get(a) or a)
    return np.array(X), np.array(y), np.array(fixed), groups


def pr(y: np.ndarray, pred: np.ndarray) -> tuple[float, float]:
    tp = int((y & pred).sum())
    return (tp / max(1, int(pred.sum())), tp / max(1, int(y.sum())))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=Path, default=eval_pairs.DEFAULT_PAIRS)
    ap.add_argument("--corpus-dir", type=Path, default=eval_pairs.SHARED / "data" / "corpus")
    ap.add_argument("--cache", type=Path, default=eval_pairs.DEFAULT_CACHE)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--min-precision", type=float, default=0.97)
    args = ap.parse_args(argv)
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedGroupKFold

    X, y, fixed, groups = decisions(args)
    print(f"{len(y)} scored tune decisions ({int(y.sum())} same happening)")
    p, r = pr(y, fixed >= stories_mod.JOIN_THRESHOLD)
    print(f"fixed score >= {stories_mod.JOIN_THRESHOLD} (in-sample): P {p:.3f} R {r:.3f}  AUC {roc_auc_score(y, fixed):.3f}")
    oof = np.zeros((args.repeats, len(y)))
    for k in range(args.repeats):
        cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=k)
        for tr, te in cv.split(X, y, groups):
            m = LogisticRegression(C=args.C, max_iter=2000).fit(X[tr], y[tr])
            oof[k, te] = m.predict_proba(X[te])[:, 1]
    aucs = [roc_auc_score(y, o) for o in oof]
    print(f"learned, out of fold ({args.repeats} x 5 folds grouped by story): AUC {np.mean(aucs):.3f}")
    best = None
    for th in np.arange(0.30, 0.96, 0.05):
        ps, rs = zip(*(pr(y, o >= th) for o in oof), strict=True)
        print(f"  p >= {th:.2f}: P {np.mean(ps):.3f} R {np.mean(rs):.3f}")
        if best is None and np.mean(ps) >= args.min_precision:
            best = (th, np.mean(ps), np.mean(rs))
    if best:
        print(f"lowest threshold with out-of-fold P >= {args.min_precision}: {best[0]:.2f} (P {best[1]:.3f} R {best[2]:.3f})")
    else:
        print(f"no threshold reaches out-of-fold P >= {args.min_precision}")
    m = LogisticRegression(C=args.C, max_iter=2000).fit(X, y)
    print("weights (all decisions): " + " ".join(f"{n}={w:+.2f}" for n, w in zip(FEATURES, m.coef_[0], strict=True))
          + f" bias={m.intercept_[0]:+.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
