from __future__ import annotations

from rasid.actors import annotate
from rasid.model.document import Document, Entity, PlaceInfo, Span


def _doc(text: str) -> Document:
    d = Document(id="t", text=text, published="2024-01-10")
    annotate(d)
    assert d.check_spans() == []
    return d


def _by_actor(doc: Document) -> dict[str, Entity]:
    return {e.attrs.get("actor_id"): e for e in doc.entities if e.attrs.get("actor_id")}


def test_dictionary_aliases_and_proclitics():
    d = _doc("اشتبكت قوات سورية الديمقراطية مع خلايا داعش، وقالت قسد إن التنظيم خسر مواقع. وأرسل الحشد الشعبي تعزيزات للقوات العراقية.")
    ents = _by_actor(d)
    assert [m.text for m in ents["sdf"].mentions] == ["قوات سورية الديمقراطية", "قسد"]
    assert ents["sdf"].kind == "actor" and ents["sdf"].id.startswith("actor-")
    assert [m.text for m in ents["isis"].mentions] == ["خلايا داعش", "التنظيم"]
    assert "pmf" in ents
    assert ents["iraqi_army"].mentions[0].text == "للقوات العراقية"


def test_force_of_one_nationality_loyal_to_another_state_is_its_proxy():
    d = _doc("هاجمت قوات سورية موالية لتركيا قرى في ريف منبج، وانسحبت القوات السورية الموالية لإيران من البلدة.")
    ents = _by_actor(d)
    assert [m.text for m in ents["sna"].mentions] == ["قوات سورية موالية لتركيا"]
    assert [m.text for m in ents["iran_backed_militias"].mentions] == ["القوات السورية الموالية لإيران"]
    assert "syrian_gov_forces" not in ents
    # a loyalty phrase naming the nationality's own state, or none, changes nothing
    d = _doc("دخلت القوات السورية الموالية لدمشق إلى البلدة، ثم القوات السورية وحدها.")
    assert "syrian_gov_forces" in _by_actor(d) and "sna" not in _by_actor(d)


def test_anaphoric_alias_needs_earlier_full_mention():
    d = _doc("قال التنظيم في بيان إنه هاجم القرية.")
    assert "isis" not in _by_actor(d)


def test_descriptive_mentions():
    d = _doc("حلقت الطائرات الأميركية المسيرة فوق البلدة، بينما سيرت القوات الروسية دورية. وقال إن الأمريكيين يريدون البقاء، ووصل 300 جندي أمريكي.")
    ents = _by_actor(d)
    us = [m.text for m in ents["us_forces"].mentions]
    assert "الطائرات الأميركية المسيرة" in us and "الأمريكيين" in us and "جندي أمريكي" in us
    assert ents["russian_forces"].mentions[0].text == "القوات الروسية"


def test_officials_adjective_is_not_people():
    d = _doc("يقول المسؤولون الإسرائيليون إن المعبر مهم.")
    ents = _by_actor(d)
    assert "israeli_forces" not in ents
    assert ents["israeli_government"].mentions[0].text == "المسؤولون الإسرائيليون"


def test_weak_outlet_alias_needs_context():
    d = _doc("تعيش المدن السورية أزمة كهرباء. وقال مصدر لـ\"المدن\" إن الوضع صعب، بحسب صحيفة الشرق الأوسط.")
    ents = _by_actor(d)
    assert [m.text for m in ents["al_modon"].mentions] == ["المدن"]
    assert ents["al_modon"].kind == "outlet" and ents["al_modon"].id.startswith("outlet-")
    assert "asharq_al_awsat" in ents


def test_place_mentions_are_not_overlapped():
    text = "وصلت القوات الأمريكية إلى عين الأسد أمس."
    d = Document(id="t", text=text)
    s = text.index("عين الأسد")
    d.entities.append(Entity("place-1", "place", "Ain al-Asad", "عين الأسد", [Span(s, s + 9, "عين الأسد")],
                             place=PlaceInfo(33.8, 42.4, "IQ")))
    annotate(d)
    assert not any(e.kind == "person" for e in d.entities)
    assert _by_actor(d)["us_forces"].mentions[0].text == "القوات الأمريكية"


def test_metonym_capital_adds_government():
    text = "وقالت واشنطن إنها سترد."
    d = Document(id="t", text=text)
    s = text.index("واشنطن")
    d.entities.append(Entity("place-1", "place", "Washington", "واشنطن", [Span(s, s + 6, "واشنطن")],
                             place=PlaceInfo(38.9, -77.0, "US", metonym=True)))
    annotate(d)
    gov = _by_actor(d)["us_government"]
    assert gov.mentions[0].text == "واشنطن" and gov.attrs["metonym_of"] == "place-1"


def test_metonyms_set_aside_by_places_stage():
    text = "وقالت طهران إن الميليشيات المدعومة من إيران لن ترد."
    d = Document(id="t", text=text)
    s1 = text.index("طهران")
    s2 = text.index("إيران")
    d.meta["place_metonyms"] = [
        {"id": "place-1", "kind": "place", "name": "Tehran", "mentions": [{"start": s1, "end": s1 + 5, "text": "طهران"}],
         "place": {"lat": 35.7, "lon": 51.4, "country": "IR", "metonym": True}},
        {"id": "place-2", "kind": "place", "name": "Iran", "mentions": [{"start": s2, "end": s2 + 5, "text": "إيران"}],
         "place": {"lat": 32.0, "lon": 53.0, "country": "IR", "metonym": True}},
    ]
    annotate(d)
    ents = _by_actor(d)
    assert [m.text for m in ents["iran_government"].mentions] == ["طهران"]
    assert ents["iran_backed_militias"].mentions[0].text == "الميليشيات المدعومة من إيران"


def test_proclitics_on_descriptive_and_dictionary_mentions():
    d = _doc("ألحقت الضربات خسائر بالقوات الروسية والقوات الأمريكية وللقوات التركية، وتصدى لها بالحرس الثوري.")
    ents = _by_actor(d)
    assert [m.text for m in ents["russian_forces"].mentions] == ["القوات الروسية"]
    assert [m.text for m in ents["us_forces"].mentions] == ["القوات الأمريكية"]
    assert ents["turkish_forces"].mentions[0].text == "للقوات التركية"  # li- + article keeps its lam
    assert ents["irgc"].mentions[0].text == "الحرس الثوري"


def test_not_inside_words():
    d = _doc("زار الوفد منطقة حماسية الطابع.")
    assert "hamas" not in _by_actor(d)


def test_attrs_contract():
    d = _doc("قصفت الطائرات الروسية مواقع لهيئة تحرير الشام.")
    hts = _by_actor(d)["hts"]
    for key in ("actor_id", "type", "country", "sector", "acled_inter"):
        assert key in hts.attrs
    assert hts.attrs["type"] == "jihadist group"


def test_anaphoric_alias_licensed_by_related_entry_anywhere():
    d = _doc("الأسد يعزز قواته\nشهدت مناطق سيطرة نظام الأسد انتشارا لقوات الحرس الجمهوري.")
    ents = _by_actor(d)
    assert ents["bashar_al_assad"].mentions[0].text == "الأسد"
    assert ents["bashar_al_assad"].kind == "person"
    assert ents["syrian_gov_forces"].mentions[0].text == "نظام الأسد"
