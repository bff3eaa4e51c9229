/* Rasid web UI: the map view (filters, event markers by location precision,
   place names, timeline, event table, event and merged-event panels).
   Every filter lives in the URL (#/map?type=ASSAULT&actor=...): a view is a link. */
"use strict";

(function (R) {
  const M = (R.mapView = { map: null, cluster: null, filters: {}, facets: null, hist: [], root: null,
    markers: new Map(), selectedKey: null, filtersKey: null, tableKey: null });
  /* Filters sent to the events API (the rest are view settings). */
  const EVENT_KEYS = ["type", "modality", "stance", "outlet", "actor", "place", "q", "date_from", "date_to",
    "min_fatalities", "precise", "undated"];
  const VIEW_KEYS = ["layer", "min_corroboration"];
  const TABLE_KEYS = ["sort", "page"];
  const PAGE = 50;

  /* The map part of the URL: "?type=..&actor=.." ("" when no filter is set). */
  R.mapQS = function (filters) {
    const f = filters || M.filters || {};
    const u = new URLSearchParams();
    for (const k of EVENT_KEYS.concat(VIEW_KEYS, TABLE_KEYS)) {
      const v = f[k];
      if (v !== undefined && v !== null && v !== "" && !(k === "page" && +v === 0) && !(k === "layer" && v === "events")) u.set(k, v);
    }
    const s = u.toString();
    return s ? "?" + s : "";
  };

  R.parseQuery = function (qs) {
    const out = {};
    for (const [k, v] of new URLSearchParams(qs || "")) out[k] = v;
    return out;
  };

  function go(hash) {
    if (window.location.hash === hash) R.route(); else window.location.hash = hash;
  }

  function eventParams(f) {
    const out = {};
    for (const k of EVENT_KEYS) if (f[k] !== undefined && f[k] !== null && f[k] !== "") out[k] = f[k];
    return out;
  }

  function keyOf(f, keys) { return JSON.stringify(keys.map((k) => f[k] || "")); }

  /* ---------------------------------------------------------------- filters */
  function buildFilters(panel) {
    const F = M.facets || { type: [], modality: [], stance: [], outlet: [] };
    const f = M.filters;
    const form = R.el("form", { class: "filters", id: "filters" });
    M.builtWithout = !M.facets;
    M.formDirty = false;
    form.addEventListener("input", () => { M.formDirty = true; });
    form.appendChild(R.el("h3", {}, R.t("filters")));
    const layer = R.el("fieldset", { class: "layer" }, R.el("legend", {}, R.t("layer")));
    for (const [val, key] of [["events", "layer_events"], ["merged", "layer_merged"]]) {
      const rb = R.el("input", { type: "radio", name: "layer", value: val, id: "layer-" + val });
      if ((f.layer || "events") === val) rb.checked = true;
      layer.appendChild(R.el("label", { for: "layer-" + val }, rb, R.t(key)));
    }
    layer.appendChild(R.el("label", { class: "row" }, R.el("span", {}, R.t("min_corroboration")),
      R.el("input", { type: "number", min: "1", max: "1000000", step: "1", name: "min_corroboration", id: "f-min_corroboration", value: f.min_corroboration || "" })));
    layer.addEventListener("change", () => form.requestSubmit());
    form.appendChild(layer);
    const types = R.el("fieldset", { class: "types", id: "type-boxes" }, R.el("legend", {}, R.t("types")));
    const chosen = (f.type || "").split(",").filter(Boolean);
    for (const row of F.type) {
      const id = "type-" + String(row.value).replace(/[^A-Za-z0-9_-]/g, "_");
      const sw = R.el("span", { class: "swatch" });
      sw.style.background = R.typeColor(row.value);
      const cb = R.el("input", { type: "checkbox", id: id, value: row.value, name: "type" });
      if (chosen.includes(row.value)) cb.checked = true;
      types.appendChild(R.el("label", { for: id, "data-type": row.value }, cb, sw, R.typeLabel(row.value),
        R.el("small", { class: "type-count", dir: "ltr" }, " (" + row.n + ")")));
    }
    form.appendChild(types);

    function select(name, rows, label) {
      const s = R.el("select", { name: name, id: "f-" + name }, R.el("option", { value: "" }, R.t("any")));
      for (const r of rows) {
        const o = R.el("option", { value: r.value }, (name === "modality" ? R.modalityLabel(r.value) : (name === "stance" ? R.t(r.value) : r.value)) + " (" + r.n + ")");
        if (f[name] === r.value) o.selected = true;
        s.appendChild(o);
      }
      return R.el("label", { class: "row" }, R.el("span", {}, R.t(label)), s);
    }
    form.appendChild(select("modality", F.modality, "modality"));
    form.appendChild(select("stance", F.stance, "stance"));
    form.appendChild(select("outlet", F.outlet, "outlet"));
    for (const [name, label, list] of [["actor", "actor", "actor-names"], ["place", "place", "place-names"], ["q", "text", null]]) {
      form.appendChild(R.el("label", { class: "row" }, R.el("span", {}, R.t(label)),
        R.el("input", { type: "text", name: name, id: "f-" + name, value: f[name] || "", list: list, dir: "auto", autocomplete: "off" })));
    }
    form.appendChild(R.el("datalist", { id: "actor-names" }, (M.names.actor || []).map((n) => R.el("option", { value: n }))));
    form.appendChild(R.el("datalist", { id: "place-names" }, (M.names.place || []).map((n) => R.el("option", { value: n }))));
    for (const [name, label] of [["date_from", "date_from"], ["date_to", "date_to"]]) {
      form.appendChild(R.el("label", { class: "row" }, R.el("span", {}, R.t(label)),
        R.el("input", { type: "date", name: name, id: "f-" + name, value: f[name] || "" })));
    }
    const und = R.el("input", { type: "checkbox", name: "undated", id: "f-undated", value: "1" });
    if (f.undated) und.checked = true;
    form.appendChild(R.el("label", { class: "check", for: "f-undated" }, und, R.t("include_undated")));
    form.appendChild(R.el("label", { class: "row" }, R.el("span", {}, R.t("min_fatalities")),
      R.el("input", { type: "number", min: "0", max: "1000000", step: "1", name: "min_fatalities", id: "f-min_fatalities", value: f.min_fatalities || "" })));
    const pre = R.el("input", { type: "checkbox", name: "precise", id: "f-precise", value: "1" });
    if (f.precise) pre.checked = true;
    form.appendChild(R.el("label", { class: "check", for: "f-precise" }, pre, R.t("precise")));
    form.appendChild(R.el("div", { class: "buttons" },
      R.el("button", { type: "submit", id: "apply" }, R.t("apply")),
      R.el("button", { type: "button", id: "clear", onclick: () => { form.reset(); go("#/map"); } }, R.t("clear"))));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const fd = new FormData(form);
      const nf = {
        layer: fd.get("layer") || "events", min_corroboration: fd.get("min_corroboration"),
        type: fd.getAll("type").join(","), modality: fd.get("modality"), stance: fd.get("stance"), outlet: fd.get("outlet"),
        actor: (fd.get("actor") || "").trim(), place: (fd.get("place") || "").trim(), q: (fd.get("q") || "").trim(),
        date_from: fd.get("date_from"), date_to: fd.get("date_to"), min_fatalities: fd.get("min_fatalities"),
        precise: fd.get("precise") ? "1" : "", undated: fd.get("undated") ? "1" : "", sort: M.filters.sort || "",
      };
      go("#/map" + R.mapQS(nf));
    });
    types.addEventListener("change", () => form.requestSubmit());
    pre.addEventListener("change", () => form.requestSubmit());
    und.addEventListener("change", () => form.requestSubmit());
    const exp = R.el("div", { class: "export" }, R.el("h3", {}, R.t("export")));
    for (const fmt of ["acled-csv", "geojson", "jsonl", "parquet", "merged-jsonl"]) {
      const a = R.el("a", { href: "#", class: "export-link" }, fmt);
      a.addEventListener("click", (e) => { e.preventDefault(); window.location.href = R.apiUrl("/api/export/" + fmt, eventParams(M.filters)); });
      exp.appendChild(a);
    }
    R.fill(panel, form, exp);
  }

  async function loadCounts() {
    let res;
    try { res = await R.api("/api/events/counts", eventParams(M.filters)); } catch (err) { return; }
    const n = new Map(res.type.map((r) => [r.value, r.n]));
    document.querySelectorAll("#type-boxes label[data-type]").forEach((lab) => {
      const c = lab.querySelector(".type-count");
      const v = n.get(lab.dataset.type) || 0;
      if (c) c.textContent = " (" + v + ")";
      lab.classList.toggle("zero", v === 0);
    });
  }

  /* ---------------------------------------------------------------- map */
  function initMap(container) {
    const map = L.map(container, { worldCopyJump: false, minZoom: 2, maxZoom: 14, preferCanvas: false });
    map.setView([33.5, 40.0], 5);
    const tile = R.state.config.tile_url;
    if (tile) {
      let host = "";
      try { host = new URL(tile.replace("{s}", "a")).host; } catch (e) { host = ""; }
      L.tileLayer(tile, { maxZoom: 18 }).addTo(map);
      // Leaflet renders attributions as HTML: keep only host-name characters.
      map.attributionControl.addAttribution("Tiles: " + host.replace(/[^A-Za-z0-9.:-]/g, ""));
    } else {
      map.attributionControl.addAttribution("Natural Earth (public domain)");
      // panes keep the drawing order whichever file arrives first: land, governorates, rivers, markers
      for (const [name, z] of [["basemap", 200], ["admin1", 240], ["rivers", 260]]) {
        map.createPane(name).style.zIndex = z;
        map.getPane(name).style.pointerEvents = "none";
      }
      fetch("/static/data/countries.geojson").then((r) => r.json()).then((geo) => {
        L.geoJSON(geo, {
          pane: "basemap", style: { color: "#ffffff", weight: 1, fillColor: "#e4ddd0", fillOpacity: 1 },
          interactive: false,
        }).addTo(map);
      });
      M.basemapPending = map;  // rivers and governorates: once the first data is drawn (renderMap)
      fetch("/static/data/places.json").then((r) => r.json()).then((d) => addPlaceNames(map, d.places));
    }
    M.cluster = L.markerClusterGroup({ maxClusterRadius: 35, disableClusteringAtZoom: 9, showCoverageOnHover: false });
    map.addLayer(M.cluster);
    // events located only to a country are never clustered with located ones: a diamond per country centre
    M.countryCluster = L.markerClusterGroup({
      maxClusterRadius: 20, disableClusteringAtZoom: 9, showCoverageOnHover: false, zoomToBoundsOnClick: false,
      iconCreateFunction: (c) => L.divIcon({ className: "ev-marker country-cluster",
        html: R.el("span", { class: "ev-dot prec-country cluster" }, R.el("b", {}, String(c.getChildCount()))), iconSize: [30, 30] }),
    });
    M.countryCluster.on("clusterclick", (e) => e.layer.spiderfy());
    map.addLayer(M.countryCluster);
    const fit = L.control({ position: "topleft" });
    fit.onAdd = () => {
      const b = R.el("button", { type: "button", id: "fit-data", class: "fit-btn", title: R.t("fit") }, "⤢");
      b.addEventListener("click", (e) => { e.preventDefault(); e.stopPropagation(); fitToData(); });
      return b;
    };
    fit.addTo(map);
    return map;
  }

  /* Governorate boundaries (thin dashed lines) and rivers (thin blue lines), Natural Earth data
     built by basemap.py; each layer is kept in M.basemap for the legend and tests. */
  function addBasemapLayers(map) {
    M.basemap = {};
    const layers = [
      ["admin1", "/static/data/admin1.geojson", { color: "#8a7f70", weight: 1, opacity: 0.8, dashArray: "4 3", fill: false, className: "gov-boundary" }],
      ["rivers", "/static/data/rivers.geojson", { color: "#4a90c8", weight: 1.5, opacity: 0.9, className: "river-line" }],
    ];
    for (const [name, url, style] of layers) {
      fetch(url).then((r) => r.json()).then((geo) => {
        M.basemap[name] = L.geoJSON(geo, { pane: name, style: style, interactive: false }).addTo(map);
        if (name === "admin1") addDivisionNames(map, geo.features);
      }).catch(() => { /* the basemap stays usable without it */ });
    }
  }

  /* Governorate / province names, from zoom 7 on (place names take the smaller zooms). */
  function addDivisionNames(map, features) {
    const layer = L.layerGroup();
    for (const f of features) {
      const p = f.properties;
      if (!p.label) continue;
      const name = R.state.lang === "ar" && p.name_ar ? p.name_ar : p.name;
      const icon = L.divIcon({ className: "gov-label", html: R.el("span", { dir: "auto" }, name), iconSize: null });
      L.marker([p.label[1], p.label[0]], { icon: icon, interactive: false, keyboard: false, pane: "admin1" }).addTo(layer);
    }
    M.basemap.admin1Names = layer;
    const toggle = () => { if (map.getZoom() >= 7) layer.addTo(map); else layer.remove(); };
    map.on("zoomend", toggle);
    toggle();
  }

  /* Place names (Natural Earth populated places): more appear as the map zooms in. */
  function addPlaceNames(map, places) {
    const layer = L.layerGroup().addTo(map);
    M.placeLabels = layer;
    function draw() {
      layer.clearLayers();
      const z = map.getZoom();
      const maxRank = z <= 4 ? 1 : z <= 5 ? 3 : z <= 6 ? 6 : z <= 7 ? 8 : 10;
      const b = map.getBounds().pad(0.1);
      for (const [en, ar, lat, lon, rank] of places) {
        if (rank > maxRank || !b.contains([lat, lon])) continue;
        const name = R.state.lang === "ar" && ar ? ar : en;
        const icon = L.divIcon({ className: "place-label" + (rank <= 1 ? " capital" : ""), html: R.el("span", { dir: "auto" }, name), iconSize: null });
        L.marker([lat, lon], { icon: icon, interactive: false, keyboard: false }).addTo(layer);
      }
    }
    map.on("zoomend moveend", draw);
    draw();
  }

  function radius(fat) { return fat ? Math.min(30, 16 + 4 * Math.log2(1 + fat)) : 16; }

  function markerFor(p) {
    const [docId, eventId, type, lat, lon, date, modality, prec, fat] = p;
    const key = docId + "/" + eventId;
    const dot = document.createElement("span");
    dot.className = "ev-dot prec-" + (prec || "point") + (modality && modality !== "asserted" ? " ev-uncertain" : "");
    const size = radius(fat);
    dot.style.width = dot.style.height = size + "px";
    if (prec === "country") dot.style.borderColor = R.typeColor(type); else dot.style.background = R.typeColor(type);
    const icon = L.divIcon({ className: "ev-marker", html: dot, iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
    const precLabel = prec === "country" ? " · " + R.t("prec_country") : (prec === "area" ? " · " + R.t("prec_area") : "");
    const m = L.marker([lat, lon], { icon: icon, title: R.typeLabel(type) + " · " + (date || "") + precLabel, keyboard: true });
    m.on("click", () => { go(R.eventHash(docId, eventId)); });
    m.on("add", () => {
      const node = m.getElement();
      if (node) {
        node.dataset.event = key; node.dataset.type = type; node.dataset.precision = prec || "";
        node.classList.toggle("ev-selected", key === M.selectedKey);
      }
    });
    M.markers.set(key, m);
    return m;
  }

  function mergedMarker(m) {
    const dot = document.createElement("span");
    const prec = m.precision_class || "point";
    dot.className = "ev-dot ev-merged prec-" + prec + (m.contradicted ? " ev-uncertain ev-disputed" : "");
    if (prec === "country") dot.style.borderColor = R.typeColor(m.type); else dot.style.background = R.typeColor(m.type);
    const n = m.independent_sources ?? m.outlets ?? m.n_mentions;
    if (n) dot.textContent = String(n);
    const icon = L.divIcon({ className: "ev-marker", html: dot, iconSize: [22, 22], iconAnchor: [11, 11] });
    const mk = L.marker([m.lat, m.lon], { icon: icon, title: R.typeLabel(m.type) + " · " + (m.best_date || m.date_start || "") + (m.contradicted ? " · ⚠ " + R.t("disputed") : "") + (prec !== "point" ? " · " + R.t("prec_" + prec) : "") });
    const key = "merged:" + m.id;
    mk.on("click", () => { go("#/merged/" + encodeURIComponent(m.id) + R.mapQS()); });
    mk.on("add", () => {
      const node = mk.getElement();
      if (node) { node.dataset.merged = m.id; node.dataset.precision = prec; node.classList.toggle("ev-selected", key === M.selectedKey); }
    });
    M.markers.set(key, mk);
    return mk;
  }

  /* Bounds of most of the points (2nd..98th percentile; 5th..95th from 100 points): a few far-away mentions do not zoom the map out. */
  function robustBounds(latlngs) {
    if (!latlngs.length) return null;
    if (latlngs.length < 20) return L.latLngBounds(latlngs);
    const lats = latlngs.map((p) => p[0]).sort((a, b) => a - b), lons = latlngs.map((p) => p[1]).sort((a, b) => a - b);
    const q = (arr, x) => arr[Math.min(arr.length - 1, Math.max(0, Math.round(x * (arr.length - 1))))];
    const t = latlngs.length >= 100 ? 0.05 : 0.02;
    return L.latLngBounds([q(lats, t), q(lons, t)], [q(lats, 1 - t), q(lons, 1 - t)]);
  }

  function fitToData() {
    const b = robustBounds(M.lastLatLngs || []);
    if (!b || !M.map) return;
    M.map.invalidateSize();
    if (b.getNorthEast().equals(b.getSouthWest())) M.map.setView(b.getCenter(), 9);
    else M.map.fitBounds(b.pad(0.15), { maxZoom: 9 });
    M.map.getContainer().dataset.fitted = "1";
  }

  /* The merged layer shows events merged from two reports or more (the others are single
     articles: the events layer has them), under the same filters. */
  const MIN_REPORTS = 2;
  function mergedParams(extra) {
    const p = Object.assign(eventParams(M.filters), { min_corroboration: M.filters.min_corroboration || "",
      min_reports: MIN_REPORTS, summary: false }, extra || {});
    delete p.undated;
    return p;
  }

  async function loadMerged(status) {
    const p = mergedParams({ limit: 5000 });
    const res = await R.api("/api/merged-events", p);
    const located = res.items.filter((m) => m.lat !== null && m.lat !== undefined && m.lon !== null && m.lon !== undefined);
    M.cluster.clearLayers();
    M.countryCluster.clearLayers();
    M.markers.clear();
    M.cluster.addLayers(located.filter((m) => m.precision_class !== "country").map(mergedMarker));
    M.countryCluster.addLayers(located.filter((m) => m.precision_class === "country").map(mergedMarker));
    M.lastLatLngs = located.map((m) => [m.lat, m.lon]);
    if (status) status.textContent = located.length + " " + R.t("merged_shown");
  }

  async function loadPoints(fit) {
    const status = document.getElementById("map-status");
    try {
      if (M.filters.layer === "merged") await loadMerged(status);
      else {
        const res = await R.api("/api/events/points", Object.assign(eventParams(M.filters), { limit: 20000 }));
        M.cluster.clearLayers();
        M.countryCluster.clearLayers();
        M.markers.clear();
        M.cluster.addLayers(res.items.filter((p) => p[7] !== "country").map(markerFor));
        M.countryCluster.addLayers(res.items.filter((p) => p[7] === "country").map(markerFor));
        M.lastLatLngs = res.items.map((p) => [p[3], p[4]]);
        if (status) status.textContent = res.count + " " + R.t("events_shown") + (res.count >= res.limit ? " " + R.t("capped") : "");
      }
      if (fit) fitToData();
    } catch (err) {
      if (status) status.textContent = R.t("error") + ": " + err.message;
    }
  }

  function precisionLegend() {
    const item = (cls, key) => R.el("span", { class: "leg-item" }, R.el("span", { class: "ev-dot leg prec-" + cls }), R.t(key));
    return R.el("div", { class: "prec-legend", id: "prec-legend" }, R.t("precision") + ": ",
      item("point", "prec_point"), item("area", "prec_area"), item("country", "prec_country"),
      R.state.config.tile_url ? null : R.el("span", { class: "leg-item leg-basemap" },
        R.el("span", { class: "leg-line river" }), R.t("leg_rivers"), R.el("span", { class: "leg-line admin1" }), R.t("leg_admin1")));
  }

  /* ---------------------------------------------------------------- timeline */
  /* Buckets for every day/month between the first and the last, zeros included. */
  function fillGaps(items, unit) {
    if (items.length < 2) return items;
    const counts = new Map(items.map((h) => [h.bucket, h.n]));
    const out = [];
    const first = items[0].bucket, last = items[items.length - 1].bucket;
    const d = new Date(Date.UTC(+first.slice(0, 4), +first.slice(5, 7) - 1, unit === "day" ? +first.slice(8, 10) : 1));
    for (let guard = 0; guard < 5000; guard++) {
      const key = unit === "day" ? d.toISOString().slice(0, 10) : d.toISOString().slice(0, 7);
      out.push({ bucket: key, n: counts.get(key) || 0 });
      if (key >= last) break;
      if (unit === "day") d.setUTCDate(d.getUTCDate() + 1); else d.setUTCMonth(d.getUTCMonth() + 1);
    }
    return out;
  }

  /* Timeline: the bulk of the filtered data's dates (a few historical mentions far
     outside are counted, not drawn), undated events as a count. */
  async function drawTimeline() {
    const box = document.getElementById("timeline");
    if (!box) return;
    const p = eventParams(M.filters);
    delete p.date_from; delete p.date_to; delete p.undated;
    let res = await R.api("/api/events/histogram", Object.assign({}, p, { unit: "day" }));
    const rg = res.range || {};
    M.range = rg;
    let lo = rg.bulk_from || rg.first, hi = rg.bulk_to || rg.last;
    const inRange = (items, n) => items.filter((h) => !lo || (h.bucket >= lo.slice(0, n) && h.bucket <= hi.slice(0, n)));
    let items = inRange(res.items, 10);
    M.outside = res.items.reduce((s, h) => s + h.n, 0) - items.reduce((s, h) => s + h.n, 0);
    M.hist = fillGaps(items, "day");
    M.histUnit = "day";
    if (M.hist.length > 400) {
      res = await R.api("/api/events/histogram", Object.assign({}, p, { unit: "month" }));
      items = inRange(res.items, 7);
      M.hist = fillGaps(items, "month");
      M.histUnit = "month";
    }
    renderTimeline();
  }

  function renderTimeline() {
    const box = document.getElementById("timeline");
    if (!box || !M.hist) return;
    const unit = M.histUnit;
    const svgNS = "http://www.w3.org/2000/svg";
    R.clear(box);
    const rg = M.range || {};
    const play = R.el("button", { type: "button", id: "tl-play", class: "tl-btn" }, M.playing ? R.t("stop") : R.t("play"));
    play.addEventListener("click", togglePlay);
    const info = [];
    if (rg.undated) info.push(R.el("span", { id: "undated-count", class: "undated" }, rg.undated + " " + R.t("undated_n")));
    if (M.outside) info.push(R.el("span", { class: "outside", title: (rg.first || "") + " … " + (rg.last || "") }, M.outside + " " + R.t("outside_range")));
    box.appendChild(R.el("div", { class: "timeline-title" }, R.t("timeline"), " ", play, " ", info));
    const W = Math.max(300, box.clientWidth - 16), H = 60;
    const svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("width", W); svg.setAttribute("height", H + 16); svg.setAttribute("id", "timeline-svg");
    box.appendChild(svg);
    if (!M.hist.length) return;
    const max = Math.max(...M.hist.map((h) => h.n));
    const bw = W / M.hist.length;
    const f = M.filters;
    M.hist.forEach((h, i) => {
      const bh = h.n ? Math.max(2, (h.n / max) * H) : 0;
      const r = document.createElementNS(svgNS, "rect");
      r.setAttribute("x", i * bw + 0.5); r.setAttribute("y", H - bh);
      r.setAttribute("width", Math.max(1, bw - 1)); r.setAttribute("height", bh);
      const start = unit === "month" ? h.bucket + "-01" : h.bucket;
      const end = unit === "month" ? h.bucket + "-31" : h.bucket;
      const inRange = (!f.date_from || end >= f.date_from) && (!f.date_to || start <= f.date_to);
      r.setAttribute("class", "bar" + (inRange ? " in" : ""));
      const tt = document.createElementNS(svgNS, "title");
      tt.textContent = h.bucket + ": " + h.n;
      r.appendChild(tt);
      svg.appendChild(r);
    });
    for (const [i, anchor] of [[0, "start"], [M.hist.length - 1, "end"]]) {
      const tx = document.createElementNS(svgNS, "text");
      tx.setAttribute("x", anchor === "start" ? 2 : W - 2); tx.setAttribute("y", H + 13);
      tx.setAttribute("text-anchor", anchor); tx.setAttribute("direction", "ltr"); tx.setAttribute("unicode-bidi", "bidi-override");
      tx.textContent = M.hist[i].bucket;
      tx.setAttribute("class", "tl-" + anchor);
      svg.appendChild(tx);
    }
    let dragFrom = null;
    const brush = document.createElementNS(svgNS, "rect");
    brush.setAttribute("class", "brush"); brush.setAttribute("y", 0); brush.setAttribute("height", H);
    brush.setAttribute("width", 0);
    svg.appendChild(brush);
    M.brush = { el: brush, bw: bw };
    const idx = (e) => Math.min(M.hist.length - 1, Math.max(0, Math.floor((e.clientX - svg.getBoundingClientRect().left) / bw)));
    svg.addEventListener("pointerdown", (e) => { dragFrom = idx(e); svg.setPointerCapture(e.pointerId); e.preventDefault(); });
    svg.addEventListener("pointermove", (e) => {
      if (dragFrom === null) return;
      const a = Math.min(dragFrom, idx(e)), b = Math.max(dragFrom, idx(e));
      brush.setAttribute("x", a * bw); brush.setAttribute("width", (b - a + 1) * bw);
    });
    svg.addEventListener("pointerup", (e) => {
      if (dragFrom === null) return;
      const a = Math.min(dragFrom, idx(e)), b = Math.max(dragFrom, idx(e));
      dragFrom = null;
      const [d0, d1] = bucketRange(a, b);
      go("#/map" + R.mapQS(Object.assign({}, M.filters, { date_from: d0, date_to: d1, page: "" })));
    });
  }

  function bucketRange(a, b) {
    const s = M.hist[a].bucket, t = M.hist[b].bucket;
    if (M.histUnit !== "month") return [s, t];
    return [s + "-01", t + "-" + String(new Date(+t.slice(0, 4), +t.slice(5, 7), 0).getDate()).padStart(2, "0")];
  }

  /* Animation: a window of a tenth of the timeline steps through it; the map follows. */
  function togglePlay() {
    if (M.playing) { stopPlay(); return; }
    if (!M.hist || M.hist.length < 2) return;
    M.playing = true;
    const n = M.hist.length, w = Math.max(1, Math.round(n / 10));
    let i = 0;
    const btn = document.getElementById("tl-play");
    if (btn) btn.textContent = R.t("stop");
    const step = async () => {
      if (!M.playing) return;
      const a = i, b = Math.min(n - 1, i + w - 1);
      const [d0, d1] = bucketRange(a, b);
      M.filters = Object.assign({}, M.filters, { date_from: d0, date_to: d1 });
      if (M.brush) { M.brush.el.setAttribute("x", a * M.brush.bw); M.brush.el.setAttribute("width", (b - a + 1) * M.brush.bw); }
      await loadPoints(false);
      i += Math.max(1, Math.round(w / 2));
      if (i >= n) { stopPlay(); return; }
      M.playTimer = setTimeout(step, 700);
    };
    step();
  }

  function stopPlay() {
    M.playing = false;
    clearTimeout(M.playTimer);
    const btn = document.getElementById("tl-play");
    if (btn) btn.textContent = R.t("play");
  }

  /* ---------------------------------------------------------------- table */
  const COLS = [["date", "date"], ["type", "type"], ["place", "place"], ["precision", "precision"], ["actor", "actor"],
    ["target", "target"], ["fatalities", "fatalities"], ["outlet", "outlet"], [null, "sources"], ["modality", "modality_col"], [null, "contradicted"]];

  function pager(page, count, res) {
    const total = res.total ?? 0;
    const div = R.el("div", { class: "pager table-pager" },
      R.el("span", { id: "table-range" }, (total ? page * PAGE + 1 : 0) + "–" + (page * PAGE + count) + " " + R.t("of") + " " + total + (res.total_capped ? "+" : "")));
    if (page > 0) div.appendChild(R.el("button", { type: "button", id: "table-prev", onclick: () => go("#/map" + R.mapQS(Object.assign({}, M.filters, { page: String(page - 1) }))) }, R.t("prev")));
    if ((page + 1) * PAGE < total) div.appendChild(R.el("button", { type: "button", id: "table-next", onclick: () => go("#/map" + R.mapQS(Object.assign({}, M.filters, { page: String(page + 1) }))) }, R.t("next")));
    return div;
  }

  const MERGED_COLS = ["date", "type", "place", "precision", "n_reports", "outlets_n", "sources", "contradicted"];

  /* The merged layer's table: merged events (two reports or more), most corroborated first,
     with their outlets and independent sources; a row opens the merged event. */
  async function loadMergedTable(box, page) {
    const t0 = performance.now();
    let res;
    try { res = await R.api("/api/merged-events", mergedParams({ limit: PAGE, offset: page * PAGE })); }
    catch (err) { R.showError(box, err); return; }
    M.tableMs = performance.now() - t0;
    const head = R.el("tr", {}, MERGED_COLS.map((label) => R.el("th", {}, R.t(label))));
    const body = R.el("tbody");
    const sep = R.state.lang === "ar" ? "، " : ", ";
    for (const m of res.items) {
      const key = "merged:" + m.id;
      const j = m.json || {}, ment = j.mentions || [];
      // outlets reporting it on their own; copies of another outlet's report are shown apart
      const outlets = j.outlet_names || Array.from(new Set(ment.filter((x) => !x.is_copy).map((x) => x.outlet).filter(Boolean)));
      const copied = (j.outlet_names_all || []).filter((o) => !outlets.includes(o));
      const sources = (j.sources || []).map((x) => x.source).filter(Boolean);
      const d0 = m.best_date || m.date_start, d1 = m.date_end && m.date_end !== m.date_start && !m.best_date ? m.date_end : null;
      const tr = R.el("tr", { "data-merged": m.id, "data-key": key, class: "merged-row" + (key === M.selectedKey ? " selected" : "") },
        R.el("td", {}, R.date(d0), d1 ? " – " + R.date(d1) : ""),
        R.el("td", {}, R.typeBadge(m.type)),
        R.el("td", { dir: "auto" }, (R.state.lang === "ar" ? m.place_name_ar || m.place_name : m.place_name || m.place_name_ar) || ""),
        R.el("td", {}, m.precision_class ? R.el("span", { class: "prec-tag prec-" + m.precision_class }, R.t("prec_" + m.precision_class)) : ""),
        R.el("td", { class: "num n-reports" }, m.n_mentions ?? ment.length),
        R.el("td", { dir: "auto", class: "outlets" }, R.el("b", { class: "num n-outlets" }, String(m.outlets ?? outlets.length)),
          outlets.length ? " · " + outlets.join(sep) : "",
          copied.length ? R.el("small", { class: "muted" }, " (" + R.t("copied_by") + ": " + copied.join(sep) + ")") : null),
        R.el("td", { class: "num n-sources", title: sources.join(" · ") }, m.independent_sources ?? ""),
        R.el("td", {}, m.contradicted ? R.el("span", { class: "badge stance-deny" }, "⚠ " + R.t("disputed")) : ""));
      tr.addEventListener("click", () => go("#/merged/" + encodeURIComponent(m.id) + R.mapQS()));
      body.appendChild(tr);
    }
    R.fill(box, R.el("div", { class: "table-head" }, R.el("h3", {}, R.t("table_merged")), pager(page, res.items.length, res)),
      res.items.length ? R.el("table", { class: "grid merged-grid" }, R.el("thead", {}, head), body) : R.el("p", {}, R.t("no_merged")));
    markSelected();
  }

  async function loadTable() {
    const box = document.getElementById("event-table");
    if (!box) return;
    const page = Math.max(0, parseInt(M.filters.page || "0", 10) || 0);
    if (M.filters.layer === "merged") return loadMergedTable(box, page);
    const t0 = performance.now();
    let res;
    try {
      res = await R.api("/api/events", Object.assign(eventParams(M.filters), { limit: PAGE, offset: page * PAGE, sort: M.filters.sort || "" }));
    } catch (err) { R.showError(box, err); return; }
    M.tableMs = performance.now() - t0;
    const sort = M.filters.sort || "";
    const head = R.el("tr", {}, COLS.map(([key, label]) => {
      if (!key) return R.el("th", {}, R.t(label));
      const active = sort.replace(/^-/, "") === key;
      const next = active && !sort.startsWith("-") ? "-" + key : key;
      const th = R.el("th", { class: "sortable" + (active ? " sorted" : ""), "data-sort": key, title: R.t("sort_hint") },
        R.t(label), active ? (sort.startsWith("-") ? " ▼" : " ▲") : "");
      th.addEventListener("click", () => go("#/map" + R.mapQS(Object.assign({}, M.filters, { sort: next, page: "" }))));
      return th;
    }));
    const body = R.el("tbody");
    for (const e of res.items) {
      const key = e.doc_id + "/" + e.event_id;
      const same = e.actor_name && e.actor_name === e.recipient_name;
      const tr = R.el("tr", { "data-event": key, "data-key": key, class: key === M.selectedKey ? "selected" : "" },
        R.el("td", {}, R.date(e.date_start)),
        R.el("td", {}, R.typeBadge(e.type)),
        R.el("td", { dir: "auto" }, (R.state.lang === "ar" ? e.place_name_ar || e.place_name : e.place_name || e.place_name_ar) || ""),
        R.el("td", {}, e.precision_class ? R.el("span", { class: "prec-tag prec-" + e.precision_class }, R.t("prec_" + e.precision_class)) : ""),
        R.el("td", { dir: "auto" }, e.actor_name || ""),
        R.el("td", { dir: "auto" }, same ? "?" : (e.recipient_name || "")),
        R.el("td", { class: "num" }, e.fatalities ?? ""),
        R.el("td", { dir: "auto" }, e.outlet || ""),
        R.el("td", { class: "num" }, e.independent_sources ?? ""),
        R.el("td", {}, R.modalityLabel(e.modality)),
        R.el("td", {}, e.contradicted ? R.el("span", { class: "badge stance-deny" }, "⚠ " + R.t("disputed")) : ""));
      tr.addEventListener("click", () => go(R.eventHash(e.doc_id, e.event_id)));
      body.appendChild(tr);
    }
    R.fill(box, R.el("div", { class: "table-head" }, R.el("h3", {}, R.t("table")), pager(page, res.items.length, res)),
      res.items.length ? R.el("table", { class: "grid events-grid" }, R.el("thead", {}, head), body) : R.el("p", {}, R.t("no_events")));
    markSelected();
  }

  /* The selected event: a ring on the map, the marker and the table row marked. */
  function markSelected() {
    document.querySelectorAll("#event-table tr.selected, .ev-marker.ev-selected").forEach((n) => n.classList.remove("selected", "ev-selected"));
    if (!M.selectedKey) return;
    const row = document.querySelector('#event-table tr[data-key="' + CSS.escape(M.selectedKey) + '"]');
    if (row) { row.classList.add("selected"); const box = document.getElementById("event-table"); if (box) box.scrollTop = Math.max(0, row.offsetTop - 60); }
    const mk = M.markers.get(M.selectedKey);
    if (mk && mk.getElement()) mk.getElement().classList.add("ev-selected");
  }

  /* Resolves once no zoom animation runs (at most 1.5 s): Leaflet drops a setView asked for during
     its own zoom animation, and markercluster splits or merges its clusters in an animation of its
     own after each zoom (a marker is not shown on its own until that has run). */
  function settled(map, group) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, 1500);
      const check = () => {
        if (map._animatingZoom) map.once("zoomend", check);
        else if (group && group._inZoomAnimation) group.once("animationend", check);
        else { clearTimeout(timer); resolve(); }
      };
      check();
    });
  }

  /* Brings the selected event into view, its marker on its own: the map centred on it at a zoom
     where no cluster holds it (markercluster keeps a marker in its deepest cluster, `__parent`, up to
     that cluster's zoom), in one view change without animation once the map is still, so nothing
     waits on a callback or an animation end that may not come (zoomToShowLayer's); a marker still
     clustered then has its cluster spiderfied. A newer selection stops an older one. */
  async function focusOn(latlng, key) {
    const token = M.focusToken = (M.focusToken || 0) + 1, map = M.map;
    const live = () => token === M.focusToken && M.selectedKey === key && M.map === map;
    const mk = M.markers.get(key);
    const groupOf = () => (mk && M.cluster.hasLayer(mk) ? M.cluster : (mk && M.countryCluster.hasLayer(mk) ? M.countryCluster : null));
    let group = groupOf();
    await settled(map, group);
    if (!live()) return;
    const parent = group ? mk.__parent : null;
    const alone = parent && Number.isFinite(parent._zoom) ? parent._zoom + 1 : 0;
    map.setView(latlng, Math.min(map.getMaxZoom(), Math.max(map.getZoom(), 6, alone)), { animate: false });
    group = groupOf();
    if (!group) return;
    await settled(map, group);
    if (!live() || groupOf() !== group) return;
    const shownIn = group.getVisibleParent(mk);
    if (!mk.getElement() && shownIn && shownIn !== mk && shownIn.spiderfy) {  // several at one spot
      const spread = new Promise((resolve) => { group.once("spiderfied", resolve); setTimeout(resolve, 1500); });
      shownIn.spiderfy();
      await spread;
    }
    if (live()) markSelected();
  }

  /* Selects an event (key) at latlng (null: not located): the ring, the row and the marker marked;
     resolves once the map shows it. */
  function select(latlng, key) {
    if (M.selected) M.selected.remove();
    M.selectedKey = key || null;
    M.selected = latlng ? L.circleMarker(latlng, { radius: 18, color: "#111", weight: 3, fill: false, interactive: false, className: "selected-ring" }).addTo(M.map) : null;
    markSelected();
    if (!latlng || !key) { M.focusToken = (M.focusToken || 0) + 1; return Promise.resolve(); }
    return focusOn(latlng, key);
  }

  /* ---------------------------------------------------------------- panels */
  function closeButton() {
    const close = R.el("button", { type: "button", class: "close", onclick: () => go("#/map" + R.mapQS()) }, "×");
    close.setAttribute("aria-label", R.t("close"));
    return close;
  }

  function denials(mentions) {
    return mentions.filter((x) => x.stance === "deny" || x.modality === "denied");
  }

  /* What the merged event says about this report: corroboration and any denial. */
  function mergedBox(merged, selfKey) {
    if (!merged) return null;
    const m = merged.merged_event, ment = merged.mentions || [];
    const den = denials(ment);
    const box = R.el("section", { class: "merged-box" + (m.contradicted ? " disputed" : ""), id: "merged-box" });
    if (m.contradicted) {
      box.appendChild(R.el("div", { class: "disputed-banner", id: "disputed-banner" }, "⚠ " + R.t("disputed") + ": ",
        den.length ? den.map((d, i) => R.el("span", {}, i ? "؛ " : "", R.el("strong", { dir: "auto" }, d.source_name || d.source_text || d.outlet || "?"),
          " (", d.outlet || "", ")")) : R.t("contradicted")));
    }
    box.appendChild(R.el("h3", {}, R.t("merged_of")));
    if (m.summary) box.appendChild(R.el("p", { class: "summary-en", dir: "ltr", lang: "en" }, m.summary));
    box.appendChild(R.fieldTable([
      ["sources", m.independent_sources], ["outlets_n", m.outlets], ["n_mentions", m.n_mentions],
    ]));
    if (den.length) {
      box.appendChild(R.el("h4", {}, R.t("denied_by")));
      box.appendChild(R.el("ul", { class: "denials" }, den.map((d) => R.el("li", {},
        R.stanceBadge("deny"), " ", R.el("strong", { dir: "auto" }, d.source_text || d.source_name || ""), " · ", d.outlet || "", " ",
        R.el("a", { href: R.eventHash(d.doc_id, d.event_id) }, R.date(d.published)),
        d.evidence_text ? R.el("div", { class: "ar quote", dir: "rtl" }, d.evidence_text) : null))));
    }
    box.appendChild(R.el("a", { href: "#/merged/" + encodeURIComponent(m.id) + R.mapQS(), id: "open-merged" }, R.t("open_merged") + " (" + ment.length + ")"));
    return box;
  }

  /* The event panel: facts, the merged event it belongs to, then the article with the evidence highlighted. */
  R.renderEventPanel = async function (panel, docId, eventId) {
    R.clear(panel).appendChild(R.el("p", {}, R.t("loading")));
    panel.hidden = false;
    let res;
    try { res = await R.api("/api/events/" + encodeURIComponent(docId) + "/" + encodeURIComponent(eventId)); }
    catch (err) { R.showError(panel, err); return; }
    const ev = res.event, doc = res.document || {};
    const full = (doc.events || []).find((e) => e.id === eventId) || {};
    const claim = (doc.claims || []).find((c) => c.id === (full.claim || ev.claim_id));
    const ent = (id) => (doc.entities || []).find((e) => e.id === id);
    const entCell = (id, fallback) => {
      const e = ent(id);
      return e ? R.entityLink(R.entityKey(e), R.entityName(e)) : (fallback || null);
    };
    const same = ev.actor_id && ev.actor_id === ev.recipient_id;
    const dates = ev.date_start ? (ev.date_start + (ev.date_end && ev.date_end !== ev.date_start ? " – " + ev.date_end : "")) : null;
    const title = R.el("h2", {}, R.typeBadge(ev.type), " ", R.modalityLabel(ev.modality));
    const place = entCell(ev.place_id, ev.place_name_ar || ev.place_name);
    const facts = R.fieldTable([
      ["type", ev.type + (ev.mode ? " / " + ev.mode : "")],
      ["actor", entCell(ev.actor_id, ev.actor_name)],
      ["recipient", same ? R.el("span", { class: "muted" }, R.t("same_as_actor")) : entCell(ev.recipient_id, ev.recipient_name)],
      ["place", place ? R.el("span", {}, place, ev.precision_class ? R.el("span", { class: "prec-tag prec-" + ev.precision_class, id: "event-precision" }, R.t("prec_" + ev.precision_class)) : null) : null],
      ["date", dates],
      ["source", claim ? R.el("span", {}, claim.source.text + " ", R.stanceBadge(claim.stance)) : (ev.source_text || null)],
      ["fatalities", ev.fatalities], ["injuries", ev.injuries], ["arrests", ev.arrests],
      ["outlet", doc.outlet || ev.outlet], ["published", doc.published || ev.published],
      ["confidence", ev.confidence !== null && ev.confidence !== undefined ? Number(ev.confidence).toFixed(2) : null],
    ]);
    const focus = {
      evidence: (full.evidence && full.evidence.length) ? full.evidence : [{ start: ev.evidence_start, end: ev.evidence_end }],
      trigger: full.trigger || { start: ev.trigger_start, end: ev.trigger_end },
      source: claim ? claim.source : null,
    };
    const article = R.renderArticle(doc.text || "", R.docSpans(doc, focus));
    const head = R.el("div", { class: "doc-head" },
      R.el("h3", { dir: "auto" }, doc.title || docId),
      R.el("div", { class: "meta" }, R.docLink(docId, R.t("open_article")),
        doc.url && /^https?:\/\//i.test(doc.url) ? R.el("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer" }, " " + R.t("url")) : null));
    R.fill(panel, closeButton(), title, facts, mergedBox(res.merged, docId + "/" + eventId), head, R.legend(true), article);
    panel.scrollTop = 0;
    let shown = null;
    if (M.map && ev.lat !== null && ev.lat !== undefined) {
      M.map.invalidateSize();  // the panel just narrowed the map
      shown = select([ev.lat, ev.lon], docId + "/" + eventId);
    } else select(null, docId + "/" + eventId);
    // the article scrolls inside its own box: the facts stay in view
    const first = article.querySelector(".hl-evidence");
    if (first) article.scrollTop = Math.max(0, first.offsetTop - article.offsetTop - 40);
    await shown;
  };

  /* A merged event: its summary, what the outlets agree on, and each report with its evidence. */
  R.renderMergedPanel = async function (panel, mergedId) {
    R.clear(panel).appendChild(R.el("p", {}, R.t("loading")));
    panel.hidden = false;
    let res;
    try { res = await R.api("/api/merged-events/" + encodeURIComponent(mergedId)); }
    catch (err) { R.showError(panel, err); return; }
    const m = res.merged_event;
    const dates = m.date_start ? m.date_start + (m.date_end && m.date_end !== m.date_start ? " – " + m.date_end : "") : null;
    const reports = R.el("ol", { class: "reports" }, res.mentions.map((x) => R.el("li", { class: "report" + (x.stance === "deny" || x.modality === "denied" ? " denial" : "") },
      R.el("div", { class: "report-head" }, R.el("a", { href: R.eventHash(x.doc_id, x.event_id) }, x.outlet || x.doc_id), " · ",
        R.date(x.published), " ", R.stanceBadge(x.stance), " ", R.el("span", { dir: "auto" }, x.source_text || ""), x.is_copy ? R.el("small", { class: "muted" }, " copy") : null),
      R.el("div", { dir: "rtl", class: "ar evidence-cell" }, x.evidence_text || ""))));
    const den = denials(res.mentions);
    R.fill(panel, closeButton(),
      R.el("h2", {}, R.typeBadge(m.type), " ", R.t("merged_event")),
      m.contradicted ? R.el("div", { class: "disputed-banner" }, "⚠ " + R.t("disputed") + ": ",
        den.map((d, i) => R.el("span", {}, i ? "؛ " : "", R.el("strong", { dir: "auto" }, d.source_name || d.source_text || "?"), " (", d.outlet || "", ")"))) : null,
      m.summary ? R.el("p", { class: "summary-en", dir: "ltr", lang: "en", id: "merged-summary" }, m.summary) : null,
      R.fieldTable([["date", dates], ["place", m.place_name_ar || m.place_name], ["country", m.country],
        ["sources", m.independent_sources], ["outlets_n", m.outlets], ["n_mentions", m.n_mentions],
        ["contradicted", m.contradicted ? "⚠" : null]]),
      R.el("h3", {}, R.t("reports")), reports);
    panel.scrollTop = 0;
    if (M.map && m.lat !== null && m.lat !== undefined) {
      M.map.invalidateSize();
      await select([m.lat, m.lon], "merged:" + m.id);
    } else select(null, "merged:" + m.id);
  };

  async function loadNames() {
    M.names = { actor: [], place: [] };
    try {
      const [a, p] = await Promise.all([R.api("/api/entities", { kind: "actor,organization", limit: 400 }),
        R.api("/api/entities", { kind: "place", limit: 400 })]);
      const names = (items) => Array.from(new Set(items.flatMap((e) => [e.name_ar, e.name]).filter(Boolean)));
      M.names = { actor: names(a.items), place: names(p.items) };
    } catch (err) { /* completion is a convenience */ }
  }

  R.renderMap = async function (root, eventRef, mergedId, query) {
    const f = Object.assign({}, query || {});
    if (!M.root || !document.body.contains(M.root)) {
      stopPlay();
      M.hist = null;
      M.selected = null;
      M.filtersKey = null;
      M.tableKey = null;
      M.root = R.el("div", { class: "map-view" },
        R.el("aside", { class: "sidebar", id: "sidebar" }),
        R.el("div", { class: "map-col" },
          R.el("div", { id: "map" }),
          R.el("div", { class: "map-status-row" }, R.el("span", { class: "map-status", id: "map-status" }, R.t("loading")), precisionLegend()),
          R.el("div", { id: "timeline", class: "timeline" }),
          R.el("div", { id: "event-table", class: "event-table" })),
        R.el("aside", { class: "panel", id: "event-panel", hidden: true }));
      R.clear(root).appendChild(M.root);
      M.map = initMap(document.getElementById("map"));
      // filter values and name completion load while the points, timeline and table do
      M.setup = Promise.all([R.api("/api/facets").catch(() => null), loadNames()]).then(([facets]) => { M.facets = facets; });
      let lastWidth = 0;
      new ResizeObserver((entries) => {
        const w = Math.round(entries[0].contentRect.width);
        if (w !== lastWidth) { lastWidth = w; renderTimeline(); }
      }).observe(document.getElementById("timeline"));
    }
    const fk = keyOf(f, EVENT_KEYS.concat(VIEW_KEYS)), tk = keyOf(f, TABLE_KEYS);
    const work = [];
    if (fk !== M.filtersKey) {
      stopPlay();
      M.filters = f;
      M.filtersKey = fk;
      M.tableKey = tk;
      const sidebar = document.getElementById("sidebar");
      buildFilters(sidebar);  // at once (a first load may not have the filter values yet) ...
      work.push(loadPoints(true), drawTimeline(), loadTable(),
        M.setup.then(() => {  // ... and again with them, unless the user has started typing
          if (M.filtersKey === fk && M.builtWithout && !M.formDirty) buildFilters(sidebar);
        }).then(loadCounts));
    } else if (tk !== M.tableKey) {
      M.filters = f;
      M.tableKey = tk;
      work.push(loadTable());
    }
    const done = Promise.all(work);
    done.catch(() => null).then(() => {  // the basemap's line layers never delay the data
      if (M.basemapPending) { addBasemapLayers(M.basemapPending); M.basemapPending = null; }
    });
    await done;
    const panel = document.getElementById("event-panel");
    if (eventRef) await R.renderEventPanel(panel, eventRef[0], eventRef[1]);
    else if (mergedId) await R.renderMergedPanel(panel, mergedId);
    else { panel.hidden = true; R.clear(panel); if (M.map) select(null, null); }
    setTimeout(() => M.map && M.map.invalidateSize(), 0);
    document.body.dataset.ready = "1";
  };

  R.resetMap = function () { stopPlay(); M.root = null; };
})(window.Rasid);
