"""The floors file (``tests/floors.json``, read through ``tests/floors.py``):
each set's gold hash matches its gold files, and floors only go up.

Ratchet: a floor lower than in the previous commit fails, unless the commit
message says ``lower floor:`` and why. Compared: the working tree against
``HEAD`` (an uncommitted lowering always fails: commit it with its reason
first) and against ``HEAD~1`` (allowed when ``HEAD``'s message contains
``lower floor:``). Skips outside a git checkout, and for a floor that did not
exist at that commit.
"""

from __future__ import annotations

import shutil
import subprocess

import floors
import pytest

MARK = "lower floor:"
REL = floors.FILE.relative_to(floors.ROOT).as_posix()


def _git(*args: str) -> str | None:
    if shutil.which("git") is None:
        return None
    res = subprocess.run(["git", "-C", str(floors.ROOT), *args], capture_output=True, text=True)
    return res.stdout if res.returncode == 0 else None


def lowered(old: dict[str, float], new: dict[str, float]) -> list[str]:
    """Keys whose floor went down, or that were dropped."""
    return [f"{k}: {v} -> {new.get(k)}" for k, v in old.items() if k not in new or new[k] < v]


def test_lowered_finds_a_lower_or_dropped_floor():
    assert lowered({"a.f1": 0.8, "b.f1": 0.5}, {"a.f1": 0.79}) == ["a.f1: 0.8 -> 0.79", "b.f1: 0.5 -> None"]
    assert lowered({"a.f1": 0.8}, {"a.f1": 0.85, "c.f1": 0.1}) == []


def test_every_gold_set_has_floors():
    sets = floors.load()
    assert {"dev", "owngold", "tunegold", "blindgold", "realgold_tune", "realgold_blind"} <= set(sets)
    for name, s in sets.items():
        assert s["floors"], f"{name} has no floors"
        assert all(k.count(".") == 1 and 0.0 <= v <= 1.0 for k, v in s["floors"].items()), name
        assert len(s["sha256"]) == 64, name


@pytest.mark.parametrize("name", sorted(floors.load()))
def test_gold_hash_matches_its_floors(name: str) -> None:
    folder = floors.gold_dir(name)
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    assert floors.gold_hash(folder) == floors.load()[name]["sha256"], (
        f"the gold of {name} changed since its floors were set: re-measure the set, update its floors "
        f"and its sha256 (python tests/floors.py --hash)")


def test_no_floor_was_lowered() -> None:
    if _git("rev-parse", "--verify", "HEAD") is None:
        pytest.skip("not a git checkout")
    now = floors.flat(floors.load())
    message = _git("log", "-1", "--format=%B", "HEAD") or ""
    checked = 0
    for rev, allowed in (("HEAD", False), ("HEAD~1", MARK in message.lower())):
        before = _git("show", f"{rev}:{REL}")
        if before is None:
            continue
        checked += 1
        down = lowered(floors.flat(floors.load(before)), now)
        if down and not allowed:
            where = "uncommitted" if rev == "HEAD" else "in the last commit"
            pytest.fail(f"{REL}: floor lowered {where} ({'; '.join(down)}); a lower floor needs "
                        f"'{MARK} <why>' in its commit message")
    if not checked:
        pytest.skip(f"{REL} is new")
