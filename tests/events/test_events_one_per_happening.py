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
     "ASSAULT", "Sirwah", "Saudi-led coalition"),
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


@pytest.mark.parametrize("text,places", [
    # two provinces of one country (the gazetteer's admin1), however close their
    # points: two happenings, even by one actor
    ("شن طيران التحالف غارات على مواقع للحوثيين في منطقة الجفينة جنوب غرب مأرب أمس. "
     "كما شن طيران التحالف خمس غارات على تجمعات للحوثيين في محافظة الجوف.",
     {"Al Jufaynah", "Al Jawf Governorate"}),
    ("قصفت قوات النظام حي جوبر في دمشق بقذائف المدفعية أمس. "
     "وقصفت قوات النظام مدينة داريا بقذائف المدفعية.",
     {"Jobar", "Darayya"}),
])
def test_two_provinces_are_two_happenings(analyzed: Analyzed, text: str, places: set[str]) -> None:
    got = _assaults(analyzed, text)
    assert {p for p, _ in got} >= places, got


@pytest.mark.parametrize("text,place", [
    # a town and the province that holds it, or a region wider than one province
    # ("إقليم كردستان" holds Erbil): one happening
    ("شن طيران التحالف غارات على مواقع للحوثيين في مدينة مأرب أمس. "
     "وقالت مصادر إن الغارات استهدفت مخازن أسلحة في محافظة مأرب.", "Marib"),
    ("قصفت الطائرات التركية مواقع لحزب العمال الكردستاني قرب أربيل أمس. "
     "وقصفت الطائرات التركية مواقع للحزب في إقليم كردستان العراق.", "Erbil"),
])
def test_one_province_stays_one_happening(analyzed: Analyzed, text: str, place: str) -> None:
    got = _assaults(analyzed, text)
    assert len(got) == 1 and got[0][0] == place, got


@pytest.mark.parametrize("feature,precision,admin1,gid,inside", [
    ("town", 1, "Marib", "ye-jufaynah", True),  # a point
    ("admin1", 3, "Al Jawf", "ye-gov-jawf", True),  # a governorate
    ("region", 3, "Salah ad-Din", "iq-gov-salah", True),  # a side of a governorate
    ("region", 2, "Damascus", "sy-damascus", False),  # a side of a city reaches beyond it
    ("region", 3, "Kurdistan", "rg-kurdistan-iq", False),  # a region over several provinces
    ("town", 1, "12", "gn-163799", False),  # a GeoNames admin1 code: another scheme
    ("town", 1, None, "ye-x", False),
])
def test_in_one_province(feature: str, precision: int, admin1: str | None, gid: str, inside: bool) -> None:
    from rasid.events.merge import _in_one_province
    from rasid.model.document import Entity, PlaceInfo

    e = Entity(id="p", kind="place", name="p", place=PlaceInfo(
        lat=15.0, lon=45.0, country="YE", feature=feature, precision=precision, admin1=admin1, gazetteer_id=gid))
    assert _in_one_province(e) is inside
