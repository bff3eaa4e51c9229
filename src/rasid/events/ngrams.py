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
import struct

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
    nb = n >> 2
    for k in (_UNPACK[nb] if nb < len(_UNPACK) else struct.Struct("<%dI" % nb).unpack_from)(data):
        k = (k * _C1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        h ^= (k * _C2) & _MASK
        h = ((h << 13) | (h >> 19)) & _MASK
        h = (h * 5 + 0xE6546B64) & _MASK
    end = nb << 2
    if n > end:  # the tail (1-3 bytes), little-endian
        k = (int.from_bytes(data[end:], "little") * _C1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        h ^= (k * _C2) & _MASK
    h ^= n
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK
    h ^= h >> 16
    return h - (1 << 32) if h & 0x80000000 else h


#: the 4-byte blocks of a string, all at once (by the number of blocks)
_UNPACK = [struct.Struct("<%dI" % i).unpack_from for i in range(64)]


def murmurhash3_32_many(data: list[bytes]) -> np.ndarray:
    """:func:`murmurhash3_32` (seed 0) of many byte strings at once, as int64
    (numpy, the blocks of all the strings side by side)."""
    n = len(data)
    lens = np.fromiter((len(d) for d in data), dtype=np.int64, count=n)
    width = (int(lens.max(initial=0)) // 4 + 1) * 4  # room for every string's tail and block
    buf = np.zeros((n, width), dtype=np.uint8)
    flat = np.frombuffer(b"".join(data), dtype=np.uint8)
    starts = np.cumsum(lens) - lens
    buf[np.repeat(np.arange(n), lens), np.arange(len(flat)) - np.repeat(starts, lens)] = flat
    blocks = buf.view("<u4").astype(np.uint64)
    nblocks = lens // 4
    m = np.uint64(_MASK)
    h = np.zeros(n, dtype=np.uint64)
    for j in range(int(nblocks.max(initial=0))):
        k = (blocks[:, j] * np.uint64(_C1)) & m
        k = ((k << np.uint64(15)) | (k >> np.uint64(17))) & m
        k = (k * np.uint64(_C2)) & m
        x = h ^ k
        x = ((x << np.uint64(13)) | (x >> np.uint64(19))) & m
        x = (x * np.uint64(5) + np.uint64(0xE6546B64)) & m
        h = np.where(nblocks > j, x, h)
    rows = np.arange(n)
    t0 = nblocks * 4
    # the tail (up to 3 bytes; the bytes past the string are zeros, and a zero k changes nothing)
    k = (buf[rows, t0].astype(np.uint64) | (buf[rows, t0 + 1].astype(np.uint64) << np.uint64(8))
         | (buf[rows, t0 + 2].astype(np.uint64) << np.uint64(16)))
    k = (k * np.uint64(_C1)) & m
    k = ((k << np.uint64(15)) | (k >> np.uint64(17))) & m
    k = (k * np.uint64(_C2)) & m
    h ^= k
    h ^= lens.astype(np.uint64)
    h ^= h >> np.uint64(16)
    h = (h * np.uint64(0x85EBCA6B)) & m
    h ^= h >> np.uint64(13)
    h = (h * np.uint64(0xC2B2AE35)) & m
    h ^= h >> np.uint64(16)
    out = h.astype(np.int64)
    return np.where(out >= 1 << 31, out - (1 << 32), out)


def _buckets_many(grams: list[str], n_features: int) -> list[int]:
    """:func:`_bucket` of many n-grams at once."""
    h = murmurhash3_32_many([g.encode("utf-8") for g in grams])
    out = np.abs(h) % n_features
    out[h == -2147483648] = (2147483647 - (n_features - 1)) % n_features
    return out.tolist()


def _fill(cache: dict[str, int], grams: list[str], n_features: int) -> None:
    """Put the columns of the n-grams not in ``cache`` there (hashed together when
    there are enough of them); a full cache is emptied."""
    new = [g for g in dict.fromkeys(grams) if g not in cache]
    if not new:
        return
    if len(cache) + len(new) > _CACHE_SIZE:
        cache.clear()
        new = list(dict.fromkeys(grams))
    cache.update(zip(new, _buckets_many(new, n_features) if len(new) >= _MANY else
                     [_bucket(g, n_features) for g in new], strict=True))


#: fewer new n-grams are hashed one by one (numpy's set-up costs more); word n-grams
#: (:func:`counts`) are always: their long strings make many rounds of the block loop
_MANY = 64


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
    words = text.lower().split()
    new = [w for w in dict.fromkeys(words) if w not in cache]
    if new:  # their n-grams hashed together
        if len(cache) + len(new) > _CACHE_SIZE:
            cache.clear()
            new = list(dict.fromkeys(words))
        grams = {w: char_wb_ngrams(w, lo, hi) for w in new}
        buckets = _bucket_cache(n_features)
        _fill(buckets, [g for gs in grams.values() for g in gs], n_features)
        for w, gs in grams.items():
            cache[w] = tuple([buckets[g] for g in gs])
    cols: list[int] = []
    for w in words:
        cols += cache[w]
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


def _bucket_cache(n_features: int) -> dict[str, int]:
    cache = _BUCKETS.get(n_features)
    if cache is None:
        cache = _BUCKETS[n_features] = {}
    return cache


def _count(buckets: list[int]) -> tuple[np.ndarray, np.ndarray]:
    if not buckets:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64)
    x = np.array(buckets, dtype=np.int32)  # (columns < 2**31) sorted, runs counted: np.unique's work, less its overhead
    x.sort()
    first = np.flatnonzero(np.concatenate((_TRUE, x[1:] != x[:-1])))
    return x[first], np.diff(np.append(first, len(x))).astype(np.float64)


_TRUE = np.ones(1, dtype=bool)


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
