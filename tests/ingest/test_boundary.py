"""The ingest boundary: every field checked and cleaned, one bad record never ends a run."""

from __future__ import annotations

import json

from rasid.errors import InputTooLargeError
from rasid.ingest import iter_documents, make_document
from rasid.ingest.sources import parse_date
from rasid.pipeline import Pipeline

TEXT = "قال مصدر أمني إن طائرات التحالف شنت غارات على مواقع لتنظيم داعش في مدينة الرمادي أمس الخميس."


def test_lone_surrogates_are_replaced_with_the_same_length():
    doc = make_document("ab\ud800" + TEXT, published="2015-08-01", title="x\udc00y")
    assert "\ud800" not in doc.text and doc.text.startswith("ab\ufffd")
    assert doc.title == "x\ufffdy"
    assert any("lone surrogates" in w for w in doc.warnings)
    doc.to_json().encode("utf-8")  # serialisable


def test_non_string_fields_are_dropped_with_a_warning():
    doc = make_document(TEXT, url={"x": 1}, outlet=["a"], id=17, title=True)
    assert doc.url is None and doc.outlet is None and doc.title is None
    assert doc.id == "17"
    assert sum("ignored field" in w for w in doc.warnings) == 3


def test_publication_dates_out_of_range_are_ignored():
    assert parse_date("2015-08-01") == "2015-08-01"
    assert parse_date("0001-01-01") is None and parse_date("9999-12-31") is None
    doc = make_document(TEXT, published="0001-01-01")
    assert any("ignored publication date" in w for w in doc.warnings)


def test_bad_records_keep_every_good_record(tmp_path):
    recs = [
        {"id": "ok1", "text": TEXT},
        {"id": "sur", "text": "\ud800" + TEXT},
        {"id": "url", "text": TEXT, "url": {"a": 1}},
        {"id": "lst", "text": TEXT, "url": [1, 2]},
        {"id": "txt", "text": {"a": 1}},
        {"id": "ok2", "text": TEXT},
    ]
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")  # ASCII escapes: \ud800
    items = list(iter_documents([p]))
    ids = [d.id for d in items if not isinstance(d, Exception)]
    assert ids == ["ok1", "sur", "url", "lst", "ok2"]
    assert sum(isinstance(d, Exception) for d in items) == 1


def test_an_oversized_jsonl_line_is_refused_without_reading_it_whole(tmp_path, monkeypatch):
    from rasid import settings

    monkeypatch.setattr(settings, "get", lambda name, _g=settings.get: 1000 if name == "max_input_bytes" else _g(name))
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "big", "text": "ا" * 5000}) + "\n" + json.dumps({"id": "ok", "text": TEXT}) + "\n",
                 encoding="utf-8")
    items = list(iter_documents([p]))
    assert isinstance(items[0], InputTooLargeError) and "more than 1000" in str(items[0])
    assert items[1].id == "ok"


def test_invisible_format_characters_do_not_hide_claims_or_events():
    pipe = Pipeline.default()
    plain = pipe(make_document(TEXT, published="2015-08-01"))
    assert plain.claims and plain.events  # positive control
    for noisy in ("\u200b".join(TEXT), TEXT.replace("ا", "ا\u200d"), TEXT.replace(" ", " \u200f")):
        doc = pipe(make_document(noisy, published="2015-08-01"))
        assert len(doc.claims) == len(plain.claims)
        assert [e.type for e in doc.events] == [e.type for e in plain.events]
        for e in doc.events:
            assert doc.text[e.trigger.start:e.trigger.end] == e.trigger.text


def test_extreme_publication_dates_do_not_break_the_times_stage():
    from rasid.model.document import Document

    pipe = Pipeline.default()
    for pub in ("0001-01-01", "9999-12-31"):
        doc = pipe(Document(id="x", text=TEXT, published=pub))
        assert not doc.meta.get("failed_stages"), doc.warnings


def test_a_truncated_attribution_does_not_fail_the_claims_stage():
    pipe = Pipeline.default()
    for text in ("وقال المصادر التي أكدت", "نقلت الوكالة عن المصادر التي", "أكدت"):
        doc = pipe(make_document(text, published="2015-08-01"))
        assert not doc.meta.get("failed_stages"), doc.warnings


def test_compressed_jsonl_is_read_as_a_stream(tmp_path):
    import gzip

    recs = [{"id": f"g{i}", "text": TEXT, "published": "2015-08-01"} for i in range(3)]
    p = tmp_path / "in.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n")
    assert [d.id for d in iter_documents([p])] == ["g0", "g1", "g2"]
    assert [d.id for d in iter_documents([tmp_path])] == ["g0", "g1", "g2"]  # a directory walk finds it
    from rasid.ingest import count_inputs

    assert count_inputs([p]) == 3


def test_deeply_nested_json_is_one_malformed_record(tmp_path):
    """Found by scripts/fuzz.py: json.loads raised RecursionError and ended the run."""
    p = tmp_path / "in.jsonl"
    p.write_text("[" * 200_000 + "\n" + json.dumps({"id": "ok", "text": TEXT}) + "\n", encoding="utf-8")
    items = list(iter_documents([p]))
    assert [d.id for d in items if not isinstance(d, Exception)] == ["ok"]
    assert "nested too deep" in str(items[0])
    q = tmp_path / "in.json"
    q.write_text("[" * 200_000, encoding="utf-8")
    (err,) = list(iter_documents([q]))
    assert "nested too deep" in str(err)


def test_digits_float_cannot_read_do_not_fail_a_stage():
    """Found by scripts/fuzz.py (seed 11): "➀" is a digit to str.isdigit but not to float."""
    pipe = Pipeline.default()
    plain = pipe(make_document(TEXT, published="2015-08-01"))
    assert plain.events  # positive control
    doc = pipe(make_document("قتل ➀ شخصا في غارة على مدينة الرمادي أمس. " + TEXT, published="2015-08-01"))
    assert not doc.meta.get("failed_stages"), doc.warnings
