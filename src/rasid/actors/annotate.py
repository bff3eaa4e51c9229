"""The actors stage: candidates -> selection -> entities (see package docstring)."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rasid.actors.dictionary import ActorEntry, load_dictionary
from rasid.actors.match import Candidate, descriptive_candidates, dictionary_candidates, weak_ok
from rasid.actors.people import (
    PersonMention, Tok, find_role, names_after_titles, names_from_ner, romanize, common_words,
)
from rasid.model.document import Document, Entity, Span
from rasid.text import fold, fold_key, proclitic_splits

log = logging.getLogger(__name__)

PREFIX = {"actor": "actor-", "organization": "org-", "outlet": "outlet-", "person": "person-"}
_SOURCE_RANK = {"dictionary": 0, "descriptive": 1}
_MODE_RANK = {"strong": 0, "weak": 1, "anaphoric": 2, "descriptive": 3, "plural": 4}


@lru_cache(maxsize=1)
def _metonyms() -> dict[str, str]:
    raw = resources.files("rasid.actors").joinpath("data/metonyms.tsv").read_text(encoding="utf-8")
    out = {}
    for ln in raw.splitlines():
        if ln.strip() and not ln.startswith("#"):
            name, eid = ln.split("\t")[:2]
            out[fold_key(name)] = eid.strip()
    return out


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def select(cands: list[Candidate], places: list[tuple[int, int]]) -> list[Candidate]:
    """Longest non-overlapping candidates; a candidate may contain a place only
    when it is a multi-word name (قوات سوريا الديمقراطية contains سوريا)."""
    order = sorted(cands, key=lambda c: (-c.length, _SOURCE_RANK[c.source], _MODE_RANK[c.mode], c.start))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in order:
        if _overlaps((c.start, c.end), taken):
            continue
        clash = [(s, e) for s, e in places if c.start < e and s < c.end]
        if clash:
            contains = all(c.start <= s and e <= c.end and (e - s) < c.length for s, e in clash)
            if not (contains and c.words >= 2):
                continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _anaphora_filter(chosen: list[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for c in chosen:
        if c.mode == "anaphoric" and c.entry_id not in seen:
            continue
        if c.mode != "anaphoric":
            seen.add(c.entry_id)
        out.append(c)
    return out


@dataclass
class _Group:
    entry: ActorEntry | None
    kind: str
    name: str
    name_ar: str
    mentions: list[Span] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)


def _ner_tokens(doc: Document) -> list[list[Tok]]:
    """Sentences as NER tokens tagged by the packaged model (untagged when it is missing)."""
    from rasid.actors.ner import default_tagger, tokenize_for_ner

    tagger = default_tagger()
    out = []
    for sent in doc.sentences:
        raw = tokenize_for_ner(doc.text, sent.start, sent.end)
        toks = [Tok(s, e, t, fold(t)) for s, e, t in raw]
        if tagger is not None and toks:
            try:
                for t, tag in zip(toks, tagger.tag([t.text for t in toks])):
                    t.tag = tag
            except Exception:  # noqa: BLE001 - a tagger problem must not lose the stage
                log.exception("NER tagging failed")
        out.append(toks)
    return out


def _surname_mentions(doc: Document, person: _Group, words: list[str], taken: list[tuple[int, int]]) -> list[Span]:
    """Later mentions of the surname (or of a one-word name) after the first mention."""
    if not words:
        return []
    targets = {words[-1]} if len(words[-1]) >= 3 and words[-1] not in common_words() else set()
    if not targets:
        return []
    first = min(m.start for m in person.mentions)
    out = []
    for tok in doc.tokens:
        if tok.start <= first:
            continue
        for pre, stem in proclitic_splits(tok.norm):
            if stem in targets and pre in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول"):
                s = tok.start + _text_len_of_prefix(tok.text, len(pre))
                sp = (s, tok.end)
                if not _overlaps(sp, taken) and not any(m.start <= s < m.end for m in person.mentions):
                    out.append(doc.span(*sp))
                break
    return out


def _text_len_of_prefix(text: str, n_folded: int) -> int:
    """Characters of ``text`` that fold to its first ``n_folded`` folded characters."""
    if n_folded == 0:
        return 0
    count = 0
    for i, c in enumerate(text):
        if fold(c):
            count += 1
        if count == n_folded:
            j = i + 1
            while j < len(text) and not fold(text[j]):
                j += 1
            return j
    return len(text)


def annotate(doc: Document) -> None:
    """Add actor, organization, outlet and person entities to ``doc``."""
    d = load_dictionary()
    view = doc.view
    place_ents = [e for e in doc.entities if e.kind == "place"]
    place_spans = [(m.start, m.end) for e in place_ents for m in e.mentions]

    cands = dictionary_candidates(view) + descriptive_candidates(view)
    cands = [c for c in cands if c.mode != "weak" or weak_ok(view, doc.text, c)]
    chosen = _anaphora_filter(select(cands, place_spans))

    groups: dict[str, _Group] = {}
    order: list[str] = []

    def group_for(entry: ActorEntry) -> _Group:
        if entry.id not in groups:
            groups[entry.id] = _Group(entry, entry.kind, entry.name, entry.name_ar, attrs=entry.attrs())
            order.append(entry.id)
        return groups[entry.id]

    for c in chosen:
        entry = d.get(c.entry_id)
        if entry is None or entry.kind == "block":
            continue
        g = group_for(entry)
        g.mentions.append(doc.span(c.start, c.end))
        if c.source == "descriptive":
            g.attrs.setdefault("descriptive", True)

    # metonyms marked by the places stage
    meto = _metonyms()
    for pe in place_ents:
        if not (pe.place and pe.place.metonym):
            continue
        for m in pe.mentions:
            key = fold_key(m.text)
            eid = meto.get(key) or next((meto[s] for p, s in proclitic_splits(key) if s in meto), None)
            entry = d.get(eid)
            if entry is None:
                continue
            g = group_for(entry)
            g.mentions.append(Span(m.start, m.end, m.text))
            g.attrs["metonym_of"] = pe.id

    taken = place_spans + [(m.start, m.end) for g in groups.values() for m in g.mentions]

    # people
    sentences = _ner_tokens(doc)
    pms: list[PersonMention] = []
    for sent, toks in zip(doc.sentences, sentences):
        found = names_after_titles(toks, taken)
        for pm in found:
            find_role(doc.text, pm, (sent.start, sent.end))
        pms += found
        taken_here = taken + [(p.start, p.end) for p in found]
        pms += names_from_ner(toks, taken_here)
    person_groups: list[tuple[_Group, list[str]]] = []
    for pm in sorted(pms, key=lambda p: p.start):
        pm.name_ar = doc.text[pm.start:pm.end]
        target = None
        for g, words in person_groups:
            if pm.tokens == words or (len(pm.tokens) < len(words) and all(w in words for w in pm.tokens)):
                target = g
                break
        if target is None:
            entry = d.lookup(pm.name_ar)
            if entry is not None and entry.kind == "person":
                target = group_for(entry)
                person_groups.append((target, [fold(w) for w in entry.name_ar.split()]))
            else:
                target = _Group(None, "person", romanize(pm.name_ar), pm.name_ar,
                                attrs={"type": "person", "source": pm.source, "confidence": pm.confidence})
                person_groups.append((target, pm.tokens))
                groups[f"_p{len(person_groups)}"] = target
                order.append(f"_p{len(person_groups)}")
        target.mentions.append(doc.span(pm.start, pm.end))
        if pm.title and "title" not in target.attrs:
            target.attrs.update(title=pm.title, title_en=pm.title_en)
        if pm.role and "role" not in target.attrs:
            target.attrs["role"] = pm.role
            target.attrs["role_span"] = list(pm.role_span) if pm.role_span else None
            aff = _affiliation(groups, pm.role_span)
            if aff:
                target.attrs["affiliation"] = aff
        taken.append((pm.start, pm.end))
    # dictionary people count too (for surname links)
    for eid, g in list(groups.items()):
        if g.entry is not None and g.entry.kind == "person" and all(g is not pg for pg, _ in person_groups):
            person_groups.append((g, [fold(w) for w in g.entry.name_ar.split()]))
    for g, words in person_groups:
        if len(words) >= 2:
            extra = _surname_mentions(doc, g, words, taken)
            g.mentions += extra
            taken += [(m.start, m.end) for m in extra]

    _emit(doc, [groups[k] for k in order])


def _affiliation(groups: dict[str, _Group], span: tuple[int, int] | None) -> str | None:
    if not span:
        return None
    for g in groups.values():
        if g.entry is None or g.kind == "person":
            continue
        if any(span[0] <= m.start and m.end <= span[1] for m in g.mentions):
            return g.entry.id
    return None


def _emit(doc: Document, groups: list[_Group]) -> None:
    existing = {e.id for e in doc.entities}
    for g in groups:
        if not g.mentions:
            continue
        mentions = sorted({(m.start, m.end): m for m in g.mentions}.values(), key=lambda m: m.start)
        eid = doc.new_id(PREFIX[g.kind], existing)
        existing.add(eid)
        doc.entities.append(Entity(id=eid, kind=g.kind, name=g.name, name_ar=g.name_ar,
                                   mentions=[Span(m.start, m.end, doc.text[m.start:m.end]) for m in mentions],
                                   attrs=dict(g.attrs)))
