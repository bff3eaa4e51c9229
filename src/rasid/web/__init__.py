"""Web map, timeline and read-only REST API over a Rasid database.

``serve(db_path)`` runs it (``rasid serve``, and ``rasid demo`` at its end);
``create_app(db_path)`` gives the FastAPI application (tests, embedding).
"""

from __future__ import annotations

import threading
import webbrowser
from pathlib import Path

from rasid import settings


INSTALL_HINT = "pip install 'fastapi>=0.110' 'uvicorn>=0.29'"


def create_app(db_path: str | Path, tile_url: str | None = None, host: str | None = None,
               allowed_hosts: str | list[str] | None = None):
    """The FastAPI application serving ``db_path`` read-only (answering only to ``host`` and
    ``allowed_hosts`` in the Host header; defaults: the settings)."""
    from rasid.web.app import create_app as _create

    return _create(db_path, tile_url=tile_url, host=host, allowed_hosts=allowed_hosts)


def missing_stack() -> str | None:
    """None when the web stack (FastAPI, uvicorn) imports, else one line saying how to install it."""
    import importlib.util

    missing = [m for m in ("fastapi", "uvicorn") if importlib.util.find_spec(m) is None]
    if not missing:
        return None
    return f"the web server needs {' and '.join(missing)}: {INSTALL_HINT}"


def serve(db_path: str | Path, host: str | None = None, port: int | None = None,
          open_browser: bool = False, tile_url: str | None = None) -> None:
    """Serve the web UI and API on ``host:port`` until interrupted (blocking)."""
    import uvicorn

    host = host or settings.get("host")
    port = int(port or settings.get("port"))
    app = create_app(db_path, tile_url=tile_url, host=host)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    from rasid.store.backend import redact

    print(f"Rasid: serving {redact(str(db_path))} at {url} (API docs at {url}docs); Ctrl-C stops it", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


__all__ = ["INSTALL_HINT", "create_app", "missing_stack", "serve"]
