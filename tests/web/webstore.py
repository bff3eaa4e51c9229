"""Test databases for the web and export tests.

``build_db(path, docs)`` stores analysed documents with :class:`rasid.store.Store`;
``LiveServer(app)`` runs an app with uvicorn on a free local port in a thread.
``sample_docs()`` are small hand-written Arabic articles, two of them hostile
(script tags, ``onerror=`` and ``javascript:`` URLs in titles and text).
"""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
import time
from pathlib import Path

from rasid.model.document import (
    Claim, ClaimSource, Document, Entity, Event, PlaceInfo, Span, TimeExpr,
)

XSS_TITLE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
XSS_LINK = '<a href="javascript:window.__pwned=3">اضغط</a>'

def build_db(path: Path, docs: list[Document]) -> Path:
    """A Rasid database at ``path`` holding ``docs`` (written by :class:`rasid.store.Store`)."""
    from rasid.store import Store

    with Store(str(path)) as st:
        for d in docs:
            st.add(d)
    return path


def _span(text: str, needle: str, start: int = 0) -> Span:
    i = text.index(needle, start)
    return Span(i, i + len(needle), needle)


def _place(doc: Document, pid: str, needle: str, name: str, lat: float, lon: float, cc: str, admin1: str) -> Entity:
    e = Entity(pid, "place", name, needle, [_span(doc.text, needle)],
               PlaceInfo(lat, lon, cc, "PPLA", None, 1, admin1))
    doc.entities.append(e)
    return e


def sample_docs() -> list[Document]:
    """Four analysed articles (Arabic sentences written for these tests)."""
    docs = []

    t1 = ("قصفت القوات الحكومية مدينة حلب يوم الاثنين، ما أدى إلى مقتل خمسة مدنيين. "
          "وقال المرصد السوري لحقوق الإنسان إن الغارات استهدفت حيا سكنيا.")
    d = Document("doc-1", t1, published="2024-03-04", title="قصف على حلب", url="https://example.org/a1",
                 outlet="الوطن")
    _place(d, "place-1", "حلب", "Aleppo", 36.2021, 37.1343, "SY", "Aleppo")
    d.entities.append(Entity("actor-1", "actor", "Syrian government forces", "القوات الحكومية",
                             [_span(t1, "القوات الحكومية")], attrs={"actor_id": "sy-gov", "acled_inter": 1}))
    d.entities.append(Entity("org-1", "organization", "SOHR", "المرصد السوري لحقوق الإنسان",
                             [_span(t1, "المرصد السوري لحقوق الإنسان")]))
    d.times.append(TimeExpr(*_span(t1, "يوم الاثنين").__dict__.values(), "2024-03-04", "2024-03-04", "day"))
    src = _span(t1, "المرصد السوري لحقوق الإنسان")
    d.claims.append(Claim("claim-1", ClaimSource(src.start, src.end, src.text, "org-1", "organization"),
                          _span(t1, "وقال"), "assert", _span(t1, "الغارات استهدفت حيا سكنيا")))
    d.events.append(Event("event-1", "ASSAULT", _span(t1, "قصفت"), [_span(t1, "قصفت القوات الحكومية مدينة حلب")],
                          mode="aerial", actor="actor-1", place="place-1",
                          time={"value_start": "2024-03-04", "value_end": "2024-03-04"},
                          fatalities=5, confidence=0.9,
                          attrs={"acled_event_type": "Explosions/Remote violence",
                                 "acled_sub_event_type": "Air/drone strike"}))
    docs.append(d)

    t2 = ("نفى مسؤول عراقي أن تكون قوات أمريكية قد انسحبت من قاعدة عين الأسد في الأنبار. "
          "وتظاهر مئات في بغداد يوم الجمعة احتجاجا على الغلاء.")
    d = Document("doc-2", t2, published="2024-05-10", title="نفي الانسحاب", outlet="الشرق")
    _place(d, "place-1", "عين الأسد", "Ain al-Asad", 33.7856, 42.4412, "IQ", "Anbar")
    _place(d, "place-2", "بغداد", "Baghdad", 33.3152, 44.3661, "IQ", "Baghdad")
    src = _span(t2, "مسؤول عراقي")
    d.claims.append(Claim("claim-1", ClaimSource(src.start, src.end, src.text, None, "anonymous"),
                          _span(t2, "نفى"), "deny", _span(t2, "تكون قوات أمريكية قد انسحبت من قاعدة عين الأسد")))
    d.events.append(Event("event-1", "MOBILIZE", _span(t2, "انسحبت"), [_span(t2, "قوات أمريكية قد انسحبت")],
                          place="place-1", modality="denied", claim="claim-1",
                          time={"value_start": "2024-05-10", "value_end": "2024-05-10"}))
    d.events.append(Event("event-2", "PROTEST", _span(t2, "تظاهر"), [_span(t2, "تظاهر مئات في بغداد")],
                          place="place-2", time={"value_start": "2024-05-10", "value_end": "2024-05-10"},
                          attrs={"acled_event_type": "Protests", "acled_sub_event_type": "Peaceful protest"}))
    docs.append(d)

    # Hostile: markup in the title, text and URL must be shown as text, never run.
    t3 = (f"{XSS_TITLE} اشتبك مسلحون مع الجيش قرب درعا. {XSS_LINK} "
          "<svg onload=alert(1)>")
    d = Document("doc-xss", t3, published="2024-06-01", title=XSS_TITLE, url="javascript:alert(1)",
                 outlet='<b onmouseover="alert(1)">منفذ</b>')
    _place(d, "place-1", "درعا", 'Daraa<img src=x onerror="window.__pwned=4">', 32.6189, 36.1021, "SY", "Daraa")
    d.entities.append(Entity("actor-1", "actor", "<script>window.__pwned=5</script>", "مسلحون",
                             [_span(t3, "مسلحون")]))
    d.events.append(Event("event-1", "ASSAULT", _span(t3, "اشتبك"), [_span(t3, "اشتبك مسلحون مع الجيش قرب درعا")],
                          actor="actor-1", place="place-1",
                          time={"value_start": "2024-06-01", "value_end": "2024-06-01"}))
    src = _span(t3, XSS_LINK)
    d.claims.append(Claim("claim-1", ClaimSource(src.start, src.end, src.text, None, "anonymous"),
                          _span(t3, "اشتبك"), "speculate", _span(t3, "<svg onload=alert(1)>")))
    docs.append(d)

    t4 = "قالت وزارة الدفاع التركية إنها أجرت محادثات مع وفد عراقي في أنقرة الشهر الماضي."
    d = Document("doc-4", t4, published="2023-12-20", title="محادثات في أنقرة", outlet="الوطن")
    _place(d, "place-1", "أنقرة", "Ankara", 39.9334, 32.8597, "TR", "Ankara")
    d.events.append(Event("event-1", "CONSULT", _span(t4, "محادثات"), [_span(t4, "أجرت محادثات مع وفد عراقي")],
                          place="place-1", time={"value_start": "2023-11-01", "value_end": "2023-11-30"}))
    docs.append(d)
    for d in docs:
        assert not d.check_spans() if hasattr(d, "check_spans") else True
    return docs


def dump_json(docs: list[Document]) -> str:
    return "\n".join(json.dumps(d.to_dict(), ensure_ascii=False) for d in docs)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, app) -> None:
        import uvicorn

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


# The columns rasid.crossdoc writes (its schema.py); used when it is not installed.
CROSSDOC_DDL = """
CREATE TABLE IF NOT EXISTS stories(id TEXT PRIMARY KEY, title TEXT, title_doc TEXT, title_sim REAL,
  date_start TEXT, date_end TEXT, n_docs INTEGER NOT NULL DEFAULT 0, centroid BLOB, places TEXT, actors TEXT,
  updated_at TEXT);
CREATE TABLE IF NOT EXISTS story_docs(story_id TEXT NOT NULL, doc_id TEXT PRIMARY KEY, score REAL, published TEXT);
CREATE TABLE IF NOT EXISTS merged_events(id TEXT PRIMARY KEY, type TEXT NOT NULL, cell TEXT NOT NULL,
  date_start TEXT, date_end TEXT, best_date TEXT, place_name TEXT, place_name_ar TEXT, lat REAL, lon REAL,
  country TEXT, admin1 TEXT, n_mentions INTEGER, outlets INTEGER, independent_sources INTEGER,
  contradicted INTEGER NOT NULL DEFAULT 0, earliest_doc TEXT, earliest_published TEXT, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS merged_mentions(merged_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL,
  outlet TEXT, published TEXT, stance TEXT, source_text TEXT, is_copy INTEGER, json TEXT NOT NULL,
  PRIMARY KEY (doc_id, event_id));
"""


def add_crossdoc(db: Path) -> Path:
    """Add a story (doc-1, doc-2) and two merged events as rasid.crossdoc would."""
    conn = sqlite3.connect(db)
    try:
        from rasid.store.crossdoc import ensure_schema
    except ImportError:
        conn.executescript(CROSSDOC_DDL)
    else:
        ensure_schema(conn)
    conn.execute("INSERT INTO stories(id, title, date_start, date_end, n_docs, centroid, places, actors) "
                 "VALUES ('s1', 'أحداث حلب وبغداد', '2024-03-04', '2024-05-10', 2, ?, '[\"Aleppo\"]', '[]')",
                 (b"\x00\x01",))
    conn.executemany("INSERT INTO story_docs(story_id, doc_id, score) VALUES (?,?,?)",
                     [("s1", "doc-1", 1.0), ("s1", "doc-2", 0.8)])
    conn.executemany(
        "INSERT INTO merged_events(id, type, cell, date_start, date_end, place_name, lat, lon, country, n_mentions,"
        " outlets, independent_sources, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [("m1", "ASSAULT", "c1", "2024-03-04", "2024-03-04", "Aleppo", 36.2, 37.13, "SY", 3, 2, 2, json.dumps({"a": 1})),
         ("m2", "PROTEST", "c2", "2024-05-10", "2024-05-10", "Baghdad", 33.3, 44.4, "IQ", 1, 1, 1, "{}")])
    conn.executemany("INSERT INTO merged_mentions(merged_id, doc_id, event_id, outlet, json) VALUES (?,?,?,?,?)",
                     [("m1", "doc-1", "event-1", "الوطن", "{}"), ("m2", "doc-2", "event-2", "الشرق", "{}")])
    conn.commit()
    conn.close()
    return db
