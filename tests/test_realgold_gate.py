"""Quality gate on real articles: the real-text gold (``tests/data/realgold``)
must score at or above its floors (``tests/floors.json``, sets
``realgold_tune`` and ``realgold_blind``).

The gold lives in the repository; the article texts are read by id from
``../shared`` (``scripts/realgold.py``), so the gate skips without it. Only
the aggregate figures are checked: a failing blind floor says that a change
made real-text events or claims worse, never which blind article moved.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import floors
import pytest

ROOT = Path(__file__).resolve().parents[1]
SPLITS = {"realgold_tune": "tune", "realgold_blind": "blind"}


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def evaluate(shared_dir: Path, tmp_path_factory):
    realgold, evaluate = _module("realgold"), _module("evaluate")
    cache: dict[str, dict] = {}

    def run(split: str) -> dict:
        if split not in cache:
            arts = realgold.write_articles(split, tmp_path_factory.mktemp(split) / "articles.jsonl", shared_dir)
            cache[split] = evaluate.evaluate(arts, realgold.gold_dir(split), ROOT / "tests" / "data" / "score.py")
        return cache[split]

    return run


@pytest.mark.shared
@pytest.mark.parametrize("name,key", [(n, k) for n in SPLITS for k in sorted(floors.floors(n))])
def test_real_articles_at_or_above_floor(evaluate, name: str, key: str) -> None:
    scores, floor = evaluate(SPLITS[name]), floors.floors(name)[key]
    part, metric = key.split(".")
    assert scores[part][metric] >= floor, f"{name} {key} = {scores[part][metric]} < floor {floor}"
