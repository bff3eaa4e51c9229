"""Gazetteer matching over the matching view, with proclitics and context.

:func:`find` returns every name occurrence that passes the word-boundary,
proclitic and not-a-place checks, longest first and non-overlapping, each with
its context: the feature cue before it, a direction ("شمال غرب ...", "ريف ...
الشرقي") and whether it looks like a metonym. Names inside a blocker phrase
("فيلق القدس"), names written with tanween ("دومًا") and a bank of a river
("الضفة الغربية لنهر الفرات") are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rasid import lang
from rasid.places.gazetteer import BLOCK, PLAIN, Gazetteer, affix, affixes, gazetteer
from rasid.text import fold_key

#: proclitic strings allowed before a name (matching view; "" = none): data/affixes.tsv
PREFIX_PLAIN = frozenset({"", *affixes()["plain"]})
PREFIX_ARTICLE = frozenset({"", *affixes()["article_name"]})
PREFIX_STRIPPED = frozenset(affixes()["stripped"])
#: words between two names that put the first near the second (folded): data/near.txt
NEAR = lang.words("places/data/near.txt", fold=fold_key) | {"-", ""}
#: proclitics stripped from context words before cue/direction lookups
_CLITICS = affixes()["clitic"]
#: the definite article, wa- "and", bi-, li- and the view's ta marbuta (ه)
ARTICLE, CONJ, BI, LI, HA = (affix(r) for r in ("article", "conj", "bi", "li", "ha"))


def _rows(name: str, ncols: int) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>`` (TSV, cells stripped), in file order."""
    return lang.rows(f"places/data/{name}", ncols, unique_key=False)


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    return {fold_key(r[0]): frozenset(r[1].split(",")) for r in _rows("cues.tsv", 2)}


@lru_cache(maxsize=1)
def directions() -> dict[str, tuple[float, float, str]]:
    return {fold_key(r[0]): (float(r[1]), float(r[2]), r[3]) for r in _rows("directions.tsv", 4)}


@lru_cache(maxsize=1)
def notplace() -> dict[tuple[str, str], frozenset[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for key, side, words in _rows("notplace.tsv", 3):
        k = "*" if key == "*" else fold_key(key)
        out.setdefault((k, side), set()).update(fold_key(w) for w in words.split("|"))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def metonym_words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for side, words in _rows("metonyms.tsv", 2):
        out.setdefault(side, set()).update(fold_key(w) for w in words.split("|"))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def locative_words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for kind, words in _rows("locative.tsv", 2):
        out.setdefault(kind, set()).update(fold_key(w) for w in words.split("|"))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _stem_prefixes(kind: str) -> tuple[str, ...]:
    """A kind of ``data/locative.tsv`` whose forms are word beginnings, for ``str.startswith``."""
    return tuple(sorted(locative_words()[kind]))


@dataclass
class Match:
    """One name occurrence (view offsets ``vs``..``ve``) and its readings."""

    vs: int
    ve: int
    key: str
    cands: list[int]  # entry indexes
    cue: str = ""  # folded cue word right before the name (or its own first word)
    cue_feats: frozenset[str] = frozenset()
    direction: tuple[float, float, str] | None = None
    countryside: bool = False
    ext_vs: int = -1  # start of the whole phrase (direction/ريف) when there is one
    ext_ve: int = -1
    metonym: bool = False
    extra: dict = field(default_factory=dict)


def _word_before(t: str, i: int) -> tuple[int, str]:
    """(start, word) of the word that ends right before position ``i`` (one space gap)."""
    j = i
    while j > 0 and t[j - 1] == " ":
        j -= 1
    if j == i or j == 0 or not t[j - 1].isalnum():
        return -1, ""
    k = j
    while k > 0 and t[k - 1].isalnum():
        k -= 1
    return k, t[k:j]


def _word_after(t: str, i: int) -> tuple[int, str]:
    """(end, word) of the word after position ``i`` (one space gap)."""
    j = i
    n = len(t)
    while j < n and t[j] == " ":
        j += 1
    if j == i or j >= n or not t[j].isalnum():
        return -1, ""
    k = j
    while k < n and t[k].isalnum():
        k += 1
    return k, t[j:k]


def _combine(a: tuple[float, float, str], b: tuple[float, float, str]) -> tuple[float, float, str]:
    """Two direction words as one: شمال + غرب -> (1, -1, "northwest")."""
    dn, de = a[0] + b[0], a[1] + b[1]
    lab = ("north" if dn > 0 else "south" if dn < 0 else "") + ("east" if de > 0 else "west" if de < 0 else "")
    return dn, de, lab or "central"


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """The word and its forms without a leading proclitic."""
    out = [word]
    for p in _CLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append(word[len(p):])
    return tuple(out)


def _raw_matches(g: Gazetteer, t: str) -> list[Match]:
    out: list[Match] = []
    n = len(t)
    for end, (klen, vals) in g.automaton.iter(t):
        ve = end + 1
        if ve < n and t[ve].isalnum():
            continue
        vs = ve - klen
        ws = vs
        while ws > 0 and t[ws - 1].isalnum():
            ws -= 1
            if vs - ws > 3:
                break
        prefix = t[ws:vs]
        if len(prefix) > 3:
            continue
        plain: list[int] = []
        key = ""
        blocked = False
        for idx, kind, k in vals:
            key = k
            if kind == BLOCK:
                blocked = blocked or prefix in PREFIX_PLAIN or prefix in PREFIX_STRIPPED
                continue
            if kind == PLAIN:
                ok = prefix in (PREFIX_ARTICLE if k.startswith(ARTICLE) else PREFIX_PLAIN)
            else:
                ok = prefix in PREFIX_STRIPPED
            if ok:
                plain.append(idx)
        if blocked:
            out.append(Match(vs, ve, key, [], extra={"ws": ws, "block": True}))
        elif plain:
            out.append(Match(vs, ve, key, plain, extra={"ws": ws}))
    return out


MADDA_ALEF = "\u0622"  # آ: "آب" is the month (August), the city is written إب or اب


def _month_reading(m: Match, t: str, prev: str, months: frozenset[str]) -> bool:
    """"في 3 آب/ أغسطس"، "شهر آب": a place name that is also a month name (notplace.tsv,
    side month: the month names written after it) reads as the month when written
    with madda, after a day number, before a slash or before its other name."""
    if t[m.vs:m.vs + 1] == MADDA_ALEF or (prev and prev.isdigit()):
        return True
    if t[m.ve:m.ve + 1] == "/":
        return True
    rest = t[m.ve:m.ve + 20].split()
    return bool(rest) and fold_key(rest[0].strip("/")) in months


def _not_place(m: Match, t: str, g: Gazetteer | None = None) -> bool:
    if m.extra.get("block"):
        return False
    np = notplace()
    ws = m.extra["ws"]
    _, prev = _word_before(t, ws)
    if not prev:  # 'وكالة "الأناضول"': look past an opening quote
        q = ws
        while q > 0 and t[q - 1] in "\"' ":
            q -= 1
        if q < ws and t[q:ws].strip():
            _, prev = _word_before(t, q + 1 if t[q] == " " else q)
    _, nxt = _word_after(t, m.ve)
    prevs = _stems(prev) if prev else ()
    if (m.key, "month") in np and _month_reading(m, t, prev, np[(m.key, "month")]):
        return True
    for k in ("*", m.key):
        # the word before, with or without its proclitic ("لفيلق القدس")
        if any(p in np.get((k, "prev"), ()) for p in prevs):
            return True
        if nxt and nxt in np.get((k, "next"), ()):
            return True
        if any(p in np.get((k, "prev_named"), ()) for p in prevs) and not (
                g is not None and m.cands and all(g.entries[c].feature == "country" for c in m.cands)):
            return True  # "إعلان دمشق" names a document; "إعلان تركيا" is Turkey's announcement
    return False


def _context(m: Match, t: str) -> None:
    cue_map, dirs = cues(), directions()
    first = m.key.split(" ")[0]
    if first in cue_map and " " in m.key:
        m.cue, m.cue_feats = first, cue_map[first]
    ps, prev = _word_before(t, m.extra["ws"])
    stem = next((s for s in _stems(prev) if s in cue_map), "") if prev else ""
    if stem and not m.cue:
        m.cue, m.cue_feats = stem, cue_map[stem]
        if "countryside" in m.cue_feats:
            m.countryside = True
            m.ext_vs = ps
    # direction before: "شمال غرب العراق", "شرقي سوريا", "جنوب شرق دير الزور"
    if not m.countryside and prev:
        d = next((dirs[s] for s in _stems(prev) if s in dirs and not s.startswith(ARTICLE)), None)
        if d:
            ps2, prev2 = _word_before(t, ps)
            d2 = next((dirs[s] for s in _stems(prev2) if s in dirs and not s.startswith(ARTICLE)), None) if prev2 else None
            if d2 and d2[2] != d[2]:
                m.direction = _combine(d2, d)
                m.ext_vs = ps2
            else:
                m.direction, m.ext_vs = d, ps
    # direction after ريف X: "ريف دير الزور الشرقي", "... الشمالي الغربي"
    if m.countryside:
        e1, w1 = _word_after(t, m.ve)
        if w1 in dirs and w1.startswith(ARTICLE):
            d = dirs[w1]
            m.direction, m.ext_ve = d, e1
            e2, w2 = _word_after(t, e1)
            if w2 in dirs and w2.startswith(ARTICLE) and dirs[w2][2] != d[2]:
                m.direction, m.ext_ve = _combine(d, dirs[w2]), e2
    if m.ext_vs >= 0 and m.ext_ve < 0:
        m.ext_ve = m.ve
    if m.ext_ve >= 0 and m.ext_vs < 0:
        m.ext_vs = m.vs if not m.countryside else m.ext_vs
    m.extra["prev"] = prev
    m.extra["prefix"] = t[m.extra["ws"]:m.vs]
    ws = m.extra["ws"]
    before = t[max(0, ws - 3):ws].replace(LI, "").replace("\u0640", "").strip()  # لـ"
    m.extra["quoted"] = before.endswith('"') and t[m.ve:m.ve + 1] == '"'
    ne, nxt1 = _word_after(t, m.ve)
    m.extra["next"] = nxt1
    m.extra["locative"] = _locative(m, t, prev, ps)
    # metonymy cues
    mw = metonym_words()
    _, nxt = _word_after(t, m.ve)
    if nxt and any(s in mw.get("next", ()) for s in _stems(nxt)):
        m.metonym = True
    elif prev and any(s in mw.get("prev", ()) for s in _stems(prev)):
        m.metonym = True


def _locative(m: Match, t: str, prev: str, ps: int) -> bool:
    """Does the context name the place as a location (not as an actor)?"""
    if m.direction or m.countryside or (m.cue and m.cue not in locative_words()["transparent"]):
        return True
    lw = locative_words()
    if not prev:
        return False
    if prev in lw["transparent"] or any(s in lw["transparent"] for s in _stems(prev)[1:]):
        # "في دولة السلفادور": read the word before "دولة"
        ps, prev = _word_before(t, ps)
        if not prev:
            return False
    _, prev2 = _word_before(t, ps)
    if prev2 in lw["capital_before"]:
        return True  # "العاصمة الإيرانية طهران"
    stems = _stems(prev)
    if m.extra.get("prefix", "").endswith(LI):
        # "لإيران" = for/of Iran; but "زيارته لبغداد" = his visit to Baghdad
        return any(s.startswith(_stem_prefixes("visit_stem")) for s in stems)
    if m.extra.get("prefix", "").endswith(BI):
        # "بسوريا" = in Syria, but "علاقتها بروسيا" = with Russia
        return not any(s in lw["ba_relation"] or s.startswith(_stem_prefixes("relation_stem")) for s in stems)
    if prev in lw["bayn"]:
        for _ in range(3):  # "العلاقات بين ...", "التعاون القائم بين ..."
            ps, prev2 = _word_before(t, ps)
            if not prev2:
                break
            if any(s in lw["relation_before_bayn"] for s in _stems(prev2)):
                return False
        return True
    if prev in affixes()["strike_prep"]:
        _, prev2 = _word_before(t, ps)
        return bool(prev2) and any(s in lw["strike_before_ala"] for s in _stems(prev2))
    if prev in lw["ma"]:
        for _ in range(3):  # "حدود سوريا الجنوبية مع الأردن"
            ps, prev2 = _word_before(t, ps)
            if not prev2:
                return False
            if any(s in lw["border_before_ma"] or s.startswith(_stem_prefixes("border_stem")) for s in _stems(prev2)):
                return True
        return False
    if any(s in lw["prev"] for s in stems):
        if prev in lw["min"]:
            _, prev2 = _word_before(t, ps)
            if prev2 and any(s in lw["agent_before_min"] for s in _stems(prev2)):
                return False
        return True
    return False


def _tanween(m: Match, source: str, offsets: list[int]) -> bool:
    """Does the text write the name with tanween ("دومًا" = always, "حديثًا"
    = recently)? Names of places do not take it."""
    i = offsets[m.vs]
    j = offsets[m.ve] if m.ve < len(offsets) else len(source)
    return any(c in "\u064b\u064c\u064d" for c in source[i:max(i, j)])


def _drop_river_banks(ms: list[Match], t: str, g: Gazetteer) -> list[Match]:
    """"الضفة الغربية لنهر الفرات" is a bank of a river, not the West Bank:
    a name with a ``river`` row in notplace.tsv is no place when a river name
    follows it (after ل or من, with or without "نهر")."""
    np = notplace()
    drop: set[int] = set()
    for i, (a, b) in enumerate(zip(ms, ms[1:])):
        if (a.key, "river") not in np:
            continue
        gap = t[a.ve:b.extra["ws"]].split()
        if len(gap) > 1 or (gap and gap[0] not in np[(a.key, "river")]):
            continue
        if any(g.entries[c].feature == "river" for c in b.cands):
            drop.add(i)
    return [m for i, m in enumerate(ms) if i not in drop]


def find(t: str, g: Gazetteer | None = None, source: str | None = None,
         offsets: list[int] | None = None) -> list[Match]:
    """All place-name matches in view text ``t``, non-overlapping, in text order.

    With the original text and the view's offsets, a name ending in ة that the
    text writes with ه is noted (``extra["ha_ending"]``): "حديثه" is more often
    "his talk" than the town حديثة."""
    g = g or gazetteer()
    raw = [m for m in _raw_matches(g, t) if not _not_place(m, t, g)]
    raw.sort(key=lambda m: (-(m.ve - m.vs), m.vs))
    taken = bytearray(len(t) + 1)
    out: list[Match] = []
    for m in raw:
        if any(taken[m.vs:m.ve]):
            continue
        taken[m.vs:m.ve] = b"\x01" * (m.ve - m.vs)
        if not m.extra.get("block"):  # "فيلق القدس": no place inside
            out.append(m)
    out.sort(key=lambda m: m.vs)
    out = _drop_river_banks(out, t, g)
    if source is not None and offsets is not None:
        out = [m for m in out if not _tanween(m, source, offsets)]
    for m in out:
        _context(m, t)
        if source is not None and offsets is not None and m.key.endswith(HA):
            m.extra["ha_ending"] = source[offsets[m.ve - 1]] == HA
    # "صوران بالقرب من أعزاز": the name after says where this one lies
    for a, b in zip(out, out[1:]):
        if t[a.ve:b.extra["ws"]].strip(" ,") in NEAR:
            a.extra["near_next"] = True
    # "سوريا ولبنان": a name joined by و to the name just before it shares its reading
    for a, b in zip(out, out[1:]):
        if b.extra["prefix"] == CONJ and not b.extra["locative"] and t[a.ve:b.extra["ws"]].strip() == "":
            b.extra["locative"] = a.extra["locative"]
    return out
