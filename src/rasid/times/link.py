"""Which time expression dates a stretch of text (for events and claims).

:func:`time_for` picks, among the resolved ``doc.times`` in the same sentence
as the span, the nearest one (a time inside the span wins, then the closest
by characters, preceding ones first on a tie). It returns None when the
sentence has none: the caller decides whether to fall back to the
publication date (it should say so, e.g. ``attrs["time_source"] = "published"``).
A dateline ("04:57 2023/08/25") never dates an event of another sentence.
"""

from __future__ import annotations

from rasid.model.document import Document, TimeExpr

__all__ = ["time_for"]


def _sentence_of(doc: Document, start: int, end: int) -> tuple[int, int]:
    for s in doc.sentences:
        if s.start <= start < s.end or (s.start < end <= s.end):
            return s.start, s.end
    return start, end


def time_for(doc: Document, start: int, end: int) -> TimeExpr | None:
    """The resolved time expression that best dates ``doc.text[start:end]``, or None."""
    ss, se = _sentence_of(doc, start, end)
    best: tuple[tuple[int, int], TimeExpr] | None = None
    for t in doc.times:
        if t.value_start is None or t.end <= ss or t.start >= se:
            continue
        if t.start < end and start < t.end:
            dist = 0
        elif t.end <= start:
            dist = start - t.end
        else:
            dist = t.start - end
        key = (dist, 0 if t.end <= start else 1)
        if best is None or key < best[0]:
            best = (key, t)
    return best[1] if best else None
