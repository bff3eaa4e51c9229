"""Page load and event-table paging times of the web UI in headless Chromium (issue 17).

    python benchmarks/web_page_load.py DB [--runs 5]

Serves DB on loopback, opens the map N times (fresh page each time) and reports the time
from navigation to the map being ready (markers, timeline and the first table page drawn:
``document.body.dataset.ready``) and to the basemap's rivers and governorate layers being
drawn, then pages through the event table (next page, sort by fatalities, by place) and
reports each table page's time as the page measures it (request to rows drawn) and the
API's own time; then the same for the merged layer (its markers and its merged-events table).
Targets on the 392-article corpus: page < 1.5 s, table page < 200 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "web"))


def run(db: Path, runs: int = 5) -> dict:
    import httpx
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    from rasid.web import create_app
    from webstore import LiveServer

    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,900"):
        opts.add_argument(a)
    opts.binary_location = "/usr/bin/chromium"
    drv = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    out: dict = {"page_load_s": [], "basemap_s": [], "merged_load_s": [], "table_page_ms": [], "table_api_ms": [],
                 "merged_table_ms": []}
    try:
        with LiveServer(create_app(db, tile_url="")) as srv, httpx.Client(base_url=srv.url) as api:
            ready = "return document.body.dataset.ready === '1' && !!document.querySelector('#event-table table')"
            basemap = ("const b = window.Rasid.mapView.basemap; return !!(b && b.rivers && b.admin1 "
                       "&& document.querySelector('.leaflet-basemap-pane path'))")
            for _ in range(runs):
                drv.get("about:blank")
                t0 = time.perf_counter()
                drv.get(srv.url + "/#/map")
                WebDriverWait(drv, 60, poll_frequency=0.02).until(lambda d: d.execute_script(ready))
                out["page_load_s"].append(time.perf_counter() - t0)
                # the offline basemap's rivers and governorate layers drawn as well
                WebDriverWait(drv, 60, poll_frequency=0.02).until(lambda d: d.execute_script(basemap))
                out["basemap_s"].append(time.perf_counter() - t0)
            for _ in range(runs):  # the merged layer: its markers and its table of merged events
                drv.get("about:blank")
                t0 = time.perf_counter()
                drv.get(srv.url + "/#/map?layer=merged")
                WebDriverWait(drv, 60, poll_frequency=0.02).until(lambda d: d.execute_script(ready))
                out["merged_load_s"].append(time.perf_counter() - t0)
            for q in ("page=1", "page=3", "page=6"):
                drv.execute_script("document.body.dataset.ready = ''; window.location.hash = '#/map?layer=merged&' + arguments[0]", q)
                WebDriverWait(drv, 30, poll_frequency=0.01).until(lambda d: d.execute_script(ready))
                out["merged_table_ms"].append(drv.execute_script("return window.Rasid.mapView.tableMs"))
            # paging and sorting only (a filter change reloads the map and timeline as well)
            for q in ("page=1", "page=2", "sort=-fatalities", "sort=place", "sort=-fatalities&page=3",
                      "sort=date&page=10", "sort=-outlet&page=20", "page=50"):
                drv.execute_script("document.body.dataset.ready = ''; window.location.hash = '#/map?' + arguments[0]", q)
                WebDriverWait(drv, 30, poll_frequency=0.01).until(lambda d: d.execute_script(ready))
                out["table_page_ms"].append(drv.execute_script("return window.Rasid.mapView.tableMs"))
                params = dict(p.split("=") for p in q.split("&"))
                page = int(params.pop("page", 0))
                t = time.perf_counter()
                api.get("/api/events", params={**params, "limit": 50, "offset": page * 50})
                out["table_api_ms"].append((time.perf_counter() - t) * 1000)
    finally:
        drv.quit()
    return {
        "runs": runs,
        "page_load_s_first": round(out["page_load_s"][0], 3),  # a fresh browser: nothing cached
        "page_load_s_median": round(statistics.median(out["page_load_s"]), 3),
        "page_load_s_max": round(max(out["page_load_s"]), 3),
        "basemap_s_median": round(statistics.median(out["basemap_s"]), 3),
        "basemap_s_max": round(max(out["basemap_s"]), 3),
        "merged_load_s_median": round(statistics.median(out["merged_load_s"]), 3),
        "merged_load_s_max": round(max(out["merged_load_s"]), 3),
        "merged_table_ms_median": round(statistics.median(out["merged_table_ms"]), 1),
        "table_page_ms_median": round(statistics.median(out["table_page_ms"]), 1),
        "table_page_ms_max": round(max(out["table_page_ms"]), 1),
        "table_api_ms_median": round(statistics.median(out["table_api_ms"]), 1),
        "table_api_ms_max": round(max(out["table_api_ms"]), 1),
    }


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    for k, v in run(a.db, a.runs).items():
        print(f"{k}: {v}")
