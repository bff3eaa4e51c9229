"""API latency under load: p50/p95 of the list endpoints the web UI calls.

Synthesises N events (default 100,000, five per document) with their documents,
full-text index, place and actor entities, merged events and stories into a
fresh Rasid store, starts ``rasid.web.serve`` on it in a child process on
127.0.0.1 (a free port), and runs C concurrent clients (threads, one httpx
client each) sending a mix of requests as the web UI does:

- ``events``: ``/api/events`` with random filters (type, bbox, date range,
  country, modality, actor; pages of 20 to 100);
- ``merged``: ``/api/merged-events`` as the map's merged list asks for it
  (``min_reports=2``, ``summary=false``, pages of 50, zero to two filters);
- ``stories``: ``/api/stories`` (pages of 200, as the stories page);
- ``search``: ``/api/search`` for one or two words (pages of 50);
- ``facets``: ``/api/facets`` (the filter panel's values).

It prints one line per endpoint (requests, errors, p50, p95, p99) and the
machine's load average before and after, and the API process's CPU time (the figures are wall-clock latencies:
other processes on the machine inflate them).

The store is SQLite by default (a temporary file, or ``--db PATH``, kept and
reused); ``--db postgresql://user@host/db`` puts it in a fresh schema of that
PostgreSQL database, dropped afterwards (``--schema NAME`` keeps and reuses one).
The rows are written through the store's connection (:class:`rasid.store.Store`),
whose SQL runs on either back-end.

    PYTHONPATH=src python benchmarks/api_latency.py [--events 100000] [--clients 20] [--requests 2000]
        [--db PATH|URL] [--schema NAME] [--endpoints events,merged,stories,search,facets]
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
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import quote

import httpx

from rasid.store import Store
from rasid.store.backend import is_url, redact
from rasid.store.crossdoc import MERGED_EVENT_COLUMNS, MERGED_MENTION_COLUMNS, STORY_COLUMNS
from rasid.store.search_terms import index_terms

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
# words of the synthetic texts (drawn with Zipf-like weights: a few are in most documents)
WORDS = ["قوات", "مقتل", "غارة", "قصف", "مدنيين", "الجيش", "اشتباكات", "هجوم", "المعارضة", "النظام",
         "التحالف", "جرحى", "مسلحين", "انفجار", "سيارة", "مفخخة", "طائرات", "حربية", "مظاهرة", "اعتقال",
         "وزير", "الخارجية", "مفاوضات", "هدنة", "مساعدات", "إنسانية", "لاجئين", "الحدود", "مجلس", "الأمن"]
SEARCHES = WORDS + [p[1] for p in PLACES]

EVENT_COLUMNS = (
    "doc_id", "event_id", "type", "mode", "modality", "trigger_text", "trigger_start", "trigger_end",
    "evidence_start", "evidence_end", "evidence_text", "actor_id", "actor_name", "recipient_id", "recipient_name",
    "place_id", "place_name", "place_name_ar", "lat", "lon", "country", "admin1", "geo_precision",
    "date_start", "date_end", "claim_id", "stance", "source_text", "source_kind",
    "fatalities", "injuries", "arrests", "confidence", "outlet", "published", "acled_event_type",
    "acled_sub_event_type")
DOCUMENT_COLUMNS = ("id", "content_hash", "published", "title", "url", "outlet", "text", "json", "ingested_at")
ENTITY_COLUMNS = ("doc_id", "entity_id", "kind", "name", "name_ar", "canonical_id", "n_mentions",
                  "lat", "lon", "country", "admin1", "feature", "precision", "metonym")
STORY_DOC_COLUMNS = ("story_id", "doc_id", "score", "published")
ENDPOINTS = ("events", "merged", "stories", "search", "facets")


def _insert(st: Store, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Rows written through the store's connection (its SQL translated for PostgreSQL)."""
    cols = ", ".join(f'"{c}"' for c in columns)
    st.db.executemany(f"INSERT INTO {table}({cols}) VALUES ({','.join('?' * len(columns))})", rows)


def _groups(items: list[Any], sizes: list[int], rnd: random.Random,
            same: Callable[[Any, Any], bool]) -> Iterator[list[Any]]:
    """``items`` cut into runs of random sizes, a run ending early where ``same`` is false."""
    i = 0
    while i < len(items):
        n = rnd.choice(sizes)
        g = [items[i]]
        while len(g) < n and i + len(g) < len(items) and same(g[0], items[i + len(g)]):
            g.append(items[i + len(g)])
        yield g
        i += len(g)


def synthesise(target: str | Path, n_events: int, per_doc: int = 5, seed: int = 7) -> None:
    """Write ``n_events`` events (``per_doc`` per document), their documents, full-text
    index, entities, merged events and stories into the (new, empty) store ``target``."""
    rnd = random.Random(seed)
    st = Store(str(target))  # creates the schema
    fts = st.db.dialect.fts_text
    day0 = date(2014, 1, 1)
    n_docs = (n_events + per_doc - 1) // per_doc
    docs, ftss, ents, events = [], [], [], []
    all_events: list[tuple[Any, ...]] = []
    doc_meta: list[tuple[str, str]] = []
    weights = [1 / (r + 1) for r in range(len(WORDS))]
    k = 0

    def flush() -> None:
        with st.db.transaction():
            _insert(st, "documents", DOCUMENT_COLUMNS, docs)
            _insert(st, "docs_fts", ("doc_id", "title", "body"), ftss)
            _insert(st, "entities", ENTITY_COLUMNS, ents)
            _insert(st, "events", EVENT_COLUMNS, events)
        for x in (docs, ftss, ents, events):
            x.clear()

    for i in range(n_docs):
        pub = day0 + timedelta(days=rnd.randrange(3650))
        outlet = rnd.choice(OUTLETS)
        doc_id = f"bench-{i:06d}"
        places = rnd.sample(PLACES, rnd.randint(1, 2))
        words = [p[1] for p in places] + rnd.choices(WORDS, weights, k=25)
        text = f"نص تجريبي رقم {i}: " + " ".join(words) + "."
        title = f"خبر {i} " + " ".join(words[:4])
        docs.append((doc_id, f"h{i}", pub.isoformat(), title, None, outlet, text,
                     json.dumps({"id": doc_id, "text": text, "published": pub.isoformat(), "title": title,
                                 "outlet": outlet, "entities": [], "times": [], "claims": [], "events": []},
                                ensure_ascii=False), time.time()))
        ftss.append((doc_id, fts(index_terms(title)), fts(index_terms(text))))
        doc_meta.append((doc_id, pub.isoformat()))
        actor = rnd.choice(ACTORS)
        ents.append((doc_id, "actor-1", "actor", actor, None, None, 1, None, None, None, None, None, None, 0))
        for p, (name, name_ar, lat, lon, cc, adm) in enumerate(places):
            ents.append((doc_id, f"place-{p + 1}", "place", name, name_ar, None, 1, lat, lon, cc, adm,
                         "country" if rnd.random() < 0.05 else "city", 1, 0))
        for j in range(per_doc):
            if k >= n_events:
                break
            k += 1
            p = rnd.randrange(len(places))
            name, name_ar, lat, lon, cc, adm = places[p]
            d = pub - timedelta(days=rnd.randrange(3))
            located = rnd.random() < 0.85
            row = (doc_id, f"event-{j + 1}", rnd.choice(TYPES), None, rnd.choice(MODALITIES),
                   "قصف", 0, 3, 0, 10, "قصف تجريبي",
                   "actor-1", actor, None, None,
                   f"place-{p + 1}", name, name_ar,
                   (lat + rnd.uniform(-0.2, 0.2)) if located else None,
                   (lon + rnd.uniform(-0.2, 0.2)) if located else None,
                   cc, adm, rnd.choice([1, 1, 2]), d.isoformat(), d.isoformat(), None,
                   rnd.choice([None, None, "assert", "deny"]), None, None,
                   rnd.choice([None, 0, 1, 3, 10]), None, None, round(rnd.random(), 2), outlet, pub.isoformat(),
                   None, None)
            events.append(row)
            all_events.append(row)
        if len(events) >= 20000:
            flush()
    flush()
    _crossdoc(st, rnd, doc_meta, all_events)
    with st.db.transaction():
        st.db.execute("ANALYZE")
    st.close()


def _crossdoc(st: Store, rnd: random.Random, doc_meta: list[tuple[str, str]],
              all_events: list[tuple[Any, ...]]) -> None:
    """Stories (runs of one to eight documents by publication date) and merged events
    (runs of one to four events of the same type and place within a week)."""
    col = {c: i for i, c in enumerate(EVENT_COLUMNS)}
    story_of: dict[str, str] = {}
    stories, story_docs = [], []
    for n, g in enumerate(_groups(sorted(doc_meta, key=lambda x: x[1]), [1, 1, 1, 2, 3, 5, 8], rnd,
                                  lambda a, b: True)):
        sid = f"story-{n:06d}"
        for doc_id, pub in g:
            story_of[doc_id] = sid
            story_docs.append((sid, doc_id, round(rnd.random(), 3), pub))
        row = {"id": sid, "title": f"قصة {n}", "title_doc": g[0][0], "title_sim": 0.9,
               "date_start": g[0][1], "date_end": g[-1][1], "n_docs": len(g), "centroid": None,
               "places": json.dumps([rnd.choice(PLACES)[0]]), "actors": json.dumps([rnd.choice(ACTORS)]),
               "anchor": g[0][1], "anchor_soft": 0, "ev_start": g[0][1], "ev_end": g[-1][1],
               "events": "[]", "terms": "[]"}
        stories.append(tuple(row[c] for c in STORY_COLUMNS))
    merged, mentions = [], []
    key = (col["type"], col["place_name"], col["date_start"])
    ordered = sorted(all_events, key=lambda e: tuple(e[i] for i in key))

    def near(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
        return (a[col["type"]], a[col["place_name"]]) == (b[col["type"]], b[col["place_name"]]) and \
            (date.fromisoformat(b[col["date_start"]]) - date.fromisoformat(a[col["date_start"]])).days <= 7

    for n, g in enumerate(_groups(ordered, [1, 1, 1, 2, 2, 3, 4], rnd, near)):
        mid = f"merged-{n:06d}"
        first = min(g, key=lambda e: e[col["published"]])
        outlets = {e[col["outlet"]] for e in g}
        stances = {e[col["stance"]] for e in g}
        located = next((e for e in g if e[col["lat"]] is not None), None)
        row = {"id": mid, "type": g[0][col["type"]], "cell": g[0][col["place_name"]],
               "date_start": g[0][col["date_start"]], "date_end": g[-1][col["date_end"]],
               "best_date": g[0][col["date_start"]], "place_name": g[0][col["place_name"]],
               "place_name_ar": g[0][col["place_name_ar"]],
               "lat": located[col["lat"]] if located else None, "lon": located[col["lon"]] if located else None,
               "country": g[0][col["country"]], "admin1": g[0][col["admin1"]], "n_mentions": len(g),
               "outlets": len(outlets), "independent_sources": len(outlets),
               "contradicted": int({"assert", "deny"} <= stances), "earliest_doc": first[col["doc_id"]],
               "earliest_published": first[col["published"]],
               "json": json.dumps({"id": mid, "type": g[0][col["type"]], "mentions": len(g)})}
        merged.append(tuple(row[c] for c in MERGED_EVENT_COLUMNS))
        for e in g:
            m = {"merged_id": mid, "doc_id": e[col["doc_id"]], "event_id": e[col["event_id"]],
                 "outlet": e[col["outlet"]], "published": e[col["published"]], "stance": e[col["stance"]],
                 "source_text": None, "is_copy": 0, "story_id": story_of.get(e[col["doc_id"]]),
                 "group_id": None, "json": "{}"}
            mentions.append(tuple(m[c] for c in MERGED_MENTION_COLUMNS))
    with st.db.transaction():
        _insert(st, "stories", STORY_COLUMNS, stories)
        _insert(st, "story_docs", STORY_DOC_COLUMNS, story_docs)
        _insert(st, "merged_events", MERGED_EVENT_COLUMNS, merged)
        _insert(st, "merged_mentions", MERGED_MENTION_COLUMNS, mentions)


# -- requests -------------------------------------------------------------------------
def _filters(rnd: random.Random, keys: list[str], lo: int, hi: int) -> dict[str, str]:
    q: dict[str, str] = {}
    for key in rnd.sample(keys, rnd.randint(lo, hi)):
        if key == "type":
            q["type"] = ",".join(rnd.sample(TYPES, rnd.randint(1, 2)))
        elif key == "bbox":
            x, y = rnd.uniform(35, 45), rnd.uniform(31, 37)
            q["bbox"] = f"{x:.2f},{y:.2f},{x + rnd.uniform(0.5, 4):.2f},{y + rnd.uniform(0.5, 3):.2f}"
        elif key == "date":
            d0 = date(2014, 1, 1) + timedelta(days=rnd.randrange(3400))
            q["date_from"] = d0.isoformat()
            q["date_to"] = (d0 + timedelta(days=rnd.choice([7, 30, 90, 365]))).isoformat()
        elif key == "country":
            q["country"] = rnd.choice(["SY", "IQ", "LB,JO"])
        elif key == "modality":
            q["modality"] = rnd.choice(["denied", "speculated", "asserted"])
        else:
            q["actor"] = rnd.choice(["Islamic", "army", "SDF", "coalition"])
    return q


def random_query(rnd: random.Random) -> dict[str, str]:
    """``/api/events`` filters as an analyst's map would send them (one to three at a time)."""
    q: dict[str, str] = {"limit": str(rnd.choice([20, 50, 100])), "offset": str(rnd.choice([0, 0, 0, 50, 200]))}
    q.update(_filters(rnd, ["type", "bbox", "date", "country", "modality", "actor"], 1, 3))
    return q


def request_for(endpoint: str, rnd: random.Random) -> tuple[str, dict[str, str]]:
    """The path and query parameters of one request to ``endpoint`` (see the module)."""
    if endpoint == "events":
        return "/api/events", random_query(rnd)
    if endpoint == "merged":
        q = {"min_reports": "2", "summary": "false", "limit": "50", "offset": str(rnd.choice([0, 0, 0, 50, 100]))}
        q.update(_filters(rnd, ["type", "bbox", "date", "country", "modality", "actor"], 0, 2))
        return "/api/merged-events", q
    if endpoint == "stories":
        return "/api/stories", {"limit": "200", "offset": str(rnd.choice([0, 0, 0, 200, 400]))}
    if endpoint == "search":
        return "/api/search", {"q": " ".join(rnd.sample(SEARCHES, rnd.choice([1, 1, 2]))), "limit": "50"}
    if endpoint == "facets":
        return "/api/facets", {}
    raise ValueError(f"unknown endpoint {endpoint!r}; expected one of {', '.join(ENDPOINTS)}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(target: str | Path, clients: int, n_requests: int, endpoints: tuple[str, ...] = ENDPOINTS,
        seed: int = 11) -> dict[str, Any]:
    """``n_requests`` requests (as many to each endpoint, shuffled) from ``clients`` threads
    against a server on ``target``: per-endpoint latencies (seconds) and errors."""
    target = str(target)
    port = free_port()
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.Popen(
        [sys.executable, "-c", f"from rasid.web import serve; serve({target!r}, host='127.0.0.1', port={port})"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    rnd = random.Random(seed)
    plan = [endpoints[i % len(endpoints)] for i in range(n_requests)]
    rnd.shuffle(plan)
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
        latencies: dict[str, list[float]] = {e: [] for e in endpoints}
        errors: dict[str, list[str]] = {e: [] for e in endpoints}
        lock = threading.Lock()

        def client(i: int) -> None:
            crnd = random.Random(seed + 1 + i)
            mine: list[tuple[str, float, str | None]] = []
            with httpx.Client(base_url=base, timeout=120) as c:
                for endpoint in plan[i::clients]:
                    path, params = request_for(endpoint, crnd)
                    t0 = time.perf_counter()
                    r = c.get(path, params=params)
                    dt = time.perf_counter() - t0
                    mine.append((endpoint, dt, None if r.status_code == 200 else f"{r.status_code} {params}"))
            with lock:
                for endpoint, dt, bad in mine:
                    latencies[endpoint].append(dt)
                    if bad:
                        errors[endpoint].append(bad)

        t0 = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        cpu = _cpu_seconds(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    return {"latencies": latencies, "errors": errors, "wall_s": wall, "server_cpu_s": cpu}


def _cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system, seconds) the process ``pid`` has used (Linux; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def percentiles(values: list[float]) -> dict[str, float]:
    """p50, p95, p99 and mean of ``values`` (seconds), in milliseconds."""
    if len(values) < 2:
        v = values[0] * 1000 if values else float("nan")
        return {"p50": v, "p95": v, "p99": v, "mean": v}
    q = statistics.quantiles(sorted(values), n=100)
    return {"p50": q[49] * 1000, "p95": q[94] * 1000, "p99": q[98] * 1000, "mean": statistics.fmean(values) * 1000}


def _pg_schema(url: str, schema: str, action: str) -> str:
    """Create or drop ``schema`` in the database ``url``; the URL whose sessions use it."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as c:
        if action == "create":
            c.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        else:
            c.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


def _pg_has_events(url: str) -> bool:
    import psycopg

    with psycopg.connect(url, autocommit=True) as c:
        return c.execute("SELECT to_regclass('events') IS NOT NULL").fetchone()[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=2000, help="total requests, spread over the endpoints and clients")
    ap.add_argument("--db", help="a SQLite file to keep the synthetic store in (reused when it exists), or a "
                                 "postgresql:// URL (a fresh schema there, dropped afterwards)")
    ap.add_argument("--schema", help="with a PostgreSQL --db: the schema to use, kept (filled when it has no events)")
    ap.add_argument("--endpoints", default=",".join(ENDPOINTS), help="comma-separated, of: " + ", ".join(ENDPOINTS))
    args = ap.parse_args()
    endpoints = tuple(e.strip() for e in args.endpoints.split(",") if e.strip())
    for e in endpoints:
        if e not in ENDPOINTS:
            ap.error(f"unknown endpoint {e!r}")
    with tempfile.TemporaryDirectory() as tmp:
        drop = None
        if args.db and is_url(args.db):
            schema = args.schema or "rasid_bench_" + uuid.uuid4().hex[:10]
            target = _pg_schema(args.db, schema, "create")
            drop = None if args.schema else schema
            fill = not _pg_has_events(target)
            where = f"{redact(args.db)} schema {schema}"
        else:
            db = Path(args.db) if args.db else Path(tmp) / "bench.db"
            target, fill, where = str(db), not db.exists(), str(db)
        try:
            if fill:
                t0 = time.perf_counter()
                synthesise(target, args.events)
                print(f"synthesised {args.events} events into {where} in {time.perf_counter() - t0:.1f}s", flush=True)
            load0 = os.getloadavg()
            res = run(target, args.clients, args.requests, endpoints)
            load1 = os.getloadavg()
        finally:
            if drop:
                _pg_schema(args.db, drop, "drop")
    n = sum(len(v) for v in res["latencies"].values())
    print(f"{n} requests from {args.clients} clients ({args.events} events, {where}): "
          f"{n / res['wall_s']:.0f} req/s; load average {load0[0]:.2f} before, {load1[0]:.2f} after")
    if res["server_cpu_s"] is not None:  # the API process only (not a PostgreSQL server's)
        print(f"server CPU {res['server_cpu_s']:.1f} s (start-up included)")
    print(f"{'endpoint':<9} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for e in endpoints:
        p = percentiles(res["latencies"][e])
        print(f"{e:<9} {len(res['latencies'][e]):>8} {len(res['errors'][e]):>6} {p['p50']:>8.1f} "
              f"{p['p95']:>8.1f} {p['p99']:>8.1f} {p['mean']:>8.1f}")
    for e in endpoints:
        for bad in res["errors"][e][:3]:
            print(f"  {e} error: {bad}")


if __name__ == "__main__":
    main()
