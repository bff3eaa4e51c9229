"""Nouns of saying, participles and back references: "في بيان ...", "وجاء في
التقرير أن", "واتهامه ...", "مؤكداً أن", and a quotation pointed back to.

Steps 1 and 6 of :mod:`rasid.claims.extract` for the cue families ``noun`` and
``participle``. Part of its ``Extractor``.
"""

from __future__ import annotations

from functools import lru_cache

from rasid.claims.grammar import (
    DEMONSTRATIVES,
    GENERIC_OPENERS,
    NOT_BI,
    PREPOSITIONS,
    PRODROP_SENTENCES,
    TIME_WORDS,
    Draft,
)
from rasid.claims.lexicon import Cue, lexicon
from rasid.claims.prepositional import PrepRules
from rasid.claims.sources import Source, extend_np, head_kind, make_source, quoted_end
from rasid.claims.tokens import COMMAS, OPEN_QUOTES, bare, stems
from rasid.claims.vocab import (
    ARTICLE,
    ARTICLE_CONJ,
    BI,
    BY_AGENT,
    CAME_IN,
    FEMININE,
    FEMININE_NOUN_ENDINGS,
    LI,
    PAST_F,
    POSSESSIVE_3,
    SETTING_PREP,
)

POSSESSIVE_REACH = 12  # tokens back a noun of saying with a possessive ("واتهامه") looks for its speaker  # characters of sentence before a verb that follows its quotation
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


#: words after an addressee participle searched for its prep ("محذرا قادة هذا التنظيم من")
PARTICIPLE_ADDRESSEE_WINDOW = 5


class NounRules(PrepRules):
    """Nouns of saying, participles and back references."""

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
        d = self.add(Draft(w.span(i, i), i, cue.lemma, "noun", cue.stance, src, start))
        if any(h.family == "verb" and w.sent[h.cue_i] == w.sent[i] and h.cue_i < i and h.content_start <= w.toks[i].start
               and not h.before for h in self.drafts if h is not d):
            # "ولفتت إلى إعلان الولايات المتحدة نشر ...": said inside another's content, no
            # speaker for the follow-on cues after it
            d.attrs["reported"] = True

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
        end = self.name_before_object(src_i, end)  # "إعلان الولايات المتحدة نشر ..."
        src = make_source(w, src_i, end, self.names)
        if not src.supported:
            return None
        nb = w.norm(end + 1)
        if BI in cue.preps and nb.startswith(BI) and len(nb) > 3 and nb not in NOT_BI \
                and w.same_sentence(i, end + 1) and not w.punct_before(end + 1):
            return src, w.toks[end + 1].start  # "تنديد الرئيس باقتحام ...", "اتهام الحكومة بانتهاك"
        op = self.opener(end + 1, cue, window=8)
        if op is not None and any(self.cue_at(k) is not None for k in range(end + 1, op.k)):
            return None  # "استنكروا مزاعم فلان ضد المملكة، مؤكدين أنها": the opener is the later cue's
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
        # the one addressed may take a few words ("محذرا قادة هذا التنظيم من"): a wider window
        op = self.opener(i + 1, cue, window=PARTICIPLE_ADDRESSEE_WINDOW if cue.addressee else 3)
        if op is not None and cue.addressee and op.k > i + 1 and w.norm(op.k) in cue.preps:
            start = w.toks[i + 1].start  # "محملاً الجماعة المسؤولية": the one blamed heads it
        elif op is not None:
            start = op.start
        elif cue.object and w.same_sentence(i, i + 1) and not w.punct_before(i + 1) \
                and (self.object_like(i + 1) or w.norm(i + 1) in DEMONSTRATIVES
                     or any(c in COMMAS for c in w.punct_before(i)) and self.masdar_object(i + 1)):
            start = w.toks[i + 1].start  # "نافياً سقوط ضحايا", "مرجحاً ارتفاع الحصيلة"
        else:
            return
        src = self.subject_for(i)
        if src is None:
            return
        self.add(Draft(w.span(i, i), i, cue.lemma, "participle", cue.stance, src, start))

    def masdar_object(self, k: int) -> bool:
        """Token k, right after a participle set off by a comma, heads its object though the
        word is definite or a noun of saying ("، متوقعا الإعلان النهائي"، "، مؤكدا الالتزام")."""
        c = self.cue_at(k)
        return self.object_like_definite(k) or c is not None and c.family == "noun"

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

