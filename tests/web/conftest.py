"""Fixtures for the web tests: a sample database and a live server on a free port."""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import webstore  # noqa: E402


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    return webstore.build_db(tmp_path_factory.mktemp("web") / "rasid.db", webstore.sample_docs())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, app) -> None:
        import uvicorn

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


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
