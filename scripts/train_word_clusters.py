#!/usr/bin/env python3
"""Learn word clusters for the NER model from unlabelled Arabic news.

    nice -n 10 python scripts/train_word_clusters.py [--epochs 3] [--dim 100]

1. Reads ``../shared/data/corpus/saudinewsnet_all.jsonl.gz`` (SaudiNewsNet,
   29,574 articles of 14 Saudi outlets, July-August 2015, CC BY-NC-SA 4.0;
   only derived statistics ship, never the texts), folds each article with
   :func:`rasid.text.fold` and tokenises it like the NER tagger.
2. Trains skip-gram word2vec embeddings (gensim) on the folded tokens.
3. Clusters the vectors of the most frequent words with k-means at several
   granularities (coarse to fine) and writes the small table
   ``src/rasid/actors/models/ner_clusters.tsv.gz``: ``word<TAB>c1<TAB>c2...``.

The NER features (``rasid.actors.ner_features``) use the cluster ids of the
word, of its stem after proclitics and of its neighbours: a name never seen in
ANERcorp still shares a cluster with the names it appears like in the news.
Budget on a shared 2-core machine: about 5-8 minutes with the defaults.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.actors.ner import _TOKEN  # noqa: E402
from rasid.text import fold  # noqa: E402

MODELS = ROOT / "src" / "rasid" / "actors" / "models"
CORPUS = Path(os.environ.get("RASID_SHARED") or ROOT.parent / "shared") / "data" / "corpus" / "saudinewsnet_all.jsonl.gz"
OUT = MODELS / "ner_clusters.tsv.gz"


def sentences(path: Path, max_articles: int, seed: int) -> list[list[str]]:
    """Folded token lists, one per paragraph, of (a sample of) the corpus."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        arts = [json.loads(ln) for ln in fh if ln.strip()]
    if max_articles and len(arts) > max_articles:
        arts = random.Random(seed).sample(arts, max_articles)
    out: list[list[str]] = []
    for a in arts:
        text = fold((a.get("title") or "") + "\n" + (a.get("text") or ""))
        for para in text.split("\n"):
            toks = [sys.intern(t) for t in _TOKEN.findall(para)]
            if len(toks) >= 3:
                out.append(toks)
    return out


def write_neighbours(path: Path, words: list[str], X, k: int, chunk: int = 1000) -> None:
    """The ``k`` nearest words (cosine, the word itself left out) of each word: ``words``, ``nb`` (row indices)."""
    import numpy as np

    nb = np.zeros((len(words), k), dtype=np.int32)
    for i in range(0, len(words), chunk):
        sim = X[i:i + chunk] @ X.T
        sim[np.arange(sim.shape[0]), np.arange(i, i + sim.shape[0])] = -2.0
        top = np.argpartition(-sim, k, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(sim, top, axis=1), axis=1)
        nb[i:i + chunk] = np.take_along_axis(top, order, axis=1)
    np.savez_compressed(path, words=np.asarray(words), nb=nb)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--max-articles", type=int, default=0, help="random sample of articles (0: all)")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--vocab", type=int, default=120000, help="most frequent words that get clusters")
    ap.add_argument("--k", type=str, default="64,256,1024", help="k-means granularities, coarse to fine")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save-vectors", type=Path, default=None, help="also keep the word vectors (not shipped)")
    ap.add_argument("--from-vectors", type=Path, default=None, help="load word vectors saved by --save-vectors (no training)")
    ap.add_argument("--neighbours", type=Path, default=None,
                    help="also write the nearest neighbours of each clustered word (.npz, for the embedding gazetteer of train_ner.py)")
    ap.add_argument("--n-neighbours", type=int, default=10)
    a = ap.parse_args()
    if not a.from_vectors and not a.corpus.exists():
        print(f"corpus not found: {a.corpus}", file=sys.stderr)
        return 1

    import numpy as np
    from gensim.models import KeyedVectors, Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    if a.from_vectors:
        wv = KeyedVectors.load(str(a.from_vectors))
    else:
        t0 = time.time()
        sents = sentences(a.corpus, a.max_articles, a.seed)
        ntok = sum(len(s) for s in sents)
        print(f"{len(sents)} paragraphs, {ntok} tokens ({time.time() - t0:.0f}s)", flush=True)

        t0 = time.time()
        w2v = Word2Vec(sents, vector_size=a.dim, window=a.window, min_count=a.min_count, sg=1, negative=5,
                       sample=1e-4, epochs=a.epochs, workers=a.workers, seed=a.seed)
        wv = w2v.wv
        print(f"word2vec: {len(wv)} words ({time.time() - t0:.0f}s)", flush=True)
        if a.save_vectors:
            wv.save(str(a.save_vectors))

    words = wv.index_to_key[: a.vocab]  # sorted by frequency
    X = np.asarray([wv[w] for w in words], dtype=np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-8
    if a.neighbours:
        t0 = time.time()
        write_neighbours(a.neighbours, words, X, a.n_neighbours)
        print(f"neighbours: {a.neighbours} ({time.time() - t0:.0f}s)", flush=True)
    ks = [int(k) for k in a.k.split(",") if k]
    if not ks:  # --k "": neighbours only
        return 0
    labels = []
    for k in ks:
        t0 = time.time()
        km = MiniBatchKMeans(n_clusters=k, random_state=a.seed, batch_size=4096, n_init=1, max_iter=50)
        labels.append(km.fit_predict(X))
        print(f"k-means k={k} ({time.time() - t0:.0f}s)", flush=True)

    a.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(a.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# Word clusters (k-means over skip-gram word2vec vectors) at k=" + ",".join(map(str, ks))
                 + "; derived from SaudiNewsNet (CC BY-NC-SA 4.0) by scripts/train_word_clusters.py\n")
        for i, w in enumerate(words):
            fh.write(w + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    print(f"wrote {a.out} ({a.out.stat().st_size / 1e6:.1f} MB, {len(words)} words)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
