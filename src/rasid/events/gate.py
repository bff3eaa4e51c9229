"""The event gate: keep or drop each finished event of a document (one learned decision).

:mod:`rasid.events.eventness` decides each trigger mention on its own clause.
Once the mentions are grouped into events, some are still not events of the
article: the same happening told twice (a second ``قصف`` for one strike), a
background reference, a generic statement whose clause looked specific. The
gate looks at each event among the document's other events and keeps it when
its calibrated P(the event is one of the article's) reaches the threshold.

Features (:func:`features`, no word lists: structure and what earlier stages
found): type, mode, the head trigger's form, strong/weak, verb/noun; the
modality, claim and stance; which arguments are filled (actor, recipient,
place and its precision, date, counts); the date's distance from publication;
the sentence's position and length; how many mentions the event groups; how
many events of its type the sentence and the article have, and whether an
earlier event of its type shares its sentence, place or date (a duplicate);
the mentions' eventness probabilities. The type enters as its own feature
and through the trigger form; the other features share one weight across types.

The model is trained by ``scripts/train_event_gate.py`` (document-level
cross-validation on the real tune articles, threshold chosen out of fold) and
shipped as ``models/event_gate.json``; without that file every event is kept.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any

from rasid.events import linear
from rasid.model.document import Document, Event

if TYPE_CHECKING:  # pragma: no cover
    from rasid.events.merge import Group

MODEL_FILE = "models/event_gate.json"
#: doc._cache key under which the features of the last run are left (training)
CACHE_KEY = "events.gate"


_bucket = linear.bucket


def _logit(p: float) -> float:
    return linear.logit(p, 1e-3)


def _days(iso: str | None) -> int | None:
    try:
        return date.fromisoformat((iso or "")[:10]).toordinal()
    except ValueError:
        return None


def context(doc: Document, built: list[tuple[Event, "Group"]]) -> dict[int, dict[str, Any]]:
    """Per event (by ``id()``): what the document's other events of its type say
    about it (one pass in trigger order, so that a long article stays linear)."""
    n_type: Counter[str] = Counter(e.type for e, _ in built)
    sent_count: Counter[tuple[str, int]] = Counter()
    sents = {id(e): {m.sent_index for m in g.mentions} for e, g in built}
    for e, _ in built:
        for k in sents[id(e)]:
            sent_count[(e.type, k)] += 1
    seen: dict[str, dict[str, Any]] = {}
    # the trigger spans and clauses of every event (any type): one trigger giving
    # two events (a place list split, two types), or two events of one clause
    trig_count: Counter[int] = Counter()
    clause_types: dict[tuple[int, int], set[str]] = {}
    for e, g in built:
        for start in {m.trigger.start for m in g.mentions}:
            trig_count[start] += 1
        for m in g.mentions:
            clause_types.setdefault((m.clause.start, m.clause.end), set()).add(e.type)
    claims = {c.id: c for c in doc.claims}
    out: dict[int, dict[str, Any]] = {}
    for e, g in sorted(built, key=lambda eg: eg[0].trigger.start):
        st = seen.setdefault(e.type, {"n": 0, "sent": set(), "place": set(), "time": set(), "actor": set(),
                                      "clause": set()})
        clauses = {(m.clause.start, m.clause.end) for m in g.mentions}
        when = (e.time or {}).get("value_start")
        out[id(e)] = {
            "same_type_doc": n_type[e.type] - 1,
            "same_type_sent": max(sent_count[(e.type, k)] for k in sents[id(e)]) - 1,
            "rank": st["n"],
            "dup_sentence": bool(sents[id(e)] & st["sent"]),
            "dup_place": e.place is not None and e.place in st["place"],
            "dup_time": when is not None and when in st["time"],
            "dup_actor": e.actor is not None and e.actor in st["actor"],
            "dup_clause": bool(clauses & st["clause"]),
            "shared_trigger": any(trig_count[m.trigger.start] > 1 for m in g.mentions),
            "other_type_clause": any(len(clause_types.get(c, ())) > 1 for c in clauses),
            "events": len(built),
            "claim": claims.get(e.claim) if e.claim else None,
        }
        st["n"] += 1
        st["sent"].update(sents[id(e)])
        st["place"].add(e.place)
        st["time"].add(when)
        st["actor"].add(e.actor)
        st["clause"].update(clauses)
    return out


def features(doc: Document, ev: Event, g: "Group", ctx: dict[str, Any]) -> dict[str, float]:
    """Event-level features (name -> value) of ``ev``, made from group ``g``;
    ``ctx``: its entry of :func:`context`."""
    from rasid.events.merge import _entity, _is_country

    t = ev.type
    f: dict[str, float] = {}

    def on(name: str, v: float = 1.0) -> None:
        # one weight per feature for every type: per-type copies (``ASSAULT|has_place``)
        # were too sparse for the few hundred training events (out of fold on the real
        # tune split, 5 story partitions pooled, F0.5 0.568 -> 0.584 at min-recall 0.9)
        f[name] = v

    ms = g.mentions
    h = max(ms, key=lambda m: (not m.weak, -m.trigger.start))
    f["bias"] = 1.0
    f[f"type={t}"] = 1.0
    f[f"form={t}:{h.hit.entry.form}"] = 1.0
    on(f"mode={ev.mode}")
    on("strong" if any(not m.weak for m in ms) else "weak")
    on("verb" if any(m.hit.entry.verb for m in ms) else "noun")
    if all(m.definite for m in ms):
        on("all_definite")
    if any(m.title for m in ms):
        on("title")
    on(f"modality={ev.modality}")
    stance = next((m.attrs.get("claim_stance") for m in ms if m.attrs.get("claim_stance")), None)
    if stance:
        on(f"stance={stance}")
    if ev.claim:
        on("claim")
        c = ctx["claim"]
        if c is not None:
            on(f"source={c.source.kind}")
    # arguments
    for name, val in (("actor", ev.actor), ("recipient", ev.recipient), ("place", ev.place), ("time", ev.time)):
        on(f"has_{name}" if val else f"no_{name}")
    if ev.place:
        on("place_country" if _is_country(_entity(doc, ev.place)) else "place_sub")
    if ev.fatalities or ev.injuries or ev.arrests:
        on("counts")
    # "وصلت كتيبة من 300 عسكري"، "انتشر مئات من الجنود": the size of a force told
    if ev.attrs.get("size"):
        on("size")
    # "انتشرت القوات الخاصة"، "دخلت القوات": a weak verb whose subject is armed forces
    if any(m.attrs.get("force_subject") for m in ms):
        on("force_subject")
    # "وصلت ... إلى عدن": a movement told with where it arrived
    if ev.attrs.get("destination"):
        on("destination")
    if ev.attrs.get("time_inherited"):
        on("time_inherited")
    pub, when = _days(doc.published), _days((ev.time or {}).get("value_start"))
    if pub is not None and when is not None:
        on(f"age={_bucket(pub - when, (-1, 0, 2, 7, 31, 365))}")
    # position and sentence
    n_sents = len(doc.sentences)
    first = min(m.sent_index for m in ms)
    on(f"sent={_bucket(first, (0, 1, 3, 7, 15))}")
    if n_sents > 1:
        on(f"rel_pos={_bucket(first / (n_sents - 1), (0.25, 0.5, 0.75))}")
    on(f"sent_len={_bucket(len(h.sentence.text.split()), (10, 20, 35, 60))}")
    on(f"doc_sents={_bucket(n_sents, (1, 5, 15, 40))}")
    on(f"mentions={_bucket(len(ms), (1, 2, 4))}")
    on(f"sentences={_bucket(len({m.sent_index for m in ms}), (1, 2))}")
    # the document's other events of this type
    on(f"same_type_doc={_bucket(ctx['same_type_doc'], (0, 1, 3, 6))}")
    on(f"same_type_sent={_bucket(ctx['same_type_sent'], (0, 1))}")
    on(f"rank={_bucket(ctx['rank'], (0, 1, 3))}")
    for k in ("dup_sentence", "dup_place", "dup_time", "dup_actor", "dup_clause", "shared_trigger", "other_type_clause"):
        if ctx[k]:
            on(k)
    if not ctx["rank"]:
        on("first_of_type")
    on(f"doc_events={_bucket(ctx['events'], (1, 3, 8, 15))}")
    # the mentions' eventness
    ps = [m.attrs["eventness"] for m in ms if "eventness" in m.attrs]
    if ps:
        on("eventness_max", _logit(max(ps)))
        on(f"eventness={_bucket(max(ps), (0.2, 0.4, 0.6, 0.8))}")
    else:
        on("no_eventness")
    on("confidence", ev.confidence)
    # "مواجهات وهجمات ... في داغستان والشيشان": one mention split over coordinated places
    if any(m.attrs.get("split_from_coordination") for m in ms):
        on("split")
    # «...»: a quoted statement (a speaker's words, often a claim or a figure of speech)
    if _in_quote(doc, h):
        on("in_quote")
    return f


_OPEN_Q, _CLOSE_Q = "«“", "»”"


def _in_quote(doc: Document, m: Any) -> bool:
    """Is the trigger inside quotation marks of its sentence (a quoted statement)?"""
    before = doc.text[m.sentence.start:m.trigger.start]
    opened = sum(before.count(c) for c in _OPEN_Q) - sum(before.count(c) for c in _CLOSE_Q)
    return opened > 0 or before.count('"') % 2 == 1


# -- the model ------------------------------------------------------------------


_SLOT = linear.ModelSlot(MODEL_FILE)
prepare = linear.prepare
probability = linear.probability
#: replace the shipped model (training); ``active=False`` switches it off;
#: ``use_model(None)`` restores the shipped one
use_model = _SLOT.use
current = _SLOT.current


def apply(doc: Document, built: list[tuple[Event, "Group"]]) -> list[Event]:
    """The events of ``built`` the gate keeps (all of them without a model). The
    features are left in ``doc._cache[CACHE_KEY]`` ({event id: features}) when
    training asks for them (``record``)."""
    model = current()
    if model is None and not _record:
        return [e for e, _ in built]
    ctx = context(doc, built)
    feats = {e.id: features(doc, e, g, ctx[id(e)]) for e, g in built}
    if _record:
        doc._cache[CACHE_KEY] = feats
    # the gate was trained on articles: a shorter text (one sentence, a unit test)
    # has no article context to judge an event by; the eventness decision alone decides
    if model is None or len(doc.sentences) < int(model.get("min_sentences", 1)):
        return [e for e, _ in built]
    th = float(model["threshold"])
    return [e for e, _ in built if probability(model, feats[e.id]) >= th]


_record: list[bool] = []


def record(on: bool = True) -> None:
    """Leave each document's event features in its ``_cache`` (training)."""
    _record.clear()
    if on:
        _record.append(True)
