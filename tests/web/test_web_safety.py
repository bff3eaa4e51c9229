"""Untrusted text stays text: no HTML sinks in the UI code, strict CSP, escaped output."""

from __future__ import annotations

import re
from pathlib import Path


import rasid.web

STATIC = Path(rasid.web.__file__).parent / "static"
SINKS = re.compile(r"\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|\beval\(|new Function\(")


def test_ui_code_has_no_html_sinks():
    for js in (STATIC / "js").glob("*.js"):
        src = js.read_text(encoding="utf-8")
        assert not SINKS.search(src), f"{js.name}: HTML sink"


def test_index_has_no_inline_script():
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    for m in re.finditer(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in m.group(1) and not m.group(2).strip()
    assert not re.search(r"\son[a-z]+=", html)


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/events").headers["content-security-policy"]


def test_hostile_text_is_returned_as_data(client):
    from webstore import XSS_TITLE

    d = client.get("/api/documents/doc-xss")
    assert d.headers["content-type"].startswith("application/json")
    assert d.json()["title"] == XSS_TITLE  # stored verbatim, escaped by the UI
    assert d.json()["url"] == "javascript:alert(1)"


def test_tile_url_must_be_http(sample_db):
    from rasid.web import create_app

    app = create_app(sample_db, tile_url="javascript:alert(1)")
    route = next(r for r in app.routes if getattr(r, "path", "") == "/api/config")
    assert route.endpoint()["tile_url"] == ""
    app = create_app(sample_db, tile_url="https://{s}.tile.example.org/{z}/{x}/{y}.png")
    route = next(r for r in app.routes if getattr(r, "path", "") == "/api/config")
    assert route.endpoint()["tile_url"].startswith("https://")


def test_tile_url_host_cannot_inject_csp(sample_db):
    from rasid.web import create_app

    app = create_app(sample_db, tile_url="https://x.org; script-src *;/{z}/{x}/{y}.png")
    route = next(r for r in app.routes if getattr(r, "path", "") == "/api/config")
    assert route.endpoint()["tile_url"] == ""
