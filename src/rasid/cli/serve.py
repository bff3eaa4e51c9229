"""``rasid serve``: the web map, timeline and read-only REST API over a database."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from rasid import settings
from rasid.cli import app


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="SQLite database (setting RASID_DB)."),
    host: Optional[str] = typer.Option(None, help="Address to listen on (setting RASID_HOST; default 127.0.0.1)."),
    port: Optional[int] = typer.Option(None, help="Port (setting RASID_PORT; default 8000)."),
    tile_url: Optional[str] = typer.Option(None, help="Online tile URL template (setting RASID_TILE_URL); "
                                                      "default: the offline Natural Earth basemap."),
    open_browser: bool = typer.Option(False, "--open", help="Open the UI in a browser."),
) -> None:
    """Serve the web UI and the read-only REST API (docs at /docs)."""
    try:
        from rasid.web import serve as run
    except ImportError as e:  # pragma: no cover - depends on the install
        typer.echo(f"rasid: serve needs the web extra (pip install 'rasid[web]'): {e}", err=True)
        raise typer.Exit(2) from None
    path = Path(db or settings.get("db"))
    if not path.is_file():
        typer.echo(f"rasid: {path}: no such database (create one with `rasid ingest`)", err=True)
        raise typer.Exit(2)
    run(path, host=host, port=port, open_browser=open_browser, tile_url=tile_url)
