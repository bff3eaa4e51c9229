"""The shipped ASSAULT/PROTEST sentence classifier and its training code."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from ev_helpers import make_doc

from rasid.events import classifier, extract
from rasid.events.classifier import combine, component_scores, featurize, rule_features, rule_keys, unpack
from rasid.events.training import SPECS, fit_type

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


def test_control_the_stage_reports_what_the_classifier_scores_high() -> None:
    """Positive control: the sentence scored as an assault is one through the stage."""
    text = "انفجرت سيارة مفخخة في سوق مكتظ أمس ما أسفر عن مقتل عشرة أشخاص وإصابة عشرين آخرين."
    assert classifier.predict(text)["ASSAULT"] > 0.5
    evs = extract(make_doc(text))
    assert [(e.type, e.fatalities, e.injuries) for e in evs] == [("ASSAULT", 10, 20)]


def test_rule_features_shape() -> None:
    f = rule_features("قصفت الطائرات البلدة أمس ما أسفر عن مقتل 5 أشخاص.")
    assert f["ASSAULT:strong"] == 1.0
    assert f["ASSAULT:verb"] == 1.0
    assert f["ASSAULT:count"] == 1.0
    assert set(f) <= set(rule_keys())


_POS = ["قصفت الطائرات قرية في الريف أمس", "انفجرت عبوة ناسفة بدورية للشرطة", "هاجم مسلحون حاجزاً للجيش"] * 3
_NEG = ["افتتح الوزير معرضاً للكتاب", "ارتفعت أسعار النفط في الأسواق", "عقد البرلمان جلسة لمناقشة الموازنة"] * 3


def _fit(spec: dict) -> dict:
    texts = _POS + _NEG
    y = np.array([1] * len(_POS) + [0] * len(_NEG))
    arrays = {f"ASSAULT_{k}": np.asarray(v) for k, v in fit_type(featurize(texts), y, spec).items()}
    arrays["rule_keys"] = np.array(rule_keys())
    return unpack(arrays)


@pytest.mark.parametrize("typ", sorted(SPECS))
def test_fit_and_use_model_roundtrip(typ: str) -> None:
    model = _fit(SPECS[typ])
    assert set(model["ASSAULT"]["weights"]) == {"char", "word"}  # no USE view since issue 13
    classifier.use_model(model)
    try:
        assert classifier.predict("قصفت الطائرات قرية أخرى")["ASSAULT"] > 0.5
        assert classifier.predict("افتتح الوزير معرضاً آخر")["ASSAULT"] < 0.5
    finally:
        classifier.use_model(None)


def test_batch_scores_match_single_prediction() -> None:
    """The eval script scores batches; the pipeline one sentence at a time."""
    model = _fit(SPECS["PROTEST"])
    texts = ["قصفت الطائرات قرية أخرى", "عقد البرلمان جلسة أخرى"]
    m = model["ASSAULT"]
    batch = combine(m, component_scores(m, featurize(texts, rules=False), [rule_features(t) for t in texts]))
    classifier.use_model(model)
    try:
        single = [classifier.predict(t)["ASSAULT"] for t in texts]
    finally:
        classifier.use_model(None)
    assert np.allclose(batch, single)


def test_missing_view_is_left_out() -> None:
    """Without the USE encoder the other views decide, weights renormalised."""
    model = _fit(SPECS["ASSAULT"])
    m = model["ASSAULT"]
    text = "قصفت الطائرات قرية أخرى"
    scores = component_scores(m, featurize([text], rules=False, use=False), [rule_features(text)])
    assert set(scores) == {"char", "word"}
    assert combine(m, scores)[0] > 0.5


@pytest.mark.shared
@pytest.mark.slow
def test_eval_script_runs(shared_dir: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_event_sentences.py"), "--shared", str(shared_dir), "--folds", "2", "--limit", "150", "--json"],
        capture_output=True, text=True, check=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert '"ASSAULT"' in out.stdout and '"PROTEST"' in out.stdout


def test_hashed_counts_are_scikit_learns() -> None:
    """rasid.events.ngrams gives the counts of the HashingVectorizers the model was
    trained with (same columns, same values), without importing scikit-learn."""
    import json

    from rasid.events import ngrams
    from rasid.text import fold

    lines = resources.files("rasid.samples").joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(x)["text"] for x in lines if x.strip()][:10]
    texts += ["", " ", "a", "ab", "Latin WORDS, digits 2024 and ١٢٣!", "tabs\tand\n\nnewlines  x",
              "ﻻ قوة إلا بالله", "e\u0301 ß İ ǅ", "٣ ، ؛ ؟ «قال»"]
    folded = [fold(t) for t in texts]
    char, word = classifier._vectorizers()
    for vec, rows in ((char, [ngrams.char_wb_ngrams(t, *classifier.CHAR_NGRAMS) for t in folded]),
                      (word, [ngrams.word_ngrams(t, *classifier.WORD_NGRAMS) for t in folded])):
        ref = vec.transform(folded).tocsr()
        got = ngrams.count_matrix(rows, vec.n_features)
        assert ref.shape == got.shape
        assert np.array_equal(ref.indptr, got.indptr)
        assert np.array_equal(ref.indices, got.indices)
        assert np.array_equal(ref.data, got.data) and got.data.dtype == np.float64
        if vec is char:  # the word-by-word cached path of the shipped model's predictions
            for i, t in enumerate(folded):
                cols, vals = ngrams.char_wb_counts(t, *classifier.CHAR_NGRAMS, vec.n_features)
                row = ref[i]
                assert np.array_equal(cols, row.indices) and np.array_equal(vals, row.data)
    # the hash itself, every tail length, against scikit-learn's
    from sklearn.utils import murmurhash3_32

    rng = np.random.default_rng(0)
    for n in range(0, 14):
        for _ in range(20):
            data = rng.integers(0, 256, n, dtype=np.uint8).tobytes()
            for seed in (0, 7):
                assert ngrams.murmurhash3_32(data, seed) == murmurhash3_32(data, seed)


def test_murmurhash_many_matches_one_by_one():
    """The numpy hash of many n-grams at once gives the one-by-one hash and column."""
    from rasid.events import ngrams

    rng = np.random.default_rng(1)
    data = [rng.integers(0, 256, n, dtype=np.uint8).tobytes() for n in range(0, 40) for _ in range(5)]
    assert ngrams.murmurhash3_32_many(data).tolist() == [ngrams.murmurhash3_32(d) for d in data]
    grams = ngrams.char_wb_ngrams("قصفت الطائرات مواقع المسلحين في ريف حلب", 2, 5)
    assert ngrams._buckets_many(grams, 2**19) == [ngrams._bucket(g, 2**19) for g in grams]
