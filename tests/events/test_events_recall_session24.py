"""Issue 13, event recall on real text (session 24): the masculine capture verb with its
subject between verb and preposition and storming told in the plural. Sentences are
written for the tests."""

from __future__ import annotations

import pytest
from ev_helpers import analyze_text, make_doc

from rasid.events import extract
from rasid.events.lexicon import find_triggers
from rasid.text import fold, tokenize


@pytest.mark.parametrize(
    "text,form,typ,strong",
    [
        ("وسيطر مقاتلو المعارضة أمس على ثلاث نقاط قرب البلدة", "سيطر", "ASSAULT", False),
        ("واجتاحوا مساء الأحد البلدة الساحلية", "اجتاحوا", "ASSAULT", False),
    ],
)
def test_family_is_matched(text: str, form: str, typ: str, strong: bool) -> None:
    hits = [h for h in find_triggers(tokenize(text)) if h.entry.type == typ]
    hit = next((h for h in hits if h.entry.form == fold(form)), None)
    assert hit is not None, text
    assert hit.entry.strong is strong


@pytest.mark.parametrize(
    "text,typ",
    [
        # a when-clause tells the background, not the article's happening
        ("وقال إنه عندما سيطر مسلحو المعارضة أمس على حي في مدينة الموصل فر السكان.", "ASSAULT"),
    ],
)
def test_family_is_not_an_event(text: str, typ: str) -> None:
    assert not [e for e in extract(make_doc(text, places={"الموصل": "Mosul"})) if e.type == typ], text


@pytest.mark.parametrize(
    "text",
    [
        # calm or fear prevailing: سيطر needs its force word, the classifier does not vote
        "سيطر القلق على السكان بعد أيام من التوتر.",
        "وسيطر الهدوء الحذر على المدينة منذ صباح أمس.",
    ],
)
def test_capture_verb_needs_force_word(text: str) -> None:
    assert "ASSAULT" not in [e.type for e in analyze_text(text).events], text


def test_capture_with_subject_between_is_an_event() -> None:
    doc = make_doc("وسيطر عناصر المعارضة أمس على حي في مدينة الموصل.", places={"الموصل": "Mosul"})
    assert [e for e in extract(doc) if e.type == "ASSAULT"]
