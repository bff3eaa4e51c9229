#!/usr/bin/env python3
"""Validate the actor dictionary (src/rasid/actors/data/actors.yaml) and print its figures.

    python scripts/build_actors.py [--yaml PATH]

Checks required fields, ACLED inter codes, known parents and that every
folded alias belongs to one entry unless marked ``ambiguous``. Exit status 1
when there is a problem, so CI and the tests can run it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.actors.dictionary import build, load_rows, validate  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--yaml", type=Path, default=None, help="dictionary file (default: the packaged one)")
    a = ap.parse_args(argv)
    rows = load_rows(a.yaml.read_text(encoding="utf-8") if a.yaml else None)
    problems = validate(rows)
    for p in problems:
        print("error:", p, file=sys.stderr)
    if problems:
        return 1
    d = build(rows)
    kinds = Counter(e.kind for e in d.entries.values())
    print(f"{len(d)} entries ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}), {len(d.aliases)} alias keys")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
