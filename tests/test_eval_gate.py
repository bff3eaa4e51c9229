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


def test_a_stage_failure_fails_the_evaluation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stage that raises loses only its output in `rasid analyze`; scored on a gold set that
    would read as a quality drop (a claims bug once wiped most claims with no error shown)."""
    from rasid.pipeline import Pipeline

    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)

    def boom(doc) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(Pipeline, "default", classmethod(lambda cls: cls([("claims", boom)])))
    articles = tmp_path / "a.jsonl"
    articles.write_text('{"id": "x1", "published": "2015-08-01", "text": "قال المتحدث إن القوات وصلت."}\n', encoding="utf-8")
    with pytest.raises(RuntimeError, match="1 stage failure.*x1: claims: IndexError"):
        mod.evaluate(articles, tmp_path / "gold", tmp_path / "score.py")
