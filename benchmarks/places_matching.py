#!/usr/bin/env python3
"""Benchmark the places stage: gazetteer load time and matching throughput.

    PYTHONPATH=src python benchmarks/places_matching.py [articles.jsonl ...]

Load time is measured in a fresh interpreter (import + first gazetteer()).
Throughput is MB of UTF-8 Arabic text per second for (a) matching alone
(automaton, boundaries, proclitics, context: :func:`rasid.places.match.find`)
on prepared matching views, (b) matching + disambiguation, and (c) the whole
stage (:func:`rasid.places.annotate`, matching view included).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "corpus" / "saudinewsnet_conflict_dev.jsonl"


def load_time() -> float:
    code = ("import time; t=time.perf_counter(); from rasid.places import gazetteer; gazetteer(); "
            "print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "src")})
    return float(out.stdout.strip())


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [DEFAULT]
    texts = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    from rasid.model.document import Document, nfkc
    from rasid.places import annotate, gazetteer
    from rasid.places.match import find
    from rasid.places.resolve import resolve
    from rasid.text import MatchView

    loads = sorted(load_time() for _ in range(3))
    print(f"gazetteer load (fresh process, median of 3): {loads[1]:.3f} s")
    g = gazetteer()
    texts = [nfkc(t) for t in texts]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    views = [MatchView(t) for t in texts]
    for label, fn in (("match", lambda v: find(v.text, g, v.source, v.offsets)),
                      ("match+resolve", lambda v: resolve(g, find(v.text, g, v.source, v.offsets)))):
        best = cpu = float("inf")
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            for v in views:
                fn(v)
            best = min(best, time.perf_counter() - t0)
            cpu = min(cpu, time.process_time() - c0)
        print(f"{label:14s}: {mb:.2f} MB in {best:.3f} s = {mb / best:.1f} MB/s wall, {mb / cpu:.1f} MB/s CPU")
    t0, c0 = time.perf_counter(), time.process_time()
    for i, t in enumerate(texts):
        annotate(Document(id=str(i), text=t))
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    print(f"{'annotate':14s}: {mb:.2f} MB in {dt:.3f} s = {mb / dt:.1f} MB/s wall, {mb / dc:.1f} MB/s CPU "
          "(matching view included)")


if __name__ == "__main__":
    main()
