"""The SQLite store: round trip, idempotence, replacement, search, migrations."""

from __future__ import annotations

import sqlite3

import pytest

from rasid.errors import StoreError
from rasid.model.document import (
    Claim, ClaimSource, Document, Entity, Event, PlaceInfo, Span, TimeExpr,
)
from rasid.store import SCHEMA_VERSION, Store

TEXT = (
    "قال مصدر محلي إن القوات الأميركية أرسلت رتلاً إلى ديرالزور أمس الخميس. "
    "وأضاف أن الرتل دخل من معبر الوليد."
)


def annotated() -> Document:
    d = Document(id="t1", text=TEXT, published="2024-03-15", outlet="صحيفة المثال", title="رتل أمريكي")
    i = TEXT.index("ديرالزور")
    d.entities.append(
        Entity("place-1", "place", "Deir ez-Zor", "دير الزور", [Span(i, i + 8, "ديرالزور")],
               PlaceInfo(35.33, 40.14, "SY", "city", 170063, 1))
    )
    a = TEXT.index("القوات الأميركية")
    d.entities.append(Entity("actor-1", "actor", "US forces", "القوات الأمريكية",
                             [Span(a, a + 16, "القوات الأميركية")], attrs={"actor_id": "usa_forces"}))
    t = TEXT.index("أمس الخميس")
    d.times.append(TimeExpr(t, t + 10, "أمس الخميس", "2024-03-14", "2024-03-14", "day"))
    s = TEXT.index("مصدر محلي")
    cstart = TEXT.index("القوات")
    d.claims.append(Claim("claim-1", ClaimSource(s, s + 9, "مصدر محلي", None, "anonymous"),
                          Span(0, 3, "قال"), "assert", Span(cstart, TEXT.index("."), "")))
    r = TEXT.index("أرسلت")
    d.events.append(Event("event-1", "MOBILIZE", Span(r, r + 5, "أرسلت"), [Span(0, TEXT.index(".") + 1, "")],
                          actor="actor-1", place="place-1",
                          time={"value_start": "2024-03-14", "value_end": "2024-03-14"}, claim="claim-1"))
    return d


def test_round_trip_and_tables():
    with Store(":memory:") as st:
        doc = annotated()
        assert st.add(doc) is True
        back = st.get("t1")
        assert back is not None and back.to_dict() == doc.to_dict()
        assert st.count("documents") == 1 and st.count("events") == 1 and st.count("mentions") == 2
        row = st.conn.execute("SELECT * FROM events").fetchone()
        assert row["place_name"] == "Deir ez-Zor" and row["lat"] == pytest.approx(35.33)
        assert row["actor_name"] == "US forces" and row["stance"] == "assert"
        assert row["source_text"] == "مصدر محلي" and row["date_start"] == "2024-03-14"
        assert st.schema_version == SCHEMA_VERSION


def test_re_adding_is_idempotent_and_changes_replace(tmp_path):
    db = tmp_path / "r.db"
    with Store(db) as st:
        assert st.add(annotated()) is True
        assert st.add(annotated()) is False
        assert st.count("documents") == 1 and st.count("events") == 1
        changed = annotated()
        changed.title = "عنوان آخر"
        assert st.add(changed) is True
        assert st.count("documents") == 1 and st.count("events") == 1 and st.count("docs_fts") == 1
    with Store(db) as st:  # reopen: nothing lost
        assert st.get("t1").title == "عنوان آخر"


@pytest.mark.parametrize(
    "query",
    ["دير الزور", "ديرالزور", "القوات الأمريكية", "الأميركية", "الوليد", "رتلا", "والرتل"],
)
def test_search_finds_spelling_variants(query):
    with Store(":memory:") as st:
        st.add(annotated())
        st.add(Document(id="other", text="اجتماع في بغداد لبحث الاقتصاد في سورية"))
        hits = st.search(query)
        assert [h["doc_id"] for h in hits] == ["t1"], query
        assert hits[0]["snippet"]


def test_search_country_variants_and_no_injection():
    with Store(":memory:") as st:
        st.add(Document(id="a", text="غارات على مواقع في سورية"))
        st.add(Document(id="b", text="وصل الوفد إلى سوريا أمس"))
        assert {h["doc_id"] for h in st.search("سوريا")} == {"a", "b"}
        assert {h["doc_id"] for h in st.search("سورية")} == {"a", "b"}
        assert st.search('" OR * NEAR(') == []
        assert st.search("   ") == []


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "n.db"
    Store(db).close()
    c = sqlite3.connect(db)
    c.execute("UPDATE schema_version SET version = 99")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_not_a_database(tmp_path):
    p = tmp_path / "junk.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(p)


def test_old_schema_is_migrated(tmp_path):
    """A version-1 file (as an older Rasid wrote it) is upgraded, data kept."""
    from rasid.store.migrations import MIGRATIONS

    db = tmp_path / "old.db"
    c = sqlite3.connect(db)
    c.executescript(MIGRATIONS[1])
    c.execute("INSERT INTO schema_version(version) VALUES (1)")
    c.commit()
    c.close()
    with Store(db) as st:
        assert st.schema_version == SCHEMA_VERSION
        st.add(annotated())
        names = {r[0] for r in st.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "events_type_date" in names
    with Store(db) as st:
        assert st.count("documents") == 1


def test_delete_removes_everything():
    with Store(":memory:") as st:
        st.add(annotated())
        st.add(Document(id="keep", text="نص آخر عن البوكمال"))
        st.delete("t1")
        assert st.get("t1") is None and st.get("keep") is not None
        for table in ("entities", "mentions", "times", "claims", "events"):
            assert st.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE doc_id='t1'").fetchone()[0] == 0
        assert st.search("ديرالزور") == [] and st.search("البوكمال")


def test_version_2_file_with_crossdoc_tables_is_migrated(tmp_path):
    """A version-2 file whose cross-document tables an older rasid.crossdoc made on
    first use (without their later columns) upgrades in place to version 3, rows kept."""
    from rasid import crossdoc
    from rasid.store.migrations import MIGRATIONS

    db = tmp_path / "v2.db"
    c = sqlite3.connect(db)
    c.executescript(MIGRATIONS[1] + MIGRATIONS[2])
    c.execute("INSERT INTO schema_version(version) VALUES (2)")
    c.executescript(  # the first crossdoc schema: no story_id/group_id, no anchors or terms
        "CREATE TABLE stories(id TEXT PRIMARY KEY, title TEXT, title_doc TEXT, title_sim REAL,"
        " date_start TEXT, date_end TEXT, n_docs INTEGER NOT NULL DEFAULT 0, centroid BLOB, places TEXT,"
        " actors TEXT, updated_at TEXT);"
        "CREATE TABLE merged_mentions(merged_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL,"
        " outlet TEXT, published TEXT, stance TEXT, source_text TEXT, is_copy INTEGER, json TEXT NOT NULL,"
        " PRIMARY KEY (doc_id, event_id));"
        "INSERT INTO stories(id, title, n_docs, date_start, date_end) VALUES ('s0', 'old', 1, '2024-01-01',"
        " '2024-01-01');")
    c.commit()
    c.close()
    with Store(db) as st:
        assert st.schema_version == SCHEMA_VERSION == 6
        cols = {r[1] for r in st.conn.execute("PRAGMA table_info(merged_mentions)")}
        assert {"story_id", "group_id"} <= cols
        cols = {r[1] for r in st.conn.execute("PRAGMA table_info(stories)")}
        assert {"anchor", "anchor_soft", "ev_start", "ev_end", "events", "terms"} <= cols
        assert [s["id"] for s in crossdoc.list_stories(st)] == ["s0"]
        st.add(annotated())
        crossdoc.update(st, [annotated()])
        assert st.documents_without_crossdoc() == []
        assert len(crossdoc.list_merged(st)) == 1
    with Store(db) as st:  # opening again changes nothing
        assert st.schema_version == SCHEMA_VERSION and len(crossdoc.list_stories(st)) == 2


def test_processes_opening_a_new_file_at_once_migrate_it_once(tmp_path):
    """Migrations run under the write lock: several connections creating the same new
    file at once all end at the current version (none fails on a half-made schema)."""
    import threading

    for i in range(5):
        db = tmp_path / f"new{i}.db"
        out: list[object] = []
        barrier = threading.Barrier(4)

        def open_it(db=db, out=out, barrier=barrier):
            barrier.wait()
            try:
                with Store(db) as st:
                    out.append(st.schema_version)
            except Exception as exc:  # the failure this test is about
                out.append(repr(exc))

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert out == [SCHEMA_VERSION] * 4
