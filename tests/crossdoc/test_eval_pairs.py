"""Helpers of scripts/eval_pairs.py (no corpus needed)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("eval_pairs", ROOT / "scripts" / "eval_pairs.py")
ev = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ev)


def test_key_spans_match_through_nfkc():
    text = "قال مصدر إن ﻻ شيء حدث في الميادين"  # U+FEFB (lam-alef ligature) in the text
    assert ev.key_spans(text, "الميادين") == [(text.index("الميادين"), len(text))]
    (s, e), = ev.key_spans(text, "لا شيء")
    assert text[s:e] == "ﻻ شيء"


def test_prf():
    r = ev.prf([(True, True), (True, False), (False, True), (False, False)])
    assert (r["tp"], r["fp"], r["fn"], r["tn"]) == (1, 1, 1, 1)
    assert r["precision"] == 0.5 and r["recall"] == 0.5


def test_pairs_file_is_well_formed():
    p = ROOT / "tests" / "data" / "crossdoc_pairs" / "pairs.jsonl"
    assert p.exists(), f"{p} is committed in the repository"
    rows = [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 200
    assert {r["split"] for r in rows} == {"tune", "blind"}
    for r in rows:
        assert {"a", "b", "same", "category"} <= set(r)
        assert "text" not in r  # ids and key phrases only
