"""``rasid analyze`` end to end, bad inputs included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasid.cli import app
from rasid.model.document import Document

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "قال مصدر محلي إن رتلاً للقوات الأمريكية دخل سوريا عبر معبر الوليد أمس الخميس، "
    "وتوجه نحو قاعدة حقل العمر في ريف دير الزور."
)


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def read_jsonl(path: Path) -> list[Document]:
    return [Document.from_json(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_analyze_txt_to_file(tmp_path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out" / "o.jsonl"
    r = invoke("analyze", str(src), "-o", str(out), "--published", "2024-03-15", "--outlet", "وكالة")
    assert r.exit_code == 0, r.output
    [doc] = read_jsonl(out)
    assert (doc.published, doc.outlet, doc.text) == ("2024-03-15", "وكالة", TEXT)
    assert doc.check_spans() == []
    assert "analysed 1 document(s), 0 input error(s)" in r.stderr


def test_analyze_stdout_and_quiet(tmp_path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    r = invoke("analyze", str(src), "-o", "-", "-q")
    assert r.exit_code == 0
    rec = json.loads(r.stdout)
    assert rec["text"] == TEXT and rec["id"].startswith("sha1:")
    for key in ("entities", "times", "claims", "events"):
        assert rec[key] == [] or isinstance(rec[key], list)
    assert r.stderr == ""


def test_analyze_samples_jsonl(tmp_path) -> None:
    from rasid import samples

    out = tmp_path / "s.jsonl"
    r = invoke("analyze", str(samples.path()), "-o", str(out), "-q")
    assert r.exit_code == 0, r.stderr
    docs = read_jsonl(out)
    assert [d.id for d in docs] == [rec["id"] for rec in samples.records()]
    assert all(d.check_spans() == [] for d in docs)
    # positive control: every stage found something (a dead stage finds nothing in any sample)
    for what in ("entities", "times", "claims", "events"):
        assert any(getattr(d, what) for d in docs), f"no {what} in any sample"
    assert not any(d.meta.get("failed_stages") for d in docs)


def test_bad_inputs_one_line_each_and_others_processed(tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "invalid.txt").write_bytes(TEXT.encode()[:30] + b"\xff\xfe" + TEXT.encode())
    with (tmp_path / "big.txt").open("wb") as fh:
        fh.seek(50_000_000 - 1)
        fh.write(b"a")
    (tmp_path / "english.txt").write_text("Nothing Arabic in this text at all.", encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "ok", "text": TEXT}, ensure_ascii=False) + "\n{oops\n", encoding="utf-8"
    )
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"  # inside the input directory: must not be read back
    r = invoke("analyze", str(tmp_path), str(tmp_path / "nope.txt"), "-o", str(out))
    assert r.exit_code == 0
    lines = r.stderr.strip().splitlines()
    assert "Traceback" not in r.stderr
    expect = {
        "big.txt": "file too large",
        "binary.txt": "binary data",
        "empty.txt": "empty input",
        "invalid.txt": "invalid UTF-8 bytes",
        "lines.jsonl:2": "malformed JSONL line",
        "nope.txt": "no such file or directory",
        "english.txt": "warning: not Arabic text",
    }
    for name, reason in expect.items():
        [line] = [ln for ln in lines if f"{tmp_path / name}:" in ln]
        assert line.startswith(f"rasid: {tmp_path / name}: ") and reason in line, line
    docs = read_jsonl(out)
    assert len(docs) == 3 and "ok" in {d.id for d in docs}
    assert sorted(d.text[:7] for d in docs) == sorted(["Nothing", TEXT[:7], TEXT[:7]])
    english = next(d for d in docs if d.text.startswith("Nothing"))
    assert any("not Arabic" in w for w in english.warnings)
    assert lines[-1] == "rasid: analysed 3 document(s), 6 input error(s)"


def test_nothing_processed_exits_non_zero(tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    r = invoke("analyze", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o.jsonl"))
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == f"rasid: {tmp_path / 'empty.txt'}: empty input (no text)"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--published", "15/03/2024"], "rasid: --published: expected a date as YYYY-MM-DD"),
        (["-o", "/proc/nonexistent/x.jsonl"], "rasid: /proc/nonexistent/x.jsonl: cannot write"),
    ],
)
def test_user_errors_are_one_line(tmp_path, args, message) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    r = invoke("analyze", str(src), *args)
    assert r.exit_code == 2
    assert r.stderr.startswith(message) and "Traceback" not in r.stderr


def test_module_entry_point_no_traceback(tmp_path) -> None:
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02\x03" * 100)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    p = subprocess.run(
        [sys.executable, "-m", "rasid", "analyze", str(tmp_path / "bin.dat"), "-o", "-"],
        capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL,
    )
    assert p.returncode == 1
    assert p.stdout == ""
    assert p.stderr.splitlines()[0] == f"rasid: {tmp_path / 'bin.dat'}: binary data (NUL bytes), not text"
    assert "Traceback" not in p.stderr


def test_version_and_help() -> None:
    from rasid import __version__

    assert invoke("--version").stdout.strip() == __version__
    r = invoke("--help")
    assert r.exit_code == 0
    for cmd in ("analyze", "demo"):
        assert cmd in r.stdout
    assert "RASID_MAX_INPUT_BYTES" in r.stdout
