"""The state the attribution rules share, and the token lookups they all use.

:class:`Attribution` is the base of the rule classes
(:class:`~rasid.claims.subjects.SubjectRules`, then the rule families of
:class:`~rasid.claims.extract.Extractor`): it owns the token view ``w``, the
lexicon, the names known in the document, the drafts found so far and the verb
cues seen (clause boundaries), and answers what is at a token: a cue
(:meth:`~Attribution.cue_at`), a prepositional cue (:meth:`~Attribution.prep_at`),
one of the lexicon's phrases (:meth:`~Attribution.match_phrase`), the head of a
bare noun object (:meth:`~Attribution.object_like`).
"""

from __future__ import annotations

from collections.abc import Sequence

from rasid.claims.grammar import ADVERBS, PREPOSITIONS, TIME_WORDS, Draft
from rasid.claims.lexicon import Cue, Lexicon, lexicon
from rasid.claims.sources import head_kind, is_nisba, known_names, quoted_end
from rasid.claims.tokens import OPEN_QUOTES, Words, bare, stems
from rasid.claims.vocab import LI, OBJECT_PREFIXES, SAME_WORDS, VERBAL_NOUN_PREP, WA

_PHRASE_INDEX: dict[int, dict[str, list]] = {}  # id(phrase tuple of the lexicon) -> phrases by first word


class Attribution:
    """The document being read and what the rules have found in it so far."""

    w: Words
    lex: Lexicon
    names: set[str]  # folded name tokens known in the document (sources.known_names)
    drafts: list[Draft]  # claims drafted so far, in the order found
    verb_cues: list[int]  # every verb cue, claim or not: clause boundaries

    def __init__(self, w: Words) -> None:
        self.w = w
        self.lex = lexicon()
        self.names = known_names(w)
        self.drafts = []
        self.verb_cues = []
        self.posts: set[int] = set()  # content starts of a post quoted after "في تغريدته": it runs to the line's end

    # -- cue lookup -------------------------------------------------------
    def cue_at(self, i: int) -> Cue | None:
        """The cue of the word at token i (a verb after "في" is a verbal noun: none)."""
        n = self.w.norm(i)
        for s in stems(n):
            cue = self.lex.forms.get(s)
            if cue is None:
                continue
            if cue.family in ("noun", "participle") and s != n and n[0] != WA:
                continue
            if cue.family == "verb" and self.w.norm(i - 1) in VERBAL_NOUN_PREP and self.w.same_sentence(i - 1, i):
                return None  # "في وصفه للاقتراح": a verbal noun, no verb
            if cue.only_after and not (self.w.norm(i - 1) in cue.only_after and self.w.same_sentence(i - 1, i)):
                return None  # "ومن تقل أعمارهم عن": no "لم" before it, no saying
            return cue
        return None

    def prep_at(self, i: int) -> tuple[int, Cue, int] | None:
        """(last phrase token, cue, first source token) of a prepositional cue."""
        index = _PHRASE_INDEX.get(id(self.lex.preps))
        if index is None:  # the phrases by their first word, longest first
            index = {}
            for phrase, cue in self.lex.preps:
                index.setdefault(phrase[0], []).append((phrase, cue))
            _PHRASE_INDEX[id(self.lex.preps)] = index
        cands = [pc for s in stems(self.w.norm(i), ("", WA)) for pc in index.get(s, ())]
        if not cands:
            return None
        cands.sort(key=lambda pc: -len(pc[0]))
        for phrase, cue in cands:
            k, ok = i, True
            for p in phrase[1:]:
                k += 1
                n = self.w.norm(k)
                if n == p:
                    continue
                if p == LI and n.startswith(LI) and len(n) > 2:
                    return k - 1, cue, k  # "وفقاً للبيان": ل joined to the source
                ok = False
                break
            if ok:
                return k, cue, k + 1
        return None

    def match_phrase(self, i: int, phrases: Sequence[tuple[str, ...]]) -> int | None:
        """Last token of the first of ``phrases`` (folded token tuples) that starts at token i."""
        index = _PHRASE_INDEX.get(id(phrases))
        if index is None:  # phrases by their first word, in their order (longest first where sorted)
            index = {}
            for ph in phrases:
                index.setdefault(ph[0], []).append(ph)
            _PHRASE_INDEX[id(phrases)] = index
        w = self.w
        for first in stems(w.norm(i)):
            for ph in index.get(first, ()):
                if all(w.norm(i + m) == p for m, p in enumerate(ph) if m):
                    return i + len(ph) - 1
        return None


    def object_like_definite(self, t: int) -> bool:
        """Token t, a word with the article, may head a bare noun object ("السيطرة"):
        no name, title, time, nisba, setting or particle."""
        w, lex = self.w, self.lex
        n = w.norm(t)
        return not (head_kind(w, t) or w.in_entity(t) or bare(n) in self.names or w.in_time(t)
                    or n in TIME_WORDS or is_nisba(n) or n in lex.not_source or n in lex.stops
                    or n in lex.forms or bare(n) in lex.forms or quoted_end(w, t) is not None
                    or w.place_at(w.span(t, t)))

    def object_like(self, t: int) -> bool:
        """Token t looks like the head of a bare noun object ("سقوط", "وجود"):
        an indefinite word that is no name, title, time, setting or particle."""
        w, lex = self.w, self.lex
        n = w.norm(t)
        if w.norm(t - 1) in PREPOSITIONS or bare(n) in lex.extra_features \
                or any(m.start <= w.toks[t].start < m.end for _, m in w.doc.mentions("place")):
            return False  # "في مدينة داريا": a place or a prepositional phrase, no object
        return not (n.startswith(OBJECT_PREFIXES) or head_kind(w, t) or w.in_entity(t)
                    or bare(n) in self.names or w.in_time(t) or n in TIME_WORDS or n in ADVERBS
                    or w.toks[t].is_number or is_nisba(n) or n in lex.not_source or n in lex.stops
                    or n in lex.forms or quoted_end(w, t) is not None or len(n) < 3 or n in SAME_WORDS
                    or any(c in OPEN_QUOTES or c in "»”" for c in w.punct_before(t)))
