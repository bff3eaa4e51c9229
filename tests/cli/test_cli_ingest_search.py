"""`rasid ingest` and `rasid search` end to end.

The commands run in-process through typer's ``CliRunner`` (an exception that
would print a traceback fails the test with that exception); one smoke test
runs them as a real ``python -m rasid`` process, and so does the concurrency
test, where two real processes are the point.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

from typer.testing import CliRunner

from rasid.cli import app
from rasid.store import Store

ARTICLES = [
    {"id": "a1", "outlet": "صحيفة الرصد", "published": "2024-02-02", "title": "رتل في ديرالزور",
     "text": "قال مصدر محلي إن رتلاً للقوات الأميركية دخل ديرالزور أمس الخميس قادماً من العراق."},
    {"id": "a2", "outlet": "موقع الشرق", "published": "2024-02-03", "title": "غارة قرب البوكمال",
     "text": "استهدفت طائرة مسيرة موقعاً قرب البوكمال في ريف دير الزور الشرقي فجر اليوم."},
]


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str) -> Ran:
    """``rasid ARGS`` in-process; an uncaught exception is raised here (the real
    command would end in a traceback)."""
    r = CliRunner().invoke(app, list(args))
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return Ran(r.exit_code, r.stdout, r.stderr)


def run_process(*args: str) -> subprocess.CompletedProcess:
    """``python -m rasid ARGS`` as a real process."""
    return subprocess.run([sys.executable, "-m", "rasid", *args], capture_output=True, text=True, timeout=300)


def write_jsonl(path, records, bad_line: bool = False):
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    if bad_line:
        lines.insert(1, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_ingest_twice_changes_nothing(tmp_path):
    src, db = tmp_path / "in.jsonl", tmp_path / "r.db"
    write_jsonl(src, ARTICLES)
    first = run("ingest", str(src), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "2 added" in first.stderr
    second = run("ingest", str(src), "--db", str(db))
    assert second.returncode == 0 and "0 added, 2 unchanged" in second.stderr
    with Store(db) as st:
        assert st.count("documents") == 2
        assert st.get("a1").outlet == "صحيفة الرصد"


def test_ingest_goes_on_after_a_bad_line_and_a_missing_file(tmp_path):
    src, db = tmp_path / "in.jsonl", tmp_path / "r.db"
    write_jsonl(src, ARTICLES, bad_line=True)
    res = run("ingest", str(src), str(tmp_path / "missing.txt"), "--db", str(db))
    assert res.returncode == 0
    assert f"rasid: {src}:2: malformed JSONL line" in res.stderr
    assert "missing.txt: no such file or directory" in res.stderr
    assert "Traceback" not in res.stderr
    with Store(db) as st:
        assert st.count("documents") == 2


def test_ingest_nothing_usable_exits_non_zero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    res = run("ingest", str(empty), "--db", str(tmp_path / "r.db"))
    assert res.returncode == 1
    assert "empty.txt" in res.stderr and "Traceback" not in res.stderr


def test_interrupted_ingest_keeps_committed_documents(tmp_path):
    """Documents committed before a crash survive, and a re-run completes the rest."""
    db = tmp_path / "r.db"
    from rasid.ingest import make_document

    with Store(db) as st:
        st.add(make_document(ARTICLES[0]["text"], id="a1"))
    # a second connection sees it: it was committed
    with Store(db) as st:
        assert st.count("documents") == 1
    src = tmp_path / "in.jsonl"
    write_jsonl(src, ARTICLES)
    assert run("ingest", str(src), "--db", str(db)).returncode == 0
    with Store(db) as st:
        assert st.count("documents") == 2


def test_smoke_ingest_and_search_as_a_process(tmp_path):
    src, db = tmp_path / "in.jsonl", tmp_path / "r.db"
    write_jsonl(src, ARTICLES)
    res = run_process("ingest", str(src), "--db", str(db))
    assert res.returncode == 0 and "2 added" in res.stderr, res.stderr
    res = run_process("search", "دير الزور", "--db", str(db), "--json")
    assert res.returncode == 0 and "Traceback" not in res.stderr, res.stderr
    assert {json.loads(line)["doc_id"] for line in res.stdout.splitlines()} == {"a1", "a2"}


def test_search_cli(tmp_path):
    src, db = tmp_path / "in.jsonl", tmp_path / "r.db"
    write_jsonl(src, ARTICLES)
    assert run("ingest", str(src), "--db", str(db), "-q").returncode == 0
    res = run("search", "دير الزور", "--db", str(db), "--json")
    assert res.returncode == 0, res.stderr
    hits = [json.loads(line) for line in res.stdout.splitlines()]
    assert {h["doc_id"] for h in hits} == {"a1", "a2"}
    res = run("search", "البو كمال", "--db", str(db))
    assert "a2" in res.stdout and "البوكمال" in res.stdout
    res = run("search", "طهران", "--db", str(db))
    assert res.returncode == 0 and "no match" in res.stdout


def test_rerun_catches_up_cross_document_groups(tmp_path):
    """Documents stored by a run that stopped before the cross-document step
    join the stories and merged events on the next run."""
    from rasid.ingest.ingester import Ingester
    from rasid.ingest import iter_documents

    src, db = tmp_path / "in.jsonl", tmp_path / "r.db"
    write_jsonl(src, ARTICLES)
    with Store(db) as st:
        ing = Ingester(st, update_crossdoc=False)  # as if interrupted before the crossdoc step
        for d in iter_documents([src]):
            ing(d)
        ing.finish()
    assert run("ingest", str(src), "--db", str(db), "-q").returncode == 0
    with Store(db) as st:
        done = {r[0] for r in st.conn.execute("SELECT doc_id FROM crossdoc_docs")}
        assert done == {"a1", "a2"}


def test_two_concurrent_ingests_store_every_document_once(tmp_path):
    src, db = tmp_path / "in.jsonl", tmp_path / "r.db"
    recs = [dict(a, id=f"{a['id']}-{k}", text=a["text"] + f" ({k})") for k in range(3) for a in ARTICLES]
    write_jsonl(src, recs)
    cmd = [sys.executable, "-m", "rasid", "ingest", str(src), "--db", str(db), "--quiet"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    with Store(db) as st:
        ids = [r[0] for r in st.conn.execute("SELECT id FROM documents")]
        assert sorted(ids) == sorted(r["id"] for r in recs)
        n_events = st.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        distinct = st.conn.execute("SELECT COUNT(*) FROM (SELECT DISTINCT doc_id, event_id FROM events)").fetchone()[0]
        assert n_events == distinct > 0


def test_strict_fails_the_exit_status_but_keeps_going(tmp_path):
    src, db = tmp_path / "in.jsonl", tmp_path / "r.db"
    src.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n{broken\n"
                   + json.dumps(ARTICLES[1], ensure_ascii=False) + "\n", encoding="utf-8")
    res = run("ingest", str(src), "--db", str(db), "--strict")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "2 added" in res.stderr
    res = run("ingest", str(src), "--db", str(db))
    assert res.returncode == 0


def test_read_commands_refuse_a_missing_database(tmp_path):
    db = tmp_path / "typo.db"
    for cmd in ("search", "events", "stories"):
        args = [cmd, "دير الزور"] if cmd == "search" else [cmd]
        res = CliRunner().invoke(app, [*args, "--db", str(db)])
        assert res.exit_code == 2, (cmd, res.output)
        assert "no such database" in res.output
    assert not db.exists()


def test_events_refuses_an_unknown_type(tmp_path):
    src, db = tmp_path / "in.jsonl", tmp_path / "r.db"
    write_jsonl(src, ARTICLES)
    assert CliRunner().invoke(app, ["ingest", str(src), "--db", str(db), "-q"]).exit_code == 0
    res = CliRunner().invoke(app, ["events", "--db", str(db), "--type", "BOMBING"])
    assert res.exit_code == 2 and "unknown PLOVER type" in res.output
    ok = CliRunner().invoke(app, ["events", "--db", str(db), "--type", "mobilize", "-f", "jsonl"])
    assert ok.exit_code == 0
    rows = [json.loads(x) for x in ok.output.splitlines() if x.startswith("{")]
    assert rows and all(r["type"] == "MOBILIZE" for r in rows)  # positive control: the filter keeps matches
    merged = CliRunner().invoke(app, ["events", "--db", str(db), "--merged", "--type", "MOBILIZE", "-n", "1", "-f", "jsonl"])
    assert merged.exit_code == 0 and len([x for x in merged.output.splitlines() if x.startswith("{")]) <= 1
