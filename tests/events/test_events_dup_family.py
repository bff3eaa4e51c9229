"""One event per happening inside a document (issue 13, item 2; the largest
false-positive family of the fresh-text audit): a death told with a definite noun
that refers back to an attack, and a clause spread over two governorates. Every
sentence here was written for these tests. Explosions heard right after a strike are
its effect (issue 13, item 2, family a)."""

from __future__ import annotations

import pytest

from ev_helpers import Analyzed


def _events(analyzed: Analyzed, text: str, etype: str = "ASSAULT") -> list[tuple[str | None, int]]:
    doc, names = analyzed(text)
    return [(names.get(e.place), len(e.evidence)) for e in doc.events if e.type == etype]


@pytest.mark.parametrize("text,n", [
    # a killing told with "الهجوم"/"الغارة" that refers back: the earlier attack's deaths
    ("شنت الميليشيات هجوما على مواقع المقاومة في مديرية صرواح أمس. "
     "وذكر المصدر أن نحو عشرة من المسلحين قتلوا خلال الهجوم.", 1),
    ("قتل ثلاثة مسلحين أمس في غارة نفذتها طائرة حربية على سيارة في ريف إدلب. "
     "وقالت مصادر محلية إن عنصرين من الفصيل قتلا في الغارة.", 1),
    # (the noun takes the killing's subject, its victims, as actor: still the same strike)
    ("أقر الحزب بمقتل اثنين من عناصره أول من أمس في غارة نفذها الطيران على بلدة في ريف القنيطرة. "
     "وقالت قناة محلية إن عنصرين من لجان الدفاع الوطني قتلا في الغارة.", 1),
    # a new attack told after it, with its own verb and place, stays apart
    ("شنت الميليشيات هجوما على مواقع المقاومة في مديرية صرواح أمس. "
     "وفي حادث منفصل، هاجم مسلحون نقطة للشرطة في مدينة عدن.", 2),
])
def test_death_referring_back_joins_the_attack(analyzed: Analyzed, text: str, n: int) -> None:
    got = _events(analyzed, text)
    assert len(got) == n, got


@pytest.mark.parametrize("text,n,place", [
    # "في محافظتي X وY": one happening spread over two governorates, no place
    ("تحدثت مصادر محلية عن اشتباكات عنيفة اليوم في محافظتي مأرب وتعز.", 1, None),
    ("اندلعت مواجهات بين الجيش والمسلحين أمس بمحافظتي إدلب وحماة.", 1, None),
])
def test_two_governorates_give_one_event(analyzed: Analyzed, text: str, n: int, place: str | None) -> None:
    got = _events(analyzed, text)
    assert len(got) == n, got
    assert got[0][0] == place, got


def test_spread_does_not_join_a_place_of_its_own(analyzed: Analyzed) -> None:
    # the spread has no place, yet it is no reference to a happening told at one place
    got = _events(analyzed, "قصفت قوات النظام مدينة سراقب بالمدفعية أمس. "
                            "من جهة أخرى قتل عشرون مسلحا في قصف مدفعي للجيش في محافظتي إدلب وحماة.")
    assert len(got) == 2 and ("Saraqib", 1) in got, got


def test_two_cities_still_split(analyzed: Analyzed) -> None:
    # (the dev gold: a deployment "في مدينتي ديرالزور والبوكمال" is one event per city)
    got = _events(analyzed, "شهدت المنطقة انتشارا مكثفا لقوات الحرس الجمهوري في مدينتي دير الزور والبوكمال.", "MOBILIZE")
    assert {p for p, _ in got} == {"Deir ez-Zor", "Al-Bukamal"}, got


@pytest.mark.parametrize("text,n,mode", [
    # explosions heard (a plural noun with no actor, count or death of their own) in the
    # sentence of a strike or shelling, or the next, at a place that agrees: its effect
    ("شنت مقاتلات التحالف غارات على مواقع المسلحين في مدينة تعز مساء أمس. وهزت انفجارات عنيفة المدينة.",
     1, "aerial"),
    # (told first, the explosions still give way to the strike that names the event)
    ("هزت انفجارات عنيفة مساء أمس مدينة تعز عقب غارات شنتها مقاتلات التحالف على مواقع المسلحين.", 1, "aerial"),
    ("قصفت قوات النظام بلدة كفرنبل بقذائف الهاون أمس، وسمع دوي انفجارات في البلدة.", 1, "shelling"),
    # a bombing with its own place and victims stays apart
    ("شنت مقاتلات التحالف غارات على مواقع المسلحين في مدينة تعز مساء أمس. "
     "وفي مدينة عدن قتل خمسة في انفجار سيارة مفخخة.", 2, "aerial"),
    # explosions at another place are not the strike's
    ("قصفت قوات النظام بلدة كفرنبل بالمدفعية أمس. وهزت انفجارات مدينة إدلب مساء.", 2, "shelling"),
])
def test_explosions_heard_join_the_strike(analyzed: Analyzed, text: str, n: int, mode: str) -> None:
    doc, _ = analyzed(text)
    got = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(got) == n, [(e.mode, e.trigger.text) for e in got]
    assert got[0].mode == mode, [(e.mode, e.trigger.text) for e in got]
