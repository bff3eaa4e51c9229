"""The document model (see :mod:`rasid.model.document`)."""

from rasid.model.document import (
    Claim,
    ClaimSource,
    Document,
    Entity,
    Event,
    Mention,
    PlaceInfo,
    Span,
    TimeExpr,
    nfkc,
)

__all__ = [
    "Claim",
    "ClaimSource",
    "Document",
    "Entity",
    "Event",
    "Mention",
    "PlaceInfo",
    "Span",
    "TimeExpr",
    "nfkc",
]
