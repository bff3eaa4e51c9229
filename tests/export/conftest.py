"""The export tests share the web tests' sample database helper."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "web"))

import webstore  # noqa: E402


@pytest.fixture(scope="session")
def export_db(tmp_path_factory) -> Path:
    return webstore.build_db(tmp_path_factory.mktemp("export") / "rasid.db", webstore.sample_docs())
