"""Input kinds: text, HTML, JSONL/JSON, feeds, directories, URLs; bad inputs."""

from __future__ import annotations

import json
import time

import pages
import pytest

from rasid.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FetchError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
)
from rasid.ingest import content_id, count_inputs, input_warnings, iter_documents, make_document
from rasid.ingest.sources import parse_date
from rasid.model.document import Document

TEXT = pages.ARTICLE_P1


def run(*inputs, **kw) -> list:
    return list(iter_documents([str(i) for i in inputs], **kw))


def docs(items) -> list[Document]:
    return [d for d in items if isinstance(d, Document)]


def errors(items) -> list[InputError]:
    return [e for e in items if isinstance(e, InputError)]


# -- plain text ------------------------------------------------------------------------


def test_txt_with_published_and_outlet(tmp_path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    [doc] = run(p, published="2024-03-15", outlet="وكالة الاختبار")
    assert doc.published == "2024-03-15"
    assert doc.outlet == "وكالة الاختبار"
    assert doc.text == TEXT
    assert doc.source_path == str(p)
    assert doc.id == content_id(TEXT)
    assert doc.warnings == []


def test_stable_ids_across_encodings(tmp_path) -> None:
    (tmp_path / "u8.txt").write_bytes(TEXT.encode("utf-8"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes(TEXT.encode("utf-16"))
    (tmp_path / "win.txt").write_bytes(TEXT.encode("cp1256"))
    (tmp_path / "iso.txt").write_bytes(TEXT.encode("iso8859_6"))
    found = run(tmp_path)
    assert len(found) == 5 and all(isinstance(d, Document) for d in found)
    assert {d.id for d in found} == {content_id(TEXT)}
    assert {d.text for d in found} == {TEXT}


def test_content_id_ignores_nfkc_and_outer_space() -> None:
    assert content_id(" \u0644\u0623 \n") == content_id("\ufef7")
    assert content_id("a") != content_id("b")
    assert content_id(TEXT).startswith("sha1:")


def test_text_is_nfkc_normalised(tmp_path) -> None:
    p = tmp_path / "lig.txt"
    p.write_text("\ufef7" + TEXT, encoding="utf-8")  # presentation-form lam-alef
    [doc] = run(p)
    assert doc.text.startswith("\u0644\u0623")


def test_non_arabic_text_is_processed_with_warning(tmp_path) -> None:
    p = tmp_path / "en.txt"
    p.write_text("Officials said the convoy crossed the border on Thursday.", encoding="utf-8")
    [doc] = run(p)
    assert isinstance(doc, Document)
    [w] = input_warnings(doc)
    assert w.startswith("not Arabic text (0% Arabic letters)")


def test_bad_published_is_a_warning() -> None:
    doc = make_document(TEXT, published="yesterday")
    assert doc.published is None
    assert any("ignored publication date" in w for w in input_warnings(doc))


@pytest.mark.parametrize(
    "value, expected",
    [("2024-03-15", "2024-03-15"), ("2024-3-5T10:00:00Z", "2024-03-05"), ("2024-02-30", None), ("", None), (None, None)],
)
def test_parse_date(value, expected) -> None:
    assert parse_date(value) == expected


def test_find_published_used_when_available(monkeypatch) -> None:
    import sys
    import types

    mod = types.ModuleType("rasid.times.pubdate")
    seen = {}

    def find_published(text, html=None):
        seen["args"] = (text, html)
        return "2023-12-01"

    mod.find_published = find_published
    monkeypatch.setitem(sys.modules, "rasid.times.pubdate", mod)
    doc = make_document(TEXT, html="<html></html>")
    assert doc.published == "2023-12-01"
    assert seen["args"] == (TEXT, "<html></html>")
    assert make_document(TEXT, published="2024-01-02").published == "2024-01-02"

    def broken(text, html=None):
        raise RuntimeError("bug")

    mod.find_published = broken
    assert make_document(TEXT).published is None


# -- bad files -------------------------------------------------------------------------


def test_bad_inputs_reported_others_go_on(tmp_path, monkeypatch) -> None:
    (tmp_path / "0-empty.txt").write_bytes(b"")
    (tmp_path / "1-binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "2-invalid.txt").write_bytes(TEXT.encode()[:20] + b"\xff\xfe\xfd" + TEXT.encode())
    (tmp_path / "3-good.txt").write_text(TEXT, encoding="utf-8")
    big = tmp_path / "4-big.txt"
    with big.open("wb") as fh:
        fh.seek(50_000_000 - 1)
        fh.write(b"a")
    (tmp_path / "5-image.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not an article suffix: skipped
    t0 = time.perf_counter()
    items = run(tmp_path, tmp_path / "missing.txt")
    assert time.perf_counter() - t0 < 2
    kinds = [type(i).__name__ for i in items]
    assert kinds == [
        "EmptyInputError",
        "BinaryInputError",
        "EncodingError",
        "Document",
        "InputTooLargeError",
        "InputError",
    ]
    for err in errors(items):
        msg = str(err)
        assert "\n" not in msg and msg.startswith(err.source + ": ")
    assert str(items[-1]).endswith("missing.txt: no such file or directory")


def test_explicit_binary_file_any_suffix(tmp_path) -> None:
    p = tmp_path / "doc.pdf"
    p.write_bytes(b"%PDF-1.4\n\x00\x01")
    [err] = run(p)
    assert isinstance(err, BinaryInputError) and "PDF" in str(err)


def test_empty_directory(tmp_path) -> None:
    [err] = run(tmp_path)
    assert isinstance(err, EmptyInputError)


def test_directory_skips_hidden(tmp_path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    assert [d.source_path for d in docs(run(tmp_path))] == [str(tmp_path / "sub" / "a.txt")]


# -- JSONL / JSON ----------------------------------------------------------------------


def test_jsonl_records_and_malformed_lines(tmp_path) -> None:
    p = tmp_path / "c.jsonl"
    rec = {"id": "n1", "url": "https://example.org/1", "outlet": "وكالة", "title": "عنوان",
           "published": "2024-03-14T08:00:00Z", "text": TEXT}
    lines = [
        json.dumps(rec, ensure_ascii=False),
        "{not json",
        "",
        json.dumps([1, 2]),
        json.dumps({"id": "n2"}),
        json.dumps({"id": "n3", "text": ""}),
        json.dumps({"text": TEXT + " ثانٍ"}, ensure_ascii=False),
    ]
    p.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    items = run(p)
    assert [type(i).__name__ for i in items] == [
        "Document", "MalformedInputError", "MalformedInputError", "MalformedInputError",
        "EmptyInputError", "Document",
    ]
    d1 = items[0]
    assert (d1.id, d1.url, d1.outlet, d1.title, d1.published) == (
        "n1", "https://example.org/1", "وكالة", "عنوان", "2024-03-14")
    assert d1.source_path == f"{p}:1"
    assert str(items[1]).startswith(f"{p}:2: malformed JSONL line (")
    assert items[5].id == content_id(TEXT + " ثانٍ")
    assert count_inputs([p]) == 6


def test_jsonl_cp1256_line(tmp_path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_bytes(json.dumps({"id": "w", "text": TEXT}, ensure_ascii=False).encode("cp1256") + b"\n")
    [doc] = run(p)
    assert doc.text == TEXT


def test_jsonl_record_size_limit(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("RASID_MAX_INPUT_BYTES", "1000")
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "نص قصير"}, ensure_ascii=False) + "\n"
                 + json.dumps({"id": "b", "text": "ن" * 2000}, ensure_ascii=False) + "\n", encoding="utf-8")
    items = run(p)
    assert isinstance(items[0], Document) and isinstance(items[1], InputTooLargeError)


def test_empty_jsonl(tmp_path) -> None:
    p = tmp_path / "e.jsonl"
    p.write_text("\n\n", encoding="utf-8")
    [err] = run(p)
    assert isinstance(err, EmptyInputError)


def test_json_object_and_list(tmp_path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"id": "o", "text": TEXT}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"id": "m1", "text": TEXT}, 5], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    items = run(tmp_path / "one.json", tmp_path / "many.json", tmp_path / "bad.json")
    assert [getattr(i, "id", type(i).__name__) for i in items] == ["o", "m1", "MalformedInputError", "MalformedInputError"]


# -- HTML and feed files ----------------------------------------------------------------


def test_html_file(tmp_path) -> None:
    p = tmp_path / "page.html"
    p.write_text(pages.article_html(), encoding="utf-8")
    [doc] = run(p)
    assert doc.title == "رتل أمريكي يدخل سوريا عبر معبر الوليد"
    assert doc.published == "2024-03-14"
    assert doc.outlet == "شبكة الرصد الإخبارية"
    for para in (pages.ARTICLE_P1, pages.ARTICLE_P2, pages.ARTICLE_P3):
        assert para in doc.text
    assert pages.BOILERPLATE not in doc.text
    assert pages.MENU not in doc.text


def test_html_file_windows_1256(tmp_path) -> None:
    p = tmp_path / "page.htm"
    p.write_bytes(pages.article_html(charset="windows-1256").encode("cp1256"))
    [doc] = run(p)
    assert pages.ARTICLE_P2 in doc.text


def test_html_sniffed_without_suffix_and_published_override(tmp_path) -> None:
    p = tmp_path / "page"
    p.write_text(pages.article_html(), encoding="utf-8")
    [doc] = run(p, published="2024-01-01", outlet="X")
    assert pages.ARTICLE_P1 in doc.text
    assert (doc.published, doc.outlet) == ("2024-01-01", "X")


def test_feed_files(tmp_path) -> None:
    (tmp_path / "f.rss").write_text(pages.rss("http://example.invalid"), encoding="utf-8")
    (tmp_path / "g.xml").write_text(pages.atom(), encoding="utf-8")
    items = run(tmp_path / "f.rss", tmp_path / "g.xml")
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Document"]
    a, b, c = items
    assert (a.title, a.published, a.outlet, a.url) == (
        "رتل أمريكي يدخل سوريا", "2024-03-14", "شبكة الرصد الإخبارية", "http://example.invalid/article1.html")
    assert b.text == pages.ARTICLE_P3
    assert (c.text, c.published, c.outlet) == (pages.ARTICLE_P2, "2024-03-16", "وكالة الأنباء التجريبية")


def test_broken_feed(tmp_path) -> None:
    p = tmp_path / "bad.rss"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>', encoding="utf-8")
    [err] = run(p)
    assert isinstance(err, (EmptyInputError, MalformedInputError))


# -- URLs and feeds over HTTP (local server) ---------------------------------------------


def test_url_html(http_server) -> None:
    [doc] = run(f"{http_server}/article1.html")
    assert pages.ARTICLE_P1 in doc.text and pages.BOILERPLATE not in doc.text
    assert doc.url == f"{http_server}/article1.html"
    assert doc.published == "2024-03-14"
    assert doc.outlet == "شبكة الرصد الإخبارية"


def test_url_legacy_charset_from_meta(http_server) -> None:
    [doc] = run(f"{http_server}/legacy.html")
    assert pages.ARTICLE_P3 in doc.text


def test_url_plain_text(http_server) -> None:
    [doc] = run(f"{http_server}/plain.txt", published="2024-03-14")
    assert doc.text == pages.ARTICLE_P1 and doc.published == "2024-03-14"


def test_url_rss_follows_links(http_server) -> None:
    items = run(f"{http_server}/feed.rss")
    assert [type(i).__name__ for i in items] == ["Document", "Document"]
    full, fallback = items
    assert pages.ARTICLE_P2 in full.text  # the article page, not the feed summary
    assert full.published == "2024-03-14"
    assert fallback.text == pages.ARTICLE_P3  # page missing: the entry's summary
    assert fallback.title == "خبر بلا صفحة"


def test_url_atom(http_server) -> None:
    [doc] = run(f"{http_server}/feed.atom")
    assert doc.text == pages.ARTICLE_P2


def test_url_errors(http_server, monkeypatch) -> None:
    monkeypatch.setenv("RASID_MAX_INPUT_BYTES", "1000")
    items = run(f"{http_server}/error", f"{http_server}/nothing", f"{http_server}/big.txt",
                f"{http_server}/empty.txt", "http://127.0.0.1:9/")
    assert [type(i).__name__ for i in items] == [
        "FetchError", "FetchError", "InputTooLargeError", "EmptyInputError", "FetchError"]
    assert str(items[0]) == f"{http_server}/error: HTTP 500 Internal Server Error"
    assert all("\n" not in str(e) for e in items)
    assert isinstance(items[1], FetchError)


def test_count_inputs(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n', encoding="utf-8")
    assert count_inputs([tmp_path]) == 3
    assert count_inputs(["https://example.org/"]) is None


def test_unused_error_types_importable() -> None:
    assert issubclass(EncodingError, InputError)


def test_stdin_text_and_jsonl(monkeypatch) -> None:
    import io
    import sys

    fake = io.TextIOWrapper(io.BytesIO(TEXT.encode("cp1256")))
    monkeypatch.setattr(sys, "stdin", fake)
    [doc] = run("-", published="2024-03-14")
    assert doc.text == TEXT and doc.published == "2024-03-14" and doc.source_path == "<stdin>"
    lines = json.dumps({"id": "s1", "text": TEXT}, ensure_ascii=False) + "\n{x\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    items = run("-")
    assert items[0].id == "s1" and str(items[1]).startswith("<stdin>:2: malformed JSONL line")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    [err] = run("-")
    assert str(err) == "<stdin>: empty input (no text)"


def test_extractor_failure_falls_back_to_visible_text(tmp_path, monkeypatch) -> None:
    import trafilatura

    def boom(*a, **k):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    p = tmp_path / "p.html"
    p.write_text(pages.article_html(), encoding="utf-8")
    [doc] = run(p)
    assert pages.ARTICLE_P1 in doc.text


def test_odd_paths_are_input_errors(tmp_path) -> None:
    items = run("bad\0name.txt", tmp_path / "missing", "/dev/null")
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "InputError"]
    assert str(items[0]).startswith("bad\0name.txt: ")
    assert str(items[2]) == "/dev/null: not a regular file"


def test_caller_published_fills_only_missing_record_fields(tmp_path) -> None:
    p = tmp_path / "r.jsonl"
    p.write_text(
        json.dumps({"id": "a", "text": TEXT, "published": "2023-01-02", "outlet": "أ"}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "b", "text": TEXT}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    a, b = run(p, published="2024-05-06", outlet="ب")
    assert (a.published, a.outlet) == ("2023-01-02", "أ")
    assert (b.published, b.outlet) == ("2024-05-06", "ب")
    (tmp_path / "f.rss").write_text(pages.rss("http://example.invalid"), encoding="utf-8")
    entry = run(tmp_path / "f.rss", published="2020-01-01", outlet="X")[0]
    assert (entry.published, entry.outlet) == ("2024-03-14", "شبكة الرصد الإخبارية")
