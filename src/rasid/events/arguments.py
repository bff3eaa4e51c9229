"""Arguments of an event mention: actor, recipient, place, time, counts, claim.

All come from annotations the earlier stages put on the document (entities,
times, claims) and from the words around the trigger:

- actor: for a verb, the first actor mention after it (Arabic VSO: ``اعتقلت
  القوات``), else the nearest one before it in the clause (``القوات ... تخطط``);
  for a noun, the mention that follows it (``انتشار لقوات الحرس``, ``هجمات
  الميليشيات``), else the nearest one before. Mentions after ``على``/``ضد``
  (and the object of a verb) are the recipient instead.
- place: the place mentions of the clause, then of the sentence; after the
  trigger first, ``قادمة من X`` is the origin, ``إلى/نحو/باتجاه X`` the
  destination (for movements the destination is the event's place; a movement
  into a country happens at the crossing it passes, ``عبر معبر X``). For other
  events a route (``عبر``، ``مروراً ب``) or another verb's far destination is set
  aside when another place is named, and ``من X باتجاه Y`` happens at Y. A
  meeting's place is its venue: not a place of its topic (``بحث ... الأوضاع في
  سوريا``) nor a party (``محادثات مع روسيا``).
  Coordinated places (``في مدينتي دير الزور والبوكمال``) are all kept.
- time: a resolved time expression of the sentence (nearest the trigger), else
  one of the previous sentence when this one continues it; never the
  publication date.
- counts: numbers next to casualty/arrest/size words (``data/counts.tsv``).
- claim: the claim whose content span contains the trigger.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from functools import lru_cache

from rasid import lang
from rasid.events.detect import Mention
from rasid.events.lexicon import _rows, context_words, count_words, in_context
from rasid.events.merge import _RESPONSE, response_between
from rasid.events.nationality import body_country, generic_party, generic_source, source_entity, source_government
from rasid.events.numbers import find_numbers
from rasid.lang import ar
from rasid.model.document import Document, Entity, PlaceInfo, Span
from rasid.places.gazetteer import Entry, gazetteer
from rasid.text import fold
from rasid.text.sentences import split_clauses


@lru_cache(maxsize=1)
def argument_words() -> dict[str, tuple[str, ...]]:
    """role -> folded words of data/arguments.tsv (agent, agent_verb, fighters, partner,
    recipient_mark, origin_mark, destination_mark, oblique, ... : see the file)."""
    out: dict[str, list[str]] = {}
    for r in _rows("arguments.tsv", 2):
        out.setdefault(r[1], []).append(" ".join(fold(r[0]).split()))
    return {k: tuple(v) for k, v in out.items()}


_RECIPIENT_MARKS = argument_words()["recipient_mark"]  # على، ضد، بحق ...
_ORIGIN_MARKS = argument_words()["origin_mark"]  # قادمة من ...
_DEST_MARKS = argument_words()["destination_mark"]  # إلى، نحو، باتجاه ...
_OBLIQUE = argument_words()["oblique"]  # في، من، عن طريق ...
_ELIDED_SUBJECT = argument_words()["elided_subject"]  # حيث، ثم
_CONTINUES = argument_words()["continues"]  # و، ف، كما، ثم ...
_PREPOSITIONS = argument_words()["preposition"]  # عبر، في، من خلال ...
_VICTIM_CUES = frozenset(argument_words()["victim_cue"])  # أصيب، مقتل ...
_RESTATE = argument_words()["restate"]  # في، وتحديدا ...
_PLACE_NOUNS = lang.words(ar.PLACE_NOUNS, fold=fold)  # مدينة، بلدة، ريف ...
_RELATIVE = lang.words(ar.RELATIVES, fold=fold)  # التي، الذي ...
_BETWEEN, _MIN, _AN = ar.particles("bayna", "min", "an", fold=fold)  # بين، من، عن
_ALEF = ar.affix("alef", fold=fold)  # the accusative's written tanween ("أهدافاً")
_MANNER = argument_words()["manner"]  # "في غارة": the manner of the clause's verb
_WA, _AL, _LI, _LIL = ar.affixes("wa", "al", "li", "lil", fold=fold)  # و، ال، ل، لل
_CONJUNCTIONS = ar.affixes("wa", "fa", fold=fold)  # و، ف
_BI_LI = ar.affixes("bi", "li", fold=fold)  # ب، ل
_BI_FORMS = (ar.affix("bi", fold=fold), _WA + ar.affix("bi", fold=fold))  # ب، وب
#: quotes and punctuation stripped from the edges of a word
_WORD_PUNCT = "«»\"'“”()" + ar.COMMA + ",:"
_OPENING = "«\"'“("  # opening quotes and brackets
ACTOR_KINDS = ("actor", "organization", "person")
SPEECH_TYPES = frozenset({"THREATEN", "ACCUSE", "REJECT", "DEMAND", "APPEAL", "DISAPPROVE"})  # the speaker is the actor
SUBJECT_GAP = 2  # words between a verb and its subject ("اعتقلت القوات"، "هاجمت طائرات ... ")
ACTOR_WINDOW = 60  # characters: how far an actor mention may sit from the trigger


@dataclass
class DocContext:
    """Per-document work done once for all the mentions of a document: the actor
    and place mentions (sorted by position, with the ones that never qualify left
    out), the resolved times, the claims by sentence. Lookups by span use bisection,
    so filling the arguments of every mention stays linear in the article's length."""

    actors: list[tuple[Entity, Span]]
    places: list[tuple[Entity, Span]]
    times: list
    claims_by_sentence: dict[int, list]
    entities: dict[str, Entity]
    speakers: list[tuple[Entity, Span]] = field(default_factory=list)  # actor mentions that are claim sources
    _speaker_starts: list[int] = field(default_factory=list)
    _actor_starts: list[int] = field(default_factory=list)
    _place_starts: list[int] = field(default_factory=list)
    _time_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._actor_starts = [m.start for _, m in self.actors]
        self._speaker_starts = [m.start for _, m in self.speakers]
        self._place_starts = [m.start for _, m in self.places]
        self._time_starts = [t.start for t in self.times]

    @staticmethod
    def _within(pairs: list, starts: list[int], span: Span) -> list:
        out = []
        for i in range(bisect_left(starts, span.start), len(pairs)):
            m = pairs[i][1]
            if m.start >= span.end:
                break
            if m.end <= span.end:
                out.append(pairs[i])
        return out

    def actors_in(self, span: Span) -> list[tuple[Entity, Span]]:
        return self._within(self.actors, self._actor_starts, span)

    def speakers_in(self, span: Span) -> list[tuple[Entity, Span]]:
        return self._within(self.speakers, self._speaker_starts, span)

    def places_in(self, span: Span) -> list[tuple[Entity, Span]]:
        return self._within(self.places, self._place_starts, span)

    def times_in(self, span: Span) -> list:
        out = []
        for i in range(bisect_left(self._time_starts, span.start), len(self.times)):
            t = self.times[i]
            if t.start >= span.end:
                break
            if t.end <= span.end:
                out.append(t)
        return out


class _Intervals:
    """Spans sorted by start, with a running maximum of their ends: which of them
    overlap or contain a given span, found by bisection."""

    def __init__(self, spans) -> None:
        self.spans = sorted(((s.start, s.end) for s in spans))
        self.starts = [a for a, _ in self.spans]
        self.reach = []
        top = -1
        for _, e in self.spans:
            top = max(top, e)
            self.reach.append(top)

    def _before(self, pos: int):
        """Indices of the spans starting before ``pos``, last first, while one may reach past it."""
        for j in range(bisect_left(self.starts, pos) - 1, -1, -1):
            yield j

    def overlaps(self, m: Span) -> bool:
        for j in self._before(m.end):
            if self.reach[j] <= m.start:
                return False
            a, e = self.spans[j]
            if a < m.end and m.start < e:
                return True
        return False

    def inside_longer(self, m: Span) -> bool:
        for j in self._before(m.start + 1):
            if self.reach[j] < m.end:
                return False
            a, e = self.spans[j]
            if a <= m.start and m.end <= e and e - a > m.end - m.start:
                return True
        return False


def doc_context(doc: Document) -> DocContext:
    """The per-document part of argument filling (see :class:`DocContext`)."""
    sources = _Intervals(c.source for c in doc.claims)
    all_actors = list(doc.mentions(*ACTOR_KINDS))
    # who reports an event is not who did it ("أعلنت وزارة الداخلية أن تفجيراً ...")
    actors = [(e, m) for e, m in all_actors if not sources.overlaps(m)]
    speakers = [(e, m) for e, m in all_actors if sources.overlaps(m)]
    # "سوريا" inside "قوات سوريا الديمقراطية" names an actor, not a place
    inside_actor = _Intervals(m for _, m in all_actors).inside_longer
    backers = tuple(w for w, _ in context_words().get("backer", []))
    places = [
        (e, m)
        for e, m in doc.mentions("place")
        if e.place is not None and not e.place.metonym and not inside_actor(m)
        # "فصائل مدعومة من أنقرة": a place naming who backs a party is not where it happens
        and not _marked(doc, m, backers)
    ]
    times = sorted((t for t in doc.times if t.value_start), key=lambda t: t.start)
    by_sentence: dict[int, list] = {}
    sents = doc.sentences
    s_starts = [s.start for s in sents]
    for c in doc.claims:
        lo = max(0, bisect_left(s_starts, c.content.start + 1) - 1)
        for k in range(lo, len(sents)):
            if sents[k].start >= c.content.end:
                break
            by_sentence.setdefault(k, []).append(c)
    return DocContext(actors, places, times, by_sentence, {e.id: e for e in doc.entities}, speakers)


def _before_words(doc: Document, pos: int, n: int = 2) -> str:
    """The folded text of up to ``n`` words before ``pos``."""
    return _last_words(doc.text[max(0, pos - 40):pos], n)


@lru_cache(maxsize=8192)
def _last_words(left: str, n: int) -> str:
    """The folded text of up to ``n`` words at the end of ``left`` (each mention's
    arguments ask about the same few places again and again)."""
    # (an opening quote or bracket is no word: "ضد «داعش»" is marked by ضد)
    return " ".join([w for w in (w.strip(_OPENING) for w in fold(left).split()) if w][-n:])


def _marked(doc: Document, m: Span, marks: tuple[str, ...]) -> bool:
    """Is the mention introduced by one of ``marks`` (``على``، ``قادمة من``، ``إلى مدينة``)?

    A place-type noun (``مدينة``، ``بلدة``، ``ريف`` ...) may stand between the mark
    and the mention.
    """
    words = _before_words(doc, m.start, 4).split()
    while words and words[-1] in _PLACE_NOUNS:
        words.pop()
    tail = " ".join(words)
    return any(tail == k or tail.endswith(" " + k) for k in marks)


def _in(span: Span, m: Span) -> bool:
    return span.start <= m.start and m.end <= span.end


def _after_preposition(doc: Document, mt: Mention) -> bool:
    tok = fold(mt.trigger.text)
    return tok.startswith(_BI_FORMS) or _before_words(doc, mt.trigger.start, 1) in _PREPOSITIONS


_POSSESSIVE = ar.affixes("pron_huma", "pron_hum", "pron_ha", "pron_hu", fold=fold)  # هما، هم، ها، ه
_TA, _TA_MARBUTA = ar.affixes("ta", "ta_marbuta", fold=fold)  # ت، ة (folded ه)


def _possessed(mt: Mention) -> bool:
    """"جددت قوات النظام قصفها"، "شن سلاح الجو أولى غاراته": an event noun with a
    possessive pronoun; the pronoun stands for its agent, named before it."""
    if mt.hit.entry.verb or mt.hit.ntok != 1:
        return False
    form = fold(mt.hit.entry.form)
    if " " in form:
        return False
    w = fold(mt.trigger.text)
    for p in _CONJUNCTIONS + ("",):
        if not w.startswith(p):
            continue
        rest = w[len(p):]
        for base in {form, _AL + form if not form.startswith(_AL) else form[len(_AL):]}:
            if base.endswith(_TA_MARBUTA):
                base = base[:-len(_TA_MARBUTA)] + _TA
            if rest.startswith(base) and rest[len(base):] in _POSSESSIVE:
                return True
    return False


def _coordinated_perfect(doc: Document, mt: Mention) -> bool:
    """"، وقصف أهدافاً أخرى": a bare noun form after و at the head of its clause with an
    indefinite accusative after it is a perfect verb coordinated with the sentence's."""
    if mt.hit.entry.verb or mt.hit.ntok != 1:
        return False
    w = fold(mt.trigger.text)
    if not w.startswith(_WA) or w[len(_WA):] != fold(mt.hit.entry.form) or _words(doc.text[mt.clause.start:mt.trigger.start]):
        return False
    nxt = _words(doc.text[mt.trigger.end:mt.clause.end])[:1]
    return bool(nxt) and nxt[0].endswith(_ALEF) and not nxt[0].startswith(_AL)


def _noun_complement(doc: Document, mt: Mention) -> bool:
    """"اعتقال المتورطين بالتفجير"، "المتهمين بتفجير المسجد": a verbal noun after ب that
    completes a word of being charged or involved (data/arguments.tsv, role charged; not
    a verb: "قامت القوات بقصف"); the clause's subject did not do it."""
    if is_finite_verb(mt):
        return False
    w = fold(mt.trigger.text)
    if not w.startswith(_BI_FORMS):
        return False
    prev = _bare(_before_words(doc, mt.trigger.start, 1))
    for p in (_AL, _LIL, _LI, _BI_LI[0], ""):
        if prev.startswith(p) and any(prev[len(p):].startswith(c) for c in argument_words().get("charged", ())):
            return True
    return False


def _purpose_noun(mt: Mention) -> bool:
    """"ألقت السلطات القبض عليه لاتهامه بالقتل"، "أحالت المتهمين للجنايات لاتهامهم": a
    verbal noun after ل gives the reason or purpose of the clause's verb; its agent is
    that verb's subject."""
    if mt.hit.entry.verb:
        return False
    w = fold(mt.trigger.text)
    w = w[1:] if w.startswith(_CONJUNCTIONS) and len(w) > 4 else w
    return w.startswith(_LI) and not fold(mt.hit.entry.form).startswith(_LI)


def _response_words(doc: Document, lo: int, hi: int) -> bool:
    return any(w in _RESPONSE for w in fold(doc.text[lo:hi]).split())


def is_finite_verb(mt: Mention) -> bool:
    """A verb trigger not used as a verbal noun after ب/ل (``بشن غارات``)."""
    if not mt.hit.entry.verb:
        return False
    w = fold(mt.trigger.text)
    for p in _CONJUNCTIONS + ("",):
        if w.startswith(p) and w[len(p):].startswith(_BI_LI) and not mt.hit.entry.form.startswith(_BI_LI):
            return False
    return True


def _prepositional(doc: Document, m: Span) -> bool:
    """Is the mention the object of a preposition (``عن طريق العراق``، ``في سوريا``)?"""
    prev = _before_words(doc, m.start, 1)
    return prev in _OBLIQUE or fold(m.text).startswith(_BI_LI) and not fold(m.text).startswith((_AL, _LIL))


VICTIM_WINDOW = 8  # words before an actor mention where a casualty word makes it a victim


def _victim(doc: Document, m: Span, lo: int = 0) -> bool:
    """"أصيب عدد من الجنود الأمريكيين": an actor after a casualty word of its sentence
    (which starts at ``lo``) was hit, it did not act."""
    left = fold(doc.text[max(lo, m.start - 120):m.start]).split()[-VICTIM_WINDOW:]
    return any(w in _VICTIM_CUES for w in left)


KILLED_PHRASE_WORDS = 4  # words from a passive killing verb to the party its casualties belong to


def _killed_subject(doc: Document, mt: Mention, m: Span) -> bool:
    """"قتل جندي تركي وجرح أربعة آخرون"، "وقتل خمسة عناصر من جبهة النصرة": after a
    killing verb that reads as passive (قُتل), a count or a casualty noun (جندي، عناصر)
    opening the party names who was killed, not who killed ("قتل التنظيم خمسة مواطنين"
    keeps its subject)."""
    from rasid.events.numbers import find_numbers

    if mt.type != "ASSAULT" or _bare(fold(mt.trigger.text)) not in argument_words().get("passive_kill", ()):
        return False
    gap = fold(doc.text[mt.trigger.end:m.start]).split()
    # (the party of the casualty phrase: "قتل خمسة عناصر من جبهة النصرة", not one
    # past it: "قتل 28 مدنيا في قصف جوي لطائرات النظام")
    if len(gap) > KILLED_PHRASE_WORDS or any(w in _OBLIQUE and w != _MIN for w in gap):
        return False
    words = gap + fold(m.text).split()[:1]
    if words[0] in argument_words().get("casualty_head", ()) or any(ch.isdigit() for ch in words[0]):
        return True
    nums = find_numbers(doc.text[mt.trigger.end:m.end])
    return bool(nums) and len(doc.text[mt.trigger.end:mt.trigger.end + nums[0].start].split()) == 0


def _killed_before(doc: Document, mt: Mention, m: Span) -> bool:
    """"أن محسن الفضلي قتل في 8 يوليو": a party right before a killing verb written
    alike in the passive, with no object after it (a preposition or time word follows),
    was killed; it did not kill ("التنظيم قتل خمسة" keeps its subject)."""
    if mt.type != "ASSAULT" or _bare(fold(mt.trigger.text)) not in argument_words().get("passive_kill", ()):
        return False
    if doc.text[m.end:mt.trigger.start].strip():
        return False
    nxt = fold(doc.text[mt.trigger.end:mt.trigger.end + 40]).split()[:1]
    return bool(nxt) and nxt[0] in argument_words().get("passive_next", ())


def _victim_party(doc: Document, e: Entity, mt: Mention, ctx: DocContext) -> bool:
    """"قتل ثلاثة عناصر من قوات سوريا الديمقراطية (قسد)": a party that one of its
    mentions before the trigger in the sentence names as hit (an alias in brackets
    sits too far from the casualty word)."""
    return any(
        x.id == e.id and m.end <= mt.trigger.start and _victim(doc, m, mt.sentence.start)
        for x, m in ctx.actors_in(mt.sentence)
    )


@lru_cache(maxsize=1)
def _own_initials() -> frozenset[str]:
    """Listed words that open with و or ف of their own ("وحدات"، "وزير"، "فجرها"):
    no listed word is left once the letter is taken off."""
    words = {w for ws in argument_words().values() for w in ws}
    return frozenset(w for w in words if w.startswith(_CONJUNCTIONS) and w[1:] not in words)


def _bare(w: str) -> str:
    return w[1:] if w.startswith(_CONJUNCTIONS) and len(w) > 3 and w not in _own_initials() else w


def _agent_marked(doc: Document, m: Span) -> bool:
    """"على يد جنود بريطانيين"، "من قبل قوات الأمن": the mention is who acted."""
    words = [_bare(w) for w in _before_words(doc, m.start, 5).split()]
    fighters = argument_words().get("fighters", ())
    if len(words) > 2 and words[-1] == _MIN and words[-2] in fighters:
        words = words[:-1]  # "على يد مسلحين من تنظيم داعش": the party the fighters belong to
    while words and words[-1] in fighters:
        words.pop()  # "على يد عناصر من ..." is handled by the partitive
    tail = " ".join(words)
    return any(tail == k or tail.endswith(" " + k) for k in argument_words().get("agent", ()))


def _lam_attached(doc: Document, m: Span) -> bool:
    """Does the word of the mention open with ل (``للقوات``، ``لمسلحين``), the mention's
    span starting before or after the proclitic?"""
    ws = max(doc.text.rfind(" ", 0, m.start), doc.text.rfind("\n", 0, m.start)) + 1
    word = fold(doc.text[ws:m.end])
    return word.startswith(_LI) and not word.startswith(_AL)


def _owned(doc: Document, m: Span) -> bool:
    """"قصفوا أهدافا تابعة لتنظيم الدولة"، "وحدات تكتيكية تابعة للتنظيم": the party after
    تابعة ل owns the target; it did not act."""
    words = [_bare(w) for w in _before_words(doc, m.start, 4).split()]
    if words and words[-1] in (_LI, _LIL):
        words = words[:-1]  # the mention starts after the proclitic
    elif not _lam_attached(doc, m):
        return False
    if not words or words[-1] not in argument_words().get("owner", ()):
        return False
    targets = argument_words().get("target_noun", ())
    return any(w in targets for w in words[-3:-1])


#: types whose deployed forces belong to who deploys them
_FORCE_OWNER_TYPES = frozenset({"MOBILIZE"})
FORCE_OWNER_WORDS = 5  # words from a deployment noun to the party its forces belong to


def _force_owner(doc: Document, mt: Mention, ctx: DocContext) -> Entity | None:
    """"نشر مئات الجنود التابعين لقوات التحالف": the party the deployed forces belong to
    (after تابع ل, close after the noun, in its clause) deployed them."""
    owner = argument_words().get("owner", ())
    for e, m in ctx.actors_in(mt.clause):
        if m.start < mt.trigger.end:
            continue
        # (the mention's word with ل, or one unit noun with ل before it: "لقوات التحالف")
        gap = [_bare(w) for w in fold(doc.text[mt.trigger.end:m.start]).split()]
        if len(gap) > FORCE_OWNER_WORDS:
            return None
        if _lam_attached(doc, m) and gap and gap[-1] in owner:
            return e
        if len(gap) >= 2 and gap[-2] in owner and gap[-1].startswith(_LI) and not gap[-1].startswith(_AL):
            return e
        return None
    return None


def _paired(doc: Document, m: Span, ctx: DocContext) -> bool:
    """"الهدنة بين الحكومة التركية وحزب العمال": a party after بين, or coordinated with
    one, is a side of a relation, not the subject of the sentence."""
    between = argument_words().get("between", ())
    if _before_words(doc, m.start, 1) in between:
        return True
    prev = [p for _, p in ctx.actors_in(Span(max(0, m.start - 80), m.start))]
    return bool(prev) and _before_words(doc, prev[-1].start, 1) in between and fold(doc.text[prev[-1].end:m.start]).strip() in (_WA, "")


RELATIVE_VERB_REACH = 4  # words after an event noun where its relative verb of doing may stand


def _agent_across_time(doc: Document, mt: Mention, ctx: DocContext) -> Entity | None:
    """"الغارات الجوية التي شنتها، يوم الجمعة، الولايات المتحدة": the subject of a relative
    verb of doing after an event noun, a time set off by commas between them."""
    verbs = argument_words().get("agent_verb", ())
    pos = mt.trigger.end
    for _ in range(RELATIVE_VERB_REACH):
        nxt = doc.text.find(" ", pos + 1)
        word = doc.text[pos:nxt if nxt > 0 else mt.sentence.end].strip()
        pos = nxt if nxt > 0 else mt.sentence.end
        if _bare(fold(word.strip(_WORD_PUNCT))) in verbs:
            break
        if not word or word[-1] in (ar.COMMA, ",", "."):
            return None
    else:
        return None
    if pos >= mt.sentence.end or doc.text[pos - 1] not in (ar.COMMA, ","):
        return None  # the plain case ("شنتها الولايات المتحدة") is the clause's own
    times = [t for t in ctx.times_in(mt.sentence) if t.start >= pos]
    rest = pos
    while True:
        gap = doc.text[rest:rest + 3].lstrip()
        start = rest + len(doc.text[rest:rest + 3]) - len(gap)
        t = next((t for t in times if t.start == start), None)
        if t is None:
            break
        rest = t.end
        tail = doc.text[rest:rest + 2]
        if not tail.lstrip().startswith((ar.COMMA, ",")):
            return None
        rest = doc.text.index(tail.lstrip()[0], rest) + 1
    if rest == pos:
        return None  # no time stood between
    start = rest + len(doc.text[rest:rest + 3]) - len(doc.text[rest:rest + 3].lstrip())
    return next((e for e, m in ctx.actors_in(mt.sentence) if m.start == start), None)


def _earlier_target(doc: Document, e: Entity, m: Span, mt: Mention, previous: list[Mention]) -> bool:
    """"انفجار استهدف دورية للجيش التركي أدى إلى مقتل جنديين": a party after ل that an
    earlier event of the sentence hit is no actor of a killing it led to (the party of
    "استهدفت خلايا لتنظيم داعش متورطة في اغتيالات" did the assassinations)."""
    return mt.mode == "kill" and (_lam_attached(doc, m) or _aimed(doc, m)) \
        and any(p.sent_index == mt.sent_index and p.recipient == e.id for p in previous)


def _object_owner(doc: Document, m: Span) -> bool:
    """"بمهاجمة وكر لتنظيم داعش وتمكنت من قتل 15": a party written with ل after a noun
    (not after تابع ل nor a fighters noun) owns that noun; it is no subject."""
    if not _lam_attached(doc, m):
        return False
    prev = _bare(_before_words(doc, m.start, 1).split()[-1:][0]) if _before_words(doc, m.start, 1) else ""
    if prev in (_LI, _LIL):
        prev = _bare(_before_words(doc, m.start, 2).split()[0])
    return bool(prev) and prev not in argument_words().get("owner", ()) and prev not in argument_words().get("fighters", ())


def _aimed(doc: Document, m: Span) -> bool:
    """"صواريخ مستهدفة قوات البيشمركة": the mention right after a participle of targeting was hit."""
    return _bare(_before_words(doc, m.start, 1)) in argument_words().get("target_participle", ())


def _attribution_marked(doc: Document, m: Span) -> bool:
    """"ونسب إلى حزب العمال"، "نسبتها إلى X": the event was attributed to the mention."""
    words = [_bare(w) for w in _before_words(doc, m.start, 3).split()]
    tail = " ".join(words)
    return any(tail == k or tail.endswith(" " + k) for k in argument_words().get("attribution", ()))


ATTRIBUTION_WORDS = 20  # words from an event noun to the party it is attributed to
SEIZE_MODES = frozenset({"arrest", "abduct", "assassinate"})  # a person right after such a noun is its patient
POSSESSOR_WORDS = 6  # words from the agent a possessive pronoun stands for to its event noun


def _attributed(doc: Document, mt: Mention, previous: list[Mention], ctx: DocContext) -> Entity | None:
    """"هجوماً وقع مساء السبت في مدينة X ونسب إلى حزب العمال": the party an event noun
    is attributed to later in its sentence; "هجمات نسبتها إلى X، بينها هجومان": a noun
    of the same type after the attribution shares the actor of the attributed one
    (not a response: "أدى الاعتداء الذي نسب إلى X إلى عمليات انتقامية")."""
    for e, m in ctx.actors_in(mt.sentence):
        if m.start >= mt.trigger.end:
            gap = _words(doc.text[mt.trigger.end:m.start])
            if len(gap) <= ATTRIBUTION_WORDS and _attribution_marked(doc, m):
                return e
        elif m.end <= mt.trigger.start and _attribution_marked(doc, m):
            # the word after the trigger may say it is a response ("عمليات انتقامية")
            response = any(w in _RESPONSE for w in _words(doc.text[mt.trigger.end:mt.trigger.end + 40])[:1])
            if not response and any(
                p.type == mt.type and p.actor == e.id and p.trigger.end <= m.start and not response_between(doc, p, mt)
                for p in previous
            ):
                return e
    return None


def _partitive(doc: Document, m: Span) -> bool:
    """"مسلحون من حركة طالبان"، "عناصر من الحرس الثوري": the party fighters belong to."""
    words = [_bare(w) for w in _before_words(doc, m.start, 3).split()]
    if len(words) < 2 or words[-1] != _MIN:
        return False
    fighters = argument_words().get("fighters", ())
    return words[-2] in fighters or " ".join(words[-3:-1]) in fighters or words[-2].removeprefix(_AL) in fighters


def _agent_verb_gap(gap: list[str]) -> bool:
    """"غارات شنتها طائرات روسية"، "هجوم نفذه مسلحون": the words between an event noun
    and a mention are a relative verb of doing it (and maybe one unit or vehicle noun)."""
    words = [w for w in gap if w not in _RELATIVE]
    if not words:
        return False
    verbs = argument_words().get("agent_verb", ())
    for n in (2, 1):
        if " ".join(_bare(w) for w in words[:n]) in verbs or (n == 1 and _bare(words[0]) in verbs):
            rest = words[n:]
            return len(rest) <= 1 or (len(rest) == 2 and rest[-1] == _MIN)
    return False


def _received(doc: Document, mt: Mention) -> bool:
    """Is the event noun the object of a verb of receiving (تسلمت، تلقى) just before it?"""
    words = [_bare(w) for w in _words(doc.text[max(mt.clause.start, mt.trigger.start - 60):mt.trigger.start])][-4:]
    return any(w in argument_words().get("receive", ()) for w in words)


def _titled(doc: Document, m: Span) -> bool:
    """"الأمين العام لكتائب ..."، "المتحدث باسم الجيش": a title before the party."""
    words = _words(doc.text[max(0, m.start - 40):m.start])
    if words and words[-1] in (_LI, _LIL):  # the mention starts after the proclitic
        words = words[:-1]
    titles = argument_words().get("title", ())
    return any(" ".join(words[-k:]) in titles for k in (1, 2, 3))


def _partner(doc: Document, m: Span) -> bool:
    """"تدريبات مشتركة مع القوات الأمريكية": a party after مع is a partner of the event noun."""
    prev = _before_words(doc, m.start, 2)
    return any(prev == k or prev.endswith(" " + k) for k in argument_words().get("partner", ()))


def _words(text: str) -> list[str]:
    return [w.strip(_WORD_PUNCT) for w in fold(text).split() if w.strip(_WORD_PUNCT)]


def _without_times(doc: Document, ctx: DocContext, lo: int, hi: int) -> str:
    """The text of ``[lo, hi)`` with its time expressions blanked out."""
    text = doc.text[lo:hi]
    for t in reversed(ctx.times_in(Span(lo, hi))):
        text = text[:t.start - lo] + " " + text[t.end - lo:]
    return text


RESPONSIBILITY_WORDS = 5  # words from the relative pronoun to the event noun: "الذي أعلن مسؤوليته عن"


def _claimed_by(doc: Document, mt: Mention, ctx: DocContext) -> Entity | None:
    """"على يد تنظيم داعش، والذي أعلن مسؤوليته عن التفجير"، "حركة طالبان التي تبنت
    المسؤولية عن الهجوم": the party a relative clause of claiming responsibility hangs
    on did the event its object names."""
    if mt.hit.entry.verb:
        return None
    words = _words(doc.text[max(mt.sentence.start, mt.trigger.start - 80):mt.trigger.start])[-RESPONSIBILITY_WORDS:]
    # (the two-word own acts that end with عن: "مسؤوليته عن"، "المسؤولية عن")
    resp = {w for w in argument_words().get("own_act", ()) if len(w.split()) == 2 and w.split()[1] == _AN}
    if len(words) < 3 or " ".join(words[-2:]) not in resp:
        return None
    if not any(_bare(w) in _RELATIVE for w in words[:-2]):
        return None
    # the relative pronoun (و)الذي / التي: the last one before the trigger
    lo = max(mt.sentence.start, mt.trigger.start - 80)
    rels = [m.start() for m in _WORD_RE.finditer(doc.text, lo, mt.trigger.start) if _bare(fold(m.group())) in _RELATIVE]
    if not rels:
        return None
    pos = rels[-1]
    head = doc.text[mt.sentence.start:pos].rstrip(" " + ar.COMMA + ",\"'«»“”")
    return next((e for e, m in reversed(ctx.actors_in(mt.sentence)) if m.end <= pos and head.endswith(doc.text[m.start:m.end])), None)


def _speaker_acts(doc: Document, mt: Mention, ctx: DocContext, pro_drop: bool = False) -> Entity | None:
    """"وقالت الوزارة إنها شنت غارات"، "نفت أن تكون قد نفذت أي اعتقالات"، "أعلن الجهاز
    اعتقال ثلاثة مطلوبين": the claim's speaker is the actor only when the content's
    subject is a pronoun for it, or the content opens with the speaker's own act
    after a verb of announcing (data/arguments.tsv: own_act, announce). A verb with
    no subject of its own (``pro_drop``: "وقالت الشرطة إنها ... بعدما اعتقلت 30
    شخصا") keeps the pronoun's reference further into the content."""
    own = argument_words().get("own_act", ())
    for c in ctx.claims_by_sentence.get(mt.sent_index, ()):
        if not (c.content.start <= mt.trigger.start < c.content.end):
            continue
        speaker = ctx.entities.get(c.source.entity) if c.source.entity else None
        if speaker is None:
            speaker = next((e for e, m in ctx.speakers_in(mt.sentence) if m.overlaps(c.source)), None)
        # "وقالت الشرطة إنها ... اعتقلت": a generic party as the source
        generic = generic_source(doc, c.source) if speaker is None else None
        if speaker is None and generic is None:
            continue
        # another party named between the content's start and the trigger is its subject
        if any(c.content.start <= m.start and m.end <= mt.trigger.start and not _prepositional(doc, m) for _, m in ctx.actors_in(mt.sentence)):
            continue
        # (a time told first is no word of the content's act: "أعلن الجيش أمس شن غارات")
        inside = _words(_without_times(doc, ctx, c.content.start, mt.trigger.start))
        # the content's opening words, with the one before it ("إنها" may sit outside the span)
        lead = _words(doc.text[max(c.content.start - 12, mt.sentence.start):c.content.start])[-1:] + inside[:2]
        reach = OWN_ACT_VERB_WORDS if pro_drop and not any(w in _RELATIVE for w in inside[-2:]) else OWN_ACT_WORDS
        if len(inside) <= reach and any(w in own or " ".join(lead[i:i + 2]) in own for i, w in enumerate(lead)):
            return speaker or source_entity(doc, generic)
        cue = _bare(" ".join(_words(c.cue.text)))
        if cue in argument_words().get("announce", ()) and (not inside or inside == [_AN]):
            return speaker or source_entity(doc, generic)
    return None


def _interposed_speaker(doc: Document, mt: Mention, ctx: DocContext) -> Entity | None:
    """"وصرح فالون من بغداد؛ حيث التقى مسؤولين عراقيين، أن ..."، "وقال كيري في الرياض حيث
    التقى الملك سلمان إن ...": a verb with an elided subject (after حيث، ثم) between a
    claim's source and its content tells the speaker's own act."""
    for c in ctx.claims_by_sentence.get(mt.sent_index, ()):
        if not (c.source.end <= mt.trigger.start and mt.trigger.end <= c.content.start):
            continue
        speaker = ctx.entities.get(c.source.entity) if c.source.entity else None
        if speaker is None:
            speaker = next((e for e, m in ctx.speakers_in(mt.sentence) if m.overlaps(c.source)), None)
        if speaker is None:
            speaker = source_government(doc, c.source)
        return speaker
    return None


def _launch_site_party(doc: Document, mt: Mention, ctx: DocContext) -> Entity | None:
    """"القصف العنيف الذي تعرض له مخيم درعا من مواقع قوات الأسد": the party whose
    positions (data/arguments.tsv: launch_site) an attack came from, after it in its clause."""
    sites = argument_words().get("launch_site", ())
    for e, m in ctx.actors_in(mt.clause):
        if m.start < mt.trigger.end:
            continue
        words = _before_words(doc, m.start, 3).split()
        if " ".join(words[-2:]) in sites or " ".join(words[-3:]) in sites:
            return e
    return None


SPEAKER_AFTER_CHARS = 3  # a speech verb's claim source starts this close after it


def _unnamed_speaker(doc: Document, mt: Mention, ctx: DocContext) -> Entity | None:
    """"وهدد وزير الدفاع التركي يشار غولر"، "ونفى الرئيس التركي": the speaker of a speech
    act whose verb is its claim's cue (or right before its source), when no entity names
    it: the government its nationality adjective names, or a generic party."""
    for c in ctx.claims_by_sentence.get(mt.sent_index, ()):
        if not (c.cue.overlaps(mt.trigger) or 0 <= c.source.start - mt.trigger.end <= SPEAKER_AFTER_CHARS):
            continue
        if c.source.entity:
            return ctx.entities.get(c.source.entity)
        found = source_government(doc, c.source)
        if found is None:
            generic = generic_source(doc, c.source)
            found = source_entity(doc, generic) if generic is not None else None
        return found
    return None


#: event types whose noun, framing a speaker's words, is the speaker's own act
FRAME_TYPES = frozenset({"CONSULT", "AGREE"})
FRAME_WORDS = 3  # words before the noun where its frame word may stand


def _framing_speaker(doc: Document, mt: Mention, ctx: DocContext) -> Entity | None:
    """"قال لافروف خلال زيارته إلى الدوحة إن ..."، "وقال فالون أثناء زيارة للعراق، إن": a
    meeting noun after a frame word (data/arguments.tsv: frame) in a speaker's clause,
    before what is said, is the speaker's own act."""
    frames = argument_words().get("frame", ())
    # the frame word right before the noun, or with its verbal noun between ("أثناء توجهه في زيارة")
    before = [_bare(w) for w in _before_words(doc, mt.trigger.start, FRAME_WORDS).split()]
    if not any(w in frames or " ".join(before[i:i + 2]) in frames for i, w in enumerate(before)):
        return None
    for c in ctx.claims_by_sentence.get(mt.sent_index, ()):
        if not (mt.trigger.end <= c.content.start and c.content.start - mt.trigger.end <= ACTOR_WINDOW * 2):
            continue
        if any(o.content.start <= mt.trigger.start < o.content.end for o in ctx.claims_by_sentence.get(mt.sent_index, ())):
            return None
        # no other party between the speaker and the noun ("قال X بعد لقائه Y")
        lo, hi = min(c.source.end, mt.trigger.start), mt.trigger.start
        if c.source.end <= mt.trigger.start and any(lo <= m.start and m.end <= hi for _, m in ctx.actors_in(mt.sentence)):
            return None
        speaker = ctx.entities.get(c.source.entity) if c.source.entity else None
        if speaker is None:
            speaker = next((e for e, m in ctx.speakers_in(mt.sentence) if m.overlaps(c.source)), None)
        if speaker is None:
            generic = generic_source(doc, c.source)
            speaker = source_entity(doc, generic) if generic is not None else None
        return speaker
    return None


SUBJECT_CLAUSE_WORDS = 3  # "بالمقابل شنت القوات ..." : words before the subject in its clause


def _time_segments_end(doc: Document, lo: int, end: int, ctx: DocContext) -> int:
    """"شنت قوات الدرك التركية، فجر اليوم الجمعة، خمس عمليات": the end of the text
    before ``end`` once comma-set segments that only tell a time are taken off."""
    while True:
        cut = max(doc.text.rfind(ar.COMMA, lo, end), doc.text.rfind(",", lo, end))
        if cut < 0:
            return end
        seg = Span(cut + 1, end)
        words = _words(doc.text[seg.start:seg.end])
        told = sum(len(_words(t.text)) for t in ctx.times_in(seg))
        if not words or not told or len(words) - told > 1:
            return end
        end = cut


def _comma_subject(doc: Document, mt: Mention, ctx: DocContext) -> tuple[Entity, list[str]] | None:
    """"شنت القوات التركية، غارات جوية ..."، "ترأس رئيس الوزراء، فلان، اجتماعاً": an event
    noun opening its clause (after a number at most: "خمس عمليات") is the object of the
    verb of the clause before the comma (a time set off by commas may stand between:
    "شنت قوات الدرك، فجر اليوم، خمس عمليات"); the party that ends that short clause is
    the verb's subject. Returns it with the words of that clause before it (the verb)."""
    if mt.clause.start <= mt.sentence.start:
        return None
    opening = _words(doc.text[mt.clause.start:mt.trigger.start])
    if opening and not (len(opening) == 1 and find_numbers(doc.text[mt.clause.start:mt.trigger.start])):
        return None
    head = doc.text[mt.sentence.start:mt.clause.start].rstrip()
    if not head or head[-1] not in (ar.COMMA, ","):
        return None
    end = _time_segments_end(doc, mt.sentence.start, mt.sentence.start + len(head[:-1].rstrip()), ctx)
    named = ctx.actors_in(Span(mt.sentence.start, end))
    if not named:
        return None
    k = len(named) - 1
    e, m = named[k]
    if doc.text[m.end:end].strip(_WORD_PUNCT + " "):
        return None  # the clause does not end with the party
    lead = _words(doc.text[mt.sentence.start:m.start])
    comma = max(mt.sentence.start, doc.text.rfind(ar.COMMA, 0, m.start) + 1, doc.text.rfind(",", 0, m.start) + 1)
    # the clause of the verb starts after a comma or after another party
    # ("في أعقاب الهدنة بين الحكومة وحزب العمال ألقت قوات الأمن، ...")
    before = named[k - 1][1].end if k > 0 and named[k - 1][1].end <= m.start else 0
    clause_lead = _words(doc.text[max(comma, before):m.start])
    if len(clause_lead) > SUBJECT_CLAUSE_WORDS or not lead:
        return None
    if _prepositional(doc, m) or _marked(doc, m, _RECIPIENT_MARKS) or _victim(doc, m, mt.sentence.start):
        return None
    return e, [_bare(w) for w in _words(doc.text[comma:m.start])]


def _subject_before_comma(doc: Document, mt: Mention, ctx: DocContext) -> Entity | None:
    """The subject of the verb before the comma is the noun's actor (see :func:`_comma_subject`),
    unless the verb is one of receiving ("تسلمت قسد، الثلاثاء، شحنة أسلحة من التحالف")."""
    found = _comma_subject(doc, mt, ctx)
    if found is None or any(w in argument_words().get("receive", ()) for w in found[1]):
        return None
    return found[0]


KILL_OPERATION_WORDS = 8  # words from a killing noun to the operation noun and its party
OWN_ACT_WORDS = 8  # "إننا نعمل حاليا مع الولايات المتحدة على تدريب ...": words from the pronoun to the trigger
OWN_ACT_VERB_WORDS = 25  # the same for a verb with no subject of its own


def fill_actor(
    doc: Document, mt: Mention, previous: list[Mention], ctx: DocContext | None = None, before_sentence: list[Mention] | tuple = (),
) -> None:
    """Actor and recipient of one mention (``previous``: the mentions before it in its sentence;
    ``before_sentence``: those of the sentence before)."""
    ctx = ctx or doc_context(doc)
    # (ctx.actors leaves out who reports the event: "أعلنت وزارة الداخلية أن تفجيراً ...")
    pairs = [(e, m) for e, m in ctx.actors_in(mt.clause) if not mt.trigger.overlaps(m)]
    # (the owner of a target after تابعة ل is the target's side: a recipient, never the actor)
    owners = [(e, m) for e, m in pairs if m.start >= mt.trigger.end and _owned(doc, m)]
    pairs = [(e, m) for e, m in pairs if not _owned(doc, m)]
    if mt.type in SPEECH_TYPES:
        # "هدد وزير الدفاع"، "رفضت أنقرة الاتهامات": in a speech act the speaker acts
        pairs = sorted(pairs + [(e, m) for e, m in ctx.speakers_in(mt.clause) if not mt.trigger.overlaps(m)], key=lambda p: (p[1].start, -p[1].end))
    after = [(e, m) for e, m in pairs if m.start >= mt.trigger.end and m.start - mt.trigger.end <= ACTOR_WINDOW]
    before = [(e, m) for e, m in pairs if m.end <= mt.trigger.start]
    actor: Entity | None = None
    recipient: Entity | None = None
    # "في عمليات دهم": a verb form after an operation noun is its verbal noun
    verb = is_finite_verb(mt) and _bare(_before_words(doc, mt.trigger.start, 1)) not in argument_words().get("operation", ())
    # "قصفت الفصائل تجمعاً لقوات النظام بقذيفة دبابة": a weapon noun after ب is the
    # instrument of the verb of its type before it in the sentence: same actor and target
    if mt.type == "ASSAULT" and not mt.hit.entry.verb and fold(mt.trigger.text).startswith(_BI_FORMS):
        head = [p for p in previous if p.sent_index == mt.sent_index and p.type == mt.type and is_finite_verb(p)]
        if head:
            mt.actor, mt.recipient = head[-1].actor, head[-1].recipient
            return
    # "ودمر طيران التحالف عربة للحوثيين في غارة على مواقعهم": an attack noun after في
    # tells how the clause's verb of its type was done: the verb's actor did it (unless
    # the noun names its own agent: "في غارة للتحالف")
    if mt.type == "ASSAULT" and not mt.hit.entry.verb and _before_words(doc, mt.trigger.start, 1) in _MANNER:
        head = [p for p in previous if p.sent_index == mt.sent_index and p.type == mt.type and is_finite_verb(p)
                and p.actor and mt.clause.start <= p.trigger.start]
        own = [m for _, m in pairs if m.start >= mt.trigger.end and len(_words(doc.text[mt.trigger.end:m.start])) <= 2]
        if head and not own:
            mt.actor, mt.recipient = head[-1].actor, None
            return
    # "حيث التقى X": the subject is the one of the sentence, X is the object
    elided = verb and _before_words(doc, mt.trigger.start, 1) in _ELIDED_SUBJECT
    if not verb:  # a noun's agent follows it closely: "انتشار لقوات", "هجمات الميليشيات"
        after = [(e, m) for e, m in after if len(fold(doc.text[mt.trigger.end:m.start]).split()) <= 2]
    # "مقتل قائد الفيلق": who follows a killing noun is the victim
    kill_noun = mt.mode == "kill" and not verb
    # "تم اعتقال عبد الخالق الحوثي"، "اغتيال القيادي ...": a person named right after a
    # noun of arresting, abducting or assassinating is the one it was done to
    seized_noun = mt.mode in SEIZE_MODES and not verb
    # "جددت قوات النظام قصفها"، "شن سلاح الجو التركي أولى غاراته": the possessive
    # pronoun stands for the agent, named before the noun in its clause (also as the
    # source of a verb read as a claim's cue); no party after the noun is its agent
    possessed = not verb and _possessed(mt)
    if possessed:
        ante = [
            (e, m) for e, m in sorted(pairs + ctx.speakers_in(mt.clause), key=lambda p: p[1].start)
            if m.end <= mt.trigger.start and len(_words(doc.text[m.end:mt.trigger.start])) <= POSSESSOR_WORDS
            and not _marked(doc, m, _RECIPIENT_MARKS)
            and (not _prepositional(doc, m) or _partitive(doc, m)) and not _victim_party(doc, ctx.entities.get(e.id, e), mt, ctx)
        ]
        if ante:
            actor = ante[-1][0]
        elif mt.type == "ASSAULT":
            # "هاجمت تركيا معسكرات لحزب العمال ... فيما قالت إن هجومها رد على ...": with
            # no possessor in its clause, the pronoun points back to the actor of the
            # campaign just reported (its event of the same type), not to its target
            # (not a death noun: "لقي أربعة مصرعهم" names the dead; nor a person, mostly
            # a spokesman credited with an announced attack: "أعلن المتحدث ... مقتل")
            back = [p for p in [*before_sentence, *previous] if p.type == mt.type and p.actor] if mt.mode != "kill" else []
            if back:
                actor = ctx.entities.get(back[-1].actor)
                if actor is not None and actor.kind == "person":
                    actor = None
    # "تلقوا تدريبات على يد جنود بريطانيين"، "غارات شنتها طائرات روسية": an agent
    # named by a mark or a relative verb of doing, after the trigger in its clause
    for e, m in pairs:
        if possessed:
            break
        if m.start < mt.trigger.end or m.start - mt.trigger.end > 2 * ACTOR_WINDOW:
            continue
        gap = fold(doc.text[mt.trigger.end:m.start]).split()
        # "مقتل 14 مسلحا في عملية للقوات الخاصة": the party that ran the operation killed
        words = gap[:-1] if gap and not doc.text[m.start - 1:m.start].isspace() else gap  # "لل|قوات"
        if kill_noun and 0 < len(words) <= KILL_OPERATION_WORDS and _bare(words[-1]) in argument_words().get("operation", ()) \
                and _lam_attached(doc, m):
            actor = e
            break
        if _agent_marked(doc, m) and len(gap) <= 6 or (not verb and _agent_verb_gap(gap)):
            actor = e
            break
        # "اعتقال خمسة عناصر ... في عملية نفذتها قوة من جهاز مكافحة الإرهاب": a relative
        # verb of doing later in the clause, its subject right after it
        k = next((i for i in range(len(gap) - 1, -1, -1) if _bare(gap[i]) in argument_words().get("agent_verb", ())), None)
        if k is not None and len(gap) - k - 1 <= 2 and (len(gap) - k - 1 == 0 or _partitive(doc, m) or len(gap) - k - 1 == 1):
            actor = e
            break
    # "تسلمت قسد شحنة أسلحة من التحالف": the subject of a verb of receiving is the
    # recipient, the party after من the actor
    head = _comma_subject(doc, mt, ctx) if actor is None and not verb else None
    head_received = head is not None and any(w in argument_words().get("receive", ()) for w in head[1])
    if actor is None and not verb and (_received(doc, mt) or head_received):
        giver = next(((e, m) for e, m in pairs if m.start >= mt.trigger.end and _before_words(doc, m.start, 1) == _MIN), None)
        taker = next(((e, m) for e, m in reversed(before)), None)
        if taker is None and head_received:
            taker = (head[0], None)  # "تسلمت قسد، الثلاثاء الماضي، شحنة أسلحة من التحالف"
        if giver is not None:
            actor = giver[0]
            if taker is not None:
                recipient = taker[0]
            after = []
    # "معارك بين قوات سوريا الديمقراطية وفصائل ...": the first party after بين acts
    if actor is None and not verb and mt.type == "ASSAULT":
        first = next(((e, m) for e, m in pairs if mt.trigger.end <= m.start and _before_words(doc, m.start, 1) in argument_words().get("between", ())
                      and len(fold(doc.text[mt.trigger.end:m.start]).split()) <= 5), None)
        if first is not None:
            actor = first[0]
            second = next(((e, m) for e, m in pairs if m.start > first[1].end and fold(doc.text[first[1].end:m.start]).strip() in (_WA, "")
                           and doc.text[m.start - 1:m.start + 1].strip().startswith(_WA)), None)
            if second is not None:
                recipient = second[0]
            after = []
    if actor is None and not verb:
        actor = _agent_across_time(doc, mt, ctx) or _claimed_by(doc, mt, ctx) or _attributed(doc, mt, previous, ctx)
        if actor is not None:
            after = [(e, m) for e, m in after if e.id != actor.id]
    for e, m in after:
        gap = fold(doc.text[mt.trigger.end:m.start]).split()
        if actor is not None and e.id == actor.id:
            continue
        if actor is None and verb and _titled(doc, m) and len(gap) <= 4:
            # "هدد الأمين العام لكتائب ..."; not "هاجم شقيق زعيم التنظيم" (a relative acts)
            # nor "اعتقلت قوات الأمن شقيق زعيم التنظيم" (a generic subject acts)
            if not any(_bare(w) in argument_words().get("kin", ()) for w in gap) and generic_party(doc, mt) is None:
                actor = e
            continue
        if _agent_marked(doc, m):
            continue
        # "استهدفت القوات التركية ...": the verb's own subject right after it is no target
        subject_next = verb and not gap
        # "استهدف دورية للجيش التركي": past the object of a verb of targeting, a party
        # after ل owns the target
        if verb and gap and _bare(fold(mt.trigger.text)) in argument_words().get("target_verb", ()) and _lam_attached(doc, m):
            recipient = recipient or e
            continue
        seized = seized_noun and not gap and e.kind == "person"
        if verb and actor is None and _killed_subject(doc, mt, m):
            recipient = recipient or e
            continue
        # ("صواريخ مستهدفة قوات البيشمركة": a party after a participle of targeting is hit)
        aimed = _aimed(doc, m)
        if kill_noun or seized or aimed or not subject_next and (_marked(doc, m, _RECIPIENT_MARKS) or any(w in _RECIPIENT_MARKS for w in gap)):
            recipient = recipient or e
        elif not verb and _partner(doc, m):
            recipient = recipient or e  # "تدريبات مشتركة مع القوات الأمريكية"
        elif (
            actor is None and not elided and not possessed and not (verb and _prepositional(doc, m) and not _partitive(doc, m))
            and len(gap) <= SUBJECT_GAP and (verb or m.start - mt.trigger.end <= 30)
        ):
            actor = e
        elif recipient is None and verb and not _prepositional(doc, m):
            recipient = e
    # "وأكدت قوات التحالف التي يقودها الحلف أن ... قتلوا في الهجوم": the subject of
    # a reported event is named in the report's content, not beside its source
    # (a party in a relative clause of the source; the accused of "وتتهم قسد دمشق بتسليح"
    # stand between the source and the content and stay)
    claim = next((c for c in ctx.claims_by_sentence.get(mt.sent_index, ())
                  if c.content.start <= mt.trigger.start < c.content.end), None)
    content = claim.content if claim is not None else None

    def in_content(e: Entity, m: Span) -> bool:
        if claim is None or not (claim.source.end <= m.start < claim.content.start):
            return True
        if claim.source.entity is not None and e.id == claim.source.entity:
            return True
        return not any(w in _RELATIVE for w in _words(doc.text[claim.source.end:m.start]))

    if content is not None:
        before = [(e, m) for e, m in before if in_content(e, m)]
    if actor is None and before and not _noun_complement(doc, mt):
        e, m = before[-1]
        if _victim_party(doc, e, mt, ctx) or (verb and _killed_before(doc, mt, m)):
            recipient = recipient or e  # "أصيب جنود أمريكيون في هجوم": the victims
        elif (
            not _marked(doc, m, _RECIPIENT_MARKS) and (not _prepositional(doc, m) or _partitive(doc, m)) and not _paired(doc, m, ctx)
            # "انفجار استهدف دورية للجيش ... أدى إلى مقتل": the target of the sentence's
            # event before does not act in it
            and not _earlier_target(doc, e, m, mt, previous)
            and not (mt.mode == "kill" and _object_owner(doc, m))
        ):
            actor = e
    if actor is None and not verb and not kill_noun:
        actor = _subject_before_comma(doc, mt, ctx)
    if actor is None and mt.type in _FORCE_OWNER_TYPES:
        actor = _force_owner(doc, mt, ctx)
    if actor is None:
        # a verb with no party right after it and no generic subject has an elided one
        pro_drop = verb and not any(len(fold(doc.text[mt.trigger.end:m.start]).split()) <= SUBJECT_GAP for _, m in after)
        actor = _speaker_acts(doc, mt, ctx, pro_drop=pro_drop and generic_party(doc, mt) is None)
    if actor is None and not verb and mt.type in FRAME_TYPES:
        actor = _framing_speaker(doc, mt, ctx)
    if actor is None and (verb or _after_preposition(doc, mt) or _purpose_noun(mt) or _coordinated_perfect(doc, mt)) \
            and not _noun_complement(doc, mt):
        # a coordinated verb ("فقد هاجمت") shares the actor of the mention before it in
        # the sentence; else the sentence's subject ("تستمر القوات ... عبر قوافل الدعم")
        same = [p for p in previous if p.sent_index == mt.sent_index and p.actor and not response_between(doc, p, mt)]
        # ("شن الطيران غارات على تجمع للمسلحين، وقصف أهدافا": the verb of its own type)
        same = [p for p in same if p.type == mt.type] or same
        if same:
            actor = ctx.entities.get(same[-1].actor)
        else:
            subj = [
                (e, m)
                for e, m in sorted(ctx.actors_in(mt.sentence) + (ctx.speakers_in(mt.sentence) if mt.type in SPEECH_TYPES else []), key=lambda p: p[1].start)
                if m.end <= mt.trigger.start and not _prepositional(doc, m) and not _paired(doc, m, ctx)
                and not _marked(doc, m, _RECIPIENT_MARKS) and not _victim_party(doc, e, mt, ctx)
                and not (verb and _killed_before(doc, mt, m))
                and not _response_words(doc, m.end, mt.trigger.start) and not _earlier_target(doc, e, m, mt, previous)
                and not _object_owner(doc, m)
            ]
            if content is not None:
                subj = [(e, m) for e, m in subj if in_content(e, m)]
            if not verb and not _after_preposition(doc, mt):
                # a reason or purpose noun: the subject of its own clause's verb only
                subj = [(e, m) for e, m in subj if m.start >= mt.clause.start]
            if subj:
                actor = subj[0][0]
            elif verb:
                actor = _carried_subject(doc, mt, before_sentence, ctx)
    if actor is None and elided:
        actor = _interposed_speaker(doc, mt, ctx)
    if actor is None and mt.type == "ASSAULT":
        actor = _launch_site_party(doc, mt, ctx)
    if actor is None and mt.type in SPEECH_TYPES:
        actor = _unnamed_speaker(doc, mt, ctx)
    if recipient is None and owners:
        recipient = owners[0][0]
    mt.actor = actor.id if actor else None
    mt.recipient = recipient.id if recipient and (actor is None or recipient.id != actor.id) else None


def _carried_subject(doc: Document, mt: Mention, before_sentence: list[Mention] | tuple, ctx: DocContext) -> Entity | None:
    """"وشنت طائرات التحالف غارات على X. وشنت غارة على Y": a verb that opens a sentence
    going on with the previous one ("و"، "كما") and names no subject of its own has the
    subject of the previous sentence's verb of its type."""
    lead = _words(doc.text[mt.sentence.start:mt.trigger.start])
    if len(lead) > 1 or lead and lead[0] not in _CONTINUES or not lead and not fold(mt.trigger.text).startswith(_WA):
        return None
    # (not "واشتبك مسلحون": a generic subject; nor "وانفجرت عبوة": an event noun right
    # after a verb that does not take one as its object, as "وشنت غارة" does)
    from rasid.events.lexicon import find_triggers
    from rasid.events.nationality import _support_verb, adjective_actor, generic_party

    if generic_party(doc, mt) is not None:
        return None
    own = adjective_actor(doc, mt)  # "كما شنت طائرات حربية روسية": its own subject
    if own is not None:
        return own
    after = mt.hit.tok + mt.hit.ntok
    if not _support_verb(fold(mt.trigger.text)) and any(h.entry.type == mt.type for h in find_triggers(doc.tokens[after:after + 1])):
        return None
    same = [p for p in before_sentence if p.type == mt.type and p.actor and is_finite_verb(p)]
    return ctx.entities.get(same[-1].actor) if same else None


def _place_precision(e: Entity) -> int:
    """Granularity, finer is higher: 0 country, 1 region (ACLED precision 3),
    2 near/district (precision 2), 3 a point (precision 1)."""
    if e.place is None:
        return -1
    if e.place.feature == "country":
        return 0
    return {3: 1, 2: 2, 1: 3}.get(e.place.precision, 1)


FINER_KM = 150.0  # a finer place this close to a coarser one is inside it
REGION_KM = 300.0  # ... and this close to a side of its country ("شرق تركيا" spans a wide country's side)


def _near(a: Entity, b: Entity) -> bool:
    """Could ``a`` lie inside ``b``: same country and, below country level, close by."""
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return False
    if pb.feature == "country":
        return bool(pa.country and pa.country == pb.country)
    import math

    dy = (pa.lat - pb.lat) * 111.0
    dx = (pa.lon - pb.lon) * 111.0 * math.cos(math.radians(pa.lat))
    if pb.feature == "region" and (pb.gazetteer_id or "").startswith("cc-") and pa.country == pb.country:
        return (dx * dx + dy * dy) ** 0.5 <= REGION_KM  # a side of a country
    return (dx * dx + dy * dy) ** 0.5 <= FINER_KM




def _restated(doc: Document, mt: Mention, places: list, chosen: tuple) -> tuple:
    for e, m in places:
        if m.start < mt.clause.end:
            continue
        words = [w for w in fold(doc.text[mt.clause.end:m.start]).replace(ar.COMMA, " ").replace(",", " ").split() if w not in _PLACE_NOUNS]
        if not words or words[0] not in _RESTATE or len(words) > 2:
            return chosen
        if _place_precision(e) > _place_precision(chosen[0]) and _near(e, chosen[0]):
            return (e, m)
        return chosen
    return chosen


@lru_cache(maxsize=1)
def _direction_words() -> frozenset[str]:
    from rasid.places.match import directions

    return frozenset(fold(w) for w in directions())


LOCATOR_GAP = 1  # words (a place noun) between a place and the direction phrase that locates it


def _locators(doc: Document, cands: list) -> list:
    """"محافظة البصرة جنوبي العراق"، "ولاية موش، شرقي تركيا"، "قرية X شمال حلب": a
    direction phrase right after a place locates that place; the happening is at the
    place it locates, not in the wider side (the candidates that are such locators)."""
    out = []
    for e, m in cands:
        first = fold(doc.text[m.start:m.end]).split()[:1]
        # ("محافظة إب بجنوب صنعاء": the direction word may carry ب)
        inside = bool(first) and _direction(first[0])
        for e2, m2 in cands:
            if m2.end > m.start or e2.id == e.id or _place_precision(e2) < 1:
                continue
            gap = [w for w in fold(doc.text[m2.end:m.start]).replace(ar.COMMA, " ").replace(",", " ").split()]
            if not inside:
                # "مديرية أرحب شمال العاصمة صنعاء": the direction word before the mention
                # (not for a wider place: "في البادية شرقي مدينة تدمر" is told by the town)
                if _place_precision(e2) < _place_precision(e):
                    continue
                gap = [w for w in gap if w not in _CAPITAL_WORDS]
                if not gap or len(gap) > LOCATOR_GAP + 1 or not _direction(gap[0]):
                    continue
                gap = gap[1:]
            if len(gap) <= LOCATOR_GAP and all(w in _PLACE_NOUNS or w in _RELATIVE for w in gap):
                out.append((e, m))
                break
    return out


_CAPITAL_WORDS = frozenset(argument_words()["capital"])  # العاصمة
_PARTY_NOUNS = frozenset(argument_words()["party_noun"])  # قبائل، أبناء، أهالي
_BI = ar.affix("bi", fold)  # ب
_PARTY_KINDS = ("actor", "organization")
_FI = ar.particle("fi", fold=fold)  # في


def _coordinated(doc: Document, a: Span, b: Span) -> bool:
    """Is ``b`` joined to ``a`` by و (a place noun such as مدينة may open it: "نينوى ومدينة الرقة"),
    or does it locate ``a`` ("الرقة في سوريا")?"""
    words = fold(doc.text[a.end:b.start]).split()
    if words == [_FI]:
        return True
    if not words or not words[0].startswith(_WA):
        return False
    first = words[0][len(_WA):]
    return (not first and len(words) == 1) or (first in _PLACE_NOUNS and len(words) == 1) or (
        not first and len(words) == 2 and words[1] in _PLACE_NOUNS)


def _party_locators(doc: Document, mt: Mention, cands: list) -> list:
    """"دمرت قبائل بصنعاء مدرعتين ... في مديرية أرحب"، "سيطرت المقاومة الشعبية بجنوب
    اليمن، على ... محافظة الضالع": a place written with ب right after the trigger's
    subject (a named actor, a force word or a ``party_noun`` at most
    :data:`SUBJECT_GAP` words after the trigger) says where the party is from; the
    happening is at another place the sentence names (the caller checks there is
    one). (Not a party further on: "قصفها على منطقة لقوات الأسد بوسط درعا" is the target's
    place; nor a target: "هجوما على القوات العراقية بالكويت".)"""
    out = []
    for e, m in cands:
        head = fold(doc.text[m.start:m.end])
        if head.startswith(_BI) and _direction(head.split()[0][len(_BI):]):
            end = m.start  # "بجنوب اليمن": the mention carries ب
        elif doc.text[m.start - 1:m.start] == _BI and (m.start < 2 or not doc.text[m.start - 2].isalnum()):
            end = m.start - 1  # "بصنعاء"
        else:
            continue
        before = doc.text[:end].rstrip()
        if len(before) == len(doc.text[:end]) or not before:
            continue
        words = fold(before[-40:]).split()
        prev = words[-1] if words else ""
        bare = prev[len(_AL):] if prev.startswith(_AL) else prev
        if len(before) <= mt.trigger.end:
            continue
        named = next((
            pm for x in doc.entities if x.kind in _PARTY_KINDS for pm in x.mentions if pm.end == len(before)
        ), None)
        if named is not None:
            start = named.start
        elif prev in _PARTY_NOUNS or bare in _PARTY_NOUNS or in_context(prev, "force"):
            start = len(before) - len(before.split()[-1])
        else:
            continue
        # ("هجوما على القوات العراقية بالكويت": the target's place is where it was hit)
        if _before_words(doc, start, 1) in _RECIPIENT_MARKS:
            continue
        if start >= mt.trigger.end and len(doc.text[mt.trigger.end:start].split()) <= SUBJECT_GAP:
            out.append((e, m))
    return out


def _direction(word: str) -> bool:
    """Is the folded word a direction ("شمال"، "وشرقي"، "بجنوب")?"""
    dirs = _direction_words()
    return _bare(word) in dirs or word.startswith(_BI_FORMS) and word[1:] in dirs


FAR_AFTER_WORDS = 15  # words after the trigger beyond which a place is another phrase's (when one stands before)


def _far_after(doc: Document, mt: Mention, a: Span, b: Span) -> bool:
    """"تشهد مدينة لحج مواجهات ... عقب هجوم شنته المقاومة ... بإشراف من الرئيس ... من مقر
    إقامته في الرياض": in a long clause, a place far after the trigger belongs to a phrase
    nested in its complements; a place nearer before it is the happening's."""
    n_after = len(_words(doc.text[mt.trigger.end:a.start]))
    return n_after > FAR_AFTER_WORDS and len(_words(doc.text[b.end:mt.trigger.start])) < n_after


OFFICE_WORDS = 3  # words between a post noun and the في of the country it is held in
_OFFICES = frozenset(argument_words()["office"])  # وزير، سفير، مبعوث ...


def _office_place(doc: Document, m: Span) -> bool:
    """Is the place the country of a post named just before ("بوزير حقوق الإنسان في
    اليمن"، "سفير روسيا في لبنان")? Then it belongs to the post, not to the venue."""
    words = _words(doc.text[max(0, m.start - 80):m.start])
    if not words or words[-1] != _FI:
        return False
    for w in words[-2 - OFFICE_WORDS:-1]:
        if w in _OFFICES or (w[:1] in _BI_LI + _CONJUNCTIONS and w[1:] in _OFFICES) or (w.startswith(_AL) and w[2:] in _OFFICES):
            return True
    return False


_ANAPHORS = frozenset(argument_words()["anaphor"])  # المحافظة، المدينة، البلدة
_SITE_ANAPHORS = frozenset(argument_words()["site_anaphor"])  # القاعدة، المعسكر، المطار
ANAPHOR_REACH = 1500  # characters back to the place a bare definite place noun stands for


def _actor_word(doc: Document, word: str) -> bool:
    """Does an actor mention of the article hold ``word`` (folded): "تنظيم القاعدة"?"""
    return any(
        word in fold(m.text).split() for e in doc.entities if e.kind in ACTOR_KINDS for m in e.mentions
    )


def _anaphor_place(doc: Document, mt: Mention, ctx: DocContext) -> Entity | None:
    """"حالة من الانفلات الأمني في المحافظة، حيث هاجم الأهالي": a bare definite place
    noun in the clause, or nearer before the trigger than any place the sentence names
    (after في or ب; or an attack's target after على، ضد), stands for the last place of its
    kind named before it."""
    named = [m for _, m in ctx.places_in(mt.sentence) if m.end <= mt.trigger.start]
    lo = min(mt.clause.start, max([mt.sentence.start] + [m.end for m in named]))
    for w in _WORD_RE.finditer(doc.text, lo, mt.clause.end):
        word = fold(w.group())
        if word.startswith(_BI) and word[len(_BI):] in _ANAPHORS:
            word = word[len(_BI):]
        elif word in _SITE_ANAPHORS:
            # after في, or an attack's target after it: "شنت غارات كثيفة على القاعدة" (not
            # where the article's actors hold the word: تنظيم القاعدة)
            before = _before_words(doc, w.start(), 1)
            if not (before == _FI or mt.type == "ASSAULT" and w.start() >= mt.trigger.end and before in _RECIPIENT_MARKS) \
                    or _actor_word(doc, word):
                continue
        elif word not in _ANAPHORS or _before_words(doc, w.start(), 1) != _FI:
            continue
        if mt.trigger.start <= w.start() < mt.trigger.end:
            continue
        if any(m.start <= w.start() < m.end for _, m in ctx.actors_in(mt.sentence)):
            continue  # ("على القاعدة": al-Qaeda where the actors stage reads it so)
        noun = word[len(_AL):]
        named = ctx.places_in(Span(max(0, w.start() - ANAPHOR_REACH), w.start()))
        # a place the same noun named ("بلدة اليادودة ... في البلدة"), not one of a list
        # ("عدن وأبين ولحج" names no single place to go back to)
        prev = [
            e for k, (e, m) in enumerate(named)
            if e.place is not None and noun in (fold(doc.text[m.start:m.end]).split()[:1] + _before_words(doc, m.start, 1).split())
            and not (k and _coordinated(doc, named[k - 1][1], m) and fold(doc.text[named[k - 1][1].end:m.start]).split() != [_FI])
            and not (k + 1 < len(named) and _coordinated(doc, m, named[k + 1][1]) and fold(doc.text[m.end:named[k + 1][1].start]).split() != [_FI])
        ]
        if prev:
            return prev[-1]
    return None


_SITUATING = argument_words()["situating"]  # الواقعة، التي تقع ...
SITUATING_WORDS = 8  # words from the situated place to a place that situates it


def _situating(doc: Document, mt: Mention, m: Span, cands: list) -> bool:
    """Does ``m`` stand in a phrase opened by الواقعة / التي تقع right after another
    candidate place, with no trigger between ("منطقة كرش، الواقعة على الحدود بين
    محافظتي تعز ولحج")?"""
    for _, m0 in cands:
        if m0.end > m.start or m0.end <= mt.trigger.start < m.start:
            continue
        words = _words(doc.text[m0.end:m.start])
        if len(words) > SITUATING_WORDS:
            continue
        if any(" ".join(words[:k]) in _SITUATING for k in (1, 2)):
            return True
    return False


_DOMESTIC_BODIES = frozenset(argument_words()["domestic_body"])  # محكمة، السلطات، الشرطة ...


@lru_cache(maxsize=1)
def _country_entries() -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for e in gazetteer().entries:
        if e.feature == "country" and e.country:
            out.setdefault(e.country, e)
    return out


def _body_place(doc: Document, mt: Mention, ctx: DocContext) -> Entity | None:
    """"وتابعت الصحف تأجيل محكمة جنايات مصرية أمس الحكم ...، لكنها قضت بإعدام عشرة":
    in a sentence that names no place, a body that acts at home (data/arguments.tsv:
    domestic_body) qualified by a nationality adjective, before the trigger or in its
    clause, places the event in that country (its place entity reused or added, the
    adjective as its mention) rather than the place of the sentence before, unless
    that place lies in the same country."""
    found = body_country(doc, mt.sentence.start, mt.clause.end, _DOMESTIC_BODIES)
    if found is None:
        return None
    code, span = found
    # (the last place named before, in that country, is finer: "محيط قناة السويس ... أعلنت
    # الداخلية المصرية حالة استنفار")
    before = [e for e, m in ctx.places if m.end <= mt.trigger.start]
    if before and before[-1].place is not None and before[-1].place.country == code:
        return None
    for e in doc.entities:
        if e.kind == "place" and e.place is not None and e.place.country == code and e.place.feature == "country":
            if not any(m.overlaps(span) for m in e.mentions):
                e.mentions.append(span)
                e.mentions.sort(key=lambda m: m.start)
            return e
    entry = _country_entries().get(code)
    if entry is None:
        return None
    ent = Entity(
        doc.new_id("place-", (e.id for e in doc.entities)), "place", entry.en, entry.ar, [span],
        PlaceInfo(lat=entry.lat, lon=entry.lon, country=code, feature="country",
                  geonames_id=entry.geonames_id, precision=entry.precision, gazetteer_id=entry.id),
        attrs={"found_by": "events"},
    )
    doc.entities.append(ent)
    return ent


def _place_from(mt: Mention, ent: Entity | None, flag: str) -> bool:
    """Give ``mt`` the place ``ent`` (found by the rule named ``flag``), when there is one."""
    if ent is None:
        return False
    mt.place = ent.id
    mt.places = [ent.id]
    mt.attrs[flag] = True
    return True


def fill_place(doc: Document, mt: Mention, ctx: DocContext | None = None) -> None:
    ctx = ctx or doc_context(doc)
    places = ctx.places_in(mt.sentence)
    if not any(_in(mt.clause, m) and not mt.trigger.overlaps(m) for _, m in places):
        if _place_from(mt, _anaphor_place(doc, mt, ctx), "place_anaphor"):
            return
    if not any(not mt.trigger.overlaps(m) for _, m in places):
        if _place_from(mt, _body_place(doc, mt, ctx), "place_body"):
            return
    for scope in (mt.clause, mt.sentence):
        cands = [(e, m) for e, m in places if _in(scope, m) and not mt.trigger.overlaps(m)]
        if not cands:
            continue
        # "طالب تركيا بوقف غاراتها ... داعيا خلال زيارته واشنطن": where an official
        # travels is not where an attack happens (when nothing else is named, no place)
        if mt.type in _VISITED_TYPES:
            visited = [c for c in cands if _visited(doc, c[1])]
            if visited:
                cands = [c for c in cands if not any(c[1] is v[1] for v in visited)]
                if not cands:
                    if scope is mt.clause:
                        continue
                    return
        loc = _locators(doc, cands)
        if loc:
            cands = [c for c in cands if not any(c[1] is l[1] for l in loc)]
        # "في منطقة كرش، الواقعة على الحدود بين محافظتي تعز ولحج": the places that situate
        # another are not where the happening is
        sit = [c for c in cands if _situating(doc, mt, c[1], cands)]
        if sit and len(sit) < len(cands):
            cands = [c for c in cands if not any(c[1] is x[1] for x in sit)]
        party = _party_locators(doc, mt, cands)
        if party and any(not mt.trigger.overlaps(m) and not any(m is x[1] for x in party) for _, m in places):
            cands = [c for c in cands if not any(c[1] is x[1] for x in party)]
            if not cands:
                continue
        # "التقى بوزير حقوق الإنسان في اليمن عز الدين الأصبحي في الرياض": the country
        # of a post is no venue
        held = [c for c in cands if _office_place(doc, c[1])]
        # "في العاصمة السعودية الرياض"، "المدينة السورية حلب": an adjective of a
        # country right before a finer place only qualifies it
        held += [
            c for c in cands if any(
                m2.start > c[1].end and not doc.text[c[1].end:m2.start].strip()
                and _place_precision(e2) > _place_precision(c[0]) == 0
                for e2, m2 in cands
            )
        ]
        if held and len(held) < len(cands):
            cands = [c for c in cands if not any(c[1] is h[1] for h in held)]
        if mt.type in _MEETING_TYPES:
            # "بحث ... الأوضاع في سوريا"، "محادثات مع روسيا": a topic or a party is no venue
            cands = [(e, m) for e, m in cands if not _not_venue(doc, mt, m)]
            if not cands:
                continue
        # "المرابطين على الحدود مع اليمن"، "لمقذوف من داخل الأراضي اليمنية": the country across
        # a border or where the fire came from is not where it landed, when the scope names
        # another place (else the sentence's, else no place rather than the wrong country)
        off = [(e, m) for e, m in cands if off_site(doc, mt.type, m)]
        if off:
            if mt.type not in _FROM_TYPES and "origin" not in mt.attrs:
                launched = [o for o in off if _launched(doc, o[1])]
                if launched:
                    mt.attrs["origin"] = launched[0][0].id
            rest = [c for c in cands if not any(c[1] is o[1] for o in off)]
            # (only for a finer place: "فتحت تركيا ... عند الحدود مع سوريا، حيث قصفت
            # الطائرات التركية أهدافا": the other country may be the actor's)
            if not rest:
                continue
            if any(_place_precision(e) >= 1 for e, _ in rest):
                cands = rest
        origin = [(e, m) for e, m in cands if _marked(doc, m, _ORIGIN_MARKS) and m.start > mt.trigger.end]
        dest = [(e, m) for e, m in cands if _marked(doc, m, _DEST_MARKS) and m.start > mt.trigger.end]
        # "مروراً بتركيا"، "عبر الأراضي التركية"، "سفره إلى سورية" far after a sentence:
        # a route or another verb's far destination is not where a non-movement
        # happens (unless nothing else is named)
        aside = [
            (e, m) for e, m in cands if m.start > mt.trigger.end and (
                mt.type != "MOBILIZE" and (_route(doc, m) or any(m is d[1] for d in dest)
                and (len(fold(doc.text[mt.trigger.end:m.start]).split()) > FAR_DESTINATION or _moved_to(doc, mt, m)))
            )
        ]
        excluded = list(origin)
        if aside and len(aside) + len(origin) < len(cands):
            excluded += [p for p in aside if not any(p[1] is o[1] for o in origin)]
            dest = [d for d in dest if not any(d[1] is a[1] for a in aside)]
        # "بين X وY" after a movement: a route, not where it happens
        for e, m in cands:
            if m.start <= mt.trigger.end or _before_words(doc, m.start, 1) != _BETWEEN:
                continue
            nxt = [(e2, m2) for e2, m2 in cands if m2.start > m.end and (doc.text[m.end:m2.start].strip() or doc.text[m2.start]) == _WA]
            origin.insert(0, (e, m))
            excluded.append((e, m))
            if nxt:
                dest.insert(0, nxt[0])
                excluded.append(nxt[0])
        if origin:
            mt.attrs["origin"] = origin[0][0].id
        if dest:
            mt.attrs["destination"] = dest[0][0].id
        if mt.type in _FROM_TYPES:
            # "انسحب الحوثيون من لودر باتجاه عقبة ثرة": a withdrawal happens where they
            # left; a destination only when nothing else is named (then the place is
            # sought as for no place: an earlier sentence's)
            left = origin or [(e, m) for e, m in cands if m.start > mt.trigger.end and _marked(doc, m, (_MIN,))]
            if left:
                mt.place = left[0][0].id
                mt.places = [mt.place]
                return
            went = [(e, m) for e, m in cands if m.start > mt.trigger.end and _marked(doc, m, _DEST_MARKS + _TOWARD)]
            # ("إلى نينوى ومدينة الرقة": the places coordinated with a destination too)
            for e, m in cands:
                if went and m.start > went[-1][1].end and _coordinated(doc, went[-1][1], m):
                    went.append((e, m))
            excluded = excluded + [d for d in went if not any(d[1] is x[1] for x in excluded)]
        if len(excluded) == len(cands):
            continue
        pool = [(e, m) for e, m in cands if not any(m is o[1] for o in excluded)]
        after = [(e, m) for e, m in pool if m.start >= mt.trigger.end]
        before = [(e, m) for e, m in pool if m.end <= mt.trigger.start]
        if mt.type == "MOBILIZE" and dest and any(dest[0][1] is p[1] for p in pool):
            chosen = dest[0]
        elif after and (
            (scope is mt.clause and not (before and _far_after(doc, mt, after[0][1], before[-1][1])))
            or not before or after[0][1].start - mt.trigger.end < mt.trigger.start - before[-1][1].end
        ):
            chosen = after[0]
        else:
            chosen = before[-1]
        # "إطلاق صاروخ من الأراضي السورية باتجاه هضبة الجولان": from X towards Y happens at Y
        source = None
        if chosen[1].start > mt.trigger.end and _marked(doc, chosen[1], (_MIN,)):
            # (an attack launched from X falls on its target's place: "قذائف أطلقت من
            # الأراضي السورية على بلدة الريحانية")
            aims = dest + ([c for c in pool if _marked(doc, c[1], _RECIPIENT_MARKS)] if mt.type == "ASSAULT" else [])
            toward = next((d for d in aims if d[1].start > chosen[1].end and len(fold(doc.text[chosen[1].end:d[1].start]).split()) <= TOWARD_WORDS), None)
            if toward is not None:
                source, chosen = chosen, toward
        # "في محافظة نينوى ... الموصل": a more precise place of the same scope wins
        finer = [
            c for c in pool
            if _place_precision(chosen[0]) >= 1 and _place_precision(c[0]) > _place_precision(chosen[0]) and _near(c[0], chosen[0])
            and not any(c[1] is d[1] for d in dest)  # "نزوح ... نحو مدينة الحسكة" is elsewhere
            and (source is None or c[1] is not source[1])  # (nor where it was launched from)
        ]
        if finer:
            chosen = min(finer, key=lambda c: abs(c[1].start - mt.trigger.start))
        # "دخل رتل الأراضي السورية ... عبر معبر الوليد": a movement into a country
        # happens at the crossing it passes
        if mt.type == "MOBILIZE" and _place_precision(chosen[0]) == 0:
            chosen = next((c for c in pool if _route(doc, c[1]) and _near(c[0], chosen[0])), chosen)
        # "في ريف دير الزور الشرقي، في بلدة الطيانة": the next clause restates the place, finer
        if scope is mt.clause and _place_precision(chosen[0]) < 3:
            chosen = _restated(doc, mt, places, chosen)
        mt.place = chosen[0].id
        mt.places = [chosen[0].id]
        # coordination: "في مدينتي X وY" -> every coordinated place of the same precision
        # (not for a destination: "إلى سوريا ولبنان" is one movement)
        last = chosen[1]
        # "على الطريق بين مدينتي X وY": one place on a road, not two happenings
        between = _BETWEEN in _before_words(doc, chosen[1].start, 2).split()
        tail = [] if between or any(chosen[1] is d[1] for d in dest) or _marked(doc, chosen[1], _DEST_MARKS) else pool[pool.index(chosen) + 1:] if chosen in pool else []
        for e, m in tail:
            gap = doc.text[last.end:m.start].strip()
            if not gap and doc.text[m.start:m.start + 1] == _WA:
                gap = _WA
            if gap not in (_WA, ar.COMMA + _WA, ", " + _WA) or _place_precision(e) != _place_precision(chosen[0]):
                break
            if e.id not in mt.places:
                mt.places.append(e.id)
            last = m
        return
    # nothing in the sentence: a sentence that continues the previous one inherits its place,
    # not the ends of a road or route named there ("الطريق الرابط بين بغداد والحدود")
    k = mt.sent_index
    for _ in range(INHERIT_SENTENCES):
        if k <= 0 or not _continues(doc.sentences[k]):
            return
        k -= 1
        # (nor a place across a border or where fire came from)
        pm = [(e, m) for e, m in ctx.places_in(doc.sentences[k]) if not _route_end(doc, m) and not off_site(doc, mt.type, m)]
        # (nor where an official travelled: "داعيا خلال زيارته واشنطن")
        if mt.type in _VISITED_TYPES:
            pm = [(e, m) for e, m in pm if not _visited(doc, m)]
        # ("وفي محافظة إب بجنوب صنعاء ...": the side of Sanaa only locates the province)
        loc = _locators(doc, pm)
        pm = [c for c in pm if not any(c[1] is l[1] for l in loc)]
        if pm:
            # the most precise place the previous sentence names ("قاعدة عين الأسد ... غربي العراق")
            best = max(_place_precision(e) for e, _ in pm)
            mt.place = next(e for e, _ in pm if _place_precision(e) == best).id
            mt.places = [mt.place]
            mt.attrs["place_inherited"] = True
            return


_BORDER_MARKS = argument_words()["border_mark"]  # الحدود مع
_LAUNCH_MARKS = argument_words()["launch_mark"]  # من داخل، قادم من، انطلاقا من ...
#: types that happen where a party goes or leaves: "قادمة من X" is their own origin (handled as such)
_MOVEMENT_TYPES = frozenset({"MOBILIZE", "RETREAT"})
_INSIDE_MARKS = argument_words()["inside_mark"]  # من داخل
_TERRITORY = frozenset(argument_words()["territory"])  # الأراضي، أراضي
_VISIT = frozenset(argument_words()["visit"])  # زيارة، زيارته، يزور ...
#: prepositions that may stand between a visit word and its place ("زيارته إلى"، "زيارة لأربيل")
_VISIT_PREPOSITIONS = frozenset(argument_words()["visit_preposition"])
#: types whose place is never a visiting official's destination
_VISITED_TYPES = frozenset({"ASSAULT"})


def _visited(doc: Document, m: Span) -> bool:
    """Is ``m`` the destination of a visit or trip (``خلال زيارته واشنطن``، ``في زيارة
    لأربيل``، ``لدى وصوله إلى أنقرة``)?"""
    words = _before_words(doc, m.start, 4).split()
    while words and words[-1] in _PLACE_NOUNS:
        words.pop()
    if words and words[-1] in _VISIT_PREPOSITIONS:
        words.pop()
    return bool(words) and words[-1] in _VISIT


def off_site(doc: Document, type_: str, m: Span) -> bool:
    """Is ``m`` a place across a border (``الحدود مع X``) or, for a happening that is no
    movement, where its fire came from (``من داخل الأراضي X``)?"""
    return _marked(doc, m, _BORDER_MARKS) or (type_ not in _MOVEMENT_TYPES and _launched(doc, m))


def _launched(doc: Document, m: Span) -> bool:
    """``قادم من X``، ``من داخل الأراضي X`` (``من داخل`` only before a territory word)."""
    if _marked(doc, m, _LAUNCH_MARKS):
        return True
    words = fold(doc.text[m.start:m.end]).split()
    return bool(words) and words[0] in _TERRITORY and _marked(doc, m, _INSIDE_MARKS)


FAR_DESTINATION = 8  # words after a (non-movement) trigger beyond which a destination is another verb's
TOWARD_WORDS = 3  # words between "من X" and "باتجاه Y"
_MEETING_TYPES = frozenset({"CONSULT"})
#: types whose place is where the party left (origin ``من X``), not where it went
_FROM_TYPES = frozenset({"RETREAT"})
_TOWARD = argument_words()["retreat_toward"]  # تجاه: where a retreat went (a recipient mark for attacks)
_ROUTE_MARKS = argument_words()["route_mark"]  # عبر، مرورا ب، عن طريق
_TOPIC_WORDS = frozenset(argument_words()["topic"])  # بحث، مناقشة، بشأن، الأوضاع ...
_NOT_VENUE = argument_words()["not_venue"]  # مع، بين


#: types whose happening has no goal: a place after إلى is another verb's destination
#: ("نقل الجرحى جراء اعتداءات الحوثيين إلى الخرطوم"، "اعتقال ... ونقلهم إلى سجن X")
_NO_GOAL_TYPES = frozenset({"ASSAULT", "COERCE"})
_ILA = ar.particle("ila", fold=fold)  # إلى


def _moved_to(doc: Document, mt: Mention, m: Span) -> bool:
    """Is ``m``, after an attack or an arrest, the goal of a movement (``إلى X``)? (Firing
    "باتجاه/نحو X" aims at X: that is where the attack happens.)"""
    return mt.type in _NO_GOAL_TYPES and _marked(doc, m, (_ILA,))


def _route(doc: Document, m: Span) -> bool:
    """"عبر معبر X"، "مروراً بتركيا"، "عن طريق العراق": a place passed through."""
    return _marked(doc, m, _ROUTE_MARKS)


def _not_venue(doc: Document, mt: Mention, m: Span) -> bool:
    """A meeting's place is its venue, not a party after it ("محادثات مع روسيا") nor a
    place of its topic ("بحث ... الأوضاع في سوريا")."""
    if m.end <= mt.trigger.start:
        return False
    if _marked(doc, m, _NOT_VENUE):
        return True
    gap = [_bare(w) for w in _words(doc.text[mt.trigger.end:m.start])]
    return any(w in _TOPIC_WORDS for w in gap)


INHERIT_SENTENCES = 1  # how far back a sentence with no place of its own looks for one


def _continues(sentence: Span) -> bool:
    first = fold(sentence.text).split()[:1]
    return bool(first) and (first[0] in _CONTINUES or first[0].startswith(_WA))


def _route_end(doc: Document, m: Span) -> bool:
    """"بين بغداد والحدود الأردنية": an end of a road or route named with بين."""
    words = _before_words(doc, m.start, 2).split()
    return bool(words) and (words[-1] == _BETWEEN or (len(words) == 2 and words[-2] == _BETWEEN and words[-1] in _PLACE_NOUNS)) or (
        fold(doc.text[m.start - 1:m.start + 1]).strip().startswith(_WA) and _BETWEEN in _before_words(doc, m.start, 6).split()
    )


def _reporting_time(ctx: DocContext, mt: Mention, t) -> bool:
    """Is ``t`` in the reporting part of a claim whose content holds the trigger
    (between the sentence's start and the content: "قال المرصد اليوم إن ...")?"""
    for c in ctx.claims_by_sentence.get(mt.sent_index, ()):
        if c.content.start <= mt.trigger.start < c.content.end and mt.sentence.start <= t.start and t.end <= c.content.start:
            return True
    return False


_WORD_RE = re.compile(r"\w+")


def _relatives(doc: Document, lo: int, hi: int) -> list[int]:
    """Start offsets of the relative pronouns (التي، الذي ...) in ``[lo, hi)``."""
    return [m.start() for m in _WORD_RE.finditer(doc.text, lo, hi) if fold(m.group()) in _RELATIVE]


#: days before publication that a time must end to be background: a recent one in a
#: relative clause before the trigger is the narrative's ("بعد التفجير الذي هز إسطنبول
#: في 13 تشرين الثاني، وأودى بحياة ستة، واتهمت أنقرة المقاتلين الأكراد")
OLD_DAYS = 30


def _old(doc: Document, t) -> bool:
    """Does ``t`` end OLD_DAYS or more before publication?"""
    try:
        end = date.fromisoformat((t.value_end or t.value_start or "")[:10])
        pub = date.fromisoformat((doc.published or "")[:10])
    except ValueError:
        return False
    return (pub - end).days >= OLD_DAYS


def _foreign_time(doc: Document, mt: Mention, t) -> bool:
    """Is ``t``, an old time told before the trigger, in a relative clause of another
    noun that ends before the trigger's clause? It dates that noun's happening: "مقتل المطلوب
    ... المدرج ضمن القائمة التي كانت الوزارة أعلنتها في أواخر يونيو 2012، وذلك بعد
    تعرضه لإطلاق نار". (A time after the trigger in a relative clause of a later noun
    often dates the main verb still: "قتل خمسة في هجوم على حافلة تقل عمالا إلى المصنع
    الذي يعملون فيه صباح اليوم"; it is kept.)"""
    if t.end > mt.trigger.start or not _old(doc, t):
        return False
    # (a relative clause runs to the end of its comma clause)
    tc = next((c for c in split_clauses(doc.text, mt.sentence) if c.start <= t.start < c.end), None)
    if tc is None or tc.start <= mt.trigger.start < tc.end:
        return False
    return bool(_relatives(doc, tc.start, t.start))


_RESTATING_NOUNS = frozenset(argument_words()["restating_noun"])  # العملية، الغارة ...
_RESTATING_VERBS = frozenset(argument_words()["restating_verb"])  # جرت، وقعت، نفذت ...
RESTATED_WORDS = 4  # words from the restating verb to its time ("جرت في 11 يوليو")


def _restated_time(doc: Document, mt: Mention, ctx: DocContext):
    """The time of the next sentence's restatement of an announced happening whose
    sentence gives only the announcement's time: a definite event noun, a relative
    pronoun, a verb of taking place, then the time ("وأوضحت الوزارة أن العملية التي
    جرت في 11 يوليو في ولاية باكتيكا، أدت إلى مقتل ..."). None when there is none."""
    k = mt.sent_index + 1
    if k >= len(doc.sentences):
        return None
    sent = doc.sentences[k]
    words = list(_WORD_RE.finditer(doc.text, sent.start, sent.end))
    folded = [_bare(fold(w.group())) for w in words]
    for i in range(len(words) - 2):
        if folded[i] not in _RESTATING_NOUNS or folded[i + 1] not in _RELATIVE or folded[i + 2] not in _RESTATING_VERBS:
            continue
        hi = words[min(i + 2 + RESTATED_WORDS, len(words) - 1)].end()
        found = [t for t in ctx.times_in(sent) if words[i + 2].end() <= t.start < hi]
        if found:
            return found[0]
    return None


def _main_clause_time(doc: Document, mt: Mention, t) -> bool:
    """Is ``t`` (a day) told before a relative clause (a relative pronoun and a verb of
    dying: data/arguments.tsv relative_death) that holds the trigger, in the trigger's
    comma clause? It dates the main verb, not the happening
    the relative clause tells of: "أدى المصلون عصر اليوم صلاة الميت على الجندي الذي
    استشهد نتيجة إصابته بشظايا مقذوف" (the funeral is today, the shelling earlier)."""
    # (a day, not one counted back: "قبل ثمانية أيام ... الذي استشهد حرقا في نفس الاعتداء")
    if t.end > mt.trigger.start or t.granularity != "day" or (t.attrs or {}).get("kind") == "ago":
        return False
    tc = next((c for c in split_clauses(doc.text, mt.sentence) if c.start <= mt.trigger.start < c.end), None)
    if tc is None:
        return False
    lo = max(tc.start, t.end)
    for r in _relatives(doc, lo, mt.trigger.start):
        # (the word after the pronoun: a verb of dying)
        own = _WORD_RE.match(doc.text, r)
        after = _WORD_RE.search(doc.text, own.end(), mt.trigger.start) if own else None
        if after is not None and fold(after.group()) in _RELATIVE_DEATH:
            return True
    return False


_RELATIVE_DEATH = frozenset(argument_words()["relative_death"])  # استشهد، قتلوا، لقي ...


def _ago_day(t, published: str | None) -> str | None:
    """"قبل عام"، "قبل شهرين" (N months or years ago): the day that many units before
    publication, inside the calendar unit the time names ("قبل عام مضى، أعلن أوباما"
    in a paper of 8 August 2015 is 8 August 2014, not 1 January)."""
    if (t.attrs or {}).get("kind") != "ago" or t.granularity not in ("month", "year") or not t.value_start:
        return None
    try:
        pub = date.fromisoformat((published or "")[:10])
        start = date.fromisoformat(t.value_start[:10])
        end = date.fromisoformat((t.value_end or t.value_start)[:10])
    except ValueError:
        return None
    month = pub.month if t.granularity == "year" else start.month
    day = min(pub.day, (date(start.year + month // 12, month % 12 + 1, 1) - date(start.year, month, 1)).days)
    d = date(start.year, month, day)
    return d.isoformat() if start <= d <= end else None


def _own_relative(doc: Document, lo: int, hi: int) -> bool:
    """Does ``[lo, hi)`` (from the trigger's end) open with the trigger's own relative
    clause: its definite adjectives, then a relative pronoun and a verb ("التفجير
    الانتحاري الذي ضرب ...")? (Only one relative clause: a second one is another noun's.)"""
    words = [_bare(fold(m.group())) for m in _WORD_RE.finditer(doc.text, lo, hi)]
    k = 0
    while k < len(words) and words[k] not in _RELATIVE and words[k].startswith(_AL):
        k += 1
    return (
        k + 1 < len(words) and words[k] in _RELATIVE and not words[k + 1].startswith(_AL)
        and not any(w in _RELATIVE for w in words[k + 1:])
    )


def _event_time(mt: Mention, t, published: str | None = None) -> dict[str, str]:
    """The event date a time expression gives. A week ("الأسبوع الماضي") dates the
    happening by the middle of the week, as ACLED codes a week (time precision 2);
    the week itself is kept in ``attrs["time_range"]``. N months or years ago: that
    day (:func:`_ago_day`), the unit kept in ``attrs["time_range"]``."""
    start, end = t.value_start, t.value_end or t.value_start
    ago = _ago_day(t, published)
    if ago is not None:
        mt.attrs["time_range"] = {"value_start": start, "value_end": end}
        return {"value_start": ago, "value_end": ago}
    if t.granularity == "week" and start and end and start != end:
        try:
            a, b = date.fromisoformat(start[:10]), date.fromisoformat(end[:10])
        except ValueError:
            return {"value_start": start, "value_end": end}
        mid = (a + (b - a) / 2).isoformat()
        mt.attrs["time_range"] = {"value_start": start, "value_end": end}
        return {"value_start": mid, "value_end": mid}
    return {"value_start": start, "value_end": end}


def fill_time(
    doc: Document, mt: Mention, prev_sentence: Span | None, continues: bool = True, ctx: DocContext | None = None,
    prev_mentions: Iterable[Mention] = (),
) -> None:
    """The date of the sentence's time expression nearest the trigger; else, when the
    sentence ``continues`` the incident of the previous one, that sentence's date:
    the date of its mention of the same type when it has one ("وفي نهاية تموز ادى
    انفجار ... الى انهيار هدنة كانت سارية منذ عامين. وهذا الاعتداء ..." is the
    انفجار of late July, not the truce's two years), else its last time."""
    ctx = ctx or doc_context(doc)
    inside = ctx.times_in(mt.sentence)
    # "أكد المتمردون أمس أن الهجوم ...": a time told before the content of the claim
    # that holds the trigger dates the report, not the event
    # ("...، قتل أمس خمسة"): the report's time only when the sentence tells no other
    inside = [t for t in inside if not _foreign_time(doc, mt, t) and not _main_clause_time(doc, mt, t)]
    own = [t for t in inside if not _reporting_time(ctx, mt, t)]
    if own and len(own) < len(inside):
        inside = own
    elif inside and not own:
        told = _restated_time(doc, mt, ctx)
        if told is not None:
            # "أعلنت الوزارة اليوم أن قياديا قتل في غارة. وأوضحت أن العملية التي جرت
            # في 11 يوليو ...": the next sentence dates the announced happening
            mt.time = _event_time(mt, told, doc.published)
            mt.attrs["time_expr"] = told
            mt.attrs["time_restated"] = True
            return
        mt.attrs["time_reported"] = True  # (merge: a time the text gives for the happening wins)
    if inside:
        # "اعتقال المتورطين بالتفجير الذي استهدف ناحية بني سعد الجمعة": a time in the
        # trigger's own relative clause dates it, before a nearer one outside
        own_rel = [t for t in inside if t.start >= mt.trigger.end and t.end <= mt.clause.end and _own_relative(doc, mt.trigger.end, t.start)]
        t = own_rel[0] if own_rel else min(inside, key=lambda t: abs(t.start - mt.trigger.start))
        mt.time = _event_time(mt, t, doc.published)
        mt.attrs["time_expr"] = t
        return
    if prev_sentence is not None and continues:
        first = fold(mt.sentence.text).split()[:1]
        if first and (first[0] in _CONTINUES or first[0].startswith(_WA)):
            prev = ctx.times_in(prev_sentence)
            if prev and mt.sentence.start - prev_sentence.end <= 2:
                same = [p for p in prev_mentions if p.type == mt.type and p.time and not p.attrs.get("time_inherited")]
                if same:
                    mt.time = dict(min(same, key=lambda p: abs(p.trigger.start - prev_sentence.end)).time)
                else:
                    mt.time = _event_time(mt, prev[-1], doc.published)
                mt.attrs["time_inherited"] = True


#: which event types a count role belongs to
_ROLE_TYPES = {
    "fatalities": ("ASSAULT",),
    "injuries": ("ASSAULT",),
    "arrests": ("COERCE",),
    "size": ("MOBILIZE", "PROTEST", "AID"),
}


@lru_cache(maxsize=2048)
def _folded_words(text: str) -> list[str]:
    """The folded words of a clause or sentence (every mention of it asks; read only)."""
    return fold(text).split()


@lru_cache(maxsize=2048)
def _before_duals(text: str) -> tuple[str, ...]:
    """The folded words of ``text`` that stand before a dual count noun of
    data/counts.tsv, in order (every mention of a clause or sentence asks)."""
    words = count_words()
    toks = _folded_words(text)
    return tuple(prev for prev, w in zip(toks, toks[1:]) if words.get(w, ("", ""))[0] == "dual")


def fill_counts(doc: Document, mt: Mention) -> None:
    """Numbers of the clause (then the sentence) next to a count word of data/counts.tsv."""
    words = count_words()
    for scope in (mt.clause, mt.sentence):
        for n in find_numbers(scope.text):
            s, e = scope.start + n.start, scope.start + n.end
            after = fold(doc.text[e:e + 20]).split()[:1]
            before = fold(doc.text[max(scope.start, s - 20):s]).split()[-2:]
            role = None
            for b in reversed(before):  # "مقتل 5"، "اعتقلت حوالي 40": the word before says most
                bb = b[1:] if b.startswith(_WA) and b[1:] in words else b
                if role is None and bb in words and words[bb][1] == "before":
                    role = words[bb][0]
            if role is None and after and after[0] in words and words[after[0]][1] == "after":
                role = words[after[0]][0]
            if role == "people":
                role = {"COERCE": "arrests", "MOBILIZE": "size", "PROTEST": "size"}.get(mt.type)
            if role is None or mt.type not in _ROLE_TYPES.get(role, ()) or role in mt.counts:
                continue
            mt.counts[role] = n.value
            if n.approx:
                mt.attrs.setdefault("approx", []).append(role)
        # "وأصيب آخران"، "قتل مدنيان": a dual noun after a count word is two
        for prev in _before_duals(scope.text):
            pb = prev[1:] if prev.startswith(_WA) and prev[1:] in words else prev
            if pb in words and words[pb][1] == "before":
                role = words[pb][0]
                if mt.type in _ROLE_TYPES.get(role, ()) and role not in mt.counts:
                    mt.counts[role] = 2


def fill_claim(doc: Document, mt: Mention, ctx: DocContext | None = None) -> None:
    ctx = ctx or doc_context(doc)
    best = None
    for c in ctx.claims_by_sentence.get(mt.sent_index, ()):
        if c.content.start <= mt.trigger.start and mt.trigger.end <= c.content.end:
            if best is None or (c.content.end - c.content.start) < (best.content.end - best.content.start):
                best = c
    if best is not None:
        mt.claim = best.id
        mt.attrs["claim_stance"] = best.stance


def fill(doc: Document, mentions: list[Mention]) -> None:
    """Arguments of every mention, in document order; the per-document work
    (:func:`doc_context`) is done once."""
    sents = doc.sentences
    ctx = doc_context(doc)
    by_sentence: dict[int, list[Mention]] = {}
    for mt in mentions:
        prev = sents[mt.sent_index - 1] if mt.sent_index > 0 else None
        same = by_sentence.setdefault(mt.sent_index, [])
        fill_actor(doc, mt, same, ctx, by_sentence.get(mt.sent_index - 1, ()))
        fill_place(doc, mt, ctx)
        # only a sentence that goes on with the same incident inherits its date:
        # a reference, a casualty report, or a mention of the type told just before
        continues = mt.definite or mt.generic or mt.mode == "kill" or any(
            p.type == mt.type for p in by_sentence.get(mt.sent_index - 1, ())
        )
        fill_time(doc, mt, prev, continues, ctx, by_sentence.get(mt.sent_index - 1, ()))
        fill_counts(doc, mt)
        fill_claim(doc, mt, ctx)
        same.append(mt)
