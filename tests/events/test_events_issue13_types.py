"""Issue 13: event types and actors of phrasings that came out wrong on real text
(arrivals at bases, protests told by احتج, fleeing told by هرب, a force noun with
عسكرية and a nationality adjective). Sentences are written for the tests."""

from __future__ import annotations

import pytest
from ev_helpers import Analyzed


@pytest.mark.parametrize(
    "text,typ",
    [
        # a planned arrival of aircraft at bases is a deployment, not a strike
        ("وقال الوزير إن مقاتلات وطائرات أمريكية بدون طيار ستصل قريبا إلى قواعد جوية في البلاد.", "MOBILIZE"),
        ("وأكد المتحدث أن قوات إضافية ستصل إلى القاعدة خلال أيام.", "MOBILIZE"),
        # worshippers or demonstrators protesting in the street
        ("واحتج المصلون على اقتحام المسجد بترديد الهتافات.", "PROTEST"),
        ("واحتج المتظاهرون أمام مبنى المحافظة على انقطاع الكهرباء.", "PROTEST"),
        # armed men fleeing a place
        ("وقالت مصادر إن قائد الميليشيات هرب من القاعدة الجوية فجر اليوم.", "RETREAT"),
        ("وشاهد السكان العشرات من المسلحين تهرب من المدينة باتجاه الجبال.", "RETREAT"),
        # (the spelling مليشيا, without the first ي, is a force word too)
        ("وشاهد السكان المئات من مليشيا الحوثي تهرب من المدينة باتجاه الجبال.", "RETREAT"),
    ],
)
def test_type(analyzed: Analyzed, text: str, typ: str) -> None:
    doc, _ = analyzed(text)
    types = [e.type for e in doc.events]
    assert typ in types, (text, types)
    if typ == "MOBILIZE":
        assert "ASSAULT" not in types, (text, types)


@pytest.mark.parametrize(
    "text,typ",
    [
        # a prisoner's escape and evasion of the draft are no retreat (no force word)
        ("وتمكن السجين من الهرب من السجن المركزي.", "RETREAT"),
        ("وهرب الشاب من منزل أسرته قبل أسبوع.", "RETREAT"),
        # news reaching a place is no deployment; an objection in words is no protest
        ("وقال إن الرسالة ستصل إلى الحكومة خلال ساعات.", "MOBILIZE"),
        ("واحتج الوزير على تصريحات نظيره.", "PROTEST"),
    ],
)
def test_no_type(analyzed: Analyzed, text: str, typ: str) -> None:
    doc, _ = analyzed(text)
    assert typ not in [e.type for e in doc.events], text


@pytest.mark.parametrize(
    "text,actor",
    [
        ("ووصلت كتيبة عسكرية أمريكية إلى القاعدة الجوية أمس.", "US forces"),
        ("ودخلت قوة عسكرية تركية إلى القرية الحدودية أمس.", "Turkish forces"),
        ("وانتشرت الكتيبة الروسية في محيط المطار أمس.", "Russian forces"),
    ],
)
def test_force_noun_with_nationality(analyzed: Analyzed, text: str, actor: str) -> None:
    doc, names = analyzed(text)
    assert [names.get(e.actor) for e in doc.events] == [actor], text


def test_named_rebel_force_is_not_the_state() -> None:
    # "القوة السورية الجديدة" names a rebel group: bare قوة is no force noun
    from rasid.actors.match import _descriptive_regexes  # noqa: PLC0415
    from rasid.text import fold  # noqa: PLC0415

    definite, indefinite, _ = _descriptive_regexes()
    assert definite.search(fold("عناصر القوات السورية"))  # the check reads folded text
    text = fold("عناصر القوة السورية الجديدة")
    assert not definite.search(text) and not indefinite.search(text)


@pytest.mark.parametrize(
    "text,typ",
    [
        # storming ground fought over (a base, a district), or with air support, is an assault
        ("واقتحمت قوات الجيش بدعم من الطيران قاعدة الصقر العسكرية فجر اليوم.", "ASSAULT"),
        ("وقال المتحدث إن المسلحين اقتحموا منطقة الصناعة في المدينة أمس.", "ASSAULT"),
        # storming a house or an office is a raid
        ("واقتحمت قوات الأمن منزل المطلوب في المدينة أمس.", "COERCE"),
    ],
)
def test_storming_type(analyzed: Analyzed, text: str, typ: str) -> None:
    """Fresh-text audit (issue 13): اقتحم of ground fought over is ASSAULT, of a house COERCE."""
    doc, _ = analyzed(text)
    types = [e.type for e in doc.events]
    assert types and set(types) == {typ}, (text, types)
