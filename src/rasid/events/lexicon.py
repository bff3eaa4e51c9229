"""Event word lists (``data/*.tsv``) and trigger matching on the token stream.

Every list is written in ordinary Arabic and folded with :func:`rasid.text.fold`
when loaded, so it matches ``doc.view.text`` / ``Token.norm``. A token matches a
form when one of its proclitic splits (``و``+``ال``+stem ...) leaves a stem that
equals the form, or the form plus a suffix allowed for its part of speech.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

from rasid.text import fold
from rasid.text.tokens import Token, proclitic_splits

#: suffixes a form may carry, by part of speech (already folded).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "n": ("", "ات", "ين", "ون", "ان", "ها", "هم", "ه", "ا", "يه", "يا"),
    "v": ("", "ت", "وا", "ا", "ن", "تا", "نا", "تم", "ه", "ها", "هم", "ته", "تها", "تهم", "وه", "وها", "وهم", "ون", "ان"),
    "x": ("",),
}
#: proclitics a later word of a phrase may carry.
_PHRASE_PREFIXES = ("", "ال", "ب", "بال", "ل", "لل", "و", "وال")


def _rows(name: str) -> list[list[str]]:
    raw = resources.files("rasid.events").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [ln.split("\t") for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class TriggerForm:
    form: str  # folded, words separated by one space
    type: str
    mode: str | None
    pos: str
    strong: bool
    need: str | None


@dataclass(frozen=True)
class TriggerHit:
    start: int  # text offsets of the whole trigger (all its words)
    end: int
    tok: int  # index of the first token
    ntok: int
    entry: TriggerForm


@lru_cache(maxsize=1)
def trigger_index() -> dict[str, list[TriggerForm]]:
    """First folded word -> trigger forms starting with it (longest first)."""
    idx: dict[str, list[TriggerForm]] = {}
    for r in _rows("triggers.tsv"):
        form, typ, mode, pos, strength, need = (r + ["-"] * 6)[:6]
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
    for r in _rows("context.tsv"):
        out.setdefault(r[1], []).append((fold(r[0]), r[2] if len(r) > 2 else "x"))
    return out


@lru_cache(maxsize=1)
def modality_cues() -> list[tuple[tuple[str, ...], str, int, str, str]]:
    """[(folded words, modality, window, pos, side)]."""
    return [
        (tuple(fold(r[0]).split()), r[1], int(r[2]), r[3] if len(r) > 3 else "x", r[4] if len(r) > 4 else "before")
        for r in _rows("modality.tsv")
    ]


@lru_cache(maxsize=1)
def acled_table() -> dict[tuple[str, str], tuple[str, str, bool]]:
    return {(r[0], r[1]): (r[2], r[3], r[4] == "yes") for r in _rows("acled.tsv")}


def acled_for(typ: str, mode: str | None) -> tuple[str, str, bool] | None:
    t = acled_table()
    return t.get((typ, mode or "*")) or t.get((typ, "*"))


@lru_cache(maxsize=1)
def count_words() -> dict[str, tuple[str, str]]:
    return {fold(r[0]): (r[1], r[2]) for r in _rows("counts.tsv")}


@lru_cache(maxsize=1)
def fallback_number_words() -> dict[str, int]:
    return {fold(r[0]): int(r[1]) for r in _rows("numbers.tsv")}


def stem_matches(norm: str, form: str, pos: str) -> bool:
    """Does a token (folded) carry ``form`` after proclitics and allowed suffixes?"""
    for _, stem in proclitic_splits(norm):
        if not stem.startswith(form):
            continue
        rest = stem[len(form):]
        if rest in SUFFIXES.get(pos, ("",)):
            return True
    return False


def word_in(norm: str, words: Sequence[tuple[str, str]]) -> bool:
    return any(stem_matches(norm, w, p) for w, p in words)


def _candidates(norm: str) -> list[TriggerForm]:
    idx = trigger_index()
    out: list[TriggerForm] = []
    seen: set[str] = set()
    for _, stem in proclitic_splits(norm):
        # try the stem and every prefix of it (the form plus a suffix)
        for cut in range(len(stem), 1, -1):
            key = stem[:cut]
            if key in seen:
                continue
            seen.add(key)
            out.extend(idx.get(key, ()))
    return out


def find_triggers(tokens: Sequence[Token]) -> list[TriggerHit]:
    """All trigger hits, longest phrase first at each token, no overlaps."""
    hits: list[TriggerHit] = []
    i, n = 0, len(tokens)
    while i < n:
        best: TriggerHit | None = None
        for tf in _candidates(tokens[i].norm):
            words = tf.form.split(" ")
            if not stem_matches(tokens[i].norm, words[0], tf.pos if len(words) == 1 or tf.pos == "v" else "n"):
                continue
            if i + len(words) > n:
                continue
            ok = all(
                any(tokens[i + k].norm == p + w for p in _PHRASE_PREFIXES) for k, w in enumerate(words[1:], 1)
            )
            if not ok:
                continue
            if best is None or len(words) > best.ntok or (len(words) == best.ntok and tf.strong and not best.entry.strong):
                best = TriggerHit(tokens[i].start, tokens[i + len(words) - 1].end, i, len(words), tf)
        if best is not None:
            hits.append(best)
            i += best.ntok
        else:
            i += 1
    return hits
