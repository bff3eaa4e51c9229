"""The server answers only its own host, bounds every parameter and routes any id (issue 20, item 6;
issue 17, item 8): every error is JSON with a 4xx status."""

from __future__ import annotations

import httpx
import pytest

import webstore

BIG = str(2**63)


def test_foreign_host_is_refused(live_server):
    for host in ("evil.example", "evil.example:80", "rasid.attacker.test", "127.0.0.1.nip.io"):
        r = httpx.get(live_server.url + "/api/health", headers={"Host": host})
        assert r.status_code == 400, host
        assert r.json()["error"]["status"] == 400
    for host in (f"127.0.0.1:{live_server.port}", f"localhost:{live_server.port}", "localhost"):
        assert httpx.get(live_server.url + "/api/health", headers={"Host": host}).status_code == 200
    assert httpx.get(live_server.url + "/", headers={"Host": "evil.example"}).status_code == 400


def test_allowed_hosts_setting_and_wildcard_bind(sample_db, monkeypatch):
    from rasid.web import create_app
    from rasid.web.app import allowed_hosts_for

    assert allowed_hosts_for("127.0.0.1") >= {"127.0.0.1", "localhost", "::1"}
    assert "localhost" not in allowed_hosts_for("192.168.1.5")
    assert allowed_hosts_for("127.0.0.1", "*") is None
    monkeypatch.setenv("RASID_ALLOWED_HOSTS", "rasid.lan, other.test")
    with webstore.LiveServer(create_app(sample_db, tile_url="")) as srv:
        get = lambda h: httpx.get(srv.url + "/api/health", headers={"Host": h}).status_code  # noqa: E731
        assert get("rasid.lan:8000") == 200 and get("other.test") == 200
        assert get("other.lan") == 400 and get("10.1.2.3") == 400  # loopback bind: no foreign IP either
    monkeypatch.delenv("RASID_ALLOWED_HOSTS")
    with webstore.LiveServer(create_app(sample_db, tile_url="", host="0.0.0.0")) as srv:
        get = lambda h: httpx.get(srv.url + "/api/health", headers={"Host": h}).status_code  # noqa: E731
        assert get("10.1.2.3:8000") == 200 and get("[::1]:8000") == 200  # IP literals on a wildcard bind
        assert get("evil.example") == 400


@pytest.mark.parametrize("path,param", [
    ("/api/events", "offset"), ("/api/documents", "offset"), ("/api/claims", "offset"),
    ("/api/entities", "offset"), ("/api/stories", "offset"), ("/api/merged-events", "offset"),
    ("/api/merged-events", "min_corroboration"), ("/api/events", "min_fatalities"),
    ("/api/events/points", "limit"), ("/api/events", "limit"),
])
def test_large_numbers_are_400(client, path, param):
    params = {param: BIG}
    if path == "/api/search":
        params["q"] = "حلب"
    r = client.get(path, params=params)
    assert r.status_code == 400, (path, param, r.text)
    assert r.json()["error"]["details"][0]["parameter"] == param
    r = client.get("/api/search", params={"q": "حلب", "offset": BIG})
    assert r.status_code == 400


@pytest.mark.parametrize("path", ["/api/events", "/api/events/points", "/api/events/histogram",
                                  "/api/merged-events", "/api/events/counts"])
def test_text_filters_bounded_and_nul_refused(client, path):
    for name in ("actor", "place", "q", "outlet"):
        r = client.get(path, params={name: "x" * 60_000})
        assert r.status_code == 400 and r.headers["content-type"].startswith("application/json"), (name, r.text[:200])
        r = client.get(path, params={name: "\x00"})
        assert r.status_code == 400, (name, r.text[:200])
    assert client.get("/api/claims", params={"q": "\x00"}).status_code == 400
    assert client.get("/api/entities", params={"q": "\x00"}).status_code == 400


def test_like_wildcards_are_literal(client):
    for v in ("%", "_", "%%", "\\"):
        assert client.get("/api/events", params={"q": v}).json()["total"] == 0
    for v in ("%", "%%", "\\"):
        assert client.get("/api/events", params={"actor": v}).json()["total"] == 0
    # "_" is literal: only the hostile actor named "<script>window.__pwned=5</script>" has one
    assert [e["doc_id"] for e in client.get("/api/events", params={"actor": "_"}).json()["items"]] == ["doc-xss"]


def test_unknown_enum_values_are_400(client):
    for p in ({"type": "NOPE"}, {"modality": "maybe"}, {"stance": "shrug"}, {"type": "ASSAULT,NOPE"},
              {"country": "Syria"}, {"precise": "perhaps"}, {"sort": "rowid"}):
        r = client.get("/api/events", params=p)
        assert r.status_code == 400, p
    assert client.get("/api/claims", params={"stance": "shrug"}).status_code == 400
    assert client.get("/api/entities", params={"kind": "planet"}).status_code == 400
    assert client.get("/api/events", params={"type": "assault,protest"}).status_code == 200  # case folded


def test_start_after_end_is_400(client):
    for path in ("/api/events", "/api/merged-events", "/api/events/histogram", "/api/events/points", "/api/documents",
                 "/api/events/counts", "/api/export/jsonl"):
        r = client.get(path, params={"date_from": "2024-05-01", "date_to": "2024-01-01"})
        assert r.status_code == 400, path


def test_write_methods_are_405(client):
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        for path in ("/api/events", "/api/health", "/api/nope", "/"):
            r = client.request(method, path)
            assert r.status_code == 405, (method, path)
            assert r.json()["error"]["status"] == 405 and "GET" in r.headers["allow"]
    assert client.get("/api/nope").status_code == 404


@pytest.fixture(scope="module")
def slash_client(tmp_path_factory):
    from rasid.model.document import Document, Event, Span
    from rasid.web import create_app

    t = "قصفت الطائرات مواقع في حلب."
    d = Document("news/2024/03/a-1", t, published="2024-03-04", outlet="الوطن")
    d.events.append(Event("event-1", "ASSAULT", Span(0, 4, "قصفت"), [Span(0, 25, t[:25])]))
    db = webstore.build_db(tmp_path_factory.mktemp("slash") / "rasid.db", [d])
    with webstore.LiveServer(create_app(db, tile_url="")) as srv, httpx.Client(base_url=srv.url) as c:
        yield c


def test_ids_with_slashes_are_routable(slash_client):
    assert slash_client.get("/api/documents/news/2024/03/a-1").json()["id"] == "news/2024/03/a-1"
    assert slash_client.get("/api/documents/news%2F2024%2F03%2Fa-1").status_code == 200  # encoded too
    assert slash_client.get("/api/documents/news/2024/03/a-1/events").json()["total"] == 1
    ev = slash_client.get("/api/events/news%2F2024%2F03%2Fa-1/event-1").json()
    assert ev["event"]["doc_id"] == "news/2024/03/a-1" and ev["document"]["text"]
    assert slash_client.get("/api/events/news/2024/03/a-1/event-9").status_code == 404
    assert slash_client.get("/api/documents/news/2024/nope").status_code == 404


def test_serve_says_how_to_install_the_web_stack(monkeypatch, tmp_path):
    import importlib.util

    from typer.testing import CliRunner

    from rasid.cli import app
    from rasid import web

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "uvicorn" else real(n, *a))
    assert web.missing_stack() == f"the web server needs uvicorn: {web.INSTALL_HINT}"
    db = tmp_path / "x.db"
    db.write_bytes(b"")
    r = CliRunner().invoke(app, ["serve", "--db", str(db)])
    assert r.exit_code == 2
    out = r.output or ""
    assert "pip install" in out and "Traceback" not in out and len(out.strip().splitlines()) == 1
