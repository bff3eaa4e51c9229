"""Hashed n-gram counts, as scikit-learn's ``HashingVectorizer`` gives them.

The sentence classifier (:mod:`rasid.events.classifier`) was trained on the
counts of ``HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5))`` and
``HashingVectorizer(analyzer="word", ngram_range=(1, 2))`` (``lowercase=True``,
``alternate_sign=False``, ``norm=None``). Importing scikit-learn costs about
3 s, more than the classifier's whole work on a corpus of articles, so this
module computes the same counts itself: the same analyzers, the same signed
32-bit MurmurHash3 (seed 0) of each n-gram's UTF-8 bytes, the same bucket
(``abs(h) % n_features``), duplicates summed, columns sorted.
``tests/events/test_events_classifier.py`` checks it against scikit-learn.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

_MASK = 0xFFFFFFFF
_C1 = 0xCC9E2D51
_C2 = 0x1B873593
_WHITE_SPACES = re.compile(r"\s\s+")  # HashingVectorizer._white_spaces
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # its default token_pattern


def murmurhash3_32(data: bytes, seed: int = 0) -> int:
    """MurmurHash3 x86 32-bit of ``data``, as a signed int (sklearn's murmurhash3_bytes_s32)."""
    h = seed & _MASK
    n = len(data)
    end = n - n % 4
    for i in range(0, end, 4):
        k = int.from_bytes(data[i:i + 4], "little")
        k = (k * _C1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        k = (k * _C2) & _MASK
        h ^= k
        h = ((h << 13) | (h >> 19)) & _MASK
        h = (h * 5 + 0xE6546B64) & _MASK
    tail = n - end
    if tail:
        k = 0
        if tail == 3:
            k ^= data[end + 2] << 16
        if tail >= 2:
            k ^= data[end + 1] << 8
        k ^= data[end]
        k = (k * _C1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        k = (k * _C2) & _MASK
        h ^= k
    h ^= n
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK
    h ^= h >> 16
    return h - (1 << 32) if h & 0x80000000 else h


def bucket(gram: str, n_features: int) -> int:
    """The column of one n-gram (FeatureHasher, alternate_sign=False); cached."""
    cache = _BUCKETS.get(n_features)
    if cache is None:
        cache = _BUCKETS[n_features] = {}
    hit = cache.get(gram)
    if hit is None:
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        hit = cache[gram] = _bucket(gram, n_features)
    return hit


#: n_features -> {n-gram: column}; a plain dict (an lru_cache costs more per hit);
#: a full cache is emptied
_BUCKETS: dict[int, dict[str, int]] = {}
_CACHE_SIZE = 1 << 19


def _bucket(gram: str, n_features: int) -> int:
    h = murmurhash3_32(gram.encode("utf-8"))
    if h == -2147483648:
        return (2147483647 - (n_features - 1)) % n_features
    return abs(h) % n_features


def char_wb_ngrams(text: str, lo: int, hi: int) -> list[str]:
    """Character n-grams inside word boundaries, words padded with a space
    (HashingVectorizer's ``char_wb`` analyzer, lower-cased)."""
    text = _WHITE_SPACES.sub(" ", text.lower())
    grams: list[str] = []
    for w in text.split():
        w = " " + w + " "
        w_len = len(w)
        for n in range(lo, hi + 1):
            offset = 0
            grams.append(w[offset:offset + n])
            while offset + n < w_len:
                offset += 1
                grams.append(w[offset:offset + n])
            if offset == 0:  # a short word (w_len < n) is counted once
                break
    return grams


def _word_char_buckets(w: str, lo: int, hi: int, n_features: int) -> tuple[int, ...]:
    """The columns of the char_wb n-grams of one word (already lower-cased)."""
    return tuple(bucket(g, n_features) for g in char_wb_ngrams(w, lo, hi))


#: (lo, hi, n_features) -> {word: its columns} (:func:`_word_char_buckets`); a full cache is emptied
_WORD_BUCKETS: dict[tuple[int, int, int], dict[str, tuple[int, ...]]] = {}


def char_wb_counts(text: str, lo: int, hi: int, n_features: int) -> tuple[np.ndarray, np.ndarray]:
    """``counts(char_wb_ngrams(text, lo, hi), n_features)``, cached word by word
    (a char_wb n-gram never crosses a word)."""
    key = (lo, hi, n_features)
    cache = _WORD_BUCKETS.get(key)
    if cache is None:
        cache = _WORD_BUCKETS[key] = {}
    cols: list[int] = []
    for w in text.lower().split():
        hit = cache.get(w)
        if hit is None:
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            hit = cache[w] = _word_char_buckets(w, lo, hi, n_features)
        cols += hit
    return _count(cols)


def word_ngrams(text: str, lo: int, hi: int) -> list[str]:
    """Word n-grams of the tokens of two or more word characters (the ``word`` analyzer, lower-cased)."""
    toks = _TOKEN.findall(text.lower())
    grams = list(toks) if lo == 1 else []
    for n in range(max(lo, 2), min(hi + 1, len(toks) + 1)):
        grams += [" ".join(toks[i:i + n]) for i in range(len(toks) - n + 1)]
    return grams


def counts(grams: list[str], n_features: int) -> tuple[np.ndarray, np.ndarray]:
    """(columns ascending as int32, counts as float64) of hashed n-grams: one row of the csr matrix."""
    return _count([bucket(g, n_features) for g in grams])


def _count(buckets: list[int]) -> tuple[np.ndarray, np.ndarray]:
    if not buckets:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64)
    n = Counter(buckets)  # (cheaper than np.unique for a sentence's few hundred columns)
    cols = sorted(n)
    return np.array(cols, dtype=np.int32), np.array([n[c] for c in cols], dtype=np.float64)


def count_matrix(rows: list[list[str]], n_features: int):
    """csr matrix (len(rows), n_features) of hashed n-gram counts, like HashingVectorizer.transform."""
    from scipy import sparse

    indptr = [0]
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    for grams in rows:
        c, v = counts(grams, n_features)
        cols.append(c)
        vals.append(v)
        indptr.append(indptr[-1] + len(c))
    return sparse.csr_matrix(
        (np.concatenate(vals) if vals else np.zeros(0), np.concatenate(cols) if cols else np.zeros(0, dtype=np.int32),
         np.array(indptr, dtype=np.int32)),
        shape=(len(rows), n_features),
    )
