"""The package root's public API: ``rasid.__all__``."""

from __future__ import annotations

import importlib
import subprocess
import sys
import types
from pathlib import Path

import rasid

ROOT = Path(__file__).resolve().parents[1]


def test_all_names_import() -> None:
    assert rasid.__all__ == sorted(rasid.__all__)
    assert len(set(rasid.__all__)) == len(rasid.__all__)
    for name in rasid.__all__:
        assert getattr(rasid, name) is not None
        ns: dict = {}
        exec(f"from rasid import {name}", ns)
        assert ns[name] is getattr(rasid, name)


def test_all_is_what_the_root_exports() -> None:
    public = {
        n for n, v in vars(rasid).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType)
    }
    assert public <= set(rasid.__all__) | {"annotations"}
    assert "__version__" in rasid.__all__


def test_star_import_in_fresh_interpreter() -> None:
    code = "from rasid import *; import rasid; assert all(n in globals() for n in rasid.__all__); print(__version__)"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT / "src")}, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == rasid.__version__


def test_main_objects_work_together() -> None:
    doc = rasid.Document(id="d", text="قال مصدر إن رتلاً دخل سوريا.", published="2024-01-01")
    out = rasid.analyze(doc)
    assert out is doc and doc.check_spans() == []
    assert "سوريا" in {m.text for e in doc.entities if e.kind == "place" for m in e.mentions}  # the stages ran
    assert rasid.Document.from_json(doc.to_json()).text == doc.text
    assert issubclass(importlib.import_module("rasid.errors").InputError, rasid.RasidError)
