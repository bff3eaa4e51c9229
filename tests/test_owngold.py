"""Generalisation gate: scores on the QA team's own gold set must stay at or above the floors.

The set (tests/data/owngold) holds 8 articles written for the project, never seen
while tuning the stages, annotated in the shared gold format. It is scored with
the shared scorer (../shared/eval/score.py), so the test skips without ../shared.
Rebuild the files with ``python3 tests/data/owngold/build.py``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OWNGOLD = ROOT / "tests" / "data" / "owngold"
FLOORS = json.loads((ROOT / "tests" / "owngold_floors.json").read_text())


@pytest.fixture(scope="module")
def scores(shared_dir: Path) -> dict:
    scorer = shared_dir / "eval" / "score.py"
    if not scorer.exists():
        pytest.skip(f"{scorer} not found")
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.evaluate(OWNGOLD / "articles.jsonl", OWNGOLD / "gold", scorer)


def test_gold_strings_occur_in_text() -> None:
    """Every surface, cue and key of the gold occurs verbatim in its article."""
    arts = {}
    for line in (OWNGOLD / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        arts[d["id"]] = d["text"]
    golds = sorted((OWNGOLD / "gold").glob("*.json"))
    assert len(golds) == len(arts) == 8
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        text = arts[gold["doc"]]
        strings = [p["ar"] for p in gold["places"]] + [t["text"] for t in gold["times"]]
        strings += [c[f] for c in gold["claims"] for f in ("source", "cue", "key")]
        strings += [e["key"] for e in gold["events"]]
        missing = [s for s in strings if s not in text]
        assert not missing, f"{g.name}: {missing}"
        names = {p["en"] for p in gold["places"]}
        assert all(e["place"] in names for e in gold["events"] if e["place"])


@pytest.mark.shared
@pytest.mark.parametrize("key", [k for k in FLOORS if not k.startswith("_")])
def test_owngold_score_at_or_above_floor(scores: dict, key: str) -> None:
    part, metric = key.split(".")
    assert scores[part][metric] >= FLOORS[key], f"{key} = {scores[part][metric]} < floor {FLOORS[key]}"
