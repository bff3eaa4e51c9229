"""The PostgreSQL back-end against a real server (issue 19 item 4): the same
behaviour as SQLite through one store interface.

Each test runs in a schema of its own on the server at ``RASID_TEST_PG``
(default ``postgresql://postgres@127.0.0.1:5432/test``), dropped afterwards;
without psycopg or a reachable server every test here skips, saying why.
The comparisons build the same data on SQLite and on PostgreSQL and check
the answers are equal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

from rasid import crossdoc
from rasid.model.document import Document
from rasid.store import SCHEMA_VERSION, Store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE.parent / "crossdoc"))
from articles import mayadin_doc, strike_docs  # noqa: E402

BASE_URL = os.environ.get("RASID_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
SAMPLES = ROOT / "src" / "rasid" / "samples" / "articles.jsonl"


def _server_problem() -> str | None:
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install 'rasid[postgres]')"
    try:
        psycopg.connect(BASE_URL, connect_timeout=3).close()
    except psycopg.Error as exc:
        return f"no PostgreSQL server at {BASE_URL} ({str(exc).strip().splitlines()[0]})"
    return None


_PROBLEM = _server_problem()
pytestmark = pytest.mark.skipif(_PROBLEM is not None, reason=f"PostgreSQL tests: {_PROBLEM}")


def _with_schema(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture()
def pg_url():
    """A URL whose connections live in a fresh schema (dropped after the test)."""
    import psycopg

    schema = "rasid_t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(BASE_URL, autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield _with_schema(BASE_URL, schema)
    finally:
        with psycopg.connect(BASE_URL, autocommit=True) as c:
            c.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _docs() -> list[Document]:
    return strike_docs() + [mayadin_doc()]


def _fill(target: str) -> None:
    with Store(target) as st:
        docs = _docs()
        for d in docs:
            st.add(d)
        crossdoc.update(st, docs)


# -- the store ---------------------------------------------------------------------
def test_store_round_trip_idempotence_and_replacement(pg_url):
    from test_store import annotated

    with Store(pg_url) as st:
        assert st.backend == "postgresql" and st.schema_version == SCHEMA_VERSION
        doc = annotated()
        assert st.add(doc) is True
        assert st.add(doc) is False  # same id and content: nothing changes
        assert st.get("t1").to_json() == doc.to_json()
        changed = Document.from_json(doc.to_json())
        changed.text = doc.text + " وأضاف."
        assert st.add(changed) is True
        assert st.count("documents") == 1 and st.count("events") == 1
        assert [d.id for d in st.iter_documents()] == ["t1"]
        st.delete("t1")
        assert st.get("t1") is None and st.count("entities") == 0
    with Store(pg_url) as st:  # reopening migrates nothing
        assert st.schema_version == SCHEMA_VERSION


def test_search_matches_sqlite(pg_url, tmp_path):
    from test_store import annotated

    sq = tmp_path / "s.db"
    for target in (str(sq), pg_url):
        with Store(target) as st:
            st.add(annotated())
            for d in _docs():
                st.add(d)
    queries = ["ديرالزور", "دير الزور", "الأمريكية", "البوكمال", "الرتل", "قصف", "غارة جوية", "طهران", "كنغرستان", "",
               "'\"&|!:*()"]
    with Store(str(sq)) as a, Store(pg_url) as b:
        for q in queries:  # ranks differ (bm25 / ts_rank); the matches and snippets must not
            ra, rb = ([{k: v for k, v in r.items() if k != "rank"} for r in st.search(q, limit=50)]
                      for st in (a, b))
            assert sorted(ra, key=lambda r: r["doc_id"]) == sorted(rb, key=lambda r: r["doc_id"]), q
        assert b.search("ديرالزور") and b.search("كنغرستان") == []


def test_crossdoc_matches_sqlite(pg_url, tmp_path):
    sq = str(tmp_path / "s.db")
    _fill(sq)
    _fill(pg_url)
    with Store(sq) as a, Store(pg_url) as b:
        assert crossdoc.list_merged(a) == crossdoc.list_merged(b)
        assert crossdoc.list_stories(a) == crossdoc.list_stories(b)
        assert a.stories_overview() == b.stories_overview()
        assert a.merged_overview() == b.merged_overview()
        # processing again changes nothing; a document sent back through gives the same groups
        before = crossdoc.list_merged(b)
        crossdoc.update(b, list(b.iter_documents()))
        assert crossdoc.list_merged(b) == before
        crossdoc.forget(b, "e")
        crossdoc.forget(a, "e")
        assert crossdoc.list_merged(a) == crossdoc.list_merged(b)


def test_crossdoc_order_independent_on_postgres(pg_url):
    docs = _docs()
    with Store(pg_url) as st:
        for d in docs:
            st.add(d)
        for d in reversed(docs):
            crossdoc.update(st, [d])
        backwards = {(m["doc_id"], m["event_id"]): e["id"] for e in crossdoc.list_merged(st) for m in e["mentions"]}
    with Store(":memory:") as st:
        for d in docs:
            st.add(d)
        crossdoc.update(st, docs)
        once = {(m["doc_id"], m["event_id"]): e["id"] for e in crossdoc.list_merged(st) for m in e["mentions"]}
    assert backwards == once


# -- the read model: API and exports -------------------------------------------------
def _api(target) -> dict[str, object]:
    import httpx

    from rasid.web.app import create_app

    sys.path.insert(0, str(HERE.parent / "web"))
    from webstore import LiveServer

    out: dict[str, object] = {}
    paths = ["/api/health", "/api/facets", "/api/documents", "/api/events?limit=200",
             "/api/events?limit=200&sort=-fatalities", "/api/events?place=" + quote("البوكمال"),
             "/api/events?actor=" + quote("us"), "/api/events?from=2024-03-12&to=2024-03-13&undated=true",
             "/api/events/points", "/api/events/counts", "/api/events/histogram?unit=day",
             "/api/merged-events?limit=100", "/api/merged-events?limit=100&actor=" + quote("us"),
             "/api/merged-events?min_reports=2&summary=false&modality=asserted",
             "/api/merged-events?limit=1&offset=1&modality=asserted", "/api/stories", "/api/claims", "/api/entities?limit=100",
             "/api/entities?q=" + quote("البوكمال"), "/api/search?q=" + quote("البوكمال"),
             "/api/documents/a", "/api/events/a/event-1", "/api/export/geojson", "/api/export/jsonl"]
    with LiveServer(create_app(target, tile_url="")) as srv, httpx.Client(base_url=srv.url, timeout=60) as client:
        for p in paths:
            r = client.get(p)
            assert r.status_code == 200, (p, r.text[:300])
            body = r.json() if r.headers.get("content-type", "").startswith("application/json") else r.text
            if p.startswith("/api/search"):  # ranks differ (bm25 / ts_rank): the matches must not
                body["items"] = sorted(body["items"], key=lambda r: r["doc_id"])
            out[p] = body
        first = client.get("/api/merged-events?limit=1").json()
        items = first.get("items") if isinstance(first, dict) else first
        if items:
            out["merged-one"] = client.get(f"/api/merged-events/{items[0]['id']}").json()
        stories = client.get("/api/stories").json()
        items = stories.get("items") if isinstance(stories, dict) else stories
        if items:
            out["story-one"] = client.get(f"/api/stories/{items[0]['id']}").json()
    return out


def _strip(value):
    """Answers without what legitimately differs between back-ends (search rank, timings)."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in ("rank", "elapsed_ms", "took_ms", "backend")}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def test_api_and_exports_match_sqlite(pg_url, tmp_path):
    from rasid.export import export

    sq = str(tmp_path / "s.db")
    _fill(sq)
    _fill(pg_url)
    a, b = _api(Path(sq)), _api(pg_url)
    for k in a:
        assert _strip(a[k]) == _strip(b[k]), k
    for fmt in ("jsonl", "geojson", "acled-csv"):
        oa, ob = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        na, nb = export(Path(sq), fmt, oa), export(pg_url, fmt, ob)
        assert na == nb > 0
        assert oa.read_text(encoding="utf-8") == ob.read_text(encoding="utf-8"), fmt


# -- the command line --------------------------------------------------------------------
def _rasid(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "rasid", *args], capture_output=True, text=True, env=e,
                          timeout=600, cwd=ROOT)


def test_cli_on_postgres_matches_sqlite(pg_url, tmp_path):
    from typer.testing import CliRunner

    from rasid.cli import app

    sq = str(tmp_path / "s.db")
    runner = CliRunner()
    for target in (sq, pg_url):
        res = runner.invoke(app, ["ingest", str(SAMPLES), "--db", target, "-q"])
        assert res.exit_code == 0, res.output
    res = _rasid("ingest", str(SAMPLES), "-q", env={"RASID_DB": pg_url})  # the setting names the database
    assert res.returncode == 0, res.stderr
    with Store(pg_url) as st:
        assert st.count("documents") == 13  # re-ingesting added nothing
    res = _rasid("events", "--merged", "-f", "jsonl", "-n", "0", env={"RASID_DB": pg_url})
    assert res.returncode == 0 and res.stdout == runner.invoke(
        app, ["events", "--merged", "-f", "jsonl", "-n", "0", "--db", sq]).output
    for cmd in (["events", "-f", "jsonl", "-n", "0"], ["events", "--merged", "-f", "jsonl", "-n", "0"],
                ["stories", "-f", "jsonl", "-n", "0"], ["search", "البوكمال"], ["stories", "--summary"]):
        a = runner.invoke(app, [*cmd, "--db", sq])
        b = runner.invoke(app, [*cmd, "--db", pg_url])
        assert a.exit_code == b.exit_code == 0, (cmd, b.output)
        if cmd[0] == "search":  # same documents (ranks may order ties differently)
            assert sorted(a.output.splitlines()) == sorted(b.output.splitlines())
        else:
            assert a.output == b.output, cmd
    out = tmp_path / "m.jsonl"
    res = runner.invoke(app, ["export", "-f", "merged-jsonl", "-o", str(out), "--db", pg_url])
    assert res.exit_code == 0, res.output
    assert len(out.read_text(encoding="utf-8").splitlines()) > 0


def test_unreachable_server_is_a_clear_error():
    from typer.testing import CliRunner

    from rasid.cli import app

    res = CliRunner().invoke(app, ["events", "--db", "postgresql://nobody:secret@127.0.0.1:1/none"])
    assert res.exit_code == 2
    assert "cannot connect" in res.output and "secret" not in res.output


def test_two_concurrent_ingests_store_every_document_once(pg_url, tmp_path):
    """Two ``rasid ingest`` processes over overlapping inputs, at once: every document
    exactly once, every one through the cross-document stage once."""
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("\n".join(lines[:9]) + "\n", encoding="utf-8")
    b.write_text("\n".join(lines[4:]) + "\n", encoding="utf-8")
    e = dict(os.environ)
    procs = [subprocess.Popen([sys.executable, "-m", "rasid", "ingest", str(p), "--db", pg_url, "-q"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=e, cwd=ROOT)
             for p in (a, b)]
    for p in procs:
        _, err = p.communicate(timeout=900)
        assert p.returncode == 0, err
    ids = {json.loads(x)["id"] for x in lines if x.strip()} if all("id" in json.loads(x) for x in lines) else None
    with Store(pg_url) as st:
        n = st.count("documents")
        assert n == len(lines)
        rows = st.db.execute("SELECT id, COUNT(*) FROM documents GROUP BY id HAVING COUNT(*) > 1").fetchall()
        assert rows == []
        if ids is not None:
            assert {d.id for d in st.iter_documents()} == ids
        assert st.documents_without_crossdoc() == []
        done = st.db.execute("SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM crossdoc_docs").fetchone()
        assert tuple(done) == (n, n)
        story_docs = st.db.execute("SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM story_docs").fetchone()
        assert tuple(story_docs) == (n, n)
    # the groups are those of one ingest of everything (they do not depend on arrival)
    sq = str(tmp_path / "one.db")
    assert _rasid("ingest", str(SAMPLES), "--db", sq, "-q").returncode == 0
    with Store(sq) as one, Store(pg_url) as two:
        assert crossdoc.list_stories(one) == crossdoc.list_stories(two)
        assert crossdoc.list_merged(one) == crossdoc.list_merged(two)
