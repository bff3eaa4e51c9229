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
