"""Eventness: does a trigger mention report a specific happening?

Every trigger mention that survives the precise rules of
:mod:`rasid.events.detect` (blockers, "أي هجوم", publishing نشر, ...) and has
its arguments and modality is scored by one learned, calibrated decision: a
logistic regression over mention-level features (:func:`features`):

- the trigger: type, trigger form (lemma), mode, strong/weak, verb or verbal
  noun, the context support detect found;
- its morphology: definite (ال), construct state (a noun followed by a
  definite noun or a name: "اغتيال الحريري"), headed by a frame noun
  ("قضية اغتيال"، "محاولات اغتيال"، "مكافحة الخطف"), bare plural;
- tense and particles: perfect or imperfect verb, a future verb or particle
  (سوف، سـ، لن), negators, conditionals, quantifiers (كل، أي), habitual
  adverbs, "منذ"-like landmarks, a trial, charge or inquiry word in the
  sentence (``data/eventness.tsv``);
- the arguments earlier stages found: actor, recipient, place, date, counts,
  the claim and its stance, the modality;
- position: headline, clause-initial, tokens before the trigger in its
  clause; the neighbouring words (the sentence's position and length are left
  out: every GSR document is one sentence, so they would only tell the data
  sets apart);
- the sentence classifier's P(type) (:mod:`rasid.events.classifier`, ASSAULT
  and PROTEST).

The model is trained by ``scripts/train_eventness.py`` and shipped as
``models/eventness.json`` (feature names, weights, per-type thresholds and
how they were chosen); nothing is downloaded. A mention is kept when
P(event) >= the threshold of its type, when its modality is one the model
file does not decide (``"decided"``, default "asserted" only: planned,
speculated, negated ... mentions are then kept and marked so), or when it is
a definite noun that refers back to a kept mention of its type before it
("وأسفر القصف عن ...": more evidence for that happening; ``"keep_back"``).
``scripts/train_eventness.py`` writes the threshold rule, its curves and (with
``--cv-real``) the document-level cross-validated figure on the real tune
articles into the model file. Without the model file every mention that
detect supported is kept (the rules alone).

A type may have its own second decision (``models/eventness_types.json``,
written by ``scripts/train_type_decision.py``; ASSAULT only): a logistic
regression over the same features trained on that type's mentions (GSR train
part and the non-blind gold articles), read on the mentions told as fact that
the model keeps; an event all of whose mentions it turns down is dropped after
the gate (``type_veto``).

The GSR split: the OEDA Arabic event GSR dev half is cut by a stable hash of
the document id (:func:`gsr_split`) into ``train`` (~70%) and ``test`` (~30%);
models are trained on ``train`` only, ``test`` is the held-out figure of
``scripts/eval_gsr.py``.
"""

from __future__ import annotations

import csv
import hashlib
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from rasid import lang
from rasid.lang.ar import COMMA, QUESTION_MARK, affixes
from rasid.text import fold
from rasid.text.tokens import proclitic_splits

if TYPE_CHECKING:  # pragma: no cover
    from rasid.events.detect import Mention
from rasid.events.index import any_start_in
from rasid.events import linear
from rasid.model.document import Document, Span

#: type -> file name of the OEDA Arabic event GSR dev half under ``data/events``
GSR_FILES = {"ASSAULT": "assault_gsr_dev.csv", "PROTEST": "protest_gsr_dev.csv"}
TEST_SHARE = 30  # percent of GSR documents held out
MODEL_FILE = "models/eventness.json"
#: the per-type decision (``scripts/train_type_decision.py``): type -> model
TYPE_MODEL_FILE = "models/eventness_types.json"
CLF_TYPES = ("ASSAULT", "PROTEST")
#: modalities the decision applies to (the others are kept, marked as such)
DECIDED = ("asserted",)


def gsr_split(sent_id: str) -> str:
    """"train" or "test" for a GSR sentence, by a stable hash of its document id
    (``AAW_ARB_20080913.0007-59`` -> ``AAW_ARB_20080913.0007``), so that the
    sentences of one article stay on one side."""
    doc = sent_id.rsplit("-", 1)[0]
    h = int(hashlib.sha1(doc.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h % 100 < TEST_SHARE else "train"


def load_gsr_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a GSR CSV: ``{"id", "label", "text"}``."""
    with open(path, encoding="utf-8", newline="") as f:
        return [
            {"id": r["id"], "label": (r.get("label") or "").strip(), "text": r["text"]}
            for r in csv.DictReader(f)
        ]


# -- cue words -----------------------------------------------------------------


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """class -> folded words (``data/eventness.tsv``)."""
    out: dict[str, set[str]] = {}
    for row in lang.rows("events/data/eventness.tsv", 3, fold=fold, min_cols=2, unique_key=False):
        out.setdefault(row[1], set()).add(row[0])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _forms() -> dict[str, Any]:
    """The affixes the verb tests look at (``lang/ar/data/affixes.tsv``), folded."""
    names = ("wa", "fa", "sa", "ya", "na", "ta", "alef", "uu", "al", "at")
    a = dict(zip(names, affixes(*names, fold=fold), strict=True))
    return {**a, "conj": (a["wa"], a["fa"]), "future_prefix": {a["ya"], a["ta"], a["na"], a["alef"]},
            "imperfect": (a["ya"], a["na"])}


def is_cue(norm: str, cls: str) -> bool:
    words = cues().get(cls, frozenset())
    return norm in words or any(stem in words for _, stem in proclitic_splits(norm))


@lru_cache(maxsize=65536)
def cue_classes(norm: str) -> frozenset[str]:
    """The classes ``cls`` of :func:`cues` with ``is_cue(norm, cls)``."""
    return frozenset(cls for cls in cues() if is_cue(norm, cls))


def future_verb(norm: str) -> bool:
    """"ستشن"، "سيضرب"، "وسنرد": س + an imperfect prefix (not "سيطرة"، "ستة")."""
    a = _forms()
    w = norm[1:] if norm[:1] in a["conj"] and len(norm) > 5 else norm
    if len(w) < 4 or w[0] != a["sa"] or w[1] not in a["future_prefix"]:
        return False
    return not any(w.startswith(p) for p in cues().get("notfuture", ()))


def _imperfect(norm: str) -> bool:
    a = _forms()
    w = norm[1:] if norm[:1] in a["conj"] and len(norm) > 4 else norm
    return w[:1] in a["imperfect"] or (w[:1] == a["ta"] and not w.endswith((a["ta"], a["uu"])))


# -- features -------------------------------------------------------------------


_bucket = linear.bucket


def _logit(p: float) -> float:
    return linear.logit(p, 1e-4)


def siblings_by_sentence(siblings: "list[Mention]") -> "dict[tuple[str, int], list[Mention]]":
    """The mentions of each (type, sentence index), in document order: what
    :func:`features` looks for in ``siblings``, indexed once per document."""
    out: dict[tuple[str, int], list[Mention]] = {}
    for x in siblings:
        out.setdefault((x.type, x.sent_index), []).append(x)
    return out


def features(doc: "Document", m: "Mention", clf_p: float | None = None,
             siblings: "list[Mention] | None" = None,
             by_sentence: "dict[tuple[str, int], list[Mention]] | None" = None) -> dict[str, float]:
    """Mention-level features (name -> value) of one mention; ``siblings``: the
    other mentions of the document (for the same-sentence counts), and
    ``by_sentence`` their :func:`siblings_by_sentence` when the caller has it."""
    from rasid.events.lexicon import context_classes, is_definite

    toks = doc.tokens
    h = m.hit
    tf = h.entry
    t = m.type
    f: dict[str, float] = {}

    def on(name: str, v: float = 1.0) -> None:
        f[name] = v
        f[f"{t}|{name}"] = v

    on("bias")
    f[f"type={t}"] = 1.0
    f[f"form={t}:{tf.form}"] = 1.0
    on(f"mode={m.mode}")
    on("strong" if tf.strong else "weak")
    on("verb" if tf.verb else "noun")
    if m.attrs.get("unsupported"):
        on("unsupported")
    if m.attrs.get("force_subject"):
        on("force_subject")
    tok = toks[h.tok]
    first = tf.form.split(" ")[0]
    pro = next((p for p, stem in proclitic_splits(tok.norm) if p and stem.startswith(first[:3])), "")
    on(f"proclitic={pro}")
    if siblings is not None:
        if by_sentence is None:
            by_sentence = siblings_by_sentence(siblings)
        same = [x for x in by_sentence.get((t, m.sent_index), ()) if x is not m]
        on(f"same_in_sentence={min(len(same), 2)}")
        if any(x.hit.entry.verb for x in same):
            on("same_verb_in_sentence")
        if any(x.hit.tok < h.tok for x in same):
            on("same_before")
    nxt = toks[h.tok + h.ntok] if h.tok + h.ntok < len(toks) else None
    prv = toks[h.tok - 1] if h.tok > 0 and h.tok - 1 >= m.tok_lo else None
    prv2 = toks[h.tok - 2] if h.tok > 1 and h.tok - 2 >= m.tok_lo else None
    gap_next = nxt is not None and any(c in doc.text[toks[h.tok + h.ntok - 1].end:nxt.start] for c in COMMA + ",.:;")
    if not tf.verb:
        definite = is_definite(tok, tf.form, tf.pos)
        on("definite" if definite else "indefinite")
        if m.definite:
            on("refers_back")
        # construct state: a one-word noun followed by its definite or named genitive
        construct = h.ntok == 1 and not definite and nxt is not None and not gap_next
        if construct and nxt.norm.startswith(_forms()["al"]):
            on("construct_def")  # "اغتيال الحريري"، "تفجيرات الأربعاء"
        if construct and any_start_in(doc, ("person", "actor", "organization", "place"), nxt.start, nxt.end + 1):
            on("construct_name")
        if fold(m.trigger.text).endswith(_forms()["at"]) and not definite:
            on("bare_plural")
    else:
        on("imperfect" if _imperfect(tok.norm) else "perfect")
        lo_c, hi_c = toks[max(m.tok_lo, h.tok - 3)].start, toks[min(m.tok_hi, h.tok + h.ntok + 3) - 1].end
        if any_start_in(doc, ("person", "actor", "organization"), lo_c, hi_c):
            on("verb_agent_near")
        if future_verb(tok.norm):
            on("future")
    if prv is not None:
        if is_cue(prv.norm, "frame"):
            on("frame_head")  # "قضية اغتيال"
        if future_verb(prv.norm) or (prv2 is not None and future_verb(prv2.norm)):
            on("future_governor")  # "ستوجه ضربة"
        f[f"prev={prv.norm}"] = 1.0
    else:
        on("clause_initial")
    if nxt is not None and not gap_next:
        f[f"next={nxt.norm}"] = 1.0
    lo = m.tok_lo
    before = toks[max(lo, h.tok - 5):h.tok]
    present = frozenset().union(*(cue_classes(x.norm) for x in before))
    for cls in ("negator", "future", "condition", "quantifier", "habitual", "since"):
        if cls in present:
            on(f"cue_{cls}")
    clause = toks[m.tok_lo:m.tok_hi]
    # a trial, a charge, an inquiry in the sentence: the happening is a legal case's subject
    if any("legal" in cue_classes(x.norm) for x in (_sentence_tokens(doc, m.sentence) or clause)):
        on("sent_legal")
    present = frozenset().union(*(cue_classes(x.norm) for x in clause))
    for cls in ("negator", "condition", "habitual", "since"):
        if cls in present:
            on(f"clause_{cls}")
    present = frozenset().union(*(context_classes(x.norm) for x in clause))
    for cls in ("background", "recent", "history", "force", "violence", "generic"):
        if cls in present:
            on(f"ctx_{cls}")
    if any(x.is_number and len(x.text) == 4 and x.text[:2] in ("19", "20") for x in clause):
        on("year_in_clause")
    # arguments
    for name, val in (("actor", m.actor), ("recipient", m.recipient), ("place", m.place), ("time", m.time), ("claim", m.claim)):
        on(f"has_{name}" if val else f"no_{name}")
    if m.counts:
        on("counts")
    on(f"modality={m.modality}")
    if m.attrs.get("claim_stance"):
        on(f"stance={m.attrs['claim_stance']}")
    if m.generic:
        on("generic")
    # position and sentence
    if m.title:
        on("title")
    on(f"tokpos={_bucket(h.tok - m.tok_lo, (0, 2, 5, 10))}")
    sent = m.sentence.text
    if QUESTION_MARK in sent or "?" in sent:
        on("question")
    if any(q in sent for q in ('"', "«", "“")):
        on("quote")
    # a whole article, not one sentence (every GSR document is one sentence): the
    # model may set its base rate for articles apart
    if len(doc.sentences) > 1:
        on("article")
    if clf_p is not None:
        on("clf_logit", _logit(clf_p))
        on(f"clf={_bucket(int(clf_p * 10), (1, 3, 5, 7))}")
    return f


# -- the model ------------------------------------------------------------------


_SLOT = linear.ModelSlot(MODEL_FILE)
prepare = linear.prepare
probability = linear.probability
#: replace the shipped model (training); ``active=False`` switches it off;
#: ``use_model(None)`` restores the shipped one
use_model = _SLOT.use
current = _SLOT.current


def _prepare_types(raw: dict[str, Any]) -> dict[str, Any]:
    return dict(raw, types={t: linear.prepare(m) for t, m in raw.get("types", {}).items()})


_TYPE_SLOT = linear.ModelSlot(TYPE_MODEL_FILE, _prepare_types)
#: replace the per-type decision (training, trials); ``active=False`` switches it off
use_type_model = _TYPE_SLOT.use


def type_models() -> dict[str, dict[str, Any]]:
    """type -> its prepared per-type decision (none without the file)."""
    cur = _TYPE_SLOT.current()
    return cur["types"] if cur else {}


def type_probability(model: dict[str, Any], feats: dict[str, float]) -> float:
    """P(event) of the per-type decision: it reads the type's features without
    their ``TYPE|`` prefix (it is trained on one type's mentions)."""
    return probability(model, {k.split("|", 1)[-1]: v for k, v in feats.items()
                               if "|" in k or not k.startswith("type=")})


def threshold(model: dict[str, Any], typ: str) -> float:
    th = model["thresholds"]
    return float(th.get(typ, th["*"]))


#: sentence classifier hook (training replaces it with out-of-fold probabilities)
ClfFn = Callable[[str, str], "float | None"]


def _clf_shipped(text: str, typ: str) -> float | None:
    if typ not in CLF_TYPES:
        return None
    from rasid.events import classifier

    p = classifier.predict(text)
    return p.get(typ)


def _sentence_tokens(doc: Document, s: Span) -> list | None:
    """The document's tokens of sentence ``s``: what tokenising its text gives (up to
    the offsets), or None when a token crosses its edges or its text is not the document's."""
    toks = doc.tokens
    starts = doc._cache.get("token_starts")
    if starts is None or len(starts) != len(toks):
        starts = doc._cache["token_starts"] = [t.start for t in toks]
    i, j = bisect_left(starts, s.start), bisect_left(starts, s.end)
    if (i and toks[i - 1].end > s.start) or (j and toks[j - 1].end > s.end) or doc.text[s.start:s.end] != s.text:
        return None
    return toks[i:j]


_clf_hook: list[ClfFn] = []


def use_classifier(fn: ClfFn | None) -> None:
    _clf_hook.clear()
    if fn is not None:
        _clf_hook.append(fn)


def mention_features(doc: "Document", m: "Mention", siblings: "list[Mention] | None" = None,
                     by_sentence: "dict[tuple[str, int], list[Mention]] | None" = None) -> dict[str, float]:
    fn = _clf_hook[0] if _clf_hook else _clf_shipped
    if fn is _clf_shipped and m.type in CLF_TYPES:  # the classifier reads the document's tokens (a speed-up)
        from rasid.events import classifier

        toks = _sentence_tokens(doc, m.sentence)
        if toks is not None:
            classifier.offer_tokens(m.sentence.text, toks)
    return features(doc, m, fn(m.sentence.text, m.type), siblings, by_sentence)


def decide(doc: "Document", mentions: list["Mention"]) -> list["Mention"]:
    """The mentions that report a happening. Each kept one carries its P(event)
    in ``attrs["eventness"]``. Without a model: the mentions detect supported."""
    model = current()
    if model is None:
        return [m for m in mentions if not m.attrs.get("unsupported")]
    out = []
    # the model file says which modalities it decides (``decided``; default: asserted
    # only) and whether a definite noun after a kept mention is kept (``keep_back``)
    decided = tuple(model.get("decided", DECIDED))
    keep_back = bool(model.get("keep_back", True))
    by_sentence = siblings_by_sentence(mentions)
    per_type = type_models()
    for m in mentions:
        feats = mention_features(doc, m, mentions, by_sentence)
        p = probability(model, feats)
        m.attrs["eventness"] = round(p, 3)
        # "وأسفر القصف عن ...": a definite noun after a kept mention of its type
        # refers back to that happening (evidence for it, not a new event)
        back = keep_back and m.definite and any(k.type == m.type and k.trigger.start < m.trigger.start for k in out)
        # a mention of a modality the model does not decide is kept with it
        keep = p >= threshold(model, m.type)
        # the type's own decision (when a per-type model file is present): a second,
        # calibrated vote on the mentions told as fact that the model keeps; a mention
        # it turns down stays (grouping and the gate see what they saw) marked
        # ``type_veto``, and an event all of whose mentions are so marked is dropped
        tm = per_type.get(m.type)
        if keep and tm is not None and m.modality in DECIDED:
            p2 = type_probability(tm, feats)
            m.attrs["eventness_type"] = round(p2, 3)
            if p2 < float(tm["threshold"]):
                m.attrs["type_veto"] = True
        if keep or back or m.modality not in decided:
            if m.attrs.get("unsupported"):
                m.confidence = 0.5 + 0.4 * p
            out.append(m)
    return out
