"""Pipeline stage: PLOVER events with arguments, modality and source claim.

``annotate(doc)`` runs last, after places, actors, times and claims:

1. :mod:`~rasid.events.detect` finds triggers (``data/triggers.tsv``, Arabic
   morphology via proclitic splits and suffixes) and keeps those their clause
   supports (context words, or the ASSAULT/PROTEST sentence classifier of
   :mod:`~rasid.events.classifier` for weak triggers).
2. :mod:`~rasid.events.arguments` fills actor, recipient, place (origin and
   destination), time (sentence or context, never the publication date),
   counts and the containing claim. (Once the gate has kept an asserted event
   whose text gives no date, it is dated by the report: :func:`report_dates`;
   one whose sentence names no place is placed at the article's last place
   before it: :func:`report_places`.)
3. :mod:`~rasid.events.modality` sets the modality from cue words, tense,
   particles and claims; :mod:`~rasid.events.eventness` keeps the mentions
   that report a specific happening (one learned, calibrated decision).
4. :mod:`~rasid.events.merge` applies the type conventions written in
   ``data/type_conventions.tsv`` (exercises and drills are MOBILIZE, never AID;
   training given to another party is AID) and turns mentions into one event per
   happening, with several evidence spans.
   An event with no named actor takes the forces a nationality adjective names
   (``data/actor_nouns.tsv``), a generic party in the actor's place
   (``data/generic_actors.tsv``), or the actor of the verb it is coordinated with.
5. Each event gets an ACLED event_type / sub_event_type (``data/acled.tsv``).
6. :mod:`~rasid.events.gate` keeps the events of an article that are events of
   it, judged among its other events (a second event for one happening, a
   background reference): one learned, calibrated decision
   (``models/event_gate.json``, ``scripts/train_event_gate.py``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from rasid.events.arguments import _VISITED_TYPES, _route_end, _visited, doc_context, fill, is_finite_verb, off_site
from rasid.events.merge import response_between
from rasid.events.detect import Mention, detect
from rasid.events.eventness import decide
from rasid.events.lexicon import acled_for
from rasid.events import gate
from rasid.events.merge import Group, evidence_spans, group
from rasid.events.nationality import adjective_actor, generic_actor
from rasid.events.dates import settle as settle_dates
from rasid.events.modality import fill_modality
from rasid.lang import ar
from rasid.model.document import Document, Entity, Event, Span
from rasid.text import fold

__all__ = ["annotate", "extract", "report_dates", "report_places"]

COUNT_FIELDS = ("fatalities", "injuries", "arrests")
KEEP_WEAK = ("asserted", "denied")
KEEP_FORCE_VERB = ("planned", "speculated")
_AT = ar.affix("at", fold=fold)  # ات: a sound feminine plural
_CONJUNCTIONS = ar.affixes("wa", "fa", fold=fold)  # و، ف
_WA = ar.affix("wa", fold=fold)  # و
COORDINATED_NOUN_WORDS = 8  # how far a coordinated verbal noun may follow the event noun it shares an actor with


def _bare_plural(doc: Document, m: Mention) -> bool:
    toks = doc.tokens
    return (
        not m.hit.entry.verb and not m.definite and fold(m.trigger.text).endswith(_AT)
        and not (m.hit.tok > 0 and toks[m.hit.tok - 1].is_number) and not m.counts
    )


#: a line of a chronicle ("هذا اليوم في التاريخ"): a year, then a dash or colon
_CHRONICLE_LINE = re.compile(r"\s*[(\[]?(\d{4})\s*[)\]]?\s*[-\u2013\u2014:]")


def _chronicle_entry(doc: Document, m: Mention) -> bool:
    """Does the trigger's sentence open with a year before the publication year and a
    dash ("1983 - انفجار سيارة مفخخة في بيروت")? A line of a chronicle of past years
    tells history, not news."""
    hit = _CHRONICLE_LINE.match(doc.text, m.sentence.start, m.sentence.end)
    if hit is None:
        return False
    year = int(hit.group(1))  # (int reads Arabic-Indic digits too)
    published = (doc.published or "")[:4]
    return year >= 1000 and published.isdigit() and year < int(published)


def rule_keep(doc: Document, m: Mention) -> bool:
    """The rules that follow the modality (after the eventness decision)."""
    # a line of a chronicle of past years ("1983 - انفجار سيارة مفخخة ...") is history
    if _chronicle_entry(doc, m):
        return False
    # a weak trigger reports a happening only when it is told as one
    # ... or when its verb has armed forces for subject ("أن تعيد القوات نشر ...")
    if m.weak and m.modality not in KEEP_WEAK and not (m.attrs.get("force_subject") and m.modality in KEEP_FORCE_VERB):
        return False
    # "ألا تتدخل بهجمات": a bare plural noun under a negation names no happening,
    # nor does a noun quantified by أي ("لم تشن الطائرات أي غارة")
    return not (m.modality == "negated" and (_bare_plural(doc, m) or m.attrs.get("negated_any")))


def extract(doc: Document) -> list[Event]:
    """Events of ``doc`` (not added to it)."""
    mentions: list[Mention] = detect(doc)
    if not mentions:
        return []
    fill(doc, mentions)
    fill_modality(doc, mentions)
    settle_dates(doc, mentions)  # the dates the modality rules out (a past happening's future date ...)
    # does each mention report a specific happening? (the learned decision)
    mentions = decide(doc, mentions)
    mentions = [m for m in mentions if rule_keep(doc, m)]
    if not mentions:
        return []
    built: list[tuple[Event, Group]] = []
    taken = {e.id for e in doc.events}
    done: dict[int, list[tuple[Mention, str]]] = {}  # sentence -> (mention, actor id) of the events built so far
    for g in group(doc, mentions):
        # the event is named by its most telling mention: strong before weak, then first
        # (explosions heard after a strike are its effect: the strike names it)
        h = max(g.mentions, key=lambda m: (not m.weak, not m.attrs.get("effect"), -m.trigger.start))
        eid = doc.new_id("event-", taken)
        taken.add(eid)
        counts: dict[str, int] = {}
        attrs: dict = {}
        approx: set[str] = set()
        for m in g.mentions:
            for k, v in m.counts.items():
                counts.setdefault(k, v)
            approx.update(m.attrs.get("approx", []))
            for k in ("origin", "destination"):
                if k in m.attrs and k not in attrs:
                    attrs[k] = m.attrs[k]
        if "size" in counts:
            attrs["size"] = counts["size"]
        if approx:
            attrs["approx"] = sorted(approx)
        acled = acled_for(h.type, h.mode)
        if acled:
            attrs["acled_event_type"], attrs["acled_sub_event_type"] = acled[0], acled[1]
            if acled[2]:
                attrs["acled_approx"] = True
        if any(m.attrs.get("time_inherited") for m in g.mentions if m.time == g.time):
            attrs["time_inherited"] = True
        week = next((m.attrs["time_range"] for m in g.mentions if m.time == g.time and "time_range" in m.attrs), None)
        if week is not None:
            attrs["time_range"] = week  # the week a middle day stands for
        conf = max(m.confidence for m in g.mentions)
        actor_id = g.actor or _adjective_actor(doc, g.mentions) or _coordinated_actor(doc, g.mentions, done)
        if actor_id:
            for m in g.mentions:
                done.setdefault(m.sent_index, []).append((m, actor_id))
        modality = g.head.modality
        conf = min(0.95, conf + 0.05 * (len(g.mentions) - 1))
        built.append((
            Event(
                id=eid,
                type=h.type,
                mode=h.mode,
                trigger=h.trigger,
                evidence=evidence_spans(doc, g),
                actor=actor_id,
                # (a mention's recipient that is the event's actor is not its target)
                recipient=next((m.recipient for m in g.mentions if m.recipient and m.recipient != actor_id), None),
                place=g.place,
                time=g.time,
                modality=modality,
                claim=next((m.claim for m in g.mentions if m.claim), None),
                fatalities=counts.get("fatalities"),
                injuries=counts.get("injuries"),
                arrests=counts.get("arrests"),
                confidence=conf,
                attrs=attrs,
            ),
            g,
        ))
    # is each event one of the article's, among its other events? (the learned gate)
    kept = gate.apply(doc, built)
    # the per-type eventness decision turned down every mention of the event
    vetoed = {e.id for e, g in built if all(m.attrs.get("type_veto") for m in g.mentions)}
    if vetoed:
        kept = [e for e in kept if e.id not in vetoed]
    # (after the gate: the implied crowd is no evidence that the protest happened)
    for ev in kept:
        if ev.type == "PROTEST" and ev.actor is None:
            ev.actor = _crowd_actor(doc, ev)
    # (after the gate, which judges an event by the dates and places the text gives)
    report_dates(doc, kept)
    report_places(doc, kept)
    return kept


def report_places(doc: Document, events: list[Event]) -> None:
    """An event whose clause and sentence name no place (nor the sentence it
    continues) is placed where the article last put its story before it: the last
    place named before its trigger (not the end of a road named with بين), marked
    ``attrs["place_inferred"]`` ("اندلعت اشتباكات عنيفة بين الطرفين" after a
    paragraph on a province). An event before any place stays unplaced."""
    if all(ev.place is not None for ev in events):
        return
    places = [(e, m) for e, m in doc_context(doc).places if not _route_end(doc, m)]
    for ev in events:
        if ev.place is not None:
            continue
        # (not a place across a border or where fire came from: "من داخل الأراضي اليمنية")
        before = [(e, m) for e, m in places if m.end <= ev.trigger.start and not off_site(doc, ev.type, m)]
        # (an attack after the city an official travelled to stays unplaced rather than
        # placed there, nor an earlier place: "داعيا خلال زيارته واشنطن")
        if before and not (ev.type in _VISITED_TYPES and _visited(doc, before[-1][1])):
            ev.place = before[-1][0].id
            ev.attrs["place_inferred"] = True


#: days before publication (the crawl date) that an undated report may tell of
REPORT_DAYS_BEFORE = 1


def report_dates(doc: Document, events: list[Event]) -> None:
    """An asserted event whose text gives no date is dated by the report: the day
    before publication to publication (``attrs["time_inferred"]``), as an analyst
    codes a news report of the day ("قتل ثلاثة في هجوم على حاجز"). A planned,
    speculated or negated one stays undated."""
    try:
        pub = date.fromisoformat((doc.published or "")[:10])
        span = {"value_start": (pub - timedelta(days=REPORT_DAYS_BEFORE)).isoformat(), "value_end": pub.isoformat()}
    except (ValueError, OverflowError):  # (no date, or one at the calendar's start)
        return
    for ev in events:
        if ev.time is None and ev.modality == "asserted":
            ev.time = dict(span)
            ev.attrs["time_inferred"] = True


def _coordinated_actor(doc: Document, mentions: list[Mention], done: dict[int, list[tuple[Mention, str]]]) -> str | None:
    """"القوات الأمنية نصبت حواجز ...، وفرضت حظراً للتجوال": a coordinated verb with no
    subject of its own shares the actor of the event told before it in its sentence."""
    for m in mentions:
        # "وفرضت ..." or a noun governed by one ("وفرضت حظراً للتجوال")
        gov = ""
        if m.hit.tok > 0 and not m.hit.entry.verb and doc.tokens[m.hit.tok - 1].start - m.clause.start <= 1:
            gov = doc.tokens[m.hit.tok - 1].norm  # the clause opens with the governing word
        # "اعتداء الجنود على المصلين واعتقال عدد منهم": a verbal noun coordinated with
        # the event noun just before it shares its actor
        word = fold(m.trigger.text)
        noun = not m.hit.entry.verb and word.startswith(_WA) and not fold(m.hit.entry.form).startswith(_WA) and len(word) > 3
        if not (is_finite_verb(m) and word.startswith(_CONJUNCTIONS) or gov.startswith(_CONJUNCTIONS) and len(gov) > 3 or noun):
            continue
        prev = [
            (p, a) for p, a in done.get(m.sent_index, ())
            if p.trigger.end <= m.trigger.start and not response_between(doc, p, m)
            and (not noun or len(doc.text[p.trigger.end:m.trigger.start].split()) <= COORDINATED_NOUN_WORDS)
        ]
        if prev:
            return max(prev, key=lambda pa: pa[0].trigger.start)[1]
    return None


#: the party of a protest or riot that names none: who protests is a protester
#: (ACLED codes every demonstration with "Protesters" or "Rioters" as actor1)
CROWD_ACTORS = {"riot": "Rioters", None: "Protesters"}


def _crowd_actor(doc: Document, ev: Event) -> str:
    """"تظاهر المئات من أهالي البصرة"، "شهدت المدينة احتجاجات": a protest whose
    sentence names no party is done by protesters (the crowd the trigger implies)."""
    name = CROWD_ACTORS.get(ev.mode) or CROWD_ACTORS[None]
    span = Span(ev.trigger.start, ev.trigger.end, ev.trigger.text)
    for e in doc.entities:
        if e.name == name and e.attrs.get("found_by") == "events":
            if not any(m.overlaps(span) for m in e.mentions):
                e.mentions.append(span)
                e.mentions.sort(key=lambda m: m.start)
            return e.id
    ent = Entity(
        doc.new_id("actor-", (e.id for e in doc.entities)), "actor", name, span.text, [span],
        attrs={"descriptive": True, "generic": True, "implicit": True, "found_by": "events"},
    )
    doc.entities.append(ent)
    return ent.id


def _adjective_actor(doc: Document, mentions: list[Mention]) -> str | None:
    """"طائرة مسيرة أمريكية": the forces a nationality adjective names, when no actor was found."""
    for m in mentions:
        ent = adjective_actor(doc, m)
        if ent is not None:
            return ent.id
    # "هاجم مسلحون"، "قصف لقوات الأمن": a generic party in the actor's place
    for m in mentions:
        ent = generic_actor(doc, m)
        if ent is not None:
            return ent.id
    return None


def annotate(doc: Document) -> None:
    """Add this stage's events to ``doc`` in place."""
    doc.events.extend(extract(doc))
