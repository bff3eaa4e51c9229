"""Who did it, and when a second mention is another happening (issue 13: the actor
whenever the sentence or its claim names one, without inventing one). Every
sentence here was written for these tests."""

from __future__ import annotations

import pytest

from ev_helpers import Analyzed


def _events(analyzed: Analyzed, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    doc, names = analyzed(text)
    return [(e.type, names.get(e.actor), names.get(e.recipient), names.get(e.place)) for e in doc.events]


@pytest.mark.parametrize("text,actor,recipient", [
    # the speaker's own forces ("قواتنا"، "مقاتلاته") as the content's subject
    ("وقال المتحدث باسم الجيش العراقي إن قواتنا قصفت مواقع للتنظيم في الفلوجة.", "Iraqi army", None),
    ("وقال الجيش التركي في بيان إن مقاتلاته قصفت مواقع لحزب العمال في شمال العراق.", "Turkish forces", "PKK"),
    # a party after ل past the object of a verb of striking owns the target
    ("وقصفت المدفعية التركية مواقع لحزب العمال الكردستاني قرب الحدود.", "Turkish forces", "PKK"),
    # an attack noun after في is how the clause's verb was done: the verb's actor
    ("ودمر طيران التحالف عربة للحوثيين في غارة على مواقعهم في مأرب.", "Saudi-led coalition", "Houthis"),
    # the agent of a nominal phrase
    ("قتل ثلاثة مدنيين في غارة للتحالف على قرية قرب مدينة الرقة.", "Coalition forces", None),
    ("وأسفر قصف مدفعي لقوات النظام عن مقتل أربعة مدنيين في مدينة درعا.", "Syrian government forces", None),
])
def test_actor(analyzed: Analyzed, text: str, actor: str | None, recipient: str | None) -> None:
    got = _events(analyzed, text)
    assert any(t == "ASSAULT" and a == actor and (recipient is None or r == recipient) for t, a, r, _ in got), got
    assert all(a != recipient for _, a, _, _ in got if recipient), got


def test_coordinated_verb_takes_the_actor_of_its_own_type(analyzed: Analyzed) -> None:
    """"شن الطيران غارات على تجمع للمسلحين، وقصف": the verb after و shares the subject of
    the earlier verb of its type, not of a gathering noun between them."""
    text = ("كما شن طيران التحالف غارات على تجمع لميليشيات الحوثي في محافظة الجوف، "
            "وقصف أهدافا أخرى في مدينة الحزم.")
    got = _events(analyzed, text)
    assert ("ASSAULT", "Saudi-led coalition", None, "Al Hazm") in got, got
    assert all(a != "Houthis" for t, a, _, _ in got if t == "ASSAULT"), got


def test_noun_form_coordinated_as_a_verb_shares_the_subject(analyzed: Analyzed) -> None:
    """"، وقصف أهدافاً أخرى": the noun form with an accusative object after it is the
    perfect verb, its subject the earlier verb's; and the other targets are another strike."""
    text = ("كما شن طيران التحالف 6 غارات على تجمع لميليشيات الحوثي في وادي خبش بمحافظة الجوف، "
            "وقصف أهدافا أخرى في مدينة الحزم.")
    got = [e for e in _events(analyzed, text) if e[0] == "ASSAULT"]
    assert len(got) == 2 and all(a == "Saudi-led coalition" for _, a, _, _ in got), got


@pytest.mark.parametrize("text,n", [
    # "أخرى": another happening, told in another clause
    ("وقصفت طائرات التحالف معسكرا للحوثيين في مدينة صعدة، واستهدفت غارة أخرى مخزنا للأسلحة في المدينة.", 2),
    # ... but "وجرح آخر" is another person hurt in the same attack
    ("وقتل شرطي وجرح آخر في هجوم على نقطة تفتيش في مدينة ديار بكر.", 1),
])
def test_another_happening(analyzed: Analyzed, text: str, n: int) -> None:
    got = [e for e in _events(analyzed, text) if e[0] == "ASSAULT"]
    assert len(got) == n, got
