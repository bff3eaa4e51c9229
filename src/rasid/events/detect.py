"""Event mentions: trigger hits kept when their clause supports them.

1. Triggers (``data/triggers.tsv``) are found on the token stream.
2. A strong trigger stands on its own; a weak one needs a context word of its
   class (``data/context.tsv``: force / violence) in its clause or sentence;
   for ASSAULT / PROTEST one without it is kept as an ``unsupported``
   candidate (:func:`support`). The reject rules (:data:`REJECT_RULES`, each a
   predicate on one :class:`Candidate`) drop the uses that report nothing.
3. Whether a kept mention reports a happening is decided afterwards by the
   eventness model (:mod:`rasid.events.eventness`).
4. Mentions of one happening are merged later (:mod:`rasid.events.merge`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from bisect import bisect_left
from functools import lru_cache

from rasid import lang
from rasid.events.index import any_start_in, covered_tokens, mentions_starting_in, token_range
from rasid.events.lexicon import (TriggerForm, TriggerHit, context_classes, context_words, find_triggers, has_phrase, in_context,
                                  is_definite)
from rasid.lang import ar
from rasid.model.document import Document, Span
from rasid.text import fold
from rasid.text.sentences import split_clauses
from rasid.text.tokens import Token, proclitic_splits

#: English name parts of actor entities that count as armed forces.
_FORCE_NAMES = ("force", "army", "militia", "guard", "coalition", "military", "troops", "brigade", "corps", "police", "fighters", "hezbollah", "pmf", "sdf", "isis", "islamic state")
#: Types where a weak trigger may be confirmed by the sentence classifier.
CLASSIFIER_TYPES = ("ASSAULT", "PROTEST")
UNSUPPORTED_CONF = 0.3  # a weak ASSAULT/PROTEST trigger without context: the model decides
_RELATIVES = lang.words(ar.RELATIVES, fold=fold)
_RELATIVE_OR_WHERE = _RELATIVES | {ar.particle("haythu", fold=fold)}  # ... or حيث
_SECOND_SENSES = lang.rows("events/data/second_senses.tsv", 2, fold=fold, unique_key=False)
_PUBLISH_FORMS = tuple(f for f, sense in _SECOND_SENSES if sense == "publish")  # نشر
_REPORT_FORMS = tuple(f for f, sense in _SECOND_SENSES if sense == "report")  # نقلت، نقلوا
_AN = ar.particle("an", fold=fold)  # عن
_AL, _LI, _ALEF = ar.affixes("al", "li", "alef", fold=fold)  # ال، ل، ا
_CONJUNCTIONS = ar.affixes("wa", "fa", fold=fold)  # و، ف
_CLAUSE_MARKS = ar.COMMA + ",.:;"  # between a verb and a noun: the noun is not its object
_TITLE_ENDS = ".!?" + ar.QUESTION_MARK + ":"  # a line ending so is no headline
FORCE_VERB_WINDOW = 4  # a weak verb needs its force word this close (its subject)
TITLE_MAX = 200  # a first line this short, without a full stop, is a headline
LINE_MAX_WORDS = 12  # a line this short without a final stop is a (sub)heading or tag line


@dataclass
class Mention:
    """One trigger occurrence that passed detection (arguments filled later)."""

    hit: TriggerHit
    type: str
    mode: str | None
    trigger: Span
    sentence: Span
    clause: Span
    sent_index: int
    tok_lo: int  # token range of the clause
    tok_hi: int
    confidence: float
    weak: bool = False  # a weak trigger (context or classifier confirmed it)
    definite: bool = False  # a noun with the article: may refer back to an earlier mention
    title: bool = False  # in the headline
    generic: bool = False  # "سلسلة الهجمات": names a kind or series; it only refers back
    attrs: dict[str, Any] = field(default_factory=dict)
    # arguments (filled by rasid.events.arguments)
    actor: str | None = None
    recipient: str | None = None
    place: str | None = None
    places: list[str] = field(default_factory=list)
    time: dict[str, str] | None = None
    modality: str = "asserted"
    claim: str | None = None
    counts: dict[str, int] = field(default_factory=dict)


def _token_range(tokens: list[Token], span: Span) -> tuple[int, int]:
    return token_range(tokens, span)


def _has_context(doc: Document, tokens: list[Token], lo: int, hi: int, need: str, skip: tuple[int, int]) -> bool:
    for i in range(lo, hi):
        if skip[0] <= i < skip[1]:
            continue
        if in_context(tokens[i].norm, need):
            return True
    if need == "force":
        s, e = tokens[lo].start if lo < len(tokens) else 0, tokens[hi - 1].end if hi > lo else 0
        for ent, m in mentions_starting_in(doc, ("actor", "organization"), s, e + 1):
            if m.end <= e and any(k in (ent.name or "").lower() for k in _FORCE_NAMES):
                return True
    return False


def _elided_subject(doc: Document, tokens: list[Token], clauses: list[Span], clause: Span, hits: list[TriggerHit]) -> bool:
    """"شحنة أسلحة جديدة ...، دخلت عبر معبر الوليد": a movement verb opening a clause
    with no subject of its own continues the previous clause, whose force word or
    movement/aid noun is its subject."""
    j = next((k for k, c in enumerate(clauses) if c.start == clause.start), 0)
    if j == 0:
        return False
    prev = clauses[j - 1]
    p_lo, p_hi = _token_range(tokens, prev)
    if any(in_context(tokens[i].norm, "force") for i in range(p_lo, p_hi)):
        return True
    return any(
        p_lo <= x.tok < p_hi and x.entry.strong and x.entry.type in ("MOBILIZE", "AID") for x in hits
    )


def _after_inserts(doc: Document, tokens: list[Token], h: TriggerHit, s_hi: int) -> list[int]:
    """The first FORCE_VERB_WINDOW tokens after a verb, not counting its subject and a
    time put in between commas: "دفعت القيادة، أمس الجمعة، بتعزيزات"، "أرسلت، في 14
    أيلول/سبتمبر، سرباً"."""
    inserted = covered_tokens(doc, ("actor", "organization", "person"))
    out: list[int] = []
    for i in range(h.tok + h.ntok, s_hi):
        if i in inserted:
            continue
        out.append(i)
        if len(out) >= FORCE_VERB_WINDOW:
            break
    return out


def _cue_before(tokens: list[Token], h: TriggerHit, cls: str, window: int, lo: int = 0) -> bool:
    """Is one of the ``window`` tokens before the trigger a context word of ``cls``?"""
    return any(in_context(tokens[i].norm, cls) for i in range(max(lo, h.tok - window), h.tok))


_PLAN_VERBS = lang.words("events/data/plan_verbs.txt", fold=fold)
_QUANTITY = ar.quantity_nouns(fold=fold)  # آلاف، مئات، عشرات، ألف، مئة
_MIN = ar.particle("min", fold=fold)  # من
_MIN_FI = frozenset(ar.particles("min", "fi", fold=fold))  # من، في


_WITH = ar.particles("maa", "bayna", fold=fold)  # مع، بين
PARTY_CHARS = 12  # a party named this close after a meeting noun
PARTY_TYPES = ("CONSULT", "AGREE")  # a weak noun of these types with its parties named reports a happening


@lru_cache(maxsize=1)
def _nationality_adjectives() -> frozenset[str]:
    """Folded nationality adjectives (actors/data/nationalities.tsv: الأمريكي، التركية ...)."""
    out: set[str] = set()
    for cols in lang.rows("actors/data/nationalities.tsv", 6, min_cols=5, unique_key=False):
        out.update(fold(f.strip()) for f in (cols[3] + "," + cols[4]).split(",") if f.strip())
    return frozenset(out)


def _has_parties(doc: Document, tokens: list[Token], h: TriggerHit) -> bool:
    """Is the meeting or agreement noun followed by مع/بين, a person or group named
    right after it, or the nationality adjectives of its parties ("الاتفاق الأمريكي التركي")?"""
    nxt = tokens[h.tok + h.ntok:h.tok + h.ntok + 1]
    if nxt and (nxt[0].norm in _WITH or in_context(nxt[0].norm, "parties") or nxt[0].norm in _nationality_adjectives()):
        return True
    end = tokens[h.tok + h.ntok - 1].end
    return any_start_in(doc, ("person", "actor", "organization"), end, end + PARTY_CHARS + 1)


def _purpose(tok: Token, form: str) -> bool:
    w = tok.norm
    for p in _CONJUNCTIONS + ("",):
        # "لاستهداف" = ل + استهداف; "لا" is the negation only before a form without alef
        if (
            w.startswith(p + _LI) and (form.startswith(_ALEF) or not w.startswith(p + _LI + _ALEF))
            and w[len(p + _LI):].startswith(form[:2])
        ):
            return True
    return False


def _relative_follows(tokens: list[Token], h: TriggerHit) -> bool:
    """"التفجير الذي"، "التفجير الانتحاري المزدوج الذي": a relative after the noun
    and up to two definite adjectives."""
    for t in tokens[h.tok + h.ntok:h.tok + h.ntok + 3]:
        if t.norm in _RELATIVES:
            return True
        if not t.norm.startswith(_AL):
            return False
    return False


def _for_someone(tokens: list[Token], h: TriggerHit) -> bool:
    """Is the trigger followed by a beneficiary (لمقاتلي، للقوات) within two words?"""
    for t in tokens[h.tok + h.ntok:h.tok + h.ntok + 2]:
        if t.norm.startswith(_LI) and not t.norm.startswith(_LI + _ALEF):
            return True
    return False


def _is_title(doc: Document, sent: Span) -> bool:
    """Is the sentence a headline-like line: the short first line of the text, or any
    short line without a final stop (sub-headings, keyword lines)?"""
    nl = doc.text.find("\n")
    if 0 <= nl <= TITLE_MAX and sent.end <= nl and not doc.text[:nl].rstrip().endswith("."):
        return True
    line_end = doc.text[sent.end:sent.end + 1] in ("\n", "")
    line_start = sent.start == 0 or doc.text[sent.start - 1] == "\n"
    return line_start and line_end and len(sent.text.split()) <= LINE_MAX_WORDS and sent.text.rstrip()[-1:] not in _TITLE_ENDS


#: Confidences of a kept mention, before the eventness decision.
STRONG_CONF = 0.8  # a strong trigger: it stands on its own
SUPPORTED_CONF = 0.6  # a weak trigger its clause supports (context word, parties, planning verb)
# (UNSUPPORTED_CONF above: a weak ASSAULT/PROTEST trigger the eventness model decides on)

#: Windows (tokens before the trigger) of the context classes the rules read.
ANYONE_WINDOW = 2  # "أي هجوم"
UNREAL_WINDOW = 4  # "قدرة ... على تنفيذ هجمات"
PERMIT_WINDOW = 6  # "حاكت التصدي لهجوم"
OBJECT_WINDOW = 5  # "ضبطت بحوزتهم عبوات ناسفة"
PUBLISH_WINDOW = 3  # "نشر بياناً" before; as many tokens after the trigger as PUBLISH_AFTER
PUBLISH_AFTER = 4  # "مقطع نشرته الوزارة"
REPORT_AN_WINDOW = 4  # "ونقلت الوكالة عن مصدر": عن within this many tokens after
NEGATOR_WINDOW = 4  # "نفت أن تكون نفذت أي ضربة": a negator this close makes "أي" a denial
BEGIN_WINDOW = 3  # "بدأ الجيش الانسحاب"
CAUSE_WINDOW = 1  # "سقط قتلى جراء القصف"
GENERIC_WINDOW = 3  # "سلسلة الهجمات"
DESCRIBE_WINDOW = 2  # "ووصفه بأنه اعتداء"
ESCALATE_WINDOW = 3  # "تصاعدت حدة المعارك"
MATERIEL_WINDOW = 4  # "أرسلت الولايات المتحدة أسلحة": the object after the subject
ABSTRACT_WINDOW = 3  # "ضربة كبيرة لسمعة": the object within this many tokens after the trigger
ABSTRACT_AGAINST_WINDOW = 4  # "اعتداء مباشرا ومتواصلا على حق": an object opened by على / ضد this close
FIGURATIVE_OBJECT_WINDOW = 4  # "سيضرب ما تبقى من السياحة"
ANNIVERSARY_WINDOW = 2  # "الذكرى الثانية لاغتيال"
ACHIEVE_WINDOW = 8  # "تمكنت المقاومة الشعبية أمس السبت من السيطرة"
THREAT_ACTION_WINDOW = 3  # "تهدد الجماعة بقصف": the threatened action this close after يهدد/تهدد
PAY_WINDOW = 3  # "بدفع رسوم الإيجار"
SPEECH_WINDOW = 6  # "التصريحات المستفزة لنوري المالكي والتي هاجم": the speech word this close before
CALL_WINDOW = 3  # "دعوته لوقف إطلاق النار": the call word this close before the noun
CALL_SENTENCE_WINDOW = 20  # "دعا الوزير ... مفوض الأمم المتحدة ... لزيارة عدن"
STORM_WINDOW = 12  # "اقتحمت قوات الجيش الوطني اليمني وعناصر من المقاومة الشعبية بدعم من طيران التحالف، قاعدة"
RECEIVED_WINDOW = 4  # "استقبل مطار عدن أمس ثاني طائرة": the thing received this close after
CAMPAIGN_WINDOW = 6  # "إثر مداهمات أمنية في مختلف أنحاء البلاد استهدفت"
HABITUAL_WINDOW = 2  # "باستمرار مواجهات"، "القصف اليومي"
HABITUAL_TYPES = ("ASSAULT", "PROTEST", "COERCE")
PERIODIC_WINDOW = 2  # "يعقدون اجتماعاً يومياً": the adverb this close around the meeting word
PERIODIC_TYPES = ("CONSULT",)
SPAN_WINDOW = 6  # "المعارك التي يخوضها منذ أربع سنوات": منذ this close after the trigger, in its clause
SPAN_BEFORE = 3  # "منذ بدء المواجهات": منذ this close before (farther, the span dates another word)
SPAN_GAP = 3  # "منذ أكثر من أربع سنوات": words between منذ / خلال and the unit
SPAN_RELATIVE_GAP = 2  # "المعارك التي يخوضها منذ": a relative this close after the trigger is its own clause
SPAN_FIRST_WINDOW = 4  # "أول هجوم من نوعه منذ": the first or superlative this close before منذ
TOPIC_WINDOW = 1  # "لبحث الهجوم"
GENERIC_SCOPE_WINDOW = 12  # "في كل الحروب لا يمكن أن تستهدف دور العبادة في تفجير"
RESTATED_WINDOW = 4  # "واستنكر الدكتور التركي هذه التصريحات": the demonstrative object this close
OUR_BATTLE_WINDOW = 3  # "معركة وطننا ضد تنظيم داعش": ضد this close after the battle noun
ATTACK_TARGET_WINDOW = 7  # "قصفت مقاتلات التحالف العربي الذي تقوده المملكة رتلاً"
STIPULATE_WINDOW = 3  # "ينص الاتفاق على انسحاب": the verb this close before على
REFUSE_WINDOW = 3  # "ورفض الوزير زيارة دمشق": the verb of refusing this close before the noun
PRESS_CALL_WINDOW = 3  # "في اتصال هاتفي مع المدينة إنهم": the that-clause this close after the party


@dataclass
class Candidate:
    """One trigger hit in its sentence and clause, with the support detection
    found for it (:func:`support`); the reject rules read it."""

    doc: Document
    hit: TriggerHit
    sentence: Span
    sent_index: int
    clause: Span
    clauses: list[Span]
    hits: list[TriggerHit]  # every hit of the document (a clause may lean on the previous one)
    s_lo: int  # token range of the sentence
    s_hi: int
    c_lo: int  # token range of the clause
    c_hi: int
    conf: float = 0.0
    force_subject: bool = False  # a weak verb with armed forces for subject
    unsupported: bool = False  # a weak ASSAULT/PROTEST trigger with no context word
    planned_purpose: bool = False  # a verbal noun of purpose after a verb of planning
    visit: bool = False  # an official arriving somewhere: a visit (CONSULT), no movement of forces

    @property
    def tokens(self) -> list[Token]:
        return self.doc.tokens

    @property
    def form(self) -> TriggerForm:
        return self.hit.entry

    def cue_before(self, cls: str, window: int) -> bool:
        """A context word of ``cls`` within ``window`` tokens before the trigger, in its clause."""
        return _cue_before(self.tokens, self.hit, cls, window, self.c_lo)


def _object_of_verb(doc: Document, prev: TriggerHit | None, h: TriggerHit) -> bool:
    """"منعت قافلة": a weak noun right after a verb of another type (or any noun
    right after an ASSAULT/COERCE trigger) is that verb's object, no event of its own."""
    return (
        prev is not None and prev.entry.type != h.entry.type
        and h.tok == prev.tok + prev.ntok and not h.entry.verb
        and not any(c in doc.text[prev.end:h.start] for c in _CLAUSE_MARKS)
        and (prev.entry.verb and not h.entry.strong or prev.entry.type in ("ASSAULT", "COERCE"))
    )


def _sentence_hits(doc: Document, hits: list[TriggerHit]):
    """(sentence index, sentence, its token range, its hits) for every sentence with a hit."""
    tokens = doc.tokens
    hit_toks = [h.tok for h in hits]
    hit_toks_sorted = all(a <= b for a, b in zip(hit_toks, hit_toks[1:], strict=False))
    for si, sent in enumerate(doc.sentences):
        s_lo, s_hi = _token_range(tokens, sent)
        if hit_toks_sorted:
            s_hits = hits[bisect_left(hit_toks, s_lo):bisect_left(hit_toks, s_hi)]
        else:
            s_hits = [h for h in hits if s_lo <= h.tok < s_hi]
        if s_hits:
            yield si, sent, s_lo, s_hi, s_hits


def candidates(doc: Document) -> Iterator[Candidate]:
    """Every trigger hit of ``doc`` that is not a verb's object, with its support.

    1. Triggers are found on the token stream (:func:`~rasid.events.lexicon.find_triggers`).
    2. A hit that is the object of the verb before it is skipped (:func:`_object_of_verb`).
    3. The hit's clause is found and its support computed (:func:`support`).
    """
    tokens = doc.tokens
    hits = find_triggers(tokens, doc.text)
    if not hits:
        return
    for si, sent, s_lo, s_hi, s_hits in _sentence_hits(doc, hits):
        clauses = split_clauses(doc.text, sent)
        prev: TriggerHit | None = None
        for h in s_hits:
            after_verb = _object_of_verb(doc, prev, h)
            prev = h
            if after_verb:
                continue
            clause = next((c for c in clauses if c.start <= h.start < c.end), sent)
            if h.object_end is not None and h.object_end > clause.end:
                # "ووقع العراق مع روسيا، الخميس، اتفاق": the verb's clause runs to its object
                clause = doc.span(clause.start, next((c.end for c in clauses if c.start < h.object_end <= c.end), sent.end))
            c_lo, c_hi = _token_range(tokens, clause)
            c = Candidate(doc, h, sent, si, clause, clauses, hits, s_lo, s_hi, c_lo, c_hi)
            support(c)
            yield c


def support(c: Candidate) -> None:
    """Set the candidate's confidence from what supports it (0 = nothing does).

    1. A strong trigger: ``STRONG_CONF``.
    2. A weak verb that needs armed forces: forces within ``FORCE_VERB_WINDOW`` of it
       (its subject), or past the subject and a time put between commas
       ("دخلت القوات"، "دفعت القيادة، أمس الجمعة، بتعزيزات") -> ``SUPPORTED_CONF``
       with ``force_subject``; a movement verb opening a clause whose subject is
       the previous clause's (:func:`_elided_subject`) -> ``SUPPORTED_CONF``.
    3. Any other weak trigger: a context word of its class in its clause or
       sentence -> ``SUPPORTED_CONF``.
    4. A weak ASSAULT/PROTEST trigger still unsupported: ``UNSUPPORTED_CONF``
       (``unsupported``; the eventness model reads the sentence classifier).
    5. A meeting noun with its parties ("لقاء الرئيس ووزير الخارجية"،
       "اجتماع مع قادة"): ``SUPPORTED_CONF``.
    6. "يخططون لاستهداف أرتال": a verbal noun of purpose after a verb of planning
       (``planned_purpose``): at least ``SUPPORTED_CONF``.
    7. A verb of arriving with an official for subject and no force word ("وصل وزير
       الخارجية إلى موسكو", :func:`_official_arrives`): ``SUPPORTED_CONF``, a visit.
    """
    doc, tokens, h, tf = c.doc, c.tokens, c.hit, c.hit.entry
    conf = STRONG_CONF if tf.strong else 0.0
    # need "force!": a force word and nothing else (no classifier vote: "سيطر الهدوء على")
    strict = bool(tf.need and tf.need.endswith("!"))
    need = tf.need.rstrip("!") if tf.need else None
    if not tf.strong:
        skip = (h.tok, h.tok + h.ntok)
        if need and tf.verb and need == "force":
            lo = max(c.c_lo, h.tok - FORCE_VERB_WINDOW)
            hi = min(c.c_hi, h.tok + h.ntok + FORCE_VERB_WINDOW)
            if _has_context(doc, tokens, lo, hi, need, skip) or any(
                in_context(tokens[i].norm, "force") for i in _after_inserts(doc, tokens, h, c.s_hi)
            ):
                conf = SUPPORTED_CONF
                c.force_subject = True
            elif tf.type == "MOBILIZE" and h.tok == c.c_lo and _elided_subject(doc, tokens, c.clauses, c.clause, c.hits):
                conf = SUPPORTED_CONF
        elif need and (
            _has_context(doc, tokens, c.c_lo, c.c_hi, need, skip)
            or _has_context(doc, tokens, c.s_lo, c.s_hi, need, skip)
        ):
            conf = SUPPORTED_CONF
        if tf.type in CLASSIFIER_TYPES and conf <= 0.0 and not strict:
            conf = UNSUPPORTED_CONF
            c.unsupported = True
    if conf <= 0.0 and tf.type in PARTY_TYPES and _has_parties(doc, tokens, h):
        conf = SUPPORTED_CONF
    if conf <= 0.0 and _official_arrives(c):
        conf = SUPPORTED_CONF
        c.visit = True
    c.planned_purpose = (
        not tf.verb and _purpose(tokens[h.tok], tf.form) and h.tok > 0 and tokens[h.tok - 1].norm in _PLAN_VERBS
    )
    if c.planned_purpose:
        conf = max(conf, SUPPORTED_CONF)
    c.conf = conf


# --- reject rules: a supported candidate that one of them matches is no mention ---


def reject_any(c: Candidate) -> bool:
    """"أي هجوم": any attack is no happening ... unless it is denied or negated:
    "نفت أن تكون نفذت أي ضربة" is a denied attack."""
    return c.cue_before("anyone", ANYONE_WINDOW) and not _denied_or_negated(c.doc, c.tokens, c.hit.tok)


def reject_unreal(c: Candidate) -> bool:
    """"قدرة ... على تنفيذ هجمات": an ability or possibility, not a happening."""
    return c.cue_before("unreal", UNREAL_WINDOW)


def reject_permit(c: Candidate) -> bool:
    """"حاكت التصدي لهجوم": an exercise simulating, or a permission for, the event."""
    return c.cue_before("permit", PERMIT_WINDOW)


def reject_weapon_object(c: Candidate) -> bool:
    """"ضبطت بحوزتهم عبوات ناسفة"، "استخدام قنابل": weapons handled, not used in an attack."""
    return c.form.type == "ASSAULT" and not c.form.verb and c.cue_before("object", OBJECT_WINDOW)


def _abstract_object(c: Candidate) -> bool:
    """The first object of the trigger, opened by ل within :data:`ABSTRACT_WINDOW`
    tokens after it, or by a word of ``against`` (على، ضد، استهدف) within
    :data:`ABSTRACT_AGAINST_WINDOW` ("اعتداء مباشرا ومتواصلا على حق الشعوب"), is an
    ``abstract`` word (data/context.tsv)."""
    tokens, h = c.tokens, c.hit
    start = h.tok + h.ntok
    for i in range(start, min(c.c_hi, start + ABSTRACT_AGAINST_WINDOW)):
        norm = tokens[i].norm
        against = in_context(tokens[i - 1].norm, "against")
        # (ل only this close: "وسيطرت قوات المقاومة الداعمة للشرعية" names the forces)
        opened = against or (norm.startswith(_LI) and i < start + ABSTRACT_WINDOW)
        if opened:
            return in_context(norm, "abstract") or (
                i + 1 < c.c_hi and has_phrase(tokens, i, i + 2, "abstract"))
    return False


def _figurative_verb_object(c: Candidate) -> bool:
    """An attack verb with a ``figurative_object`` word (data/context.tsv) among
    the :data:`FIGURATIVE_OBJECT_WINDOW` tokens after it, in its clause."""
    tokens, h = c.tokens, c.hit
    hi = min(c.c_hi, h.tok + h.ntok + FIGURATIVE_OBJECT_WINDOW)
    return c.form.verb and any(in_context(tokens[i].norm, "figurative_object") for i in range(h.tok + h.ntok, hi))


def reject_abstract_target(c: Candidate) -> bool:
    """"في ضربة لسلطة الرئيس"، "الهجوم الذي استهدف سجله"، "خطفت التقنيات أنظار
    الصحافيين": an attack on a non-physical target is a figure of speech."""
    return c.form.type == "ASSAULT" and (_abstract_object(c) or _figurative_verb_object(c))


def reject_bygone(c: Candidate) -> bool:
    """"في الذكرى الثانية لاغتيال الصحافي"، "منذ اغتيال رئيس الحكومة"، "في قضية
    اغتيال ...": an ASSAULT noun the sentence looks back to is no report ... unless
    the sentence dates it after the trigger ("منذ المواجهات التي اندلعت ... في صيف
    العام الماضي": a past happening kept with its date, issue 13 item 1)."""
    h, end = c.hit, c.sentence.end
    return c.form.type == "ASSAULT" and not c.form.verb and (
        c.cue_before("bygone", 1) or c.cue_before("anniversary", ANNIVERSARY_WINDOW)
    ) and not any(h.end <= t.start < end for t in c.doc.times)


def reject_history(c: Candidate) -> bool:
    """"انتشرت القوات ... خلال إدارة أوباما": a weak trigger telling background history."""
    tokens = c.tokens
    return not c.form.strong and (
        has_phrase(tokens, c.c_lo, c.c_hi, "history")
        or any(in_context(tokens[i].norm, "history") for i in range(c.c_lo, c.c_hi))
    )


def reject_publish(c: Candidate) -> bool:
    """"نشر بياناً"، "مقطع نشرته الوزارة": نشر that publishes is no deployment
    (data/second_senses.tsv, sense publish)."""
    tf, h, tokens = c.form, c.hit, c.tokens
    return tf.mode == "deploy" and tf.form.endswith(_PUBLISH_FORMS) and (
        c.cue_before("publish", PUBLISH_WINDOW)
        or any(in_context(t.norm, "publish") for t in tokens[h.tok + 1:min(c.c_hi, h.tok + 1 + PUBLISH_AFTER)])
    )


def reject_report(c: Candidate) -> bool:
    """"ونقلت الوكالة عن مصدر": نقل that reports is no movement
    (data/second_senses.tsv, sense report)."""
    h = c.hit
    return c.form.form in _REPORT_FORMS and any(t.norm == _AN for t in c.tokens[h.tok + 1:h.tok + 1 + REPORT_AN_WINDOW])


def reject_purpose(c: Candidate) -> bool:
    """"لاستهداف المركبات"، "لنقل الأفراد": a weak verbal noun of purpose is no report
    (unless a verb of planning governs it: ``planned_purpose``)."""
    tf = c.form
    return not tf.strong and not tf.verb and _purpose(c.tokens[c.hit.tok], tf.form) and not c.planned_purpose


def reject_relative_clause(c: Candidate) -> bool:
    """"الهجمات التي استهدفت": a weak verb in a relative clause describes, it does not report."""
    h = c.hit
    return not c.form.strong and c.form.verb and h.tok > 0 and c.tokens[h.tok - 1].norm in _RELATIVE_OR_WHERE


_STATE_THREAT_FORMS = frozenset(w for w, _ in context_words()["state_threat"])  # present tense: a danger, not a threat made
_BI = ar.affix("bi", fold)  # ب
_CONSEQUENCE = frozenset(w for w, _ in context_words()["consequence"])  # "مما يهدد ...": a consequence
_THAT = frozenset(w for w, _ in context_words()["that"])  # أن، إن ...
_VERBAL_ATTACK_FORMS = frozenset(w for w, _ in context_words()["verbal_attack_form"])  # هاجم ...


def reject_state_threat(c: Candidate) -> bool:
    """"وتهدد حياة المواطنين"، "مما يهدد بإبادة جماعية"، "صار يهدد المناطق": the present
    يهدد / تهدد tells a danger or a state, not a threat a party makes. It is one only
    when what is threatened is an action, opened by ب ("تهدد بقصف"، "يهدد باقتحام")
    within :data:`THREAT_ACTION_WINDOW` tokens, and not as the consequence of a clause
    ("مما يهدد")."""
    h, tokens = c.hit, c.tokens
    if c.form.type != "THREATEN" or c.form.form not in _STATE_THREAT_FORMS:
        return False
    if h.tok > 0 and tokens[h.tok - 1].norm in _CONSEQUENCE:
        return True
    after = tokens[h.tok + h.ntok:min(c.c_hi, h.tok + h.ntok + THREAT_ACTION_WINDOW)]
    # "وتهدد بشكل مباشر السلم": a ب of manner (بشكل، بصورة) opens no threatened action
    return not any(t.norm.startswith(_BI) and len(t.norm) > 3 and t.norm not in _MANNER for t in after)


_PAY_VERBS = tuple(w for w, _ in context_words()["pay_verb"])  # دفع
_MANNER = frozenset(w for w, _ in context_words()["manner"])  # بشكل، بصورة ...


def reject_payment(c: Candidate) -> bool:
    """"سيقوم بدفع رسوم الإيجار"، "دفعت الحكومة تعويضات": دفع that pays is no
    deployment (a ``pay`` word of data/context.tsv within :data:`PAY_WINDOW` tokens after it)."""
    tf, h, tokens = c.form, c.hit, c.tokens
    return tf.type == "MOBILIZE" and any(w in tf.form for w in _PAY_VERBS) and any(
        in_context(t.norm, "pay") for t in tokens[h.tok + h.ntok:min(c.c_hi, h.tok + h.ntok + PAY_WINDOW)])


def reject_prompted(c: Candidate) -> bool:
    """"مما دفع بقوات التحالف لإفشالها"، "ما دفع الحكومة إلى": دفع right after a word of
    consequence (مما، ما) tells what prompted a party, no forces pushed forward."""
    tf, h, tokens = c.form, c.hit, c.tokens
    return (tf.type == "MOBILIZE" and any(w in tf.form for w in _PAY_VERBS)
            and h.tok > c.s_lo and tokens[h.tok - 1].norm in _CONSEQUENCE)


def reject_verbal_attack(c: Candidate) -> bool:
    """"التصريحات المستفزة التي هاجم فيها المملكة"، "في مقاله الذي هاجم فيه الحكومة": an
    attack verb (class verbal_attack_form) after a ``speech`` word (data/context.tsv:
    تصريحات، مقال، خطاب ...) within :data:`SPEECH_WINDOW` tokens before it in its sentence,
    with no that-word (أن، إن) between, is an attack in words, no assault. ("قال في
    تصريحات إن مسلحين هاجموا الحاجز": the that-clause reports a real attack.)"""
    h, tokens = c.hit, c.tokens
    if c.form.type != "ASSAULT" or not c.form.verb or c.form.form not in _VERBAL_ATTACK_FORMS:
        return False
    for i in range(h.tok - 1, max(c.s_lo, h.tok - SPEECH_WINDOW) - 1, -1):
        if tokens[i].norm in _THAT:
            return False
        if in_context(tokens[i].norm, "speech"):
            return True
    return False


def reject_source_line(c: Candidate) -> bool:
    """"رابط الخبر بصحيفة الوئام: <the headline>": the closing source line of an article
    repeats its headline, no new report (the body tells the happening). The phrase opens
    the sentence, or stands a few tokens before it, colon between, when the splitter cut
    inside the headline ("رابط الخبر بصحيفة الوئام: اليمن .. هدوء في صنعاء ...
    واشتباكات متقطعة")."""
    if has_phrase(c.tokens, c.s_lo, min(c.s_hi, c.s_lo + 2), "source_line"):
        return True
    toks, text = c.tokens, c.doc.text
    for i in range(max(0, c.s_lo - SOURCE_LINE_TOKENS), c.s_lo - 1):
        if has_phrase(toks, i, i + 2, "source_line"):
            gap = text[toks[i].start:toks[c.s_lo].start]
            return ":" in gap and "\n" not in gap
    return False


#: tokens from "رابط الخبر" to a sentence cut inside the headline after it
SOURCE_LINE_TOKENS = 6


def _class_around(c: Candidate, cls: str, window: int) -> bool:
    """A word or phrase of the context class ``cls`` within ``window`` tokens of the
    trigger, inside its clause (the trigger's own tokens left out)."""
    h, tokens = c.hit, c.tokens
    lo, hi = max(c.c_lo, h.tok - window), min(c.c_hi, h.tok + h.ntok + window)
    return any(in_context(tokens[i].norm, cls) for i in range(lo, hi) if not h.tok <= i < h.tok + h.ntok) or (
        has_phrase(tokens, lo, hi, cls))


def reject_habitual(c: Candidate) -> bool:
    """"ويشهد القوقاز باستمرار مواجهات وهجمات"، "تقع عادة مواجهات": a
    ``habitual`` word (data/context.tsv: باستمرار، عادة، دائماً) right
    around an attack or protest word tells what happens again and again, not one happening."""
    return c.form.type in HABITUAL_TYPES and _class_around(c, "habitual", HABITUAL_WINDOW)


def reject_periodic(c: Candidate) -> bool:
    """"يعقدون اجتماعاً يومياً لتدارس الأوضاع"، "يلتقون كل أسبوع": a ``periodic`` word
    (data/context.tsv) right around a meeting or visit word tells a practice, not one meeting."""
    return c.form.type in PERIODIC_TYPES and _class_around(c, "periodic", PERIODIC_WINDOW)


_SINCE = frozenset(w for w, _ in context_words()["span_since"])  # منذ: only it dates a start


def _is_year(norm: str) -> bool:
    return len(norm) == 4 and norm.isdigit() and norm[:2] in ("19", "20")


def _long_span_at(tokens: list[Token], i: int, hi: int) -> bool:
    """Does a long span of time open at token ``i`` (منذ أربع سنوات، خلال تسعة أشهر،
    منذ بداية الحرب، منذ عام 2011), within ``hi``?"""
    if not in_context(tokens[i].norm, "span_open"):
        return False
    nxt = [t.norm for t in tokens[i + 1:min(hi, i + 2 + SPAN_GAP)]]
    if any(in_context(n, "span_unit") for n in nxt):
        return True
    if not nxt or not any(stem in _SINCE for _, stem in proclitic_splits(tokens[i].norm)):
        return False
    return in_context(nxt[0], "span_start") or _is_year(nxt[0]) or (
        len(nxt) > 1 and _is_year(nxt[1]))


def reject_long_span(c: Candidate) -> bool:
    """"المعارك التي يخوضها الجيش منذ أربع سنوات"، "قتل الآلاف منذ بداية الحرب"، "الغارات
    خلال تسعة أشهر": a span of months or years (data/context.tsv: span_open, span_unit,
    span_start) near the trigger in its clause tells a campaign or a tally, background or a
    summary, not one happening ... unless a first or a superlative comes before it ("أول هجوم
    من نوعه منذ سنوات"، "الأعنف منذ بداية الحرب": a new happening measured against the span)."""
    h, tokens = c.hit, c.tokens
    lo, hi = max(c.c_lo, h.tok - SPAN_BEFORE), min(c.c_hi, h.tok + h.ntok + SPAN_WINDOW)
    for i in range(lo, hi):
        if h.tok <= i < h.tok + h.ntok or not _long_span_at(tokens, i, c.c_hi):
            continue
        # "بإلقاء براميل على المدينة التي أسقط عليها منذ بدء المعركة": the span dates another noun's clause
        end = h.tok + h.ntok
        if any(tokens[k].norm in _RELATIVES for k in range(end + SPAN_RELATIVE_GAP, i)):
            continue
        # "شنت أعنف ضربات تستهدف المقاتلين منذ بداية الضربات": the superlative may stand before the trigger
        first_lo = max(c.c_lo, min(i, h.tok) - SPAN_FIRST_WINDOW)
        if not any(in_context(tokens[k].norm, "span_first") for k in range(first_lo, i)):
            return True
    return False


def reject_topic(c: Candidate) -> bool:
    """"اجتماع لبحث الهجوم"، "لمناقشة التفجير"، "تحقيق حول الهجوم": a definite event noun right
    after a ``topic_of`` word (data/context.tsv) is what a meeting or a report is about,
    a reference to a happening told elsewhere, no new one."""
    tf, h = c.form, c.hit
    # (definite: it refers back; "وحول زيارة وزير الدفاع الأسبوع الماضي" tells the visit)
    return not tf.verb and is_definite(c.tokens[h.tok], tf.form) and c.cue_before("topic_of", TOPIC_WINDOW)


_MAA = ar.particle("maa", fold=fold)  # مع
_QUOTES = "«\"“'"


def reject_press_call(c: Candidate) -> bool:
    """"وأوضح الأمين في اتصال هاتفي مع «الشرق الأوسط» أن ..."، "قالت مصادر في اتصال
    هاتفي مع المدينة إنهم ..."، "وقال في اتصال هاتفي بـ«عكاظ»": a phone call with the newspaper is how a statement
    reached it, no meeting. The party after مع is quoted, a ``press`` word
    (data/context.tsv), or a that-clause (أن، إنه) follows within
    :data:`PRESS_CALL_WINDOW` tokens."""
    h, tokens = c.hit, c.tokens
    j = h.tok + h.ntok
    # (مع, or a bare ب: "في اتصال هاتفي بـ«عكاظ»")
    if c.form.mode != "phone" or j + 1 >= c.s_hi or tokens[j].norm not in (_MAA, _BI):
        return False
    nxt = tokens[j + 1]
    if c.doc.text[max(0, nxt.start - 1):nxt.start + 1].lstrip()[:1] in _QUOTES or in_context(nxt.norm, "press"):
        return True
    return any(t.norm in _THAT for t in tokens[j + 2:min(c.s_hi, j + 2 + PRESS_CALL_WINDOW)])


_THING_SUBJECT_TYPES = frozenset({"THREATEN", "CONSULT"})


def reject_thing_subject(c: Candidate) -> bool:
    """"الإعلان يهدد بتوسيع رقعة المعركة"، "هذان الأمران اجتمعا في الصفقة": a THREATEN or
    meeting verb whose subject, the word right before it in its clause, is a
    ``thing_subject`` word (data/context.tsv: a decision, an agreement, "the two matters")
    tells a risk or a coincidence, no threat a party makes nor a meeting held."""
    h = c.hit
    return (
        c.form.type in _THING_SUBJECT_TYPES and c.form.verb and h.tok > c.c_lo
        and in_context(c.tokens[h.tok - 1].norm, "thing_subject")
    )


def reject_generic_scope(c: Candidate) -> bool:
    """"وفي كل الحروب لا يمكن أن تستهدف دور العبادة في تفجير": an attack word after a
    ``generic_scope`` phrase (data/context.tsv: كل الحروب، جميع الحروب، كل تاريخ) within
    :data:`GENERIC_SCOPE_WINDOW` tokens before it in its sentence is a statement about all
    wars, no happening."""
    h = c.hit
    return c.form.type == "ASSAULT" and has_phrase(
        c.tokens, max(c.s_lo, h.tok - GENERIC_SCOPE_WINDOW), h.tok, "generic_scope")


def _context_class(cls: str) -> frozenset[str]:
    """The folded words of one class of data/context.tsv, exactly as written."""
    return frozenset(w for w, _ in context_words()[cls])


def _context_word(cls: str) -> str:
    """The single folded word of one class of data/context.tsv."""
    (w,) = _context_class(cls)
    return w


_DEMONSTRATIVES = _context_class("demonstrative")  # هذه، تلك ...
_PREPOSITIONS = _context_class("object_prep")  # في، على ...


def reject_restated_condemnation(c: Candidate) -> bool:
    """"أدانت الرابطة التصريحات ... واستنكر الأمين العام هذه التصريحات": a condemnation whose
    object, within :data:`RESTATED_WINDOW` tokens after the verb, opens with a demonstrative
    (هذه، تلك) refers back to what an earlier condemnation of the document condemned: the
    same condemnation told again (the real gold keeps it at most as a second, optional key)."""
    h, tokens = c.hit, c.tokens
    if c.form.mode != "condemn" or not any(
            o.entry.mode == "condemn" and o.tok < h.tok for o in c.hits):
        return False
    lo = h.tok + h.ntok
    # "وأدان في هذا السياق الهجوم": a demonstrative after a preposition is no object
    return any(tokens[i].norm in _DEMONSTRATIVES and tokens[i - 1].norm not in _PREPOSITIONS
               for i in range(lo, min(c.c_hi, lo + RESTATED_WINDOW)))


_BATTLE_FORMS = _context_class("battle")
_OUR = _context_word("our_suffix")  # the suffix of "our": معركتنا، وطننا
_DIDDA = _context_word("battle_against")


def reject_our_battle(c: Candidate) -> bool:
    """"معركتنا ضد الإرهاب"، "معركة وطننا ضد تنظيم داعش لن تنتهي": a battle that is "ours"
    (the noun, or the word right after it, ends with نا) and is waged against (ضد, within
    :data:`OUR_BATTLE_WINDOW` tokens after it) is a speaker's campaign, no happening;
    "معركتنا في الزبداني" (no ضد) is kept."""
    h, tokens = c.hit, c.tokens
    if c.form.type != "ASSAULT" or c.form.form not in _BATTLE_FORMS:
        return False
    j = h.tok + h.ntok
    ours = tokens[h.tok].norm.endswith(_OUR) or (j < c.c_hi and tokens[j].norm.endswith(_OUR))
    return ours and any(t.norm == _DIDDA for t in tokens[j:min(c.c_hi, j + OUR_BATTLE_WINDOW)])


def reject_attack_target(c: Candidate) -> bool:
    """"قصفت مقاتلات التحالف رتلاً عسكرياً"، "استهدفت الغارات تعزيزات للميليشيات": a
    MOBILIZE noun (a convoy, reinforcements) that an ASSAULT verb earlier in its clause,
    within :data:`ATTACK_TARGET_WINDOW` tokens and with no trigger between, has for
    object is the attack's target, no movement told (the real gold gives the attack only)."""
    h = c.hit
    if c.form.type != "MOBILIZE" or c.form.verb:
        return False
    prev = [o for o in c.hits if o.tok < h.tok and o.tok + o.ntok <= h.tok]
    if not prev:
        return False
    o = max(prev, key=lambda x: x.tok)
    return (o.entry.type == "ASSAULT" and o.entry.verb and o.tok >= c.c_lo
            and h.tok - (o.tok + o.ntok) <= ATTACK_TARGET_WINDOW)


_ORDER_WORDS = _context_class("order_word")


def reject_order(c: Candidate) -> bool:
    """"أصدر أوباما الأمر بشن ضربات جوية"، "أعطى أوامر بقصف": an order (an order word right
    before the ب that opens the ordered act, or right before the trigger opened by ب) tells
    the decision, not the act, as a permission does (:func:`reject_permit`)."""
    h, tokens = c.hit, c.tokens
    trig = tokens[h.tok].norm
    if h.tok - 1 >= c.c_lo and trig.startswith(_BI) and tokens[h.tok - 1].norm in _ORDER_WORDS:
        return True
    return (h.tok - 2 >= c.c_lo and tokens[h.tok - 1].norm.startswith(_BI)
            and tokens[h.tok - 2].norm in _ORDER_WORDS)


_CHARGED_WITH = _context_class("charged_with")


def reject_charged_with(c: Candidate) -> bool:
    """"المطلوب بجرائم احتجاز أشخاص"، "اعتقل بتهمة القتل": an event noun right after
    "on the charge of / for the crimes of" names what someone is charged with, no
    happening told (the real gold gives the charge, ACCUSE, or the arrest)."""
    h = c.hit
    return h.tok - 1 >= c.c_lo and c.tokens[h.tok - 1].norm in _CHARGED_WITH


_STIPULATE_BI = _context_class("stipulate_bi")  # + ب, right before (not قضى: "died")
_STIPULATE_ALA = _context_class("stipulate_ala")  # ... على
_ALA = _context_word("stipulate_prep")


def reject_stipulated(c: Candidate) -> bool:
    """"كان الاتفاق يقضي بتدريبهم"، "تسوية تقضي بانسحابهم"، "ينص الاتفاق على انسحاب": an
    event noun that a verb of stipulating governs (يقضي / تقضي right before the noun opened
    by ب; ينص / نصت within :data:`STIPULATE_WINDOW` tokens before على and the noun) is a term
    of an agreement, no happening (the agreement is the event)."""
    h, tokens = c.hit, c.tokens
    if h.tok - 1 < c.c_lo:
        return False
    prev = tokens[h.tok - 1].norm
    if _stem_in(prev, _STIPULATE_BI):
        return tokens[h.tok].norm.startswith(_BI)
    if prev != _ALA:
        return False
    return any(_stem_in(tokens[i].norm, _STIPULATE_ALA)
               for i in range(max(c.c_lo, h.tok - 1 - STIPULATE_WINDOW), h.tok - 1))


def _stem_in(norm: str, words: frozenset[str]) -> bool:
    """Is the token, with or without its proclitics (و، ف), one of ``words``?"""
    return any(stem in words for _, stem in proclitic_splits(norm))


_REFUSE = _context_class("refuse")
_REFUSABLE_TYPES = frozenset({"CONSULT", "AGREE", "RETREAT", "MOBILIZE", "AID"})
_AGREEMENT = _context_word("agreement_word")


def reject_refused(c: Candidate) -> bool:
    """"ورفض زيارة دمشق"، "النظام رفض إيقاف إطلاق النار": a visit, a ceasefire, a
    withdrawal, a deployment or aid that a verb of refusing governs (within
    :data:`REFUSE_WINDOW` tokens before the noun, in its clause) did not take place. Not an
    attack ("رفضت الحكومة الهجوم" condemns one that did), nor an agreement noun (اتفاق: one
    party refusing an agreement others made)."""
    h, tokens, tf = c.hit, c.tokens, c.form
    if tf.type not in _REFUSABLE_TYPES or tf.verb or _AGREEMENT in tf.form:
        return False
    return any(_stem_in(tokens[i].norm, _REFUSE) for i in range(max(c.c_lo, h.tok - REFUSE_WINDOW), h.tok))


_CALL = _context_class("call")  # دعا، طالب، ناشد ...
_ILA = _context_word("call_to")  # إلى
_CALLABLE_TYPES = frozenset({"CONSULT", "AGREE", "RETREAT"})
_WA_FA = (ar.affix("wa", fold=fold), ar.affix("fa", fold=fold))  # و، ف
_CIRCUMSTANCE = _context_class("circumstance")  # خلال، أثناء ...


def _call_word(norm: str) -> bool:
    """A call word, bare or after و / ف ("ودعا"), not after ب ("بدعوة من": at the
    invitation of, a visit that takes place)."""
    return norm in _CALL or (norm[:1] in _WA_FA and norm[1:] in _CALL)


def reject_called_for(c: Candidate) -> bool:
    """"دعوته لوقف إطلاق النار"، "دعا المفوض ... لزيارة عدن"، "طالب الطرفين بالانسحاب": a
    visit, a truce or a withdrawal someone calls for is a request (REQUEST in the real
    gold), no happening (unless a word of circumstance, خلال، أثناء، عقب, comes right
    before the noun: "داعيا خلال زيارته واشنطن"): a call word (data/context.tsv, class call) within
    :data:`CALL_WINDOW` tokens before the noun in its clause, or anywhere before it in its
    sentence when the noun is opened by ل or follows إلى (what was called for)."""
    h, tokens, tf = c.hit, c.tokens, c.form
    if tf.type not in _CALLABLE_TYPES or tf.verb or _AGREEMENT in tf.form:
        return False
    if h.tok > c.s_lo and _stem_in(tokens[h.tok - 1].norm, _CIRCUMSTANCE):
        return False  # "داعيا خلال زيارته واشنطن": the visit during which the call was made
    calls = [i for i in range(max(c.s_lo, h.tok - CALL_SENTENCE_WINDOW), h.tok) if _call_word(tokens[i].norm)]
    if any(i >= max(c.c_lo, h.tok - CALL_WINDOW) for i in calls):
        return True
    trig = tokens[h.tok].norm
    opened = (trig.startswith(_LI) and not trig.startswith(_LI + _ALEF + _LI)) or (
        h.tok > c.s_lo and tokens[h.tok - 1].norm == _ILA)
    return opened and bool(calls)


_RECEIVE_FORMS = _context_class("receive_form")  # استقبل
_QAD = _context_word("qad")  # قد


def reject_received_thing(c: Candidate) -> bool:
    """"واستقبل المطار ثاني طائرة شحن"، "وكان الميناء قد استقبل سفينة تحمل المساعدات"،
    "استقبل المستشفى عشرات الجرحى": a verb of receiving whose object (within
    :data:`RECEIVED_WINDOW` tokens after it) is a vehicle, a shipment, the wounded or
    refugees (class received_thing), or whose subject (right after it, or right before it,
    past قد) is a facility (class receiving_facility), tells an arrival, no meeting."""
    h, tokens, tf = c.hit, c.tokens, c.form
    if tf.type != "CONSULT" or tf.form not in _RECEIVE_FORMS:
        return False
    j = h.tok + h.ntok
    if any(in_context(tokens[i].norm, "received_thing") for i in range(j, min(c.c_hi, j + RECEIVED_WINDOW))):
        return True
    before = h.tok - 1
    if before > c.c_lo and tokens[before].norm == _QAD:
        before -= 1
    subjects = [i for i in (before, j) if c.c_lo <= i < c.c_hi]
    return any(in_context(tokens[i].norm, "receiving_facility") for i in subjects)


_MESSAGE = _context_class("message")


def reject_message_sent(c: Candidate) -> bool:
    """"أرسل قائد فيلق القدس برقية تعزية"، "أرسلت الوزارة رسالة إلى المفوض": a verb or noun
    of sending (class send) whose object, within :data:`MATERIEL_WINDOW` tokens with no
    force word before it, is a message (class message) sends words, no forces."""
    h, tokens = c.hit, c.tokens
    if c.form.type != "MOBILIZE" or not in_context(tokens[h.tok].norm, "send"):
        return False
    for i in range(h.tok + h.ntok, min(c.c_hi, h.tok + h.ntok + MATERIEL_WINDOW)):
        if in_context(tokens[i].norm, "message"):
            return True
        if in_context(tokens[i].norm, "force"):
            return False
    return False


def reject_security_campaign(c: Candidate) -> bool:
    """"أوقفت الشرطة 251 شخصا في إطار حملة استهدفت أفرادا يشتبه في انتمائهم"، "واعتقلت
    السلطات ... إثر مداهمات أمنية ... استهدفت عناصر": a weak attack verb whose subject, a
    ``security_campaign`` word (data/context.tsv: حملة، مداهمات) within
    :data:`CAMPAIGN_WINDOW` tokens before it in its clause, is a campaign of arrests the
    sentence tells (a COERCE trigger before it): the arrests, no assault."""
    h, tokens, tf = c.hit, c.tokens, c.form
    if tf.type != "ASSAULT" or tf.strong or not tf.verb:
        return False
    if not any(o.entry.type == "COERCE" and c.s_lo <= o.tok < h.tok for o in c.hits):
        return False
    return any(in_context(tokens[i].norm, "security_campaign")
               for i in range(max(c.c_lo, h.tok - CAMPAIGN_WINDOW), h.tok))


#: The reject rules, in the order they are tried (each is a predicate on a
#: supported :class:`Candidate`; the first that matches drops it).
REJECT_RULES: tuple[Callable[[Candidate], bool], ...] = (
    reject_any,
    reject_unreal,
    reject_permit,
    reject_weapon_object,
    reject_abstract_target,
    reject_bygone,
    reject_history,
    reject_publish,
    reject_report,
    reject_purpose,
    reject_relative_clause,
    reject_state_threat,
    reject_payment,
    reject_prompted,
    reject_verbal_attack,
    reject_source_line,
    reject_habitual,
    reject_periodic,
    reject_long_span,
    reject_topic,
    reject_press_call,
    reject_thing_subject,
    reject_generic_scope,
    reject_restated_condemnation,
    reject_our_battle,
    reject_attack_target,
    reject_order,
    reject_charged_with,
    reject_stipulated,
    reject_refused,
    reject_called_for,
    reject_received_thing,
    reject_message_sent,
    reject_security_campaign,
)


def rejected_by(c: Candidate) -> str | None:
    """The name of the first reject rule the candidate matches, or None."""
    return next((r.__name__ for r in REJECT_RULES if r(c)), None)


def _is_definite(c: Candidate) -> bool:
    """A definite noun that may refer back to an earlier mention:

    1. the token carries the article (``الهجمات``) ...
    2. ... and no relative clause follows ("التفجير الذي هز ..." is specific),
    3. no verb of beginning precedes a strong trigger ("بدأ الجيش الانسحاب"،
       "أعلنت الانسحاب": a verbal noun its clause reports),
    4. no word of cause precedes it ("سقط قتلى جراء القصف": the cause of casualties
       told here is reported here),
    5. no noun of number precedes it, nor a noun of number and من ("آلاف الغارات"،
       "عدد من البراميل": a count told here),
    6. no verb of escalation governs it ("تحتدم المواجهات"، "تصاعدت حدة المعارك"،
       "اندلعت الاشتباكات": the clause reports the fighting),
    7. it is not the complement of a verb of achieving ("تمكنت القوات، أمس، من
       السيطرة على"، "نجحت في السيطرة": what was achieved is reported here).
    """
    tokens, h, tf = c.tokens, c.hit, c.form
    return (
        is_definite(tokens[h.tok], tf.form, tf.pos) and not _relative_follows(tokens, h)
        and not (tf.strong and c.cue_before("begin", BEGIN_WINDOW))
        and not c.cue_before("cause", CAUSE_WINDOW)
        and not _counted(tokens, h.tok)
        and not c.cue_before("escalate", ESCALATE_WINDOW)
        and not _achieved(c)
    )


def _counted(tokens: list[Token], i: int) -> bool:
    """"آلاف الغارات"، "عدد من البراميل": a noun of number (and من) before token ``i``."""
    if i > 0 and tokens[i - 1].norm in _QUANTITY:
        return True
    return i > 1 and tokens[i - 1].norm == _MIN and (
        tokens[i - 2].norm in _QUANTITY or in_context(tokens[i - 2].norm, "quantity")
    )


def _achieved(c: Candidate) -> bool:
    """"تمكنت القوات من السيطرة"، "نجحت في اقتحام": the trigger right after من/في, with a
    verb of achieving (data/context.tsv, class achieve) before it in its clause."""
    h, tokens = c.hit, c.tokens
    return h.tok > c.c_lo and tokens[h.tok - 1].norm in _MIN_FI and c.cue_before("achieve", ACHIEVE_WINDOW)


def _official_arrives(c: Candidate) -> bool:
    """"وصل نائب الرئيس اليمني إلى مطار عدن"، "ووصل وزير الخارجية إلى موسكو": a verb of
    arriving (data/context.tsv, class arrive) whose subject, right after it, is an official
    (class official) tells a visit (CONSULT), not a movement of forces, when the
    sentence names a place after it ("وصل الرئيس إلى السلطة" names none)."""
    h, tokens = c.hit, c.tokens
    i = h.tok + h.ntok
    return (
        c.form.type == "MOBILIZE" and in_context(tokens[h.tok].norm, "arrive")
        and i < c.c_hi and in_context(tokens[i].norm, "official")
        and any_start_in(c.doc, ("place",), h.end, c.sentence.end)
    )


def _sends_materiel(c: Candidate) -> bool:
    """"قوات التحالف أرسلت معدات مختلفة"، "إرسال أسلحة وذخائر": a verb or noun of sending
    (data/context.tsv, class send) whose object, within MATERIEL_WINDOW tokens of its
    clause with no force word before it, is arms or equipment (class materiel): the
    type convention of data/type_conventions.tsv, arms and equipment given are AID."""
    h, tokens = c.hit, c.tokens
    if not in_context(tokens[h.tok].norm, "send"):
        return False
    for i in range(h.tok + h.ntok, min(c.c_hi, h.tok + h.ntok + MATERIEL_WINDOW)):
        if in_context(tokens[i].norm, "materiel"):
            return True
        if in_context(tokens[i].norm, "force"):
            return False  # "أرسلت قوات ومعدات": the troops are sent
    return False


_STORM_FORMS = _context_class("storm_form")  # اقتحم


def _storms_ground(c: Candidate) -> bool:
    """"اقتحمت قوات الجيش والمقاومة بدعم من طيران التحالف قاعدة العند"، "التنظيم اقتحم
    منطقة الحريجية": a verb of storming (class storm_form) whose clause, within
    :data:`STORM_WINDOW` tokens after it, names ground fought over (class battle_ground: a
    base, a camp, a town, a district, a position) or the air or fire support of the assault
    (class battle_support: بدعم، بغطاء، بإسناد) is an assault (the real gold: "اقتحمت
    المقاومة الشعبية ... قاعدة العند" is ASSAULT); storming a house, an office or a holy
    site (a raid by police or settlers: class raid_ground, when it comes first) stays COERCE."""
    h, tokens, tf = c.hit, c.tokens, c.form
    if tf.mode != "raid" or not tf.verb or tf.form not in _STORM_FORMS:
        return False
    for i in range(h.tok + h.ntok, min(c.c_hi, h.tok + h.ntok + STORM_WINDOW)):
        classes = context_classes(tokens[i].norm)
        if "raid_ground" in classes:
            return False  # "اقتحمت قوات الأمن منزل المطلوب في المدينة": the first object is a house
        if "battle_ground" in classes or "battle_support" in classes:
            return True
    return False


def _mention(c: Candidate) -> Mention:
    """The mention of a kept candidate (type, flags and attributes)."""
    h, tf = c.hit, c.form
    typ, mode = tf.type, tf.mode
    if mode == "exercise" and _for_someone(c.tokens, h):
        typ, mode = "AID", "military"  # "تدريبات عسكرية لمقاتلي الفصيل": training given
    elif c.visit:
        typ, mode = "CONSULT", "visit"  # "وصل وزير الخارجية إلى موسكو": an official's visit
    elif typ == "MOBILIZE" and _sends_materiel(c):
        typ, mode = "AID", "military"  # "أرسلت قوات التحالف معدات": equipment sent is aid
    elif _storms_ground(c):
        typ, mode = "ASSAULT", "attack"  # "اقتحمت المقاومة قاعدة العند": storming ground fought over
    return Mention(
        hit=h,
        type=typ,
        mode=mode,
        trigger=c.doc.span(h.start, h.end),
        sentence=c.sentence,
        clause=c.clause,
        sent_index=c.sent_index,
        tok_lo=c.c_lo,
        tok_hi=c.c_hi,
        confidence=c.conf,
        weak=not tf.strong and not c.planned_purpose,
        definite=_is_definite(c),
        # "ووصفه بأنه اعتداء": a name for a happening told elsewhere
        generic=c.cue_before("generic", GENERIC_WINDOW) or c.cue_before("describe", DESCRIBE_WINDOW),
        title=_is_title(c.doc, c.sentence),
        attrs=({"force_subject": True} if c.force_subject else {}) | ({"unsupported": True} if c.unsupported else {}),
    )


def detect(doc: Document) -> list[Mention]:
    """Trigger mentions of ``doc`` that pass the context and classifier checks.

    1. :func:`candidates`: the trigger hits with their support (:func:`support`).
    2. A candidate nothing supports (confidence 0) is dropped.
    3. A candidate one of :data:`REJECT_RULES` matches is dropped.
    4. The others become mentions (:func:`_mention`).
    """
    return [_mention(c) for c in candidates(doc) if c.conf > 0.0 and rejected_by(c) is None]


_NEGATORS = frozenset(
    ar.particles("lam", "lan", "la", "ma", fold=fold)  # لم، لن، لا، ما
    + tuple(ar.affix("wa", fold=fold) + w for w in ar.particles("lam", "lan", "la", fold=fold))  # ولم، ولن، ولا
)


def _denied_or_negated(doc, tokens, i: int) -> bool:
    """The token sits in a denying claim's content, or a negator precedes it closely."""
    start = tokens[i].start
    if any(c.stance == "deny" and c.content.start <= start < c.content.end for c in doc.claims):
        return True
    return any(t.norm in _NEGATORS for t in tokens[max(0, i - NEGATOR_WINDOW):i])
