"""Shared fixtures.

``shared_dir`` is ``../shared`` beside the repository (or ``$RASID_SHARED``):
tests that need it skip with a reason when it is absent.

``RASID_MUTATE=<stage>.<entry>`` kills one stage for the whole run (see
``tests/mutations.py`` and ``scripts/mutation_check.py``); it is applied here,
before any test module is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import mutations

MUTATED = mutations.active()
PATCHED = mutations.apply(MUTATED) if MUTATED else []

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))


def pytest_report_header(config: pytest.Config) -> str | None:
    if MUTATED:
        return f"{mutations.ENV}={MUTATED}: patched {', '.join(PATCHED)}"
    return None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def dev_articles(shared_dir: Path) -> Path:
    p = shared_dir / "data" / "dev" / "articles.jsonl"
    if not p.exists():
        pytest.skip(f"{p} not found")
    return p
