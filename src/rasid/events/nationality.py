"""Actor from a nationality adjective on a vehicle or strike noun.

"قصفت طائرة مسيرة أمريكية"، "غارة جوية إسرائيلية": when no actor mention names who
acted, a nationality adjective (rasid.actors nationalities.tsv) right after the
trigger, reached only through vehicle/strike nouns (data/actor_nouns.tsv), names
that country's forces. The entity is reused when the document has it, else added.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rasid.events.detect import Mention
from rasid.model.document import Document, Entity, Span
from rasid.text import fold
from rasid.text.tokens import proclitic_splits

MAX_NOUNS = 3  # vehicle/strike nouns between the trigger and the adjective


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    raw = resources.files("rasid.events").joinpath("data/actor_nouns.tsv").read_text(encoding="utf-8")
    return frozenset(fold(ln.strip()) for ln in raw.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """folded nationality adjective -> forces entry id."""
    raw = resources.files("rasid.actors").joinpath("data/nationalities.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for ln in raw.splitlines():
        if not ln.strip() or ln.startswith("#"):
            continue
        cols = ln.split("\t")
        if len(cols) < 5:
            continue
        for form in (cols[3] + "," + cols[4]).split(","):
            if form.strip():
                out[fold(form.strip())] = cols[1]
    return out


def _is_noun(norm: str) -> bool:
    return any(stem in _nouns() for _, stem in proclitic_splits(norm))


def adjective_actor(doc: Document, mt: Mention) -> Entity | None:
    """The forces named by a nationality adjective after the trigger, or None."""
    tokens = doc.tokens
    i = mt.hit.tok + mt.hit.ntok
    nouns = 0 if not mt.hit.entry.verb else -1  # after a verb, a noun must come first
    first = None
    while i < len(tokens) and tokens[i].end <= mt.clause.end:
        norm = tokens[i].norm
        if nouns >= 0 and norm in _adjectives():
            return _entity(doc, _adjectives()[norm], Span(first or tokens[i].start, tokens[i].end, ""))
        if not _is_noun(norm) or nouns >= MAX_NOUNS:
            return None
        first = first if first is not None else tokens[i].start
        nouns = max(nouns, 0) + 1
        i += 1
    return None


def _entity(doc: Document, entry_id: str, span: Span) -> Entity | None:
    from rasid.actors.dictionary import load_dictionary

    entry = load_dictionary().get(entry_id)
    if entry is None:
        return None
    mention = Span(span.start, span.end, doc.text[span.start:span.end])
    for e in doc.entities:
        if e.attrs.get("actor_id") == entry_id or (e.kind == entry.kind and e.name == entry.name):
            if not any(m.overlaps(mention) for m in e.mentions):
                e.mentions.append(mention)
                e.mentions.sort(key=lambda m: m.start)
            return e
    ent = Entity(
        doc.new_id("actor-", (e.id for e in doc.entities)), entry.kind, entry.name, entry.name_ar,
        [mention], attrs={**entry.attrs(), "descriptive": True, "found_by": "events"},
    )
    doc.entities.append(ent)
    return ent
