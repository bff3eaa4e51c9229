"""Content openers and the helpers every rule family shares.

Where the content of a cue opens (:meth:`OpenerRules.opener`: أن/إن, a colon, a
quotation, one of the cue's prepositions, a bare object after the speaker), the
settings and channels skipped on the way, and the checks every rule family
makes before it drafts a claim (negation, a passive or first-person form, a
source that may name a speaker). Part of :class:`rasid.claims.extract.Extractor`.
"""

from __future__ import annotations

from rasid.claims.grammar import (
    ADVERBS,
    DEMONSTRATIVES,
    DIRECT_OPENERS,
    GENERIC_OPENERS,
    IMPERSONAL_OPENERS,
    NOT_BI,
    PREPOSITIONS,
    RELATIVES,
    TIME_WORDS,
    WINDOW,
    Draft,
    Opener,
    source_gender,
    verb_gender,
)
from rasid.claims.lexicon import Cue
from rasid.claims.sources import extend_np, head_kind, make_source, quoted_end
from rasid.claims.subjects import SubjectRules
from rasid.claims.tokens import CLOSE_QUOTES, COMMAS, OPEN_QUOTES, STOP_OR_COMMA, bare, stems
from rasid.claims.vocab import (
    AN,
    ARTICLE,
    IYYA,
    KANA,
    QAD_FORMS,
    ARTICLE_CONJ,
    BI,
    CONJ,
    FEMININE,
    FIRST_PERSON,
    FIRST_PERSON_PLURAL,
    FOR_PRONOUNS,
    LI,
    LIL,
    MA,
    NOT_BEFORE_OPENER,
    NOT_IN_SOURCE,
    PAST_F,
    POSSESSIVE_3,
    POST_NOUNS,
    PRESENT_M,
    PRESENT_PREFIXES,
    QAD,
    REASON_NOUNS,
    SETTING_HEADS,
    SETTING_PREP,
    STATEMENT_NOUNS,
    word_set,
)

FIRST_PERSON_VERBS = word_set("first_person_verbs.txt")
_ADJECTIVE_PARTICIPLES = word_set("adjective_participles.txt")  # "قيود مشددة": no participle of saying
SETTING_REACH = 6  # tokens after a setting ("في تصريح خاص لـ«X»") searched for first-person speech
CHAIN_REACH = 10  # tokens after a chain verb searched for its "عن" ("نقل X عن Y")
RELATIVE_APPOSITION = 16  # tokens a relative clause between commas may run after a source
FAR_BI_REACH = 20  # tokens after a speaker searched for the "بـ" of an addressee verb (:meth:`far_bi`)
RELATIVE_REACH = 4  # tokens after a verb within which "الذي طلب ..." is a relative clause of its source


class OpenerRules(SubjectRules):
    """Content openers and the checks shared by every rule family."""


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
        fp = self.first_person_speech(i, cue)
        if fp is not None:
            return Opener(fp, w.toks[fp].start)  # "وقال نرحب بكل مبادرة": direct speech, the speaker left out
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
                                            and set(w.punct_before(k)[:-1]) <= set(COMMAS))):
                # (a comma may stand before the mark: "وأضاف، "ثم يأتي دور ...")
                qe = quoted_end(w, k)
                if qe is not None and k == i and (":" in w.gap(qe + 1) or w.norm(qe + 1) in GENERIC_OPENERS):
                    in_name = qe  # "قال «المرصد السوري لحقوق الإنسان»: إنه": the quoted source
                elif qe is not None and k == i and self.quoted_speaker(k, qe, cue):
                    in_name = qe  # "أعلنت «حركة أحرار الشام» أمس، في بيان، عن": the quoted organisation
                elif qe is not None and k > i and self.quoted_title(k, qe, cue):
                    in_name = qe  # "ذكرت صحيفة «ذي ميل أون صنداي» اليوم أن": the outlet's name
                elif qe is None or qe - k >= 3:
                    if prep_hit and prep_hit.k == k - 1:
                        return prep_hit
                    off = w.toks[k - 1].end + gap.rindex(q)
                    return Opener(k, off)
            n = w.norm(k)
            kc = self.cue_at(k) if k > i else None
            if kc is not None and kc.family == "verb" and self.prep_at(k) is None and not i < k < adjacent \
                    and not self.naming(k, kc) and not self.adjective_after_noun(k):
                # ("وقال شاهد عيان يدعى فلان لرويترز إن": inside the source; "موقع تابع لـ": an adjective)
                if any(w.norm(t) in self.lex.anonymity for t in range(k + 1, min(len(w), k + 5))
                       if w.same_sentence(k, t)):
                    continue  # "، لم تذكر اسمه،", "طلب عدم الكشف عن اسمه": an aside about the source
                if w.norm(k - 1) == MA and self.prep_at(k - 2) is not None:
                    continue  # "، بحسب ما نقلت عنه وكالة ...،": a relay inside the source
                if n in PREPOSITIONS and w.norm(k + 1) not in kc.preps:
                    continue  # "وقال أحد الشهود لرويترز عبر الهاتف إن": a preposition, no verb
                if w.norm(k - 1) in PREPOSITIONS and not w.punct_before(k):
                    continue  # "ردا على طلب رأيه": a noun after a preposition, no verb
                if w.norm(k - 1) in RELATIVES and not w.punct_before(k) and (
                        k - i <= RELATIVE_REACH or np_end is not None and k - 2 == np_end and head_kind(w, i)):
                    # (or right after the speaker's phrase: "اتهم حزب الشعب الجمهوري (...) الذي يعتبر القوة ...")
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
                if cue.call_li and k > i and k == after_obj and n.startswith(LIL) and len(n) - len(LIL) >= 3 \
                        and n not in self.lex.stops and not self.person_at(k):
                    return Opener(k, w.toks[k].start)  # "دعا الوزير المجتمع الدولي للتحرك": what is called for
                if cue.reason and k > i and k in (adjacent, after_obj) and n.startswith(LI) and not n.startswith(LIL) \
                        and len(n) - len(LI) >= 3 and n not in self.lex.stops \
                        and (w.toks[k].text.endswith(POSSESSIVE_3) or n[len(LI):] in REASON_NOUNS):
                    return Opener(k, w.toks[k].start)  # "انتقدت موسكو واشنطن لعدم تنسيقها": the reason
                if n in cue.addressee_preps and k != after_obj and not (
                        k > i and (head_kind(w, i) or w.entity_at(i)) and not w.punct_before(k)):
                    pass  # "وصل طالب جامعي إلى الحدود": only after the one addressed
                elif n in cue.preps and k > i and w.norm(k - 1) in self.lex.issued:
                    pass  # "وأفاد بيان صادر عن القيادة بأن": the issuer of the document
                elif (n in cue.preps or (bi and n[1:] in GENERIC_OPENERS)) and not self.person_at(k) \
                        and not (k + 1 < len(w) and not w.punct_before(k + 1) and self.person_at(k + 1)):
                    prep_hit = Opener(k, w.toks[k].start)  # (not in or before a name: "علي عبدالله صالح")
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
        if prep_hit is None and cue.addressee and cue.family == "verb" and BI in cue.preps and np_end is not None \
                and np_end >= i and (head_kind(w, i) or w.entity_at(i)) \
                and not (w.norm(i - 2) in RELATIVES and w.same_sentence(i - 2, i)):  # "التي تتهم «النصرة» بـ"
            far = self.far_bi(i, max(np_end, adjacent - 1))
            if far is not None:
                return Opener(far, w.toks[far].start, far=True)
        return prep_hit

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
                        or x in QAD_FORMS or x in self.lex.pronoun_subjects for x in stems(p)) \
            and not any(x in KANA or x[len(LI):] in DEMONSTRATIVES for x in stems(p))
        # ("فقد جدد", "كما جدد"; "كان يعتقد أن", "ولهذا يعتقد فلان")

    #: words of a quoted organisation's name right after a verb
    QUOTED_NAME_WORDS = 6

    def quoted_speaker(self, k: int, qe: int, cue: Cue) -> bool:
        """The quotation k..qe right after a verb is the name of an organisation or outlet that speaks
        ("أفادت «الشبكة الآشورية لحقوق الإنسان» نقلاً عن", "أعلنت «حركة أحرار الشام» أمس، في بيان"):
        it opens with such a head (or a mention of one) and the saying goes on after it."""
        w = self.w
        hk = head_kind(w, k)
        ent = w.entity_at(k)
        if qe - k + 1 > self.QUOTED_NAME_WORDS or not w.same_sentence(k, qe + 1) \
                or not (hk and hk[0] in ("organization", "media") or ent and ent[0].kind in ("organization", "outlet")):
            return False
        return self.saying_goes_on(qe, cue)

    def saying_goes_on(self, qe: int, cue: Cue) -> bool:
        """After a quoted name ending at token qe the saying goes on: an opener, a prep of the cue,
        a time or a definite word."""
        w = self.w
        n = w.norm(qe + 1)
        return n in GENERIC_OPENERS or n in cue.preps or self.prep_at(qe + 1) is not None \
            or BI in cue.preps and n.startswith(BI) and n not in NOT_BI and len(n) > 3 \
            or w.in_time(qe + 1) or n in TIME_WORDS or n.startswith(ARTICLE) and not w.punct_before(qe + 1)

    def quoted_title(self, k: int, qe: int, cue: Cue) -> bool:
        """The quotation k..qe names the outlet or organisation whose indefinite head stands right before
        it ("ذكرت صحيفة “ذي ميل أون صنداي” اليوم الأحد أن"), however many words (up to
        :attr:`QUOTED_NAME_WORDS`), and the saying goes on after it."""
        w = self.w
        hk = head_kind(w, k - 1)
        if not hk or hk[0] not in ("organization", "media") or w.norm(k - 1).startswith(ARTICLE_CONJ) \
                or set(w.punct_before(k)) - set(OPEN_QUOTES) - set(" "):
            return False
        return qe - k + 1 <= self.QUOTED_NAME_WORDS and w.same_sentence(k, qe + 1) and self.saying_goes_on(qe, cue)

    def in_place(self, k: int) -> bool:
        """Token k lies in a place mention ("ببغداد", "بريف حلب")."""
        t = self.w.toks[k]
        return any(m.start < t.end and t.start < m.end for _, m in self.w.doc.mentions("place"))

    def far_bi(self, i: int, np_end: int) -> int | None:
        """"طالب رئيس المجلس فلان أمس رئيسَ الوزراء فلاناً بإقالة", "اتهم الوزير كتلاً نيابية داخل
        التحالف بعرقلة": after a speaker at token i (its phrase ending at ``np_end``), the one addressed
        and its modifiers, then "بـ" + what is asked or charged, further than the one-phrase object
        :meth:`opener` reads. Its token, else None (another saying or a content opener first)."""
        w = self.w
        if w.norm(np_end + 1).startswith(BI):
            return None  # right after the speaker's phrase: :meth:`opener` reads that one
        g = verb_gender(w.norm(i - 1))
        if g is not None and source_gender(make_source(w, i, np_end, self.names)) not in (g, None):
            return None  # "وطالبت مقاتلين آخرين بـ": the phrase is the one addressed, not the speaker
        for k in range(np_end + 2, min(len(w), i + FAR_BI_REACH)):
            if not w.same_sentence(i, k) or ":" in w.gap(k):
                return None
            n = w.norm(k)
            if n in GENERIC_OPENERS:
                return None
            kc = self.cue_at(k)
            if kc is not None and kc.family == "verb" and self.prep_at(k) is None and w.norm(k - 1) not in RELATIVES:
                return None  # "، داعيا", "واتهم": another saying
            if n.startswith(BI) and n not in NOT_BI and not w.in_entity(k) and not w.in_time(k) \
                    and not self.in_place(k):
                # the first "بـ" word: what is asked or charged ("بإقالة", "بالإفراج"), else none
                return k if len(n) - len(BI) >= 3 and not self.person_at(k + 1) else None
        return None

    def first_person_speech(self, i: int, cue: Cue) -> int | None:
        """The token, right after a saying verb with its speaker left out or after the
        setting that follows it ("في تصريح خاص لـ«المدينة»"), that is a verb of saying or
        stance in the first person present ("وقال نرحب ...", "وأضاف نكرر دعوتنا"): the
        words of the speaker, with no mark before them."""
        w = self.w
        if not cue.prodrop or cue.family != "verb" or i < 1 or i >= len(w) or self.cue_at(i - 1) is not cue:
            return None
        last = self.match_phrase(i, self.lex.tails)
        stop = i + 1 if last is None else min(len(w), last + SETTING_REACH)
        for k in range(i if last is None else last + 1, stop):
            if not w.same_sentence(i - 1, k) or w.punct_before(k).strip("«»\"“”") \
                    or w.norm(k) in GENERIC_OPENERS or self.cue_at(k) is not None and k > i:
                return None
            if self.first_person_verb(k) or k == i and w.norm(k) in IMPERSONAL_OPENERS:
                return k  # "وقال تم الجلوس مع ...": a passive right after the verb, the speaker held over
        return None

    def first_person_verb(self, k: int) -> bool:
        """Token k is a first-person present verb whose third-person form is a cue ("نكرر":
        "يكرر") or in ``data/first_person_verbs.txt`` ("نرحب": "يرحب")."""
        w = self.w
        text, n = w.toks[k].text, w.norm(k)
        if text.startswith(FIRST_PERSON):
            rest = n[len(FIRST_PERSON):]
        elif n.startswith(FIRST_PERSON_PLURAL):
            rest = n[len(FIRST_PERSON_PLURAL):]
        else:
            return False
        third = self.lex.forms.get(PRESENT_M + rest)
        return len(rest) >= 3 and (third is not None and third.family == "verb"
                                   or PRESENT_M + rest in FIRST_PERSON_VERBS)

    def naming(self, k: int, cue: Cue) -> bool:
        """The verb form at token k is the passive "is called" ("شاهد عيان يدعى فلان"): one of the
        cue's ``naming`` forms right after an indefinite noun, no content opener right after it."""
        w = self.w
        p = w.norm(k - 1) if k > 0 and w.same_sentence(k - 1, k) else ""
        return bool(cue.naming) and stems(w.norm(k))[-1] in cue.naming and bool(p) and not w.punct_before(k) \
            and not p.startswith(ARTICLE_CONJ) and p not in self.lex.stops and p not in self.lex.not_source \
            and p not in self.lex.pronoun_subjects and not w.in_entity(k - 1) \
            and w.norm(k + 1) not in GENERIC_OPENERS

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

    def can_attribute(self, i: int, cue: Cue) -> bool:
        """The verb at token i may attribute here (a clause boundary for the
        content before it): "نقلت" needs its "عن", a marker verb its opener."""
        w = self.w
        if cue.chain:
            return any(w.norm(k) == AN and w.same_sentence(i, k) for k in range(i + 1, min(len(w), i + CHAIN_REACH)))
        if cue.needs:  # "ومضى بالقول إن": the word of saying between the verb and its content
            op = self.opener(i + 1, cue)
            return op is not None and any(w.norm(k) in cue.needs for k in range(i + 1, min(op.k + 1, len(w))))
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

