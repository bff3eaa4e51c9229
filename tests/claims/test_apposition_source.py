"""A claim's source is the person named in commas after a title and its place
(issues 15/18: "رئيس بلدية عرسال، علي الحجيري،" gave only "رئيس بلدية").
The sentences here were written for this test."""

from __future__ import annotations

from rasid.model.document import Document
from rasid.pipeline import analyze


def test_source_is_person_in_commas_after_title_and_place():
    text = "نفى رئيس بلدية القرية، علي الحمدان، مزاعم المسلحين بأنهم دخلوا البلدة."
    d = analyze(Document(id="t", text=text))
    c = next(c for c in d.claims if c.cue.text == "نفى")
    person = next(e for e in d.entities if e.kind == "person" and e.name_ar == "علي الحمدان")
    assert c.source.entity == person.id
    assert "علي الحمدان" in c.source.text
