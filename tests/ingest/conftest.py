"""A local HTTP server (127.0.0.1, a thread) serving test pages and feeds."""

from __future__ import annotations

import http.server
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import pages  # noqa: E402


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def http_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    html = pages.article_html()
    _Handler.routes = {
        "/article1.html": (200, "text/html; charset=utf-8", html.encode("utf-8")),
        "/legacy.html": (200, "text/html", pages.article_html(charset="windows-1256").encode("cp1256")),
        "/plain.txt": (200, "text/plain; charset=utf-8", pages.ARTICLE_P1.encode("utf-8")),
        "/feed.rss": (200, "application/rss+xml", pages.rss(base).encode("utf-8")),
        "/feed.atom": (200, "application/atom+xml", pages.atom().encode("utf-8")),
        "/big.txt": (200, "text/plain", b"x" * 5000),
        "/empty.txt": (200, "text/plain", b""),
        "/error": (500, "text/plain", b"oops"),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
