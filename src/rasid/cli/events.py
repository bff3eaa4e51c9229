"""``rasid events``: per-document events, or merged events across articles (--merged)."""

from __future__ import annotations

import json
from typing import Optional

import typer

from rasid import settings
from rasid.cli import app
from rasid.cli._run import check_format, open_store, say

_DOC_COLS = ("doc_id", "event_id", "type", "modality", "trigger_text", "actor_name", "recipient_name",
             "place_name", "lat", "lon", "country", "date_start", "date_end", "stance", "source_text",
             "outlet", "published", "fatalities", "injuries", "confidence", "evidence_text")


def _place(p: dict | None) -> str:
    if not p:
        return "-"
    name = p.get("name") or p.get("name_ar") or "?"
    if p.get("lat") is None:
        return name
    return f"{name} ({p['lat']:.3f},{p['lon']:.3f})"


@app.command()
def events(
    db: str = typer.Option(settings.get("db"), "--db", help="Database: a SQLite file or a postgresql:// URL (setting RASID_DB)."),
    merged: bool = typer.Option(False, "--merged", help="Merged events across articles instead of per document."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
    limit: int = typer.Option(100, "--limit", "-n", min=0, help="Most events to show (0 = all)."),
    etype: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER type."),
    contradicted: bool = typer.Option(False, "--contradicted", help="Merged: only events one source denies."),
    min_mentions: int = typer.Option(1, "--min-mentions", min=1, help="Merged: only events with this many mentions."),
) -> None:
    """List events from the database: one per document, or merged across outlets."""
    from rasid.crossdoc import list_merged

    from rasid.store.queries import PLOVER_TYPES  # the API's list: one validation for both

    check_format(fmt)
    if etype and etype.upper() not in PLOVER_TYPES:
        say(f"rasid: --type: unknown PLOVER type {etype!r} (one of {', '.join(PLOVER_TYPES)})")
        raise typer.Exit(2)
    with open_store(db) as store:
        if merged:
            rows = list_merged(store, limit=None if etype else (limit or None), min_mentions=min_mentions,
                               contradicted_only=contradicted)
            if etype:  # filter before the limit, not after
                rows = [r for r in rows if r["type"] == etype.upper()][: limit or None]
        else:
            rows = store.event_rows(_DOC_COLS, etype.upper() if etype else None, limit or None)
    if fmt == "jsonl":
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
        return
    if not rows:
        typer.echo("no events")
        return
    if not merged:
        for r in rows:
            when = r["date_start"] or "?"
            place = r["place_name"] or "-"
            typer.echo(f"{r['doc_id']}/{r['event_id']}  {r['type']:<9} {when}  {place}  "
                       f"[{r['modality']}, {r['outlet'] or '-'}]  {r['trigger_text']}")
        return
    for r in rows:
        span = r["date_start"] if r["date_start"] == r["date_end"] else f"{r['date_start']}..{r['date_end']}"
        flag = "  CONTRADICTED" if r["contradicted"] else ""
        typer.echo(f"{r['id']}  {r['type']:<9} {span}  {_place(r['place'])}  "
                   f"outlets={r['outlets']} independent={r['independent_sources']} "
                   f"mentions={r['n_mentions']}{flag}")
        for m in r["mentions"]:
            src = m.get("claim_source_text") or "-"
            copy = " (copy)" if m.get("is_copy") else ""
            typer.echo(f"    {m['stance']:<9} {m['published'] or '?'}  {m['outlet'] or '-'}{copy}  "
                       f"source: {src}  [{m['doc_id']}/{m['event_id']}]")
