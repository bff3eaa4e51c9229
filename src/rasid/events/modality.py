"""Modality of an event mention: how its source presents it.

1. A cue of ``data/modality.tsv`` in the trigger's clause, before it within the
   cue's window (``after`` cues such as ``وشيكة`` follow it): the nearest wins.
   ``قد`` is "maybe" only before an imperfect verb (``قد تستهدف``), not before
   a perfect one (``قد دخلت`` = had entered).
   Tense and particles (no cue word): a future verb (س + imperfect: ستشن،
   سيوجه) as the trigger or within ``FUTURE_WINDOW`` tokens before it -> planned;
   "لن تشن هجوماً"، "لم تنفذ هجوماً": لم/لن + imperfect verb + the trigger noun
   -> negated; so is a noun quantified by أي after a negated verb of its clause
   ("لم تشن الطائرات أي غارة"، "لا توجد أي اشتباكات").
2. Else the claim that contains the trigger: ``deny`` -> denied, ``speculate``
   -> speculated.
3. Else asserted.
"""

from __future__ import annotations

from functools import lru_cache

from rasid import lang
from rasid.events.detect import Mention
from rasid.events.lexicon import modality_cues, stem_matches
from rasid.events.index import first_token_at
from rasid.lang import ar
from rasid.model.document import Document
from rasid.text import fold
from rasid.text.sentences import split_clauses
from rasid.text.tokens import Token, proclitic_splits

_PRECEDENCE = {"negated": 0, "hypothetical": 1, "denied": 2, "planned": 3, "speculated": 4}
_QAD = ar.particle("qad", fold=fold)  # قد
_IMPERFECT_PREFIXES = ar.affixes("ya", "na", fold=fold)  # ي، ن (ت: see _imperfect)
_TA = ar.affix("ta", fold=fold)  # ت
_TA_MARBUTA = ar.affix("ta_marbuta", fold=fold)  # ة (folded: ه)
_PERFECT_SUFFIXES = ar.affixes("ta", "uu", fold=fold)  # ت، وا
_WA = ar.affix("wa", fold=fold)  # و
_RELATIVE = lang.words(ar.RELATIVES, fold=fold)  # التي، الذي ...


def _matches(tokens: list[Token], i: int, words: tuple[str, ...], pos: str) -> bool:
    if i + len(words) > len(tokens):
        return False
    if len(words) == 1:
        t = tokens[i].norm
        return t == words[0] or stem_matches(t, words[0], pos if pos != "x" else "x")
    return all(tokens[i + k].norm == w or (k == 0 and stem_matches(tokens[i].norm, w, "x")) for k, w in enumerate(words))


@lru_cache(maxsize=1)
def _cues_by_first() -> dict[str, list[int]]:
    """First word of each cue -> indices of :func:`modality_cues`."""
    out: dict[str, list[int]] = {}
    for ci, (words, *_) in enumerate(modality_cues()):
        out.setdefault(words[0], []).append(ci)
    return out


@lru_cache(maxsize=65536)
def _cues_at(norm: str) -> tuple[int, ...]:
    """Indices of the cues of :func:`modality_cues` whose first word the token
    (folded) matches as :func:`_matches` tests it. Only first words that are the
    token or the start of one of its stems (a ta marbuta written ta before a
    suffix) can match (:func:`stem_matches`), so only those are tried."""
    by_first = _cues_by_first()
    cands: set[int] = set(by_first.get(norm, ()))
    for _, stem in proclitic_splits(norm):
        for cut in range(len(stem), 0, -1):
            key = stem[:cut]
            cands.update(by_first.get(key, ()))
            if key.endswith(_TA):
                cands.update(by_first.get(key[:-1] + _TA_MARBUTA, ()))
    cues = modality_cues()
    out = []
    for ci in sorted(cands):
        words, _, _, pos, _ = cues[ci]
        if norm == words[0] or stem_matches(norm, words[0], pos if len(words) == 1 else "x"):
            out.append(ci)
    return tuple(out)


@lru_cache(maxsize=1)
def _cue_reach() -> tuple[int, int]:
    """How far before the trigger a cue may start, and after it."""
    cues = modality_cues()
    before = max((window + len(words) - 1 for words, _, window, _, side in cues if side != "after"), default=0)
    after = max((window for _, _, window, _, side in cues if side == "after"), default=0)
    return before, after


def _imperfect(tok: Token) -> bool:
    w = tok.norm
    return w.startswith(_IMPERFECT_PREFIXES) or (w.startswith(_TA) and not w.endswith(_PERFECT_SUFFIXES))


_INSERTS = lang.words("events/data/attribution_inserts.txt", fold=fold)
INSERT_WORDS = 6  # an inserted attribution ("، وفق صحيفة كوميرسانت،") is this short


def _cue_lo(doc: Document, mt: Mention) -> int:
    """"وتعتزم روسيا، وفق صحيفة كوميرسانت، إرسال وفد": a cue before an inserted
    attribution still governs the clause after it; so does a cue of the clause
    before a noun that opens its own clause (its object)."""
    clauses = split_clauses(doc.text, mt.sentence)
    j = next((k for k, c in enumerate(clauses) if c.start == mt.clause.start), None)
    if j is None or j < 1:
        return mt.tok_lo
    start = None
    ins = fold(clauses[j - 1].text).split()
    if j >= 2 and ins and len(ins) <= INSERT_WORDS and ins[0] in _INSERTS:
        start = clauses[j - 2].start
    elif not mt.hit.entry.verb and not doc.text[mt.clause.start:mt.trigger.start].strip():
        # "عن عزم بلاده مستقبلا، تقديم دعم": a noun opening its clause is the object
        # of the clause before the comma, whose cue governs it
        start = clauses[j - 1].start
    if start is None:
        return mt.tok_lo
    i = first_token_at(doc.tokens, start)
    return i if i < len(doc.tokens) else mt.tok_lo


def cue_modality(doc: Document, mt: Mention) -> str | None:
    """The nearest cue of :func:`modality_cues` in reach of the trigger (ties: by
    :data:`_PRECEDENCE`): the tokens in reach are looked up, not every cue tried."""
    tokens = doc.tokens
    first = mt.hit.tok
    lo = _cue_lo(doc, mt)
    last = mt.hit.tok + mt.hit.ntok - 1
    cues = modality_cues()
    reach_before, reach_after = _cue_reach()
    best: tuple[int, int, str] | None = None  # (distance, precedence, modality)
    for after, rng in ((False, range(max(lo, first - reach_before), first)),
                       (True, range(last + 1, min(mt.tok_hi, last + 1 + reach_after)))):
        for i in rng:
            for ci in _cues_at(tokens[i].norm):
                words, modality, window, pos, side = cues[ci]
                if (side == "after") != after:
                    continue
                if after:
                    if i >= min(mt.tok_hi, last + 1 + window):
                        continue
                elif i < max(lo, first - window - len(words) + 1):
                    continue
                if i + len(words) > len(tokens) or any(tokens[i + k].norm != w for k, w in enumerate(words[1:], 1)):
                    continue
                if words == (_QAD,) and (i + 1 >= len(tokens) or not _imperfect(tokens[i + 1])):
                    continue
                dist = first - i if not after else i - last
                key = (dist, _PRECEDENCE.get(modality, 9), modality)
                if best is None or key < best:
                    best = key
    return best[2] if best else None


def _cue_modality_slow(doc: Document, mt: Mention) -> str | None:
    """:func:`cue_modality` trying every cue at every token in its window (the
    reference the tests compare it with)."""
    tokens = doc.tokens
    first = mt.hit.tok
    lo = _cue_lo(doc, mt)
    last = mt.hit.tok + mt.hit.ntok - 1
    best: tuple[int, int, str] | None = None  # (distance, precedence, modality)
    for words, modality, window, pos, side in modality_cues():
        if side == "after":
            rng = range(last + 1, min(mt.tok_hi, last + 1 + window))
        else:
            rng = range(max(lo, first - window - len(words) + 1), first)
        for i in rng:
            if not _matches(tokens, i, words, pos):
                continue
            if words == (_QAD,) and (i + 1 >= len(tokens) or not _imperfect(tokens[i + 1])):
                continue
            dist = abs(first - i) if side != "after" else i - last
            key = (dist, _PRECEDENCE.get(modality, 9), modality)
            if best is None or key < best:
                best = key
    return best[2] if best else None


FUTURE_WINDOW = 3
#: لم، لن (and ولم، ولن): before an imperfect verb they negate it
_LAM_LAN = tuple(p + w for p in ("", ar.affix("wa", fold=fold)) for w in ar.particles("lam", "lan", fold=fold))
#: ... and لا (ولا)
_NEGATORS = _LAM_LAN + tuple(p + ar.particle("la", fold=fold) for p in ("", ar.affix("wa", fold=fold)))
#: أي، أية (and بأي، لأي): "any", quantifying the trigger noun
_ANY = frozenset(
    p + ar.particle("ayy", fold=fold) + t
    for p in ("", ar.affix("bi", fold=fold), ar.affix("li", fold=fold)) for t in ("", ar.affix("ta_marbuta", fold=fold))
)
#: tokens from a negated verb to "أي" + the trigger noun: the verb, its subject
#: ("لم تشن الطائرات أي غارة")
ANY_WINDOW = 4


def _negated_any(tokens: list[Token], lo: int, first: int) -> bool:
    """"لم تشن الطائرات أي غارة"، "لم تنفذ أية عملية إنزال"، "لا توجد أي اشتباكات": a
    noun quantified by أي after a negated imperfect verb of its clause names no
    happening (no conjunction or relative pronoun between them)."""
    if first < 1 or tokens[first - 1].norm not in _ANY:
        return False
    for j in range(first - 3, max(lo, first - 2 - ANY_WINDOW) - 1, -1):
        if tokens[j].norm in _NEGATORS and _imperfect(tokens[j + 1]):
            between = tokens[j + 2:first - 1]
            return not any(t.norm.startswith(_WA) or t.norm in _RELATIVE for t in between)
    return False


def tense_modality(doc: Document, mt: Mention) -> str | None:
    """Modality from the verb forms around the trigger (see module doc)."""
    from rasid.events.eventness import future_verb

    tokens = doc.tokens
    first = mt.hit.tok
    if mt.hit.entry.verb and future_verb(tokens[first].norm):
        return "planned"
    if not mt.hit.entry.verb and first >= 2 and mt.tok_lo <= first - 2:
        if tokens[first - 2].norm in _LAM_LAN and _imperfect(tokens[first - 1]):
            return "negated"
        if _negated_any(tokens, mt.tok_lo, first):
            mt.attrs["negated_any"] = True  # (names no happening: see rasid.events.rule_keep)
            return "negated"
    for i in range(max(mt.tok_lo, first - FUTURE_WINDOW), first):
        if future_verb(tokens[i].norm):
            return "planned"
    return None


def fill_modality(doc: Document, mentions: list[Mention]) -> None:
    for mt in mentions:
        cue = cue_modality(doc, mt) or tense_modality(doc, mt)
        stance = mt.attrs.get("claim_stance")
        if cue:
            mt.modality = cue
            if cue in ("asserted", "planned", "speculated") and stance == "deny":
                mt.modality = "denied"
        elif stance == "deny":
            mt.modality = "denied"
        elif stance == "speculate":
            mt.modality = "speculated"
        else:
            mt.modality = "asserted"
