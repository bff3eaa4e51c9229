"""Fixtures shared by the events tests that run the whole pipeline."""

from __future__ import annotations

import pytest

from ev_helpers import Analyzed

from rasid.model import Document
from rasid.pipeline import Pipeline

PUB = "2015-08-04"  # a Tuesday: the publication date of the pipeline tests' sentences


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


@pytest.fixture(scope="module")
def analyzed(pipe: Pipeline) -> Analyzed:
    """text -> (the analyzed document published on PUB, entity id -> name)."""

    def run(text: str) -> tuple[Document, dict[str, str]]:
        doc = pipe(Document(id="t", text=text, published=PUB))
        return doc, {e.id: e.name for e in doc.entities}

    return run
