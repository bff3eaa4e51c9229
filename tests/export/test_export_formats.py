"""Exports: ACLED-style CSV (loads with pandas), GeoJSON (valid), JSONL, Parquet; CLI and API."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rasid.cli import app
from rasid.export import ACLED_COLUMNS, acled_row, export, iter_format

ACLED_REQUIRED = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                  "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "inter2", "interaction",
                  "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
                  "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
                  "tags", "timestamp")


def test_acled_csv_loads_with_pandas(export_db, tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "events.csv"
    assert export(export_db, "acled-csv", out) == 5
    df = pd.read_csv(out, keep_default_na=False)
    assert list(df.columns) == list(ACLED_COLUMNS)
    assert set(ACLED_REQUIRED) <= set(df.columns)
    assert len(df) == 5 and df["event_id_cnty"].is_unique
    aleppo = df[df["location"] == "Aleppo"].iloc[0]
    assert aleppo["event_id_cnty"].startswith("SYR")
    assert aleppo["event_date"] == "2024-03-04" and aleppo["year"] == 2024 and aleppo["time_precision"] == 1
    assert aleppo["event_type"] == "Explosions/Remote violence" and aleppo["sub_event_type"] == "Air/drone strike"
    assert aleppo["disorder_type"] == "Political violence"
    assert aleppo["actor1"] == "Syrian government forces" and aleppo["country"] == "Syria"
    assert str(aleppo["inter1"]) == "1" and str(aleppo["interaction"]) == "10"  # mixed with blanks: text
    assert aleppo["iso"] == 760 and aleppo["fatalities"] == 5 and aleppo["source"] == "الوطن"
    assert aleppo["latitude"] == pytest.approx(36.2021) and aleppo["longitude"] == pytest.approx(37.1343)
    ankara = df[df["location"] == "Ankara"].iloc[0]
    assert ankara["time_precision"] == 3 and ankara["event_type"] == "Strategic developments"
    denied = df[df["location"] == "Ain al-Asad"].iloc[0]
    assert "denied" in denied["notes"] and "مسؤول عراقي" in denied["notes"]


def test_csv_cells_cannot_be_formulas():
    row = acled_row({"doc_id": "d", "event_id": "e", "actor_name": "=HYPERLINK(\"x\")", "outlet": "+1",
                     "evidence_text": "@SUM(A1)", "type": "ASSAULT"})
    assert row["actor1"].startswith("'=") and row["source"].startswith("'+") and row["notes"].startswith("'@")


def _validate_geojson(fc: dict) -> None:
    assert fc["type"] == "FeatureCollection" and isinstance(fc["features"], list)
    for f in fc["features"]:
        assert f["type"] == "Feature"
        g = f["geometry"]
        assert g["type"] == "Point" and len(g["coordinates"]) == 2
        lon, lat = g["coordinates"]
        assert isinstance(lon, float) and isinstance(lat, float)
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(f["properties"], dict)
        for v in f["properties"].values():
            assert v is None or isinstance(v, (str, int, float, bool))


def test_geojson_is_valid(export_db, tmp_path):
    out = tmp_path / "events.geojson"
    export(export_db, "geojson", out)
    fc = json.loads(out.read_text(encoding="utf-8"))
    _validate_geojson(fc)
    assert len(fc["features"]) == 5
    aleppo = next(f for f in fc["features"] if f["properties"]["place_name"] == "Aleppo")
    assert aleppo["geometry"]["coordinates"] == [pytest.approx(37.1343), pytest.approx(36.2021)]  # lon, lat
    assert aleppo["properties"]["type"] == "ASSAULT"


def test_geojson_skips_unlocated_events():
    text = "".join(iter_format("geojson", [{"doc_id": "d", "event_id": "e", "lat": None, "lon": None}]))
    assert json.loads(text) == {"type": "FeatureCollection", "features": []}


def test_jsonl(export_db, tmp_path):
    out = tmp_path / "events.jsonl"
    export(export_db, "jsonl", out, type="PROTEST")
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 1 and rows[0]["id"] == "doc-2/event-2" and rows[0]["place_name"] == "Baghdad"


def test_parquet(export_db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    export(export_db, "parquet", out)
    t = pq.read_table(out)
    assert t.num_rows == 5 and {"id", "type", "lat", "lon", "evidence_text"} <= set(t.column_names)


def test_cli_export(export_db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "x.geojson"
    r = runner.invoke(app, ["export", "--db", str(export_db), "--format", "geojson", "-o", str(out),
                            "--country", "IQ"])
    assert r.exit_code == 0, r.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 2
    r = runner.invoke(app, ["export", "--db", str(export_db), "--format", "xml", "-o", str(out)])
    assert r.exit_code == 2
    r = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db"), "--format", "jsonl", "-o", "-"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["export", "--db", str(export_db), "--format", "jsonl", "-o", "-", "--from", "2024-99"])
    assert r.exit_code == 2


def test_api_export_endpoints(export_db):
    import httpx
    from webstore import LiveServer

    from rasid.web import create_app

    with LiveServer(create_app(export_db, tile_url="")) as srv, httpx.Client(base_url=srv.url) as c:
        r = c.get("/api/export/geojson", params={"type": "ASSAULT"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
        _validate_geojson(r.json())
        assert len(r.json()["features"]) == 2
        r = c.get("/api/export/acled-csv")
        assert r.text.splitlines()[0].split(",") == list(ACLED_COLUMNS)
        assert "attachment" in r.headers["content-disposition"]
        assert len(c.get("/api/export/jsonl").text.splitlines()) == 5
        if pytest.importorskip("pyarrow"):
            assert c.get("/api/export/parquet").content[:4] == b"PAR1"
        assert c.get("/api/export/shapefile").status_code == 400
        assert c.get("/api/export/geojson", params={"bbox": "x"}).status_code == 400


def test_acled_leaves_out_events_that_did_not_happen(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "web"))
    import webstore

    from rasid.model.document import Document, Event, Span

    text = "قالت الحكومة إنها لن تنسحب من المدينة، وإنها تخطط لهجوم الأسبوع المقبل."
    d = Document("doc-m", text, published="2024-01-10", outlet="منفذ")
    i = text.index("تنسحب")
    d.events.append(Event("event-1", "RETREAT", Span(i, i + 5, "تنسحب"), modality="negated"))
    j = text.index("لهجوم")
    d.events.append(Event("event-2", "ASSAULT", Span(j, j + 5, "لهجوم"), modality="planned"))
    db = webstore.build_db(tmp_path / "m.db", webstore.sample_docs() + [d])
    out = tmp_path / "a.csv"
    assert export(db, "acled-csv", out) == 5  # the sample's five, not the two that did not happen
    assert export(db, "acled-csv", out, modality="planned") == 1
    assert export(db, "jsonl", tmp_path / "a.jsonl") == 7
