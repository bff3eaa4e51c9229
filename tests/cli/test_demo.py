"""``rasid demo`` and the built-in sample corpus."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from rasid import samples
from rasid.cli import app
from rasid.cli.demo import summarize
from rasid.model.document import Document


def test_sample_corpus_shape() -> None:
    recs = samples.records()
    assert len(recs) >= 12
    assert len({r["id"] for r in recs}) == len(recs)
    assert len({r["outlet"] for r in recs}) >= 4
    assert len({r["published"] for r in recs}) >= 6
    for r in recs:
        assert set(r) == {"id", "url", "outlet", "title", "published", "text"}
        assert re.fullmatch(r"202[34]-\d\d-\d\d", r["published"])
        assert 120 <= len(r["text"].split()) <= 300, r["id"]
    text = "\n".join(r["text"] for r in recs)
    for needle in (
        "البوكمال", "البو كمال", "القائم", "الوليد", "التنف", "ديرالزور", "دير الزور", "سورية", "سوريا",
        "الأمريكية", "الأميركية", "أمس الخميس", "قبل ثلاثة أيام", "14 مارس/آذار الماضي",
        "مصدر محلي", "المرصد السوري لحقوق الإنسان", "المتحدث باسم", "نفت", "إدلب", "هدد", "القبض",
    ):
        assert needle in text, needle


def test_load_gives_documents() -> None:
    docs = samples.load()
    assert all(isinstance(d, Document) and d.published and d.outlet and d.title for d in docs)
    assert docs[0].id == samples.records()[0]["id"]
    assert samples.path().name == "articles.jsonl"
    # the sample file round-trips through the ingestion layer unchanged
    from rasid.ingest import iter_documents

    assert [d.id for d in iter_documents([samples.path()])] == [d.id for d in docs]


def test_samples_are_nfkc_and_clean() -> None:
    import unicodedata

    for r in samples.records():
        assert unicodedata.normalize("NFKC", r["text"]) == r["text"]
        assert "  " not in r["text"]


def test_demo_runs(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["demo", "--no-serve", "--db", str(tmp_path / "d.db")])
    assert r.exit_code == 0, r.output
    n = len(samples.records())
    assert f"Rasid demo: {n} sample articles" in r.stdout
    for word in ("places", "claims", "events", "database"):
        assert word in r.stdout
    assert "Traceback" not in r.output
    # store and crossdoc are part of the package: their output is always there
    assert f"({n} new document(s) stored)" in r.stdout
    again = CliRunner().invoke(app, ["demo", "--no-serve", "--db", str(tmp_path / "d.db"), "-q"])
    assert again.exit_code == 0 and "(0 new document(s) stored)" in again.stdout
    assert "near-verbatim copies" in r.stdout


def test_summarize_counts() -> None:
    docs = [Document.from_dict(json.loads(json.dumps({"id": "x", "text": "نص", "published": "2024-01-01"})))]
    s = summarize(docs)
    assert s["documents"] == 1 and s["dates"] == ["2024-01-01"] and s["times"] == 0


def test_demo_serves_unless_no_serve(tmp_path, monkeypatch) -> None:
    import rasid.web as web

    calls = []
    monkeypatch.setattr(web, "serve", lambda db, **kw: calls.append(str(db)))
    db = tmp_path / "s.db"
    r = CliRunner().invoke(app, ["demo", "--db", str(db), "-q"])
    assert r.exit_code == 0, r.output
    assert calls == [str(db)]
