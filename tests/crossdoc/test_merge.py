"""One strike told by many outlets -> one merged event; unrelated strikes stay apart."""

from __future__ import annotations

from articles import mayadin_doc, strike_docs

from rasid import crossdoc
from rasid.crossdoc import list_merged


def _by_doc(events):
    return {m["doc_id"]: e for e in events for m in e["mentions"]}


def test_three_outlets_a_copy_and_a_denial_make_one_contradicted_event(conn):
    crossdoc.update(conn, strike_docs() + [mayadin_doc()])
    events = list_merged(conn)
    by_doc = _by_doc(events)
    bukamal = by_doc["a"]
    assert {m["doc_id"] for m in bukamal["mentions"]} == {"a", "b", "c", "d", "e"}
    assert sum(1 for e in events if e["place"]["name"] == "Al-Bukamal") == 1
    # the copy (d) keeps its outlet name but adds no outlet; the denier is counted apart
    assert bukamal["outlets"] == 3
    assert sorted(bukamal["outlet_names"]) == sorted(["وكالة الشرق", "صحيفة الفرات", "موقع البادية"])
    assert bukamal["outlets_denying"] == 1
    assert bukamal["copies"] == 1
    assert bukamal["independent_sources"] == 3
    assert bukamal["contradicted"] is True
    assert [m["doc_id"] for m in bukamal["sides"]["deny"]] == ["e"]
    assert {m["doc_id"] for m in bukamal["sides"]["assert"]} == {"a", "b", "c", "d"}
    assert bukamal["best_date"] == "2024-03-12"
    assert bukamal["place"]["lat"] == 34.4537
    assert bukamal["earliest_report"]["published"] == "2024-03-12"
    copy = next(m for m in bukamal["mentions"] if m["doc_id"] == "d")
    assert copy["is_copy"] is True and copy["outlet"] == "شبكة الخليج"
    deny = next(m for m in bukamal["mentions"] if m["doc_id"] == "e")
    assert deny["claim_source_text"] == "متحدث باسم التحالف الدولي" and deny["stance"] == "deny"


def test_unrelated_strike_same_day_elsewhere_stays_separate(conn):
    crossdoc.update(conn, strike_docs() + [mayadin_doc()])
    by_doc = _by_doc(list_merged(conn))
    assert by_doc["f"]["id"] != by_doc["a"]["id"]  # Idlib
    assert by_doc["g"]["id"] != by_doc["a"]["id"]  # same province, ~80 km away
    assert by_doc["f"]["contradicted"] is False and by_doc["f"]["outlets"] == 1
    assert len(list_merged(conn)) == 3


def test_incremental_one_by_one_gives_the_same_groups(conn):
    for d in strike_docs():
        crossdoc.update(conn, [d])
    by_doc = _by_doc(list_merged(conn))
    assert {m["doc_id"] for m in by_doc["a"]["mentions"]} == {"a", "b", "c", "d", "e"}
    assert by_doc["a"]["outlets"] == 3 and by_doc["a"]["contradicted"] is True


def test_copy_arriving_first_is_demoted_when_the_original_comes(conn):
    docs = {d.id: d for d in strike_docs()}
    docs["d"].published = "2024-03-13"  # the copy was published a day later...
    crossdoc.update(conn, [docs["d"]])  # ...but ingested first
    crossdoc.update(conn, [docs["a"], docs["b"]])
    ev = _by_doc(list_merged(conn))["a"]
    assert {m["doc_id"]: m["is_copy"] for m in ev["mentions"]} == {"a": False, "b": False, "d": True}
    assert ev["outlets"] == 2


def test_update_is_idempotent_and_reprocesses_changed_documents(conn):
    docs = strike_docs()
    crossdoc.update(conn, docs)
    before = list_merged(conn)
    crossdoc.update(conn, docs)
    assert list_merged(conn) == before
    assert conn.execute("SELECT COUNT(*) FROM merged_mentions").fetchone()[0] == 6
    changed = docs[4]  # the denial now asserts
    changed.events[0].modality = "asserted"
    changed.claims[0].stance = "assert"
    crossdoc.update(conn, [changed])
    ev = _by_doc(list_merged(conn))["a"]
    # the coalition now asserting an undated strike (a differently named attacker,
    # not in this story) is no longer this strike's denial, and not merged into it
    assert ev["contradicted"] is False and ev["outlets"] == 3
    assert "e" not in {m["doc_id"] for m in ev["mentions"]}
    assert conn.execute("SELECT COUNT(*) FROM merged_mentions").fetchone()[0] == 6


def test_forget_removes_a_document_everywhere(conn):
    crossdoc.update(conn, strike_docs())
    crossdoc.forget(conn, "e")
    ev = _by_doc(list_merged(conn))["a"]
    assert ev["contradicted"] is False
    assert "e" not in {m["doc_id"] for m in ev["mentions"]}
    for table in ("story_docs", "dup_groups", "merged_mentions", "crossdoc_docs"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table} WHERE doc_id='e'").fetchone()[0] == 0


def _add_event(doc, place_entity, trigger):
    from articles import _span

    from rasid.model.document import Event

    doc.entities.append(place_entity)
    trig = _span(doc.text, trigger)
    doc.events.append(Event(f"event-{len(doc.events) + 1}", "ASSAULT", trig, [trig], place=place_entity.id,
                            time={"value_start": "2024-03-12", "value_end": "2024-03-12"}))


def test_two_mentions_in_one_document_and_a_province_level_one_join(conn):
    from rasid.model.document import Entity, PlaceInfo

    docs = strike_docs()
    a = docs[0]
    region = Entity("place-9", "place", "Deir ez-Zor countryside", "ريف دير الزور", [],
                    PlaceInfo(35.34, 40.36, country="SY", feature="countryside", precision=2,
                                  admin1="Deir ez-Zor", gazetteer_id="sy-deir"))
    _add_event(a, region, "الغارات")
    same_place = Entity("place-8", "place", "Al-Bukamal", "البوكمال", [],
                        PlaceInfo(34.4537, 40.9187, country="SY", precision=1, admin1="Deir ez-Zor"))
    _add_event(a, same_place, "الضربات")
    f = docs[5]  # Idlib story: a province-level mention of Deir ez-Zor there stays apart
    _add_event(f, Entity("place-9", "place", "Deir ez-Zor countryside", "ريف دير الزور", [],
                         PlaceInfo(35.34, 40.36, country="SY", feature="countryside", precision=2,
                                  admin1="Deir ez-Zor", gazetteer_id="sy-deir")), "غارات")
    crossdoc.update(conn, docs)
    events = list_merged(conn)
    by_mention = {(m["doc_id"], m["event_id"]): e["id"] for e in events for m in e["mentions"]}
    assert by_mention[("a", "event-1")] == by_mention[("a", "event-2")] == by_mention[("a", "event-3")]
    assert by_mention[("f", "event-2")] != by_mention[("a", "event-1")]
    bukamal = next(e for e in events if e["id"] == by_mention[("a", "event-1")])
    assert bukamal["place"]["name"] == "Al-Bukamal"  # the best-supported, finest place
    assert bukamal["outlets"] == 3
