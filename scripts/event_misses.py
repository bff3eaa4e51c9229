#!/usr/bin/env python3
"""Where the missed gold events of the real TUNE split are lost (never the blind split).

    PYTHONPATH=src python scripts/event_misses.py [--list] [--type ASSAULT]

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

Prints the counts per category and per gold type; ``--list`` every miss.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


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


def classify(sc, gold: dict, sysdoc: dict, rec: dict) -> list[tuple[dict, str]]:
    """(gold event, category) for every non-optional gold event the scorer misses."""
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
            continue
        if e.get("optional"):
            continue
        free = [i for i in same if i not in used]
        if not ko:
            cat = "key not in text"
        elif free:
            cat = "argument: " + args_fail(e, evs[free[0]])
        elif same:
            cat = "consumed"
        else:
            cat = _lost_at(e["type"], ov, rec)
        out.append((e, cat))
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print every miss with its category")
    ap.add_argument("--type", help="only gold events of this type")
    ap.add_argument("--extras", action="store_true", help="print every output event that matches no gold event")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    import realgold
    from rasid.ingest import iter_documents
    from rasid.pipeline import Pipeline

    sc = _scorer()
    golds = {}
    for p in sorted(realgold.gold_dir("tune").glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        golds[g["doc"]] = g
    arts = realgold.write_articles("tune", Path(tempfile.mkdtemp()) / "t.jsonl", SHARED)
    rec: dict = {}
    _record_steps(rec)
    pipe = Pipeline.default()
    cats: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
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
        if a.extras:
            for line in log:
                if line.startswith("  event extra"):
                    print(f"{done.id}\t{line.strip()}")
        n_gold += sum(1 for e in g["events"] if not e.get("optional") and (not a.type or e["type"] == a.type))
        for e, cat in classify(sc, g, sysdoc, rec):
            if a.type and e["type"] != a.type:
                continue
            short = cat.split(" (")[0] if cat.startswith("wrong type") else cat
            cats[short] += 1
            by_type[e["type"]][short] += 1
            if a.list:
                print(f"{done.id}\t{e['type']}\t{cat}\t{e['key']}\t{e.get('place')}\t{e.get('date')}")
    total = sum(cats.values())
    p, r, f = tally["events"].prf()
    print(f"events P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tally['events'].tp}, fp {tally['events'].fp}, fn {tally['events'].fn})")
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
