"""One event per happening (issue 13, item 2): a death told with its means, then a
strike by another means in a later sentence, is two happenings; a reference back
to the same means stays one. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from ev_helpers import Analyzed


def _assaults(analyzed: Analyzed, text: str) -> list[tuple[str | None, int]]:
    doc, names = analyzed(text)
    return [(names.get(e.place), len(e.evidence)) for e in doc.events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text,n", [
    # deaths in clashes, then air strikes by a named party (a generic verb takes its clause's means)
    ("قتل خمسة من المسلحين في مواجهات مع الجيش قرب مدينة إدلب أمس. "
     "وشنت طائرات التحالف غارات على مواقع للتنظيم في المدينة.", 2),
    ("لقي ثلاثة جنود مصرعهم في اشتباكات مع مسلحين في مدينة الرمادي. "
     "وشن الطيران غارات على مواقع المسلحين شمال المدينة.", 2),
    # the same means again, or a consequence of it: one happening
    ("قتل أربعة مدنيين في غارات جوية على بلدة سراقب أمس. وأسفر القصف عن تدمير عدد من المنازل في البلدة.", 1),
    ("قتل ستة أشخاص في انفجار سيارة مفخخة في مدينة كركوك. وأدى التفجير إلى إصابة عشرين آخرين.", 1),
])
def test_means_tell_happenings_apart(analyzed: Analyzed, text: str, n: int) -> None:
    got = _assaults(analyzed, text)
    assert len(got) == n, got


@pytest.mark.parametrize("text,etype,place,actor", [
    # a verb opening a sentence that goes on (و، كما) with no subject of its own: the
    # subject of the previous sentence's verb of its type
    ("وشنت طائرات التحالف غارات على مواقع للحوثيين شمال مدينة مأرب. وشنت غارة أخرى على مواقعهم في مديرية صرواح.",
     "ASSAULT", "Sirwah", "US-led coalition"),
    ("اعتقلت الشرطة التركية عشرة أشخاص في إسطنبول. كما اعتقلت خمسة آخرين في أنقرة.",
     "COERCE", "Ankara", "Turkish security forces"),
    # a subject of its own, named by a nationality adjective, wins
    ("قصفت قوات النظام بلدات في ريف إدلب أمس. كما شنت طائرات حربية روسية غارات على مدينة جسر الشغور.",
     "ASSAULT", "Jisr al-Shughur", "Russian forces"),
    # not an explosion's verb with its device after it, nor a verb with a generic subject
    ("قصفت القوات الحكومية أحياء في مدينة درعا أمس. وانفجرت عبوة ناسفة قرب سوق في مدينة حلب.", "ASSAULT", "Aleppo", None),
    ("هاجمت قوات النظام بلدة في ريف حماة. واشتبك مسلحون مع دورية للشرطة في مدينة حمص.", "ASSAULT", "Homs", "Unidentified armed group"),
])
def test_subject_carried_to_the_next_sentence(analyzed: Analyzed, text: str, etype: str, place: str, actor: str | None) -> None:
    doc, names = analyzed(text)
    got = [(e.type, names.get(e.place), names.get(e.actor)) for e in doc.events]
    assert (etype, place, actor) in got, got
