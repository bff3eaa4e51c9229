"""Parallel analysis (dask extra) gives the same output as one process, in order."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("dask.bag")

from rasid import samples  # noqa: E402


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rasid", *args], capture_output=True, text=True, timeout=600)


def test_workers_match_single_process(tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    src = str(samples.path())
    r1 = _run("analyze", src, "-o", str(one), "-q")
    r2 = _run("analyze", src, "-o", str(two), "-q", "--workers", "2")
    assert r1.returncode == 0 and r2.returncode == 0, r2.stderr
    a = [json.loads(x) for x in one.read_text(encoding="utf-8").splitlines()]
    b = [json.loads(x) for x in two.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in a] == [d["id"] for d in b]
    assert a == b


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    r = _run("analyze", str(samples.path()), "-o", str(tmp_path / "x.jsonl"), "--scheduler", "tcp://127.0.0.1:9")
    assert r.returncode == 2
    assert "cannot reach the Dask scheduler" in r.stderr and "Traceback" not in r.stderr
