"""The REST API and web UI (FastAPI), read-only over one Rasid database.

Errors have one JSON shape: ``{"error": {"status": 400, "message": "...",
"details": [...]}}`` (400 for bad parameters, 404 for unknown ids or paths).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlparse

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from rasid import __version__, settings
from rasid.export import (ACLED_MODALITIES, FORMATS, MEDIA_TYPES, SUFFIXES, ExportError, iter_format,
                          iter_merged_jsonl, merged_full, merged_of, merged_summaries, with_inter)
from rasid.store.queries import COUNT_CAP, EVENT_SORTS, MAX_INT, BadParameter, Database, EventFilter
from rasid.web.filters import event_filter

STATIC = Path(__file__).parent / "static"
MERGED_TABLE = "merged_events"
MERGED_MENTIONS = "merged_mentions"
STORIES_TABLE = "stories"
STORY_DOCS = "story_docs"
#: Columns a merged event may use for its corroboration count (first present wins).
CORROBORATION_COLUMNS = ("independent_sources", "outlets", "n_mentions", "n_docs", "corroboration")


def _error(status: int, message: str, details: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "message": message}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status)


def _not_found(what: str) -> HTTPException:
    return HTTPException(404, f"{what} not found")


def _page(total: int | None, limit: int, offset: int, items: list) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _fast(body: dict[str, Any]) -> JSONResponse:
    """Rows from SQLite are JSON-ready: skip FastAPI's (slow) generic encoder."""
    return JSONResponse(body)


class SecurityHeaders:
    """Adds a strict Content-Security-Policy and friends to every response (pure ASGI)."""

    def __init__(self, app, img_src: str) -> None:
        self.app = app
        base = [
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]
        strict = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                  f"img-src 'self' data: {img_src}; connect-src 'self'; object-src 'none'; "
                  "base-uri 'none'; frame-ancestors 'none'; form-action 'none'").strip()
        docs = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
        self.strict = base + [(b"content-security-policy", strict.encode())]
        self.docs = base + [(b"content-security-policy", docs.encode())]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        extra = self.docs if scope.get("path", "").startswith("/docs") else self.strict

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + extra
            await send(message)

        return await self.app(scope, receive, send_with_headers)


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def allowed_hosts_for(bind: str | None, extra: str | list[str] | None = None) -> set[str] | None:
    """Host names the server answers to: its bind address (and the loopback names when it
    listens on loopback), plus the ``allowed_hosts`` setting; None means any (``*``).

    A DNS-rebinding page reaches a local server under the attacker's domain name, so
    a request whose Host is a foreign name is refused. On a wildcard bind (0.0.0.0, ::)
    any IP literal is accepted, since a browser never sends one for a domain.
    """
    names = extra if isinstance(extra, list) else [h.strip() for h in (extra or "").split(",")]
    names = [h.lower().strip("[]") for h in names if h]
    if "*" in names:
        return None
    bind = (bind or "127.0.0.1").lower().strip("[]")
    out = set(names) | {bind}
    try:
        ip = ipaddress.ip_address(bind)
        if ip.is_loopback or ip.is_unspecified:
            out |= set(LOOPBACK_NAMES)
    except ValueError:
        if bind == "localhost":
            out |= set(LOOPBACK_NAMES)
    return out


class HostCheck:
    """Answers 400 to a request whose Host header is not one of ``allowed`` (pure ASGI)."""

    def __init__(self, app, allowed: set[str] | None, wildcard: bool) -> None:
        self.app = app
        self.allowed = allowed
        self.wildcard = wildcard

    def ok(self, host: str) -> bool:
        if self.allowed is None:
            return True
        h = host.strip().lower()
        if h.startswith("["):
            h = h[1:h.find("]")] if "]" in h else h
        elif h.count(":") == 1:
            h = h.rsplit(":", 1)[0]
        if not h:
            return False
        return h in self.allowed or (self.wildcard and _is_ip(h))

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
            if not self.ok(host):
                resp = _error(400, "Host header not allowed (see the allowed_hosts setting)")
                return await resp(scope, receive, send)
        return await self.app(scope, receive, send)


def create_app(db_path: str | Path, tile_url: str | None = None, host: str | None = None,
               allowed_hosts: str | list[str] | None = None) -> FastAPI:
    """The application serving ``db_path`` (read-only).

    ``host`` is the address it is bound to (default: setting ``host``) and ``allowed_hosts``
    further Host header names it answers to (default: setting ``allowed_hosts``; ``*`` for any).
    """
    db = Database(db_path)
    host = settings.get("host") if host is None else host
    allowed_hosts = settings.get("allowed_hosts") if allowed_hosts is None else allowed_hosts
    tile_url = settings.get("tile_url") if tile_url is None else tile_url
    tile_host = ""
    if tile_url:
        u = urlparse(tile_url.replace("{s}", "a"))
        if u.scheme in ("http", "https") and re.fullmatch(r"[A-Za-z0-9.\-]+(:\d+)?", u.netloc or ""):
            tile_host = f"{u.scheme}://{u.netloc.replace('a.', '*.', 1) if '{s}' in tile_url else u.netloc}"
        else:
            tile_url = ""

    app = FastAPI(
        title="Rasid API",
        version=__version__,
        description="Read-only access to events, claims, entities and stories found in Arabic news.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db
    LIMIT_OFFSET = dict(offset=Query(0, ge=0, le=MAX_INT, description="Rows to skip (at most 10^9)"))

    # -- errors ---------------------------------------------------------------
    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"parameter": ".".join(str(x) for x in e.get("loc", ())[1:]) or None,
                    "message": e.get("msg")} for e in exc.errors()]
        msg = "; ".join(f"{d['parameter']}: {d['message']}" for d in details) or "bad request"
        return _error(400, msg, details)

    @app.exception_handler(BadParameter)
    async def _bad(_: Request, exc: BadParameter) -> JSONResponse:
        return _error(400, str(exc), [{"parameter": exc.name, "message": exc.message}])

    @app.exception_handler(ExportError)
    async def _bad_export(_: Request, exc: ExportError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    # -- UI and docs ----------------------------------------------------------
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Rasid API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    # -- meta -----------------------------------------------------------------
    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Counts of what the database holds."""
        return {"status": "ok", "version": __version__,
                "counts": {t: db.count(t) for t in ("documents", "events", "claims", "entities",
                                                    STORIES_TABLE, MERGED_TABLE)}}

    @app.get("/api/config", tags=["meta"])
    def config() -> dict[str, Any]:
        """Settings the web UI needs."""
        return {"tile_url": tile_url or "", "version": __version__}

    @app.get("/api/facets", tags=["events"])
    def facets() -> dict[str, Any]:
        """Values (with counts) of the event filters: type, modality, stance, outlet, country."""
        return db.facets()

    # -- documents --------------------------------------------------------------
    @app.get("/api/documents", tags=["documents"])
    def documents(outlet: Optional[str] = None, date_from: Optional[str] = None, date_to: Optional[str] = None,
                  limit: int = Query(50, ge=1, le=1000), offset: int = LIMIT_OFFSET["offset"]) -> dict[str, Any]:
        """Documents, newest first (no text: see /api/documents/{doc_id})."""
        total, items = db.documents(outlet, date_from, date_to, limit, offset)
        return _page(total, limit, offset, items)

    @app.get("/api/documents/{doc_id:path}/events", tags=["documents"])
    def document_events(doc_id: str) -> dict[str, Any]:
        """The events of one document."""
        if db.document(doc_id) is None:
            raise _not_found(f"document {doc_id!r}")
        total, items = db.events(EventFilter(doc_id=doc_id), limit=10000)
        return _page(total, 10000, 0, items)

    @app.get("/api/documents/{doc_id:path}", tags=["documents"])
    def document(doc_id: str) -> JSONResponse:
        """One document with its text and every annotation (the document JSON contract); the id may hold '/'."""
        d = db.document(doc_id)
        if d is None:
            raise _not_found(f"document {doc_id!r}")
        return _fast(d)

    # -- events -----------------------------------------------------------------
    # One filter dependency (rasid.web.filters) for every endpoint that filters events; each
    # endpoint checks the filter first thing (after FastAPI has checked every parameter's type,
    # so a request with several bad parameters is told about the same one as before).
    Filter = Depends(event_filter())
    FilterDated = Depends(event_filter(undated=False))
    FilterOfDoc = Depends(event_filter(doc_id=True))

    @app.get("/api/events", tags=["events"])
    def events(f: EventFilter = FilterOfDoc,
               sort: Optional[str] = Query(None, description=f"{', '.join(EVENT_SORTS)}; '-' first for descending"),
               limit: int = Query(50, ge=1, le=1000), offset: int = LIMIT_OFFSET["offset"]) -> JSONResponse:
        """Events found in single documents, newest first (or by ``sort``), filtered.

        Each row also has ``precision_class`` (point, area, country) and, when the event was
        merged across documents, ``merged_id``, ``independent_sources`` and ``contradicted``.
        ``total`` is exact up to 10,000; beyond, it is 10,000 and ``total_capped`` is true.
        """
        f = f.validated()
        total, items = db.events(f, limit, offset, sort=sort, enrich=True)
        page = _page(total, limit, offset, items)
        page["total_capped"] = total is not None and total >= COUNT_CAP
        return _fast(page)

    @app.get("/api/events/points", tags=["events"])
    def points(f: EventFilter = Filter, limit: int = Query(5000, ge=1, le=50000)) -> JSONResponse:
        """Compact map points, one list per located event:
        [doc_id, event_id, type, lat, lon, date, modality, precision_class, fatalities]."""
        f = f.validated()
        pts = db.points(f, limit)
        return _fast({"fields": ["doc_id", "event_id", "type", "lat", "lon", "date", "modality", "precision",
                                 "fatalities"],
                      "count": len(pts), "limit": limit, "items": pts})

    @app.get("/api/events/counts", tags=["events"])
    def counts(f: EventFilter = Filter) -> JSONResponse:
        """Events per type under all the other filters (the type filter itself is left out)."""
        f = f.validated()
        return _fast({"type": db.type_counts(f)})

    @app.get("/api/events/histogram", tags=["events"])
    def histogram(f: EventFilter = FilterDated,
                  unit: str = Query("day", pattern="^(day|month|year)$")) -> dict[str, Any]:
        """Event counts per day, month or year (for the timeline), with ``range``: the number
        of undated events, the first and last dates, and the range holding 96% of them."""
        f = f.validated()
        return {"unit": unit, "items": db.histogram(f, unit), "range": db.date_summary(f)}

    @app.get("/api/events/{ref:path}", tags=["events"])
    def event(ref: str) -> JSONResponse:
        """One event (``{doc_id}/{event_id}``; a document id may hold '/') with its document (text
        and annotations) and the merged event it belongs to (its reports, corroboration, denials)."""
        doc_id, _, event_id = ref.rpartition("/")
        ev = db.event(doc_id, event_id) if doc_id and event_id else None
        if ev is None:
            raise _not_found(f"event {ref}")
        db.enrich([ev])
        return _fast({"event": ev, "document": db.document(doc_id), "merged": merged_of(db, doc_id, event_id)})

    # -- merged events and stories (rasid.crossdoc; empty when absent) ------------
    @app.get("/api/merged-events", tags=["cross-document"])
    def merged_events(f: EventFilter = FilterDated,
                      min_corroboration: Optional[int] = Query(
                          None, ge=1, le=MAX_INT,
                          description="Minimum independent sources (else outlets, mentions) reporting it"),
                      min_reports: Optional[int] = Query(
                          None, ge=1, le=MAX_INT, description="Minimum reports (articles) merged into it: 2 for "
                                                             "events reported more than once"),
                      summary: bool = Query(True, description="Add the English one-line summary (pages of 200 or fewer)"),
                      limit: int = Query(50, ge=1, le=5000), offset: int = LIMIT_OFFSET["offset"]) -> JSONResponse:
        """Events merged across documents (rasid.crossdoc), most corroborated first; empty when absent.

        Filters on the reports (actor, place, outlet, modality, stance, text, fatalities, precision)
        keep a merged event when at least one of its reports matches."""
        f = f.validated()
        sub = replace(f, type=None, country=None, bbox=None, date_from=None, date_to=None)
        cols = db.columns(MERGED_TABLE)
        corr = next((c for c in CORROBORATION_COLUMNS if c in cols), None)
        total, items = db.table_rows(MERGED_TABLE, {"type": f.type.upper() if f.type else None,
                                                    "country": f.country.upper() if f.country else None},
                                     limit, offset, {**({corr: min_corroboration} if corr else {}),
                                                     "n_mentions": min_reports}, order=corr,
                                     bbox=f.bbox, date_from=f.date_from, date_to=f.date_to,
                                     only_ids=db.merged_report_ids(sub) if cols else None)
        for it in items:
            if "contradicted" in it:
                it["contradicted"] = bool(it["contradicted"])
        db.merged_precision(items)
        if summary and limit <= 200:
            merged_summaries(db, items)
        return _fast(_page(total, limit, offset, items))

    @app.get("/api/merged-events/{merged_id:path}", tags=["cross-document"])
    def merged_event(merged_id: str) -> JSONResponse:
        """A merged event with its English summary and every report (outlet, stance, source, evidence)."""
        full = merged_full(db, merged_id) if MERGED_TABLE in db.tables() else None
        if full is None:
            raise _not_found(f"merged event {merged_id!r}")
        return _fast(full)

    @app.get("/api/stories", tags=["cross-document"])
    def stories(limit: int = Query(50, ge=1, le=1000), offset: int = LIMIT_OFFSET["offset"]) -> dict[str, Any]:
        """Stories: documents about the same happening, grouped by rasid.crossdoc."""
        cols = db.columns(STORIES_TABLE)
        order = next((c for c in ("date_end", "n_docs", "date_start") if c in cols), None)
        total, items = db.table_rows(STORIES_TABLE, {}, limit, offset, order=order)
        return _page(total, limit, offset, items)

    @app.get("/api/stories/{story_id:path}", tags=["cross-document"])
    def story(story_id: str) -> dict[str, Any]:
        """A story with its documents (outlets side by side) and merged events."""
        row = db.row_by_id(STORIES_TABLE, story_id, ("story_id", "id"))
        if row is None:
            raise _not_found(f"story {story_id!r}")
        key = next((c for c in ("story_id", "id") if c in db.columns(STORY_DOCS)), None)
        links = db.related(STORY_DOCS, key, story_id) if key else []
        docs = []
        for link in links:
            did = link.get("doc_id")
            d = db.document(did) if did else None
            if d:
                docs.append({**link, "title": d.get("title"), "outlet": d.get("outlet"),
                             "published": d.get("published"), "url": d.get("url"), "text": d.get("text"),
                             "claims": d.get("claims", []), "events": d.get("events", []),
                             "entities": d.get("entities", [])})
        merged = db.related(MERGED_TABLE, "story_id", story_id)
        if not merged and docs and MERGED_MENTIONS in db.tables():
            ids = {m["merged_id"] for d in docs for m in db.related(MERGED_MENTIONS, "doc_id", d["doc_id"])
                   if m.get("merged_id")}
            merged = [r for i in sorted(ids) if (r := db.row_by_id(MERGED_TABLE, i, ("id", "merged_id")))]
        return {"story": row, "documents": docs, "merged_events": merged}

    # -- claims, entities, search ---------------------------------------------------
    @app.get("/api/claims", tags=["claims"])
    def claims(stance: Optional[str] = Query(None, description="assert, deny, speculate (comma-separated)"),
               outlet: Optional[str] = None, source: Optional[str] = Query(None, description="Substring of source"),
               q: Optional[str] = Query(None, description="Substring of the claim content"),
               doc_id: Optional[str] = None,
               limit: int = Query(50, ge=1, le=1000), offset: int = LIMIT_OFFSET["offset"]) -> JSONResponse:
        """Claims: who says what (source, cue, stance, content, outlet)."""
        total, items = db.claims(stance, outlet, source, q, doc_id, limit, offset)
        return _fast(_page(total, limit, offset, items))

    @app.get("/api/entities", tags=["entities"])
    def entities(kind: Optional[str] = Query(None, description="place, actor, person, organization, outlet"),
                 q: Optional[str] = Query(None, description="Substring of the English or Arabic name"),
                 limit: int = Query(50, ge=1, le=1000), offset: int = LIMIT_OFFSET["offset"]) -> dict[str, Any]:
        """Entities grouped across documents (by canonical id, else kind and name)."""
        total, items = db.entities(kind, q, limit, offset)
        return _page(total, limit, offset, items)

    @app.get("/api/entities/{key:path}", tags=["entities"])
    def entity(key: str) -> dict[str, Any]:
        """An entity: its names, documents and the events it takes part in."""
        e = db.entity(key)
        if e is None:
            raise _not_found(f"entity {key!r}")
        return e

    @app.get("/api/search", tags=["search"])
    def search(q: str = Query(..., min_length=1, max_length=500),
               limit: int = Query(20, ge=1, le=200), offset: int = LIMIT_OFFSET["offset"]) -> dict[str, Any]:
        """Full-text search over titles and texts (Arabic spelling variants fold together)."""
        return _page(None, limit, offset, db.search(q, limit, offset))  # a query FTS cannot take: BadParameter

    # -- exports ------------------------------------------------------------------------
    @app.get("/api/export/{fmt}", tags=["export"])
    def export(fmt: str, f: EventFilter = Filter) -> Response:
        """Filtered events as acled-csv, geojson, jsonl or parquet (a download); ``merged-jsonl``
        gives the merged events with at least one matching report, each with its English summary.

        ACLED CSV leaves out planned, hypothetical and negated events unless ``modality`` is given.
        """
        if fmt == "merged-jsonl":
            lines = list(iter_merged_jsonl(db, f.validated()))
            return Response("".join(lines), media_type=MEDIA_TYPES["jsonl"],
                            headers={"Content-Disposition": 'attachment; filename="rasid-merged-events.jsonl"'})
        if fmt not in FORMATS:
            raise BadParameter("fmt", f"expected one of {', '.join(FORMATS + ('merged-jsonl',))}")
        if fmt == "acled-csv" and not f.modality:
            f = replace(f, modality=ACLED_MODALITIES)
        f = f.validated()
        headers = {"Content-Disposition": f'attachment; filename="rasid-events{SUFFIXES[fmt]}"'}
        if fmt == "parquet":
            data = b"".join(iter_format(fmt, list(db.iter_events(f))))  # type: ignore[arg-type]
            return Response(data, media_type=MEDIA_TYPES[fmt], headers=headers)
        rows = list(db.iter_events(f))  # read now, on this thread's connection
        if fmt == "acled-csv":
            rows = list(with_inter(db, rows))
        return StreamingResponse(iter_format(fmt, rows), media_type=MEDIA_TYPES[fmt], headers=headers)

    @app.api_route("/api/{rest:path}", methods=["GET", "HEAD"], include_in_schema=False)
    def unknown(rest: str) -> None:
        raise HTTPException(404, f"no such endpoint: /api/{rest}")

    @app.api_route("/{rest:path}", methods=["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"],
                   include_in_schema=False)
    def read_only(rest: str) -> JSONResponse:
        resp = _error(405, "method not allowed: the API is read-only (GET)")
        resp.headers["Allow"] = "GET, HEAD"
        return resp

    app.add_middleware(SecurityHeaders, img_src=tile_host)
    wildcard = (host or "").strip("[]") in ("0.0.0.0", "::", "")
    app.add_middleware(HostCheck, allowed=allowed_hosts_for(host, allowed_hosts), wildcard=wildcard)
    return app
