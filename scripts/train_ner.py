#!/usr/bin/env python3
"""Train the CRF NER model shipped in src/rasid/actors/models/.

    nice -n 10 python scripts/train_ner.py [--cv 5] [--iterations 50] [--ablation all]

1. Builds the gazetteer feature lists (models/ner_gazetteer.json) from WikiFANE
   (CC BY-SA 3.0: words tagged as persons, places, organisations) and the
   GeoNames region file (CC BY 4.0: Arabic place names).
2. Optionally runs k-fold cross-validation on ANERcorp train (CC BY-SA 4.0) and
   prints entity-level P/R/F1 overall and per type (models/ner_metrics.json).
   The folds are contiguous and never split an article (``--folds doc``, the
   default; see :func:`doc_folds`); ``--folds sentence`` gives the old
   round-robin sentence folds, which leak names across folds.
3. Trains the final model on all of ANERcorp train (models/ner_anercorp.crfsuite),
   with the word clusters of ``scripts/train_word_clusters.py`` as features; with
   ``--two-stage d`` also the second, document-level stage
   (models/ner_anercorp_doc.crfsuite, see :func:`two_stage_cv`) on the
   cross-validated first-stage tags of every sentence (``--stage1-cache DIR`` keeps
   and reuses them: the CV's test-fold tags are the final model's training tags).
   ``--ablation`` instead cross-validates the rows of :data:`ABLATION` (feature
   groups switched off or on, WikiFANE added, averaged perceptron).
"""

from __future__ import annotations

import argparse
import json
import os
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
SHARED = Path(os.environ.get("RASID_SHARED") or ROOT.parent / "shared") / "data"
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


# -- document-level folds ------------------------------------------------------
# ANERcorp has no document markers. An article start is a sentence that does
# not continue the previous one (no conjunction/connective opening it) where
# the vocabulary of the sentences before and after changes most (TextTiling).
_CONT = re.compile(r"^(?:[وف].+|كما|لكن|أما|اما|ثم|هذا|هذه|وهذا|كذلك|بينما|حيث|إلا|الا|اذ|إذ|غير|يذكر|يشار|[\"'»«().,،:*>-])$")


def _bag(toks) -> set[str]:
    return {ner_features.stem_of(fold(w))[1] for w in toks if len(w) >= 3}


def article_starts(sents, window: int = 5) -> list[float]:
    """For each sentence, how likely it opens an article (higher: likelier)."""
    bags = [_bag(t) for t, _ in sents]
    out = []
    for b in range(len(sents)):
        before = set().union(*bags[max(0, b - window):b]) if b else set()
        after = set().union(*bags[b:b + window])
        sim = len(before & after) / ((len(before) * len(after)) ** 0.5 or 1.0)
        cont = 1.0 if sents[b][0] and _CONT.match(sents[b][0][0]) else 0.0
        out.append(-sim - cont)
    return out


def doc_folds(sents, k: int, search: int = 40) -> list[int]:
    """Fold index of each sentence: k contiguous blocks of about equal size whose
    boundaries are moved (within +-``search`` sentences) to the likeliest article start."""
    n = len(sents)
    score_ = article_starts(sents)
    bounds = [0]
    for f in range(1, k):
        nominal = round(n * f / k)
        lo, hi = max(bounds[-1] + 1, nominal - search), min(n - 1, nominal + search)
        bounds.append(max(range(lo, hi + 1), key=lambda b: (score_[b], -abs(b - nominal))))
    bounds.append(n)
    fold_of = [0] * n
    for f in range(k):
        for i in range(bounds[f], bounds[f + 1]):
            fold_of[i] = f
    return fold_of


def cv_splits(sents, k: int, mode: str = "doc"):
    """(train, test) pairs; with ``doc`` folds the training side also drops every sentence
    identical to a test sentence (ANERcorp repeats some articles)."""
    folds = doc_folds(sents, k) if mode == "doc" else [i % k for i in range(len(sents))]
    for f in range(k):
        te = [s for s, g in zip(sents, folds, strict=False) if g == f]
        seen = {tuple(t) for t, _ in te} if mode == "doc" else set()
        tr = [s for s, g in zip(sents, folds, strict=False) if g != f and tuple(s[0]) not in seen]
        yield tr, te


# -- WikiFANE as extra training data ---------------------------------------------
_PROCL = {"و", "ف", "ب", "ل", "ك"}
_ENCL = {"ه", "ها", "هم", "هما", "هن", "نا", "كم"}


def wikifane_sentences(path: Path, limit: int, seed: int = 1):
    """WikiFANE sentences in ANERcorp's form: the fine types mapped to PERS/LOC/ORG
    (sentences with any other type are left out), split clitics glued back
    (و + كان -> وكان, ل + الحكومة -> للحكومة, عاصمة + ها -> عاصمتها is left as عاصمةها)."""
    import random

    out = []
    with path.open(encoding="utf-8-sig") as fh:
        for toks, tags in read_conll(fh):
            toks = [t.replace("\u200e", "").replace("\u200f", "") or t for t in toks]
            words: list[str] = []
            labels: list[str] = []
            ok = True
            pre = ""
            for w, t in zip(toks, tags, strict=False):
                cls = t[2:] if len(t) > 2 else ""
                grp = "PERS" if cls in PER else "LOC" if cls in LOC else "ORG" if cls in ORG else "O" if not cls else None
                if grp is None:
                    ok = False
                    break
                tag = "O" if grp == "O" else t[:2] + grp
                if w in _PROCL and grp == "O":
                    pre += w
                    continue
                if pre:
                    w = ("لل" + w[2:]) if pre.endswith("ل") and w.startswith("ال") else pre + w
                    pre = ""
                if w in _ENCL and grp == "O" and words and labels[-1] == "O":
                    words[-1] += w
                    continue
                words.append(w)
                labels.append(tag)
            if ok and words and any(x != "O" for x in labels):
                out.append((words, labels))
    random.Random(seed).shuffle(out)
    return out[:limit]


# -- embedding-similarity gazetteer -------------------------------------------------
TYPES = ("PERS", "LOC", "ORG", "MISC")


def load_neighbours(path: Path | None):
    """(words, nearest-neighbour rows) of ``train_word_clusters.py --neighbours``, or None."""
    if path is None or not path.exists():
        return None
    import numpy as np

    z = np.load(path)
    return [str(w) for w in z["words"]], z["nb"]


def build_embgaz(train_sents, neighbours, levels: tuple[int, ...] = (1, 2, 4),
                 min_ratio: float = 0.6) -> dict[str, tuple[str, ...]]:
    """Folded corpus word -> ``e_<TYPE>``, ``e_<TYPE>_2``, ``e_<TYPE>_4`` when at least 1, 2, 4
    (``levels``) of its nearest neighbours in the word2vec space are names of that type in
    ``train_sents`` (a word is a name of a type when at least ``min_ratio`` of its occurrences
    are). Only ``train_sents``' labels are used: in cross-validation, the training folds'."""
    import numpy as np

    words, nb = neighbours
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for toks, tags in train_sents:
        for w, t in zip(toks, tags, strict=False):
            counts[fold(w)][t[2:] if len(t) > 2 else "O"] += 1
    lab = np.full(len(words), -1, dtype=np.int8)
    for i, w in enumerate(words):
        c = counts.get(w)
        if c:
            typ, m = max(((t, c[t]) for t in TYPES), key=lambda x: x[1])
            if m and m / sum(c.values()) >= min_ratio:
                lab[i] = TYPES.index(typ)
    out: dict[str, tuple[str, ...]] = {}
    votes = np.stack([(lab[nb] == t).sum(axis=1) for t in range(len(TYPES))], axis=1)
    for i in np.nonzero(votes.max(axis=1) >= levels[0])[0]:
        names: list[str] = []
        for t, typ in enumerate(TYPES):
            v = int(votes[i, t])
            names += [f"e_{typ}" if j == 0 else f"e_{typ}_{lv}" for j, lv in enumerate(levels) if v >= lv]
        out[words[i]] = tuple(names)
    return out


#: lexicons of ner_features whose words seed the label-free embedding gazetteer
LEX_SEEDS = {"gaz_PER": "PERS", "p_given": "PERS", "gaz_LOC": "LOC", "gaz_ORG": "ORG"}


def build_embgaz_lex(neighbours, levels: tuple[int, ...] = (1, 2, 4)) -> dict[str, tuple[str, ...]]:
    """:func:`build_embgaz` seeded by the gazetteers (WikiFANE, GeoNames, given names) instead of
    ANERcorp labels: no fold's labels are used, so one table serves every fold."""
    lex = ner_features.lexicons()
    seed: dict[str, str] = {}
    for key, typ in LEX_SEEDS.items():
        for w in lex.get(key, ()):
            seed[w] = typ if seed.get(w, typ) == typ else "?"
    sents = [([w], ["B-" + t]) for w, t in seed.items() if t != "?"]
    return build_embgaz(sents, neighbours, levels)


def write_embgaz(table: dict[str, tuple[str, ...]], path: Path) -> None:
    import gzip

    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# Embedding-similarity gazetteer: corpus words whose nearest word2vec neighbours (SaudiNewsNet,"
                 " CC BY-NC-SA 4.0) are mostly names of one type in ANERcorp train (CC BY-SA 4.0); scripts/train_ner.py\n")
        for w in sorted(table):
            fh.write(w + "\t" + "\t".join(table[w]) + "\n")


# -- self-training on unlabelled news -------------------------------------------------
_SENT_END = re.compile(r"(?<=[.!?\u061f])\s+|\n+")


def corpus_sentences(path: Path, articles: int, seed: int = 7, min_len: int = 8, max_len: int = 40) -> list[list[str]]:
    """Sentences (ANERcorp-like tokens, 8-40 of them) of a random sample of SaudiNewsNet articles."""
    import gzip
    import random

    from rasid.actors.ner import _TOKEN

    with gzip.open(path, "rt", encoding="utf-8") as fh:
        arts = [ln for ln in fh if ln.strip()]
    out = []
    for ln in random.Random(seed).sample(arts, min(articles, len(arts))):
        a = json.loads(ln)
        for sent in _SENT_END.split(a.get("text") or ""):
            toks = _TOKEN.findall(sent)
            if min_len <= len(toks) <= max_len:
                out.append(toks)
    return out


def self_train_data(model: Path, corpus, min_prob: float, limit: int) -> list[tuple[list[str], list[str]]]:
    """Corpus sentences the model tags with at least one name and a sequence probability of at
    least ``min_prob`` (the likeliest first), as extra training sentences."""
    import pycrfsuite

    tg = pycrfsuite.Tagger()
    tg.open(str(model))
    scored = []
    for toks in corpus:
        tags = tg.tag(ner_features.sent_features(toks))
        if any(t != "O" for t in tags):
            p = tg.probability(tags)
            if p >= min_prob:
                scored.append((p, toks, list(tags)))
    scored.sort(key=lambda x: -x[0])
    return [(toks, tags) for _, toks, tags in scored[:limit]]


def train(sents, path: Path, iterations: int, c1: float, c2: float, algorithm: str = "lbfgs") -> None:
    import pycrfsuite

    tr = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for toks, tags in sents:
        tr.append(ner_features.sent_features(toks), tags)
    params = {"max_iterations": iterations, "feature.possible_transitions": True, "feature.minfreq": 1}
    if algorithm == "lbfgs":
        params.update(c1=c1, c2=c2)
    tr.set_params(params)
    tr.train(str(path))


def cross_validate(sents, k: int, mode: str, iterations: int, c1: float, c2: float, algorithm: str = "lbfgs",
                   extra=(), log=print, only: set[int] | None = None, neighbours=None, selftrain=None) -> dict:
    """Entity scores over the test folds (``only``: those folds alone, for screening); with
    ``neighbours`` and group ``embgaz`` the embedding gazetteer of each fold is built from its training side."""
    gold_all, pred_all = [], []
    tmp = Path(tempfile.mkdtemp()) / "cv.crfsuite"
    for f, (tr, te) in enumerate(cv_splits(sents, k, mode)):
        if only and f not in only:
            continue
        t0 = time.time()
        if neighbours is not None and "embgaz" in ner_features.active_groups():
            ner_features.override(_CLUSTERS[0], build_embgaz(tr, neighbours))
        train(list(tr) + list(extra), tmp, iterations, c1, c2, algorithm)
        if selftrain:  # (corpus sentences, min probability, limit): tagged by this fold's model only
            more = self_train_data(tmp, *selftrain)
            log(f"fold {f}: self-training with {len(more)} corpus sentences")
            train(list(tr) + list(extra) + more, tmp, iterations, c1, c2, algorithm)
        pred = tag_all(te, tmp)
        gold = [g for _, g in te]
        log(f"fold {f}: F1 {score(gold, pred)['overall']['f1']:.4f} ({time.time() - t0:.0f}s)")
        gold_all += gold
        pred_all += pred
    tmp.unlink(missing_ok=True)
    if neighbours is not None:
        ner_features.override(_CLUSTERS[0])
    return score(gold_all, pred_all)


_CLUSTERS: list[Path | None] = [None]  # --clusters


# -- two-stage document-level label consistency ------------------------------------
def pseudo_docs(sents, idx: list[int], per_doc: int = 15) -> list[int]:
    """Document id of each sentence index of ``idx`` (ascending): ANERcorp has no article
    markers, so the likeliest article starts (:func:`article_starts`, one per ``per_doc``
    sentences) and every gap in ``idx`` open a new pseudo-document."""
    sc = article_starts(sents)
    n_starts = max(1, len(sents) // per_doc)
    starts = set(sorted(range(len(sents)), key=lambda b: -sc[b])[:n_starts])
    out, d, prev = [], 0, None
    for i in idx:
        if prev is not None and (i != prev + 1 or i in starts):
            d += 1
        out.append(d)
        prev = i
    return out


def stage2_items(sents, idx: list[int], s1: dict[int, list[str]], variant: str) -> dict[int, list[dict]]:
    """Feature dicts (:func:`ner_features.sent_features` + :func:`ner_features.doc_context`) of the
    sentences ``idx``, the document context from the first-stage tags ``s1``."""
    docs: dict[int, list[int]] = defaultdict(list)
    for i, d in zip(idx, pseudo_docs(sents, idx), strict=True):
        docs[d].append(i)
    out: dict[int, list[dict]] = {}
    for members in docs.values():
        ctx = ner_features.doc_context([sents[i][0] for i in members], [s1[i] for i in members], variant)
        for i, extra in zip(members, ctx, strict=True):
            feats = ner_features.sent_features(sents[i][0])
            for f, ex in zip(feats, extra, strict=True):
                for x in ex:
                    f[x] = 1.0
            out[i] = feats
    return out


def _train_items(items, path: Path, iterations: int, c1: float, c2: float) -> None:
    import pycrfsuite

    tr = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for feats, tags in items:
        tr.append(feats, tags)
    tr.set_params({"max_iterations": iterations, "feature.possible_transitions": True, "feature.minfreq": 1,
                   "c1": c1, "c2": c2})
    tr.train(str(path))


def _dedup_split(sents, idx: list[int], test: set[int]) -> list[int]:
    seen = {tuple(sents[i][0]) for i in test}
    return [i for i in idx if i not in test and tuple(sents[i][0]) not in seen]


def oof_stage1(sents, idx: list[int], groups: list[int], tmp: Path, iterations: int, c1: float, c2: float,
               log=print) -> dict[int, list[str]]:
    """Cross-validated first-stage tags of the sentences ``idx`` (inner folds ``groups``): each
    group tagged by a model trained on the others, so the second stage learns from tags as
    good as those it will see on new text (not from gold labels)."""
    out: dict[int, list[str]] = {}
    for g in sorted(set(groups)):
        te = [i for i, gg in zip(idx, groups, strict=True) if gg == g]
        tr = _dedup_split(sents, idx, set(te))
        t0 = time.time()
        train([sents[i] for i in tr], tmp, iterations, c1, c2)
        for i, p in zip(te, tag_all([sents[i] for i in te], tmp), strict=True):
            out[i] = p
        log(f"  inner fold {g}: {len(tr)} train sentences ({time.time() - t0:.0f}s)")
    return out


def final_stage1(sents, k: int, iterations: int, c1: float, c2: float, cache: Path | None, log=print) -> dict[int, list[str]]:
    """Cross-validated first-stage tags of every sentence (the document-level folds of
    :func:`doc_folds`): the training tags of the shipped second stage. The test-fold tags
    that :func:`two_stage_cv` kept in ``cache`` are those; missing folds are trained."""
    folds = doc_folds(sents, k)
    out: dict[int, list[str]] = {}
    todo = []
    for f in range(k):
        te = [i for i in range(len(sents)) if folds[i] == f]
        cf = cache / f"s1_fold{f}_{k}.json" if cache else None
        if cf is not None and cf.exists():
            got = json.loads(cf.read_text())
            out.update({i: got[str(i)] for i in te})
        else:
            todo.append(f)
    if todo:
        tmp = Path(tempfile.mkdtemp()) / "s1.crfsuite"
        idx = list(range(len(sents)))
        for f, tags in oof_stage1(sents, idx, folds, tmp, iterations, c1, c2, log).items():
            if folds[f] in todo:
                out[f] = tags
        tmp.unlink(missing_ok=True)
    return out


def two_stage_cv(sents, k: int, iterations: int, c1: float, c2: float, variant: str, log=print,
                 only: set[int] | None = None, cache: Path | None = None) -> tuple[dict, dict]:
    """Document-level k-fold CV of the two-stage tagger: (second-stage scores, first-stage scores).
    The first-stage tags of each training side are cross-validated within it (its own outer folds
    as inner folds); ``cache`` keeps them per fold (the second-stage variants share them)."""
    import pycrfsuite

    folds = doc_folds(sents, k)
    tmp = Path(tempfile.mkdtemp()) / "cv.crfsuite"
    g1, p1, p2 = [], [], []
    for f in range(k):
        if only and f not in only:
            continue
        te = [i for i in range(len(sents)) if folds[i] == f]
        tr = _dedup_split(sents, list(range(len(sents))), set(te))
        cf = cache / f"s1_fold{f}_{k}.json" if cache else None
        if cf is not None and cf.exists():
            s1 = {int(i): v for i, v in json.loads(cf.read_text()).items()}
        else:
            s1 = oof_stage1(sents, tr, [folds[i] for i in tr], tmp, iterations, c1, c2, log)
            train([sents[i] for i in tr], tmp, iterations, c1, c2)
            for i, p in zip(te, tag_all([sents[i] for i in te], tmp), strict=True):
                s1[i] = p
            if cf is not None:
                cf.write_text(json.dumps(s1))
        t0 = time.time()
        it_tr = stage2_items(sents, tr, s1, variant)
        _train_items([(it_tr[i], sents[i][1]) for i in tr], tmp, iterations, c1, c2)
        it_te = stage2_items(sents, te, s1, variant)
        tg = pycrfsuite.Tagger()
        tg.open(str(tmp))
        pred = [list(tg.tag(it_te[i])) for i in te]
        gold = [sents[i][1] for i in te]
        first = [s1[i] for i in te]
        log(f"fold {f}: stage 1 F1 {score(gold, first)['overall']['f1']:.4f}, stage 2 F1 "
            f"{score(gold, pred)['overall']['f1']:.4f} ({time.time() - t0:.0f}s)")
        g1 += gold
        p1 += first
        p2 += pred
    tmp.unlink(missing_ok=True)
    return score(g1, p2), score(g1, p1)



#: the feature groups of the model shipped before the clx/embgaz groups
PREV = frozenset({"clusters", "patterns", "affix", "context2"})
#: ablation rows: (label, feature groups, algorithm, WikiFANE sentences)
ABLATION = [
    ("features of the 0.808 model (word, stem, clitic, affixes, shape, +-2 window, gazetteers)", {"affix", "context2"}, "lbfgs", 0),
    ("+ word clusters (SaudiNewsNet word2vec, k-means 64/256/1024)", {"affix", "context2", "clusters"}, "lbfgs", 0),
    ("+ name/organisation patterns (particles, given names, org heads, nisba)", {"affix", "context2", "patterns"}, "lbfgs", 0),
    ("+ clusters + patterns", PREV, "lbfgs", 0),
    ("all groups - affixes", PREV - {"affix"}, "lbfgs", 0),
    ("all groups - +-2 neighbours (+-1 only)", PREV - {"context2"}, "lbfgs", 0),
    ("all groups + 3,000 WikiFANE sentences (PERS/LOC/ORG)", PREV, "lbfgs", 3000),
    ("all groups, averaged perceptron instead of CRF (L-BFGS)", PREV, "ap", 0),
    ("+ more cluster features (stem's clusters, all levels for +-1, coarse levels for +-2)", PREV | {"clx"}, "lbfgs", 0),
    ("+ embedding-similarity gazetteer (per fold)", PREV | {"embgaz"}, "lbfgs", 0),
    ("+ both", PREV | {"clx", "embgaz"}, "lbfgs", 0),
    ("+ letter trigrams of the stem", PREV | {"chars"}, "lbfgs", 0),
    ("+ more cluster features + letter trigrams", PREV | {"clx", "chars"}, "lbfgs", 0),
]


def run_ablation(sents, a) -> list[dict]:
    rows = []
    only = {int(x) for x in a.ablation.split(",")} if a.ablation not in ("all", "") else set(range(len(ABLATION)))
    for i, (label, groups, algo, nwiki) in enumerate(ABLATION):
        if i not in only:
            continue
        ner_features.configure(frozenset(groups))
        extra = wikifane_sentences(a.wikifane, nwiki) if nwiki else []
        t0 = time.time()
        r = cross_validate(sents, a.cv or 5, a.folds, a.iterations, a.c1, a.c2, algo, extra,
                           log=lambda m: print("   ", m, flush=True), only=a.only_folds, neighbours=a.nb, selftrain=a.st)
        row = {"row": i, "label": label, "secs": round(time.time() - t0), **{t: r[t]["f1"] for t in ("overall", "PERS", "LOC", "ORG", "MISC")}}
        print(f"| {label} | {row['overall']:.3f} | {row['PERS']:.3f} | {row['LOC']:.3f} | {row['ORG']:.3f} | {row['MISC']:.3f} |", flush=True)
        rows.append(row)
        if a.ablation_out:  # row by row: a long ablation may be stopped
            with a.ablation_out.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({**row, "iterations": a.iterations, "folds": a.cv or 5, "mode": a.folds,
                                     "only_folds": sorted(a.only_folds or []), "c1": a.c1, "c2": a.c2},
                                    ensure_ascii=False) + "\n")
    ner_features.configure(None)
    return rows


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
    ap.add_argument("--folds", choices=("doc", "sentence"), default="doc",
                    help="doc: contiguous article-level folds (honest); sentence: round-robin sentences (leaks names)")
    ap.add_argument("--iterations", type=int, default=50)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--algorithm", choices=("lbfgs", "ap"), default="lbfgs", help="CRF (L-BFGS) or averaged perceptron")
    ap.add_argument("--wikifane-sents", type=int, default=0, help="WikiFANE sentences added to the training data")
    ap.add_argument("--ablation", default="", help="run the ablation rows (all, or indices 0,1,..) instead of training")
    ap.add_argument("--ablation-out", type=Path, default=None, help="append the ablation rows (JSON lines) here")
    ap.add_argument("--no-final", action="store_true", help="skip training the shipped model")
    ap.add_argument("--no-gazetteer", action="store_true", help="keep the existing gazetteer file")
    ap.add_argument("--lexicons-only", action="store_true", help="only rebuild the word lists")
    ap.add_argument("--only-folds", type=lambda x: {int(v) for v in x.split(",")}, default=None,
                    help="cross-validate on these folds only (screening, e.g. 0)")
    ap.add_argument("--self-train", type=str, default="",
                    help="ARTICLES,MIN_PROB,LIMIT: add corpus sentences the model tags confidently (e.g. 2000,0.9,2000)")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "saudinewsnet_all.jsonl.gz")
    ap.add_argument("--embgaz-seeds", choices=("labels", "lexicons"), default="labels",
                    help="seed names of the embedding gazetteer: ANERcorp labels (per fold) or the gazetteers")
    ap.add_argument("--groups", default="", help="feature groups (comma-separated; default: the shipped ones)")
    ap.add_argument("--clusters", type=Path, default=None, help="another word-cluster table (default: the packaged one)")
    ap.add_argument("--neighbours", type=Path, default=Path("/tmp/ner_neighbours.npz"),
                    help="nearest neighbours of train_word_clusters.py --neighbours (group embgaz)")
    ap.add_argument("--two-stage", choices=ner_features.DOC_VARIANTS, default=None,
                    help="cross-validate the two-stage (document-level label consistency) tagger, variant d or ds")
    ap.add_argument("--stage1-cache", type=Path, default=None, help="folder keeping the first-stage tags per fold")
    ap.add_argument("--vectors", type=Path, default=None, help="dense word vectors (.npz words, X) for group vec")
    ap.add_argument("--vec-scale", type=float, default=1.0, help="the vectors' per-component standard deviation")
    a = ap.parse_args()
    if a.vectors:
        import numpy as np

        z = np.load(a.vectors)
        X = z["X"] * (a.vec_scale / z["X"].std())
        ner_features._vectors.update({str(w): tuple(round(float(x), 4) for x in row) for w, row in zip(z["words"], X, strict=True)})
        print(f"vectors: {len(ner_features._vectors)} words", flush=True)
    if a.groups:
        ner_features.configure(frozenset(a.groups.split(",")))
    _CLUSTERS[0] = a.clusters
    ner_features.override(a.clusters)
    a.nb = load_neighbours(a.neighbours)
    if a.nb is None and "embgaz" in ner_features.active_groups():
        print(f"no neighbours file {a.neighbours}: the embedding gazetteer stays as packaged", flush=True)
    if a.nb is not None and a.embgaz_seeds == "lexicons":
        ner_features.override(a.clusters, build_embgaz_lex(a.nb))
        print(f"embedding gazetteer (gazetteer seeds): {len(ner_features.embgaz())} words", flush=True)
        a.nb = None  # the same table for every fold
        a.embgaz_fixed = True
    a.st = None
    if a.self_train:
        n_art, min_p, lim = a.self_train.split(",")
        a.st = (corpus_sentences(a.corpus, int(n_art)), float(min_p), int(lim))
        print(f"self-training pool: {len(a.st[0])} corpus sentences", flush=True)

    MODELS.mkdir(parents=True, exist_ok=True)
    if not a.no_gazetteer:
        gaz = build_gazetteer(a.wikifane, a.geo)
        (MODELS / "ner_gazetteer.json").write_text(json.dumps(gaz, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print("gazetteer:", {k: len(v) for k, v in gaz.items()}, flush=True)
        ner_features.lexicons.cache_clear()
        ner_features._word_feats.cache_clear()
        ner_features._word_items.cache_clear()  # the tagger's per-word attribute lists

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

    if a.ablation:
        run_ablation(sents, a)
        return 0
    if a.two_stage and a.cv:
        r2, r1 = two_stage_cv(sents, a.cv, a.iterations, a.c1, a.c2, a.two_stage, log=lambda m: print(m, flush=True),
                              only=a.only_folds, cache=a.stage1_cache)
        for name, r in (("stage 1", r1), ("stage 2", r2)):
            print(name + ": | " + " | ".join(f"{r[t]['f1']:.3f}" for t in ("overall", "PERS", "LOC", "ORG", "MISC"))
                  + f" | P {r['overall']['precision']:.3f} R {r['overall']['recall']:.3f}", flush=True)
        if not a.only_folds:
            metrics = {"iterations": a.iterations, "c1": a.c1, "c2": a.c2, "algorithm": "lbfgs", "sentences": len(sents),
                       "wikifane_sentences": 0, "feature_groups": sorted(ner_features.active_groups()),
                       "two_stage": a.two_stage, "cv_folds": a.cv, "cv_fold_mode": "doc", "cv": r2, "cv_stage1": r1}
            (MODELS / "ner_metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
        a.cv = 0  # the final models below (unless --no-final)

    extra = wikifane_sentences(a.wikifane, a.wikifane_sents) if a.wikifane_sents else []
    metrics: dict = {"iterations": a.iterations, "c1": a.c1, "c2": a.c2, "algorithm": a.algorithm,
                     "sentences": len(sents), "wikifane_sentences": len(extra),
                     "feature_groups": sorted(ner_features.active_groups())}
    if a.cv:
        cv = cross_validate(sents, a.cv, a.folds, a.iterations, a.c1, a.c2, a.algorithm, extra,
                            log=lambda m: print(m, flush=True), only=a.only_folds, neighbours=a.nb, selftrain=a.st)
        metrics["cv_folds"] = a.cv
        metrics["cv_fold_mode"] = a.folds
        metrics["cv"] = cv
        for typ, v in cv.items():
            print(f"  {typ:8s} P {v['precision']:.4f} R {v['recall']:.4f} F1 {v['f1']:.4f} n={v['support']}")
    if not a.no_final:
        if (a.nb is not None or getattr(a, "embgaz_fixed", False)) and "embgaz" in ner_features.active_groups():
            table = build_embgaz(sents, a.nb) if a.nb is not None else ner_features.embgaz()
            write_embgaz(table, MODELS / "ner_embgaz.tsv.gz")
            ner_features.override(a.clusters)
            print(f"embedding gazetteer: {len(table)} words", flush=True)
        t0 = time.time()
        train(sents + extra, MODELS / "ner_anercorp.crfsuite", a.iterations, a.c1, a.c2, a.algorithm)
        print(f"final model trained in {time.time() - t0:.0f}s", flush=True)
        doc_model = MODELS / "ner_anercorp_doc.crfsuite"
        if a.two_stage:
            from rasid.actors.ner import DOC_VARIANT

            if a.two_stage != DOC_VARIANT:
                print(f"the tagger runs variant {DOC_VARIANT} (rasid.actors.ner.DOC_VARIANT), not {a.two_stage}")
                return 1
            t0 = time.time()
            s1 = final_stage1(sents, 5, a.iterations, a.c1, a.c2, a.stage1_cache, log=lambda m: print(m, flush=True))
            idx = list(range(len(sents)))
            items = stage2_items(sents, idx, s1, a.two_stage)
            _train_items([(items[i], sents[i][1]) for i in idx], doc_model, a.iterations, a.c1, a.c2)
            print(f"second stage trained in {time.time() - t0:.0f}s", flush=True)
        else:
            doc_model.unlink(missing_ok=True)
    if a.cv and not a.only_folds and not a.two_stage:
        (MODELS / "ner_metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
