"""The read model's per-version caches (event counts, search results, cross-document
pages and the merged list's ordered ids) give what a fresh connection gives, before and
after the database changes."""

from __future__ import annotations

import sqlite3

from webstore import add_crossdoc, build_db, sample_docs

from rasid.store import Store
from rasid.store.queries import Database, EventFilter


def _answers(db: Database) -> dict:
    return {
        "events": db.events(EventFilter(), limit=20),
        "events_sy": db.events(EventFilter(country="SY"), limit=20),
        "search": db.search("حلب", 10),
        "search_none": db.search("بغداد", 10),
        "stories": db.table_rows("stories", {}, 50, 0, order="date_end"),
        "merged": db.table_rows("merged_events", {}, 50, 0, order="independent_sources",
                                only_ids=db.merged_report_ids(EventFilter(modality="asserted"))),
        "events_enriched": db.events(EventFilter(), limit=20, enrich=True),
        "precision": db.merged_precision(db.table_rows("merged_events", {}, 50, 0)[1]),
    }


def test_cached_answers_follow_the_database(tmp_path):
    docs = sample_docs()
    path = add_crossdoc(build_db(tmp_path / "rasid.db", docs[:1]))
    db = Database(path)
    first = _answers(db)
    assert first == _answers(db)  # the second time from the caches, the same answers
    assert first["events"][0] == 1 and first["search"] and first["stories"][0] == 1
    with Store(str(path)) as st:  # the database changes: every cache is read anew
        for d in docs[1:]:
            st.add(d)
    c = sqlite3.connect(path)
    c.execute("INSERT INTO stories(id, title, date_start, date_end, n_docs) VALUES ('s2', 't', '2024-06-01', "
              "'2024-06-02', 1)")
    c.commit()
    c.close()
    after = _answers(db)
    assert after == _answers(Database(path))
    assert after["events"][0] == len([e for d in docs for e in d.events])
    assert after["stories"][0] == 2 and after["stories"][1][0]["id"] == "s2"


def test_cached_rows_are_copies(tmp_path):
    path = add_crossdoc(build_db(tmp_path / "rasid.db", sample_docs()))
    db = Database(path)
    rows = db.table_rows("stories", {}, 50, 0, order="date_end")[1]
    hits = db.search("حلب", 10)
    rows[0]["added"] = 1
    hits[0]["snippet"] = "changed"
    assert "added" not in db.table_rows("stories", {}, 50, 0, order="date_end")[1][0]
    assert db.search("حلب", 10)[0]["snippet"] != "changed"


def test_few_report_ids_keep_the_merged_order(tmp_path):
    """A report filter keeping few merged events (an actor) picks them by their place in the
    ordered ids: the same rows, order and total as a pass over every id."""
    path = add_crossdoc(build_db(tmp_path / "rasid.db", sample_docs()))
    db = Database(path)
    total, rows = db.table_rows("merged_events", {}, 1000, 0, order="independent_sources")
    ids = [r["id"] for r in rows]
    assert total == len(ids) >= 2
    few = frozenset(ids[1::4]) | {"no-such-merged-event"}
    assert len(few) * 4 < len(ids) or len(ids) < 8
    got_total, got = db.table_rows("merged_events", {}, 1000, 0, order="independent_sources", only_ids=few)
    assert [r["id"] for r in got] == [i for i in ids if i in few]
    assert got_total == len(few) - 1
    many = frozenset(ids[::2])
    got_total, got = db.table_rows("merged_events", {}, 1000, 0, order="independent_sources", only_ids=many)
    assert [r["id"] for r in got] == ids[::2] and got_total == len(many)
