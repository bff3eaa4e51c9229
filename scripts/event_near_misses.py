#!/usr/bin/env python3
"""Gold events of the real TUNE split that an output event of the same type found
(its evidence overlaps the key phrase) but whose place or date the scorer refused,
and matched events with a gold actor and none in the output (issue 13: arguments).

    PYTHONPATH=src python scripts/event_near_misses.py [--out /tmp/rtune.jsonl] [--context]

Uses the shared scorer's matching rules (``../shared/eval/score.py``). The blind
split is never inspected this way.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="write (or, with --cached, read) the analysed split here")
    ap.add_argument("--cached", action="store_true", help="read --out instead of analysing again")
    ap.add_argument("--context", action="store_true", help="print 250 characters around each key")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    import realgold

    S = _scorer()
    out = a.out or Path(tempfile.mkdtemp()) / "rtune.jsonl"
    if not a.cached:
        from rasid.ingest import iter_documents
        from rasid.pipeline import Pipeline

        arts = realgold.write_articles("tune", Path(tempfile.mkdtemp()) / "t.jsonl", SHARED)
        pipe = Pipeline.default()
        with open(out, "w", encoding="utf-8") as f:
            for doc in iter_documents([arts]):
                f.write(pipe(doc).to_json() + "\n")
    systems = {d["id"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    counts = {"place": 0, "date": 0, "both": 0, "actor_missing": 0}
    for p in sorted(realgold.gold_dir("tune").glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        s = systems[g["doc"]]
        text = S.nfkc(s["text"])
        ents, _ = S.place_points(s)
        gold_places = {x["en"]: x for x in g["places"]}
        used: set[int] = set()
        for e in g["events"]:
            ko = S.occurrences(text, e["key"])
            gp = gold_places.get(e["place"]) if e.get("place") else None
            hit, near = None, []
            for i, se in enumerate(s["events"]):
                if i in used or se.get("type") != e["type"]:
                    continue
                ev = se.get("evidence")
                sps = [S.span(x) for x in (ev if isinstance(ev, list) else [ev])] + [S.span(se.get("trigger"))]
                if not any(S.overlaps(x, k) for x in sps if x for k in ko):
                    continue
                pe = ents.get(se.get("place"), {}).get("place") if se.get("place") else None
                place_ok = not gp or bool(pe and pe.get("lat") is not None
                                          and S.km(gp["lat"], gp["lon"], pe["lat"], pe["lon"]) <= gp["tol_km"])
                tv = (se.get("time") or {}).get("value_start")
                date_ok = not e.get("date") or bool(tv and abs(S._d(tv) - S._d(e["date"])) <= e.get("date_tol_days", 1))
                if place_ok and date_ok:
                    hit = i
                    break
                near.append((se, place_ok, date_ok))
            if hit is not None:
                used.add(hit)
                if e.get("actor") and not s["events"][hit].get("actor"):
                    counts["actor_missing"] += 1
                    print(f"ACTOR {g['doc']} {e['type']} {e['key']!r} (gold actor {e['actor']})")
                continue
            if e.get("optional") or not near:
                continue
            se, place_ok, date_ok = near[0]
            kind = "both" if not (place_ok or date_ok) else "place" if not place_ok else "date"
            counts[kind] += 1
            pe = ents.get(se.get("place"), {}) if se.get("place") else {}
            print(f"{kind.upper():5} {g['doc']} {e['type']} {e['key']!r}\n      gold {e.get('place')} {e.get('date')}"
                  f" | output {se['trigger']['text']!r} {pe.get('name')} {(se.get('time') or {}).get('value_start')}"
                  f" (published {g['published']})")
            if a.context and ko:
                print("      " + text[max(0, ko[0][0] - 250):ko[0][0] + 250].replace("\n", " "))
    print(counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
