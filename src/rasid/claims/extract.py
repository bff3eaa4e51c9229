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

The subject rules (steps 2 and 6: where the source stands) are in
:mod:`rasid.claims.subjects`; the state both rule sets share and the token
lookups (cues, phrases, bare objects) in :mod:`rasid.claims.state`; word
classes and the draft records in :mod:`rasid.claims.grammar`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rasid.claims.grammar import (
    ADVERBS,
    MANNER_HEADS,
    DEMONSTRATIVES,
    DIRECT_OPENERS,
    Draft,
    GENERIC_OPENERS,
    LIKE_PREP,
    LIKE_PREP_MA,
    NOT_BI,
    Opener,
    PREPOSITIONS,
    PRODROP_SENTENCES,
    RELATIVES,
    SAYING_NOUNS,
    TIME_WORDS,
    WINDOW,
    relay_dict,
    source_gender,
    verb_gender,
)
from rasid.claims.lexicon import Cue, lexicon
from rasid.claims.sources import (
    MAX_SOURCE,
    Source,
    extend_np,
    head_kind,
    is_nisba,
    make_source,
    quoted_end,
    trim_tails,
)
from rasid.claims.tokens import CLAUSE_MARKS, CLOSE_QUOTES, COMMAS, OPEN_QUOTES, STOP_OR_COMMA, bare, stems
from rasid.claims.interview import InterviewRules
from rasid.claims.reports import ReportRules
from rasid.claims.vocab import (
    ALA_HADD,
    AN,
    AN_PRONOUNS,
    ARTICLE,
    ARTICLE_CONJ,
    BI,
    BY_AGENT,
    CAME_IN,
    CONJ,
    DEFECTIVE_LEXICON,
    DEFECTIVE_WRITTEN,
    FA,
    FI_PRONOUN,
    FIRST_PERSON,
    LI,
    LIL,
    NOT_IN_SOURCE,
    REASON_NOUNS,
    MA,
    MIN,
    KAMA,
    LOOSE_INSIDE,
    QAD_FORMS,
    MITHLAMA,
    NOT_BEFORE_OPENER,
    OBJECT_PRONOUNS,
    POSSESSIVE_1,
    PAST_F,
    POSSESSIVE_3,
    FEMININE,
    MASCULINE_PLURAL_ENDINGS,
    PLURAL_PAST,
    PLURAL_NOUN_ENDINGS,
    FEMININE_NOUN_ENDINGS,
    POSSESSED_ENDINGS,
    IYYA,
    CONDITIONALS,
    POST_NOUNS,
    FOR_PRONOUNS,
    PRESENT_PREFIXES,
    QAD,
    RESUMPTIVE,
    SAYING,
    SETTING_HEADS,
    SETTING_PREP,
    STATEMENT_NOUNS,
    WHAT_PRONOUNS,
    word_set,
)
from rasid.model.document import Span


CHAIN_REACH = 10  # tokens after a chain verb searched for its "عن" ("نقل X عن Y")
AFTER_MIN_REACH = 8  # tokens after an after_min verb searched for "من" when no opener follows
NP_OPENER_GAP = 6  # a ``source: np`` verb whose opener lies further past the phrase: not its opener
RELATIVE_APPOSITION = 16  # tokens a relative clause between commas may run after a source
PRESS_REVIEW_SENTENCES = 12  # a press review's papers stay the subject this far ("وأخبرت عن ...")
CONTINUATION_SENTENCES = 3  # a continuation verb ("أضاف") looks this much further back for its speaker
#: tokens back from a verb within which a relative pronoun opens the clause before it
RELATIVE_VERB_REACH = 8
RELATIVE_REACH = 4  # tokens after a verb within which "الذي طلب ..." is a relative clause of its source
ADVERBIAL_REACH = 5  # tokens of a prepositional setting between a verb and its opener ("في الجلسة الماضية")
MIN_CONTENT_BEFORE = 10
APPOSITION_REACH = 8  # tokens after a source searched for its apposition ("، فلان الفلاني،")
OBJECT_REACH = 6  # tokens past the speaker's phrase searched for a listed object ("لـ«الجزيرة» تفاصيل")
POSSESSIVE_ENDS = frozenset(p[-1] for p in POSSESSIVE_3)  # last letters of a possessive pronoun
POSSESSIVE_REACH = 12  # tokens back a noun of saying with a possessive ("واتهامه") looks for its speaker  # characters of sentence before a verb that follows its quotation


_ADJECTIVE_PARTICIPLES = word_set("adjective_participles.txt")  # "قيود مشددة": no participle of saying
_NORM_HEADS = word_set("norm_heads.txt")  # "وفقاً للمادة العاشرة": in accordance with a rule, no speaker
_CONTRAST = word_set("contrast.txt")  # "، بحسب X، فيما ...": a new clause follows the phrase
_CAME_IN_CUE = Cue("came_in", "noun", "assert")  # "وجاء في التقرير أن": the document says it


@lru_cache(maxsize=1)
def _possessive_nouns() -> dict[str, tuple[Cue, str]]:
    """Nouns of saying (with their prepositions) with a third-person possessive
    ("اتهامه", "دعوتها": ة written ت), folded -> (cue, pronoun)."""
    out: dict[str, tuple[Cue, str]] = {}
    for form, cue in lexicon().forms.items():
        if cue.family != "noun" or not cue.preps or form.startswith(BI):
            continue
        base = form[:-1] + PAST_F if form.endswith(FEMININE) else form
        for p in POSSESSIVE_3:
            out.setdefault(base + p, (cue, p))
    return out


@dataclass
class VerbCue:
    """A verb cue as the verb rules read it (:meth:`Extractor.verb`)."""

    ex: Extractor
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


class Extractor(ReportRules, InterviewRules):
    """The attribution rules: cue by cue, from the first token to the last (:meth:`run`)."""

    # -- openers ----------------------------------------------------------
    def opener(self, i: int, cue: Cue, window: int = WINDOW) -> Opener | None:
        """First content opener from token i on, within the sentence."""
        w = self.w
        if cue.direct:
            tweet = self.after_post(i, window)
            if tweet is not None:
                return tweet  # "وقال فلان في تغريدته أي عقل يستوعب ...": the post follows with no mark
        prep_hit: Opener | None = None
        np_end = extend_np(w, i, min(len(w) - 1, i + window)) if cue.preps else None
        if np_end is not None:
            while np_end + 1 < len(w) and not w.punct_before(np_end + 1) and (
                    w.in_entity(np_end + 1) or bare(w.norm(np_end + 1)) in self.names
                    or w.norm(np_end + 1).startswith(ARTICLE) and np_end + 2 < len(w)
                    and not w.punct_before(np_end + 2) and w.in_entity(np_end + 2)):
                np_end += 1  # the name after a title: "الرئيس التركي رجب طيب أردوغان", "قائد الجيش العماد فلان"
        adjacent = (np_end + 1) if np_end is not None else i
        if np_end is not None and np_end >= i:
            adjacent = self.skip_setting(np_end) + 1  # "طالب الوزير، في بيان، الأمم المتحدة بـ"
            # "اتهمت الوحدات الكردية، التي تقاتل داعش، تركيا بـ"
            adjacent = max(adjacent, self.skip_relative(np_end + 1))
        while adjacent < len(w) and (w.in_time(adjacent) or w.norm(adjacent) in TIME_WORDS):
            adjacent += 1  # "أفاد شهود عيان أمس الاثنين بمقتل ..."
        adjacent = self.skip_places(adjacent)  # "أفاد سكان في بلدة كذا بريف كذا بسماع ..."
        adjacent = self.skip_channel(adjacent)  # "أكدت مصادر لـ«عكاظ» السيطرة على ..."
        # an object between the source and "ب": "اتهمت الحكومة الفصائل المسلحة بخرق ..."
        after_obj = None
        if cue.preps and adjacent < len(w) and w.norm(adjacent) not in self.lex.not_source \
                and not w.norm(adjacent).startswith(BI):
            oe = extend_np(w, adjacent, min(len(w) - 1, adjacent + 4))
            if oe is None and not w.punct_before(adjacent + 1):
                oe = adjacent
            while oe is not None and oe + 1 < min(len(w), adjacent + 5) and not w.punct_before(oe + 1) \
                    and w.norm(oe + 1).startswith(ARTICLE) and not head_kind(w, oe + 1):
                oe += 1  # adjectives: "المقاتلين الأكراد"
            while oe is not None and oe + 1 < min(len(w), adjacent + 6) and not w.punct_before(oe + 1) \
                    and w.norm(oe + 1)[:1] in CONJ and len(w.norm(oe + 1)) > 3 and not w.norm(oe + 1)[1:].startswith(BI) \
                    and self.cue_at(oe + 1) is None and not head_kind(w, oe + 1):
                oe += 1  # a second object: "طالب القائد عناصر الجيش وضباطه بالجهوزية"
            if oe is not None and not any(w.punct_before(t) for t in range(adjacent + 1, oe + 1)):
                after_obj = oe + 1
                if w.punct_before(after_obj):
                    # "تركيا، أمس، باستهدافها": a time between commas after the one addressed
                    t = after_obj
                    while t < len(w) and set(w.punct_before(t)) <= set(COMMAS) and (w.in_time(t) or w.norm(t) in TIME_WORDS):
                        t += 1
                    after_obj = t if t > after_obj and set(w.punct_before(t)) <= set(COMMAS) else None
        in_name = -1  # last token of a short quotation (a name: "سي إن إن")
        for k in range(i, min(len(w), i + window)):
            if k > i - 1 and not w.same_sentence(i - 1, k):
                break
            gap = w.gap(k)
            if cue.object and k > adjacent and any(c in COMMAS for c in gap) and prep_hit is None \
                    and self.has_object(adjacent, k - 1) and not self.opener_follows(k):
                return None  # "نفت الوكالة سقوط قتلى، واصفة ... بأنها": the object is the content
            if ":" in gap:
                if prep_hit and prep_hit.k == k - 1:
                    return prep_hit
                off = w.toks[k - 1].end + gap.index(":") + 1
                while off < w.toks[k].start and w.doc.text[off].isspace():
                    off += 1
                return Opener(k, off)
            # an opening mark sits right before the word (no space after it)
            q = gap[-1] if gap and gap[-1] in OPEN_QUOTES and gap[-1] not in "'’" else None
            if q is not None:
                qe = quoted_end(w, k)
                if qe is not None and qe - k < 3:
                    in_name = qe
            # a quotation right after a verb or a noun's source: "وجاء في بيان الرئيس فلان «...»"
            if q is not None and (k > i or (cue.family in ("verb", "noun", "participle") and k == i
                                            and not w.punct_before(k)[:-1])):
                qe = quoted_end(w, k)
                if qe is not None and k == i and (":" in w.gap(qe + 1) or w.norm(qe + 1) in GENERIC_OPENERS):
                    in_name = qe  # "قال «المرصد السوري لحقوق الإنسان»: إنه": the quoted source
                elif qe is None or qe - k >= 3:
                    if prep_hit and prep_hit.k == k - 1:
                        return prep_hit
                    off = w.toks[k - 1].end + gap.rindex(q)
                    return Opener(k, off)
            n = w.norm(k)
            kc = self.cue_at(k) if k > i else None
            if kc is not None and kc.family == "verb" and self.prep_at(k) is None and not i < k < adjacent:
                if any(w.norm(t) in self.lex.anonymity for t in range(k + 1, min(len(w), k + 5))
                       if w.same_sentence(k, t)):
                    continue  # "، لم تذكر اسمه،", "طلب عدم الكشف عن اسمه": an aside about the source
                if w.norm(k - 1) == MA and self.prep_at(k - 2) is not None:
                    continue  # "، بحسب ما نقلت عنه وكالة ...،": a relay inside the source
                if n in PREPOSITIONS and w.norm(k + 1) not in kc.preps:
                    continue  # "وقال أحد الشهود لرويترز عبر الهاتف إن": a preposition, no verb
                if w.norm(k - 1) in PREPOSITIONS and not w.punct_before(k):
                    continue  # "ردا على طلب رأيه": a noun after a preposition, no verb
                if w.norm(k - 1) in RELATIVES and not w.punct_before(k) and k - i <= RELATIVE_REACH:
                    continue  # "ويضيف الشاهد الذي طلب عدم ذكر اسمه: «...»": a relative clause in the source
                break
            if kc is not None and kc.family == "participle":
                if cue.reason:
                    return None  # "وانتقدت الجبهة الخطة، معتبرة أن": the participle's claim alone
                if prep_hit is not None:
                    return prep_hit  # "وأشار إلى تنامي الظاهرة، داعياً إلى": the participle is a claim of its own
                # "نفت مصادر ذلك، قائلة إن ...": the participle opens the content
                inner = self.opener(k + 1, kc, window=3)
                if inner is not None:
                    inner.participle = k
                return inner
            if cue.direct and n in DIRECT_OPENERS and k > i and k > in_name and w.same_sentence(i, k):
                return Opener(k, w.toks[k].start)  # "قال وزير الخارجية نحن مطالبون ...": direct speech
            if n in GENERIC_OPENERS and k > in_name and w.norm(k - 1) not in NOT_BEFORE_OPENER:
                if prep_hit and (prep_hit.k == k - 1 or prep_hit.k == k - 2 and w.norm(k).startswith(BI)
                                 and stems(w.norm(k - 1))[-1].endswith(POSSESSIVE_3)):
                    return prep_hit  # "عن أن", "عن إيمانه بأن": what is expressed heads the content
                return Opener(k, w.toks[k].start)
            if prep_hit is None and cue.preps:
                bi = BI in cue.preps and n.startswith(BI) and len(n) >= 3 and n not in NOT_BI
                if cue.reason and k > i and k in (adjacent, after_obj) and n.startswith(LI) and not n.startswith(LIL) \
                        and len(n) - len(LI) >= 3 and n not in self.lex.stops \
                        and (w.toks[k].text.endswith(POSSESSIVE_3) or n[len(LI):] in REASON_NOUNS):
                    return Opener(k, w.toks[k].start)  # "انتقدت موسكو واشنطن لعدم تنسيقها": the reason
                if n in cue.addressee_preps and k != after_obj and not (
                        k > i and (head_kind(w, i) or w.entity_at(i)) and not w.punct_before(k)):
                    pass  # "وصل طالب جامعي إلى الحدود": only after the one addressed
                elif n in cue.preps and k > i and w.norm(k - 1) in self.lex.issued:
                    pass  # "وأفاد بيان صادر عن القيادة بأن": the issuer of the document
                elif n in cue.preps or (bi and n[1:] in GENERIC_OPENERS):
                    prep_hit = Opener(k, w.toks[k].start)
                elif bi and (k > i and (k == adjacent or k == after_obj)
                             or k == i and cue.family == "verb" and not w.punct_before(k)
                             and (w.norm(i - 1)[:1] in CONJ or any(c in COMMAS for c in w.punct_before(i - 1)))):
                    # "أفادت مصادر بمقتل", "اتهمت الخارجية واشنطن بسرقة"
                    return Opener(k, w.toks[k].start)
                if prep_hit is not None and (k == adjacent and k > i or prep_hit.k == i):
                    return prep_hit  # right after the verb: "وأنبأت عن ...", "وعرجت على ..."
        if prep_hit is not None and cue.object and np_end is not None and i <= np_end < adjacent < prep_hit.k \
                and self.bare_object(adjacent, prep_hit.k) and self.speaker_before_object(i, np_end, adjacent):
            # "وأعلنت جيبوتي أمس حاجتها إلى ... الذي أسفر عن": the prep lies inside the object
            return Opener(adjacent, w.toks[adjacent].start)
        return prep_hit

    def skip_channel(self, k: int) -> int:
        """A channel "لـ«عكاظ»" / "لـ"الوطن"" at token k: the token after it, else k."""
        w = self.w
        if k + 1 < len(w) and w.norm(k) == LI and w.same_sentence(k, k + 1):
            qe = quoted_end(w, k + 1)
            if qe is not None and qe + 1 < len(w) and w.same_sentence(k, qe + 1):
                return qe + 1
        return k

    def speaker_before_object(self, i: int, np_end: int, a: int) -> bool:
        """The phrase i..np_end before a bare object at token a is a speaker (a head, an
        entity, a place named as an actor), and the object is no genitive of it
        ("عائلة الشاب", "يانا هيباشكوفا": the phrase goes on)."""
        w = self.w
        if not make_source(w, i, np_end, self.names).supported:
            return False
        return not (a == np_end + 1 and not w.punct_before(a) and not w.norm(np_end).startswith(ARTICLE_CONJ)
                    and not w.in_entity(np_end) and not w.place_at(w.span(np_end, np_end)))

    def bare_object(self, a: int, b: int) -> bool:
        """Tokens a..b-1 are a bare noun object opening at a (no punctuation, opener or cue inside)."""
        w = self.w
        n = w.norm(a)
        definite = n.startswith(ARTICLE) and len(n) > len(ARTICLE) + 2
        if not (self.object_like(a) or definite and self.object_like_definite(a)) or n.startswith(BI):
            return False
        if bare(n) in self.lex.describers or (head_kind(w, a - 1) or ("",))[0] in ("named", "role"):
            return False  # "مسؤول رفيع المستوى عن", "الدكتور خالد ... على": the source goes on
        return not any(w.punct_before(t) or w.norm(t) in GENERIC_OPENERS or self.cue_at(t) is not None
                       for t in range(a + 1, b))

    def after_post(self, i: int, window: int) -> Opener | None:
        """"في تغريدته" / "في تغريدة له" after the speaker (``data/particles.tsv`` post_nouns):
        what follows it in the sentence, with or without a colon, is the post."""
        w = self.w
        for k in range(i, min(len(w) - 2, i + window)):
            if not w.same_sentence(i, k + 2):
                return None
            if w.norm(k) in SETTING_PREP and w.norm(k + 1).startswith(POST_NOUNS):
                j = k + 2
                if w.norm(j) in FOR_PRONOUNS:
                    j += 1  # "في تغريدة له"
                if j < len(w) and w.same_sentence(k, j) and w.norm(j) not in GENERIC_OPENERS \
                        and not any(c in OPEN_QUOTES for c in w.punct_before(j)):
                    self.posts.add(w.toks[j].start)
                    return Opener(j, w.toks[j].start)
                return None
            if self.cue_at(k) is not None and k > i:
                return None
        return None

    def skip_relative(self, k: int) -> int:
        """A relative clause set off by commas at token k ("، التي تقاتل داعش في سوريا،"):
        the token after it, else k."""
        w = self.w
        if k >= len(w) or w.norm(k) not in RELATIVES or not any(c in COMMAS for c in w.punct_before(k)):
            return k
        end = k
        for j in range(k + 1, min(len(w), k + RELATIVE_APPOSITION)):
            if not w.same_sentence(k, j):
                break
            if any(c in COMMAS for c in w.punct_before(j)):
                end = j
                if w.norm(j)[:1] not in CONJ or self.cue_at(j) is None \
                        and stems(w.norm(j))[-1][:1] not in PRESENT_PREFIXES:
                    break  # "، وتعتبرها واشنطن شريكاً،", "، ويدعمها التحالف،": the clause goes on
        return end

    def opener_follows(self, k: int) -> bool:
        """After the comma before token k comes "أن ..." or ", فلان، أن ...": what
        stood before the comma was the source and its apposition, not an object."""
        w = self.w
        if w.norm(k) in GENERIC_OPENERS or (w.norm(k + 1) in GENERIC_OPENERS and not w.punct_before(k + 1)):
            return True  # "، أن ...", "، إمكانية أن ..."

        for j in range(k + 1, min(len(w), k + 6)):
            if not w.same_sentence(k, j):
                return False
            if w.punct_before(j):
                return any(c in COMMAS for c in w.punct_before(j)) and w.norm(j) in GENERIC_OPENERS
        return False

    def has_object(self, a: int, b: int) -> bool:
        """Tokens a..b hold a bare noun object (a setting such as "في بيان ..." does not count)."""
        for t in range(a, b + 1):
            if self.match_phrase(t, self.lex.tails) is not None:
                return False
            if self.object_like(t):
                return True
        return False

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

    def what_explained(self, i: int) -> bool:
        """"منها ما كشفت عنه الوزارة من أن ...", "ما يردده المتمردون من أن ...", "ما يدعيه
        التنظيم من تمسك بـ ...": "ما" + a verb of saying (with its pronoun) + its subject, then
        "من" opening what was said. True when one was drafted."""
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

    def can_attribute(self, i: int, cue: Cue) -> bool:
        """The verb at token i may attribute here (a clause boundary for the
        content before it): "نقلت" needs its "عن", a marker verb its opener."""
        w = self.w
        if cue.chain:
            return any(w.norm(k) == AN and w.same_sentence(i, k) for k in range(i + 1, min(len(w), i + CHAIN_REACH)))
        if cue.reply:  # "وردت النيابة بأن": بأن, a colon or a quotation
            op = self.opener(i + 1, cue)
            return op is not None and (w.norm(op.k).startswith(BI) and w.norm(op.k) in GENERIC_OPENERS
                                       or any(c == ":" or c in OPEN_QUOTES for c in w.punct_before(op.k)))
        if cue.marker:
            return self.opener(i + 1, cue) is not None
        return True

    # -- the rules --------------------------------------------------------
    def negated(self, i: int) -> bool:
        k = i - 1
        if self.w.norm(k) == QAD:
            k -= 1
        return self.w.same_sentence(k, i) and self.w.norm(k) in self.lex.negators

    def add(self, d: Draft) -> Draft:
        if self.speaker_like(d):
            self.drafts.append(d)
        return d

    def speaker_like(self, d: Draft) -> bool:
        """A source phrase that may name a speaker: after a verb not one opening with "لـ" +
        article ("جدد ... للتنظيم"), and none running over a clause word ("استمراره في رئاسة
        الحكومة ...، حيث من المفترض"): a claim needs a speaker (issue 18)."""
        src = d.source
        if src.attrs.get("prodrop"):
            return True
        w = self.w
        a, b = w.index_at(src.span.start), w.index_at(src.span.end) - 1
        if a >= len(w) or b < a:
            return True
        if d.family in ("verb", "participle") and w.norm(a).startswith(LIL) and not w.in_entity(a):
            return False
        return not any(w.norm(t) in NOT_IN_SOURCE for t in range(a + 1, b + 1))

    def passive(self, i: int) -> bool:
        """"يُعتقد أن", "ذُكر أن": a damma on the first letter (when voweled)."""
        t = self.w.toks[i].text
        k = 1 if t[:1] in CONJ and len(t) > 3 and t[1:2] != "\u064f" else 0
        return len(t) > k + 1 and t[k + 1] == "\u064f"

    def first_person(self, i: int, cue: Cue) -> bool:
        """"أعتقد" folds like "اعتقد": the hamza tells the first person."""
        t = self.w.toks[i].text
        t = t[1:] if t[:1] in CONJ and len(t) > 4 else t
        return cue.wasl and t.startswith(FIRST_PERSON)

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
        10. the source between the verb and its content opener.
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

    def verb_claim(self, v: VerbCue, src: Source, start: int, **kw) -> Draft:
        """Draft the claim of the verb cue ``v`` by ``src``, its content from ``start``."""
        cue = v.cue
        d = Draft(v.span, v.i, cue.lemma, cue.family, cue.stance, src, start, negated=v.negated, **kw)
        if v.prev in RELATIVES and src.span.start > v.span.start:
            d.attrs["reported"] = True  # "التي يتوقع كثيرون أن": said inside a relative clause
        if cue.speakers and src.kind not in cue.speakers:
            return d  # "ركزت القوات على": a press-review verb whose subject is no outlet: not kept
        return self.add(d)

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
        if v.prev in CONDITIONALS:
            return True  # "لو طلبت الدولة من شبابها ...": a condition, nothing said
        return v.prev in LIKE_PREP or v.prev == ALA_HADD  # "حسب وصفهم", "على حد وصفه"

    def like_prep_verb(self, v: VerbCue) -> bool:
        """2. "بحسب ما قال X", "مثلما قال X": the verb's subject is the source of a prepositional cue."""
        w, i, prev = self.w, v.i, v.prev
        if prev == MA and any(x in LIKE_PREP for x in stems(w.norm(i - 2))) or prev == MITHLAMA \
                or prev in LIKE_PREP_MA:
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
        if pre is None:
            return self.after_relative_clause(v)
        if self.subject_follows(v):
            return False  # "من أسرة فلان تتهمهم حماس بالوقوف وراء": the verb's subject follows it (VSO)
        return self.claim_after_subject(v, pre)

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
        if k is None or not w.same_sentence(k, i) or any(w.punct_before(t) for t in range(k + 1, i + 1)):
            return False
        head = self.relative_head(k)
        if head is None or not head.supported:
            return True  # the subject says nothing ("الدراسات التي أعدها الفريق تؤكد")
        return self.claim_after_subject(v, head)

    def claim_after_subject(self, v: VerbCue, pre: Source) -> bool:
        """The claim of a verb whose subject ``pre`` stands before it: its content follows the verb."""
        w, i, cue, op = self.w, v.i, v.cue, v.op
        obj = self.skip_setting(i) + 1
        while obj < len(w) and w.same_sentence(i, obj) and (
                w.in_time(obj) or w.norm(obj) in TIME_WORDS or w.norm(obj) in ADVERBS
                or w.norm(obj) in MANNER_HEADS and w.same_sentence(i, obj + 2)):
            obj += 2 if w.norm(obj) in MANNER_HEADS else 1  # "قد أعلنت أمس، انسحابها", "استبعد بشكل قاطع أي"
        if op is not None and op.participle is None and (self.only_setting(obj, op.k - 1)
                                                         or self.adverbial(obj, op.k - 1)):
            start = op.start
        elif (cue.object or cue.pre_object and stems(w.norm(i))[-1][:1] not in PRESENT_PREFIXES) \
                and obj < len(w) and w.same_sentence(i, obj) and self.object_ok(cue, obj) \
                and w.norm(obj) not in PREPOSITIONS and not self.ends_clause(obj):
            start = w.toks[obj].start
        else:
            return True
        self.corefer(pre)
        self.verb_claim(v, pre, start)
        return True

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

    def adverbial(self, a: int, b: int) -> bool:
        """Tokens a..b are a short prepositional phrase with no speaker in it
        ("قد قال في الجلسة الماضية إن"): the setting of a saying whose subject stands before it."""
        w = self.w
        return a <= b < a + ADVERBIAL_REACH and w.norm(a) in PREPOSITIONS and not any(
            w.punct_before(k) or head_kind(w, k) or w.entity_at(k) or self.cue_at(k) for k in range(a + 1, b + 1))

    def issuer(self, v: VerbCue) -> bool:
        """8. "وأصدر البيت الأبيض بياناً ...، قال فيه إن": the issuer of the statement speaks."""
        op = v.op
        if op is None or self.w.norm(v.i + 1) not in FI_PRONOUN or op.k != v.i + 2:
            return False
        who = self.clause_subject(v.i) or self.phrase_before_comma(v.i) or self.relative_subject(v.i)
        if who is not None:
            self.corefer(who)
            self.verb_claim(v, who, op.start)
        return True

    def addressee(self, v: VerbCue) -> bool:
        """9. "عيدان طالب القاضي بالإفراج", "فإنها دعت الحزب إلى": the phrase after
        the verb is the one addressed, the speaker stands before (else the later rules)."""
        op, i = v.op, v.i
        if op is None or not v.cue.addressee or op.participle is not None:
            return False
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

    def source_to_opener(self, v: VerbCue) -> bool:
        """10. A content opener follows: the source stands between the verb and it
        (less a relay, "نقل ... عن"), else before the verb, else it is left out
        (pro-drop: "وأضاف أن"); a bare object before a participle or a
        preposition opens the content ("أكد الوزير فلان حرص دول المجلس على")."""
        op = v.op
        if op is None:
            return False
        w, i, cue = self.w, v.i, v.cue
        last = op.k - 1
        if op.participle is not None:
            # "أعلن الوزير بدء العملية، مضيفاً أن": the source is the phrase
            # right after the verb, not all that precedes the participle
            last = extend_np(w, i + 1, op.participle - 1) or (op.participle - 1)
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
        if src is not None and cue.source == "np" and cue.judgement and not src.supported and src.entity is None \
                and w.norm(i)[:1] in CONJ and w.norm(i)[1:] in self.lex.forms \
                and not is_nisba(w.norm(i + 1)) and not w.norm(i + 1).endswith(PLURAL_NOUN_ENDINGS):
            src = None  # "ووصفت علاقة الخرطوم بالجزائر بأنها ...": an unknown word (no people: "العراقيون") is judged
        if src is not None and not src.attrs.get("prodrop"):
            a, b = w.index_at(src.span.start), w.index_at(src.span.end) - 1
            k = next((k for k in range(a + 1, b + 1) if w.norm(k).startswith(ARTICLE)
                      and (self.lex.forms.get(bare(w.norm(k))) or Cue("", "", "")).family == "noun"
                      and not head_kind(w, k)), None)
            if k is not None:  # "وجدد الوزير التأكيد على أن": the speaker, then the noun of saying he renews
                src = make_source(w, a, k - 1, self.names)
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
            may_drop = w.norm(i)[:1] in CONJ and w.norm(i)[1:] in self.lex.forms
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
                    and v.prev not in self.lex.not_source:
                may_drop = False  # "إن المحققين يعتقدون أن": a subject this stage does not know stands before
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

    def no_phrase_after(self, v: VerbCue) -> bool:
        """12. Sets ``v.end``, the last token of the noun phrase after the verb.
        With none, a subject before the verb says the object after it."""
        w, i = self.w, v.i
        v.end = extend_np(w, i + 1, min(len(w) - 1, i + MAX_SOURCE))
        if v.end is not None:
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
        if cut is None or not cut.supported or cut.span.end >= w.toks[v.phrase_end].end:
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
                if w.toks[i].start - s > MIN_CONTENT_BEFORE:
                    self.verb_claim(v, src, s, content_end=w.toks[i - 1].end, before=True)
        return True

    #: The verb rules in the order :meth:`verb` tries them (numbered as in its docstring).
    VERB_RULES: tuple[Callable[[Extractor, VerbCue], bool], ...] = (
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
        object_after_subject,  # 11
        no_phrase_after,  # 12
        anaphoric_object,  # 13
        object_after_speaker,  # 14
        unsupported_phrase,  # 15
        pointing_back,  # 16
        object_or_quotation,  # 17
    )

    def ends_after_setting(self, end: int) -> bool:
        """After the source ending at token ``end`` only its setting and channel
        follow ("في المحافظة لوكالة فرانس برس", "أمس") before the sentence ends."""
        w = self.w
        k = end + 1
        if not w.same_sentence(end, k) or w.punct_before(k)[:1] in STOP_OR_COMMA:
            return True
        t = self.match_phrase(k, self.lex.tails)
        if t is None and w.norm(k) not in SETTING_HEADS and not w.norm(k).startswith(LI) \
                and not (w.in_time(k) or w.norm(k) in TIME_WORDS):
            return False
        last = k

        def marks(t: int) -> str:  # the punctuation before token t, less quotation marks ("لـ«الشرق الأوسط»")
            return "".join(c for c in w.punct_before(t) if c not in OPEN_QUOTES and c not in CLOSE_QUOTES)

        while last + 1 < len(w) and w.same_sentence(k, last + 1) and not marks(last + 1):
            last += 1
        return last - k < 6 and (not w.same_sentence(k, last + 1) or marks(last + 1)[:1] in STOP_OR_COMMA)

    def skip_setting(self, end: int) -> int:
        """Skip ", الثلاثاء،", "، في بيان،" after a source: the last skipped token."""
        w, lex = self.w, self.lex
        if not any(c in COMMAS for c in w.punct_before(end + 1)):
            return end
        setting = self.match_phrase(end + 1, lex.tails) is not None  # "، في تصريح لـ"المدن"،"
        setting = setting or w.norm(end + 1) in lex.asides  # "، تحدث لموقع محلي،"
        for k in range(end + 1, min(len(w), end + (9 if setting else 6))):
            if not w.same_sentence(end, k):
                return end
            if any(c in COMMAS for c in w.punct_before(k + 1)):
                seg = range(end + 1, k + 1)
                if setting or all(w.norm(t) in lex.not_source or w.in_time(t) or w.toks[t].is_number
                       or self.match_phrase(t, lex.tails) is not None or w.norm(t) in STATEMENT_NOUNS
                       for t in seg):
                    return k
                return end
        return end

    def object_ok(self, cue: Cue, k: int) -> bool:
        """Token k may open the bare object of ``cue`` (its ``objects`` list, when it has one;
        none of its ``not_objects``)."""
        if cue.not_objects and any(x in cue.not_objects for x in stems(self.w.norm(k))):
            return False
        if not cue.objects:
            return True
        for x in stems(self.w.norm(k)):
            if x in cue.objects:
                return True
            for p in POSSESSIVE_3:  # "استغرابها", "قلقه", "رغبته" (ة written ت)
                base = x[: -len(p)]
                if x.endswith(p) and (base in cue.objects or base.endswith(PAST_F) and base[:-1] + FEMININE in cue.objects):
                    return True
        return False

    def first_subject(self, i: int) -> Source | None:
        """"وفيما أدانت الخارجية القصف، فإنها دعت": the first speaker-like
        phrase of the sentence before token i (the subject the pronoun stands for)."""
        w = self.w
        t0 = w.index_at(w.sentence_span(i).start)
        for k in range(t0, i - 1):
            if head_kind(w, k) or w.entity_at(k):
                end = extend_np(w, k, i - 2)
                if end is not None:
                    src = make_source(w, k, end, self.names)
                    if src.supported:
                        return src
        return None

    def split_relay(self, a: int, b: int, src: Source, word: str = AN) -> tuple[Source, Source | None]:
        """"التلفزيون الرسمي عن مصدر عسكري", "المرصد عن مصادر موثوقة" in tokens
        a..b: (the original source, the relaying one); else (src, None)."""
        w = self.w
        an = next((k for k in range(a + 1, b + 1) if w.norm(k) == word), None)  # "ونسبت X إلى محللين قولهم"
        if an is None or self.prep_at(an - 1) is not None:
            return src, None  # "نقلاً عن" is a phrase of its own (relay_prep)
        if an + 1 <= b and (bare(w.norm(an + 1)) in self.lex.extra_features or any(
                m.start <= w.toks[an + 1].start < m.end for _, m in w.doc.mentions("place"))):
            return src, None  # "النائب عن محافظة ديالى": the constituency, no relay
        if any(bare(w.norm(k)) in self.lex.members or w.norm(k) in self.lex.members for k in range(a, min(an, a + 2))):
            return src, None  # "النائب فلان عن ائتلاف الوطنية": the member's bloc, no relay
        orig = self.source_between(an + 1, b)
        relay = self.source_between(a, an - 1)
        if orig is None or relay is None or not orig.supported or not (relay.supported or word != AN):
            return src, None
        return orig, relay

    def chain(self, i: int, cue: Cue) -> None:
        """"نقل موقع X عن مصدر Y (قوله) إن ...": Y's claim via X's claim."""
        w = self.w
        an = next((k for k in range(i + 1, min(len(w), i + CHAIN_REACH)) if w.norm(k) == AN and w.same_sentence(i, k)), None)
        if an is None:
            return
        op = self.opener(an + 1, cue)
        if op is None:
            # "ونقلت عن الشرعية اليمنية أمس التحرير الكامل لـ": the object after the source is what it said
            end = extend_np(w, an + 1, min(len(w) - 1, an + MAX_SOURCE))
            if end is None:
                return
            k = self.skip_places(end + 1)  # "عن مصادر في اليمن، مقتل ..."
            while k < len(w) and w.same_sentence(i, k) and (w.in_time(k) or w.norm(k) in TIME_WORDS):
                k += 1
            gap = w.punct_before(k)
            if not (w.same_sentence(i, k) and (not gap or all(c in COMMAS for c in gap))
                    and (self.object_like(k) or not gap and self.definite_object(k))):
                return  # "عن مصادر في اليمن، مقتل مدني", "عن الشرعية أمس التحرير الكامل لـ"
            op = Opener(k, w.toks[k].start)
        last = op.k - 1
        while last > an and (w.norm(last) in SAYING or (
                self.cue_at(last) is None and any(w.norm(last).startswith(f) and len(w.norm(last)) - len(f) <= 2
                                                 for f in self.lex.forms if len(f) > 3))):
            last -= 1
        relay = self.source_between(i + 1, an - 1) if an > i + 1 else None
        if relay is None:
            relay = self.source_before(i)  # "وكانت صحيفة X قد نقلت عن ..."
        if relay is None and w.norm(i)[:1] in CONJ:
            ante = self.antecedent(i)
            relay = self.inherit(ante) if ante else None
        orig = self.source_between(an + 1, last)
        if orig is None:
            return
        cue_span = w.span(i, i)
        d = self.add(Draft(cue_span, i, cue.lemma, cue.family, cue.stance, orig, op.start))
        if relay is not None:
            d.attrs["relay"], d.relay = relay_dict(relay), relay
            if relay.attrs.get("prodrop"):
                # "وأخبرت الصحف عن ... ونقلت عن الشرعية ... وقالت": the outlet left out goes on speaking
                d.attrs["reported"] = True

    def definite_object(self, k: int) -> bool:
        """Token k is a noun with the article that names no speaker, time, place or cue
        ("التحرير الكامل"): the object of a relayed report."""
        w, lex = self.w, self.lex
        n = w.norm(k)
        return n.startswith(ARTICLE) and len(n) > 4 and not (
            head_kind(w, k) or w.in_entity(k) or bare(n) in self.names or w.in_time(k) or n in TIME_WORDS
            or n in lex.not_source or n in lex.stops or self.cue_at(k) is not None or is_nisba(n)
            or any(m.start <= w.toks[k].start < m.end for _, m in w.doc.mentions("place")))

    def prep_like(self, first: int, last: int, cue: Cue, src_i: int, strict: bool = False) -> None:
        """"بحسب مصادر ..." / "بحسب ما أفاد X" / "كما قال X"."""
        w = self.w
        if src_i >= len(w) or not w.same_sentence(first, src_i):
            return
        sent = w.sentence_span(first)
        s_last = w.index_at(sent.end) - 1
        while src_i < len(w) and w.norm(src_i) in RESUMPTIVE:
            src_i += 1  # "بحسب ما أفادت به مصادر"
        end = extend_np(w, src_i, s_last, loose=True)
        if end is None:
            return
        head = first == 0 or not w.same_sentence(first - 1, first) or \
            (first > 0 and w.norm(first - 1) in CONJ and not w.same_sentence(first - 2, first))
        if head:
            end = self.heading_source_end(src_i, end)
        s, e, channel = trim_tails(w, src_i, end)
        if e < s and cue.lemma.endswith(LI) and w.norm(src_i).startswith(LI) and head_kind(w, src_i):
            # "وفقاً لصحيفة «الحياة»": the ل is the cue's, the outlet is no channel; its name is
            # the quotation after it, else the noun phrase
            qe = quoted_end(w, src_i + 1) if src_i + 1 < len(w) and w.same_sentence(src_i, src_i + 1) else None
            e = qe if qe is not None else (extend_np(w, src_i, end) or src_i)
            qe = quoted_end(w, e + 1) if qe is None and e + 1 < len(w) and w.same_sentence(e, e + 1) else None
            e = qe if qe is not None else e  # "لوكالة الأنباء الرسمية «إرنا»"
            s, end, channel = src_i, e, None
        if e < s:
            return
        n0 = bare(w.norm(s))
        if n0 in _NORM_HEADS or n0.startswith(LI) and bare(n0[len(LI):]) in _NORM_HEADS:
            return  # "وفقاً للمادة العاشرة من نظام ...": a rule, not a speaker
        if (s == e or w.punct_before(s + 1)) and (n0.startswith(SAYING_NOUNS) and n0.endswith(POSSESSIVE_3)
                                                 or n0.endswith(POSSESSIVE_1)):
            return  # "حسب تعبيره", "بحسب وصفهم", "بحسب زعمه «...»", "بحسب خبرتي": not a new source
        relay = None
        an = next((k for k in range(s + 1, e) if w.norm(k) == AN), None)
        if an is not None and self.cue_at(last) is not None and self.cue_at(last).chain:
            relay = make_source(w, s, an - 1, self.names)
            s = an + 1
        if e == end and e < s_last:
            e = end = self.apposition(e, s_last)  # "وفق ما صرح به مدير الأمن، اللواء فلان."
        src = make_source(w, s, e, self.names)
        if not src.supported and strict:
            return
        if not src.supported:
            # a bare name: "بحسب وارن،", "وفقاً للخزرجي" - one or two words, no
            # article, closed by punctuation
            n0 = bare(w.norm(s)) if w.norm(s).startswith(LI) and cue.lemma.endswith(LI) else w.norm(s)
            nxt_punct = w.punct_before(e + 1) if e + 1 < len(w) else "."
            if e - s > 1 or n0.startswith(ARTICLE) or not cue.bare_name \
                    or not (nxt_punct or not w.same_sentence(e, e + 1)) or len(n0) < 4:
                return
        if channel is not None:
            src.attrs["channel"] = channel
        self.corefer(src)
        cue_span = w.text_span(w.toks[first].start, w.toks[last].end)
        if head:
            k = end + 1  # past the channel too ("لموقع "عنب بلدي"،")
            if k >= len(w) or not w.same_sentence(first, k):
                p = w.sent[first] - 1  # "... العسيري. وفقاً لصحيفة الحياة.": the phrase alone attributes the sentence before
                if p >= 0 and "\n" not in w.doc.text[w.sents[p].end: sent.start] and src.supported \
                        and not any(w.sent[d.cue_i] == p for d in self.drafts):
                    prev = w.sents[p]
                    a = w.index_at(prev.start)
                    self.add(Draft(cue_span, first, cue.lemma, "prep", cue.stance, src, w.toks[a].start,
                                   content_end=w.toks[first - 1].end, before=True))
                return
            start = self.content_start_at(k)
            self.add(Draft(cue_span, first, cue.lemma, "prep", cue.stance, src, start))
        else:
            k = end + 1  # past the channel too
            marks = set(w.punct_before(k)) - set(CLOSE_QUOTES) if k < len(w) else set()
            after = k < len(w) and w.same_sentence(first, k) and bool(marks & set(COMMAS)) \
                and marks <= set(COMMAS)
            nk = w.norm(k) if after else ""
            if after and nk.startswith(FA) and nk[len(FA):] in GENERIC_OPENERS:
                # "ولأن الأرقام لا تكذب، ووفقاً لفلان، فإن ...": what follows is what it says
                d = self.add(Draft(cue_span, first, cue.lemma, "prep", cue.stance, src, w.toks[k].start))
                if relay is not None:
                    d.attrs["relay"], d.relay = relay_dict(relay), relay
                return
            if after and nk not in RELATIVES and nk not in _CONTRAST and nk[:1] not in CONJ \
                    and any(c in COMMAS for c in w.punct_before(first)) \
                    and not any(w.sent[d.cue_i] == w.sent[first] and d.cue_i < first for d in self.drafts) \
                    and w.toks[first].start - sent.start >= 12:
                # "وتعتزم روسيا، وفق صحيفة X، إرسال وفد ...": an aside inside the clause it attributes
                # (not before a new clause: "، فيما ...", "، وأصيب ...")
                d = self.add(Draft(cue_span, first, cue.lemma, "prep", cue.stance, src, sent.start))
                if relay is not None:
                    d.attrs["relay"], d.relay = relay_dict(relay), relay
                return
            if w.toks[first].start - sent.start < 12:
                k = e + 1
                if k < len(w) and w.same_sentence(first, k):
                    start = self.content_start_at(k)
                    self.add(Draft(cue_span, first, cue.lemma, "prep", cue.stance, src, start))
                return
            d = self.add(Draft(cue_span, first, cue.lemma, "prep", cue.stance, src, sent.start,
                               content_end=w.toks[first - 1].end, before=True))
            if any(h is not d and w.sent[h.cue_i] == w.sent[first] and h.cue_i < first for h in self.drafts):
                # "وأخبرت عن تباطؤ التضخم ...، بحسب إعلان الجهاز": the speaker of the clause goes on
                d.attrs["reported"] = True
            if relay is not None:
                d.attrs["relay"], d.relay = relay_dict(relay), relay

    def heading_source_end(self, s: int, end: int) -> int:
        """The last token of the source of a prepositional cue heading its sentence,
        read loosely up to ``end``: it stops before "فإن"/"فقد" ("وبحسب الإحصاءات
        الأخيرة للأمم المتحدة فإن"), or at the noun phrase when a bare word (the
        sentence's verb) follows it ("فوفق المصدر وجه فلان رسالة")."""
        w = self.w
        for k in range(s + 1, end + 1):
            n = w.norm(k)
            if n.startswith(FA) and (n[len(FA):] in GENERIC_OPENERS or n[len(FA):] in QAD_FORMS):
                return k - 1
        closed = end + 1 < len(w) and w.same_sentence(s, end + 1) and any(c in COMMAS for c in w.punct_before(end + 1))
        np_end = extend_np(w, s, end)
        if np_end is None or np_end >= end:
            return end
        k = np_end + 1
        n = w.norm(k)
        if w.punct_before(k) or n.startswith(ARTICLE) or n.startswith(LI) or n in PREPOSITIONS \
                or n in LOOSE_INSIDE or w.in_entity(k) or head_kind(w, k) or bare(n) in self.names \
                or quoted_end(w, k) is not None or w.toks[k].is_number \
                or n in self.lex.stops or n in self.lex.not_source:
            return end  # the phrase goes on ("المصادر نفسها")
        if not w.norm(s).startswith(ARTICLE_CONJ + (LIL,)) and (closed or n[:1] in PRESENT_PREFIXES):
            return end  # "لمصدر أمني يعمل في الجيش"، "مصدر عسكري رافق الوفد،": a clause describing an indefinite source
        if any(x.endswith(p) and len(x) - len(p) >= 3 for x in stems(n) for p in POSSESSIVE_3):
            return end  # "المصادر ذاتها"، "الكتاب ومؤلفه": the phrase goes on
        return np_end

    def content_start_at(self, k: int) -> int:
        """Where content opening at token k starts: its opening quote, if any."""
        w = self.w
        gap = w.gap(k)
        if gap and gap[-1] in OPEN_QUOTES:
            return w.toks[k].start - 1
        return w.toks[k].start

    def noun(self, i: int, cue: Cue) -> None:
        w = self.w
        if not w.same_sentence(i, i + 1):
            return
        if w.norm(i).startswith(ARTICLE) and w.same_sentence(i - 1, i) and not w.punct_before(i) \
                and (self.cue_at(i - 1) or Cue("", "", "")).family == "verb":
            return  # "ودعا البيان الحكومة إلى ...": the verb's subject, the phrase after it the one addressed
        if w.norm(i - 1) in SETTING_PREP:
            # "قال في بيان" is the setting of a verb claim; "وجاء في بيان للجيش
            # أن" is a claim of its own
            if stems(w.norm(i - 2))[-1] not in CAME_IN:
                return
        src_i = i + 1
        if w.norm(i - 1) in SETTING_PREP and (":" in w.gap(i + 1) or w.norm(i + 1) in GENERIC_OPENERS):
            # "وجاء في بيان: «...»": the document itself is the source
            src = make_source(w, i, i, self.names)
            op = self.opener(i + 1, cue, window=3)
            if src.supported and op is not None:
                self.add(Draft(w.span(i, i), i, cue.lemma, "noun", cue.stance, src, op.start))
            return
        if (w.norm(i + 1), w.norm(i + 2)) == BY_AGENT:
            src_i = i + 3
        for reach in (6, 12):
            found = self.noun_source(i, cue, src_i, reach)
            if found is not None:
                break
        else:
            found = self.document_source(i, cue) if w.norm(i - 1) in SETTING_PREP else None
            if found is None:
                return
        src, start = found
        self.corefer(src)
        self.add(Draft(w.span(i, i), i, cue.lemma, "noun", cue.stance, src, start))

    def came_in_document(self, i: int) -> None:
        """"وجاء في وثائق المحكمة أن ...", "وجاءت في حيثيات الحكم، إدانة ...": the
        document named after "جاء في" says what follows (a noun of saying there is :meth:`noun`'s)."""
        w = self.w
        h = i + 2
        if h >= len(w) or not w.same_sentence(i, h) or w.punct_before(h) or self.cue_at(h) is not None:
            return
        hk = head_kind(w, h)
        if hk is None or hk[0] != "document":
            return
        end = extend_np(w, h, min(len(w) - 1, h + 4))
        if end is None or not w.same_sentence(i, end):
            return
        src = make_source(w, h, end, self.names)
        if not src.supported:
            return
        op = self.opener(end + 1, _CAME_IN_CUE, window=3)
        if op is not None:
            start = op.start
        elif w.same_sentence(i, end + 1) and set(w.punct_before(end + 1)) <= set(COMMAS) \
                and self.object_like(end + 1):
            start = w.toks[end + 1].start  # "وجاءت في حيثيات الحكم، إدانة المدعى عليه"
        else:
            return
        self.add(Draft(w.span(i, i), i, _CAME_IN_CUE.lemma, "noun", _CAME_IN_CUE.stance, src, start))

    def came_in_issued(self, i: int) -> None:
        """"وأصدرت الوزارة بياناً جاء فيه أن ...": the issuer of the document right before
        "جاء فيه" speaks (the subject of the verb opening the sentence), else the document."""
        w = self.w
        d = i - 1
        if d < 0 or not w.same_sentence(d, i) or w.punct_before(i) and not set(w.punct_before(i)) <= set(COMMAS):
            return
        hk = head_kind(w, d)
        if hk is None or hk[0] != "document":
            return
        op = self.opener(i + 2, _CAME_IN_CUE, window=3)
        if op is None or not w.same_sentence(i, op.k):
            return
        src = self.clause_subject(d) or make_source(w, d, d, self.names)
        if not src.supported:
            return
        self.corefer(src)
        self.add(Draft(w.span(i, i), i, _CAME_IN_CUE.lemma, "noun", _CAME_IN_CUE.stance, src, op.start))

    def document_source(self, i: int, cue: Cue) -> tuple[Source, int] | None:
        """"وجاء في لائحة الاتهام، أن": no speaker after the noun, the document itself
        (the noun and its genitive) is the source."""
        w = self.w
        end = extend_np(w, i, min(len(w) - 1, i + 4))
        if end is None or not w.same_sentence(i, end):
            return None
        op = self.opener(end + 1, cue, window=3)
        src = make_source(w, i, end, self.names)
        if op is None or not src.supported or src.kind != "document":
            return None
        return src, op.start

    def noun_source(self, i: int, cue: Cue, src_i: int, reach: int) -> tuple[Source, int] | None:
        """The genitive source of a noun of saying (up to ``reach`` tokens) and where its content starts."""
        w = self.w
        end = extend_np(w, src_i, min(len(w) - 1, src_i + reach))
        if end is None or not w.same_sentence(i, end):
            return None
        ent = w.entity_at(end)
        if ent is not None:
            end = max(end, min(w.index_at(ent[1].end) - 1, src_i + reach))  # "الولايات المتحدة الأمريكية"
        while end + 1 < len(w) and not w.punct_before(end + 1) and w.same_sentence(i, end + 1) \
                and w.norm(end + 1) not in self.lex.not_source and w.norm(end + 1) not in PREPOSITIONS \
                and not (BI in cue.preps and w.norm(end + 1).startswith(BI) and not w.in_entity(end + 1)) and (
                w.in_entity(end + 1) or bare(w.norm(end + 1)) in self.names
                or (head_kind(w, end + 1) or ("", ""))[0] in ("named", "role")):
            # the name after the titles: "نائب ... الأمير محمد بن نايف", "عضو اللجنة رئيس الدائرة فلان"
            nxt = end + 1
            end = nxt if w.in_entity(nxt) or bare(w.norm(nxt)) in self.names else \
                min(extend_np(w, nxt, min(len(w) - 1, nxt + 6)) or nxt, len(w) - 1)
        for k in range(end - 1, src_i, -1):
            ent = w.entity_at(k)
            if ent is not None and w.index_at(ent[1].end) - 1 == k and self.object_like(k + 1):
                end = k  # "إعلان الولايات المتحدة نشر ...": the object after the name
                break
        src = make_source(w, src_i, end, self.names)
        if not src.supported:
            return None
        nb = w.norm(end + 1)
        if BI in cue.preps and nb.startswith(BI) and len(nb) > 3 and nb not in NOT_BI \
                and w.same_sentence(i, end + 1) and not w.punct_before(end + 1):
            return src, w.toks[end + 1].start  # "تنديد الرئيس باقتحام ...", "اتهام الحكومة بانتهاك"
        op = self.opener(end + 1, cue, window=8)
        if op is not None:
            return src, op.start
        if cue.object:
            k = end + 1
            while k < len(w) and w.same_sentence(i, k) and (w.in_time(k) or w.norm(k) in TIME_WORDS):
                k += 1
            if w.same_sentence(i, k) and set(w.punct_before(k)) <= set(COMMAS) and self.object_like(k):
                return src, w.toks[k].start  # "إعلان نائبة الرئيس فلانة، استعداد الائتلاف ..."
        return None

    def possessive_noun(self, i: int) -> None:
        """"التصريحات التي صدرت عن فلان ... واتهامه لها بتغذية الإرهاب": a noun of
        saying with a possessive pronoun speaks for the last person or
        organisation named before it in its sentence, with no verb cue between."""
        w = self.w
        found = None
        for n in stems(w.norm(i)):
            found = _possessive_nouns().get(n)
            if found is not None:
                break
        if found is None or not w.same_sentence(i, i + 1):
            return
        cue, suf = found
        t0 = w.index_at(w.sentence_span(i).start)
        who = None
        for k in range(i - 1, max(t0, i - POSSESSIVE_REACH) - 1, -1):
            if (self.cue_at(k) or Cue("", "", "")).family == "verb":
                return  # "وجدد الوزير دعوته إلى": the verb's claim
            ent = w.entity_at(k)
            if ent is not None and ent[0].kind in ("person", "organization", "actor"):
                who = ent
                break
        if who is None or (suf == POSSESSIVE_3[0]) != (who[0].kind == "person"):
            return  # "ه": a person; "ها"/"هم": an organisation or a group
        a, b = w.index_at(who[1].start), w.index_at(who[1].end) - 1
        if (self.cue_at(a - 1) or Cue("", "", "")).family == "verb" or any(
                d.source.span.overlaps(who[1]) for d in self.drafts if w.same_sentence(d.cue_i, i)):
            return  # "وجدد الوزير دعوته إلى": the noun is the object of the speaker's verb
        j = i + 1
        nj = w.norm(j)
        if nj.startswith(LI) and nj[len(LI):] in POSSESSIVE_3 and not w.punct_before(j):
            j += 1  # "واتهامه لها بـ": the one accused, as a pronoun
        if BI in cue.preps and w.norm(j).startswith(BI) and len(w.norm(j)) > 3 and not w.punct_before(j) \
                and w.same_sentence(i, j):
            start = w.toks[j].start
        else:
            op = self.opener(j, cue, window=4)
            if op is None:
                return
            start = op.start
        src = make_source(w, a, b, self.names)
        if not src.supported:
            return
        d = self.add(Draft(w.span(i, i), i, cue.lemma, "noun", cue.stance, src, start))
        d.attrs["reported"] = True  # a claim reported inside another: no speaker for the follow-on cues

    def adjective_after_noun(self, i: int) -> bool:
        """Token i is a word of saying that is also a common adjective or noun
        (``data/adjective_participles.txt``: "مشددة", "جدد") right after an indefinite word with
        no mark between ("قيود مشددة", "أعضاء جدد"), not a time ("أمس مؤكدة") nor before إياه."""
        w = self.w
        n, p = w.norm(i), w.norm(i - 1)
        return n in _ADJECTIVE_PARTICIPLES and w.same_sentence(i - 1, i) and not w.punct_before(i) and len(p) > 2 \
            and not w.norm(i + 1).startswith(IYYA) \
            and not p.startswith(ARTICLE_CONJ) and not w.toks[i - 1].is_number and self.cue_at(i - 1) is None \
            and not w.in_entity(i - 1) and p not in TIME_WORDS and p not in ADVERBS and not w.in_time(i - 1) \
            and not any(x in self.lex.stops or x in self.lex.not_source or x in self.lex.negators
                        or x in QAD_FORMS or x in self.lex.pronoun_subjects for x in stems(p))  # "فقد جدد", "كما جدد"

    def participle(self, i: int, cue: Cue) -> None:
        w = self.w
        if any(c in COMMAS for c in w.punct_before(i + 1)):
            return  # "تعليمات مشددة، مشيرة إلى": an adjective; its content would follow it directly
        n, p = w.norm(i), w.norm(i - 1)
        if n.endswith(FEMININE) and w.same_sentence(i - 1, i) and not w.punct_before(i) \
                and p.endswith(FEMININE_NOUN_ENDINGS) and not p.startswith(ARTICLE_CONJ) and not w.in_entity(i - 1):
            return  # "إجراءات أمنية مشددة على": an adjective after an indefinite feminine noun
        if self.adjective_after_noun(i):
            return  # "فرضت قيوداً مشددة على": after any indefinite word (no time: "أمس مؤكدة")
        op = self.opener(i + 1, cue, window=3)
        if op is not None:
            start = op.start
        elif cue.object and w.same_sentence(i, i + 1) and not w.punct_before(i + 1) \
                and (self.object_like(i + 1) or w.norm(i + 1) in DEMONSTRATIVES):
            start = w.toks[i + 1].start  # "نافياً سقوط ضحايا", "مرجحاً ارتفاع الحصيلة"
        else:
            return
        src = self.subject_for(i)
        if src is None:
            return
        self.add(Draft(w.span(i, i), i, cue.lemma, "participle", cue.stance, src, start))

    def backref_quotation(self, i: int, last: int) -> None:
        """"لأن المسجد بحسب زعمه “يقوم بتشييع ...”": a phrase that refers back to the last
        speaker (tokens i..last), a quotation right after it: that speaker says the quotation."""
        w = self.w
        k = last + 1
        gap = w.punct_before(k) if k < len(w) else ""
        if not (gap and gap[-1] in OPEN_QUOTES and gap[-1] not in "'’" and w.same_sentence(last, k)):
            return
        qe = quoted_end(w, k)
        if qe is not None and qe - k < 2:
            return  # a quoted name
        src = self.subject_for(i, PRODROP_SENTENCES)
        if src is None:
            return
        g = w.gap(k)
        self.add(Draft(w.span(i, last), i, "backref", "prep", "assert", src,
                       w.toks[k - 1].end + g.rindex(gap[-1])))

    def relay_prep(self, i: int, pr: tuple[int, Cue, int]) -> None:
        """"أفادت صحيفة X نقلاً عن مسؤولين أن": the source of the last draft
        is cut at the phrase, and the phrase's source gets a claim via it."""
        w = self.w
        d = self.drafts[-1]
        last, cue, src_i = pr
        op_k = w.index_at(d.content_start)
        if src_i > op_k - 1:
            return
        if d.source.span.start < w.toks[i].start <= d.source.span.end and not d.source.attrs.get("prodrop"):
            s_i = w.index_at(d.source.span.start)
            if i - 1 >= s_i:
                d.source = make_source(w, s_i, i - 1, self.names)
        s2, e2, channel = trim_tails(w, src_i, op_k - 1)
        if e2 < s2:
            return
        src = make_source(w, s2, e2, self.names)
        if cue.chain:
            # one claim, by the original source; the relaying outlet is an attribute
            d.attrs["relay"], d.relay = relay_dict(d.source), d.source
            if channel is not None:
                src.attrs["channel"] = channel
            d.source = src
        elif w.norm(s2) == MA and s2 + 3 <= e2 and (self.cue_at(s2 + 1) or Cue("", "", "")).chain \
                and w.norm(s2 + 2) in AN_PRONOUNS:
            # "وقال فلان، بحسب ما نقلت عنه وكالة X، إن": his claim, relayed by X
            relay = make_source(w, s2 + 3, e2, self.names)
            d.attrs["relay"], d.relay = relay_dict(relay), relay
        else:
            d.attrs["according_to"] = src.span.to_dict()

    #: The rule that drafts the claim of a cue found word by word, by its family
    #: (prepositional cues are phrases: :meth:`prep_like`, :meth:`relay_prep`).
    FAMILY_RULES: dict[str, Callable[[Extractor, int, Cue], None]] = {
        "verb": verb,
        "participle": participle,
        "noun": noun,
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
            if w.norm(i - 1) == MA and (self.what_clause(i) or self.what_explained(i)):
                i += 1
                continue
            cue = self.cue_at(i)
            if cue is not None and cue.family == "verb" and self.can_attribute(i, cue):
                self.verb_cues.append(i)
            if cue is not None and cue.reply and not self.can_attribute(i, cue):
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
