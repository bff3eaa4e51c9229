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

A copy must also agree on what differs between the instances of a template
(congratulation or condolence cables, daily strike reports, death notices:
the same wording, another name, country, figure or day). Each document keeps
its *keys*: the folded words of its named entities' mentions (people, places,
organisations; when the analysed document is given), its figures and its
weekday names. Two documents whose leads (first ``LEAD_CHARS`` characters)
each hold a key the other lacks entirely are two instances of a template,
not copies (a syndicated copy that trims the end or adds a dateline adds
keys on one side only). The keys are stored after the MinHash values in the
same ``dup_sigs.sig`` blob (an older blob without them agrees with any).

In a group the *original* is the earliest published member (ties: the first
one seen); every other member is a *copy* and never counts as independent.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from rasid import lang
from rasid.store.crossdoc import CrossdocDB, tables
from rasid.text.normalize import char_seq

NUM_PERM = 128
THRESHOLD = 0.6  # estimated Jaccard of 3-word shingles for "the same article"
SHINGLE = 3
MIN_SHINGLES = 8  # shorter texts are never grouped (too little evidence)
SEED = 1
#: a second set of bands, of fewer rows, for the candidates only (verification
#: stays at THRESHOLD): with datasketch's 18 x 7 for 0.6, a pair at Jaccard 0.6
#: is a candidate with probability 0.4 and at 0.7 with 0.79 (a syndicated text
#: inside a longer article, Jaccard 0.62, was missed). 32 x 4 makes them 0.99 and
#: 1.0. Stored as band numbers WIDE_BASE + i next to the others (a store written
#: before them keeps working: its documents are found through the first bands).
#: (0, 0): off
WIDE_BANDS = (32, 4)
WIDE_BASE = 100
#: the part of a text whose keys must not disagree (a template's names, figures
#: and day are in its first sentence; a copy may cut or add at the end)
LEAD_CHARS = 400
#: entity kinds whose mention words are keys
KEY_KINDS = ("person", "place", "organization", "actor")

_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")


_NUM_BIT = 1 << 31  # set in the hash of a figure's key, clear in the others


@lru_cache(maxsize=1)
def _name_words_data() -> tuple[frozenset, re.Pattern]:
    """(stop words, joiner pattern) of names (``data/name_words.tsv``): the
    words of names that say nothing about which instance (kinship and article
    words, joiners), and a pattern joining "عبد العزيز" to "عبدالعزيز"."""
    rows = lang.rows("crossdoc/data/name_words.tsv", 2, fold=fast_fold)
    stop = frozenset(w for w, _ in rows)
    joins = sorted(w for w, role in rows if role == "join")
    return stop, re.compile(r"\b(" + "|".join(map(re.escape, joins)) + ") ")


@lru_cache(maxsize=1)
def _weekdays() -> frozenset:
    """Weekday names, folded (``times/data/weekdays.tsv``): the day of the happening is a key."""
    return frozenset(r[0] for r in lang.rows("times/data/weekdays.tsv", 2, fold=fast_fold, unique_key=False))


@dataclass(frozen=True)
class Keys:
    """What must agree between copies.

    ``lead``: the items of the first ``LEAD_CHARS`` characters, each a set of
    alternative key hashes (an entity: its canonical name and the words of its
    mention, so "الدولة الإسلامية" and "داعش" agree through the canonical name;
    a figure or a weekday: one hash); ``all``: the hashes of every word of the
    text (three letters or more), figure and canonical name (so a name the NER
    missed on one side still counts as said); ``names``: those of its entities,
    figures and days only (what a story keeps of its members)."""
    lead: tuple
    all: frozenset
    names: frozenset = frozenset()

    def missing(self, other: "Keys", numbers: bool = True) -> list:
        """Lead items of which the other text has none of the alternatives."""
        return [it for it in self.lead if not (it & other.all) and (numbers or not is_number_item(it))]

    def conflicts(self, other: "Keys", numbers: bool = True) -> bool:
        """Each lead holds an item the other text lacks: two instances of a template
        (``numbers``: a figure counts; else only names and days)."""
        return bool(self.missing(other, numbers)) and bool(other.missing(self, numbers))


def is_number_item(item: frozenset) -> bool:
    return all(h & _NUM_BIT for h in item)


def key_hash(k: str) -> int:
    h = _KEY_HASHES.get(k)
    if h is None:
        h = int.from_bytes(hashlib.blake2b(k.encode("utf-8"), digest_size=4).digest(), "little")
        h = (h | _NUM_BIT) if k.startswith("#") else (h & ~_NUM_BIT)
        if len(_KEY_HASHES) >= 1 << 18:
            _KEY_HASHES.clear()
        _KEY_HASHES[k] = h
    return h


#: key -> :func:`key_hash` (the same words recur from article to article); a full cache is emptied
_KEY_HASHES: dict[str, int] = {}


def _text_keys(folded: str, at: int | None = None) -> list[tuple[int, frozenset]]:
    """(position, or ``at`` for all, item) of the figures (years left out) and
    weekday names of a folded text."""
    out = [(m.start() if at is None else at, frozenset([key_hash("#" + m.group().lstrip("0"))]))
           for m in _DIGITS.finditer(folded) if not 1300 <= int(m.group()) <= 2100]
    out += [(m.start() if at is None else at, frozenset([key_hash(m.group())]))
            for m in _WORD.finditer(folded) if m.group() in _weekdays()]
    return out


def _name_words(surface: str) -> list[str]:
    stop, join = _name_words_data()
    return [w for w in _WORD.findall(join.sub(r"\1", fast_fold(surface)))
            if len(w) >= 3 and w not in stop]


def doc_keys(text: str, entities=None) -> Keys:
    """The keys of a text and (optionally) of its analysed entities
    (:class:`rasid.model.document.Entity`: canonical names and mention words)."""
    # folding only drops characters: the lead's keys keep positions below LEAD_CHARS
    folded = fast_fold(text)
    found = _text_keys(fast_fold(text[:LEAD_CHARS])) + _text_keys(fast_fold(text[LEAD_CHARS:]), LEAD_CHARS)
    for e in entities or ():
        if e.kind not in KEY_KINDS:
            continue
        canon = frozenset(key_hash("=" + fast_fold(n)) for n in (e.name, e.name_ar) if n)
        for m in e.mentions:
            words = frozenset(key_hash(w) for w in _name_words(m.text or ""))
            if words:
                found.append((m.start, canon | words))
    lead = tuple(sorted({it for i, it in found if i < LEAD_CHARS}, key=sorted))
    names = frozenset(h for _, it in found for h in it)
    words = frozenset(key_hash(w) for w in _WORD.findall(_name_words_data()[1].sub(r"\1", folded)) if len(w) >= 3)
    return Keys(lead, names | words, names)


def _pack_keys(keys: Keys) -> bytes:
    out = [len(keys.lead)]
    for it in keys.lead:
        out += [len(it), *sorted(it)]
    return np.array(out + sorted(keys.all), dtype=np.uint32).tobytes()


def _unpack(blob: bytes) -> tuple[np.ndarray, Keys | None]:
    """(MinHash values, keys or None when the blob predates them)."""
    arr = np.frombuffer(blob, dtype=np.uint32)
    if len(arr) <= NUM_PERM:
        return arr, None
    i, items = NUM_PERM + 1, []
    for _ in range(int(arr[NUM_PERM])):
        n = int(arr[i])
        items.append(frozenset(int(x) for x in arr[i + 1:i + 1 + n]))
        i += 1 + n
    return arr[:NUM_PERM], Keys(tuple(items), frozenset(int(x) for x in arr[i:]))


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
    return text.translate(char_seq()).lower()


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
    return _bands(sig, b, r)


def _bands(sig: np.ndarray, b: int, r: int) -> list[int]:
    out = []
    for i in range(b):
        h = hashlib.blake2b(sig[i * r:(i + 1) * r].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(h, "little", signed=True))
    return out


def all_band_hashes(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band number, hash) of the bands and of the ``WIDE_BANDS``."""
    out = list(enumerate(band_hashes(sig)))
    b, r = WIDE_BANDS
    if b and r:
        out += [(WIDE_BASE + i, h) for i, h in enumerate(_bands(sig, b, r))]
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
    #: documents worded like this one (Jaccard >= THRESHOLD) whose names or days
    #: differ: instances of one template, so other happenings
    siblings: list[str] = field(default_factory=list)
    #: the document's :func:`doc_keys` (computed here; the story stage reuses them)
    keys: "Keys | None" = field(default=None, repr=False, compare=False)


def _group_id(doc_id: str) -> str:
    return "dg-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:12]


def _sort_key(published: str | None, seq: int) -> tuple[str, int]:
    return (published or "9999-99-99", seq)


def add_document(db, doc_id: str, text: str, published: str | None,
                 outlet: str | None, entities=None, pre: tuple | None = None) -> DupResult:
    """Index one document and put it in a near-duplicate group (its own if none).
    ``db``: a :class:`rasid.store.crossdoc.CrossdocDB` (or what :func:`~rasid.store.crossdoc.tables` takes);
    ``entities``: the analysed document's entities (their names are keys that a copy shares)."""
    db = tables(db)
    # ``pre``: (signature, shingles, keys) already computed from this text and entities
    sig, n, keys = pre if pre is not None else (*signature(text), doc_keys(text, entities))
    bands = all_band_hashes(sig)
    best: dict[str, float] = {}
    siblings: list[str] = []
    if n >= MIN_SHINGLES:
        cands = set(db.bands_members(bands)) - {doc_id}
        for d in sorted(cands):
            stored = db.signature(d)
            if stored is None:
                continue
            other, other_keys = _unpack(stored)
            j = jaccard(sig, other)
            if j < THRESHOLD:
                continue
            if other_keys is None or not keys.conflicts(other_keys):
                best[d] = j
            elif keys.conflicts(other_keys, numbers=False):
                siblings.append(d)  # the same template, another name or day
    db.put_signature(doc_id, sig.tobytes() + _pack_keys(keys), n)
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
    return DupResult(doc_id, gid, orig == doc_id, sim, sorted(siblings), keys)


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
