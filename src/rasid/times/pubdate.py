"""Publication date of a page or text when the source gives none.

Order: page metadata (``<meta property="article:published_time">``,
``og:published_time``, ``datePublished`` in JSON-LD, ``<time datetime>``,
``DC.date.issued``, ``pubdate``), then :mod:`htmldate` on the page, then a
dateline near the top (or the end) of the text: "04:57 2023/08/25",
"الجمعة 25 آب/أغسطس 2023". Only a full date (day, month and year) counts,
and only where it reads as a dateline: at the very start, alone on a short
line, with a clock time, or after a cue such as "بتاريخ" or "اليوم الخميس (".
Dates of events in the body ("سقطت الموصل في 10 يونيو 2014") never count.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from functools import lru_cache

from rasid.text.normalize import fold_key
from rasid.times import lexicon as lx
from rasid.times.tagger import find_in_text

__all__ = ["find_published"]

log = logging.getLogger(__name__)

_META_KEYS = (
    "article:published_time", "og:published_time", "article:published", "datepublished",
    "pubdate", "publishdate", "publish-date", "dc.date.issued", "dc.date", "date", "sailthru.date",
    "parsely-pub-date", "article.published",
)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""(\w[\w:.\-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_JSONLD = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)", re.I)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
HEAD_CHARS = 600
TAIL_CHARS = 300


@lru_cache(maxsize=1)
def _weekday_tail() -> re.Pattern[str]:
    """A weekday name ending the text before a date: "اليوم الخميس (" (data/weekdays.tsv)."""
    art = lx.article()
    bare = [w for w in lx.weekdays() if not w.startswith(art)]
    return re.compile(r"\s*\(?\s*(?:" + re.escape(art) + r")?" + lx.alt(bare) + r"\s*\)?\s*$")


def _iso(s: str) -> str | None:
    m = _ISO.search(s or "")
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return d.isoformat() if 1990 <= d.year <= 2100 else None


def _from_html(html: str) -> str | None:
    found: dict[str, str] = {}
    for tag in _META.findall(html):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag)}
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if name in _META_KEYS and "content" in attrs:
            found.setdefault(name, attrs["content"])
    for k in _META_KEYS:
        if k in found and (d := _iso(found[k])):
            return d
    for rx in (_JSONLD, _TIME):
        m = rx.search(html)
        if m and (d := _iso(m.group(1))):
            return d
    try:
        from htmldate import find_date

        d = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception as exc:  # htmldate raises on odd markup; the text may still help
        log.debug("htmldate failed: %s", exc)
        d = None
    return _iso(d) if d else None


def _is_dateline(chunk: str, s: int, e: int, f) -> bool:
    """A date is a dateline when it opens the text, stands on a short line of
    its own, carries a clock time, or follows a cue ("بتاريخ", "اليوم (...)")."""
    if f.attrs.get("clock") or s < 40:
        return True
    line_start = chunk.rfind("\n", 0, s) + 1
    line_end = chunk.find("\n", e)
    line_end = len(chunk) if line_end < 0 else line_end
    if (s - line_start) + (line_end - e) <= 30:
        return True
    before = fold_key(chunk[max(0, s - 30):s]).rstrip(" (-:,")
    before = _weekday_tail().sub("", before).rstrip(" (-:,")
    return any(before.endswith(c) for c in lx.role("dateline"))


def _from_text(text: str) -> str | None:
    for chunk in (text[:HEAD_CHARS], text[-TAIL_CHARS:]):
        view, found = find_in_text(chunk, None)
        for f in found:
            if f.kind == "date" and f.value and f.granularity == "day":
                s, e = view.to_text(f.vs, f.ve)
                if _is_dateline(chunk, s, e, f):
                    return f.value[0].isoformat()
    return None


def find_published(text: str, html: str | None = None) -> str | None:
    """ISO 'YYYY-MM-DD' publication date from page metadata or a dateline, else None."""
    if html:
        d = _from_html(html)
        if d:
            return d
    return _from_text(text or "") if text else None
