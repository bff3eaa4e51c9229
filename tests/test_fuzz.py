"""Fuzz the ingest boundary and the whole pipeline (issue 20), bounded for CI.

Hypothesis drives the generator of ``tests/fuzzcases.py`` (``st.randoms()``,
so a failure shrinks and replays); ``scripts/fuzz.py`` runs the same cases by
the hundred thousand outside CI. No input may raise anything but an
``InputError``, fail a stage, or leave a span that is not ``doc.text[start:end]``.
"""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzcases
from rasid.pipeline import Pipeline

_PIPELINE: Pipeline | None = None


def _pipeline() -> Pipeline:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline.default()
    return _PIPELINE


@pytest.fixture(autouse=True)
def _quiet():
    logging.getLogger("rasid").setLevel(logging.CRITICAL)
    yield
    logging.getLogger("rasid").setLevel(logging.NOTSET)


_BOUNDED = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,  # the same cases on every CI run
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@_BOUNDED
@given(st.randoms(use_true_random=False))
def test_fuzz_boundary_and_pipeline(rng) -> None:
    case = fuzzcases.gen_case(rng, surrogates=rng.random() < 0.2)
    res = fuzzcases.run_case(case, _pipeline())
    assert res.escaped == [], case.describe()
    assert res.span_violations == [], case.describe()
    assert res.failed_stages == [], case.describe()
    assert res.other == [], case.describe()


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.randoms(use_true_random=False))
def test_fuzz_records_at_the_boundary(rng) -> None:
    """The boundary alone (no pipeline), so many more records per second."""
    from rasid.errors import InputError
    from rasid.ingest import make_document

    rec = fuzzcases.gen_record(rng)
    try:
        doc = make_document(rec.get("text"), **{k: v for k, v in rec.items() if k != "text"})
    except InputError:
        return
    assert "\ud800" not in doc.text
    for value in (doc.id, doc.title, doc.url, doc.outlet, doc.published):
        assert value is None or isinstance(value, str)
    doc.to_json().encode("utf-8")
