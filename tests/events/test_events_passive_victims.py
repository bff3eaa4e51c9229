"""Issue 13/14: a killing verb read as passive (قُتل) names its victims right after it;
they are no actor of the verb nor of the events that take its actor.

Sentences are written for the tests."""

from __future__ import annotations

import pytest
from ev_helpers import analyze_text


def _events(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = analyze_text(text)
    names = {e.id: e.name for e in doc.entities}
    return [(ev.trigger.text, names.get(ev.actor), names.get(ev.recipient)) for ev in doc.events if ev.type == "ASSAULT"]


@pytest.mark.parametrize(
    "text,victim",
    [
        ("قتل جندي تركي وجرح ثلاثة آخرون فجر السبت عندما انفجر لغم أرضي في مدينة ماردين.", "Turkish forces"),
        ("وقتل خمسة عناصر من جبهة النصرة في الهجوم على مقر الفرقة قرب اعزاز.", "Jabhat al-Nusra"),
    ],
)
def test_passive_kill_subject_is_no_actor(text: str, victim: str) -> None:
    evs = _events(text)
    assert evs
    assert all(actor != victim for _, actor, _ in evs)
    assert any(recipient == victim for _, _, recipient in evs)


def test_named_subject_of_active_kill_stays_actor() -> None:
    # "قتل حزب العمال الكردستاني ضابطين": a party named right after the verb killed
    evs = _events("وقتل حزب العمال الكردستاني ضابطين في هجوم على مخفر للشرطة في ولاية ماردين.")
    assert any(actor == "PKK" for _, actor, _ in evs)


def test_party_past_the_casualty_phrase_is_not_the_victim() -> None:
    # "قتل 28 مدنيا في قصف جوي لطائرات النظام": the party after في is not who was killed
    evs = _events("قتل 28 مدنيا في قصف جوي لطائرات قوات النظام السوري على مدينة إدلب.")
    assert all(recipient != "Syrian government forces" for _, _, recipient in evs)


def test_party_after_targeting_participle_is_hit() -> None:
    # "صواريخ مستهدفة قوات البيشمركة": the forces after the participle were the target
    evs = _events("وكان مسلحو تنظيم داعش قد أطلقوا ستة صواريخ مستهدفة قوات البيشمركة في قضاء مخمور ما أسفر عن مقتل وإصابة عدد من عناصر البيشمركة.")
    assert evs
    assert all(actor != "Peshmerga" for _, actor, _ in evs)


def test_owner_after_lam_is_no_subject_of_a_killing() -> None:
    # "بمهاجمة مخبأ لتنظيم داعش وتمكنت من قتل": the group owns the hideout; it killed no one
    evs = _events("وقامت القوات الأمنية بمهاجمة مخبأ لتنظيم داعش في ناحية البغدادي وتمكنت من قتل 12 من عناصر داعش.")
    assert evs
    assert all(actor != "ISIS" for _, actor, _ in evs)


def test_named_party_right_before_a_passive_kill_was_killed() -> None:
    # "أن محسن الفضلي قتل في 8 يوليو": a name right before قتل with a preposition or
    # time word after it (no object) was killed, it killed no one
    evs = _events("وقال المتحدث باسم البنتاغون في بيان إن محسن الفضلي قتل في 8 يوليو خلال تنقله بسيارة قرب سرمدا.")
    assert evs, "the killing is reported (whole-stage control)"
    assert all(actor != "Mohsen al-Fadli" for _, actor, _ in evs)
    assert any(recipient == "Mohsen al-Fadli" for _, _, recipient in evs)


def test_named_party_before_an_active_kill_with_an_object_stays_actor() -> None:
    evs = _events("وأكدت المصادر أن تنظيم داعش قتل خمسة مدنيين في مدينة الرقة أمس.")
    assert any(actor == "ISIS" for _, actor, _ in evs)
