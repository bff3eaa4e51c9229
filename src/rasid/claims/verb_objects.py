"""Verb rules 11-17 (no content opener after the verb): a bare object, an
anaphoric one, the object after the speaker's name, a quotation before the verb.

With :class:`VerbCue`, the facts of one verb cue every verb rule reads. The
rules are listed in order in :attr:`rasid.claims.verbs.VerbRules.VERB_RULES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rasid.claims.grammar import (
    ADVERBS,
    DEMONSTRATIVES,
    GENERIC_OPENERS,
    MANNER_HEADS,
    PREPOSITIONS,
    PRODROP_SENTENCES,
    RELATIVES,
    TIME_WORDS,
    Draft,
    Opener,
    source_gender,
    verb_gender,
)
from rasid.claims.lexicon import Cue
from rasid.claims.nouns import NounRules
from rasid.claims.openers import OpenerRules
from rasid.claims.sources import MAX_SOURCE, Source, extend_np, head_kind, make_source, quoted_end, trim_tails
from rasid.claims.tokens import CLAUSE_MARKS, CLOSE_QUOTES, COMMAS, OPEN_QUOTES, STOP_OR_COMMA, bare, stems
from rasid.claims.vocab import (
    ARTICLE,
    ARTICLE_CONJ,
    BI,
    CONJ,
    TOPIC_PREPS,
    KAMA,
    LI,
    LIL,
    MASCULINE_PLURAL_ENDINGS,
    OBJECT_PRONOUNS,
    POSSESSED_ENDINGS,
    PRESENT_PREFIXES,
    word_set,
)
from rasid.model.document import Span

#: the article words that begin the one addressed by a call ("ودعا الوزير المجتمع الدولي إلى")
_ADDRESSEES = word_set("addressees.txt")

MIN_CONTENT_BEFORE = 10
APPOSITION_REACH = 8  # tokens after a source searched for its apposition ("، فلان الفلاني،")
OBJECT_REACH = 6  # tokens past the speaker's phrase searched for a listed object ("لـ«الجزيرة» تفاصيل")


ADVERBIAL_REACH = 5  # tokens of a prepositional setting between a verb and its opener ("في الجلسة الماضية")
PRESS_REVIEW_SENTENCES = 12  # a press review's papers stay the subject this far ("وأخبرت عن ...")
RELATIVE_REACH = 10  # tokens of a relative clause between a verb's subject and its object ("الذي تقوده الرياض،")


@dataclass
class VerbCue:
    """A verb cue as the verb rules read it (:meth:`rasid.claims.verbs.VerbRules.verb`)."""

    ex: OpenerRules  # the rules (only its opener is read here)
    i: int  # the verb's token
    cue: Cue
    span: Span  # the verb as written
    negated: bool  # a negator before it ("لم يؤكد")
    prev: str  # the word before it in its sentence ("" at the sentence start)
    end: int | None = None  # last token of the noun phrase after the verb (rules 12-17)
    source: Source | None = None  # that phrase as a source (rules 15-17)

    @cached_property
    def op(self) -> Opener | None:
        """The first content opener after the verb (found once, when a rule first asks)."""
        return self.ex.opener(self.i + 1, self.cue)

    @property
    def phrase_end(self) -> int:
        if self.end is None:
            raise RuntimeError("VerbCue.end is set by Extractor.no_phrase_after (rule 12)")
        return self.end

    @property
    def speaker(self) -> Source:
        if self.source is None:
            raise RuntimeError("VerbCue.source is set by Extractor.unsupported_phrase (rule 15)")
        return self.source


class VerbObjectRules(NounRules):
    """Verb rules 11-17 (:meth:`rasid.claims.verbs.VerbRules.verb`)."""

    def verb_claim(self, v: VerbCue, src: Source, start: int, **kw) -> Draft:
        """Draft the claim of the verb cue ``v`` by ``src``, its content from ``start``."""
        cue = v.cue
        d = Draft(v.span, v.i, cue.lemma, cue.family, cue.stance, src, start, negated=v.negated, **kw)
        if v.prev in RELATIVES and src.span.start > v.span.start:
            d.attrs["reported"] = True  # "التي يتوقع كثيرون أن": said inside a relative clause
        if cue.speakers and src.kind not in cue.speakers:
            return d  # "ركزت القوات على": a press-review verb whose subject is no outlet: not kept
        return self.add(d)

    def claim_after_subject(self, v: VerbCue, pre: Source) -> bool:
        """The claim of a verb whose subject ``pre`` stands before it: its content follows the verb."""
        w, i, cue, op = self.w, v.i, v.cue, v.op
        obj = self.skip_setting(i) + 1
        while obj < len(w) and w.same_sentence(i, obj) and (
                w.in_time(obj) or w.norm(obj) in TIME_WORDS or w.norm(obj) in ADVERBS
                or w.norm(obj) in MANNER_HEADS and w.same_sentence(i, obj + 2)):
            obj += 2 if w.norm(obj) in MANNER_HEADS else 1  # "قد أعلنت أمس، انسحابها", "استبعد بشكل قاطع أي"
        if op is not None and op.participle is None and (self.only_setting(obj, op.k - 1)
                                                         or self.adverbial(obj, op.k - 1)
                                                         or self.only_channel(obj, op.k - 1)):
            start = op.start
        elif (cue.object or cue.pre_object) and not (cue.pre_object and self.present_after_relative(v)) \
                and (cue.object or stems(w.norm(i))[-1][:1] not in PRESENT_PREFIXES) \
                and obj < len(w) and w.same_sentence(i, obj) and self.object_ok(cue, obj) \
                and w.norm(obj) not in PREPOSITIONS and not self.ends_clause(obj):
            start = w.toks[obj].start
        else:
            return True
        self.corefer(pre)
        self.verb_claim(v, pre, start)
        return True

    def present_after_relative(self, v: VerbCue) -> bool:
        """"الفصيل الذي يعتبر الذراع العسكرية للحزب": a present judgement verb right after a relative
        pronoun, a bare object after it, is the passive "which is considered": nobody judges (not a
        plural: "الأميركيين الذين يعتبرون مكافحة الإرهاب أولوية" is mostly the active)."""
        n = stems(self.w.norm(v.i))[-1]
        return v.prev in RELATIVES and n[:1] in PRESENT_PREFIXES and not n.endswith(MASCULINE_PLURAL_ENDINGS)

    def only_channel(self, a: int, b: int) -> bool:
        """Tokens a..b are only the outlet told ("قال لبي بي سي إن", "قال لـ«عكاظ» إن")."""
        w = self.w
        if not (a <= b < a + 4) or not w.norm(a).startswith(LI) or w.norm(a).startswith(LIL) \
                or any(w.punct_before(k) and not all(c in "()«»“”\"" for c in w.punct_before(k))
                       for k in range(a + 1, b + 1)):
            return False
        if self.skip_channel(a) == b + 1 or self.match_phrase(a, self.lex.tails) is not None:
            return True  # "لـ«عكاظ»", "لوكالة رويترز"
        return make_source(w, a, b, self.names).kind == "media"

    def adverbial(self, a: int, b: int) -> bool:
        """Tokens a..b are a short prepositional phrase with no speaker in it
        ("قد قال في الجلسة الماضية إن"): the setting of a saying whose subject stands before it."""
        w = self.w
        return a <= b < a + ADVERBIAL_REACH and w.norm(a) in PREPOSITIONS and not any(
            w.punct_before(k) or head_kind(w, k) or w.entity_at(k) or self.cue_at(k) for k in range(a + 1, b + 1))

    def only_addressee(self, v: VerbCue, last: int) -> bool:
        """An ``addressed`` cue whose phrase before its content (tokens i+1..last) is one name alone
        (or one word): the one addressed ("كما ناشد الأمم المتحدة بإصدار قرار")."""
        w, i = self.w, v.i
        if not v.cue.addressed or v.op is None or v.op.participle is not None or last < i + 1:
            return False
        if last == i + 1:
            return True
        ent = w.entity_at(i + 1)
        return ent is not None and ent[1].start == w.toks[i + 1].start and w.index_at(ent[1].end) - 1 == last

    def addressee_in_phrase(self, v: VerbCue, src: Source | None, last: int) -> tuple[Source, int] | None:
        """An ``addressee`` cue whose source phrase runs over two noun phrases, each a
        speaker ("اتهمت المعارضة التركية حزب العدالة والتنمية بـ"): the first speaks,
        the second is addressed. (speaker, first token of the addressee), else None."""
        w, i = self.w, v.i
        if not v.cue.addressee or src is None or v.op is None or v.op.participle is not None:
            return None
        if src.span.start != w.toks[i + 1].start or src.entity is not None and w.entity_at(i + 1) is not None \
                and w.index_at(w.entity_at(i + 1)[1].end) - 1 >= w.index_at(src.span.end) - 1:
            return None
        s_end = w.index_at(src.span.end) - 1
        hk0 = (head_kind(w, i + 1) or ("", ""))[0]
        for k in range(i + 2, s_end + 1):
            if w.punct_before(k) or not w.same_sentence(i, k):
                return None
            if w.norm(k) in _ADDRESSEES and w.norm(k - 1).startswith(ARTICLE_CONJ + (LIL,)):
                # after a definite word (no genitive: "وحدات حماية الشعب" is one name)
                first = make_source(w, i + 1, k - 1, self.names)
                if first.supported:
                    return first, k  # "ودعا الوزير المجتمع الدولي إلى": the one addressed
            ent = w.entity_at(k)
            starts = ent is not None and ent[1].start == w.toks[k].start
            if ent is not None and not starts:
                continue
            hk = (head_kind(w, k) or ("", ""))[0]
            if not (starts or hk == "organization"):
                continue
            if not w.norm(k - 1).startswith(ARTICLE_CONJ + (LIL,)) and not w.in_entity(k - 1) \
                    or w.norm(k)[:1] in CONJ or w.norm(k).startswith(LI):
                continue  # "وزارة الدفاع", "عضو لجنة": a genitive; "وهيئة الأركان": a coordinated
                # speaker; "للأمم المتحدة": a modifier
            if hk in ("named", "role") or hk0 in ("named", "role", "") or (ent is not None and ent[0].kind == "person"):
                return None  # "الرئيس الفرنسي إيمانويل ماكرون": a title and its name
            first = make_source(w, i + 1, k - 1, self.names)
            second = make_source(w, k, s_end, self.names)
            if first.supported and second.supported and first.kind != "document":
                return first, k
            return None
        return None

    def addressee_after_relative(self, v: VerbCue, src: Source, last: int) -> tuple[Source, int] | None:
        """"اتهمت الوحدات الكردية، التي تقاتل داعش، تركيا بـ": the speaker before the relative
        clause set off by commas, the one addressed after it. (speaker, its first token), else None."""
        w, i = self.w, v.i
        s_end = min(last, w.index_at(src.span.end) - 1)
        for k in range(i + 2, s_end + 1):
            if w.norm(k) in RELATIVES and any(c in COMMAS for c in w.punct_before(k)):
                after = self.skip_relative(k)
                if after == k or after > s_end:
                    return None
                first = make_source(w, i + 1, k - 1, self.names)
                return (first, after) if first.supported else None
        return None

    def pronoun_object(self, v: VerbCue) -> bool:
        """Part of rule 11: "أدانت الرابطة التصريحات وعدتها تصريحات تغذي التطرف": a verb of
        judgement with its object as a pronoun; what follows is the judgement
        (the content), the subject is left out or stands before the verb."""
        w, i, cue = self.w, v.i, v.cue
        n = stems(w.norm(i))[-1]
        if not cue.judgement or not any(n.endswith(p) and len(n) - len(p) >= 2 for p in OBJECT_PRONOUNS):
            return False
        k = i + 1
        nk = w.norm(k)
        if cue.judgement == "only" and nk.startswith(BI):
            return True  # "وعدها الوزير بزيارة": a promise
        quoted = self.speaker_then_quotation(i)
        if quoted is not None:  # "وتعتبرها واشنطن «منظمة إرهابية»": the speaker, then the judgement quoted
            self.corefer(quoted[0])
            self.verb_claim(v, quoted[0], quoted[1])
            return True
        judged = self.speaker_then_bi(i) if cue.judgement == "pronoun" else None  # not "وعدها الوزير بزيارة"
        if judged is not None:  # "الذي وصفته وسائل إعلام النظام بالمجرم": the speaker, then بـ + the judgement
            self.corefer(judged[0])
            self.verb_claim(v, judged[0], judged[1])
            return True
        if not (w.same_sentence(i, k) and not w.punct_before(k)
                and (self.object_like(k) or quoted_end(w, k) is not None or nk.startswith(ARTICLE)
                     or nk.startswith(BI) and (len(nk) > 3 or nk == BI and quoted_end(w, k + 1) is not None)
                     or (self.cue_at(k) or Cue("", "", "")).family == "noun")):  # "ووصفه بـ«العمل البربري»"
            return cue.judgement == "only"
        src = self.source_before(i)
        if src is None and (w.norm(i)[:1] in CONJ or v.prev in self.lex.pronoun_subjects):
            src = self.subject_for(i, PRODROP_SENTENCES)
        if src is None or not (src.supported or src.attrs.get("prodrop")):
            return False
        self.corefer(src)
        self.verb_claim(v, src, w.toks[k].start)
        return True

    def possessed_object(self, src: Source) -> bool:
        """A source phrase of one unknown word with a possessive pronoun ("مسؤوليته", "رفضه"):
        an object, not a speaker (an honorific such as "سموه" is a known head)."""
        w = self.w
        a, b = w.index_at(src.span.start), w.index_at(src.span.end) - 1
        if a != b or src.entity is not None or head_kind(w, a) or w.entity_at(a):
            return False
        n = stems(w.norm(a))[-1]
        t = "".join(c for c in w.toks[a].text if c.isalpha())  # the written ة/ه, which the norm folds together
        return len(n) > 4 and t.endswith(POSSESSED_ENDINGS) and bare(n) not in self.names

    def saying_noun_object(self, src: Source) -> bool:
        """A source phrase that opens with a noun of saying with the article ("جدد التأكيد
        على أن", "كرر الدعوة إلى"): the verb's object, the speaker is left out."""
        w = self.w
        a = w.index_at(src.span.start)
        n = w.norm(a)
        cue = self.lex.forms.get(bare(n))
        return n.startswith(ARTICLE) and cue is not None and cue.family == "noun" and not head_kind(w, a)

    def speaker_then_bi(self, i: int) -> tuple[Source, int] | None:
        """After the verb at token i, a speaker's phrase and right after it "بـ" + the judgement
        ("وصفته وسائل الإعلام بالمجرم"): (source, content start)."""
        w, k = self.w, i + 1
        if not w.same_sentence(i, k) or w.punct_before(k) or not (head_kind(w, k) or w.entity_at(k)):
            return None
        end = extend_np(w, k, min(len(w) - 1, k + MAX_SOURCE))
        if end is None or end + 1 >= len(w) or not w.same_sentence(i, end + 1) or w.punct_before(end + 1):
            return None
        nb = w.norm(end + 1)
        if not (nb.startswith(BI) and len(nb) > 3 and nb not in GENERIC_OPENERS):
            return None
        s0, last, _ = trim_tails(w, k, end)
        src = make_source(w, s0, last, self.names) if last >= s0 else None
        return (src, w.toks[end + 1].start) if src is not None and src.supported else None

    def speaker_then_quotation(self, i: int) -> tuple[Source, int] | None:
        """After the verb at token i, a speaker's phrase and right after it a quotation (the
        judgement: "وتعتبرها واشنطن «منظمة إرهابية»"): (the speaker, the offset of the opening mark)."""
        w = self.w
        for t in range(i + 2, min(len(w), i + 2 + MAX_SOURCE)):
            if not w.same_sentence(i, t):
                return None
            gap = w.punct_before(t)
            if gap and gap[-1] in OPEN_QUOTES and gap[-1] not in "'’" and not set(gap[:-1]) - {" "}:
                src = make_source(w, i + 1, t - 1, self.names)
                if not (src.supported and (head_kind(w, i + 1) or w.entity_at(i + 1)
                                           or bare(w.norm(i + 1)) in self.names)):
                    return None
                return src, w.toks[t - 1].end + w.gap(t).rindex(gap[-1])
            if gap:
                return None
        return None

    def object_after_subject(self, v: VerbCue) -> bool:
        """11. No opener: a judgement after an object pronoun (:meth:`pronoun_object`), or a
        known subject before the verb and a bare object after it
        ("يشار أن مجموعة العمل وثقت 214 ضحية", "أن الوزارة أعلنت العام الماضي القائمة")."""
        if self.pronoun_object(v):
            return True
        w, i, cue = self.w, v.i, v.cue
        if not (cue.object and w.same_sentence(i, i + 1) and not w.punct_before(i + 1)):
            return False
        who = self.source_before(i)
        if who is None or not who.supported:
            return False
        k = i + 1
        while k < len(w) and w.same_sentence(i, k) and (w.in_time(k) or w.norm(k) in TIME_WORDS):
            k += 1
        if not (w.same_sentence(i, k) and (self.object_like(k) or w.toks[k].is_number
                                           or w.norm(k).startswith(ARTICLE) and not head_kind(w, k))):
            return False
        if not self.object_ok(cue, k):
            return True  # "فالقائد يكشف المستور": not what this cue takes
        self.corefer(who)
        anaphor = w.norm(k) in self.lex.anaphora and self.ends_clause(k)
        d = self.verb_claim(v, who, w.toks[k].start, content_end=w.toks[k].end if anaphor else None)
        if anaphor:
            d.attrs["anaphoric"] = True  # "إلا أن وزارة الدفاع نفت الأمر."
        return True

    def demonstrative_first(self, v: VerbCue) -> bool:
        """(Rule 10, first.) "كشف هذا لـ«الصحيفة» الدكتور فلان ...", "أكد ذلك المتحدث باسم الجيش": a verb
        opening its sentence, a demonstrative right after it, then (past a channel) the
        speaker: the speaker says the sentence before (the content, before the cue)."""
        w, i = self.w, v.i
        if not (w.norm(i + 1) in DEMONSTRATIVES and w.same_sentence(i, i + 1) and not w.punct_before(i + 1)
                and self.opens_sentence(i)):
            return False
        t0 = w.index_at(w.sentence_span(i).start)
        k = self.skip_channel(i + 2)
        if k >= len(w) or not w.same_sentence(i, k) or any(c in COMMAS + ".:" for c in w.punct_before(k)):
            return False
        end = extend_np(w, k, min(len(w) - 1, k + MAX_SOURCE))
        if end is None or t0 == 0:
            return False
        s0, end, channel = trim_tails(w, k, end)
        if end < s0 or not (head_kind(w, s0) or w.entity_at(s0)):
            return False  # "أكدت هذه الغارات قوة ...": the demonstrative's noun is the subject
        if v.op is not None and v.op.k <= end + 1:
            return False  # "وذكرت هذه التقارير أن": the demonstrative goes with the subject
        end = self.name_after(end, min(len(w) - 1, end + 4))
        src = make_source(w, s0, end, self.names)
        if not src.supported:
            return False
        if channel is not None:
            src.attrs["channel"] = channel
        prev = w.sentence_span(t0 - 1)
        self.corefer(src)
        self.verb_claim(v, src, prev.start, content_end=prev.end, before=True)
        return True

    #: tokens of a setting phrase that opens a sentence before the verb ("في هذا الوقت، قال")
    SETTING_BEFORE_TOKENS = 4

    def setting_before(self, i: int) -> bool:
        """What stands before the verb at token i in its sentence is a short setting ("في هذا الوقت،",
        "وفي السياق ذاته،"), no clause that could be said."""
        w = self.w
        t0 = w.index_at(w.sentence_span(i).start)
        n = w.norm(t0)
        n = n[1:] if n[:1] in CONJ and n[1:] in TOPIC_PREPS | set(PREPOSITIONS) else n
        return i - t0 <= self.SETTING_BEFORE_TOKENS and (n in TOPIC_PREPS or n in PREPOSITIONS)

    def no_phrase_after(self, v: VerbCue) -> bool:
        """12. Sets ``v.end``, the last token of the noun phrase after the verb.
        With none, a subject before the verb says the object after it."""
        w, i = self.w, v.i
        v.end = extend_np(w, i + 1, min(len(w) - 1, i + MAX_SOURCE))
        if v.end is not None:
            if (head_kind(w, i + 1) or ("",))[0] in ("named", "role"):
                lim = next((k - 1 for k in range(v.end + 1, min(len(w), v.end + self.RANK_WORDS + 4))
                            if not w.same_sentence(i, k)), min(len(w) - 1, v.end + self.RANK_WORDS + 3))
                last = self.rank_and_name(v.end, lim)
                if last > v.end and self.person_at(last):
                    v.end = last  # "جدد رئيس الحكومة الليبية المؤقتة فلان موقف", "اللواء الركن فلان"
                while v.end + 1 < len(w) and w.same_sentence(i, v.end + 1) and not w.punct_before(v.end + 1) \
                        and self.person_at(v.end + 1):
                    v.end += 1  # "وأكد الرئيس التركي رجب طيب إردوغان عزم بلاده": the title's name
            return False
        src = self.source_before(i)
        if src is not None and v.cue.object and w.same_sentence(i, i + 1):
            self.verb_claim(v, src, w.toks[i + 1].start)
        return True

    def anaphoric_object(self, v: VerbCue) -> bool:
        """13. "ونفت الوزارة الأمر.", "نفى المتحدث هذه الاتهامات،": the content is
        what was said before (the object ends its clause)."""
        w, i, end = self.w, v.i, v.phrase_end
        ana = end if end > i + 1 and w.norm(end) in self.lex.anaphora else (
            end + 1 if w.norm(end + 1) in self.lex.anaphora and w.same_sentence(i, end + 1)
            and not w.punct_before(end + 1) else None)
        if not (v.cue.object and ana is not None and self.ends_clause(ana)):
            return False
        src = make_source(w, i + 1, ana - 1, self.names)
        if not src.supported:
            return False
        self.corefer(src)
        d = self.verb_claim(v, src, w.toks[ana].start, content_end=w.toks[ana].end)
        d.attrs["anaphoric"] = True
        return True

    def object_after_speaker(self, v: VerbCue) -> bool:
        """14. "وتبنى تنظيم داعش الهجوم الانتحاري": the object right after the
        speaker's name. A cue with ``objects`` cuts ``v.end`` at the object's first word."""
        w, i, cue = self.w, v.i, v.cue
        if cue.objects:
            stop = next((k for k in range(i + 2, v.phrase_end + 1) if self.object_ok(cue, k)), None)
            if stop is None:
                # past the speaker's modifiers and channel: "وكشفت أوساط الفيدرالية ... لـ«الجزيرة» تفاصيل"
                for k in range(v.phrase_end + 1, min(len(w), v.phrase_end + OBJECT_REACH + 1)):
                    if not w.same_sentence(i, k) or set(w.punct_before(k)) - set(OPEN_QUOTES) - CLOSE_QUOTES \
                            or self.cue_at(k) is not None:
                        break
                    if self.object_ok(cue, k):
                        stop = k
                        break
            if stop is not None:
                v.end = stop - 1
        if not cue.object:
            return False
        cut = self.source_between(i + 1, v.phrase_end)
        if cut is None or not cut.supported or cut.span.end >= w.toks[-1].end:
            return False
        k = w.index_at(cut.span.end)  # the first token after the speaker
        s = w.index_at(cut.span.start)
        at = self.skip_places(k) if not w.punct_before(k) else k
        if at > k and any(c in COMMAS for c in w.punct_before(at)) \
                and (head_kind(w, s) or ("",))[0] in ("named", "role"):
            cut, k = make_source(w, s, at - 1, self.names), at  # "رئيس بلدية عرسال، فلان،": the title's place
        if k > v.phrase_end and any(c in COMMAS for c in w.punct_before(k)) \
                and (head_kind(w, s) or ("",))[0] in ("named", "role"):
            lim = next((t - 1 for t in range(k, min(len(w), k + 7)) if not w.same_sentence(i, t)),
                       min(len(w) - 1, k + 6))
            j = self.apposition(k - 1, lim)
            if j >= k and j + 1 < len(w) and set(w.punct_before(j + 1)) <= set(COMMAS) \
                    and w.norm(j + 1) not in PREPOSITIONS:
                # "فند رئيس البلدية، فلان الفلاني، مزاعم": the name set off by commas, then the object
                cut, k = make_source(w, s, j, self.names), j + 1
                if w.same_sentence(i, k) and self.object_ok(cue, k):
                    self.corefer(cut)
                    self.verb_claim(v, cut, w.toks[k].start)
                    return True
                return False  # not this cue's object: the later rules decide
        if cut.span.end >= w.toks[v.phrase_end].end:
            return False
        k = w.index_at(cut.span.end)  # the first token after the speaker
        if cue.objects and k < v.phrase_end + 1:
            k = v.phrase_end + 1  # past the channel: "لـ«الجزيرة» تفاصيل"
        marks = set(w.punct_before(k)) - (set(OPEN_QUOTES) | CLOSE_QUOTES if cue.objects else set())
        if not (w.same_sentence(i, k) and not marks and self.object_ok(cue, k)):
            return False
        self.corefer(cut)
        self.verb_claim(v, cut, w.toks[k].start)
        return True

    def unsupported_phrase(self, v: VerbCue) -> bool:
        """15. Sets ``v.source``, the phrase after the verb as a source. When it is
        no source, a left-out subject may say the object ("كما أعلنت مقتل ...")."""
        w, i, cue = self.w, v.i, v.cue
        src = make_source(w, i + 1, v.phrase_end, self.names)
        if self.object_after_subject_noun(v, src):
            return True  # "سيصدر بيان يؤكد قوة الشراكة": the noun before says it, the phrase after is what
        if cue.speakers and cue.object and w.norm(i)[:1] in CONJ and src.kind not in cue.speakers \
                and self.object_like(i + 1):
            who = self.press_review_subject(i)  # "أبرزت الصحف ... وتناولت اعتداء عناصر ...": the papers go on
            if who is not None:
                self.verb_claim(v, who, w.toks[i + 1].start)
                return True
        if src.supported:
            self.corefer(src)
            v.source = src
            return False
        if cue.object and v.prev in self.lex.pronoun_subjects and self.object_like(i + 1):
            who = self.subject_for(i, PRODROP_SENTENCES)  # "كما أعلنت مقتل جميع عناصر ..."
            if who is not None:
                self.verb_claim(v, who, w.toks[i + 1].start)
            return True
        if cue.object and not w.norm(i)[:1] in CONJ:
            pre = self.source_before(i)  # "ولكن الجبير استبعد بشكل محدد أي تحالف": the subject before it
            if pre is not None and pre.supported and pre.kind != "document" and self.plain_subject(pre, i):
                return self.claim_after_subject(v, pre)
        return True

    def object_after_subject_noun(self, v: VerbCue, src: Source) -> bool:
        """A present verb with no و right after a noun that is no speaker (rule 7 took none):
        "بيان يؤكد قوة الشراكة", "الأجواء في المحافظة تؤكد تطور الأمور": the noun is the subject,
        the phrase after the verb its object, no speaker (unless a name or a person)."""
        w, i = self.w, v.i
        n = w.norm(i)
        if n[:1] not in PRESENT_PREFIXES or i < 1 or not w.same_sentence(i - 1, i) or w.punct_before(i):
            return False
        p = w.norm(i - 1)
        if p in RELATIVES or p in self.lex.pronoun_subjects or p in TIME_WORDS or p in ADVERBS \
                or p in GENERIC_OPENERS or p in PREPOSITIONS or w.in_time(i - 1):
            return False
        if not (head_kind(w, i - 1) or w.entity_at(i - 1) or p.startswith(ARTICLE)):
            return False
        for k in range(i - 2, max(-1, i - 5), -1):
            if not w.same_sentence(k, i) or w.punct_before(k + 1):
                break
            q = w.norm(k)
            if q in PREPOSITIONS or q[:1] in CONJ and q[1:] in PREPOSITIONS:
                return False  # "وفي الجلسة الختامية يؤكد الرئيس ...": a setting, the subject follows
        return src.entity is None and w.entity_at(i + 1) is None and (head_kind(w, i + 1) or ("",))[0] != "person"

    def press_review_subject(self, i: int) -> Source | None:
        """"أبرزت الصحف ... وأبدت اهتماماً ... وأخبرت عن ...": in a press review the papers
        stay the subject of verb after verb; a left-out subject with no claim near takes the
        latest media speaker of the article (same paragraph run, gender agreeing)."""
        w = self.w
        g = verb_gender(w.norm(i))
        sent = w.sent[i]
        for d in reversed(self.drafts):
            if d.cue_i >= i or sent - w.sent[d.cue_i] > PRESS_REVIEW_SENTENCES:
                continue
            if d.source.kind == "media" and not d.source.attrs.get("prodrop") and source_gender(d.source) in (g, None):
                return self.inherit(d)
        return None

    def plain_subject(self, src: Source, i: int) -> bool:
        """A subject phrase (up to the verb at token i) with no verb in it or right before it
        ("رفضت وزارة الدفاع نفي ...": the subject of another verb) that opens with no "لـ"
        ("معلومات وردت لنواب في البرلمان تفيد")."""
        w, lex = self.w, self.lex
        a = w.index_at(src.span.start)
        if w.norm(a).startswith(LI) and not w.in_entity(a):
            return False
        first = a - 1 if a > 0 and w.same_sentence(a - 1, a) and not w.punct_before(a) else a  # "رفضت الوزارة نفي"
        return not any(w.norm(k) in lex.asides or stems(w.norm(k))[-1] in lex.forms for k in range(first, i))

    def pointing_back(self, v: VerbCue) -> bool:
        """16. The phrase ends the sentence with a word that is no source: with a
        demonstrative ("ونفت مصادر أخرى ذلك.") a denial of what was said before."""
        w, i, end = self.w, v.i, v.phrase_end
        if w.norm(end + 1) not in self.lex.not_source or w.same_sentence(i, end + 2) or v.prev == KAMA:
            return False
        if v.cue.object and w.norm(end + 1) in DEMONSTRATIVES:
            d = self.verb_claim(v, v.speaker, w.toks[end + 1].start)
            d.attrs["anaphoric"] = True
        return True

    def object_or_quotation(self, v: VerbCue) -> bool:
        """17. The phrase after the verb is the source: the content is the object
        after it (past a setting: "، في بيان،"), else the quotation before the
        verb ("«...»، قال مدير الصحة في المحافظة لوكالة فرانس برس.")."""
        w, i, cue, end, src = self.w, v.i, v.cue, v.phrase_end, v.speaker
        if cue.object:
            ap = self.apposition(end, min(len(w) - 1, end + APPOSITION_REACH))
            if ap > end and w.same_sentence(i, ap + 1) and set(w.punct_before(ap + 1)) <= set(COMMAS) \
                    and w.punct_before(ap + 1) and self.object_like(ap + 1) and self.object_ok(cue, ap + 1) \
                    and not self.object_like(end + 1) and self.cue_at(ap + 1) is None \
                    and not self.opener_follows(ap + 1):
                # "أعلن رئيس الحزب، فلان الفلاني، شرطاً جديداً": the speaker, its apposition, the object
                src = make_source(w, i + 1, ap, self.names)
                if src.supported:
                    self.corefer(src)
                    self.verb_claim(v, src, w.toks[ap + 1].start)
                    return True
                src = v.speaker
        skipped = self.skip_setting(end) if cue.object else end
        if cue.object and not w.punct_before(skipped + 1) and w.norm(skipped + 1) in RELATIVES:
            # "جددت طائرات التحالف الذي تقوده الرياض، غاراتها": the clause describes the phrase,
            # the object follows its comma
            k = next((j for j in range(skipped + 2, min(len(w), skipped + RELATIVE_REACH))
                      if not w.same_sentence(i, j) or w.punct_before(j)), None)
            if k is None or not w.same_sentence(i, k) or not set(w.punct_before(k)) <= set(COMMAS) \
                    or not self.object_like(k) or not self.object_ok(cue, k):
                return True
            self.verb_claim(v, src, w.toks[k].start)
            return True
        if cue.object and not self.object_ok(cue, skipped + 1):
            return True  # "وتبنى البرلمان قانوناً": not what this cue takes
        if cue.object and skipped > end and w.same_sentence(i, skipped + 2):
            self.verb_claim(v, src, w.toks[skipped + 1].start)
        elif cue.object and w.same_sentence(i, end + 1) and w.same_sentence(i, end + 2) \
                and not any(c in CLAUSE_MARKS + ".:" for c in w.punct_before(end + 1)):
            self.verb_claim(v, src, w.toks[end + 1].start)
        elif cue.object and w.same_sentence(i, end + 2) and w.punct_before(end + 1) \
                and (head_kind(w, i + 1) or w.entity_at(i + 1)) and w.norm(end + 1)[:1] not in CONJ \
                and set(w.punct_before(end + 1)) <= set(COMMAS) and self.object_like(end + 1) \
                and not self.opener_follows(end + 1) and not (self.cue_at(end + 2) or Cue("", "", "")).family:
            self.verb_claim(v, src, w.toks[end + 1].start)  # "واستبعد مصدر بالمجلس، تغيير رئيسه،"
        elif v.prev == KAMA and any(c in COMMAS for c in w.punct_before(i - 1)) and self.ends_after_setting(end) \
                and w.toks[i - 1].start - w.sentence_span(i).start > MIN_CONTENT_BEFORE:
            # "قتل شرطيان في هجوم، كما أعلنت وكالة الأنباء الرسمية.": the clause before
            self.verb_claim(v, src, w.sentence_span(i).start, content_end=w.toks[i - 2].end, before=True)
        elif not cue.marker and any(c in "»”\"" for c in w.punct_before(i)) and self.ends_after_setting(end):
            # "«...»، قال مدير الصحة في المحافظة لوكالة فرانس برس.": the speaker after the quotation
            s = w.sentence_span(i).start
            if w.toks[i].start - s > MIN_CONTENT_BEFORE:
                self.verb_claim(v, src, s, content_end=w.toks[i - 1].end, before=True)
        elif not cue.marker and (not w.same_sentence(i, end + 1) or w.punct_before(end + 1)[:1] in STOP_OR_COMMA):
            gap = w.punct_before(i)
            if gap and gap[-1] in COMMAS + "»”\"":
                s = w.sentence_span(i).start
                if w.toks[i].start - s > MIN_CONTENT_BEFORE and not self.setting_before(i):
                    self.verb_claim(v, src, s, content_end=w.toks[i - 1].end, before=True)
        return True

