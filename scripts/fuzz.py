#!/usr/bin/env python3
"""Fuzz the ingest boundary and the whole pipeline outside CI (issue 20).

    PYTHONPATH=src python scripts/fuzz.py --cases 100000 [--seed 1] [--timeout 20]
    PYTHONPATH=src python scripts/fuzz.py --cases 100000 --workers 2   # the same cases on 2 cores
    PYTHONPATH=src python scripts/fuzz.py --replay 1:4711   # one case, verbose

Cases come from ``tests/fuzzcases.py`` (the generator the CI test
``tests/test_fuzz.py`` drives through hypothesis). Case ``i`` of seed ``s`` is
always the same input, so ``--replay s:i`` reproduces a finding.

Counts: escaped exceptions (anything but an ``InputError`` leaving the
boundary or the pipeline), hangs (a case over ``--timeout`` seconds, stopped
by SIGALRM), span violations, stage failures (``doc.meta["failed_stages"]``),
other (JSON round trip, lone surrogate left); stage failures are also counted
for the inputs without lone surrogates alone, which the issue's goal is about.
``--minutes`` stops early; ``--out`` writes each finding as a JSON line.
``--workers N`` runs the same cases in N processes (contiguous shards of the
index range, each its own pipeline) and adds their counts up: one run of the
seed, N times faster on N idle cores.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import signal
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

import fuzzcases  # noqa: E402


class Hang(BaseException):
    """A case went over its time budget (a BaseException: stages catch Exception)."""


def _alarm(signum, frame):
    raise Hang()


def case_rng(seed: int, i: int) -> random.Random:
    return random.Random(f"{seed}:{i}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first case index")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per case before it counts as a hang")
    ap.add_argument("--minutes", type=float, default=0, help="stop after this many minutes (0 = run all cases)")
    ap.add_argument("--out", type=Path, help="write findings here, one JSON line each")
    ap.add_argument("--replay", help="SEED:INDEX: run one case and print it")
    ap.add_argument("--workers", type=int, default=1, help="processes, each taking a contiguous shard of the cases")
    args = ap.parse_args(argv)
    if args.workers > 1 and not args.replay:
        return _sharded(args)

    from rasid.pipeline import Pipeline

    logging.getLogger("rasid").setLevel(logging.CRITICAL)
    pipeline = Pipeline.default()
    pipeline(_warm())
    for i in range(30):  # load what stages load lazily (a model on first use) before any case is timed
        fuzzcases.run_case(fuzzcases.gen_case(case_rng(-1, i)), pipeline)

    if args.replay:
        seed, _, idx = args.replay.partition(":")
        case = fuzzcases.gen_case(case_rng(int(seed), int(idx)))
        print(json.dumps(case.describe(), ensure_ascii=False, indent=1))
        res = fuzzcases.run_case(case, pipeline)
        print(json.dumps(res.__dict__, ensure_ascii=False, indent=1))
        return 1 if res.problems else 0

    signal.signal(signal.SIGALRM, _alarm)
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    out = args.out.open("w", encoding="utf-8") if args.out else None
    began = time.monotonic()
    slowest = (0.0, -1)
    n = 0
    for i in range(args.start, args.start + args.cases):
        if args.minutes and time.monotonic() - began > args.minutes * 60:
            break
        case = fuzzcases.gen_case(case_rng(args.seed, i))
        t0 = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, args.timeout)
        try:
            res = fuzzcases.run_case(case, pipeline)
            found = {"escaped": res.escaped, "stage_failure": res.failed_stages,
                     "span_violation": res.span_violations, "other": res.other}
            counts["documents"] += res.documents
            counts["input_errors"] += res.input_errors
        except Hang:
            found = {"hang": [f"over {args.timeout} s"]}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.monotonic() - t0
        slowest = max(slowest, (took, i))
        n += 1
        counts["cases"] += 1
        counts["cases_without_surrogates"] += not case.surrogates
        for kind, items in found.items():
            if items:
                counts[kind] += 1
                if kind == "stage_failure" and not case.surrogates:
                    counts["stage_failure_without_surrogates"] += 1
                examples.setdefault(kind, [])
                if len(examples[kind]) < 5:
                    examples[kind].append(f"{args.seed}:{i} {items[0]}")
                if out:
                    out.write(json.dumps({"case": f"{args.seed}:{i}", "kind": kind, "found": items,
                                          "input": case.describe()}, ensure_ascii=False) + "\n")
                    out.flush()
        if n % 1000 == 0:
            rate = n / (time.monotonic() - began)
            print(f"{n} cases, {rate:.1f}/s, " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())),
                  file=sys.stderr, flush=True)
    elapsed = time.monotonic() - began
    summary = {
        "seed": args.seed, "cases": n, "seconds": round(elapsed, 1), "cases_per_s": round(n / max(elapsed, 1e-9), 2),
        "escaped": counts["escaped"], "hangs": counts["hang"], "span_violations": counts["span_violation"],
        "stage_failures": counts["stage_failure"],
        "stage_failures_without_surrogates": counts["stage_failure_without_surrogates"],
        "cases_without_surrogates": counts["cases_without_surrogates"],
        "other": counts["other"], "documents": counts["documents"], "input_errors": counts["input_errors"],
        "slowest_case": {"case": f"{args.seed}:{slowest[1]}", "seconds": round(slowest[0], 2)},
        "examples": examples,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    if out:
        out.close()
    bad = counts["escaped"] + counts["hang"] + counts["span_violation"] + counts["stage_failure_without_surrogates"]
    return 1 if bad else 0


_SUMMED = ("cases", "seconds", "escaped", "hangs", "span_violations", "stage_failures",
           "stage_failures_without_surrogates", "cases_without_surrogates", "other", "documents", "input_errors")


def _sharded(args: argparse.Namespace) -> int:
    """Run ``args.cases`` cases as ``args.workers`` shard processes; print the summed summary."""
    import subprocess

    size = -(-args.cases // args.workers)
    procs = []
    for w in range(args.workers):
        start = args.start + w * size
        n = min(size, args.start + args.cases - start)
        cmd = [sys.executable, __file__, "--seed", str(args.seed), "--start", str(start), "--cases", str(n),
               "--timeout", str(args.timeout), "--minutes", str(args.minutes)]
        if args.out:
            cmd += ["--out", str(args.out.with_name(f"{args.out.stem}.{w}{args.out.suffix}"))]
        procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True))
    shards = []
    for p in procs:
        out, _ = p.communicate()
        shards.append(json.loads(out))
    total: dict = {"seed": args.seed, "workers": args.workers}
    for k in _SUMMED:
        total[k] = sum(s[k] for s in shards)
    total["seconds"] = max(s["seconds"] for s in shards)  # wall time: the shards ran side by side
    total["cases_per_s"] = round(total["cases"] / max(total["seconds"], 1e-9), 2)
    total["slowest_case"] = max((s["slowest_case"] for s in shards), key=lambda c: c["seconds"])
    total["examples"] = {k: v for s in shards for k, v in s["examples"].items()}
    print(json.dumps(total, ensure_ascii=False, indent=1))
    bad = total["escaped"] + total["hangs"] + total["span_violations"] + total["stage_failures_without_surrogates"]
    return 1 if bad else 0


def _warm():
    from rasid.ingest import make_document

    return make_document(" ".join(fuzzcases.SENTENCES[:5]), published="2015-08-01")


if __name__ == "__main__":
    sys.exit(main())
