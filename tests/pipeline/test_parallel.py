"""Parallel analysis gives the same output as one process, in order.

Local workers need nothing extra; the ``--scheduler`` path needs the dask
extra and is tested against a real ``dask scheduler`` + ``dask worker``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest

from rasid import samples
from rasid.store import Store


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rasid", *args], capture_output=True, text=True, timeout=600)


def _docs(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_workers_match_single_process(tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    src = str(samples.path())
    r1 = _run("analyze", src, "-o", str(one), "-q")
    r2 = _run("analyze", src, "-o", str(two), "-q", "--workers", "2")
    assert r1.returncode == 0 and r2.returncode == 0, r2.stderr
    a, b = _docs(one), _docs(two)
    assert len(a) > 5 and [d["id"] for d in a] == [d["id"] for d in b]
    assert a == b


def test_ingest_with_workers_stores_the_same_documents(tmp_path):
    src = str(samples.path())
    r1 = _run("ingest", src, "--db", str(tmp_path / "one.db"), "-q")
    r2 = _run("ingest", src, "--db", str(tmp_path / "two.db"), "-q", "--workers", "2")
    assert r1.returncode == 0 and r2.returncode == 0, r2.stderr
    with Store(tmp_path / "one.db") as s1, Store(tmp_path / "two.db") as s2:
        q = "SELECT id, json FROM documents ORDER BY id"
        a, b = s1.conn.execute(q).fetchall(), s2.conn.execute(q).fetchall()
        assert len(a) > 5 and [tuple(r) for r in a] == [tuple(r) for r in b]
        for t in ("events", "claims", "story_docs"):
            n1 = s1.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            assert n1 == s2.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] and n1 > 0
        # the story embeddings, full-text terms and cross-document features (signatures,
        # keys, tf-idf) come from the workers in one run and from the writer in the other:
        # the same index, groups, scores and centroids
        for q in ("SELECT story_id, doc_id, score FROM story_docs ORDER BY doc_id",
                  "SELECT id, title, n_docs, centroid, date_start, date_end, terms FROM stories ORDER BY id",
                  "SELECT id, n_mentions, json FROM merged_events ORDER BY id",
                  "SELECT merged_id, doc_id, event_id, story_id, group_id FROM merged_mentions ORDER BY 2, 3",
                  "SELECT * FROM dup_groups ORDER BY doc_id", "SELECT * FROM dup_sigs ORDER BY doc_id",
                  "SELECT doc_id, title, body FROM docs_fts ORDER BY doc_id",
                  "SELECT doc_id, event_id, confidence FROM events ORDER BY 1, 2"):
            assert [tuple(r) for r in s1.conn.execute(q)] == [tuple(r) for r in s2.conn.execute(q)], q


def test_local_workers_fork_from_a_warmed_up_server():
    """The pipeline is loaded once, in the fork server, not again in each worker."""
    import multiprocessing

    from rasid.pipeline import parallel

    ctx = parallel._context()
    if "forkserver" in multiprocessing.get_all_start_methods():
        assert ctx.get_start_method() == "forkserver"
        assert parallel.PRELOAD in multiprocessing.forkserver._forkserver._preload_modules
    else:
        assert ctx.get_start_method() == "spawn"
    import importlib

    importlib.import_module(parallel.PRELOAD)  # what the server imports: it warms up this process
    assert parallel._warm
    parallel._init_worker()  # a forked worker finds it done (and stays on one BLAS thread)
    assert parallel._warm


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    pytest.importorskip("dask.bag")
    r = _run("analyze", str(samples.path()), "-o", str(tmp_path / "x.jsonl"), "--scheduler", "tcp://127.0.0.1:9")
    assert r.returncode == 2
    assert "cannot reach the Dask scheduler" in r.stderr and "Traceback" not in r.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_a_real_dask_cluster_gives_the_same_output(tmp_path):
    pytest.importorskip("distributed")
    dask_bin = shutil.which("dask", path=os.path.dirname(sys.executable)) or shutil.which("dask")
    if dask_bin is None:
        pytest.skip("the dask command is not installed")
    port = _free_port()
    addr = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, DASK_DISTRIBUTED__WORKER__DAEMON="False")
    procs = [subprocess.Popen([dask_bin, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)]
    try:
        time.sleep(3)
        procs.append(subprocess.Popen([dask_bin, "worker", addr, "--nworkers", "1", "--nthreads", "1",
                                       "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      env=env))
        one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
        src = str(samples.path())
        r1 = _run("analyze", src, "-o", str(one), "-q")
        r2 = _run("analyze", src, "-o", str(two), "-q", "--scheduler", addr)
        assert r1.returncode == 0 and r2.returncode == 0, r2.stderr
        assert _docs(one) == _docs(two)
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
