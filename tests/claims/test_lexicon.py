"""The cue and source word lists load, fold and conjugate."""

from __future__ import annotations

import pytest

from rasid.claims import extract_claims
from rasid.claims.lexicon import conjugate, lexicon
from rasid.model.document import Document
from rasid.text import fold_key


def test_conjugate_sound_verb():
    forms = conjugate("أكد", "يؤكد")
    assert {"أكد", "أكدت", "أكدوا", "يؤكد", "تؤكد", "يؤكدون"} <= set(forms)
    assert "أؤكد" not in forms  # first person is quoted speech


def test_every_cue_has_a_stance_and_folded_forms():
    lex = lexicon()
    assert lex.forms
    for form, cue in lex.forms.items():
        assert cue.stance in ("assert", "deny", "speculate")
        assert form == fold_key(form)


def test_cue_families_present():
    lex = lexicon()
    fams = {c.family for c in lex.forms.values()}
    assert fams == {"verb", "participle", "noun"}
    assert lex.forms[fold_key("نفت")].stance == "deny"
    assert lex.forms[fold_key("يعتقد")].stance == "speculate"
    assert lex.forms[fold_key("تكهنات")].stance == "speculate"
    assert any(p == (fold_key("بحسب"),) for p, _ in lex.preps)


def test_source_heads_by_kind():
    heads = lexicon().heads
    assert heads[fold_key("مصادر")] == "anonymous"
    assert heads[fold_key("صحيفة")] == "media"
    assert heads[fold_key("وثائق")] == "document"
    assert heads[fold_key("وزارة")] == "organization"


def test_public_api():
    import rasid.claims as claims

    assert claims.__all__ == ["annotate", "extract_claims"]
    assert all(callable(getattr(claims, n)) for n in claims.__all__)


def test_word_classes_come_from_data_through_one_loader():
    """Issue 16: the stage's word classes are data files read through rasid.lang."""
    import pytest

    from rasid import lang
    from rasid.claims import vocab
    from rasid.claims.grammar import GENERIC_OPENERS
    from rasid.errors import ModelDataError

    assert GENERIC_OPENERS == lang.words("claims/data/generic_openers.txt")
    assert vocab.OBJECT_PRONOUNS[0] == "هما"  # file order kept: longest first
    assert vocab.forms("conj") == ("و", "ف")
    assert lexicon().forms  # cues.yaml through lang.tree
    assert "claims/data/cues.yaml" in lang.LOADED and "claims/data/particles.tsv" in lang.LOADED
    with pytest.raises(ModelDataError, match=r"particles\.tsv: no row 'nope'"):
        vocab.forms("nope")
    with pytest.raises(ModelDataError, match=r"expected 1"):
        vocab.form("conj")
    with pytest.raises(ModelDataError, match=r"nope\.yaml: data file missing"):
        lang.tree("claims/data/nope.yaml")


def test_rules_read_cue_fields_not_lemma_names():
    """Issue 16 item 3: what used to be keyed on lemma strings in extract.py is a cue field."""
    import re
    from pathlib import Path

    import rasid.claims.extract as extract

    lex = lexicon()
    assert lex.forms[fold_key("نسب")].relay_prep == fold_key("إلى")
    assert lex.forms[fold_key("قائلاً")].restates
    assert lex.forms[fold_key("نقل")].chain
    preps = {" ".join(p): c for p, c in lex.preps}
    assert not preps["وفق"].bare_name and preps["بحسب"].bare_name
    assert preps[fold_key("نقلاً عن")].chain and not preps["بحسب"].chain
    rules = ("extract", "openers", "prepositional", "nouns", "verb_objects", "verbs", "subjects", "reports", "interview")
    for name in rules:  # the rule modules the extractor is built of
        module = Path(extract.__file__).parent / f"{name}.py"
        code = module.read_text(encoding="utf-8")
        assert not re.search(r"lemma\s*(==|!=|in\b)|lemma\.startswith", code), module.name


@pytest.mark.parametrize(
    "text,cue,stance,kind",
    [
        ("نفت الوزارة أن تكون قواتها قصفت القرية.", "نفت", "deny", "organization"),
        ("يعتقد مسؤولون أن الهجوم نفذته جماعة مسلحة.", "يعتقد", "speculate", "anonymous"),
        ("وبحسب مصادر محلية، قتل ثلاثة أشخاص في القصف.", "وبحسب", "assert", "anonymous"),
    ],
)
def test_control_the_stage_uses_these_cues(text: str, cue: str, stance: str, kind: str) -> None:
    """Positive control: a cue of the lists above gives a claim with its stance."""
    [c] = extract_claims(Document(id="t", text=text))
    assert (c.cue.text, c.stance, c.source.kind) == (cue, stance, kind)


def test_norm_data_is_written_folded():
    """Word lists compared with the token norm must be written in it (an entry with ئ/ؤ/ى/ة/أ
    never matches: "قائلا" is "قايلا" in the norm)."""
    from pathlib import Path

    from rasid.text import fold

    data = Path(__file__).resolve().parents[2] / "src/rasid/claims/data"
    bad = []
    for f in sorted(data.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        if "matching form of token norm" not in text:
            continue
        bad += [f"{f.name}: {ln}" for ln in text.splitlines()
                if ln.strip() and not ln.startswith("#") and fold(ln.strip()) != ln.strip()]
    for ln in (data / "particles.tsv").read_text(encoding="utf-8").splitlines():
        name, _, rest = ln.partition("\t")
        if ln.startswith("#") or not rest or name == "first_person":  # the hamza itself, unfolded text
            continue
        bad += [f"particles.tsv {name}: {x}" for x in rest.split("\t")[0].split() if fold(x) != x]
    assert bad == []
