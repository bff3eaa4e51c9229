"""Pipeline stage: actors, organisations, outlets and people.

Runs after ``places``. Adds entities of kind actor / organization / outlet /
person (ids actor-N, org-N, outlet-N, person-N) with English and Arabic names,
every mention, and attrs (dictionary id, type, country, parent, PLOVER sector,
ACLED inter code; title and role for people). Sources, in order of trust:
the actor dictionary (data/actors.yaml), descriptive phrases (القوات
الأمريكية), metonyms marked by the places stage (واشنطن), names after titles,
and the CRF NER model for names and organisations not in any list.
"""

from __future__ import annotations

from rasid.actors.annotate import annotate
from rasid.actors.dictionary import ActorEntry, load_dictionary
from rasid.model.document import Document, Entity

ACTOR_KINDS = ("actor", "organization", "outlet", "person")


def entity_at(doc: Document, start: int, end: int) -> Entity | None:
    """The actor/organization/outlet/person entity with a mention overlapping [start, end)
    (the longest such mention wins); for claim sources and event arguments."""
    best: tuple[int, Entity] | None = None
    for e in doc.entities:
        if e.kind not in ACTOR_KINDS:
            continue
        for m in e.mentions:
            if m.start < end and start < m.end and (best is None or m.end - m.start > best[0]):
                best = (m.end - m.start, e)
    return best[1] if best else None


def lookup(surface: str) -> ActorEntry | None:
    """The dictionary entry for an alias (folded match), or None."""
    return load_dictionary().lookup(surface)


__all__ = ["ACTOR_KINDS", "annotate", "entity_at", "lookup"]
