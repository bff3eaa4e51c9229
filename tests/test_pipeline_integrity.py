"""The whole pipeline on real text: no stage fails, every span is exact."""

from __future__ import annotations

import json

import pytest

from rasid.ingest import iter_documents
from rasid.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.default()


def _check(doc) -> None:
    assert doc.check_spans() == []
    failures = [w for w in doc.warnings if any(w.startswith(n + ":") for n in ("places", "actors", "times", "claims", "events"))]
    assert failures == [], failures
    ids = [e.id for e in doc.entities]
    assert len(ids) == len(set(ids))
    for ev in doc.events:
        for ref in (ev.actor, ev.recipient, ev.place):
            assert ref is None or ref in ids
        assert ev.claim is None or ev.claim in {c.id for c in doc.claims}
    json.loads(doc.to_json())


@pytest.mark.shared
def test_dev_articles(pipeline, dev_articles):
    docs = [d for d in iter_documents([dev_articles])]
    assert len(docs) == 3
    for d in docs:
        _check(pipeline(d))


@pytest.mark.shared
@pytest.mark.slow
def test_whole_corpus(pipeline, shared_dir):
    """All 392 real articles: no stage fails on any of them (about a minute)."""
    path = shared_dir / "data/corpus/saudinewsnet_conflict_dev.jsonl"
    docs = list(iter_documents([path]))
    assert len(docs) == 392
    for d in docs:
        _check(pipeline(d))
