"""Two speed-ups of the API's queries give the answers of the plain SQL, on both back-ends:
a page of events under a bbox filter (Database._bbox_page: the page's row ids from the bbox
index on SQLite, the few matching rows sorted on PostgreSQL), the same rows in the same order
for small and large bboxes, other filters, sorts and offsets; and the merged events a report
filter keeps (Database.merged_report_ids: the matching events' row ids as one string, looked
up in an array of event row id -> merged event), the same ids as the join of the reports."""

from __future__ import annotations

import importlib.util
import os
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

from rasid.store.queries import EVENT_ORDER, EVENT_SORTS, Database, EventFilter

ROOT = Path(__file__).resolve().parents[2]
PG = os.environ.get("RASID_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
BOXES = ["35.52,31.81,36.34,34.36", "36.0,33.0,36.5,33.6", "10.0,10.0,11.0,11.0", "30,25,50,40", "43,35,46,37"]
FILTERS = [{}, {"country": "SY"}, {"type": "ASSAULT,PROTEST"}, {"modality": "asserted"}]


def _bench():
    spec = importlib.util.spec_from_file_location("api_latency", ROOT / "benchmarks" / "api_latency.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _check(target: str) -> None:
    db = Database(target)
    col = EVENT_SORTS["fatalities"]
    orders = {None: EVENT_ORDER, "-fatalities": f" ORDER BY ({col}) IS NULL, {col} DESC, rowid DESC"}
    totals = set()
    for box in BOXES:
        for extra in FILTERS:
            for sort, offset in ((None, 0), (None, 7), ("-fatalities", 0), ("-fatalities", 300)):
                f = EventFilter(bbox=box, **extra).validated()
                where, args = db._where(f)
                total, items = db.events(f, limit=20, offset=offset, sort=sort)
                plain = db.rows("SELECT * FROM events" + where + orders[sort] + " LIMIT ? OFFSET ?",
                                args + [20, offset])
                assert items == plain, (box, extra, sort, offset)
                assert total == db.scalar("SELECT COUNT(*) FROM events" + where, args)
                totals.add(total)
    # no event, a few (PostgreSQL: the matching rows sorted), many (its date-ordered plan)
    assert 0 in totals and any(0 < t < 100 for t in totals) and any(t > 500 for t in totals)
    for extra in ({"modality": "asserted"}, {"modality": "denied"}, {"actor": "army"},
                  {"actor": "SDF", "modality": "speculated"}, {"actor": "nobody at all"}):
        f = EventFilter(**extra).validated()
        where, args = db._where(f)
        joined = {r[0] for r in db.conn.execute(
            "SELECT mm.merged_id FROM events JOIN merged_mentions mm ON mm.doc_id = events.doc_id "
            "AND mm.event_id = events.event_id" + where, args)}
        ids = db.merged_report_ids(f)
        assert ids == joined and (bool(ids) != ("nobody at all" in extra.values())), extra


def test_fast_queries_sqlite(tmp_path):
    db = tmp_path / "bench.db"
    _bench().synthesise(db, 3000)
    _check(str(db))


def test_fast_queries_postgres():
    try:
        import psycopg

        psycopg.connect(PG, connect_timeout=3).close()
    except Exception as exc:  # noqa: BLE001 - any reason to skip, said
        pytest.skip(f"PostgreSQL: {type(exc).__name__}: {str(exc).strip()[:200]}")
    schema = "rasid_t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG, autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    try:
        url = f"{PG}{'&' if '?' in PG else '?'}options={quote(f'-csearch_path={schema}')}"
        _bench().synthesise(url, 3000)
        _check(url)
    finally:
        with psycopg.connect(PG, autocommit=True) as c:
            c.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
