"""Near-duplicate groups: MinHash LSH over folded word shingles, persisted in SQLite.

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
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

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


def add_document(conn: sqlite3.Connection, doc_id: str, text: str, published: str | None,
                 outlet: str | None) -> DupResult:
    """Index one document and put it in a near-duplicate group (its own if none)."""
    sig, n = signature(text)
    bands = band_hashes(sig)
    best: dict[str, float] = {}
    if n >= MIN_SHINGLES:
        cands: set[str] = set()
        for i, h in enumerate(bands):
            for (d,) in conn.execute("SELECT doc_id FROM dup_bands WHERE band=? AND hash=?", (i, h)):
                if d != doc_id:
                    cands.add(d)
        for d in cands:
            row = conn.execute("SELECT sig FROM dup_sigs WHERE doc_id=?", (d,)).fetchone()
            if row is None:
                continue
            j = jaccard(sig, np.frombuffer(row[0], dtype=np.uint32))
            if j >= THRESHOLD:
                best[d] = j
    conn.execute("INSERT OR REPLACE INTO dup_sigs(doc_id, sig, n_shingles) VALUES (?,?,?)",
                 (doc_id, sig.tobytes(), n))
    if n >= MIN_SHINGLES:
        conn.executemany("INSERT INTO dup_bands(band, hash, doc_id) VALUES (?,?,?)",
                         [(i, h, doc_id) for i, h in enumerate(bands)])
    sim = max(best.values()) if best else None
    groups: set[str] = set()
    for d in best:
        row = conn.execute("SELECT group_id FROM dup_groups WHERE doc_id=?", (d,)).fetchone()
        if row:
            groups.add(row[0])
    if not groups:
        gid = _group_id(doc_id)
    else:
        # Keep the oldest group id (smallest rowid); merge any others into it.
        ordered = sorted(groups, key=lambda g: conn.execute(
            "SELECT MIN(rowid) FROM dup_groups WHERE group_id=?", (g,)).fetchone()[0])
        gid = ordered[0]
        for g in ordered[1:]:
            conn.execute("UPDATE dup_groups SET group_id=? WHERE group_id=?", (gid, g))
    conn.execute("INSERT OR REPLACE INTO dup_groups(doc_id, group_id, original, similarity, published, outlet)"
                 " VALUES (?,?,?,?,?,?)", (doc_id, gid, 1, sim, published, outlet))
    orig = _reset_original(conn, gid)
    return DupResult(doc_id, gid, orig == doc_id, sim)


def _reset_original(conn: sqlite3.Connection, gid: str) -> str:
    rows = conn.execute("SELECT rowid, doc_id, published FROM dup_groups WHERE group_id=?", (gid,)).fetchall()
    orig = min(rows, key=lambda r: _sort_key(r[2], r[0]))[1]
    if len(rows) > 1:
        conn.execute("UPDATE dup_groups SET original = (doc_id = ?) WHERE group_id=?", (orig, gid))
    return orig


def forget(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document from the index and its group."""
    row = conn.execute("SELECT group_id FROM dup_groups WHERE doc_id=?", (doc_id,)).fetchone()
    conn.execute("DELETE FROM dup_bands WHERE doc_id=?", (doc_id,))
    conn.execute("DELETE FROM dup_sigs WHERE doc_id=?", (doc_id,))
    conn.execute("DELETE FROM dup_groups WHERE doc_id=?", (doc_id,))
    if row and conn.execute("SELECT 1 FROM dup_groups WHERE group_id=?", (row[0],)).fetchone():
        _reset_original(conn, row[0])


def group_info(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, tuple[str, bool]]:
    """doc_id -> (group_id, is_copy) for the given documents."""
    out: dict[str, tuple[str, bool]] = {}
    for d in doc_ids:
        row = conn.execute("SELECT group_id, original FROM dup_groups WHERE doc_id=?", (d,)).fetchone()
        out[d] = (row[0], not row[1]) if row else (_group_id(d), False)
    return out


def original_of(conn: sqlite3.Connection, group_id: str) -> str | None:
    row = conn.execute("SELECT doc_id FROM dup_groups WHERE group_id=? AND original=1", (group_id,)).fetchone()
    return row[0] if row else None
