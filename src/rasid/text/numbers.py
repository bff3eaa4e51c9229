"""Arabic numbers: digits, number words, duals and approximations -> integers.

Number words, approximation markers ("حوالي", "أكثر من", "عشرات"), dual nouns
("يومين", "جنديين") and the words never taken as a counted noun live in
``data/numbers.tsv`` and ``data/number_context.tsv``. Matching runs on the
folded view (:class:`rasid.text.MatchView`), so hamza/ta-marbuta spellings and
Arabic-Indic digits all work; offsets point into the text given.

>>> parse_number("خمسة عشر"), parse_number("ثلاثة آلاف وخمسمئة"), parse_number("2,500")
(15, 3500, 2500)
>>> [(m.value, m.approx, m.unit) for m in find_numbers("قتل نحو 40 شخصاً")]
[(40, True, 'شخصاً')]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, NamedTuple

from rasid import lang
from rasid.text.normalize import MatchView, fold_key

__all__ = ["NumberMatch", "find_numbers", "non_count_words", "number_words", "parse_number"]

# A view "word": a run of digits (with , or . inside) or a run of letters.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


@lru_cache(maxsize=1)
def _clitics() -> dict[str, tuple[str, ...]]:
    """Role -> forms of ``data/number_clitics.tsv`` (proclitics and particles), in file order."""
    return {r[0]: tuple(r[1].split("|")) for r in lang.rows("text/data/number_clitics.tsv", 3, min_cols=2)}


def _clitic(role: str) -> str:
    (form,) = _clitics()[role]
    return form


#: wa- "and", the article and "من" (data/number_clitics.tsv)
_CONJ, _ARTICLE, _OF = _clitic("conj"), _clitic("article"), _clitic("of")
_FIRST_PREFIXES = _clitics()["first"]
_INNER_PREFIXES = _clitics()["inner"]
_DIGIT_PREFIXES = frozenset(_clitics()["digits"])
_DUAL_PREFIXES = ("", *_clitics()["dual"])
_APPROX_PREFIXES = _clitics()["approx"]
_HEAD_PREFIXES = ("", *_clitics()["head"])


@dataclass
class NumberMatch:
    """A number found in a text; offsets are ``str`` indices, end exclusive."""

    start: int
    end: int
    text: str
    value: int
    approx: bool = False
    unit_start: int | None = None
    unit_end: int | None = None
    unit: str | None = None
    kind: str = "words"  # digits | words | dual
    definite: bool = False  # "الـ10": an ordinal-like reference, not a count


def _read(name: str, ncols: int, min_cols: int | None = None) -> tuple[tuple[str, ...], ...]:
    return lang.rows(f"text/data/{name}", ncols, min_cols=min_cols, unique_key=False)


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[float, str]]:
    """Folded number word -> (value, kind)."""
    return {fold_key(w): (_value(v), k) for w, v, k in _read("numbers.tsv", 3)}


def _value(v: str) -> float:
    if "/" in v:
        a, b = v.split("/")
        return int(a) / int(b)
    return int(v)


@lru_cache(maxsize=1)
def _context() -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {"approx": [], "approxafter": [], "nounit": [], "dual": []}
    for row in _read("number_context.tsv", 3, min_cols=2):
        out[row[1]].append(tuple(fold_key(row[0]).split()))
    for k in ("approx",):
        out[k].sort(key=len, reverse=True)
    return out


@lru_cache(maxsize=1)
def _sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    c = _context()
    return (
        frozenset(w[0] for w in c["nounit"]),
        frozenset(w[0] for w in c["dual"]),
        frozenset(" ".join(w) for w in c["approxafter"]),
    )


def non_count_words() -> frozenset[str]:
    """Folded words never taken as the counted noun after a number (في، من، حيث ...)."""
    return _sets()[0]


@lru_cache(maxsize=1)
def _approx_after_re() -> re.Pattern[str]:
    alts = sorted(_sets()[2], key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts) + r")(?![^\W_])")


@lru_cache(maxsize=65536)
def _lookup(word: str, first: bool) -> tuple[str, float, str] | None:
    """(prefix, value, kind) for a view word, trying proclitics."""
    table = number_words()
    if word in table:
        return ("", *table[word])
    prefixes = _FIRST_PREFIXES if first else _INNER_PREFIXES
    for p in prefixes:
        if word.startswith(p) and len(word) - len(p) >= 2:
            hit = table.get(word[len(p):])
            if hit is None:
                continue
            # الاثنين is Monday, not "the two"
            if _ARTICLE in p and hit[0] == 2 and hit[1] == "unit":
                continue
            return (p, *hit)
    return None


def _mult_follows(words: list[tuple[int, int, str]], vtext: str, j: int) -> bool:
    if j + 1 >= len(words) or vtext[words[j][1]:words[j + 1][0]].strip():
        return False
    hit = number_words().get(words[j + 1][2])
    return bool(hit and hit[1] in ("mult", "multpl"))


def _digits_value(s: str, before_mult: bool = False) -> float:
    """"2,500" and "1.200" are thousands; "2.5 مليون" and "3,5 مليون" decimals.
    NaN for digits Python cannot read as a number (``str.isdigit`` is true for
    circled and superscript digits such as "➀", which ``float`` refuses)."""
    try:
        return _digits_float(s, before_mult)
    except ValueError:
        return float("nan")


def _digits_float(s: str, before_mult: bool) -> float:
    if before_mult and s.count(".") + s.count(",") == 1:
        return float(s.replace(",", "."))
    if s.count(".") == 1 and "," not in s and len(s.split(".")[1]) == 3:
        return float(s.replace(".", ""))
    if "," in s:
        parts = s.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            s = "".join(parts)
        else:
            s = s.replace(",", ".")
    if s.count(".") > 1:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]):
            s = "".join(parts)
        else:
            return float("nan")
    return float(s)


Words = list[tuple[int, int, str]]  # (view start, view end, view word)

_DATE_MARKS = "/:-"  # digits next to these are a date, a time or a ratio: 2023/08/25, 04:57, 3-1
_MULTS = ("mult", "multpl")
_AFTER_MULT = ("mult", "multpl", "dual")


@dataclass
class _Phrase:
    """A number phrase found by :func:`_parse_at`: ``words[start:end]``."""

    end: int  # index of the first word after the phrase
    value: int
    approx: bool
    kind: str  # digits | words
    definite: bool  # "الـ10": an ordinal-like reference, not a count
    skip: int  # length of a proclitic glued to the first word ("و24", "بعشرة"), left out of the span


@dataclass
class _Reading:
    """The running sum of a phrase being read, word by word."""

    total: float = 0.0  # what multipliers closed ("ثلاثة آلاف" -> 3000)
    current: float = 0.0  # the open part ("وخمسمئة" -> 500)
    approx: bool = False
    kind: str = ""
    definite: bool = False
    skip: int = 0
    last_kind: str = ""  # kind of the previous word
    last_mult: float = 0.0  # the last multiplier ("مليون ونصف" = 1.5 million)


class _Word(NamedTuple):
    """A number word in its phrase: its kind and value, whether it is not the
    first word, whether و joins it to the word before, and (for a teen unit)
    the next word's reading."""

    kind: str
    value: float
    later: bool
    conj: bool
    next_hit: tuple[str, float, str] | None


# ---- the rules, one per kind of number word (data/numbers.tsv): each adds the
# word to the reading and says True, or says False when the phrase ends before it.
def _unit(r: _Reading, w: _Word) -> bool:
    """1-9: a later one only after و ("ثلاثة وعشرون")."""
    if w.later and not w.conj:
        return False
    r.current += w.value
    return True


def _teenunit(r: _Reading, w: _Word) -> bool:
    """أحد/اثنا: only right before a bare عشر ("أحد عشر")."""
    nxt = w.next_hit
    if nxt is None or nxt[2] != "ten1" or nxt[0]:
        return False
    if w.later and not w.conj:
        return False
    r.current += w.value
    return True


def _ten1(r: _Reading, w: _Word) -> bool:
    """عشر/عشرة: 10 alone, +10 after a unit ("خمسة عشر")."""
    if w.later and r.last_kind in ("unit", "teenunit") and not w.conj:
        r.current += 10
    elif w.later and not w.conj:
        return False
    else:
        r.current += w.value
    return True


def _tens(r: _Reading, w: _Word) -> bool:
    """20-90: a later one only after و ("خمسة وعشرون")."""
    if w.later and not w.conj:
        return False
    r.current += w.value
    return True


def _hundred(r: _Reading, w: _Word) -> bool:
    """100-900; مئة right after a unit multiplies it ("ثلاث مئة")."""
    if w.later and r.last_kind == "unit" and not w.conj and w.value == 100:
        r.current *= 100
    elif w.later and not w.conj:
        return False
    else:
        r.current += w.value
    return True


def _mult(r: _Reading, w: _Word) -> bool:
    """ألف/مليون (and plurals): multiplies what precedes, or 1; a plural alone is approximate."""
    if r.last_kind in _AFTER_MULT:
        return False
    if not w.later and w.kind == "multpl":
        r.approx = True
    if w.later and w.conj:
        return False
    r.total += (r.current or 1) * w.value
    r.current = 0
    r.last_mult = w.value
    return True


def _frac(r: _Reading, w: _Word) -> bool:
    """نصف/ربع: first ("نصف مليون") or after a multiplier and و ("مليون ونصف")."""
    if not w.later:
        r.current += w.value
    elif w.conj and r.last_kind in _AFTER_MULT and r.last_mult:
        r.total += w.value * r.last_mult
    else:
        return False
    return True


def _dual(r: _Reading, w: _Word) -> bool:
    """ألفان: a dual multiplier, first word only."""
    if w.later:
        return False
    r.total += w.value
    r.last_mult = w.value / 2
    return True


def _approx(r: _Reading, w: _Word) -> bool:
    """عشرات/بضعة: an approximate count, first word only."""
    if w.later:
        return False
    r.approx = True
    r.current += w.value
    return True


#: kind of number word -> its rule (a kind without a rule is taken as it is)
_KIND_RULES: dict[str, Callable[[_Reading, _Word], bool]] = {
    "unit": _unit, "teenunit": _teenunit, "ten1": _ten1, "tens": _tens, "hundred": _hundred,
    "mult": _mult, "multpl": _mult, "frac": _frac, "dual": _dual, "approx": _approx, "few": _approx,
}


def _joined(words: Words, vtext: str, j: int) -> bool:
    """Does words[j] follow the word before it after spaces only (no new line)?"""
    gap = vtext[words[j - 1][1]:words[j][0]]
    return not (gap.strip() or "\n" in gap)


def _digits_at(words: Words, vtext: str, j: int) -> float | None:
    """The value of the digits words[j] (NaN included), or None when they are
    part of a date, a time or a ratio (a mark and a digit after them)."""
    _, e, w = words[j]
    after = vtext[e] if e < len(vtext) else " "
    if after in _DATE_MARKS and e + 1 < len(vtext) and vtext[e + 1].isdigit():
        return None
    return _digits_value(w, _mult_follows(words, vtext, j))


def _first_digits(r: _Reading, words: Words, vtext: str, j: int) -> bool:
    """Step 2: digits as the first word ("24"). False: no number here."""
    s = words[j][0]
    before = vtext[s - 1] if s > 0 else " "
    if before in _DATE_MARKS:
        return False
    val = _digits_at(words, vtext, j)
    if val is None or val != val:  # a date, or NaN
        return False
    r.current, r.kind, r.last_kind = val, "digits", "digits"
    return True


def _glued_digits(words: Words, vtext: str, j: int) -> bool:
    """Is words[j] a bare proclitic glued to the digits after it ("الـ10", "و24")?"""
    n = len(words)
    return (words[j][2] in _DIGIT_PREFIXES and j + 1 < n and words[j + 1][0] == words[j][1]
            and words[j + 1][2][0].isdigit())


def _take_glued_digits(r: _Reading, words: Words, vtext: str, j: int) -> bool:
    """Step 4: the proclitic words[j] and the digits after it. False: no number here."""
    w = words[j][2]
    r.definite = _ARTICLE in w
    r.skip = 0 if r.definite else len(w)
    val = _digits_at(words, vtext, j + 1)
    if val is None or val != val:
        return False
    r.current, r.kind, r.last_kind = val, "digits", "digits"
    return True


def _finish(r: _Reading, i: int, j: int) -> _Phrase | None:
    """Step 5: the phrase words[i:j] as a whole: not empty, not a lone fraction,
    at least 1 (unless digits: "0"), finite."""
    if j == i:
        return None
    if r.last_kind == "frac" and j - i == 1:
        return None  # "نصف" alone is no count
    value = r.total + r.current
    if value < 1 and r.kind != "digits":
        return None
    if not math.isfinite(value):
        return None  # hundreds of digits overflow a float: no count
    return _Phrase(j, int(round(value)), r.approx, r.kind or "words", r.definite, r.skip)


def _parse_at(words: Words, vtext: str, i: int) -> _Phrase | None:
    """The number phrase that starts at words[i], or None.

    Word by word, from words[i]:

    1. a later word must follow the one before after spaces only (:func:`_joined`);
    2. digits may only be the first word, and not part of a date, a time or a
       ratio (:func:`_first_digits`);
    3. a number word, with a proclitic on the first word or و on a later one
       (:func:`_lookup`), goes to the rule of its kind (``_KIND_RULES``); a later
       word with another proclitic ends the phrase, except a multiplier after an
       approximation ("عشرات الآلاف");
    4. a first word that is a bare proclitic glued to digits ("الـ10", "و24")
       reads the digits (:func:`_take_glued_digits`);
    5. the phrase is checked as a whole (:func:`_finish`).
    """
    w = words[i][2]
    if not w[0].isdigit() and _lookup(w, first=True) is None and not _glued_digits(words, vtext, i):
        return None  # most words: no number starts here (steps 2-4 find none; a speed-up)
    r = _Reading()
    j = i
    n = len(words)
    while j < n:
        w = words[j][2]
        if j > i and not _joined(words, vtext, j):
            break
        if w[0].isdigit():
            if j > i:
                break
            if not _first_digits(r, words, vtext, j):
                return None
            j += 1
            continue
        hit = _lookup(w, first=(j == i))
        if hit is None:
            if j == i and _glued_digits(words, vtext, j):
                if not _take_glued_digits(r, words, vtext, j):
                    return None
                j += 2
                continue
            break
        prefix, v, k = hit
        conj = prefix.startswith(_CONJ) and j > i
        if j > i and prefix not in ("", _CONJ) and not (r.last_kind == "approx" and k in _MULTS):
            break
        if j == i:
            r.kind = r.kind or "words"
            if prefix and _ARTICLE not in prefix:
                r.skip = len(prefix)
        rule = _KIND_RULES.get(k)
        nxt = _lookup(words[j + 1][2], first=False) if k == "teenunit" and j + 1 < n else None
        if rule is not None and not rule(r, _Word(k, v, j > i, conj, nxt)):
            break
        r.last_kind = k
        j += 1
    return _finish(r, i, j)


def _views(text: str) -> tuple[MatchView, list[tuple[int, int, str]]]:
    view = MatchView(text)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(view.text)]
    return view, words


def _approx_before(words: list[tuple[int, int, str]], vtext: str, i: int) -> int | None:
    """Index of the first word of an approximation marker ending right before words[i]."""
    for phrase in _context()["approx"]:
        k = len(phrase)
        if i - k < 0:
            continue
        cand = [w for _, _, w in words[i - k:i]]
        first = cand[0]
        ok_first = first == phrase[0] or any(first == p + phrase[0] for p in _APPROX_PREFIXES)
        if ok_first and cand[1:] == list(phrase[1:]):
            gap = vtext[words[i - k][0]:words[i][0]]
            if "\n" not in gap and not re.search(r"[.;:!?,]", gap):
                return i - k
    return None


@lru_cache(maxsize=65536)
def _dual_stem(w: str) -> str | None:
    """The dual noun a word is, less its proclitic (the first of ``_DUAL_PREFIXES``
    that leaves one), or None."""
    duals = _sets()[1]
    for p in _DUAL_PREFIXES:
        if w.startswith(p) and w[len(p):] in duals:
            return w[len(p):]
    return None


_MAY_COUNT: dict[str, bool] = {}


def _may_count(w: str) -> bool:
    """Can a number phrase (:func:`_parse_at`'s first test) or a dual start at view
    word ``w``? (cached word by word; a full cache is emptied)"""
    out = bool(w[0].isdigit() or w in _DIGIT_PREFIXES or _lookup(w, first=True) is not None
               or _dual_stem(w) is not None)
    if len(_MAY_COUNT) >= 1 << 16:
        _MAY_COUNT.clear()
    _MAY_COUNT[w] = out
    return out


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in ``text`` (digits, words, duals), with approximation and noun."""
    view, words = _views(text)
    vtext = view.text
    nounit = _sets()[0]
    out: list[NumberMatch] = []
    i = 0
    n = len(words)
    may = _MAY_COUNT
    while i < n:
        s0, e0, w0 = words[i]
        hit = may.get(w0)
        if hit is None:
            hit = _may_count(w0)
        if not hit:  # most words: neither a number phrase nor a dual starts here
            i += 1
            continue
        parsed = _parse_at(words, vtext, i)
        if parsed is None:
            stem = _dual_stem(w0)
            if stem is not None:
                st, en = view.to_text(s0 + (len(w0) - len(stem)), e0)
                out.append(NumberMatch(st, en, text[st:en], 2, False, st, en, text[st:en], "dual"))
            i += 1
            continue
        j, value, approx, kind, definite, skip = (parsed.end, parsed.value, parsed.approx, parsed.kind,
                                                  parsed.definite, parsed.skip)
        start_i = i
        a = _approx_before(words, vtext, i)
        if a is not None:
            approx = True
            start_i = a
        vs, ve = words[start_i][0], words[j - 1][1]
        if start_i == i:
            vs += skip
        unit = None
        k = j
        after_end = ve
        if k < n and words[k][0] - ve <= 2 and not vtext[ve:words[k][0]].strip():
            w = words[k][2]
            if w == _OF and k + 1 < n and kind == "words" and approx:
                k += 1
                w = words[k][2]
            if not w[0].isdigit() and w not in nounit and _lookup(w, first=False) is None:
                us, ue = view.to_text(words[k][0], words[k][1])
                unit = (us, ue)
                after_end = words[k][1]
        if _approx_after_re().match(vtext, after_end) or _approx_after_re().match(vtext, ve):
            approx = True
        st, en = view.to_text(vs, ve)
        m = NumberMatch(st, en, text[st:en], value, approx, kind=kind, definite=definite)
        if unit:
            m.unit_start, m.unit_end = unit
            m.unit = text[unit[0]:unit[1]]
        out.append(m)
        i = j
    return out


def parse_number(s: str) -> int | None:
    """The integer a number phrase denotes ("ثلاثة", "عشرات", "2500"), else None."""
    key = fold_key(s)
    if not key:
        return None
    ms = find_numbers(key)
    if len(ms) != 1:
        return None
    m = ms[0]
    head, tail = key[: m.start].strip(), key[m.end:].strip()
    if head not in _HEAD_PREFIXES:
        return None
    if tail and tail not in _sets()[2]:
        return None
    return m.value
