"""``rasid export``: stored events as ACLED-style CSV, GeoJSON, JSON lines or Parquet."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from rasid import settings
from rasid.cli import app
from rasid.errors import RasidError


@app.command()
def export(
    fmt: str = typer.Option(..., "--format", "-f", help="acled-csv, geojson, jsonl or parquet (events), or "
                                                        "merged-jsonl (merged events with an English summary line)."),
    output: str = typer.Option(..., "-o", "--output", help="Output file ('-' for stdout; not for parquet)."),
    db: Optional[str] = typer.Option(None, "--db", help="Database: a SQLite file or a postgresql:// URL (setting RASID_DB)."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER types, comma-separated."),
    country: Optional[str] = typer.Option(None, help="ISO2 country codes, comma-separated."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Events ending on or after (YYYY[-MM[-DD]])."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Events starting on or before (YYYY[-MM[-DD]])."),
    bbox: Optional[str] = typer.Option(None, help="min_lon,min_lat,max_lon,max_lat"),
    modality: Optional[str] = typer.Option(
        None, help="Modalities, comma-separated (acled-csv default: asserted,speculated,denied)."),
    outlet: Optional[str] = typer.Option(None, help="Only this outlet."),
) -> None:
    """Export stored events (filtered) to a file."""
    from rasid.export import FORMATS, export as run

    if fmt == "merged-jsonl":
        return _merged(db, output, dict(type=type, country=country, date_from=date_from, date_to=date_to,
                                        bbox=bbox, modality=modality, outlet=outlet))
    if fmt not in FORMATS:
        typer.echo(f"rasid: unknown format {fmt!r}; expected one of {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    path = _database(db)
    if output == "-" and fmt == "parquet":
        typer.echo("rasid: parquet needs an output file (-o FILE)", err=True)
        raise typer.Exit(2)
    filters = dict(type=type, country=country, date_from=date_from, date_to=date_to, bbox=bbox,
                   modality=modality, outlet=outlet)
    with _exit_on_error():
        n = run(path, fmt, sys.stdout if output == "-" else output, **filters)
    typer.echo(f"exported {n} event(s) to {output}", err=True)


def _merged(db: Optional[str], output: str, filters: dict) -> None:
    """Merged events (rasid.crossdoc) with at least one matching report, one JSON object a line."""
    from rasid.export import iter_merged_jsonl
    from rasid.store.queries import Database, EventFilter

    path = _database(db)
    with _exit_on_error():
        lines = iter_merged_jsonl(Database(path), EventFilter(**filters).validated())
        n = 0
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
        try:
            for line in lines:
                out.write(line)
                n += 1
        finally:
            if out is not sys.stdout:
                out.close()
    typer.echo(f"exported {n} merged event(s) to {output}", err=True)


@contextmanager
def _exit_on_error() -> Iterator[None]:
    """A bad filter exits 2, any other Rasid error exits 1, each with its message on stderr."""
    from rasid.store.queries import BadParameter

    try:
        yield
    except BadParameter as e:
        typer.echo(f"rasid: {e}", err=True)
        raise typer.Exit(2) from None
    except RasidError as e:
        typer.echo(f"rasid: {e}", err=True)
        raise typer.Exit(1) from None


def _database(db: Optional[str]) -> str | Path:
    """The database to read: a postgresql:// URL, or a SQLite file that exists (exit 2 otherwise)."""
    from rasid.store.backend import is_url

    target = db or settings.get("db")
    if is_url(target):
        return target
    path = Path(target)
    if not path.is_file():
        typer.echo(f"rasid: {path}: no such database", err=True)
        raise typer.Exit(2)
    return path
