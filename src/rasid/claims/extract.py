"""Attribution rules: from cue words to drafts of claims.

1. Cues are found token by token (verbs with و/ف, adverbial participles,
   nouns of saying, prepositional phrases; ``data/cues.yaml``).
2. A verb's content opens at the first opener after it (أن/إن, a colon, a
   quotation, or one of the cue's own prepositions: "أشار إلى"); what lies
   between the cue and the opener is the source, less its channel ("لـ"المدن"")
   and setting ("في حديثه"). Nothing there: the subject stands before the verb
   ("مصادر عراقية تشير إلى أن") or is left out and taken from the last claim
   ("وأضاف أن").
3. Verbs that take a bare noun ("نفت القيادة إجراء ...") read a noun phrase
   for the source and start the content after it.
4. Prepositional cues ("بحسب مصادر") read the source after the cue; the
   content is the rest of the sentence when the phrase heads it, else the
   clause before it.
5. "نقل X عن Y" gives one claim, by Y; the relaying outlet X is kept in
   ``attrs["relay"]`` (the gold counts the relay as no claim of its own).
6. Participles and verbs without a subject take the claim before them in
   their sentence, else the subject of the verb opening the sentence
   ("وتبنت الجماعة الهجوم، مؤكدة أن"), else the last claim. A subject stands
   before the verb after "كان ... قد" and relative pronouns; "وهو ما نفته X"
   denies the clause before it.

The rules are mixins, one module per family, each building on the one before:
:mod:`rasid.claims.openers` (content openers and the shared checks),
:mod:`rasid.claims.prepositional` (steps 4-5), :mod:`rasid.claims.nouns`
(nouns of saying, participles), :mod:`rasid.claims.verb_objects` and
:mod:`rasid.claims.verbs` (the 17 verb rules); after the token walk,
:mod:`rasid.claims.reports` (a report's publisher) and
:mod:`rasid.claims.interview` (an interviewee's answers). The subject rules
(steps 2 and 6: where the source stands) are in :mod:`rasid.claims.subjects`;
the state all rule sets share and the token lookups (cues, phrases, bare
objects) in :mod:`rasid.claims.state`; word classes and the draft records in
:mod:`rasid.claims.grammar`.
"""

from __future__ import annotations

from collections.abc import Callable

from rasid.claims.grammar import (
    Draft,
)
from rasid.claims.interview import InterviewRules
from rasid.claims.lexicon import Cue
from rasid.claims.nouns import NounRules
from rasid.claims.reports import ReportRules
from rasid.claims.tokens import stems
from rasid.claims.verb_objects import VerbCue
from rasid.claims.verbs import VerbRules
from rasid.claims.vocab import (
    CAME_IN,
    FI_PRONOUN,
    MA,
    POSSESSIVE_3,
    SETTING_PREP,
)

__all__ = ["Draft", "Extractor", "VerbCue"]

POSSESSIVE_ENDS = frozenset(p[-1] for p in POSSESSIVE_3)  # last letters of a possessive pronoun


class Extractor(VerbRules, ReportRules, InterviewRules):
    """The attribution rules: cue by cue, from the first token to the last (:meth:`run`)."""

    #: The rule that drafts the claim of a cue found word by word, by its family
    #: (prepositional cues are phrases: :meth:`prep_like`, :meth:`relay_prep`).
    FAMILY_RULES: dict[str, Callable[[Extractor, int, Cue], None]] = {
        "verb": VerbRules.verb,
        "participle": NounRules.participle,
        "noun": NounRules.noun,
    }

    def run(self) -> list[Draft]:
        w, lex = self.w, self.lex
        i = 0
        while i < len(w):
            br = self.match_phrase(i, lex.backrefs)
            if br is not None:
                self.backref_quotation(i, br)
                i = br + 1
                continue
            pr = self.prep_at(i)
            if pr is not None and self.inside_source(i):
                self.relay_prep(i, pr)
                # past the relay phrase: its words say nothing of their own ("بحسب ما نقلت عنه وكالة ...")
                i = max(pr[0] + 1, w.index_at(self.drafts[-1].content_start))
                continue
            if pr is not None:
                last, cue, src_i = pr
                n1, n2 = w.norm(src_i), src_i + 1
                if n1 == MA and n2 < len(w) and self.cue_at(n2):
                    if n2 + 1 < len(w) and w.same_sentence(i, n2 + 1) and not w.punct_before(n2 + 1) \
                            and self.cue_at(n2).family == "verb":
                        # "، حسب ما أفادت تقارير الإعلام": the verb's subject is the source
                        n = len(self.drafts)
                        self.prep_like(i, n2, cue, n2 + 1, strict=True)
                        if len(self.drafts) > n:
                            i = n2 + 1
                            continue
                    i = last + 1
                    continue
                if n1 == MA and n2 + 1 < len(w) and w.same_sentence(i, n2 + 1):
                    # "بحسب ما ذكرته وكالة ...": a verb with a pronoun, then the source
                    self.prep_like(i, n2, cue, n2 + 1, strict=True)
                    i = n2 + 1
                    continue
                self.prep_like(i, last, cue, src_i)
                i = last + 1
                continue
            if w.norm(i - 1) == MA and (self.what_clause(i) or self.what_judged(i) or self.what_explained(i)):
                i += 1
                continue
            cue = self.cue_at(i)
            if cue is not None and cue.family == "verb" and self.can_attribute(i, cue):
                self.verb_cues.append(i)
            if cue is not None and (cue.reply or cue.needs) and not self.can_attribute(i, cue):
                pass  # "وردت أنباء عن": no reply
            elif cue is not None:
                self.FAMILY_RULES[cue.family](self, i, cue)
            elif w.norm(i)[-1:] in POSSESSIVE_ENDS and len(w.norm(i)) > 4:
                self.possessive_noun(i)
            elif stems(w.norm(i))[-1] in CAME_IN and w.norm(i + 1) in SETTING_PREP:
                self.came_in_document(i)
            elif stems(w.norm(i))[-1] in CAME_IN and w.norm(i + 1) in FI_PRONOUN:
                self.came_in_issued(i)
            i += 1
        self.published_reports()
        self.passed_on_news()
        self.interview_answers()
        return self.drafts
