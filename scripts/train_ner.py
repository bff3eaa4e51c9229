#!/usr/bin/env python3
"""Train the CRF NER model shipped in src/rasid/actors/models/.

    nice python scripts/train_ner.py [--cv 5] [--iterations 80]

1. Builds the gazetteer feature lists (models/ner_gazetteer.json) from WikiFANE
   (CC BY-SA 3.0: words tagged as persons, places, organisations) and the
   GeoNames region file (CC BY 4.0: Arabic place names).
2. Optionally runs k-fold cross-validation on ANERcorp train (CC BY-SA 4.0) and
   prints entity-level P/R/F1 overall and per type (models/ner_metrics.json).
3. Trains the final model on all of ANERcorp train (models/ner_anercorp.crfsuite).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.actors import ner_features  # noqa: E402
from rasid.actors.ner import read_conll, score  # noqa: E402
from rasid.text import fold  # noqa: E402

MODELS = ROOT / "src" / "rasid" / "actors" / "models"
SHARED = ROOT.parent / "shared" / "data"
PER = {"Politician", "Religious_PER", "Artist", "Other_PER", "Scientist", "Athlete", "Businessperson", "Engineer", "Lawyer"}
LOC = {"Population-Center", "Nation", "State-or-Province", "Water-Body", "Continent", "County-or-District", "GPE-Cluster", "Land-Region-Natural", "Path"}
ORG = {"Group", "Government", "Non-Governmental", "Commercial", "Media", "Police", "Educational", "Sports", "Religious_ORG"}
_AR = re.compile(r"^[\u0621-\u064a]+$")


def build_gazetteer(wikifane: Path, geo: Path, min_count: int = 2, min_ratio: float = 0.6) -> dict[str, list[str]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with wikifane.open(encoding="utf-8-sig") as fh:
        for toks, tags in read_conll(fh):
            for w, t in zip(toks, tags, strict=False):
                w = fold(w.strip())
                if len(w) < 3 or not _AR.match(w.replace("ه", "ه")):
                    continue
                cls = t[2:] if len(t) > 2 else "O"
                grp = "PER" if cls in PER else "LOC" if cls in LOC else "ORG" if cls in ORG else "O"
                counts[w][grp] += 1
    gaz: dict[str, set[str]] = {"PER": set(), "LOC": set(), "ORG": set()}
    for w, c in counts.items():
        tot = sum(c.values())
        for grp in gaz:
            if c[grp] >= min_count and c[grp] / tot >= min_ratio:
                gaz[grp].add(w)
    if geo.exists():
        data = json.loads(geo.read_text(encoding="utf-8"))
        for rec in data.values():
            for n in rec.get("alternatenames", []):
                if _AR.match(n.replace(" ", "")) is None:
                    continue
                for w in fold(n).split():
                    if len(w) >= 3 and counts.get(w, Counter()).get("O", 0) < 20:
                        gaz["LOC"].add(w)
    return {k: sorted(v) for k, v in gaz.items()}


def build_common_words(train_sents, wikifane: Path | None = None, min_o: int = 3, max_name_ratio: float = 0.1) -> list[str]:
    """Frequent non-name words (folded stems) of the corpora: they end a name after a title."""
    o: Counter[str] = Counter()
    name: Counter[str] = Counter()
    if wikifane is not None and wikifane.exists():
        with wikifane.open(encoding="utf-8-sig") as fh:
            for toks, tags in read_conll(fh):
                for w, t in zip(toks, tags, strict=False):
                    w = fold(w.strip())
                    if t and t != "O":
                        name[w] += 1
                    else:
                        o[w] += 1
    for toks, tags in train_sents:
        for w, t in zip(toks, tags, strict=False):
            st = ner_features.stem_of(fold(w))[1]
            if t.endswith("PERS") or t.endswith("LOC") or t.endswith("ORG"):
                name[st] += 1
            else:
                o[st] += 1
    return sorted(w for w, c in o.items() if c >= min_o and len(w) >= 2 and _AR.match(w)
                  and name[w] / (c + name[w]) < max_name_ratio)


def train(sents, path: Path, iterations: int, c1: float, c2: float) -> None:
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=False)
    for toks, tags in sents:
        tr.append(ner_features.sent_features(toks), tags)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True,
                   "feature.minfreq": 1})
    tr.train(str(path))


def tag_all(sents, path: Path) -> list[list[str]]:
    import pycrfsuite

    tg = pycrfsuite.Tagger()
    tg.open(str(path))
    return [list(tg.tag(ner_features.sent_features(toks))) for toks, _ in sents]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=SHARED / "ner" / "anercorp_train.txt")
    ap.add_argument("--wikifane", type=Path, default=SHARED / "ner" / "wikifane_gold_500k.txt")
    ap.add_argument("--geo", type=Path, default=SHARED / "geo" / "cities500_SY_IQ_LB_JO_TR_IR_IL_PS_SA_KW.json")
    ap.add_argument("--cv", type=int, default=0, help="folds of cross-validation (0: none)")
    ap.add_argument("--iterations", type=int, default=80)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--no-final", action="store_true", help="skip training the shipped model")
    ap.add_argument("--no-gazetteer", action="store_true", help="keep the existing gazetteer file")
    ap.add_argument("--lexicons-only", action="store_true", help="only rebuild the word lists")
    a = ap.parse_args()

    MODELS.mkdir(parents=True, exist_ok=True)
    if not a.no_gazetteer:
        gaz = build_gazetteer(a.wikifane, a.geo)
        (MODELS / "ner_gazetteer.json").write_text(json.dumps(gaz, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print("gazetteer:", {k: len(v) for k, v in gaz.items()}, flush=True)
        ner_features.lexicons.cache_clear()

    with a.train.open(encoding="utf-8") as fh:
        sents = [(t, [g if g else "O" for g in tags]) for t, tags in read_conll(fh)]
    print(f"{len(sents)} sentences, {sum(len(t) for t, _ in sents)} tokens", flush=True)

    common = build_common_words(sents, a.wikifane)
    (MODELS / "common_words.txt").write_text(
        "# Frequent non-name words (folded stems) derived from ANERcorp train (CC BY-SA 4.0) and WikiFANE (CC BY-SA 3.0)\n"
        + "\n".join(common) + "\n", encoding="utf-8")
    print(f"common words: {len(common)}", flush=True)
    if a.lexicons_only:
        return 0

    metrics: dict = {"iterations": a.iterations, "c1": a.c1, "c2": a.c2, "sentences": len(sents)}
    if a.cv:
        gold_all, pred_all = [], []
        tmp = Path(tempfile.mkdtemp()) / "cv.crfsuite"
        for k in range(a.cv):
            t0 = time.time()
            tr = [s for i, s in enumerate(sents) if i % a.cv != k]
            te = [s for i, s in enumerate(sents) if i % a.cv == k]
            train(tr, tmp, a.iterations, a.c1, a.c2)
            pred = tag_all(te, tmp)
            gold = [g for _, g in te]
            r = score(gold, pred)
            print(f"fold {k}: F1 {r['overall']['f1']:.4f} ({time.time() - t0:.0f}s)", flush=True)
            gold_all += gold
            pred_all += pred
        tmp.unlink(missing_ok=True)
        cv = score(gold_all, pred_all)
        metrics["cv_folds"] = a.cv
        metrics["cv"] = cv
        for typ, v in cv.items():
            print(f"  {typ:8s} P {v['precision']:.4f} R {v['recall']:.4f} F1 {v['f1']:.4f} n={v['support']}")
    if not a.no_final:
        t0 = time.time()
        train(sents, MODELS / "ner_anercorp.crfsuite", a.iterations, a.c1, a.c2)
        print(f"final model trained in {time.time() - t0:.0f}s", flush=True)
    if a.cv:
        (MODELS / "ner_metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
