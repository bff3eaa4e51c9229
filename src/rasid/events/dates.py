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
  speculated ("من المقرر أن يبحث ... يوم الثلاثاء") it is the next one (a noun's
  modality may come from a clause that does not hold it: "يرجح ... تأمين زيارة
  البابا التي اختتمها يوم الاثنين").
"""

from __future__ import annotations

from datetime import date

from rasid.events.detect import Mention
from rasid.model.document import Document
from rasid.times.resolve import weekday

#: modalities of a happening told as ahead
AHEAD = frozenset({"planned", "speculated"})


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


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
        elif m.modality in AHEAD and end < pub and m.hit.entry.verb:
            t = m.attrs.get("time_expr")
            if t is not None and t.attrs.get("kind") == "weekday" and t.attrs.get("bare"):
                ahead = weekday(pub, start.isoweekday(), "next").isoformat()
                m.time = {"value_start": ahead, "value_end": ahead}
                m.attrs["time_ahead"] = True
