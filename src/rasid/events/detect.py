"""Event mentions: trigger hits kept when their clause supports them.

1. Triggers (``data/triggers.tsv``) are found on the token stream.
2. A strong trigger stands on its own; a weak one needs a context word of its
   class (``data/context.tsv``: force / violence) in its clause or sentence;
   for ASSAULT / PROTEST one without it is kept as an ``unsupported``
   candidate. The precise rules below drop the uses that report nothing.
3. Whether a kept mention reports a happening is decided afterwards by the
   eventness model (:mod:`rasid.events.eventness`).
4. Mentions of one happening are merged later (:mod:`rasid.events.merge`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bisect import bisect_left

from rasid import lang
from rasid.events.index import any_start_in, covered_tokens, mentions_starting_in, token_range
from rasid.events.lexicon import TriggerHit, find_triggers, has_phrase, in_context, is_definite
from rasid.lang import ar
from rasid.model.document import Document, Span
from rasid.text import fold
from rasid.text.sentences import split_clauses
from rasid.text.tokens import Token

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


_WITH = ar.particles("maa", "bayna", fold=fold)  # مع، بين
PARTY_CHARS = 12  # a party named this close after a meeting noun


def _has_parties(doc: Document, tokens: list[Token], h: TriggerHit) -> bool:
    """Is the meeting noun followed by مع/بين or a person or group named right after it?"""
    nxt = tokens[h.tok + h.ntok:h.tok + h.ntok + 1]
    if nxt and (nxt[0].norm in _WITH or in_context(nxt[0].norm, "parties")):
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


def detect(doc: Document) -> list[Mention]:
    """Trigger mentions of ``doc`` that pass the context and classifier checks."""
    tokens = doc.tokens
    out: list[Mention] = []
    hits = find_triggers(tokens)
    if not hits:
        return out
    hit_toks = [h.tok for h in hits]
    hit_toks_sorted = all(a <= b for a, b in zip(hit_toks, hit_toks[1:], strict=False))
    for si, sent in enumerate(doc.sentences):
        s_lo, s_hi = _token_range(tokens, sent)
        if hit_toks_sorted:
            s_hits = hits[bisect_left(hit_toks, s_lo):bisect_left(hit_toks, s_hi)]
        else:
            s_hits = [h for h in hits if s_lo <= h.tok < s_hi]
        if not s_hits:
            continue
        clauses = split_clauses(doc.text, sent)
        prev: TriggerHit | None = None
        for h in s_hits:
            # "منعت قافلة": a weak noun right after a verb of another type is its object
            after_verb = (
                prev is not None and prev.entry.type != h.entry.type
                and h.tok == prev.tok + prev.ntok and not h.entry.verb
                and not any(c in doc.text[prev.end:h.start] for c in _CLAUSE_MARKS)
                and (prev.entry.verb and not h.entry.strong or prev.entry.type in ("ASSAULT", "COERCE"))
            )
            prev = h
            if after_verb:
                continue
            clause = next((c for c in clauses if c.start <= h.start < c.end), sent)
            c_lo, c_hi = _token_range(tokens, clause)
            tf = h.entry
            conf = 0.8 if tf.strong else 0.0
            force_subject = False
            unsupported = False
            if not tf.strong:
                skip = (h.tok, h.tok + h.ntok)
                if tf.need and tf.verb and tf.need == "force":
                    # "دخلت القوات"، "القوات ... قد دخلت": the force is the verb's subject
                    lo = max(c_lo, h.tok - FORCE_VERB_WINDOW)
                    hi = min(c_hi, h.tok + h.ntok + FORCE_VERB_WINDOW)
                    if _has_context(doc, tokens, lo, hi, tf.need, skip) or any(
                        in_context(tokens[i].norm, "force") for i in _after_inserts(doc, tokens, h, s_hi)
                    ):
                        conf = 0.6
                        force_subject = True
                    elif tf.type == "MOBILIZE" and h.tok == c_lo and _elided_subject(doc, tokens, clauses, clause, hits):
                        conf = 0.6
                elif tf.need and (
                    _has_context(doc, tokens, c_lo, c_hi, tf.need, skip)
                    or _has_context(doc, tokens, s_lo, s_hi, tf.need, skip)
                ):
                    conf = 0.6
                if tf.type in CLASSIFIER_TYPES and conf <= 0.0:
                    # no context word: a candidate the eventness model decides on
                    # (it reads the sentence classifier's vote)
                    conf = UNSUPPORTED_CONF
                    unsupported = True
            # "لقاء الرئيس ووزير الخارجية"، "اجتماع مع قادة": a meeting noun with its parties
            if conf <= 0.0 and tf.type == "CONSULT" and _has_parties(doc, tokens, h):
                conf = 0.6
            # "يخططون لاستهداف أرتال": a verbal noun of purpose after a verb of planning
            planned_purpose = (
                not tf.verb and _purpose(tokens[h.tok], tf.form) and h.tok > 0 and tokens[h.tok - 1].norm in _PLAN_VERBS
            )
            if planned_purpose:
                conf = max(conf, 0.6)
            if conf <= 0.0:
                continue
            # "أي هجوم": any attack is no happening; "قدرة ... على تنفيذ هجمات"، "حاكت التصدي لهجوم"
            # ... unless it is denied or negated: "نفت أن تكون نفذت أي ضربة" is a denied attack
            if (
                (_cue_before(tokens, h, "anyone", 2, c_lo) and not _denied_or_negated(doc, tokens, h.tok))
                or _cue_before(tokens, h, "unreal", 4, c_lo)
                or _cue_before(tokens, h, "permit", 6, c_lo)
            ):
                continue
            # "ضبطت بحوزتهم عبوات ناسفة"، "استخدام قنابل": weapons handled, not used in an attack
            if tf.type == "ASSAULT" and not tf.verb and _cue_before(tokens, h, "object", 5, c_lo):
                continue
            # "انتشرت القوات ... خلال إدارة أوباما": a weak trigger telling background history
            if not tf.strong and (has_phrase(tokens, c_lo, c_hi, "history") or any(in_context(tokens[i].norm, "history") for i in range(c_lo, c_hi))):
                continue
            # "نشر بياناً"، "مقطع نشرته الوزارة": نشر that publishes is no deployment
            if tf.mode == "deploy" and tf.form.endswith(_PUBLISH_FORMS) and (
                _cue_before(tokens, h, "publish", 3, c_lo)
                or any(in_context(t.norm, "publish") for t in tokens[h.tok + 1:min(c_hi, h.tok + 5)])
            ):
                continue
            # "ونقلت الوكالة عن مصدر": نقل that reports is no movement
            if tf.form in _REPORT_FORMS and any(t.norm == _AN for t in tokens[h.tok + 1:h.tok + 5]):
                continue
            # "لاستهداف المركبات"، "لنقل الأفراد": a weak verbal noun of purpose is no report
            if not tf.strong and not tf.verb and _purpose(tokens[h.tok], tf.form) and not planned_purpose:
                continue
            # "الهجمات التي استهدفت": a weak verb in a relative clause describes, it does not report
            if not tf.strong and tf.verb and h.tok > 0 and tokens[h.tok - 1].norm in _RELATIVE_OR_WHERE:
                continue
            typ, mode = tf.type, tf.mode
            if mode == "exercise" and _for_someone(tokens, h):
                typ, mode = "AID", "military"  # "تدريبات عسكرية لمقاتلي الفصيل": training given
            m = Mention(
                hit=h,
                type=typ,
                mode=mode,
                trigger=doc.span(h.start, h.end),
                sentence=sent,
                clause=clause,
                sent_index=si,
                tok_lo=c_lo,
                tok_hi=c_hi,
                confidence=conf,
                weak=not tf.strong and not planned_purpose,
                # "التفجير الذي هز ...": a definite noun with a relative clause is specific
                # "بدأ الجيش الانسحاب"، "أعلنت الانسحاب": a verbal noun its clause reports
                definite=is_definite(tokens[h.tok], tf.form, tf.pos) and not _relative_follows(tokens, h)
                and not (tf.strong and _cue_before(tokens, h, "begin", 3, c_lo))
                # "سقط قتلى جراء القصف": the cause of casualties told here is reported here
                and not _cue_before(tokens, h, "cause", 1, c_lo)
                # "آلاف الغارات": a cumulative count, not a reference back
                and not (h.tok > 0 and tokens[h.tok - 1].norm in _QUANTITY),
                # "ووصفه بأنه اعتداء": a name for a happening told elsewhere
                generic=_cue_before(tokens, h, "generic", 3, c_lo) or _cue_before(tokens, h, "describe", 2, c_lo),
                title=_is_title(doc, sent),
                attrs=({"force_subject": True} if force_subject else {}) | ({"unsupported": True} if unsupported else {}),
            )
            out.append(m)
    return out


_NEGATORS = frozenset(
    ar.particles("lam", "lan", "la", "ma", fold=fold)  # لم، لن، لا، ما
    + tuple(ar.affix("wa", fold=fold) + w for w in ar.particles("lam", "lan", "la", fold=fold))  # ولم، ولن، ولا
)


def _denied_or_negated(doc, tokens, i: int) -> bool:
    """The token sits in a denying claim's content, or a negator precedes it closely."""
    start = tokens[i].start
    if any(c.stance == "deny" and c.content.start <= start < c.content.end for c in doc.claims):
        return True
    return any(t.norm in _NEGATORS for t in tokens[max(0, i - 4):i])
