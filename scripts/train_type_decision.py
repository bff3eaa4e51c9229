#!/usr/bin/env python3
"""Train the per-type eventness decision (issue 13 item 1) and write it.

    PYTHONPATH=src python scripts/train_type_decision.py [--shared ../shared] [--types ASSAULT]
        [--yes-target 0.97] [--C 0.3] [--gsr-only] [--cache DIR] [--no-write] [--dump FILE]

A second decision for the mentions of one GSR type (ASSAULT, PROTEST) that the
shipped eventness model (``models/eventness.json``) keeps and that are told as
fact: a logistic regression over the same mention features
(:func:`rasid.events.eventness.features`, without their ``TYPE|`` prefix),
trained on that type's mentions only. An event of the type all of whose
mentions this decision turns down is dropped after the gate (grouping and the
gate see the mentions as before); the other types, the shipped eventness model
and the event gate are untouched.

Data (never the GSR ``test`` part, the held-out table of
``scripts/eval_gsr.py``; never tests/data/blindgold nor the real blind split):

- the ``train`` part of the OEDA Arabic event GSR dev half
  (:func:`rasid.events.eventness.gsr_split`): every sentence (``yes`` = 1,
  ``easy no`` = 0, ``difficult no`` = 0 with weight ``--difficult-weight``) is
  analysed by ``Pipeline.default()`` as ``rasid analyze`` does, with the
  sentence classifier's probability for the sentence replaced by its 5-fold
  out-of-fold one (the shipped classifier was fitted on these sentences); the
  kept, asserted mentions of the type take the sentence's label;
- the kept, asserted mentions of the type in the non-blind gold articles
  (../shared/data/dev, tests/data/owngold, tests/data/tunegold, the real tune
  split; weight ``--gold-weight``), labelled by the gold events' key phrases as
  scripts/train_eventness.py labels them. Without them (``--gsr-only``) the
  decision learns the GSR's ASSAULT, PLOVER's unconventional violence, where
  battles, captures and shelling are "no": on 2026-12-06 it dropped 20 real
  tune events (سيطرت، معارك، اشتباكات، القصف), rtune events R .584 -> .561,
  owngold F1 .887 -> .863, and left the GSR held-out table unchanged.

PROTEST (``--types ASSAULT,PROTEST``) is not shipped: its out-of-fold curve
on the train part has no threshold that drops an "easy no" sentence before a
"yes" one (threshold 0.27, yes 0.643 / easy no 0.028 as without it), and the
GSR held-out table and the article sets came out unchanged with it.

Calibration and threshold: 5-fold cross-validation grouped by GSR document;
the out-of-fold probabilities are mapped by Platt scaling (fitted on them) and
the threshold is the highest whose out-of-fold sentence-level "yes" share (a
sentence is flagged when one of its asserted events of the type has a mention
over the threshold) stays >= ``--yes-target`` times the share flagged without
this decision (out of fold too: with the shipped classifier's in-sample
probability the train part's "yes" share would look higher than it is). Written to ``src/rasid/events/models/eventness_types.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from rasid.events import eventness  # noqa: E402
from rasid.ingest import make_document  # noqa: E402

SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))
OUT = ROOT / "src/rasid/events" / eventness.TYPE_MODEL_FILE
FOLDS = 5
MIN_COUNT = 3


def log(*a):
    print(*a, flush=True)


def oof_classifier(rows_by_type: dict, cache: Path | None) -> dict[str, dict[str, float]]:
    """type -> {sentence: out-of-fold P(type)} on the GSR train part."""
    from train_eventness import oof_clf  # the same folds and specs as the eventness training

    from rasid.events.training import SPECS

    key = hashlib.sha1(json.dumps({t: sorted(r["id"] for r in rows) for t, rows in rows_by_type.items()}).encode()
                       ).hexdigest()[:12]
    path = cache / f"typeclf_{key}.pkl" if cache else None
    if path and path.exists():
        return pickle.loads(path.read_bytes())
    out = {}
    for typ, rows in rows_by_type.items():
        texts = [r["text"] for r in rows]
        y = np.array([1 if r["label"] == "yes" else 0 for r in rows])
        groups = [r["id"].rsplit("-", 1)[0] for r in rows]
        spec = {k: v for k, v in SPECS[typ].items() if k != "use"}
        out[typ] = dict(zip(texts, oof_clf(texts, y, groups, spec), strict=True))
    if path:
        path.write_bytes(pickle.dumps(out))
    return out


@contextmanager
def _capturing():
    """Yield a list that collects (mention, features) for every mention the
    shipped eventness model keeps, with the per-type decision switched off,
    while the pipeline runs inside the block."""
    import rasid.events as events_pkg

    captured: list = []
    orig = eventness.decide

    def spy(doc, mentions):
        kept = orig(doc, mentions)
        by_sentence = eventness.siblings_by_sentence(mentions)
        for m in kept:
            captured.append((m, eventness.mention_features(doc, m, mentions, by_sentence)))
        return kept

    events_pkg.decide = spy
    eventness.use_type_model(None, active=False)
    try:
        yield captured
    finally:
        events_pkg.decide = orig
        eventness.use_type_model(None)


def collect_gold(types: tuple[str, ...], shared: Path) -> list[dict]:
    """``--gold``: the kept, asserted mentions of ``types`` in the non-blind gold
    articles (dev, own, tune, real tune), labelled by the gold events' key phrases
    as scripts/train_eventness.py labels them (a mention that only repeats a
    gold happening's event, or overlaps an optional one, is left out)."""
    from train_eventness import gold_docs, gold_label

    from rasid.pipeline import Pipeline

    pipe = Pipeline.default()
    recs = []
    with _capturing() as captured:
        for name, art, g in gold_docs(shared):
            captured.clear()
            doc = pipe(make_document(art["text"], id=art["id"], published=art.get("published"),
                                     title=art.get("title")))
            owner = {}
            for e in doc.events:
                for sp in [e.trigger, *e.evidence]:
                    owner[sp.start] = e.id
            labelled = [(m, f, gold_label(doc.text, g, m)) for m, f in captured
                        if m.type in types and m.modality in eventness.DECIDED]
            pos_events = {owner.get(m.trigger.start) for m, _, y in labelled if y == 1}
            for m, f, y in labelled:
                if y is None or (y == 0 and owner.get(m.trigger.start) in pos_events - {None}):
                    continue
                recs.append({"f": f, "y": y, "label": "gold", "group": f"{name}:{art['id']}", "id": art["id"],
                             "type": m.type, "event": False, "trigger": m.trigger.text})
    return recs


def collect(rows_by_type: dict, oof: dict, types: tuple[str, ...]) -> list[dict]:
    """One record per kept, asserted mention of the row's type: features, label,
    group, sentence id, and whether its event came out asserted."""
    from rasid.events import classifier
    from rasid.pipeline import Pipeline

    pipe = Pipeline.default()
    recs = []
    with _capturing() as captured:
        try:
            for typ in types:
                for r in rows_by_type[typ]:
                    sent = r["text"]

                    def clf(text, t, typ=typ, sent=sent):
                        if t not in eventness.CLF_TYPES:
                            return None
                        if t == typ and text.strip() in sent.strip():
                            return float(oof[typ][sent])
                        return classifier.predict(text).get(t)

                    eventness.use_classifier(clf)
                    captured.clear()
                    doc = pipe(make_document(sent, id=r["id"]))
                    starts = {e.trigger.start for e in doc.events if e.type == typ and e.modality == "asserted"}
                    for m, f in captured:
                        if m.type != typ or m.modality not in eventness.DECIDED:
                            continue
                        recs.append({"f": f, "y": 1 if r["label"] == "yes" else 0, "label": r["label"],
                                     "group": r["id"].rsplit("-", 1)[0], "id": r["id"], "type": typ,
                                     "event": m.trigger.start in starts, "trigger": m.trigger.text})
        finally:
            eventness.use_classifier(None)
    return recs


def _fit(X, y, w, C):
    from sklearn.linear_model import LogisticRegression

    from train_eventness import _matrix

    counts: dict[str, int] = {}
    for f in X:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    keys = sorted(k for k, c in counts.items() if c >= MIN_COUNT and not k.endswith("bias"))
    lr = LogisticRegression(C=C, max_iter=5000)
    lr.fit(_matrix(X, keys), y, sample_weight=w)
    return keys, lr


def _predict(keys, lr, X):
    from train_eventness import _matrix

    return lr.decision_function(_matrix(X, keys))


def sentence_curve(recs, z, sent_labels, grid):
    """[(threshold, yes flagged, easy no flagged)] over the GSR train sentences
    of the type (a sentence is flagged when an asserted event's mention passes)."""
    best: dict[str, float] = {}
    for r, zi in zip(recs, z, strict=True):
        if r["event"]:
            best[r["id"]] = max(best.get(r["id"], 0.0), float(zi))
    out = []
    for t in grid:
        def rate(lab):
            ids = [i for i, lab_i in sent_labels.items() if lab_i == lab]  # noqa: B023
            return sum(best.get(i, -1.0) >= t for i in ids) / max(1, len(ids))  # noqa: B023
        out.append((round(float(t), 3), round(rate("yes"), 3), round(rate("easy no"), 3)))
    return out


def train_type(recs, sent_labels, C, difficult_weight, yes_target, gold_weight=3.0):
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    X = [{k.split("|", 1)[-1]: v for k, v in r["f"].items() if "|" in k or not k.startswith("type=")} for r in recs]
    y = np.array([r["y"] for r in recs])
    w = np.array([difficult_weight if r["label"] == "difficult no" else gold_weight if r["label"] == "gold" else 1.0
                  for r in recs])
    groups = [r["group"] for r in recs]
    z = np.zeros(len(y))
    for tr, te in GroupKFold(FOLDS).split(X, y, groups):
        keys, lr = _fit([X[i] for i in tr], y[tr], w[tr], C)
        z[te] = _predict(keys, lr, [X[i] for i in te])
    # Platt scaling of the out-of-fold scores
    platt = LogisticRegression(C=1e6).fit(z.reshape(-1, 1), y)
    a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    p = 1.0 / (1.0 + np.exp(-(a * z + b)))
    grid = np.round(np.arange(0.01, 0.951, 0.01), 3)
    curve = sentence_curve(recs, p, sent_labels, grid)
    before = sentence_curve(recs, np.ones(len(p)), sent_labels, [0.5])[0]
    ok = [c for c in curve if c[1] >= yes_target * before[1]]
    th = ok[-1] if ok else curve[0]
    keys, lr = _fit(X, y, w, C)
    coef = lr.coef_.ravel() * a
    keep = np.flatnonzero(np.abs(coef) > 1e-6)
    model = {"features": [keys[i] for i in keep], "coef": [round(float(coef[i]), 5) for i in keep],
             "intercept": round(float(lr.intercept_[0] * a + b), 5), "threshold": th[0],
             "platt": [round(a, 4), round(b, 4)],
             "oof": {"before": {"yes_flagged": before[1], "easy_no_flagged": before[2]},
                     "at_threshold": {"yes_flagged": th[1], "easy_no_flagged": th[2]},
                     "curve": [c for c in curve if int(round(c[0] * 100)) % 5 == 0]}}
    return model, p


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--types", default="ASSAULT", help="comma-separated (PROTEST: see the note above)")
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--difficult-weight", type=float, default=0.3)
    ap.add_argument("--yes-target", type=float, default=0.97,
                    help="the share of the train part's out-of-fold 'yes' sentences flagged before that stay flagged")
    ap.add_argument("--cache", type=Path, help="directory for the out-of-fold classifier and the mentions")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--gsr-only", action="store_true", help="leave the gold articles' mentions out (GSR train part only)")
    ap.add_argument("--gold-weight", type=float, default=3.0)
    ap.add_argument("--dump", type=Path, help="write the training mentions with their out-of-fold P (JSONL)")
    a = ap.parse_args(argv)
    t0 = time.time()
    types = tuple(t for t in a.types.split(",") if t)
    ev = a.shared / "data" / "events"
    rows_by_type = {}
    for typ, fname in eventness.GSR_FILES.items():
        rows_by_type[typ] = [r for r in eventness.load_gsr_rows(ev / fname)
                             if eventness.gsr_split(r["id"]) == "train"
                             and r["label"] in ("yes", "easy no", "difficult no")]
    if a.cache:
        a.cache.mkdir(parents=True, exist_ok=True)
    oof = oof_classifier(rows_by_type, a.cache)
    log(f"out-of-fold sentence classifier ({time.time() - t0:.0f} s)")
    src = ROOT / "src/rasid"
    code = hashlib.sha1(b"".join(p.read_bytes() for p in sorted(src.rglob("*")) if p.is_file()
                                 and p.name != eventness.TYPE_MODEL_FILE.split("/")[-1] and p.suffix != ".pyc"))
    mpath = a.cache / f"typementions_{code.hexdigest()[:12]}_{'-'.join(types)}.pkl" if a.cache else None
    if mpath and mpath.exists():
        recs = pickle.loads(mpath.read_bytes())
    else:
        recs = collect(rows_by_type, oof, types)
        if mpath:
            mpath.write_bytes(pickle.dumps(recs))
    if not a.gsr_only:
        gpath = mpath.with_name(mpath.name.replace("typementions_", "typegold_")) if mpath else None
        if gpath and gpath.exists():
            grecs = pickle.loads(gpath.read_bytes())
        else:
            grecs = collect_gold(types, a.shared)
            if gpath:
                gpath.write_bytes(pickle.dumps(grecs))
        recs = recs + grecs
    log(f"{len(recs)} mentions ({time.time() - t0:.0f} s)")
    out: dict = {"types": {}, "training": {
        "data": "OEDA Arabic event GSR dev half, train part only (gsr_split); the test part is never read",
        "C": a.C, "difficult_weight": a.difficult_weight, "yes_target": a.yes_target, "folds": FOLDS,
        "date": time.strftime("%Y-%m-%d")}}
    dump = open(a.dump, "w", encoding="utf-8") if a.dump else None
    for typ in types:
        sub = [r for r in recs if r["type"] == typ]
        labels = {r["id"]: r["label"] for r in rows_by_type[typ]}
        model, p = train_type(sub, labels, a.C, a.difficult_weight, a.yes_target, a.gold_weight)
        out["types"][typ] = model
        log(f"{typ}: {len(sub)} mentions, threshold {model['threshold']}, out of fold {json.dumps(model['oof'])}")
        if dump:
            for r, pi in zip(sub, p, strict=True):
                dump.write(json.dumps({k: v for k, v in r.items() if k != "f"} | {"p": round(float(pi), 4)},
                                      ensure_ascii=False) + "\n")
    if dump:
        dump.close()
    if not a.no_write:
        OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        log(f"wrote {OUT} ({OUT.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
