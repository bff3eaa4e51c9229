"""Tests that fail when a stage is dead (issue 16 item 4).

``scripts/mutation_check.py`` runs a stage's test folder with the stage killed
(``tests/mutations.py``); every module of the folder must then fail, so no
module asserts only absences that a dead stage satisfies.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path

import pytest

import mutations

ROOT = Path(__file__).resolve().parents[1]


def _check_module():
    spec = importlib.util.spec_from_file_location("mutation_check", ROOT / "scripts" / "mutation_check.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["mutation_check"] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name", sorted(mutations.MUTATIONS))
def test_mutation_targets_exist(name: str) -> None:
    """A renamed stage entry point breaks the mutation loudly, not silently."""
    folder, patches = mutations.MUTATIONS[name]
    assert (ROOT / "tests" / folder).is_dir()
    for mod_name, attr, _ in patches:
        assert callable(getattr(importlib.import_module(mod_name), attr)), f"{mod_name}.{attr}"


def test_unknown_mutation_is_an_error(monkeypatch) -> None:
    monkeypatch.setenv(mutations.ENV, "events.nothing")
    with pytest.raises(ValueError, match="unknown mutation"):
        mutations.active()
    monkeypatch.delenv(mutations.ENV)
    assert mutations.active() is None


@pytest.mark.slow
@pytest.mark.parametrize("name", ["events.extract", "claims.extract"])
def test_every_stage_module_fails_when_the_stage_is_dead(name: str) -> None:
    assert not os.environ.get(mutations.ENV), "run this test without a mutation"
    rep = _check_module().run(name, quiet=True)
    assert rep.modules, f"no test modules in {rep.folder}"
    assert rep.returncode == 1  # pytest ran and some tests failed
    assert [m.module for m in rep.survivors] == [], (
        f"these modules pass with {name} dead: add a positive control to each")
