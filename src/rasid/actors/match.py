"""Finding actor mentions: dictionary aliases and descriptive phrases.

Both matchers work on the document's matching view (folded text) and return
:class:`Candidate` spans in document offsets. Aliases are found with an
Aho-Corasick automaton and accepted at word boundaries, after a proclitic
(و ف ب ل ك and their combinations; ``لل`` for ``ال`` words). Descriptive
mentions are nationality adjectives after force nouns (القوات الأمريكية،
جندي أميركي، الطائرات الروسية المسيرة) and plural demonyms (الأمريكيون).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from rasid import lang
from rasid.actors.dictionary import ActorDictionary, load_dictionary
from rasid.actors.forms import ARTICLE, CONJ, LI, LI_ARTICLE, WA, forms
from rasid.text import MatchView, fold, fold_key
from rasid.text.alternation import trie_alternation

# proclitic sets (data/forms.tsv); "" = the alias alone.
#: proclitics that may precede a word that has no article in the alias.
_PRE_BARE = {""} | set(forms("alias_bare"))
#: proclitics that may precede an alias written with ``ال``.
_PRE_DEF = {""} | set(forms("alias_definite"))
#: proclitics before the ``لل`` form (li- + article).
_PRE_LIL = {""} | set(forms("alias_li_article"))
#: regex classes: an optional conjunction, then an optional preposition
#: (before a definite noun li- + ال is written لل, hence no ل there).
_CONJ_RX = f"[{''.join(CONJ)}]?"
_PREP_RX = f"[{''.join(forms('prep'))}]?"
_PREP_DEF_RX = f"[{''.join(forms('prep_definite'))}]?"


@dataclass
class Candidate:
    start: int
    end: int
    entry_id: str
    mode: str  # strong | weak | anaphoric | descriptive | plural
    source: str  # dictionary | descriptive
    words: int = 1

    @property
    def length(self) -> int:
        return self.end - self.start


def _is_word_char(c: str) -> bool:
    return c.isalnum()


def _folded(name: str, fold_with=fold) -> frozenset[str]:
    """A word list of ``data/`` folded (two spellings may fold to one word)."""
    return lang.words(f"actors/data/{name}", fold=fold_with, allow_duplicates=True)


# -- dictionary aliases ----------------------------------------------------------
@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    d = load_dictionary()
    A = ahocorasick.Automaton()
    for key, info in d.aliases.items():
        A.add_word(key, (key, info.entry_id, info.mode, info.words, "plain"))
        if key.startswith(ARTICLE) and len(key) > 3:
            lil = LI_ARTICLE + key[len(ARTICLE):]
            if lil not in d.aliases:
                A.add_word(lil, (lil, info.entry_id, info.mode, info.words, "lil"))
    A.make_automaton()
    return A


def dictionary_candidates(view: MatchView, dictionary: ActorDictionary | None = None) -> list[Candidate]:
    """Every alias occurrence at acceptable word boundaries."""
    A = _automaton()
    vt = view.text
    n = len(vt)
    out: list[Candidate] = []
    for end_i, (key, eid, mode, words, form) in A.iter(vt):
        s = end_i - len(key) + 1
        e = end_i + 1
        if e < n and _is_word_char(vt[e]):
            continue
        ws = s
        while ws > 0 and _is_word_char(vt[ws - 1]):
            ws -= 1
        prefix = vt[ws:s]
        if form == "lil":
            allowed = _PRE_LIL
        elif key.startswith(ARTICLE):
            allowed = _PRE_DEF
        else:
            allowed = _PRE_BARE
        if prefix not in allowed:
            continue
        ts, te = view.to_text(s, e)
        out.append(Candidate(ts, te, eid, mode, "dictionary", words))
    return out


# -- descriptive mentions ---------------------------------------------------------
@dataclass(frozen=True)
class _Nat:
    country: str
    forces: str
    government: str


@lru_cache(maxsize=1)
def _descriptive_tables() -> tuple[dict[str, tuple[_Nat, bool]], dict[str, _Nat], dict[str, str]]:
    adj: dict[str, tuple[_Nat, bool]] = {}
    plural: dict[str, _Nat] = {}
    for cols in lang.rows("actors/data/nationalities.tsv", 6, min_cols=3):
        nat = _Nat(cols[0], cols[1], cols[2])
        for w in cols[3].split(","):
            if w.strip():
                adj[fold(w.strip())] = (nat, True)
        for w in cols[4].split(","):
            if w.strip():
                adj[fold(w.strip())] = (nat, False)
        for w in cols[5].split(","):
            if w.strip():
                plural[fold(w.strip())] = nat
                adj.setdefault(fold(w.strip()), (nat, True))
    nouns = lang.mapping("actors/data/force_nouns.tsv", fold=fold_key)
    return adj, plural, nouns


def _alt(words: list[str]) -> str:
    """The words, longest first, as an alternation (written as a trie: the same matches)."""
    return trie_alternation(words)


@lru_cache(maxsize=1)
def _descriptive_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    adj, plural, nouns = _descriptive_tables()
    mods = _folded("force_modifiers.txt")
    posts = _folded("post_modifiers.txt")
    # (a construct noun is definite by its last word: "سلاح الجو التركي")
    nd = [n for n in nouns if n.startswith(ARTICLE) or n.split()[-1].startswith(ARTICLE)]
    ni = [n for n in nouns if not n.startswith(ARTICLE) and not n.split()[-1].startswith(ARTICLE)]
    ad = [a for a, (_, d) in adj.items() if d]
    ai = [a for a, (_, d) in adj.items() if not d]
    md = [m for m in mods if m.startswith(ARTICLE)]
    mi = [m for m in mods if not m.startswith(ARTICLE)]
    pd = [p for p in posts if p.startswith(ARTICLE)]
    pi = [p for p in posts if not p.startswith(ARTICLE)]
    lil = [LI_ARTICLE + n[len(ARTICLE):] for n in nd if n.startswith(ARTICLE)]
    B, E = r"(?<![^\W_])", r"(?![^\W_])"
    definite = re.compile(
        rf"{B}(?:(?:{_CONJ_RX}{_PREP_DEF_RX})(?P<n1>{_alt(nd)})|{_CONJ_RX}(?P<n2>{_alt(lil)}))"
        rf"(?:\s+(?:{_alt(md)}))?\s+(?P<adj>{_alt(ad)}){E}(?:\s+(?:{_alt(pd)}){E})?"
    )
    indefinite = re.compile(
        rf"{B}(?:{_CONJ_RX}{_PREP_RX})(?P<n1>{_alt(ni)})(?:\s+(?:{_alt(mi)}))?\s+(?P<adj>{_alt(ai)}){E}(?:\s+(?:{_alt(pi)}){E})?"
    )
    plural_re = re.compile(rf"{B}(?:{_CONJ_RX}{_PREP_RX})(?P<p>{_alt(list(plural))}){E}")
    return definite, indefinite, plural_re


#: a coordinated definite adjective: "... الروسية والسورية".
_COORD = re.compile(rf"\s+{WA}(?P<adj>{ARTICLE}[^\W_]+)(?![^\W_])")


@lru_cache(maxsize=1)
def _proxy_tables() -> tuple[re.Pattern[str], dict[str, str], dict[tuple[str, str], str]]:
    """(loyalty phrase + patron regex, folded patron name -> government id,
    (forces id, patron government id) -> proxy actor id); proxies.tsv."""
    patrons = metonyms()
    loyalty = list(_folded("loyalty.txt", fold_key))
    rx = re.compile(
        rf"\s+(?:{_alt(loyalty)})\s*(?:{LI_ARTICLE}|{LI})?(?P<patron>{_alt(list(patrons))})(?![^\W_])"
    )
    proxies = {(forces, patron): proxy
               for forces, patron, proxy in lang.rows("actors/data/proxies.tsv", 3, unique_key=False)}
    return rx, patrons, proxies


def metonyms() -> dict[str, str]:
    """Capitals and countries used as governments (data/metonyms.tsv): folded name -> actor id."""
    return lang.mapping("actors/data/metonyms.tsv", fold=fold_key)


def _proxy(vt: str, end: int, eid: str) -> tuple[str, int] | None:
    """"قوات سورية موالية لتركيا": the proxy actor and the end of the loyalty phrase."""
    rx, patrons, proxies = _proxy_tables()
    m = rx.match(vt, end)
    if not m:
        return None
    proxy = proxies.get((eid, patrons[m.group("patron")]))
    return (proxy, m.end()) if proxy else None


def descriptive_candidates(view: MatchView) -> list[Candidate]:
    """Nationality + force noun phrases and plural demonyms."""
    adj, plural, nouns = _descriptive_tables()
    definite, indefinite, plural_re = _descriptive_regexes()
    vt = view.text
    out: list[Candidate] = []
    for rx in (definite, indefinite):
        for m in rx.finditer(vt):
            g = "n1" if m.group("n1") else "n2"
            noun = m.group(g)
            if g == "n2":
                noun = ARTICLE + noun[len(LI_ARTICLE):]
            nat, _ = adj[m.group("adj")]
            target = nouns.get(noun, "forces")
            eid = nat.forces if target == "forces" else nat.government
            if not eid:
                continue
            end = m.end()
            proxy = _proxy(vt, end, eid) if target == "forces" else None
            if proxy:
                eid, end = proxy
            ts, te = view.to_text(m.start(g), end)
            out.append(Candidate(ts, te, eid, "descriptive", "descriptive", len(vt[m.start(g):end].split())))
            # a coordinated adjective: "القوات الروسية والسورية" -> also the Syrian forces
            pos = m.end()
            while True:
                c = _COORD.match(vt, pos)
                if not c or c.group("adj") not in adj:
                    break
                cnat, definite = adj[c.group("adj")]
                ceid = cnat.forces if target == "forces" else cnat.government
                if definite and ceid and (m.group("adj").startswith(ARTICLE)) == c.group("adj").startswith(ARTICLE):
                    cs, ce = view.to_text(c.start("adj"), c.end("adj"))
                    out.append(Candidate(cs, ce, ceid, "descriptive", "descriptive", 1))
                pos = c.end()
    for m in plural_re.finditer(vt):
        # "المسؤولون الإسرائيليون": an adjective after a definite noun, not the people
        before = vt[: m.start()].rstrip()
        prev = re.search(r"([^\W_]+)$", before)
        if prev and before.endswith(prev.group(1)) and len(before) < m.start():
            w = prev.group(1)
            if any(w.startswith(p) for p in forms("definite")):
                continue
        nat = plural[m.group("p")]
        if not nat.forces:
            continue
        ts, te = view.to_text(m.start("p"), m.end("p"))
        out.append(Candidate(ts, te, nat.forces, "plural", "descriptive", 1))
    return out


# -- context checks ------------------------------------------------------------------
@lru_cache(maxsize=1)
def outlet_triggers() -> frozenset[str]:
    return _folded("outlet_triggers.txt")


def weak_ok(view: MatchView, text: str, cand: Candidate) -> bool:
    """A weak alias (المدن، الجزيرة ...) is an outlet when quoted or after a trigger word."""
    before = text[max(0, cand.start - 2): cand.start]
    after = text[cand.end: cand.end + 1]
    if any(q in before for q in "\"“«'”") and after and after in "\"”»'“":
        return True
    vs, _ = view.from_text(cand.start, cand.end)
    left = view.text[max(0, vs - 30): vs]
    words = re.findall(r"[^\W_]+|\"", left)
    if not words:
        return False
    trig = outlet_triggers()
    last = [w for w in words[-2:] if w != '"']
    if not last:
        return False
    w = last[-1]
    if w in trig:
        return True
    # "ل" written joined to a quote: ل"المدن"
    raw_prev = view.text[max(0, vs - 2): vs]
    return raw_prev.endswith(LI + '"')
