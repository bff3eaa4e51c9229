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
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasid.claims.lexicon import Cue, lexicon
from rasid.claims.sources import (
    MAX_SOURCE,
    Source,
    closes_name,
    extend_np,
    head_kind,
    is_nisba,
    known_names,
    make_source,
    quoted_end,
    trim_tails,
)
from rasid.claims.tokens import OPEN_QUOTES, Words, bare, stems
from rasid.model.document import Span
from rasid.text import fold_key

GENERIC_OPENERS = frozenset({"ان", "بان", "انه", "انها", "انهم", "انهما", "اننا", "انني", "بانه",
                             "بانها", "بانهم", "بانهما", "انما"})
WINDOW = 24
PRODROP_SENTENCES = 3
LIKE_PREP = frozenset({"بحسب", "حسب", "وبحسب", "وحسب", "وفق", "وفقا", "ووفق", "مثلما"})
# "ب" joined to a word that is not an opener ("المتحدث باسم", "في بغداد")
NOT_BI = frozenset({"باسم", "بن", "بنت", "بعد", "بين", "بيان", "بلاده", "بلادها", "بدوره", "بدورها",
                    "بل", "بها", "به", "بهم", "بنا", "بكل", "بما", "بلا"})
PREPOSITIONS = frozenset({"مع", "في", "الي", "علي", "عن", "من", "لدي", "امام", "عبر", "خلال", "بين"})
ADVERBS = frozenset({"تماما", "ايضا", "مجددا", "مرارا", "صراحه", "رسميا", "علنا", "سابقا", "لاحقا",
                     "مؤخرا", "حرفيا", "بدوره", "بدورها", "كذلك", "مضيفا", "قائلا"})
TIME_WORDS = frozenset({"امس", "اليوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
                        "السبت", "مساء", "صباح", "ليل", "فجر", "مؤخرا", "سابقا"})
# words that open a sentence-initial phrase closed by a comma ("من جهته،", "وفي ريف حلب،")
OPENING_WORDS = frozenset({"من", "في", "علي", "عقب", "بعد", "قبل", "خلال", "منذ", "الي", "اما", "بدوره",
                           "بدورها", "كذلك", "ايضا", "حول", "وسط", "اثر", "ازاء", "امام", "تعليقا", "ردا"})
RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
DEMONSTRATIVES = frozenset({"ذلك", "هذا", "هذه", "تلك", "ذاك"})
KANA = frozenset({"كان", "كانت", "كانوا"})
SAYING_NOUNS = ("قول", "تعبير", "وصف", "رواي", "زعم", "راي", "تقدير")
SAYING = frozenset({"قوله", "قولها", "قولهم", "قولهما"})


FEM_PLURALS = frozenset({"مصادر", "تقارير", "وثائق", "معلومات", "وسائل", "قوات", "جهات", "اوساط", "سلطات",
                         "وكالات", "صحف", "تقديرات", "فصائل", "ميليشيات", "روايات"})


def verb_gender(norm: str) -> str | None:
    """"f" for أكدت/تؤكد/مؤكدة, "m" for أكد/يؤكد/تابع/مؤكدا, None when unsure (plurals, duals)."""
    forms = lexicon().forms
    n = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 and norm[1:] in forms else norm
    cue = forms.get(n)
    if cue is not None and cue.family == "participle":
        return "f" if n.endswith("ه") else None if n.endswith("ين") else "m"
    if n.endswith(("وا", "ون", "ا", "ان", "ن")):
        return None
    past_f = n.endswith("ت") and (n[:-1] in forms or n[:-1] + "ي" in forms)  # أكدت، نفت - not لفت
    if past_f or (n.startswith("ت") and "ي" + n[1:] in forms):
        return "f"
    return "m"


def source_gender(src: Source) -> str | None:
    words = src.span.text.split()
    if not words:
        return None
    head = bare(fold_key(words[0]))
    if head.endswith("ه") or head in FEM_PLURALS:
        return "f"
    if not src.head:
        return None  # a bare name ("إلسا غونزاليس"): no gender known
    if src.kind in ("named", "anonymous") or head.endswith(("ي", "ر", "ل", "د")):
        return "m"
    return None


def relay_dict(src: Source) -> dict:
    """The relaying source of a chain ("نقلت وكالة X عن مصدر"), as claim attrs."""
    return {**src.span.to_dict(), "kind": src.kind, "entity": src.entity}


@dataclass
class Draft:
    cue: Span
    cue_i: int
    lemma: str
    family: str
    stance: str
    source: Source
    content_start: int
    content_end: int | None = None  # None: to the end of the sentence / quotation
    before: bool = False
    negated: bool = False
    via: "Draft | None" = None
    attrs: dict = field(default_factory=dict)


@dataclass
class Opener:
    k: int  # token index where the content opens
    start: int  # char offset of the content start
    participle: int | None = None  # "قائلة إن": the participle that led to it


class Extractor:
    def __init__(self, w: Words) -> None:
        self.w = w
        self.lex = lexicon()
        self.names = known_names(w)
        self.drafts: list[Draft] = []
        self.verb_cues: list[int] = []  # every verb cue, claim or not: clause boundaries

    # -- cue lookup -------------------------------------------------------
    def cue_at(self, i: int) -> Cue | None:
        n = self.w.norm(i)
        for s in stems(n):
            cue = self.lex.forms.get(s)
            if cue is None:
                continue
            if cue.family in ("noun", "participle") and s != n and n[0] != "و":
                continue
            return cue
        return None

    def prep_at(self, i: int) -> tuple[int, Cue, int] | None:
        """(last phrase token, cue, first source token) of a prepositional cue."""
        for phrase, cue in self.lex.preps:
            first = phrase[0]
            if first not in stems(self.w.norm(i), ("", "و")):
                continue
            k, ok = i, True
            for p in phrase[1:]:
                k += 1
                n = self.w.norm(k)
                if n == p:
                    continue
                if p == "ل" and n.startswith("ل") and len(n) > 2:
                    return k - 1, cue, k  # "وفقاً للبيان": ل joined to the source
                ok = False
                break
            if ok:
                return k, cue, k + 1
        return None

    def match_phrase(self, i: int, phrases) -> int | None:
        for ph in phrases:
            if all(p in stems(self.w.norm(i + m)) if m == 0 else self.w.norm(i + m) == p
                   for m, p in enumerate(ph)):
                return i + len(ph) - 1
        return None

    # -- openers ----------------------------------------------------------
    def opener(self, i: int, cue: Cue, window: int = WINDOW) -> Opener | None:
        """First content opener from token i on, within the sentence."""
        w = self.w
        prep_hit: Opener | None = None
        np_end = extend_np(w, i, min(len(w) - 1, i + window)) if cue.preps else None
        if np_end is not None:
            while np_end + 1 < len(w) and not w.punct_before(np_end + 1) and (
                    w.in_entity(np_end + 1) or bare(w.norm(np_end + 1)) in self.names):
                np_end += 1  # the name after a title: "الرئيس التركي رجب طيب أردوغان"
        adjacent = (np_end + 1) if np_end is not None else i
        while adjacent < len(w) and (w.in_time(adjacent) or w.norm(adjacent) in TIME_WORDS):
            adjacent += 1  # "أفاد شهود عيان أمس الاثنين بمقتل ..."
        adjacent = self.skip_places(adjacent)  # "أفاد سكان في بلدة كذا بريف كذا بسماع ..."
        # an object between the source and "ب": "اتهمت الحكومة الفصائل المسلحة بخرق ..."
        after_obj = None
        if cue.preps and adjacent < len(w) and w.norm(adjacent) not in self.lex.not_source \
                and not w.norm(adjacent).startswith("ب"):
            oe = extend_np(w, adjacent, min(len(w) - 1, adjacent + 4))
            if oe is None and not w.punct_before(adjacent + 1):
                oe = adjacent
            while oe is not None and oe + 1 < min(len(w), adjacent + 5) and not w.punct_before(oe + 1) \
                    and w.norm(oe + 1).startswith("ال") and not head_kind(w, oe + 1):
                oe += 1  # adjectives: "المقاتلين الأكراد"
            if oe is not None and not any(w.punct_before(t) for t in range(adjacent + 1, oe + 2)):
                after_obj = oe + 1
        for k in range(i, min(len(w), i + window)):
            if k > i - 1 and not w.same_sentence(i - 1, k):
                break
            gap = w.gap(k)
            if cue.object and k > adjacent and any(c in "،," for c in gap) and prep_hit is None \
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
            if q is not None and k > i:
                qe = quoted_end(w, k)
                if qe is None or qe - k >= 3:
                    if prep_hit and prep_hit.k == k - 1:
                        return prep_hit
                    off = w.toks[k - 1].end + gap.rindex(q)
                    return Opener(k, off)
            n = w.norm(k)
            kc = self.cue_at(k) if k > i else None
            if kc is not None and kc.family == "verb" and self.prep_at(k) is None:
                break
            if kc is not None and kc.family == "participle":
                # "نفت مصادر ذلك، قائلة إن ...": the participle opens the content
                inner = self.opener(k + 1, kc, window=3)
                if inner is not None:
                    inner.participle = k
                return inner
            if n in GENERIC_OPENERS:
                if prep_hit and prep_hit.k == k - 1:
                    return prep_hit
                return Opener(k, w.toks[k].start)
            if prep_hit is None and cue.preps:
                bi = "ب" in cue.preps and n.startswith("ب") and len(n) >= 3 and n not in NOT_BI
                if n in cue.preps or (bi and n[1:] in GENERIC_OPENERS):
                    prep_hit = Opener(k, w.toks[k].start)
                elif bi and k > i and (k == adjacent or k == after_obj):
                    # "أفادت مصادر بمقتل", "اتهمت الخارجية واشنطن بسرقة"
                    return Opener(k, w.toks[k].start)
                if prep_hit is not None and k == adjacent and k > i:
                    return prep_hit
        return prep_hit

    # -- sources ----------------------------------------------------------
    def source_between(self, i: int, j: int) -> Source | None:
        """The source in tokens i..j (between a verb and its opener)."""
        w, lex = self.w, self.lex
        if j < i:
            return None
        start = i
        if w.norm(i) in PREPOSITIONS:
            return None  # "تحدثت مع الصحيفة بأن": not the subject
        if w.norm(i) in lex.not_source or self.match_phrase(i, lex.tails) is not None:
            start = next((k for k in range(i, j + 1) if head_kind(w, k) or w.entity_at(k)), None)
            if start is None:
                return None
        s, e, channel = trim_tails(w, start, j)
        while e >= s and (w.norm(e) in SAYING or w.norm(e) in ("قائلا", "قائله")):
            e -= 1
        if e < s:
            return None
        if e - s + 1 > MAX_SOURCE:
            e = extend_np(w, s, e) or s
        else:
            np_end = extend_np(w, s, e)
            if np_end is not None and np_end < e and not w.punct_before(np_end + 1) \
                    and w.norm(np_end + 1).startswith("ال") and closes_name(w, np_end) \
                    and (head_kind(w, np_end + 1) or ("named",))[0] not in ("named", "role"):
                e = np_end  # "اتهم الأهالي الفصيل بـ": the object follows the speaker
        ent = next((w.entity_at(k) for k in range(s, min(e, s + 3) + 1) if w.entity_at(k)), None)
        if ent is not None and ent[1].end < w.toks[e].end:
            # an entity in the phrase: keep it and its modifiers, drop an object
            # that follows ("حذر الرئيس جو بايدن إيران من ...")
            last = w.index_at(ent[1].end) - 1
            e = max(last, min(e, extend_np(w, last, e) or last))
        src = make_source(w, s, e, self.names)
        if s == e and not src.supported and ("\u064b" in w.toks[s].text or w.norm(s) in ADVERBS
                                               or w.norm(s) in lex.stops):
            return None  # an adverb ("تماماً"), not a speaker ("تركيا" is one)
        if channel is not None:
            src.attrs["channel"] = channel
        return src

    def source_before(self, i: int) -> Source | None:
        """A subject standing right before the verb at token i (SVO)."""
        w = self.w
        if w.norm(i)[:1] in ("و", "ف") and w.norm(i)[1:] in self.lex.forms:
            return None
        last = i - 1
        while last >= 0 and w.norm(last) in ("قد", "لقد"):
            last -= 1
        if last < 0 or not w.same_sentence(last, i):
            return None
        if last < i - 1:
            kana = self.kana_subject(i)
            if kana is not None:
                return kana
        gap = w.punct_before(last + 1)
        if gap and not all(c in ")»”\"" for c in gap):
            return None
        for h in range(max(0, last - 5), last + 1):
            if not w.same_sentence(h, i):
                continue
            if any(w.punct_before(k) and not all(c in "()«»“”\"" for c in w.punct_before(k))
                   for k in range(h + 1, last + 1)):
                continue
            if head_kind(w, h) or w.entity_at(h):
                end = extend_np(w, h, last)
                lex = self.lex
                if end == last or (last - h <= 2 and not any(
                        w.norm(k) in lex.stops or w.norm(k) in lex.not_source or w.norm(k) in lex.forms
                        for k in range(h + 1, last + 1))):
                    return make_source(w, h, last, self.names)
        return None

    def pre_subject(self, i: int) -> Source | None:
        """A subject that must stand before the verb at token i: after a
        sentence-opening كان ("وكانت الوزارة قد أعلنت"), or the noun a relative
        pronoun refers to ("الحكومة التي اعتبرت")."""
        w = self.w
        prev = w.norm(i - 1) if w.same_sentence(i - 1, i) else ""
        if prev in ("قد", "لقد"):
            return self.kana_subject(i)
        if prev not in RELATIVES or head_kind(self.w, i + 1) or self.w.entity_at(i + 1):
            return None  # "التي صرح الوزير بأن": the relative clause has its own subject
        last = i - 2
        for h in range(max(0, last - 6), last + 1):
            if not w.same_sentence(h, i) or any(w.punct_before(k) and not all(c in "()«»“”\"،," for c in
                                                                             w.punct_before(k))
                                                for k in range(h + 1, last + 1)):
                continue
            if head_kind(w, h) or w.entity_at(h):
                end = extend_np(w, h, last)
                if end == last:
                    src = make_source(w, h, last, self.names)
                    return src if src.supported else None
        return None

    def opener_follows(self, k: int) -> bool:
        """After the comma before token k comes "أن ..." or ", فلان، أن ...": what
        stood before the comma was the source and its apposition, not an object."""
        w = self.w
        if w.norm(k) in GENERIC_OPENERS:
            return True
        for j in range(k + 1, min(len(w), k + 6)):
            if not w.same_sentence(k, j):
                return False
            if w.punct_before(j):
                return any(c in "،," for c in w.punct_before(j)) and w.norm(j) in GENERIC_OPENERS
        return False

    def has_object(self, a: int, b: int) -> bool:
        """Tokens a..b hold a bare noun object (a setting such as "في بيان ..." does not count)."""
        for t in range(a, b + 1):
            if self.match_phrase(t, self.lex.tails) is not None:
                return False
            if self.object_like(t):
                return True
        return False

    def object_like(self, t: int) -> bool:
        """Token t looks like the head of a bare noun object ("سقوط", "وجود"):
        an indefinite word that is no name, title, time, setting or particle."""
        w, lex = self.w, self.lex
        n = w.norm(t)
        if w.norm(t - 1) in PREPOSITIONS or bare(n) in lex.extra_features \
                or any(m.start <= w.toks[t].start < m.end for _, m in w.doc.mentions("place")):
            return False  # "في مدينة داريا": a place or a prepositional phrase, no object
        return not (n.startswith(("ال", "وال", "ل", "ب")) or head_kind(w, t) or w.in_entity(t)
                    or bare(n) in self.names or w.in_time(t) or n in TIME_WORDS or n in ADVERBS
                    or w.toks[t].is_number or is_nisba(n) or n in lex.not_source or n in lex.stops
                    or n in lex.forms or quoted_end(w, t) is not None or len(n) < 3
                    or any(c in OPEN_QUOTES or c in "»”" for c in w.punct_before(t)))

    def suffixed_cue(self, n: str) -> Cue | None:
        """The verb cue of a form with an object pronoun ("نفته", "نفاه", "أكدته")."""
        for suf in ("هما", "هم", "ها", "ه"):
            if n.endswith(suf) and len(n) - len(suf) >= 3:
                base = n[: -len(suf)]
                for cand in (base, base[:-1] + "ي" if base.endswith("ا") else base):
                    cue = self.lex.forms.get(cand)
                    if cue is not None and cue.family == "verb":
                        return cue
        return None

    def what_clause(self, i: int) -> bool:
        """"..., وهو ما نفته الحركة": a claim by the phrase after the verb about
        the clause before "وهو ما". True when one was drafted."""
        w = self.w
        if not (w.same_sentence(i - 2, i) and stems(w.norm(i - 2))[-1] in ("هو", "هي", "هذا", "ذلك")):
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
        while k > 0 and w.same_sentence(k - 1, last) and not any(c in "،,;؛:" for c in w.punct_before(k)):
            k -= 1
        start = w.toks[k].start
        said = next((d for d in reversed(self.drafts) if k <= d.cue_i <= last and not d.before), None)
        if said is not None and start < said.content_start < w.toks[last].end:
            start = said.content_start  # "اتهمت X Y بكذا، وهو ما نفاه Y": Y denies the accusation's content
        self.corefer(src)
        self.add(Draft(w.span(i, i), i, cue.lemma, "verb", cue.stance, src, start,
                       content_end=w.toks[last].end, before=True))
        return True

    def can_attribute(self, i: int, cue: Cue) -> bool:
        """The verb at token i may attribute here (a clause boundary for the
        content before it): "نقلت" needs its "عن", a marker verb its opener."""
        w = self.w
        if cue.chain:
            return any(w.norm(k) == "عن" and w.same_sentence(i, k) for k in range(i + 1, min(len(w), i + 10)))
        if cue.marker:
            return self.opener(i + 1, cue) is not None
        return True

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
            elif n in ("في", "قرب", "بمحافظه", "بمدينه") or k > start and is_nisba(n) and n.startswith("ال"):
                k += 1
            elif bare(n) in feats or (n[:1] in ("ب", "ل") and bare(n[1:]) in feats):
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
                    or n in lex.not_source and n not in ("ذلك", "هذا", "هذه")):
                return False
            k += 1
        return True

    def ends_clause(self, k: int) -> bool:
        """Token k is the last of its clause (a comma, a full stop or the end after it)."""
        w = self.w
        return not w.same_sentence(k, k + 1) or any(c in "،,.;؛:" for c in w.punct_before(k + 1))

    def kana_subject(self, i: int) -> Source | None:
        """"وكانت جبهة النصرة ... قد أعلنت": the subject after كان opening the sentence."""
        w = self.w
        t0 = w.index_at(w.sentence_span(i).start)
        if i - t0 > 20 or not stems(w.norm(t0))[-1] in KANA:
            return None
        end = extend_np(w, t0 + 1, i - 2)
        if end is None:
            return None
        src = make_source(w, t0 + 1, end, self.names)
        return src if src.supported else None

    def clause_subject(self, i: int) -> Source | None:
        """"وانتقدت الجبهة الخطة، معتبرة أن", "من جهته، أدان الوزير، فلان، الهجوم،
        مؤكداً": the subject of the verb that opens the sentence of token i."""
        w = self.w
        t0 = w.index_at(w.sentence_span(i).start)
        # an opening phrase closed by a comma: "من جهته،", "وفي ريف حلب،"
        if stems(w.norm(t0))[-1] in OPENING_WORDS:
            for k in range(t0 + 1, min(i, t0 + 6)):
                if any(c in "،," for c in w.punct_before(k)):
                    if not any(self.cue_at(t) for t in range(t0, k)):
                        t0 = k
                    break
        if i - t0 > 30 or i - t0 < 2 or self.cue_at(t0) is not None and t0 == i:
            return None
        n0 = stems(w.norm(t0))[-1]
        if n0 in PREPOSITIONS or n0 in OPENING_WORDS or n0 in self.lex.not_source or head_kind(w, t0) \
                or w.entity_at(t0) or n0 in self.lex.stops:
            return None  # not a verb: a nominal sentence or a phrase
        first = t0 + 1
        while first < i and (w.norm(first) in ("قد", "لقد") or w.in_time(first)
                             or w.norm(first) in TIME_WORDS):
            first += 1
        if not (head_kind(w, first) or w.entity_at(first) or quoted_end(w, first) is not None
                or bare(w.norm(first)) in self.names):
            return None  # "ووجه انتقادات لحزب ...": an object, the subject is left out
        end = extend_np(w, first, i - 1)
        if end is None:
            return None
        end = self.apposition(end, i - 1)
        src = make_source(w, first, end, self.names)
        return src if src.supported and src.kind != "document" else None

    def apposition(self, end: int, limit: int) -> int:
        """", اللواء فلان الفلاني،" after a source phrase: the last token of
        the named apposition, else ``end``."""
        w = self.w
        k = end + 1
        while k <= min(limit, end + 5) and not w.punct_before(k) \
                and (w.norm(k).startswith(("ال", "ل")) or w.in_entity(k)) \
                and w.norm(k) not in self.lex.stops and w.norm(k) not in self.lex.forms:
            k += 1  # modifiers the phrase left out: "في الحكومة المؤقتة،", "العام للقوات المسلحة،"
        if k > limit or not any(c in "،," for c in w.punct_before(k)):
            return end
        for j in range(k, min(limit, k + 5) + 1):
            if not w.same_sentence(k, j) or (j > k and w.punct_before(j)):
                return end
            if j + 1 <= limit + 1 and any(c in "،," for c in w.punct_before(j + 1)):
                hk = head_kind(w, k)
                named = (hk is not None and hk[0] in ("named", "role")) or bool(w.entity_at(k)) \
                    or any(bare(w.norm(t)) in self.names for t in range(k, j + 1))
                return j if named else end
        return end

    def antecedent(self, i: int, reach: int = PRODROP_SENTENCES) -> Draft | None:
        """The latest claim within reach whose source agrees in gender with
        the verb ("وأضافت" -> "المصادر", "وأضاف" -> "المصدر"); else the latest."""
        sent = self.w.sent[i]
        near = [d for d in reversed(self.drafts) if d.cue_i < i and sent - self.w.sent[d.cue_i] <= reach]
        if not near:
            return None
        g = verb_gender(self.w.norm(i))
        if g is not None:
            for d in near:
                if source_gender(d.source) in (g, None):
                    return d
        return near[0]

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
            if first.startswith("ال") and prev.head and bare(first) == bare(prev.head) \
                    and not fold_key(prev.span.text).startswith("ال"):
                src.entity, src.kind = src.entity or prev.entity, prev.kind
                src.attrs["antecedent"] = d
                return
            if bare(first) in self.names and bare(first) in {bare(t) for t in fold_key(prev.span.text).split()}:
                src.entity, src.kind = src.entity or prev.entity, prev.kind
                src.attrs["antecedent"] = d
                return

    # -- the rules --------------------------------------------------------
    def negated(self, i: int) -> bool:
        k = i - 1
        if self.w.norm(k) == "قد":
            k -= 1
        return self.w.same_sentence(k, i) and self.w.norm(k) in self.lex.negators

    def add(self, d: Draft) -> Draft:
        self.drafts.append(d)
        return d

    def passive(self, i: int) -> bool:
        """"يُعتقد أن", "ذُكر أن": a damma on the first letter (when voweled)."""
        t = self.w.toks[i].text
        k = 1 if t[:1] in ("و", "ف") and len(t) > 3 and t[1:2] != "\u064f" else 0
        return len(t) > k + 1 and t[k + 1] == "\u064f"

    def first_person(self, i: int, cue: Cue) -> bool:
        """"أعتقد" folds like "اعتقد": the hamza tells the first person."""
        t = self.w.toks[i].text
        t = t[1:] if t[:1] in ("و", "ف") and len(t) > 4 else t
        return cue.wasl and t.startswith("أ")

    def verb(self, i: int, cue: Cue) -> None:
        w = self.w
        if self.passive(i) or self.first_person(i, cue):
            return
        cue_span = w.span(i, i)
        neg = self.negated(i)
        prev = w.norm(i - 1) if w.same_sentence(i - 1, i) else ""
        if prev in LIKE_PREP or prev == "حد":
            return  # "حسب وصفهم", "على حد وصفه": a noun of saying, not a verb
        if prev == "ما" and any(x in LIKE_PREP for x in stems(w.norm(i - 2))) or prev == "مثلما":
            first = i - 2 if prev == "ما" else i - 1
            self.prep_like(first, i, cue, i + 1)
            return
        if cue.source == "after_min":
            op = self.opener(i + 1, cue)
            lim = op.k - 1 if op else min(len(w) - 1, i + 8)
            m = next((k for k in range(i + 1, lim + 1) if w.norm(k) == "من"), None)
            if m is None or op is None:
                return
            src = self.source_between(m + 1, lim)
            if src is None:
                return
            src.attrs["channel"] = w.span(i + 1, m - 1) if m - 1 >= i + 1 else None
            self.add(Draft(cue_span, i, cue.lemma, cue.family, cue.stance, src, op.start, negated=neg))
            return
        if cue.chain:
            self.chain(i, cue)
            return
        op = self.opener(i + 1, cue)
        if neg and (op is None or w.norm(op.k) not in GENERIC_OPENERS):
            return  # "لم تعلن أي جهة المسؤولية": the text says nobody claimed it
        pre = self.pre_subject(i)
        if pre is not None:
            # "وكانت الوزارة قد أعلنت ..." / "الحكومة التي اعتبرت ...": the subject
            # stands before the verb, what follows it is the content
            obj = self.skip_setting(i) + 1
            while obj < len(w) and w.same_sentence(i, obj) and (
                    w.in_time(obj) or w.norm(obj) in TIME_WORDS or w.norm(obj) in ADVERBS):
                obj += 1  # "قد أعلنت أمس، انسحابها"
            if op is not None and op.participle is None and self.only_setting(obj, op.k - 1):
                start = op.start
            elif (cue.object or cue.pre_object and stems(w.norm(i))[-1][:1] not in ("ي", "ت")) \
                    and obj < len(w) and w.same_sentence(i, obj) \
                    and w.norm(obj) not in PREPOSITIONS and not self.ends_clause(obj):
                start = w.toks[obj].start
            else:
                return
            self.corefer(pre)
            self.add(Draft(cue_span, i, cue.lemma, cue.family, cue.stance, pre, start, negated=neg))
            return
        src: Source | None = None
        if op is not None:
            last = op.k - 1
            if op.participle is not None:
                # "أعلن الوزير بدء العملية، مضيفاً أن": the source is the phrase
                # right after the verb, not all that precedes the participle
                last = extend_np(w, i + 1, op.participle - 1) or (op.participle - 1)
            if cue.source == "np":
                np_end = extend_np(w, i + 1, last)
                last = np_end if np_end is not None else i
                if op.k - last > 6:
                    return  # "ويصف الأحداث ويسمي ... أو أن": the opener belongs elsewhere
            src = self.source_between(i + 1, last)
            obj = last + 1  # where an object would start (after the source)
            if src is None:
                src = self.source_before(i)
                obj = i + 1
            if cue.prodrop_conj:  # "ووصفه": a real و, not the root و of "وصفه"
                may_drop = w.norm(i)[:1] in ("و", "ف") and w.norm(i)[1:] in self.lex.forms
            else:
                may_drop = w.norm(i)[:1] in ("و", "ف") or cue.continuation or self.same_sentence_claim(i)
            if src is None and cue.prodrop and may_drop:
                src = self.subject_for(i, PRODROP_SENTENCES + (3 if cue.continuation else 0))
            if src is None:
                return
            if cue.strict and not src.supported:
                return
            self.corefer(src)
            start = op.start
            if op.participle is not None and cue.object and self.cue_at(op.participle).lemma != "qailan" \
                    and obj < op.participle and (not src.attrs.get("prodrop") or obj == i + 1):
                start = w.toks[obj].start  # the object; the participle is a claim of its own
            self.add(Draft(cue_span, i, cue.lemma, cue.family, cue.stance, src, start, negated=neg))
            return
        # no opener: a bare noun object, or the content stands before the verb
        end = extend_np(w, i + 1, min(len(w) - 1, i + MAX_SOURCE))
        if end is None:
            src = self.source_before(i)
            if src is not None and cue.object and w.same_sentence(i, i + 1):
                self.add(Draft(cue_span, i, cue.lemma, cue.family, cue.stance, src, w.toks[i + 1].start, negated=neg))
            return
        src = make_source(w, i + 1, end, self.names)
        if not src.supported:
            return
        self.corefer(src)
        if w.norm(end + 1) in self.lex.not_source and not w.same_sentence(i, end + 2):
            if cue.object and w.norm(end + 1) in DEMONSTRATIVES:
                # "ونفت مصادر أخرى ذلك.": a denial of what was said before
                self.add(Draft(cue_span, i, cue.lemma, cue.family, cue.stance, src, w.toks[end + 1].start,
                               negated=neg))
            return
        skipped = self.skip_setting(end) if cue.object else end
        if cue.object and skipped > end and w.same_sentence(i, skipped + 2):
            self.add(Draft(cue_span, i, cue.lemma, cue.family, cue.stance, src, w.toks[skipped + 1].start,
                           negated=neg))
        elif cue.object and w.same_sentence(i, end + 1) and w.same_sentence(i, end + 2) \
                and not any(c in ".،,:;؛" for c in w.punct_before(end + 1)):
            self.add(Draft(cue_span, i, cue.lemma, cue.family, cue.stance, src, w.toks[end + 1].start,
                           negated=neg))
        elif not cue.marker and (not w.same_sentence(i, end + 1) or w.punct_before(end + 1)[:1] in (".", "،", ",")):
            gap = w.punct_before(i)
            if gap and gap[-1] in "،,»”\"":
                s = w.sentence_span(i).start
                if w.toks[i].start - s > 10:
                    self.add(Draft(cue_span, i, cue.lemma, cue.family, cue.stance, src, s,
                                   content_end=w.toks[i - 1].end, before=True, negated=neg))

    def skip_setting(self, end: int) -> int:
        """Skip ", الثلاثاء،", "، في بيان،" after a source: the last skipped token."""
        w, lex = self.w, self.lex
        if not any(c in "،," for c in w.punct_before(end + 1)):
            return end
        setting = self.match_phrase(end + 1, lex.tails) is not None  # "، في تصريح لـ"المدن"،"
        setting = setting or w.norm(end + 1) in lex.asides  # "، تحدث لموقع محلي،"
        for k in range(end + 1, min(len(w), end + (9 if setting else 6))):
            if not w.same_sentence(end, k):
                return end
            if any(c in "،," for c in w.punct_before(k + 1)):
                seg = range(end + 1, k + 1)
                if setting or all(w.norm(t) in lex.not_source or w.in_time(t) or w.toks[t].is_number
                       or self.match_phrase(t, lex.tails) is not None or w.norm(t) in ("بيان", "تغريده", "تصريح")
                       for t in seg):
                    return k
                return end
        return end

    def chain(self, i: int, cue: Cue) -> None:
        """"نقل موقع X عن مصدر Y (قوله) إن ...": Y's claim via X's claim."""
        w = self.w
        an = next((k for k in range(i + 1, min(len(w), i + 10)) if w.norm(k) == "عن" and w.same_sentence(i, k)), None)
        if an is None:
            return
        op = self.opener(an + 1, cue)
        if op is None:
            return
        last = op.k - 1
        while last > an and (w.norm(last) in SAYING or (
                self.cue_at(last) is None and any(w.norm(last).startswith(f) and len(w.norm(last)) - len(f) <= 2
                                                 for f in self.lex.forms if len(f) > 3))):
            last -= 1
        relay = self.source_between(i + 1, an - 1) if an > i + 1 else None
        if relay is None:
            relay = self.source_before(i)  # "وكانت صحيفة X قد نقلت عن ..."
        if relay is None and w.norm(i)[:1] in ("و", "ف"):
            ante = self.antecedent(i)
            relay = self.inherit(ante) if ante else None
        orig = self.source_between(an + 1, last)
        if orig is None:
            return
        cue_span = w.span(i, i)
        d = self.add(Draft(cue_span, i, cue.lemma, cue.family, cue.stance, orig, op.start))
        if relay is not None:
            d.attrs["relay"] = relay_dict(relay)

    def prep_like(self, first: int, last: int, cue: Cue, src_i: int, strict: bool = False) -> None:
        """"بحسب مصادر ..." / "بحسب ما أفاد X" / "كما قال X"."""
        w = self.w
        if src_i >= len(w) or not w.same_sentence(first, src_i):
            return
        sent = w.sentence_span(first)
        s_last = w.index_at(sent.end) - 1
        while src_i < len(w) and w.norm(src_i) in ("به", "بها", "بهم", "فيه", "فيها"):
            src_i += 1  # "بحسب ما أفادت به مصادر"
        end = extend_np(w, src_i, s_last, loose=True)
        if end is None:
            return
        s, e, channel = trim_tails(w, src_i, end)
        if e < s:
            return
        n0 = bare(w.norm(s))
        if s == e and (n0.startswith(SAYING_NOUNS) and n0.endswith(("ه", "ها", "هم", "هما"))
                       or n0.endswith(("تي", "يي", "تنا"))):
            return  # "حسب تعبيره", "بحسب وصفهم", "بحسب خبرتي": not a new source
        relay = None
        an = next((k for k in range(s + 1, e) if w.norm(k) == "عن"), None)
        if an is not None and self.cue_at(last) is not None and self.cue_at(last).lemma == "naqala":
            relay = make_source(w, s, an - 1, self.names)
            s = an + 1
        src = make_source(w, s, e, self.names)
        if not src.supported and strict:
            return
        if not src.supported:
            # a bare name: "بحسب وارن،", "وفقاً للخزرجي" - one or two words, no
            # article, closed by punctuation
            n0 = bare(w.norm(s)) if w.norm(s).startswith("ل") and cue.lemma.endswith("ل") else w.norm(s)
            nxt_punct = w.punct_before(e + 1) if e + 1 < len(w) else "."
            if e - s > 1 or n0.startswith("ال") or cue.lemma in ("وفق",) \
                    or not (nxt_punct or not w.same_sentence(e, e + 1)) or len(n0) < 4:
                return
        if channel is not None:
            src.attrs["channel"] = channel
        self.corefer(src)
        cue_span = w.text_span(w.toks[first].start, w.toks[last].end)
        head = first == 0 or not w.same_sentence(first - 1, first) or \
            (first > 0 and w.norm(first - 1) in ("و", "ف") and not w.same_sentence(first - 2, first))
        if head:
            k = end + 1  # past the channel too ("لموقع "عنب بلدي"،")
            if k >= len(w) or not w.same_sentence(first, k):
                return
            start = self.content_start_at(k)
            self.add(Draft(cue_span, first, cue.lemma, "prep", cue.stance, src, start))
        else:
            if w.toks[first].start - sent.start < 12:
                k = e + 1
                if k < len(w) and w.same_sentence(first, k):
                    start = self.content_start_at(k)
                    self.add(Draft(cue_span, first, cue.lemma, "prep", cue.stance, src, start))
                return
            d = self.add(Draft(cue_span, first, cue.lemma, "prep", cue.stance, src, sent.start,
                               content_end=w.toks[first - 1].end, before=True))
            if relay is not None:
                d.attrs["relay"] = relay_dict(relay)

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
        if w.norm(i - 1) in ("في", "وفي", "فى"):
            # "قال في بيان" is the setting of a verb claim; "وجاء في بيان للجيش
            # أن" is a claim of its own
            if stems(w.norm(i - 2))[-1] not in ("جاء", "ورد"):
                return
        src_i = i + 1
        if w.norm(i + 1) == "من" and w.norm(i + 2) == "قبل":
            src_i = i + 3
        end = extend_np(w, src_i, min(len(w) - 1, src_i + 6))
        if end is None or not w.same_sentence(i, end):
            return
        src = make_source(w, src_i, end, self.names)
        if not src.supported:
            return
        op = self.opener(end + 1, cue, window=8)
        if op is None:
            return
        self.corefer(src)
        self.add(Draft(w.span(i, i), i, cue.lemma, "noun", cue.stance, src, op.start))

    def participle(self, i: int, cue: Cue) -> None:
        w = self.w
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

    def subject_for(self, i: int, reach: int = 1) -> Source | None:
        """Who says what a participle or a verb without a subject says: the
        claim before it in its sentence, else the subject of the verb that
        opens the sentence ("وتبنت الجماعة الهجوم، مؤكدة أن"), else the last
        claim within ``reach`` sentences."""
        ante = self.antecedent(i, reach)
        if ante is not None and self.w.sent[ante.cue_i] == self.w.sent[i]:
            return self.inherit(ante)
        src = self.clause_subject(i)
        if src is not None:
            return src
        return self.inherit(ante) if ante is not None else None

    def inside_source(self, i: int) -> bool:
        """Token i lies between the cue and the content of the last claim."""
        if not self.drafts:
            return False
        d = self.drafts[-1]
        return d.cue.end <= self.w.toks[i].start < d.content_start and not d.before

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
        if cue.lemma.startswith("نقل"):
            # one claim, by the original source; the relaying outlet is an attribute
            d.attrs["relay"] = relay_dict(d.source)
            if channel is not None:
                src.attrs["channel"] = channel
            d.source = src
        else:
            d.attrs["according_to"] = src.span.to_dict()

    def run(self) -> list[Draft]:
        w, lex = self.w, self.lex
        i = 0
        while i < len(w):
            br = self.match_phrase(i, lex.backrefs)
            if br is not None:
                i = br + 1
                continue
            pr = self.prep_at(i)
            if pr is not None and self.inside_source(i):
                self.relay_prep(i, pr)
                i = pr[0] + 1
                continue
            if pr is not None:
                last, cue, src_i = pr
                n1, n2 = w.norm(src_i), src_i + 1
                if n1 == "ما" and n2 < len(w) and self.cue_at(n2):
                    i = last + 1
                    continue
                if n1 == "ما" and n2 + 1 < len(w) and w.same_sentence(i, n2 + 1):
                    # "بحسب ما ذكرته وكالة ...": a verb with a pronoun, then the source
                    self.prep_like(i, n2, cue, n2 + 1, strict=True)
                    i = n2 + 1
                    continue
                self.prep_like(i, last, cue, src_i)
                i = last + 1
                continue
            if w.norm(i - 1) == "ما" and self.what_clause(i):
                i += 1
                continue
            cue = self.cue_at(i)
            if cue is not None and cue.family == "verb" and self.can_attribute(i, cue):
                self.verb_cues.append(i)
            if cue is not None:
                getattr(self, cue.family)(i, cue)  # verb / participle / noun
            i += 1
        return self.drafts
