#!/usr/bin/env python3
"""Train the ASSAULT / PROTEST sentence classifier and write the shipped model.

    PYTHONPATH=src python scripts/train_event_classifier.py [--shared ../shared] [--out PATH]

Data: ../shared/data/events/{assault,protest}_gsr_dev.csv (OEDA Arabic event
gold standard, MIT), the ``train`` part only (the ``test`` part of
:func:`rasid.events.eventness.gsr_split` is held out for scripts/eval_gsr.py).
Writes src/rasid/events/models/sentence_clf.npz (hashed n-gram columns, idf,
weights; no text from the corpus). ``scripts/train_eventness.py`` runs the
same fit before training the eventness model that reads it; run that one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.events.training import fit, load_gsr  # noqa: E402

FILES = {"ASSAULT": "assault_gsr_dev.csv", "PROTEST": "protest_gsr_dev.csv"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "rasid" / "events" / "models" / "sentence_clf.npz")
    a = ap.parse_args(argv)
    data = {t: load_gsr(a.shared / "data" / "events" / f, split="train") for t, f in FILES.items()}
    for t, (x, y) in data.items():
        print(f"{t}: {len(x)} sentences, {int(y.sum())} positive")
    arrays = fit(data)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(a.out, **arrays)
    print(f"wrote {a.out} ({a.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
