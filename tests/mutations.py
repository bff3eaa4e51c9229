"""Stage mutations for the test suite (issue 16 item 4): kill one stage and see
which test modules still pass.

``RASID_MUTATE=events.extract pytest tests/events`` runs the events tests with
``rasid.events.extract`` forced to return ``[]``. The mutation is applied here,
by the test tree's ``conftest.py`` before any test module is imported (so a
``from rasid.events import extract`` in a test module gets the dead stage too);
the package itself never reads ``RASID_MUTATE``.

``scripts/mutation_check.py`` runs a stage's test folder under its mutation and
reports the modules that still pass entirely: each of them needs a positive
control (the stage must find something before an absence is asserted).
"""

from __future__ import annotations

import importlib
import os
from typing import Any, Callable

ENV = "RASID_MUTATE"


def _empty(*_args: Any, **_kwargs: Any) -> list:
    return []


def _nothing(*_args: Any, **_kwargs: Any) -> None:
    return None


#: name -> (stage test folder under tests/, [(module, attribute, replacement)]).
#: Every place the stage's entry point is bound is patched, so the dead stage
#: is what the pipeline and the tests call, whichever name they import.
MUTATIONS: dict[str, tuple[str, list[tuple[str, str, Callable[..., Any]]]]] = {
    "events.extract": ("events", [("rasid.events", "extract", _empty)]),
    "claims.extract": (
        "claims",
        [("rasid.claims", "extract_claims", _empty), ("rasid.claims.assemble", "extract_claims", _empty)],
    ),
    "actors.annotate": (
        "actors",
        [("rasid.actors", "annotate", _nothing), ("rasid.actors.annotate", "annotate", _nothing)],
    ),
    "places.annotate": ("places", [("rasid.places", "annotate", _nothing)]),
}


def active() -> str | None:
    """The mutation named by ``$RASID_MUTATE`` (None when unset)."""
    name = os.environ.get(ENV, "").strip()
    if not name:
        return None
    if name not in MUTATIONS:
        raise ValueError(f"{ENV}={name!r}: unknown mutation (known: {', '.join(sorted(MUTATIONS))})")
    return name


def apply(name: str) -> list[str]:
    """Patch the stage entry points of mutation ``name``; returns what was patched."""
    done = []
    for mod_name, attr, repl in MUTATIONS[name][1]:
        mod = importlib.import_module(mod_name)
        if not hasattr(mod, attr):
            raise AttributeError(f"mutation {name}: {mod_name} has no attribute {attr!r}")
        setattr(mod, attr, repl)
        done.append(f"{mod_name}.{attr}")
    return done
