#!/usr/bin/env python3
"""Real-text gold: articles of ``../shared/data/corpus`` with hand-made gold.

The gold lives in the repository (``tests/data/realgold/<split>/gold/*.json``,
short key phrases only); the article texts stay in ``../shared`` and are
looked up by id when a split is evaluated:

    python scripts/realgold.py tune  -o /tmp/realgold_tune.jsonl   # write its articles
    python scripts/evaluate.py --realgold tune                      # score a split
    python scripts/evaluate.py --realgold blind                     # aggregate only; never tune on it

Splits: ``tune`` (changes may be tuned on it) and ``blind`` (never used for
tuning: the honest estimate on unseen real text).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))
GOLD = ROOT / "tests" / "data" / "realgold"
CORPORA = ("data/corpus/saudinewsnet_conflict_dev.jsonl", "data/corpus/saudinewsnet_all.jsonl.gz")


def gold_dir(split: str) -> Path:
    return GOLD / split / "gold"


def gold_ids(split: str) -> list[str]:
    return sorted(json.loads(p.read_text(encoding="utf-8"))["doc"] for p in gold_dir(split).glob("*.json"))


def _lines(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        yield from f


def find_articles(ids: list[str], shared: Path = SHARED) -> dict[str, dict]:
    """The corpus records of ``ids`` (id, url, outlet, title, published, text)."""
    want, found = set(ids), {}
    for rel in CORPORA:
        path = shared / rel
        if not path.exists():
            continue
        for line in _lines(path):
            if '"id"' not in line:
                continue
            rec = json.loads(line)
            if rec["id"] in want and rec["id"] not in found:
                found[rec["id"]] = rec
                if len(found) == len(want):
                    return found
    missing = want - set(found)
    if missing:
        raise FileNotFoundError(f"articles not found under {shared}: {sorted(missing)[:5]}")
    return found


def write_articles(split: str, out: Path, shared: Path = SHARED) -> Path:
    """Write the split's articles as JSONL (the gold's ``published`` is the date used)."""
    ids = gold_ids(split)
    recs = find_articles(ids, shared)
    with open(out, "w", encoding="utf-8") as f:
        for i in ids:
            r = recs[i]
            rec = {"id": i, "outlet": r.get("outlet"), "title": r.get("title"),
                   "published": (r.get("published") or "")[:10] or None, "text": r["text"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", choices=["tune", "blind"])
    ap.add_argument("-o", "--out", type=Path, required=True)
    a = ap.parse_args()
    write_articles(a.split, a.out)
    print(f"{len(gold_ids(a.split))} articles -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
