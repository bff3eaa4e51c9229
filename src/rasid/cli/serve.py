"""``rasid serve``: the web map, timeline and read-only REST API over a database."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from rasid import settings
from rasid.cli import app


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="Database: a SQLite file or a postgresql:// URL (setting RASID_DB)."),
    host: Optional[str] = typer.Option(None, help="Address to listen on (setting RASID_HOST; default 127.0.0.1)."),
    port: Optional[int] = typer.Option(None, help="Port (setting RASID_PORT; default 8000)."),
    tile_url: Optional[str] = typer.Option(None, help="Online tile URL template (setting RASID_TILE_URL); "
                                                      "default: the offline Natural Earth basemap."),
    open_browser: bool = typer.Option(False, "--open", help="Open the UI in a browser."),
) -> None:
    """Serve the web UI and the read-only REST API (docs at /docs)."""
    from rasid.web import missing_stack, serve as run

    problem = missing_stack()
    if problem:
        typer.echo(f"rasid: {problem}", err=True)
        raise typer.Exit(2)
    from rasid.store.backend import is_url

    target = db or settings.get("db")
    path: str | Path = target if is_url(target) else Path(target)
    if not is_url(target) and not Path(target).is_file():
        typer.echo(f"rasid: {path}: no such database (create one with `rasid ingest`)", err=True)
        raise typer.Exit(2)
    run(path, host=host, port=port, open_browser=open_browser, tile_url=tile_url)
