"""Web map, timeline and read-only REST API over a Rasid database.

``serve(db_path)`` runs it (``rasid serve``, and ``rasid demo`` at its end);
``create_app(db_path)`` gives the FastAPI application (tests, embedding).
"""

from __future__ import annotations

import threading
import webbrowser
from pathlib import Path

from rasid import settings


def create_app(db_path: str | Path, tile_url: str | None = None):
    """The FastAPI application serving ``db_path`` read-only."""
    from rasid.web.app import create_app as _create

    return _create(db_path, tile_url=tile_url)


def serve(db_path: str | Path, host: str | None = None, port: int | None = None,
          open_browser: bool = False, tile_url: str | None = None) -> None:
    """Serve the web UI and API on ``host:port`` until interrupted (blocking)."""
    import uvicorn

    host = host or settings.get("host")
    port = int(port or settings.get("port"))
    app = create_app(db_path, tile_url=tile_url)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    print(f"Rasid: serving {db_path} at {url} (API docs at {url}docs); Ctrl-C stops it", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


__all__ = ["create_app", "serve"]
