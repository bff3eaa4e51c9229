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


def _parse_at(words: list[tuple[int, int, str]], vtext: str, i: int) -> tuple[int, int, bool, str, bool, int] | None:
    """Parse a number phrase starting at words[i].

    Returns (j, value, approx, kind, definite, skip) with words[i:j] the
    phrase and ``skip`` the length of a conjunction/preposition glued to its
    first word ("و24", "بعشرة"), left out of the span.
    """
    skip = 0
    total = 0.0
    current = 0.0
    approx = False
    kind = ""
    definite = False
    last_kind = ""
    last_mult = 0.0
    j = i
    n = len(words)
    while j < n:
        s, e, w = words[j]
        if j > i:
            gap = vtext[words[j - 1][1]:s]
            if gap.strip() or "\n" in gap:
                break
        if w[0].isdigit():
            if j > i:
                break
            # not part of a date, a time or a ratio: 2023/08/25, 04:57, 3-1
            before = vtext[s - 1] if s > 0 else " "
            after = vtext[e] if e < len(vtext) else " "
            if before in "/:-" or after in "/:-" and e + 1 < len(vtext) and vtext[e + 1].isdigit():
                return None
            val = _digits_value(w, _mult_follows(words, vtext, j))
            if val != val:  # nan
                return None
            current = val
            kind = "digits"
            last_kind = "digits"
            j += 1
            continue
        hit = _lookup(w, first=(j == i))
        if hit is None:
            # "الـ10": a bare article glued to digits
            if j == i and w in _DIGIT_PREFIXES and j + 1 < n and words[j + 1][0] == e and words[j + 1][2][0].isdigit():
                definite = _ARTICLE in w
                skip = 0 if definite else len(w)
                j += 1
                s2, e2, w2 = words[j]
                after = vtext[e2] if e2 < len(vtext) else " "
                if after in "/:-" and e2 + 1 < len(vtext) and vtext[e2 + 1].isdigit():
                    return None
                val = _digits_value(w2, _mult_follows(words, vtext, j))
                if val != val:
                    return None
                current = val
                kind = "digits"
                last_kind = "digits"
                j += 1
                continue
            break
        prefix, v, k = hit
        conj = prefix.startswith(_CONJ) and j > i
        if j > i and prefix not in ("", _CONJ) and not (last_kind == "approx" and k in ("multpl", "mult")):
            break
        if j == i:
            kind = kind or "words"
            if prefix and _ARTICLE not in prefix:
                skip = len(prefix)
        if k == "unit":
            if j > i and not conj:
                break
            current += v
        elif k == "teenunit":
            nxt = _lookup(words[j + 1][2], first=False) if j + 1 < n else None
            if nxt is None or nxt[2] != "ten1" or nxt[0]:
                break
            if j > i and not conj:
                break
            current += v
        elif k == "ten1":
            if j > i and last_kind in ("unit", "teenunit") and not conj:
                current += 10
            elif j > i and not conj:
                break
            else:
                current += v
        elif k == "tens":
            if j > i and not conj:
                break
            current += v
        elif k == "hundred":
            if j > i and last_kind == "unit" and not conj and v == 100:
                current *= 100
            elif j > i and not conj:
                break
            else:
                current += v
        elif k in ("mult", "multpl"):
            if last_kind in ("mult", "multpl", "dual"):
                break
            if j == i and k == "multpl":
                approx = True
            if j > i and conj:
                break
            total += (current or 1) * v
            current = 0
            last_mult = v
        elif k == "frac":
            if j == i:
                current += v  # نصف مليون: needs a multiplier after it
            elif conj and last_kind in ("mult", "multpl", "dual") and last_mult:
                total += v * last_mult  # مليون ونصف
            else:
                break
        elif k == "dual":
            if j > i:
                break
            total += v
            last_mult = v / 2
        elif k in ("approx", "few"):
            if j > i:
                break
            approx = True
            current += v
        last_kind = k
        j += 1
    if j == i:
        return None
    if last_kind == "frac" and j - i == 1:
        return None  # "نصف" alone is no count
    value = total + current
    if value < 1 and kind != "digits":
        return None
    if not math.isfinite(value):
        return None  # hundreds of digits overflow a float: no count
    return j, int(round(value)), approx, kind or "words", definite, skip


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


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in ``text`` (digits, words, duals), with approximation and noun."""
    view, words = _views(text)
    vtext = view.text
    nounit, duals, _ = _sets()
    out: list[NumberMatch] = []
    i = 0
    n = len(words)
    while i < n:
        s0, e0, w0 = words[i]
        parsed = _parse_at(words, vtext, i)
        if parsed is None:
            stem = w0
            for p in _DUAL_PREFIXES:
                if w0.startswith(p) and w0[len(p):] in duals:
                    stem = w0[len(p):]
                    break
            if stem in duals:
                st, en = view.to_text(s0 + (len(w0) - len(stem)), e0)
                out.append(NumberMatch(st, en, text[st:en], 2, False, st, en, text[st:en], "dual"))
            i += 1
            continue
        j, value, approx, kind, definite, skip = parsed
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
