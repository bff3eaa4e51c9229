from __future__ import annotations

import pytest

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


# -- NER mentions the dictionary does not know become entities (annotate) ---------
class _FakeTagger:
    """Tags chosen words (by text) with a type and a confidence, everything else O."""

    def __init__(self, tags: dict[str, tuple[str, float]]) -> None:
        self.tags = tags

    def tag_with_marginals(self, words):
        tags, probs = [], []
        prev = "O"
        for w in words:
            typ, p = self.tags.get(w, ("O", 0.99))
            tag = "O" if typ == "O" else ("I-" if prev[2:] == typ else "B-") + typ
            tags.append(tag)
            probs.append(p)
            prev = tag
        return tags, probs


def _annotate_with(monkeypatch, text: str, tags: dict[str, tuple[str, float]]):
    from rasid.actors import annotate, ner
    from rasid.model.document import Document

    monkeypatch.setattr(ner, "default_tagger", lambda: _FakeTagger(tags))
    d = Document(id="t", text=text, published="2024-01-10")
    annotate(d)
    assert d.check_spans() == []
    return d


def test_unknown_ner_person_and_orgs_become_entities(monkeypatch):
    text = "وقال سامر الحمداني إن وأرامكو وقعت اتفاقا مع رابطة المزارعين الأحرار في الحكومة أمس."
    d = _annotate_with(monkeypatch, text, {
        "سامر": ("PERS", 0.97), "الحمداني": ("PERS", 0.97),
        "وأرامكو": ("ORG", 0.95),
        "رابطة": ("ORG", 0.93), "المزارعين": ("ORG", 0.93), "الأحرار": ("ORG", 0.93),
        "الحكومة": ("ORG", 0.95),  # a definite common noun alone is no organisation name
    })
    people = {e.name_ar: e for e in d.entities if e.kind == "person"}
    orgs = {e.name_ar: e for e in d.entities if e.kind == "organization"}
    assert "سامر الحمداني" in people and people["سامر الحمداني"].attrs["source"] == "ner"
    assert set(orgs) == {"أرامكو", "رابطة المزارعين الأحرار"}
    assert [m.text for m in orgs["أرامكو"].mentions] == ["أرامكو"]


def test_lone_ner_org_needs_confidence(monkeypatch):
    d = _annotate_with(monkeypatch, "وقعت أرامكو اتفاقا أمس.", {"أرامكو": ("ORG", 0.6)})
    assert not [e for e in d.entities if e.kind == "organization"]


def _crfsuite_attrs(feats: dict) -> list[str]:
    """What python-crfsuite reads from a feature dict: ``k:v`` for a string, ``k`` for weight 1.0."""
    out = []
    for k, v in feats.items():
        assert isinstance(v, str) or v == 1.0
        out.append(f"{k}:{v}" if isinstance(v, str) else k)
    return out


def test_sent_items_are_the_crfsuite_view_of_sent_features():
    """The tagger's fast path (per-word cached attribute lists) gives the same
    attributes, in the same order, as the training features, with and without a
    dictionary phrase, bidi marks, at sentence edges and with the ablation's groups."""
    import json
    from importlib import resources

    from rasid.actors import ner_features as nf

    lines = resources.files("rasid.samples").joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(x)["text"] for x in lines if x.strip()][:6]
    sents = [[t for _, _, t in tokenize_for_ner(x)][:60] for x in texts]
    sents += [["قوات", "سوريا", "الديمقراطية"], ["\u200fزيد"], ["و"], ["حزب", "الله", "قال"]]
    try:
        for groups in (None, frozenset(nf.GROUPS), frozenset(nf.GROUPS) - {"context2"}, frozenset()):
            nf.configure(groups)
            for words in sents:
                assert nf.sent_items(words) == [[a.encode() for a in _crfsuite_attrs(f)] for f in nf.sent_features(words)]
    finally:
        nf.configure(None)
    assert any(nf._phrase_tags([nf.fold(w) for w in s]) != [""] * len(s) for s in sents)


def test_the_tagger_skips_attributes_its_model_does_not_know_with_the_same_result():
    """The tagger hands crfsuite only the word-form and bigram attributes its model
    knows (a speed-up): the tags and marginals are the same, bit for bit, as with
    every attribute of :func:`sent_items`."""
    import json
    from importlib import resources

    from rasid.actors import ner_features as nf

    tg = default_tagger()
    assert tg is not None and tg._known is not None and b"bias" in tg._known
    lines = resources.files("rasid.samples").joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(x)["text"] for x in lines if x.strip()][:8]
    sents = [[t for _, _, t in tokenize_for_ner(x)][:80] for x in texts] + [["\u200fزيد"], ["و"], ["حزب", "الله", "قال"]]
    fewer = 0
    for words in sents:
        full, kept = nf.sent_items(words), nf.sent_items(words, tg._known)
        assert all(set(k) <= set(f) for f, k in zip(full, kept, strict=True))
        fewer += sum(len(f) - len(k) for f, k in zip(full, kept, strict=True))
        tags = list(tg._tagger.tag(full))
        marg = [tg._tagger.marginal(t, i) for i, t in enumerate(tags)]
        assert list(tg._tagger.tag(kept)) == tags
        assert [tg._tagger.marginal(t, i) for i, t in enumerate(tags)] == marg
        # the numpy scorer (ner_score): the same tags, the marginals up to the last bits
        got_tags, got_marg = tg._scorer.tag_many([words])[0]
        assert got_tags == tags
        assert max(abs(a - b) for a, b in zip(got_marg, marg, strict=True)) < 1e-12
    assert fewer > 0


def test_the_numpy_scorer_tags_a_document_as_crfsuite_does():
    """Sentences scored together (padded to the longest) give each sentence's own crfsuite
    tags and marginals; an empty sentence gives nothing; a missing scorer falls back."""
    import json
    from importlib import resources

    from rasid.actors import ner_features as nf

    tg = default_tagger()
    assert tg is not None and tg._scorer is not None
    lines = resources.files("rasid.samples").joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(x)["text"] for x in lines if x.strip()][:12]
    sents = [[t for _, _, t in tokenize_for_ner(x)][:120] for x in texts]
    sents += [[], ["زيد"], ["و", "."], ["حزب", "الله", "قال"], ["‏زيد", "بن", "علي"]]
    got = tg._scorer.tag_many(sents)
    assert got is not None and len(got) == len(sents)
    for words, (tags, marg) in zip(sents, got, strict=True):
        if not words:
            assert (tags, marg) == ([], [])
            continue
        ref = list(tg._tagger.tag(nf.sent_items(words, tg._known)))
        assert tags == ref
        ref_m = [tg._tagger.marginal(t, i) for i, t in enumerate(ref)]
        assert max(abs(a - b) for a, b in zip(marg, ref_m, strict=True)) < 1e-12
    assert any(t != "O" for tags, _ in got for t in tags)
    scorer, tg._scorer = tg._scorer, None
    try:
        assert tg._first(sents[:3])[0] == got[0][0]
    finally:
        tg._scorer = scorer


def test_the_second_stage_tags_a_document_as_crfsuite_does(tmp_path):
    """The document-level second stage (``train_ner.py --two-stage``; the tagger runs it
    when its file is there): its numpy scores of a document's sentences, given the first
    stage's tags of them all, are crfsuite's (tags equal, marginals up to the last bits);
    without a scorer the crfsuite path gives the same tags. A small second stage is
    trained here on the first stage's tags of sample articles."""
    import json
    from importlib import resources

    import pycrfsuite

    from rasid.actors import ner_features as nf
    from rasid.actors.ner import DOC_VARIANT, Tagger

    tg1 = default_tagger()
    assert tg1 is not None
    lines = resources.files("rasid.samples").joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(x)["text"] for x in lines if x.strip()][:6]
    docs = [[[t for _, _, t in tokenize_for_ner(p)][:60] for p in x.split("\n") if p.strip()][:12] for x in texts]
    tr = pycrfsuite.Trainer(verbose=False)
    for sents in docs[1:]:
        first = [list(tg1._tagger.tag(nf.sent_items(w, tg1._known))) for w in sents]
        for words, tags, extra in zip(sents, first, nf.doc_context(sents, first, DOC_VARIANT), strict=True):
            feats = nf.sent_features(words)
            for f, ex in zip(feats, extra, strict=True):
                f.update(dict.fromkeys(ex, 1.0))
            tr.append(feats, tags)
    tr.set_params({"max_iterations": 5, "feature.possible_transitions": True})
    tr.train(str(tmp_path / "doc.crfsuite"))
    tg = Tagger(doc_path=tmp_path / "doc.crfsuite")
    assert tg._m2 is not None and tg._m2.scorer is not None
    sents = docs[0] + [[]]
    first = [list(tg._tagger.tag(nf.sent_items(w, tg._known))) if w else [] for w in sents]
    ctx = nf.doc_context(sents, first, DOC_VARIANT)
    assert any(x for row in ctx for x in row)
    got = tg.tag_many_with_marginals(sents)
    m2 = tg._m2
    for words, extra, (tags, marg) in zip(sents, ctx, got, strict=True):
        if not words:
            assert (tags, marg) == ([], [])
            continue
        ref = m2.tag(words, extra)
        assert tags == ref
        ref_m = [m2.tagger.marginal(t, i) for i, t in enumerate(ref)]
        assert max(abs(a - b) for a, b in zip(marg, ref_m, strict=True)) < 1e-12
    scorer, m2.scorer = m2.scorer, None
    try:
        assert [t for t, _ in tg.tag_many_with_marginals(sents)] == [t for t, _ in got]
    finally:
        m2.scorer = scorer
    assert default_tagger()._m2 is None  # the packaged tagger: the first stage alone


def test_doc_context_gives_the_type_a_name_has_elsewhere_in_the_document():
    """A word the first stage tags as a person in one sentence gives its other
    occurrences (with a proclitic too) the document features dm:/dl:; an untagged one dO."""
    from rasid.actors.ner_features import doc_context

    sents = [["قال", "زيد", "الحلبي", "الوضع"], ["وأضاف", "والحلبي", "أن", "الحلبي"], ["الوضع", "الجديد"]]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O", "O"], ["O", "O"]]
    ctx = doc_context(sents, tags, "d")
    assert {"dm:PERS", "dl:I-PERS", "dl2:PERS"} <= set(ctx[1][1])
    assert "dmo:PERS" not in ctx[1][1]  # one other occurrence tagged, one not: no majority
    assert "dm:PERS" in ctx[1][3] and "-1:dm:PERS" in ctx[1][2]
    assert ctx[2][0] == ["dO"]  # الوضع: its other occurrence is untagged
    assert ctx[2][1] == []  # الجديد: no other occurrence


def test_the_numpy_scorer_word_cache_is_bounded(monkeypatch):
    """Past its bound the per-word cache starts afresh; the tags and marginals do not change."""
    from rasid.actors import ner_score
    from rasid.actors.ner_features import _EDGE

    tg = default_tagger()
    assert tg is not None and tg._scorer is not None
    words = "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الاتفاق مهم .".split()
    want = tg.tag_many_with_marginals([words])
    fresh = ner_score.Scorer(tg._scorer.labels, tg._scorer._ids, tg._scorer._state, tg._scorer._trans)
    assert set(fresh._edge) == set(_EDGE)
    monkeypatch.setattr(ner_score, "_MAX_WORDS", 4)
    got = fresh.tag_many([words, words[:3]])[0]  # (batched with another: the last bits may move)
    assert got[0] == want[0][0]
    assert max(abs(a - b) for a, b in zip(got[1], want[0][1], strict=True)) < 1e-12
    assert len(fresh._words) <= len(words)


@pytest.mark.parametrize("word", [
    "وقال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "باريس", "بالقاهرة", "للجيش", "والحوثيين",
    "الأسدي", "مسؤولاً", "حزب", "الله", "Reuters", "ISIS", "2024", "١٢٣", "3.5", ".", "،", "«", "‏زيد",
    "ـ", "قالَ", "x", "وو", "abc:def", "w:قال",
])
def test_the_scorer_looks_up_a_words_attributes_as_their_names_give_them(word):
    """The attribute ids the numpy scorer looks up by (prefix, value) are those of the
    names :func:`_word_items` builds, in the same order (so the same sums)."""
    from rasid.actors.ner_features import _word_items
    from rasid.actors.ner_score import _OFFS

    tg = default_tagger()
    assert tg is not None and tg._scorer is not None
    sc = tg._scorer
    it = _word_items.__wrapped__(word, sc._groups)
    want = [[sc._ids.get(a, sc._unk) for a in attrs] for attrs in (it.own, *(it.full[off] for off in _OFFS))]
    assert sc._word_ids(word) == (it.norm, want)
