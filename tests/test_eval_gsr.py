"""scripts/eval_gsr.py: the table's two columns (any modality, asserted only),
on rows written for the test (no GSR data needed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module():
    spec = importlib.util.spec_from_file_location("eval_gsr", ROOT / "scripts" / "eval_gsr.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_two_columns() -> None:
    g = _module()
    rows = [
        # a planned attack flags "any" but not "asserted"
        {"type": "ASSAULT", "label": "easy no", "flagged": True, "asserted": False},
        {"type": "ASSAULT", "label": "easy no", "flagged": True, "asserted": True},
        {"type": "ASSAULT", "label": "easy no", "flagged": False, "asserted": False},
        {"type": "ASSAULT", "label": "easy no", "flagged": False, "asserted": False},
        {"type": "ASSAULT", "label": "yes", "flagged": True, "asserted": True},
    ]
    res = g.table(rows)
    assert res["ASSAULT"]["easy no"] == {"flagged": 0.5, "asserted": 0.25, "n": 4}
    assert res["ASSAULT"]["yes"] == {"flagged": 1.0, "asserted": 1.0, "n": 1}
    assert res["PROTEST"]["yes"] == {"flagged": None, "asserted": None, "n": 0}
    assert [key for key, _ in g.COLUMNS] == ["flagged", "asserted"]
