"""Blind generalisation gate: scores on the blind gold set must stay at or above the floors.

The set (tests/data/blindgold) holds 6 articles written for the project after the
own-gold set had been used for tuning, annotated in the shared gold format without
looking at the system's output. Do not tune the stages on it: it exists to measure
how the system generalises. Scored with the shared scorer (../shared/eval/score.py),
so the score tests skip without ../shared. Rebuild with
``python3 tests/data/blindgold/build.py``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "tests" / "data" / "blindgold"
FLOORS = json.loads((ROOT / "tests" / "blindgold_floors.json").read_text())


@pytest.fixture(scope="module")
def scores(shared_dir: Path) -> dict:
    scorer = shared_dir / "eval" / "score.py"
    if not scorer.exists():
        pytest.skip(f"{scorer} not found")
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.evaluate(BLIND / "articles.jsonl", BLIND / "gold", scorer)


def test_gold_strings_occur_in_text() -> None:
    """Every surface, cue, key and person of the gold occurs verbatim in its article."""
    arts = {}
    for line in (BLIND / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        arts[d["id"]] = d["text"]
    golds = sorted((BLIND / "gold").glob("*.json"))
    assert len(golds) == len(arts) == 6
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        text = arts[gold["doc"]]
        strings = [p["ar"] for p in gold["places"]] + [t["text"] for t in gold["times"]]
        strings += [c[f] for c in gold["claims"] for f in ("source", "cue", "key")]
        strings += [e["key"] for e in gold["events"]] + list(gold.get("persons", []))
        missing = [s for s in strings if s not in text]
        assert not missing, f"{g.name}: {missing}"
        names = {p["en"] for p in gold["places"]}
        assert all(e["place"] in names for e in gold["events"] if e["place"])
        assert all(c["stance"] in {"assert", "deny", "speculate"} for c in gold["claims"])


def test_articles_are_nfkc() -> None:
    import unicodedata

    for line in (BLIND / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        assert unicodedata.normalize("NFKC", d["text"]) == d["text"]


@pytest.mark.shared
@pytest.mark.parametrize("key", [k for k in FLOORS if not k.startswith("_")])
def test_blindgold_score_at_or_above_floor(scores: dict, key: str) -> None:
    part, metric = key.split(".")
    assert scores[part][metric] >= FLOORS[key], f"{key} = {scores[part][metric]} < floor {FLOORS[key]}"
