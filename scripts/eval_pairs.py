"""Same-happening precision/recall of stories and merged events on labelled real article pairs.

The pairs (``tests/data/crossdoc_pairs/pairs.jsonl``; see its README) name two
SaudiNewsNet articles by id, whether they report the same happening, and for
some of their events two short key phrases (``a_key`` in article a, ``b_key``
in article b) with whether those two events are one happening.

The pairs' articles (read by id from ``../shared/data/corpus/*.jsonl[.gz]``)
and, as realistic background, the 392-article dev corpus go through the real
pipeline (``Pipeline.default()``), into a fresh store, and through
``rasid.crossdoc.update`` in publication order, in batches of 200, as
``rasid ingest`` does. Analysed documents are cached (``--cache``) so that
threshold runs only redo the cross-document step.

- stories: a pair is predicted "same" when both articles are in one story;
- merged events: for each labelled event pair, the events of article a whose
  trigger or evidence overlaps ``a_key`` (those of the labelled type when there
  are some) and likewise in b; predicted "same" when one of a's and one of b's
  are in one merged event. A key with no event found predicts "not same"
  (``merged_events_found`` counts only the labelled events that the events
  stage found on both sides: the cross-document step's own share).

Precision/recall are reported per split. Thresholds are chosen on ``tune``;
``--blind`` also prints the blind split's aggregate figures (never its pairs).

    PYTHONPATH=src python scripts/eval_pairs.py                      # tune split
    PYTHONPATH=src python scripts/eval_pairs.py --errors             # tune pairs it gets wrong
    PYTHONPATH=src python scripts/eval_pairs.py --set stories.JOIN_THRESHOLD=0.85
    PYTHONPATH=src python scripts/eval_pairs.py --explain            # per tune pair: the later article's
                                                                     # gate or score terms against the other's story
    PYTHONPATH=src python scripts/eval_pairs.py --blind              # once, at the end
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib
import json
import os
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid import crossdoc  # noqa: E402
from rasid.crossdoc import stories as stories_mod  # noqa: E402
from rasid.model.document import Document  # noqa: E402
from rasid.store import Store  # noqa: E402

SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))
DEFAULT_PAIRS = ROOT / "tests" / "data" / "crossdoc_pairs" / "pairs.jsonl"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "rasid_eval_pairs_analysed.jsonl.gz"


def read_corpus(ids: set[str], corpus_dir: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for p in sorted(corpus_dir.glob("*.jsonl*")):
        opener = gzip.open if p.suffix == ".gz" else open
        with opener(p, "rt", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                if d.get("id") in ids and d["id"] not in out:
                    out[d["id"]] = d
    return out


def dev_ids(corpus_dir: Path) -> set[str]:
    p = corpus_dir / "saudinewsnet_conflict_dev.jsonl"
    if not p.exists():
        return set()
    return {json.loads(x)["id"] for x in p.read_text(encoding="utf-8").splitlines() if x.strip()}


def _input_key(r: dict) -> str:
    h = hashlib.sha1()
    for k in ("id", "text", "title", "published", "outlet"):
        h.update(str(r.get(k) or "").encode("utf-8") + b"\x1f")
    return h.hexdigest()


def analyse(records: dict[str, dict], cache: Path) -> dict[str, Document]:
    """Analysed documents, from the cache when their text is unchanged."""
    done: dict[str, Document] = {}
    if cache.exists():
        with gzip.open(cache, "rt", encoding="utf-8") as f:
            for line in f:
                x = json.loads(line)
                r = records.get(x["doc"]["id"])
                if r is not None and x["in"] == _input_key(r):
                    done[r["id"]] = Document.from_dict(x["doc"])
    todo = [r for i, r in records.items() if i not in done]
    if todo:
        from rasid.pipeline import Pipeline

        pipe = Pipeline.default()
        t0 = time.time()
        for k, r in enumerate(todo, 1):
            doc = Document(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"),
                           url=r.get("url"), outlet=r.get("outlet"))
            done[doc.id] = pipe(doc)
            if k % 50 == 0:
                print(f"  analysed {k}/{len(todo)} ({time.time() - t0:.0f} s)", file=sys.stderr)
        with gzip.open(cache, "wt", encoding="utf-8") as f:
            for d in done.values():
                f.write(json.dumps({"in": _input_key(records[d.id]), "doc": d.to_dict()}, ensure_ascii=False) + "\n")
    return done


def build_store(docs: list[Document], path: Path) -> float:
    docs = sorted(docs, key=lambda d: (d.published or "9999", d.id))
    t0 = time.process_time()
    with Store(path) as st:
        for i in range(0, len(docs), 200):
            batch = docs[i:i + 200]
            for d in batch:
                st.add(d)
            st.conn.commit()
            crossdoc.update(st, batch)
    return time.process_time() - t0


def _nfkc_map(text: str) -> tuple[str, list[int]]:
    """NFKC form of ``text`` and, per character of it, the offset in ``text``."""
    out, where = [], []
    for i, ch in enumerate(text):
        n = unicodedata.normalize("NFKC", ch)
        out.append(n)
        where.extend([i] * len(n))
    return "".join(out), where


def key_spans(text: str, key: str) -> list[tuple[int, int]]:
    if not key:
        return []
    spans = []
    i = text.find(key)
    while i >= 0:
        spans.append((i, i + len(key)))
        i = text.find(key, i + 1)
    if spans:
        return spans
    norm, where = _nfkc_map(text)
    k = unicodedata.normalize("NFKC", key)
    i = norm.find(k)
    while i >= 0:
        spans.append((where[i], where[i + len(k) - 1] + 1))
        i = norm.find(k, i + 1)
    return spans


def events_at(doc: Document, key: str, type_: str | None) -> list[str]:
    spans = key_spans(doc.text, key)
    hit = []
    for ev in doc.events:
        own = [(ev.trigger.start, ev.trigger.end)] + [(s.start, s.end) for s in ev.evidence]
        if any(a < e and s < b for a, b in spans for s, e in own):
            hit.append(ev)
    typed = [ev for ev in hit if type_ and ev.type == type_]
    return [ev.id for ev in (typed or hit)]


def prf(rows: list[tuple[bool, bool]]) -> dict:
    tp = sum(1 for g, p in rows if g and p)
    fp = sum(1 for g, p in rows if not g and p)
    fn = sum(1 for g, p in rows if g and not p)
    tn = sum(1 for g, p in rows if not g and not p)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return {"n": len(rows), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": round(prec, 3), "recall": round(rec, 3)}


def explain(pairs: list[dict], docs: dict[str, Document], story: dict[str, str], trace: dict) -> list[str]:
    """One line per tune pair: label, prediction, and how the later article (in
    the canonical order) met the earlier one's story: not a candidate (outside
    the date window, or a copy placed directly), the gate that excluded it, or
    its score terms (:data:`rasid.crossdoc.stories.TRACE`)."""
    order = {i: (d.published or "9999", i) for i, d in docs.items()}
    out = []
    for p in pairs:
        if p.get("split") != "tune" or p["a"] not in docs or p["b"] not in docs:
            continue
        a, b = sorted((p["a"], p["b"]), key=lambda i: order[i])
        pred = story.get(a) is not None and story.get(a) == story.get(b)
        t = trace.get((b, story.get(a)))
        if t is None:
            how = "not a candidate"
        elif t[2]:
            how = f"gate {t[2]}"
        else:
            how = " ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in t[4].items())
        out.append(f"{'same' if p['same'] else 'diff'} {'ok ' if pred == bool(p['same']) else 'ERR'} "
                   f"{p['category'][:14]:14s} {a} {b}  {how}  | {p.get('happening', '')[:70]}")
    return out


def apply_overrides(sets: list[str]) -> None:
    for s in sets:
        name, val = s.split("=", 1)
        mod, attr = name.rsplit(".", 1)
        m = importlib.import_module(f"rasid.crossdoc.{mod}")
        old = getattr(m, attr)
        setattr(m, attr, type(old)(val))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    ap.add_argument("--corpus-dir", type=Path, default=SHARED / "data" / "corpus")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--no-background", action="store_true", help="leave out the 392-article dev corpus")
    ap.add_argument("--db", type=Path, help="keep the store here (default: a temporary file)")
    ap.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE",
                    help="override a crossdoc constant, e.g. stories.JOIN_THRESHOLD=0.85")
    ap.add_argument("--errors", action="store_true", help="list the tune pairs predicted wrong")
    ap.add_argument("--explain", action="store_true",
                    help="per tune pair: the later article's gate or score terms against the earlier one's story")
    ap.add_argument("--blind", action="store_true", help="also report the blind split (aggregates only)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.pairs.exists():
        print(f"no pairs file at {args.pairs}", file=sys.stderr)
        return 2
    apply_overrides(args.set)
    pairs = [json.loads(x) for x in args.pairs.read_text(encoding="utf-8").splitlines() if x.strip()]
    ids = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    background = set() if args.no_background else dev_ids(args.corpus_dir)
    records = read_corpus(ids | background, args.corpus_dir)
    missing = ids - set(records)
    if missing:
        print(f"{len(missing)} pair article(s) not found in {args.corpus_dir}", file=sys.stderr)
    docs = analyse(records, args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "pairs.db"
        if db.exists():
            db.unlink()
        stories_mod.TRACE = [] if args.explain else None
        cpu = build_store(list(docs.values()), db)
        trace = {(t[0], t[1]): t for t in stories_mod.TRACE or []}
        stories_mod.TRACE = None
        with Store(db) as st:
            conn = st.conn
            story = dict(conn.execute("SELECT doc_id, story_id FROM story_docs").fetchall())
            merged: dict[tuple[str, str], str] = {
                (r[0], r[1]): r[2] for r in conn.execute("SELECT doc_id, event_id, merged_id FROM merged_mentions")}
            n_stories = conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    res: dict[str, dict] = {}
    errors: list[str] = []
    for split in ("tune", "blind"):
        if split == "blind" and not args.blind:
            continue
        srows, erows, frows, found = [], [], [], [0, 0]
        for p in pairs:
            if p.get("split") != split or p["a"] not in docs or p["b"] not in docs:
                continue
            pred = story.get(p["a"]) is not None and story.get(p["a"]) == story.get(p["b"])
            srows.append((bool(p["same"]), pred))
            if split == "tune" and pred != bool(p["same"]):
                errors.append(f"story  {'FP' if pred else 'FN'} {p['category']:24s} {p['a']} {p['b']}  "
                              f"{p.get('happening', '')}")
            for e in p.get("events") or []:
                ea = events_at(docs[p["a"]], e.get("a_key", ""), e.get("type"))
                eb = events_at(docs[p["b"]], e.get("b_key", ""), e.get("type"))
                found[0] += 1
                found[1] += bool(ea and eb)
                ma = {merged.get((p["a"], x)) for x in ea} - {None}
                mb = {merged.get((p["b"], x)) for x in eb} - {None}
                pe = bool(ma & mb)
                erows.append((bool(e["same"]), pe))
                if ea and eb:
                    frows.append((bool(e["same"]), pe))
                if split == "tune" and pe != bool(e["same"]):
                    errors.append(f"event  {'FP' if pe else 'FN'} {e.get('type', ''):9s} {p['a']} [{e.get('a_key')}]"
                                  f" {p['b']} [{e.get('b_key')}] found={bool(ea)}/{bool(eb)}")
        res[split] = {"stories": prf(srows), "merged_events": prf(erows), "merged_events_found": prf(frows),
                      "event_keys_with_events_found": f"{found[1]}/{found[0]}"}
    out = {"pairs": len(pairs), "articles": len(docs), "background": len(background - ids),
           "stories_in_store": n_stories, "crossdoc_cpu_s": round(cpu, 1), "set": args.set, **res}
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(f"{out['pairs']} pairs, {out['articles']} articles ({out['background']} background), "
              f"{n_stories} stories, crossdoc {out['crossdoc_cpu_s']} s CPU  {' '.join(args.set)}")
        for split, r in res.items():
            for what in ("stories", "merged_events", "merged_events_found"):
                x = r[what]
                print(f"  {split:5s} {what:19s} P {x['precision']:.3f} R {x['recall']:.3f}  "
                      f"(n={x['n']} tp={x['tp']} fp={x['fp']} fn={x['fn']})")
            print(f"  {split:5s} labelled events with an extracted event on both sides: "
                  f"{r['event_keys_with_events_found']}")
    if args.errors:
        print("\n".join(errors))
    if args.explain:
        print("\n".join(explain(pairs, docs, story, trace)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
