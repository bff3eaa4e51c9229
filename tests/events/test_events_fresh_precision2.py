"""Wrong-event families of a precision audit on fresh real text (issue 13, evfp2): a
line of a chronicle of past years, a meeting told again with its parties the other way
round, the names of the Popular Mobilisation Forces,
and the coalition a generic name stands for in a report on Yemen. Every sentence here
was written for these tests."""

from __future__ import annotations

import pytest

from ev_helpers import Analyzed, make_doc

from rasid.events import extract


def _events(analyzed: Analyzed, text: str, etype: str) -> list[tuple[str | None, str | None]]:
    doc, names = analyzed(text)
    return [(e.mode, names.get(e.actor) if e.actor else None) for e in doc.events if e.type == etype]


def test_whole_stage_positive_control() -> None:
    """The stage on a hand-built document: an attack told plainly is an event."""
    doc = make_doc("قصفت الطائرات مواقع المسلحين في مدينة الموصل أمس.", places={"الموصل": "Mosul"},
                   published="2015-08-04")
    assert [e.type for e in extract(doc)] == ["ASSAULT"]


@pytest.mark.parametrize("text,n", [
    # a chronicle line: a year before the publication year, then a dash
    ("1995 - انفجار في محطة لقطار الأنفاق في باريس أسفر عن مقتل ثمانية أشخاص.", 0),
    ("2008- تسعة قتلى في اشتباكات بين الشرطة ومسلحين في مدينة غزة.", 0),
    # the same sentence as news (no year), and a year inside a sentence
    ("انفجار في محطة لقطار الأنفاق في باريس أسفر أمس عن مقتل ثمانية أشخاص.", 1),
    ("قتل ثمانية أشخاص أمس في انفجار في محطة لقطار الأنفاق في باريس، وهو الأعنف منذ 1995.", 1),
])
def test_chronicle_line_is_history(analyzed: Analyzed, text: str, n: int) -> None:
    assert len(_events(analyzed, text, "ASSAULT")) == n


def test_meeting_told_again_with_parties_swapped(analyzed: Analyzed) -> None:
    text = ("التقى وزير الدفاع الأمريكي أشتون كارتر أمس رئيس إقليم كردستان العراق مسعود بارزاني. "
            "وأجرى كارتر بعيد وصوله إلى أربيل لقاء مع بارزاني بحضور مسؤولين عسكريين.")
    assert len(_events(analyzed, text, "CONSULT")) == 1


@pytest.mark.parametrize("text", [
    "تنفذ القوات العراقية بدعم من الحشد الشعبي عمليات لاستعادة المناطق التي يسيطر عليها داعش في محافظة الأنبار.",
    "متى يبدأ دور الحشد الوطني في عمليات تحرير مدينة الموصل؟",
])
def test_popular_mobilisation_is_a_name(analyzed: Analyzed, text: str) -> None:
    assert _events(analyzed, text, "MOBILIZE") == []


@pytest.mark.parametrize("text,actor", [
    # a report on Yemen: the Saudi-led coalition
    ("شنت طائرات التحالف أمس غارات على مواقع الحوثيين في محافظة صعدة.", "Saudi-led coalition"),
    # Syria: the US-led one (the default)
    ("شنت طائرات التحالف أمس غارات على مواقع تنظيم داعش في مدينة الرقة.", "US-led coalition"),
    # both named: each keeps its own
    ("شنت طائرات التحالف الدولي أمس غارات على مواقع تنظيم داعش في مدينة الرقة، فيما يواصل الحوثيون القتال في اليمن.",
     "US-led coalition"),
])
def test_generic_coalition_name(analyzed: Analyzed, text: str, actor: str) -> None:
    got = _events(analyzed, text, "ASSAULT")
    assert got and got[0][1] == actor, got
