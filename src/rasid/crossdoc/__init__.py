"""Across articles: near-duplicates, stories and merged events, kept in the store.

``update(store, docs)`` is called by ``rasid ingest`` after new analysed
documents were added to the store. It is incremental: each document is looked
up against what is already stored (LSH band table, stories active near its
date, merged events in its type/date/geo block) and nothing is recomputed.

Documents are processed in a canonical order (publication date, then id), so
the groups are a function of the stored documents, not of the batches or the
order they arrived in: a batch that brings documents older than some already
processed sends those back through with it (``_redo_from``; nothing when
documents arrive in publication order).

Steps per document, in that order:

1. :mod:`rasid.crossdoc.dedup`    near-duplicate group (a copy is never independent)
2. :mod:`rasid.crossdoc.merge`    which stories the document's event mentions already match
3. :mod:`rasid.crossdoc.stories`  story assignment (event date window, USE-m3 embedding of
                                  the whole story, entities, those event matches)
4. :mod:`rasid.crossdoc.merge`    each event mention joins a merged event or starts one

A document already processed with the same content is skipped; one whose
content changed is forgotten first and processed again.
"""

from __future__ import annotations

import hashlib
from typing import Iterable

import numpy as np

from rasid.crossdoc import dedup, lexical, merge, stories
from rasid.crossdoc.embed import doc_vector
from rasid.crossdoc.merge import EventMerger, list_merged
from rasid.crossdoc.mentions import Mention, mentions_of
from rasid.crossdoc.stories import StoryIndex, doc_anchor, list_stories
from rasid.model.document import Document
from rasid.store.crossdoc import CrossdocDB, ensure_schema, tables

__all__ = ["update", "forget", "sort_key", "list_stories", "list_merged", "mentions_of", "Mention", "ensure_schema"]

FLUSH_EVERY = 200  # documents between story write-backs inside one update
EMBED_BATCH = 64


def _content_hash(doc: Document) -> str:
    h = hashlib.sha1()
    for part in (doc.text, doc.title or "", doc.published or "", doc.outlet or "", str(len(doc.events))):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    for ev in doc.events:
        h.update(f"{ev.id}|{ev.type}|{ev.place}|{ev.time}|{ev.modality}|{ev.claim}".encode("utf-8"))
    return h.hexdigest()


def forget(store_or_conn, doc_id: str) -> None:
    """Remove one document from every cross-document table."""
    db = tables(store_or_conn)
    with db.transaction():
        _forget(db, doc_id)


def _forget(db: CrossdocDB, doc_id: str) -> None:
    merge.forget(db, doc_id)
    stories.forget(db, doc_id)
    dedup.forget(db, doc_id)
    db.forget_processed(doc_id)


def sort_key(published: str | None, doc_id: str) -> tuple[str, str]:
    """The canonical processing order: publication date, then id."""
    return (published or "9999", doc_id)


def _loader(store, db: CrossdocDB):
    """A function doc id -> stored Document (or None), or None when the
    documents cannot be read back (a bare connection without a ``documents`` table)."""
    get = getattr(store, "get", None)
    if callable(get):
        return get
    if not db.has_documents():
        return None

    def load(doc_id: str) -> Document | None:
        js = db.document_json(doc_id)
        return Document.from_json(js) if js else None
    return load


def _redo_from(db: CrossdocDB, start: tuple[str, str]) -> list[str]:
    """Processed documents that must be processed again so that the state is the
    one of processing every document in canonical order: those at or after
    ``start``, widened to earlier ones until no story has members on both
    sides (a story's aggregate cannot be taken apart; merged events and
    duplicate groups are recomputed from their remaining members)."""
    while True:
        ids = db.processed_from(start[0], start[1])
        if not ids:
            return []
        earliest = start
        for d, p in db.story_mates(ids):
            earliest = min(earliest, sort_key(p, d))
        if earliest == start:
            return ids
        start = earliest


def doc_features(doc: Document) -> dict:
    """What :func:`update` computes from one document alone (MinHash signature,
    duplicate keys, tf-idf terms), computed ahead (``rasid ingest --workers``
    computes it in the workers, next to the story embedding) and passed in
    ``features``; used only for a document with the same :func:`_content_hash`."""
    sig, n = dedup.signature(doc.text)
    return {"hash": _content_hash(doc), "dedup": (sig, n, dedup.doc_keys(doc.text, doc.entities)),
            "terms": lexical.term_vector(doc.title, doc.text)}


def update(store, docs: Iterable[Document], vectors: dict[str, np.ndarray] | None = None,
           features: dict[str, dict] | None = None) -> None:
    """Add analysed documents to the duplicate groups, stories and merged events.

    ``store`` is a :class:`rasid.store.Store`, a ``sqlite3.Connection`` or a
    :class:`rasid.store.crossdoc.CrossdocDB` (the SQL is in :mod:`rasid.store.crossdoc`). Runs in one write transaction (taken first, so two
    processes never process the same document twice).

    The result is a function of the processed documents, not of the order or
    the batches they came in: documents are processed in canonical order
    (:func:`sort_key`), and a document that comes before already processed
    ones sends those back through (with their stories), when the store can
    give them back (a ``Store``, or a connection with the ``documents``
    table). Documents arriving in publication order (a feed, an archive read
    in order, a resumed run) send nothing back.

    ``vectors`` (document id -> :func:`rasid.crossdoc.embed.doc_vector`) are
    story embeddings already computed, e.g. by the ingest workers; the others
    are computed here, one document at a time like the workers do, so the
    groups do not depend on where a vector was computed. ``features``
    (document id -> :func:`doc_features`) likewise.
    """
    db = tables(store)
    with db.write():
        _update(store, db, docs, vectors or {}, features or {})


def _update(store, db: CrossdocDB, docs: Iterable[Document], vectors: dict[str, np.ndarray],
            features: dict[str, dict]) -> None:
    todo: list[tuple[Document, str]] = []
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            continue
        seen.add(doc.id)
        h = _content_hash(doc)
        if db.processed_hash(doc.id) == h:
            continue
        todo.append((doc, h))
    if not todo:
        return
    load = _loader(store, db)
    if load is not None:
        start = min(sort_key(d.published, d.id) for d, _ in todo)
        for did in _redo_from(db, start):
            if did in seen:
                continue
            old = load(did)
            if old is not None:
                seen.add(did)
                todo.append((old, _content_hash(old)))
            else:  # no longer stored: leave the groups
                _forget(db, did)
    todo.sort(key=lambda t: sort_key(t[0].published, t[0].id))
    for doc, _ in todo:
        if db.is_processed(doc.id):
            _forget(db, doc.id)
    index = StoryIndex(db)
    merger = EventMerger(db)
    for at in range(0, len(todo), EMBED_BATCH):
        chunk = todo[at:at + EMBED_BATCH]
        feats = [_features(d, h, features) for d, h in chunk]
        dups = [dedup.add_document(db, d.id, d.text, d.published, d.outlet, d.entities, pre=f.get("dedup"))
                for (d, _), f in zip(chunk, feats)]
        copies = [None if r.original else dedup.original_of(db, r.group_id) for r in dups]
        # a copy that joins its original's story needs no embedding
        need = [i for i, ((d, _), c) in enumerate(zip(chunk, copies))
                if c is None or dups[i].siblings or index.copy_story(d, c, doc_anchor(d, mentions_of(d))) is None]
        vecs = {i: _vector(chunk[i][0], vectors) for i in need}
        for i, ((doc, h), dup) in enumerate(zip(chunk, dups)):
            ms = mentions_of(doc)
            links: dict[str, float] = {}
            denies: set[str] = set()
            # the article's own happening: the first event told in it
            first = min((m.evidence_start for m in ms if m.evidence_start is not None), default=None)
            for m in ms:
                m.group_id, m.is_copy = dup.group_id, not dup.original
                if i in vecs:  # not a copy placed with its original: which stories do its events join?
                    for sid_, sc in merger.stories_of(m, opening=m.evidence_start == first).items():
                        links[sid_] = max(links.get(sid_, -1.0), sc)
                        if m.stance == "deny":
                            denies.add(sid_)
            # a story holding another instance of its template is another happening
            avoid = {x for x in (index.story_of(d) for d in dup.siblings) if x}
            sid, _ = index.assign(doc, vecs.get(i), copy_of=copies[i], mentions=ms, links=links,
                                  denies=denies, avoid=avoid, keys=dup.keys, terms=feats[i].get("terms"))
            for m in ms:
                m.story_id = sid
                merger.add(m)
            merger.flush()
            db.mark_processed(doc.id, h, doc.published, doc.outlet)
        if (at // EMBED_BATCH) % max(1, FLUSH_EVERY // EMBED_BATCH) == 0:
            index.flush()
    index.flush()


def _features(doc: Document, h: str, features: dict[str, dict]) -> dict:
    f = features.get(doc.id)
    return f if f is not None and f.get("hash") == h else {}


def _vector(doc: Document, vectors: dict[str, np.ndarray]) -> np.ndarray:
    vec = vectors.get(doc.id)
    return vec if vec is not None else doc_vector(doc.title, doc.text)
