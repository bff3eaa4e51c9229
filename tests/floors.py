"""The quality floors of every gold set, in one file (``tests/floors.json``).

Each set names its gold folder and the SHA-256 of its gold files, so a floor is
always read against the gold it was measured on: when a gold file changes, the
hash test fails until the set is re-measured and its hash written again
(``python tests/floors.py --hash`` prints the current hashes).

A floor is ``part.metric`` of the shared scorer's output (``events.f1``,
``events.p``, ``claims.stance_acc``, ...). Floors only go up
(``tests/test_floors.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILE = ROOT / "tests" / "floors.json"
SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))


def load(text: str | None = None) -> dict:
    """The sets of ``floors.json`` (or of ``text``, an older version of it)."""
    return json.loads(FILE.read_text(encoding="utf-8") if text is None else text)["sets"]


def floors(name: str) -> dict[str, float]:
    return dict(load()[name]["floors"])


def flat(sets: dict) -> dict[str, float]:
    """``set:part.metric`` -> floor, for the ratchet."""
    return {f"{name}:{k}": v for name, s in sets.items() for k, v in s["floors"].items()}


def gold_dir(name: str) -> Path:
    """A set's gold folder: ``shared:...`` is under ``../shared``, anything else under the repository."""
    where = load()[name]["gold"]
    return SHARED / where.removeprefix("shared:") if where.startswith("shared:") else ROOT / where


def gold_hash(folder: Path) -> str:
    """SHA-256 over the sorted ``*.json`` files of ``folder`` (names and bytes)."""
    h = hashlib.sha256()
    for p in sorted(folder.glob("*.json")):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


if __name__ == "__main__":  # python tests/floors.py --hash
    if sys.argv[1:] != ["--hash"]:
        sys.exit("usage: python tests/floors.py --hash")
    for name in load():
        d = gold_dir(name)
        print(f"{name}\t{gold_hash(d) if d.is_dir() else 'missing: ' + str(d)}")
