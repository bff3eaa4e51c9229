"""CRF named-entity tagger (PERS, LOC, ORG, MISC) shipped with the package.

The model (``models/ner_anercorp.crfsuite``) is trained by
``scripts/train_ner.py`` on ANERcorp (CC BY-SA 4.0) with gazetteer features
derived from WikiFANE and GeoNames and word clusters learned from SaudiNewsNet
(``scripts/train_word_clusters.py``); it is loaded once (:func:`default_tagger`).
Document-level cross-validated entity F1 0.722 (``models/ner_metrics.json``,
ablation in ``models/ner_ablation.md``). An optional second stage
(``models/ner_anercorp_doc.crfsuite``, ``train_ner.py --two-stage d``; not shipped:
0.745 in the same CV, but the pipeline's real-set figures fell) tags the document
again knowing how the first tagged each word's other occurrences in it
(document-level label consistency); the tagger runs it when the file is there. This module reads and writes CoNLL, tags
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
#: the second stage (document-level label consistency): a CRF with the features of the
#: first plus :func:`rasid.actors.ner_features.doc_context` of the first stage's tags of
#: the whole document (variant :data:`DOC_VARIANT`); the tagger runs it when the file is there
DOC_MODEL_FILE = "models/ner_anercorp_doc.crfsuite"
DOC_VARIANT = "d"


class _Model:
    """One crfsuite model: the tagger, the attributes it knows and the numpy scorer."""

    def __init__(self, path: Path | None, resource: str) -> None:
        import pycrfsuite

        self.tagger = pycrfsuite.Tagger()
        if path is None:
            with resources.as_file(resources.files("rasid.actors").joinpath(resource)) as p:
                self.tagger.open(str(p))
        else:
            self.tagger.open(str(path))
        # the attributes the model knows (the others are left out of what crfsuite is
        # given: a speed-up only, crfsuite skips an unknown attribute, the scores are
        # the same bit for bit), and the numpy scorer (None: crfsuite alone)
        data = _dump(self.tagger)
        attrs = _block(data, b"ATTRIBUTES", b"num_attrs") if data is not None else None
        self.known = frozenset(attrs) if attrs is not None else None
        self.scorer: Scorer | None = _scorer(data, attrs, path, resource) if data is not None and attrs is not None else None

    def tag(self, words: Sequence[str], extra: Sequence[Sequence[str]] | None = None) -> list[str]:
        items = sent_items(words, self.known)
        if extra is not None:
            items = [it + [a.encode() for a in ex] for it, ex in zip(items, extra, strict=True)]
        return list(self.tagger.tag(items))


@dataclass
class Tagger:
    """The NER tagger: the first-stage model and, when there is one, the second
    (document-level) stage. ``path``: another first-stage model; ``doc_path``: its second
    stage (with ``path`` None: the packaged one when it is there)."""

    path: Path | None = None
    doc_path: Path | None = None

    def __post_init__(self) -> None:
        self._m1 = _Model(self.path, MODEL_FILE)
        self._tagger = self._m1.tagger
        self._known = self._m1.known
        self._scorer = self._m1.scorer
        self._m2: _Model | None = None
        if self.doc_path is not None:
            self._m2 = _Model(self.doc_path, DOC_MODEL_FILE)
        elif self.path is None and resources.files("rasid.actors").joinpath(DOC_MODEL_FILE).is_file():
            self._m2 = _Model(None, DOC_MODEL_FILE)

    def _first(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        """The first stage's tags of each sentence."""
        got = self._scorer.tag_many(sents) if self._scorer is not None else None
        if got is not None:
            return [t for t, _ in got]
        return [self._m1.tag(s) if s else [] for s in sents]

    def tag(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        if self._m2 is None:
            return self._m1.tag(words)
        return self._m2.tag(words, self._context([words])[0])

    def _context(self, sents: Sequence[Sequence[str]]) -> list[list[list[str]]]:
        from rasid.actors.ner_features import doc_context

        return doc_context(sents, self._first(sents), DOC_VARIANT)

    def tag_with_marginals(self, words: Sequence[str]) -> tuple[list[str], list[float]]:
        return self.tag_many_with_marginals([words])[0]

    def tag_many_with_marginals(self, sents: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        """Tags and the marginal of each tag of the sentences of a document (scored
        together; the second stage sees the first stage's tags of them all)."""
        m = self._m1 if self._m2 is None else self._m2
        extra = None if self._m2 is None else self._context(sents)
        if m.scorer is not None:
            got = m.scorer.tag_many(sents, extra)
            if got is not None:
                return got
        out: list[tuple[list[str], list[float]]] = []
        for k, words in enumerate(sents):
            if not words:
                out.append(([], []))
                continue
            tags = m.tag(words, None if extra is None else extra[k])
            out.append((tags, [m.tagger.marginal(t, i) for i, t in enumerate(tags)]))
        return out


def _scorer(data: bytes, attrs: dict[bytes, int], path: Path | None, resource: str = MODEL_FILE) -> Scorer | None:
    """A :class:`rasid.actors.ner_score.Scorer` for the model of dump ``data``, or None
    when its weights cannot be read (crfsuite then tags and scores alone)."""
    from rasid.actors.ner_score import Scorer, read_weights

    labels = _block(data, b"LABELS", b"num_labels")
    if labels is None:
        return None
    try:
        if path is None:
            with resources.as_file(resources.files("rasid.actors").joinpath(resource)) as p:
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
