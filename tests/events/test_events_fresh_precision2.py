"""Wrong-event families of a precision audit on fresh real text (issue 13, evfp2): a
line of a chronicle of past years, a meeting told again with its parties the other way
round, two words of one clause that took its coordinated actors apart, the names of the
Popular Mobilisation Forces, and the coalition a generic name stands for in a report on
Yemen. Every sentence here was written for these tests."""

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
    ("1983 - انفجار سيارة مفخخة أمام مبنى حكومي في بيروت أسفر عن مقتل عشرين شخصا.", 0),
    ("2006- مقتل خمسة في اشتباكات بين الشرطة ومسلحين في مدينة نابلس.", 0),
    # the same sentence as news (no year), and a year inside a sentence
    ("انفجار سيارة مفخخة أمام مبنى حكومي في بيروت أسفر أمس عن مقتل عشرين شخصا.", 1),
    ("قتل عشرون شخصا أمس في انفجار سيارة مفخخة في بيروت، وهو الأعنف منذ 1983.", 1),
])
def test_chronicle_line_is_history(analyzed: Analyzed, text: str, n: int) -> None:
    assert len(_events(analyzed, text, "ASSAULT")) == n


def test_meeting_told_again_with_parties_swapped(analyzed: Analyzed) -> None:
    text = ("التقى وزير الخارجية الأمريكي جون كيري أمس رئيس إقليم كردستان العراق مسعود بارزاني. "
            "وعقد كيري في أربيل لقاء مع بارزاني تناول الحرب على تنظيم داعش.")
    assert len(_events(analyzed, text, "CONSULT")) == 1


@pytest.mark.parametrize("typ,actor,recipient,swapped", [
    ("CONSULT", "b", "a", True),   # the group's recipient meets its actor
    ("CONSULT", "c", "a", False),  # a third party
    ("ASSAULT", "b", "a", False),  # an attack has a direction
])
def test_parties_swapped(typ: str, actor: str, recipient: str, swapped: bool) -> None:
    """merge._parties_swapped: a group of a meeting of a (actor) with b (recipient)."""
    from types import SimpleNamespace

    from rasid.events.merge import _parties_swapped

    g = SimpleNamespace(actor="a", mentions=[SimpleNamespace(recipient="b")])
    m = SimpleNamespace(type=typ, actor=actor, recipient=recipient)
    assert _parties_swapped(g, m) is swapped  # type: ignore[arg-type]


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
    # a generic name with a US-led qualifier after it is the US-led coalition's own name
    ("شنت قوات التحالف الدولية أمس غارات على مواقع تنظيم داعش في مدينة الرقة، فيما يقود التحالف العربي الحرب في اليمن.",
     "US-led coalition"),
    # both named: each keeps its own
    ("شنت طائرات التحالف الدولي أمس غارات على مواقع تنظيم داعش في مدينة الرقة، فيما يواصل الحوثيون القتال في اليمن.",
     "US-led coalition"),
])
def test_generic_coalition_name(analyzed: Analyzed, text: str, actor: str) -> None:
    got = _events(analyzed, text, "ASSAULT")
    assert got and got[0][1] == actor, got


@pytest.mark.parametrize("text,n", [
    # two words of one clause whose coordinated actors they took apart: one shelling
    ("قصف الجيش السوري وميليشيات الدفاع الوطني بقذائف المدفعية أحياء مدينة درعا أمس، ما أدى إلى سقوط جرحى.", 1),
    # two sentences, two parties: two shellings
    ("قصفت قوات النظام أمس أحياء مدينة درعا بقذائف المدفعية. "
     "وقصفت الفصائل المعارضة بقذائف الهاون مواقع قوات النظام في المدينة.", 2),
])
def test_one_clause_other_actor_is_one_happening(analyzed: Analyzed, text: str, n: int) -> None:
    assert len(_events(analyzed, text, "ASSAULT")) == n


@pytest.mark.parametrize("text", [
    # a word of time between the two: the attack the shelling answered is its own happening
    "قصف الجيش التركي أمس مواقع لحزب العمال الكردستاني في شمال العراق بعد هجوم شنه مسلحو الحزب على مركز للشرطة في ولاية هكاري.",
])
def test_sequel_word_keeps_two_happenings_apart(analyzed: Analyzed, text: str) -> None:
    assert sorted(a or "" for _, a in _events(analyzed, text, "ASSAULT")) == ["PKK", "Turkish forces"]
