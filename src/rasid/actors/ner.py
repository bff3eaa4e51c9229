"""CRF named-entity tagger (PERS, LOC, ORG, MISC) shipped with the package.

The model (``models/ner_anercorp.crfsuite``) is trained by
``scripts/train_ner.py`` on ANERcorp (CC BY-SA 4.0) with gazetteer features
derived from WikiFANE and GeoNames and word clusters learned from SaudiNewsNet
(``scripts/train_word_clusters.py``); it is loaded once (:func:`default_tagger`).
Document-level cross-validated entity F1 0.722 (``models/ner_metrics.json``,
ablation in ``models/ner_ablation.md``). This module reads and writes CoNLL, tags
sentences, converts BIO tags to spans and scores them entity by entity. The
pipeline's tags and marginals come from :mod:`rasid.actors.ner_score` (the same
model scored with numpy, faster; crfsuite is the fallback).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence, TextIO

from rasid.actors.ner_features import sent_items

if TYPE_CHECKING:
    from rasid.actors.ner_score import Scorer

MODEL_FILE = "models/ner_anercorp.crfsuite"
TYPES = ("PERS", "LOC", "ORG", "MISC")
# A token for tagging running text: a word (letters/digits, inner dots such as
# initials stay out) or one punctuation mark, like ANERcorp's tokenisation.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0640\u064b-\u065f\u0670])+|[^\w\s]", re.UNICODE)


# -- CoNLL ---------------------------------------------------------------------
def read_conll(lines: Iterable[str]) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences as (tokens, tags); a missing tag column gives tag ''."""
    toks: list[str] = []
    tags: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n").lstrip("\ufeff")
        if not line.strip():
            if toks:
                yield toks, tags
            toks, tags = [], []
            continue
        parts = line.split()
        if len(parts) >= 2 and _is_tag(parts[-1]):
            toks.append(" ".join(parts[:-1]))
            tags.append(parts[-1])
        else:
            toks.append(" ".join(parts) if parts else line)
            tags.append("")
    if toks:
        yield toks, tags


def _is_tag(s: str) -> bool:
    return s == "O" or (len(s) > 2 and s[1] == "-" and s[0] in "BIE")


def write_conll(out: TextIO, sentences: Iterable[tuple[Sequence[str], Sequence[str]]]) -> None:
    for toks, tags in sentences:
        for t, g in zip(toks, tags):
            out.write(f"{t} {g}\n")
        out.write("\n")


# -- tagging -------------------------------------------------------------------
@dataclass
class Tagger:
    path: Path | None = None

    def __post_init__(self) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        if self.path is None:
            with resources.as_file(resources.files("rasid.actors").joinpath(MODEL_FILE)) as p:
                self._tagger.open(str(p))
        else:
            self._tagger.open(str(self.path))
        # the attributes the model knows (the others are left out of what crfsuite is
        # given: a speed-up only, crfsuite skips an unknown attribute, the scores are
        # the same bit for bit), and the numpy scorer (None: crfsuite alone)
        data = _dump(self._tagger)
        attrs = _block(data, b"ATTRIBUTES", b"num_attrs") if data is not None else None
        self._known = frozenset(attrs) if attrs is not None else None
        self._scorer: Scorer | None = _scorer(data, attrs, self.path) if data is not None and attrs is not None else None

    def tag(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        return list(self._tagger.tag(sent_items(words, self._known)))

    def tag_with_marginals(self, words: Sequence[str]) -> tuple[list[str], list[float]]:
        if self._scorer is not None and words:
            got = self._scorer.tag_many([words])
            if got is not None:
                return got[0]
        tags = self.tag(words)
        probs = [self._tagger.marginal(t, i) for i, t in enumerate(tags)]
        return tags, probs

    def tag_many_with_marginals(self, sents: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        """:meth:`tag_with_marginals` of each sentence (of a document: scored together)."""
        if self._scorer is not None:
            got = self._scorer.tag_many(sents)
            if got is not None:
                return got
        return [self.tag_with_marginals(s) for s in sents]


def _scorer(data: bytes, attrs: dict[bytes, int], path: Path | None) -> Scorer | None:
    """A :class:`rasid.actors.ner_score.Scorer` for the model of dump ``data``, or None
    when its weights cannot be read (crfsuite then tags and scores alone)."""
    from rasid.actors.ner_score import Scorer, read_weights

    labels = _block(data, b"LABELS", b"num_labels")
    if labels is None:
        return None
    try:
        if path is None:
            with resources.as_file(resources.files("rasid.actors").joinpath(MODEL_FILE)) as p:
                w = read_weights(p, attrs, len(labels))
        else:
            w = read_weights(path, attrs, len(labels))
    except (OSError, ValueError):
        return None
    if w is None:
        return None
    names = [b.decode("utf-8") for b, _ in sorted(labels.items(), key=lambda x: x[1])]
    return Scorer(names, attrs, *w)


def _dump(tagger: object) -> bytes | None:
    """The text dump of an open crfsuite model (None when it cannot be written)."""
    import os
    import tempfile

    fd, name = tempfile.mkstemp(suffix=".txt")
    os.close(fd)
    try:
        tagger.dump(name)  # type: ignore[attr-defined]
        with open(name, "rb") as fh:
            return fh.read()
    except Exception:  # noqa: BLE001 - no dump: the plain path
        return None
    finally:
        os.unlink(name)


def _block(data: bytes, title: bytes, count: bytes) -> dict[bytes, int] | None:
    """A block ``TITLE = {`` of ``id: name`` lines of a crfsuite dump as name -> id,
    or None when it is not there in full (its size is the header's ``count``)."""
    m = re.search(rb"\n\s*" + count + rb": (\d+)", data)
    head = b"\n" + title + b" = {\n"
    start = data.find(head)
    end = data.find(b"\n}\n", start + 1)
    if m is None or start < 0 or end < 0:
        return None
    out: dict[bytes, int] = {}
    for ln in data[start + len(head):end].split(b"\n"):
        num, sep, name = ln.lstrip(b" ").partition(b": ")
        if not sep or not num.isdigit():
            return None
        out[name] = int(num)
    return out if len(out) == int(m.group(1)) and sorted(out.values()) == list(range(len(out))) else None


@lru_cache(maxsize=1)
def default_tagger() -> Tagger | None:
    """The packaged model, or None when it is missing (the pipeline goes on)."""
    if not resources.files("rasid.actors").joinpath(MODEL_FILE).is_file():
        return None
    return Tagger()


def tokenize_for_ner(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, token) of ``text[start:end]`` in ANERcorp-like tokens."""
    end = len(text) if end is None else end
    return [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(text[start:end])]


# -- spans and scoring -----------------------------------------------------------
def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(type, start, end) token spans, conlleval style: an I- after another type starts an entity."""
    spans: list[tuple[str, int, int]] = []
    cur: str | None = None
    s = 0
    for i, t in enumerate(list(tags) + ["O"]):
        if t == "O":  # the usual tag: closes an open entity (a speed-up of the general case below)
            if cur is not None:
                spans.append((cur, s, i))
                cur = None
            continue
        typ = t[2:] if len(t) > 2 and t[1] == "-" else None
        begin = t.startswith("B-") or (typ is not None and typ != cur)
        if cur is not None and (typ is None or begin):
            spans.append((cur, s, i))
            cur = None
        if typ is not None and (begin or cur is None):
            cur, s = typ, i
    return spans


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Entity-level precision/recall/F1, micro overall and per type (exact span + type)."""
    tp: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    npred: Counter[str] = Counter()
    for g, p in zip(gold, pred):
        gs, ps = set(bio_spans(g)), set(bio_spans(p))
        for x in gs:
            ng[x[0]] += 1
        for x in ps:
            npred[x[0]] += 1
        for x in gs & ps:
            tp[x[0]] += 1
    out: dict[str, dict[str, float]] = {}
    for typ in sorted(set(ng) | set(npred)) + ["overall"]:
        if typ == "overall":
            t, g_, p_ = sum(tp.values()), sum(ng.values()), sum(npred.values())
        else:
            t, g_, p_ = tp[typ], ng[typ], npred[typ]
        prec = t / p_ if p_ else 0.0
        rec = t / g_ if g_ else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[typ] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "support": g_}
    return out
