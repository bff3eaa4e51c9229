"""The event gate (rasid.events.gate): the shipped model file, when it applies,
its per-document context, and the training script's labels."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import pytest
from ev_helpers import make_doc

from rasid.events import extract, gate

ROOT = Path(__file__).resolve().parents[2]

# three sentences: two strikes in two towns told in the first, a meeting in the third
PLACES = {"دير الزور": "Deir ez-Zor", "البوكمال": "Al-Bukamal"}
ARTICLE = (
    "قصفت الطائرات مواقع في دير الزور، وقصفت المدفعية مواقع في البوكمال. "
    "وقال مصدر محلي إن السكان نزحوا. "
    "والتقى وزير الخارجية نظيره التركي في العاصمة."
)


@pytest.fixture
def model_off():
    yield
    gate.use_model(None)


def _flat(weight: float, min_sentences: int = 1) -> dict:
    return {"features": ["bias"], "coef": [weight], "intercept": 0.0, "threshold": 0.5, "min_sentences": min_sentences}


def test_shipped_model_is_complete() -> None:
    raw = json.loads(resources.files("rasid.events").joinpath(gate.MODEL_FILE).read_text(encoding="utf-8"))
    assert len(raw["features"]) == len(raw["coef"]) > 0
    assert 0.0 < raw["threshold"] < 1.0
    assert raw["min_sentences"] >= 1
    tr = raw["training"]
    # the out-of-fold figures on the real tune split, gate off and on, are written down
    assert tr["oof_real_tune_gate_on"]["p"] >= tr["oof_real_tune_gate_off"]["p"]
    assert "blind" in tr["data"]  # says it never saw the blind sets


def test_gate_drops_and_keeps_by_threshold(model_off) -> None:
    gate.use_model(None, active=False)
    every = extract(make_doc(ARTICLE, places=PLACES))
    assert len(every) >= 2
    gate.use_model(_flat(-10.0))
    assert extract(make_doc(ARTICLE, places=PLACES)) == []
    gate.use_model(_flat(10.0))
    assert [e.type for e in extract(make_doc(ARTICLE, places=PLACES))] == [e.type for e in every]


def test_short_documents_are_not_gated(model_off) -> None:
    text = "قصفت الطائرات مواقع في مدينة الميادين."
    gate.use_model(_flat(-10.0, min_sentences=3))
    assert [e.type for e in extract(make_doc(text))] == ["ASSAULT"]
    # the article is long enough: the same model drops everything
    assert extract(make_doc(ARTICLE, places=PLACES)) == []


def test_context_marks_the_later_event_of_a_sentence(model_off) -> None:
    gate.use_model(None, active=False)
    gate.record(True)
    try:
        doc = make_doc(ARTICLE, places=PLACES)
        evs = extract(doc)
    finally:
        gate.record(False)
    feats = doc._cache[gate.CACHE_KEY]
    assault = sorted((e for e in evs if e.type == "ASSAULT"), key=lambda e: e.trigger.start)
    assert len(assault) == 2
    first, second = feats[assault[0].id], feats[assault[1].id]
    assert "first_of_type" in first and "dup_sentence" not in first
    assert "dup_sentence" in second and "rank=1" in second
    assert all(set(f) >= {"bias", "same_type_sent=1"} for f in (first, second))


def test_training_labels_give_a_repeat_zero() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_event_gate as tg

    class Scorer:  # the helpers of ../shared/eval/score.py the labels use
        nfkc = staticmethod(lambda s: s)
        _d = staticmethod(lambda iso: int(iso[8:10]))
        km = staticmethod(lambda *a: 0.0)

        @staticmethod
        def place_points(s):
            return {}, []

        @staticmethod
        def occurrences(text, needle):
            i, out = text.find(needle), []
            while i >= 0:
                out.append((i, i + len(needle)))
                i = text.find(needle, i + 1)
            return out

        @staticmethod
        def overlaps(a, b):
            return a[0] < b[1] and b[0] < a[1]

        @staticmethod
        def span(d):
            return (d["start"], d["end"]) if d else None

    text = "aaa strike bbb strike ccc meeting"
    ev = lambda i, t, s, e: {"id": i, "type": t, "trigger": {"start": s, "end": e}, "evidence": [{"start": s, "end": e}]}  # noqa: E731
    d = {"gold": {"places": [], "events": [{"type": "ASSAULT", "key": "strike bbb strike"},
                                          {"type": "CONSULT", "key": "meeting", "optional": True}]},
         "json": {"text": text, "events": [ev("e1", "ASSAULT", 4, 10), ev("e2", "ASSAULT", 15, 21),
                                           ev("e3", "CONSULT", 26, 33), ev("e4", "AID", 0, 3)]}}
    assert tg.labels(Scorer, d, relaxed=True) == {"e1": 1, "e2": 0, "e3": None, "e4": 0}


def test_context_marks_one_trigger_split_over_places_and_quotes(model_off) -> None:
    # a quoted arrest; then one noun over two coordinated towns: two events of one trigger
    text = (
        "وقال المتحدث باسم الجيش: «اعتقلنا عشرة مسلحين في المدينة». "
        "وقعت هجمات في دير الزور والبوكمال أمس. "
        "والتقى وزير الخارجية نظيره التركي في العاصمة."
    )
    gate.use_model(None, active=False)
    gate.record(True)
    try:
        doc = make_doc(text, places=PLACES)
        evs = extract(doc)
    finally:
        gate.record(False)
    feats = doc._cache[gate.CACHE_KEY]
    split = sorted((e for e in evs if "split" in feats[e.id]), key=lambda e: (e.trigger.start, e.id))
    assert len(split) == 2 and all("shared_trigger" in feats[e.id] for e in split)
    assert sum("dup_clause" in feats[e.id] for e in split) == 1  # the second of the two
    quoted = [e for e in evs if e.type == "COERCE"]
    assert len(quoted) == 1 and "in_quote" in feats[quoted[0].id]
    assert all("in_quote" not in feats[e.id] for e in evs if e.type != "COERCE")
