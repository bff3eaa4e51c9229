"""The REST API over a small sample database (live server, httpx)."""

from __future__ import annotations

import pytest


def test_health_counts(client):
    r = client.get("/api/health")
    assert r.status_code == 200
    c = r.json()["counts"]
    assert c["documents"] == 4 and c["events"] == 5 and c["claims"] == 3
    assert c["stories"] == 0 and c["merged_events"] == 0  # crossdoc tables absent


def test_events_page_and_total(client):
    body = client.get("/api/events", params={"limit": 2}).json()
    assert body["total"] == 5 and body["limit"] == 2 and body["offset"] == 0
    assert len(body["items"]) == 2
    rest = client.get("/api/events", params={"limit": 2, "offset": 2}).json()["items"]
    ids = {(e["doc_id"], e["event_id"]) for e in body["items"] + rest}
    assert len(ids) == 4  # no overlap between pages


@pytest.mark.parametrize("params, expected", [
    ({"type": "assault"}, {("doc-1", "event-1"), ("doc-xss", "event-1")}),
    ({"type": "PROTEST,CONSULT"}, {("doc-2", "event-2"), ("doc-4", "event-1")}),
    ({"modality": "denied"}, {("doc-2", "event-1")}),
    ({"stance": "deny"}, {("doc-2", "event-1")}),
    ({"outlet": "الوطن"}, {("doc-1", "event-1"), ("doc-4", "event-1")}),
    ({"actor": "government"}, {("doc-1", "event-1")}),
    ({"place": "بغداد"}, {("doc-2", "event-2")}),
    ({"place": "Ain al"}, {("doc-2", "event-1")}),
    ({"bbox": "35,32,38,37"}, {("doc-1", "event-1"), ("doc-xss", "event-1")}),
    ({"date_from": "2024-05-01", "date_to": "2024-05-31"}, {("doc-2", "event-1"), ("doc-2", "event-2")}),
    ({"date_from": "2023-11-15", "date_to": "2023-11-20"}, {("doc-4", "event-1")}),  # inside a month-long event
    ({"date_to": "2023"}, {("doc-4", "event-1")}),
    ({"country": "iq"}, {("doc-2", "event-1"), ("doc-2", "event-2")}),
    ({"q": "حلب"}, {("doc-1", "event-1")}),
    ({"q": "%"}, set()),  # LIKE wildcards are literal
    ({"doc_id": "doc-2", "type": "PROTEST"}, {("doc-2", "event-2")}),
])
def test_event_filters(client, params, expected):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert {(e["doc_id"], e["event_id"]) for e in body["items"]} == expected
    assert body["total"] == len(expected)


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 100000}, {"offset": -1}, {"limit": "ten"},
    {"bbox": "1,2"}, {"bbox": "a,b,c,d"}, {"bbox": "10,10,5,5"}, {"bbox": "0,0,200,10"},
    {"date_from": "yesterday"}, {"date_from": "2024-13"}, {"date_to": "2024-02-30"},
    {"date_from": "2024-06-01", "date_to": "2024-01-01"},
])
def test_bad_parameters_give_400(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["status"] == 400 and err["message"]
    assert isinstance(err.get("details"), list) and err["details"][0]["parameter"]


@pytest.mark.parametrize("path", [
    "/api/documents/nope", "/api/events/doc-1/event-99", "/api/events/nope/event-1",
    "/api/entities/nope", "/api/stories/1", "/api/merged-events/1", "/api/no-such-thing",
])
def test_unknown_ids_give_404(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["error"]["status"] == 404


def test_document_with_annotations(client):
    d = client.get("/api/documents/doc-1").json()
    assert d["id"] == "doc-1" and d["title"] == "قصف على حلب"
    assert {e["id"] for e in d["entities"]} >= {"place-1", "actor-1"}
    ev = d["events"][0]
    assert d["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
    lst = client.get("/api/documents", params={"outlet": "الوطن"}).json()
    assert lst["total"] == 2 and all("text" not in x for x in lst["items"])
    assert client.get("/api/documents/doc-2/events").json()["total"] == 2


def test_event_detail_has_document(client):
    body = client.get("/api/events/doc-1/event-1").json()
    ev, doc = body["event"], body["document"]
    assert ev["type"] == "ASSAULT" and ev["lat"] == pytest.approx(36.2021)
    assert doc["text"][ev["evidence_start"]:ev["evidence_end"]] == ev["evidence_text"]


def test_points_and_histogram(client):
    pts = client.get("/api/events/points", params={"type": "ASSAULT"}).json()
    assert pts["count"] == 2 and len(pts["items"][0]) == len(pts["fields"])
    h = client.get("/api/events/histogram", params={"unit": "month"}).json()["items"]
    assert {x["bucket"]: x["n"] for x in h} == {"2023-11": 1, "2024-03": 1, "2024-05": 2, "2024-06": 1}
    assert client.get("/api/events/histogram", params={"unit": "hour"}).status_code == 400


def test_claims(client):
    body = client.get("/api/claims", params={"stance": "deny"}).json()
    assert body["total"] == 1
    c = body["items"][0]
    assert c["source_text"] == "مسؤول عراقي" and c["outlet"] == "الشرق"
    assert "انسحبت" in c["content_text"]
    assert client.get("/api/claims", params={"source": "المرصد"}).json()["total"] == 1


def test_entities(client):
    body = client.get("/api/entities", params={"kind": "place"}).json()
    names = {e["name"] for e in body["items"]}
    assert {"Aleppo", "Baghdad", "Ankara"} <= names
    e = client.get("/api/entities/sy-gov").json()
    assert e["name"] == "Syrian government forces"
    assert [x["event_id"] for x in e["events"]] == ["event-1"]
    assert e["documents"][0]["id"] == "doc-1"
    aleppo = client.get("/api/entities/place:Aleppo").json()
    assert aleppo["lat"] == pytest.approx(36.2021) and len(aleppo["events"]) == 1


def test_stories_and_merged_events_empty_when_tables_absent(client):
    assert client.get("/api/stories").json() == {"total": 0, "limit": 50, "offset": 0, "items": []}
    assert client.get("/api/merged-events", params={"min_corroboration": 2}).json()["items"] == []
    assert client.get("/api/merged-events", params={"min_corroboration": 0}).status_code == 400


def test_search(client):
    items = client.get("/api/search", params={"q": "حلب"}).json()["items"]
    assert [i["doc_id"] for i in items] == ["doc-1"]
    assert client.get("/api/search").status_code == 400


def test_sql_injection_is_inert(client):
    # an unknown type is a 400 now (issue 17), not an empty page
    r = client.get("/api/events", params={"type": "ASSAULT') OR 1=1 --"})
    assert r.status_code == 400 and r.json()["error"]["details"][0]["parameter"] == "type"
    for p in ({"outlet": "x' OR '1'='1"}, {"actor": "'; DROP TABLE events; --"}):
        r = client.get("/api/events", params=p)
        assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/health").json()["counts"]["events"] == 5


def test_read_only(client, sample_db):
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        r = client.request(method, "/api/events")
        assert r.status_code == 405 and r.json()["error"]["status"] == 405
    from rasid.store.queries import Database
    import sqlite3
    db = Database(sample_db)
    with pytest.raises(sqlite3.OperationalError):
        db.conn.execute("DELETE FROM events")


def test_openapi_docs_offline(client):
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/export/{fmt}" in spec["paths"]
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_ui_assets_are_local(client):
    html = client.get("/").text
    assert "leaflet.js" in html and "http://" not in html and "https://" not in html
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/markercluster/leaflet.markercluster.js",
                 "/static/js/map.js", "/static/data/countries.geojson", "/static/i18n.json"):
        assert client.get(path).status_code == 200, path
    assert client.get("/api/config").json()["tile_url"] == ""
