"""A spokesman's phrase runs over an unknown name after the organisation (and its
city) that a mention covers (issue 13: "المقاومة" as an actor cut the phrase at the
organisation). Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from rasid.claims import annotate
from rasid.model.document import Document, Entity, Span


def _source(text: str, org: str, kind: str = "actor") -> str:
    s = text.index(org)
    ent = Entity("actor-1", kind, "X", mentions=[Span(s, s + len(org), org)])
    doc = Document(id="t", text=text)
    doc.entities = [ent]
    annotate(doc)
    (c,) = doc.claims
    return c.source.text


@pytest.mark.parametrize("text,org,expected", [
    # an unknown two-word name after the organisation, with or without its city
    ("وقال المتحدث باسم الكتيبة في حمص سامر الحلبي إن المقاتلين صدوا الهجوم.", "الكتيبة",
     "المتحدث باسم الكتيبة في حمص سامر الحلبي"),
    ("وقال المتحدث باسم الكتيبة سامر الحلبي إن المقاتلين صدوا الهجوم.", "الكتيبة",
     "المتحدث باسم الكتيبة سامر الحلبي"),
    # a time after the organisation is no name
    ("وقال المتحدث باسم الكتيبة أمس إن المقاتلين صدوا الهجوم.", "الكتيبة", "المتحدث باسم الكتيبة"),
])
def test_name_after_organisation(text: str, org: str, expected: str) -> None:
    assert _source(text, org) == expected
