"""Per-document features computed ahead (``rasid ingest --workers``: in the
workers) give the same groups as computing them in the writer; features for
another content under the same id are not used."""

from __future__ import annotations

from articles import TEXT_A, TEXT_B, TEXT_C, TEXT_D, TEXT_E, TEXT_F

from rasid import crossdoc
from rasid.model.document import Document
from rasid.pipeline import Pipeline
from rasid.store import Store
from rasid.store.search_terms import doc_index_terms

RAW = [("a", "2024-03-12", TEXT_A), ("b", "2024-03-12", TEXT_B), ("c", "2024-03-13", TEXT_C),
       ("d", "2024-03-12", TEXT_D), ("e", "2024-03-13", TEXT_E), ("f", "2024-03-12", TEXT_F)]
TABLES = ("SELECT * FROM dup_groups ORDER BY doc_id", "SELECT * FROM dup_sigs ORDER BY doc_id",
          "SELECT story_id, doc_id, score FROM story_docs ORDER BY doc_id",
          "SELECT id, title, n_docs, centroid, terms, events FROM stories ORDER BY id",
          "SELECT id, n_mentions, json FROM merged_events ORDER BY id",
          "SELECT merged_id, doc_id, event_id, story_id, group_id FROM merged_mentions ORDER BY 2, 3",
          "SELECT doc_id, title, body FROM docs_fts ORDER BY doc_id")


def _dump(path, docs, features=None, terms=False):
    with Store(path) as st:
        for d in docs:
            st.add(d, terms=doc_index_terms(d) if terms else None)
        crossdoc.update(st, [st.get(d.id) for d in docs], features=features)
        return [[tuple(r) for r in st.conn.execute(q)] for q in TABLES]


def test_precomputed_features_give_the_same_groups(tmp_path):
    pipe = Pipeline.default()
    docs = [pipe(Document(id=i, text=t, published=p, outlet="o" + i)) for i, p, t in RAW]
    plain = _dump(tmp_path / "plain.db", docs)
    feats = {d.id: crossdoc.doc_features(Document.from_json(d.to_json())) for d in docs}
    assert all(f["hash"] for f in feats.values())
    assert _dump(tmp_path / "ahead.db", docs, feats, terms=True) == plain
    # features of another text under these ids are left aside
    other = {d.id: crossdoc.doc_features(Document(id=d.id, text=TEXT_A if d.id != "a" else TEXT_B))
             for d in docs}
    assert _dump(tmp_path / "stale.db", docs, other) == plain
    assert len(plain[2]) == len(docs)
