"""The shipped ASSAULT/PROTEST sentence classifier and its training code."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from rasid.events import classifier
from rasid.events.classifier import featurize, rule_features, rule_keys, unpack
from rasid.events.training import fit_type

ROOT = Path(__file__).resolve().parents[2]


def test_model_is_shipped_and_small() -> None:
    ref = resources.files("rasid.events").joinpath(classifier.MODEL_FILE)
    assert ref.is_file()
    with resources.as_file(ref) as p:
        assert p.stat().st_size < 5_000_000


def test_predicts_probabilities() -> None:
    p = classifier.predict("انفجرت سيارة مفخخة في سوق مكتظ أمس ما أسفر عن مقتل عشرة أشخاص وإصابة عشرين آخرين.")
    assert set(p) == {"ASSAULT", "PROTEST"}
    assert all(0.0 <= v <= 1.0 for v in p.values())
    q = classifier.predict("ناقش مجلس الوزراء موازنة العام المقبل وخطط التعليم.")
    assert p["ASSAULT"] > 0.5 > q["ASSAULT"]


def test_rule_features_shape() -> None:
    f = rule_features("قصفت الطائرات البلدة أمس ما أسفر عن مقتل 5 أشخاص.")
    assert f["ASSAULT:strong"] == 1.0
    assert f["ASSAULT:verb"] == 1.0
    assert f["ASSAULT:count"] == 1.0
    assert set(f) <= set(rule_keys())


def test_fit_and_use_model_roundtrip() -> None:
    pos = ["قصفت الطائرات قرية في الريف أمس", "انفجرت عبوة ناسفة بدورية للشرطة", "هاجم مسلحون حاجزاً للجيش"] * 3
    neg = ["افتتح الوزير معرضاً للكتاب", "ارتفعت أسعار النفط في الأسواق", "عقد البرلمان جلسة لمناقشة الموازنة"] * 3
    texts = pos + neg
    y = np.array([1] * len(pos) + [0] * len(neg))
    counts, rules = featurize(texts)
    arrays = {f"ASSAULT_{k}": np.asarray(v) for k, v in fit_type(counts, rules, y).items()}
    arrays["rule_keys"] = np.array(rule_keys())
    classifier.use_model(unpack(arrays))
    try:
        assert classifier.predict("قصفت الطائرات قرية أخرى")["ASSAULT"] > 0.5
    finally:
        classifier.use_model(None)


@pytest.mark.shared
@pytest.mark.slow
def test_eval_script_runs(shared_dir: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_event_sentences.py"), "--shared", str(shared_dir), "--folds", "2", "--limit", "150", "--json"],
        capture_output=True, text=True, check=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert '"ASSAULT"' in out.stdout and '"PROTEST"' in out.stdout
