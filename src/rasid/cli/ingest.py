"""``rasid ingest``: analyse inputs and store them in the database."""

from __future__ import annotations

from typing import Callable, Iterable, Optional

import typer

from rasid import settings
from rasid.cli import app
from rasid.cli._run import RunStats, check_date, open_store, process, say
from rasid.errors import InputError
from rasid.model.document import Document
from rasid.pipeline import Pipeline
from rasid.store import Store, content_hash

#: new documents handed to the cross-document stage at a time
CROSSDOC_BATCH = 200


class Ingester:
    """Analyse-and-store, one document at a time; call :meth:`finish` at the end.

    A document already stored unchanged is skipped before analysis. Each new
    document is committed on its own (an interrupted run keeps them); the
    cross-document groups (duplicates, stories, merged events) are updated at
    the end, in batches taken in the canonical order (publication date, then
    id) over every stored document not processed yet, so a resumed run gives
    the same groups as an uninterrupted one.
    """

    def __init__(self, store: Store, *, update_crossdoc: bool = True, parallel=None,
                 on_analysed: Callable[[Document], None] | None = None) -> None:
        self.store = store
        self.update_crossdoc = update_crossdoc
        self.pipeline: Pipeline | None = None
        self.parallel = parallel  # a rasid.pipeline.parallel.ParallelAnalyzer, or None
        self.on_analysed = on_analysed
        self.added = self.unchanged = 0
        self._new: list[tuple[str | None, str]] = []  # (published, id) of the documents stored by this run

    def __call__(self, doc: Document) -> bool:
        if self.store.has(doc.id, content_hash(doc)):
            self.unchanged += 1
            return False
        if self.parallel is not None:  # analysed in the workers, stored here (one writer)
            for done in self.parallel.submit(doc):
                self._store(done)
            return True
        if self.pipeline is None:
            self.pipeline = Pipeline.default()
        return self._store(self.pipeline(doc), counted=True)

    def _store(self, doc: Document, counted: bool = False) -> bool:
        if self.on_analysed is not None and not counted:
            self.on_analysed(doc)
        if not self.store.add(doc):
            self.unchanged += 1
            return False
        self.added += 1
        self._new.append((doc.published, doc.id))
        return True

    def finish(self) -> None:
        """Update cross-document groups for the new documents, and for any
        stored document an interrupted earlier run left out of them."""
        if self.parallel is not None:
            parallel, self.parallel = self.parallel, None
            for done in parallel.finish():
                self._store(done)
        if not self.update_crossdoc:
            return
        from rasid import crossdoc
        from rasid.crossdoc.schema import ensure_schema

        ensure_schema(self.store.conn)
        # new or changed documents, and any stored one an interrupted run left out
        todo = dict((d, p) for p, d in self._new)
        todo.update(self.store.documents_without_crossdoc())
        self._new = []
        order = sorted(todo, key=lambda d: crossdoc.sort_key(todo[d], d))
        for i in range(0, len(order), CROSSDOC_BATCH):
            docs = [self.store.get(d) for d in order[i:i + CROSSDOC_BATCH]]
            crossdoc.update(self.store, [d for d in docs if d is not None])


def ingest_documents(
    store: Store, items: Iterable[Document | InputError], *, quiet: bool = False, update_crossdoc: bool = True
) -> tuple[int, int, int]:
    """Analyse and store ``items``; returns (added, unchanged, input errors)."""
    ing = Ingester(store, update_crossdoc=update_crossdoc)
    errors = 0
    for item in items:
        if isinstance(item, InputError):
            errors += 1
            if not quiet:
                say(f"rasid: {item}")
            continue
        ing(item)
    ing.finish()
    return ing.added, ing.unchanged, errors


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, directories, .jsonl, URLs or feeds."),
    db: str = typer.Option(settings.get("db"), "--db", help="SQLite database file."),
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

        parallel = ParallelAnalyzer(workers)
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
    if not quiet:
        say(
            f"{ing.added} added, {ing.unchanged} unchanged, {stats.summary()}; "
            f"{total} document(s) in {db}"
        )
    if stats.documents == 0 or (strict and not stats.clean):
        raise typer.Exit(1)
