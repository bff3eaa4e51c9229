"""English display names for Arabic personal names (lossy romanisation).

Common given names, particles and compounds come from data/name_roman.tsv
(محمد Mohammed، عبد الله Abdullah، أبو Abu، بن bin); other words are
romanised letter by letter (data/translit.tsv) with light vowelling, no
apostrophes, the article as "al-".
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rasid.text import fold

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


def _lines(name: str) -> list[str]:
    raw = resources.files("rasid.actors").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _translit() -> dict[str, str]:
    return {a: b for a, b in (ln.split("\t")[:2] for ln in _lines("translit.tsv"))}


@lru_cache(maxsize=1)
def name_table() -> dict[str, str]:
    """Folded common name / particle (one or two words) -> English spelling."""
    out = {}
    for ln in _lines("name_roman.tsv"):
        ar, en = (ln.split("\t") + [""])[:2]
        if en.strip():
            out[fold(ar.strip())] = en.strip()
    return out


_LONG = "اأإآى"  # letters read as vowels
_SOFT = "اىة"  # before these و/ي are consonants (w/y)


def _letters(w: str) -> str:
    """Letter-by-letter romanisation of one word (no article), with light vowelling."""
    table = _translit()
    out = ""
    n = len(w)
    for i, c in enumerate(w):
        nxt = w[i + 1] if i + 1 < n else ""
        prev = w[i - 1] if i else ""
        if c in "وي" and i > 0:
            consonant = bool(nxt) and nxt in _SOFT or prev in "اآ"
            r = ("w" if c == "و" else "y") if consonant else ("u" if c == "و" else "i")
            if c == "ي" and prev in "إئ" and not consonant:
                r = ""  # إيف -> If, ميخائيل -> Mikhail
        elif c == "ع":
            r = "a" if i == 0 and nxt not in _LONG else ""
        elif c in "ئؤ" and 0 < i < n - 1:
            r = "i" if c == "ئ" else "u"
        elif c == "ا" and i > 0:
            r = "a"
        elif c == "ة":
            r = "a" if i == n - 1 else "at"
        elif c == "ى":
            r = "a"
        else:
            r = table.get(c, c if c.isascii() else "")
        if not r:
            continue
        vowel_r = r[0] in "aeiou" or not r[0].isalpha()
        # a short vowel after a first consonant cluster (شمري -> Shamri, خليل -> Khalil)
        if out and not vowel_r and out[-1] not in "aeiou" and len(out) <= 2 and not any(v in out for v in "aeiou"):
            out += "a"
        # a final cluster (سامر -> Samer, مايكل -> Maykel)
        elif (out and not vowel_r and i == n - 1 and out[-1] not in "aeiouwy" and len(out) >= 3
              and any(v in out for v in "aeiou")):
            out += "e"
        # three consonants in a row (آيزنكوت -> Ayzankut)
        elif not vowel_r and len(out) >= 2 and out[-1] not in "aeiouy" and out[-2] not in "aeiou":
            out += "a"
        out += r
    return out


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def romanize(name_ar: str) -> str:
    """A readable Latin form of an Arabic name (lossy): common names from a table
    (محمد Mohammed، عبد الله Abdullah، أبو Abu، بن bin), other words letter by letter."""
    names = name_table()
    words = _DIACRITICS.sub("", name_ar).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if not any("\u0600" <= c <= "\u06ff" for c in w):
            out.append(w)
            i += 1
            continue
        if i + 1 < len(words):
            two = fold(w + " " + words[i + 1])
            if two in names:
                out.append(names[two])
                i += 2
                continue
            if fold(w) == "عبد" and words[i + 1].startswith("ال"):  # عبد الستار -> Abdulsattar
                out.append("Abdul" + _letters(words[i + 1][2:]).lower())
                i += 2
                continue
        f = fold(w)
        if f in names:
            out.append(names[f])
        elif f.startswith("ال") and len(f) > 3 and f[2:] in names:
            out.append("al-" + names[f[2:]])
        elif w.startswith("ال") and len(w) > 3:
            out.append("al-" + _cap(_letters(w[2:])))
        else:
            out.append(_cap(_letters(w)))
        i += 1
    return " ".join(x for x in out if x)
