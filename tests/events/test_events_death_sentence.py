"""Issue 13 (evtrig): a court's death sentence is COERCE (a sentence), its manner
("رمياً بالرصاص") no shooting; a sentence carried out by an armed party is an
execution, ASSAULT. Sentences written for the tests."""

from __future__ import annotations

import pytest
from ev_helpers import make_doc

from rasid.events import extract
from rasid.events.lexicon import find_triggers
from rasid.text import tokenize


@pytest.mark.parametrize(
    "text,form,typ",
    [
        ("وأصدرت محكمة الجنايات حكم الإعدام رمياً بالرصاص على المدان", "حكم الاعدام", "COERCE"),
        ("وقضت المحكمة بإعدام خمسة مدانين", "قضت باعدام", "COERCE"),
        ("وقال الناشطون إن التنظيم نفذ السبت حكم الإعدام رمياً بالرصاص في ثلاثة رجال", "نفذ حكم الاعدام", "ASSAULT"),
        ("ونفذت الجماعة حكم الإعدام بحق أسيرين", "نفذت حكم الاعدام", "ASSAULT"),
    ],
)
def test_death_sentence_and_execution(text: str, form: str, typ: str) -> None:
    hits = [(h.entry.form, h.entry.type) for h in find_triggers(tokenize(text), text)]
    assert (form, typ) in hits, hits
    assert not [f for f, t in hits if t == "ASSAULT" and typ == "COERCE"], hits


@pytest.mark.parametrize(
    "text,typ",
    [
        ("نفذ مسلحو التنظيم أمس حكم الإعدام رمياً بالرصاص في أربعة سائقين في الموصل.", "ASSAULT"),
        ("وقضت المحكمة في الموصل بإعدام خمسة مدانين.", "COERCE"),
    ],
)
def test_death_sentence_events(text: str, typ: str) -> None:
    # positive control through the whole stage (tests/test_mutation.py)
    doc = make_doc(text, places={"الموصل": "Mosul"})
    assert [e.type for e in extract(doc)] == [typ]
