/* Rasid web UI: list and detail pages (claims, stories, entities, articles, search). */
"use strict";

(function (R) {
  function loading(root) { R.clear(root).appendChild(R.el("p", { class: "loading" }, R.t("loading"))); }

  R.renderClaims = async function (root, params) {
    loading(root);
    const q = Object.assign({ limit: 50, offset: 0 }, params);
    let page;
    try { page = await R.api("/api/claims", q); } catch (err) { R.showError(root, err); return; }
    const form = R.el("form", { class: "inline-filters" },
      R.el("label", {}, R.t("stance") + " ",
        R.el("select", { name: "stance" }, ["", "assert", "deny", "speculate"].map((s) => {
          const o = R.el("option", { value: s }, s ? R.t(s) : R.t("any"));
          if ((q.stance || "") === s) o.selected = true;
          return o;
        }))),
      R.el("label", {}, R.t("source") + " ", R.el("input", { name: "source", value: q.source || "" })),
      R.el("label", {}, R.t("text") + " ", R.el("input", { name: "q", value: q.q || "" })),
      R.el("button", { type: "submit" }, R.t("apply")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const fd = new FormData(form);
      R.renderClaims(root, { stance: fd.get("stance"), source: fd.get("source"), q: fd.get("q") });
    });
    const rows = page.items.map((c) => [
      R.el("span", { dir: "auto", title: c.source_name || "" },
        (R.state.lang === "ar" ? c.source_text || c.source_name : c.source_name || c.source_text) || ""),
      R.stanceBadge(c.stance),
      R.el("span", { dir: "rtl", lang: "ar", class: "ar" }, c.content_text || ""),
      c.outlet || "",
      R.date(c.published),
      R.docLink(c.doc_id, c.title || c.doc_id),
    ]);
    R.fill(root, R.el("h2", {}, R.t("claims")), form,
      R.table(["source", "stance", "content", "outlet", "published", "document"], rows),
      R.pager(page, (off) => R.renderClaims(root, Object.assign({}, q, { offset: off }))));
  };

  function listOf(v) {
    if (Array.isArray(v)) return v.map((x) => (x && typeof x === "object") ? (x.name || x.name_ar || x.id || "") : String(x)).filter(Boolean);
    return [];
  }

  R.renderStories = async function (root) {
    loading(root);
    let page;
    try { page = await R.api("/api/stories", { limit: 200 }); } catch (err) { R.showError(root, err); return; }
    const box = R.el("div", {}, R.el("h2", {}, R.t("stories")));
    if (!page.items.length) box.appendChild(R.el("p", {}, R.t("no_stories")));
    const list = R.el("ul", { class: "story-list" });
    for (const s of page.items) {
      const id = s.story_id ?? s.id;
      const label = s.title || s.label || s.headline || ("#" + id);
      const dates = [s.date_start, s.date_end].filter(Boolean);
      const extra = [s.n_docs !== undefined ? s.n_docs + " " + R.t("documents") : null,
        dates.length ? (dates[0] === dates[dates.length - 1] ? dates[0] : dates[0] + " – " + dates[dates.length - 1]) : null,
        listOf(s.places).slice(0, 4).join("، ") || null].filter(Boolean).join(" · ");
      list.appendChild(R.el("li", {}, R.el("a", { href: "#/story/" + encodeURIComponent(id), dir: "auto" }, String(label)), extra ? R.el("small", { dir: "auto" }, " " + extra) : null));
    }
    box.appendChild(list);
    R.clear(root).appendChild(box);
  };

  /* A story: a summary (places, dates, types, outlets, its reports in order), then each article collapsed. */
  R.renderStory = async function (root, storyId) {
    loading(root);
    let res;
    try { res = await R.api("/api/stories/" + encodeURIComponent(storyId)); } catch (err) { R.showError(root, err); return; }
    const s = res.story;
    const docs = res.documents.slice().sort((a, b) => String(a.published || "").localeCompare(String(b.published || "")));
    const cols = R.el("div", { class: "side-by-side" });
    for (const d of res.documents) {
      cols.appendChild(R.el("details", { class: "story-doc" },
        R.el("summary", {}, R.el("h3", {}, d.outlet || "?"), R.el("span", { dir: "auto" }, d.title || d.doc_id), " ", R.el("small", { class: "meta" }, d.published || "")),
        R.el("div", { class: "meta" }, R.docLink(d.doc_id, R.t("open_article"))),
        R.renderArticle(d.text || "", R.docSpans(d, { evidence: (d.events || []).flatMap((e) => e.evidence || []), sources: (d.claims || []).map((c) => c.source) })),
        (d.claims || []).length ? R.el("details", { class: "mini-claims" },
          R.el("summary", {}, R.t("claims") + " (" + d.claims.length + ")"),
          R.el("ul", {}, d.claims.map((c) =>
            R.el("li", {}, R.stanceBadge(c.stance), " ", R.el("span", { dir: "auto" }, c.source.text + ": " + c.content.text))))) : null));
    }
    const mergedRows = res.merged_events || [];
    const merged = mergedRows.map((m) => [
      R.el("a", { href: "#/merged/" + encodeURIComponent(m.id) }, R.typeBadge(m.type)), R.date(m.best_date || m.date_start), R.el("span", { dir: "auto" }, m.place_name_ar || m.place_name || ""),
      String(m.independent_sources ?? m.outlets ?? m.n_mentions ?? ""), m.contradicted ? "⚠" : ""]);
    const types = Array.from(new Set(docs.flatMap((d) => (d.events || []).map((e) => e.type)).concat(mergedRows.map((m) => m.type)).filter(Boolean)));
    const outlets = Array.from(new Set(docs.map((d) => d.outlet).filter(Boolean)));
    const places = listOf(s.places).length ? listOf(s.places) : Array.from(new Set(mergedRows.map((m) => m.place_name_ar || m.place_name).filter(Boolean)));
    const dates = [s.date_start, s.date_end].filter(Boolean);
    const summary = R.el("section", { class: "story-summary", id: "story-summary" },
      R.el("h3", {}, R.t("story_summary")),
      R.fieldTable([
        ["places", places.length ? R.el("span", { dir: "auto" }, places.slice(0, 8).join("، ")) : null],
        ["dates", dates.length ? R.el("span", { dir: "ltr" }, dates[0] === dates[dates.length - 1] ? dates[0] : dates[0] + " – " + dates[dates.length - 1]) : null],
        ["types_col", types.length ? R.el("span", {}, types.map((t) => R.typeBadge(t))) : null],
        ["outlets_col", outlets.length ? outlets.length + ": " + outlets.join("، ") : null],
        ["documents", String(docs.length)],
      ]),
      R.el("h4", {}, R.t("reports_timeline")),
      R.el("ol", { class: "story-timeline" }, docs.slice(0, 60).map((d) => R.el("li", {},
        R.date(d.published), " · ", d.outlet || "", " · ", R.docLink(d.doc_id, d.title || d.doc_id)))),
      docs.length > 60 ? R.el("p", { class: "meta" }, "… +" + (docs.length - 60)) : null);
    R.fill(root,
      R.el("h2", { dir: "auto" }, R.t("story") + ": " + (s.title || s.label || s.headline || storyId)),
      summary,
      merged.length ? R.el("div", {}, R.el("h3", {}, R.t("merged_events")), R.table(["type", "date", "place", "sources", "contradicted"], merged)) : null,
      R.el("h3", {}, R.t("articles_collapsed")), R.legend(true), cols);
  };

  R.renderEntities = async function (root, params) {
    loading(root);
    const q = Object.assign({ limit: 50, offset: 0 }, params);
    let page;
    try { page = await R.api("/api/entities", q); } catch (err) { R.showError(root, err); return; }
    const form = R.el("form", { class: "inline-filters" },
      R.el("select", { name: "kind" }, ["", "place", "actor", "person", "organization", "outlet"].map((k) => {
        const o = R.el("option", { value: k }, k || R.t("kind_all"));
        if ((q.kind || "") === k) o.selected = true;
        return o;
      })),
      R.el("input", { name: "q", value: q.q || "", placeholder: R.t("name") }),
      R.el("button", { type: "submit" }, R.t("apply")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const fd = new FormData(form);
      R.renderEntities(root, { kind: fd.get("kind"), q: fd.get("q") });
    });
    const rows = page.items.map((e) => [
      R.entityLink(e.key, e.name || e.name_ar || e.key), R.el("span", { dir: "rtl" }, e.name_ar || ""), e.kind,
      String(e.n_docs), String(e.n_mentions ?? "")]);
    R.fill(root, R.el("h2", {}, R.t("entities")), form,
      R.table(["name", "name_ar", "kind", "n_docs", "n_mentions"], rows),
      R.pager(page, (off) => R.renderEntities(root, Object.assign({}, q, { offset: off }))));
  };

  function eventRows(events) {
    return events.map((ev) => [
      R.el("a", { href: R.eventHash(ev.doc_id, ev.event_id) }, R.typeBadge(ev.type)),
      R.modalityLabel(ev.modality), R.date(ev.date_start), R.el("span", { dir: "auto" }, ev.place_name_ar || ev.place_name || ""),
      R.el("span", { dir: "rtl", class: "ar" }, ev.evidence_text || ""), ev.outlet || ""]);
  }

  R.renderEntity = async function (root, key) {
    loading(root);
    let e;
    try { e = await R.api("/api/entities/" + encodeURIComponent(key)); } catch (err) { R.showError(root, err); return; }
    R.fill(root, 
      R.el("h2", {}, R.el("span", { dir: "auto" }, e.name || key), " ", R.el("span", { dir: "rtl", class: "ar" }, e.name_ar || "")),
      R.fieldTable([["kind", e.kind], ["name_ar", (e.names_ar || []).join("، ")],
        ["coordinates", e.lat !== null && e.lat !== undefined ? Number(e.lat).toFixed(4) + ", " + Number(e.lon).toFixed(4) : null],
        ["country", e.country], ["n_docs", String(e.n_docs)], ["n_mentions", String(e.n_mentions)]]),
      R.el("h3", {}, R.t("events")), R.table(["type", "modality", "date", "place", "hl_evidence", "outlet"], eventRows(e.events)),
      R.el("h3", {}, R.t("documents")),
      R.el("ul", {}, e.documents.map((d) => R.el("li", {}, R.docLink(d.id, d.title || d.id), " ", R.el("small", {}, [d.outlet, d.published].filter(Boolean).join(" · "))))));
  };

  R.renderDoc = async function (root, docId) {
    loading(root);
    let d;
    try { d = await R.api("/api/documents/" + encodeURIComponent(docId)); } catch (err) { R.showError(root, err); return; }
    const events = (d.events || []).map((ev) => [
      R.el("a", { href: R.eventHash(d.id, ev.id) }, R.typeBadge(ev.type)), R.modalityLabel(ev.modality),
      ev.time ? ev.time.value_start || "" : "", R.el("span", { dir: "rtl", class: "ar" }, (ev.evidence && ev.evidence[0] ? ev.evidence[0].text : ev.trigger.text) || "")]);
    const claims = (d.claims || []).map((c) => [R.el("span", { dir: "auto" }, c.source.text), R.stanceBadge(c.stance), R.el("span", { dir: "rtl", class: "ar" }, c.content.text)]);
    R.fill(root, 
      R.el("h2", { dir: "auto" }, d.title || d.id),
      R.el("div", { class: "meta" }, [d.outlet, d.published].filter(Boolean).join(" · "), " ",
        d.url && /^https?:\/\//i.test(d.url) ? R.el("a", { href: d.url, target: "_blank", rel: "noopener noreferrer" }, R.t("url")) : null),
      R.legend(false), R.renderArticle(d.text || "", R.docSpans(d, null)),
      R.el("h3", {}, R.t("events")), R.table(["type", "modality", "date", "hl_evidence"], events),
      R.el("h3", {}, R.t("claims")), R.table(["source", "stance", "content"], claims));
  };

  R.renderSearch = async function (root, query) {
    const input = R.el("input", { type: "search", name: "q", value: query || "", placeholder: R.t("search_ph"), dir: "auto", id: "search-q" });
    const form = R.el("form", { class: "inline-filters" }, input, R.el("button", { type: "submit" }, R.t("search")));
    const out = R.el("div", { id: "search-results" });
    form.addEventListener("submit", (e) => { e.preventDefault(); window.location.hash = "#/search/" + encodeURIComponent(input.value); });
    R.fill(root, R.el("h2", {}, R.t("search")), form, out);
    if (!query) return;
    loading(out);
    let page;
    try { page = await R.api("/api/search", { q: query, limit: 50 }); } catch (err) { R.showError(out, err); return; }
    if (!page.items.length) { R.clear(out).appendChild(R.el("p", {}, R.t("none"))); return; }
    R.clear(out).appendChild(R.el("ul", { class: "results" }, page.items.map((r) => R.el("li", {},
      R.docLink(r.doc_id, r.title || r.doc_id), " ", R.el("small", {}, [r.outlet, r.published].filter(Boolean).join(" · ")),
      R.el("div", { class: "snippet ar", dir: "rtl" }, String(r.snippet || "").replace(/<\/?b>/g, ""))))));
  };
})(window.Rasid);
