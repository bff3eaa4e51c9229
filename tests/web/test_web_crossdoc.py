"""Stories and merged events, when rasid.crossdoc has written its tables."""

from __future__ import annotations

import json
import sqlite3

import httpx
import pytest

import webstore

# The columns rasid.crossdoc writes (its schema.py); used when it is not installed.
_DDL = """
CREATE TABLE IF NOT EXISTS stories(id TEXT PRIMARY KEY, title TEXT, title_doc TEXT, title_sim REAL,
  date_start TEXT, date_end TEXT, n_docs INTEGER NOT NULL DEFAULT 0, centroid BLOB, places TEXT, actors TEXT,
  updated_at TEXT);
CREATE TABLE IF NOT EXISTS story_docs(story_id TEXT NOT NULL, doc_id TEXT PRIMARY KEY, score REAL, published TEXT);
CREATE TABLE IF NOT EXISTS merged_events(id TEXT PRIMARY KEY, type TEXT NOT NULL, cell TEXT NOT NULL,
  date_start TEXT, date_end TEXT, best_date TEXT, place_name TEXT, place_name_ar TEXT, lat REAL, lon REAL,
  country TEXT, admin1 TEXT, n_mentions INTEGER, outlets INTEGER, independent_sources INTEGER,
  contradicted INTEGER NOT NULL DEFAULT 0, earliest_doc TEXT, earliest_published TEXT, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS merged_mentions(merged_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL,
  outlet TEXT, published TEXT, stance TEXT, source_text TEXT, is_copy INTEGER, json TEXT NOT NULL,
  PRIMARY KEY (doc_id, event_id));
"""


@pytest.fixture(scope="module")
def cd_client(tmp_path_factory):
    db = webstore.build_db(tmp_path_factory.mktemp("cd") / "rasid.db", webstore.sample_docs())
    conn = sqlite3.connect(db)
    try:
        from rasid.crossdoc.schema import ensure_schema
    except ImportError:
        conn.executescript(_DDL)
    else:
        ensure_schema(conn)
    conn.execute("INSERT INTO stories(id, title, date_start, date_end, n_docs, centroid, places, actors) "
                 "VALUES ('s1', 'أحداث حلب وبغداد', '2024-03-04', '2024-05-10', 2, ?, '[\"Aleppo\"]', '[]')",
                 (b"\x00\x01",))
    conn.executemany("INSERT INTO story_docs(story_id, doc_id, score) VALUES (?,?,?)",
                     [("s1", "doc-1", 1.0), ("s1", "doc-2", 0.8)])
    conn.executemany(
        "INSERT INTO merged_events(id, type, cell, date_start, date_end, place_name, lat, lon, country, n_mentions,"
        " outlets, independent_sources, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [("m1", "ASSAULT", "c1", "2024-03-04", "2024-03-04", "Aleppo", 36.2, 37.13, "SY", 3, 2, 2, json.dumps({"a": 1})),
         ("m2", "PROTEST", "c2", "2024-05-10", "2024-05-10", "Baghdad", 33.3, 44.4, "IQ", 1, 1, 1, "{}")])
    conn.executemany("INSERT INTO merged_mentions(merged_id, doc_id, event_id, outlet, json) VALUES (?,?,?,?,?)",
                     [("m1", "doc-1", "event-1", "الوطن", "{}"), ("m2", "doc-2", "event-2", "الشرق", "{}")])
    conn.commit()
    conn.close()
    from rasid.web import create_app

    with webstore.LiveServer(create_app(db, tile_url="")) as srv, httpx.Client(base_url=srv.url) as c:
        yield c


def test_merged_events_filters(cd_client):
    body = cd_client.get("/api/merged-events").json()
    assert body["total"] == 2 and body["items"][0]["id"] == "m1"  # most corroborated first
    assert body["items"][0]["json"] == {"a": 1}
    assert [m["id"] for m in cd_client.get("/api/merged-events", params={"min_corroboration": 2}).json()["items"]] == ["m1"]
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
