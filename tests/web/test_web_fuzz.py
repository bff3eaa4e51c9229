"""A fuzz run of the REST API from its own OpenAPI spec (issue 17): no request gives a 5xx,
and every /api error is JSON.

Hypothesis draws, for every GET operation in /openapi.json, values for its path and query
parameters: values of the declared type and bounds, values just outside them, huge and
negative integers, NUL and other control characters, LIKE wildcards, '/', very long and
non-Latin text. Bounded: RASID_FUZZ_EXAMPLES examples per operation (default 25), run
against a live server on loopback with the cross-document tables present.
"""

from __future__ import annotations

import os
from urllib.parse import quote

import httpx
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import webstore  # noqa: E402

EXAMPLES = int(os.environ.get("RASID_FUZZ_EXAMPLES", "25"))

NASTY_TEXT = st.sampled_from([
    "", "%", "_", "%%", "\\", "\x00", "a\x00b", "'; DROP TABLE events; --", "ASSAULT') OR 1=1 --",
    "داعش", "حلب", "x" * 600, "x" * 60_000, "../../etc/passwd", "%2F", "a/b", "\ufeff", "\u202e",
    "1e309", "NaN", "-0", "2024-13-01", "2024-02-30", "9999-12-31", "0000-01-01", "true", "null",
])
HUGE_INTS = st.sampled_from([-1, 0, 1, 2**31, 2**63, 2**63 - 1, 2**64, -(2**63), 10**30])


def _value(schema: dict):
    """A strategy of string values for one parameter (query strings are text)."""
    kinds = [schema.get("type")] + [s.get("type") for s in schema.get("anyOf", [])]
    opts = [NASTY_TEXT, st.text(max_size=40), HUGE_INTS.map(str)]
    if "integer" in kinds or "number" in kinds:
        lo = schema.get("minimum", -10)
        hi = schema.get("maximum", 10**6)
        opts += [st.integers(min_value=int(lo) - 2, max_value=int(min(hi, 10**6)) + 2).map(str)]
    if "boolean" in kinds:
        opts += [st.sampled_from(["true", "false", "1", "0", "yes", "maybe"])]
    for s in [schema] + schema.get("anyOf", []):
        if s.get("enum"):
            opts.append(st.sampled_from([str(v) for v in s["enum"]]))
    return st.one_of(*opts)


@pytest.fixture(scope="module")
def fuzz_server(crossdoc_db):
    from rasid.web import create_app

    with webstore.LiveServer(create_app(crossdoc_db, tile_url="")) as srv, \
            httpx.Client(base_url=srv.url, timeout=30) as c:
        yield c


def _operations(spec: dict) -> list[tuple[str, list[dict]]]:
    ops = []
    for path, item in sorted(spec["paths"].items()):
        get = item.get("get")
        if get:
            ops.append((path, get.get("parameters", [])))
    return ops


def test_openapi_fuzz_no_5xx(fuzz_server):
    spec = fuzz_server.get("/openapi.json").json()
    ops = _operations(spec)
    assert len(ops) >= 15
    failures: list[str] = []
    counted = {"requests": 0}

    def make(path: str, params: list[dict]):
        query = [p for p in params if p.get("in") == "query"]
        path_params = [p for p in params if p.get("in") == "path"]
        strat = st.fixed_dictionaries(
            {p["name"]: _value(p.get("schema", {})) for p in path_params},
            optional={p["name"]: _value(p.get("schema", {})) for p in query})

        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(values=strat)
        def run(values):
            url = path
            for p in path_params:
                v = values.pop(p["name"]) or "x"
                # a path segment as a client would send it: percent-encoded, '/' kept
                url = url.replace("{" + p["name"] + "}", quote(v, safe="/") or "x")
            try:
                r = fuzz_server.get(url, params=values)
            except httpx.InvalidURL:
                return  # the client itself refuses (a control character in the path)
            counted["requests"] += 1
            if r.status_code >= 500:
                failures.append(f"{r.status_code} GET {url} {values!r:.300}: {r.text[:200]}")
            elif r.status_code >= 400 and url.startswith("/api/"):
                if not r.headers.get("content-type", "").startswith("application/json") or "error" not in r.json():
                    failures.append(f"non-JSON {r.status_code} GET {url} {values!r:.300}")

        return run

    for path, params in ops:
        make(path, params)()
    assert not failures, "\n".join(failures[:20])
    assert counted["requests"] >= len(ops) * min(EXAMPLES, 10)
