"""People: names after titles and roles, NER names, and later short mentions.

A person is found (1) after a title or rank (اللواء، العميد، الرئيس، وزير
الدفاع ...; data/titles.tsv), optionally followed by a nationality adjective,
with the name running until a stop word, a common word or punctuation; or
(2) by the CRF model (PERS). Roles come from a role phrase before the title
(المتحدث باسم التحالف ...) or after the name (، القائد العام لـ ...). Later
mentions of the surname (كاغينز، والطلاع) link to the first full mention.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rasid.actors.ner_features import lexicons, stem_of
from rasid.text import fold, fold_key

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
MAX_NAME_TOKENS = 4


def _lines(name: str, folder: str = "data") -> list[str]:
    raw = resources.files("rasid.actors").joinpath(f"{folder}/{name}").read_text(encoding="utf-8")
    return [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def titles() -> dict[tuple[str, ...], tuple[str, str, str]]:
    """Folded title words -> (Arabic title, English, category)."""
    out: dict[tuple[str, ...], tuple[str, str, str]] = {}
    for ln in _lines("titles.tsv"):
        ar, en, cat = (ln.split("\t") + ["", ""])[:3]
        out[tuple(fold_key(ar).replace(".", "").split())] = (ar, en, cat)
    return out


@lru_cache(maxsize=1)
def stops() -> frozenset[str]:
    return frozenset(_DIACRITICS.sub("", unicodedata.normalize("NFKC", w.strip())) for w in _lines("name_stops.txt"))


@lru_cache(maxsize=1)
def role_heads() -> frozenset[str]:
    return frozenset(fold(w.strip()) for w in _lines("role_heads.txt"))


@lru_cache(maxsize=1)
def title_modifiers() -> frozenset[str]:
    return frozenset(fold(w.strip()) for w in _lines("title_modifiers.txt"))


@lru_cache(maxsize=1)
def connectors() -> frozenset[str]:
    return frozenset(fold(w.strip()) for w in _lines("name_connectors.txt"))


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Given names that are also ordinary words (علي، صالح، أمين ...): allowed in names."""
    return frozenset(fold(w.strip()) for w in _lines("name_words.txt"))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    try:
        return frozenset(w.strip() for w in _lines("common_words.txt", "models"))
    except FileNotFoundError:
        return frozenset()


@lru_cache(maxsize=1)
def _translit() -> dict[str, str]:
    return {a: b for a, b in (ln.split("\t")[:2] for ln in _lines("translit.tsv"))}


_VOWELS = set("aiu'")


def romanize(name_ar: str) -> str:
    """A readable Latin form of an Arabic name (lossy)."""
    table = _translit()
    words = []
    for w in _DIACRITICS.sub("", name_ar).split():
        if not any("\u0600" <= c <= "\u06ff" for c in w):
            words.append(w)
            continue
        art = ""
        if w.startswith("ال") and len(w) > 3:
            art, w = "al-", w[2:]
        out = ""
        for i, c in enumerate(w):
            if c in "وي" and i > 0:
                out += "u" if c == "و" else "i"
                continue
            r = table.get(c, c if c.isascii() else "")
            if out and r and out[-1] not in _VOWELS and r[0] not in _VOWELS and i < len(w) - 1 and c not in "اأإآى":
                out += "a"
            out += r
        words.append(art + out[:1].upper() + out[1:])
    return " ".join(words)


# ------------------------------------------------------------------------------
@dataclass
class Tok:
    start: int
    end: int
    text: str
    norm: str
    tag: str = "O"

    @property
    def is_word(self) -> bool:
        return any(c.isalnum() for c in self.text)

    @property
    def raw(self) -> str:
        return _DIACRITICS.sub("", self.text)


@dataclass
class PersonMention:
    start: int
    end: int
    name_ar: str
    tokens: list[str]  # folded name words
    source: str  # title | ner
    title: str | None = None
    title_en: str | None = None
    category: str | None = None
    role: str | None = None
    role_span: tuple[int, int] | None = None
    confidence: float = 0.8
    extra: dict = field(default_factory=dict)


def _title_at(toks: list[Tok], i: int) -> tuple[int, tuple[str, str, str]] | None:
    """Longest title starting at token i (a proclitic و/ل/ب may be attached): (n tokens, info)."""
    tt = titles()
    for n in (3, 2, 1):
        if i + n > len(toks):
            continue
        words = [t.norm for t in toks[i:i + n]]
        if not all(toks[k].is_word for k in range(i, i + n)):
            continue
        cands = [tuple(words)]
        first = words[0]
        for p in ("و", "ف", "ل", "ب"):
            if first.startswith(p) and len(first) > len(p) + 2:
                cands.append(tuple([first[len(p):]] + words[1:]))
        if first.startswith("لل"):
            cands.append(tuple(["ال" + first[2:]] + words[1:]))
        for c in cands:
            if c in tt:
                return n, tt[c]
    return None


def _is_name_token(tok: Tok, n_have: int) -> bool:
    lex = lexicons()
    common = common_words()
    if not tok.is_word or tok.raw in stops() or tok.norm.isdigit():
        return False
    if tok.norm in role_heads() or tok.norm in lex["nat"] or tok.norm in lex["title"]:
        return False
    pro, stem = stem_of(tok.norm)
    in_per = tok.norm in lex.get("gaz_PER", ()) or tok.tag.endswith("PERS")
    if tok.norm in name_words() or tok.raw in name_words():
        return True
    if pro in ("ل", "ب", "لل", "بال", "وال", "فال", "وب", "ول", "فب", "فل") and not in_per:
        return False
    if pro in ("و", "ف") and n_have and not in_per:
        return False
    if (tok.norm in common or stem in common) and not in_per:
        return False
    return True


def names_after_titles(toks: list[Tok], taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Title + (nationality adjective) + name tokens."""
    out: list[PersonMention] = []
    lex = lexicons()
    i = 0
    while i < len(toks):
        hit = _title_at(toks, i)
        if hit is None:
            i += 1
            continue
        n, (ar, en, cat) = hit
        j = i + n
        # skip nationality adjectives and "الركن"
        while j < len(toks) and toks[j].is_word and (toks[j].norm in lex["nat"] or toks[j].norm in title_modifiers()):
            j += 1
        k = j
        names: list[Tok] = []
        count = 0
        while k < len(toks) and count < MAX_NAME_TOKENS:
            t = toks[k]
            if t.text == "." and names and len(names[-1].norm) == 1:
                k += 1  # initial: "ت."
                continue
            forced = bool(names) and names[-1].norm in connectors() and t.is_word and t.raw not in stops()
            if not forced and not _is_name_token(t, count):
                break
            if forced and count >= MAX_NAME_TOKENS:
                break
            if any(s < t.end and t.start < e for s, e in taken):
                break
            if t.norm.startswith("ال") and count >= 3:
                break
            names.append(t)
            if len(t.norm) > 1:
                count += 1
            k += 1
            if t.norm.startswith("ال") and count >= 2 and len(t.norm) > 3 and not forced:
                break
        while names and len(names[-1].norm) == 1:
            names.pop()
        if not names or count == 0:
            i += n
            continue
        if count == 1:
            t0 = names[0]
            if not (t0.norm in lex.get("gaz_PER", ()) or t0.tag.endswith("PERS") or t0.norm in name_words()):
                i += n
                continue
        s, e = names[0].start, names[-1].end
        pm = PersonMention(s, e, "", [t.norm for t in names if len(t.norm) > 1], "title",
                           title=ar, title_en=en, category=cat, confidence=0.9)
        pm.extra["title_span"] = (toks[i].start, toks[i + n - 1].end)
        out.append(pm)
        i = k
    return out


def names_from_ner(toks: list[Tok], taken: list[tuple[int, int]], min_conf: float = 0.5) -> list[PersonMention]:
    from rasid.actors.ner import bio_spans

    out: list[PersonMention] = []
    for typ, a, b in bio_spans([t.tag for t in toks]):
        if typ != "PERS":
            continue
        span = toks[a:b]
        while span and not span[-1].is_word:
            span = span[:-1]
        if not span:
            continue
        s, e = span[0].start, span[-1].end
        if any(ts < e and s < te for ts, te in taken):
            continue
        words = [t.norm for t in span if t.is_word and len(t.norm) > 1]
        if not words:
            continue
        if len(words) == 1 and (words[0] in common_words() or len(words[0]) < 3):
            continue
        out.append(PersonMention(s, e, "", words, "ner", confidence=min_conf))
    return out


_ROLE_END = re.compile(r"[،,.;:؛\n()]|\s(?:الذي|التي|الذين|والذي|حيث|وهو|وهي)\s")


def find_role(text: str, pm: PersonMention, sentence: tuple[int, int]) -> None:
    """Attach the role phrase next to a name: after ', ' or directly after, or before the title."""
    s0, s1 = sentence
    after = text[pm.end:s1]
    m = re.match(r"\s*[،,]?\s*", after)
    rest = after[m.end():] if m else after
    first = rest.split(" ", 1)[0] if rest else ""
    pre, stem = stem_of(fold(first)) if first else ("", "")
    if first and (fold(first) in role_heads() or stem in role_heads()):
        stop = _ROLE_END.search(rest)
        seg = rest[: stop.start()] if stop else rest
        words = seg.split()
        if words:
            seg = " ".join(words[:10])
            rs = pm.end + (m.end() if m else 0)
            pm.role, pm.role_span = seg, (rs, rs + len(seg))
            return
    # before the title: "المتحدث باسم التحالف الدولي ... العقيد X"
    ts = pm.extra.get("title_span", (pm.start, pm.end))[0]
    before = text[s0:ts]
    cut = max(before.rfind(c) for c in "،,.;:؛\n")
    seg = before[cut + 1:] if cut >= 0 else before
    words = seg.split()
    for idx, w in enumerate(words):
        p, st = stem_of(fold(w))
        if fold(w) in role_heads() or st in role_heads():
            phrase = " ".join(words[idx:])
            if 1 <= len(words) - idx <= 12:
                rs = text.rfind(phrase, s0, ts)
                if rs < 0:
                    return
                pm.role = phrase
                pm.role_span = (rs, rs + len(phrase))
            return
