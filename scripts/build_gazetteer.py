#!/usr/bin/env python3
"""Rebuild src/rasid/places/data/gazetteer.tsv.gz from its sources.

    PYTHONPATH=src python scripts/build_gazetteer.py [--geo ../shared/data/geo]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from rasid.places.build import build, write

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--geo", type=Path, default=ROOT.parent / "shared" / "data" / "geo")
    ap.add_argument("--out", type=Path, default=ROOT / "src/rasid/places/data/gazetteer.tsv.gz")
    a = ap.parse_args()
    places = build(a.geo)
    write(places, a.out)
    src = Counter(p.id.split("-")[0] for p in places)
    print(f"{len(places)} places, {sum(len(p.keys) for p in places)} keys -> {a.out} "
          f"({a.out.stat().st_size // 1024} KiB); by prefix: {dict(src.most_common(8))}")


if __name__ == "__main__":
    main()
