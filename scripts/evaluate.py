#!/usr/bin/env python3
"""Run the pipeline over a gold set and score it with the shared scorer.

    python scripts/evaluate.py [--articles ../shared/data/dev/articles.jsonl]
                               [--gold ../shared/data/dev/gold] [--json] [--verbose]

Prints precision/recall/F1 for places, times, claims and events (plus stance
and modality accuracy), exactly as ``../shared/eval/score.py`` computes them.
The CI quality gate (tests/test_eval_gate.py) calls :func:`evaluate`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))


def evaluate(articles: Path, gold: Path, scorer: Path | None = None, verbose: bool = False) -> dict:
    from rasid.ingest import iter_documents
    from rasid.pipeline import Pipeline

    scorer = scorer or gold.parent.parent.parent / "eval" / "score.py"
    pipe = Pipeline.default()
    failed: list[str] = []
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for doc in iter_documents([articles]):
            if isinstance(doc, Exception):
                raise doc
            done = pipe(doc)
            failed.extend(f"{doc.id}: {w}" for w in done.warnings if w.split(":", 1)[0] in done.meta.get("failed_stages", ()))
            out.write(done.to_json() + "\n")
    if failed:
        # A stage that raises loses only its own output (the pipeline goes on), which
        # would pass for a quality drop here: a gold-set run fails loudly instead.
        Path(out.name).unlink()
        raise RuntimeError(f"{len(failed)} stage failure(s) while evaluating {articles}: " + "; ".join(failed[:5]))
    if verbose:
        subprocess.run([sys.executable, str(scorer), str(gold), out.name], check=True)
    res = subprocess.run(
        [sys.executable, str(scorer), str(gold), out.name, "--json"], check=True, capture_output=True, text=True
    )
    Path(out.name).unlink()
    return json.loads(res.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, default=SHARED / "data/dev/articles.jsonl")
    ap.add_argument("--gold", type=Path, default=SHARED / "data/dev/gold")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval/score.py")
    ap.add_argument("--realgold", choices=["tune", "blind"],
                    help="score a real-text gold split (tests/data/realgold); overrides --articles/--gold")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="print every miss and extra")
    a = ap.parse_args()
    if a.realgold:
        sys.path.insert(0, str(ROOT / "scripts"))
        import realgold

        a.gold = realgold.gold_dir(a.realgold)
        a.articles = realgold.write_articles(a.realgold, Path(tempfile.mkdtemp()) / f"realgold_{a.realgold}.jsonl")
        if a.realgold == "blind" and a.verbose:
            print("refusing --verbose on the blind split: its per-article errors must not guide changes")
            a.verbose = False
    res = evaluate(a.articles, a.gold, a.scorer, verbose=a.verbose)
    if a.json:
        print(json.dumps(res))
    else:
        for k in ("places", "times", "claims", "events"):
            r = res[k]
            extra = ""
            if k == "claims":
                extra = f"  stance_acc={r['stance_acc']}"
            if k == "events":
                extra = f"  modality_acc={r['modality_acc']} actor_filled={r.get('actor_filled')}"
            print(f"{k:7s} P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f}{extra}")
        print(f"mean F1 {res['mean_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
