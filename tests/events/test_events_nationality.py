"""Actor from a nationality adjective on a vehicle or strike noun."""

from __future__ import annotations

from ev_helpers import make_doc

from rasid.events import extract


def _actor_names(text: str, **kw) -> list[str | None]:
    doc = make_doc(text, **kw)
    return [doc.entity(e.actor).name if e.actor else None for e in extract(doc)]


def test_drone_adjective_names_forces() -> None:
    assert _actor_names("قصفت طائرة مسيرة أمريكية سيارة قرب البلدة.") == ["US forces"]


def test_strike_noun_adjective() -> None:
    assert _actor_names("قتل شخصان في غارة جوية إسرائيلية على موقع قرب العاصمة.") == ["Israeli army"]


def test_existing_entity_is_reused() -> None:
    doc = make_doc("دخلت قافلة عسكرية تركية إلى البلدة، وقالت القوات التركية إنها للحماية.",
                   actors={"القوات التركية": "Turkish forces"})
    n = len(doc.entities)
    evs = extract(doc)
    assert evs and doc.entity(evs[0].actor).name == "Turkish forces"
    assert len(doc.entities) == n
    assert all(doc.text[m.start:m.end] == m.text for e in doc.entities for m in e.mentions)


def test_adjective_on_a_target_is_no_actor() -> None:
    # the adjective qualifies the target, not a vehicle noun after the trigger
    assert _actor_names("استهدف هجوم بالصواريخ القاعدة الأمريكية قرب المطار.") == [None]
