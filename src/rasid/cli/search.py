"""``rasid search``: full-text search over stored articles."""

from __future__ import annotations

import json

import typer

from rasid import settings
from rasid.cli import app
from rasid.cli._run import open_store


@app.command()
def search(
    query: str = typer.Argument(..., help="Arabic words; spelling variants match each other."),
    db: str = typer.Option(settings.get("db"), "--db", help="Database: a SQLite file or a postgresql:// URL (setting RASID_DB)."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="Most hits to show."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per hit."),
) -> None:
    """Find stored articles containing every word of QUERY, with snippets."""
    with open_store(db) as store:
        hits = store.search(query, limit=limit)
    if as_json:
        for h in hits:
            typer.echo(json.dumps(h, ensure_ascii=False))
        return
    if not hits:
        typer.echo("no match")
        return
    for h in hits:
        head = " · ".join(x for x in (h["published"], h["outlet"], h["title"]) if x)
        typer.echo(f"{h['doc_id']}  {head}")
        typer.echo(f"    {h['snippet']}")
