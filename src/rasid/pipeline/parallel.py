"""Analyse documents on several processes or a Dask cluster.

``rasid analyze --workers N`` and ``rasid ingest --workers N`` run the default
pipeline on N local processes (a :class:`~concurrent.futures.ProcessPoolExecutor`,
no extra needed): documents are sent one by one as they are read, at most
``WINDOW`` per worker in flight, and come back in input order, so output files
are identical to a single-process run while every core stays busy. The
pipeline is loaded once, in a fork server the workers are forked from (where
the platform has one; else each worker loads it), and each worker limits its
BLAS/OpenMP pools to one thread (N workers on N cores must not start N x N
threads).

``--scheduler ADDRESS`` sends the work in batches to a running
``dask.distributed`` scheduler instead (``dask scheduler`` / ``dask worker
ADDRESS`` start one); that path needs the ``dask`` extra:
``pip install 'rasid[dask]'``.
"""

from __future__ import annotations

import collections
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Iterator

from rasid import lang
from rasid.errors import RasidError
from rasid.model.document import Document


#: documents in flight per local worker (keeps the pool busy while the reader works)
WINDOW = 4


#: the module the fork server imports before forking the workers (it calls :func:`warm_up`)
PRELOAD = "rasid.pipeline._preload"

_warm = False


def _one_thread() -> None:
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except Exception:  # noqa: BLE001 - only a performance setting
        pass


def warm_up() -> None:
    """One BLAS/OpenMP thread; the default pipeline loaded (it analyses the warm-up
    sentence). Once per process: a worker forked from a warmed-up fork server
    finds it done. Never raises (a failure shows when a document is analysed)."""
    global _warm
    _one_thread()
    if _warm:
        return
    try:
        from rasid.pipeline import analyze

        (_, sentence), = lang.lines("pipeline/data/warmup.txt")
        analyze(Document(id="warm-up", text=sentence))
    except Exception:  # noqa: BLE001 - the worker reports it on its first document
        return
    _warm = True


def _init_worker() -> None:
    """One BLAS/OpenMP thread per worker process; the pipeline loaded up front
    (already, when the worker was forked from the warmed-up fork server)."""
    warm_up()


def _context():
    """The local workers' start method: a fork server where the platform has one
    (it imports and warms up the pipeline once, :data:`PRELOAD`; each worker is
    forked from it, no threads or database handles of this process inherited),
    else fresh interpreters (``spawn``), each loading the pipeline itself."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([PRELOAD])  # used when the server starts (once per process)
        return ctx
    return multiprocessing.get_context("spawn")


def _analyze_dict(d: dict[str, Any], story_vector: bool = False) -> dict[str, Any]:
    from rasid.pipeline import analyze

    meta = d.pop("_source_path", None)
    doc = Document.from_dict(d)
    doc.source_path = meta
    res = analyze(doc)
    out = res.to_dict()
    out["_source_path"] = meta
    if story_vector:  # for ``rasid ingest``: computed here rather than in the one writer
        from rasid.embed import doc_vector
        from rasid.store.search_terms import doc_index_terms

        out["_story_vector"] = doc_vector(doc.title, doc.text)  # the cross-document stage's embedding
        from rasid.crossdoc import doc_features

        out["_index_terms"] = doc_index_terms(res)  # the store's full-text terms
        # the cross-document stage's per-document features, from the document as it will be read back
        out["_crossdoc"] = doc_features(Document.from_json(res.to_json()))
    return out


def _analyze_dict_vec(d: dict[str, Any]) -> dict[str, Any]:
    return _analyze_dict(d, story_vector=True)


class ParallelAnalyzer:
    """Feed documents with :meth:`submit`; analysed ones come back in order."""

    def __init__(self, workers: int = 2, scheduler: str | None = None, batch: int = 64,
                 story_vectors: bool = False) -> None:
        self.workers = max(1, workers)
        #: also compute each document's story embedding in the workers (``rasid ingest``);
        #: they are handed out by :meth:`pop_vectors`
        self._fn = _analyze_dict_vec if story_vectors else _analyze_dict
        self._vectors: dict[str, Any] = {}
        self._terms: dict[str, tuple[str | None, str, tuple[str, str]]] = {}
        self._features: dict[str, dict] = {}
        self.batch = max(batch, self.workers)
        self._pending: list[Document] = []
        self._inflight: collections.deque[tuple[Document, Future]] = collections.deque()
        self._client = None
        self._pool = None
        if scheduler:
            try:
                import dask.bag  # noqa: F401
                from distributed import Client
            except ImportError as exc:  # pragma: no cover - depends on the install
                raise RasidError("a Dask scheduler needs the 'dask' extra: pip install 'rasid[dask]'") from exc
            try:
                self._client = Client(scheduler, timeout="10s")
            except OSError as exc:
                raise RasidError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from exc
        else:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=_init_worker)

    def submit(self, doc: Document) -> list[Document]:
        """Queue ``doc``; returns the documents finished meanwhile, in input order."""
        if self._client is not None:
            self._pending.append(doc)
            return self._run() if len(self._pending) >= self.batch else []
        assert self._pool is not None, "submit after close"
        self._inflight.append((doc, self._pool.submit(self._fn, _payload(doc))))
        out = []
        while len(self._inflight) > self.workers * WINDOW or (self._inflight and self._inflight[0][1].done()):
            out.append(self._collect())
        return out

    def finish(self) -> list[Document]:
        try:
            if self._client is not None:
                return self._run()
            out = [self._collect() for _ in range(len(self._inflight))]
            # nothing left in flight: the workers wind down (their models freed) while
            # the caller goes on (``rasid ingest``: the cross-document stage), not before
            self.close(wait=False)
            return out
        finally:
            self.close()

    def _collect(self) -> Document:
        doc, fut = self._inflight.popleft()
        try:
            return self._from_payload(fut.result())
        except Exception as exc:  # noqa: BLE001 - a worker failure loses only this document's analysis
            doc.warnings.append(f"pipeline: {type(exc).__name__}: {exc}")
            doc.meta.setdefault("failed_stages", []).append("pipeline")
            return doc

    def close(self, wait: bool = True) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None

    def _run(self) -> list[Document]:
        import dask.bag as db

        docs, self._pending = self._pending, []
        if not docs:
            return []
        payload = [_payload(d) for d in docs]
        bag = db.from_sequence(payload, npartitions=min(len(payload), self.workers * 2)).map(self._fn)
        assert self._client is not None
        return [self._from_payload(r) for r in self._client.compute(bag).result()]

    def _from_payload(self, rec: dict[str, Any]) -> Document:
        vec = rec.pop("_story_vector", None)
        terms = rec.pop("_index_terms", None)
        feats = rec.pop("_crossdoc", None)
        doc = _from_payload(rec)
        if feats is not None:
            self._features[doc.id] = feats
        if vec is not None:
            self._vectors[doc.id] = vec
        if terms is not None:
            self._terms[doc.id] = (doc.title, doc.text, tuple(terms))
        return doc

    def pop_vectors(self) -> dict[str, Any]:
        """The story embeddings computed so far (document id -> vector), handed over once."""
        out, self._vectors = self._vectors, {}
        return out

    def pop_features(self) -> dict[str, dict]:
        """The cross-document features computed so far (document id ->
        :func:`rasid.crossdoc.doc_features`), handed over once."""
        out, self._features = self._features, {}
        return out

    def pop_terms(self, doc: Document) -> tuple[str, str] | None:
        """The full-text index terms (title, body) a worker computed for ``doc``
        (handed over once), or None (not computed, or for another text under that id)."""
        got = self._terms.pop(doc.id, None)
        if got is None or got[0] != doc.title or got[1] != doc.text:
            return None
        return got[2]


def _payload(doc: Document) -> dict[str, Any]:
    rec = doc.to_dict()
    rec["_source_path"] = doc.source_path
    return rec


def _from_payload(rec: dict[str, Any]) -> Document:
    path = rec.pop("_source_path", None)
    doc = Document.from_dict(rec)
    doc.source_path = path
    return doc


def analyze_parallel(docs: list[Document], workers: int = 2, scheduler: str | None = None) -> Iterator[Document]:
    """Analyse ``docs`` in parallel, yielding them in input order."""
    pa = ParallelAnalyzer(workers, scheduler)
    try:
        for d in docs:
            yield from pa.submit(d)
        yield from pa.finish()
    finally:
        pa.close()
