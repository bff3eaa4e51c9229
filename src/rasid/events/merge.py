"""One event per happening: merge mentions that report the same thing.

Two mentions agree when they have the same type, their actors agree (equal,
or one unknown), their places agree (equal, one unknown, one a country that
contains the other, or within ``NEAR_KM``) and their dates agree (equal, or one
unknown). Agreeing mentions are merged when they have the same modality and
share a known actor or a known non-country place, or sit in one sentence
(unless they are two different verbs). A definite noun (``الهجمات``,
``الزيارة``) or a headline mention joins the latest agreeing event; with none,
it is a generic reference and dropped. A cause told after a death in its
sentence ("لقوا مصرعهم بعد اشتباكات") joins the death's event whatever place or
date each clause gave (:func:`_caused_death`).
Mentions with several coordinated places (``في دير الزور والبوكمال``) give
one event per place, except two places after the dual of a governorate
(``في محافظتي مأرب وتعز``): one event spread over both, with no place
(:func:`_dual_places`). A killing told with a definite noun that refers back
("قتلوا خلال الهجوم") joins the earlier attack (:func:`_join_referring_deaths`).
"""

from __future__ import annotations

import copy
import re

import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rasid import lang
from rasid.events.detect import Mention
from rasid.lang import ar
from rasid.model.document import Document, Entity, Span
from rasid.text import fold

NEAR_KM = 30.0
NEAR_SENTENCES = 3
MAX_SPLIT = 3  # coordinated places up to this many give one event each
_SPECIFIC_NOT = (None, "attack", "kill")  # modes that name no specific means of attack
_GENERIC_MODES = (None, "attack", "kill", "movement", "deploy", "meet", "military", "demonstrate")


@dataclass
class Group:
    mentions: list[Mention] = field(default_factory=list)
    place: str | None = None
    actor: str | None = None
    time: dict[str, str] | None = None
    # indexes over ``mentions``, so that testing a new mention against the group
    # does not scan it (a long article may give a group hundreds of mentions)
    by_sentence: dict[int, list[Mention]] = field(default_factory=dict)
    clauses: set[tuple[int, int]] = field(default_factory=set)
    first_sentence: int = 1 << 30
    arrived: bool = False  # a movement's place is its destination; later mentions keep it
    time_reported: bool = False  # the group's time is only the time of a report of it
    means: set[str] = field(default_factory=set)  # the specific means of its mentions (not attack/kill)

    def __post_init__(self) -> None:
        for m in self.mentions:
            self._index(m)

    def _index(self, m: Mention) -> None:
        self.by_sentence.setdefault(m.sent_index, []).append(m)
        self.clauses.add((m.clause.start, m.clause.end))
        self.first_sentence = min(self.first_sentence, m.sent_index)
        if m.mode not in _SPECIFIC_NOT:
            self.means.add(m.mode)

    def append(self, m: Mention) -> None:
        self.mentions.append(m)
        self._index(m)

    def near(self, m: Mention, back: int = NEAR_SENTENCES) -> list[Mention]:
        """The group's mentions from ``back`` sentences before ``m`` up to its sentence."""
        return [h for k in range(m.sent_index - back, m.sent_index + 1) for h in self.by_sentence.get(k, ())]

    @property
    def head(self) -> Mention:
        return self.mentions[0]


def _km(a: Entity, b: Entity) -> float:
    pa, pb = a.place, b.place
    assert pa is not None and pb is not None
    p1, p2 = math.radians(pa.lat), math.radians(pb.lat)
    dl = math.radians(pb.lon - pa.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _is_country(e: Entity | None) -> bool:
    return bool(e and e.place and e.place.feature in ("country", "PCLI", "A.PCLI"))


def _entity(doc: Document, eid: str | None) -> Entity | None:
    """``doc.entity`` through a per-document index (entities are looked up per pair of mentions)."""
    if eid is None:
        return None
    idx = doc._cache.get("events.entities")
    if idx is None or len(idx) != len(doc.entities):
        idx = doc._cache["events.entities"] = {e.id: e for e in doc.entities}
    e = idx.get(eid)
    return e if e is not None else doc.entity(eid)


def places_agree(doc: Document, a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    ea, eb = _entity(doc, a), _entity(doc, b)
    if not ea or not eb or not ea.place or not eb.place:
        return False
    if _other_province(ea, eb):
        return False
    if _is_country(ea) and ea.place.country and ea.place.country == eb.place.country:
        return True
    if _is_country(eb) and eb.place.country and eb.place.country == ea.place.country:
        return True
    # "في محافظة دير الزور" ... "في مدينة البوكمال": a town inside the region named
    from rasid.events.arguments import _near, _place_precision

    fine, coarse = (ea, eb) if _place_precision(ea) > _place_precision(eb) else (eb, ea)
    if _place_precision(coarse) == 1 and _place_precision(fine) > 1 and _near(fine, coarse):
        return True
    return _km(ea, eb) <= NEAR_KM


def _other_province(ea: Entity, eb: Entity) -> bool:
    """Do the two places lie in different first-level divisions of one country
    (the gazetteer's admin1: "بالجفينة جنوب غرب مأرب" and "في محافظة الجوف")?
    Then they are two places however close their points are."""
    pa, pb = ea.place, eb.place
    if pa is None or pb is None or not _in_one_province(ea) or not _in_one_province(eb):
        return False
    return bool(pa.country and pa.country == pb.country and pa.admin1 != pb.admin1)


def _in_one_province(e: Entity) -> bool:
    """Does ``e`` lie in the one first-level division its admin1 names? A point, a
    governorate, or a side of a governorate ("جنوب محافظة صلاح الدين"); not a wider
    region that may straddle several ("إقليم كردستان"، "سهل الغاب"), nor a side of a
    city ("جنوب دمشق" reaches into the governorate around it). The admin1 must be
    the curated gazetteer's name (a GeoNames code, "12", is another scheme)."""
    p = e.place
    if p is None or not p.admin1 or p.admin1.isdigit() or _is_country(e):
        return False
    return p.precision == 1 or p.feature == "admin1" or "-gov-" in (p.gazetteer_id or "")


def _more_precise(doc: Document, a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    ea, eb = _entity(doc, a), _entity(doc, b)
    if _is_country(ea) and not _is_country(eb):
        return b
    # "غارات على محافظة إدلب، واستهدفت إحداها مدينة سراقب": the finer place inside
    # the coarser one is where it happened
    from rasid.events.arguments import _near, _place_precision

    if ea and eb and _place_precision(eb) > _place_precision(ea) and _near(eb, ea):
        return b
    return a


def _movement_leg(g: Group, m: Mention) -> bool:
    """"دخلت قافلة ... عبر معبر الوليد، ووصلت إلى قاعدة العمر": the legs of one
    movement told in one sentence by the same (or an unnamed) actor."""
    return (
        m.type == "MOBILIZE" and g.head.type == "MOBILIZE" and m.sent_index in g.by_sentence
        and (g.actor is None or m.actor is None or g.actor == m.actor)
        and any(x.attrs.get("destination") or x.attrs.get("origin") for x in (m, *g.by_sentence[m.sent_index]))
    )


def _times_agree(a: dict[str, str] | None, b: dict[str, str] | None) -> bool:
    return a is None or b is None or a.get("value_start") == b.get("value_start")


_DUAL_PLACE = lang.words("events/data/dual_place_nouns.txt", fold=fold)


def _dual_places(doc: Document, m: Mention) -> bool:
    """Are the mention's two places named after the dual of a governorate ("تحدثت
    عن اشتباكات في محافظتي مأرب وتعز")? One happening spread over both, which the
    gold conventions give no place (tests/data/realgold/README.md)."""
    if len(m.places) != 2:
        return False
    starts = [t.start for t in doc.tokens]
    for pid in m.places:
        e = _entity(doc, pid)
        for sp in (e.mentions if e else ()):
            if not m.sentence.start <= sp.start < m.sentence.end:
                continue
            i = bisect_left(starts, sp.start) - 1
            if i < 0:
                continue
            tok = doc.tokens[i]
            if any(w in _DUAL_PLACE for w in (tok.norm, *(stem for _, stem in tok.splits()))):
                return True
    return False


def _split_places(doc: Document, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if _dual_places(doc, m):
            m.attrs["dual_places"] = list(m.places)
            m.place, m.places = None, []
        # "في محافظات حماة وحلب وحمص والرقة ...": a long list sums up, it is one report
        # "هدد بتوسيع الهجمات في العراق وسوريا": one speech act, whatever places it names
        if len(m.places) <= 1 or len(m.places) > MAX_SPLIT or m.type in _SPEECH_ACTS:
            out.append(m)
            continue
        for pid in m.places:
            c = Mention(**{**m.__dict__, "attrs": dict(m.attrs), "counts": dict(m.counts)})
            c.place = pid
            c.places = [pid]
            c.attrs["split_from_coordination"] = True
            out.append(c)
    return out


def _trend(doc: Document, m: Mention) -> bool:
    """An indefinite plural event noun ("شن هجمات"), with no number before it."""
    if m.hit.entry.verb or _definite_noun(m) or not fold(m.trigger.text).endswith(_AT):
        return False
    return not (m.hit.tok > 0 and doc.tokens[m.hit.tok - 1].is_number)


def _definite_noun(m: Mention) -> bool:
    """A noun trigger with the article ("الهجوم"، "والغارة"، "بالهجوم")."""
    if m.hit.entry.verb:
        return False
    w = fold(m.trigger.text)
    return any(w.startswith(p + _AL) for p in ("", *_CLITICS))


def _report_agrees(reported: dict[str, str] | None, told: dict[str, str] | None) -> bool:
    """A time of a report of the happening ("أكد المتمردون أمس أن الهجوم ...") and the
    time a text gives for it ("الهجوم الذي شن صباح أول من أمس"): the happening came first."""
    return bool(reported and told) and told.get("value_start", "") <= reported.get("value_start", "")  # type: ignore[union-attr]


#: days before a report that the time a later sentence tells for the happening may
#: lie and still be its date; an older one is background told about it ("قالوا اليوم
#: ان انفجارا ... وقالت وسائل اعلام ان الانفجار ناجم عن صاروخ من مخلفات حرب العام
#: الماضي": the explosion of today, not of last year)
TOLD_DAYS = 31


#: days before publication that a later sentence's time may lie and still date a
#: happening its first, undated report told
UNDATED_DAYS = 7


def _told_near(reported: dict[str, str] | None, told: dict[str, str] | None, days: int = TOLD_DAYS) -> bool:
    try:
        r = date.fromisoformat(((reported or {}).get("value_start") or "")[:10])
        t = date.fromisoformat(((told or {}).get("value_end") or (told or {}).get("value_start") or "")[:10])
    except ValueError:
        return True
    return (r - t).days <= days


#: tokens between a verb's trigger and a verb that describes its object ("شنت حملات استهدفت")
OBJECT_CLAUSE_TOKENS = 3


def _describes_object(doc: Document, g: Group, m: Mention) -> bool:
    """Is the verb ``m`` an adjectival clause of the object of a verb of ``g`` in its
    clause ("شنت الشرطة حملات استهدفت عناصر الحزب": the campaigns targeted them): the
    verb right after an indefinite noun (no named entity) that follows that verb, with
    no punctuation between? One happening, whose actor is the first verb's
    (the noun after "استهدفت" is its object, not its agent)."""
    if not m.hit.entry.verb or m.hit.tok < 1:
        return False
    toks = doc.tokens
    prev = toks[m.hit.tok - 1]
    if prev.norm.startswith(_AL) or prev.is_number:
        return False
    for x in g.mentions:
        if x.sent_index != m.sent_index or not x.hit.entry.verb or x.clause != m.clause:
            continue
        end = x.hit.tok + x.hit.ntok
        if not 0 < m.hit.tok - end <= OBJECT_CLAUSE_TOKENS:
            continue
        gap = doc.text[toks[end - 1].end:m.trigger.start]
        if any(c in gap for c in ar.COMMA + ",.:;"):
            continue
        if any(e.kind in ("person", "actor", "organization", "place") and any(sp.start <= prev.start < sp.end for sp in e.mentions)
               for e in doc.entities):
            continue
        return True
    return False


def _agree(doc: Document, g: Group, m: Mention) -> bool:
    if g.head.type != m.type:
        return False
    if _describes_object(doc, g, m):
        return True
    if g.actor and m.actor and g.actor != m.actor and not _parties_swapped(g, m) and not _one_clause(doc, g, m):
        return False
    if not _times_agree(g.time, m.time) and not (
        # "أكد المتمردون أمس أن الهجوم ... وقال الحزب إن الهجوم الذي شن صباح أول من أمس":
        # the same definite noun a sentence or two on, dated before the report
        _definite_noun(m) and g.time_reported and not m.attrs.get("time_reported") and _report_agrees(g.time, m.time)
        and any(h.hit.entry.form == m.hit.entry.form for h in g.near(m, 2))
    ):
        return False
    if not places_agree(doc, g.place, m.place) and not _movement_leg(g, m):
        return False
    if not _dual_agrees(doc, g, m):
        return False
    if g.head.attrs.get("split_from_coordination") or m.attrs.get("split_from_coordination"):
        return m.place is None or g.place == m.place
    return True


def _one_clause(doc: Document, g: Group, m: Mention) -> bool:
    """Is ``m`` in a clause of the group's, with no response word and no word of time or
    circumstance between ("قصف الجيش وميليشيات الدفاع الوطني بقذائف المدفعية أحياء
    المدينة": one happening whose coordinated actors the two words took apart)?"""
    if (m.clause.start, m.clause.end) not in g.clauses:
        return False
    from rasid.events.lexicon import in_context

    toks = doc.tokens
    for x in g.by_sentence.get(m.sent_index, ()):
        if x.clause != m.clause:
            continue
        if response_between(doc, x, m) or response_between(doc, m, x):
            return False
        lo, hi = sorted((x.hit.tok, m.hit.tok))
        # "قصفت الطائرات مواقع الجبهة بعد هجوم شنته على مقاتلين": what came before or
        # around is another happening (data/context.tsv, class sequel)
        if any(in_context(toks[i].norm, "sequel") for i in range(lo + 1, hi)):
            return False
    return True


#: types whose two parties may be told either way round ("التقى X بـY" ... "لقاء Y مع X")
_SYMMETRIC = frozenset({"CONSULT"})


def _parties_swapped(g: Group, m: Mention) -> bool:
    """A meeting told again with its parties the other way round ("التقى وزير الدفاع
    الأميركي رئيس الإقليم" ... "وأجرى الرئيس لقاء مع الوزير"): the mention's actor is
    a recipient of the group and its recipient the group's actor."""
    if m.type not in _SYMMETRIC or not m.recipient:
        return False
    return m.recipient == g.actor and any(x.recipient == m.actor for x in g.mentions)


def _specific(doc: Document, pid: str | None) -> bool:
    return pid is not None and not _is_country(_entity(doc, pid))


def _dual_agrees(doc: Document, g: Group, m: Mention) -> bool:
    """A happening spread over two governorates (no place: ``_dual_places``) and one
    told at a place of its own are two ("مقتل العشرات ... في محافظتي صلاح الدين
    والأنبار" and "اغتالوا عددا من عناصره في هيت"): a mention of such a spread joins
    only a group with no specific place, or the same spread, and such a group takes
    no mention with a specific place."""
    dual = m.attrs.get("dual_places")
    spread = [x.attrs["dual_places"] for x in g.mentions if x.attrs.get("dual_places")]
    if dual and _specific(doc, g.place):
        return False
    if spread and g.place is None and _specific(doc, m.place):
        return False
    return not (dual and spread and sorted(dual) not in [sorted(x) for x in spread])


def _undated_then_older(doc: Document, g: Group, m: Mention) -> bool:
    """An undated first report (of the day) and, sentences on, a mention dated more than
    UNDATED_DAYS before publication: that time is background ("... منذ يوليو 2013")."""
    return g.time is None and m.time is not None and m.sent_index != g.head.sent_index and not _told_near(
        {"value_start": doc.published}, m.time, UNDATED_DAYS)


#: means that one word may name ("قصفت الطائرات"، "قصف صاروخي"): a strike from afar
_REMOTE_MEANS = frozenset({"aerial", "drone", "shelling"})


def _families(means: "frozenset[str] | set[str]", loose: bool = False) -> set[str]:
    """Means up to the words that may name either; ``loose``: explosions heard may be a strike's."""
    return {"remote" if x in _REMOTE_MEANS or loose and x == "explosives" else x for x in means}


def _heard_effect(doc: Document, g: Group, m: Mention) -> bool:
    """A noun told the same day at a place that agrees with the group's."""
    return (not m.hit.entry.verb and m.time is not None and m.time == g.time
            and m.place is not None and g.place is not None and places_agree(doc, g.place, m.place))


def _clause_means(doc: Document, m: Mention) -> frozenset[str]:
    """The specific means of ``m``: its own, or for a generic trigger ("شنت"، "استهدفت")
    those its clause names with triggers of its type (see ``group``)."""
    if m.mode not in _SPECIFIC_NOT:
        return frozenset((m.mode,))
    if m.mode == "kill":
        return frozenset()  # (a death is told with any means: "مقتل ... في غارات")
    return doc._cache.get("events.clause_means", {}).get((m.type, m.clause.start, m.clause.end), frozenset())


def _blasts(doc: Document, m: Mention) -> bool:
    """Explosions told by a plural noun (``blast_nouns.txt``) with no actor, count or
    death of their own ("وهزت انفجارات عنيفة المدينة"; not "قتل ثلاثة في انفجارات")."""
    if m.hit.entry.verb or m.actor is not None or m.mode != "explosives":
        return False
    w = fold(m.trigger.text)
    if w not in _BLASTS and not any(w.startswith(p) and w[len(p):] in _BLASTS for p in _CLITICS):
        return False
    if m.hit.tok > 0 and doc.tokens[m.hit.tok - 1].is_number:
        return False
    return (m.type, m.clause.start, m.clause.end) not in doc._cache.get("events.kill_clauses", set())


def _blast_of_strike(doc: Document, g: Group, m: Mention) -> bool:
    """Explosions (``_blasts``) in the sentence of a strike or shelling, or the next one,
    are its effect, not another attack ("شنت المقاتلات غارات على مواقع في مدينة X. وهزت
    انفجارات عنيفة المدينة"; "هزت انفجارات عنيفة المدينة عقب غارات شنتها المقاتلات").
    (Place, time and actor are checked by ``_agree``.)"""
    if m.type != "ASSAULT":
        return False
    if _blasts(doc, m):
        return any(h.mode in _REMOTE_MEANS for h in g.near(m, 1))
    return m.mode in _REMOTE_MEANS and m.sent_index in g.by_sentence and all(_blasts(doc, h) for h in g.mentions)


def _same_happening(doc: Document, g: Group, m: Mention) -> bool:
    if g.head.modality != m.modality:
        return False
    if _describes_object(doc, g, m):
        return True
    if _blast_of_strike(doc, g, m):
        for h in (m, *g.mentions):
            if _blasts(doc, h):
                h.attrs["effect"] = True  # (the strike names the event)
        return True
    # two specific, different means of attack (air strike vs IED) are two happenings;
    # "attack" and a consequence ("مقتل") go with any
    # (the group's means, not only its head's: "قتل تسعة في مواجهات" then "وشنت طائرات
    # التحالف غارات": a death told with its clashes is no air strike)
    # ("وشنت طائرات التحالف غارات": a generic verb takes the means its clause names)
    means = _clause_means(doc, m)
    if (
        m.type == "ASSAULT" and (
            g.head.mode not in _SPECIFIC_NOT and m.mode not in _SPECIFIC_NOT and g.head.mode != m.mode
            # (explosions told by a noun the same day at the same place may be a strike's
            # effect: "سماع دوي انفجارات في المنطقة")
            or means and g.means and not _families(means, loose=_heard_effect(doc, g, m)) & _families(g.means)
        )
        # "تفجير انتحاري"، "ضربات صاروخية وغارات": several means named in one clause are one happening
        and (m.clause.start, m.clause.end) not in g.clauses
    ):
        return False
    # "نصبت حواجز تفتيش ... وفرضت حظراً للتجوال": two measures are two happenings
    if m.type == "COERCE" and g.head.mode != m.mode and {g.head.mode, m.mode} & _MEASURES:
        return False
    # "وردت قسد بقصف ...": a response told in a later sentence is a new happening
    if g.first_sentence < m.sent_index and _opens_with_response(m):
        return False
    # "حذرت الفصائل من أنها سترد": one speech act per sentence
    if m.type in _SPEECH_ACTS and m.sent_index in g.by_sentence:
        return True
    # "أكد المتمردون أن الهجوم الانتحاري ... وقال الحزب إن الهجوم الذي شن ... قرب مدينة X":
    # the group's own noun again with the article, a sentence or two on, says where it was
    if g.place is None and _definite_noun(m) and any(
        h.sent_index < m.sent_index and h.hit.entry.form == m.hit.entry.form and not h.hit.entry.verb for h in g.near(m, 2)
    ):
        return True
    # "كما شن الطيران غارات على X، وقصف أهدافا أخرى في Y"، "واستهدفت غارة أخرى": another happening
    if m.trigger.start > g.head.trigger.start and (m.clause.start, m.clause.end) not in g.clauses and (
            _another(doc, m) or _also(doc, m)):
        return False
    shared_actor = g.actor is not None and (g.actor == m.actor or _parties_swapped(g, m))
    if shared_actor and _trend(doc, g.head) and m.sent_index != g.head.sent_index and m.place is not None and g.place is None:
        # "واصل الحزب شن هجمات على قوات الأمن ... هجوماً وقع في مدينة X ونسب إلى الحزب":
        # a party's attacks in general (an indefinite plural with no place) are not one of them
        shared_actor = False
    pe = _entity(doc, m.place) if m.place else None
    shared_place = m.place is not None and g.place == m.place and not _is_country(pe) or bool(
        m.attrs.get("dual_places") and g.place is None
        and any(sorted(x.attrs.get("dual_places") or ()) == sorted(m.attrs["dual_places"]) for x in g.mentions))
    if shared_actor or shared_place:
        return True
    # the same noun for the same place a few sentences apart, even a country
    # ("تحركات أميركية في العراق" ... "تحركات القوات الأميركية في العراق")
    if m.place is not None and g.place == m.place and not m.hit.entry.verb and any(
        h.hit.entry.form == m.hit.entry.form for h in g.near(m)
    ):
        return True
    # the same word a few sentences apart with no place told for either ("انتشرت القوات
    # الخاصة حول قصر العدل ... كما انتشر عشرات من قوات الأمن حول القاعة")
    if m.place is None and g.place is None and any(
        h.hit.entry.form == m.hit.entry.form or h.mode == m.mode and m.mode not in (None, "kill", "attack") for h in g.near(m)
    ):
        return True
    # the same day, places within NEAR_KM, a few sentences apart ("سماع انفجارات" after a raid)
    if (
        m.time and g.time and m.time.get("value_start") == m.time.get("value_end")
        and m.time == g.time and m.place and g.place and not _is_country(pe)
        and g.near(m)
    ):
        return True
    # the same specific means (air strikes ... the strikes) a few sentences apart
    if m.mode not in _GENERIC_MODES and any(h.mode == m.mode for h in g.near(m)):
        return True
    for x in g.by_sentence.get(m.sent_index, ()):
        # "... ورد الجانب الأميركي بشن غارات": a response is a new happening
        if response_between(doc, x, m):
            continue
        # two verbs of one sentence with no shared argument are two happenings
        if not x.hit.entry.verb or not m.hit.entry.verb or x.hit.entry.form == m.hit.entry.form:
            return True
    return False


_RESPONSE = lang.words("events/data/response_words.txt", fold=fold)
_BLASTS = lang.words("events/data/blast_nouns.txt", fold=fold)
_AT = ar.affix("at", fold=fold)  # ات: a sound feminine plural
_AL = ar.affix("al", fold=fold)  # ال
_CLITICS = ar.affixes("wa", "fa", "bi", "li", fold=fold)  # و، ف، ب، ل
_BI = ar.affix("bi", fold=fold)  # ب


_MEASURES = frozenset({"checkpoint", "curfew", "block"})
_SPEECH_ACTS = frozenset({"THREATEN", "ACCUSE", "REJECT"})


_ALIF = ar.affix("alef", fold=fold)  # the accusative's written tanween ("أهدافاً")


#: tokens from a clause's opening "كما" to the trigger: the verb, its subject, a number word
ALSO_TOKENS = 4


def _also(doc: Document, m: Mention) -> bool:
    """Does the trigger's clause open with "كما" ("also") a few tokens before it ("كما
    شنت المقاتلات عدة غارات"، "كما سيطرت على مدينة X")? The clause tells another
    happening, not the one before it again. (A definite noun there still refers
    back: "كما استهدفت الغارات مخازن" may be the same strikes.) Attacks only: a
    deployment told in parts is one ("انتشرت القوات الخاصة حول المحكمة ... كما انتشر
    عشرات من عناصر الأمن داخل القاعة")."""
    from rasid.events.arguments import argument_words  # (arguments imports this module)

    lo, first = m.tok_lo, m.hit.tok
    if m.type != "ASSAULT" or not 0 < first - lo <= ALSO_TOKENS:
        return False
    toks = doc.tokens
    if toks[lo].norm not in frozenset(argument_words()["also"]):
        return False
    return not any(c in doc.text[toks[lo].end:m.trigger.start] for c in ar.COMMA + ",.:;")


@lru_cache(maxsize=1)
def _another_words() -> tuple[frozenset[str], frozenset[str]]:
    """(another, strike_noun) of data/arguments.tsv: أخرى، آخر ...; غارة، هجوم ..."""
    from rasid.events.arguments import argument_words  # (arguments imports this module)

    return frozenset(argument_words()["another"]), frozenset(argument_words()["strike_noun"])


ANOTHER_WORDS = 2  # words after the trigger where "أخرى" qualifies it or its object


def _another(doc: Document, m: Mention) -> bool:
    """Is the mention told as another happening ("غارة أخرى"، "قصف أهدافا أخرى")?"""
    if m.mode == "kill":
        return False  # ("مقتل شرطي وجرح آخر": another one hurt, not another happening)
    another, strikes = _another_words()
    words = [w.strip(ar.COMMA + ",.") for w in fold(doc.text[m.trigger.end:m.clause.end]).split()][:ANOTHER_WORDS]
    if not words:
        return False
    if not m.hit.entry.verb:
        # "غارة أخرى" (not a weapon named alone: "أصابت صواريخ أخرى القاعدة" is the same attack)
        return m.hit.entry.strong and words[0] in another
    # a verb's object in the accusative ("قصف أهدافاً أخرى"; not its subject: "أصابت صواريخ أخرى"),
    # or an attack noun as its subject ("واستهدفت غارة أخرى مخزناً")
    return len(words) > 1 and words[1] in another and (words[0].endswith(_ALIF) or words[0] in strikes)


def _opens_with_response(m: Mention) -> bool:
    words = fold(m.sentence.text[:max(0, m.trigger.start - m.sentence.start)]).split()[:2]
    return any(w in _RESPONSE for w in words)


def _response_words(doc: Document) -> tuple[list[int], list[int]]:
    """Starts and ends (text offsets) of the whitespace-separated words of the
    folded text that are response words; computed once per document."""
    hit = doc._cache.get("events.response")
    if hit is None:
        view = doc.view
        starts: list[int] = []
        ends: list[int] = []
        for w in re.finditer(r"\S+", view.text):
            if w.group() in _RESPONSE:
                s, e = view.to_text(w.start(), w.end())
                starts.append(s)
                ends.append(e)
        hit = doc._cache["events.response"] = (starts, ends)
    return hit


def response_between(doc: Document, a: Mention, b: Mention) -> bool:
    """Is a response word ("ردا"، "انتقاما") written between the two triggers?
    (By bisection: the mentions of a long sentence are compared pairwise.)"""
    lo, hi = sorted((a.trigger.end, b.trigger.start))
    starts, ends = _response_words(doc)
    i = bisect_left(starts, lo)
    return i < len(starts) and ends[i] <= hi


def _add(doc: Document, g: Group, m: Mention) -> None:
    g.append(m)
    if m.type == "MOBILIZE" and m.place and m.attrs.get("destination") == m.place:
        g.place = m.place  # a movement happens where it arrives
        g.arrived = True
    elif not g.arrived:
        g.place = _more_precise(doc, g.place, m.place)
    g.actor = g.actor or m.actor
    if _undated_then_older(doc, g, m):
        pass  # (the mention still joins: told apart, it would be a background event of its own)
    elif g.time is None or g.time_reported and m.time and not m.attrs.get("time_reported") and _told_near(g.time, m.time):
        g.time, g.time_reported = m.time, bool(m.time and m.attrs.get("time_reported"))


def _place_in(doc: Document, pid: str, span: Span) -> bool:
    e = _entity(doc, pid)
    if not e:
        return False
    starts = [x.start for x in e.mentions]
    if starts != sorted(starts):
        return any(span.start <= x.start and x.end <= span.end for x in e.mentions)
    i = bisect_left(starts, span.start)
    return any(x.end <= span.end for x in e.mentions[i:bisect_left(starts, span.end)])


def _generic_plural(doc: Document, m: Mention) -> bool:
    """"هجمات الميليشيات في العراق وسوريا": a plural noun over several countries,
    with no number, names a trend, not one happening."""
    if m.hit.entry.verb or len(m.places) < 2:
        return False
    if not fold(m.trigger.text).endswith(_AT):
        return False
    toks = doc.tokens
    if m.hit.tok > 0 and toks[m.hit.tok - 1].is_number:
        return False
    return all(_is_country(_entity(doc, p)) for p in m.places)


@lru_cache(maxsize=1)
def type_conventions() -> tuple[tuple[str, str, str, str, str, frozenset[str]], ...]:
    """Rows of data/type_conventions.tsv: (from type, from mode, to type, to mode, scope, forms)."""
    from rasid.events.lexicon import _rows

    out = []
    for r in _rows("type_conventions.tsv", 6, min_cols=1):
        forms = frozenset(" ".join(fold(f).split()) for f in r[5].split(",") if f.strip())
        out.append((r[0], r[1], r[2], r[3], r[4], forms))
    return tuple(out)


def apply_conventions(mentions: list[Mention]) -> None:
    """Retype mentions by data/type_conventions.tsv ("تدريبات" told of a military
    exercise is the exercise's MOBILIZE, not AID)."""
    for ft, fm, tt, tm, scope, forms in type_conventions():
        targets = [m for m in mentions if m.type == tt and m.mode == tm]
        if not targets:
            continue
        for m in mentions:
            if m.type != ft or m.mode != fm or (forms and m.hit.entry.form not in forms):
                continue
            back = NEAR_SENTENCES if scope == "near" and (m.definite or m.generic) else 0
            if any(0 <= m.sent_index - t.sent_index <= back for t in targets):
                m.type, m.mode = tt, tm


def group(doc: Document, mentions: list[Mention]) -> list[Group]:
    """Mentions -> groups, one per happening (see the module docstring)."""
    apply_conventions(mentions)
    groups: list[Group] = []
    by_type: dict[str, list[Group]] = {}
    per_sentence = Counter((p.type, p.sent_index) for p in mentions)
    for m in mentions:
        if _generic_plural(doc, m):
            m.generic = True
        # "أن الغارات أسفرت عن ... في مدينة الميادين": a reference back takes the
        # place of what it refers to, not a place named elsewhere in its sentence;
        # a killing that is the sentence's only report of its type keeps the
        # sentence's place ("خرجت مظاهرات في مدينة X، إثر مقتل ضابط")
        # "أسفرت عن مقتل ...": another mention of its type in its sentence
        consequence = m.mode == "kill" and not m.hit.entry.verb and per_sentence[(m.type, m.sent_index)] > 1
        if (m.definite or m.generic or consequence) and m.place and not _place_in(doc, m.place, m.clause):
            m.place, m.places = None, []
    by_clause: dict[tuple[str, int, int], set[str]] = {}
    for p in mentions:
        if p.mode not in _SPECIFIC_NOT:
            by_clause.setdefault((p.type, p.clause.start, p.clause.end), set()).add(p.mode)
    doc._cache["events.clause_means"] = {k: frozenset(v) for k, v in by_clause.items()}
    doc._cache["events.kill_clauses"] = {(p.type, p.clause.start, p.clause.end) for p in mentions if p.mode == "kill"}
    split = _split_places(doc, mentions)
    ordered = [m for m in split if not m.title] + [m for m in split if m.title]
    for m in ordered:
        # "لقوا مصرعهم بعد اشتباكات": the cause told after a death is its happening
        caused = _caused_death(doc, by_type.get(m.type, ()), m)
        if caused is not None:
            _add(doc, caused, m)
            continue
        agreeing = [g for g in by_type.get(m.type, ()) if _agree(doc, g, m)]
        if m.definite and not m.title and m.place and m.actor:
            # "محور الهجوم الذي يشنه الجيش وحزب الله" in the tenth sentence: a reference
            # naming its own place and actor refers back only to a happening told in
            # the sentences just before, not one placed only in a country with no actor
            agreeing = [g for g in agreeing if g.near(m) or g.actor is not None
                        or not _is_country(_entity(doc, g.place))]
        if m.title or m.definite or m.generic:
            # a headline, or "الهجمات"/"الزيارة": refers to a happening told elsewhere
            if agreeing:
                _add(doc, agreeing[-1] if m.definite or m.generic else _headline_target(doc, agreeing, m), m)
                continue
            if m.weak or m.definite or m.generic:
                continue  # a generic reference ("الهجمات الإيرانية"), not a report
            if m.title and m.sentence.start > 0 and not m.hit.entry.verb:
                continue  # a bare noun in a tag line or sub-heading ("سمات: تركيا داعش هجوم")
        target = next((g for g in agreeing if _same_happening(doc, g, m)), None)
        if target is None:
            groups.append(Group([m], m.place, m.actor, m.time, time_reported=bool(m.time and m.attrs.get("time_reported"))))
            groups[-1].arrived = m.type == "MOBILIZE" and bool(m.place) and m.attrs.get("destination") == m.place
            by_type.setdefault(m.type, []).append(groups[-1])
        else:
            _add(doc, target, m)
    return _join_referring_deaths(doc, groups)


def _headline_target(doc: Document, agreeing: list[Group], m: Mention) -> Group:
    """The group a headline mention joins: the first agreeing one that shares its
    specific means ("هدوء في صنعاء ... واشتباكات متقطعة في الجنوب" is the body's
    clashes, not the air strikes told before them), else the first."""
    means = _families(_clause_means(doc, m))
    return next((g for g in agreeing if means & _families(g.means)), agreeing[0])


def _refers_back(g: Group) -> bool:
    """Is the group only a reference back to an attack told before, with the deaths it
    caused ("قتلا في الغارة"، "قتلوا خلال الهجوم"): its reports are definite nouns,
    its other mentions weak killings of their sentences?"""
    strong = [m for m in g.mentions if not m.weak]
    return bool(strong) and all(m.definite and not m.title for m in strong) and all(
        m in strong or m.mode == "kill" and m.sent_index in {s.sent_index for s in strong} for m in g.mentions)


def _victims_aside(m: Mention, victims: "set[str | None]") -> Mention:
    """``m`` without an actor when it is a killing (its "actor" is often its victims),
    or a noun given the killing's actor ("إن عنصرين من لجان الدفاع قتلا في الغارة")."""
    if m.actor is None or m.mode != "kill" and m.actor not in victims:
        return m
    c = copy.copy(m)
    c.actor = None
    return c


def _join_referring_deaths(doc: Document, groups: list[Group]) -> list[Group]:
    """"شنت الميليشيات هجوما على مواقع المقاومة ... وذكر ان نحو 15 قتلوا خلال الهجوم":
    the killing opens a group of its own (its sentence names no shared actor or place)
    and the definite noun joins it; the two are the earlier attack's deaths. Such a
    group joins the latest earlier group of its type that all its mentions agree with
    and that holds the noun's word or its mode (not a killing), nearest first, a
    report before a reference back."""
    out: list[Group] = []
    for g in groups:
        if _refers_back(g):
            forms = {m.hit.entry.form for m in g.mentions if not m.weak}
            means = {m.mode for m in g.mentions if not m.weak and m.mode not in (None, "kill")}
            victims = {m.actor for m in g.mentions if m.mode == "kill"}
            # the group of the nearest earlier report by that word or means (not itself a reference back)
            best: tuple[int, int, Group] | None = None
            for e in out:
                if e.head.type != g.head.type or e.head.modality != g.head.modality or e.first_sentence >= g.first_sentence:
                    continue
                hits = [x for x in e.mentions if not x.weak and x.sent_index < g.first_sentence
                        and (x.hit.entry.form in forms or x.mode in means)]
                if not hits or not all(_agree(doc, e, _victims_aside(m, victims)) for m in g.mentions):
                    continue
                key = (int(any(not x.definite for x in hits)), max(x.trigger.start for x in hits), e)
                if best is None or key[:2] > best[:2]:
                    best = key
            if best is not None:
                target, actor = best[2], best[2].actor
                for m in g.mentions:
                    _add(doc, target, m)
                target.actor = actor  # (the actor of "قتلا" is often its victims)
                continue
        out.append(g)
    return out


#: how many words may stand between a death and the link word before its cause
CAUSE_LINK_WORDS = 14


def _caused_death(doc: Document, groups: "list[Group] | tuple[()]", m: Mention) -> Group | None:
    """"لقي قيادي و12 من مرافقيه مصرعهم ... في محافظة الضالع بعد اشتباكات عنيفة":
    the cause told after a death in its sentence is the death's happening, whatever
    place or date each clause gave; the group of that death (or None).

    1. ``m`` is not itself a death, the death (mode kill) comes before it in its
       sentence, with the same modality and no response word between;
    2. the word just before ``m`` (or its proclitic-split stem) is a link word or a
       word of cause (``data/context.tsv``: link, cause: بعد، في، جراء، نتيجة ...);
    3. at most ``CAUSE_LINK_WORDS`` words between the two triggers.
    """
    from rasid.events.lexicon import in_context

    if m.mode == "kill" or m.hit.tok == 0 or m.title:
        return None
    toks = doc.tokens
    prev = toks[m.hit.tok - 1].norm
    if not (in_context(prev, "link") or in_context(prev, "cause")):
        return None
    for g in reversed(groups):
        for x in g.by_sentence.get(m.sent_index, ()):
            if (
                x.mode == "kill" and x.trigger.end <= m.trigger.start and x.modality == m.modality
                and len(doc.text[x.trigger.end:m.trigger.start].split()) <= CAUSE_LINK_WORDS
                and not response_between(doc, x, m)
            ):
                return g
    return None


def evidence_spans(doc: Document, g: Group) -> list[Span]:
    spans: list[Span] = []
    seen: set[tuple[int, int]] = set()
    for m in g.mentions:
        c = m.clause
        # "دفعت القيادة، أمس الجمعة، بتعزيزات": the object's clause starts with ب; the
        # verb that governs it opens the sentence
        if (
            not m.hit.entry.verb and c.start > m.sentence.start and m.trigger.start - c.start <= 1
            and fold(m.trigger.text).startswith(_BI)
        ):
            c = doc.span(m.sentence.start, c.end)
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            spans.append(doc.span(c.start, c.end))
    return spans
