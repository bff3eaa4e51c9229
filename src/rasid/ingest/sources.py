"""Input kinds -> :class:`~rasid.model.document.Document`.

``iter_documents`` yields a Document or an :class:`~rasid.errors.InputError`
for every article it finds, so a caller reports bad inputs and goes on.

Inputs: ``.txt`` files (``published``/``outlet`` from the caller), HTML pages,
``.jsonl`` records ``{id, url, outlet, title, published, text}`` (also a
``.json`` object or list of them), RSS/Atom feeds, directories (recursively,
known suffixes only) and http(s) URLs of pages or feeds.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any, Iterable, Iterator

from rasid import settings
from rasid.errors import (
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
)
from rasid.ingest.decode import arabic_ratio, decode_bytes, read_limited
from rasid.ingest.html import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    Page,
    declared_charset,
    extract_html,
    looks_like_feed,
    looks_like_html,
    parse_feed,
)
from rasid.ingest.web import fetch, is_url
from rasid.model.document import Document, nfkc

JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: compressed JSONL, read as a stream: suffix -> codec (zstd needs the ``zstandard`` package)
COMPRESSED_SUFFIXES = {".gz": "gzip", ".zst": "zstd"}
TEXT_SUFFIXES = (".txt", ".text", ".md", "")
#: what a directory walk picks up (anything named explicitly is read whatever its suffix)
DIR_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES + (".json",)


def compressed_jsonl(path: Path) -> str | None:
    """The codec of a compressed JSONL file (``x.jsonl.gz`` -> ``gzip``), else None."""
    codec = COMPRESSED_SUFFIXES.get(path.suffix.lower())
    if codec and Path(path.stem).suffix.lower() in JSONL_SUFFIXES:
        return codec
    return None


def open_binary(path: Path):
    """``path`` opened for reading bytes, decompressing ``.jsonl.gz``/``.jsonl.zst`` as a stream."""
    codec = compressed_jsonl(path)
    if codec == "gzip":
        import gzip

        return gzip.open(path, "rb")
    if codec == "zstd":
        try:
            import zstandard
        except ImportError:
            raise MalformedInputError(
                "reading .zst needs the 'zstandard' package (pip install zstandard)", str(path)
            ) from None
        import io

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(path.open("rb"), closefd=True))
    return path.open("rb")

#: Prefix of the warnings ingestion puts on a document (the CLI prints them).
WARN = "input: "

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
#: lone UTF-16 surrogates (a JSON "\\ud800" escape decodes to one): not encodable, never text
_SURROGATE = re.compile("[\ud800-\udfff]")
#: publication dates outside [this year, today + MAX_FUTURE_DAYS] are ignored with a warning
MIN_YEAR = 1900
MAX_FUTURE_DAYS = 366


def content_id(text: str) -> str:
    """Stable id of a text: a hash of its NFKC form, whitespace-trimmed."""
    return "sha1:" + hashlib.sha1(nfkc(text).strip().encode("utf-8")).hexdigest()[:16]


def parse_date(value: Any) -> str | None:
    """'YYYY-MM-DD' from an ISO date or timestamp string; None when it is not one."""
    if value is None or value == "":
        return None
    m = _DATE.search(str(value))
    if not m:
        return None
    try:
        d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    if d.year < MIN_YEAR or d > _dt.date.today() + _dt.timedelta(days=MAX_FUTURE_DAYS):
        return None
    return d.isoformat()


def clean_text(value: str) -> tuple[str, int]:
    """``value`` with lone surrogates replaced by U+FFFD (same length); the count replaced."""
    out, n = _SURROGATE.subn("\ufffd", value)
    return out, n


def _field(value: Any, name: str, warnings: list[str], *, numbers: bool = False) -> str | None:
    """A metadata field as a clean string, or None with a warning when it is not text."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float) if numbers else str):
        warnings.append(f"{WARN}ignored field {name!r} (a {type(value).__name__}, not a string)")
        return None
    value, n = clean_text(str(value))
    if n:
        warnings.append(f"{WARN}field {name!r}: {n} invalid character(s) replaced")
    return value


def _find_published(text: str, html: str | None) -> str | None:
    try:
        from rasid.times.pubdate import find_published  # written by the times stage
    except ImportError:
        return None
    try:
        return parse_date(find_published(text, html=html))
    except Exception:  # noqa: BLE001 - a date guess must never lose the document
        return None


def make_document(
    text: str,
    *,
    id: str | None = None,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    source_path: str | None = None,
    html: str | None = None,
) -> Document:
    """A Document from article fields; warnings for odd input, never silent fixes.

    Without ``published`` the date is looked for in the page/text
    (``rasid.times.pubdate.find_published`` when that stage is installed).
    """
    warnings: list[str] = []
    id = _field(id, "id", warnings, numbers=True)
    url = _field(url, "url", warnings)
    title = _field(title, "title", warnings)
    outlet = _field(outlet, "outlet", warnings)
    where = source_path or url or id
    if not isinstance(text, str):
        raise MalformedInputError(f"'text' must be a string, not {type(text).__name__}", where)
    text, bad = clean_text(text)
    if bad:
        warnings.append(f"{WARN}{bad} invalid character(s) (lone surrogates) replaced by U+FFFD")
    if not text or not text.strip():
        raise EmptyInputError("no text to analyse", where)
    pub = parse_date(published)
    if published not in (None, "") and pub is None:
        warnings.append(
            f"{WARN}ignored publication date {clean_text(str(published))[0][:40]!r}"
            f" (not YYYY-MM-DD between {MIN_YEAR} and next year)"
        )
    if pub is None:
        pub = _find_published(text, html)
        if pub:
            warnings.append(f"{WARN}publication date {pub} taken from the text")
    ratio = arabic_ratio(text)
    if ratio < settings.get("min_arabic_ratio"):
        warnings.append(f"{WARN}not Arabic text ({ratio:.0%} Arabic letters); analysed anyway")
    doc = Document(
        id=str(id) if id not in (None, "") else content_id(text),
        text=text,
        published=pub,
        title=(str(title).strip() or None) if title else None,
        url=url or None,
        outlet=(str(outlet).strip() or None) if outlet else None,
        source_path=source_path,
        warnings=warnings,
    )
    return doc


def input_warnings(doc: Document) -> list[str]:
    """The warnings ingestion put on ``doc`` (without their prefix)."""
    return [w[len(WARN):] for w in doc.warnings if w.startswith(WARN)]


# -- one input kind each -------------------------------------------------------------


def _doc_from_page(page: Page, where: str, *, published=None, outlet=None, id=None) -> Document:
    doc = make_document(
        page.text,
        id=id,
        published=published or page.published,
        title=page.title,
        url=page.url,
        outlet=outlet or page.outlet,
        source_path=where,
        html=page.html,
    )
    doc.warnings.extend(page.warnings)
    return doc


def _iter_text(text: str, where: str, *, published, outlet, url=None) -> Iterator[Document | InputError]:
    """Decoded text of a file or response: a feed, a page or plain text."""
    try:
        if looks_like_feed(text):
            yield from _iter_feed(text, where, published=published, outlet=outlet)
        elif looks_like_html(text):
            yield _doc_from_page(extract_html(text, url=url), where, published=published, outlet=outlet)
        else:
            yield make_document(text, published=published, outlet=outlet, url=url, source_path=where)
    except InputError as exc:
        yield exc


def _iter_feed(
    text: str, where: str, *, published=None, outlet=None, follow_links: bool = False
) -> Iterator[Document | InputError]:
    feed = parse_feed(text)
    if feed is None:
        yield MalformedInputError("not a valid RSS/Atom feed", where)
        return
    if not feed.entries:
        yield EmptyInputError("feed has no entries", where)
        return
    for n, entry in enumerate(feed.entries, 1):
        ewhere = entry.link or f"{where}#{n}"
        page: Page | None = None
        if follow_links and entry.link and is_url(entry.link):
            try:
                resp = fetch(entry.link)
                body, _ = decode_bytes(resp.data, entry.link, resp.charset or declared_charset(resp.data))
                page = extract_html(body, url=resp.url) if looks_like_html(body) else Page(body, url=resp.url)
            except InputError as exc:
                if not entry.summary.strip():
                    yield exc
                    continue
                page = None
        if page is None or not page.text.strip():
            page = Page(entry.summary, url=entry.link)
        page.title = page.title or entry.title
        page.published = entry.published or page.published or published
        page.outlet = page.outlet or feed.title or outlet
        try:
            yield _doc_from_page(page, ewhere)
        except InputError as exc:
            yield exc


def _decode_line(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        text, _ = decode_bytes(raw, where)
        return text


def _record_to_doc(rec: Any, where: str, published: str | None = None, outlet: str | None = None) -> Document:
    """A JSON record; the caller's ``published``/``outlet`` fill only missing fields."""
    if not isinstance(rec, dict):
        raise MalformedInputError(f"malformed record (a JSON {type(rec).__name__}, not an object)", where)
    if "text" not in rec:
        raise MalformedInputError("record has no 'text' field", where)
    return make_document(
        rec.get("text") or "",
        id=rec.get("id"),
        published=rec.get("published") or published,
        title=rec.get("title"),
        url=rec.get("url"),
        outlet=rec.get("outlet") or outlet,
        source_path=where,
    )


#: what :func:`_bounded_lines` yields for a line longer than the limit
TOO_LONG = b"\x00too-long"


def _bounded_lines(fh, limit: int, chunk: int = 1 << 20) -> Iterator[bytes]:
    """The lines of a binary file, never holding more than ``limit`` bytes of one:
    a longer line is skipped in chunks and stands as :data:`TOO_LONG`."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit:
            yield line
            continue
        while not line.endswith(b"\n"):
            line = fh.readline(chunk)
            if not line:
                break
        yield TOO_LONG


def _iter_jsonl(path: Path, published=None, outlet=None) -> Iterator[Document | InputError]:
    """One record a line; the size limit applies to each record, not the file."""
    limit = settings.get("max_input_bytes")
    try:
        fh = open_binary(path)
    except InputError as exc:
        yield exc
        return
    with fh:
        head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 JSONL: decode it whole
            try:
                text, _ = decode_bytes(read_limited(path), str(path))
            except InputError as exc:
                yield exc
                return
            lines: Iterable[bytes] = (ln.encode("utf-8") for ln in text.splitlines(keepends=True))
        else:
            lines = _bounded_lines(fh, limit)
        seen = 0
        for n, raw in enumerate(lines, 1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            seen += 1
            where = f"{path}:{n}"
            if raw is TOO_LONG or len(raw) > limit:
                size = f"more than {limit}" if raw is TOO_LONG else f"{len(raw)}"
                yield InputTooLargeError(f"record too large ({size} bytes; setting max_input_bytes)", where)
                continue
            try:
                rec = json.loads(_decode_line(raw, where))
            except InputError as exc:
                yield exc
                continue
            except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep
                yield MalformedInputError(f"malformed JSONL line ({_json_reason(exc)})", where)
                continue
            try:
                yield _record_to_doc(rec, where, published, outlet)
            except InputError as exc:
                yield exc
        if not seen:
            yield EmptyInputError("empty input (no records)", str(path))


def _json_reason(exc: ValueError | RecursionError) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deep"
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    return str(exc).splitlines()[0]


def _iter_json(path: Path, published=None, outlet=None) -> Iterator[Document | InputError]:
    try:
        text, _ = decode_bytes(read_limited(path), str(path))
        data = json.loads(text)
    except InputError as exc:
        yield exc
        return
    except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep
        yield MalformedInputError(f"malformed JSON ({_json_reason(exc)})", str(path))
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield EmptyInputError("empty input (no records)", str(path))
    for n, rec in enumerate(records, 1):
        where = f"{path}#{n}" if isinstance(data, list) else str(path)
        try:
            yield _record_to_doc(rec, where, published, outlet)
        except InputError as exc:
            yield exc


def _iter_file(path: Path, *, published, outlet) -> Iterator[Document | InputError]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES or compressed_jsonl(path):
        yield from _iter_jsonl(path, published, outlet)
        return
    if suffix == ".json":
        yield from _iter_json(path, published, outlet)
        return
    where = str(path)
    try:
        data = read_limited(path)
        declared = declared_charset(data) if suffix in HTML_SUFFIXES + FEED_SUFFIXES else None
        text, _ = decode_bytes(data, where, declared)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(f"cannot read ({exc.strerror or exc})", where)
        return
    if suffix in HTML_SUFFIXES and not looks_like_feed(text):
        try:
            yield _doc_from_page(extract_html(text), where, published=published, outlet=outlet)
        except InputError as exc:
            yield exc
        return
    yield from _iter_text(text, where, published=published, outlet=outlet)


def _iter_url(url: str, *, published, outlet) -> Iterator[Document | InputError]:
    try:
        resp = fetch(url)
        text, _ = decode_bytes(resp.data, url, resp.charset or declared_charset(resp.data))
    except InputError as exc:
        yield exc
        return
    is_feed = "rss" in resp.content_type or "atom" in resp.content_type or looks_like_feed(text)
    if is_feed:
        yield from _iter_feed(text, url, published=published, outlet=outlet, follow_links=True)
        return
    try:
        if looks_like_html(text) or "html" in resp.content_type:
            page = extract_html(text, url=resp.url)
            yield _doc_from_page(page, url, published=published, outlet=outlet)
        else:
            yield make_document(text, published=published, outlet=outlet, url=resp.url, source_path=url)
    except InputError as exc:
        yield exc


def _iter_stdin(*, published, outlet, stream=None) -> Iterator[Document | InputError]:
    """``-``: one article (text, HTML or a feed) or JSONL records on stdin."""
    import sys

    stream = stream or sys.stdin.buffer
    limit = settings.get("max_input_bytes")
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield InputTooLargeError(f"input too large (over {limit} bytes, setting max_input_bytes)", "<stdin>")
        return
    try:
        text, _ = decode_bytes(data, "<stdin>")
    except InputError as exc:
        yield exc
        return
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines[:3]):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"<stdin>:{n}"
            try:
                yield _record_to_doc(json.loads(line), where, published, outlet)
            except InputError as exc:
                yield exc
            except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep
                yield MalformedInputError(f"malformed JSONL line ({_json_reason(exc)})", where)
        return
    yield from _iter_text(text, "<stdin>", published=published, outlet=outlet)


def _dir_files(path: Path) -> list[Path]:
    out = []
    for p in sorted(path.rglob("*")):
        rel = p.relative_to(path)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_file() and (p.suffix.lower() in DIR_SUFFIXES or compressed_jsonl(p)):
            out.append(p)
    return out


def iter_documents(
    inputs: Iterable[str | Path],
    *,
    published: str | None = None,
    outlet: str | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[Document | InputError]:
    """Every article of ``inputs``, or an InputError for each one that fails.

    ``published`` and ``outlet`` set the date and outlet of text and HTML
    inputs (over what a page says); JSON records and feed entries keep their
    own and take these only when they have none. Files in
    ``exclude`` (say, the output file of the run) are skipped.
    """
    skip = {_resolved(p) for p in exclude}
    for inp in inputs:
        s = str(inp)
        try:
            yield from _iter_input(s, published=published, outlet=outlet, skip=skip)
        except (OSError, ValueError) as exc:  # unreadable path, odd file name ...
            reason = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
            yield InputError(f"cannot read ({reason})", s)


def _iter_input(s: str, *, published, outlet, skip: set[str]) -> Iterator[Document | InputError]:
    if s == "-":
        yield from _iter_stdin(published=published, outlet=outlet)
        return
    if is_url(s):
        yield from _iter_url(s, published=published, outlet=outlet)
        return
    path = Path(s)
    if path.is_dir():
        files = [f for f in _dir_files(path) if _resolved(f) not in skip]
        if not files:
            yield EmptyInputError("no article files in this directory", s)
        for f in files:
            try:
                yield from _iter_file(f, published=published, outlet=outlet)
            except OSError as exc:
                yield InputError(f"cannot read ({exc.strerror or exc})", str(f))
    elif not path.exists():
        yield InputError("no such file or directory", s)
    elif _resolved(path) in skip:
        yield InputError("is the output file of this run; skipped", s)
    elif not path.is_file():
        yield InputError("not a regular file", s)
    else:
        yield from _iter_file(path, published=published, outlet=outlet)


def _resolved(p: str | Path) -> str:
    try:
        return str(Path(p).resolve())
    except OSError:
        return str(p)


def count_inputs(inputs: Iterable[str | Path]) -> int | None:
    """A quick estimate of how many documents ``inputs`` hold (None: unknown)."""
    total = 0
    for inp in inputs:
        s = str(inp)
        if is_url(s) or s == "-":
            return None
        path = Path(inp)
        try:
            if path.is_dir():
                files = _dir_files(path)
                total += sum(_count_file(f) for f in files)
            elif path.is_file():
                total += _count_file(path)
        except OSError:
            total += 1
    return total


def _count_file(path: Path) -> int:
    if path.suffix.lower() in JSONL_SUFFIXES or compressed_jsonl(path):
        n = 0
        with open_binary(path) as fh:
            for line in fh:
                if line.strip():
                    n += 1
        return max(n, 1)
    return 1


__all__ = [
    "content_id",
    "count_inputs",
    "input_warnings",
    "iter_documents",
    "make_document",
    "parse_date",
]
