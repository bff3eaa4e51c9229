"""Prepositional cues and chains: "بحسب مصادر ...", "بحسب ما أفاد X", "كما قال X",
"نقل X عن Y" and relays inside a source ("، بحسب ما نقلت عنه وكالة X،").

Steps 4 and 5 of :mod:`rasid.claims.extract`. Part of its ``Extractor``.
"""

from __future__ import annotations

from rasid.claims.grammar import (
    ADVERBS,
    DEMONSTRATIVES,
    GENERIC_OPENERS,
    PREPOSITIONS,
    RELATIVES,
    SAYING_NOUNS,
    TIME_WORDS,
    Draft,
    Opener,
    relay_dict,
)
from rasid.claims.lexicon import Cue
from rasid.claims.openers import CHAIN_REACH, OpenerRules
from rasid.claims.sources import (
    MAX_SOURCE, Source, extend_np, head_kind, is_nisba, make_source, quoted_end, trim_tails,
)
from rasid.claims.tokens import CLOSE_QUOTES, COMMAS, OPEN_QUOTES, bare, stems
from rasid.claims.vocab import (
    AN,
    AN_PRONOUNS,
    ARTICLE,
    ARTICLE_CONJ,
    CAME_IN,
    CONJ,
    FA,
    LI,
    LIL,
    LOOSE_INSIDE,
    MA,
    POSSESSIVE_1,
    POSSESSIVE_3,
    PRESENT_PREFIXES,
    QAD_FORMS,
    RESUMPTIVE,
    SAYING,
    SETTING_PREP,
    word_set,
)

_TALLIES = word_set("tallies.txt")  # "بحسب حصيلة لوكالة فرانس برس": a document of its issuer
_NORM_HEADS = word_set("norm_heads.txt")  # "وفقاً للمادة العاشرة": in accordance with a rule, no speaker
_CONTRAST = word_set("contrast.txt")  # "، بحسب X، فيما ...": a new clause follows the phrase
#: "ومن جهة أخرى بحسب X جددت ...": a phrase before the cue that leaves it heading its sentence
_DISCOURSE = word_set("discourse_openers.txt")


class PrepRules(OpenerRules):
    """Prepositional cues, chains and relays."""

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
        if any(bare(w.norm(k)) in self.lex.members or w.norm(k) in self.lex.members for k in range(max(a, an - 2), an)):
            return src, None  # "فلانة وهي نائبة كبيرة عن حزب X": the member's party, no relay
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
            # the outlet that "نقل" names says it too (assemble._relay_claims), unless it quotes the
            # original's own words ("ونقلت الوكالة عن مصدر عسكري قوله إن"): that is the source's claim alone
            d.relay_says = not any(w.norm(t) in SAYING for t in range(an + 1, op.k))
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
        if strict and src_i + 1 < len(w) and w.same_sentence(src_i, src_i + 1) and not w.punct_before(src_i + 1):
            if stems(w.norm(src_i - 1))[-1] in CAME_IN and w.norm(src_i) in SETTING_PREP:
                src_i += 1  # "حسب ما جاء في بيان لوزارة الدفاع": the document speaks
            elif w.norm(src_i) in ADVERBS or w.norm(src_i) in TIME_WORDS:
                src_i += 1  # "حسب ما أعلنت سابقا المتحدثة باسم ..."
        pointing = w.norm(src_i) in DEMONSTRATIVES and src_i + 1 <= s_last and not w.punct_before(src_i + 1) \
            and head_kind(w, src_i + 1) is not None  # "وحسب تلك التقارير": sources named before
        end = extend_np(w, src_i + pointing, s_last, loose=True)
        if end is None:
            return
        head = first == 0 or not w.same_sentence(first - 1, first) or \
            (first > 0 and w.norm(first - 1) in CONJ and not w.same_sentence(first - 2, first)) \
            or self.after_discourse_opener(first)
        if head:
            end = self.heading_source_end(src_i, end)
        s, e, channel = trim_tails(w, src_i, end)
        if s <= e < end and e - s <= 1 and ((head_kind(w, s) or ("", ""))[0] == "document"
                                           or bare(w.norm(s)) in _TALLIES) \
                and w.norm(e + 1).startswith(LI) and not w.punct_before(e + 1):
            e, channel = end, None  # "بحسب حصيلة لوكالة فرانس برس": the document's issuer is no channel
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
        if self.about_after_source(s, e, last):
            an = next(k for k in range(s + 1, e + 1) if w.norm(k) == AN)
            src = make_source(w, s, an - 1, self.names)
            if src.supported:  # "وترددت أنباء بحسب سكاي نيوز عن وقوع قتلى": what it reports follows "عن"
                self.corefer(src)
                self.add(Draft(w.text_span(w.toks[first].start, w.toks[last].end), first, cue.lemma, "prep",
                               cue.stance, src, w.toks[an + 1].start))
                return
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
                    and (any(c in COMMAS for c in w.punct_before(first))
                         or not w.punct_before(first) and w.norm(first - 1) not in PREPOSITIONS
                         and self.object_like_definite(k)) \
                    and not any(w.sent[d.cue_i] == w.sent[first] and d.cue_i < first for d in self.drafts) \
                    and w.toks[first].start - sent.start >= 12:
                # "وتعتزم روسيا، وفق صحيفة X، إرسال وفد ...": an aside inside the clause it attributes;
                # also with no comma before it when a definite noun follows ("يصبح بإمكانها وفق فلان، التقدم")
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

    def about_after_source(self, s: int, e: int, last: int) -> bool:
        """Tokens s..e of a prepositional source run on into "عن" + an indefinite noun that is no
        speaker ("بحسب سكاي نيوز عن وقوع قتلى"): the source ends before "عن", the report follows it."""
        w = self.w
        if self.cue_at(last) is not None and self.cue_at(last).chain:
            return False
        an = next((k for k in range(s + 1, e + 1) if w.norm(k) == AN), None)
        if an is None or an + 1 >= len(w) or not w.same_sentence(an, an + 1) or w.punct_before(an + 1):
            return False
        n = w.norm(an + 1)
        return not n.startswith(ARTICLE) and not head_kind(w, an + 1) and not w.entity_at(an + 1) \
            and n not in self.lex.not_source and n not in RELATIVES and n not in DEMONSTRATIVES

    def after_discourse_opener(self, first: int) -> bool:
        """Only a discourse phrase ("ومن جهة أخرى"، "وفي سياق متصل،") stands before token
        ``first`` in its sentence: a phrase there heads the sentence."""
        w = self.w
        t0 = w.index_at(w.sentence_span(first).start)
        if not 2 <= first - t0 <= 4:
            return False
        words = [w.norm(t) for t in range(t0, first)]
        if words[0][:1] in CONJ and words[0][1:] and " ".join([words[0][1:]] + words[1:]) in _DISCOURSE:
            return True
        return " ".join(words) in _DISCOURSE

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

