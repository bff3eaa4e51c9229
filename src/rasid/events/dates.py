"""The date of an event mention once its modality is known.

:func:`~rasid.events.arguments.fill_time` picks the sentence's time nearest the
trigger (or the previous sentence's); the modality (set later) then tells
whether that date can be the happening's. (A past happening's date after
publication is not dropped: the modality of a plan may be mistaken for an
assertion more often than the date is wrong.)

- a planned or speculated happening is ahead: a date inherited from the previous
  sentence that lies before publication is that sentence's past happening
  ("أرسلت واشنطن في 14 أيلول ... ويرجح محللون أن تعيد نشر ..."), not its date;
- a bare weekday ("يوم الثلاثاء", no الماضي/المقبل) resolves to the latest such day
  on or before publication; for a happening that a verb tells as planned or
  speculated ("من المقرر أن يبحث ... يوم الثلاثاء") it is the next one; for a noun
  only when the weekday is in its clause with no relative pronoun between them ("من
  المقرر أن تبدأ المناورات يوم الخميس"): its modality may come from a clause that
  does not hold the weekday ("يرجح ... تأمين زيارة البابا التي اختتمها يوم الاثنين").
"""

from __future__ import annotations

from datetime import date

from rasid.events.arguments import _RELATIVE  # التي، الذي ...
from rasid.events.detect import Mention
from rasid.model.document import Document
from rasid.text import fold
from rasid.times.resolve import weekday

#: modalities of a happening told as ahead
AHEAD = frozenset({"planned", "speculated"})


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _own_time(doc: Document, m: Mention, t) -> bool:
    """Does the time date the noun's own clause: in its clause, with no relative
    pronoun between them ("من المقرر أن تبدأ المناورات يوم الخميس"; not "يرجح ...
    تأمين زيارة البابا التي اختتمها يوم الاثنين", whose weekday dates the relative verb)?"""
    if not (m.clause.start <= t.start and t.end <= m.clause.end):
        return False
    lo, hi = (m.trigger.end, t.start) if t.start >= m.trigger.end else (t.end, m.trigger.start)
    return not any(fold(w) in _RELATIVE for w in doc.text[lo:hi].split())


def settle(doc: Document, mentions: list[Mention]) -> None:
    """Drop or turn the dates that the mentions' modality rules out (in place)."""
    pub = _day(doc.published)
    if pub is None:
        return
    for m in mentions:
        if not m.time:
            continue
        start, end = _day(m.time.get("value_start")), _day(m.time.get("value_end"))
        if start is None:
            continue
        end = end or start
        if m.modality in AHEAD and m.attrs.get("time_inherited") and end < pub:
            m.time = None
            m.attrs["time_dropped"] = "past"
            m.attrs.pop("time_inherited", None)
        elif m.modality in AHEAD and end < pub:
            t = m.attrs.get("time_expr")
            if t is None or not (m.hit.entry.verb or _own_time(doc, m, t)):
                continue
            if t.attrs.get("kind") == "weekday" and t.attrs.get("bare"):
                ahead = weekday(pub, start.isoweekday(), "next").isoformat()
                m.time = {"value_start": ahead, "value_end": ahead}
                m.attrs["time_ahead"] = True
