/* Rasid web UI: shared helpers. Every piece of data reaches the page through
   textContent or attribute setters: article text and titles are untrusted and
   are never parsed as HTML. */
"use strict";

window.Rasid = window.Rasid || {};

(function (R) {
  R.state = { lang: localStorage.getItem("rasid.lang") || "ar", labels: null, config: {} };

  /* el("div", {class: "x", dataset: {a: 1}, onclick: fn}, child, "text", ...) */
  R.el = function (tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else if (k === "href") node.setAttribute("href", R.safeHref(v));
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  };

  /* Only relative app links (#...) and http(s) URLs become hrefs. */
  R.safeHref = function (url) {
    const s = String(url || "").trim();
    if (s.startsWith("#") || s.startsWith("/")) return s.startsWith("//") ? "#" : s;
    return /^https?:\/\//i.test(s) ? s : "#";
  };

  /* Replace a node's children (null/undefined/false children are skipped). */
  R.fill = function (node, ...children) {
    R.clear(node);
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  };

  R.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  };

  R.t = function (key) {
    const L = R.state.labels;
    if (!L) return key;
    return (L[R.state.lang] && L[R.state.lang][key]) || (L.en && L.en[key]) || key;
  };

  R.typeLabel = function (type) {
    const T = (R.state.labels && R.state.labels.types) || {};
    return (T[type] && T[type][R.state.lang]) || type || "?";
  };

  R.modalityLabel = function (m) {
    const M = (R.state.labels && R.state.labels.modalities) || {};
    return (M[m] && M[m][R.state.lang]) || m || "";
  };

  R.typeColor = function (type) {
    const T = (R.state.labels && R.state.labels.types) || {};
    if (T[type]) return T[type].color;
    let h = 0;
    for (const ch of String(type)) h = (h * 31 + ch.charCodeAt(0)) % 360;
    return "hsl(" + h + ",55%,45%)";
  };

  R.api = async function (path, params) {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
    }
    const resp = await fetch(url.toString(), { headers: { Accept: "application/json" } });
    const body = await resp.json().catch(() => ({}));
    if (!resp.ok) {
      const msg = (body.error && body.error.message) || resp.statusText;
      throw new Error(resp.status + ": " + msg);
    }
    return body;
  };

  R.apiUrl = function (path, params) {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
    }
    return url.pathname + url.search;
  };

  R.showError = function (container, err) {
    R.clear(container).appendChild(R.el("p", { class: "error" }, R.t("error") + ": " + (err && err.message || err)));
  };

  R.entityName = function (ent) {
    if (!ent) return "";
    if (R.state.lang === "ar" && ent.name_ar) return ent.name_ar;
    return ent.name || ent.name_ar || ent.id;
  };

  R.entityKey = function (row) {
    if (row.canonical_id) return row.canonical_id;
    const attrs = row.attrs || {};
    if (attrs.canonical_id) return attrs.canonical_id;
    return row.kind + ":" + row.name;
  };

  R.entityLink = function (key, label) {
    return R.el("a", { href: "#/entity/" + encodeURIComponent(key) }, label);
  };

  R.docLink = function (docId, label) {
    return R.el("a", { href: "#/doc/" + encodeURIComponent(docId), dir: "auto" }, label || docId);
  };

  R.date = function (value) {
    return R.el("span", { class: "nowrap", dir: "ltr" }, value || "");
  };

  /* An event's link (keeping the map's filters, so closing the panel returns to the same view). */
  R.eventHash = function (docId, eventId) {
    return "#/event/" + encodeURIComponent(docId) + "/" + encodeURIComponent(eventId) + (R.mapQS ? R.mapQS() : "");
  };

  R.stanceBadge = function (stance) {
    if (!stance) return R.el("span", {}, "");
    return R.el("span", { class: "badge stance-" + String(stance).replace(/[^a-z]/g, "") }, R.t(stance));
  };

  R.typeBadge = function (type) {
    const b = R.el("span", { class: "badge type-badge" }, R.typeLabel(type));
    b.style.background = R.typeColor(type);
    return b;
  };

  /* Spans to highlight in an article: [{start, end, cls, title}]. */
  R.docSpans = function (doc, focus) {
    const spans = [];
    for (const ent of doc.entities || []) {
      const cls = ent.kind === "place" ? "hl-place" : (ent.kind === "outlet" ? null : "hl-actor");
      if (!cls) continue;
      for (const m of ent.mentions || []) spans.push({ start: m.start, end: m.end, cls: cls, title: ent.name });
    }
    for (const t of doc.times || []) {
      const v = t.value_start ? (t.value_start + (t.value_end && t.value_end !== t.value_start ? " – " + t.value_end : "")) : "";
      spans.push({ start: t.start, end: t.end, cls: "hl-time", title: v });
    }
    if (focus) {
      for (const ev of focus.evidence || []) spans.push({ start: ev.start, end: ev.end, cls: "hl-evidence", title: R.t("hl_evidence") });
      if (focus.trigger) spans.push({ start: focus.trigger.start, end: focus.trigger.end, cls: "hl-trigger", title: R.t("hl_trigger") });
      for (const src of (focus.sources || []).concat(focus.source ? [focus.source] : [])) {
        spans.push({ start: src.start, end: src.end, cls: "hl-source", title: R.t("hl_source") });
      }
    } else {
      for (const c of doc.claims || []) {
        if (c.source) spans.push({ start: c.source.start, end: c.source.end, cls: "hl-source", title: R.t("hl_source") });
      }
    }
    return spans;
  };

  /* The article text as DOM: text nodes in <span>s carrying highlight classes.
     Overlapping spans are resolved by cutting the text at every boundary. */
  R.renderArticle = function (text, spans) {
    const n = text.length;
    const cuts = new Set([0, n]);
    const ok = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= n && s.start < s.end);
    for (const s of ok) { cuts.add(s.start); cuts.add(s.end); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const box = R.el("div", { class: "article", dir: "rtl", lang: "ar" });
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const covering = ok.filter((s) => s.start <= a && s.end >= b);
      const piece = text.slice(a, b);
      if (!covering.length) { box.appendChild(document.createTextNode(piece)); continue; }
      const classes = Array.from(new Set(covering.map((s) => s.cls)));
      const titles = Array.from(new Set(covering.map((s) => s.title).filter(Boolean)));
      const span = R.el("span", { class: "hl " + classes.join(" "), title: titles.join(" · ") }, piece);
      box.appendChild(span);
    }
    return box;
  };

  R.legend = function (withFocus) {
    const keys = withFocus ? ["hl_evidence", "hl_trigger", "hl_source", "hl_place", "hl_actor", "hl_time"]
      : ["hl_source", "hl_place", "hl_actor", "hl_time"];
    return R.el("div", { class: "legend" }, R.t("legend") + ": ",
      keys.map((k) => R.el("span", { class: "hl " + k.replace("_", "-") }, R.t(k))));
  };

  R.fieldTable = function (rows) {
    const tbody = R.el("tbody");
    for (const [k, v] of rows) {
      if (v === null || v === undefined || v === "") continue;
      tbody.appendChild(R.el("tr", {}, R.el("th", {}, R.t(k)), R.el("td", {}, v)));
    }
    return R.el("table", { class: "fields" }, tbody);
  };

  R.table = function (headers, rows) {
    return R.el("table", { class: "grid" },
      R.el("thead", {}, R.el("tr", {}, headers.map((h) => R.el("th", {}, R.t(h))))),
      R.el("tbody", {}, rows.map((cells) => R.el("tr", {}, cells.map((c) => R.el("td", {}, c))))));
  };

  R.pager = function (page, onMove) {
    const nav = R.el("div", { class: "pager" });
    const from = page.total ? page.offset + 1 : 0;
    const to = page.offset + page.items.length;
    nav.appendChild(R.el("span", {}, from + "–" + to + " " + R.t("of") + " " + (page.total ?? "?")));
    if (page.offset > 0) nav.appendChild(R.el("button", { type: "button", onclick: () => onMove(Math.max(0, page.offset - page.limit)) }, R.t("prev")));
    if (page.total !== null && to < page.total) nav.appendChild(R.el("button", { type: "button", onclick: () => onMove(page.offset + page.limit) }, R.t("next")));
    return nav;
  };
})(window.Rasid);
