"""The per-document budget: a long or slow document is cut or its later stages
skipped, with one warning, never a hang (issue 20)."""

from __future__ import annotations

import time

from rasid import settings
from rasid.ingest import make_document
from rasid.pipeline import Pipeline, cut_point

SENT = "قال مصدر أمني إن طائرات التحالف شنت غارات على مواقع لتنظيم داعش في مدينة الرمادي أمس الخميس. "


def _set(monkeypatch, **values):
    real = settings.get
    monkeypatch.setattr(settings, "get", lambda name: values[name] if name in values else real(name))


def test_cut_point_prefers_a_sentence_end():
    text = SENT * 10
    cut = cut_point(text, 250)
    assert cut <= 250 and text[cut - 1] == "."
    assert cut_point("ا" * 100, 40) == 40
    assert cut_point("short", 40) == 5


def test_a_long_document_is_analysed_up_to_the_limit(monkeypatch):
    _set(monkeypatch, max_doc_chars=len(SENT) * 3 + 10)
    doc = make_document(SENT * 20, published="2015-08-01")
    out = Pipeline.default()(doc)
    assert out is doc and len(doc.text) == len(SENT) * 20  # the text is kept whole
    assert doc.meta["analysed_chars"] == len(SENT) * 3 - 1  # after the full stop
    assert sum(w.startswith("budget:") for w in doc.warnings) == 1
    assert doc.check_spans() == []
    assert doc.events, "the analysed prefix still has its events"
    assert all(e.trigger.end <= len(SENT) * 3 for e in doc.events)
    assert all(m.end <= len(SENT) * 3 for e in doc.entities for m in e.mentions)
    assert not doc.meta.get("failed_stages")


def test_a_slow_document_skips_its_remaining_stages(monkeypatch):
    _set(monkeypatch, max_doc_seconds=0.05)
    calls = []

    def slow(doc):
        calls.append("slow")
        time.sleep(0.1)

    def never(doc):
        calls.append("never")

    doc = make_document(SENT)
    Pipeline([("slow", slow), ("later", never), ("last", never)])(doc)
    assert calls == ["slow"]
    assert doc.meta["skipped_stages"] == ["later", "last"]
    assert [w for w in doc.warnings if w.startswith("budget:")] == [doc.warnings[-1]]
    assert "later, last" in doc.warnings[-1] and "max_doc_seconds" in doc.warnings[-1]


def test_zero_means_no_limit(monkeypatch):
    _set(monkeypatch, max_doc_chars=0, max_doc_seconds=0)
    doc = make_document(SENT * 3)
    Pipeline.default(["places"])(doc)
    assert "budget" not in doc.meta and "analysed_chars" not in doc.meta


def test_the_cli_prints_the_budget_warning(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from rasid.cli import app

    monkeypatch.setenv("RASID_MAX_DOC_CHARS", str(len(SENT) * 2))
    p = tmp_path / "a.txt"
    p.write_text(SENT * 5, encoding="utf-8")
    res = CliRunner().invoke(app, ["analyze", str(p), "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 0, res.output
    assert "warning: budget: analysed the first" in res.output


def test_a_megabyte_article_is_cut_at_the_default_limit():
    """The issue's 1.3 MB article: analysed up to max_doc_chars (default), with
    one warning. Only the places and times stages here, to stay fast; the full
    pipeline's time on the cut text depends on each stage being linear."""
    limit = settings.get("max_doc_chars")
    doc = make_document(SENT * (1_300_000 // len(SENT)), published="2015-08-01")
    assert len(doc.text) > 1_200_000
    t0 = time.monotonic()
    Pipeline.default(["places", "times"])(doc)
    assert time.monotonic() - t0 < 60
    assert 0 < doc.meta["analysed_chars"] <= limit
    assert len(doc.text) > 1_200_000
    assert doc.entities and doc.check_spans() == []


def test_the_default_pipeline_tunes_the_collector_once_after_its_first_document():
    import gc

    import rasid.pipeline as rp

    Pipeline.default()(make_document(SENT, published="2015-08-01"))
    assert rp._gc_tuned
    gen0 = gc.get_threshold()[0]
    assert gen0 == 0 or gen0 >= rp.GC_GEN0  # 0: collection switched off by the caller
