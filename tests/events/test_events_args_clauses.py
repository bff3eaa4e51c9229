"""Arguments and modality across a comma and after a relative verb (issue 13, items 3
and 4), on sentences written for these tests. Checked on the mentions, before the
eventness decision, so they hold whatever that decision keeps."""

from __future__ import annotations

import pytest
from ev_helpers import make_doc

from rasid.events.arguments import fill
from rasid.events.detect import detect
from rasid.events.modality import fill_modality


def _mentions(doc):
    ms = detect(doc)
    fill(doc, ms)
    fill_modality(doc, ms)
    return ms


def _at(ms, trigger: str):
    found = [m for m in ms if m.trigger.text.startswith(trigger)]
    assert found, [(m.type, m.trigger.text) for m in ms]
    return found[0]


def _name(doc, eid):
    e = doc.entity(eid)
    return e.name if e else None


# text, actors (surface -> name), trigger, expected actor name
SUBJECT_CASES = [
    # the subject of the verb before the comma is the actor of the noun that opens the next clause
    ("ونفذت القوات الأردنية، ضربات جوية على مواقع مهربين قرب الحدود.",
     {"القوات الأردنية": "Jordanian forces"}, "ضربات", "Jordanian forces"),
    # an apposition between the verb and its object
    ("وترأس وزير الداخلية، سمير القاسم، اجتماعاً لقادة الأجهزة الأمنية.",
     {"سمير القاسم": "Samir al-Qasim"}, "اجتماعاً", "Samir al-Qasim"),
    # a relative "التي تقوم بها" names the agent of the noun
    ("وندد البيان بالهجمات التي تقوم بها الميليشيات ضد القرى الحدودية.",
     {"الميليشيات": "Militias"}, "بالهجمات", "Militias"),
    ("وتحدث التقرير عن المجازر التي ارتكبتها العصابات المسلحة في الريف الجنوبي.",
     {"العصابات المسلحة": "Armed gangs"}, "المجازر", "Armed gangs"),
]


@pytest.mark.parametrize("text,actors,trigger,actor", SUBJECT_CASES)
def test_actor_of_noun(text, actors, trigger, actor) -> None:
    doc = make_doc(text, actors=actors)
    m = _at(_mentions(doc), trigger)
    assert _name(doc, m.actor) == actor


# absence: a party that does not end the clause before the comma, or sits after a
# preposition, is no subject of the next clause's noun
NO_SUBJECT_CASES = [
    ("وقال شهود إن الوضع هادئ في مناطق الجيش الأردني، وغارات جوية استهدفت القرى.",
     {"الجيش الأردني": "Jordanian forces"}, "وغارات"),
    ("وصل الوفد إلى مقر القوات الأردنية في العاصمة، اشتباكات عنيفة اندلعت بعد ذلك.",
     {"القوات الأردنية": "Jordanian forces"}, "اشتباكات"),
]


@pytest.mark.parametrize("text,actors,trigger", NO_SUBJECT_CASES)
def test_no_actor_across_comma(text, actors, trigger) -> None:
    doc = make_doc(text, actors=actors)
    m = _at(_mentions(doc), trigger)
    assert m.actor is None


@pytest.mark.parametrize(
    "text,trigger,modality",
    [
        # a plan verb right after the event noun ("زيارة يعتزم ... القيام بها")
        ("وناقش الطرفان ترتيبات زيارة يعتزم الوزير القيام بها إلى العاصمة.", "زيارة", "planned"),
        # the intention noun of the clause before the comma governs the noun that opens the next
        ("وكشف الوزير عن عزم حكومته قريبا، إرسال قوات إلى الحدود الشمالية.", "إرسال", "planned"),
        ("وكشف الوزير عن نتائج زيارته قريبا، إرسال قوات إلى الحدود الشمالية.", "إرسال", "asserted"),
        # a negated copula before the verbal noun
        ("وقال المتحدث إن ما جرى ليس هجوما على المدنيين.", "هجوما", "negated"),
        # controls: the same nouns asserted
        ("وناقش الطرفان نتائج زيارة الوزير إلى العاصمة.", "زيارة", "asserted"),
        ("وقالت المصادر إن الجيش شن هجوما على مواقع المسلحين.", "هجوما", "asserted"),
    ],
)
def test_modality_from_particles(text, trigger, modality) -> None:
    doc = make_doc(text)
    m = _at(_mentions(doc), trigger)
    assert m.modality == modality


@pytest.mark.parametrize(
    "text,trigger,actor",
    [
        # a generic party after a relative verb of doing that follows the noun and its weapon words
        ("وأصيب شرطي بانفجار عبوة ناسفة زرعها مجهولون قرب مركز للشرطة.", "بانفجار", "Unidentified armed group"),
        ("وتضرر متجر بانفجار قنبلة ألقاها مسلحون على واجهته.", "بانفجار", "Unidentified armed group"),
        # control: no relative verb, the generic noun is only a victim after the preposition
        ("وأصيب شرطي بانفجار عبوة ناسفة استهدفت المسلحين قرب مركز للشرطة.", "بانفجار", None),
    ],
)
def test_generic_agent_after_relative_verb(text, trigger, actor) -> None:
    from rasid.events.nationality import generic_actor

    doc = make_doc(text)
    m = _at(_mentions(doc), trigger)
    ent = generic_actor(doc, m)
    assert (ent.name if ent else None) == actor


def test_pro_drop_verb_in_speaker_content_is_the_speakers() -> None:
    # "إنها ... بعدما اعتقلت": the pronoun opening the content is the elided subject of a later verb
    text = "وقالت الشرطة إنها لم تغلق هذا الملف بعد، وإنها تواصل التحقيق مع عدد من المشتبه بهم، بعدما اعتقلت نحو عشرين شابا."
    content = "إنها لم تغلق هذا الملف بعد، وإنها تواصل التحقيق مع عدد من المشتبه بهم، بعدما اعتقلت نحو عشرين شابا"
    doc = make_doc(text, actors={"الشرطة": "Police"}, claims=[("الشرطة", "وقالت", "assert", content)])
    m = _at(_mentions(doc), "اعتقلت")
    assert _name(doc, m.actor) == "Police"


def test_pro_drop_not_taken_when_a_generic_party_is_the_subject() -> None:
    text = "وقال الجيش إنه يلاحق الخلايا المتبقية في المنطقة منذ أيام بعدما هاجم مسلحون نقطة تفتيش قرب الحدود."
    content = "إنه يلاحق الخلايا المتبقية في المنطقة منذ أيام بعدما هاجم مسلحون نقطة تفتيش قرب الحدود"
    doc = make_doc(text, actors={"الجيش": "Army"}, claims=[("الجيش", "وقال", "assert", content)])
    m = _at(_mentions(doc), "هاجم")
    assert m.actor is None
    assert len(doc.entities) == 1  # looking for the generic party made no entity


def test_only_killing_of_its_sentence_keeps_the_sentence_place() -> None:
    from rasid.events.merge import group

    doc = make_doc("خرجت مظاهرات غاضبة في مدينة حلب، إثر مقتل ضابط في الشرطة على يد مجهولين.", places={"حلب": "Aleppo"})
    ms = _mentions(doc)
    kill = _at(ms, "مقتل")
    groups = group(doc, ms)
    g = next(g for g in groups if kill in g.mentions)
    assert _name(doc, g.place) == "Aleppo"


def test_killing_after_an_attack_of_its_sentence_takes_no_other_clause_place() -> None:
    from rasid.events.merge import group

    doc = make_doc("قصفت الطائرات مواقع للمسلحين، ما أسفر عن مقتل خمسة منهم، وفق ناشطين في مدينة حلب.", places={"حلب": "Aleppo"})
    ms = _mentions(doc)
    kill = _at(ms, "مقتل")
    assert kill.place is not None  # filled from the sentence before grouping
    group(doc, ms)
    assert kill.place is None


def test_coordinated_verbal_noun_shares_the_actor_of_the_noun_before() -> None:
    from rasid.events import _coordinated_actor

    text = "وتحدث البيان عن قصف الطائرات الحربية للقرية واعتقال عشرة من سكانها."
    doc = make_doc(text, actors={"الطائرات الحربية": "Air force"})
    ms = _mentions(doc)
    strike, arrest = _at(ms, "قصف"), _at(ms, "واعتقال")
    assert _name(doc, strike.actor) == "Air force"
    done = {strike.sent_index: [(strike, strike.actor)]}
    assert _coordinated_actor(doc, [arrest], done) == strike.actor
    # control: far from the noun before it, it shares nothing
    far = "وتحدث البيان عن قصف الطائرات الحربية للقرية في ساعات الفجر الأولى من يوم الأحد الماضي قبل أن يبدأ واعتقال عشرة."
    doc = make_doc(far, actors={"الطائرات الحربية": "Air force"})
    ms = _mentions(doc)
    strike, arrest = _at(ms, "قصف"), _at(ms, "واعتقال")
    assert _coordinated_actor(doc, [arrest], {strike.sent_index: [(strike, strike.actor)]}) is None


def test_victim_alias_in_brackets_is_no_subject() -> None:
    # the party hit, named again in brackets, is not the subject of the later verb
    text = "قتل أربعة عناصر من قوات حرس الحدود المحلية (الحرس) وأصيب آخران، اليوم، بقصف مدفعي استهدف موقعا قرب حلب."
    doc = make_doc(text, actors={"قوات حرس الحدود المحلية": "Local border guards", "الحرس": "Local border guards"})
    ms = _mentions(doc)
    hit = _at(ms, "استهدف")
    assert hit.actor is None


def test_victim_far_after_a_quantity_is_still_hit() -> None:
    # "ما لا يقل عن": the casualty word may stand several words before the party
    text = "قتل ما لا يقل عن خمسة عناصر من فصيل موال للحرس الثوري في غارة جوية قرب حمص."
    doc = make_doc(text, places={"حمص": "Homs"}, actors={"الحرس الثوري": "IRGC"})
    m = _at(_mentions(doc), "غارة")
    assert _name(doc, m.actor) != "IRGC"


def test_source_of_shelling_names_the_agent() -> None:
    text = "أصيب ثلاثة أطفال في قصف مدفعي مصدره مواقع قوات النظام على بلدة قرب إدلب."
    doc = make_doc(text, places={"إدلب": "Idlib"}, actors={"قوات النظام": "Syrian government forces"})
    m = _at(_mentions(doc), "قصف")
    assert _name(doc, m.actor) == "Syrian government forces"


def test_event_recipient_is_never_its_actor() -> None:
    from rasid.events import extract

    doc = make_doc("قتل خمسة مدنيين في غارة للتحالف الدولي على قرية قرب حلب.", places={"حلب": "Aleppo"}, actors={"التحالف الدولي": "Coalition"})
    evs = [e for e in extract(doc) if e.type == "ASSAULT"]
    assert evs
    assert all(e.recipient is None or e.recipient != e.actor for e in evs)
