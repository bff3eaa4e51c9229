"""Analyse-and-store: documents in, a Rasid database with its cross-document groups out.

The library side of ``rasid ingest`` (a Python user ingests without the CLI)::

    from rasid.ingest import iter_documents
    from rasid.ingest.ingester import ingest_documents
    from rasid.store import Store

    with Store("rasid.db") as store:
        added, unchanged, errors = ingest_documents(store, iter_documents(["articles/"]))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from rasid.errors import InputError
from rasid.model.document import Document
from rasid.store import Store, content_hash

if TYPE_CHECKING:
    from rasid.pipeline import Pipeline

#: new documents handed to the cross-document stage at a time
CROSSDOC_BATCH = 200


class Ingester:
    """Analyse-and-store, one document at a time; call :meth:`finish` at the end.

    A document already stored unchanged is skipped before analysis. Each new
    document is committed on its own (an interrupted run keeps them); the
    cross-document groups (duplicates, stories, merged events) are updated at
    the end, in batches taken in the canonical order (publication date, then
    id) over every stored document not processed yet, so a resumed run gives
    the same groups as an uninterrupted one.
    """

    def __init__(self, store: Store, *, update_crossdoc: bool = True, parallel=None,
                 on_analysed: Callable[[Document], None] | None = None) -> None:
        self.store = store
        self.update_crossdoc = update_crossdoc
        self.pipeline: Pipeline | None = None  # made on the first document
        self.parallel = parallel  # a rasid.pipeline.parallel.ParallelAnalyzer, or None
        self.on_analysed = on_analysed
        self.added = self.unchanged = 0
        self._new: list[tuple[str | None, str]] = []  # (published, id) of the documents stored by this run
        self._vectors: dict = {}  # story embeddings the workers computed (document id -> vector)
        self._features: dict = {}  # cross-document features the workers computed (document id -> dict)

    def __call__(self, doc: Document) -> bool:
        if self.store.has(doc.id, content_hash(doc)):
            self.unchanged += 1
            return False
        if self.parallel is not None:  # analysed in the workers, stored here (one writer)
            for done in self.parallel.submit(doc):
                self._store(done, terms=self.parallel.pop_terms(done))
            self._vectors.update(self.parallel.pop_vectors())
            self._features.update(self.parallel.pop_features())
            return True
        if self.pipeline is None:
            from rasid.pipeline import Pipeline

            self.pipeline = Pipeline.default()
        return self._store(self.pipeline(doc), counted=True)

    def _store(self, doc: Document, counted: bool = False, terms: tuple[str, str] | None = None) -> bool:
        if self.on_analysed is not None and not counted:
            self.on_analysed(doc)
        if not self.store.add(doc, terms=terms):
            self.unchanged += 1
            return False
        self.added += 1
        self._new.append((doc.published, doc.id))
        return True

    def finish(self) -> None:
        """Update cross-document groups for the new documents, and for any
        stored document an interrupted earlier run left out of them."""
        if self.parallel is not None:
            parallel, self.parallel = self.parallel, None
            for done in parallel.finish():
                self._store(done, terms=parallel.pop_terms(done))
            self._vectors.update(parallel.pop_vectors())
            self._features.update(parallel.pop_features())
        if not self.update_crossdoc:
            return
        from rasid import crossdoc

        # new or changed documents, and any stored one an interrupted run left out
        todo = dict((d, p) for p, d in self._new)
        todo.update(self.store.documents_without_crossdoc())
        self._new = []
        order = sorted(todo, key=lambda d: crossdoc.sort_key(todo[d], d))
        for i in range(0, len(order), CROSSDOC_BATCH):
            docs = [self.store.get(d) for d in order[i:i + CROSSDOC_BATCH]]
            crossdoc.update(self.store, [d for d in docs if d is not None], vectors=self._vectors,
                            features=self._features)
        self._vectors = {}
        self._features = {}


def ingest_documents(
    store: Store, items: Iterable[Document | InputError], *, quiet: bool = False, update_crossdoc: bool = True,
    on_error: Callable[[InputError], None] | None = None,
) -> tuple[int, int, int]:
    """Analyse and store ``items``; returns (added, unchanged, input errors).
    ``on_error`` is told of each input error (unless ``quiet``)."""
    ing = Ingester(store, update_crossdoc=update_crossdoc)
    errors = 0
    for item in items:
        if isinstance(item, InputError):
            errors += 1
            if not quiet and on_error is not None:
                on_error(item)
            continue
        ing(item)
    ing.finish()
    return ing.added, ing.unchanged, errors


def delete_document(store: Store, doc_id: str) -> None:
    """Remove a stored document, its annotations and its place in the
    cross-document groups (which are recomputed without it)."""
    from rasid import crossdoc

    store.delete(doc_id)
    crossdoc.forget(store, doc_id)
