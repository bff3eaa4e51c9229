"""The eventness model file's switches (which modalities it decides, whether a
definite noun after a kept mention is kept) and the training script's pieces
that the real-text cross-validation rests on (mention labels, story groups);
sentences written for these tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from ev_helpers import make_doc

from rasid.events import eventness
from rasid.events.arguments import fill
from rasid.events.detect import detect
from rasid.events.modality import fill_modality

ROOT = Path(__file__).resolve().parents[2]


def _train_module():
    name = "train_eventness_under_test"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "train_eventness.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def _mentions(text: str):
    doc = make_doc(text)
    ms = detect(doc)
    fill(doc, ms)
    fill_modality(doc, ms)
    return doc, ms


def _model(**kw) -> dict:
    # a model that finds no mention eventful: P = sigmoid(-10) for every mention
    m = {"features": [], "coef": [], "intercept": -10.0, "thresholds": {"*": 0.5}}
    m.update(kw)
    return m


def _kept(text: str, model: dict) -> list[tuple[str, str]]:
    doc, ms = _mentions(text)
    eventness.use_model(model)
    try:
        return [(m.trigger.text, m.modality) for m in eventness.decide(doc, ms)]
    finally:
        eventness.use_model(None)


def test_decided_modalities_come_from_the_model_file() -> None:
    text = "قال الوزير إن بلاده سوف توجه ضربة عسكرية إلى مواقع المسلحين في دير الزور."
    doc, ms = _mentions(text)
    assert any(m.modality == "planned" for m in ms), [(m.trigger.text, m.modality) for m in ms]
    # default (no "decided"): only asserted mentions are decided, the planned one is kept
    assert any(mod == "planned" for _, mod in _kept(text, _model()))
    # a model that decides every modality drops it like any other mention below the threshold
    assert _kept(text, _model(decided=["asserted", "planned", "speculated", "hypothetical", "negated", "denied"])) == []


def test_keep_back_switch() -> None:
    text = "قصفت الطائرات بلدة البوكمال أمس. وأسفر القصف عن مقتل خمسة مدنيين."
    high = {"features": ["ASSAULT|verb"], "coef": [25.0], "intercept": -10.0, "thresholds": {"*": 0.5}}
    kept = [t for t, _ in _kept(text, high)]
    assert "قصفت" in kept and "القصف" in kept  # the definite noun refers back to the kept verb
    kept = [t for t, _ in _kept(text, dict(high, keep_back=False))]
    assert "قصفت" in kept and "القصف" not in kept


def test_gold_label_optional_is_not_negative() -> None:
    T = _train_module()
    text = "قصفت الطائرات بلدة البوكمال أمس. وتظاهر مئات الطلاب أمام الجامعة."
    doc, ms = _mentions(text)
    by = {m.trigger.text: m for m in ms}
    assert "قصفت" in by and "وتظاهر" in by, sorted(by)
    gold = {"events": [
        {"type": "ASSAULT", "key": "قصفت الطائرات", "optional": False},
        {"type": "PROTEST", "key": "وتظاهر مئات", "optional": True},
    ]}
    assert T.gold_label(doc.text, gold, by["قصفت"]) == 1
    assert T.gold_label(doc.text, gold, by["وتظاهر"]) is None
    assert T.gold_label(doc.text, {"events": []}, by["قصفت"]) == 0


def test_story_groups_keep_copies_together() -> None:
    T = _train_module()
    a = "قصفت الطائرات بلدة البوكمال أمس وأسفر القصف عن مقتل خمسة مدنيين بينهم طفلان في الحي الشرقي"
    arts = [
        {"id": "a", "text": a},
        {"id": "b", "text": "وقالت مصادر محلية " + a + " بحسب المرصد"},
        {"id": "c", "text": "تظاهر مئات الطلاب أمام مبنى الجامعة احتجاجا على رفع الرسوم الدراسية هذا العام"},
    ]
    g = T.story_groups(arts)
    assert g["a"] == g["b"] != g["c"]


def test_real_docs_refuse_blind() -> None:
    T = _train_module()
    with pytest.raises(ValueError):
        T.real_docs("blind")


def test_control_the_stage_keeps_a_plain_report() -> None:
    """Positive control: the shipped decision keeps a plainly reported strike through the whole stage."""
    from rasid.events import extract

    doc = make_doc("قصفت طائرات حربية بلدة في ريف حلب أمس ما أدى إلى مقتل خمسة مدنيين")
    assert any(e.type == "ASSAULT" for e in extract(doc)), "the events stage found nothing"
