"""``rasid demo``: analyse the built-in sample corpus into a local database."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from rasid.cli import app
from rasid.cli._run import say
from rasid.model.document import Document
from rasid.pipeline import Pipeline

DEMO_DB = "rasid-demo.db"


def summarize(docs: list[Document]) -> dict:
    """Counts for the demo summary (also used by tests)."""
    places: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    events: Counter[str] = Counter()
    stances: Counter[str] = Counter()
    n_times = 0
    for d in docs:
        for e in d.entities:
            label = e.name_ar or e.name or e.id
            if e.kind == "place":
                places[label] += len(e.mentions)
            else:
                actors[label] += len(e.mentions)
        events.update(ev.type for ev in d.events)
        stances.update(c.stance for c in d.claims)
        n_times += len(d.times)
    return {
        "documents": len(docs),
        "outlets": len({d.outlet for d in docs if d.outlet}),
        "dates": sorted({d.published for d in docs if d.published}),
        "places": places,
        "actors": actors,
        "events": events,
        "claims": stances,
        "times": n_times,
    }


def _top(c: Counter, n: int = 8) -> str:
    return "، ".join(f"{k} ({v})" for k, v in c.most_common(n)) or "-"


def print_summary(
    docs: list[Document], console: Console, db: Path | None, stored: int | None, crossdoc: list[str] | None = None
) -> None:
    s = summarize(docs)
    dates = s["dates"]
    console.print(
        f"[bold]Rasid demo[/]: {s['documents']} sample articles from {s['outlets']} outlets"
        + (f", {dates[0]} .. {dates[-1]}" if dates else "")
    )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("date", no_wrap=True)
    table.add_column("outlet", no_wrap=True)
    table.add_column("places", justify="right")
    table.add_column("times", justify="right")
    table.add_column("claims", justify="right")
    table.add_column("events", no_wrap=True)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=60)
    for d in docs:
        ev = Counter(e.type for e in d.events)
        table.add_row(
            d.published or "?",
            d.outlet or "?",
            str(len(d.entities_of("place"))),
            str(len(d.times)),
            str(len(d.claims)),
            ", ".join(f"{k}×{v}" for k, v in sorted(ev.items())) or "-",
            d.title or d.id,
        )
    console.print(table)
    console.print(f"[bold]places[/]: {_top(s['places'])}")
    console.print(f"[bold]actors[/]: {_top(s['actors'])}")
    console.print(f"[bold]time expressions[/]: {s['times']}")
    console.print(f"[bold]claims[/]: {sum(s['claims'].values())} ({_top(s['claims'])})")
    console.print(f"[bold]events[/]: {sum(s['events'].values())} ({_top(s['events'], 12)})")
    if db is not None:
        for line in crossdoc or []:
            console.print(line, markup=False)
        console.print(f"[bold]database[/]: {db} ({stored} new document(s) stored)")
        top = s["places"].most_common(1)
        if top:  # the place the samples name most
            console.print(f"try: rasid search '{top[0][0]}' --db {db}")
    else:
        console.print("[bold]database[/]: not written (the store module is not installed)")


def _analyse_into_store(db: Path, docs: list[Document]) -> tuple[list[Document], int, list[str]] | None:
    """Analyse and store the samples like ``rasid ingest``; None without a store."""
    try:
        from rasid.store import Store
    except ImportError:
        return None
    try:
        from rasid.cli.ingest import ingest_documents
    except ImportError:
        ingest_documents = None
    db.parent.mkdir(parents=True, exist_ok=True)
    store = Store(str(db))
    try:
        if ingest_documents is not None:
            added, _unchanged, _errors = ingest_documents(store, docs, quiet=True)
        else:  # pragma: no cover - store without the ingest command
            pipeline = Pipeline.default()
            added = sum(bool(store.add(pipeline(d))) for d in docs)
        stored = [store.get(d.id) or d for d in docs]
        return stored, added, _crossdoc_summary(store)
    finally:
        store.close()


def _crossdoc_summary(store) -> list[str]:
    """Lines about stories, copies and merged events (when those tables exist)."""
    stories = store.stories_overview(top=3)
    if stories is None:
        return []
    lines = [f"{stories['stories']} stories, {stories['copies']} near-verbatim copies"]
    for title, n, d0, d1 in stories["largest"]:
        span = d0 if d0 == d1 else f"{d0} .. {d1}"
        lines.append(f"  story of {n} articles ({span}): {title}")
    merged = store.merged_overview()
    if merged is None:
        return lines
    lines.append(f"{merged[0]} merged events, {merged[1]} contradicted by a source")
    return lines


@app.command()
def demo(
    db: Path = typer.Option(Path(DEMO_DB), "--db", help="SQLite database the demo writes (created if missing)."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Do not start the web UI after the analysis."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary, no progress."),
) -> None:
    """Analyse the built-in sample articles into a local database and print a summary."""
    from rasid import samples

    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=140)
    t0 = time.perf_counter()
    docs = samples.load()
    if not quiet:
        say(f"rasid: analysing {len(docs)} sample articles into {db} ...")
    result = _analyse_into_store(db, docs)
    if result is None:
        pipeline = Pipeline.default()
        docs = [pipeline(d) for d in docs]
        print_summary(docs, console, None, None)
    else:
        docs, added, stories = result
        print_summary(docs, console, db, added, stories)
    if not quiet:
        say(f"rasid: done in {time.perf_counter() - t0:.1f} s")
    if not no_serve and result is not None:
        _serve(db, console)


def _serve(db: Path, console: Console) -> None:
    """Serve the web UI over the demo database (blocking; Ctrl-C stops it)."""
    from rasid.web import missing_stack, serve

    problem = missing_stack()
    if problem:
        say(f"rasid: not serving the web UI ({problem}; or use --no-serve)")
        return
    serve(db)
