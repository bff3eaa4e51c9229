"""Crash test (issue 20): ``kill -9`` a ``rasid ingest`` at a random point,
run it again, and compare the database with an uninterrupted run.

The input is the first 40 articles of the real SaudiNewsNet dev corpus in
``../shared`` (copied to a temporary file at test time; the test skips without
it). Compared: the stored documents (text, metadata and analysis JSON) and
events; the cross-document partitions (stories, merged events) are compared
by ``test_resumed_ingest_converges``. ``RASID_CRASH_SEED`` replays one
kill point; the seed in use is in the assertion message.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import rasid

pytestmark = [pytest.mark.slow, pytest.mark.shared]

N_ARTICLES = 40
SRC = str(Path(rasid.__file__).resolve().parents[1])


@pytest.fixture(scope="module")
def corpus(shared_dir: Path, tmp_path_factory) -> Path:
    path = shared_dir / "data" / "corpus" / "saudinewsnet_conflict_dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()][:N_ARTICLES]
    out = tmp_path_factory.mktemp("crash") / "articles.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _ingest(inputs: Path, db: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen(
        [sys.executable, "-m", "rasid", "ingest", str(inputs), "--db", str(db), "--quiet"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _finish(proc: subprocess.Popen) -> None:
    out, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, err[-2000:]


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return [tuple(r) for r in conn.execute(sql)]


def snapshot(db: Path) -> dict[str, object]:
    """What a resumed run must reproduce exactly."""
    docs = _rows(db, "SELECT id, content_hash, published, title, url, outlet, text, json FROM documents ORDER BY id")
    with sqlite3.connect(db) as conn:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(events)")]
    events = _rows(db, f"SELECT {', '.join(cols)} FROM events ORDER BY doc_id, event_id")
    return {"documents": docs, "events": events}


def partitions(db: Path) -> dict[str, set[frozenset]]:
    """Stories and merged events as groups of members (ids may differ)."""

    def groups(sql: str) -> set[frozenset]:
        by: dict[str, set] = {}
        for key, member in _rows(db, sql):
            by.setdefault(key, set()).add(member)
        return {frozenset(v) for v in by.values()}

    return {
        "stories": groups("SELECT story_id, doc_id FROM story_docs"),
        "merged_events": groups("SELECT merged_id, doc_id || '/' || event_id FROM merged_mentions"),
        "duplicates": groups("SELECT group_id, doc_id FROM dup_groups"),
    }


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory) -> tuple[Path, float]:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    t0 = time.monotonic()
    _finish(_ingest(corpus, db))
    return db, time.monotonic() - t0


@pytest.fixture(scope="module")
def resumed(corpus: Path, clean, tmp_path_factory) -> tuple[Path, str]:
    _, took = clean
    seed = int(os.environ.get("RASID_CRASH_SEED", random.randrange(10 ** 6)))
    delay = random.Random(seed).uniform(0.15, 0.9) * took
    db = tmp_path_factory.mktemp("crash") / "crash.db"
    proc = _ingest(corpus, db)
    time.sleep(delay)
    stored = -1
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if db.exists():
            stored = _rows(db, "SELECT COUNT(*) FROM documents")[0][0]
    _finish(_ingest(corpus, db))  # resume
    return db, f"seed {seed}: killed after {delay:.1f} s of {took:.1f} s, {stored} document(s) stored by then"


def test_resumed_ingest_stores_the_same_documents_and_events(clean, resumed) -> None:
    (clean_db, _), (crash_db, how) = clean, resumed
    a, b = snapshot(clean_db), snapshot(crash_db)
    assert len(a["documents"]) == N_ARTICLES, how
    assert [d[0] for d in b["documents"]] == [d[0] for d in a["documents"]], how
    assert b["documents"] == a["documents"], how
    assert b["events"] == a["events"], how
    with sqlite3.connect(crash_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0] == 0


@pytest.mark.parametrize("key", ["duplicates", "merged_events", "stories"])
def test_resumed_ingest_converges(clean, resumed, key: str) -> None:
    """Issue 20 item 5: the cross-document groups must converge too."""
    (clean_db, _), (crash_db, how) = clean, resumed
    a, b = partitions(clean_db)[key], partitions(crash_db)[key]
    only_clean = sorted(sorted(g) for g in a - b)
    only_resumed = sorted(sorted(g) for g in b - a)
    assert a == b, json.dumps({"how": how, "what": key, "only_clean": only_clean[:5],
                               "only_resumed": only_resumed[:5]}, ensure_ascii=False)
