#!/usr/bin/env python3
"""Golden output of the default pipeline over a corpus: for speed work (issue 19 item 1).

    python benchmarks/golden_output.py OUT.jsonl [CORPUS.jsonl]            # write
    python benchmarks/golden_output.py OUT.jsonl [CORPUS.jsonl] --against BASE.jsonl

Writes the document JSON (``Document.to_json``) of every article, one a line,
in corpus order. With ``--against`` it compares with a file written the same way
before a change (by the commit the change starts from) and lists the documents
whose JSON differs, with the top-level fields that moved; exit status 1 when
any does. An optimisation must leave the output byte-identical; a difference
must be explained. The texts stay out of the repository: write the files
outside it (e.g. under /tmp). Default corpus: ``$RASID_SHARED`` (or
``../shared``) ``/data/corpus/saudinewsnet_conflict_dev.jsonl``. Not a test:
the corpus lives outside the repository and the run takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASID_SHARED") or ROOT.parent / "shared")
DEFAULT = SHARED / "data" / "corpus" / "saudinewsnet_conflict_dev.jsonl"


def write(out: Path, corpus: Path) -> int:
    from rasid.errors import InputError
    from rasid.ingest import iter_documents
    from rasid.pipeline import Pipeline

    pipeline = Pipeline.default()
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for item in iter_documents([corpus]):
            if isinstance(item, InputError):
                continue
            fh.write(pipeline(item).to_json() + "\n")
            n += 1
    return n


def compare(now: Path, base: Path) -> list[str]:
    """One line per document that differs (by position; the corpus order is fixed)."""
    a = base.read_text(encoding="utf-8").splitlines()
    b = now.read_text(encoding="utf-8").splitlines()
    out = []
    if len(a) != len(b):
        out.append(f"documents: {len(a)} -> {len(b)}")
    for x, y in zip(a, b, strict=False):
        if x == y:
            continue
        dx, dy = json.loads(x), json.loads(y)
        fields = sorted(k for k in set(dx) | set(dy) if dx.get(k) != dy.get(k))
        out.append(f"{dy.get('id', '?')}: {', '.join(fields)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="JSONL file to write the document JSON to")
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT), help="JSONL corpus (default: %(default)s)")
    ap.add_argument("--against", help="a file written the same way before the change")
    args = ap.parse_args(argv)
    try:
        import rasid  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"golden_output: {corpus}: no such file", file=sys.stderr)
        return 2
    n = write(Path(args.out), corpus)
    print(f"{n} documents written to {args.out}")
    if not args.against:
        return 0
    diff = compare(Path(args.out), Path(args.against))
    for line in diff:
        print(line)
    print("identical" if not diff else f"{len(diff)} documents differ")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
