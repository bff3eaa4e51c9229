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


@lru_cache(maxsize=1)
def _variants() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for line in _DATA.joinpath("spelling_variants.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pat, repl, *_ = line.split("\t")
            out.append((re.compile(pat), repl))
    return out


@lru_cache(maxsize=1)
def _joiners() -> frozenset[str]:
    raw = _DATA.joinpath("joiners.txt").read_text(encoding="utf-8")
    return frozenset(fold(w.strip()) for w in raw.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    for pat, repl in _variants():
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
