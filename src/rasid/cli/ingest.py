"""``rasid ingest``: analyse inputs and store them in the database."""

from __future__ import annotations

from typing import Optional

import typer

from rasid import settings
from rasid.cli import app
from rasid.errors import InputError, RasidError
from rasid.ingest import iter_documents
from rasid.pipeline import Pipeline
from rasid.store import Store, content_hash


def ingest_documents(store: Store, items, *, quiet: bool = False, update_crossdoc: bool = True) -> tuple[int, int, int]:
    """Analyse and store; returns (added, unchanged, errors).

    Each document is committed on its own; cross-document groups are updated
    for the new documents in batches.
    """
    pipeline = None
    added = unchanged = errors = 0
    batch = []

    def flush() -> None:
        if not (batch and update_crossdoc):
            batch.clear()
            return
        try:
            from rasid import crossdoc
        except ImportError:
            batch.clear()
            return
        update = getattr(crossdoc, "update", None)
        if update is not None:
            update(store, list(batch))
        batch.clear()

    for item in items:
        if isinstance(item, InputError):
            errors += 1
            typer.echo(f"rasid: {item}", err=True)
            continue
        if store.has(item.id, content_hash(item)):
            unchanged += 1
            continue
        if pipeline is None:
            pipeline = Pipeline.default()
        doc = pipeline(item)
        for w in doc.warnings:
            if not quiet:
                typer.echo(f"rasid: {doc.source_path or doc.id}: warning: {w}", err=True)
        if store.add(doc):
            added += 1
            batch.append(doc)
        else:
            unchanged += 1
        if len(batch) >= 200:
            flush()
    flush()
    return added, unchanged, errors


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, directories, .jsonl, URLs or feeds."),
    db: str = typer.Option(settings.get("db"), "--db", help="SQLite database file."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for .txt inputs."),
    outlet: Optional[str] = typer.Option(None, help="Outlet name for .txt inputs."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line."),
) -> None:
    """Analyse articles and store them (re-ingesting the same article changes nothing)."""
    try:
        store = Store(db)
    except RasidError as exc:
        typer.echo(f"rasid: {exc}", err=True)
        raise typer.Exit(2)
    with store:
        added, unchanged, errors = ingest_documents(
            store, iter_documents(inputs, published=published, outlet=outlet), quiet=quiet
        )
        total = store.count("documents")
    if not quiet:
        typer.echo(
            f"{added} added, {unchanged} unchanged, {errors} input error(s); {total} document(s) in {db}",
            err=True,
        )
    if added + unchanged == 0:
        raise typer.Exit(1)
