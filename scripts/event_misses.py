#!/usr/bin/env python3
"""Where the missed gold events of the real TUNE split are lost (never the blind split).

    PYTHONPATH=src python scripts/event_misses.py [--list] [--type ASSAULT] [--extras] [--near [--context]]

Runs ``Pipeline.default()`` over the real tune articles with the event stage's
steps recorded (:func:`rasid.events.extract`: detection candidates, the
eventness decision, the modality rules, grouping, the gate) and, for every
non-optional gold event the shared scorer misses, names the first step that
lost it (an overlap is the scorer's: the mention's clause or trigger, the
event's evidence or trigger, overlapping an occurrence of the gold key):

- ``argument: place`` / ``date`` / ``place+date``: an output event of the type
  overlaps the key, but its place or date fails (the arguments' error);
- ``consumed``: every output event of the type that overlaps the key is matched
  by another gold event (one event for two happenings);
- ``gate``: the event was built, the learned gate dropped it;
- ``merge``: a mention went into grouping but no event came out of it (a
  definite/generic reference with nothing to refer to);
- ``rule_keep``: the modality rules dropped it (a weak trigger not asserted);
- ``eventness``: the learned eventness decision dropped the mention;
- ``unsupported`` / ``reject:<rule>``: detection found the trigger but its
  clause did not support it, or a reject rule dropped it;
- ``object_of_verb``: the trigger was skipped as the object of the verb before it;
- ``wrong type``: only mentions or events of another type overlap the key
  (the first such type and step are counted);
- ``no trigger``: nothing of any type overlaps the key.

Prints the counts per category and per gold type; ``--list`` every miss;
``--extras`` every output event that matches no gold event, with its cause
(:func:`extras`);
``--near`` the near misses (issue 13: arguments): for every ``argument:`` miss
the gold place and date beside the output event's (``--context``: 250
characters around the key), and every matched event with a gold actor and
none in the output. The scorer and the articles are loaded as
``scripts/train_event_gate.py`` loads them. The blind split is never inspected
this way.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import train_event_gate as tg  # noqa: E402  (scorer, gold sets, gold loading)


def _record_steps(rec: dict) -> None:
    """Wrap the steps of :func:`rasid.events.extract`, leaving what each returns in ``rec``."""
    import importlib

    import rasid.events as ev
    from rasid.events import gate

    det = importlib.import_module("rasid.events.detect")  # (rasid.events.detect is also the function)
    from rasid.events.lexicon import find_triggers

    orig_detect, orig_decide, orig_rule, orig_group, orig_apply = ev.detect, ev.decide, ev.rule_keep, ev.group, gate.apply

    def detect(doc):
        rec["hits"] = [(h.entry.type, h.start, h.end) for h in find_triggers(doc.tokens, doc.text)]
        rec["cands"] = [
            (c.hit.entry.type, c.hit.start, c.hit.end, c.clause.start, c.clause.end,
             "unsupported" if c.conf <= 0.0 else det.rejected_by(c))
            for c in det.candidates(doc)
        ]
        out = orig_detect(doc)
        rec["detected"] = list(out)
        return out

    def decide(doc, mentions):
        out = orig_decide(doc, mentions)
        rec["decided"] = list(out)
        return out

    def rule_keep(doc, m):
        ok = orig_rule(doc, m)
        if ok:
            rec.setdefault("kept", []).append(m)
        return ok

    def group(doc, mentions):
        rec["grouped_in"] = [(m.type, m) for m in mentions]
        return orig_group(doc, mentions)

    def apply(doc, built):
        rec["built"] = [e for e, _ in built]
        return orig_apply(doc, built)

    ev.detect, ev.decide, ev.rule_keep, ev.group, gate.apply = detect, decide, rule_keep, group, apply


def _spans(e: dict) -> list[tuple[int, int]]:
    ev = e.get("evidence")
    out = [(x["start"], x["end"]) for x in (ev if isinstance(ev, list) else [ev]) if x]
    if e.get("trigger"):
        out.append((e["trigger"]["start"], e["trigger"]["end"]))
    return out


def classify(sc, gold: dict, sysdoc: dict, rec: dict,
             matched: list[tuple[dict, int]] | None = None) -> list[tuple[dict, str, int | None]]:
    """(gold event, category, the output event of its ``argument:`` miss) for every
    non-optional gold event the scorer misses; ``matched`` receives (gold event,
    output event index) of those it matches."""
    text = sc.nfkc(sysdoc["text"])
    ents, _ = sc.place_points(sysdoc)
    gold_places = {p["en"]: p for p in gold["places"]}
    evs = sysdoc.get("events", [])
    used: set[int] = set()
    out = []

    def args_fail(e: dict, se: dict) -> str:
        bad = []
        gp = gold_places.get(e["place"]) if e.get("place") else None
        if gp:
            pe = ents.get(se.get("place"), {}).get("place") if se.get("place") else None
            if not pe or pe.get("lat") is None or sc.km(gp["lat"], gp["lon"], pe["lat"], pe["lon"]) > gp["tol_km"]:
                bad.append("place")
        if e.get("date"):
            tv = (se.get("time") or {}).get("value_start")
            if not tv or abs(sc._d(tv) - sc._d(e["date"])) > e.get("date_tol_days", 1):
                bad.append("date")
        return "+".join(bad)

    for e in gold["events"]:
        ko = sc.occurrences(text, e["key"])

        def ov(sps, ko=ko):
            return any(sc.overlaps(x, k) for x in sps for k in ko)

        same = [i for i, se in enumerate(evs) if se.get("type") == e["type"] and ov(_spans(se))]
        hit = next((i for i in same if i not in used and not args_fail(e, evs[i])), None)
        if hit is not None:
            used.add(hit)
            if matched is not None:
                matched.append((e, hit))
            continue
        if e.get("optional"):
            continue
        free = [i for i in same if i not in used]
        near = None
        if not ko:
            cat = "key not in text"
        elif free:
            near = free[0]
            cat = "argument: " + args_fail(e, evs[near])
        elif same:
            cat = "consumed"
        else:
            cat = _lost_at(e["type"], ov, rec)
        out.append((e, cat, near))
    return out


def _lost_at(typ: str, ov, rec: dict) -> str:
    def m_spans(m):
        return [(m.trigger.start, m.trigger.end), (m.clause.start, m.clause.end)]

    built = [(e.type, [(s.start, s.end) for s in e.evidence] + [(e.trigger.start, e.trigger.end)])
             for e in rec.get("built", [])]
    steps = [
        ("gate", built),
        ("merge", [(t, m_spans(m)) for t, m in rec.get("grouped_in", [])]),
        ("rule_keep", [(m.type, m_spans(m)) for m in rec.get("decided", [])]),
        ("eventness", [(m.type, m_spans(m)) for m in rec.get("detected", [])]),
    ]
    for name, items in steps:
        if any(t == typ and ov(sps) for t, sps in items):
            return name
    for t, s, e, cs, ce, why in rec.get("cands", []):
        if t == typ and why and ov([(s, e), (cs, ce)]):
            return why if why == "unsupported" else "reject:" + why
    if any(t == typ and ov([(s, e)]) for t, s, e in rec.get("hits", [])):
        return "object_of_verb"
    for name, items in steps:
        other = next((t for t, sps in items if ov(sps)), None)
        if other:
            return f"wrong type ({name}: {other})"
    other = next((t for t, s, e in rec.get("hits", []) if ov([(s, e)])), None)
    if other:
        return f"wrong type (trigger: {other})"
    return "no trigger"


def extras(sc, gold: dict, sysdoc: dict, matched: list[tuple[dict, int]]) -> list[tuple[int, str]]:
    """(output event index, cause) for every output event the scorer counts as extra:
    ``place/date`` (a gold event of its type on its evidence was missed: its place or
    date fails, a miss and an extra at once), ``duplicate`` (every gold event of its
    type on its evidence is matched by another output event), ``wrong type`` (only a
    gold event of another type is on its evidence), ``no gold`` (none: not an event of
    the article, background, or a second report of a happening whose key is elsewhere)."""
    text = sc.nfkc(sysdoc["text"])
    used = {i for _, i in matched}
    took = {id(e) for e, _ in matched}
    out = []
    for i, se in enumerate(sysdoc.get("events", [])):
        if i in used:
            continue
        sps = _spans(se)
        on = [e for e in gold["events"]
              if any(sc.overlaps(x, k) for x in sps for k in sc.occurrences(text, e["key"]))]
        same = [e for e in on if e["type"] == se.get("type")]
        free = [e for e in same if id(e) not in took]
        if free:
            cause = f"place/date (gold {free[0].get('place')} {free[0].get('date')})"
        elif same:
            cause = "duplicate"
        elif on:
            cause = "wrong type (gold " + on[0]["type"] + ")"
        else:
            cause = "no gold"
        out.append((i, cause))
    return out


def _near(sc, gold: dict, sysdoc: dict, e: dict, cat: str, i: int, context: bool) -> None:
    """Print an ``argument:`` miss: the gold place and date beside the output event's."""
    ents, _ = sc.place_points(sysdoc)
    se = sysdoc["events"][i]
    pe = ents.get(se.get("place"), {}) if se.get("place") else {}
    print(f"{cat.split(': ')[1].upper():10} {gold['doc']} {e['type']} {e['key']!r}\n      gold {e.get('place')} "
          f"{e.get('date')} | output {se['trigger']['text']!r} {pe.get('name')} "
          f"{(se.get('time') or {}).get('value_start')} (published {gold.get('published')})")
    ko = sc.occurrences(sc.nfkc(sysdoc["text"]), e["key"])
    if context and ko:
        text = sc.nfkc(sysdoc["text"])
        print("      " + text[max(0, ko[0][0] - 250):ko[0][0] + 250].replace("\n", " "))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print every miss with its category")
    ap.add_argument("--type", help="only gold events of this type")
    ap.add_argument("--extras", action="store_true",
                    help="print every output event that matches no gold event, with its cause (see extras())")
    ap.add_argument("--near", action="store_true",
                    help="print the place/date near misses and the matched events whose gold actor the output lacks")
    ap.add_argument("--context", action="store_true",
                    help="with --near: 250 characters around each key; with --extras: the evidence")
    a = ap.parse_args()
    from rasid.ingest import iter_documents
    from rasid.pipeline import Pipeline

    sc = tg.scorer()
    arts, gdir = next((arts, gdir) for name, arts, gdir in tg.gold_sets() if name == "realtune")
    golds = tg.load_golds(gdir)
    rec: dict = {}
    _record_steps(rec)
    pipe = Pipeline.default()
    cats: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    near: Counter[str] = Counter()
    xcause: Counter[str] = Counter()
    n_gold = 0
    tally = {k: sc.Tally() for k in ("places", "times", "claims", "events")}
    for doc in iter_documents([arts]):
        if isinstance(doc, Exception):
            raise doc
        rec.clear()
        done = pipe(doc)
        if done.meta.get("failed_stages"):
            raise RuntimeError(f"{done.id}: stage failure: {done.warnings}")
        g = golds.get(done.id)
        if g is None:
            continue
        sysdoc = json.loads(done.to_json())
        log: list[str] = []
        sc.score_doc(g, sysdoc, tally, log)
        n_gold += sum(1 for e in g["events"] if not e.get("optional") and (not a.type or e["type"] == a.type))
        matched: list[tuple[dict, int]] = []
        missed = classify(sc, g, sysdoc, rec, matched)
        if a.extras:
            ents, _ = sc.place_points(sysdoc)
            text = sc.nfkc(sysdoc["text"])
            for i, cause in extras(sc, g, sysdoc, matched):
                se = sysdoc["events"][i]
                if a.type and se.get("type") != a.type:
                    continue
                xcause[cause.split(" (")[0]] += 1
                pe = ents.get(se.get("place"), {}) if se.get("place") else {}
                ev = se.get("evidence")
                ev = ev if isinstance(ev, list) else [ev]
                print(f"EXTRA {done.id}\t{se.get('type')}\t{cause}\t{se['trigger']['text']!r}\t{pe.get('name')}\t"
                      f"{(se.get('time') or {}).get('value_start')}\t{se.get('modality')}\tactor={se.get('actor')}")
                if a.context:
                    for x in ev:
                        print("      " + text[x["start"]:x["end"]].replace("\n", " "))
        for e, cat, i in missed:
            if a.type and e["type"] != a.type:
                continue
            short = cat.split(" (")[0] if cat.startswith("wrong type") else cat
            cats[short] += 1
            by_type[e["type"]][short] += 1
            if a.list:
                print(f"{done.id}\t{e['type']}\t{cat}\t{e['key']}\t{e.get('place')}\t{e.get('date')}")
            if a.near and i is not None:
                near[cat.split(": ")[1]] += 1
                _near(sc, g, sysdoc, e, cat, i, a.context)
        if a.near:
            for e, i in matched:
                if (not a.type or e["type"] == a.type) and e.get("actor") and not sysdoc["events"][i].get("actor"):
                    near["actor_missing"] += 1
                    print(f"ACTOR      {g['doc']} {e['type']} {e['key']!r} (gold actor {e['actor']})")
    total = sum(cats.values())
    p, r, f = tally["events"].prf()
    print(f"events P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tally['events'].tp}, fp {tally['events'].fp}, fn {tally['events'].fn})")
    if a.extras:
        print("extras: " + ", ".join(f"{k} {v}" for k, v in xcause.most_common()))
    if a.near:
        print("near misses: " + ", ".join(f"{k} {v}" for k, v in sorted(near.items())))
    print(f"\n{total} of {n_gold} non-optional gold events missed")
    names = [c for c, _ in cats.most_common()]
    print(f"{'category':28} {'n':>4}")
    for c in names:
        print(f"{c:28} {cats[c]:4}")
    print("\nper type: " + ", ".join(f"{c}" for c in names))
    for t, cnt in sorted(by_type.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{t:12} {sum(cnt.values()):4}  " + "  ".join(f"{c}={cnt[c]}" for c in names if cnt[c]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
