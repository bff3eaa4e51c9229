"""Rasid (راصد): sourced, dated, geolocated records of conflict events from Arabic news."""

from rasid.errors import RasidError
from rasid.model.document import Claim, ClaimSource, Document, Entity, Event, PlaceInfo, Span, TimeExpr
from rasid.pipeline import Pipeline, analyze

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimSource",
    "Document",
    "Entity",
    "Event",
    "Pipeline",
    "PlaceInfo",
    "RasidError",
    "Span",
    "TimeExpr",
    "__version__",
    "analyze",
]
