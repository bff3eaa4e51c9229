"""Encodings, binary data and size limits."""

from __future__ import annotations

import codecs
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.errors import BinaryInputError, EmptyInputError, EncodingError, InputError, InputTooLargeError
from rasid.ingest.decode import arabic_ratio, decode_bytes, read_limited

TEXT = (
    "أعلنت وزارة الدفاع أن قواتها أحبطت هجوماً بطائرة مسيرة قرب مدينة الميادين، "
    "وقال المتحدث باسم الوزارة إن الطائرة أسقطت قبل وصولها إلى هدفها."
)


@pytest.mark.parametrize(
    "data, enc",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-32"), "utf-32"),
        (TEXT.encode("cp1256"), "cp1256"),
        (TEXT.encode("iso8859_6"), "iso8859_6"),
        (TEXT.encode("mac_arabic"), "mac_arabic"),
    ],
)
def test_encodings_detected(data: bytes, enc: str) -> None:
    text, found = decode_bytes(data, "t")
    assert text.lstrip("\ufeff") == TEXT
    assert found == enc


def test_cp1256_preferred_for_arabic_looking_bytes() -> None:
    # a short Arabic phrase decodes in several code pages; cp1256 must win
    text, enc = decode_bytes("قالت مصادر".encode("cp1256"))
    assert (text, enc) == ("قالت مصادر", "cp1256")


def test_declared_charset_used_for_non_utf8() -> None:
    text, enc = decode_bytes("Grüße aus Köln".encode("latin-1"), declared="latin-1")
    assert text == "Grüße aus Köln"


def test_latin_legacy_text_is_decoded() -> None:
    text, _ = decode_bytes(("Le ministre a déclaré à la presse que la sécurité " * 5).encode("cp1252"))
    assert "déclaré" in text


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", codecs.BOM_UTF8])
def test_empty(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        decode_bytes(data, "x.txt")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (bytes(range(256)) * 4, "NUL"),
        (b"abc\x00\x01\x02\x03def\x00\x00\x00\xff", "NUL"),
    ],
)
def test_binary(data: bytes, reason: str) -> None:
    with pytest.raises(BinaryInputError, match=reason):
        decode_bytes(data, "x.bin")


def test_control_characters_are_binary() -> None:
    with pytest.raises(BinaryInputError, match="control"):
        decode_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50)


def test_invalid_utf8_bytes_refused() -> None:
    good = TEXT.encode("utf-8")
    with pytest.raises(EncodingError, match="invalid UTF-8 bytes at offset 40"):
        decode_bytes(good[:40] + b"\xff\xfe\xfa" + good, "bad.txt")


def test_invalid_bytes_after_bom() -> None:
    with pytest.raises(EncodingError, match="invalid"):
        decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8")[:30] + b"\xff", "bad.txt")


def test_error_names_the_input() -> None:
    with pytest.raises(EmptyInputError) as info:
        decode_bytes(b"", "some/file.txt")
    assert str(info.value) == "some/file.txt: empty input (no text)"


def test_size_limit_refuses_without_reading(tmp_path, monkeypatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # a sparse 50 MB file
        fh.seek(50_000_000 - 1)
        fh.write(b"\0")
    t0 = time.perf_counter()
    with pytest.raises(InputTooLargeError, match="too large .*50.0 MB.*max_input_bytes"):
        read_limited(big)
    assert time.perf_counter() - t0 < 0.5
    monkeypatch.setenv("RASID_MAX_INPUT_BYTES", "100")
    small = tmp_path / "small.txt"
    small.write_bytes(b"a" * 101)
    with pytest.raises(InputTooLargeError):
        read_limited(small)
    small.write_bytes(b"a" * 100)
    assert read_limited(small) == b"a" * 100


def test_arabic_ratio() -> None:
    assert arabic_ratio(TEXT) > 0.95
    assert arabic_ratio("Hello world") == 0.0
    assert arabic_ratio("123 456") == 1.0
    assert 0.3 < arabic_ratio("قال Reuters إن") < 0.8


# -- properties -----------------------------------------------------------------------

WORDS = ["قال", "مصدر", "محلي", "إن", "القوات", "الأمريكية", "دخلت", "سوريا", "عبر", "معبر", "الوليد",
         "أمس", "الخميس", "وأضاف", "المرصد", "في", "ريف", "دير", "الزور", "غارة", "طائرة", "مسيرة", "2024",
         "،", ".", "«", "»"]
arabic_texts = st.lists(st.sampled_from(WORDS), min_size=6, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_input_error(data: bytes) -> None:
    try:
        text, enc = decode_bytes(data, "x")
    except InputError:
        return
    assert isinstance(text, str) and text.strip() and enc


@settings(max_examples=150, deadline=None)
@given(arabic_texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256"]))
def test_arabic_round_trip(text: str, enc: str) -> None:
    decoded, _ = decode_bytes(text.encode(enc), "x")
    assert decoded.lstrip("\ufeff") == text
