"""``rasid stories``: the stories (groups of articles on one happening)."""

from __future__ import annotations

import json

import typer

from rasid import settings
from rasid.cli import app
from rasid.cli._run import check_format, open_store


@app.command()
def stories(
    db: str = typer.Option(settings.get("db"), "--db", help="Database: a SQLite file or a postgresql:// URL (setting RASID_DB)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="Most stories to show (0 = all)."),
    min_articles: int = typer.Option(1, "--min-articles", min=1, help="Only stories with this many articles."),
    summary: bool = typer.Option(False, "--summary", "-s",
                                 help="One line per story (the ten largest unless --limit): articles, outlets, "
                                      "event-date span in days, title."),
) -> None:
    """Show stories, largest first: title, date span, places, actors and articles."""
    from rasid.crossdoc import list_stories

    check_format(fmt)
    if summary and limit == 50:
        limit = 10
    with open_store(db) as store:
        rows = list_stories(store, limit=limit or None, min_docs=min_articles)
    if fmt == "jsonl":
        for s in rows:
            typer.echo(json.dumps(s, ensure_ascii=False))
        return
    if not rows:
        typer.echo("no stories (ingest articles first)")
        return
    if summary:
        typer.echo(f"{'#':>3} {'articles':>8} {'outlets':>7} {'event dates':23s} {'days':>4}  title")
        for k, s in enumerate(rows, 1):
            ev = (s["event_date_start"] or "?") if s["event_date_start"] == s["event_date_end"] else \
                f"{s['event_date_start']}..{s['event_date_end']}"
            outlets = len({a["outlet"] for a in s["articles"] if a["outlet"]})
            typer.echo(f"{k:>3} {s['n_articles']:>8} {outlets:>7} {ev:23s} {s['event_days'] or '-':>4}  {s['title']}")
        return
    for s in rows:
        span = s["date_start"] if s["date_start"] == s["date_end"] else f"{s['date_start']} .. {s['date_end']}"
        evs = s["event_date_start"] if s["event_date_start"] == s["event_date_end"] else \
            f"{s['event_date_start']} .. {s['event_date_end']}"
        typer.echo(f"{s['id']}  [{s['n_articles']} article(s), published {span}, events {evs}]  {s['title']}")
        if s["places"] or s["actors"]:
            typer.echo(f"    places: {', '.join(s['places']) or '-'}   actors: {', '.join(s['actors']) or '-'}")
        for a in s["articles"]:
            head = " · ".join(x for x in (a["published"], a["outlet"], a["title"]) if x)
            typer.echo(f"    - {a['doc_id']}  {head}")
