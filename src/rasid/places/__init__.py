"""Pipeline stage: places (see issue text in the tracker; work in progress)."""

from __future__ import annotations

from rasid.model.document import Document


def annotate(doc: Document) -> None:
    """Add this stage's annotations to ``doc`` in place."""
    return None
