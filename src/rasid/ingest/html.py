"""HTML pages and RSS/Atom feeds -> article fields.

Main text, title, date and site name come from trafilatura (boilerplate such
as menus, footers and "read more" lists removed); the date falls back to
htmldate. Feeds are parsed with feedparser.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_FEED_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
FEED_SUFFIXES = (".rss", ".atom", ".xml")


@dataclass
class Page:
    """What an HTML page or a feed entry gives an article."""

    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    html: str | None = None
    warnings: list[str] = field(default_factory=list)


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in a <meta> tag (first 4 KB), if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


def looks_like_feed(text: str) -> bool:
    return bool(_FEED_START.match(text[:2048]))


def _quiet_loggers() -> None:
    for name in ("trafilatura", "htmldate", "charset_normalizer", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)


def extract_html(html: str, url: str | None = None) -> Page:
    """Main text and metadata of one article page."""
    import trafilatura
    from htmldate import find_date

    _quiet_loggers()
    try:
        res: Any = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception:  # noqa: BLE001 - odd markup must not stop a run; fall back to visible text
        res = None
    if res is None:
        res = {}
    elif not isinstance(res, dict):
        res = res.as_dict()
    text = (res.get("text") or "").strip()
    if not text:  # very short pages: trafilatura may give up; take the visible text
        text = html_to_text(html)
    published = res.get("date")
    if not published:
        try:
            published = find_date(html, url=url, extensive_search=True, original_date=True)
        except Exception:  # noqa: BLE001 - a date is optional
            published = None
    outlet = res.get("sitename") or None
    return Page(
        text=text,
        title=(res.get("title") or None),
        published=published,
        outlet=outlet,
        url=url or res.get("url") or None,
        html=html,
    )


def html_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed summary)."""
    import html as _html

    if "<" not in fragment:
        return _html.unescape(fragment).strip()
    text = re.sub(r"(?i)<\s*(br|/p|/div|/li|/h[1-6])\b[^>]*>", "\n", fragment)
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    text = _html.unescape(_TAG.sub(" ", text))
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\s*\n\s*", "\n", text).strip()


@dataclass
class FeedEntry:
    link: str | None
    title: str | None
    published: str | None
    summary: str


@dataclass
class Feed:
    title: str | None
    entries: list[FeedEntry]


def parse_feed(text: str) -> Feed | None:
    """Parse RSS/Atom; None when ``text`` is not a feed."""
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.get("version") and not parsed.entries:
        return None
    entries = []
    for e in parsed.entries:
        body = ""
        for c in e.get("content") or []:
            if c.get("value"):
                body = c["value"]
                break
        body = body or e.get("summary") or e.get("description") or ""
        date = None
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            t = e.get(key)
            if t:
                date = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
                break
        entries.append(FeedEntry(e.get("link"), e.get("title"), date, html_to_text(body)))
    return Feed(parsed.feed.get("title"), entries)
