/* Rasid web UI: the map view (filters, clustered event markers, timeline,
   event panel). */
"use strict";

(function (R) {
  const M = (R.mapView = { map: null, cluster: null, filters: {}, facets: null, hist: [], root: null });

  function currentParams() {
    const f = M.filters;
    return {
      type: (f.types && f.types.length) ? f.types.join(",") : "",
      modality: f.modality || "", stance: f.stance || "", outlet: f.outlet || "",
      actor: f.actor || "", place: f.place || "", q: f.q || "",
      date_from: f.date_from || "", date_to: f.date_to || "",
    };
  }

  function buildFilters(panel) {
    const F = M.facets || { type: [], modality: [], stance: [], outlet: [] };
    const form = R.el("form", { class: "filters", id: "filters" });
    form.appendChild(R.el("h3", {}, R.t("filters")));
    const layer = R.el("fieldset", { class: "layer" }, R.el("legend", {}, R.t("layer")));
    for (const [val, key] of [["events", "layer_events"], ["merged", "layer_merged"]]) {
      const rb = R.el("input", { type: "radio", name: "layer", value: val, id: "layer-" + val });
      if ((M.filters.layer || "events") === val) rb.checked = true;
      layer.appendChild(R.el("label", { for: "layer-" + val }, rb, R.t(key)));
    }
    layer.appendChild(R.el("label", { class: "row" }, R.el("span", {}, R.t("min_corroboration")),
      R.el("input", { type: "number", min: "1", step: "1", name: "min_corroboration", id: "f-min_corroboration", value: M.filters.min_corroboration || "" })));
    layer.addEventListener("change", () => form.requestSubmit());
    form.appendChild(layer);
    const types = R.el("fieldset", { class: "types" }, R.el("legend", {}, R.t("types")));
    for (const row of F.type) {
      const id = "type-" + String(row.value).replace(/[^A-Za-z0-9_-]/g, "_");
      const sw = R.el("span", { class: "swatch" });
      sw.style.background = R.typeColor(row.value);
      const cb = R.el("input", { type: "checkbox", id: id, value: row.value, name: "type" });
      if ((M.filters.types || []).includes(row.value)) cb.checked = true;
      types.appendChild(R.el("label", { for: id }, cb, sw, R.typeLabel(row.value), R.el("small", {}, " (" + row.n + ")")));
    }
    form.appendChild(types);

    function select(name, rows, label) {
      const s = R.el("select", { name: name, id: "f-" + name }, R.el("option", { value: "" }, R.t("any")));
      for (const r of rows) {
        const o = R.el("option", { value: r.value }, (name === "modality" ? R.modalityLabel(r.value) : (name === "stance" ? R.t(r.value) : r.value)) + " (" + r.n + ")");
        if (M.filters[name] === r.value) o.selected = true;
        s.appendChild(o);
      }
      return R.el("label", { class: "row" }, R.el("span", {}, R.t(label)), s);
    }
    form.appendChild(select("modality", F.modality, "modality"));
    form.appendChild(select("stance", F.stance, "stance"));
    form.appendChild(select("outlet", F.outlet, "outlet"));
    for (const [name, label] of [["actor", "actor"], ["place", "place"], ["q", "text"]]) {
      form.appendChild(R.el("label", { class: "row" }, R.el("span", {}, R.t(label)),
        R.el("input", { type: "text", name: name, id: "f-" + name, value: M.filters[name] || "" })));
    }
    for (const [name, label] of [["date_from", "date_from"], ["date_to", "date_to"]]) {
      form.appendChild(R.el("label", { class: "row" }, R.el("span", {}, R.t(label)),
        R.el("input", { type: "date", name: name, id: "f-" + name, value: M.filters[name] || "" })));
    }
    form.appendChild(R.el("div", { class: "buttons" },
      R.el("button", { type: "submit", id: "apply" }, R.t("apply")),
      R.el("button", { type: "button", id: "clear", onclick: () => { M.filters = {}; R.route(); } }, R.t("clear"))));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const fd = new FormData(form);
      M.filters = {
        layer: fd.get("layer") || "events", min_corroboration: fd.get("min_corroboration"),
        types: fd.getAll("type"), modality: fd.get("modality"), stance: fd.get("stance"), outlet: fd.get("outlet"),
        actor: fd.get("actor"), place: fd.get("place"), q: fd.get("q"),
        date_from: fd.get("date_from"), date_to: fd.get("date_to"),
      };
      loadPoints();
      drawTimeline();
    });
    types.addEventListener("change", () => form.requestSubmit());
    const exp = R.el("div", { class: "export" }, R.el("h3", {}, R.t("export")));
    for (const fmt of ["acled-csv", "geojson", "jsonl", "parquet"]) {
      const a = R.el("a", { href: "#", class: "export-link" }, fmt);
      a.addEventListener("click", (e) => { e.preventDefault(); window.location.href = R.apiUrl("/api/export/" + fmt, currentParams()); });
      exp.appendChild(a);
    }
    R.fill(panel, form, exp);
  }

  function initMap(container) {
    const map = L.map(container, { worldCopyJump: false, minZoom: 2, maxZoom: 14, preferCanvas: false });
    map.setView([34.5, 40.0], 5);
    const tile = R.state.config.tile_url;
    if (tile) {
      let host = "";
      try { host = new URL(tile.replace("{s}", "a")).host; } catch (e) { host = ""; }
      L.tileLayer(tile, { maxZoom: 18 }).addTo(map);
      // Leaflet renders attributions as HTML: keep only host-name characters.
      map.attributionControl.addAttribution("Tiles: " + host.replace(/[^A-Za-z0-9.:-]/g, ""));
    } else {
      map.attributionControl.addAttribution("Natural Earth");
      fetch("/static/data/countries.geojson").then((r) => r.json()).then((geo) => {
        L.geoJSON(geo, {
          style: { color: "#ffffff", weight: 1, fillColor: "#e4ddd0", fillOpacity: 1 },
          interactive: false,
        }).addTo(map).bringToBack();
      });
    }
    M.cluster = L.markerClusterGroup({ maxClusterRadius: 35, disableClusteringAtZoom: 10, showCoverageOnHover: false });
    map.addLayer(M.cluster);
    return map;
  }

  function markerFor(p) {
    const [docId, eventId, type, lat, lon, date, modality] = p;
    const dot = document.createElement("span");
    dot.className = "ev-dot" + (modality && modality !== "asserted" ? " ev-uncertain" : "");
    dot.style.background = R.typeColor(type);
    const icon = L.divIcon({ className: "ev-marker", html: dot, iconSize: [16, 16], iconAnchor: [8, 8] });
    const m = L.marker([lat, lon], { icon: icon, title: R.typeLabel(type) + " · " + (date || "") , keyboard: true });
    m.on("click", () => { window.location.hash = R.eventHash(docId, eventId); });
    m.on("add", () => {
      const node = m.getElement();
      if (node) { node.dataset.event = docId + "/" + eventId; node.dataset.type = type; }
    });
    return m;
  }

  function mergedMarker(m) {
    const dot = document.createElement("span");
    dot.className = "ev-dot ev-merged" + (m.contradicted ? " ev-uncertain" : "");
    dot.style.background = R.typeColor(m.type);
    const n = m.independent_sources ?? m.outlets ?? m.n_mentions;
    if (n) dot.textContent = String(n);
    const icon = L.divIcon({ className: "ev-marker", html: dot, iconSize: [22, 22], iconAnchor: [11, 11] });
    const mk = L.marker([m.lat, m.lon], { icon: icon, title: R.typeLabel(m.type) + " · " + (m.best_date || m.date_start || "") });
    mk.on("click", () => { window.location.hash = "#/merged/" + encodeURIComponent(m.id); });
    mk.on("add", () => { const node = mk.getElement(); if (node) node.dataset.merged = m.id; });
    return mk;
  }

  async function loadMerged(status) {
    const p = currentParams();
    const res = await R.api("/api/merged-events", {
      type: p.type, date_from: p.date_from, date_to: p.date_to, min_corroboration: M.filters.min_corroboration || "", limit: 5000 });
    const located = res.items.filter((m) => m.lat !== null && m.lat !== undefined && m.lon !== null && m.lon !== undefined);
    M.cluster.clearLayers();
    M.cluster.addLayers(located.map(mergedMarker));
    if (status) status.textContent = located.length + " " + R.t("merged_shown");
  }

  async function loadPoints() {
    const status = document.getElementById("map-status");
    try {
      if (M.filters.layer === "merged") return await loadMerged(status);
      const res = await R.api("/api/events/points", Object.assign(currentParams(), { limit: 20000 }));
      M.cluster.clearLayers();
      M.cluster.addLayers(res.items.map(markerFor));
      if (status) status.textContent = res.count + " " + R.t("events_shown") + (res.count >= res.limit ? " " + R.t("capped") : "");
      if (res.items.length && !M.fitted) {
        M.map.fitBounds(L.latLngBounds(res.items.map((p) => [p[3], p[4]])).pad(0.2), { maxZoom: 7 });
        M.fitted = true;
      }
    } catch (err) {
      if (status) status.textContent = R.t("error") + ": " + err.message;
    }
  }

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

  /* Timeline: SVG bars of events per day/month; drag to choose a date range. */
  async function drawTimeline() {
    const box = document.getElementById("timeline");
    if (!box) return;
    const p = currentParams();
    delete p.date_from; delete p.date_to;
    let res = await R.api("/api/events/histogram", Object.assign({}, p, { unit: "day" }));
    M.hist = fillGaps(res.items, "day");
    if (M.hist.length > 400) {
      res = await R.api("/api/events/histogram", Object.assign({}, p, { unit: "month" }));
      M.hist = fillGaps(res.items, "month");
    }
    M.histUnit = res.unit;
    renderTimeline();
  }

  function renderTimeline() {
    const box = document.getElementById("timeline");
    if (!box || !M.hist) return;
    const unit = M.histUnit;
    const svgNS = "http://www.w3.org/2000/svg";
    R.clear(box);
    box.appendChild(R.el("div", { class: "timeline-title" }, R.t("timeline")));
    const W = Math.max(300, box.clientWidth - 16), H = 70;
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
      svg.appendChild(tx);
    }
    let dragFrom = null;
    const brush = document.createElementNS(svgNS, "rect");
    brush.setAttribute("class", "brush"); brush.setAttribute("y", 0); brush.setAttribute("height", H);
    brush.setAttribute("width", 0);
    svg.appendChild(brush);
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
      const s = M.hist[a].bucket, t = M.hist[b].bucket;
      M.filters.date_from = unit === "month" ? s + "-01" : s;
      M.filters.date_to = unit === "month" ? t + "-" + String(new Date(+t.slice(0, 4), +t.slice(5, 7), 0).getDate()).padStart(2, "0") : t;
      const i0 = document.getElementById("f-date_from"), i1 = document.getElementById("f-date_to");
      if (i0) i0.value = M.filters.date_from;
      if (i1) i1.value = M.filters.date_to;
      loadPoints();
      drawTimeline();
    });
  }

  /* A ring around the event shown in the panel. */
  function select(latlng) {
    if (M.selected) M.selected.remove();
    M.selected = latlng ? L.circleMarker(latlng, { radius: 16, color: "#111", weight: 3, fill: false, interactive: false, className: "selected-ring" }).addTo(M.map) : null;
  }

  /* The event panel: facts, then the article with the evidence highlighted. */
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
    const dates = ev.date_start ? (ev.date_start + (ev.date_end && ev.date_end !== ev.date_start ? " – " + ev.date_end : "")) : null;
    const close = R.el("button", { type: "button", class: "close", onclick: () => { window.location.hash = "#/map"; } }, "×");
    close.setAttribute("aria-label", R.t("close"));
    const title = R.el("h2", {}, R.typeBadge(ev.type), " ", R.modalityLabel(ev.modality));
    const facts = R.fieldTable([
      ["type", ev.type + (ev.mode ? " / " + ev.mode : "")],
      ["actor", entCell(ev.actor_id, ev.actor_name)],
      ["recipient", entCell(ev.recipient_id, ev.recipient_name)],
      ["place", entCell(ev.place_id, ev.place_name_ar || ev.place_name)],
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
    R.fill(panel, close, title, facts, head, R.legend(true), article);
    if (M.map && ev.lat !== null && ev.lat !== undefined) {
      M.map.invalidateSize();  // the panel just narrowed the map
      M.map.setView([ev.lat, ev.lon], Math.max(M.map.getZoom(), 6));
      select([ev.lat, ev.lon]);
      M.fitted = true;
    }
    const first = article.querySelector(".hl-evidence");
    if (first) first.scrollIntoView({ block: "center" });
  };

  /* A merged event: what the outlets agree on, and each report of it. */
  R.renderMergedPanel = async function (panel, mergedId) {
    R.clear(panel).appendChild(R.el("p", {}, R.t("loading")));
    panel.hidden = false;
    let res;
    try { res = await R.api("/api/merged-events/" + encodeURIComponent(mergedId)); }
    catch (err) { R.showError(panel, err); return; }
    const m = res.merged_event;
    const close = R.el("button", { type: "button", class: "close", onclick: () => { window.location.hash = "#/map"; } }, "×");
    const dates = m.date_start ? m.date_start + (m.date_end && m.date_end !== m.date_start ? " – " + m.date_end : "") : null;
    const rows = res.mentions.map((x) => [
      R.el("a", { href: R.eventHash(x.doc_id, x.event_id) }, x.outlet || x.doc_id),
      x.published || "", R.stanceBadge(x.stance), R.el("span", { dir: "auto" }, x.source_text || ""), x.is_copy ? "copy" : ""]);
    R.fill(panel, close,
      R.el("h2", {}, R.typeBadge(m.type), " ", R.t("merged_event")),
      R.fieldTable([["date", dates], ["place", m.place_name_ar || m.place_name], ["country", m.country],
        ["sources", m.independent_sources], ["outlets_n", m.outlets], ["n_mentions", m.n_mentions],
        ["contradicted", m.contradicted ? "⚠" : null]]),
      R.el("h3", {}, R.t("reports")),
      R.table(["outlet", "published", "stance", "source", ""], rows));
    if (M.map && m.lat !== null && m.lat !== undefined) {
      M.map.invalidateSize();
      M.map.setView([m.lat, m.lon], Math.max(M.map.getZoom(), 6));
      select([m.lat, m.lon]);
      M.fitted = true;
    }
  };

  R.renderMap = async function (root, eventRef, mergedId) {
    if (!M.root || !document.body.contains(M.root)) {
      M.hist = null;
      M.selected = null;
      M.root = R.el("div", { class: "map-view" },
        R.el("aside", { class: "sidebar", id: "sidebar" }),
        R.el("div", { class: "map-col" },
          R.el("div", { id: "map" }),
          R.el("div", { class: "map-status", id: "map-status" }, R.t("loading")),
          R.el("div", { id: "timeline", class: "timeline" })),
        R.el("aside", { class: "panel", id: "event-panel", hidden: true }));
      R.clear(root).appendChild(M.root);
      M.fitted = false;
      M.map = initMap(document.getElementById("map"));
      try { M.facets = await R.api("/api/facets"); } catch (err) { M.facets = null; }
      buildFilters(document.getElementById("sidebar"));
      loadPoints();
      drawTimeline();
      let lastWidth = 0;
      new ResizeObserver((entries) => {
        const w = Math.round(entries[0].contentRect.width);
        if (w !== lastWidth) { lastWidth = w; renderTimeline(); }
      }).observe(document.getElementById("timeline"));
    }
    const panel = document.getElementById("event-panel");
    if (eventRef) await R.renderEventPanel(panel, eventRef[0], eventRef[1]);
    else if (mergedId) await R.renderMergedPanel(panel, mergedId);
    else { panel.hidden = true; R.clear(panel); if (M.map) select(null); }
    setTimeout(() => M.map && M.map.invalidateSize(), 0);
  };

  R.resetMap = function () { M.root = null; };
})(window.Rasid);
