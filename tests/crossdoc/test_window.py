"""A stated window ("الأسبوع الماضي") against an event dated inside it (issue 14
item 2): one happening at one spot with an agreeing toll, never on a month."""

from __future__ import annotations

from articles import BUKAMAL, make_doc

from rasid import crossdoc
from rasid.crossdoc import list_merged

TEXT_DAY = ("قصفت طائرات حربية فجر الثلاثاء مستودعا للذخيرة في مدينة البوكمال، ما أسفر عن مقتل أربعة "
            "مسلحين، بحسب مصادر محلية.")
TEXT_WEEK = ("كشفت مصادر أن الغارة التي استهدفت مستودعا للذخيرة في البوكمال الأسبوع الماضي أسفرت عن مقتل "
             "أربعة مسلحين، وأن المستودع كان يضم صواريخ.")


def _day():
    d = make_doc("d", "وكالة الشرق", "2024-03-12", TEXT_DAY, trigger="قصفت", place=BUKAMAL, date="2024-03-12")
    d.events[0].fatalities = 4
    return d


def _week(start: str = "2024-03-11", end: str = "2024-03-17", killed: int = 4):
    w = make_doc("w", "صحيفة الفرات", "2024-03-20", TEXT_WEEK, trigger="الغارة", place=BUKAMAL, date=start)
    w.events[0].time = {"value_start": start, "value_end": end}
    w.events[0].fatalities = killed
    return w


def _mentions(conn):
    return {m["doc_id"]: e["id"] for e in list_merged(conn) for m in e["mentions"]}


def test_last_week_with_the_same_toll_at_the_same_town_is_one_event(conn):
    crossdoc.update(conn, [_day(), _week()])
    by = _mentions(conn)
    assert by["d"] == by["w"]


def test_last_week_with_another_toll_stays_apart(conn):
    crossdoc.update(conn, [_day(), _week(killed=15)])
    by = _mentions(conn)
    assert by["d"] != by["w"]


def test_a_window_that_does_not_hold_the_day_stays_apart(conn):
    crossdoc.update(conn, [_day(), _week("2024-03-04", "2024-03-10")])
    by = _mentions(conn)
    assert by["d"] != by["w"]


def test_a_month_is_not_a_window(conn):
    crossdoc.update(conn, [_day(), _week("2024-03-01", "2024-03-31")])
    by = _mentions(conn)
    assert by["d"] != by["w"]
