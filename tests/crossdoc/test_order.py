"""Issue 20 item 5: the cross-document groups do not depend on the order or
the batches the documents came in (canonical order, processed documents sent
back through when an older one arrives)."""

from __future__ import annotations

from articles import mayadin_doc, strike_docs

from rasid import crossdoc
from rasid.store import Store


def _partitions(st: Store) -> dict[str, set[frozenset]]:
    def groups(sql: str) -> set[frozenset]:
        by: dict[str, set] = {}
        for k, m in st.conn.execute(sql):
            by.setdefault(k, set()).add(m)
        return {frozenset(v) for v in by.values()}

    return {"stories": groups("SELECT story_id, doc_id FROM story_docs"),
            "merged": groups("SELECT merged_id, doc_id || '/' || event_id FROM merged_mentions"),
            "dups": groups("SELECT group_id, doc_id FROM dup_groups")}


def _run(batches: list[list[int]]) -> tuple[dict, dict, dict]:
    docs = strike_docs() + [mayadin_doc()]
    with Store(":memory:") as st:
        for d in docs:
            st.add(d)
        for b in batches:
            crossdoc.update(st, [docs[i] for i in b])
        ids = {r[0]: r[1] for r in st.conn.execute("SELECT doc_id, story_id FROM story_docs")}
        merged = {(r[0], r[1]): r[2] for r in st.conn.execute("SELECT doc_id, event_id, merged_id FROM merged_mentions")}
        return _partitions(st), ids, merged


def test_groups_and_ids_do_not_depend_on_arrival_order():
    n = len(strike_docs()) + 1
    once = _run([list(range(n))])
    backwards = _run([[i] for i in reversed(range(n))])
    mixed = _run([[3, 1], [5], [0, 6, 2], [4]])
    assert backwards == once
    assert mixed == once


def test_documents_in_publication_order_send_nothing_back(monkeypatch):
    calls = []
    orig = crossdoc._forget
    monkeypatch.setattr(crossdoc, "_forget", lambda conn, doc_id: (calls.append(doc_id), orig(conn, doc_id)))
    docs = sorted(strike_docs() + [mayadin_doc()], key=lambda d: crossdoc.sort_key(d.published, d.id))
    with Store(":memory:") as st:
        for d in docs:
            st.add(d)
        for d in docs:
            crossdoc.update(st, [d])
    assert calls == []
