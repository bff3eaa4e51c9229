"""The ``rasid`` command line.

Each sub-command lives in its own module of this package and registers itself
on :data:`app`; this module only assembles them.
"""

from __future__ import annotations

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


# Sub-command modules (import order = order in --help).
from rasid.cli import analyze as _analyze  # noqa: E402,F401
from rasid.cli import ingest as _ingest  # noqa: E402,F401
from rasid.cli import search as _search  # noqa: E402,F401
from rasid.cli import stories as _stories  # noqa: E402,F401
from rasid.cli import events as _events  # noqa: E402,F401


def main() -> None:
    app()
