"""English display names for Arabic personal names (lossy romanisation).

Common given names, particles and compounds come from data/name_roman.tsv
(محمد Mohammed، عبد الله Abdullah، أبو Abu، بن bin); other words are
romanised letter by letter (data/translit.tsv) with light vowelling, no
apostrophes, the article as "al-".
"""

from __future__ import annotations

import re
from functools import lru_cache
from rasid import lang
from rasid.text import fold

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


@lru_cache(maxsize=1)
def _translit() -> dict[str, str]:
    return lang.mapping("actors/data/translit.tsv")


@lru_cache(maxsize=1)
def name_table() -> dict[str, str]:
    """Folded common name / particle (one or two words) -> English spelling."""
    rows = lang.rows("actors/data/name_roman.tsv", 2, fold=fold, min_cols=1, unique_key=False)
    return {ar: en for ar, en in rows if en}


#: letters and letter classes the rules below name (data/romanize_letters.tsv, as written).
_L = lang.mapping("actors/data/romanize_letters.tsv", ncols=3)
_LONG = _L["long"]  # letters read as vowels
_SOFT = _L["soft"]  # before these و/ي are consonants (w/y)
_WAW, _YAA, _AIN, _ALEF = _L["waw"], _L["yaa"], _L["ain"], _L["alef"]
_GLIDES = _WAW + _YAA
_ABD, _ARTICLE = _L["abd"], _L["article"]


def _letters(w: str) -> str:
    """Letter-by-letter romanisation of one word (no article), with light vowelling."""
    table = _translit()
    out = ""
    n = len(w)
    for i, c in enumerate(w):
        nxt = w[i + 1] if i + 1 < n else ""
        prev = w[i - 1] if i else ""
        if c in _GLIDES and i > 0:
            consonant = bool(nxt) and nxt in _SOFT or prev in _L["alef_madda"]
            r = ("w" if c == _WAW else "y") if consonant else ("u" if c == _WAW else "i")
            if c == _YAA and prev in _L["hamza_alef_yaa"] and not consonant:
                r = ""  # إيف -> If, ميخائيل -> Mikhail
        elif c == _AIN:
            r = "a" if i == 0 and nxt not in _LONG else ""
        elif c in _L["hamza_seats"] and 0 < i < n - 1:
            r = "i" if c == _L["hamza_yaa"] else "u"
        elif c == _ALEF and i > 0:
            r = "a"
        elif c == _L["taa_marbuta"]:
            r = "a" if i == n - 1 else "at"
        elif c == _L["alef_maqsura"]:
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
            if fold(w) == _ABD and words[i + 1].startswith(_ARTICLE):  # عبد الستار -> Abdulsattar
                out.append("Abdul" + _letters(words[i + 1][len(_ARTICLE):]).lower())
                i += 2
                continue
        f = fold(w)
        if f in names:
            out.append(names[f])
        elif f.startswith(_ARTICLE) and len(f) > 3 and f[len(_ARTICLE):] in names:
            out.append("al-" + names[f[len(_ARTICLE):]])
        elif w.startswith(_ARTICLE) and len(w) > 3:
            out.append("al-" + _cap(_letters(w[len(_ARTICLE):])))
        else:
            out.append(_cap(_letters(w)))
        i += 1
    return " ".join(x for x in out if x)
