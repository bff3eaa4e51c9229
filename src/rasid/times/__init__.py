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
from functools import lru_cache

from rasid import lang
from rasid.model.document import Document, TimeExpr
from rasid.text.normalize import fold_key
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


@lru_cache(maxsize=1)
def _ambiguous_spellings() -> dict[str, frozenset[str]]:
    """Folded ambiguous month -> its spellings in ``data/months.tsv`` (آب)."""
    out: dict[str, set[str]] = {}
    for r in lang.rows("times/data/months.tsv", 4, min_cols=3, fold_cols=(), unique_key=False):
        if r[3] == "ambiguous":
            out.setdefault(fold_key(r[0]), set()).add(r[0])
    return {k: frozenset(v) for k, v in out.items()}


def _misspelt_month(text: str, f: Found) -> bool:
    """A lone ambiguous month name (no day, no year) whose first letter is a hamza
    seat (a letter folding changes) that none of the month's spellings has is another
    word: "في إب" is the Yemeni city Ibb, "أب" a father; the month is آب. (The folded
    view, where the tagger matches, has lost the seat; a bare alef is left as it is.)"""
    word = text.strip()
    if f.kind != "month" or " " in word or not word:
        return False
    forms = _ambiguous_spellings().get(fold_key(word))
    if forms is None or word in forms:
        return False
    c = word[0]
    return fold_key(c) != c and c not in {x[0] for x in forms}


def find_times(text: str, published: str | None = None, vague: bool = False) -> list[TimeExpr]:
    """Time expressions of a plain text, resolved against ``published`` (ISO date)."""
    view, found = find_in_text(text, _pub(published))
    out = []
    for f in found:
        if f.vague and not vague:
            continue
        s, e = view.to_text(f.vs, f.ve)
        if _misspelt_month(text[s:e], f):
            continue
        out.append(_expr(text, s, e, f))
    return out


def annotate(doc: Document) -> None:
    """Add this stage's annotations to ``doc`` in place."""
    view = doc.view
    for f in find(view.text, _pub(doc.published)):
        if f.vague and not EMIT_VAGUE:
            continue
        s, e = view.to_text(f.vs, f.ve)
        if _misspelt_month(doc.text[s:e], f):
            continue
        doc.times.append(_expr(doc.text, s, e, f))
