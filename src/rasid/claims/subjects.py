"""Where the source of a claim stands: the subject rules of the attribution stage.

The base of :class:`rasid.claims.extract.Extractor`: a source between a cue
and its opener, before the verb ("مصادر عراقية تشير")، after "كان ... قد" or a
relative pronoun, in the clause opening the sentence, or inherited from the
last claim (pro-drop: "وأضاف أن").
"""

from __future__ import annotations

from dataclasses import replace

from rasid.claims.grammar import (
    ADVERBS,
    FEM_PLURALS,
    GENERIC_OPENERS,
    OPENING_WORDS,
    SIDE_WORDS,
    CONTRAST_WORDS,
    PREPOSITIONS,
    PRODROP_SENTENCES,
    RELATIVES,
    TIME_WORDS,
    Draft,
    source_gender,
    verb_gender,
)
from rasid.claims.lexicon import Cue
from rasid.claims.sources import (
    MAX_SOURCE, Source, _prep_words, closes_name, extend_np, head_kind, is_nisba, make_source, quoted_end,
    trim_tails,
)
from rasid.claims.state import Attribution
from rasid.claims.tokens import CLAUSE_MARKS, COMMAS, OPEN_QUOTES, bare, stems
from rasid.claims.vocab import (
    ARTICLE,
    ARTICLE_WA,
    CONJ,
    DEMONSTRATIVE_OBJECTS,
    FEATURE_PREPS,
    FEMININE,
    MIN,
    KAMA,
    FRONTING,
    KANA,
    LI,
    LIL,
    MODIFIER_PREFIXES,
    NOT_SPEAKER_PREFIXES,
    PLURAL_NOUN_ENDINGS,
    PLACE_PREPS,
    POSSESSIVE_3,
    QAD_FORMS,
    QAILAN_FORMS,
    SABAQA,
    SAYING,
    TA_MARBUTA,
    WA,
)
from rasid.lang.ar import QUESTION_MARK
from rasid.model.document import Span
from rasid.text import fold_key

#: tokens back from a phrase within which a relative pronoun puts it in a relative clause
RELATIVE_CLAUSE_REACH = 4
FRONTED_REACH = 30  # tokens from a fronting word ("غير أن") to the verb its subject, set off by commas, goes with
CLAUSE_REACH = 50  # tokens from the verb opening a sentence to a later verb whose subject it gives
# ("وأوضحت مجلة X ... [40 words] ...، وأوضحت أن")


HEADING_WORDS = 5  # a subheading between paragraphs has at most this many words


class SubjectRules(Attribution):
    """Subject-finding rules over the shared state (:class:`~rasid.claims.state.Attribution`):
    the words ``w``, the lexicon, the known ``names`` and the ``drafts`` so far."""

    # -- sources ----------------------------------------------------------
    def source_between(self, i: int, j: int) -> Source | None:
        """The source in tokens i..j (between a verb and its opener)."""
        w, lex = self.w, self.lex
        if j < i:
            return None
        start = i
        if w.norm(i) in lex.stops:
            return None  # "ولا يوجد أوضح مما فعله فلان": a function word opens no source
        lead = self.channel_first(i, j)
        if lead is not None:
            src = self.source_between(lead[0], j)  # "قال لـ«عكاظ» أمس، اللواء فلان إن": the speaker after it
            if src is not None and src.supported and "channel" not in src.attrs:
                src.attrs["channel"] = lead[1]
                return src
            return None
        if w.norm(i) in PREPOSITIONS and not w.entity_at(i):
            if not self.folded_title(i, j):
                return None  # "تحدثت مع الصحيفة بأن": not the subject ("علي الحسيني" is a name: على folds to it)
            start = next((k for k in range(i + 1, j + 1) if head_kind(w, k) or w.entity_at(k)), None)
            if start is None:
                return None  # "إمام وخطيب المسجد الحرام الدكتور فلان": the title or name after it
        if w.norm(i) in lex.asides and w.punct_before(i):
            return None  # "وقال - رافضاً ذكر اسمه -: إن": an aside about the left-out subject
        if w.norm(i) in lex.not_source or self.match_phrase(i, lex.tails) is not None:
            start = next((k for k in range(i, j + 1) if head_kind(w, k) or w.entity_at(k)), None)
            if start is None:
                return None
        s, e, channel = trim_tails(w, start, j)
        while e >= s and (w.norm(e) in SAYING or w.norm(e) in QAILAN_FORMS):
            e -= 1
        if e < s:
            return None
        n0 = w.norm(s)
        if (n0[:1] in NOT_SPEAKER_PREFIXES or n0.startswith(LIL)) and n0 not in lex.quantifiers and not (
                head_kind(w, s) or w.entity_at(s) or bare(n0) in self.names) \
                and not self.named_apposition(s + 1, e):
            return None  # "وأشار كدليل على ذلك إلى", "وقال في وصفه للاقتراح": no speaker here
        lim = e
        if e - s + 1 > MAX_SOURCE:
            e = self.rank_and_name(extend_np(w, s, e) or s, e)
        else:
            np_end = extend_np(w, s, e)
            if np_end is not None and np_end < e and not w.punct_before(np_end + 1) \
                    and w.norm(np_end + 1).startswith(ARTICLE) and closes_name(w, np_end) \
                    and (head_kind(w, np_end + 1) or ("named",))[0] not in ("named", "role"):
                e = np_end  # "اتهم الأهالي الفصيل بـ": the object follows the speaker
            elif head_kind(w, s) and np_end is not None and np_end < e:
                k = np_end + 1  # the word right after the speaker's phrase
                if not w.punct_before(k) and not w.in_entity(k) and not w.norm(k).startswith(ARTICLE) \
                        and stems(w.norm(k))[-1].endswith(POSSESSIVE_3) \
                        and not w.toks[k].text.endswith(TA_MARBUTA) and self.object_like(k):
                    e = np_end  # "وأعلن المسلحون مسؤوليتهم عن": the object, with its pronoun, follows
        ent = next((w.entity_at(k) for k in range(s, min(e, s + 3) + 1) if w.entity_at(k)), None)
        named_after = False  # an unknown name ends the phrase
        if ent is not None and ent[1].end < w.toks[e].end:
            # an entity in the phrase: keep it and its modifiers, drop an object
            # that follows ("حذر الرئيس جو بايدن إيران من ...")
            last = w.index_at(ent[1].end) - 1
            nxt = w.entity_at(last + 1) if last + 1 <= e and not w.punct_before(last + 1) else None
            if nxt is None and last + 2 <= e and w.norm(last + 1).startswith(ARTICLE) \
                    and not w.punct_before(last + 1) and not w.punct_before(last + 2):
                nxt = w.entity_at(last + 2)  # a rank before the name: "قائد الجيش اللبناني العماد فلان"
            if nxt is None and last + 1 <= e and not w.punct_before(last + 1):
                k = self.skip_places(last + 1)  # "المتحدث باسم الأمم المتحدة في جنيف أحمد فوزي"
                person = w.entity_at(k) if last + 1 < k <= e and not w.punct_before(k) else None
                if person is not None and person[0].kind == "person":
                    nxt = person
                elif person is None and last + 1 <= k <= e and not w.punct_before(k) and self.bare_name(k, e) \
                        and (k == last + 1 or w.norm(last + 1) in PLACE_PREPS) and ent[0].kind != "person" \
                        and head_kind(w, s) and head_kind(w, s)[0] in ("role", "named"):
                    named_after = True  # "المتحدث باسم المقاومة في تعز فلان الفلاني": the phrase runs to it
            if named_after:
                pass
            elif nxt is not None and nxt[0].kind == "person" and head_kind(w, s) and (
                    head_kind(w, s)[0] in ("role", "named") or self.member_of(s, ent, last, nxt, e)):
                # "المسؤول الإعلامي في الائتلاف أحمد كامل": the name after the title and its organisation
                e = min(e, w.index_at(nxt[1].end) - 1)
            elif nxt is not None and nxt[0] is not ent[0]:
                e = last  # "وتعتبر تركيا وحدات حماية الشعب فرعاً": another entity is the object
            else:
                e = max(last, min(e, extend_np(w, last, e) or last))
        for k in range(e, s, -1):
            n = w.norm(k)
            if k == e and any(c in COMMAS for c in w.punct_before(k)) and (self.object_like(k) or (
                    not n.startswith(ARTICLE_WA) and not head_kind(w, k) and not w.entity_at(k)
                    and bare(n) not in self.names and not w.toks[k].is_number and len(n) > 3
                    and k == e and e - s >= 2)):
                e = k - 1  # "استبعد ... أديب الشيشكلي، إمكانية أن": the object after the comma
                break
        if not named_after:
            e = self.name_before_object(s, e)  # "أكد الوزير فلان حرص دول المجلس على"
        if e < lim and lim - e <= self.NAME_TAIL and self.person_at(e) \
                and is_nisba(w.norm(lim)) and not w.place_at(w.span(lim, lim)) \
                and all(self.name_word(k) for k in range(e + 1, lim + 1)):
            e = lim  # "وزير الإدارة المحلية عبدالرقيب سيف فتح الأسودي إن": the name runs to the opener
        if e < lim and (head_kind(w, s) or ("",))[0] in ("named", "role") \
                and any(c in COMMAS for c in w.punct_before(e + 1)):
            e = self.apposition(e, lim)  # "وقال المتحدث باسم الجبهة، فلان الفلاني، في تصريح إن"
        src = make_source(w, s, e, self.names)
        if s == e and not src.supported and ("\u064b" in w.toks[s].text or w.norm(s) in ADVERBS
                                               or w.norm(s) in lex.stops):
            return None  # an adverb ("تماماً"), not a speaker ("تركيا" is one)
        if channel is not None:
            src.attrs["channel"] = channel
        return src

    def member_of(self, s: int, ent: tuple, last: int, nxt: tuple, e: int) -> bool:
        """"عضو الائتلاف الوطني فلان الفلاني إن": one unnamed member (a singular head at token ``s``)
        of the organisation ``ent`` ending at token ``last``, named by the person ``nxt`` right
        after it, who ends the phrase (token ``e``)."""
        w = self.w
        n = w.norm(s)
        return ent[0].kind in ("organization", "actor") and w.index_at(nxt[1].start) == last + 1 \
            and w.index_at(nxt[1].end) - 1 == e and not n.endswith(PLURAL_NOUN_ENDINGS) and n not in FEM_PLURALS

    #: rank words between a title and the name after it ("العميد الركن فلان")
    RANK_WORDS = 2

    def rank_and_name(self, end: int, limit: int) -> int:
        """A title's phrase ending at token ``end`` goes on over rank words and a person's
        mention right after them ("العميد الركن صالح علي حسن"): the mention's last token
        (within ``limit``), else :meth:`name_after`."""
        w, lex = self.w, self.lex
        hk = head_kind(w, end) or next((head_kind(w, k) for k in range(max(0, end - 3), end) if head_kind(w, k)), None)
        if hk is None or hk[0] not in ("named", "role"):
            return end
        k = end + 1
        while k <= min(limit, end + self.RANK_WORDS) and not w.punct_before(k) and not w.in_entity(k) \
                and w.norm(k).startswith(ARTICLE) and not head_kind(w, k) and w.norm(k) not in lex.stops \
                and w.norm(k) not in lex.forms and w.norm(k) not in lex.not_source:
            k += 1
        if k <= limit and not w.punct_before(k) and self.person_at(k):
            last = w.index_at(w.entity_at(k)[1].end) - 1
            if last <= limit:
                return last
        return self.name_after(end, limit)

    def channel_first(self, i: int, j: int) -> tuple[int, Span] | None:
        """A channel opening the phrase i..j ("لـ«عكاظ»", "لـ(الشرق)", then a time and a comma:
        "لـ"الصحيفة" أمس،"): (the token after it, the outlet's span); else None."""
        w = self.w
        if w.norm(i) != LI or i + 1 > j or not w.same_sentence(i, i + 1):
            return None
        close = quoted_end(w, i + 1)
        if close is None and "(" in w.punct_before(i + 1):
            close = next((k for k in range(i + 1, min(j, i + 4) + 1) if ")" in w.gap(k + 1)), None)
        if close is None or close + 1 > j:
            return None
        outlet = w.span(i + 1, close)
        k = close + 1
        while k < j and (w.in_time(k) or w.norm(k) in TIME_WORDS):
            k += 1
        return k, outlet

    def name_before_object(self, s: int, e: int) -> int:
        """Where a source from token s to e ends when a name inside it is followed by an
        object ("أكد الوزير فلان حرص دول المجلس على", "إعلان الولايات المتحدة نشر"):
        the name's last token (the last such name); else e."""
        w = self.w
        for k in range(e - 1, s, -1):
            ent = w.entity_at(k)
            if ent is not None and w.index_at(ent[1].end) - 1 == k and self.object_like(k + 1):
                return k
        return e

    def source_before(self, i: int) -> Source | None:
        """A subject standing right before the verb at token i (SVO)."""
        w = self.w
        if w.norm(i)[:1] in CONJ and w.norm(i)[1:] in self.lex.forms:
            return None
        last = i - 1
        while last >= 0 and w.norm(last) in QAD_FORMS:
            last -= 1
        if last > 0 and last == i - 1 and w.norm(last) in KANA and not w.punct_before(i) and not w.punct_before(last) \
                and w.same_sentence(last - 1, i):
            last -= 1  # "الأمريكان كانوا يقولون إنها": the subject before the auxiliary
        if last < 0 or not w.same_sentence(last, i):
            return None
        if last < i - 1:
            kana = self.kana_subject(i)
            if kana is not None:
                return kana
        t = last
        while t > 0 and w.same_sentence(t - 1, i) and not w.punct_before(t) and not w.punct_before(t + 1) \
                and (w.in_time(t) or w.norm(t) in TIME_WORDS):
            t -= 1
        if t < last and head_kind(w, t - (1 if is_nisba(w.norm(t)) and t > 0 else 0)):
            last = t  # "تقارير صحافية الأسبوع الماضي تفيد": a time between the subject and its verb
        gap = w.punct_before(last + 1)
        if gap and not all(c in ")»”\"" for c in gap):
            return None
        for h in range(max(0, last - 5), last + 1):
            if not w.same_sentence(h, i):
                continue
            if any(w.punct_before(k) and not all(c in "()«»“”\"" for c in w.punct_before(k))
                   for k in range(h + 1, last + 1)):
                continue
            if self.in_relative_clause(h):
                # "نتائج المباحثات التي أجراها مع الوزير تؤكد", "التقارير التي يعكف عليها الائتلاف
                # أوردت": the phrase belongs to a relative clause; the verb's subject is its noun
                return None
            if self.known_speaker(h, last):
                # "عيدان طالب القاضي", "أن مجموعة العمل وثقت": a speaker of an earlier claim
                src = make_source(w, h, last, self.names)
                src.supported = True
                return src
            if head_kind(w, h) or w.entity_at(h) or (h == last and bare(w.norm(h)) in self.names):
                end = extend_np(w, h, last)
                if end is not None and end < last and self.skip_places(end + 1) == last + 1 \
                        and (head_kind(w, h) or ("", ""))[0] == "organization":
                    end = last  # "دائرة الأوقاف في القدس أكدت": a place after the phrase
                lex = self.lex
                if end == last or (last - h <= 2 and not any(
                        w.norm(k) in lex.stops or w.norm(k) in lex.not_source or w.norm(k) in lex.forms
                        for k in range(h + 1, last + 1))):
                    return make_source(w, h, last, self.names)
        return None

    def in_relative_clause(self, h: int) -> bool:
        """Token h follows a relative pronoun and its verb in the same clause
        ("التي أجراها مع [h]", "التي يعكف عليها [h]"), with no punctuation between."""
        return self.relative_before(h) is not None

    def relative_before(self, h: int) -> int | None:
        """The relative pronoun of the clause token h stands in (see :meth:`in_relative_clause`)."""
        w = self.w
        for k in range(h - 1, max(-1, h - RELATIVE_CLAUSE_REACH - 1), -1):
            if not w.same_sentence(k, h) or w.punct_before(k + 1) or w.norm(k) in CONTRAST_WORDS:
                return None  # "... التي خسرتها في بنغازي لكن منتقدين يقولون": a new clause
            if w.norm(k) in RELATIVES:
                return k if k + 1 < h else None  # the pronoun, then at least its verb, before h
        return None

    def relative_head(self, k: int) -> Source | None:
        """The noun phrase a relative pronoun at token k refers to ("نتائج المباحثات التي"), as a source."""
        w = self.w
        last = k - 1
        for h in range(max(0, last - 5), last + 1):
            if not w.same_sentence(h, k) or any(w.punct_before(t) for t in range(h + 1, k + 1)):
                continue
            if head_kind(w, h) or w.entity_at(h):
                if extend_np(w, h, last) == last:
                    return make_source(w, h, last, self.names)
        return None

    def known_speaker(self, a: int, b: int) -> bool:
        """Tokens a..b repeat the source of an earlier claim (all of it, or the
        last word of a name)."""
        w = self.w
        phrase = " ".join(w.norm(k) for k in range(a, b + 1))
        for d in self.drafts:
            words = fold_key(d.source.span.text).split()
            if not words:
                continue
            if phrase == " ".join(words) or (a == b and d.source.kind == "named" and len(words) > 1
                                             and phrase == words[-1] and not phrase.startswith(ARTICLE)):
                return True
            if a == b and d.source.kind == "named" and len(words) > 1 and phrase == words[-1] and is_nisba(phrase) \
                    and (d.source.entity is not None or not words[-2].startswith(ARTICLE)):
                return True  # a surname with the article ("الصرخي" after "محمود الحسني الصرخي", "عادل الجبير")
        return False

    def pre_subject(self, i: int) -> Source | None:
        """A subject that must stand before the verb at token i: after a
        sentence-opening كان ("وكانت الوزارة قد أعلنت"), or the noun a relative
        pronoun refers to ("الحكومة التي اعتبرت")."""
        w = self.w
        prev = w.norm(i - 1) if w.same_sentence(i - 1, i) else ""
        side = self.side_fronted(i)
        if side is not None:
            return side
        if prev in QAD_FORMS:
            return self.kana_subject(i)
        if prev in GENERIC_OPENERS and w.same_sentence(i - 2, i) and w.norm(i - 2) in SABAQA \
                and not w.punct_before(i) and not w.punct_before(i - 1):
            # "نبيه بري، سبق أن أكد استعداد لبنان", "وكان الوزير سبق أن أكد": the subject before "سبق"
            src = self.kana_subject(i - 2, qad=False) or self.source_before(i - 2) \
                or self.phrase_before_comma(i - 2)
            return src if src is not None and src.supported else None
        if prev and set(w.punct_before(i)) <= set(COMMAS) and w.norm(i)[:1] not in CONJ:
            kana = self.kana_subject(i, qad=False) or self.fronted_subject(i)  # "وكان قائد عسكري قال لـ«القناة» إن"
            if kana is not None:
                return kana
        if prev[:1] in CONJ and prev[1:] in RELATIVES and any(c in COMMAS for c in w.punct_before(i - 1)):
            prev = prev[1:]  # "داعش، والذي أعلن مسؤوليته عن ..."
        if prev not in RELATIVES or head_kind(self.w, i + 1) or self.w.entity_at(i + 1):
            return None  # "التي صرح الوزير بأن": the relative clause has its own subject
        last = i - 2
        for h in range(max(0, last - 6), last + 1):
            if not w.same_sentence(h, i) or any(w.punct_before(k) and not all(c in "()«»“”\"" + COMMAS for c in
                                                                             w.punct_before(k))
                                                for k in range(h + 1, last + 1)):
                continue
            if head_kind(w, h) or w.entity_at(h):
                end = extend_np(w, h, last)
                if end == last:
                    if (self.cue_at(h - 1) or Cue("", "", "")).family == "verb" and w.same_sentence(h - 1, h):
                        return None  # "ووصف الأنباء التي تحدثت عن ...": reports another speaker judges
                    src = make_source(w, h, last, self.names)
                    return src if src.supported else None
        return None

    def skip_places(self, k: int) -> int:
        """Past a place phrase at token k ("في قرية كذا بريف حلب الشمالي"): the next token."""
        w, feats = self.w, self.lex.extra_features
        places = [m for _, m in w.doc.mentions("place")]
        start = k
        while k < len(w) and w.same_sentence(start, k) and (k == start or not w.punct_before(k)):
            n = w.norm(k)
            t = w.toks[k]
            if any(m.start <= t.start < m.end or m.start < t.end <= m.end for m in places):
                k += 1
            elif n in PLACE_PREPS or k > start and is_nisba(n) and n.startswith(ARTICLE):
                k += 1
            elif bare(n) in feats or (n[:1] in FEATURE_PREPS and bare(n[1:]) in feats):
                k += 2 if k + 1 < len(w) and not w.punct_before(k + 1) else 1  # the feature and its name
            else:
                break
        return k if k < len(w) and w.same_sentence(start, k) else start

    def only_setting(self, a: int, b: int) -> bool:
        """Tokens a..b are only the setting of a saying (time, "في بيان", adverbs)."""
        w, lex = self.w, self.lex
        k = a
        while k <= b:
            t = self.match_phrase(k, lex.tails)
            if t is not None:
                k = t + 1
                continue
            n = w.norm(k)
            if not (w.in_time(k) or n in TIME_WORDS or n in ADVERBS or w.toks[k].is_number
                    or n in lex.not_source and n not in DEMONSTRATIVE_OBJECTS):
                return False
            k += 1
        return True

    def ends_clause(self, k: int) -> bool:
        """Token k is the last of its clause (a comma, a full stop or the end after it)."""
        w = self.w
        return not w.same_sentence(k, k + 1) or any(c in CLAUSE_MARKS + ".:" for c in w.punct_before(k + 1))

    def kana_subject(self, i: int, qad: bool = True) -> Source | None:
        """"وكانت جبهة النصرة ... قد أعلنت": the subject after كان opening the sentence;
        with ``qad`` false, one with no "قد" before the verb, the phrase running up to it
        ("وكان قائد عسكري ميداني قال")."""
        w = self.w
        t0 = w.index_at(w.sentence_span(i).start)
        last = i - 2 if qad else i - 1
        if i - t0 > 20 or not stems(w.norm(t0))[-1] in KANA or last < t0 + 1:
            return None
        if any(w.norm(k) in GENERIC_OPENERS or self.cue_at(k) for k in range(t0 + 1, last + 1)):
            return None  # "وكان فلان قد قال إن شريكه قد أبلغه": the later verb has its own subject
        end = extend_np(w, t0 + 1, last)
        if end is not None and not qad:
            if end < last:
                end = self.apposition(end, last)  # "وكان الرئيس التركي، فلان، قال"
            if end != last or any(set(w.punct_before(k)) - set(COMMAS) for k in range(t0 + 1, last + 2)) \
                    or (w.punct_before(last + 1) and not any(w.punct_before(k) for k in range(t0 + 1, last + 1))):
                return None  # the phrase runs up to the verb, set off by commas only as an apposition
        if end is None:
            return None
        end = self.name_after(end, i - 2)
        src = make_source(w, t0 + 1, end, self.names)
        if not qad:
            src.attrs["kana_bare"] = True
        return src if src.supported else None

    def fronted_subject(self, i: int) -> Source | None:
        """"وكان المرصد، أكد أن", "غير أن مسؤولاً أميركياً، رفض نشر اسمه، قال إن": a subject after a
        sentence-opening كان or a contrast word (``fronting`` in particles.tsv) that a comma sets off from
        its verb at token i, asides between commas allowed; the verb has no subject after it."""
        w = self.w
        if not any(c in COMMAS for c in w.punct_before(i)) or set(w.punct_before(i)) - set(COMMAS):
            return None
        k = i + 1
        while k < len(w) and w.same_sentence(i, k) and not w.punct_before(k) and (w.in_time(k) or w.norm(k) in TIME_WORDS):
            k += 1
        if w.norm(k).startswith(LI) and not w.norm(k).startswith(LIL):  # "قال أمس لصحيفة «X»، إن"
            j = next((j for j in range(k + 1, min(len(w), k + 5)) if w.norm(j) in GENERIC_OPENERS
                      or set(w.punct_before(j)) - set("«»“”\"")), None)
            k = j if j is not None else k
        if k >= len(w) or not w.same_sentence(i, k) or head_kind(w, k) or w.entity_at(k) \
                or bare(w.norm(k)) in self.names:
            return None  # "وكان الهجوم، قال المصدر إن": the verb's own subject follows it
        q = quoted_end(w, k) if any(c in OPEN_QUOTES for c in w.punct_before(k)) else None
        if q is not None and q - k < 3:
            return None  # "، قال «لواء شهداء الإسلام» إنه": a quoted name is the subject
        t0 = w.index_at(w.sentence_span(i).start)
        s = None
        for h in range(max(t0, i - FRONTED_REACH), i - 1):
            if h > t0 and not any(c in COMMAS for c in w.punct_before(h)):
                continue
            n = w.norm(h)
            if stems(n)[-1] in KANA and h == t0 or n in FRONTING:
                s = h + 1
            elif f"{n}_{w.norm(h + 1)}" in FRONTING and not w.punct_before(h + 1):
                s = h + 2
        if s is None or s >= i or w.punct_before(s):
            return None
        c = next((t for t in range(s + 1, i + 1) if w.punct_before(t)), i)
        if c == s or set(w.punct_before(c)) - set(COMMAS) - set("«»“”\"") or not any(
                ch in COMMAS for ch in w.punct_before(c)):
            return None
        if any(w.norm(t) in GENERIC_OPENERS for t in range(s, i)):
            return None  # content between: "لكن الوزير الذي قال إن ...، أكد"
        if any(set(w.punct_before(t)) - set(COMMAS) - set("«»“”\"()") for t in range(s + 1, i)):
            return None
        src = self.source_between(s, c - 1)
        if src is None or not src.supported or src.span.start != w.toks[s].start or src.kind == "document":
            return None
        e = w.index_at(src.span.end) - 1
        if e == c - 1 and self.apposition(e, i - 1) > e:  # "إلا أن رئيس اللجنة، فلان الفلاني، قال"
            src = make_source(w, s, self.apposition(e, i - 1), self.names)
        src.attrs["kana_bare"] = True
        return src

    #: words of a name no person mention covers ("رشاد الشرعبي")
    BARE_NAME_WORDS = 3

    def bare_name(self, k: int, e: int, set_off: bool = False) -> bool:
        """Are tokens k..e (the end of the phrase) a name of two or three words that
        no mention covers: no punctuation (``set_off``: but a comma before it), entity, time,
        number, preposition or known word?"""
        w, lex = self.w, self.lex
        if not 2 <= e - k + 1 <= self.BARE_NAME_WORDS:
            return False
        for j in range(k, e + 1):
            n = w.norm(j)
            if (w.punct_before(j) and not (set_off and j == k) or w.entity_at(j) or w.in_time(j) or w.toks[j].is_number or head_kind(w, j)
                    or n in lex.stops or n in lex.forms or n in lex.not_source or n in PLACE_PREPS
                    or n in _prep_words()):
                return False
        return True

    #: name words after a person's mention that still belong to the name ("عبدالرقيب سيف فتح الأسودي")
    NAME_TAIL = 2

    def name_word(self, k: int) -> bool:
        """Token k can go on a name: no punctuation, mention, time, number, title or known word."""
        w, lex = self.w, self.lex
        n = w.norm(k)
        return not (w.punct_before(k) or n.startswith(LIL) or w.entity_at(k) or w.in_time(k) or w.toks[k].is_number or head_kind(w, k)
                    or n in lex.stops or n in lex.forms or n in lex.not_source or n in PLACE_PREPS
                    or n in _prep_words() or n in SAYING or n in QAILAN_FORMS or self.cue_at(k) is not None)

    def person_at(self, k: int) -> bool:
        """Token k lies in a person's mention."""
        em = self.w.entity_at(k)
        return em is not None and em[0].kind == "person"

    def name_after(self, end: int, limit: int) -> int:
        """A title's phrase ending at token ``end`` goes on over the name after it, up to
        ``limit`` ("المتحدث باسم الحكومة راجح بادي"): known name words or a person's mention."""
        w = self.w
        hk = next((head_kind(w, k) for k in range(max(0, end - 4), end + 1) if head_kind(w, k)), None)
        if hk is None or hk[0] not in ("named", "role"):
            return end
        k = end
        while k + 1 <= limit and not w.punct_before(k + 1) and (bare(w.norm(k + 1)) in self.names or self.person_at(k + 1)):
            k += 1
        n = w.norm(k + 1) if k + 1 <= limit else ""
        if k > end and n and not w.punct_before(k + 1) and is_nisba(n) and not head_kind(w, k + 1) \
                and n not in self.lex.forms and n not in self.lex.stops and not w.in_time(k + 1):
            k += 1  # a family name after the first name: "راجح بادي"
        return k

    def clause_subject(self, i: int, documents: bool = False) -> Source | None:
        """"وانتقدت الجبهة الخطة، معتبرة أن", "من جهته، أدان الوزير، فلان، الهجوم،
        مؤكداً": the subject of the verb that opens the sentence of token i."""
        w = self.w
        t0 = w.index_at(w.sentence_span(i).start)
        # an opening phrase closed by a comma: "من جهته،", "وفي ريف حلب،"
        if stems(w.norm(t0))[-1] in OPENING_WORDS:
            for k in range(t0 + 1, min(i, t0 + 6)):
                if any(c in COMMAS for c in w.punct_before(k)):
                    if not any(self.cue_at(t) for t in range(t0, k)):
                        t0 = k
                    break
            else:
                if t0 + 2 < i and w.norm(t0 + 1) in SIDE_WORDS and not w.punct_before(t0 + 2):
                    t0 += 2  # "من جانبه رفض السفير فلان التصريحات، مؤكدا": no comma after the phrase
        if stems(w.norm(t0))[-1] == KAMA and t0 + 1 < i:
            t0 += 1  # "كما أدان الرئيس الهجوم، ووصفه بـ"
        if i - t0 > CLAUSE_REACH or i - t0 < 2 or self.cue_at(t0) is not None and t0 == i:
            return None
        n0 = stems(w.norm(t0))[-1]
        if n0 in PREPOSITIONS or n0 in OPENING_WORDS or n0 in self.lex.not_source or head_kind(w, t0) \
                or w.entity_at(t0) or n0 in self.lex.stops:
            return None  # not a verb: a nominal sentence or a phrase
        first = t0 + 1
        while first < i and (w.norm(first) in QAD_FORMS or w.in_time(first)
                             or w.norm(first) in TIME_WORDS):
            first += 1
        if not (head_kind(w, first) or w.entity_at(first) or quoted_end(w, first) is not None
                or bare(w.norm(first)) in self.names):
            return None  # "ووجه انتقادات لحزب ...": an object, the subject is left out
        end = extend_np(w, first, i - 1)
        if end is None:
            return None
        end = self.apposition(self.rank_and_name(end, i - 1), i - 1)
        src = make_source(w, first, end, self.names)
        return src if src.supported and (documents or src.kind != "document") else None

    def folded_title(self, i: int, j: int) -> bool:
        """Token i, a title that folds to a preposition ("إمام" as "أمام"), is a title
        after a saying verb: a partner title joins it with "و" ("إمام وخطيب المسجد"),
        or it is written with hamza below and a head or name follows before j."""
        w, lex = self.w, self.lex
        if i >= j or not any(fold_key(t) == w.norm(i) for t in lex.preposition_titles):
            return False
        nxt = w.norm(i + 1)
        if not w.punct_before(i + 1) and nxt.startswith(WA) and nxt[len(WA):] in lex.title_partners:
            return True
        return w.toks[i].text in lex.preposition_titles and any(
            head_kind(w, k) or w.entity_at(k) for k in range(i + 1, j + 1))

    def named_apposition(self, a: int, b: int) -> bool:
        """A title or role follows a name in tokens a..b ("كفاح محمود المستشار الإعلامي"):
        the word opening the phrase is a name, even one that looks like ك/ب/ل + word."""
        w = self.w
        return any(not w.punct_before(k) and (head_kind(w, k) or ("", ""))[0] in ("named", "role")
                   for k in range(a + 1, b + 1))

    def side_fronted(self, i: int) -> Source | None:
        """"وزارة الخارجية، من جهتها، أكدت أن", "والجيش من جهته أكد أن": the subject opens the
        sentence, "on its part" stands between it and the verb at token i (commas around it or none);
        the phrase runs from the sentence start up to "من"."""
        w = self.w
        if i < 3 or w.norm(i - 2) != MIN or w.norm(i - 1) not in SIDE_WORDS or not w.same_sentence(i - 3, i) \
                or w.norm(i)[:1] in CONJ and w.norm(i)[1:] in self.lex.forms:
            return None
        if w.punct_before(i - 1) or set(w.punct_before(i)) - set(COMMAS) \
                or set(w.punct_before(i - 2)) - set(COMMAS) or bool(w.punct_before(i)) != bool(w.punct_before(i - 2)):
            return None  # the side phrase set off by two commas or by none
        t0 = w.index_at(w.sentence_span(i).start)
        if i - 3 - t0 >= MAX_SOURCE or any(w.punct_before(k) for k in range(t0 + 1, i - 2)):
            return None
        src = self.source_between(t0, i - 3)
        if src is None or not src.supported or src.kind == "document" or src.span.end != w.toks[i - 3].end:
            return None
        return src

    def phrase_before_comma(self, i: int) -> Source | None:
        """"جاء ذلك في بيان أصدره الأمين العام فلان، وقال فيه": the speaker
        phrase (with its apposition) that ends at the comma right before the
        verb at token i; the leftmost such phrase in the sentence."""
        w = self.w
        if not any(c in COMMAS for c in w.punct_before(i)):
            return None
        t0 = w.index_at(w.sentence_span(i).start)
        for h in range(max(t0, i - 15), i):
            if w.norm(h) in self.lex.stops or w.norm(h) in self.lex.not_source:
                continue
            hk = head_kind(w, h)
            if not ((hk is not None and hk[0] in ("named", "role", "organization")) or w.entity_at(h)):
                continue
            end = extend_np(w, h, i - 1)
            if end is None:
                continue
            while end < i - 1 and not w.punct_before(end + 1) and (
                    (head_kind(w, end + 1) or ("document", ""))[0] != "document" or w.entity_at(end + 1)):
                end = extend_np(w, end + 1, i - 1) or end + 1  # "الأمين العام للاتحاد الدكتور فلان"
            if end < i - 1:
                end = self.apposition(end, i - 1)
            if end < i - 1:
                end = self.stacked_name(end, i - 1)
            if end != i - 1 or any(c not in COMMAS and not c.isspace()
                                   for k in range(h + 1, end + 1) for c in w.punct_before(k)):
                continue  # the phrase and its apposition run up to the comma, with no other mark inside
            src = make_source(w, h, end, self.names)
            if src.supported and src.kind != "document":
                return src
        return None

    #: appositions set off by commas before the name that closes them
    STACKED_APPOSITIONS = 3

    def stacked_name(self, end: int, limit: int) -> int:
        """"رئيس البرلمان الممدد، وحليف الحكومة، فلان الفلاني،": appositions set off by commas
        after a title's phrase ending at token ``end``, the last of them a name ending at ``limit``:
        ``limit``, else ``end``."""
        w = self.w
        a = end + 1
        while a <= min(limit, end + 2) and not w.punct_before(a) and w.norm(a).startswith(ARTICLE) \
                and w.norm(a) not in self.lex.stops:
            a += 1  # a modifier the phrase left out: "الممدد"
        for _ in range(self.STACKED_APPOSITIONS):
            if a > limit or not any(c in COMMAS for c in w.punct_before(a)):
                return end
            b = next((k - 1 for k in range(a + 1, limit + 2) if k > limit or w.punct_before(k)), limit)
            if b - a >= self.BARE_NAME_WORDS + 2 or (b < limit and not set(w.punct_before(b + 1)) <= set(COMMAS)) \
                    or self.cue_at(a) is not None or w.norm(a) in self.lex.stops:
                return end
            if b == limit:
                named = self.person_at(a) or self.bare_name(a, b, set_off=True) or all(bare(w.norm(t)) in self.names
                                                                         for t in range(a, b + 1))
                return limit if named else end
            a = b + 1
        return end

    def apposition(self, end: int, limit: int) -> int:
        """", اللواء فلان الفلاني،" after a source phrase: the last token of
        the named apposition, else ``end``."""
        w = self.w
        k = end + 1
        while k <= min(limit, end + 5) and not w.punct_before(k) \
                and (w.norm(k).startswith(MODIFIER_PREFIXES) or w.in_entity(k)) \
                and w.norm(k) not in self.lex.stops and w.norm(k) not in self.lex.forms:
            k += 1  # modifiers the phrase left out: "في الحكومة المؤقتة،", "العام للقوات المسلحة،"
        if k > limit or not any(c in COMMAS for c in w.punct_before(k)):
            return end
        for j in range(k, min(limit, k + 5) + 1):
            if not w.same_sentence(k, j) or (j > k and w.punct_before(j)):
                return end
            at_end = j == limit and (j + 1 >= len(w) or not w.same_sentence(j, j + 1))  # "، اللواء فلان."
            if at_end or j + 1 <= limit + 1 and any(c in COMMAS for c in w.punct_before(j + 1)):
                hk = head_kind(w, k)
                named = (hk is not None and hk[0] in ("named", "role")) or bool(w.entity_at(k)) \
                    or any(bare(w.norm(t)) in self.names for t in range(k, j + 1))
                return j if named else end
        return end

    def antecedent(self, i: int, reach: int = PRODROP_SENTENCES) -> Draft | None:
        """The latest claim within reach whose source agrees in gender with
        the verb ("وأضافت" -> "المصادر", "وأضاف" -> "المصدر"); else the latest
        unless that one surely has the other gender (a name ending in ة may be a man's: "أسامة")."""
        sent = self.w.sent[i]
        near = [d for d in reversed(self.drafts) if d.cue_i < i and self.sentences_between(self.w.sent[d.cue_i], sent) <= reach
                and not d.attrs.get("reported") and not self.quoted_inside(d)
                and not (self.w.sent[d.cue_i] != sent and self.embedded(d))]  # (in its own sentence a participle
        # goes on from the claim said inside: "وأضاف البيان أن الوزير شدد على ...، معتبراً أن")
        if not near:
            return None
        g = verb_gender(self.w.norm(i))
        if g is not None:
            for d in near:
                if source_gender(d.source) in (g, None):
                    return d
                if d.relay is not None and source_gender(d.relay) == g:
                    # "ونقلت صحيفة X عن مصدر مطلع ... وأشارت إلى": the outlet that relayed goes on
                    return replace(d, source=d.relay, relay=None)
            if reach > 0 and self.surely_other(near[0].source, g):
                return None  # "وأكدت مصادر ... الذي أقر ... واعترف بـ": no speaker of this gender near
        return near[0]

    def embedded(self, d: Draft) -> bool:
        """The cue of ``d`` stands inside the content of an earlier claim of its sentence, with no mark
        between ("وقالت المصادر إن القائد فلان أبلغ اللجنة بأنه ..."): said in another's words, it
        speaks for no follow-on cue of a later sentence."""
        w = self.w
        if w.norm(d.cue_i)[:1] in CONJ:
            return False
        for e in self.drafts:
            if e is d or e.cue_i >= d.cue_i or not w.same_sentence(e.cue_i, d.cue_i) or e.before:
                continue
            k = w.index_at(e.content_start)
            if e.content_start <= d.cue.start and k < d.cue_i \
                    and not any(w.punct_before(t) for t in range(k + 1, d.cue_i + 1)):
                return True
        return False

    def sentences_between(self, a: int, b: int) -> int:
        """Sentences from sentence a to sentence b, less the subheadings between them (a
        short line of its own with no stop: "تصميم الثوار"), which break no speech."""
        heads = self.__dict__.get("_headings")
        if heads is None:
            heads = self.__dict__["_headings"] = self.headings()
        return b - a - sum(1 for k in heads if a < k < b)

    def headings(self) -> frozenset[int]:
        """Indices of the sentences that are subheadings: a line of at most HEADING_WORDS
        words, alone between line breaks, with no final stop."""
        text, out = self.w.doc.text, set()
        for k, sp in enumerate(self.w.sents):
            line_start = text.rfind("\n", 0, sp.start) + 1
            line_end = text.find("\n", sp.end)
            after = text[sp.end: line_end if line_end >= 0 else len(text)]
            if not text[line_start: sp.start].strip() and not after.strip() and len(sp.text.split()) <= HEADING_WORDS \
                    and sp.text.rstrip()[-1:] not in ".!?:»\"”" + QUESTION_MARK:
                out.add(k)
        return frozenset(out)

    def quoted_inside(self, d: Draft) -> bool:
        """The cue of ``d`` stands inside the quotation another speaker's claim in its sentence
        opens with ("وأفاد فلان "... وقد كشفت المقاومة عن ..."". وأبان ..."): a saying
        reported in that quotation, no speaker for the follow-on cues after it."""
        text = self.w.doc.text
        for h in self.drafts:
            if h is d or h.cue_i >= d.cue_i or h.content_start >= d.cue.start \
                    or self.w.sent[h.cue_i] != self.w.sent[d.cue_i]:
                continue
            q = text[h.content_start: h.content_start + 1]
            if q not in OPEN_QUOTES:
                continue
            between = text[h.content_start: d.cue.start]
            if "\n" in between:
                continue
            close = OPEN_QUOTES[q]
            inside = between.count(q) % 2 == 1 if close == q else between.count(q) > between.count(close)
            if inside:
                return True
        return False

    def surely_other(self, src: Source, g: str) -> bool:
        """The source surely does not take a verb of gender ``g``: a masculine verb and
        a plural such as "مصادر", or a feminine verb and a man ("الوزير"; an outlet's
        gender is that of its left-out "وكالة": "الأناضول ... وقالت")."""
        words = src.span.text.split()
        if not words:
            return False
        plural = bare(fold_key(words[0])) in FEM_PLURALS
        return (g == "m" and plural) or (g == "f" and source_gender(src) == "m" and src.kind in ("named", "anonymous"))

    def same_sentence_claim(self, i: int) -> bool:
        return bool(self.drafts) and self.w.sent[self.drafts[-1].cue_i] == self.w.sent[i]

    def inherit(self, ante: Draft) -> Source:
        s = ante.source
        return Source(s.span, s.kind, s.entity, s.head, True,
                      {"antecedent": ante, "prodrop": True})

    def corefer(self, src: Source) -> None:
        """Link "المصدر" / a surname to the earlier full mention."""
        toks = src.span.text.split()
        if len(toks) > 3:
            return
        first = fold_key(toks[0])
        for d in reversed(self.drafts):
            if d.source.span.start >= src.span.start:
                continue
            prev = d.source
            if first.startswith(ARTICLE) and prev.head and bare(first) == bare(prev.head) \
                    and not fold_key(prev.span.text).startswith(ARTICLE):
                src.entity, src.kind = src.entity or prev.entity, prev.kind
                src.attrs["antecedent"] = d
                return
            if len(toks) == 1 and first.startswith(ARTICLE) and prev.entity and src.entity is None \
                    and fold_key(prev.span.text.split()[0]) == first:
                # "وقال الرئيس" after "الرئيس التركي رجب طيب أردوغان": the same person
                src.entity, src.kind = prev.entity, prev.kind
                src.attrs["antecedent"] = d
                return
            if bare(first) in self.names and bare(first) in {bare(t) for t in fold_key(prev.span.text).split()}:
                src.entity, src.kind = src.entity or prev.entity, prev.kind
                src.attrs["antecedent"] = d
                return

    def subject_for(self, i: int, reach: int = 1) -> Source | None:
        """Who says what a participle or a verb without a subject says: the
        claim before it in its sentence, else the subject of the verb that
        opens the sentence ("وتبنت الجماعة الهجوم، مؤكدة أن"), else the last
        claim within ``reach`` sentences."""
        last = self.antecedent(i, 0)  # the latest claim in this sentence
        if last is not None and self.w.sent[last.cue_i] == self.w.sent[i]:
            inner = self.embedded_subject(i, last)
            if inner is not None:
                return inner
        ante = self.antecedent(i, reach)
        if ante is not None and self.w.sent[ante.cue_i] == self.w.sent[i]:
            return self.inherit(ante)
        src = self.clause_subject(i)
        if src is not None:
            return src
        if ante is not None:
            return self.inherit(ante)
        return self.previous_subject(i) if reach > 1 else None

    def previous_subject(self, i: int) -> Source | None:
        """"استقبل الوزير فلان الوفد. وقال إن ...": with no claim before it, a verb
        without a subject speaks for the subject of the verb opening the sentence
        before (in the same paragraph, or the last of the paragraph before when
        the verb opens its own), when their genders agree."""
        w = self.w
        k = w.sent[i]
        if k == 0:
            return None
        start = w.sents[k].start
        t0 = w.index_at(start)
        prev_last = t0 - 1
        if prev_last < 0 or (("\n" in w.doc.text[w.toks[prev_last].end:start]) and not self.opens_sentence(i)):
            return None
        p0 = w.index_at(w.sentence_span(prev_last).start)
        src = self.clause_subject(min(prev_last, p0 + 30))
        if src is None:
            return None
        g = verb_gender(w.norm(i))
        if g is not None and source_gender(src) not in (g, None):
            return None
        src.attrs["prodrop"] = True
        return src

    def opens_sentence(self, i: int) -> bool:
        """The verb at token i opens its sentence, or follows an opening phrase
        closed by a comma ("من جهة أخرى، لفت إلى أن")."""
        w = self.w
        t0 = w.index_at(w.sentence_span(i).start)
        if i == t0:
            return True
        return i - t0 <= 5 and stems(w.norm(t0))[-1] in OPENING_WORDS and any(c in COMMAS for c in w.punct_before(i)) \
            and not any(w.punct_before(k) for k in range(t0 + 1, i))

    def embedded_subject(self, i: int, ante: Draft) -> Source | None:
        """"كشف الوزير أن المنظمة عاينت القناة، وأكدت أنها ...": a verb inside the
        content of a claim whose speaker's gender it does not share speaks for the
        subject of that content (the phrase right after its "أن")."""
        w = self.w
        g = verb_gender(w.norm(i))
        g_ante = source_gender(ante.source)
        if g_ante is None:  # a person named by the actors stage: the gender of its title
            hk = head_kind(w, w.index_at(ante.source.span.start))
            g_ante = "m" if hk is not None and hk[0] in ("named", "role") and not fold_key(
                ante.source.span.text.split()[0]).endswith(FEMININE) else None
        if g is None or g_ante in (g, None):
            return None
        k = w.index_at(ante.content_start)
        if not (ante.content_start <= w.toks[k].start and stems(w.norm(k))[-1] in GENERIC_OPENERS and k + 1 < i):
            return None
        h = k + 1
        if not (head_kind(w, h) or w.entity_at(h)):
            return None
        end = extend_np(w, h, i - 1)
        if end is None:
            return None
        src = make_source(w, h, end, self.names)
        sg = source_gender(src)
        return src if src.supported and (sg == g or sg is None and src.entity is not None) else None

    def inside_source(self, i: int) -> bool:
        """Token i lies between the cue and the content of the last claim."""
        if not self.drafts:
            return False
        d = self.drafts[-1]
        return d.cue.end <= self.w.toks[i].start < d.content_start and not d.before
