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
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.actors.ner import _TOKEN  # noqa: E402
from rasid.text import fold  # noqa: E402

MODELS = ROOT / "src" / "rasid" / "actors" / "models"
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "saudinewsnet_all.jsonl.gz"
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
    a = ap.parse_args()
    if not a.corpus.exists():
        print(f"corpus not found: {a.corpus}", file=sys.stderr)
        return 1

    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    t0 = time.time()
    sents = sentences(a.corpus, a.max_articles, a.seed)
    ntok = sum(len(s) for s in sents)
    print(f"{len(sents)} paragraphs, {ntok} tokens ({time.time() - t0:.0f}s)", flush=True)

    t0 = time.time()
    w2v = Word2Vec(sents, vector_size=a.dim, window=a.window, min_count=a.min_count, sg=1, negative=5,
                   sample=1e-4, epochs=a.epochs, workers=a.workers, seed=a.seed)
    print(f"word2vec: {len(w2v.wv)} words ({time.time() - t0:.0f}s)", flush=True)
    if a.save_vectors:
        w2v.wv.save(str(a.save_vectors))

    words = w2v.wv.index_to_key[: a.vocab]  # sorted by frequency
    X = np.asarray([w2v.wv[w] for w in words], dtype=np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-8
    ks = [int(k) for k in a.k.split(",")]
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
