"""Days named by both texts (issue 14 item 2): two articles whose trigger clauses
name different days (a weekday, a calendar date) are two events, not one within
``DATE_TOL_DAYS``; "yesterday", a statement's day and a publication date keep the
tolerance."""

from __future__ import annotations

from articles import BUKAMAL, make_doc

from rasid import crossdoc, times
from rasid.crossdoc import list_merged
from rasid.crossdoc.mentions import mentions_of

# published on Tuesday 2024-03-12: الأحد = 03-10, الاثنين = 03-11
SUNDAY = "قصفت طائرات حربية الأحد مستودعا للذخيرة في مدينة البوكمال وقتل أربعة مسلحين."
MONDAY = "قصفت طائرات حربية الاثنين مستودعا للذخيرة في مدينة البوكمال وقتل أربعة مسلحين."
DATED = "قصفت طائرات حربية في 11 مارس 2024 مستودعا للذخيرة في مدينة البوكمال وقتل أربعة مسلحين."
YESTERDAY = "قصفت طائرات حربية أمس مستودعا للذخيرة في مدينة البوكمال وقتل أربعة مسلحين."
SAID = "قالت مصادر محلية الاثنين إن طائرات حربية قصفت مستودعا للذخيرة في مدينة البوكمال."
RELATIVE = "قصفت طائرات حربية مستودعا للذخيرة في مدينة البوكمال التي زارها الوزير الاثنين."


def _doc(doc_id: str, text: str, day: str, published: str = "2024-03-12", trigger: str = "قصفت"):
    d = make_doc(doc_id, f"صحيفة {doc_id}", published, text, trigger=trigger, place=BUKAMAL, date=day)
    times.annotate(d)
    return d


def _same(conn, docs) -> bool:
    crossdoc.update(conn, docs)
    by = {m["doc_id"]: e["id"] for e in list_merged(conn) for m in e["mentions"]}
    return by[docs[0].id] == by[docs[1].id]


def test_two_named_weekdays_a_day_apart_are_two_events(conn):
    assert not _same(conn, [_doc("a", SUNDAY, "2024-03-10"), _doc("b", MONDAY, "2024-03-11")])


def test_a_weekday_and_a_calendar_date_a_day_apart_are_two_events(conn):
    assert not _same(conn, [_doc("a", SUNDAY, "2024-03-10"), _doc("b", DATED, "2024-03-11")])


def test_the_same_named_day_is_one_event(conn):
    assert _same(conn, [_doc("a", MONDAY, "2024-03-11"), _doc("b", DATED, "2024-03-11")])


def test_yesterday_keeps_the_tolerance(conn):
    # "أمس" is resolved against a publication date outlets give differently
    assert _same(conn, [_doc("a", SUNDAY, "2024-03-10"), _doc("b", YESTERDAY, "2024-03-11")])


def test_a_statement_day_keeps_the_tolerance(conn):
    # "قالت ... الاثنين إن": the day of the statement, not of the strike
    assert _same(conn, [_doc("a", SUNDAY, "2024-03-10"), _doc("b", SAID, "2024-03-11")])


def test_named_day_of_a_mention():
    days = {}
    for name, text, day, pub in (("sunday", SUNDAY, "2024-03-10", "2024-03-12"),
                                 ("dated", DATED, "2024-03-11", "2024-03-12"),
                                 ("yesterday", YESTERDAY, "2024-03-11", "2024-03-12"),
                                 ("said", SAID, "2024-03-11", "2024-03-12"),
                                 ("relative", RELATIVE, "2024-03-11", "2024-03-12"),
                                 ("published", MONDAY, "2024-03-11", "2024-03-11")):
        days[name] = mentions_of(_doc(name, text, day, pub))[0].named_day
    assert days == {"sunday": "2024-03-10", "dated": "2024-03-11", "yesterday": None, "said": None,
                    "relative": None, "published": None}


def test_an_inferred_date_is_no_named_day():
    d = _doc("a", SUNDAY, "2024-03-10")
    d.events[0].attrs["time_inferred"] = True
    assert mentions_of(d)[0].named_day is None
