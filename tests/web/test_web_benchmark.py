"""benchmarks/api_latency.py still works (tiny scale)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "api_latency.py"


@pytest.mark.slow
def test_api_latency_benchmark_small(tmp_path):
    spec = importlib.util.spec_from_file_location("api_latency", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    db = tmp_path / "bench.db"
    mod.synthesise(db, 2000)
    import sqlite3

    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 2000
    conn.close()
    res = mod.run(db, clients=4, n_requests=50)
    assert sum(len(v) for v in res["latencies"].values()) == 50
    assert set(res["latencies"]) == set(mod.ENDPOINTS) and not any(res["errors"].values())
    p = mod.percentiles(res["latencies"]["events"])
    assert 0 < p["p50"] <= p["p95"]
