"""The analysis pipeline: a list of named components run over a Document.

Default order (each step reads what the earlier ones added):

1. ``places``  - gazetteer matching and disambiguation -> place entities
2. ``actors``  - actor dictionary, people and the NER model -> actor/person/
   organization/outlet entities (skips spans already taken by places, except
   metonyms such as واشنطن for the US government)
3. ``times``   - time expressions resolved against ``Document.published``
4. ``claims``  - attribution: source, cue, stance, content, chains
5. ``events``  - PLOVER events with arguments, modality and source claim

A component is any callable ``(Document) -> None`` that adds annotations in
place. A component that raises is reported as a warning on the document and
the pipeline goes on with the next one, so one bad article or one bug never
loses the rest of a run.

A per-document budget bounds the work on one document (settings, see
``rasid.settings``):

- ``max_doc_chars``: a longer text is analysed up to the last sentence end
  before the limit; the annotations of that prefix are exact offsets in the
  whole text, which is kept as it is. One warning says where it was cut.
- ``max_doc_seconds``: checked between stages; once a document has taken
  longer, its remaining stages are skipped with one warning
  (``doc.meta["skipped_stages"]``). A stage already running is not
  interrupted.

Both warnings start with ``budget:`` and are also in ``doc.meta["budget"]``.
"""

from __future__ import annotations

import importlib
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from rasid import settings
from rasid.model.document import Document

log = logging.getLogger(__name__)

Component = Callable[[Document], None]

#: name -> "module:function", in the order they run.
DEFAULT_COMPONENTS: dict[str, str] = {
    "places": "rasid.places:annotate",
    "actors": "rasid.actors:annotate",
    "times": "rasid.times:annotate",
    "claims": "rasid.claims:annotate",
    "events": "rasid.events:annotate",
}


def load_component(ref: str) -> Component:
    mod, _, attr = ref.partition(":")
    return getattr(importlib.import_module(mod), attr)


#: the collector's first threshold while documents are analysed (CPython's default is 700)
GC_GEN0 = 10000
_gc_tuned = False


def tune_gc() -> None:
    """Collector settings for analysing documents in a long-lived process; once per process.

    The stages keep large read-only tables (gazetteers, models, word lists) and
    per-word caches that grow as documents come; with CPython's default first
    threshold (700 allocations) the collector runs so often that its full
    collections, which walk all of them again, took about a tenth of the analysis
    time on the 392-article corpus. The young generation is collected every
    :data:`GC_GEN0` allocations instead. Garbage is still collected; no result
    depends on it. (``gc.freeze`` would save a little more but hides the frozen
    objects from ``gc.get_referrers``, which libraries such as hypothesis use.)"""
    global _gc_tuned
    if _gc_tuned:
        return
    import gc

    _gc_tuned = True
    g0, g1, g2 = gc.get_threshold()
    if 0 < g0 < GC_GEN0:
        gc.set_threshold(GC_GEN0, g1, g2)


@dataclass
class Pipeline:
    components: list[tuple[str, Component]] = field(default_factory=list)
    #: :func:`tune_gc` after the first document (the default pipeline does)
    batch_gc: bool = False

    @classmethod
    def default(cls, only: Iterable[str] | None = None) -> "Pipeline":
        names = list(only) if only else list(DEFAULT_COMPONENTS)
        unknown = [n for n in names if n not in DEFAULT_COMPONENTS]
        if unknown:
            raise ValueError(f"unknown pipeline components: {', '.join(unknown)}")
        return cls([(n, load_component(DEFAULT_COMPONENTS[n])) for n in names], batch_gc=True)

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self.components]

    def __call__(self, doc: Document) -> Document:
        max_chars = int(settings.get("max_doc_chars") or 0)
        max_seconds = float(settings.get("max_doc_seconds") or 0)
        target = doc
        if max_chars > 0 and len(doc.text) > max_chars:
            target = _prefix(doc, cut_point(doc.text, max_chars))
        began = time.monotonic()
        for i, (name, comp) in enumerate(self.components):
            if i and max_seconds > 0:
                spent = time.monotonic() - began
                if spent > max_seconds:
                    rest = self.names[i:]
                    doc.meta["skipped_stages"] = rest
                    _budget(doc, f"{spent:.1f} s spent; skipped stage(s) {', '.join(rest)} (setting max_doc_seconds)")
                    break
            try:
                comp(target)
            except Exception as exc:  # noqa: BLE001 - a stage bug must not lose the document
                log.warning("component %s failed on %s: %s: %s", name, doc.id, type(exc).__name__, exc)
                log.debug("traceback of the %s failure on %s", name, doc.id, exc_info=True)
                doc.warnings.append(f"{name}: {type(exc).__name__}: {exc}")
                doc.meta.setdefault("failed_stages", []).append(name)
        if target is not doc:
            doc.entities, doc.times, doc.claims, doc.events = target.entities, target.times, target.claims, target.events
            if doc.published is None:
                doc.published = target.published
        if self.batch_gc and not _gc_tuned:
            tune_gc()
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterable[Document]:
        for d in docs:
            yield self(d)


#: a sentence end: final punctuation (Arabic or Latin) or a line break
_SENTENCE_END = re.compile(r"[.!?\u061f\u06d4\n]")


def cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` to at most ``limit`` characters: after the last
    sentence end in the second half of the limit, else after the last space,
    else at ``limit``."""
    if len(text) <= limit:
        return len(text)
    head = text[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(head, limit // 2)]
    if ends:
        return ends[-1]
    space = head.rfind(" ", limit // 2)
    return space + 1 if space > 0 else limit


def _budget(doc: Document, msg: str) -> None:
    log.warning("budget: %s: %s", doc.id, msg)
    doc.warnings.append(f"budget: {msg}")
    doc.meta.setdefault("budget", []).append(msg)


def _prefix(doc: Document, cut: int) -> Document:
    """A document over the first ``cut`` characters of ``doc`` that shares its
    warnings and meta (offsets in it are offsets in ``doc``)."""
    part = Document(
        id=doc.id, text="", published=doc.published, title=doc.title, url=doc.url,
        outlet=doc.outlet, source_path=doc.source_path, warnings=doc.warnings, meta=doc.meta,
    )
    part.text = doc.text[:cut]  # exact characters: no normalisation of the prefix
    doc.meta["analysed_chars"] = cut
    _budget(doc, f"analysed the first {cut} of {len(doc.text)} characters (setting max_doc_chars)")
    return part


_default: Pipeline | None = None


def analyze(doc: Document) -> Document:
    """Run the default pipeline over one document (components loaded once)."""
    global _default
    if _default is None:
        _default = Pipeline.default()
    return _default(doc)
