"""The map an analyst works in (issue 17, "Done when"), in a real browser on the demo database.

Chromium through Selenium (skipped when absent). Screenshots of the main views are saved in
$RASID_SCREENSHOT_DIR, else in test-output/screenshots/ at the repository root, for review.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from test_web_browser import _map_still, _open, _wait, browser  # noqa: F401  (the module-scoped Chromium fixture)

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("RASID_SCREENSHOT_DIR") or ROOT / "test-output" / "screenshots")


def _shot(drv, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    out = SHOTS / name
    drv.save_screenshot(str(out))
    assert out.stat().st_size > 10_000
    return out


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """The database `rasid demo --no-serve` writes (the sample articles, stories, merged events)."""
    from typer.testing import CliRunner

    from rasid.cli import app

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    r = CliRunner().invoke(app, ["demo", "--no-serve", "--quiet", "--db", str(db)])
    assert r.exit_code == 0, r.output
    return db


@pytest.fixture(scope="module")
def demo(demo_db):
    from webstore import LiveServer

    from rasid.web import create_app

    with LiveServer(create_app(demo_db, tile_url="")) as srv:
        srv.api = httpx.Client(base_url=srv.url, timeout=20)
        yield srv
        srv.api.close()


def _ready(drv, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(drv, timeout).until(lambda d: d.execute_script(
        "return document.body.dataset.ready === '1' && !!document.querySelector('#event-table table, #event-table p')"))


def _texts(drv, css: str, n: int = 1, timeout: float = 30) -> list[str]:
    """The text of every element matching ``css``, read in one script once at
    least ``n`` exist (the map redraws labels and panels: element handles held
    across a redraw go stale)."""
    from selenium.webdriver.support.ui import WebDriverWait

    script = "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent)"
    return WebDriverWait(drv, timeout).until(
        lambda d: (lambda t: t if len(t) >= n else False)(d.execute_script(script, css)))


def _table_total(drv) -> int:
    """The table's total ("1–50 of 57"); -1 while the table is being redrawn."""
    txt = drv.execute_script("const n = document.getElementById('table-range'); return n ? n.textContent : ''")
    try:
        return int(txt.split()[-1].rstrip("+"))
    except (IndexError, ValueError):
        return -1


def _n_markers_api(srv, **params) -> int:
    return srv.api.get("/api/events/points", params={**params, "limit": 20000}).json()["count"]


def _markers_in_map(drv) -> int:
    """Markers on the map, clustered ones included (the cluster layer's own count)."""
    return drv.execute_script("const M = window.Rasid.mapView; "
                              "return M.cluster.getLayers().length + M.countryCluster.getLayers().length")


def _selected_in_view(drv, key: str) -> bool:
    """The map shows the selected event ``key``: its marker drawn on its own (not inside a cluster),
    marked, in view, with the selection ring."""
    return drv.execute_script("""
        const M = window.Rasid.mapView, mk = M.markers.get(arguments[0]), el = mk && mk.getElement();
        return M.selectedKey === arguments[0] && !!el && el.classList.contains('ev-selected')
          && M.map.getBounds().contains(mk.getLatLng()) && !!document.querySelector('.selected-ring');""", key)


def _wait_selected_in_view(drv, key: str, timeout: float = 15) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(drv, timeout).until(lambda d: _selected_in_view(d, key), f"{key} not shown selected on its own")


def test_clear_resets_map_and_form(browser, demo):  # noqa: F811
    from selenium.webdriver.support.ui import WebDriverWait

    _open(browser, demo.url + "/#/map")
    _ready(browser)
    everything = _n_markers_api(demo)
    WebDriverWait(browser, 10).until(lambda d: _markers_in_map(d) == everything)
    browser.find_element("css selector", "#f-actor").send_keys("داعش")
    browser.find_element("css selector", "#f-precise").click()  # submits the form
    WebDriverWait(browser, 10).until(lambda d: "actor=" in d.current_url and "precise=1" in d.current_url)
    narrowed = _n_markers_api(demo, actor="داعش", precise=1)
    WebDriverWait(browser, 10).until(lambda d: _markers_in_map(d) == narrowed)
    assert narrowed < everything
    browser.find_element("css selector", "#clear").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("#/map"))
    WebDriverWait(browser, 10).until(lambda d: _markers_in_map(d) == everything)
    assert browser.find_element("css selector", "#f-actor").get_attribute("value") == ""
    assert not browser.find_element("css selector", "#f-precise").is_selected()
    # the next Apply does not bring the old filters back
    browser.find_element("css selector", "#apply").click()
    WebDriverWait(browser, 10).until(lambda d: _markers_in_map(d) == everything)
    assert "actor=" not in browser.current_url
    _shot(browser, "map-cleared.png")


@pytest.mark.parametrize("name", ["داعش", "تنظيم الدولة الإسلامية", "قسد"])
def test_arabic_actor_name_filters(browser, demo, name):  # noqa: F811
    from selenium.webdriver.support.ui import WebDriverWait

    api = demo.api.get("/api/events", params={"actor": name}).json()["total"]
    assert api > 0, name
    _open(browser, demo.url + "/#/map")
    _ready(browser)
    box = browser.find_element("css selector", "#f-actor")
    assert box.get_attribute("list") == "actor-names"  # completion from the store's entities
    options = browser.execute_script("return Array.from(document.querySelectorAll('#actor-names option')).map(o => o.value)")
    assert any("\u0600" <= c <= "\u06ff" for o in options for c in o) and "ISIS" in options
    box.send_keys(name)
    browser.find_element("css selector", "#apply").click()
    WebDriverWait(browser, 10).until(lambda d: "actor=" in d.current_url)
    _ready(browser)
    WebDriverWait(browser, 20).until(lambda d: _table_total(d) == api)
    if name == "داعش":
        assert api == demo.api.get("/api/events", params={"actor": "ISIS"}).json()["total"]
        _shot(browser, "map-actor-arabic.png")


def test_initial_view_is_fitted_to_the_data(browser, demo):  # noqa: F811
    _open(browser, demo.url + "/#/map")
    _ready(browser)
    pts = demo.api.get("/api/events/points", params={"limit": 20000}).json()["items"]
    inside, zoom = browser.execute_script("""
        const m = window.Rasid.mapView.map, b = m.getBounds();
        return [arguments[0].filter(p => b.contains([p[3], p[4]])).length, m.getZoom()];""", pts)
    assert zoom >= 5  # not the whole world
    assert inside >= 0.9 * len(pts)
    assert browser.find_element("css selector", "#map").get_attribute("data-fitted") == "1"
    # place names of the offline basemap are drawn
    labels = [t.strip() for t in _texts(browser, ".place-label span", n=5)]
    assert any(t in labels for t in ("دمشق", "بغداد", "حلب", "الموصل", "دير الزور"))
    _shot(browser, "map-initial.png")


def test_country_level_event_is_drawn_as_such(browser, demo):  # noqa: F811
    from selenium.webdriver.support.ui import WebDriverWait

    pts = demo.api.get("/api/events/points", params={"limit": 20000}).json()["items"]
    country = [p for p in pts if p[7] == "country"]
    assert country, "the demo has events located only to a country"
    doc_id, event_id = country[0][0], country[0][1]
    _open(browser, demo.url + "/#/event/" + quote(doc_id, safe="") + "/" + quote(event_id, safe=""))
    _ready(browser)
    tag = _wait(browser, "#event-precision")[0]
    assert "prec-country" in tag.get_attribute("class")
    # zoom in far enough that no cluster hides the marker
    _map_still(browser)  # Leaflet drops a view change asked for during a zoom animation
    browser.execute_script("window.Rasid.mapView.map.setView([arguments[0], arguments[1]], 10, {animate: false})",
                           country[0][3], country[0][4])
    sel = f'.ev-marker[data-event="{doc_id}/{event_id}"]'
    marker = WebDriverWait(browser, 10).until(lambda d: d.find_elements("css selector", sel))[0]
    assert marker.get_attribute("data-precision") == "country"
    assert browser.execute_script("const M = window.Rasid.mapView; return M.countryCluster.hasLayer(M.markers.get(arguments[0]))",
                                  f"{doc_id}/{event_id}")  # never clustered with located events
    dot = marker.find_element("css selector", ".ev-dot")
    assert "prec-country" in dot.get_attribute("class")
    assert "country" in marker.get_attribute("title").lower() or "البلد" in marker.get_attribute("title")
    legend = browser.find_element("css selector", "#prec-legend").text
    assert legend  # the legend names the three precisions
    point = next(p for p in pts if p[7] == "point")
    _map_still(browser)  # Leaflet drops a view change asked for during a zoom animation
    browser.execute_script("window.Rasid.mapView.map.setView([arguments[0], arguments[1]], 11, {animate: false})",
                           point[3], point[4])
    sel = f'.ev-marker[data-event="{point[0]}/{point[1]}"] .ev-dot'
    dot = WebDriverWait(browser, 10).until(lambda d: d.find_elements("css selector", sel))[0]
    assert "prec-point" in dot.get_attribute("class")
    _shot(browser, "map-country-level.png")


def test_table_and_map_select_the_same_event(browser, demo):  # noqa: F811
    from selenium.webdriver.support.ui import WebDriverWait

    _open(browser, demo.url + "/#/map?precise=1")
    _ready(browser)
    rows = _wait(browser, "#event-table tbody tr[data-event]", n=3)
    key = rows[2].get_attribute("data-event")
    rows[2].click()
    WebDriverWait(browser, 10).until(lambda d: "#/event/" in d.current_url and "precise=1" in d.current_url)
    _wait(browser, "#event-panel h2")
    sel_row = WebDriverWait(browser, 10).until(lambda d: d.find_elements("css selector", "#event-table tr.selected"))
    assert sel_row[0].get_attribute("data-event") == key
    WebDriverWait(browser, 15).until(
        lambda d: d.find_elements("css selector", f'.ev-marker.ev-selected[data-event="{key}"]'))
    assert browser.execute_script("return window.Rasid.mapView.selectedKey") == key
    _shot(browser, "map-table-selected.png")
    # and from the map: clicking another marker selects its row
    other = next(r.get_attribute("data-event") for r in browser.find_elements("css selector", "#event-table tbody tr[data-event]")
                 if r.get_attribute("data-event") != key)
    ll = browser.execute_script("const m = window.Rasid.mapView.markers.get(arguments[0]); const p = m.getLatLng(); return [p.lat, p.lng];", other)
    _map_still(browser)  # Leaflet drops a view change asked for during a zoom animation
    browser.execute_script("window.Rasid.mapView.map.setView([arguments[0], arguments[1]], 12, {animate: false})", *ll)
    mk = WebDriverWait(browser, 10).until(lambda d: d.find_elements("css selector", f'.ev-marker[data-event="{other}"]'))
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", mk[0])
    WebDriverWait(browser, 10).until(
        lambda d: [r.get_attribute("data-event") for r in d.find_elements("css selector", "#event-table tr.selected")] == [other])
    assert browser.execute_script("return window.Rasid.mapView.selectedKey") == other


def test_url_with_filters_reproduces_the_view(browser, demo):  # noqa: F811
    from selenium.webdriver.support.ui import WebDriverWait

    ACTOR = "القوات الأمريكية"  # noqa: N806 - an actor with ASSAULT/MOBILIZE events in the demo

    q = "type=ASSAULT,MOBILIZE&actor=" + quote(ACTOR) + "&sort=-date&layer=events"
    _open(browser, demo.url + "/#/map?" + q)
    _ready(browser)
    want = demo.api.get("/api/events", params={"type": "ASSAULT,MOBILIZE", "actor": ACTOR}).json()["total"]
    assert want > 0
    WebDriverWait(browser, 10).until(lambda d: _table_total(d) == want)
    assert browser.find_element("css selector", "#type-ASSAULT").is_selected()
    assert browser.find_element("css selector", "#type-MOBILIZE").is_selected()
    assert not browser.find_element("css selector", "#type-COERCE").is_selected()
    assert browser.find_element("css selector", "#f-actor").get_attribute("value") == ACTOR
    assert "sorted" in browser.find_element("css selector", 'th[data-sort="date"]').get_attribute("class")
    WebDriverWait(browser, 10).until(
        lambda d: _markers_in_map(d) == _n_markers_api(demo, type="ASSAULT,MOBILIZE", actor=ACTOR))
    # an event opened from this view keeps the filters in its link, and closing it returns to them
    _wait(browser, "#event-table tbody tr[data-event]")[0].click()
    WebDriverWait(browser, 10).until(lambda d: "#/event/" in d.current_url and "actor=" in d.current_url)
    _wait(browser, "#event-panel .close")[0].click()
    WebDriverWait(browser, 10).until(lambda d: "#/map?" in d.current_url and "actor=" in d.current_url)
    # the merged layer honours the same filters
    _open(browser, demo.url + "/#/map?layer=merged&actor=" + quote(ACTOR))
    _ready(browser)
    n = demo.api.get("/api/merged-events", params={"actor": ACTOR, "min_reports": 2, "limit": 5000,
                                                   "summary": "false"}).json()
    located = sum(1 for m in n["items"] if m.get("lat") is not None)
    WebDriverWait(browser, 10).until(lambda d: _markers_in_map(d) == located)
    assert located < demo.api.get("/api/merged-events", params={"limit": 5000, "summary": "false"}).json()["total"]


def test_basemap_draws_rivers_and_governorates(browser, demo):  # noqa: F811
    """The offline basemap shows rivers (thin blue lines: Euphrates and Tigris among them) and
    governorate boundaries (thin dashed lines: every governorate of Syria and Iraq)."""
    from selenium.webdriver.support.ui import WebDriverWait

    _open(browser, demo.url + "/#/map")
    _ready(browser)
    WebDriverWait(browser, 20).until(lambda d: d.execute_script(
        "const b = window.Rasid.mapView.basemap; return !!(b && b.rivers && b.admin1)"))
    layers = browser.execute_script("""
        const b = window.Rasid.mapView.basemap, props = (l) => l.getLayers().map((x) => x.feature.properties);
        return {rivers: props(b.rivers), admin1: props(b.admin1)};""")
    rivers = {r["name"]: r["name_ar"] for r in layers["rivers"]}
    assert rivers["Euphrates"] == "الفرات" and rivers["Tigris"] == "دجلة"
    iso = [a["iso"] for a in layers["admin1"]]
    assert len([i for i in iso if i.startswith("SY-") and "~" not in i]) == 14  # Syria's governorates
    assert len([i for i in iso if i.startswith("IQ-")]) == 18  # Iraq's
    names_ar = {a["name_ar"] for a in layers["admin1"]}
    assert {"دير الزور", "الرقة", "حلب", "نينوى", "الأنبار", "صلاح الدين"} <= names_ar
    # drawn: SVG paths with their classes, in their panes (under the markers), with the line styles
    drawn = browser.execute_script("""
        const q = (css) => Array.from(document.querySelectorAll(css));
        const visible = (p) => { const r = p.getBoundingClientRect(); return r.width > 0 || r.height > 0; };
        const rv = q('.leaflet-rivers-pane path.river-line'), gv = q('.leaflet-admin1-pane path.gov-boundary');
        return {rivers: rv.filter(visible).length, gov: gv.filter(visible).length,
                river_stroke: rv.length ? getComputedStyle(rv[0]).stroke : '',
                river_width: rv.length ? rv[0].getAttribute('stroke-width') : '',
                gov_dash: gv.length ? gv[0].getAttribute('stroke-dasharray') : '',
                gov_fill: gv.length ? gv[0].getAttribute('fill') : '',
                below_markers: +getComputedStyle(document.querySelector('.leaflet-rivers-pane')).zIndex
                               < +getComputedStyle(document.querySelector('.leaflet-marker-pane')).zIndex};""")
    assert drawn["rivers"] >= 2 and drawn["gov"] >= 32, drawn
    assert drawn["river_stroke"] == "rgb(74, 144, 200)" and float(drawn["river_width"]) <= 2
    assert drawn["gov_dash"] and drawn["gov_fill"] == "none"
    assert drawn["below_markers"]
    legend = browser.find_element("css selector", "#prec-legend .leg-basemap").text
    assert legend  # the legend names both line styles
    _shot(browser, "map-basemap.png")
    # governorate names from zoom 7 on
    assert not browser.find_elements("css selector", ".gov-label") or browser.execute_script(
        "return window.Rasid.mapView.map.getZoom()") >= 7
    _map_still(browser)  # Leaflet drops a view change asked for during a zoom animation
    browser.execute_script("window.Rasid.mapView.map.setView([35.3, 40.1], 7)")
    labels = _texts(browser, ".gov-label span", n=3)
    assert any(t in ("دير الزور", "Dayr Az Zawr", "Deir ez-Zor") for t in labels), labels
    _shot(browser, "map-basemap-zoom7.png")


def test_merged_table_lists_merged_events(browser, demo):  # noqa: F811
    """On the merged layer the table lists merged events (two reports or more) with their
    outlets and independent sources, not single-article events; table and map select the same."""
    from selenium.webdriver.support.ui import WebDriverWait

    api = demo.api.get("/api/merged-events", params={"min_reports": 2, "limit": 200, "summary": "false"}).json()
    everything = demo.api.get("/api/merged-events", params={"limit": 200, "summary": "false"}).json()
    assert 0 < api["total"] < everything["total"]  # the demo has single-report clusters too
    assert all(m["n_mentions"] >= 2 for m in api["items"])
    _open(browser, demo.url + "/#/map?layer=merged")
    _ready(browser)
    rows = browser.execute_script("""
        return Array.from(document.querySelectorAll('#event-table tbody tr')).map((r) => ({
          merged: r.dataset.merged || null, event: r.dataset.event || null,
          reports: +r.querySelector('.n-reports').textContent, outlets: r.querySelector('.outlets').textContent,
          n_outlets: +r.querySelector('.n-outlets').textContent, sources: r.querySelector('.n-sources').textContent}));""")
    assert [r["merged"] for r in rows] == [m["id"] for m in api["items"]]  # most corroborated first
    assert not any(r["event"] for r in rows)
    by_id = {m["id"]: m for m in api["items"]}
    for r in rows:
        m = by_id[r["merged"]]
        assert r["reports"] == m["n_mentions"] >= 2
        assert r["n_outlets"] == m["outlets"] and r["sources"] == str(m["independent_sources"])
        assert all(o in r["outlets"] for o in m["json"]["outlet_names"])
    assert _table_total(browser) == api["total"]
    headers = _texts(browser, "#event-table thead th", n=8)
    assert any("Outlets" in h or "المنافذ" in h for h in headers)
    assert any("Independent" in h or "مستقلة" in h for h in headers)
    # the map shows the same merged events
    located = sum(1 for m in api["items"] if m.get("lat") is not None)
    WebDriverWait(browser, 30).until(lambda d: _markers_in_map(d) == located)
    # a row opens the merged event and selects its marker; the disputed strike shows its denial
    top = api["items"][0]
    browser.execute_script("document.querySelector('#event-table tr.merged-row').click()")
    WebDriverWait(browser, 30).until(lambda d: "#/merged/" + top["id"] in d.current_url and "layer=merged" in d.current_url)
    _wait(browser, "#merged-summary")
    WebDriverWait(browser, 30).until(lambda d: d.execute_script(
        "const r = document.querySelector('#event-table tr.selected'); return r && r.dataset.merged") == top["id"])
    WebDriverWait(browser, 30).until(lambda d: d.execute_script(
        "return !!document.querySelector('.ev-marker.ev-selected[data-merged=\"' + arguments[0] + '\"]')", top["id"]))
    _wait_selected_in_view(browser, "merged:" + top["id"])
    _shot(browser, "map-merged-table.png")


def test_selected_event_is_shown_whatever_the_clusters(browser, demo):  # noqa: F811
    """Selecting an event shows its marker on its own, selected and in view, whether it is picked in
    the table with the map zoomed out (its marker inside a cluster) or opened from a link while the
    map is still fitting itself to the data (a zoom animation running)."""

    merged = demo.api.get("/api/merged-events", params={"min_reports": 2, "limit": 200, "summary": "false"}).json()
    located = [m["id"] for m in merged["items"] if m.get("lat") is not None]
    assert len(located) >= 2
    for mid in located:  # a link straight to the merged event
        _open(browser, demo.url + "/#/merged/" + quote(mid, safe="") + "?layer=merged")
        _ready(browser)
        _wait_selected_in_view(browser, "merged:" + mid)
    _open(browser, demo.url + "/#/map?layer=merged")
    _ready(browser)
    for mid in located:  # a row of the table, the map zoomed out first
        _map_still(browser)  # Leaflet drops a view change asked for during a zoom animation
        browser.execute_script("window.Rasid.mapView.map.setZoom(4, {animate: false})")
        browser.execute_script(
            "document.querySelector('#event-table tr.merged-row[data-merged=\"' + arguments[0] + '\"]').click()", mid)
        _wait_selected_in_view(browser, "merged:" + mid)
    pts = demo.api.get("/api/events/points", params={"limit": 20000}).json()["items"]
    _open(browser, demo.url + "/#/map")
    _ready(browser)
    country = next(p for p in pts if p[7] == "country")
    for p in [p for p in pts if p[7] != "country"][:6] + [country]:  # the events layer, a country-level event too
        _map_still(browser)  # Leaflet drops a view change asked for during a zoom animation
        browser.execute_script("window.Rasid.mapView.map.setZoom(4, {animate: false})")
        browser.get(demo.url + "/#/event/" + quote(p[0], safe="") + "/" + quote(p[1], safe=""))
        _wait_selected_in_view(browser, f"{p[0]}/{p[1]}")
    assert browser.execute_script("const M = window.Rasid.mapView; return M.countryCluster.hasLayer(M.markers.get(arguments[0]))",
                                  f"{country[0]}/{country[1]}")  # drawn as a country-level marker still


def test_disputed_strike_shows_its_denial(browser, demo):  # noqa: F811
    merged = [m for m in demo.api.get("/api/merged-events", params={"limit": 200}).json()["items"] if m["contradicted"]]
    assert merged, "the demo's headline strike is contradicted by a source"
    m = demo.api.get("/api/merged-events/" + merged[0]["id"]).json()
    asserted = next(x for x in m["mentions"] if x["stance"] == "assert" and x.get("modality") == "asserted")
    _open(browser, demo.url + "/#/event/" + quote(asserted["doc_id"], safe="") + "/" + asserted["event_id"])
    banner = _wait(browser, "#event-panel #disputed-banner")[0]
    assert "CENTCOM" in banner.text or "سنتكوم" in banner.text
    denials = _texts(browser, "#event-panel ul.denials li")
    assert any("القيادة المركزية" in d for d in denials)
    summary = browser.find_element("css selector", "#event-panel .summary-en").text
    assert "denied by CENTCOM" in summary and summary.isascii()
    # the facts stay in view: the panel is at its top
    assert browser.execute_script("return document.getElementById('event-panel').scrollTop") == 0
    _shot(browser, "event-disputed.png")
    browser.find_element("css selector", "#open-merged").click()
    _wait(browser, "#merged-summary")
    cells = [c.strip() for c in _texts(browser, "#event-panel .evidence-cell", n=len(m["mentions"]))]
    assert len(cells) == len(m["mentions"]) and all(cells)  # every report's evidence sentence
    _shot(browser, "merged-panel.png")


def test_story_page_summary_first(browser, demo):  # noqa: F811
    _open(browser, demo.url + "/#/stories")
    links = _wait(browser, ".story-list a")
    big = max(demo.api.get("/api/stories").json()["items"], key=lambda s: s["n_docs"])
    browser.get(demo.url + "/#/story/" + quote(big["id"], safe=""))
    summary = _wait(browser, "#story-summary")[0]
    assert summary.find_elements("css selector", ".story-timeline li")
    docs = browser.find_elements("css selector", "details.story-doc")
    assert len(docs) == big["n_docs"] and not any(d.get_attribute("open") for d in docs)  # collapsed
    assert browser.execute_script("return document.body.scrollHeight") < 3000
    assert links
    _shot(browser, "story.png")
