"""Index terms for Arabic full-text search.

SQLite FTS5 splits on word boundaries only, so Rasid indexes *terms* it
derives itself from the matching view (see :mod:`rasid.text.normalize`):

1. every word, folded (alef/hamza, ya/alef maqsura, ta marbuta, diacritics);
2. the word without each proclitic it may carry (والبوكمال -> البوكمال, بوكمال);
3. a spelling-variant canonical form (``data/spelling_variants.tsv``:
   الأميركية -> الامريكيه, سورية -> سوريا);
4. split names joined (دير الزور -> ديرالزور, ``data/joiners.txt``).

A query goes through the same steps (1, 3, 4), so سورية finds سوريا and
ديرالزور finds دير الزور.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rasid.text import fold, tokenize
from rasid.text.tokens import proclitic_splits

_DATA = resources.files("rasid.store").joinpath("data")


_META = set("^$.*+?{}[]()|\\")


def required_literals(pattern: str) -> tuple[str, ...]:
    """Runs of plain characters every match of ``pattern`` contains (outside groups,
    classes and alternatives, a character before a quantifier left out); () when the
    pattern has a top-level alternative or flags, where none is sure."""
    if pattern.startswith("(?"):
        return ()
    runs: list[str] = []
    run = ""
    depth = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":  # an escape: a break (its character may be a class)
            if depth == 0:
                runs.append(run)
            run = ""
            i += 2
            continue
        if c == "[":  # a class: skip to its end
            j = pattern.find("]", i + 2)
            if j < 0:
                return ()
            if depth == 0:
                runs.append(run)
            run = ""
            i = j + 1
            continue
        if c == "{":  # a counted quantifier: the character before it may be absent ({0,2})
            j = pattern.find("}", i + 1)
            if j < 0:
                return ()
            if depth == 0:
                runs.append(run[:-1])
            run = ""
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return ()
        elif c in "?*" and depth == 0:
            run = run[:-1]  # the character before a quantifier may be absent
        if depth == 0 and c not in _META:
            run += c
        else:
            if depth == 0 or c == "(":
                runs.append(run)
            run = ""
        i += 1
    runs.append(run)
    return tuple(r for r in runs if r)


@lru_cache(maxsize=1)
def _variants() -> list[tuple[re.Pattern[str], str, tuple[str, ...]]]:
    out = []
    for line in _DATA.joinpath("spelling_variants.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pat, repl, *_ = line.split("\t")
            out.append((re.compile(pat), repl, required_literals(pat)))
    return out


@lru_cache(maxsize=1)
def _screen() -> re.Pattern[str] | None:
    """One search for a literal of any variant pattern: a word without one keeps its
    spelling (None when some pattern has no sure literal)."""
    needs = [need for _, _, need in _variants()]
    if not needs or not all(needs):
        return None
    return re.compile("|".join(sorted({re.escape(n) for need in needs for n in need}, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _joiners() -> frozenset[str]:
    raw = _DATA.joinpath("joiners.txt").read_text(encoding="utf-8")
    return frozenset(fold(w.strip()) for w in raw.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    screen = _screen()
    if screen is not None and screen.search(word) is None:
        return word  # most words: a search snippet looks at every one and every pair
    for pat, repl, need in _variants():
        if need and not all(n in word for n in need):
            continue  # the pattern cannot match
        new = pat.sub(repl, word)
        if new != word:
            return new
    return word


def _words(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


def index_terms(text: str, words: list[str] | None = None) -> str:
    """The space-separated terms stored in the FTS index for ``text`` (``words``:
    the folded words of its tokens, when the caller has them)."""
    if words is None:
        words = _words(text)
    joiners = _joiners()
    cache = _FORMS
    out: list[str] = []
    for i, w in enumerate(words):
        if w in joiners and i + 1 < len(words):
            forms = {canonical(stem) for _, stem in proclitic_splits(w)}
            forms.add(canonical(w + words[i + 1]))
            out.extend(sorted(forms))
            continue
        hit = cache.get(w)
        if hit is None:
            if len(cache) >= 1 << 17:
                cache.clear()
            hit = cache[w] = tuple(sorted({canonical(stem) for _, stem in proclitic_splits(w)}))
        out.extend(hit)
    return " ".join(out)


#: word -> its sorted index terms (a word alone; a joiner before a word adds one); a full cache is emptied
_FORMS: dict[str, tuple[str, ...]] = {}


def doc_index_terms(doc) -> tuple[str, str]:
    """A document's (title, body) index terms, as :meth:`rasid.store.Store.add` stores them
    (the body's words from the document's tokens, the ones the stages read)."""
    return index_terms(doc.title or ""), index_terms(doc.text, [t.norm for t in doc.tokens])


def query_terms(query: str) -> list[str]:
    """The terms a query must all match (joined names, canonical spellings)."""
    words = _words(query)
    joiners = _joiners()
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in joiners and i + 1 < len(words):
            out.append(canonical(w + words[i + 1]))
            i += 2
            continue
        out.append(canonical(w))
        i += 1
    return out


def query_groups(query: str) -> list[list[str]]:
    """What a query must match: one group per query word, matched by any of its forms
    (the word or one of its proclitic-stripped stems: والرتل finds الرتل and رتلاً)."""
    groups = []
    for term in query_terms(query):
        forms = {canonical(stem) for _, stem in proclitic_splits(term)} | {term}
        groups.append(sorted(forms))
    return groups


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression (terms quoted: no operator injection); all words must match."""
    groups = query_groups(query)
    if not groups:
        return None
    return " AND ".join("(" + " OR ".join('"' + f.replace('"', '""') + '"' for f in g) + ")" for g in groups)
