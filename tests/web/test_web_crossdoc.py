"""Stories and merged events, when rasid.crossdoc has written its tables."""

from __future__ import annotations

import httpx
import pytest

import webstore


@pytest.fixture(scope="module")
def cd_client(crossdoc_db):
    from rasid.web import create_app

    with webstore.LiveServer(create_app(crossdoc_db, tile_url="")) as srv, httpx.Client(base_url=srv.url) as c:
        yield c


def test_merged_events_filters(cd_client):
    body = cd_client.get("/api/merged-events").json()
    assert body["total"] == 2 and body["items"][0]["id"] == "m1"  # most corroborated first
    assert body["items"][0]["json"] == {"a": 1}
    assert [m["id"] for m in cd_client.get("/api/merged-events", params={"min_corroboration": 2}).json()["items"]] == ["m1"]
    # merged from two reports or more (the merged layer and its table): m2 has one report
    several = cd_client.get("/api/merged-events", params={"min_reports": 2}).json()
    assert several["total"] == 1 and [m["id"] for m in several["items"]] == ["m1"]
    assert cd_client.get("/api/merged-events", params={"min_reports": 4}).json()["total"] == 0
    assert cd_client.get("/api/merged-events", params={"min_reports": 0}).status_code == 400
    assert cd_client.get("/api/merged-events", params={"type": "protest"}).json()["total"] == 1
    assert cd_client.get("/api/merged-events", params={"bbox": "43,33,45,34"}).json()["total"] == 1
    assert cd_client.get("/api/merged-events", params={"date_from": "2024-05"}).json()["total"] == 1
    assert cd_client.get("/api/merged-events", params={"date_from": "nope"}).status_code == 400
    m = cd_client.get("/api/merged-events/m1").json()
    assert m["merged_event"]["place_name"] == "Aleppo" and m["mentions"][0]["doc_id"] == "doc-1"


def test_story_side_by_side(cd_client):
    lst = cd_client.get("/api/stories").json()
    assert lst["total"] == 1
    s = lst["items"][0]
    assert s["id"] == "s1" and "centroid" not in s and s["places"] == ["Aleppo"]
    st = cd_client.get("/api/stories/s1").json()
    assert [d["outlet"] for d in st["documents"]] == ["الوطن", "الشرق"]
    assert all(d["text"] for d in st["documents"])
    assert {m["id"] for m in st["merged_events"]} == {"m1", "m2"}
    assert cd_client.get("/api/stories/nope").status_code == 404
