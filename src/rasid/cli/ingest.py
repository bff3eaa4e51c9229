"""``rasid ingest``: analyse inputs and store them in the database (the work is
:class:`rasid.ingest.ingester.Ingester`'s)."""

from __future__ import annotations

from typing import Iterable, Optional

import typer

from rasid import settings
from rasid.cli import app
from rasid.cli._run import RunStats, check_date, open_store, process, say
from rasid.errors import InputError
from rasid.ingest.ingester import Ingester
from rasid.ingest.ingester import ingest_documents as _ingest_documents
from rasid.model.document import Document
from rasid.store import Store

__all__ = ["Ingester", "ingest", "ingest_documents"]


def ingest_documents(
    store: Store, items: Iterable[Document | InputError], *, quiet: bool = False, update_crossdoc: bool = True
) -> tuple[int, int, int]:
    """:func:`rasid.ingest.ingester.ingest_documents`, input errors said on stderr unless ``quiet``."""
    return _ingest_documents(store, items, quiet=quiet, update_crossdoc=update_crossdoc,
                             on_error=lambda e: say(f"rasid: {e}"))


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, directories, .jsonl, URLs or feeds."),
    db: str = typer.Option(settings.get("db"), "--db", help="Database: a SQLite file or a postgresql:// URL (setting RASID_DB)."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for .txt inputs."),
    outlet: Optional[str] = typer.Option(None, help="Outlet name for .txt inputs."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, warnings or summary."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when any input, document or stage failed (the run still goes on)."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Analyse on this many local processes (the database is written by this one)."),
) -> None:
    """Analyse articles and store them (re-ingesting the same article changes nothing)."""
    published = check_date(published)
    parallel = None
    if workers > 1:
        from rasid.pipeline.parallel import ParallelAnalyzer

        parallel = ParallelAnalyzer(workers, story_vectors=True)
    stats = RunStats()
    with open_store(db, create=True) as store:
        ing = Ingester(store, parallel=parallel, on_analysed=lambda d: stats.note_analysed(d, quiet))
        try:
            process(inputs, ing, published=published, outlet=outlet, quiet=quiet,
                    label="ingesting", exclude=[db], stats=stats)
        finally:
            try:
                ing.finish()
            finally:
                if parallel is not None:
                    parallel.close()
        total = store.count("documents")
        store_label = store.path  # a PostgreSQL URL without its password
    if not quiet:
        say(
            f"{ing.added} added, {ing.unchanged} unchanged, {stats.summary()}; "
            f"{total} document(s) in {store_label}"
        )
    if stats.documents == 0 or (strict and not stats.clean):
        raise typer.Exit(1)
