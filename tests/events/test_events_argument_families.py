"""Families of missed events and actors on real text (issue 13): a verb + object
phrase with its subject between, institutions in the actor's place, the speaker of
a claim framed by its own meeting, a claim of responsibility, the party fighters
belong to after an agent mark, an agreement with its parties, a week's middle day."""

from __future__ import annotations

import pytest
from ev_helpers import make_doc

from rasid.events import extract
from rasid.events.detect import candidates
from rasid.events.lexicon import find_triggers
from rasid.model.document import Claim, ClaimSource, Span, TimeExpr
from rasid.text.tokens import tokenize


def _name(doc, eid):
    e = doc.entity(eid)
    return e.name if e else None


def _types(text, **kw):
    return [e.type for e in extract(make_doc(text, **kw))]


@pytest.mark.parametrize(
    "text,typ",
    [
        ("ونفى الرئيس بقوة الاتهامات الموجهة لبلاده.", "REJECT"),
        ("ووقعت الحكومة مع روسيا، أمس، اتفاقا للتعاون العسكري.", "AGREE"),
    ],
)
def test_verb_and_object_with_the_subject_between(text, typ):
    assert typ in _types(text)


def test_gapped_phrase_is_a_hit_on_its_verb_and_takes_its_object():
    text = "نفى الرئيس بقوة الاتهامات."
    hits = find_triggers(tokenize(text), text)
    assert [(h.entry.type, text[h.start:h.end]) for h in hits] == [("REJECT", "نفى")]
    assert hits[0].object_end == text.index("الاتهامات") + len("الاتهامات")
    # without the text (the classifier's features) only adjacent phrases match
    assert [h.entry.type for h in find_triggers(tokenize(text))] == []


def test_gapped_phrase_stops_at_the_sentence_end():
    text = "نفى الرئيس ذلك. الاتهامات كثيرة."
    assert all(h.entry.type != "REJECT" for h in find_triggers(tokenize(text), text))


def test_object_that_is_a_trigger_by_itself_is_found_as_itself():
    # "شنت طائرات حربية غارات": the noun غارات is the trigger, not a gapped "شن غارات"
    text = "شنت طائرات حربية غارات على محافظة إدلب."
    hits = find_triggers(tokenize(text), text)
    assert "غارات" in [text[h.start:h.end] for h in hits if h.entry.type == "ASSAULT"]
    assert all(h.object_end is None for h in hits)


@pytest.mark.parametrize(
    "text,typ,name",
    [
        ("قتل عشرة مدنيين في غارة للتحالف على مدينة الموصل.", "ASSAULT", "Coalition forces"),
        ("ووجهت النيابة العامة أمس اتهامات لتسعة متهمين.", "ACCUSE", "Public prosecution"),
    ],
)
def test_institution_in_the_actors_place(text, typ, name):
    doc = make_doc(text, places={"الموصل": "Mosul"})
    evs = [e for e in extract(doc) if e.type == typ]
    assert evs and _name(doc, evs[0].actor) == name


def test_agent_mark_with_fighters_of_a_party():
    text = "قتل خمسة جنود على يد مسلحين من تنظيم داعش في الموصل."
    doc = make_doc(text, places={"الموصل": "Mosul"}, actors={"تنظيم داعش": "ISIS"})
    evs = [e for e in extract(doc) if e.type == "ASSAULT"]
    assert evs and _name(doc, evs[0].actor) == "ISIS"


def _claim_doc(text, speaker, name, cue, content):
    doc = make_doc(text, places={"الموصل": "Mosul"}, actors={speaker: name})
    sp = next(e for e in doc.entities if e.name == name)
    s, c, b = text.find(speaker), text.find(cue), text.find(content)
    doc.claims.append(Claim("claim-1", ClaimSource(s, s + len(speaker), speaker, entity=sp.id, kind="named"),
                            Span(c, c + len(cue), cue), "assert", Span(b, b + len(content), content)))
    return doc


def test_speaker_acts_in_the_meeting_that_frames_the_claim():
    text = "وقال الوزير لافروف أثناء زيارة للموصل إن الحل سياسي."
    doc = _claim_doc(text, "لافروف", "Sergei Lavrov", "وقال", "إن الحل سياسي")
    evs = [e for e in extract(doc) if e.type == "CONSULT"]
    assert evs and _name(doc, evs[0].actor) == "Sergei Lavrov"


def test_speaker_does_not_act_in_a_meeting_inside_what_is_said():
    # control: a visit told inside the content is not the speaker's by this rule
    text = "وقال المرصد إن الوزير وصل في زيارة إلى الموصل."
    doc = _claim_doc(text, "المرصد", "SOHR", "وقال", "إن الوزير وصل في زيارة إلى الموصل")
    assert all(_name(doc, e.actor) != "SOHR" for e in extract(doc) if e.type == "CONSULT")


def test_claim_of_responsibility_names_the_actor():
    text = "وأعلن تنظيم داعش مسؤوليته عن التفجير الذي استهدف مسجدا في الموصل."
    doc = _claim_doc(text, "تنظيم داعش", "ISIS", "وأعلن", "مسؤوليته عن التفجير الذي استهدف مسجدا في الموصل")
    evs = [e for e in extract(doc) if e.type == "ASSAULT"]
    assert evs and _name(doc, evs[0].actor) == "ISIS"


def test_agreement_with_its_parties_is_supported():
    # a weak agreement noun is supported by its parties' nationality adjectives, as a meeting noun by its parties
    doc = make_doc("وتناول الحديث الاتفاق الأمريكي التركي لإنشاء منطقة آمنة.")
    assert [(c.hit.entry.type, c.conf > 0) for c in candidates(doc)] == [("AGREE", True)]
    doc = make_doc("وتناول الحديث الاتفاق لإنشاء منطقة آمنة.")
    assert [(c.hit.entry.type, c.conf > 0) for c in candidates(doc)] == [("AGREE", False)]


def test_week_dates_an_event_by_its_middle_day():
    text = "قتل ثلاثة جنود في هجوم الأسبوع الماضي قرب الموصل."
    doc = make_doc(text, places={"الموصل": "Mosul"}, published="2015-08-03")
    i = text.index("الأسبوع الماضي")
    doc.times.append(TimeExpr(i, i + len("الأسبوع الماضي"), "الأسبوع الماضي", "2015-07-26", "2015-08-01", "week"))
    evs = [e for e in extract(doc) if e.type == "ASSAULT"]
    assert evs and evs[0].time == {"value_start": "2015-07-29", "value_end": "2015-07-29"}
    assert evs[0].attrs["time_range"] == {"value_start": "2015-07-26", "value_end": "2015-08-01"}


def test_unnamed_speaker_speaks_for_its_government():
    text = "وهدد وزير الدفاع التركي بالرد على أي هجوم."
    doc = make_doc(text)
    s = text.index("وزير")
    src = "وزير الدفاع التركي"
    doc.claims.append(Claim("claim-1", ClaimSource(s, s + len(src), src, kind="named"),
                            Span(0, 4, text[:4]), "assert", Span(s + len(src) + 1, len(text) - 1, text[s + len(src) + 1:-1])))
    evs = [e for e in extract(doc) if e.type == "THREATEN"]
    assert evs and _name(doc, evs[0].actor) == "Turkish government"
    # control: a source with no nationality adjective and no generic party names no actor
    text = "وهدد الشيخ فلان بالرد على أي هجوم."
    doc = make_doc(text)
    s = text.index("الشيخ")
    src = "الشيخ فلان"
    doc.claims.append(Claim("claim-1", ClaimSource(s, s + len(src), src, kind="named"),
                            Span(0, 4, text[:4]), "assert", Span(s + len(src) + 1, len(text) - 1, text[s + len(src) + 1:-1])))
    assert all(e.actor is None for e in extract(doc) if e.type == "THREATEN")
