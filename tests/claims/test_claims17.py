"""Claims stage: a title and a name set off by commas before a bare object (issue 18, helper claims17).

Every sentence was written for these tests in the style of Arabic news (none
copied from an article).
"""

from __future__ import annotations

import pytest

from tests.claims.test_families import run

NAMES = {"سامي الحربي": ("person-1", "person", "سامي الحربي"),
         "محمد الحجيري": ("person-2", "person", "محمد الحجيري")}


def _claims(text: str) -> list[tuple[str, str, str]]:
    return [(c.source.text, c.cue.text, c.stance) for c in run(text, NAMES).claims]


APPOSITIONS = [
    # an object cue: the name between commas belongs to the speaker, the object follows it
    ("وفند رئيس البلدية، محمد الحجيري، مزاعم الجيش بوجود مسلحين في البلدة.",
     ("رئيس البلدية، محمد الحجيري", "وفند", "deny")),
    ("فند المتحدث باسم الوزارة، العميد خالد الشمري، الاتهامات الموجهة للحكومة.",
     ("المتحدث باسم الوزارة، العميد خالد الشمري", "فند", "deny")),
    ("ونفى قائد الشرطة، سامي الحربي، وجود أي اتفاق مع المسلحين.",
     ("قائد الشرطة، سامي الحربي", "ونفى", "deny")),
    # a place after the title is the title's: "رئيس بلدية المدينة، فلان،"
    ("فند رئيس بلدية الزبداني، محمد الحجيري، مزاعم الجيش بوجود مسلحين.",
     ("رئيس بلدية الزبداني، محمد الحجيري", "فند", "deny")),
    # unchanged: no commas, or an opener after the apposition
    ("وفند رئيس البلدية محمد الحجيري مزاعم الجيش.", ("رئيس البلدية محمد الحجيري", "وفند", "deny")),
    ("وأكد المتحدث باسم الجيش، العميد أحمد العسيري، أن القوات تقدمت نحو المدينة.",
     ("المتحدث باسم الجيش، العميد أحمد العسيري", "وأكد", "assert")),
]


@pytest.mark.parametrize("text, claim", APPOSITIONS)
def test_named_apposition_before_object(text, claim):
    assert claim in _claims(text)


# a phrase between commas that is no name (a setting) still makes the title alone the speaker
def test_setting_between_commas_is_no_name():
    got = _claims("ونفى الوزير، في تصريح للصحفيين، وجود أي اتفاق مع المسلحين.")
    assert ("الوزير", "ونفى", "deny") in got
