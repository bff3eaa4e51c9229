"""What every document-processing command shares: inputs -> documents.

:func:`process` reads the inputs, prints ``rasid: <input>: <reason>`` for
each input that cannot be read (and for ingestion warnings such as non-Arabic
text), shows a progress bar on stderr for runs of more than a few documents
(a terminal only, never with ``--quiet``), and calls ``handle(doc)`` for each
document. ``ingest`` and ``analyze`` both use it.
"""

from __future__ import annotations

import datetime as _dt
import sys
from dataclasses import dataclass
from typing import Callable, Iterable

import typer
from rich.console import Console

from rasid.errors import InputError
from rasid.ingest import count_inputs, input_warnings, iter_documents
from rasid.model.document import Document

#: more documents than this get a progress bar
PROGRESS_MIN = 3


@dataclass
class RunStats:
    documents: int = 0
    errors: int = 0
    warnings: int = 0
    skipped: int = 0  # handle() returned False (e.g. already stored)
    failed: int = 0  # documents lost to an error while analysing or storing them
    stage_failures: int = 0  # documents kept, but one of their stages failed

    @property
    def clean(self) -> bool:
        """No input error, no lost document, no failed stage (what --strict asks)."""
        return not (self.errors or self.failed or self.stage_failures)

    def note_analysed(self, doc: Document, quiet: bool = False, console: Console | None = None) -> None:
        """Count and report a document cut by its budget or one of whose stages failed."""
        where = doc.source_path or doc.url or doc.id
        for msg in doc.meta.get("budget") or []:
            self.warnings += 1
            if not quiet:
                say(f"rasid: {where}: warning: budget: {msg}", console)
        failed = doc.meta.get("failed_stages") or []
        if failed:
            self.stage_failures += 1
            if not quiet:
                say(f"rasid: {where}: warning: stage failed: {', '.join(failed)}", console)

    def summary(self) -> str:
        parts = [f"{self.errors} input error(s)"]
        if self.failed:
            parts.append(f"{self.failed} document(s) failed")
        if self.stage_failures:
            parts.append(f"{self.stage_failures} with a failed stage")
        return ", ".join(parts)


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def say(msg: str, console: Console | None = None) -> None:
    """One plain line on stderr (no markup, no wrapping)."""
    if console is not None and console.is_terminal:
        console.print(msg, markup=False, highlight=False, soft_wrap=True)
    else:
        print(msg, file=sys.stderr, flush=True)


def check_date(value: str | None, option: str = "--published") -> str | None:
    """Validate a YYYY-MM-DD option; a user error (exit 2) otherwise."""
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        say(f"rasid: {option}: expected a date as YYYY-MM-DD, got {value!r}")
        raise typer.Exit(2) from None


def process(
    inputs: Iterable[str],
    handle: Callable[[Document], bool | None],
    *,
    published: str | None = None,
    outlet: str | None = None,
    quiet: bool = False,
    label: str = "analysing",
    exclude: Iterable[str] = (),
    stats: RunStats | None = None,
) -> RunStats:
    """Feed every document of ``inputs`` to ``handle``; report the rest.

    ``handle`` analyses the document in place (a stage failure is counted
    here) or hands it to workers (the caller counts those with
    ``stats.note_analysed`` when they come back)."""
    inputs = list(inputs)
    stats = stats if stats is not None else RunStats()
    console = stderr_console()
    total = None if quiet or not console.is_terminal else count_inputs(inputs)
    progress = None
    task = None
    if total is not None and total > PROGRESS_MIN:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        progress.start()
        task = progress.add_task(label, total=total)
    try:
        for item in iter_documents(inputs, published=published, outlet=outlet, exclude=exclude):
            if isinstance(item, InputError):
                stats.errors += 1
                say(f"rasid: {item}", console)
            else:
                where = item.source_path or item.url or item.id
                for w in input_warnings(item):
                    stats.warnings += 1
                    if not quiet:
                        say(f"rasid: {where}: warning: {w}", console)
                try:
                    kept = handle(item)
                except Exception as exc:  # noqa: BLE001 - one document must never end the run
                    stats.failed += 1
                    say(f"rasid: {where}: error: {type(exc).__name__}: {exc}"[:500], console)
                    kept = False
                else:
                    stats.note_analysed(item, quiet, console)
                if kept is False:
                    stats.skipped += 1
                stats.documents += 1
            if progress is not None and task is not None:
                progress.advance(task)
    finally:
        if progress is not None:
            progress.stop()
    return stats


def open_store(db: str, *, create: bool = False):
    """Open the database for a command; a clear one-line error (exit 2) otherwise.

    Only commands that write (``ingest``) may ``create`` it: a read command
    given a mistyped path says so instead of making an empty database."""
    from pathlib import Path

    from rasid.errors import RasidError
    from rasid.store import Store

    from rasid.store.backend import is_url

    if not create and db != ":memory:" and not is_url(db) and not Path(db).exists():
        say(f"rasid: {db}: no such database (create one with `rasid ingest`)")
        raise typer.Exit(2)
    try:
        return Store(db)
    except RasidError as exc:
        say(f"rasid: {exc}")
        raise typer.Exit(2) from None


def check_format(fmt: str, allowed: tuple[str, ...] = ("table", "jsonl")) -> str:
    """Validate a --format option; a user error (exit 2) otherwise."""
    if fmt not in allowed:
        say(f"rasid: --format must be {' or '.join(allowed)}")
        raise typer.Exit(2)
    return fmt
