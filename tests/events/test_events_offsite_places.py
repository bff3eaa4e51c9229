"""The place and date of a happening told with a border, a launch site or a funeral
(issue 13 item 3, issue 14 item 2: per-document arguments that keep outlets' reports
of one happening apart). Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from ev_helpers import Analyzed, type_place_date


@pytest.mark.parametrize("text,etype,place", [
    # "على الحدود مع X": X is across the border; the place named for the happening wins
    ("قتل جندي من حرس الحدود المرابطين على الحدود مع اليمن إثر سقوط قذيفة في قطاع نجران أمس.", "ASSAULT", "Najrān"),
    # "من داخل الأراضي X"، "قادم من X": where the fire came from, not where it fell
    ("أصيب ثلاثة مدنيين أمس بقذيفة هاون من داخل الأراضي السورية سقطت على بلدة الريحانية.", "ASSAULT", "Reyhanli"),
    ("تعرضت دورية في قطاع الطوال بمنطقة جازان أمس لمقذوف من داخل الأراضي اليمنية.", "ASSAULT", "Al-Tuwal"),
    ("استشهد جندي أمس في مدينة نجران بمقذوف قادم من الأراضي اليمنية.", "ASSAULT", "Najrān"),
])
def test_border_or_launch_place_is_not_the_events(analyzed: Analyzed, text: str, etype: str, place: str) -> None:
    evs = [e for e in type_place_date(analyzed, text) if e[0] == etype]
    assert evs and evs[0][1] == place, type_place_date(analyzed, text)


@pytest.mark.parametrize("text,etype,wrong", [
    # with no other place, no place rather than the country the fire came from
    ("قتل جندي أمس بمقذوف عسكري من داخل الأراضي اليمنية.", "ASSAULT", "Yemen"),
])
def test_launch_country_alone_is_no_place(analyzed: Analyzed, text: str, etype: str, wrong: str) -> None:
    evs = [e for e in type_place_date(analyzed, text) if e[0] == etype]
    assert evs and evs[0][1] != wrong, type_place_date(analyzed, text)


def test_reports_from_inside_a_town_keep_its_place(analyzed: Analyzed) -> None:
    # "تقارير من داخل X": reports from inside a town are no launch site
    text = "وتحدثت تقارير من داخل الفلوجة عن قصف استهدف مسجدا أمس."
    evs = [e for e in type_place_date(analyzed, text) if e[0] == "ASSAULT"]
    assert evs and evs[0][1] == "Fallujah", type_place_date(analyzed, text)


@pytest.mark.parametrize("text,etype,dated", [
    # a day told before "الذي استشهد / الذين قتلوا ..." dates the funeral or the visit,
    # not the shelling the relative clause tells of
    ("شيع أهالي القرية اليوم جثمان الجندي الذي استشهد بقذيفة أطلقها المسلحون على الحدود.", "ASSAULT", False),
    ("زار الأمير مساء أمس ذوي الجنود الذين قتلوا في التفجير الإرهابي الذي استهدف المسجد.", "ASSAULT", False),
    # the same day in the happening's own clause dates it
    ("قتل جندي اليوم بقذيفة أطلقها المسلحون على القرية.", "ASSAULT", True),
    # a day counted back still dates the happening
    ("وصل الوزير قبل ثلاثة أيام إلى بيت الجندي الذي قتل في هجوم مسلح على الحاجز.", "ASSAULT", True),
])
def test_day_before_a_relative_clause_of_dying(analyzed: Analyzed, text: str, etype: str, dated: bool) -> None:
    doc, _ = analyzed(text)
    evs = [e for e in doc.events if e.type == etype]
    assert evs, type_place_date(analyzed, text)
    told = bool(evs[0].time) and not evs[0].attrs.get("time_inferred")
    assert told == dated, (evs[0].time, evs[0].attrs)


@pytest.mark.parametrize("text,etype,day", [
    # the announcement's day is not the strike's when the next sentence restates it with its own day
    ("أعلنت وزارة الدفاع اليوم أن قياديا في التنظيم قتل في غارة جوية استهدفته في ولاية باكتيكا. "
     "وأوضحت الوزارة أن العملية التي جرت في 11 يوليو أدت إلى مقتل مسلحين آخرين.", "ASSAULT", "2015-07-11"),
    # with no restatement, the report's day stays
    ("أعلنت وزارة الدفاع اليوم أن قياديا في التنظيم قتل في غارة جوية استهدفته في ولاية باكتيكا. "
     "وأوضحت الوزارة أن القيادي كان مسؤولا عن التخطيط للهجمات.", "ASSAULT", "2015-08-04"),
])
def test_announced_happening_dated_by_its_restatement(analyzed: Analyzed, text: str, etype: str, day: str) -> None:
    evs = [e for e in type_place_date(analyzed, text) if e[0] == etype]
    assert evs and evs[0][2] == day, type_place_date(analyzed, text)
