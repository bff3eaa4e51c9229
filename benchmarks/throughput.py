#!/usr/bin/env python3
"""Throughput of the full default pipeline (what ``rasid analyze`` runs).

    python benchmarks/throughput.py [CORPUS.jsonl] [--limit N]

Default corpus: ../shared/data/corpus/saudinewsnet_conflict_dev.jsonl (392
real articles). Prints documents, MB (UTF-8 text), seconds, documents/s,
MB/s, peak RSS and the time spent in each component (wall-clock and CPU;
on a shared machine only the CPU figures compare). Start-up (imports,
loading gazetteers and models on a warm-up document) is reported on its own
line and left out of the throughput. Not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = Path(os.environ.get("RASID_SHARED") or ROOT.parent / "shared") / "data" / "corpus" / "saudinewsnet_conflict_dev.jsonl"
WARMUP = "قال مصدر محلي إن رتلاً للقوات الأمريكية دخل سوريا أمس الخميس عبر معبر الوليد قرب دير الزور."


def peak_rss_mb() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 if sys.platform != "darwin" else r / (1024 * 1024)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT), help="JSONL corpus (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = ap.parse_args(argv)
    try:
        import rasid  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))

    t_start = time.perf_counter()
    from rasid.errors import InputError
    from rasid.ingest import iter_documents
    from rasid.model.document import Document
    from rasid.pipeline import Pipeline

    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"throughput: {corpus}: no such file", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    docs, bad = [], 0
    for item in iter_documents([corpus]):
        if isinstance(item, InputError):
            bad += 1
            continue
        docs.append(item)
        if args.limit and len(docs) >= args.limit:
            break
    t_read = time.perf_counter() - t0

    t0 = time.perf_counter()
    pipeline = Pipeline.default()
    pipeline(Document(id="warmup", text=WARMUP, published="2024-01-05"))
    t_startup = time.perf_counter() - t0 + (t0 - t_start - t_read)

    per: dict[str, float] = {name: 0.0 for name in pipeline.names}
    per_cpu: dict[str, float] = {name: 0.0 for name in pipeline.names}
    failures = 0
    t_json = cpu_json = 0.0
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    for doc in docs:
        for name, comp in pipeline.components:
            c0, p0 = time.perf_counter(), time.process_time()
            try:
                comp(doc)
            except Exception as exc:  # noqa: BLE001 - count, as the pipeline would
                failures += 1
                doc.warnings.append(f"{name}: {type(exc).__name__}: {exc}")
            per[name] += time.perf_counter() - c0
            per_cpu[name] += time.process_time() - p0
        j0, p0 = time.perf_counter(), time.process_time()
        doc.to_json()
        t_json += time.perf_counter() - j0
        cpu_json += time.process_time() - p0
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - cpu0

    n = len(docs)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    bad_spans = sum(1 for d in docs if d.check_spans())
    counts = {
        "entities": sum(len(d.entities) for d in docs),
        "times": sum(len(d.times) for d in docs),
        "claims": sum(len(d.claims) for d in docs),
        "events": sum(len(d.events) for d in docs),
    }

    print(f"corpus: {corpus}")
    print(f"{'documents':<22}{n:>12}")
    print(f"{'MB (UTF-8 text)':<22}{mb:>12.2f}")
    print(f"{'seconds':<22}{elapsed:>12.2f}")
    print(f"{'documents/s':<22}{n / elapsed if elapsed else 0:>12.1f}")
    print(f"{'MB/s':<22}{mb / elapsed if elapsed else 0:>12.3f}")
    print(f"{'CPU seconds':<22}{cpu:>12.2f}   (wall-clock seconds are higher on a busy machine)")
    print(f"{'documents/CPU-s':<22}{n / cpu if cpu else 0:>12.1f}")
    print(f"{'peak RSS (MB)':<22}{peak_rss_mb():>12.0f}")
    print(f"{'start-up s':<22}{t_startup:>12.2f}   (imports + data loading, excluded above)")
    print(f"{'reading s':<22}{t_read:>12.2f}   (ingestion of the JSONL, excluded above)")
    print()
    print(f"{'component':<14}{'seconds':>10}{'share':>8}{'ms/doc':>10}{'CPU ms/doc':>12}{'CPU share':>11}")
    for name, sec in list(per.items()) + [("to_json", t_json)]:
        share = sec / elapsed if elapsed else 0
        c = per_cpu.get(name, cpu_json)
        print(f"{name:<14}{sec:>10.2f}{share:>8.0%}{1000 * sec / max(n, 1):>10.1f}"
              f"{1000 * c / max(n, 1):>12.1f}{c / cpu if cpu else 0:>11.0%}")
    print()
    print("found: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print(f"input errors {bad}, component failures {failures}, documents with bad spans {bad_spans}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
