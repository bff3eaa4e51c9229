"""The ``rasid`` command line.

Each sub-command lives in its own module of this package and registers itself
on :data:`app`; this module only assembles them. User errors (bad inputs, a
database that cannot be opened) are printed as one line, ``rasid: <what>:
<reason>``, never as a traceback.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

import typer

from rasid.settings import SETTINGS


def _settings_epilog() -> str:
    rows = "\n".join(f"  RASID_{s.name.upper()}  (default {s.default!r}): {s.help}\n" for s in SETTINGS)
    return "Settings (environment variables):\n\n" + rows


app = typer.Typer(
    name="rasid",
    help="Rasid (راصد): who says what happened where and when, from Arabic news.",
    epilog=_settings_epilog(),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from rasid import __version__

        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", is_eager=True, callback=_print_version
    ),
) -> None:
    """Rasid (راصد): who says what happened where and when, from Arabic news."""


# Sub-command modules, in --help order. Each registers itself on ``app``.
COMMANDS = ("analyze", "ingest", "search", "demo", "ner", "stories", "events", "serve", "export")

for _name in COMMANDS:
    if importlib.util.find_spec(f"rasid.cli.{_name}") is not None:
        importlib.import_module(f"rasid.cli.{_name}")


def main() -> None:
    """Entry point: run the app; user errors become one line on stderr."""
    import logging
    import os

    from rasid.errors import RasidError

    if not os.environ.get("RASID_DEBUG"):
        # Stage failures are reported by the commands, one line per document
        # (never a traceback); RASID_DEBUG=1 shows the library's own logging.
        logging.getLogger("rasid").setLevel(logging.CRITICAL)
    try:
        app(standalone_mode=True)
    except RasidError as exc:
        print(f"rasid: {exc}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("rasid: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
