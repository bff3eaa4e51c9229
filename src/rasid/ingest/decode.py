"""Bytes -> text: size limit, binary sniffing and encoding detection.

Order of decisions for a byte string:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. NUL bytes mean UTF-16 without a mark when every other byte is NUL,
   otherwise binary data; known binary signatures (PDF, ZIP, PNG ...) too;
3. strict UTF-8 when it decodes; UTF-8 with a few broken sequences among
   many good ones is refused as "invalid bytes" (not guessed as cp1256);
4. legacy Arabic code pages (windows-1256 first, ISO-8859-6, DOS 720/864,
   Mac Arabic), each scored on how Arabic the result looks;
5. otherwise charset-normalizer's best guess (Latin and other scripts).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from rasid import lang, settings
from rasid.errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

#: Legacy code pages for Arabic, most likely first (ties go to the first).
ARABIC_CODEPAGES = ("cp1256", "iso8859_6", "cp720", "cp864", "mac_arabic")

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"7z\xbc\xaf", "7-zip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "old office document"),
)

#: Among equally plausible guesses of charset-normalizer, the commonest first.
_PREFERRED = ("cp1252", "iso8859_15", "latin_1", "cp1251", "koi8_r")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_UTF8_ARABIC = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LETTER = re.compile(r"[^\W\d_]")
# characters that are unlikely inside Arabic prose decoded correctly
_ODD = re.compile(r"[\u00c0-\u024f\u2500-\u259f\u0080-\u009f\ufffd\ufe70-\ufeff\u0370-\u03ff]")


def read_limited(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``, refusing files over ``limit`` before reading."""
    limit = settings.get("max_input_bytes") if limit is None else limit
    size = path.stat().st_size
    if size > limit:
        raise InputTooLargeError(
            f"file too large ({_mb(size)}; the limit is {_mb(limit)}, setting max_input_bytes)", str(path)
        )
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:  # grew while we looked
        raise InputTooLargeError(f"file too large (over {_mb(limit)}, setting max_input_bytes)", str(path))
    return data


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n} bytes"


def sniff_binary(data: bytes) -> str | None:
    """A short description when ``data`` is a known binary format, else None."""
    for sig, what in _SIGNATURES:
        if data.startswith(sig):
            return what
    return None


def _looks_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on every other byte (no BOM)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    # Arabic in UTF-16 has 0x06 high bytes, Latin 0x00: accept either pattern
    hi_even = sum(1 for b in sample[0::2] if b in (0, 6)) / max(1, len(sample[0::2]))
    hi_odd = sum(1 for b in sample[1::2] if b in (0, 6)) / max(1, len(sample[1::2]))
    if hi_odd > 0.9 and odd > 0.05 and even < 0.05:
        return "utf-16-le"
    if hi_even > 0.9 and even > 0.05 and odd < 0.05:
        return "utf-16-be"
    return None


def arabic_score(text: str) -> float:
    """How much ``text`` looks like correctly decoded Arabic (higher is better)."""
    arabic = len(_ARABIC_LETTER.findall(text))
    odd = len(_ODD.findall(text))
    article = sum(text.count(w) for w in lang.words("ingest/data/decode_markers.txt"))
    return arabic + 2 * article - 4 * odd


def arabic_ratio(text: str, sample: int = 20_000) -> float:
    """Share of Arabic letters among all letters (1.0 for a text without letters).

    Only the first ``sample`` characters are looked at.
    """
    text = text[:sample]
    letters = len(_LETTER.findall(text))
    if not letters:
        return 1.0
    return len(_ARABIC_LETTER.findall(text)) / letters


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f\v") or "\x7f" <= c <= "\x9f")
    return bad / len(sample)


def _best_arabic_codepage(data: bytes) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    for enc in ARABIC_CODEPAGES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = arabic_score(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best is None:
        return None
    score, enc, text = best
    letters = len(_LETTER.findall(text))
    if score <= 0 or arabic_ratio(text) < 0.3 or letters == 0:
        return None
    return enc, text


def decode_bytes(data: bytes, source: str | None = None, declared: str | None = None) -> tuple[str, str]:
    """Decode an article's bytes; returns ``(text, encoding)``.

    ``declared`` is an encoding named by the container (an HTTP header, a
    meta tag); it is tried after the byte-order mark and strict UTF-8.
    Raises :class:`EmptyInputError`, :class:`BinaryInputError` or
    :class:`EncodingError` with a one-line reason.
    """
    if not data.strip():
        raise EmptyInputError("empty input (no text)", source)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise EncodingError(f"invalid {enc.upper()} bytes at offset {exc.start}", source) from None
            return _checked(text, enc, source)
    what = sniff_binary(data)
    if what:
        raise BinaryInputError(f"binary file ({what}), not text", source)
    if b"\x00" in data:
        enc16 = _looks_utf16(data)
        if enc16:
            try:
                return _checked(data.decode(enc16), enc16, source)
            except UnicodeDecodeError:
                pass
        raise BinaryInputError("binary data (NUL bytes), not text", source)
    try:
        return _checked(data.decode("utf-8"), "utf-8", source)
    except UnicodeDecodeError as exc:
        good = len(_UTF8_ARABIC.findall(data))
        if good >= 3 and good > 20 * _count_invalid_utf8(data):
            raise EncodingError(
                f"invalid UTF-8 bytes at offset {exc.start} (the rest of the file is UTF-8)", source
            ) from None
    if declared:
        try:
            return _checked(data.decode(declared), declared.lower(), source)
        except (UnicodeDecodeError, LookupError):
            pass
    found = _best_arabic_codepage(data)
    if found:
        enc, text = found
        return _checked(text, enc, source)
    return _checked(*_charset_normalizer(data, source), source)


def _count_invalid_utf8(data: bytes) -> int:
    return data.decode("utf-8", errors="replace").count("\ufffd")


def _charset_normalizer(data: bytes, source: str | None) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:200_000]))
    if not results:
        raise EncodingError("cannot detect the text encoding (invalid bytes)", source)
    low = min(r.chaos for r in results)
    tied = {r.encoding for r in results if r.chaos <= low + 1e-6}
    enc = next((e for e in _PREFERRED if e in tied), None) or results[0].encoding
    try:
        return data.decode(enc), enc
    except (UnicodeDecodeError, LookupError):
        raise EncodingError(f"invalid bytes for the detected encoding {enc}", source) from None


def _checked(text: str, enc: str, source: str | None) -> tuple[str, str]:
    if _control_ratio(text) > 0.05:
        raise BinaryInputError("binary data (control characters), not text", source)
    if not text.strip():
        raise EmptyInputError("empty input (no text)", source)
    return text, enc

