"""The one event-filter dependency (rasid.web.filters): the same parameters on every
filtering endpoint, checked in the same order as before it existed."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

FILTERING = {
    "/api/events": {"undated", "doc_id"},
    "/api/events/points": {"undated"},
    "/api/events/counts": {"undated"},
    "/api/events/histogram": set(),
    "/api/merged-events": set(),
    "/api/export/{fmt}": {"undated"},
}


def test_every_filtering_endpoint_takes_the_filter(client):
    from rasid.web.filters import COMMON

    spec = client.get("/openapi.json").json()
    for path, extra in FILTERING.items():
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]}
        assert set(COMMON) | extra <= names, path
        assert not ({"undated", "doc_id"} - extra) & names, path


@pytest.mark.parametrize("path, params, first", [
    ("/api/events", {"type": "nope", "limit": "0"}, "limit"),  # FastAPI's own checks come first
    ("/api/merged-events", {"type": "nope", "limit": "0"}, "limit"),
    ("/api/export/bogus", {"min_fatalities": "-1"}, "min_fatalities"),
    ("/api/export/bogus", {"type": "nope"}, "fmt"),  # then the format
    ("/api/export/merged-jsonl", {"type": "nope"}, "type"),
    ("/api/events/histogram", {"bbox": "1,2"}, "bbox"),
])
def test_first_bad_parameter_reported(client, path, params, first):
    r = client.get(path, params=params)
    assert r.status_code == 400
    assert r.json()["error"]["message"].startswith(f"{first}:")


def test_cli_shares_the_check():
    from rasid.store.queries import BadParameter, EventFilter

    assert EventFilter(type="assault", country="sy").validated().type == "assault"
    with pytest.raises(BadParameter, match="^country:"):
        EventFilter(country="SYR").validated()


@pytest.mark.parametrize("actor", ["Syrian", "sy-gov", "القوات الحكومية", "القوات", "مسلحون", "script", "nobody"])
def test_actor_filter_resolved_form_matches_per_row_form(sample_db, actor):
    """The actor filter resolved once per database version (names by equality, entity-only
    events by key) keeps exactly the events of its LIKE and entities-subquery form."""
    from rasid.store.queries import Database, EventFilter

    db = Database(str(sample_db))
    f = EventFilter(actor=actor)
    where, args = db._where(f)
    assert f.actor_match is not None
    fast = [tuple(r) for r in db.conn.execute("SELECT doc_id, event_id FROM events" + where + " ORDER BY rowid", args)]
    f.actor_match = None
    where, args = f.where()
    slow = [tuple(r) for r in db.conn.execute("SELECT doc_id, event_id FROM events" + where + " ORDER BY rowid", args)]
    assert fast == slow
    if actor in ("sy-gov", "القوات الحكومية"):  # found through the entity only: kept by key
        assert fast and f.actor_match is None and db.actor_match(actor)[2] == tuple(fast)
