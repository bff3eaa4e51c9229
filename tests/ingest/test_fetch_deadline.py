"""URL fetches have an overall deadline (issue 20): a server trickling bytes is cut off."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from rasid.errors import FetchError
from rasid.ingest.web import fetch


@pytest.fixture()
def trickle_server():
    """An HTTP server that sends its body one byte every 0.2 s (for 30 s)."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        try:
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 150\r\n\r\n")
            for _ in range(150):
                if stop.is_set():
                    break
                conn.sendall(b"x")
                time.sleep(0.2)
        except OSError:
            pass
        finally:
            conn.close()

    def serve() -> None:
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.getsockname()[1]}/slow"
    stop.set()
    t.join(2)
    srv.close()


def test_trickling_server_hits_the_overall_deadline(trickle_server, monkeypatch) -> None:
    monkeypatch.setenv("RASID_FETCH_TIMEOUT", "1.5")
    t0 = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(trickle_server)
    assert time.monotonic() - t0 < 5
