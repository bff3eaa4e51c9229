"""Event word lists (``data/*.tsv``) and trigger matching on the token stream.

Every list is written in ordinary Arabic and folded with :func:`rasid.text.fold`
when loaded, so it matches ``doc.view.text`` / ``Token.norm``. A token matches a
form when one of its proclitic splits (``و``+``ال``+stem ...) leaves a stem that
equals the form, or the form plus a suffix allowed for its part of speech.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from rasid import lang
from rasid.lang import ar
from rasid.text import fold
from rasid.text.tokens import Token, proclitic_splits

DATA = "events/data/"


def _rows(name: str, ncols: int, min_cols: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Rows of ``events/data/<name>`` (cells stripped, padded with ``""``; keys may repeat)."""
    return lang.rows(DATA + name, ncols, min_cols=min_cols, unique_key=False)


@lru_cache(maxsize=1)
def _trigger_affixes() -> dict[str, tuple[str, ...]]:
    """kind -> affixes of data/trigger_affixes.tsv (already folded)."""
    out: dict[str, list[str]] = {}
    for kind, affix in _rows("trigger_affixes.tsv", 2):
        out.setdefault(kind, []).append(affix)
    return {k: tuple(v) for k, v in out.items()}


#: suffixes a form may carry, by part of speech (already folded; "" = none).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "n": ("",) + _trigger_affixes()["n"],
    "v": ("",) + _trigger_affixes()["v"],
    "x": ("",),
    "vx": ("",),
}
#: pronoun suffixes after a ta marbuta turned ta (زيارته، غارتها)
_BOUND_SUFFIXES = _trigger_affixes()["bound"]
#: proclitics a later word of a phrase may carry.
_PHRASE_PREFIXES = ("",) + _trigger_affixes()["phrase"]
_AL, _LIL = ar.affixes("al", "lil", fold=fold)  # ال، لل
_TA, _TA_MARBUTA = ar.affixes("ta", "ta_marbuta", fold=fold)  # ت، ة (folded: ه)


@dataclass(frozen=True)
class TriggerForm:
    form: str  # folded, words separated by one space
    type: str
    mode: str | None
    pos: str  # n, v, x (exact), vx (exact verb form)
    strong: bool

    @property
    def verb(self) -> bool:
        return self.pos in ("v", "vx")
    need: str | None


@dataclass(frozen=True)
class TriggerHit:
    start: int  # text offsets of the whole trigger (all its words)
    end: int
    tok: int  # index of the first token
    ntok: int
    entry: TriggerForm
    object_end: int | None = None  # a verb + object phrase with words between: where its object ends


@lru_cache(maxsize=1)
def trigger_index() -> dict[str, list[TriggerForm]]:
    """First folded word -> trigger forms starting with it (longest first)."""
    idx: dict[str, list[TriggerForm]] = {}
    for form, typ, mode, pos, strength, need in _rows("triggers.tsv", 6):
        f = " ".join(fold(form).split())
        tf = TriggerForm(f, typ, None if mode == "-" else mode, pos, strength == "strong", None if need == "-" else need)
        idx.setdefault(f.split(" ")[0], []).append(tf)
    for v in idx.values():
        v.sort(key=lambda t: -len(t.form))
    return idx


@lru_cache(maxsize=1)
def context_words() -> dict[str, list[tuple[str, str]]]:
    """class -> [(folded word, pos)]."""
    out: dict[str, list[tuple[str, str]]] = {}
    for r in _rows("context.tsv", 3, min_cols=2):
        out.setdefault(r[1], []).append((fold(r[0]), r[2] or "x"))
    return out


def has_phrase(tokens: Sequence[Token], lo: int, hi: int, cls: str) -> bool:
    """Does tokens[lo:hi] hold a several-word context phrase of class ``cls``?"""
    for w, _ in context_words().get(cls, []):
        ph = w.split()
        if len(ph) < 2:
            continue
        for i in range(lo, hi - len(ph) + 1):
            if any(stem == ph[0] for _, stem in proclitic_splits(tokens[i].norm)) and all(
                tokens[i + k].norm == x for k, x in enumerate(ph[1:], 1)
            ):
                return True
    return False


@lru_cache(maxsize=1)
def modality_cues() -> list[tuple[tuple[str, ...], str, int, str, str]]:
    """[(folded words, modality, window, pos, side)]."""
    return [
        (tuple(fold(r[0]).split()), r[1], int(r[2]), r[3] or "x", r[4] or "before")
        for r in _rows("modality.tsv", 5, min_cols=3)
    ]


@lru_cache(maxsize=1)
def acled_table() -> dict[tuple[str, str], tuple[str, str, bool]]:
    return {(r[0], r[1]): (r[2], r[3], r[4] == "yes") for r in _rows("acled.tsv", 5)}


def acled_for(typ: str, mode: str | None) -> tuple[str, str, bool] | None:
    t = acled_table()
    return t.get((typ, mode or "*")) or t.get((typ, "*"))


@lru_cache(maxsize=1)
def count_words() -> dict[str, tuple[str, str]]:
    return {fold(r[0]): (r[1], r[2]) for r in _rows("counts.tsv", 3)}


@lru_cache(maxsize=1)
def fallback_number_words() -> dict[str, int]:
    return {fold(r[0]): int(r[1]) for r in _rows("numbers.tsv", 2)}


@lru_cache(maxsize=1)
def blocker_phrases() -> list[tuple[str, ...]]:
    return [tuple(fold(r[0]).split()) for r in _rows("blockers.tsv", 1)]


@lru_cache(maxsize=1)
def _blockers_by_first() -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in blocker_phrases():
        out.setdefault(ph[0], []).append(ph)
    return out


@lru_cache(maxsize=65536)
def _blockers_at(norm: str) -> tuple[tuple[str, ...], ...]:
    """Blocker phrases whose first word is a stem of the token (folded), in the
    order :func:`blocked_tokens` tries them."""
    by_first = _blockers_by_first()
    out: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for _, stem in proclitic_splits(norm):
        if stem in seen or stem not in by_first:
            continue
        seen.add(stem)
        out += by_first[stem]
    return tuple(out)


def blocked_tokens(tokens: Sequence[Token]) -> set[int]:
    """Indices of tokens inside a blocker phrase (``قواعد الاشتباك`` ...)."""
    out: set[int] = set()
    for i in range(len(tokens)):
        for ph in _blockers_at(tokens[i].norm):
            if i + len(ph) > len(tokens):
                continue
            if all(tokens[i + k].norm == w for k, w in enumerate(ph[1:], 1)):
                out.update(range(i, i + len(ph)))
    return out


def is_definite(tok: Token, form: str, pos: str = "n") -> bool:
    """The token carries the article (``الهجمات``, ``وبالتحركات``, ``الحشد``)."""
    if form.startswith(_AL):
        return pos == "n"
    return any(_AL in p or p.endswith(_LIL) for p, stem in proclitic_splits(tok.norm) if stem.startswith(form.split(" ")[0]))


def stem_matches(norm: str, form: str, pos: str) -> bool:
    """Does a token (folded) carry ``form`` after proclitics and allowed suffixes?"""
    bound = form[:-1] + _TA if pos == "n" and form.endswith(_TA_MARBUTA) else None  # زيارة -> زيارته
    for _, stem in proclitic_splits(norm):
        if bound and stem.startswith(bound) and stem[len(bound):] in _BOUND_SUFFIXES:
            return True
        if not stem.startswith(form):
            continue
        rest = stem[len(form):]
        if rest in SUFFIXES.get(pos, ("",)):
            return True
    return False


def word_in(norm: str, words: Sequence[tuple[str, str]]) -> bool:
    return any(stem_matches(norm, w, p) for w, p in words)


@lru_cache(maxsize=1)
def _context_sets() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for cls, words in context_words().items():
        forms = set()
        for w, pos in words:
            forms.update(w + suf for suf in SUFFIXES.get(pos, ("",)))
            if pos == "n" and w.endswith(_TA_MARBUTA):
                forms.update(w[:-1] + _TA + suf for suf in _BOUND_SUFFIXES)
        out[cls] = frozenset(forms)
    return out


@lru_cache(maxsize=65536)
def in_context(norm: str, cls: str) -> bool:
    """Is the token (folded) a context word of class ``cls`` (data/context.tsv)?"""
    forms = _context_sets().get(cls, frozenset())
    return any(stem in forms for _, stem in proclitic_splits(norm))


@lru_cache(maxsize=1)
def _context_form_classes() -> dict[str, frozenset[str]]:
    """Form of :func:`_context_sets` -> the classes it belongs to."""
    out: dict[str, set[str]] = {}
    for cls, forms in _context_sets().items():
        for f in forms:
            out.setdefault(f, set()).add(cls)
    return {f: frozenset(c) for f, c in out.items()}


@lru_cache(maxsize=65536)
def context_classes(norm: str) -> frozenset[str]:
    """The classes ``cls`` of :func:`context_words` with ``in_context(norm, cls)``."""
    by_form = _context_form_classes()
    return frozenset().union(*(by_form.get(stem, ()) for _, stem in proclitic_splits(norm)))


@lru_cache(maxsize=65536)
def _first_word_hits(norm: str) -> tuple[tuple[TriggerForm, tuple[str, ...]], ...]:
    """(form, its words) of the candidate trigger forms whose first word the token
    (folded) carries, in :func:`_candidates` order (a pure function of the word)."""
    out = []
    for tf in _candidates(norm):
        words = tuple(tf.form.split(" "))
        if stem_matches(norm, words[0], tf.pos if len(words) == 1 or tf.pos in ("v", "vx") else "n"):
            out.append((tf, words))
    return tuple(out)


def _candidates(norm: str) -> list[TriggerForm]:
    idx = trigger_index()
    out: list[TriggerForm] = []
    seen: set[str] = set()
    for _, stem in proclitic_splits(norm):
        # try the stem and every prefix of it (the form plus a suffix)
        for cut in range(len(stem), 1, -1):
            key = stem[:cut]
            for k in (key, key[:-1] + _TA_MARBUTA if key.endswith(_TA) else None):  # زيارته -> زياره
                if k is None or k in seen:
                    continue
                seen.add(k)
                out.extend(idx.get(k, ()))
    return out


#: tokens that may stand between the verb of a verb + object phrase and its object
#: ("نفى أردوغان بقوة الاتهامات"، "ووقع العراق مع روسيا، الخميس، اتفاق"): the subject,
#: an adverb, a time (Arabic verb-subject-object order)
OBJECT_GAP = 6
_SENTENCE_ENDS = ".!?:;\n" + ar.QUESTION_MARK + ar.SEMICOLON


def _gapped_object(tokens: Sequence[Token], i: int, words: tuple[str, ...], text: str, taken: set[int]) -> int | None:
    """The index of the object's first token when the verb at ``i`` is followed, after
    at most :data:`OBJECT_GAP` tokens of its sentence, by the rest of its phrase."""
    n = len(tokens)
    rest = words[1:]
    for j in range(i + 2, min(n - len(rest) + 1, i + 2 + OBJECT_GAP)):
        if any(c in _SENTENCE_ENDS for c in text[tokens[j - 1].end:tokens[j].start]):
            return None
        if j in taken:
            return None
        if all(any(tokens[j + k].norm == p + w for p in _PHRASE_PREFIXES) for k, w in enumerate(rest)):
            return j
    return None


def find_triggers(tokens: Sequence[Token], text: str | None = None) -> list[TriggerHit]:
    """All trigger hits, longest phrase first at each token, no overlaps.

    With ``text`` (the tokens' text), a strong verb + object phrase whose object comes
    after the subject or an adverb (:func:`_gapped_object`) is a hit on its verb alone,
    its object's tokens taken by it, unless the object is a trigger of the type by itself."""
    hits: list[TriggerHit] = []
    blocked = blocked_tokens(tokens)
    taken: set[int] = set()
    i, n = 0, len(tokens)
    while i < n:
        if i in taken:
            i += 1
            continue
        best: TriggerHit | None = None
        gap_best: tuple[TriggerHit, int, int] | None = None
        for tf, words in _first_word_hits(tokens[i].norm):
            if i + len(words) > n and not (text is not None and tf.verb and len(words) > 1):
                continue
            ok = i + len(words) <= n and all(
                any(tokens[i + k].norm == p + w for p in _PHRASE_PREFIXES) for k, w in enumerate(words[1:], 1)
            )
            if not ok:
                if text is not None and tf.verb and tf.strong and len(words) > 1 and gap_best is None:
                    j = _gapped_object(tokens, i, words, text, taken)
                    # (an object that is a trigger of the type on its own, "غارات"، "القبض", is found as itself)
                    if j is not None and not blocked.intersection(range(j, j + len(words) - 1)) and not any(
                        t2.type == tf.type and len(w2) == 1 for t2, w2 in _first_word_hits(tokens[j].norm)
                    ):
                        gap_best = (TriggerHit(tokens[i].start, tokens[i].end, i, 1, tf, tokens[j + len(words) - 2].end), j, len(words) - 1)
                continue
            if best is None or len(words) > best.ntok or (len(words) == best.ntok and tf.strong and not best.entry.strong):
                best = TriggerHit(tokens[i].start, tokens[i + len(words) - 1].end, i, len(words), tf)
        if gap_best is not None and (best is None or best.ntok == 1) and i not in blocked:
            hits.append(gap_best[0])
            taken.update(range(gap_best[1], gap_best[1] + gap_best[2]))
            i += 1
        elif best is not None and not blocked.intersection(range(i, i + best.ntok)):
            hits.append(best)
            i += best.ntok
        else:
            i += 1
    return hits
