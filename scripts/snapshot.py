#!/usr/bin/env python3
"""Freeze what ``rasid analyze`` writes for the in-repo articles (issue 16 item 3).

    PYTHONPATH=src python scripts/snapshot.py            # compare with the frozen snapshot
    PYTHONPATH=src python scripts/snapshot.py --update   # rewrite it (say why in the commit)
    PYTHONPATH=src python scripts/snapshot.py --diff ID  # the changed sections of one document

The articles: the built-in samples and the three gold sets that live in the
repository (owngold, tunegold, blindgold). For every document the snapshot
holds one hash per output section (entities, times, claims, events, meta), so a
refactor that must change nothing is shown to change nothing, and a change
that should move output says which documents and sections moved.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "data" / "snapshot" / "analyze.json"
SOURCES = {
    "samples": ROOT / "src" / "rasid" / "samples" / "articles.jsonl",
    "owngold": ROOT / "tests" / "data" / "owngold" / "articles.jsonl",
    "tunegold": ROOT / "tests" / "data" / "tunegold" / "articles.jsonl",
    "blindgold": ROOT / "tests" / "data" / "blindgold" / "articles.jsonl",
}
SECTIONS = ("text", "entities", "times", "claims", "events", "meta")


def _digest(value: object) -> str:
    blob = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def analyze_all() -> dict[str, dict]:
    """``{set/doc id: document JSON}`` through the same path as ``rasid analyze``."""
    from rasid.ingest import iter_documents
    from rasid.pipeline import Pipeline

    pipe = Pipeline.default()
    out: dict[str, dict] = {}
    for name, path in SOURCES.items():
        for doc in iter_documents([path]):
            if isinstance(doc, Exception):
                raise doc
            out[f"{name}/{doc.id}"] = json.loads(pipe(doc).to_json())
    return out


def digests(docs: dict[str, dict]) -> dict[str, dict[str, str]]:
    return {key: {s: _digest(d.get(s)) for s in SECTIONS} for key, d in sorted(docs.items())}


def compare(frozen: dict[str, dict[str, str]], now: dict[str, dict[str, str]]) -> list[str]:
    """One line per document whose sections differ (or that appeared/disappeared)."""
    lines = []
    for key in sorted(set(frozen) | set(now)):
        a, b = frozen.get(key), now.get(key)
        if a is None or b is None:
            lines.append(f"{key}: {'new' if a is None else 'gone'}")
            continue
        moved = [s for s in SECTIONS if a.get(s) != b.get(s)]
        if moved:
            lines.append(f"{key}: {', '.join(moved)}")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="rewrite the snapshot")
    ap.add_argument("--diff", metavar="KEY", help="print the changed sections of one document (set/id)")
    args = ap.parse_args()
    docs = analyze_all()
    now = digests(docs)
    if args.update:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {SNAPSHOT.relative_to(ROOT)}: {len(now)} documents")
        return 0
    frozen = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    if args.diff:
        d = docs[args.diff]
        for s in SECTIONS:
            if frozen.get(args.diff, {}).get(s) != now[args.diff][s]:
                print(f"== {s}")
                print(json.dumps(d.get(s), ensure_ascii=False, indent=1))
        return 0
    moved = compare(frozen, now)
    print("\n".join(moved) if moved else f"unchanged: {len(now)} documents")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
