"""``rasid stories``: the stories (groups of articles on one developing situation)."""

from __future__ import annotations

import json

import typer

from rasid import settings
from rasid.cli import app
from rasid.cli._run import check_format, open_store


@app.command()
def stories(
    db: str = typer.Option(settings.get("db"), "--db", help="SQLite database file."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="Most stories to show (0 = all)."),
    min_articles: int = typer.Option(1, "--min-articles", min=1, help="Only stories with this many articles."),
) -> None:
    """Show stories, largest first: title, date span, places, actors and articles."""
    from rasid.crossdoc import ensure_schema, list_stories

    check_format(fmt)
    with open_store(db) as store:
        ensure_schema(store.conn)
        rows = list_stories(store.conn, limit=limit or None, min_docs=min_articles)
    if fmt == "jsonl":
        for s in rows:
            typer.echo(json.dumps(s, ensure_ascii=False))
        return
    if not rows:
        typer.echo("no stories (ingest articles first)")
        return
    for s in rows:
        span = s["date_start"] if s["date_start"] == s["date_end"] else f"{s['date_start']} .. {s['date_end']}"
        typer.echo(f"{s['id']}  [{s['n_articles']} article(s), {span}]  {s['title']}")
        if s["places"] or s["actors"]:
            typer.echo(f"    places: {', '.join(s['places']) or '-'}   actors: {', '.join(s['actors']) or '-'}")
        for a in s["articles"]:
            head = " · ".join(x for x in (a["published"], a["outlet"], a["title"]) if x)
            typer.echo(f"    - {a['doc_id']}  {head}")
