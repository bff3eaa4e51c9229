"""The ``rasid`` command line.

Each sub-command lives in its own module of this package and registers itself
on :data:`app`; this module only assembles them.
"""

from __future__ import annotations

import importlib
import importlib.util

import typer

app = typer.Typer(
    name="rasid",
    help="Rasid (راصد): who says what happened where and when, from Arabic news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    """Rasid (راصد): who says what happened where and when, from Arabic news."""
    if version:
        from rasid import __version__

        typer.echo(__version__)
        raise typer.Exit()


# Sub-command modules, in --help order. Each registers itself on ``app``.
COMMANDS = ("analyze", "ingest", "search", "demo", "ner", "stories", "events", "serve", "export")

for _name in COMMANDS:
    if importlib.util.find_spec(f"rasid.cli.{_name}") is not None:
        importlib.import_module(f"rasid.cli.{_name}")


def main() -> None:
    app()
