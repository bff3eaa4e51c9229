/* Rasid web UI: start-up, header, language toggle and hash routing. */
"use strict";

(function (R) {
  function applyLang() {
    const lang = R.state.lang;
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
    document.title = R.t("title") + " · " + R.t("subtitle");
  }

  function header() {
    const nav = R.el("nav", {},
      [["#/map", "nav_map"], ["#/claims", "nav_claims"], ["#/stories", "nav_stories"],
       ["#/entities", "nav_entities"], ["#/search", "nav_search"]].map(([h, k]) => R.el("a", { href: h, "data-route": h }, R.t(k))),
      R.el("a", { href: "/docs", target: "_blank", rel: "noopener" }, R.t("nav_docs")));
    const toggle = R.el("button", { type: "button", id: "lang-toggle", class: "lang" }, R.t("lang_toggle"));
    toggle.addEventListener("click", () => {
      R.state.lang = R.state.lang === "ar" ? "en" : "ar";
      localStorage.setItem("rasid.lang", R.state.lang);
      applyLang();
      R.resetMap();
      const h = document.getElementById("header");
      h.replaceWith(header());
      R.route();
    });
    return R.el("header", { id: "header" },
      R.el("a", { href: "#/map", class: "brand" }, R.el("strong", {}, R.t("title")), " ", R.el("small", {}, R.t("subtitle"))),
      nav, toggle);
  }

  R.route = function () {
    const root = document.getElementById("main");
    const raw = window.location.hash.replace(/^#\/?/, "");
    const qi = raw.indexOf("?");
    const query = R.parseQuery(qi >= 0 ? raw.slice(qi + 1) : "");
    const parts = (qi >= 0 ? raw.slice(0, qi) : raw).split("/").map((p) => { try { return decodeURIComponent(p); } catch (e) { return p; } });
    const view = parts[0] || "map";
    document.querySelectorAll("header nav a[data-route]").forEach((a) => a.classList.toggle("active", a.dataset.route === "#/" + (view === "event" || view === "merged" ? "map" : view)));
    if (!["map", "event", "merged"].includes(view)) R.resetMap();
    switch (view) {
      case "event": return R.renderMap(root, [parts[1], parts.slice(2).join("/")], null, query);
      case "merged": return R.renderMap(root, null, parts.slice(1).join("/"), query);
      case "claims": return R.renderClaims(root, {});
      case "stories": return R.renderStories(root);
      case "story": return R.renderStory(root, parts.slice(1).join("/"));
      case "entities": return R.renderEntities(root, {});
      case "entity": return R.renderEntity(root, parts.slice(1).join("/"));
      case "doc": return R.renderDoc(root, parts.slice(1).join("/"));
      case "search": return R.renderSearch(root, parts.slice(1).join("/"));
      default: return R.renderMap(root, null, null, query);
    }
  };

  async function start() {
    try {
      const [labels, config] = await Promise.all([
        fetch("/static/i18n.json").then((r) => r.json()), R.api("/api/config")]);
      R.state.labels = labels;
      R.state.config = config;
    } catch (err) {
      R.state.labels = R.state.labels || { en: {}, ar: {}, types: {} };
    }
    applyLang();
    document.body.insertBefore(header(), document.body.firstChild);
    window.addEventListener("hashchange", R.route);
    R.route();
  }

  document.addEventListener("DOMContentLoaded", start);
})(window.Rasid);
