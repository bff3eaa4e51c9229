"""Resolution of time expressions to date intervals, relative to publication.

The rules, in one place (``pub`` is the document's publication date):

1. Absolute dates resolve to themselves: a day (``day``), a month with a year
   (``month``: first..last day), a year (``year``: 1 Jan..31 Dec), Hijri dates
   converted with ``hijridate`` (a Hijri month or year is its Gregorian span).
   "من العام الماضي/الحالي" after a month supplies pub.year-1 / pub.year.
   A Hijri month named alone ("شهر رمضان") is its latest start on or before pub.
2. A day and month without a year: its latest occurrence on or before ``pub``;
   "المقبل/القادم" takes the next occurrence after ``pub``; "الماضي" takes the
   latest one strictly before ``pub``'s month.
3. A month without a year: its latest occurrence not after ``pub``'s month;
   "الماضي" forces the previous one (strictly before ``pub``'s month),
   "المقبل" the next one (strictly after).
4. A weekday: the latest such day on or before ``pub``; with "الماضي" strictly
   before ``pub``; with "المقبل/القادم" the next one strictly after ``pub``.
   "أمس الخميس" / "اليوم (الجمعة)": that weekday on or before the relative day
   (the same day when the publication date is right; robust when it is a crawl
   date). Two weekdays ("يومي السبت والأحد", "ليل السبت-الأحد"): a range whose
   last day follows this rule.
5. Relative days: اليوم/الليلة = pub, أمس = pub-1, أول أمس = pub-2, غداً = pub+1.
   A part of the day (صباح، مساء، فجر ...) keeps the day. "12 من الشهر الجاري/
   الماضي" is that day of the current/previous month.
6. Calendar units: "هذا العام / العام الحالي" = the whole current year,
   "العام الماضي" the previous one, "العام المقبل" the next; the same for
   الشهر (calendar month) and الأسبوع (a Sunday..Saturday week) (``week``,
   ``month``, ``year``).
7. "قبل/منذ N UNIT" (N ago): days -> the day pub-N (``day``); weeks -> the day
   pub-7N (``week``); months -> the calendar month containing pub-N months
   (``month``); years -> the calendar year pub.year-N (``year``); hours -> the
   day they fall on. Not when anchored to another event ("قبل يومين من
   الانتخابات"): no time is emitted then.
8. Windows that end at publication: "خلال الأسبوعين الماضيين", "خلال الأيام الـ10
   الأخيرة", "خلال الشهرين الماضيين" = [pub - N units, pub] (``range``). Vague
   plurals without a count ("في الأيام الأخيرة" = 7 days, weeks = 3, months = 3,
   years = 3, hours = 1 day) resolve the same way but are marked vague and are
   not emitted by the annotator (they name no definite interval).
9. Parts: مطلع/أوائل = first third, منتصف = middle third, أواخر/نهاية = last
   third; "الثلث الأول من" the same; "النصف الأول/الثاني من" halves. A month's
   thirds are days 1-10, 11-20, 21-end; a year's are Jan-Apr, May-Aug,
   Sep-Dec; a week's are split by days (``range``). A part of the week with no
   "هذا/الماضي/المقبل" is its latest occurrence not after ``pub`` ("نهاية الأسبوع"
   in a Tuesday's paper is the weekend just gone), like a bare weekday (rule 4).
10. Ranges "بين 13 و15 تموز", "من X إلى Y", "بين عامي 2014 و2017", "شهري
   أيار وحزيران": first day of the first to last day of the second
   (``range``); the second is resolved by rules 2-3, the first just before it.
11. Without a publication date, anything relative (rules 2-9, and a day or
   month without a year) keeps its surface with no value: never a guess.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from fractions import Fraction

from hijridate import Hijri

Interval = tuple[date, date]

WEEK_START = 7  # ISO weekday of the first day of the week: Sunday (the Syrian/Iraqi work week)


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months, the day clipped to the month's end."""
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def month_span(y: int, m: int) -> Interval:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def year_span(y: int) -> Interval:
    return date(y, 1, 1), date(y, 12, 31)


def week_span(d: date) -> Interval:
    back = (d.isoweekday() - WEEK_START) % 7
    s = d - timedelta(days=back)
    return s, s + timedelta(days=6)


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def hijri_day(y: int, m: int, d: int) -> date | None:
    """A Hijri date converted to Gregorian (None when out of range)."""
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def hijri_month_span(y: int, m: int) -> Interval | None:
    try:
        h = Hijri(y, m, 1)
        n = h.month_length()
    except (ValueError, OverflowError):
        return None
    s = hijri_day(y, m, 1)
    e = hijri_day(y, m, n)
    return (s, e) if s and e else None


def hijri_year_of(d: date) -> int:
    from hijridate import Gregorian

    return Gregorian(d.year, d.month, d.day).to_hijri().year


def latest_hijri_month(pub: date, m: int, mode: str = "") -> Interval | None:
    hy = hijri_year_of(pub)
    for y in (hy + 1, hy, hy - 1, hy - 2):
        span = hijri_month_span(y, m)
        if span is None:
            continue
        if mode == "next":
            continue
        if span[0] <= pub and (mode != "past" or span[1] < pub):
            return span
    return None


def day_month(pub: date, d: int, m: int, mode: str = "") -> date | None:
    """Rule 2: a day and month without a year."""
    if mode == "next":
        for y in (pub.year, pub.year + 1):
            c = safe_date(y, m, d)
            if c and c > pub:
                return c
        return safe_date(pub.year + 1, m, d)
    for y in (pub.year, pub.year - 1, pub.year - 2, pub.year - 3, pub.year - 4):
        c = safe_date(y, m, d)
        if c is None:
            continue
        if mode == "past" and (c.year, c.month) >= (pub.year, pub.month):
            continue
        if c <= pub:
            return c
    return None


def month_latest(pub: date, m: int, mode: str = "") -> Interval:
    """Rule 3: a month without a year."""
    if mode == "next":
        y = pub.year if m > pub.month else pub.year + 1
    elif mode == "past":
        y = pub.year if m < pub.month else pub.year - 1
    else:
        y = pub.year if m <= pub.month else pub.year - 1
    return month_span(y, m)


def weekday(pub: date, wd: int, mode: str = "") -> date:
    """Rule 4: ISO weekday ``wd`` relative to ``pub``."""
    back = (pub.isoweekday() - wd) % 7
    if mode == "next":
        ahead = (wd - pub.isoweekday()) % 7 or 7
        return pub + timedelta(days=ahead)
    if mode == "past" and back == 0:
        back = 7
    return pub - timedelta(days=back)


def shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(days=7 * n)
    if unit == "month":
        return add_months(d, n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "hour":
        return d + timedelta(days=-((-n) // 24) if n < 0 else n // 24)
    raise ValueError(unit)


def period(pub: date, unit: str, k: int) -> tuple[Interval, str]:
    """Rule 6: the calendar unit ``k`` units from pub's (k = -1 previous)."""
    if unit == "day":
        d = pub + timedelta(days=k)
        return (d, d), "day"
    if unit == "week":
        return week_span(pub + timedelta(days=7 * k)), "week"
    if unit == "month":
        d = add_months(pub, k)
        return month_span(d.year, d.month), "month"
    if unit == "year":
        return year_span(pub.year + k), "year"
    raise ValueError(unit)


def ago(pub: date, unit: str, n: int) -> tuple[Interval, str]:
    """Rule 7: N units ago."""
    if unit == "hour":
        d = pub - timedelta(days=n // 24)
        return (d, d), "day"
    if unit == "day":
        d = pub - timedelta(days=n)
        return (d, d), "day"
    if unit == "week":
        d = pub - timedelta(days=7 * n)
        return (d, d), "week"
    return period(pub, unit, -n)


VAGUE_COUNT = {"day": 7, "week": 3, "month": 3, "year": 3, "hour": 24}


def window(pub: date, unit: str, n: int) -> Interval:
    """Rule 8: the last N units up to publication."""
    if unit == "hour":
        return pub - timedelta(days=max(1, -(-n // 24))), pub
    return shift(pub, unit, -n), pub


def part(span: Interval, unit: str, a: Fraction, b: Fraction) -> Interval:
    """Rule 9: the part [a, b) of a month, a year or a week."""
    s, e = span
    if unit == "month":
        last = e.day
        sd = 1 + round(a * 30)
        ed = last if b >= 1 else round(b * 30)
        return date(s.year, s.month, min(sd, last)), date(s.year, s.month, min(ed, last))
    if unit == "year":
        sm = 1 + round(a * 12)
        em = 12 if b >= 1 else round(b * 12)
        return date(s.year, sm, 1), month_span(s.year, em)[1]
    length = (e - s).days + 1
    return s + timedelta(days=round(a * length)), s + timedelta(days=max(0, round(b * length) - 1))
