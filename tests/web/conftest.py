"""Fixtures for the web tests: a sample database and a live server on a free port."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import webstore  # noqa: E402
from webstore import LiveServer  # noqa: E402


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    return webstore.build_db(tmp_path_factory.mktemp("web") / "rasid.db", webstore.sample_docs())


@pytest.fixture(scope="session")
def crossdoc_db(tmp_path_factory) -> Path:
    """The sample database plus rasid.crossdoc tables (a story, two merged events)."""
    db = webstore.build_db(tmp_path_factory.mktemp("crossdoc") / "rasid.db", webstore.sample_docs())
    return webstore.add_crossdoc(db)


@pytest.fixture(scope="session")
def live_server(sample_db):
    from rasid.web import create_app

    with LiveServer(create_app(sample_db, tile_url="")) as srv:
        yield srv


@pytest.fixture(scope="session")
def client(live_server):
    import httpx

    with httpx.Client(base_url=live_server.url, timeout=20) as c:
        yield c
