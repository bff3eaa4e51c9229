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
from functools import cached_property, lru_cache
from importlib import resources

from rasid import lang
from rasid.actors.forms import ARTICLE, CONJ, LI, LI_ARTICLE, NISBA, NISBA_FEM, ONE_LETTER, form, forms
from rasid.actors.ner_features import lexicons, stem_of
from rasid.actors.romanize import name_table, romanize
from rasid.errors import ModelDataError
from rasid.text import fold, fold_key

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
MAX_NAME_TOKENS = 4
COMMON_WORDS_FILE = "actors/models/common_words.txt"
_COMMAS = tuple("،,")  # the Arabic and the Latin comma
_CLAUSE_PUNCT = "،,.;:؛\n"  # punctuation that ends a role phrase
#: proclitic sets of the name rules (data/forms.tsv), folded.
_LI_BI = forms("li_bi")
_NOT_NAME_START = forms("not_name_start")
_ORG_ARTICLE = forms("org_article")
#: compound names end in الله (عبد الله، نصر الله; data/forms.tsv), folded.
_ALLAH = form("allah")


def _strip_marks(w: str) -> str:
    """NFKC without diacritics and tatweel (the form :attr:`Tok.raw` is compared in)."""
    return _DIACRITICS.sub("", unicodedata.normalize("NFKC", w))


def _folded(name: str) -> frozenset[str]:
    """A word list of ``data/`` folded (two spellings may fold to one word)."""
    return lang.words(f"actors/data/{name}", fold=fold, allow_duplicates=True)


@lru_cache(maxsize=1)
def titles() -> dict[tuple[str, ...], tuple[str, str, str]]:
    """Folded title words -> (Arabic title, English, category)."""
    out: dict[tuple[str, ...], tuple[str, str, str]] = {}
    for ar, en, cat in lang.rows("actors/data/titles.tsv", 3, min_cols=1):
        out[tuple(fold_key(ar).replace(".", "").split())] = (ar, en, cat)
    return out


@lru_cache(maxsize=1)
def stops() -> frozenset[str]:
    return lang.words("actors/data/name_stops.txt", fold=_strip_marks, allow_duplicates=True)


@lru_cache(maxsize=1)
def role_heads() -> frozenset[str]:
    return _folded("role_heads.txt")


@lru_cache(maxsize=1)
def title_modifiers() -> frozenset[str]:
    return _folded("title_modifiers.txt")


@lru_cache(maxsize=1)
def connectors() -> frozenset[str]:
    return _folded("name_connectors.txt")


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Given names that are also ordinary words (علي، صالح، أمين ...): allowed in names."""
    return _folded("name_words.txt")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent non-name words (folded stems, ``models/common_words.txt``); empty when not built."""
    try:
        return lang.words(COMMON_WORDS_FILE)
    except ModelDataError:
        if resources.files("rasid").joinpath(COMMON_WORDS_FILE).is_file():
            raise
        return frozenset()


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """One-word common given names of the romanisation table (حسين، إسماعيل ...), folded:
    as a surname alone they need evidence before linking ("صدام حسين" is not "يسرى حسين")."""
    return frozenset(k for k in name_table() if len(k.split()) == 1 and not k.startswith(ARTICLE))


@lru_cache(maxsize=1)
def compound_tails() -> frozenset[str]:
    """Second words of compound names (عبد الله، صلاح الدين، نصر الله): never a surname alone."""
    return frozenset(k.split()[1] for k in name_table() if len(k.split()) == 2)


def bad_compound(words: list[str]) -> bool:
    """A name ending in الله that is not a known compound ("توفيق الله" is a phrase)."""
    if not words or words[-1] != _ALLAH:
        return False
    return len(words) < 2 or (fold(words[-2] + " " + _ALLAH) not in name_table() and words[-2] not in connectors())


# ------------------------------------------------------------------------------
@dataclass
class Tok:
    start: int
    end: int
    text: str
    norm: str
    tag: str = "O"
    prob: float = 1.0

    @cached_property
    def is_word(self) -> bool:
        return any(c.isalnum() for c in self.text)

    @cached_property
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


@lru_cache(maxsize=1)
def _title_firsts() -> frozenset[str]:
    """First words of the titles."""
    return frozenset(k[0] for k in titles() if k)


@lru_cache(maxsize=100000)
def _may_start_title(first: str) -> bool:
    """Whether a title could start at a word (as is, after a one-letter proclitic, or li- +
    article made the article): the words no candidate of :func:`_title_at` can start with."""
    firsts = _title_firsts()
    if first in firsts:
        return True
    if any(first.startswith(p) and len(first) > len(p) + 2 and first[len(p):] in firsts for p in ONE_LETTER):
        return True
    return first.startswith(LI_ARTICLE) and ARTICLE + first[len(LI_ARTICLE):] in firsts


def _title_at(toks: list[Tok], i: int) -> tuple[int, tuple[str, str, str]] | None:
    """Longest title starting at token i (a proclitic و/ل/ب may be attached): (n tokens, info)."""
    if i >= len(toks) or not _may_start_title(toks[i].norm):
        return None
    tt = titles()
    for n in (3, 2, 1):
        if i + n > len(toks):
            continue
        words = [t.norm for t in toks[i:i + n]]
        if not all(toks[k].is_word for k in range(i, i + n)):
            continue
        cands = [tuple(words)]
        first = words[0]
        for p in ONE_LETTER:
            if first.startswith(p) and len(first) > len(p) + 2:
                cands.append(tuple([first[len(p):]] + words[1:]))
        if first.startswith(LI_ARTICLE):
            cands.append(tuple([ARTICLE + first[len(LI_ARTICLE):]] + words[1:]))
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
    if "\u064b" in tok.text or tok.norm in speech_verbs():
        return False  # tanwin (رافعاً) or a reporting verb (يضيف) ends a name
    pro, stem = stem_of(tok.norm)
    in_per = tok.norm in lex.get("gaz_PER", ()) or tok.tag.endswith("PERS")
    if tok.norm in name_words() or tok.raw in name_words():
        return True
    if pro in _LI_BI and not in_per and n_have == 0 and not _known_word(stem):
        pass  # a name that starts with ب/ل (بنديكت، لودريان), not a proclitic
    elif pro in _NOT_NAME_START and not in_per:
        return False
    if pro in CONJ and n_have and not in_per:
        return False
    if (tok.norm in common or stem in common) and not in_per:
        return False
    if tok.norm.startswith(ARTICLE) and stem in common and tok.norm not in lex.get("gaz_PER", ()):
        return False  # the model's PERS tag is not enough for "الوفد"
    return True


def _known_word(stem: str) -> bool:
    """A common word or a listed place / organisation word (so ب/ل before it is a proclitic)."""
    lex = lexicons()
    return (stem in common_words() or stem in lex.get("gaz_LOC", ()) or stem in lex.get("gaz_ORG", ())
            or len(stem) < 3 or stem.startswith(ARTICLE))


def _parse_name(toks: list[Tok], j: int, taken: list[tuple[int, int]]) -> tuple[list[Tok], int, int]:
    """Name tokens from index j: (tokens, words counted, next index)."""
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
        if any(s < t.end and t.start < e for s, e in taken):
            break
        if t.norm.startswith(ARTICLE) and count >= 3 and not forced:
            break
        if (t.norm.startswith(ARTICLE) and count >= 2 and not forced and not t.tag.endswith("PERS")
                and t.norm not in lexicons().get("gaz_PER", ())):
            break  # "ساركوزي الراغب": a participle, not a third name
        names.append(t)
        if len(t.norm) > 1 and t.norm not in connectors():
            count += 1
        k += 1
        if t.norm.startswith(ARTICLE) and count >= 2 and len(t.norm) > 3 and not forced:
            break
    while names and (len(names[-1].norm) == 1 or names[-1].norm in connectors()):
        names.pop()
    return names, count, k


@lru_cache(maxsize=1)
def field_phrases() -> frozenset[tuple[str, str]]:
    """Two-word field phrases after a role noun (في الشؤون، بالشأن ...), folded."""
    out = set()
    for phrase in _folded("field_phrases.txt"):
        w = phrase.split()
        if len(w) == 2:
            out.add((w[0], w[1]))
    return frozenset(out)


def _nisba_before_name(tok: Tok, nxt: Tok) -> bool:
    """A definite nisba adjective (ال...ي/ية) followed by a bare name word."""
    w = tok.norm
    if not (w.startswith(ARTICLE) and len(w) > 4 and (w.endswith(NISBA) or w.endswith(NISBA_FEM))):
        return False
    if not nxt.is_word or nxt.norm.startswith(ARTICLE) or nxt.raw in stops() or nxt.norm in connectors():
        return nxt.norm in connectors() and nxt.norm != ARTICLE
    return _is_name_token(nxt, 0)


def _skip_modifiers(toks: list[Tok], j: int) -> int:
    """Skip nationality adjectives, title modifiers and field phrases (في الشؤون العسكرية)."""
    lex = lexicons()
    while j < len(toks) and toks[j].is_word:
        if toks[j].norm in lex["nat"] or toks[j].norm in title_modifiers():
            j += 1
        elif j + 2 < len(toks) and (toks[j].norm, toks[j + 1].norm) in field_phrases():
            j += 3  # the field adjective (العسكرية، العراقي ...) goes with the phrase
        elif j + 1 < len(toks) and _nisba_before_name(toks[j], toks[j + 1]):
            j += 1  # an unlisted nationality: "وزير الخارجية الكندي مارك ..."
        else:
            break
    return j


@lru_cache(maxsize=100000)
def _is_role_head(w: str) -> bool:
    """A role head, as is or after a one-letter proclitic."""
    heads = role_heads()
    return w in heads or any(w.startswith(p) and w[len(p):] in heads for p in ONE_LETTER)


def _role_head_at(toks: list[Tok], i: int, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Role head + (باسم) + an actor mention, e.g. "المتحدث باسم وزارة الدفاع الروسية":
    (index after the actor mention, end offset of the actor mention)."""
    if not _is_role_head(toks[i].norm):
        return None
    j = _skip_modifiers(toks, i + 1)
    if j < len(toks) and toks[j].norm in _folded("role_links.txt"):
        j += 1
    if j >= len(toks):
        return None
    span = next(((s, e) for s, e in taken if s <= toks[j].start < e), None)
    if span is None:
        return None
    while j < len(toks) and toks[j].start < span[1]:
        j += 1
    return j, span[1]


def names_after_titles(toks: list[Tok], taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Title + (nationality adjective) + name tokens; or role head + actor + name."""
    out: list[PersonMention] = []
    lex = lexicons()
    tt = titles()
    i = 0
    while i < len(toks):
        attempts = []
        hit = _title_at(toks, i)
        if hit is not None:
            n, (ar, en, cat) = hit
            attempts.append((n, ar, en, cat, _skip_modifiers(toks, i + n), None))
        rh = _role_head_at(toks, i, taken)
        if rh is not None:
            info = tt.get((stem_of(toks[i].norm)[1],)) or tt.get((toks[i].norm,))
            attempts.append((1, toks[i].text, info[1] if info else "", "role", _skip_modifiers(toks, rh[0]), rh[1]))
        if attempts and _facility_before(toks, i):
            attempts = []  # "مطار الملك عبد العزيز": a facility named after a person
        found = None
        for n, ar, en, cat, j, role_end in attempts:
            names, count, k = _parse_name(toks, j, taken)
            if not names or count == 0:
                continue
            if count == 1:
                t0 = names[0]
                regnal = cat == "regnal" and not t0.norm.startswith(ARTICLE)  # البابا فرنسيس، الملك سلمان
                if not (regnal or t0.norm in lex.get("gaz_PER", ()) or t0.tag.endswith("PERS")
                        or t0.norm in name_words()):
                    continue
            found = (n, ar, en, cat, role_end, names, k)
            break
        if found is None:
            i += 1
            continue
        n, ar, en, cat, role_end, names, k = found
        s, e = names[0].start, names[-1].end
        pm = PersonMention(s, e, "", [t.norm for t in names if len(t.norm) > 1], "title",
                           title=ar, title_en=en, category=cat, confidence=0.9)
        pm.extra["title_span"] = (toks[i].start, toks[i + n - 1].end)
        if role_end is not None:
            pm.role_span = (toks[i].start, role_end)
        out.append(pm)
        i = k
    return out


#: at most this many words between a title and the comma before an apposed name
#: ("رئيس بلدية عرسال، علي الحجيري،").
MAX_APPOSITION_GAP = 3


def _apposition_head(toks: list[Tok], c: int, taken: list[tuple[int, int]]) -> tuple[int, int, int | None] | None:
    """The title or role head before the comma at index c: (head index, head length,
    end offset of the role phrase or None). Between the head (and its modifiers) and the
    comma stand at most :data:`MAX_APPOSITION_GAP` words of its ORG/PLACE, none a stop
    word, a reporting verb or a word with the conjunction و/ف ("TITLE [of ORG/PLACE]، NAME")."""
    for i in range(c - 1, max(-1, c - 2 - MAX_APPOSITION_GAP - 3), -1):
        if not toks[i].is_word:
            return None
        hit = _title_at(toks, i)
        n = hit[0] if hit is not None else (1 if _is_role_head(toks[i].norm) else 0)
        if not n or i + n > c:
            continue
        j = _skip_modifiers(toks, i + n)
        if j > c:
            continue
        gap = toks[j:c]
        if not gap:
            return i, n, None
        if len(gap) > MAX_APPOSITION_GAP:
            return None
        if any(not t.is_word or t.raw in stops() or t.norm in speech_verbs() or t.norm[:1] in CONJ
               or _title_at(toks, toks.index(t)) for t in gap):
            return None
        return i, n, gap[-1].end
    return None


def names_in_apposition(toks: list[Tok], taken: list[tuple[int, int]]) -> list[PersonMention]:
    """A name set off by commas after a title and its place or organisation:
    "فند رئيس بلدية عرسال، علي الحجيري، مزاعم" (two name words at least, the first a
    known given name, and a comma or the sentence end after the name)."""
    out: list[PersonMention] = []
    lex = lexicons()
    for c, t in enumerate(toks[:-2]):
        if t.text not in _COMMAS:
            continue
        if any(s < t.end and t.start < e for s, e in taken):
            continue
        names, count, k = _parse_name(toks, c + 1, taken)
        if count < 2 or (k < len(toks) and toks[k].text not in _COMMAS):
            continue
        first = names[0]
        if not (first.norm in given_names() or first.norm in name_words() or first.norm in lex.get("gaz_PER", ())):
            continue
        if bad_compound([x.norm for x in names]):
            continue
        head = _apposition_head(toks, c, taken)
        if head is None:
            continue
        i, n, role_end = head
        hit = _title_at(toks, i)
        if hit is not None:
            ar, en, cat = hit[1]
        else:
            info = titles().get((stem_of(toks[i].norm)[1],)) or titles().get((toks[i].norm,))
            ar, en, cat = toks[i].text, (info[1] if info else ""), "role"
        pm = PersonMention(first.start, names[-1].end, "", [x.norm for x in names if len(x.norm) > 1], "title",
                           title=ar, title_en=en, category=cat, confidence=0.85)
        pm.extra["title_span"] = (toks[i].start, toks[i + n - 1].end)
        if role_end is not None:
            pm.role_span = (toks[i].start, role_end)
        out.append(pm)
    return out


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return _folded("speech_verbs.txt")


def names_before_roles(toks: list[Tok], taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Speech verb + name + "،" + role head: وقال فرهاد شامي، المتحدث باسم قسد."""
    out: list[PersonMention] = []
    verbs = speech_verbs()
    heads = role_heads()
    for i, t in enumerate(toks[:-3]):
        w = t.norm
        if not (w in verbs or (w[:1] in CONJ and w[1:] in verbs)):
            continue
        names, count, k = _parse_name(toks, i + 1, taken)
        if count < 2 or k + 1 >= len(toks) or toks[k].text not in _COMMAS:
            continue
        nxt = toks[k + 1].norm
        if not (nxt in heads or stem_of(nxt)[1] in heads or _title_at(toks, k + 1) is not None):
            continue
        pm = PersonMention(names[0].start, names[-1].end, "", [x.norm for x in names if len(x.norm) > 1],
                           "role", confidence=0.8)
        out.append(pm)
    return out


def title_before(text: str, start: int) -> tuple[str, str] | None:
    """(Arabic title, English) written just before ``start`` (الرئيس [الأمريكي] جو بايدن)."""
    words = [fold(w) for w in re.findall(r"[^\W_]+", text[max(0, start - 60):start])][-5:]
    lex = lexicons()
    while words and (words[-1] in lex["nat"] or words[-1] in title_modifiers()):
        words.pop()
    tt = titles()
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        cand = list(words[-n:])
        for p in ("",) + ONE_LETTER:
            if p and not cand[0].startswith(p):
                continue
            key = tuple([cand[0][len(p):]] + cand[1:])
            if key in tt:
                return tt[key][0], tt[key][1]
    return None


def names_from_ner(toks: list[Tok], taken: list[tuple[int, int]], min_conf: float = 0.7,
                   min_conf_single: float = 0.85) -> list[PersonMention]:
    from rasid.actors.ner import bio_spans

    out: list[PersonMention] = []
    for typ, a, b in bio_spans([t.tag for t in toks]):
        if typ != "PERS":
            continue
        span = toks[a:b]
        while span and (not span[-1].is_word or _plain_word(span[-1])):
            span = span[:-1]
        while span and (not span[0].is_word or _plain_word(span[0])):
            span = span[1:]
        if not span:
            continue
        k = 0
        while k < len(span) - 1:  # a title is never part of the name: "البابا فرنسيس"
            hit = _title_at(span, k)
            if hit is None:
                break
            k += hit[0]
        span = span[k:]
        if not span:  # the model tagged a bare title sequence
            continue
        first = toks.index(span[0])
        if _after_facility_title(toks, first):
            continue
        s, e = span[0].start, span[-1].end
        pro, stem = stem_of(span[0].norm)
        lex = lexicons()
        known = lex.get("gaz_PER", ())
        if (pro in ONE_LETTER and span[0].norm not in known and span[0].norm not in name_table()
                and (stem in known or stem in name_table())):
            s += len(pro)  # "وصالح" -> "صالح" (proclitics are single base letters)
        if any(ts < e and s < te for ts, te in taken):
            continue
        words = [t.norm for t in span if t.is_word and len(t.norm) > 1]
        if not words:
            continue
        if s > span[0].start:
            words[0] = stem  # the proclitic is not part of the name
        if len(words) == 1 and (words[0] in common_words() or len(words[0]) < 3 or words[0] in compound_tails()):
            continue
        if bad_compound(words):
            continue
        conf = min(t.prob for t in span)
        if conf < (min_conf_single if len(words) == 1 else min_conf):
            continue
        out.append(PersonMention(s, e, "", words, "ner", confidence=round(conf, 3)))
    return out


def _after_facility_title(toks: list[Tok], i: int) -> bool:
    """Token i follows "<facility noun> <title>" (مطار الملك ...)."""
    for n in (1, 2, 3):
        t = i - n
        if t >= 1 and _title_at(toks, t) is not None and _title_at(toks, t)[0] == n:
            return _facility_before(toks, t)
    return False


_OPEN_QUOTES = "«“\"'‘"


def _facility_before(toks: list[Tok], i: int) -> bool:
    """Does a facility noun stand before token i, maybe with an opening quote between
    (مطار الملك ...، مسجد “الإمام الصادق”)?"""
    j = i - 1
    if j >= 0 and not toks[j].is_word and toks[j].text and all(c in _OPEN_QUOTES for c in toks[j].text):
        j -= 1
    return j >= 0 and toks[j].is_word and stem_of(toks[j].norm)[1] in facility_nouns()


def orgs_from_ner(toks: list[Tok], taken: list[tuple[int, int]], min_conf: float = 0.7) -> list[tuple[int, int, float]]:
    """(start, end, confidence) of multi-word ORG spans the dictionary did not cover."""
    from rasid.actors.ner import bio_spans

    out = []
    for typ, a, b in bio_spans([t.tag for t in toks]):
        if typ != "ORG":
            continue
        span = [t for t in toks[a:b]]
        while span and not span[-1].is_word:
            span = span[:-1]
        while span and not span[0].is_word:
            span = span[1:]
        if not span:
            continue
        s, e = span[0].start, span[-1].end
        pro, stem = stem_of(span[0].norm)
        if pro in ONE_LETTER and (stem in common_words() or stem in org_heads()):
            s += 1  # "ووكالة ..." / "وحزب ..." -> "وكالة ..." / "حزب ..."
        elif pro in _ORG_ARTICLE:
            s += 1  # "والحزب ..." -> "الحزب ..."
        if any(ts < e and s < te for ts, te in taken):
            continue
        words = [t for t in span if t.is_word]
        conf = min(t.prob for t in span)
        if conf < min_conf or len(words) < 2:
            continue
        out.append((s, e, round(conf, 3)))
    return out


@lru_cache(maxsize=1)
def facility_nouns() -> frozenset[str]:
    return _folded("facility_nouns.txt")


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Nouns that start organisation names (حزب، حركة، جبهة ...), folded."""
    return _folded("org_heads.txt")


def _plain_word(tok: Tok) -> bool:
    """A common word that is not a known name part (trimmed from NER name spans)."""
    if tok.norm in name_words() or tok.norm in lexicons().get("gaz_PER", ()):
        return False
    pro, stem = stem_of(tok.norm)
    common = common_words()
    return tok.norm in common or (stem in common and stem not in lexicons().get("gaz_PER", ()))


def _alt(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


#: a role phrase ends at punctuation, at a relative pronoun or clause opener
#: (data/role_end_words.txt, as written) or at لـ / ل« (a new complement).
_ROLE_END = re.compile(rf"[{_CLAUSE_PUNCT}()]|\s(?:{_alt(lang.words('actors/data/role_end_words.txt'))})\s"
                       rf"|\s{LI}\u0640|\s{LI}[«\"“]")


def find_role(text: str, pm: PersonMention, sentence: tuple[int, int]) -> None:
    """Attach the role phrase next to a name: after ', ' or directly after, or before the title."""
    s0, s1 = sentence
    if pm.role_span is not None and pm.role is None:
        pm.role = text[pm.role_span[0]:pm.role_span[1]]
        return
    after = text[pm.end:s1]
    m = re.match(rf"\s*[{''.join(_COMMAS)}]?\s*", after)
    rest = after[m.end():] if m else after
    first = rest.split(" ", 1)[0] if rest else ""
    pre, stem = stem_of(fold(first)) if first else ("", "")
    if first and (fold(first) in role_heads() or stem in role_heads()):
        stop = _ROLE_END.search(rest)
        seg = rest[: stop.start()] if stop else rest
        words = seg.split()
        if words:
            seg = " ".join(words[:14])
            rs = pm.end + (m.end() if m else 0)
            pm.role, pm.role_span = seg, (rs, rs + len(seg))
            return
    # before the title: "المتحدث باسم التحالف الدولي ... العقيد X"
    ts = pm.extra.get("title_span", (pm.start, pm.end))[0]
    before = text[s0:ts]
    cut = max(before.rfind(c) for c in _CLAUSE_PUNCT)
    seg = before[cut + 1:] if cut >= 0 else before
    words = seg.split()
    for idx, w in enumerate(words):
        p, st = stem_of(fold(w))
        if fold(w) in role_heads() or st in role_heads():
            phrase = " ".join(words[idx:])
            if _ROLE_END.search(" " + phrase + " "):
                continue  # "قال رئيس الوزراء إن اللواء ...": not this person's role
            if 1 <= len(words) - idx <= 12:
                rs = text.rfind(phrase, s0, ts)
                if rs < 0:
                    return
                pm.role = phrase
                pm.role_span = (rs, rs + len(phrase))
            return
