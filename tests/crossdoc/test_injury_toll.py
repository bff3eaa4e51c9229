"""An agreeing injury toll (issue 14 item 2): a small score term that chooses
among compatible merged events (``merge.INJURY_AGREE``), never evidence for a
merge on its own; at one town (``merge.INJURY_KEEPS_SPOT``) it keeps a
disagreeing death toll from setting two reports apart.

A crash told at a coarse place ("north-west of the country") with ten wounded
goes to the merged event of the town that gives ten wounded, not to another
compatible one."""

from __future__ import annotations

import pytest

from rasid.crossdoc import merge
from rasid.crossdoc.merge import EventMerger, MergedEvent
from rasid.crossdoc.mentions import Mention
from rasid.store.crossdoc import ensure_schema

DAY = "2024-08-05"
# hand-written: a warplane crashes into a market in a town of Idlib governorate
CRASH_TOWN = "سقطت طائرة حربية أمس في سوق مزدحم وسط مدينة أريحا ما أدى إلى إصابة عشرة أشخاص بجروح."
CRASH_REGION = "قال شهود إن طائرة حربية تحطمت اليوم في سوق بلدة في شمال غرب البلاد وأصيب عشرة أشخاص."
OTHER_TOWN = "قصفت طائرات حربية اليوم أطراف مدينة جسر الشغور وأصيب شخصان بجروح."

ARIHA = dict(level=1, lat=35.81, lon=36.61, admin1="Idlib", country="SY", place_name="Ariha")
JISR = dict(level=1, lat=35.80, lon=36.32, admin1="Idlib", country="SY", place_name="Jisr al-Shughur")
IDLIB = dict(level=3, lat=35.8, lon=36.6, admin1="Idlib", country="SY", place_name="Idlib Governorate")


def _m(doc: str, text: str, *, injured: int | None = None, killed: int | None = None, story: str = "st-x",
       day: str = DAY, inferred: bool = False, **place) -> Mention:
    start = "2024-08-03" if inferred else day
    return Mention(doc_id=doc, event_id="event-1", type="ASSAULT", date_start=start, date_end=day,
                   date_inferred=inferred, injuries=injured, fatalities=killed, story_id=story,
                   evidence=text, evidence_start=0, **place)


@pytest.fixture()
def merger(conn):
    ensure_schema(conn)
    return EventMerger(conn)


def test_the_agreeing_injury_toll_chooses_the_event(merger):
    town = MergedEvent("me-town", "ASSAULT", [_m("a", CRASH_TOWN, injured=10, **ARIHA)])
    other = MergedEvent("me-other", "ASSAULT", [_m("b", OTHER_TOWN, injured=2, **JISR)])
    coarse = _m("c", CRASH_REGION, injured=10, **IDLIB)
    s_town, s_other = merger.score(coarse, town), merger.score(coarse, other)
    assert s_town is not None and s_other is not None
    assert s_town > s_other
    assert s_town == pytest.approx(s_other + merge.INJURY_AGREE)


def test_an_injury_toll_alone_does_not_merge_a_governorate_from_another_story(merger):
    town = MergedEvent("me-town", "ASSAULT", [_m("a", CRASH_TOWN, injured=10, **ARIHA)])
    assert merger.score(_m("c", CRASH_REGION, injured=10, story="st-y", inferred=True, **IDLIB), town) is None


def test_at_one_town_an_agreeing_injury_toll_keeps_a_disagreeing_death_toll(merger):
    # the same town, another story, dated from publication: 2 killed against 9 ...
    town = MergedEvent("me-town", "ASSAULT", [_m("a", CRASH_TOWN, injured=10, killed=9, **ARIHA)])
    assert merger.score(_m("c", CRASH_REGION, killed=2, story="st-y", inferred=True, **ARIHA), town) is None
    assert merger.score(_m("c", CRASH_REGION, injured=4, killed=2, story="st-y", inferred=True, **ARIHA),
                        town) is None
    # ... but the same ten wounded: one happening, the tolls kept apart
    assert merger.score(_m("c", CRASH_REGION, injured=10, killed=2, story="st-y", inferred=True, **ARIHA),
                        town) is not None


def test_at_a_governorate_an_agreeing_injury_toll_is_not_enough(merger):
    gov = MergedEvent("me-gov", "ASSAULT", [_m("a", CRASH_TOWN, injured=10, killed=9, **IDLIB)])
    assert merger.score(_m("c", CRASH_REGION, injured=10, killed=2, story="st-y", inferred=True, **IDLIB),
                        gov) is None


def test_only_another_articles_injury_toll_counts(merger):
    # one round-up telling two roadside bombs with two wounded each: no bonus from its own toll
    own = MergedEvent("me-own", "ASSAULT", [_m("c", OTHER_TOWN, injured=2, **JISR)])
    bare = MergedEvent("me-bare", "ASSAULT", [_m("c", OTHER_TOWN, **JISR)])
    mine = _m("c", OTHER_TOWN, injured=2, **IDLIB)
    assert merger.score(mine, own) == merger.score(mine, bare)


# hand-written: a bombing at a security-forces mosque told by two papers at the governorate only
MOSQUE_1 = "قتل عدد من رجال الأمن وأصيب سبعة آخرون في تفجير انتحاري استهدف مسجدا داخل مقر أمني بمنطقة عسير."
MOSQUE_2 = "استشهد ثلاثة عشر من رجال الأمن وأصيب تسعة في تفجير أثناء صلاة الظهر بمسجد مقر القوات بمنطقة عسير أمس."
ASIR = dict(level=3, lat=19.0, lon=42.8, admin1="Asir", country="SA", place_name="Asir Region")
JAZAN = dict(level=3, lat=17.0, lon=42.7, admin1="Jazan", country="SA", place_name="Jazan Region")


@pytest.mark.parametrize("mine, expected", [
    # another story, dated from publication, the governorate only: the same wounded join them
    (dict(injured=7), True),
    (dict(injured=7, at=40), True),
    # no toll, another toll, another governorate, or told far down the article: apart
    (dict(), False),
    (dict(injured=30), False),
    (dict(injured=7, **JAZAN), False),
    (dict(injured=7, at=2000), False),
])
def test_one_governorate_and_another_articles_injury_toll(merger, mine, expected):
    theirs = MergedEvent("me-1", "ASSAULT", [_m("a", MOSQUE_2, injured=9, day="2024-08-06", **ASIR)])
    at = mine.pop("at", 0)
    place = {k: mine.pop(k) for k in list(mine) if k in JAZAN} or ASIR
    m = _m("b", MOSQUE_1, story="st-y", day="2024-08-07", inferred=True, **mine, **place)
    m.evidence_start = at
    assert (merger.score(m, theirs) is not None) is expected


def test_a_small_injury_toll_identifies_no_happening(merger):
    # three wounded agree with two and four: a hint for the story (WEAK_LINK), never a merge
    theirs = MergedEvent("me-1", "ASSAULT", [_m("a", MOSQUE_2, injured=3, day="2024-08-06", **ASIR)])
    m = _m("b", MOSQUE_1, story="st-y", day="2024-08-07", inferred=True, injured=3, **ASIR)
    assert merger.score(m, theirs) is None
    assert merger.score(m, theirs, weak=True, story_known=False) == merge.WEAK_LINK
