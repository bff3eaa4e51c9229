"""Pipeline stage: time expressions resolved against the publication date.

``annotate(doc)`` appends :class:`~rasid.model.document.TimeExpr` items to
``doc.times``. The patterns live in :mod:`rasid.times.tagger`, the words in
``data/``, and every resolution rule is written down in
:mod:`rasid.times.resolve`. Expressions that name no definite interval
("مؤخراً", "في الأيام الأخيرة") are recognised but not emitted
(``EMIT_VAGUE``). :func:`rasid.times.pubdate.find_published` finds a missing
publication date in page metadata or a dateline.
"""

from __future__ import annotations

from datetime import date

from rasid.model.document import Document, TimeExpr
from rasid.times.tagger import Found, find, find_in_text

__all__ = ["annotate", "find_times", "EMIT_VAGUE"]

#: emit vague recent-past expressions too (value resolved by rule 8, attrs vague=True)
EMIT_VAGUE = False


#: publication years the times stage resolves against (others: as if undated)
PUB_YEARS = (1000, 9000)


def _pub(published: str | None) -> date | None:
    if not published:
        return None
    try:
        d = date.fromisoformat(str(published)[:10])
    except ValueError:
        return None
    # relative expressions reach back or forward a few centuries at most; a date
    # near the calendar's ends (year 1, 9999) would overflow: no anchor then
    return d if PUB_YEARS[0] <= d.year <= PUB_YEARS[1] else None


def _expr(text: str, s: int, e: int, f: Found) -> TimeExpr:
    attrs = {"kind": f.kind}
    if f.vague:
        attrs["vague"] = True
    attrs.update({k: v for k, v in f.attrs.items() if v})
    return TimeExpr(
        start=s,
        end=e,
        text=text[s:e],
        value_start=f.value[0].isoformat() if f.value else None,
        value_end=f.value[1].isoformat() if f.value else None,
        granularity=f.granularity,
        attrs=attrs,
    )


def find_times(text: str, published: str | None = None, vague: bool = False) -> list[TimeExpr]:
    """Time expressions of a plain text, resolved against ``published`` (ISO date)."""
    view, found = find_in_text(text, _pub(published))
    out = []
    for f in found:
        if f.vague and not vague:
            continue
        s, e = view.to_text(f.vs, f.ve)
        out.append(_expr(text, s, e, f))
    return out


def annotate(doc: Document) -> None:
    """Add this stage's annotations to ``doc`` in place."""
    view = doc.view
    for f in find(view.text, _pub(doc.published)):
        if f.vague and not EMIT_VAGUE:
            continue
        s, e = view.to_text(f.vs, f.ve)
        doc.times.append(_expr(doc.text, s, e, f))
