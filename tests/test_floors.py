"""Floors only go up: a floor in ``tests/*floors*.json`` lower than in the
previous commit fails, unless the commit message says ``lower floor:`` and why.

Compared: the working tree against ``HEAD`` (an uncommitted lowering always
fails: commit it with its reason first) and against ``HEAD~1`` (allowed when
``HEAD``'s message contains ``lower floor:``). Skips outside a git checkout,
and for a floors file or key that did not exist at that commit.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = sorted(ROOT.glob("tests/*floors*.json"))
MARK = "lower floor:"


def _git(*args: str) -> str | None:
    if shutil.which("git") is None:
        return None
    res = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return res.stdout if res.returncode == 0 else None


def _floors(text: str) -> dict[str, float]:
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_") and isinstance(v, (int, float))}


def lowered(old: dict[str, float], new: dict[str, float]) -> list[str]:
    """Keys whose floor went down, or that were dropped."""
    return [f"{k}: {v} -> {new.get(k)}" for k, v in old.items() if k not in new or new[k] < v]


def test_lowered_finds_a_lower_or_dropped_floor():
    assert lowered({"a.f1": 0.8, "b.f1": 0.5}, {"a.f1": 0.79}) == ["a.f1: 0.8 -> 0.79", "b.f1: 0.5 -> None"]
    assert lowered({"a.f1": 0.8}, {"a.f1": 0.85, "c.f1": 0.1}) == []


def test_there_are_floors_files():
    names = {p.name for p in FLOORS}
    assert {"eval_floors.json", "owngold_floors.json", "tunegold_floors.json", "blindgold_floors.json"} <= names


@pytest.mark.parametrize("path", FLOORS, ids=lambda p: p.name)
def test_no_floor_was_lowered(path: Path) -> None:
    if _git("rev-parse", "--verify", "HEAD") is None:
        pytest.skip("not a git checkout")
    rel = path.relative_to(ROOT).as_posix()
    now = _floors(path.read_text(encoding="utf-8"))
    message = _git("log", "-1", "--format=%B", "HEAD") or ""
    checked = 0
    for rev, allowed in (("HEAD", False), ("HEAD~1", MARK in message.lower())):
        before = _git("show", f"{rev}:{rel}")
        if before is None:
            continue
        checked += 1
        down = lowered(_floors(before), now)
        if down and not allowed:
            where = "uncommitted" if rev == "HEAD" else "in the last commit"
            pytest.fail(f"{rel}: floor lowered {where} ({'; '.join(down)}); a lower floor needs "
                        f"'{MARK} <why>' in its commit message")
    if not checked:
        pytest.skip(f"{rel} is new")
