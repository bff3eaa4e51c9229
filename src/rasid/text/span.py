"""A stretch of a text by its offsets: the one type the text layer and the document
model share (defined here, below both; :mod:`rasid.model` re-exports it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Span:
    """A stretch of the document text, ``text[start:end]``."""

    start: int
    end: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(int(d["start"]), int(d["end"]), d.get("text", ""))

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end
