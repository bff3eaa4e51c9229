"""More ways a sentence names an event's actor (issue 13, item 3), on sentences
written for these tests: an attribution (نسب إلى), a generic party after a relative
verb of doing or after بين, the subject of the verb before a comma with a time set
off between, the party that ran the operation a killing happened in, and a
nationality adjective after an air-strike noun. Absence cases sit next to them."""

from __future__ import annotations

from ev_helpers import make_doc

from rasid.events import extract

PLACES = {"الموصل": "Mosul"}


def _name(doc, eid):
    e = doc.entity(eid)
    return e.name if e else None


def _actors(text, actors=None, times=None, typ="ASSAULT"):
    doc = make_doc(text, places=PLACES, actors=actors or {}, times=times)
    return [_name(doc, e.actor) for e in extract(doc) if e.type == typ]


def test_attribution_after_the_event_names_the_actor():
    text = "قتل شرطي في هجوم وقع مساء السبت في الموصل ونسب إلى حزب العمال."
    assert _actors(text, {"حزب العمال": "PKK"}) == ["PKK"]


def test_nouns_after_an_attributed_plural_share_its_actor():
    text = "أشارت تقارير إلى هجمات جديدة نسبتها إلى حزب العمال، بينها هجومان على مستشفى في الموصل."
    got = _actors(text, {"حزب العمال": "PKK"})
    assert got and set(got) == {"PKK"}


def test_a_response_to_an_attributed_attack_is_not_the_same_actor():
    text = "أدى الاعتداء الذي نسب إلى داعش في الموصل إلى عمليات انتقامية بين العشائر."
    doc = make_doc(text, places=PLACES, actors={"داعش": "ISIS"})
    from rasid.events.arguments import doc_context, fill_actor
    from rasid.events.detect import detect

    mentions = [m for m in detect(doc) if m.type == "ASSAULT"]
    ctx, done = doc_context(doc), []
    for m in mentions:
        fill_actor(doc, m, done, ctx)
        done.append(m)
    by_word = {m.trigger.text: _name(doc, m.actor) for m in mentions}
    assert by_word.get("الاعتداء") == "ISIS"
    assert by_word.get("عمليات") != "ISIS"


def test_generic_party_after_a_two_word_relative_verb():
    text = "أصيب شرطي في اعتداء قام به مسلحون على مبنى في الموصل."
    assert _actors(text) == ["Unidentified armed group"]


def test_generic_party_after_between():
    assert _actors("اندلعت مواجهات مسلحة بين المتمردين وقوات الأمن قرب الموصل.") == ["Rebels"]


def test_subject_before_comma_across_a_time():
    text = "شنت قوات الدرك، فجر اليوم الجمعة، خمس عمليات أمنية في الموصل."
    got = _actors(text, {"قوات الدرك": "Gendarmerie"}, {"اليوم الجمعة": ("2024-03-08", "2024-03-08")}, typ="COERCE")
    assert got == ["Gendarmerie"]
    # a segment that is more than a time is a clause of its own: no subject is carried over
    text = "شنت قوات الدرك، بعد أيام من التوتر في المدينة، خمس عمليات أمنية في الموصل."
    got = _actors(text, {"قوات الدرك": "Gendarmerie"}, typ="COERCE")
    assert got in ([], [None])


def test_killing_in_an_operation_of_a_party():
    text = "أعلنت السلطات مقتل 14 مسلحا في عملية للقوات الخاصة في الموصل."
    assert _actors(text, {"للقوات الخاصة": "Special forces"}) == ["Special forces"]
    # the killed party named right after the killing noun stays the victim
    text = "قتل ثلاثة من عناصر القوات الخاصة في الموصل."
    assert "Special forces" not in _actors(text, {"القوات الخاصة": "Special forces"})


def test_air_strike_noun_with_nationality():
    assert _actors("قتل مدنيان في القصف الجوي التركي على قرية قرب الموصل.") == ["Turkish forces"]


def test_an_attributed_attack_is_not_merged_into_the_partys_attacks_in_general():
    text = ("وذكرت مصادر رسمية أن حزب العمال واصل شن هجمات على قوات الأمن منذ أسابيع. "
            "وقالت الوكالة إن هجوما وقع مساء السبت في الموصل ونسب إلى حزب العمال، أدى إلى مقتل شرطي.")
    doc = make_doc(text, places=PLACES, actors={"حزب العمال": "PKK"})
    evs = [e for e in extract(doc) if e.type == "ASSAULT"]
    placed = [e for e in evs if e.place]
    assert len(placed) == 1 and _name(doc, placed[0].actor) == "PKK"
    assert placed[0].trigger.text != "هجمات"


def test_receiving_verb_before_a_comma_gives_the_giver():
    text = "تسلمت قوات سوريا الديمقراطية، يوم الثلاثاء، شحنة أسلحة جديدة من التحالف الدولي قرب الموصل."
    doc = make_doc(text, places=PLACES, actors={"قوات سوريا الديمقراطية": "SDF", "التحالف الدولي": "Coalition"},
                   times={"يوم الثلاثاء": ("2024-03-05", "2024-03-05")})
    aid = [e for e in extract(doc) if e.type == "AID"]
    assert aid and _name(doc, aid[0].actor) == "Coalition"
    assert _name(doc, aid[0].recipient) == "SDF"


def test_the_verb_clause_after_a_party_named_by_between():
    # the party ending the verb's clause acts; the sides of the truce do not
    text = "وفي أعقاب انهيار الهدنة بين الحكومة وحزب العمال ألقت قوات الأمن، فجر أمس، القبض على 17 شخصا في الموصل."
    got = _actors(text, {"الحكومة": "Government", "حزب العمال": "PKK", "قوات الأمن": "Security forces"},
                  {"أمس": ("2024-03-09", "2024-03-09")}, typ="COERCE")
    assert got == ["Security forces"]


def test_sides_of_a_relation_are_not_the_sentence_subject():
    text = "بعد انهيار الهدنة بين الحكومة وحزب العمال في الموصل جرت عمليات دهم واسعة."
    got = _actors(text, {"الحكومة": "Government", "حزب العمال": "PKK"}, typ="COERCE")
    assert "PKK" not in got and "Government" not in got


def test_a_party_beside_the_source_does_not_act_in_the_content():
    from rasid.model.document import Claim, ClaimSource, Span

    text = "وأكدت قوات التحالف التي يقودها حلف الأطلسي أن ثمانية متعاقدين قتلوا في الهجوم على معسكر قرب الموصل."
    doc = make_doc(text, places=PLACES, actors={"حلف الأطلسي": "NATO"})
    s, c = text.find("قوات التحالف"), text.find("وأكدت")
    b = text.find("ثمانية")
    doc.claims.append(Claim("claim-1", ClaimSource(s, s + len("قوات التحالف"), "قوات التحالف"),
                            Span(c, c + len("وأكدت"), "وأكدت"), "assert", Span(b, len(text) - 1, text[b:-1])))
    assert all(_name(doc, e.actor) != "NATO" for e in extract(doc))


def test_relative_verb_of_doing_across_a_time():
    text = "وأشار المتحدث إلى الغارات الجوية التي شنتها، يوم الجمعة، القوات الأمريكية قرب الموصل."
    got = _actors(text, {"القوات الأمريكية": "US forces"}, {"يوم الجمعة": ("2024-03-08", "2024-03-08")})
    assert got == ["US forces"]
    # not across words that are no time
    text = "وأشار المتحدث إلى الغارات الجوية التي شنتها، بحسب مصادر محلية، القوات الأمريكية قرب الموصل."
    assert "US forces" not in _actors(text, {"القوات الأمريكية": "US forces"})


def test_a_relative_of_a_titled_party_is_not_the_party():
    # positive control: a title before the party makes it the actor
    text = "وهدد الأمين العام لحزب الله بالرد على الغارة في الموصل."
    assert _actors(text, {"حزب الله": "Hezbollah"}, typ="THREATEN") == ["Hezbollah"]
    text = "هاجم شقيق زعيم حزب الله حاجزا للشرطة في الموصل."
    assert "Hezbollah" not in _actors(text, {"حزب الله": "Hezbollah"})
    # a generic subject right after the verb acts, not the titled party after it
    text = "واعتقلت قوات الأمن شقيق زعيم حزب الله في الموصل."
    assert _actors(text, {"حزب الله": "Hezbollah"}, typ="COERCE") == ["Security forces"]


def test_the_owner_of_a_target_is_no_actor():
    text = "وأدى انفجار استهدف دورية للجيش التركي إلى مقتل جنديين قرب الموصل."
    doc = make_doc(text, places=PLACES, actors={"للجيش التركي": "Turkish forces"})
    evs = [e for e in extract(doc) if e.type == "ASSAULT"]
    assert evs and all(_name(doc, e.actor) != "Turkish forces" for e in evs)
    assert any(_name(doc, e.recipient) == "Turkish forces" for e in evs)
    # positive control: the subject right after the verb of targeting acts
    text = "واستهدفت القوات التركية دورية للمسلحين قرب الموصل."
    assert _actors(text, {"القوات التركية": "Turkish forces"}) == ["Turkish forces"]


def test_a_generic_source_acts_in_its_own_report():
    from rasid.model.document import Claim, ClaimSource, Span

    text = "وقالت الشرطة إنها تواصل التحقيق بعدما اعتقلت 30 شخصا في الموصل."
    doc = make_doc(text, places=PLACES)
    s, c, b = text.find("الشرطة"), text.find("وقالت"), text.find("إنها")
    doc.claims.append(Claim("claim-1", ClaimSource(s, s + len("الشرطة"), "الشرطة"),
                            Span(c, c + len("وقالت"), "وقالت"), "assert", Span(b, len(text) - 1, text[b:-1])))
    got = [_name(doc, e.actor) for e in extract(doc) if e.type == "COERCE"]
    assert got == ["Police forces"]
    # absence: a named subject in the content acts, not the source
    text = "وقالت الشرطة إن مسلحين هاجموا حاجزا في الموصل."
    doc = make_doc(text, places=PLACES)
    s, c, b = text.find("الشرطة"), text.find("وقالت"), text.find("إن مسلحين")
    doc.claims.append(Claim("claim-1", ClaimSource(s, s + len("الشرطة"), "الشرطة"),
                            Span(c, c + len("وقالت"), "وقالت"), "assert", Span(b, len(text) - 1, text[b:-1])))
    assert [_name(doc, e.actor) for e in extract(doc) if e.type == "ASSAULT"] == ["Unidentified armed group"]


def test_a_generic_party_after_attacks_that_target_it_is_hit():
    assert "Security forces" not in _actors("وتشهد المنطقة هجمات تستهدف قوات الأمن قرب الموصل.")
    # positive control: clause-initial, the generic party right after the verb acts
    assert _actors("واستهدفت قوات الأمن مواقع المسلحين قرب الموصل.") == ["Security forces"]
