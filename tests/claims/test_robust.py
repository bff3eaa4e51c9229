"""Any text: the claims stage never fails and every span is exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.claims import annotate
from rasid.model.document import Document

WORDS = ["قال", "وقال", "مصدر", "أمني", "إن", "أن", "بحسب", "مصادر", "نفت", "الوزارة", "وأضاف",
         "نقلت", "وكالة", "عن", "مسؤول", "قوله", "مضيفا", "تأكيد", "على", "في", "بيان", "لـ",
         "«", "»", "“", "”", '"', ":", "،", ".", "\n", "(", ")", "يُعتقد", "أكّد", "ولم", "يؤكد"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_any_word_salad(words: list[str]) -> None:
    doc = Document(id="h", text=" ".join(words))
    annotate(doc)
    assert doc.check_spans() == []
    ids = {c.id for c in doc.claims}
    for c in doc.claims:
        assert c.stance in ("assert", "deny", "speculate")
        assert c.source.kind in ("named", "anonymous", "organization", "media", "document")
        assert c.content.end > c.content.start
        assert c.via is None or c.via in ids


def test_control_words_of_the_salad_give_a_claim() -> None:
    """Positive control: the salad's words in order make a claim (a dead stage
    passes the property above)."""
    doc = Document(id="h", text="قال مصدر أمني إن مسلحين هاجموا الحاجز.")
    annotate(doc)
    [c] = doc.claims
    assert (c.source.text, c.source.kind, c.cue.text, c.stance) == ("مصدر أمني", "anonymous", "قال", "assert")
    assert doc.check_spans() == []
