"""Actor from a nationality adjective on a vehicle or strike noun, or from a
generic party noun (``data/generic_actors.tsv``: مسلحون، قوات الأمن، المحتجون).

"قصفت طائرة مسيرة أمريكية"، "غارة جوية إسرائيلية": when no actor mention names who
acted, a nationality adjective (rasid.actors nationalities.tsv) right after the
trigger, reached only through vehicle/strike nouns (data/actor_nouns.tsv), names
that country's forces. The entity is reused when the document has it, else added.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasid import lang
from rasid.events.detect import Mention
from rasid.lang import ar
from rasid.model.document import Document, Entity, Span
from rasid.text import fold
from rasid.text.tokens import proclitic_splits

_WORD = re.compile(r"\w+")
MAX_NOUNS = 3  # vehicle/strike nouns between the trigger and the adjective


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    return lang.words("events/data/actor_nouns.tsv", fold=fold)


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """folded nationality adjective -> forces entry id."""
    out: dict[str, str] = {}
    for cols in lang.rows("actors/data/nationalities.tsv", 6, min_cols=5, unique_key=False):
        for form in (cols[3] + "," + cols[4]).split(","):
            if form.strip():
                out[fold(form.strip())] = cols[1]
    return out


@lru_cache(maxsize=1)
def _government_adjectives() -> dict[str, str]:
    """folded definite nationality adjective (التركي، الروسية) -> government entry id."""
    out: dict[str, str] = {}
    for cols in lang.rows("actors/data/nationalities.tsv", 6, min_cols=5, unique_key=False):
        if not cols[2]:
            continue
        for form in cols[3].split(","):
            if form.strip():
                out[fold(form.strip())] = cols[2]
    return out


@lru_cache(maxsize=1)
def _country_adjectives() -> dict[str, str]:
    """folded nationality adjective (definite or not: مصرية، السورية) -> country code."""
    out: dict[str, str] = {}
    for cols in lang.rows("actors/data/nationalities.tsv", 6, min_cols=5, unique_key=False):
        for form in (cols[3] + "," + cols[4]).split(","):
            if form.strip():
                out.setdefault(fold(form.strip()), cols[0])
    for cols in lang.rows("events/data/country_adjectives.tsv", 2):
        for form in cols[1].split(","):
            if form.strip():
                out.setdefault(fold(form.strip()), cols[0])
    return out


BODY_ADJECTIVE_WORDS = 2  # words between a domestic body noun and its nationality adjective ("محكمة جنايات مصرية")


def body_country(doc: Document, lo: int, hi: int, bodies: frozenset[str]) -> tuple[str, Span] | None:
    """"محكمة جنايات مصرية"، "السلطات السورية"، "الشرطة التركية": the country (code) and
    adjective span of the first body noun of ``bodies`` in ``[lo, hi)`` that a nationality
    adjective qualifies, close after it."""
    words = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(doc.text, lo, hi)]
    adjectives = _country_adjectives()
    for i, (_, _, w) in enumerate(words):
        w = w[1:] if w.startswith(_CONJ) and len(w) > 3 and w not in bodies else w
        if w not in bodies:
            continue
        for s, e, a in words[i + 1:i + 2 + BODY_ADJECTIVE_WORDS]:
            if a in adjectives:
                return adjectives[a], Span(s, e, doc.text[s:e])
    return None


SOURCE_TITLE_WORDS = 4  # words of a source before its nationality adjective ("وزير الدفاع التركي")


def source_government(doc: Document, span: Span) -> Entity | None:
    """"الرئيس التركي"، "وزير الدفاع التركي يشار غولر": a speaker named by an office and
    a nationality adjective, with no entity of its own, speaks for that state's
    government (its entity reused or added)."""
    words = fold(doc.text[span.start:span.end]).split()
    for k, w in enumerate(words[:SOURCE_TITLE_WORDS + 1]):
        gid = _government_adjectives().get(w)
        if gid is not None and k > 0:
            return _entity(doc, gid, span)
    return None


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


_AL, _BI, _LI = ar.affixes("al", "bi", "li", fold=fold)  # ال، ب، ل
_CONJ = ar.affixes("wa", "fa", fold=fold)  # و، ف
#: words between a verb and its subject in "خرج مئات من المحتجين": plural nouns of
#: number, with or without the article, and من
_QUANTITY = frozenset(
    ar.quantity_nouns("plural", fold=fold)
    + tuple(_AL + w for w in ar.quantity_nouns("plural", fold=fold))
    + (ar.particle("min", fold=fold),)
)


@lru_cache(maxsize=1)
def _generic() -> dict[tuple[str, ...], tuple[str, str]]:
    """folded word tuple -> (English name, kind) of data/generic_actors.tsv."""
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for cols in lang.rows("events/data/generic_actors.tsv", 3, min_cols=2, unique_key=False):
        out[tuple(fold(cols[0]).split())] = (cols[1], cols[2] or "actor")
    return out


def _generic_at(tokens, i: int, lo: int, hi: int, lam: bool = False):
    """The generic party phrase starting at token ``i`` (inside [lo, hi)), or None."""
    for n in (2, 1):
        if i + n > hi:
            continue
        for pre, stem in proclitic_splits(tokens[i].norm):
            if lam and _LI not in pre:
                continue
            if not lam and any(c in pre for c in (_BI, _LI)):
                continue  # "بالمسلحين": an oblique, not the subject
            key = (stem,) + tuple(t.norm for t in tokens[i + 1:i + n])
            hit = _generic().get(key) or (
                _generic().get((_AL + key[0],) + key[1:]) if not key[0].startswith(_AL)
                else _generic().get((key[0][len(_AL):],) + key[1:])
            )
            if hit:
                return i, i + n, hit
    return None


AGENT_VERB_REACH = 4  # tokens after an event noun where its relative verb of doing may stand


@lru_cache(maxsize=1)
def _target_pronouns() -> frozenset[str]:
    """A preposition with the target's pronoun between a relative verb of doing and its
    subject ("هجوم شنه عليه مسلحون"): data/arguments.tsv role target_pronoun."""
    from rasid.events.arguments import argument_words

    return frozenset(argument_words().get("target_pronoun", ()))


@lru_cache(maxsize=1)
def _agent_verbs() -> frozenset[str]:
    """One-word relative verbs of doing (data/arguments.tsv, role agent_verb): "شنتها"، "زرعها"."""
    from rasid.events.arguments import argument_words

    return frozenset(w for w in argument_words().get("agent_verb", ()) if " " not in w)


@lru_cache(maxsize=1)
def _agent_verb_pairs() -> frozenset[tuple[str, str]]:
    """Two-word relative verbs of doing: "قام به"، "قامت بها"."""
    from rasid.events.arguments import argument_words

    return frozenset(tuple(w.split()) for w in argument_words().get("agent_verb", ()) if len(w.split()) == 2)


@lru_cache(maxsize=1)
def _support_verbs() -> frozenset[str]:
    """Verbs of doing before their subject and an event noun (data/arguments.tsv, role support)."""
    from rasid.events.arguments import argument_words

    return frozenset(argument_words().get("support", ()))


def _support_verb(norm: str) -> bool:
    return norm in _support_verbs() or (norm[:1] in _CONJ and norm[1:] in _support_verbs())


BETWEEN_REACH = 4  # tokens after a fight noun where بين may stand ("مواجهات مسلحة بين ...")


@lru_cache(maxsize=1)
def _between() -> frozenset[str]:
    from rasid.events.arguments import argument_words

    return frozenset(argument_words().get("between", ()))


def generic_actor(doc: Document, mt: Mention) -> Entity | None:
    """"هاجم مسلحون نقطة تفتيش"، "الجيش اعتقل"، "قصف لقوات الأمن"، "خرج مئات المحتجين":
    a generic party in the actor's place names the actor (not for a killing: "قتل
    مسلحون" may be passive). The party's entity is made (or extended) here."""
    found = generic_party(doc, mt)
    if found is None:
        return None
    return _generic_entity(doc, found)


def _targets_after_noun(tokens, mt: Mention, lo: int) -> bool:
    """A verb of targeting right after an operation noun ("هجمات تستهدف ...")."""
    from rasid.events.arguments import argument_words

    words = argument_words()
    verb = {stem for _, stem in proclitic_splits(fold(mt.trigger.text))}
    if not verb & set(words.get("target_verb", ())) or mt.hit.tok - 1 < lo:
        return False
    return any(stem in words.get("operation", ()) for _, stem in proclitic_splits(tokens[mt.hit.tok - 1].norm))


def generic_party(doc: Document, mt: Mention):
    """The generic party phrase in the actor's place, as (first token, end token,
    (name, kind)), or None; changes nothing (see :func:`generic_actor`)."""
    if mt.mode == "kill":
        return None
    tokens = doc.tokens
    lo, hi = mt.tok_lo, mt.tok_hi
    after = mt.hit.tok + mt.hit.ntok
    found = None
    if mt.hit.entry.verb:
        if _targets_after_noun(tokens, mt, lo):
            return None  # "هجمات تستهدف قوات الأمن": the attacks act, the party is hit
        i = after
        while i < hi and (tokens[i].norm in _QUANTITY or tokens[i].is_number):
            i += 1
        found = _generic_at(tokens, i, lo, hi) if i < hi else None
        if found is None:
            for j in (mt.hit.tok - 1, mt.hit.tok - 2):
                if j >= lo:
                    found = _generic_at(tokens, j, lo, mt.hit.tok)
                    if found:
                        break
    else:
        if after < hi:
            found = _generic_at(tokens, after, lo, hi, lam=True)
        # "القوات الأمنية نصبت حواجز": the subject of the verb that governs the noun
        for j in (mt.hit.tok - 2, mt.hit.tok - 3):
            if found is None and j >= lo:
                f = _generic_at(tokens, j, lo, mt.hit.tok - 1)
                found = f if f and f[1] == mt.hit.tok - 1 else None
        # "وشن التحالف غارات": the generic subject of a verb of doing before the noun
        for n in (1, 2):
            j = mt.hit.tok - n
            if found is None and j - 1 >= lo and _support_verb(tokens[j - 1].norm):
                f = _generic_at(tokens, j, lo, mt.hit.tok)
                found = f if f and f[1] == mt.hit.tok else None
        # "انفجار عبوة ناسفة زرعها مجهولون": a relative verb of doing after the noun
        # (and its weapon words), its generic subject right after it
        for k in range(after, min(hi - 1, after + AGENT_VERB_REACH)):
            if found is not None:
                break
            if tokens[k].norm in _agent_verbs():
                j = k + 2 if k + 2 < hi and tokens[k + 1].norm in _target_pronouns() else k + 1
                found = _generic_at(tokens, j, lo, hi)
            elif k + 2 < hi and (tokens[k].norm, tokens[k + 1].norm) in _agent_verb_pairs():
                found = _generic_at(tokens, k + 2, lo, hi)  # "اعتداء قام به مسلحون"
        # "مواجهات مسلحة بين المتمردين وقوات الأمن": the first party after بين fights
        for k in range(after, min(hi - 1, after + BETWEEN_REACH)):
            if found is not None or mt.type != "ASSAULT":
                break
            if tokens[k].norm in _between():
                found = _generic_at(tokens, k + 1, lo, hi)
        if found is None and mt.type == "PROTEST":
            found = _generic_at(tokens, mt.hit.tok, lo, hi)  # "المحتجين": the protesters themselves
        if found is None and mt.type == "PROTEST":
            i = after
            while i < hi and (tokens[i].norm in _QUANTITY or tokens[i].is_number):
                i += 1
            found = _generic_at(tokens, i, lo, hi) if i < hi else None
    return found


def generic_source(doc: Document, span: Span):
    """The generic party phrase that is the whole of a claim's source ("وقالت الشرطة إنها
    ..."), as :func:`generic_party` gives it, or None."""
    toks = [i for i, t in enumerate(doc.tokens) if span.start <= t.start and t.end <= span.end]
    if not toks:
        return None
    found = _generic_at(doc.tokens, toks[0], toks[0], toks[-1] + 1)
    return found if found is not None and found[1] == toks[-1] + 1 else None


def source_entity(doc: Document, found) -> Entity:
    """The entity of a generic source phrase (made or extended here)."""
    return _generic_entity(doc, found)


def _generic_entity(doc: Document, found) -> Entity:
    tokens = doc.tokens
    a, b, (name, kind) = found
    span = Span(tokens[a].start, tokens[b - 1].end, doc.text[tokens[a].start:tokens[b - 1].end])
    for e in doc.entities:
        if e.name == name and e.attrs.get("found_by") == "events":
            if not any(m.overlaps(span) for m in e.mentions):
                e.mentions.append(span)
                e.mentions.sort(key=lambda m: m.start)
            return e
    ent = Entity(
        doc.new_id("actor-", (e.id for e in doc.entities)), kind, name, span.text,
        [span], attrs={"descriptive": True, "generic": True, "found_by": "events"},
    )
    doc.entities.append(ent)
    return ent
