"""Find time expressions in the matching view and resolve them.

Patterns are a small grammar over the folded view text (:mod:`rasid.text`);
the words they use (months, weekdays, units, modifiers, parts) come from
``data/`` through :mod:`rasid.times.lexicon`, and so do the small grammar words
the patterns are built from (``data/grammar.tsv``: the article, proclitics,
"من", "عام", "شهر" ...), filled into the ``{NAME}`` slots of the templates.
Each pattern has a handler that turns its match into a :class:`Found` (view
span, interval, granularity); overlapping finds keep the longest. Resolution rules: :mod:`rasid.times.resolve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from rasid.text.normalize import MatchView
from rasid.text.numbers import non_count_words, number_words, parse_number
from rasid.times import lexicon as lx
from rasid.times import resolve as rv

B = r"(?<![^\W_])"  # word start: the previous character is not a letter or digit
E = r"(?![^\W_])"  # word end
CL = r"{CL}?"  # proclitics kept outside the span
YMIN, YMAX = 1900, 2100


@dataclass
class Found:
    vs: int  # view span
    ve: int
    kind: str
    value: tuple[date, date] | None
    granularity: str | None
    vague: bool = False
    attrs: dict = field(default_factory=dict)


def _mod(s: str | None) -> str:
    if not s:
        return ""
    k = lx.key(s)
    for name in ("past", "next", "current"):
        if k in lx.role(name):
            return name
    return ""


@lru_cache(maxsize=1)
def _alts() -> dict[str, str]:
    months = lx.months()
    nw = [w for w in number_words()]
    return {
        "MONTH": lx.alt(months),
        "WD": lx.alt(f for f in lx.weekdays() if f.startswith(lx.article())),
        "WDANY": lx.alt(lx.weekdays()),
        "ORD": lx.alt(lx.ordinals()),
        "MOD": lx.alt(list(lx.role("past")) + list(lx.role("next")) + list(lx.role("current"))),
        "PAST": lx.alt(lx.role("past")),
        "DAYW": lx.alt(lx.role("day")),
        "DP": lx.alt(lx.role("daypart")),
        "PART": lx.alt(lx.parts()),
        "UNIT": lx.alt(lx.units()),
        "AGO": lx.alt(lx.role("ago")),
        "WITHIN": lx.alt(lx.role("within")),
        "APPROX": lx.alt(lx.role("approx")),
        "THIS": lx.alt(lx.role("this")),
        "VAGUE": lx.alt(lx.role("vague")),
        "NW": lx.alt(nw),
        # grammar words of the patterns (data/grammar.tsv)
        **{name: lx.alt(lx.gram(role)) for name, role in _GRAMMAR.items()},
    }


#: pattern placeholder -> role of data/grammar.tsv (the patterns' small words)
_GRAMMAR = {
    "ART": "article", "CL": "clitic", "WA": "wa", "OF": "of", "CORR": "corresponding",
    "YAWM": "dayword", "YAWMS": "daysword", "SHAHR": "monthword", "SHAHRS": "monthsword",
    "YEARW": "yearword", "YEARN": "yearnoun", "YEARCL": "yearclitic", "YEARDEF": "yeardef",
    "YEARS2": "yearsword", "YEARSFROM": "yearsfrom", "ERA": "era", "RFROM": "rangefrom",
    "RTO": "rangeto", "YPREP": "yearprep", "WDNEXT": "weekdaynext", "CALUNIT": "calunit",
    "AGOFROM": "agofrom", "ELAPSED": "elapsed",
}


def _p(template: str) -> re.Pattern[str]:
    a = _alts()
    for k in sorted(a, key=len, reverse=True):
        template = template.replace("{" + k + "}", a[k])
    return re.compile(template)


# ---------------------------------------------------------------- patterns
YEAR = (r"(?:\s*,?\s*(?:{OF}\s+)?{YEARW}?\s*(?P<y>\d{4})(?:\s*{ERA}" + E + r")?"
        r"|(?P<yrel>\s+(?:{OF}\s+)?(?:(?P<ythis>{THIS})\s+)?{YEARDEF}(?:\s+(?P<ymod>{MOD}))?" + E + r"))")
PAIR = r"(?:\s*[/(\-]\s*|\s+)(?P<m2>{MONTH})(?:\s*\))?"
NUM = r"(?:\d{1,3}|{NW}(?:\s+{WA}{NW}){0,2})"

PATTERNS: list[tuple[str, str]] = [
    # 04:57 2023/08/25, 25-8-2023, 2023/08/25 04:57; Hijri: 21/10/1436, 21 / 10 / 1436هـ
    ("numdate", r"(?<![\d/.\-])(?P<x>(?:(?P<hh>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?\s*)?"
     r"(?:(?P<y1>\d{4})[/.\-](?P<m1>\d{1,2})[/.\-](?P<d1>\d{1,2})"
     r"|(?P<d3>\d{1,2}) ?/ ?(?P<m3>\d{1,2}) ?/ ?(?P<y3>1[34]\d\d)(?:\s*{ERA}" + E + r")?"
     r"|(?P<d2>\d{1,2})[/.\-](?P<m2>\d{1,2})[/.\-](?P<y2>\d{4}))"
     r"(?:\s*(?P<hh2>\d{1,2}):(?P<mi2>\d{2})(?::\d{2})?)?)(?![\d/])"),
    # (الجمعة) 25 آب/أغسطس (2023) (الماضي) ; الخامس من آذار
    ("dmy", B + CL + r"(?P<x>(?:(?P<wd>{WDANY})\s*,?\s*(?:{CORR}\s+)?)?(?:{YAWM}\s+)?(?P<d>{ART}?\d{1,2}|{ORD})\s*(?:{OF}\s+)?(?:{SHAHR}\s+)?"
     r"(?P<m1>{MONTH})(?:" + PAIR + r")?" + YEAR + r"?(?:\s+(?P<mod>{MOD}))?)" + E),
    # في الأول من الشهر الجاري ; 12 من الشهر الماضي
    ("dmrel", B + CL + r"(?P<x>(?P<d>{ART}?\d{1,2}|{ORD})\s+{OF}\s+(?:(?P<this>{THIS})\s+)?{ART}{SHAHR}(?:\s+(?P<mod>{MOD}))?)" + E),
    # بين 13 و15 تموز ; من 13 إلى 15 تموز ; 13-15 تموز
    ("ddm", B + r"(?P<x>(?:{RFROM}\s+)?(?P<d1>\d{1,2})\s*{RTO}\s*(?P<d2>\d{1,2})\s+(?:{OF}\s+)?(?:{SHAHR}\s+)?"
     r"(?P<m1>{MONTH})(?:" + PAIR + r")?" + YEAR + r"?(?:\s+(?P<mod>{MOD}))?)" + E),
    # (مطلع) (شهر) آذار/مارس (2019|الماضي)
    ("my", B + CL + r"(?P<x>(?:(?P<part>{PART})\s+)?(?P<shahr>{SHAHR}\s+)?(?P<m1>{MONTH})(?:" + PAIR + r")?"
     r"(?:" + YEAR + r"|\s+(?P<mod>{MOD}))?)" + E),
    # شهري أيار وحزيران (2019)
    ("mm", B + CL + r"(?P<x>{SHAHRS}\s+(?P<m1>{MONTH})\s+{WA}(?P<m2>{MONTH})" + YEAR + r"?(?:\s+(?P<mod>{MOD}))?)" + E),
    # بين عامي 2014 و2017 ; من 2014 إلى 2017 ; 2014-2017
    ("yrange", B + r"(?P<x>(?:{RFROM}\s+{YEARSFROM}?\s*|{YEARS2}\s+)?(?P<y1>\d{4})\s*{RTO}\s*(?:{YEARN}\s+)?(?P<y2>\d{4}))(?!\d)"),
    # عام 2015 ; في 2019
    ("year", B + CL + r"(?:(?P<pre>{YPREP})\s+)?(?P<x>(?:(?P<part>{PART})\s+)?(?P<yw>{YEARCL}?{YEARN}\s*)?(?P<y>\d{4})(?:\s*(?P<era>{ERA})" + E + r")?)(?!\d)"),
    # صباح أمس ; يوم أمس ; أمس الخميس ; اليوم الجمعة ; الليلة الماضية
    ("relday", B + CL + r"(?P<x>(?:(?P<dp>{DP})\s+)?(?:{YAWM}\s+)?(?P<rel>{DAYW})(?:(?:\s+\(?\s*|\s*\(\s*)(?P<wd>{WD})(?:\s*\))?)?)" + E),
    # (يوم) الأحد (الماضي) ; فجر الجمعة ; يومي السبت والأحد
    ("weekday", B + CL + r"(?P<x>(?:(?P<dp>{DP})\s+)?(?:(?P<yawm>{YAWMS})\s+)?(?P<wd>{WD})(?:\s+{WA}(?P<wd2>{WD})|\s*[-/]?\s*(?P<wd3>{WD}))?(?:\s+(?P<mod>{PAST}|{WDNEXT}))?)" + E),
    # (مطلع) (هذا) العام (الماضي) ; الأسبوع المقبل ; منتصف الشهر
    ("unitrel", B + CL + r"(?P<x>(?:(?P<part>{PART})\s+)?(?:(?P<this>{THIS})\s+)?(?P<u>{ART}{CALUNIT})(?:\s+(?P<mod>{MOD}))?)" + E + r"(?!\s*\d{4})"),
    # قبل (نحو) ثلاثة أيام ; منذ أسبوعين ; قبل أيام
    ("ago", B + CL + r"(?P<x>(?P<ago>{AGO})\s+(?:(?P<apx>{APPROX})\s+)?(?:(?P<n>\d{1,3}|" + NUM + r")\s+)?(?P<u>{ART}?{UNIT}))" + E + r"(?!\s*\d)"),
    # من أسابيع مضت ; منذ أيام
    ("agoafter", B + r"(?P<x>{AGOFROM}\s+(?P<u>{UNIT})\s+{ELAPSED})" + E),
    # خلال الأيام الـ10 الأخيرة ; خلال الأسبوعين الماضيين ; في الأيام الأخيرة ; الـ24 ساعة الماضية
    ("window", B + CL + r"(?P<x>(?:(?P<within>{WITHIN})\s+)?(?:{ART}?(?P<n1>\d{1,3}|" + NUM + r")\s+)?(?P<u>{ART}?{UNIT})(?:\s+{ART}?(?P<n2>\d{1,3}|" + NUM + r"))?\s+(?P<mod>{PAST}))" + E),
    ("vague", B + CL + r"(?P<x>{VAGUE})" + E),
]


@lru_cache(maxsize=1)
def compiled() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, _p(t)) for name, t in PATTERNS]


# ---------------------------------------------------------------- helpers
def _month(s: str | None):
    return lx.months().get(lx.key(s)) if s else None


def _day(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    return lx.ordinals().get(lx.key(s))


def _num(s: str | None) -> int | None:
    if not s:
        return None
    s = lx.key(s)
    art = lx.article()
    if any(number_words().get(w.removeprefix(art), (0, ""))[1] in ("approx", "few", "multpl") for w in s.split()):
        return None  # "عشرات", "بضعة": no definite count
    if s.startswith(art) and not s[len(art):len(art) + 1].isdigit():
        v = parse_number(s[len(art):])
        if v is not None:
            return v
    return parse_number(s.removeprefix(art))


def _day_key(g: str) -> str:
    """Lookup key of a day group: "الـ5" -> "5" (an article before digits), an ordinal as is."""
    art = lx.article()
    return lx.key(g).removeprefix(art) if g[len(art):len(art) + 1].isdigit() else lx.key(g)


def _next_word(vtext: str, pos: int) -> str:
    m = re.match(r"\s*([^\W_]+|\S)?", vtext[pos:pos + 80])
    return (m.group(1) or "") if m else ""


def _prev_word(vtext: str, pos: int) -> str:
    m = re.search(r"([^\W_]+)\s*$", vtext[max(0, pos - 80):pos])
    return m.group(1) if m else ""


@lru_cache(maxsize=1)
def _follow_ok() -> frozenset[str]:
    """Words that may follow a bare year ("في 2019 ..."): not a counted noun."""
    nounit = non_count_words()
    extra = set(lx.role("yearverb"))
    return frozenset(nounit | extra | set(lx.months()))


# ---------------------------------------------------------------- handlers
Handler = Callable[[re.Match[str], str, "date | None"], "Found | None"]


def _f(m: re.Match[str], kind: str, value, gran, vague: bool = False, **attrs) -> Found:
    return Found(m.start("x"), m.end("x"), kind, value, gran, vague, attrs)


def h_numdate(m, vtext, pub):
    if m.group("y3"):
        # a year of the 14th-15th century AH is Hijri (news dates: 1300-1499 AH = 1882-2076)
        dt = rv.hijri_day(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        return _f(m, "date", (dt, dt), "day", hijri=True) if dt else None
    if m.group("y1"):
        y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if mo > 12 and d <= 12:
            mo, d = d, mo
    if not YMIN <= y <= YMAX:
        return None
    dt = rv.safe_date(y, mo, d)
    if dt is None:
        return None
    return _f(m, "date", (dt, dt), "day", clock=bool(m.group("hh") or m.group("hh2")))


def _month_pair(m):
    m1, m2 = _month(m.group("m1")), _month(m.group("m2"))
    if m1 is None:
        return None
    if m2 is not None and (m2.number != m1.number or m2.calendar != m1.calendar):
        return None
    return m1, m2


_NOPUB = -1  # a relative year ("من العام الماضي") without a publication date


def _year(m, pub: date | None) -> int | None:
    """The year written after a month: digits, or "من العام الماضي/الحالي"."""
    y = m.group("y")
    if y:
        return int(y)
    if m.group("yrel"):
        if pub is None:
            return _NOPUB
        return pub.year + {"past": -1, "next": 1}.get(_mod(m.group("ymod")), 0)
    return None


def h_dmy(m, vtext, pub):
    mp = _month_pair(m)
    if mp is None:
        return None
    mo = mp[0]
    d = _day(_day_key(m.group("d")))
    if d is None or not 1 <= d <= 31:
        return None
    y = _year(m, pub)
    mode = _mod(m.group("mod"))
    if y == _NOPUB:
        return _f(m, "date", None, "day")
    if mo.calendar == "hijri":
        if y is None or not 1300 <= y <= 1600:
            return None
        dt = rv.hijri_day(y, mo.number, d)
        return _f(m, "date", (dt, dt), "day", hijri=True) if dt else None
    if y is not None:
        if not YMIN <= y <= YMAX:
            return None
        dt = rv.safe_date(y, mo.number, d)
        return _f(m, "date", (dt, dt), "day") if dt else None
    if rv.safe_date(2000, mo.number, d) is None:
        return None
    if pub is None:
        return _f(m, "date", None, "day")
    dt = rv.day_month(pub, d, mo.number, mode)
    return _f(m, "date", (dt, dt) if dt else None, "day")


def h_dmrel(m, vtext, pub):
    mod = _mod(m.group("mod"))
    if not (mod or m.group("this")):
        return None  # "الـ12 من الشهر نفسه": relative to another date
    g = m.group("d")
    d = _day(_day_key(g))
    if d is None or not 1 <= d <= 31:
        return None
    if pub is None:
        return _f(m, "date", None, "day")
    (s, _), _ = rv.period(pub, "month", {"past": -1, "next": 1}.get(mod, 0))
    dt = rv.safe_date(s.year, s.month, d)
    return _f(m, "date", (dt, dt), "day") if dt else None


def h_ddm(m, vtext, pub):
    mp = _month_pair(m)
    if mp is None or mp[0].calendar != "greg":
        return None
    mo = mp[0].number
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not 1 <= d1 < d2 <= 31:
        return None
    y = _year(m, pub)
    if y == _NOPUB or (y is None and pub is None):
        return _f(m, "range", None, "range")
    if y is None:
        e = rv.day_month(pub, d2, mo, _mod(m.group("mod"))) or rv.day_month(pub, d1, mo, _mod(m.group("mod")))
        if e is None:
            return None
        y = e.year
    s, e = rv.safe_date(y, mo, d1), rv.safe_date(y, mo, d2)
    if s is None or e is None:
        return None
    return _f(m, "range", (s, e), "range")


def h_my(m, vtext, pub):
    mp = _month_pair(m)
    if mp is None:
        return None
    mo, m2 = mp
    y = _year(m, pub)
    mode = _mod(m.group("mod"))
    part = m.group("part")
    if mo.ambiguous and not (m.group("shahr") or y or mode or part or m2):
        prev = _prev_word(vtext, m.start("x"))
        preps = lx.role("monthprep")
        if prev not in preps and not (prev[:1] in lx.gram("monthprepclitic") and prev[1:] in preps):
            return None
    if y == _NOPUB:
        return _f(m, "part" if part else "month", None, "range" if part else "month")
    if mo.calendar == "hijri":
        if y is not None:
            if not 1300 <= y <= 1600:
                return None
            span = rv.hijri_month_span(y, mo.number)
        elif pub is None:
            span = None
        else:
            span = rv.latest_hijri_month(pub, mo.number, mode)
        if span is None and (y is not None or pub is not None):
            return None
    elif y is not None:
        if not YMIN <= y <= YMAX:
            return None
        span = rv.month_span(y, mo.number)
    elif pub is None:
        span = None
    else:
        span = rv.month_latest(pub, mo.number, mode)
    if part:
        a, b = lx.parts()[lx.key(part)]
        return _f(m, "part", rv.part(span, "month", a, b) if span else None, "range")
    return _f(m, "month", span, "month")


def h_mm(m, vtext, pub):
    a, b = _month(m.group("m1")), _month(m.group("m2"))
    if a is None or b is None or a.calendar != "greg" or b.calendar != "greg" or a.number == b.number:
        return None
    y = _year(m, pub)
    if y == _NOPUB or (y is None and pub is None):
        return _f(m, "range", None, "range")
    if y is None:
        e = rv.month_latest(pub, b.number, _mod(m.group("mod")))
    else:
        e = rv.month_span(y, b.number)
    sy = e[0].year if a.number < b.number else e[0].year - 1
    return _f(m, "range", (rv.month_span(sy, a.number)[0], e[1]), "range")


def h_yrange(m, vtext, pub):
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not (YMIN <= y1 < y2 <= YMAX):
        return None
    if not m.group("x").startswith((*lx.gram("rangefrom"), *lx.gram("yearsword"))) and "-" not in m.group("x"):
        return None
    return _f(m, "range", (rv.year_span(y1)[0], rv.year_span(y2)[1]), "range")


def h_year(m, vtext, pub):
    y = int(m.group("y"))
    if lx.gram("era").get(m.group("era") or "") == "hijri" and 1300 <= y <= 1600 and not m.group("part"):
        s, e = rv.hijri_month_span(y, 1), rv.hijri_month_span(y, 12)
        return _f(m, "year", (s[0], e[1]), "year", hijri=True) if s and e else None
    hi = (pub.year + 10) if pub else YMAX
    if not YMIN <= y <= hi:
        return None
    if not m.group("yw"):
        if not (m.group("pre") or m.group("part")):
            return None
        # "في 2015 غارة" is a count, not a year
        nxt = _next_word(vtext, m.end("x"))
        if nxt and nxt[0].isalpha() and nxt not in _follow_ok() and not nxt.startswith(tuple(lx.gram("wa"))):
            return None
    if m.group("part"):
        a, b = lx.parts()[lx.key(m.group("part"))]
        return _f(m, "part", rv.part(rv.year_span(y), "year", a, b), "range")
    return _f(m, "year", rv.year_span(y), "year")


def h_relday(m, vtext, pub):
    rel = lx.key(m.group("rel"))
    off = int(lx.role("day")[rel])
    if rel in lx.gram("today") and not m.group("wd") and not m.group("dp"):
        prev = _prev_word(vtext, m.start("x"))
        nxt = _next_word(vtext, m.end("x"))
        if prev in lx.role("notodaybefore") or nxt in lx.role("notodayafter") or (
            nxt.startswith(lx.article()) and nxt not in lx.weekdays()
        ):
            return None
        before = vtext[max(0, m.start("x") - 2):m.start("x")]
        if '"' in before and vtext[m.end("x"):m.end("x") + 1] == '"':
            return None  # a title or an outlet ("اليوم")
    if rel in lx.gram("bareday") and not m.group("wd") and not m.group("dp"):
        nxt = _next_word(vtext, m.end("x"))
        if nxt.startswith(lx.article()) and nxt not in lx.weekdays() and not (
            # "نقلت الشرعية اليمنية أمس التحرير الكامل": yesterday before the verb's object,
            # unless "في أمس"/"بأمس" make it "most in need"
            rel in lx.gram("freeday") and m.start("x") == m.start()
            and _prev_word(vtext, m.start()) not in lx.gram("idiombefore")
        ):
            return None  # "غدا الوضع" (became), "في أمس الحاجة" (most in need), "الليلة الأولى"
    if pub is None:
        return _f(m, "relday", None, "day")
    d = rv.shift(pub, "day", off)
    if m.group("wd") and off <= 0:
        # "أمس الخميس": the named weekday on or before the relative day
        d = rv.weekday(d, lx.weekdays()[lx.key(m.group("wd"))])
    return _f(m, "relday", (d, d), "day")


def h_weekday(m, vtext, pub):
    wd = lx.weekdays()[lx.key(m.group("wd"))]
    mod = _mod(m.group("mod")) if m.group("mod") else ""
    if not mod and m.group("mod"):
        mod = "next"
    nxt = _next_word(vtext, m.end("x"))
    if not m.group("yawm") and not m.group("dp") and nxt in lx.gram("notweekdayafter"):
        return None
    if pub is None:
        return _f(m, "weekday", None, "range" if m.group("wd2") or m.group("wd3") else "day")
    d = rv.weekday(pub, wd, mod if mod != "current" else "")
    if m.group("wd2") or m.group("wd3"):
        wd2 = lx.weekdays()[lx.key(m.group("wd2") or m.group("wd3"))]
        e = rv.weekday(pub, wd2, mod if mod != "current" else "")
        s = e - timedelta(days=(wd2 - wd) % 7)
        return _f(m, "weekday", (s, e), "range", bare=not mod)
    # bare: no "الماضي/المقبل" fixes its direction (events: a planned one looks ahead)
    return _f(m, "weekday", (d, d), "day", bare=not mod)


def h_unitrel(m, vtext, pub):
    unit = lx.gram("calunit")[m.group("u")[len(lx.article()):]]
    mod = _mod(m.group("mod"))
    part, this = m.group("part"), m.group("this")
    if not (part or this or mod):
        return None
    if unit == "day" and not this:
        return None  # اليوم التالي etc.: relday handles اليوم
    k = {"past": -1, "next": 1}.get(mod, 0)
    if pub is None:
        return _f(m, "unitrel", None, "range" if part else unit)
    span, gran = rv.period(pub, unit, k)
    if part and unit in ("month", "year", "week"):
        a, b = lx.parts()[lx.key(part)]
        if unit == "week" and not this and not mod and rv.part(span, unit, a, b)[0] > pub:
            span = rv.period(pub, unit, -1)[0]  # rule 9: "نهاية الأسبوع" is the latest one not after pub
        return _f(m, "part", rv.part(span, unit, a, b), "range")
    return _f(m, "unitrel", span, gran)


@lru_cache(maxsize=1)
def _other_anchor() -> re.Pattern[str]:
    """"قبل يومين من الانتخابات", "قبل يوم واحد على ...": counted from another event (not "من الآن")."""
    return re.compile(r"\s*(?:" + lx.alt(lx.gram("anchorone")) + r"\s+)?" + lx.alt(lx.gram("anchorprep"))
                      + r"\s+(?!(?:" + lx.alt(lx.gram("now")) + "|" + lx.alt(lx.gram("byhand")) + r")(?![^\W_]))")


def h_ago(m, vtext, pub):
    if _other_anchor().match(vtext, m.end("x")):
        return None  # "قبل يومين من الانتخابات": relative to another event
    u = lx.key(m.group("u"))
    if u not in lx.units():
        if m.group("n"):
            return None
        u = u[2:]
    unit, count = lx.units()[u]
    n = _num(m.group("n")) if m.group("n") else None
    if m.group("n") and n is None:
        return None
    if n is None:
        n = count or None
    if count == 2 and m.group("n"):
        return None
    vague = n is None
    if vague:
        n = rv.VAGUE_COUNT[unit]
    if n is None or n <= 0 or n > 400:
        return None
    approx = bool(m.group("apx"))
    if pub is None:
        return _f(m, "ago", None, "range" if vague else ("day" if unit in ("day", "hour") else unit), vague, approx=approx)
    if vague:
        return _f(m, "ago", rv.window(pub, unit, n), "range", True)
    span, gran = rv.ago(pub, unit, n)
    return _f(m, "ago", span, gran, approx=approx)


def h_agoafter(m, vtext, pub):
    unit, count = lx.units()[lx.key(m.group("u"))]
    n = count or rv.VAGUE_COUNT[unit]
    if pub is None:
        return _f(m, "ago", None, "range", count == 0)
    if count == 0:
        return _f(m, "ago", rv.window(pub, unit, n), "range", True)
    span, gran = rv.ago(pub, unit, n)
    return _f(m, "ago", span, gran)


def h_window(m, vtext, pub):
    u = lx.key(m.group("u"))
    unit, count = lx.units().get(u) or lx.units().get(u[2:]) or (None, None)
    if unit is None:
        return None
    n1, n2 = m.group("n1"), m.group("n2")
    n = _num(n1 or n2) if (n1 or n2) else None
    if (n1 or n2) and n is None:
        return None
    if n is None:
        if count == 1:
            return None  # "العام الماضي" is a calendar unit (unitrel)
        n = count or None
    if count == 1 and n is not None and 2 < n <= 10:
        return None  # 3-10 take a plural noun: "العشرات الشهر الماضي" is no window
    vague = n is None
    if vague:
        n = rv.VAGUE_COUNT[unit]
    if not m.group("within") and vague:
        return None
    if pub is None:
        return _f(m, "window", None, "range", vague)
    return _f(m, "window", rv.window(pub, unit, n), "range", vague)


def h_vague(m, vtext, pub):
    return _f(m, "vague", None, None, True)


HANDLERS: dict[str, Handler] = {
    "numdate": h_numdate, "dmy": h_dmy, "mm": h_mm, "dmrel": h_dmrel, "ddm": h_ddm, "my": h_my, "yrange": h_yrange,
    "year": h_year, "relday": h_relday, "weekday": h_weekday, "unitrel": h_unitrel,
    "ago": h_ago, "agoafter": h_agoafter, "window": h_window, "vague": h_vague,
}


# ---------------------------------------------------------------- driver
@lru_cache(maxsize=1)
def _range_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"من/بين" before the first date, "إلى/حتى/و/-" between the two (data/words.tsv)."""
    return (re.compile(r"(?:^|\s)" + lx.alt(lx.role("from")) + r"\s*$"),
            re.compile(r"^\s*" + lx.alt(lx.role("to")) + r"\s*$"))


def _merge_ranges(found: list[Found], vtext: str) -> list[Found]:
    """"من 3 آذار إلى 5 نيسان" / "بين آذار وأيار 2019": two dates -> one range."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            range_from, range_to = _range_words()
            fm = range_from.search(vtext[max(0, a.vs - 8):a.vs])
            if (fm and range_to.match(vtext[a.ve:b.vs]) and a.kind in ("date", "month", "year")
                    and b.kind in ("date", "month", "year") and a.value and b.value and a.value[0] < b.value[1]):
                vs = a.vs - (len(vtext[max(0, a.vs - 8):a.vs]) - fm.start() - (1 if fm.group(0)[0].isspace() else 0))
                out.append(Found(vs, b.ve, "range", (a.value[0], b.value[1]), "range"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


#: a part every match of a pattern contains (a mandatory slot or digits of its
#: template): where the text has none, the pattern is not run (a speed-up only).
#: A pattern edited must keep its part here mandatory (tests/times/test_times_prefilter.py).
_NEEDS = {
    "numdate": r"\d ?[/.\-] ?\d", "yrange": r"\d{4}", "year": r"\d{4}", "window": "{PAST}",
    "dmrel": "{SHAHR}", "mm": "{SHAHRS}", "weekday": "{WD}", "vague": "{VAGUE}",
}


@lru_cache(maxsize=1)
def _needs() -> dict[str, re.Pattern[str]]:
    return {name: _p(t) for name, t in _NEEDS.items()}


#: where a match of a pattern can start (a superset), for a pattern whose own first
#: step is a lookbehind (which ``re`` tries at every character): its first character
#: and the lookbehind, the character first so that ``re`` skips to it (a speed-up only;
#: tests/times/test_times_prefilter.py)
_STARTS = {"numdate": re.compile(r"\d(?<![\d/.\-]\d)")}


def _finditer_at(pat: re.Pattern[str], starts: re.Pattern[str], text: str):
    """``pat.finditer(text)`` for a pattern that matches no empty string and whose
    matches start only where ``starts`` matches: the first match at or after each
    point, tried only at those places (``match`` at a position is what a search
    tries there; a lookbehind still sees the text before it)."""
    pos = 0
    for c in starts.finditer(text):
        p = c.start()
        if p < pos:
            continue
        m = pat.match(text, p)
        if m is not None:
            yield m
            pos = max(m.end(), p + 1)


def _named(vtext: str, pos: int) -> bool:
    """Is the expression at ``pos`` part of a name ("حي واحد حزيران", "ساحة 14 تموز")?"""
    names = lx.gram("namebefore")
    for _ in range(2):  # the name word, or the name word before the day of "حي واحد | حزيران"
        raw = _prev_word(vtext, pos)
        prev = lx.key(raw)
        if prev in names or any(prev.startswith(c) and prev[len(c):] in names for c in lx.gram("clitic")):
            return True
        if not raw or (_day(raw) is None and _num(raw) is None):
            return False
        pos = vtext.rfind(raw, 0, pos)
    return False


def find(vtext: str, pub: date | None) -> list[Found]:
    """All time expressions in a view text, non-overlapping, in text order."""
    cands: list[Found] = []
    needs = _needs()
    present: dict[str, bool] = {}
    for name, pat in compiled():
        need = needs.get(name)
        if need is not None:
            key = _NEEDS[name]
            if key not in present:
                present[key] = need.search(vtext) is not None
            if not present[key]:
                continue
        h = HANDLERS[name]
        for m in (pat.finditer(vtext) if name not in _STARTS else _finditer_at(pat, _STARTS[name], vtext)):
            try:
                f = h(m, vtext, pub)
            except (ValueError, OverflowError):  # a count no calendar holds: "3 مليار العام الماضي"
                continue
            if f is not None and f.ve > f.vs and not _named(vtext, f.vs):
                cands.append(f)
    cands.sort(key=lambda f: (-(f.ve - f.vs), f.vs))
    taken: list[Found] = []
    used = bytearray(len(vtext) + 1)
    for f in cands:
        if not any(used[f.vs:f.ve]):
            taken.append(f)
            used[f.vs:f.ve] = b"\x01" * (f.ve - f.vs)
    taken.sort(key=lambda f: f.vs)
    return _merge_ranges(taken, vtext)


def find_in_text(text: str, pub: date | None) -> tuple[MatchView, list[Found]]:
    view = MatchView(text)
    return view, find(view.text, pub)
