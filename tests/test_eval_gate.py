"""Quality gate: dev-set scores must stay at or above the pinned floors."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import floors
import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = floors.floors("dev")


@pytest.fixture(scope="module")
def scores(shared_dir: Path) -> dict:
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.evaluate(
        shared_dir / "data/dev/articles.jsonl", shared_dir / "data/dev/gold", shared_dir / "eval/score.py"
    )


@pytest.mark.shared
@pytest.mark.parametrize("key", sorted(FLOORS))
def test_score_at_or_above_floor(scores: dict, key: str) -> None:
    part, metric = key.split(".")
    assert scores[part][metric] >= FLOORS[key], f"{key} = {scores[part][metric]} < floor {FLOORS[key]}"
