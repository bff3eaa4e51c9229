"""Issue 13 (evtrig): captures, advances and clearing told by a verbal noun or a verb the
older lists lacked, and the idioms and names of the same words that report nothing.

Sentences are written for the tests (paraphrases of real-article phrasings)."""

from __future__ import annotations

import pytest

from rasid.events.lexicon import find_triggers
from rasid.text import fold, tokenize


def _assault_forms(text: str) -> list[tuple[str, bool]]:
    return [(h.entry.form, h.entry.strong) for h in find_triggers(tokenize(text), text) if h.entry.type == "ASSAULT"]


@pytest.mark.parametrize(
    "text,form,strong",
    [
        ("أعلنت الفصائل سيطرة مقاتليها على بلدة في الريف الشمالي", "سيطرة", False),
        ("وتمكن الجيش من تحرير مديرية كاملة من المسلحين", "تحرير", False),
        ("بعد يومين من استعادة المطار من قبضة المتمردين", "استعادة", False),
        ("نجحت القوات في استرداد البلدة الساحلية", "استرداد", False),
        ("وبدأت الوحدات تطهيرها من بقايا المسلحين", "تطهير", False),
        ("وحقق الجيش تقدما عند المدخل الشرقي للبلدة", "تقدما", False),
        ("واصلت الفصائل التقدم نحو الطريق الدولي", "التقدم نحو", False),
        ("واجتاحت القوات الحي القديم فجر السبت", "اجتاح", False),
        ("وحققت القوات الحكومية انتصارات جديدة في جبهتين", "حققت انتصارات", True),
    ],
)
def test_capture_family_is_matched(text: str, form: str, strong: bool) -> None:
    assert (" ".join(fold(form).split()), strong) in _assault_forms(text), text


@pytest.mark.parametrize(
    "text",
    [
        # control as a state or an area, not its taking
        "وتقع البلدة تحت سيطرة الفصائل منذ عامين",
        "ووصل النازحون إلى مناطق سيطرة الحكومة",
        "في القرى الخاضعة لسيطرة التنظيم",
        "سقطت قذيفة على الحي الخاضع لسيطرة الفصائل",
        # names and idioms
        "وقال رئيس تحرير الصحيفة إن العدد صدر",
        "وأعلنت جبهة تحرير الشعب مسؤوليتها",
        "وندد البيان بحملات التطهير العرقي",
    ],
)
def test_idioms_and_names_are_no_capture(text: str) -> None:
    forms = {f for f, _ in _assault_forms(text)}
    assert not forms & {fold(w) for w in ("سيطرة", "تحرير", "تطهير")}, text


@pytest.mark.parametrize(
    "text,form,typ",
    [
        # a court's death sentence is COERCE (a sentence), its manner no shooting
        ("وأصدرت محكمة الجنايات حكم الإعدام رمياً بالرصاص على المدان", "حكم الاعدام", "COERCE"),
        ("وقضت المحكمة بإعدام خمسة مدانين", "قضت باعدام", "COERCE"),
        # a death sentence carried out by an armed group is an execution: ASSAULT
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
    from ev_helpers import make_doc

    from rasid.events import extract

    doc = make_doc(text, places={"الموصل": "Mosul"})
    assert [e.type for e in extract(doc)] == [typ]
