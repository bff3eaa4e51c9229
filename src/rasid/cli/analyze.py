"""``rasid analyze``: documents in, document JSON lines out (no database)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from rasid.cli import app
from rasid.errors import InputError
from rasid.ingest import iter_documents
from rasid.pipeline import Pipeline


@app.command()
def analyze(
    inputs: list[str] = typer.Argument(..., help="Files, directories, .jsonl, URLs or feeds."),
    output: str = typer.Option("-", "-o", "--output", help="Output JSONL file ('-' for stdout)."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for .txt inputs."),
    outlet: Optional[str] = typer.Option(None, help="Outlet name for .txt inputs."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary."),
) -> None:
    """Analyse articles and write one document JSON per line."""
    pipeline = Pipeline.default()
    out = sys.stdout if output == "-" else Path(output).open("w", encoding="utf-8")
    ok = bad = 0
    try:
        for item in iter_documents(inputs, published=published, outlet=outlet):
            if isinstance(item, InputError):
                bad += 1
                typer.echo(f"rasid: {item}", err=True)
                continue
            doc = pipeline(item)
            out.write(doc.to_json() + "\n")
            ok += 1
    finally:
        if out is not sys.stdout:
            out.close()
    if not quiet:
        typer.echo(f"analysed {ok} document(s), {bad} input error(s)", err=True)
    if ok == 0:
        raise typer.Exit(1)
