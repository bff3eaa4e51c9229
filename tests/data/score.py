#!/usr/bin/env python3
# VENDORED (3 lines): an exact copy of ../shared/eval/score.py (sha1 3fc6a195f5a9db1eef0cb0240ce2649988e003fc)
# apart from these header lines, so the in-repo gold sets gate without ../shared. A tool, not article
# text. tests/test_goldsets.py checks it still equals the shared file when ../shared is there.
"""Score Rasid document JSON against hand-made gold annotations.

Usage:
  score.py GOLD_DIR SYSTEM.jsonl [--json]

GOLD_DIR holds one <doc>.json per article (see README.md beside this file).
SYSTEM.jsonl holds one Rasid document JSON per line, whose "id" equals the gold
file's "doc" and whose "text" is the article text the offsets index into.

Prints precision / recall / F1 for places, times, claims and events, plus
stance and modality accuracy on matched items.  Matching rules:
  places  - a system place entity matches a gold place when its coordinates lie
            within the gold tolerance (km).  Unmatched optional gold places are
            ignored; system places matching an optional gold place are not FPs.
  times   - a system time matches when its span overlaps an occurrence of the
            gold surface and its resolved [value_start, value_end] equals gold.
  claims  - a system claim matches when its source span overlaps an occurrence
            of the gold source surface, its content span covers an occurrence
            of the gold key phrase, and (for TP) the stance is equal.
  events  - a system event matches when the type is equal, its evidence or
            trigger span overlaps an occurrence of the gold key phrase, its
            place lies within the gold place's tolerance (when gold names one)
            and its time lies within date_tol_days (when gold gives a date).
            actor_filled: share of matched events whose gold names an actor for
            which the system gives one too (ACLED's actor1 must not be empty).
"""
import json, math, sys, unicodedata
from pathlib import Path


def nfkc(s):
    return unicodedata.normalize("NFKC", s or "")


def km(a_lat, a_lon, b_lat, b_lon):
    r = 6371.0
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


def occurrences(text, needle):
    """All (start, end) of needle in text, comparing after NFKC."""
    out, t, n = [], nfkc(text), nfkc(needle)
    if not n:
        return out
    i = t.find(n)
    while i >= 0:
        out.append((i, i + len(n)))
        i = t.find(n, i + 1)
    return out


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def covers(outer, inner):
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def span(d):
    if not d or d.get("start") is None or d.get("end") is None:
        return None
    return (int(d["start"]), int(d["end"]))


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0
        self.extra_ok = self.extra_n = 0
        self.actor_ok = self.actor_n = 0

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def place_points(sysdoc):
    ents = {e.get("id"): e for e in sysdoc.get("entities", [])}
    pts = []
    for e in sysdoc.get("entities", []):
        pl = e.get("place") if e.get("kind") == "place" else None
        if pl and pl.get("lat") is not None and pl.get("lon") is not None:
            pts.append((e.get("id"), float(pl["lat"]), float(pl["lon"])))
    return ents, pts


def score_doc(g, s, T, log):
    text = nfkc(s.get("text", ""))
    ents, pts = place_points(s)
    gold_places = {p["en"]: p for p in g["places"]}

    # places
    used = set()
    for p in g["places"]:
        hit = [eid for eid, la, lo in pts if km(p["lat"], p["lon"], la, lo) <= p["tol_km"]]
        if hit:
            used.update(hit)
            if not p.get("optional"):
                T["places"].tp += 1
        elif not p.get("optional"):
            T["places"].fn += 1
            log.append(f"  place missed: {p['en']} ({p['ar']})")
    for eid, la, lo in pts:
        if eid not in used:
            T["places"].fp += 1
            e = ents.get(eid, {})
            log.append(f"  place extra: {e.get('name')} {e.get('name_ar')} ({la:.2f},{lo:.2f})")

    # times
    sys_times = [(span(t), t) for t in s.get("times", [])]
    matched_sys = set()
    for t in g["times"]:
        occ = occurrences(text, t["text"])
        found = False
        for i, (sp, st) in enumerate(sys_times):
            if sp and any(overlaps(sp, o) for o in occ):
                matched_sys.add(i)
                if st.get("value_start") == t["start"] and st.get("value_end") == t["end"]:
                    found = True
                else:
                    log.append(f"  time wrong: {t['text']} -> {st.get('value_start')}..{st.get('value_end')} (gold {t['start']}..{t['end']})")
        if found:
            if not t.get("optional"):
                T["times"].tp += 1
        elif not t.get("optional"):
            T["times"].fn += 1
            if not any(sp and any(overlaps(sp, o) for o in occ) for sp, _ in sys_times):
                log.append(f"  time missed: {t['text']}")
    for i, (sp, st) in enumerate(sys_times):
        if i not in matched_sys:
            T["times"].fp += 1
            log.append(f"  time extra: {st.get('text')} -> {st.get('value_start')}..{st.get('value_end')}")

    # claims
    sys_claims = s.get("claims", [])
    used = set()
    for c in g["claims"]:
        so, ko = occurrences(text, c["source"]), occurrences(text, c["key"])
        best = None
        for i, sc in enumerate(sys_claims):
            ss, cs = span(sc.get("source")), span(sc.get("content"))
            if ss and cs and any(overlaps(ss, o) for o in so) and any(covers(cs, k) for k in ko):
                best = i
                if sc.get("stance") == c["stance"]:
                    break
        if best is None:
            T["claims"].fn += 1
            log.append(f"  claim missed: {c['source']} / {c['cue']} / {c['key']}")
            continue
        used.add(best)
        T["claims"].extra_n += 1
        if sys_claims[best].get("stance") == c["stance"]:
            T["claims"].tp += 1
            T["claims"].extra_ok += 1
        else:
            T["claims"].fn += 1
            log.append(f"  claim stance: {c['source']} {sys_claims[best].get('stance')} (gold {c['stance']})")
    T["claims"].fp += len([i for i in range(len(sys_claims)) if i not in used])

    # events
    sys_events = s.get("events", [])
    used = set()
    for e in g["events"]:
        ko = occurrences(text, e["key"])
        gp = gold_places.get(e["place"]) if e.get("place") else None
        tol_days = e.get("date_tol_days", 1)
        hit = None
        for i, se in enumerate(sys_events):
            if i in used or se.get("type") != e["type"]:
                continue
            ev = se.get("evidence")
            sps = [span(x) for x in (ev if isinstance(ev, list) else [ev])] + [span(se.get("trigger"))]
            sps = [x for x in sps if x]
            if not any(overlaps(x, k) for x in sps for k in ko):
                continue
            if gp:
                pe = ents.get(se.get("place"), {}).get("place") if se.get("place") else None
                if not pe or pe.get("lat") is None or km(gp["lat"], gp["lon"], pe["lat"], pe["lon"]) > gp["tol_km"]:
                    continue
            if e.get("date"):
                tv = (se.get("time") or {}).get("value_start")
                if not tv or abs((_d(tv) - _d(e["date"]))) > tol_days:
                    continue
            hit = i
            break
        if hit is None:
            if not e.get("optional"):
                T["events"].fn += 1
                log.append(f"  event missed: {e['type']} {e['place']} {e.get('date')} / {e['key']}")
            continue
        used.add(hit)
        if not e.get("optional"):
            T["events"].tp += 1
        T["events"].extra_n += 1
        if sys_events[hit].get("modality") == e.get("modality", "asserted"):
            T["events"].extra_ok += 1
        if e.get("actor"):
            T["events"].actor_n += 1
            if sys_events[hit].get("actor"):
                T["events"].actor_ok += 1
            else:
                log.append(f"  event actor missing: {e['type']} {e['key']} (gold actor {e['actor']})")
    for i, se in enumerate(sys_events):
        if i not in used:
            T["events"].fp += 1
            log.append(f"  event extra: {se.get('type')} {(se.get('trigger') or {}).get('text')}")


def _d(iso):
    from datetime import date
    return date.fromisoformat(iso[:10]).toordinal()


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    gold_dir, sys_path = Path(argv[1]), Path(argv[2])
    as_json = "--json" in argv
    golds = {json.loads(p.read_text())["doc"]: json.loads(p.read_text()) for p in sorted(gold_dir.glob("*.json"))}
    systems = {}
    for line in sys_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            systems[str(d.get("id"))] = d
    T = {k: Tally() for k in ("places", "times", "claims", "events")}
    log = []
    for doc, g in golds.items():
        s = systems.get(doc)
        log.append(f"{doc}:")
        if s is None:
            log.append("  no system output")
            s = {"text": "", "entities": [], "times": [], "claims": [], "events": []}
        score_doc(g, s, T, log)
    res = {}
    for k, t in T.items():
        p, r, f = t.prf()
        res[k] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": t.tp, "fp": t.fp, "fn": t.fn}
    res["claims"]["stance_acc"] = round(T["claims"].extra_ok / T["claims"].extra_n, 3) if T["claims"].extra_n else 0.0
    res["events"]["modality_acc"] = round(T["events"].extra_ok / T["events"].extra_n, 3) if T["events"].extra_n else 0.0
    res["events"]["actor_filled"] = round(T["events"].actor_ok / T["events"].actor_n, 3) if T["events"].actor_n else 0.0
    res["mean_f1"] = round(sum(res[k]["f1"] for k in T) / len(T), 3)
    if as_json:
        print(json.dumps(res))
    else:
        print("\n".join(log))
        for k in T:
            r = res[k]
            extra = ""
            if k == "claims":
                extra = f"  stance_acc={r['stance_acc']}"
            if k == "events":
                extra = f"  modality_acc={r['modality_acc']} actor_filled={r['actor_filled']}"
            print(f"{k:7s} P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f}  (tp={r['tp']} fp={r['fp']} fn={r['fn']}){extra}")
        print(f"mean F1 {res['mean_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
