"""``rasid stories`` and ``rasid events [--merged]`` on a store."""

from __future__ import annotations

import json

from articles import strike_docs
from typer.testing import CliRunner

from rasid import crossdoc
from rasid.cli import app
from rasid.store import Store


def _db(tmp_path):
    db = tmp_path / "r.db"
    with Store(db) as st:
        docs = strike_docs()
        for d in docs:
            st.add(d)
        crossdoc.update(st, docs)
    return str(db)


def test_events_merged_jsonl(tmp_path):
    db = _db(tmp_path)
    res = CliRunner().invoke(app, ["events", "--merged", "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.output.splitlines()]
    top = rows[0]
    for key in ("id", "type", "place", "date_start", "date_end", "mentions", "outlets",
                "independent_sources", "contradicted"):
        assert key in top
    assert top["outlets"] == 3 and top["contradicted"] is True
    for m in top["mentions"]:
        assert {"doc_id", "outlet", "claim_source_text", "stance"} <= set(m)
    assert {"name", "lat", "lon"} <= set(top["place"])


def test_events_merged_table_and_per_document(tmp_path):
    db = _db(tmp_path)
    res = CliRunner().invoke(app, ["events", "--merged", "--db", db, "--contradicted"])
    assert res.exit_code == 0, res.output
    assert "CONTRADICTED" in res.output and "Al-Bukamal" in res.output and "(copy)" in res.output
    res = CliRunner().invoke(app, ["events", "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.output.splitlines()]
    assert len(rows) == 6 and {r["doc_id"] for r in rows} == {"a", "b", "c", "d", "e", "f"}


def test_stories_command(tmp_path):
    db = _db(tmp_path)
    res = CliRunner().invoke(app, ["stories", "--db", db])
    assert res.exit_code == 0, res.output
    assert "article(s)" in res.output
    res = CliRunner().invoke(app, ["stories", "--db", db, "--format", "jsonl", "--min-articles", "2"])
    rows = [json.loads(x) for x in res.output.splitlines()]
    assert rows and all(r["n_articles"] >= 2 for r in rows)
    assert all({"event_date_start", "event_date_end", "event_days"} <= set(r) for r in rows)
    res = CliRunner().invoke(app, ["stories", "--db", db, "--summary"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].split()[:4] == ["#", "articles", "outlets", "event"] and len(lines) >= 2


def test_bad_format_is_refused(tmp_path):
    res = CliRunner().invoke(app, ["events", "--db", str(tmp_path / "x.db"), "--format", "xml"])
    assert res.exit_code == 2
