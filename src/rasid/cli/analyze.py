"""``rasid analyze``: documents in, document JSON lines out (no database)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from rasid.cli import app
from rasid.cli._run import RunStats, check_date, process, say
from rasid.pipeline import Pipeline


@app.command()
def analyze(
    inputs: list[str] = typer.Argument(..., help="Files, directories, .jsonl, HTML pages, URLs, RSS/Atom feeds, or - for stdin."),
    output: str = typer.Option("-", "-o", "--output", help="Output JSONL file ('-' for stdout)."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs without one (.txt)."),
    outlet: Optional[str] = typer.Option(None, help="Outlet name for inputs without one (.txt)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, warnings or summary."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when any input, document or stage failed (the run still goes on)."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Analyse on this many local processes (output identical, same order)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a dask.distributed scheduler to analyse on."),
) -> None:
    """Analyse articles and write one document JSON per line."""
    published = check_date(published)
    parallel = None
    if workers > 1 or scheduler:
        from rasid.errors import RasidError
        from rasid.pipeline.parallel import ParallelAnalyzer

        try:
            parallel = ParallelAnalyzer(workers, scheduler)
        except RasidError as exc:
            say(f"rasid: {exc}")
            raise typer.Exit(2) from None
    pipeline = Pipeline.default() if parallel is None else None
    if output == "-":
        out = sys.stdout
    else:
        try:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            out = Path(output).open("w", encoding="utf-8")
        except OSError as exc:
            say(f"rasid: {output}: cannot write ({exc.strerror or exc})")
            raise typer.Exit(2) from None

    stats = RunStats()

    def write(docs) -> None:
        for d in docs:
            if parallel is not None:
                stats.note_analysed(d, quiet)
            out.write(d.to_json() + "\n")
        out.flush()

    def handle(doc) -> None:
        write([pipeline(doc)] if parallel is None else parallel.submit(doc))

    try:
        process(
            inputs, handle, published=published, outlet=outlet, quiet=quiet,
            exclude=[] if output == "-" else [output], stats=stats,
        )
        if parallel is not None:
            write(parallel.finish())
    finally:
        if parallel is not None:
            parallel.close()
        if out is not sys.stdout:
            out.close()
    if not quiet:
        say(f"rasid: analysed {stats.documents} document(s), {stats.summary()}")
    if stats.documents == 0 or (strict and not stats.clean):
        raise typer.Exit(1)
