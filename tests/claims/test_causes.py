"""General causes behind QA findings on the claims stage, each shown on
sentences written for these tests (not the QA set's sentences)."""

from __future__ import annotations

from rasid.claims import annotate
from rasid.model.document import Document, Entity, Span


def run(text: str, entities: list[Entity] | None = None) -> Document:
    doc = Document(id="t", text=text)
    if entities:
        doc.entities = entities
    annotate(doc)
    assert doc.check_spans() == []
    return doc


def covers(claim, phrase: str) -> bool:
    return phrase in claim.content.text


def by_cue(doc: Document, cue: str):
    found = [c for c in doc.claims if c.cue.text == cue]
    assert len(found) == 1, [(c.source.text, c.cue.text) for c in doc.claims]
    return found[0]


# -- a relayed report is one claim, by the original source -------------------

def test_relay_is_one_claim_by_the_original_source():
    doc = run("ونقلت قناة محلية عن مصدر في البلدية قوله إن المياه ستعود إلى الأحياء خلال يومين.")
    assert len(doc.claims) == 1
    c = doc.claims[0]
    assert c.source.text.startswith("مصدر في البلدية") and covers(c, "المياه ستعود")
    assert "قناة محلية" in c.attrs["relay"]["text"]
