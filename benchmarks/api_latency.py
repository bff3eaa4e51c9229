"""API latency under load: p50/p95 of filtered event queries.

Synthesises N events (default 100,000) into a temporary Rasid store, starts
``rasid.web.serve`` in a child process on 127.0.0.1 (a free port), and runs C
concurrent clients (threads, one httpx client each) sending a bounded number of
requests to ``/api/events`` with random filters (type, bbox, date range,
country, modality, actor, paging). Prints latency percentiles and throughput.

    PYTHONPATH=src python benchmarks/api_latency.py [--events 100000] [--clients 20] [--requests 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from rasid.store import Store

TYPES = ["ASSAULT", "MOBILIZE", "COERCE", "THREATEN", "PROTEST", "CONSULT", "AID", "AGREE", "ACCUSE", "REJECT"]
MODALITIES = ["asserted"] * 6 + ["speculated", "denied", "planned"]
OUTLETS = ["الوطن", "الشرق", "عكاظ", "الرياض", "المدينة", "الحياة"]
PLACES = [  # name, name_ar, lat, lon, country, admin1
    ("Aleppo", "حلب", 36.20, 37.13, "SY", "Aleppo"), ("Damascus", "دمشق", 33.51, 36.29, "SY", "Damascus"),
    ("Idlib", "إدلب", 35.93, 36.63, "SY", "Idlib"), ("Homs", "حمص", 34.73, 36.71, "SY", "Homs"),
    ("Raqqa", "الرقة", 35.95, 39.01, "SY", "Raqqa"), ("Deir ez-Zor", "دير الزور", 35.33, 40.14, "SY", "Deir ez-Zor"),
    ("Daraa", "درعا", 32.62, 36.10, "SY", "Daraa"), ("Baghdad", "بغداد", 33.31, 44.37, "IQ", "Baghdad"),
    ("Mosul", "الموصل", 36.34, 43.13, "IQ", "Nineveh"), ("Ramadi", "الرمادي", 33.42, 43.30, "IQ", "Anbar"),
    ("Fallujah", "الفلوجة", 33.35, 43.78, "IQ", "Anbar"), ("Kirkuk", "كركوك", 35.47, 44.39, "IQ", "Kirkuk"),
    ("Basra", "البصرة", 30.51, 47.81, "IQ", "Basra"), ("Beirut", "بيروت", 33.89, 35.50, "LB", "Beirut"),
    ("Amman", "عمان", 31.95, 35.93, "JO", "Amman"), ("Gaziantep", "غازي عنتاب", 37.07, 37.38, "TR", "Gaziantep"),
]
ACTORS = ["Syrian government forces", "Islamic State", "SDF", "Iraqi army", "Popular Mobilization Forces",
          "US-led coalition", "Russian air force", "Free Syrian Army", "Hezbollah", "Turkish army"]


def synthesise(path: Path, n_events: int, per_doc: int = 5, seed: int = 7) -> None:
    """Write ``n_events`` events (``per_doc`` per document) with the store's schema."""
    rnd = random.Random(seed)
    Store(str(path)).close()  # creates the schema
    st = Store(str(path))
    c = st.conn
    day0 = date(2014, 1, 1)
    n_docs = (n_events + per_doc - 1) // per_doc
    docs, events = [], []
    k = 0
    for i in range(n_docs):
        pub = day0 + timedelta(days=rnd.randrange(3650))
        outlet = rnd.choice(OUTLETS)
        text = f"نص تجريبي رقم {i} عن أحداث متفرقة."
        doc_id = f"bench-{i:06d}"
        docs.append((doc_id, f"h{i}", pub.isoformat(), f"خبر {i}", None, outlet, text,
                     json.dumps({"id": doc_id, "text": text, "published": pub.isoformat(), "title": f"خبر {i}",
                                 "outlet": outlet, "entities": [], "times": [], "claims": [], "events": []},
                                ensure_ascii=False), time.time()))
        for j in range(per_doc):
            if k >= n_events:
                break
            k += 1
            name, name_ar, lat, lon, cc, adm = rnd.choice(PLACES)
            d = pub - timedelta(days=rnd.randrange(3))
            located = rnd.random() < 0.85
            events.append((
                doc_id, f"event-{j + 1}", rnd.choice(TYPES), None, rnd.choice(MODALITIES),
                "قصف", 0, 3, 0, 10, "قصف تجريبي",
                "actor-1", rnd.choice(ACTORS), None, None,
                "place-1", name, name_ar,
                (lat + rnd.uniform(-0.2, 0.2)) if located else None, (lon + rnd.uniform(-0.2, 0.2)) if located else None,
                cc, adm, 2, d.isoformat(), d.isoformat(), None, rnd.choice([None, None, "assert", "deny"]), None, None,
                rnd.choice([None, 0, 1, 3, 10]), None, None, round(rnd.random(), 2), outlet, pub.isoformat(), None, None))
        if len(events) >= 20000:
            with c:
                c.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?)", docs)
                c.executemany("INSERT INTO events VALUES (" + ",".join("?" * 37) + ")", events)
            docs, events = [], []
    with c:
        c.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?)", docs)
        c.executemany("INSERT INTO events VALUES (" + ",".join("?" * 37) + ")", events)
    c.execute("ANALYZE")
    st.close()


def random_query(rnd: random.Random) -> dict[str, str]:
    """Filters as an analyst's map would send them (one to three at a time)."""
    q: dict[str, str] = {"limit": str(rnd.choice([20, 50, 100])), "offset": str(rnd.choice([0, 0, 0, 50, 200]))}
    for key in rnd.sample(["type", "bbox", "date", "country", "modality", "actor"], rnd.randint(1, 3)):
        if key == "type":
            q["type"] = ",".join(rnd.sample(TYPES, rnd.randint(1, 2)))
        elif key == "bbox":
            x, y = rnd.uniform(35, 45), rnd.uniform(31, 37)
            q["bbox"] = f"{x:.2f},{y:.2f},{x + rnd.uniform(0.5, 4):.2f},{y + rnd.uniform(0.5, 3):.2f}"
        elif key == "date":
            d0 = date(2014, 1, 1) + timedelta(days=rnd.randrange(3400))
            q["date_from"], q["date_to"] = d0.isoformat(), (d0 + timedelta(days=rnd.choice([7, 30, 90, 365]))).isoformat()
        elif key == "country":
            q["country"] = rnd.choice(["SY", "IQ", "LB,JO"])
        elif key == "modality":
            q["modality"] = rnd.choice(["denied", "speculated", "asserted"])
        else:
            q["actor"] = rnd.choice(["Islamic", "army", "SDF", "coalition"])
    return q


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(db: Path, clients: int, n_requests: int, seed: int = 11) -> dict[str, float]:
    port = free_port()
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.Popen(
        [sys.executable, "-c", f"from rasid.web import serve; serve({str(db)!r}, host='127.0.0.1', port={port})"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline or proc.poll() is not None:
                raise SystemExit("server did not start: " + (proc.stderr.read().decode() if proc.stderr else ""))
            time.sleep(0.2)
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        per_client = [n_requests // clients + (1 if i < n_requests % clients else 0) for i in range(clients)]

        def client(i: int) -> None:
            rnd = random.Random(seed + i)
            mine, bad = [], []
            with httpx.Client(base_url=base, timeout=60) as c:
                for _ in range(per_client[i]):
                    params = random_query(rnd)
                    t0 = time.perf_counter()
                    r = c.get("/api/events", params=params)
                    dt = time.perf_counter() - t0
                    if r.status_code != 200:
                        bad.append(f"{r.status_code} {params}")
                    mine.append(dt)
            with lock:
                latencies.extend(mine)
                errors.extend(bad)

        t0 = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(10)
    latencies.sort()
    q = statistics.quantiles(latencies, n=100)
    return {"requests": len(latencies), "errors": len(errors), "wall_s": wall, "rps": len(latencies) / wall,
            "p50_ms": q[49] * 1000, "p95_ms": q[94] * 1000, "p99_ms": q[98] * 1000,
            "mean_ms": statistics.fmean(latencies) * 1000}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=2000, help="total requests, spread over the clients")
    ap.add_argument("--db", help="keep the synthetic database here (default: a temporary file)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench.db"
        if not db.exists():
            t0 = time.perf_counter()
            synthesise(db, args.events)
            print(f"synthesised {args.events} events in {time.perf_counter() - t0:.1f}s ({db.stat().st_size >> 20} MiB)")
        res = run(db, args.clients, args.requests)
    print(f"{res['requests']} requests from {args.clients} clients against /api/events "
          f"({args.events} events): {res['errors']} errors, {res['rps']:.0f} req/s")
    print(f"latency p50 {res['p50_ms']:.1f} ms  p95 {res['p95_ms']:.1f} ms  p99 {res['p99_ms']:.1f} ms  "
          f"mean {res['mean_ms']:.1f} ms")


if __name__ == "__main__":
    main()
