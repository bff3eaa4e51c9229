"""The shared document runner of the CLI: progress bar, messages, counts."""

from __future__ import annotations

import io
import json

from rich.console import Console

from rasid.cli import _run

TEXT = "أفادت مصادر محلية بأن دورية عسكرية وصلت إلى أطراف البلدة صباح اليوم."


def corpus(tmp_path, n: int):
    p = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": f"{TEXT} {i}"}, ensure_ascii=False) for i in range(n)]
    p.write_text("\n".join(lines + ["{bad"]) + "\n", encoding="utf-8")
    return p


def test_progress_bar_on_a_terminal(tmp_path, monkeypatch) -> None:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=100)
    monkeypatch.setattr(_run, "stderr_console", lambda: console)
    seen = []
    stats = _run.process([str(corpus(tmp_path, 6))], seen.append)
    assert [d.id for d in seen] == [f"d{i}" for i in range(6)]
    assert (stats.documents, stats.errors) == (6, 1)
    out = buf.getvalue()
    assert "analysing" in out  # the bar was drawn
    assert "malformed JSONL line" in out


def test_no_progress_when_quiet_or_few(tmp_path, monkeypatch, capsys) -> None:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=100)
    monkeypatch.setattr(_run, "stderr_console", lambda: console)
    _run.process([str(corpus(tmp_path, 2))], lambda d: None)
    assert "analysing" not in buf.getvalue()
    buf.truncate(0)
    _run.process([str(corpus(tmp_path, 8))], lambda d: None, quiet=True)
    assert "analysing" not in buf.getvalue()


def test_handle_false_counts_as_skipped(tmp_path) -> None:
    stats = _run.process([str(corpus(tmp_path, 3))], lambda d: d.id != "d1")
    assert (stats.documents, stats.skipped, stats.errors) == (3, 1, 1)


def test_warnings_printed_once_per_document(tmp_path, capsys) -> None:
    p = tmp_path / "en.txt"
    p.write_text("Plain English text only.", encoding="utf-8")
    stats = _run.process([str(p)], lambda d: None)
    err = capsys.readouterr().err.splitlines()
    assert err == [f"rasid: {p}: warning: not Arabic text (0% Arabic letters); analysed anyway"]
    assert stats.warnings == 1
