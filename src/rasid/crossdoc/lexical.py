"""Lexical similarity for stories: tf-idf vectors of folded words.

Two reports of one happening share its rare words (the town, the names, the
figures: 178 hostages, 1332 killed) even when a sentence encoder finds them
only "on the same topic". Words are folded (:func:`rasid.text.fold_key`:
spelling variants and diacritics removed), words of one or two letters are
dropped, weights are ``(1 + log tf) * log(N / df)`` and vectors are
L2-normalised, keeping the ``KEEP_TERMS`` heaviest terms.

Document frequencies come from ``data/docfreq.tsv.gz``: for each folded word
found in at least 20 of the 29,574 articles of the SaudiNewsNet corpus
(Alshehri, 2015; CC BY-NC-SA 4.0, 2015 Saudi newspapers), the number of
articles it occurs in (first line: ``#documents<TAB>N``); rarer words get
``RARE_DF``. Only counts are shipped, no text.
"""

from __future__ import annotations

import gzip
import math
import unicodedata
from functools import lru_cache
from pathlib import Path


DATA = Path(__file__).parent / "data" / "docfreq.tsv.gz"
RARE_DF = 10
KEEP_TERMS = 150
MIN_LEN = 3


@lru_cache(maxsize=1)
def _docfreq() -> tuple[int, dict[str, int]]:
    df: dict[str, int] = {}
    n = 1
    try:
        with gzip.open(DATA, "rt", encoding="utf-8") as f:
            for line in f:
                k, _, v = line.rstrip("\n").partition("\t")
                if k == "#documents":
                    n = int(v)
                elif k:
                    df[k] = int(v)
    except OSError:
        pass
    return max(n, 2 * RARE_DF), df


@lru_cache(maxsize=1)
def _table() -> list[str]:
    from rasid.text.normalize import char_seq

    return char_seq()


def fast_fold(text: str) -> str:
    """:func:`rasid.text.fold_key` for word lists (str.translate, whitespace not collapsed)."""
    return unicodedata.normalize("NFKC", text).translate(_table()).lower()


def term_vector(title: str | None, text: str) -> dict[str, float]:
    """Normalised tf-idf vector of a document's title and text."""
    n, df = _docfreq()
    tf: dict[str, int] = {}
    for w in fast_fold(f"{title or ''} {text}").split():
        if len(w) >= MIN_LEN:
            tf[w] = tf.get(w, 0) + 1
    v = {w: (1.0 + math.log(c)) * math.log(n / df.get(w, RARE_DF)) for w, c in tf.items()}
    top = sorted(v.items(), key=lambda kv: -kv[1])[:KEEP_TERMS]
    norm = math.sqrt(sum(x * x for _, x in top)) or 1.0
    return {w: x / norm for w, x in top}


def norm(v: dict[str, float]) -> float:
    return math.sqrt(sum(x * x for x in v.values())) or 1.0


def cosine(a: dict[str, float], b: dict[str, float], na: float | None = None, nb: float | None = None) -> float:
    """Cosine of two sparse vectors (their norms may be given)."""
    if not a or not b:
        return 0.0
    na = na or norm(a)
    nb = nb or norm(b)
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return sum(x * big.get(w, 0.0) for w, x in small.items()) / (na * nb)
