from __future__ import annotations

from rasid.actors.ner import bio_spans, default_tagger, read_conll, score, tokenize_for_ner


def test_bio_spans_conlleval_style():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-ORG", "B-ORG", "I-MISC"]
    assert bio_spans(tags) == [("PERS", 0, 2), ("LOC", 3, 5), ("ORG", 5, 6), ("ORG", 6, 7), ("MISC", 7, 8)]


def test_score_exact_spans():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"]]
    r = score(gold, pred)
    assert r["LOC"]["f1"] == 1.0
    assert r["PERS"]["f1"] == 0.0
    assert r["overall"]["precision"] == 0.5 and r["overall"]["recall"] == 0.5


def test_read_conll_with_and_without_tags():
    lines = ["قال O\n", "زيد B-PERS\n", "\n", "في\n", "دمشق\n", "\n"]
    s = list(read_conll(lines))
    assert s == [(["قال", "زيد"], ["O", "B-PERS"]), (["في", "دمشق"], ["", ""])]


def test_tokenize_for_ner_offsets():
    text = "قال اللواء (زيد)، أمس."
    toks = tokenize_for_ner(text)
    assert all(text[s:e] == t for s, e, t in toks)
    assert [t for _, _, t in toks][:4] == ["قال", "اللواء", "(", "زيد"]


def test_packaged_model_tags_a_name():
    tagger = default_tagger()
    assert tagger is not None, "the packaged NER model is missing (src/rasid/actors/models)"
    tags = tagger.tag("وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الاتفاق مهم .".split())
    assert any(t.endswith("PERS") for t in tags)
    assert len(tags) == 11
