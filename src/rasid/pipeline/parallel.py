"""Analyse documents on several processes or a Dask cluster (optional extra).

``rasid analyze --workers N`` and ``rasid ingest --workers N`` run the default
pipeline on N local processes through ``dask.bag``; ``--scheduler ADDRESS``
sends the work to a running ``dask.distributed`` scheduler instead
(``dask scheduler`` / ``dask worker ADDRESS`` start one). Documents are sent in
batches and come back in input order, so output files are identical to a
single-process run. Each worker loads the pipeline once.

Needs the ``dask`` extra: ``pip install 'rasid[dask]'``.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Any, Iterator

from rasid.errors import RasidError
from rasid.model.document import Document


def _analyze_dict(d: dict[str, Any]) -> dict[str, Any]:
    from rasid.pipeline import analyze

    meta = d.pop("_source_path", None)
    doc = Document.from_dict(d)
    doc.source_path = meta
    out = analyze(doc).to_dict()
    out["_source_path"] = meta
    return out


class ParallelAnalyzer:
    """Feed documents with :meth:`submit`; analysed ones come back in order."""

    def __init__(self, workers: int = 2, scheduler: str | None = None, batch: int = 64) -> None:
        try:
            import dask.bag  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RasidError("parallel analysis needs the 'dask' extra: pip install 'rasid[dask]'") from exc
        self.workers = max(1, workers)
        self.batch = max(batch, self.workers)
        self._pending: list[Document] = []
        self._client = None
        self._pool = None
        if scheduler:
            from distributed import Client

            try:
                self._client = Client(scheduler, timeout="10s")
            except OSError as exc:
                raise RasidError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from exc
        else:
            self._pool = ProcessPoolExecutor(self.workers)

    def submit(self, doc: Document) -> list[Document]:
        self._pending.append(doc)
        return self._run() if len(self._pending) >= self.batch else []

    def finish(self) -> list[Document]:
        try:
            return self._run()
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None

    def _run(self) -> list[Document]:
        import dask.bag as db

        docs, self._pending = self._pending, []
        if not docs:
            return []
        payload = []
        for d in docs:
            rec = d.to_dict()
            rec["_source_path"] = d.source_path
            payload.append(rec)
        bag = db.from_sequence(payload, npartitions=min(len(payload), self.workers * 2)).map(_analyze_dict)
        if self._client is not None:
            results = self._client.compute(bag).result()
        else:
            results = bag.compute(scheduler="processes", pool=self._pool)
        out = []
        for r in results:
            path = r.pop("_source_path", None)
            doc = Document.from_dict(r)
            doc.source_path = path
            out.append(doc)
        return out


def analyze_parallel(docs: list[Document], workers: int = 2, scheduler: str | None = None) -> Iterator[Document]:
    """Analyse ``docs`` in parallel, yielding them in input order."""
    pa = ParallelAnalyzer(workers, scheduler)
    try:
        for d in docs:
            yield from pa.submit(d)
        yield from pa.finish()
    finally:
        pa.close()
