"""The actors stage: candidates -> selection -> entities (see package docstring)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rasid import lang
from rasid.actors.dictionary import ActorDictionary, ActorEntry, load_dictionary
from rasid.actors.forms import ARTICLE, CONJ, NISBA, forms
from rasid.actors.ner_features import lexicons
from rasid.actors.match import Candidate, descriptive_candidates, dictionary_candidates, metonyms, weak_ok
from rasid.actors.people import (
    PersonMention, Tok, common_words, compound_tails, connectors, find_role, given_names, name_words, speech_verbs, names_after_titles, names_from_ner, names_in_apposition, orgs_from_ner, romanize,
    names_before_roles, title_before,
)
from rasid.model.document import Document, Entity, Span
from rasid.text import fold, fold_key, proclitic_splits

log = logging.getLogger(__name__)

PREFIX = {"actor": "actor-", "organization": "org-", "outlet": "outlet-", "person": "person-"}
_SOURCE_RANK = {"dictionary": 0, "descriptive": 1}
_MODE_RANK = {"strong": 0, "weak": 1, "anaphoric": 2, "descriptive": 3, "plural": 4}
NATIONALITIES_FILE = "actors/data/nationalities.tsv"
#: proclitics before an indefinite group noun (وفصائل; data/forms.tsv).
_GROUP_NOUN_PROCLITICS = forms("group_noun")


@lru_cache(maxsize=1)
def _metonyms() -> dict[str, str]:
    return metonyms()


@lru_cache(maxsize=1)
def _metonym_government_by_country() -> dict[str, str]:
    """ISO2 -> government actor id (from nationalities.tsv)."""
    return {cols[0]: cols[2] for cols in lang.rows(NATIONALITIES_FILE, 6, min_cols=3) if cols[2]}


def _metonym_mentions(doc: Document) -> list[tuple[str, dict[str, Any] | None, list[Span]]]:
    """(place id, place info dict, metonym mentions) from the places stage's output."""
    out: list[tuple[str, dict[str, Any] | None, list[Span]]] = []
    for e in doc.entities:
        if e.kind != "place":
            continue
        info = e.place.to_dict() if e.place else None
        if e.place is not None and e.place.metonym:
            out.append((e.id, info, list(e.mentions)))
            continue
        idx = e.attrs.get("metonym_mentions") or []
        ms = [e.mentions[i] for i in idx if isinstance(i, int) and 0 <= i < len(e.mentions)]
        if ms:
            out.append((e.id, info, ms))
    for pd in doc.meta.get("place_metonyms") or []:
        try:
            ms = [Span.from_dict(m) for m in pd.get("mentions", [])]
        except (KeyError, TypeError, ValueError):
            continue
        ms = [m for m in ms if 0 <= m.start < m.end <= len(doc.text)]
        if ms:
            out.append((str(pd.get("id", "")), pd.get("place"), ms))
    return out


@lru_cache(maxsize=1)
def _group_nouns() -> frozenset[str]:
    return lang.words("actors/data/group_nouns.txt", fold=fold, allow_duplicates=True)


@lru_cache(maxsize=1)
def _indefinite_adjectives() -> frozenset[str]:
    """Indefinite nationality adjectives (nationalities.tsv column 5), folded."""
    out = set()
    for cols in lang.rows(NATIONALITIES_FILE, 6, min_cols=3):
        out.update(fold(w.strip()) for w in cols[4].split(",") if w.strip())
    return frozenset(out)


def _adjective_after_group_noun(text: str, m: Span) -> bool:
    """A metonym mention spelled like an indefinite adjective (سورية) right after an
    indefinite group noun (فصائل، جماعات، قوات ...) is that adjective."""
    if fold(m.text) not in _indefinite_adjectives():
        return False
    prev = re.search(r"([^\W_]+)\s+$", text[max(0, m.start - 40):m.start])
    if not prev:
        return False
    w = fold(prev.group(1))
    nouns = _group_nouns()
    return w in nouns or any(w.startswith(p) and w[len(p):] in nouns for p in _GROUP_NOUN_PROCLITICS)


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


def _anaphora_filter(chosen: list[Candidate], d: ActorDictionary) -> list[Candidate]:
    """Anaphoric aliases (التنظيم، النظام، الأسد) need a full mention of their entry, or of
    an entry that licenses them, somewhere in the document (a headline may come first)."""
    named = {c.entry_id for c in chosen if c.mode != "anaphoric"}
    out = []
    for c in chosen:
        if c.mode == "anaphoric":
            e = d.get(c.entry_id)
            if c.entry_id not in named and not (e and any(x in named for x in e.licensed_by)):
                continue
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
        out.append([Tok(s, e, t, fold(t)) for s, e, t in raw])
    if tagger is None:
        return out
    many = getattr(tagger, "tag_many_with_marginals", None)
    if many is not None:  # the document's sentences at once (a speed-up)
        try:
            for toks, (tags, probs) in zip(out, many([[t.text for t in toks] for toks in out]), strict=True):
                for t, tag, pr in zip(toks, tags, probs):
                    t.tag, t.prob = tag, pr
            return out
        except Exception:  # noqa: BLE001 - sentence by sentence below
            log.exception("NER tagging failed")
    for toks in out:
        if toks:
            try:
                tags, probs = tagger.tag_with_marginals([t.text for t in toks])
                for t, tag, pr in zip(toks, tags, probs):
                    t.tag, t.prob = tag, pr
            except Exception:  # noqa: BLE001 - a tagger problem must not lose the stage
                log.exception("NER tagging failed")
    return out


#: proclitics before a later surname mention ("" = none; data/forms.tsv).
_SURNAME_PROCLITICS = ("",) + forms("surname")


def _adjacent_known_person(doc: Document, groups: dict[str, _Group], pm: PersonMention) -> tuple[_Group, Span] | None:
    """A dictionary person mention that starts right after ``pm`` (one space apart)."""
    for g in groups.values():
        if g.entry is None or g.entry.kind != "person":
            continue
        for m in g.mentions:
            if 0 < m.start - pm.end <= 2 and not doc.text[pm.end:m.start].strip():
                return g, m
    return None


def _same_first_name(pm: PersonMention, g: _Group) -> bool:
    """The first name before a known surname fits the known person (same initial letter)."""
    first = romanize(pm.name_ar.split()[0]) if pm.name_ar.split() else ""
    return bool(first) and bool(g.name) and first[:1].lower() == g.name[:1].lower()


def _person_group(person_groups: list[tuple[_Group, list[str]]], tokens: list[str]) -> _Group | None:
    """The person whose name words are ``tokens`` or contain them all (a short mention)."""
    for g, words in person_groups:
        if tokens == words or (len(tokens) < len(words) and all(w in words for w in tokens)):
            return g
    return None


def _surname_mentions(doc: Document, person: _Group, words: list[str], taken: list[tuple[int, int]],
                      pers_starts: frozenset[int] = frozenset()) -> list[Span]:
    """Other mentions of the surname anywhere in the document (a headline may use it first)."""
    if not words:
        return []
    last = words[-1]
    ok = len(last) >= 3 and last not in compound_tails()
    targets = {last} if ok and not (len(words) >= 2 and words[-2] in connectors()) else set()
    if not targets:
        return []
    lex = lexicons()
    # a definite surname that is not a listed name (البحر، النور) may be a plain noun elsewhere
    strict = last in given_names()  # a given name as surname: the model's name tag is no evidence
    need_evidence = strict or last in common_words() or (person.entry is None and last.startswith(ARTICLE) and last not in lex.get("gaz_PER", ())
                     and last[2:] not in lex.get("gaz_PER", ()) and last[2:] not in name_words()
                     and not _nisba(last))
    out = []
    for tok in doc.tokens:
        if not tok.norm.endswith(last):
            continue  # (the stem of a split below is the end of the word)
        if any(m.start < tok.end and tok.start < m.end for m in person.mentions):
            continue
        for pre, stem in proclitic_splits(tok.norm):
            if stem in targets and pre in _SURNAME_PROCLITICS:
                if need_evidence and not _person_evidence(doc, tok, frozenset() if strict else pers_starts):
                    break  # "البحر" alone may be the sea
                s = tok.start + _text_len_of_prefix(tok.text, len(pre))
                sp = (s, tok.end)
                if not _overlaps(sp, taken) and not any(m.start <= s < m.end for m in person.mentions):
                    out.append(doc.span(*sp))
                break
    return out


def _nisba(w: str) -> bool:
    """A nisba surname (الحمادي، الطلاع is not): ends in ي after the article."""
    return w.endswith(NISBA) and len(w) > 4


def _person_evidence(doc: Document, tok: Any, pers_starts: frozenset[int]) -> bool:
    """The model tags the word as a name, or a speech verb comes just before it."""
    if any(tok.start <= p < tok.end for p in pers_starts):
        return True
    prev = re.findall(r"[^\W_]+", doc.text[max(0, tok.start - 20):tok.start])
    if not prev:
        return False
    w = fold(prev[-1])
    verbs = speech_verbs()
    return w in verbs or (w[:1] in CONJ and w[1:] in verbs)


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


@dataclass
class _State:
    """What the steps of :func:`annotate` build together.

    ``groups`` (key -> group, in creation order ``order``) become the entities;
    ``taken`` holds the spans no later mention may overlap (places, then every
    accepted mention); ``person_groups`` pairs each person with its folded name
    words, for linking short mentions."""

    doc: Document
    dictionary: ActorDictionary
    groups: dict[str, _Group] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)
    person_groups: list[tuple[_Group, list[str]]] = field(default_factory=list)

    def group_for(self, entry: ActorEntry) -> _Group:
        """The group of a dictionary entry (created on first use)."""
        if entry.id not in self.groups:
            self.add(entry.id, _Group(entry, entry.kind, entry.name, entry.name_ar, attrs=entry.attrs()))
        return self.groups[entry.id]

    def add(self, key: str, group: _Group) -> None:
        self.groups[key] = group
        self.order.append(key)


def annotate(doc: Document) -> None:
    """Add actor, organization, outlet and person entities to ``doc``.

    1. dictionary aliases and descriptive phrases, longest first, not inside a
       place name (:func:`_dictionary_step`);
    2. metonyms the places stage marked (واشنطن -> the US government;
       :func:`_metonym_step`);
    3. people named after titles, before roles and by the NER model, linked to
       a known person or a new one (:func:`_people_step`);
    4. titles written before known people and later surname mentions
       (:func:`_surname_step`);
    5. organisations only the NER model knows (:func:`_ner_org_step`);
    6. one entity per group with mentions (:func:`_emit`).
    """
    st = _State(doc, load_dictionary())
    metonyms = _metonym_mentions(doc)
    place_spans = [(m.start, m.end) for e in doc.entities if e.kind == "place" for m in e.mentions]
    place_spans += [(m.start, m.end) for _, _, ms in metonyms for m in ms]
    chosen = _dictionary_step(st, place_spans)
    _metonym_step(st, metonyms, [(c.start, c.end) for c in chosen])
    st.taken = place_spans + [(m.start, m.end) for g in st.groups.values() for m in g.mentions]
    sentences = _ner_tokens(doc)
    _people_step(st, sentences)
    pers_starts = frozenset(t.start for toks in sentences for t in toks if t.tag.endswith("PERS"))
    _surname_step(st, pers_starts)
    _ner_org_step(st, sentences)
    _emit(doc, [st.groups[k] for k in st.order])


def _dictionary_step(st: _State, place_spans: list[tuple[int, int]]) -> list[Candidate]:
    """Step 1: dictionary and descriptive candidates (a weak alias only in an outlet
    context), the longest non-overlapping ones, anaphoric aliases only after a full
    mention; each chosen candidate joins its entry's group. Returns the chosen ones."""
    doc, view = st.doc, st.doc.view
    cands = dictionary_candidates(view) + descriptive_candidates(view)
    cands = [c for c in cands if c.mode != "weak" or weak_ok(view, doc.text, c)]
    chosen = _anaphora_filter(_shared_aliases(doc.text, select(cands, place_spans)), st.dictionary)
    for c in chosen:
        entry = st.dictionary.get(c.entry_id)
        if entry is None or entry.kind == "block":
            continue
        g = st.group_for(entry)
        g.mentions.append(doc.span(c.start, c.end))
        if c.source == "descriptive":
            g.attrs.setdefault("descriptive", True)
    return chosen


@lru_cache(maxsize=1)
def _shared_alias_rows() -> tuple[tuple[str, str, frozenset[str], frozenset[str], tuple[str, ...]], ...]:
    """Rows of data/shared_aliases.tsv: (default, alternative, pointing entries, folded
    forms, folded words after a form that keep the default)."""
    out = []
    for default, alt, pointers, names, keep in lang.rows("actors/data/shared_aliases.tsv", 5, min_cols=4,
                                                         unique_key=False):
        out.append((default, alt, frozenset(p.strip() for p in pointers.split(",") if p.strip()),
                    frozenset(fold_key(f) for f in names.split(",") if f.strip()),
                    tuple(fold_key(w) for w in keep.split(",") if w.strip())))
    return tuple(out)


def _shared_aliases(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A generic name two entries share ("طيران التحالف") goes to the alternative entry
    (the Saudi-led coalition) in a document that names it, or an entry that points to
    it (the Houthis), by another name and names the default entry (the US-led
    coalition) by none but the shared forms (data/shared_aliases.tsv)."""
    for default, alt, pointers, names, keep in _shared_alias_rows():
        mine = [c for c in chosen if c.entry_id == default]
        if not mine:
            continue
        shared = [c for c in mine if fold_key(text[c.start:c.end]) in names
                  and not fold_key(text[c.end:c.end + 30]).startswith(keep)]
        if len(shared) < len(mine):
            continue  # the default entry is named by a name of its own
        if not any(c.entry_id == alt and c.mode != "anaphoric" or c.entry_id in pointers for c in chosen):
            continue
        for c in shared:
            c.entry_id = alt
    return chosen


def _metonym_step(st: _State, metonyms: list[tuple[str, dict[str, Any] | None, list[Span]]],
                  inside: list[tuple[int, int]]) -> None:
    """Step 2: metonyms marked by the places stage (whole entities, in doc.entities or
    set aside in doc.meta["place_metonyms"], and single mentions, attrs["metonym_mentions"])
    join the government they stand for (metonyms.tsv, else the country's government)."""
    doc = st.doc
    meto = _metonyms()
    meto_gov = _metonym_government_by_country()
    for pid, pinfo, mentions in metonyms:
        for m in mentions:
            if any(s <= m.start and m.end <= e for s, e in inside):
                continue  # "الميليشيات المدعومة من إيران": already part of an actor name
            if _adjective_after_group_noun(doc.text, m):
                continue  # "فصائل سورية": an adjective, not the Syrian government
            key = fold_key(m.text)
            eid = meto.get(key) or next((meto[s] for p, s in proclitic_splits(key) if s in meto), None)
            if eid is None and pinfo is not None:
                eid = meto_gov.get(str(pinfo.get("country") or ""))
            entry = st.dictionary.get(eid)
            if entry is None:
                continue
            g = st.group_for(entry)
            g.mentions.append(Span(m.start, m.end, doc.text[m.start:m.end]))
            g.attrs["metonym_of"] = pid


def _person_mentions(doc: Document, sentences: list[list[Tok]], taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Names after titles, names before ", <role>" and NER names, sentence by sentence,
    each with the role phrase next to it."""
    pms: list[PersonMention] = []
    for sent, toks in zip(doc.sentences, sentences):
        found = names_after_titles(toks, taken)
        found += names_before_roles(toks, taken + [(p.start, p.end) for p in found])
        found += names_in_apposition(toks, taken + [(p.start, p.end) for p in found])
        for pm in found:
            find_role(doc.text, pm, (sent.start, sent.end))
        pms += found
        taken_here = taken + [(p.start, p.end) for p in found]
        pms += names_from_ner(toks, taken_here)
    return pms


def _people_step(st: _State, sentences: list[list[Tok]]) -> None:
    """Step 3: every person mention, full names first, joins a person (:func:`_add_person`)."""
    pms = _person_mentions(st.doc, sentences, st.taken)
    for pm in sorted(pms, key=lambda p: (-len(p.tokens), p.start)):  # full names first
        _add_person(st, pm)


def _add_person(st: _State, pm: PersonMention) -> None:
    """One person mention: (a) a lone NER given name needs evidence; (b) a name right
    before a known person's mention is that person (same first letter) or a relative;
    (c) a short mention joins the person whose name contains it (after a proclitic
    too); (d) otherwise a dictionary person or a new person; then title and role."""
    doc = st.doc
    pm.name_ar = doc.text[pm.start:pm.end]
    if pm.source == "ner" and len(pm.tokens) == 1 and pm.tokens[0] in given_names():
        tok = next((t for t in doc.tokens if t.start <= pm.start < t.end), None)
        if tok is None or not _person_evidence(doc, tok, frozenset()):
            return  # a lone given name ("جسر عباس") is not enough for a person
    glued = _adjacent_known_person(doc, st.groups, pm)
    if glued is not None:
        g, m = glued
        g.mentions.remove(m)
        if _same_first_name(pm, g):  # "ستيفان" + "دي ميستورا": the known person
            g.mentions.append(doc.span(pm.start, m.end))
            if pm.title and "title" not in g.attrs:
                g.attrs.update(title=pm.title, title_en=pm.title_en)
            st.taken.append((pm.start, m.end))
            return
        # "نيجيرفان" + "بارزاني": another member of the family, a new person
        pm.end = m.end
        pm.name_ar = doc.text[pm.start:pm.end]
        pm.tokens = pm.tokens + [fold(w) for w in m.text.split()]
    target = _person_group(st.person_groups, pm.tokens)
    if target is None and pm.tokens:
        target = _short_mention_after_proclitic(st, pm)
    if target is None and pm.source == "ner" and len(pm.tokens) == 1:
        w = pm.tokens[0]
        if w.startswith(ARTICLE) or w in lexicons().get("gaz_LOC", ()):
            return  # a lone surname or place-like word not linked to anyone
    if target is None:
        target = _new_person(st, pm)
    target.mentions.append(doc.span(pm.start, pm.end))
    if pm.title and "title" not in target.attrs:
        target.attrs.update(title=pm.title, title_en=pm.title_en)
    if pm.role and "role" not in target.attrs:
        target.attrs["role"] = pm.role
        target.attrs["role_span"] = list(pm.role_span) if pm.role_span else None
        aff = _affiliation(st.groups, pm.role_span)
        if aff:
            target.attrs["affiliation"] = aff
    st.taken.append((pm.start, pm.end))


def _short_mention_after_proclitic(st: _State, pm: PersonMention) -> _Group | None:
    """"وأوستن": a proclitic glued to a short mention of a known person (the mention
    then starts after the proclitic)."""
    for pre, stem in proclitic_splits(pm.tokens[0]):
        if pre in _SURNAME_PROCLITICS and pre and len(stem) >= 3:
            target = _person_group(st.person_groups, [stem] + pm.tokens[1:])
            if target is not None:
                pm.start += _text_len_of_prefix(st.doc.text[pm.start:pm.end], len(pre))
                pm.name_ar = st.doc.text[pm.start:pm.end]
                return target
    return None


def _new_person(st: _State, pm: PersonMention) -> _Group:
    """The dictionary's person of that name, or a new person group."""
    entry = st.dictionary.lookup(pm.name_ar)
    if entry is not None and entry.kind == "person":
        target = st.group_for(entry)
        st.person_groups.append((target, [fold(w) for w in entry.name_ar.split()]))
        return target
    target = _Group(None, "person", romanize(pm.name_ar), pm.name_ar,
                    attrs={"type": "person", "source": pm.source, "confidence": pm.confidence})
    st.person_groups.append((target, pm.tokens))
    st.add(f"_p{len(st.person_groups)}", target)
    return target


def _surname_step(st: _State, pers_starts: frozenset[int]) -> None:
    """Step 4: dictionary people join the person list; a known person without a title
    takes one written before a mention; every person with a full name gets the later
    mentions of the surname alone."""
    for eid, g in list(st.groups.items()):
        if g.entry is not None and g.entry.kind == "person" and all(g is not pg for pg, _ in st.person_groups):
            st.person_groups.append((g, [fold(w) for w in g.entry.name_ar.split()]))
    for g, words in st.person_groups:
        if g.entry is not None and "title" not in g.attrs:
            for m in g.mentions:
                tb = title_before(st.doc.text, m.start)
                if tb:
                    g.attrs.update(title=tb[0], title_en=tb[1])
                    break
        if len(words) >= 2:
            extra = _surname_mentions(st.doc, g, words, st.taken, pers_starts)
            g.mentions += extra
            st.taken += [(m.start, m.end) for m in extra]


def _ner_org_step(st: _State, sentences: list[list[Tok]]) -> None:
    """Step 5: organisations the dictionary does not know (NER ORG spans and confident
    one-word ORG names): a dictionary entry of that name, else one group per folded name."""
    doc = st.doc
    by_name: dict[str, _Group] = {}
    for toks in sentences:
        for s, e, conf in sorted(orgs_from_ner(toks, st.taken) + lone_orgs_from_ner(toks, st.taken)):
            text = doc.text[s:e]
            key = fold_key(text)
            entry = st.dictionary.lookup(text)
            if entry is not None and entry.kind != "block":
                st.group_for(entry).mentions.append(doc.span(s, e))
                st.taken.append((s, e))
                continue
            g = by_name.get(key)
            if g is None:
                g = _Group(None, "organization", romanize(text), text,
                           attrs={"type": "organization", "source": "ner", "confidence": conf})
                by_name[key] = g
                st.add(f"_o{len(by_name)}", g)
            g.mentions.append(doc.span(s, e))
            st.taken.append((s, e))


#: proclitics before a one-word NER organisation name (data/forms.tsv).
_ORG_PROCLITICS = forms("org_single")


def lone_orgs_from_ner(toks: list[Tok], taken: list[tuple[int, int]], min_conf: float = 0.9) -> list[tuple[int, int, float]]:
    """(start, end, confidence) of one-word ORG names (يونيسيف، وأرامكو -> أرامكو): a confident
    tag on a word that is no common word, definite noun, place or nationality."""
    from rasid.actors.ner import bio_spans
    from rasid.actors.ner_features import stem_of

    lex = lexicons()
    out = []
    for typ, a, b in bio_spans([t.tag for t in toks]):
        words = [t for t in toks[a:b] if t.is_word]
        if typ != "ORG" or len(words) != 1:
            continue
        t = words[0]
        pro, stem = stem_of(t.norm)
        if pro not in _ORG_PROCLITICS:
            pro, stem = "", t.norm
        if (t.prob < min_conf or len(stem) < 4 or stem.startswith(ARTICLE) or stem in common_words()
                or any(stem in lex.get(k, ()) for k in ("gaz_LOC", "nat", "title", "role", "stop"))):
            continue
        s = t.start + (_text_len_of_prefix(t.text, len(pro)) if pro else 0)
        if any(ts < t.end and s < te for ts, te in taken):
            continue
        out.append((s, t.end, round(t.prob, 3)))
    return out


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
    groups = sorted((g for g in groups if g.mentions), key=lambda g: min(m.start for m in g.mentions))
    for g in groups:
        mentions = sorted({(m.start, m.end): m for m in g.mentions}.values(), key=lambda m: m.start)
        eid = doc.new_id(PREFIX[g.kind], existing)
        existing.add(eid)
        doc.entities.append(Entity(id=eid, kind=g.kind, name=g.name, name_ar=g.name_ar,
                                   mentions=[Span(m.start, m.end, doc.text[m.start:m.end]) for m in mentions],
                                   attrs=dict(g.attrs)))
