"""The API behind the analyst's map (issue 17): Arabic actor names, precision, the event table
(sort, enrichment), counts per type, timeline range, an event's merged event, filters on the
merged layer, and the English summary line (shown and exported)."""

from __future__ import annotations

import json

import httpx
import pytest

import webstore


@pytest.fixture(scope="module")
def cd(crossdoc_db):
    from rasid.web import create_app

    with webstore.LiveServer(create_app(crossdoc_db, tile_url="")) as srv, httpx.Client(base_url=srv.url) as c:
        yield c


def test_actor_filter_matches_arabic_names_folded(client):
    en = client.get("/api/events", params={"actor": "Syrian government"}).json()
    assert [e["doc_id"] for e in en["items"]] == ["doc-1"]
    for name in ("القوات الحكومية", "القوات الحكوميه", "sy-gov"):  # Arabic, a spelling variant (ة/ه), the id
        body = client.get("/api/events", params={"actor": name}).json()
        assert [e["doc_id"] for e in body["items"]] == ["doc-1"], name
    assert client.get("/api/events/points", params={"actor": "القوات الحكومية"}).json()["count"] == 1


def test_actor_filter_uses_dictionary_aliases():
    from rasid.store.queries import actor_ids

    assert actor_ids("داعش") == actor_ids("ISIS") == ["isis"]
    assert actor_ids("كلمة لا تعني شيئا") == []


def test_entities_completion_lists_arabic_and_english(client):
    items = client.get("/api/entities", params={"kind": "actor,organization", "limit": 400}).json()["items"]
    names = {n for e in items for n in (e["name"], e["name_ar"]) if n}
    assert {"Syrian government forces", "القوات الحكومية"} <= names
    assert client.get("/api/entities", params={"q": "الحكوميه"}).json()["total"] == 1  # folded


def test_points_carry_precision_and_fatalities(client):
    body = client.get("/api/events/points").json()
    assert body["fields"][7:] == ["precision", "fatalities"]
    row = next(p for p in body["items"] if p[0] == "doc-1")
    assert row[7] == "point" and row[8] == 5
    assert client.get("/api/events/points", params={"min_fatalities": 1}).json()["count"] == 1
    assert client.get("/api/events", params={"precise": "true"}).json()["total"] == 5


def test_precision_class():
    from rasid.store.queries import precision_class

    assert precision_class(1, "city") == "point"
    assert precision_class(2, "countryside") == "area"
    assert precision_class(3, "admin1") == "area"
    assert precision_class(3, "country") == "country"
    assert precision_class(None, None, None) is None


def test_event_table_sorts_and_is_enriched(cd):
    rows = cd.get("/api/events", params={"sort": "-fatalities"}).json()["items"]
    assert rows[0]["doc_id"] == "doc-1" and rows[0]["fatalities"] == 5  # NULLs last
    assert rows[0]["merged_id"] == "m1" and rows[0]["independent_sources"] == 2
    assert rows[0]["precision_class"] == "point" and rows[0]["contradicted"] is False
    dates = [r["date_start"] for r in cd.get("/api/events", params={"sort": "date"}).json()["items"]]
    assert dates == sorted(dates)
    places = [r["place_name"] for r in cd.get("/api/events", params={"sort": "place", "limit": 2, "offset": 1}).json()["items"]]
    assert len(places) == 2


def test_type_counts_follow_the_other_filters(client):
    all_ = {r["value"]: r["n"] for r in client.get("/api/events/counts").json()["type"]}
    assert all_ == {"ASSAULT": 2, "MOBILIZE": 1, "PROTEST": 1, "CONSULT": 1}
    # the type filter itself is ignored; the outlet filter is not
    got = {r["value"]: r["n"] for r in client.get("/api/events/counts", params={"type": "PROTEST", "outlet": "الشرق"}).json()["type"]}
    assert got == {"MOBILIZE": 1, "PROTEST": 1}


def test_histogram_range_and_undated(client):
    body = client.get("/api/events/histogram", params={"unit": "month"}).json()
    r = body["range"]
    assert r["undated"] == 0 and r["dated"] == 5
    assert r["first"] == "2023-11-01" and r["last"] == "2024-06-01"
    assert r["bulk_from"] == "2023-11-01" and r["bulk_to"] == "2024-06-01"  # within two months of the news


def test_undated_toggle_keeps_undated_events(tmp_path):
    from rasid.model.document import Document, Event, Span
    from rasid.web import create_app

    t = "قصفت الطائرات مواقع في حلب."
    d = Document("u-1", t, published="2024-03-04")
    d.events.append(Event("event-1", "ASSAULT", Span(0, 4, "قصفت"), [Span(0, 25, t[:25])]))
    db = webstore.build_db(tmp_path / "u.db", webstore.sample_docs() + [d])
    with webstore.LiveServer(create_app(db, tile_url="")) as srv, httpx.Client(base_url=srv.url) as c:
        p = {"date_from": "2024-03-01", "date_to": "2024-03-31"}
        assert [e["doc_id"] for e in c.get("/api/events", params=p).json()["items"]] == ["doc-1"]
        both = {e["doc_id"] for e in c.get("/api/events", params={**p, "undated": "1"}).json()["items"]}
        assert both == {"doc-1", "u-1"}
        assert c.get("/api/events/histogram").json()["range"]["undated"] == 1


def test_single_event_carries_its_merged_event(cd):
    body = cd.get("/api/events/doc-1/event-1").json()
    m = body["merged"]
    assert m["merged_event"]["id"] == "m1" and m["merged_event"]["summary"]
    assert [x["doc_id"] for x in m["mentions"]] == ["doc-1"]
    assert m["mentions"][0]["evidence_text"] == "قصفت القوات الحكومية مدينة حلب"
    assert cd.get("/api/events/doc-2/event-1").json()["merged"] is None


def test_merged_layer_honours_event_filters(cd):
    ids = lambda **p: [m["id"] for m in cd.get("/api/merged-events", params=p).json()["items"]]  # noqa: E731
    assert ids() == ["m1", "m2"]
    assert ids(actor="القوات الحكومية") == ["m1"]
    assert ids(outlet="الشرق") == ["m2"]
    assert ids(place="بغداد") == ["m2"]
    assert ids(q="تظاهر") == ["m2"]
    assert ids(min_fatalities=1) == ["m1"]
    assert ids(modality="denied") == []
    assert cd.get("/api/merged-events", params={"modality": "nope"}).status_code == 400
    item = cd.get("/api/merged-events").json()["items"][0]
    assert item["summary"].startswith("Air/drone strike by Syrian government forces near Aleppo (SY), 2024-03-04, 5 killed")


def test_merged_jsonl_export_has_the_summary(cd, crossdoc_db, tmp_path):
    r = cd.get("/api/export/merged-jsonl", params={"actor": "القوات الحكومية"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = [json.loads(x) for x in r.text.splitlines()]
    assert [x["id"] for x in rows] == ["m1"] and rows[0]["summary"].startswith("Air/drone strike")
    assert rows[0]["reports"][0]["evidence_text"]
    from typer.testing import CliRunner

    from rasid.cli import app

    out = tmp_path / "m.jsonl"
    res = CliRunner().invoke(app, ["export", "-f", "merged-jsonl", "-o", str(out), "--db", str(crossdoc_db)])
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["m1", "m2"]
    bad = CliRunner().invoke(app, ["export", "-f", "jsonl", "-o", str(out), "--db", str(crossdoc_db), "--type", "NOPE"])
    assert bad.exit_code == 2 and "type" in bad.output  # the API's validation, shared with the CLI


def test_merged_events_carry_precision(cd):
    items = cd.get("/api/merged-events").json()["items"]
    assert {m["id"]: m["precision_class"] for m in items} == {"m1": "point", "m2": "point"}
    assert cd.get("/api/merged-events/m1").json()["merged_event"]["precision_class"] == "point"
