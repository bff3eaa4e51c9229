"""Multi-outlet scenarios through the real pipeline, the store and crossdoc.update.

The articles (tests/crossdoc/scenarios.py) were written for these tests. Each
test checks what a reader of the merged events and stories must see: one
merged event for the happening, its outlets and independent sources, copies
counted once, a denial attached (``contradicted``), disagreeing counts kept.
"""

from __future__ import annotations

import pytest
import scenarios as S

from rasid import crossdoc
from rasid.ingest.ingester import ingest_documents
from rasid.store import Store


def _run(tmp_path, records):
    path = tmp_path / "s.db"
    with Store(path) as st:
        added, _, errors = ingest_documents(st, iter(S.documents(records)), quiet=True)
        assert (added, errors) == (len(records), 0)
        return crossdoc.list_merged(st.conn), crossdoc.list_stories(st.conn)


def _holding(events, doc_ids, type_):
    """Merged events of ``type_`` holding a mention of any of ``doc_ids``."""
    return [e for e in events if e["type"] == type_ and {m["doc_id"] for m in e["mentions"]} & set(doc_ids)]


def _story_of(stories, doc_id):
    return next(s["id"] for s in stories if doc_id in {a["doc_id"] for a in s["articles"]})


def test_drone_strike_near_mayadin_three_outlets_a_copy_an_official_and_a_denial(tmp_path):
    events, stories = _run(tmp_path, S.MAYADIN)
    ids = [r[0] for r in S.MAYADIN]
    strike = [e for e in _holding(events, ids, "ASSAULT") if e["best_place"] != "Iran"]
    assert len(strike) == 1, [(e["best_place"], [m["doc_id"] for m in e["mentions"]]) for e in strike]
    ev = strike[0]
    assert {m["doc_id"] for m in ev["mentions"]} == set(ids)
    assert ev["best_place"] == "Al-Mayadin" and ev["best_date"] == "2024-05-14"
    # the badiya, the town and the governorate are one place at three levels
    assert {"Al-Mayadin", "Al-Mayadin countryside", "Deir ez-Zor Governorate"} <= set(ev["places"])
    assert ev["outlets"] == 3 and ev["copies"] == 1  # وكالة الرافدين copied شبكة الفرات
    assert ev["independent_sources"] == 3  # the Observatory, local sources, a US official
    assert ev["contradicted"] is True and ev["outlets_denying"] == 1
    assert any("الباقر" in d or "Baqir" in d for d in ev["deniers"])
    assert [m["doc_id"] for m in ev["sides"]["deny"]] == ["m-e"]
    assert ev["counts"]["fatalities"] == [{"value": 4, "outlets": sorted(r[1] for r in S.MAYADIN[:4])}]
    assert all(m["outlet"] and m["stance"] and m["modality"] for m in ev["mentions"])
    assert len({_story_of(stories, i) for i in ids}) == 1


def test_us_convoy_toward_bukamal_and_qaim_told_by_five_outlets(tmp_path):
    events, stories = _run(tmp_path, S.CONVOY)
    ids = [r[0] for r in S.CONVOY]
    moves = _holding(events, ids, "MOBILIZE")
    assert len(moves) == 1, [(e["best_place"], [m["doc_id"] for m in e["mentions"]]) for e in moves]
    ev = moves[0]
    assert {m["doc_id"] for m in ev["mentions"]} == set(ids)
    assert ev["outlets"] == 5 and ev["independent_sources"] == 5 and ev["copies"] == 0
    assert ev["best_date"] == "2024-02-08" and ev["contradicted"] is False
    assert len({_story_of(stories, i) for i in ids}) == 1
    (story,) = [s for s in stories if s["n_articles"] == 5]
    assert story["event_date_start"] == story["event_date_end"] == "2024-02-08"


def test_daily_coalition_reports_of_different_days_are_different_stories(tmp_path):
    events, stories = _run(tmp_path, S.DAILY)
    ids = [r[0] for r in S.DAILY]
    assert len({_story_of(stories, i) for i in ids}) == 3
    for e in _holding(events, ids, "ASSAULT"):
        assert len({m["doc_id"] for m in e["mentions"]}) == 1, e["mentions"]
    assert sorted({s["anchor"] for s in stories}) == ["2024-06-02", "2024-06-03", "2024-06-04"]


def test_car_bomb_toll_disagreement_is_kept_not_averaged(tmp_path):
    events, stories = _run(tmp_path, S.BAB)
    ev = _holding(events, ["b-a", "b-b"], "ASSAULT")
    assert len(ev) == 1
    ev = ev[0]
    assert {m["doc_id"] for m in ev["mentions"]} == {"b-a", "b-b"}
    assert ev["counts_disagree"] is True
    assert [c["value"] for c in ev["counts"]["fatalities"]] == [4, 11]
    assert {m["doc_id"]: m["fatalities"] for m in ev["mentions"]} == {"b-a": 4, "b-b": 11}
    assert ev["outlets"] == 2 and ev["independent_sources"] == 2
    assert _story_of(stories, "b-a") == _story_of(stories, "b-b")


def test_one_source_relayed_by_three_papers_counts_once_and_the_denial_attaches(tmp_path):
    events, stories = _run(tmp_path, S.KAFR)
    ids = [r[0] for r in S.KAFR]
    ev = _holding(events, ids, "ASSAULT")
    assert len(ev) == 1
    ev = ev[0]
    assert {m["doc_id"] for m in ev["mentions"]} == set(ids)
    assert ev["outlets"] == 4  # three papers relaying the Observatory + a local network
    assert ev["independent_sources"] == 2  # the Observatory (3 outlets) and the activists
    top = ev["sources"][0]
    assert len(top["outlets"]) == 3 and ("المرصد" in top["source"] or "Observatory" in top["source"])
    assert ev["contradicted"] is True and ev["outlets_denying"] == 1
    assert len({_story_of(stories, i) for i in ids}) == 1


@pytest.mark.parametrize("records", [S.MAYADIN, S.KAFR])
def test_reingest_and_later_arrivals_keep_ids(tmp_path, records):
    """Ingesting the first articles, then the rest, gives the same ids as all at once."""
    path = tmp_path / "inc.db"
    docs = S.documents(records)
    with Store(path) as st:
        ingest_documents(st, iter(docs[:2]), quiet=True)
        ingest_documents(st, iter(docs[2:]), quiet=True)
        inc = {(m["doc_id"], m["event_id"]): e["id"] for e in crossdoc.list_merged(st.conn) for m in e["mentions"]}
        inc_st = {a["doc_id"]: s["id"] for s in crossdoc.list_stories(st.conn) for a in s["articles"]}
        ingest_documents(st, iter(docs), quiet=True)  # re-ingest: nothing changes
        again = {(m["doc_id"], m["event_id"]): e["id"] for e in crossdoc.list_merged(st.conn) for m in e["mentions"]}
        assert again == inc
    ev_ids = {inc[(r[0], "event-1")] for r in records}
    assert len(ev_ids) == 1
    assert len(set(inc_st.values())) == 1
