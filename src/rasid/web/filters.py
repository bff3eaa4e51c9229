"""The event filter of the API: one list of query parameters, one FastAPI dependency.

Every endpoint that filters events (``/api/events``, ``/points``, ``/counts``,
``/histogram``, ``/api/merged-events``, ``/api/export/{fmt}``) declares
``f: EventFilter = Depends(event_filter(...))`` instead of repeating the
parameters: :data:`FILTER_PARAMS` says each parameter once (name, type, OpenAPI
description), :func:`event_filter` builds the dependency for the subset an
endpoint takes, and the dependency hands back a
:class:`rasid.store.queries.EventFilter`. The endpoint calls
``f.validated()`` first (a bad value is a ``BadParameter``, answered with 400),
the same check ``rasid export`` makes: not the dependency, which FastAPI runs
before it checks the endpoint's own parameters (``limit``, ``fmt``).
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Optional

from fastapi import Query

from rasid.store.queries import MAX_INT, EventFilter

#: name -> (type, FastAPI Query) of every event filter parameter, in the order the API lists them.
FILTER_PARAMS: dict[str, tuple[Any, Any]] = {
    "type": (Optional[str], Query(None, description="PLOVER types, comma-separated (ASSAULT,PROTEST)")),
    "actor": (Optional[str], Query(None, description="Substring of the actor or target name")),
    "place": (Optional[str], Query(None, description="Substring of the place name (English or Arabic)")),
    "bbox": (Optional[str], Query(None, description="min_lon,min_lat,max_lon,max_lat")),
    "date_from": (Optional[str], Query(None, description="YYYY[-MM[-DD]]: events ending on or after")),
    "date_to": (Optional[str], Query(None, description="YYYY[-MM[-DD]]: events starting on or before")),
    "modality": (Optional[str], Query(
        None, description="asserted, planned, speculated, denied, hypothetical, negated")),
    "stance": (Optional[str], Query(None, description="Stance of the source claim: assert, deny, speculate")),
    "outlet": (Optional[str], Query(None, description="Outlet name (exact)")),
    "country": (Optional[str], Query(None, description="ISO 3166 alpha-2 codes, comma-separated")),
    "q": (Optional[str], Query(None, description="Substring of the evidence or trigger text")),
    "min_fatalities": (Optional[int], Query(None, ge=0, le=MAX_INT, description="At least this many killed")),
    "precise": (Optional[bool], Query(
        None, description="Only events located to a town or better (not an area or country centre)")),
    "undated": (Optional[bool], Query(None, description="With a date filter, also keep events that have no date")),
    "doc_id": (Optional[str], Query(None)),
}
#: The parameters every filtering endpoint takes (``undated`` and ``doc_id`` are asked for).
COMMON = tuple(n for n in FILTER_PARAMS if n not in ("undated", "doc_id"))


def event_filter(*, undated: bool = True, doc_id: bool = False) -> Callable[..., EventFilter]:
    """A FastAPI dependency taking the :data:`COMMON` filter parameters (and ``undated``,
    ``doc_id`` when asked) and giving the :class:`EventFilter` (not yet checked: call
    ``.validated()``)."""
    names = COMMON + (("undated",) if undated else ()) + (("doc_id",) if doc_id else ())

    def dependency(**values: Any) -> EventFilter:
        return EventFilter(**values)

    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=FILTER_PARAMS[n][1],
                           annotation=FILTER_PARAMS[n][0]) for n in names],
        return_annotation=EventFilter,
    )
    dependency.__name__ = "event_filter" + ("_undated" if undated else "") + ("_doc" if doc_id else "")
    return dependency


__all__ = ["COMMON", "FILTER_PARAMS", "event_filter"]
