"""Arguments an analyst would write down (issue 13, item 3), on sentences written
for these tests: the actor of passive and nominal phrases, the speaker only when it
acts, generic parties, the destination of a movement, the most specific place,
counts with approximations, and the type conventions of data/type_conventions.tsv.
Every table has positive cases; the absence cases sit next to them."""

from __future__ import annotations

import pytest
from ev_helpers import make_doc, place_name

from rasid.events import extract
from rasid.model.document import Claim, ClaimSource, Span


def _name(doc, eid):
    e = doc.entity(eid)
    return e.name if e else None


def _one(doc, typ):
    evs = [e for e in extract(doc) if e.type == typ]
    assert len(evs) == 1, [(e.type, e.trigger.text) for e in extract(doc)]
    return evs[0]


# text, actors (surface -> name), type, expected actor name, expected recipient name
ACTOR_CASES = [
    # agent marks after a passive or a noun
    ("تلقى عناصر من الشرطة تدريبات على يد جنود بريطانيين في الموصل.",
     {"الشرطة": "Iraqi police", "جنود بريطانيين": "British forces"}, "AID", "British forces", None),
    ("اعتقل 40 شخصا من قبل قوات مكافحة الإرهاب في الموصل.",
     {"قوات مكافحة الإرهاب": "CTS"}, "COERCE", "CTS", None),
    ("تعرضت البلدة لقصف مدفعي من جانب الجيش التركي قرب حلب.",
     {"الجيش التركي": "Turkish army"}, "ASSAULT", "Turkish army", None),
    # a relative verb of doing after an event noun
    ("قتل عشرة عناصر في غارات شنتها مقاتلات التحالف قرب حمص.",
     {"التحالف": "Coalition"}, "ASSAULT", "Coalition", None),
    ("أصيب جنديان في هجوم نفذه عناصر من حركة طالبان قرب الموصل.",
     {"حركة طالبان": "Taliban"}, "ASSAULT", "Taliban", None),
    # the party fighters belong to
    ("هاجم مسلحون من حركة طالبان نقطة تفتيش قرب الموصل.",
     {"حركة طالبان": "Taliban"}, "ASSAULT", "Taliban", None),
    # the agent of a nominal phrase with ل
    ("أصيب ثلاثة أطفال في قصف لقوات النظام على بلدة قرب إدلب.",
     {"قوات النظام": "Syrian government forces"}, "ASSAULT", "Syrian government forces", None),
    # a partner after مع is not the agent of the noun; the subject before it is
    ("أجرى الجيش الأردني تدريبات مشتركة مع القوات الأمريكية قرب حمص.",
     {"الجيش الأردني": "Jordanian army", "القوات الأمريكية": "US forces"}, "MOBILIZE", "Jordanian army", "US forces"),
    # the verb's own subject right after a targeting verb is not its target
    ("استهدفت القوات التركية بالمدفعية قرية قرب حلب.",
     {"القوات التركية": "Turkish forces"}, "ASSAULT", "Turkish forces", None),
    # a casualty word of the previous sentence does not make the next subject a victim
    ("قتل خمسة أشخاص في انفجار قرب حلب. وذكر ناشطون أن قوات النظام اعتقلت 30 شخصا في حمص.",
     {"قوات النظام": "Syrian government forces"}, "COERCE", "Syrian government forces", None),
    # a speech act: the speaker acts
    ("رفضت وزارة الخارجية التركية الاتهامات العراقية.",
     {"وزارة الخارجية التركية": "Turkish Foreign Ministry"}, "REJECT", "Turkish Foreign Ministry", None),
]


@pytest.mark.parametrize("text,actors,typ,actor,recipient", ACTOR_CASES)
def test_actor_of_the_clause(text, actors, typ, actor, recipient):
    doc = make_doc(text, places={"الموصل": "Mosul", "حمص": "Homs", "حلب": "Aleppo", "إدلب": "Idlib"}, actors=actors)
    e = _one(doc, typ)
    assert _name(doc, e.actor) == actor
    if recipient is not None:
        assert _name(doc, e.recipient) == recipient


def _claim_doc(text, speaker, speaker_name, cue, content, actors=None, stance="assert"):
    doc = make_doc(text, places={"الموصل": "Mosul", "حلب": "Aleppo"}, actors={speaker: speaker_name, **(actors or {})})
    sp = next(e for e in doc.entities if e.name == speaker_name)
    s, c, b = text.find(speaker), text.find(cue), text.find(content)
    doc.claims.append(Claim("claim-1", ClaimSource(s, s + len(speaker), speaker, entity=sp.id, kind="organization"),
                            Span(c, c + len(cue), cue), stance, Span(b, b + len(content), content)))
    return doc


def test_speaker_is_the_actor_when_it_acts():
    text = "وقالت وزارة الدفاع التركية إنها شنت غارات على مواقع للمسلحين قرب الموصل."
    doc = _claim_doc(text, "وزارة الدفاع التركية", "Turkish MoD", "وقالت", "إنها شنت غارات على مواقع للمسلحين قرب الموصل")
    assert _name(doc, _one(doc, "ASSAULT").actor) == "Turkish MoD"


def test_speaker_is_not_the_actor_of_what_it_reports():
    # positive control: the named subject of the reported clause is the actor
    text = "وقال المرصد إن قوات النظام قصفت بلدة قرب حلب."
    doc = _claim_doc(text, "المرصد", "SOHR", "وقال", "قوات النظام قصفت بلدة قرب حلب", {"قوات النظام": "Syrian government forces"})
    assert _name(doc, _one(doc, "ASSAULT").actor) == "Syrian government forces"
    # absence: with no agent in the clause, the reporter is not made the actor
    text = "وقال المرصد إن غارات جوية استهدفت بلدة قرب حلب."
    doc = _claim_doc(text, "المرصد", "SOHR", "وقال", "غارات جوية استهدفت بلدة قرب حلب")
    assert _one(doc, "ASSAULT").actor is None


@pytest.mark.parametrize(
    "text,typ,name",
    [
        ("هاجم مسلحون مجهولون نقطة تفتيش قرب الموصل.", "ASSAULT", "Unidentified armed group"),
        ("اعتقلت قوات الأمن عشرات المحتجين في الموصل.", "COERCE", "Security forces"),
        ("تظاهر مئات المحتجين في الموصل للمطالبة بتحسين الخدمات.", "PROTEST", "Protesters"),
    ],
)
def test_generic_party_names_the_actor(text, typ, name):
    doc = make_doc(text, places={"الموصل": "Mosul"})
    assert _name(doc, _one(doc, typ).actor) == name


def test_killed_fighters_are_not_the_actor():
    # positive control in test_generic_party_names_the_actor; "قتل مسلحون" may be passive
    doc = make_doc("قتل مسلحون في اشتباكات قرب الموصل.", places={"الموصل": "Mosul"})
    evs = extract(doc)
    assert evs  # the clash is found (as a firearms ASSAULT; the killing merges into it at present)
    assert all(_name(doc, e.actor) != "Unidentified armed group" for e in evs if e.mode == "kill")


def test_movement_takes_its_destination_and_is_one_event():
    text = "دخلت قافلة عسكرية أمريكية قادمة من إقليم كردستان عبر معبر الوليد، ووصلت إلى قاعدة العمر قرب دير الزور."
    doc = make_doc(text, places={"إقليم كردستان": "Kurdistan Region", "معبر الوليد": "Al-Walid crossing",
                                 "قاعدة العمر": "Al-Omar oil field", "دير الزور": "Deir ez-Zor"})
    moves = [e for e in extract(doc) if e.type == "MOBILIZE"]
    assert len(moves) == 1
    assert place_name(doc, moves[0].place) == "Al-Omar oil field"


def test_the_finer_place_of_the_context_wins():
    text = "شنت طائرات حربية غارات على محافظة إدلب، واستهدفت إحداها مدينة سراقب."
    doc = make_doc(text, places={"محافظة إدلب": "Idlib Governorate", "سراقب": "Saraqib"})
    e = _one(doc, "ASSAULT")
    assert place_name(doc, e.place) == "Saraqib"


@pytest.mark.parametrize(
    "text,typ,field,value",
    [
        ("اعتقلت القوات نحو 40 شخصا في الموصل.", "COERCE", "arrests", 40),
        ("قتل أكثر من 20 مسلحا في غارات على مواقع قرب الموصل.", "ASSAULT", "fatalities", 20),
        ("قتل ما لا يقل عن 12 مدنيا في قصف مدفعي على الموصل.", "ASSAULT", "fatalities", 12),
        ("اعتقلت القوات عشرات المحتجين في الموصل.", "COERCE", "arrests", 10),
    ],
)
def test_counts_with_approximations(text, typ, field, value):
    doc = make_doc(text, places={"الموصل": "Mosul"})
    e = _one(doc, typ)
    assert getattr(e, field) == value
    assert field in e.attrs.get("approx", [])


def test_exact_count_is_not_approximate():
    doc = make_doc("اعتقلت القوات 40 شخصا في الموصل.", places={"الموصل": "Mosul"})
    e = _one(doc, "COERCE")
    assert e.arrests == 40 and "arrests" not in e.attrs.get("approx", [])


@pytest.mark.parametrize(
    "text",
    [
        "أجرت القوات الأردنية تدريبات مشتركة مع قوات أمريكية قرب حمص.",
        "نفذ الجيش تمرينا عسكريا واسعا قرب حمص، وشملت التدريبات إطلاق نار حي.",
        "أجرى الجيش مناورات قرب حمص. وشارك في التدريبات مئات الجنود.",
    ],
)
def test_exercises_are_mobilize_never_aid(text):
    types = [e.type for e in extract(make_doc(text, places={"حمص": "Homs"}))]
    assert types == ["MOBILIZE"], types


def test_training_given_to_another_party_is_aid():
    text = "تلقى مقاتلون من المعارضة تدريبات على يد جنود أمريكيين في تركيا."
    doc = make_doc(text, actors={"جنود أمريكيين": "US forces"})
    e = _one(doc, "AID")
    assert _name(doc, e.actor) == "US forces"
    assert not [x for x in extract(doc) if x.type == "MOBILIZE"]


def test_anaphoric_attack_joins_the_first_report():
    text = "شنت طائرة مسيرة أمريكية غارة على سيارة قرب دير الزور. وذكرت مصادر محلية أن الهجوم أسفر عن مقتل قيادي في التنظيم."
    doc = make_doc(text, places={"دير الزور": "Deir ez-Zor"})
    e = _one(doc, "ASSAULT")
    assert len(e.evidence) == 2


@pytest.mark.parametrize(
    "text,speaker,name,cue,content,typ,stance",
    [
        ("أعلن جهاز مكافحة الإرهاب اعتقال ثلاثة مطلوبين في الموصل.", "جهاز مكافحة الإرهاب", "CTS", "أعلن",
         "اعتقال ثلاثة مطلوبين في الموصل", "COERCE", "assert"),
        ("ونفت الوزارة في بيان أن تكون قد نفذت أي اعتقالات في الموصل.", "الوزارة", "Interior Ministry", "ونفت",
         "أن تكون قد نفذت أي اعتقالات في الموصل", "COERCE", "deny"),
    ],
)
def test_speaker_announcing_its_own_act(text, speaker, name, cue, content, typ, stance):
    doc = _claim_doc(text, speaker, name, cue, content, stance=stance)
    assert _name(doc, _one(doc, typ).actor) == name


def test_announcing_someone_elses_act_keeps_that_actor():
    # absence of the speaker as actor; the named subject of the content (positive) acts
    text = "أعلن المرصد أن قوات النظام اعتقلت ثلاثة مطلوبين في الموصل."
    doc = _claim_doc(text, "المرصد", "SOHR", "أعلن", "قوات النظام اعتقلت ثلاثة مطلوبين في الموصل",
                     {"قوات النظام": "Syrian government forces"})
    assert _name(doc, _one(doc, "COERCE").actor) == "Syrian government forces"


def test_fighting_between_two_parties():
    text = "تدور معارك عنيفة بين قوات سوريا الديمقراطية وفصائل المعارضة قرب حلب."
    doc = make_doc(text, places={"حلب": "Aleppo"}, actors={"قوات سوريا الديمقراطية": "SDF", "فصائل المعارضة": "Syrian opposition"})
    e = _one(doc, "ASSAULT")
    assert (_name(doc, e.actor), _name(doc, e.recipient)) == ("SDF", "Syrian opposition")


def test_receiving_names_the_giver_as_actor():
    text = "تسلمت قوات سوريا الديمقراطية شحنة أسلحة جديدة من التحالف الدولي."
    doc = make_doc(text, actors={"قوات سوريا الديمقراطية": "SDF", "التحالف الدولي": "Coalition"})
    e = _one(doc, "AID")
    assert (_name(doc, e.actor), _name(doc, e.recipient)) == ("Coalition", "SDF")


def test_title_before_a_party_names_the_actor():
    text = "هدد الأمين العام لكتائب سيد الشهداء بتوسيع الهجمات على القواعد الأمريكية في العراق وسوريا."
    doc = make_doc(text, places={"العراق": "Iraq", "سوريا": "Syria"}, actors={"كتائب سيد الشهداء": "KSS"})
    threats = [e for e in extract(doc) if e.type == "THREATEN"]
    assert len(threats) == 1  # one speech act, not one per place it names
    assert _name(doc, threats[0].actor) == "KSS"


def test_coordinated_measure_shares_the_generic_subject():
    text = "وأضاف المصدر أن القوات الأمنية نصبت حواجز تفتيش جديدة قرب الموصل، وفرضت حظراً للتجوال ليلاً في القرى."
    doc = make_doc(text, places={"الموصل": "Mosul"})
    evs = [e for e in extract(doc) if e.type == "COERCE"]
    assert len(evs) == 2 and all(_name(doc, e.actor) == "Security forces" for e in evs)


def test_relative_verb_of_doing_later_in_the_clause():
    text = "أعلنت الخلية اعتقال خمسة عناصر من التنظيم في عملية نفذتها قوة من جهاز مكافحة الإرهاب قرب الموصل."
    doc = make_doc(text, places={"الموصل": "Mosul"}, actors={"جهاز مكافحة الإرهاب": "CTS"})
    assert _name(doc, _one(doc, "COERCE").actor) == "CTS"


def test_same_deployment_without_place_told_twice_is_one_event():
    text = "انتشرت القوات الخاصة حول مبنى المحكمة صباح اليوم. كما انتشر عشرات من عناصر الأمن داخل القاعة."
    assert len([e for e in extract(make_doc(text)) if e.type == "MOBILIZE"]) == 1


def test_same_word_at_two_named_places_stays_two_events():
    # positive control for the merge above: places told keep the happenings apart
    text = "اعتقلت الشرطة ثلاثة أشخاص في الموصل. وفي حمص اعتقلت الشرطة خمسة آخرين."
    doc = make_doc(text, places={"الموصل": "Mosul", "حمص": "Homs"})
    assert len([e for e in extract(doc) if e.type == "COERCE"]) == 2


def test_speaker_pronoun_a_few_words_before_the_act():
    text = "وقال الوزير «إننا نعمل حاليا مع الولايات المتحدة على تدريب قوات المعارضة»."
    doc = _claim_doc(text, "الوزير", "Turkish FM", "وقال", "«إننا نعمل حاليا مع الولايات المتحدة على تدريب قوات المعارضة»",
                     {"الولايات المتحدة": "United States"})
    assert _name(doc, _one(doc, "AID").actor) == "Turkish FM"


def test_security_council_is_no_security_force():
    # positive control: test_generic_party_names_the_actor (قوات الأمن → Security forces)
    control = make_doc("هاجمت قوات الأمن القاعدة قرب الموصل.", places={"الموصل": "Mosul"})
    assert [_name(control, e.actor) for e in extract(control)] == ["Security forces"]
    doc = make_doc("ناقش مجلس الأمن الهجوم على القاعدة قرب الموصل.", places={"الموصل": "Mosul"})
    assert all(_name(doc, e.actor) != "Security forces" for e in extract(doc))
