"""Near-duplicate groups: MinHash LSH over folded word shingles, persisted in the store
(:mod:`rasid.store.crossdoc`).

Each document gets a MinHash signature (``datasketch``) of its 3-word shingles
taken from the folded text (:func:`rasid.text.fold_key`, so spelling variants
and diacritics do not matter). The signature is cut into ``b`` bands of ``r``
rows; each band is hashed (blake2b, stable across processes) and stored in
``dup_bands``. A new document looks its band hashes up in that table (one
indexed query), verifies the candidates with their stored signatures
(estimated Jaccard >= threshold), and joins (or merges) their groups. Nothing
already stored is recomputed.

In a group the *original* is the earliest published member (ties: the first
one seen); every other member is a *copy* and never counts as independent.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from rasid.store.crossdoc import CrossdocDB, tables
from rasid.text.normalize import char_table

NUM_PERM = 128
THRESHOLD = 0.6  # estimated Jaccard of 3-word shingles for "the same article"
SHINGLE = 3
MIN_SHINGLES = 8  # shorter texts are never grouped (too little evidence)
SEED = 1

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def band_params() -> tuple[int, int]:
    """(bands, rows) that datasketch finds optimal for THRESHOLD and NUM_PERM."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # Creating the permutations is the costly part of MinHash(); copy them.
    return MinHash(num_perm=NUM_PERM, seed=SEED)


def fast_fold(text: str) -> str:
    """:func:`rasid.text.fold` done with ``str.translate`` (C speed) for whole articles."""
    return text.translate(char_table()).lower()


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """The set of k-word shingles of the folded text (bytes, for MinHash)."""
    words = _WORD.findall(fast_fold(text))
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str) -> tuple[np.ndarray, int]:
    """(MinHash hash values as uint32, number of shingles)."""
    sh = shingles(text)
    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=t.permutations, scheme=t.scheme)
    if sh:
        m.update_batch(list(sh))
    return m.hashvalues.astype(np.uint32), len(sh)


def band_hashes(sig: np.ndarray) -> list[int]:
    """One signed 64-bit hash per LSH band (stable across runs)."""
    b, r = band_params()
    out = []
    for i in range(b):
        h = hashlib.blake2b(sig[i * r:(i + 1) * r].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(h, "little", signed=True))
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass
class DupResult:
    doc_id: str
    group_id: str
    original: bool  # this document is the group's original
    similarity: float | None  # best estimated Jaccard to another member


def _group_id(doc_id: str) -> str:
    return "dg-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:12]


def _sort_key(published: str | None, seq: int) -> tuple[str, int]:
    return (published or "9999-99-99", seq)


def add_document(db, doc_id: str, text: str, published: str | None,
                 outlet: str | None) -> DupResult:
    """Index one document and put it in a near-duplicate group (its own if none).
    ``db``: a :class:`rasid.store.crossdoc.CrossdocDB` (or what :func:`~rasid.store.crossdoc.tables` takes)."""
    db = tables(db)
    sig, n = signature(text)
    bands = band_hashes(sig)
    best: dict[str, float] = {}
    if n >= MIN_SHINGLES:
        cands: set[str] = set()
        for i, h in enumerate(bands):
            for d in db.band_members(i, h):
                if d != doc_id:
                    cands.add(d)
        for d in cands:
            stored = db.signature(d)
            if stored is None:
                continue
            j = jaccard(sig, np.frombuffer(stored, dtype=np.uint32))
            if j >= THRESHOLD:
                best[d] = j
    db.put_signature(doc_id, sig.tobytes(), n)
    if n >= MIN_SHINGLES:
        db.add_bands(doc_id, bands)
    sim = max(best.values()) if best else None
    groups: set[str] = set()
    for d in best:
        g = db.group_of(d)
        if g:
            groups.add(g[0])
    if not groups:
        gid = _group_id(doc_id)
    else:
        # Keep the oldest group id (first row written); merge any others into it.
        ordered = sorted(groups, key=db.group_first_row)
        gid = ordered[0]
        for g in ordered[1:]:
            db.rename_group(g, gid)
    db.put_group_member(doc_id, gid, True, sim, published, outlet)
    orig = _reset_original(db, gid)
    return DupResult(doc_id, gid, orig == doc_id, sim)


def _reset_original(db: CrossdocDB, gid: str) -> str:
    rows = db.group_members(gid)
    orig = min(rows, key=lambda r: _sort_key(r[2], r[0]))[1]
    if len(rows) > 1:
        db.set_original(gid, orig)
    return orig


def forget(db, doc_id: str) -> None:
    """Remove a document from the index and its group."""
    db = tables(db)
    g = db.group_of(doc_id)
    db.forget_duplicate(doc_id)
    if g and db.group_exists(g[0]):
        _reset_original(db, g[0])


def group_info(db, doc_ids: list[str]) -> dict[str, tuple[str, bool]]:
    """doc_id -> (group_id, is_copy) for the given documents."""
    db = tables(db)
    out: dict[str, tuple[str, bool]] = {}
    for d in doc_ids:
        g = db.group_of(d)
        out[d] = (g[0], not g[1]) if g else (_group_id(d), False)
    return out


def original_of(db, group_id: str) -> str | None:
    return tables(db).original_of(group_id)
