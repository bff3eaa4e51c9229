"""Actor, recipient, place, origin/destination, time, counts, claim."""

from __future__ import annotations

from ev_helpers import make_doc, place_name

from rasid.events import extract


def test_actor_after_verb_and_recipient() -> None:
    text = "قصفت القوات الحكومية مواقع لهيئة تحرير الشام في ريف إدلب."
    doc = make_doc(text, places={"إدلب": "Idlib"}, actors={"القوات الحكومية": "Syrian government forces", "هيئة تحرير الشام": "HTS"})
    (e,) = extract(doc)
    assert doc.entity(e.actor).name == "Syrian government forces"
    assert doc.entity(e.recipient).name == "HTS"
    assert place_name(doc, e.place) == "Idlib"


def test_actor_before_verb() -> None:
    text = "قالت مصادر إن الميليشيات استهدفت بصواريخ قاعدة عسكرية قرب البوكمال، ما أدى إلى إصابة جنديين."
    doc = make_doc(text, places={"البوكمال": "Al-Bukamal"}, actors={"الميليشيات": "Iran-backed militias"})
    evs = extract(doc)
    assert [e.type for e in evs] == ["ASSAULT"]
    assert doc.entity(evs[0].actor).name == "Iran-backed militias"


def test_recipient_after_ala() -> None:
    text = "شن التحالف غارات على مواقع تنظيم داعش في دير الزور."
    doc = make_doc(text, places={"دير الزور": "Deir ez-Zor"}, actors={"التحالف": "US-led coalition", "تنظيم داعش": "ISIS"})
    (e,) = extract(doc)
    assert doc.entity(e.actor).name == "US-led coalition"
    assert doc.entity(e.recipient).name == "ISIS"


def test_origin_and_destination() -> None:
    text = "وصلت تعزيزات عسكرية قادمة من العراق إلى مدينة البوكمال."
    doc = make_doc(text, places={"العراق": "Iraq", "البوكمال": "Al-Bukamal"})
    (e,) = extract(doc)
    assert e.type == "MOBILIZE"
    assert place_name(doc, e.attrs["origin"]) == "Iraq"
    assert place_name(doc, e.attrs["destination"]) == "Al-Bukamal"
    assert place_name(doc, e.place) == "Al-Bukamal"


def test_route_between_is_not_the_place() -> None:
    text = "عززت القوات الروسية مواقعها في سوريا عبر قوافل عسكرية تنقلت بين حلب وإدلب."
    doc = make_doc(text, places={"سوريا": "Syria", "حلب": "Aleppo", "إدلب": "Idlib"}, actors={"القوات الروسية": "Russian forces"})
    evs = extract(doc)
    assert [e.type for e in evs] == ["MOBILIZE"]
    assert place_name(doc, evs[0].place) == "Syria"
    assert place_name(doc, evs[0].attrs["origin"]) == "Aleppo"


def test_coordinated_places_give_one_event_each() -> None:
    text = "شهدت المنطقة انتشاراً واسعاً لقوات الجيش في مدينتي دير الزور والبوكمال."
    doc = make_doc(text, places={"دير الزور": "Deir ez-Zor", "البوكمال": "Al-Bukamal"})
    evs = extract(doc)
    assert sorted(place_name(doc, e.place) for e in evs) == ["Al-Bukamal", "Deir ez-Zor"]


def test_time_from_sentence_not_publication() -> None:
    text = "دخل رتل عسكري أمريكي مدينة البوكمال يوم الاثنين."
    doc = make_doc(text, places={"البوكمال": "Al-Bukamal"}, times={"يوم الاثنين": ("2024-03-04", "2024-03-04")})
    (e,) = extract(doc)
    assert e.time == {"value_start": "2024-03-04", "value_end": "2024-03-04"}
    doc2 = make_doc(text, places={"البوكمال": "Al-Bukamal"})
    (e2,) = extract(doc2)
    # no date in the text: the report's (the day before publication to publication), marked inferred
    assert e2.time == {"value_start": "2024-03-09", "value_end": "2024-03-10"}
    assert e2.attrs.get("time_inferred") is True
    assert "time_inferred" not in e.attrs


def test_time_inherited_by_a_continuing_sentence() -> None:
    text = "قصفت المدفعية بلدات في ريف حلب يوم الأحد. وأسفر القصف عن مقتل ثلاثة أشخاص."
    doc = make_doc(text, places={"حلب": "Aleppo"}, times={"يوم الأحد": ("2024-03-03", "2024-03-03")})
    (e,) = extract(doc)
    assert e.time == {"value_start": "2024-03-03", "value_end": "2024-03-03"}
    assert len(e.evidence) == 2
    assert e.fatalities == 3


def test_counts_fatalities_injuries() -> None:
    text = "قتل 12 شخصاً وأصيب 20 آخرون في تفجير سيارة مفخخة وسط حمص."
    doc = make_doc(text, places={"حمص": "Homs"})
    (e,) = extract(doc)
    assert e.type == "ASSAULT"
    assert e.fatalities == 12
    assert e.injuries == 20


def test_counts_size_of_deployment() -> None:
    text = "نشر الجيش نحو 2500 جندي في قاعدة قرب القائم."
    doc = make_doc(text, places={"القائم": "Al-Qaim"})
    (e,) = extract(doc)
    assert e.type == "MOBILIZE"
    assert e.attrs["size"] == 2500
    assert e.fatalities is None and e.arrests is None


def test_claim_link() -> None:
    text = "أفادت مصادر محلية أن دورية تابعة للتحالف منعت رتلاً عسكرياً روسياً من دخول البلدة."
    doc = make_doc(text, claims=[("مصادر محلية", "أفادت", "assert", "دورية تابعة للتحالف منعت رتلاً عسكرياً روسياً من دخول البلدة")])
    evs = extract(doc)
    assert evs and all(e.claim == "claim-1" for e in evs)
    assert evs[0].type == "COERCE"


def test_offsets_point_into_text() -> None:
    text = "وَاعتقلت قوّات الأمن 7 أشخاص في حلب."
    doc = make_doc(text, places={"حلب": "Aleppo"})
    doc.events.extend(extract(doc))
    assert doc.check_spans() == []
    e = doc.events[0]
    assert doc.text[e.trigger.start:e.trigger.end] == e.trigger.text
    assert e.arrests == 7


def test_finer_place_of_the_same_area_wins() -> None:
    text = "وفي محافظة نينوى، قال مصدر إن الجيش اعتقل، يوم الاثنين، قيادياً في حي بمدينة الموصل."
    doc = make_doc(text, places={"محافظة نينوى": "Nineveh", "الموصل": "Mosul"})
    (e,) = extract(doc)
    assert place_name(doc, e.place) == "Mosul"


def test_casualties_before_the_attack_are_victims() -> None:
    text = "أصيب عدد من الجنود الأتراك مساء الجمعة في هجوم بقذائف الهاون على قاعدة قرب حلب."
    doc = make_doc(text, places={"حلب": "Aleppo"}, actors={"الجنود الأتراك": "Turkish forces"})
    evs = extract(doc)
    assert len(evs) == 1
    assert evs[0].actor is None
    assert doc.entity(evs[0].recipient).name == "Turkish forces"


def test_killing_noun_names_its_victim() -> None:
    text = "وجاء الرد بعد مقتل قائد في الحرس الثوري بغارة قرب دمشق."
    doc = make_doc(text, actors={"الحرس الثوري": "IRGC"})
    evs = extract(doc)
    assert evs and all(e.actor is None for e in evs)


def test_inherited_place_is_the_most_precise() -> None:
    text = (
        "سقطت قذائف على مدينة الموصل في محافظة نينوى مساء أمس. "
        "وقال مصدر أمني إن صواريخ أطلقها مسلحون سقطت قرب المطار."
    )
    doc = make_doc(text, places={"الموصل": "Mosul", "نينوى": "Nineveh"})
    evs = extract(doc)
    assert evs and all(place_name(doc, e.place) == "Mosul" for e in evs)


def test_date_not_inherited_by_another_incident() -> None:
    text = (
        "قصفت طائرات حربية مواقع قرب حلب يوم الاثنين. "
        "واعتقلت الشرطة عشرة أشخاص في حمص."
    )
    doc = make_doc(
        text, places={"حلب": "Aleppo", "حمص": "Homs"}, times={"يوم الاثنين": ("2024-03-04", "2024-03-04")}
    )
    evs = {e.type: e for e in extract(doc)}
    assert evs["ASSAULT"].time == {"value_start": "2024-03-04", "value_end": "2024-03-04"}
    assert evs["COERCE"].attrs.get("time_inferred")  # (the report's date, not Monday's)


def test_date_inherited_by_the_casualty_report() -> None:
    text = (
        "قصفت طائرات حربية مواقع قرب حلب يوم الاثنين. "
        "وأسفر القصف عن مقتل سبعة أشخاص."
    )
    doc = make_doc(text, places={"حلب": "Aleppo"}, times={"يوم الاثنين": ("2024-03-04", "2024-03-04")})
    evs = extract(doc)
    assert len(evs) == 1 and evs[0].time == {"value_start": "2024-03-04", "value_end": "2024-03-04"}
