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
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable

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


@dataclass
class Pipeline:
    components: list[tuple[str, Component]] = field(default_factory=list)

    @classmethod
    def default(cls, only: Iterable[str] | None = None) -> "Pipeline":
        names = list(only) if only else list(DEFAULT_COMPONENTS)
        unknown = [n for n in names if n not in DEFAULT_COMPONENTS]
        if unknown:
            raise ValueError(f"unknown pipeline components: {', '.join(unknown)}")
        return cls([(n, load_component(DEFAULT_COMPONENTS[n])) for n in names])

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self.components]

    def __call__(self, doc: Document) -> Document:
        for name, comp in self.components:
            try:
                comp(doc)
            except Exception as exc:  # noqa: BLE001 - a stage bug must not lose the document
                log.warning("component %s failed on %s: %s: %s", name, doc.id, type(exc).__name__, exc)
                log.debug("traceback of the %s failure on %s", name, doc.id, exc_info=True)
                doc.warnings.append(f"{name}: {type(exc).__name__}: {exc}")
                doc.meta.setdefault("failed_stages", []).append(name)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterable[Document]:
        for d in docs:
            yield self(d)


_default: Pipeline | None = None


def analyze(doc: Document) -> Document:
    """Run the default pipeline over one document (components loaded once)."""
    global _default
    if _default is None:
        _default = Pipeline.default()
    return _default(doc)
