"""Real browser: Debian's Chromium (headless) through Selenium and chromedriver.

Skips cleanly when Chromium, chromedriver or selenium are absent. The
screenshot lands in the test's tmp dir (and in $RASID_SCREENSHOT_DIR if set).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = next((p for p in (os.environ.get("RASID_CHROMIUM"), shutil.which("chromium"),
                             shutil.which("chromium-browser"), "/usr/bin/chromium") if p and Path(p).exists()), None)
DRIVER = next((p for p in (os.environ.get("RASID_CHROMEDRIVER"), shutil.which("chromedriver"),
                           "/usr/bin/chromedriver") if p and Path(p).exists()), None)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM or not DRIVER:
        pytest.skip("chromium and chromedriver not installed (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
              "--window-size=1400,900", "--lang=en-US"):
        opts.add_argument(a)
    opts.binary_location = CHROMIUM
    try:
        drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    except Exception as e:  # a broken local install is not a test failure
        pytest.skip(f"chromium would not start: {e}")
    drv.set_page_load_timeout(30)
    yield drv
    drv.quit()


def _wait(drv, css: str, n: int = 1, timeout: float = 30):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(drv, timeout).until(
        lambda d: (els := d.find_elements(By.CSS_SELECTOR, css)) and len(els) >= n and els)


def _map_still(drv, timeout: float = 15) -> None:
    """Wait until the map is still: no zoom or pan animation of Leaflet, no cluster split or merge of
    markercluster (a marker clicked while it moves is missed, and its element may be replaced)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(drv, timeout).until(lambda d: d.execute_script("""
        const M = window.Rasid && window.Rasid.mapView, m = M && M.map;
        return !!m && !m._animatingZoom && !(m._panAnim && m._panAnim._inProgress)
          && !(M.cluster && M.cluster._inZoomAnimation) && !(M.countryCluster && M.countryCluster._inZoomAnimation);"""))


def _open(drv, url: str) -> None:
    """Load ``url`` afresh (a hash change alone would keep the page's state)."""
    drv.get("about:blank")
    drv.get(url)


def _save(drv, tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    drv.save_screenshot(str(out))
    if os.environ.get("RASID_SCREENSHOT_DIR"):
        shutil.copy(out, Path(os.environ["RASID_SCREENSHOT_DIR"]) / name)
    return out


def test_map_markers_click_shows_evidence(browser, live_server, tmp_path):
    _open(browser, live_server.url + "/#/map")
    markers = _wait(browser, ".ev-marker[data-event]", n=5)
    assert len(markers) == 5
    # the offline basemap is drawn (country polygons as SVG paths)
    _wait(browser, ".leaflet-basemap-pane path", n=50)
    _map_still(browser)
    _wait(browser, '.ev-marker[data-event="doc-1/event-1"]')[0].click()
    ev = _wait(browser, "#event-panel .article .hl-evidence")
    assert "".join(e.text for e in ev).replace(" ", "") == "قصفتالقواتالحكوميةمدينةحلب"
    assert _wait(browser, "#event-panel .article .hl-trigger")[0].text == "قصفت"
    places = [e.text for e in browser.find_elements("css selector", "#event-panel .article .hl-place")]
    assert "حلب" in places
    assert browser.execute_script("return getComputedStyle(document.querySelector('#event-panel .article')).direction") == "rtl"
    shot = _save(browser, tmp_path, "rasid-event-panel.png")
    assert shot.stat().st_size > 10_000


def test_timeline_and_filters(browser, live_server):
    _open(browser, live_server.url + "/#/map")
    _wait(browser, ".ev-marker[data-event]", n=5)
    bars = _wait(browser, "#timeline-svg rect.bar")
    assert len(bars) > 100  # one bar per day, 2023-11-01 .. 2024-06-01, gaps filled
    browser.find_element("css selector", "#f-date_from").send_keys("05/01/2024")
    browser.find_element("css selector", "#f-date_to").send_keys("05/31/2024")
    browser.find_element("css selector", "#apply").click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 10).until(lambda d: len(d.find_elements("css selector", ".ev-marker[data-event]")) == 2)


def test_timeline_brush_filters_map(browser, live_server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    _open(browser, live_server.url + "/#/map")
    _wait(browser, ".ev-marker[data-event]", n=5)
    svg = _wait(browser, "#timeline-svg rect.bar")[0].find_element("xpath", "..")
    w = svg.size["width"]
    # drag over the last fifth: 2024-04-20 .. 2024-06-01 (doc-2's two events and doc-xss)
    ActionChains(browser).move_to_element_with_offset(svg, int(w * 0.3), 0).click_and_hold() \
        .move_by_offset(int(w * 0.25), 0).release().perform()  # past the end: clamped to the last day
    WebDriverWait(browser, 10).until(lambda d: len(d.find_elements("css selector", ".ev-marker[data-event]")) == 3)
    assert browser.find_element("css selector", "#f-date_to").get_attribute("value") == "2024-06-01"


def test_hostile_article_stays_inert(browser, live_server, tmp_path):
    for h in ("#/event/doc-xss/event-1", "#/doc/doc-xss", "#/claims", "#/entities", "#/search/درعا"):
        browser.get(live_server.url + "/" + h)
        _wait(browser, "main h2")
        browser.execute_script("return 1")
    browser.get(live_server.url + "/#/event/doc-xss/event-1")
    art = _wait(browser, "#event-panel .article")[0]
    assert "<script>" in art.text and "onerror=" in art.text  # shown as text
    assert browser.execute_script("return window.__pwned === undefined")
    assert not browser.find_elements("css selector", "#event-panel script, #event-panel img, main svg[onload]")
    for a in browser.find_elements("css selector", "a[href]"):
        assert not a.get_attribute("href").lower().startswith("javascript:")
    _save(browser, tmp_path, "rasid-xss.png")


def test_language_toggle(browser, live_server):
    _open(browser, live_server.url + "/#/claims")
    _wait(browser, "table.grid")
    lang = browser.execute_script("return document.documentElement.lang")
    browser.find_element("css selector", "#lang-toggle").click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 5).until(lambda d: d.execute_script("return document.documentElement.lang") != lang)
    new = browser.execute_script("return [document.documentElement.lang, document.documentElement.dir]")
    assert new in (["en", "ltr"], ["ar", "rtl"])


@pytest.fixture(scope="module")
def crossdoc_server(crossdoc_db):
    from webstore import LiveServer

    from rasid.web import create_app

    with LiveServer(create_app(crossdoc_db, tile_url="")) as srv:
        yield srv


def test_story_page_outlets_side_by_side(browser, crossdoc_server, tmp_path):
    _open(browser, crossdoc_server.url + "/#/stories")
    _wait(browser, ".story-list a")[0].click()
    cols = _wait(browser, ".side-by-side .story-doc", n=2)
    assert [c.find_element("css selector", "h3").text for c in cols] == ["الوطن", "الشرق"]
    assert _wait(browser, ".story-doc .article .hl-evidence")
    _save(browser, tmp_path, "rasid-story.png")
    browser.get(crossdoc_server.url + "/#/entity/sy-gov")
    assert "Syrian government forces" in _wait(browser, "main h2")[0].text


def test_merged_events_layer(browser, crossdoc_server, tmp_path):
    _open(browser, crossdoc_server.url + "/#/map")
    _wait(browser, ".ev-marker[data-event]", n=5)
    browser.find_element("css selector", "#layer-merged").click()
    merged = _wait(browser, ".ev-marker[data-merged]", n=1)
    assert len(browser.find_elements("css selector", ".ev-marker[data-event]")) == 0
    # merged events of two reports or more: m2 (one report) is an ordinary event, not on this layer
    assert {m.get_attribute("data-merged") for m in merged} == {"m1"}
    rows = _wait(browser, "#event-table tr.merged-row")
    assert [r.get_attribute("data-merged") for r in rows] == ["m1"]
    assert not browser.find_elements("css selector", "#event-table tr[data-event]")
    _map_still(browser)
    _wait(browser, '.ev-marker[data-merged="m1"]')[0].click()
    links = _wait(browser, "#event-panel ol.reports a")  # each report with its evidence (was a table)
    assert links[0].text == "الوطن"
    links[0].click()  # on to the article's own event, evidence highlighted
    assert _wait(browser, "#event-panel .article .hl-evidence")
    _save(browser, tmp_path, "rasid-merged.png")


def test_online_tiles_when_tile_url_is_set(browser, sample_db):
    from webstore import LiveServer

    from rasid.web import create_app

    with LiveServer(create_app(sample_db, tile_url="http://127.0.0.1:9/{z}/{x}/{y}.png")) as srv:
        _open(browser, srv.url + "/#/map")
        _wait(browser, ".ev-marker[data-event]", n=5)
        tiles = _wait(browser, ".leaflet-tile-pane img")
        assert tiles[0].get_attribute("src").startswith("http://127.0.0.1:9/")
        assert not browser.find_elements("css selector", ".leaflet-basemap-pane path, .river-line, .gov-boundary")  # no offline basemap
        assert "Tiles: 127.0.0.1:9" in browser.find_element("css selector", ".leaflet-control-attribution").text
