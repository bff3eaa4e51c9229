"""The verb rules of the claims stage one by one (issue 16 item 3): each rule
decides (True) on the sentence written for it and leaves a control to the
later rules (False)."""

from __future__ import annotations

import re

import pytest

from rasid.claims.extract import Extractor, VerbCue
from rasid.claims.tokens import Words
from rasid.model.document import Document


def site(text: str, word: str) -> tuple[Extractor, VerbCue]:
    """The extractor over ``text`` and the verb cue at the token written ``word``."""
    ex = Extractor(Words(Document(id="t", text=text)))
    i = next(k for k, t in enumerate(ex.w.toks) if t.text == word)
    cue = ex.cue_at(i)
    assert cue is not None and cue.family == "verb", word
    return ex, ex.verb_cue(i, cue)


def test_rules_are_numbered_as_documented():
    doc = Extractor.verb.__doc__ or ""
    for n, rule in enumerate(Extractor.VERB_RULES, 1):
        assert (rule.__doc__ or "").startswith(f"{n}. "), rule.__name__
        assert re.search(rf"^\s*{n}\. ", doc, re.M), n
    assert len(Extractor.VERB_RULES) == 17


def test_not_a_saying():
    ex, v = site("يُعتقد أن الهجوم فشل.", "يُعتقد")
    assert ex.not_a_saying(v)
    ex, v = site("يعتقد مسؤولون أن الهجوم فشل.", "يعتقد")
    assert not ex.not_a_saying(v)


def test_negated_statement():
    ex, v = site("لم تعلن أي جهة المسؤولية عن الهجوم.", "تعلن")
    assert v.negated and ex.negated_statement(v)
    ex, v = site("لم تؤكد الوزارة أن الهجوم فشل.", "تؤكد")
    assert v.negated and not ex.negated_statement(v)


def test_source_to_opener_drafts_the_claim():
    ex, v = site("قال مصدر أمني إن القوات انسحبت من الموقع.", "قال")
    assert ex.source_to_opener(v)
    [d] = ex.drafts
    assert d.source.span.text == "مصدر أمني" and ex.w.doc.text[d.content_start:].startswith("إن")
    ex, v = site("ونفت الوزارة الأمر.", "ونفت")
    assert v.op is None and not ex.source_to_opener(v) and not ex.drafts


def test_issuer_speaks():
    ex, v = site("وأصدر البيت الأبيض بياناً، قال فيه إن القوات انسحبت.", "قال")
    assert ex.issuer(v)
    [d] = ex.drafts
    assert d.source.span.text.startswith("البيت")  # the issuer; without entities its head noun


@pytest.mark.parametrize("text, verb", [("ونفت الوزارة الأمر.", "ونفت")])
def test_anaphoric_object_after_the_phrase_rule(text, verb):
    ex, v = site(text, verb)
    with pytest.raises(RuntimeError, match="rule 12"):
        ex.anaphoric_object(v)  # reads the phrase that rule 12 sets
    assert not ex.no_phrase_after(v) and v.end is not None
    assert ex.anaphoric_object(v)
    [d] = ex.drafts
    assert d.source.span.text == "الوزارة" and d.attrs["anaphoric"]


def test_control_the_stage_drafts_a_claim_from_a_verb_cue() -> None:
    """Positive control: a plain verb cue gives a claim through the whole stage."""
    from rasid.claims import extract_claims

    [c] = extract_claims(Document(id="t", text="وقال المتحدث باسم الجيش إن القوات سيطرت على البلدة."))
    assert c.cue.text == "وقال" and c.stance == "assert"


def test_a_token_view_gives_the_norm_of_each_token_and_nothing_past_its_ends():
    """``Words.norm`` (a dict lookup for speed): each token's folded form, '' outside."""
    w = Words(Document(id="t", text="قالَ المتحدث إن الهجوم وقع"))
    assert [w.norm(i) for i in range(-2, len(w) + 2)] == ["", ""] + [t.norm for t in w.toks] + ["", ""]
