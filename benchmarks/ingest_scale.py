"""Ingest scale benchmark: N articles through the store and ``rasid.crossdoc.update``.

The shared 392-article corpus is analysed once with the real pipeline, then
repeated with light variations until N documents: sentences shuffled and ~20 %
dropped, new ids, publication (and event) dates shifted by ~5 weeks per round,
outlets rotated. Documents go into a fresh SQLite store in batches of 200 (as
``rasid ingest`` does), then ``crossdoc.update`` runs on each batch.

If the pipeline finds fewer than 0.5 events per article (stages still stubs),
synthetic events are added (``--synthetic auto|yes|no``): 1-3 per article, a
PLOVER type, one of 30 places in Syria/Iraq, a date up to 2 days before
publication, a claim with 5 % denials. They exercise the merger the way real
events would; the report says whether they were used.

    PYTHONPATH=src python benchmarks/ingest_scale.py -n 10000 [--corpus PATH] [--db PATH]
        [--analysed ANALYSED.jsonl]   # output of `rasid analyze` over the corpus
        [--add 50]                    # then time adding 50 more to the store of -n

Incremental cost (issue 14): ``-n 1000 --add 50`` and ``-n 3000 --add 50`` (and
``--add 100``) compare the time of adding a batch to stores of different sizes.

Prints one line per checkpoint (cumulative docs, seconds per 1,000 docs in the
last segment, split store / crossdoc) and a JSON summary with total time and
peak resident memory (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import zlib
import json
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid import crossdoc  # noqa: E402
from rasid.model.document import Claim, ClaimSource, Document, Entity, Event, PlaceInfo, Span  # noqa: E402
from rasid.store import Store  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "saudinewsnet_conflict_dev.jsonl"
OUTLETS = ["alyaum", "alriyadh", "okaz", "alwatan", "almadina", "aleqtisadiah", "alhayat", "asharq"]
TYPES = ["ASSAULT", "ASSAULT", "ASSAULT", "MOBILIZE", "COERCE", "CONSULT", "AID", "THREATEN"]
# (name, lat, lon, country, admin1): coarse, public coordinates, for synthetic events only
PLACES = [
    ("Aleppo", 36.20, 37.16, "SY", "Aleppo"), ("Idlib", 35.93, 36.63, "SY", "Idlib"),
    ("Raqqa", 35.95, 39.01, "SY", "Raqqa"), ("Deir ez-Zor", 35.34, 40.14, "SY", "Deir ez-Zor"),
    ("Al-Bukamal", 34.45, 40.92, "SY", "Deir ez-Zor"), ("Palmyra", 34.56, 38.28, "SY", "Homs"),
    ("Homs", 34.73, 36.71, "SY", "Homs"), ("Hama", 35.13, 36.75, "SY", "Hama"),
    ("Damascus", 33.51, 36.29, "SY", "Damascus"), ("Zabadani", 33.72, 36.10, "SY", "Rif Dimashq"),
    ("Daraa", 32.62, 36.10, "SY", "Daraa"), ("Latakia", 35.52, 35.79, "SY", "Latakia"),
    ("Hasakah", 36.50, 40.75, "SY", "Hasakah"), ("Kobani", 36.89, 38.35, "SY", "Aleppo"),
    ("Manbij", 36.53, 37.95, "SY", "Aleppo"), ("Mosul", 36.34, 43.13, "IQ", "Nineveh"),
    ("Ramadi", 33.42, 43.30, "IQ", "Anbar"), ("Fallujah", 33.35, 43.78, "IQ", "Anbar"),
    ("Al-Qaim", 34.37, 41.09, "IQ", "Anbar"), ("Baghdad", 33.31, 44.37, "IQ", "Baghdad"),
    ("Tikrit", 34.61, 43.68, "IQ", "Salah ad-Din"), ("Baiji", 34.93, 43.49, "IQ", "Salah ad-Din"),
    ("Kirkuk", 35.47, 44.39, "IQ", "Kirkuk"), ("Erbil", 36.19, 44.01, "IQ", "Erbil"),
    ("Samarra", 34.20, 43.87, "IQ", "Salah ad-Din"), ("Haditha", 34.14, 42.38, "IQ", "Anbar"),
    ("Sinjar", 36.32, 41.87, "IQ", "Nineveh"), ("Basra", 30.51, 47.81, "IQ", "Basra"),
    ("Al-Asad", 33.79, 42.44, "IQ", "Anbar"), ("Tal Abyad", 36.70, 38.95, "SY", "Raqqa"),
]
SOURCES = ["المرصد السوري لحقوق الإنسان", "مصدر أمني", "ناشطون", "وزارة الدفاع", "مسؤول محلي"]


def analyse_corpus(path: Path) -> list[Document]:
    from rasid.pipeline import Pipeline

    pipe = Pipeline.default()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            doc = Document(id=d["id"], text=d["text"], published=d.get("published"), title=d.get("title"),
                           url=d.get("url"), outlet=d.get("outlet"))
            out.append(pipe(doc))
    return out


def _shift(iso: str | None, days: int) -> str | None:
    if not iso:
        return iso
    return (date.fromisoformat(iso[:10]) + timedelta(days=days)).isoformat()


def add_synthetic_events(doc: Document, rng: random.Random) -> None:
    """1-3 plausible events with place, date and a claim (for a pipeline without events)."""
    first = doc.sentences[0] if doc.sentences else Span(0, min(len(doc.text), 50))
    trig = Span(first.start, min(first.end, first.start + 10), doc.text[first.start:min(first.end, first.start + 10)])
    for k in range(rng.randint(1, 3)):
        name, lat, lon, cc, adm = rng.choice(PLACES)
        pid, cid = f"place-{100 + k}", f"claim-{100 + k}"
        doc.entities.append(Entity(pid, "place", name, name, [],
                                   PlaceInfo(lat, lon, country=cc, precision=1, admin1=adm)))
        deny = rng.random() < 0.05
        src = rng.choice(SOURCES)
        doc.claims.append(Claim(cid, ClaimSource(trig.start, trig.end, src, None, "organization"),
                                trig, "deny" if deny else "assert", trig))
        when = _shift(doc.published, -rng.randint(0, 2)) if doc.published else None
        doc.events.append(Event(f"event-{100 + k}", rng.choice(TYPES), trig, [first], place=pid,
                                time={"value_start": when, "value_end": when} if when else None,
                                modality="denied" if deny else "asserted", claim=cid, confidence=0.5))


def vary(doc: Document, k: int, rng: random.Random) -> Document:
    """Round k copy of an analysed document: shuffled/dropped sentences, shifted dates, new id."""
    if k == 0:
        return doc
    sents = [doc.text[s.start:s.end] for s in doc.sentences] or [doc.text]
    keep = [s for s in sents if rng.random() > 0.2] or sents[:1]
    rng.shuffle(keep)
    days = 37 * k + rng.randint(0, 3)
    new = Document(id=f"{doc.id}~{k}", text=" ".join(keep), published=_shift(doc.published, days),
                   title=doc.title, url=None, outlet=OUTLETS[(k + zlib.crc32(doc.id.encode()) % 7) % len(OUTLETS)])
    # annotations are kept (offsets are not re-checked: crossdoc reads values, not spans)
    new.entities, new.claims = doc.entities, doc.claims
    new.events = [Event.from_dict(e.to_dict()) for e in doc.events]
    for e in new.events:
        if e.time:
            e.time = {key: _shift(v, days) for key, v in e.time.items()}
    return new


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--db", default=None, help="database file (default: a temporary one)")
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--checkpoints", default="1000,2000,5000,10000")
    ap.add_argument("--synthetic", choices=("auto", "yes", "no"), default="auto")
    ap.add_argument("--analysed", type=Path, default=None,
                    help="JSONL of analysed documents (rasid analyze output) instead of analysing --corpus")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--add", type=int, default=0,
                    help="after -n documents, add this many more (dated like the last round) in one batch and "
                         "time it: the incremental cost, which should grow with this number, not with -n")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)

    t0 = time.perf_counter()
    if args.analysed:
        base = [Document.from_dict(json.loads(x)) for x in args.analysed.read_text(encoding="utf-8").splitlines()
                if x.strip()]
    else:
        base = analyse_corpus(args.corpus)
    t_analyse = time.perf_counter() - t0
    n_events = sum(len(d.events) for d in base)
    synthetic = args.synthetic == "yes" or (args.synthetic == "auto" and n_events < 0.5 * len(base))
    if synthetic:
        for d in base:
            add_synthetic_events(d, rng)
    print(f"{'loaded' if args.analysed else 'analysed'} {len(base)} articles in {t_analyse:.1f}s ({n_events} events from the pipeline;"
          f" synthetic events: {synthetic})", file=sys.stderr)

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        db = str(Path(tmp.name) / "bench.db")
    else:
        db = args.db
    checkpoints = sorted(int(x) for x in args.checkpoints.split(",") if int(x) <= args.n) or [args.n]
    zero = {"store": 0.0, "crossdoc": 0.0, "store_cpu": 0.0, "crossdoc_cpu": 0.0}
    seg = dict(zero, docs=0)
    rows, totals = [], dict(zero)
    from rasid import crossdoc as _cd  # noqa: F401  (import cost not timed)
    from rasid.embed import encoder

    t = time.perf_counter()
    encoder().encode(["تحميل النموذج"])  # model load not timed (once per process); reported apart
    t_load = time.perf_counter() - t
    done = 0
    with Store(db) as st:
        batch: list[Document] = []
        k = 0
        while done < args.n:
            for d in base:
                if done >= args.n:
                    break
                batch.append(vary(d, k, rng))
                done += 1
                if len(batch) == args.batch or done == args.n:
                    t, c = time.perf_counter(), time.process_time()
                    for x in batch:
                        st.add(x)
                    t1, c1 = time.perf_counter(), time.process_time()
                    crossdoc.update(st, batch)
                    t2, c2 = time.perf_counter(), time.process_time()
                    seg["store"] += t1 - t
                    seg["crossdoc"] += t2 - t1
                    seg["store_cpu"] += c1 - c
                    seg["crossdoc_cpu"] += c2 - c1
                    seg["docs"] += len(batch)
                    batch = []
                    if checkpoints and done >= checkpoints[0]:
                        per_k = 1000.0 / seg["docs"]
                        row = {"docs": done, "store_s_per_1k": round(seg["store"] * per_k, 2),
                               "crossdoc_s_per_1k": round(seg["crossdoc"] * per_k, 2),
                               "total_s_per_1k": round((seg["store"] + seg["crossdoc"]) * per_k, 2),
                               "store_cpu_s_per_1k": round(seg["store_cpu"] * per_k, 2),
                               "crossdoc_cpu_s_per_1k": round(seg["crossdoc_cpu"] * per_k, 2),
                               "peak_rss_mb": round(rss_mb(), 1)}
                        rows.append(row)
                        print(json.dumps(row), file=sys.stderr)
                        for key in zero:
                            totals[key] += seg[key]
                        seg = dict(zero, docs=0)
                        checkpoints.pop(0)
            k += 1
        for key in zero:
            totals[key] += seg[key]
        added = None
        if args.add:
            rng2 = random.Random(args.seed + 1)
            last = max(0, (done - 1) // len(base))
            extra = []
            for d in base[-args.add:]:
                x = vary(d, last, rng2)
                x.id = f"{d.id}~add{last}"
                extra.append(x)
            t, c = time.perf_counter(), time.process_time()
            for x in extra:
                st.add(x)
            t1, c1 = time.perf_counter(), time.process_time()
            crossdoc.update(st, extra)
            t2, c2 = time.perf_counter(), time.process_time()
            added = {"store_docs_before": done, "added": len(extra), "store_s": round(t1 - t, 2),
                     "crossdoc_s": round(t2 - t1, 2), "store_cpu_s": round(c1 - c, 2),
                     "crossdoc_cpu_s": round(c2 - c1, 2),
                     "cpu_ms_per_added_doc": round(1000 * ((c1 - c) + (c2 - c1)) / len(extra), 1)}
            print(json.dumps({"add": added}), file=sys.stderr)
        conn = st.conn
        counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "stories", "merged_events", "merged_mentions")}
        counts["dup_groups_multi"] = conn.execute(
            "SELECT COUNT(*) FROM (SELECT group_id FROM dup_groups GROUP BY group_id HAVING COUNT(*) > 1)").fetchone()[0]
        counts["copies"] = conn.execute("SELECT COUNT(*) FROM dup_groups WHERE original = 0").fetchone()[0]
        counts["merged_multi"] = conn.execute("SELECT COUNT(*) FROM merged_events WHERE n_mentions > 1").fetchone()[0]
        counts["contradicted"] = conn.execute("SELECT COUNT(*) FROM merged_events WHERE contradicted = 1").fetchone()[0]
    size_mb = Path(db).stat().st_size / 1e6
    summary = {
        "docs": done, "analyse_392_s": round(t_analyse, 1), "synthetic_events": synthetic,
        "encoder": encoder().name,
        "store_s": round(totals["store"], 1), "crossdoc_s": round(totals["crossdoc"], 1),
        "total_s": round(totals["store"] + totals["crossdoc"], 1),
        "store_cpu_s": round(totals["store_cpu"], 1), "crossdoc_cpu_s": round(totals["crossdoc_cpu"], 1),
        "encoder_load_s": round(t_load, 1), "load_avg": list(os.getloadavg()),
        "peak_rss_mb": round(rss_mb(), 1), "db_mb": round(size_mb, 1), "segments": rows, "counts": counts,
        "add": added,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    if tmp is not None:
        tmp.cleanup()
    return summary


if __name__ == "__main__":
    main()
