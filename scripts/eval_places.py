#!/usr/bin/env python3
"""Evaluate the places stage.

Gold mode (any gold dir in the shared format, see ../shared/eval/README.md):

    PYTHONPATH=src python scripts/eval_places.py gold ../shared/data/dev/gold ../shared/data/dev/articles.jsonl

prints precision/recall/F1 (a system place is correct when it lies within the
gold place's tolerance, as in the shared scorer; optional gold places neither
help nor hurt), the mean and median km error of matched places, the accuracy
within 25 km, the misses and the extras.

Corpus mode (unlabelled articles, for eyeballing false positives):

    PYTHONPATH=src python scripts/eval_places.py corpus ../shared/data/corpus/saudinewsnet_conflict_dev.jsonl -n 100

prints every distinct place found with its count, source and one context.

NER mode (a proxy on tagged text: mention precision/recall against the place
spans of ANERcorp (LOC) or WikiFANE (Population-Center, Nation, ...),
sentences grouped 40 to a document):

    PYTHONPATH=src python scripts/eval_places.py ner ../shared/data/ner/anercorp_train.txt
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from rasid.model.document import Document, nfkc
from rasid.places import annotate
from rasid.places.build import _LOC_TAG, km


def _docs(path: Path, limit: int | None = None) -> list[Document]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                out.append(Document(id=d["id"], text=nfkc(d["text"]), published=d.get("published")))
                if limit and len(out) >= limit:
                    break
    return out


def _places(doc: Document) -> list[tuple[str, float, float, str]]:
    return [(e.id, e.place.lat, e.place.lon, f"{e.name} {e.name_ar}")
            for e in doc.entities if e.kind == "place" and e.place is not None]


def gold_mode(gold_dir: Path, articles: Path) -> int:
    docs = {d.id: d for d in _docs(articles)}
    tp = fp = fn = 0
    errors: list[float] = []
    misses: list[str] = []
    extras: list[str] = []
    for gf in sorted(gold_dir.glob("*.json")):
        g = json.loads(gf.read_text(encoding="utf-8"))
        gid = g.get("id") or gf.stem.split("_", 1)[-1]
        doc = docs.get(gid) or next((d for d in docs.values() if gf.stem.endswith(d.id) or d.id in gf.stem), None)
        if doc is None:
            print(f"no article for {gf.name}", file=sys.stderr)
            continue
        annotate(doc)
        pts = _places(doc)
        used: set[str] = set()
        for p in g["places"]:
            hits = [(km(p["lat"], p["lon"], la, lo), pid) for pid, la, lo, _ in pts]
            within = [h for h in hits if h[0] <= p["tol_km"]]
            if within:
                used.update(pid for _, pid in within)
                if not p.get("optional"):
                    tp += 1
                    errors.append(min(within)[0])
            elif not p.get("optional"):
                fn += 1
                near = min(hits)[0] if hits else float("nan")
                misses.append(f"{doc.id}: {p['en']} ({p['ar']}) nearest system point {near:.0f} km")
        for pid, la, lo, name in pts:
            if pid not in used:
                fp += 1
                extras.append(f"{doc.id}: {name} ({la:.2f},{lo:.2f})")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"places P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})")
    if errors:
        print(f"km error: mean {statistics.mean(errors):.1f}, median {statistics.median(errors):.1f}, "
              f"within 25 km {sum(e <= 25 for e in errors) / len(errors):.3f}")
    for m in misses:
        print("  miss:", m)
    for x in extras:
        print("  extra:", x)
    return 0


def corpus_mode(path: Path, n: int | None, show: int) -> int:
    docs = _docs(path, n)
    counts: Counter[str] = Counter()
    ctx: dict[str, str] = {}
    src: dict[str, str] = {}
    metonyms: Counter[str] = Counter()
    t0 = time.perf_counter()
    for d in docs:
        annotate(d)
        for e in d.entities:
            if e.kind != "place":
                continue
            key = f"{e.name_ar} / {e.name}"
            counts[key] += len(e.mentions)
            src[key] = e.place.gazetteer_id or ""
            m = e.mentions[0]
            ctx.setdefault(key, d.text[max(0, m.start - 35):m.end + 25].replace("\n", " "))
        for e in d.meta.get("place_metonyms", []):
            metonyms[e["name"]] += len(e["mentions"])
    dt = time.perf_counter() - t0
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    print(f"{len(docs)} docs, {size / 1e6:.2f} MB, {dt:.2f} s, {len(counts)} distinct places, "
          f"{sum(counts.values())} mentions")
    for key, c in counts.most_common(show):
        mark = "GN " if src[key].startswith("gn-") else "   "
        print(f"{c:5d} {mark}{key} [{src[key]}]  …{ctx[key]}…")
    print("metonyms (kept aside):", dict(metonyms.most_common(20)))
    return 0


def ner_mode(path: Path, show: int) -> int:
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.replace("\u200e", "").strip().rsplit(None, 1)
        if len(parts) != 2:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((parts[0], parts[1]))
    if cur:
        sents.append(cur)
    tp = fp = fn = 0
    fps: Counter[str] = Counter()
    fns: Counter[str] = Counter()
    for i in range(0, len(sents), 40):
        text, locs = "", []
        for sent in sents[i:i + 40]:
            span = None
            for tok, tag in sent:
                tok = nfkc(tok)
                start = len(text)
                text += tok + " "
                is_loc = any(k in tag for k in _LOC_TAG)
                if is_loc and (tag.startswith("B-") or span is None):
                    span = [start, start + len(tok)]
                    locs.append(span)
                elif is_loc and span:
                    span[1] = start + len(tok)
                else:
                    span = None
            text = text.rstrip() + " .\n"
        doc = Document(id=str(i), text=text)
        annotate(doc)
        found = [(m.start, m.end, m.text) for e in doc.entities for m in e.mentions]
        found += [(m["start"], m["end"], m["text"]) for e in doc.meta.get("place_metonyms", []) for m in e["mentions"]]
        hit: set[int] = set()
        for a, b, t in found:
            ok = [j for j, (c, d) in enumerate(locs) if a < d and c < b]
            if ok:
                tp += 1
                hit.update(ok)
            else:
                fp += 1
                fps[t] += 1
        for j, (c, d) in enumerate(locs):
            if j not in hit:
                fn += 1
                fns[text[c:d]] += 1
    print(f"place mentions vs LOC spans: P={tp / max(1, tp + fp):.3f} R={tp / max(1, tp + fn):.3f} "
          f"(tp={tp} fp={fp} fn={fn})")
    print("most frequent extras:", fps.most_common(show))
    print("most frequent misses:", fns.most_common(show))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    g = sub.add_parser("gold")
    g.add_argument("gold_dir", type=Path)
    g.add_argument("articles", type=Path)
    c = sub.add_parser("corpus")
    c.add_argument("articles", type=Path)
    c.add_argument("-n", type=int, default=None)
    c.add_argument("--show", type=int, default=100000)
    n = sub.add_parser("ner")
    n.add_argument("conll", type=Path)
    n.add_argument("--show", type=int, default=30)
    a = ap.parse_args()
    if a.mode == "ner":
        return ner_mode(a.conll, a.show)
    if a.mode == "gold":
        return gold_mode(a.gold_dir, a.articles)
    return corpus_mode(a.articles, a.n, a.show)


if __name__ == "__main__":
    raise SystemExit(main())
