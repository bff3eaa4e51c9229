"""Verb cues: :meth:`VerbRules.verb` tries the verb rules in order (rules 1-10
here, 11-17 in :mod:`rasid.claims.verb_objects`); steps 2, 3 and 6 of
:mod:`rasid.claims.extract`. Part of its ``Extractor``.
"""

from __future__ import annotations

from collections.abc import Callable

from rasid.claims.grammar import (
    CONTRAST_WORDS,
    DEMONSTRATIVES,
    GENERIC_OPENERS,
    LIKE_PREP,
    LIKE_PREP_MA,
    PREPOSITIONS,
    PRODROP_SENTENCES,
    RELATIVES,
    Draft,
    relay_dict,
    source_gender,
    verb_gender,
)
from rasid.claims.lexicon import Cue
from rasid.claims.openers import CHAIN_REACH
from rasid.claims.sources import MAX_SOURCE, Source, extend_np, head_kind, is_nisba, make_source, trim_tails
from rasid.claims.tokens import CLAUSE_MARKS, COMMAS, bare, stems
from rasid.claims.verb_objects import VerbCue, VerbObjectRules
from rasid.claims.vocab import (
    AMMA,
    FI,
    IN_IT_OR_THAT,
    ISSUED_BY,
    NOT_NAME_ENDINGS,
    TOPIC_PREPS,
    ACCUSATIVE,
    ALA_HADD,
    ALA_MA,
    AN,
    ARTICLE,
    BI,
    CONDITIONALS,
    CONJ,
    DEFECTIVE_LEXICON,
    DEFECTIVE_WRITTEN,
    FA,
    FI_PRONOUN,
    MA,
    MASCULINE_PLURAL_ENDINGS,
    MIN,
    MITHLAMA,
    OBJECT_PRONOUNS,
    PLURAL_NOUN_ENDINGS,
    PLURAL_OBLIQUE,
    PLURAL_PAST,
    PRESENT_PREFIXES,
    QAD,
    RESUMPTIVE,
    WHAT_PRONOUNS,
    word_set,
)

AFTER_MIN_REACH = 8  # tokens after an after_min verb searched for "من" when no opener follows
NP_OPENER_GAP = 6  # a ``source: np`` verb whose opener lies further past the phrase: not its opener
CONTINUATION_SENTENCES = 3  # a continuation verb ("أضاف") looks this much further back for its speaker
#: tokens back from a verb within which a relative pronoun opens the clause before it
RELATIVE_VERB_REACH = 8
#: "أما" that sets off a topic ("أما الوكالة الرسمية، فأعلنت أن"): the topic is the verb's subject
_AMMA = AMMA
#: tokens back from a "ف" verb within which "أما" opens its topic
AMMA_REACH = 8
_ELATIVES = word_set("elatives.txt")
#: prepositions of a topic or setting that open a sentence before a verb with no subject
#: ("وحول تأثير التفجيرات قال:", "وعن طبيعة الحرب أوضح أن", "وفي ذات السياق أكد أنه")
_TOPIC_PREPS = TOPIC_PREPS
TOPIC_REACH = 9  # tokens from the sentence start to the verb
TOPIC_LONG_REACH = 30  # the same, for a topic set off from the verb by a comma
_IN_IT_OR_THAT = IN_IT_OR_THAT
#: "في بيان أصدره X": the verbs of issuing a document, its issuer after them (token norm)
_ISSUED_BY = ISSUED_BY  # "من أهم": "is considered among the most"


class VerbRules(VerbObjectRules):
    """The verb rules (:meth:`verb`)."""

    def issuer_in_setting(self, i: int) -> Source | None:
        """A verb with no subject right before "في بيان أصدره X" ("وأضافت في بيان أصدرته
        وزارة الدفاع أمس أن"): X, the issuer of the document, speaks."""
        w = self.w
        k = i + 1
        if w.norm(k) != FI or w.punct_before(k) or not w.same_sentence(i, k + 3) \
                or (head_kind(w, k + 1) or ("",))[0] != "document" or w.norm(k + 2) not in _ISSUED_BY \
                or w.punct_before(k + 2) or w.punct_before(k + 3):
            return None
        end = extend_np(w, k + 3, min(len(w) - 1, k + 3 + MAX_SOURCE))
        if end is None or not w.same_sentence(i, end):
            return None
        src = make_source(w, k + 3, end, self.names)
        return src if src.supported else None

    def after_topic(self, v: VerbCue) -> bool:
        """The verb at v.i follows a sentence-initial topic or setting phrase with no mark
        ("وحول تأثير التفجيرات على الشعب قال:", "وعن طبيعة الحرب التي تدور أوضح أن"), and
        its content opens right after it: no subject in between, the speaker held over."""
        w, i, op = self.w, v.i, v.op
        if op is None or not (op.k == i + 1 or op.k == i + 2 and w.norm(i + 1) in _IN_IT_OR_THAT):
            return False
        t0 = w.index_at(w.sentence_span(i).start)
        # a longer topic closed by a comma: "وعن الغارات التي نفذتها طائرات التحالف ... قرب مارع، قال إن"
        long = TOPIC_REACH < i - t0 <= TOPIC_LONG_REACH and set(w.punct_before(i).strip("«»\"“”()")) <= set(COMMAS) \
            and w.punct_before(i).strip("«»\"“”()") != "" \
            and not any(w.norm(k) in GENERIC_OPENERS for k in range(t0 + 1, i))
        if not (0 < i - t0 <= TOPIC_REACH or long) or w.norm(t0)[:1] not in CONJ:
            return False  # "و" opens the sentence: it goes on from the one before
        if w.norm(t0)[1:] not in _TOPIC_PREPS and not any(w.norm(t0)[1:] == p for p in (FA + x for x in _TOPIC_PREPS)):
            return False
        return not any(w.punct_before(k).strip("«»\"“”()") for k in range(t0 + 1, i + (0 if long else 1))) \
            and not any(self.cue_at(k) is not None for k in range(t0 + 1, i))

    def amma_topic(self, i: int) -> Source | None:
        """The topic set off by "أما" before a verb with "ف" at token i ("أما الوكالة
        الرسمية، فأعلنت أن"): one noun phrase, closed by the comma before the verb."""
        w = self.w
        t = next((k for k in range(i - 1, max(-1, i - AMMA_REACH), -1)
                  if w.norm(k) == _AMMA and w.same_sentence(k, i)), None)
        if t is None or t + 1 > i - 1 or any(w.punct_before(k).strip("«»\"“”()") for k in range(t + 2, i)):
            return None
        src = make_source(w, t + 1, i - 1, self.names)
        return src if src.supported else None

    def suffixed_cue(self, n: str) -> Cue | None:
        """The verb cue of a form with an object pronoun ("نفته", "نفاه", "أكدته")."""
        for suf in OBJECT_PRONOUNS:
            if n.endswith(suf) and len(n) - len(suf) >= 3:
                base = n[: -len(suf)]
                for cand in (base, base[:-1] + DEFECTIVE_LEXICON if base.endswith(DEFECTIVE_WRITTEN) else base):
                    cue = self.lex.forms.get(cand)
                    if cue is not None and cue.family == "verb":
                        return cue
        return None

    def what_clause(self, i: int) -> bool:
        """"..., وهو ما نفته الحركة": a claim by the phrase after the verb about
        the clause before "وهو ما". True when one was drafted."""
        w = self.w
        if not (w.same_sentence(i - 2, i) and stems(w.norm(i - 2))[-1] in WHAT_PRONOUNS):
            return False
        cue = self.suffixed_cue(stems(w.norm(i))[-1])
        if cue is None or i + 1 >= len(w) or not w.same_sentence(i, i + 1):
            return False
        end = extend_np(w, i + 1, min(len(w) - 1, i + MAX_SOURCE))
        if end is None:
            return False
        s0, end, _ = trim_tails(w, i + 1, end)
        if end < s0:
            return False
        src = make_source(w, s0, end, self.names)
        last = i - 3
        if not src.supported or last < 0 or not w.same_sentence(last, i):
            return False
        k = last
        while k > 0 and w.same_sentence(k - 1, last) and not any(c in CLAUSE_MARKS + ":" for c in w.punct_before(k)):
            k -= 1
        start = w.toks[k].start
        said = next((d for d in reversed(self.drafts) if k <= d.cue_i <= last and not d.before), None)
        if said is not None and start < said.content_start < w.toks[last].end:
            start = said.content_start  # "اتهمت X Y بكذا، وهو ما نفاه Y": Y denies the accusation's content
        self.corefer(src)
        self.add(Draft(w.span(i, i), i, cue.lemma, "verb", cue.stance, src, start,
                       content_end=w.toks[last].end, before=True))
        return True

    def what_judged(self, i: int) -> bool:
        """"، وهو ما رأى فيه إردوغان مكيدة مدبرة": a verb with a resumptive pronoun after
        "وهو ما", its subject, then the judgement of the clause before (the content).
        True when one was drafted."""
        w = self.w
        if not (w.same_sentence(i - 2, i + 2) and stems(w.norm(i - 2))[-1] in WHAT_PRONOUNS
                and w.norm(i + 1) in RESUMPTIVE):
            return False
        cue = self.cue_at(i)
        if cue is None or cue.family != "verb":
            return False
        end = extend_np(w, i + 2, min(len(w) - 1, i + 1 + MAX_SOURCE))
        if end is None:
            return False
        s0, end, _ = trim_tails(w, i + 2, end)
        if end < s0:
            return False
        src = make_source(w, s0, end, self.names)
        k = end + 1
        if not src.supported or k >= len(w) or not w.same_sentence(i, k) or w.punct_before(k) \
                or not self.object_like(k) and not w.norm(k).startswith(BI):
            return False
        self.corefer(src)
        self.add(Draft(w.span(i, i), i, cue.lemma, "verb", cue.stance, src, w.toks[k].start))
        return True

    def what_explained(self, i: int) -> bool:
        """"منها ما كشفت عنه الوزارة من أن ...", "ما يردده المتمردون من أن ...", "ما يدعيه
        التنظيم من تمسك بـ ...": "ما" + a verb of saying (with its pronoun) + its subject, then
        "من" (or "أن": "ما أفادت به مصادر أن") opening what was said. True when one was drafted."""
        w = self.w
        n = stems(w.norm(i))[-1]
        cue = self.lex.forms.get(n) or self.suffixed_cue(n)
        if cue is None or cue.family != "verb" or not w.same_sentence(i - 1, i) or w.punct_before(i):
            return False
        k = i + 1
        if w.norm(k) in RESUMPTIVE and w.same_sentence(i, k) and not w.punct_before(k):
            k += 1  # "ما كشفت عنه", "ما صرح به"
        if k + 2 >= len(w) or not w.same_sentence(i, k + 2) or w.punct_before(k):
            return False
        if head_kind(w, k) or w.entity_at(k):
            end = extend_np(w, k, min(len(w) - 1, k + MAX_SOURCE))
        elif w.norm(k).startswith(ARTICLE) and len(w.norm(k)) > 4 and w.norm(k + 1) == MIN:
            end = k  # "ما يردده المتمردون من أن": one definite word, "من" right after it
        else:
            return False
        if end is None:
            return False
        m = next((j for j in range(k + 1, min(len(w) - 2, end + 2) + 1) if w.norm(j) == MIN), None)
        if m is None and end + 1 < len(w) and w.norm(end + 1) in GENERIC_OPENERS and w.same_sentence(i, end + 1) \
                and not any(w.punct_before(j) for j in range(k + 1, end + 2)):
            # "ما أفادت به مصادر أمنية وطبية أن ...": the opener right after the subject
            src = make_source(w, k, end, self.names)
            if not src.supported:
                return False
            self.corefer(src)
            d = Draft(w.span(i, i), i, cue.lemma, "verb", cue.stance, src, w.toks[end + 1].start)
            d.attrs["reported"] = True
            self.add(d)
            return True
        if m is None or not w.same_sentence(i, m + 2) or any(w.punct_before(j) for j in range(k + 1, m + 3)):
            return False  # "ما أكده الوزير من جهته،": a setting, not what was said
        nxt = w.norm(m + 1)
        if nxt not in GENERIC_OPENERS and (nxt.startswith(ARTICLE) or nxt in self.lex.not_source or len(nxt) < 3):
            return False
        s0, last, _ = trim_tails(w, k, m - 1)
        if last < s0:
            return False
        src = make_source(w, s0, last, self.names)
        if not src.supported and end != k:
            return False
        self.corefer(src)
        d = Draft(w.span(i, i), i, cue.lemma, "verb", cue.stance, src, w.toks[m + 1].start)
        d.attrs["reported"] = True  # inside the clause of another: no speaker for the follow-on cues
        self.add(d)
        return True

    def verb(self, i: int, cue: Cue) -> None:
        """Draft the claim of the verb cue at token i.

        The rules of :attr:`VERB_RULES` are tried in order; the first that
        decides (it drafted a claim, or found that the verb makes none here)
        ends the search. Each reads the cue's facts from a :class:`VerbCue`.

        1. not a saying: passive ("يُعتقد"), first person ("أعتقد"), a noun of
           saying ("حسب وصفهم", "على حد وصفه");
        2. "بحسب ما قال X", "مثلما قال X": a prepositional attribution;
        3. the source after "من" ("علمت المدن من مصدر محلي أن");
        4. a chain "نقل X عن Y"; a chain verb with no source after it is none;
        5. an aside about the source ("، لم تذكر اسمه،");
        6. negated with no "أن" after it ("لم تعلن أي جهة المسؤولية"): none;
        7. the subject stands before the verb ("وكانت الوزارة قد أعلنت",
           "الحكومة التي اعتبرت"): the content follows the verb; after a
           relative clause ("نتائج المباحثات التي أجراها مع الوزير تؤكد") the
           subject is the clause's noun: a claim only when it is a speaker;
        8. "أصدر ... بياناً، قال فيه إن": the issuer speaks;
        9. an addressee after the verb ("طالب القاضي بالإفراج"): the speaker
           stands before it;
        10. the source between the verb and its content opener; first, a
            demonstrative right after a verb opening its sentence, then the
            speaker ("كشف هذا لـ«الصحيفة» فلان"): the sentence before is the content.
        With no opener (11-17):
        11. a judgement after an object pronoun ("وعدتها تصريحات ..."), or a
            subject before the verb and a bare object after it;
        12. no noun phrase after the verb: a subject before it, the object after;
        13. an object pointing back ("ونفت الوزارة الأمر."): anaphoric;
        14. an object right after the speaker's name ("وتبنى تنظيم داعش الهجوم");
        15. no source in the phrase after the verb: a left-out subject
            ("كما أعلنت مقتل ...") or none;
        16. the phrase closes the sentence with a word such as "ذلك": anaphoric;
        17. the phrase after the verb is the source: the content is the object
            after it, else the quotation before the verb.
        """
        v = self.verb_cue(i, cue)
        for rule in self.VERB_RULES:
            if rule(self, v):
                return

    def verb_cue(self, i: int, cue: Cue) -> VerbCue:
        """What the verb rules read about the verb cue at token i."""
        w = self.w
        return VerbCue(self, i, cue, w.span(i, i), self.negated(i), w.norm(i - 1) if w.same_sentence(i - 1, i) else "")

    def not_a_saying(self, v: VerbCue) -> bool:
        """1. A passive or first-person form, or a noun of saying after "حسب"/"على حد"."""
        if self.passive(v.i) or self.first_person(v.i, v.cue):
            return True
        if v.cue.impersonal and v.op is not None and v.op.k == v.i + 1:
            return True  # "ويُشتبه بأنها": the impersonal passive
        w = self.w
        if stems(w.norm(v.i))[-1] in v.cue.not_after and any(
                w.norm(k) in v.cue.not_after for k in range(w.index_at(w.sentence_span(v.i).start), v.i)):
            return True  # "بين فلان، وبين فلان": the preposition
        if self.adjective_after_noun(v.i):
            return True  # "أعضاء جدد للتنظيم": "new", no verb
        if v.prev in PREPOSITIONS and v.prev != MIN and not w.punct_before(v.i) and not w.in_entity(v.i - 1):
            return True  # "قادرة على وصف صدمتنا", "عن ذكر": a verbal noun after a preposition (not "من": "who")
        if self.naming(v.i, v.cue):
            return True  # "شاهد عيان يدعى فلان": "is called"
        if v.prev in CONDITIONALS:
            return True  # "لو طلبت الدولة من شبابها ...": a condition, nothing said
        if self.considered_among(v):
            return True  # "وتعتبر القاعدة من أهم القواعد": "is considered", nothing said
        return v.prev in LIKE_PREP or v.prev == ALA_HADD  # "حسب وصفهم", "على حد وصفه"

    #: tokens of the one phrase between a judgement verb and "من" + an elative
    ELATIVE_REACH = 5

    def considered_among(self, v: VerbCue) -> bool:
        """A present judgement verb, one phrase, then "من" + an elative (``data/elatives.txt``):
        "وتعتبر قاعدة العند من أهم القواعد" is the passive "is considered among the most ..."."""
        w, i = self.w, v.i
        if not v.cue.judgement or stems(w.norm(i))[-1][:1] not in PRESENT_PREFIXES:
            return False
        if w.norm(i + 1) in _ELATIVES and not w.punct_before(i + 1) and w.same_sentence(i, i + 1) \
                and not any(w.norm(k) in GENERIC_OPENERS for k in range(i + 2, min(len(w), i + 8))
                            if w.same_sentence(i, k)):
            return True  # "قاعدة العند تعتبر أكبر قاعدة جوية": "is considered the largest"
        for k in range(i + 2, min(len(w) - 1, i + 1 + self.ELATIVE_REACH)):
            if w.punct_before(k) or not w.same_sentence(i, k + 1):
                return False
            if w.norm(k) == MIN:
                return w.norm(k + 1) in _ELATIVES and not w.punct_before(k + 1) and self.one_phrase(i + 1, k - 1)
        return False

    def one_phrase(self, a: int, b: int) -> bool:
        """Tokens a..b are one noun phrase: what :func:`extend_np` reads, or an indefinite noun that
        is no speaker's head, with its definite genitive ("قاعدة العند"), no other entity inside."""
        w = self.w
        if extend_np(w, a, b) == b:
            return True
        em = w.entity_at(a)
        return not w.norm(a).startswith(ARTICLE) and head_kind(w, a) is None \
            and (em is None or w.index_at(em[1].end) - 1 >= b) \
            and all(w.norm(t).startswith(ARTICLE) for t in range(a + 1, b + 1))

    def like_prep_verb(self, v: VerbCue) -> bool:
        """2. "بحسب ما قال X", "مثلما قال X": the verb's subject is the source of a prepositional cue."""
        w, i, prev = self.w, v.i, v.prev
        if prev == MA and any(x in LIKE_PREP for x in stems(w.norm(i - 2))) or prev == MITHLAMA \
                or prev in LIKE_PREP_MA or prev == MA and w.norm(i - 2) == ALA_MA and w.same_sentence(i - 2, i) \
                and any(c in COMMAS for c in w.punct_before(i - 2)):  # "، على ما أعلن مصدر عسكري"
            first = i - 2 if prev == MA else i - 1  # "حسبما أفادت": one token
            self.prep_like(first, i, v.cue, i + 1)
            return True
        return False

    def source_after_min(self, v: VerbCue) -> bool:
        """3. ``source: after_min`` cues: "علمت المدن من مصدر محلي أن" (the phrase before "من": the channel)."""
        if v.cue.source != "after_min":
            return False
        w, i, op = self.w, v.i, v.op
        lim = op.k - 1 if op else min(len(w) - 1, i + AFTER_MIN_REACH)
        m = next((k for k in range(i + 1, lim + 1) if w.norm(k) == MIN), None)
        if m is None and op is not None and op.k - 1 >= i + 1:
            # "علمت «الصحيفة» أن": the outlet learned it, and says so
            src = self.source_between(i + 1, op.k - 1)
            if (src is None or not src.supported) and op.k - 1 - i <= 3 and "(" in w.punct_before(i + 1) \
                    and ")" in w.punct_before(op.k) and not any(w.punct_before(k) for k in range(i + 2, op.k)):
                src = make_source(w, i + 1, op.k - 1, self.names)  # "وعلمت (عكاظ) أن": the outlet in brackets
                src.supported = True
            if src is not None and src.supported:
                self.verb_claim(v, src, op.start)
            return True
        if m is None or op is None:
            return True
        src = self.source_between(m + 1, lim)
        if src is None:
            return True
        src.attrs["channel"] = w.span(i + 1, m - 1) if m - 1 >= i + 1 else None
        self.verb_claim(v, src, op.start)
        return True

    def chain_verb(self, v: VerbCue) -> bool:
        """4. "نقل X عن Y": a chain (:meth:`chain`); a chain verb with no head or
        name after it makes no claim; else ("ونقلت وسائل الإعلام أنه قصف ...")
        it is a report with no second source, read by the later rules."""
        if not v.cue.chain:
            return False
        w, i = self.w, v.i
        if any(w.norm(k) == AN and w.same_sentence(i, k) for k in range(i + 1, min(len(w), i + CHAIN_REACH))):
            self.chain(i, v.cue)
            return True
        return not (head_kind(w, i + 1) or w.entity_at(i + 1))

    def aside(self, v: VerbCue) -> bool:
        """5. "، لم تذكر اسمه،": an aside about the source, no claim."""
        return self.w.norm(v.i + 1) in self.lex.anonymity

    def negated_statement(self, v: VerbCue) -> bool:
        """6. A negated cue with no "أن" opening its content says nobody claimed it
        ("لم تعلن أي جهة المسؤولية"), unless the cue is ``negatable`` ("لا يستبعد")."""
        op = v.op
        return v.negated and (op is None or self.w.norm(op.k) not in GENERIC_OPENERS) and not v.cue.negatable

    def subject_before_verb(self, v: VerbCue) -> bool:
        """7. "وكانت الوزارة قد أعلنت ..." / "الحكومة التي اعتبرت ...": the subject
        stands before the verb, what follows it is the content."""
        pre = self.pre_subject(v.i)
        w, i = self.w, v.i
        if pre is None and v.prev in RELATIVES and not w.punct_before(i) and w.same_sentence(i, i + 1) \
                and not w.punct_before(i + 1) and not (head_kind(w, i + 1) or w.entity_at(i + 1)) \
                and self.object_like(i + 1) and (v.op is None or v.op.k > i + 1):
            return True  # "ومن المصطلحات التي تؤكد مواصلة النظام ...": no speaker, the object follows
        if pre is None:
            return self.after_relative_clause(v)
        if self.subject_follows(v):
            return False  # "من أسرة فلان تتهمهم حماس بالوقوف وراء": the verb's subject follows it (VSO)
        n = len(self.drafts)
        done = self.claim_after_subject(v, pre)
        if pre.attrs.pop("kana_bare", False) and len(self.drafts) == n:
            return False  # "وكان ناشطون أبلغوا «الصحيفة» يوم كذا، أن": the later rules read the phrase after it
        return done

    def subject_follows(self, v: VerbCue) -> bool:
        """A verb with its object pronoun and a speaker right after it: that one is its subject."""
        w, i = self.w, v.i
        return self.object_suffixed(i, v.cue) and w.same_sentence(i, i + 1) and not w.punct_before(i + 1) \
            and bool(head_kind(w, i + 1) or w.entity_at(i + 1))

    def object_suffixed(self, i: int, cue: Cue) -> bool:
        """The verb at token i carries an object pronoun: less the pronoun it is a form of the same cue
        ("تتهمهم" = "تتهم" + "هم"; not "يتهم", whose "هم" is its own)."""
        n = stems(self.w.norm(i))[-1]
        return any(n.endswith(p) and len(n) - len(p) >= 2 and self.lex.forms.get(n[:-len(p)]) == cue
                   for p in OBJECT_PRONOUNS)

    def after_relative_clause(self, v: VerbCue) -> bool:
        """(Rule 7, continued.) "إن نتائج المباحثات التي أجراها مع الوزير تؤكد ...": the verb follows a
        relative clause, so its subject is the noun the clause describes; a claim
        only when that noun is a speaker ("المصادر التي تحدثت للقناة أكدت")."""
        i, w = v.i, self.w
        if i < 1 or not w.same_sentence(i - 1, i) or w.punct_before(i) or w.norm(i)[:1] in CONJ:
            return False  # "البيان الذي أصدره فلان وذكر فيه": the relative clause goes on (rule 8)
        if i + 1 < len(w) and w.same_sentence(i, i + 1) and (head_kind(w, i + 1) or w.entity_at(i + 1)):
            return False  # "المعارك التي دارت في المدينة أكد المرصد أن": the subject follows (VSO)
        k = next((k for k in range(i - 2, max(-1, i - RELATIVE_VERB_REACH - 1), -1)
                  if w.norm(k) in RELATIVES), None)
        if k is None or not w.same_sentence(k, i) or any(w.punct_before(t) or w.norm(t) in CONTRAST_WORDS
                                                          for t in range(k + 1, i + 1)):
            return False  # "... التي خسرتها لكن منتقدين يقولون": a new clause
        head = self.relative_head(k)
        if head is None or not head.supported:
            return True  # the subject says nothing ("الدراسات التي أعدها الفريق تؤكد")
        return self.claim_after_subject(v, head)

    def relative_subject(self, i: int) -> Source | None:
        """"في البيان الذي أصدره فلان الأمين العام للرابطة وذكر فيه": the subject
        of the verb after the relative pronoun before token i in its sentence."""
        w = self.w
        t0 = w.index_at(w.sentence_span(i).start)
        for k in range(i - 2, t0, -1):
            if w.norm(k - 1) not in RELATIVES:
                continue
            h = k + 1
            if not (head_kind(w, h) or w.entity_at(h)):
                return None
            end = extend_np(w, h, i - 1)
            ent = w.entity_at(h)
            if ent is not None:
                end = min(w.index_at(ent[1].end) - 1, i - 1)  # the name; its titles after it are no part
            if end is None:
                return None
            src = make_source(w, h, end, self.names)
            return src if src.supported and src.kind != "document" else None
        return None

    def opener_near(self, v: VerbCue) -> bool:
        """The content opener follows the verb at once ("لفت إلى أن", "أكد أن"): no subject between."""
        return v.op is not None and v.op.participle is None and v.op.k == v.i + 1

    def issuer(self, v: VerbCue) -> bool:
        """8. "وأصدر البيت الأبيض بياناً ...، قال فيه إن": the issuer of the statement speaks."""
        op = v.op
        if op is None or self.w.norm(v.i + 1) not in FI_PRONOUN or op.k != v.i + 2:
            return False
        who = self.clause_subject(v.i) or self.phrase_before_comma(v.i) or self.relative_subject(v.i)
        if who is not None:
            a, b = self.w.index_at(who.span.start), self.w.index_at(who.span.end) - 1
            if b > a and self.w.norm(b).endswith(ACCUSATIVE) and (head_kind(self.w, b) or ("",))[0] == "document":
                # "نشرت الوكالة بيانا قالت فيه": the statement is the object; its issuer speaks
                who = make_source(self.w, a, b - 1, self.names)
            self.corefer(who)
            self.verb_claim(v, who, op.start)
        return True

    def plain_name(self, k: int, e: int) -> bool:
        """Tokens k..e are a name no mention covers (:meth:`bare_name`) of bare words: none with the
        article, none ending in ها، هم or ته ("حورية مشهور", not "دعم المملكة الكامل" or "دعم حكومته")."""
        w = self.w
        return k > 0 and self.bare_name(k, e) and not any(
            w.norm(t).startswith(ARTICLE) or w.norm(t).endswith(NOT_NAME_ENDINGS) for t in range(k, e + 1))

    def addressee(self, v: VerbCue) -> bool:
        """9. "عيدان طالب القاضي بالإفراج", "فإنها دعت الحزب إلى": the phrase after
        the verb is the one addressed, the speaker stands before (else the later rules)."""
        op, i = v.op, v.i
        if op is None or not v.cue.addressee or op.participle is not None or op.far:
            return False  # (far: the speaker is the phrase after the verb)
        if self.subject_follows(v):
            return False  # "تتهمهم حماس بـ": the one addressed is the pronoun, the speaker follows
        who = self.source_before(i)
        if who is None and self.describes_noun(v):
            return True  # "قرار ... يطالب إيران بالخروج": the verb describes the noun before it, no speaker
        if who is None and v.prev in self.lex.pronoun_subjects:
            # the pronoun's noun in the same sentence first ("وفيما أدانت رئاسة الإقليم القصف، فإنها دعت")
            ante = self.antecedent(i, 0)
            who = (self.inherit(ante) if ante is not None else self.first_subject(i)) \
                or self.subject_for(i, PRODROP_SENTENCES)
        if who is not None and (who.supported or who.attrs.get("prodrop")):
            self.corefer(who)
            self.verb_claim(v, who, op.start)
            return True
        return False

    def cut_at_addressee(self, src: Source) -> Source:
        """A speaker with a name, then a comma and the one addressed ("طالب ممثل المرجعية فلان،
        رئيسَ الوزراء فلاناً بـ"): the source ends before the comma."""
        w = self.w
        a, b = w.index_at(src.span.start), w.index_at(src.span.end) - 1
        for k in range(a + 1, b + 1):
            if any(c in COMMAS for c in w.punct_before(k)):
                if any(self.person_at(t) or w.entity_at(t) and t > a for t in range(a, k)) \
                        or k - 2 > a and self.bare_name(k - 2, k - 1):  # "... أحمد الصافي، رئيس الوزراء"
                    return make_source(w, a, k - 1, self.names)
                return src
        return src

    def describes_noun(self, v: VerbCue) -> bool:
        """A present-tense verb right after a content word, no mark between ("بإصدار قرار
        شديد اللهجة يطالب إيران بـ"): a clause describing that noun, whose subject it is."""
        w, i, p = self.w, v.i, v.prev
        if not p or w.punct_before(i) or w.norm(i)[:1] not in PRESENT_PREFIXES or len(p) < 3:
            return False
        lex = self.lex
        return not (p in lex.stops or p in lex.pronoun_subjects or p in RELATIVES or p in lex.negators
                    or p == QAD or p in lex.not_source or self.cue_at(i - 1) is not None
                    or head_kind(w, i - 1) or w.in_entity(i - 1) or w.in_time(i - 1))

    def thing_subject(self, i: int, k: int) -> bool:
        """A demonstrative and a definite noun that is no speaker right after the verb at token i,
        before the opener at token k ("ويشير هذا القرار إلى", "ويؤكد هذا التطور أن"): the subject."""
        w = self.w
        if not (i + 2 < k and w.same_sentence(i, i + 2) and w.norm(i + 1) in DEMONSTRATIVES):
            return False
        if w.punct_before(i + 1) or w.punct_before(i + 2) or not w.norm(i + 2).startswith(ARTICLE):
            return False
        return not (head_kind(w, i + 2) or w.entity_at(i + 2) or w.entity_at(i + 1))

    def source_to_opener(self, v: VerbCue) -> bool:
        """10. A content opener follows: the source stands between the verb and it
        (less a relay, "نقل ... عن"), else before the verb, else it is left out
        (pro-drop: "وأضاف أن"); a bare object before a participle or a
        preposition opens the content ("أكد الوزير فلان حرص دول المجلس على").
        First, "كشف هذا لـ«الصحيفة» فلان" (:meth:`demonstrative_first`), with or without an opener."""
        if self.demonstrative_first(v):
            return True
        op = v.op
        if op is None:
            return False
        w, i, cue = self.w, v.i, v.cue
        if self.thing_subject(i, op.k):
            return True  # "ويشير هذا القرار إلى تكثيف ...": a thing points to it, nobody says it
        last = op.k - 1
        if op.participle is not None:
            # "أعلن الوزير بدء العملية، مضيفاً أن": the source is the phrase
            # right after the verb, not all that precedes the participle
            last = extend_np(w, i + 1, op.participle - 1) or (op.participle - 1)
            pc = self.cue_at(op.participle)
            p = op.participle
            if pc is not None and pc.restates and not w.punct_before(p) and p - 1 > last \
                    and (self.person_at(p - 1) or self.plain_name(p - 2, p - 1) or self.plain_name(p - 3, p - 1)):
                # "غردت وزيرة حقوق الإنسان في اليمن سابقاً فلانة الفلانية قائلة:": a name right before
                # "saying" ends the speaker's phrase (its place too)
                last = p - 1
        if cue.source == "np":
            np_end = extend_np(w, i + 1, last)
            if np_end is not None:
                for k in range(np_end + 1, min(last + 1, np_end + 5)):
                    if w.punct_before(k):
                        break
                    ent = w.entity_at(k)
                    if ent is not None and ent[0].kind == "person":
                        np_end = min(last, w.index_at(ent[1].end) - 1)  # "الممثل الخاص للأمم المتحدة فلان"
                        break
            last = np_end if np_end is not None else i
            if op.k - last > NP_OPENER_GAP:
                # "ويصف الأحداث ويسمي ... أو أن": the opener belongs elsewhere; a verb
                # that takes an object says it ("وأبدت مصادر استغرابها من ...")
                return not cue.object
        src = self.source_between(i + 1, last)
        if src is not None and op.far:
            src = self.cut_at_addressee(src)
        if src is not None and cue.source == "np" and cue.judgement and not src.supported and src.entity is None \
                and w.norm(i)[:1] in CONJ and w.norm(i)[1:] in self.lex.forms \
                and not is_nisba(w.norm(i + 1)) and not w.norm(i + 1).endswith(PLURAL_NOUN_ENDINGS):
            src = None  # "ووصفت علاقة الخرطوم بالجزائر بأنها ...": an unknown word (no people: "العراقيون") is judged
        if src is not None and cue.source == "np" and cue.judgement and src.entity is None and op.k == i + 2 \
                and w.norm(i + 1).endswith(PLURAL_OBLIQUE) and w.norm(i + 1).startswith(ARTICLE):
            src = None  # "فيما وصف السياسيين بأنهم ...": one plural not in the nominative is the one judged
            judged_only = True
        else:
            judged_only = False
        if src is not None and not src.attrs.get("prodrop"):
            a, b = w.index_at(src.span.start), w.index_at(src.span.end) - 1
            k = next((k for k in range(a + 1, b + 1) if w.norm(k).startswith(ARTICLE)
                      and (self.lex.forms.get(bare(w.norm(k))) or Cue("", "", "")).family == "noun"
                      and not head_kind(w, k)), None)
            if k is not None:  # "وجدد الوزير التأكيد على أن": the speaker, then the noun of saying he renews
                src = make_source(w, a, k - 1, self.names)
            k = next((k for k in range(a + 1, b + 1) if w.norm(k) in cue.needs), None)
            if k is not None:  # "ويمضي السياسي إلى القول إن": the word of saying the verb needs ends the speaker
                k -= w.norm(k - 1) in PREPOSITIONS
                src = make_source(w, a, k - 1, self.names) if k > a else None
        saying_object = src is not None and self.saying_noun_object(src)
        if src is not None and (saying_object or self.possessed_object(src)):
            src = None  # "والذي أعلن مسؤوليته عن التفجير", "كما جدد التأكيد على أن": the object
        plural_past = stems(w.norm(i))[-1].endswith(PLURAL_PAST)
        if plural_past and src is not None and not src.attrs.get("prodrop"):
            # "وفيما دعوا الحكومة إلى ...، أكدوا أن": a plural verb carries its subject; the phrase
            # after it is the one addressed (the speaker stands before it or is left out)
            src = None
        relay = None
        if src is not None and AN not in cue.preps:
            src, relay = self.split_relay(i + 1, last, src, cue.relay_prep or AN)
        obj = last + 1  # where an object would start (after the source)
        addressed = self.addressee_in_phrase(v, src, last)
        if addressed is None and src is not None and cue.addressee and op.participle is None:
            addressed = self.addressee_after_relative(v, src, last)
        if addressed is not None:
            src, obj = addressed
        elif src is not None and relay is None and self.only_addressee(v, last):
            src, obj = None, i + 1  # "كما ناشد الأمم المتحدة بـ": the one addressed; the speaker is left out
            addressed = (src, obj)
        if src is None:
            src = self.source_before(i)
            obj = i + 1
        if cue.prodrop_conj:  # "ووصفه": a real و, not the root و of "وصفه"
            may_drop = w.norm(i)[:1] in CONJ and (w.norm(i)[1:] in self.lex.forms
                                                  or w.norm(i) in cue.wa_forms and op.k == i + 1)
            # "وبين أن": a form listed with its و ("بين" alone is the preposition), the opener right after it
            may_drop = may_drop or judged_only and self.same_sentence_claim(i)  # "، فيما وصف السياسيين بأنهم"
        else:
            may_drop = w.norm(i)[:1] in CONJ or cue.continuation or self.same_sentence_claim(i) \
                or v.prev in self.lex.pronoun_subjects \
                or self.opens_sentence(i) and self.opener_near(v) \
                and stems(w.norm(i))[-1][:1] not in PRESENT_PREFIXES  # "الا انه قال:", "من جهة أخرى، لفت إلى أن"
            may_drop = may_drop and v.prev not in RELATIVES  # "المادة التي تقول إن": the relative's noun
            if src is None and not may_drop and any(c in COMMAS for c in w.punct_before(i)) and self.opener_near(v) \
                    and stems(w.norm(i))[-1][:1] in PRESENT_PREFIXES:
                # "وتسربت تقارير أداء، تفيد بحصول ...": the subject of the clause before describes itself
                who = self.clause_subject(i, documents=True)
                g = verb_gender(w.norm(i))
                if who is not None and who.supported and (g is None or source_gender(who) in (g, None)):
                    src = who
            if v.prev.startswith(ARTICLE) and not w.punct_before(i) and v.prev not in self.lex.stops \
                    and v.prev not in self.lex.not_source \
                    and not (w.norm(i)[:1] in CONJ and w.norm(i)[1:] in self.lex.forms and op.k == i + 1
                             and ":" in w.gap(op.k)):  # "... مدير المكتب في اليمن وقال: ..."
                may_drop = False  # "إن المحققين يعتقدون أن": a subject this stage does not know stands before
        if src is None:
            src = self.issuer_in_setting(i)  # "وأضافت في بيان أصدرته وزارة الدفاع أن"
        if src is None and not may_drop and self.after_topic(v):
            may_drop = True  # "وحول تأثير التفجيرات على الشعب قال: ...": the speaker held over
        if src is None and w.norm(i).startswith(FA) and w.norm(i)[len(FA):] in self.lex.forms:
            src = self.amma_topic(i)  # "أما «الوكالة الوطنية» الرسمية، فأعلنت أن"
        if src is None and (cue.prodrop or saying_object) and may_drop:
            src = self.subject_for(i, PRODROP_SENTENCES + (CONTINUATION_SENTENCES if cue.continuation else 0))
            if src is None:
                src = self.press_review_subject(i)
        if src is None:
            return True
        if cue.strict and not src.supported and not self.known_speaker(w.index_at(src.span.start),
                                                                       w.index_at(src.span.end) - 1):
            return True  # "اقترح الصرخي أن": a surname of an earlier speaker is known
        if src.attrs.get("prodrop") and src.kind == "named" and stems(w.norm(i))[-1].endswith(MASCULINE_PLURAL_ENDINGS) \
                and not w.norm(w.index_at(src.span.start)).endswith(PLURAL_NOUN_ENDINGS):
            return True  # "وطالبوا بـ" inside what one person said: the plural is someone else ("المتظاهرون" is not)
        self.corefer(src)
        start = op.start
        if op.participle is not None and cue.object and not self.cue_at(op.participle).restates \
                and obj < op.participle and (not src.attrs.get("prodrop") or obj == i + 1):
            start = w.toks[obj].start  # the object; the participle is a claim of its own
        elif op.participle is None and cue.object and cue.preps and w.norm(op.k) in cue.preps \
                and not src.attrs.get("prodrop") and src.span.end > w.toks[i].end:
            ob = w.index_at(src.span.end)  # the first token after the source
            if ob < op.k and w.same_sentence(i, ob) and not w.punct_before(ob) and self.object_like(ob):
                start = w.toks[ob].start  # "أكد الوزير فلان حرص دول المجلس على ...": the object heads it
        if cue.source == "np" and cue.object and op.participle is None and not src.attrs.get("prodrop") \
                and obj < op.k and w.same_sentence(i, obj) and not w.punct_before(obj) and self.object_like(obj) \
                and self.object_ok(cue, obj):
            start = w.toks[obj].start  # "وأبدت مصادر استغرابها من ...": the object, not a later "أن"
        if addressed is not None:
            start = w.toks[obj].start  # "اتهمت المعارضة الحزب الحاكم بالمراوغة": the one addressed heads it
        d = self.verb_claim(v, src, start)
        if relay is not None:
            d.attrs["relay"], d.relay = relay_dict(relay), relay
        return True


    #: The verb rules in the order :meth:`verb` tries them (numbered as in its docstring).
    VERB_RULES: tuple[Callable[[VerbRules, VerbCue], bool], ...] = (
        not_a_saying,  # 1
        like_prep_verb,  # 2
        source_after_min,  # 3
        chain_verb,  # 4
        aside,  # 5
        negated_statement,  # 6
        subject_before_verb,  # 7
        issuer,  # 8
        addressee,  # 9
        source_to_opener,  # 10
        VerbObjectRules.object_after_subject,  # 11
        VerbObjectRules.no_phrase_after,  # 12
        VerbObjectRules.anaphoric_object,  # 13
        VerbObjectRules.object_after_speaker,  # 14
        VerbObjectRules.unsupported_phrase,  # 15
        VerbObjectRules.pointing_back,  # 16
        VerbObjectRules.object_or_quotation,  # 17
    )
