"""Issue 16 item 3: ``rasid analyze`` output on the in-repo articles is frozen.

A refactor must leave it unchanged. A change that is meant to move output
rewrites the snapshot (``python scripts/snapshot.py --update``) in the same
commit, and its message says which documents moved and why
(``python scripts/snapshot.py`` lists them before the update).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("snapshot_script", ROOT / "scripts" / "snapshot.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_analyze_output_matches_the_snapshot() -> None:
    snap = _script()
    frozen = json.loads(snap.SNAPSHOT.read_text(encoding="utf-8"))
    now = snap.digests(snap.analyze_all())
    moved = snap.compare(frozen, now)
    assert not moved, ("rasid analyze output changed (run scripts/snapshot.py; if intended, "
                       "--update and say why in the commit):\n" + "\n".join(moved))


def test_the_snapshot_sees_a_change() -> None:
    """Positive control: a one-character change of an event is a moved section."""
    snap = _script()
    doc = {"text": "x", "events": [{"type": "ASSAULT"}]}
    a = snap.digests({"k": doc})
    doc["events"][0]["type"] = "COERCE"
    b = snap.digests({"k": doc})
    assert snap.compare(a, b) == ["k: events"]
