"""General causes behind QA findings on actors and people (own sentences)."""

from __future__ import annotations

import pytest

from rasid import places
from rasid.actors import annotate
from rasid.actors.people import romanize
from rasid.model.document import Document


def _doc(text: str) -> Document:
    d = Document(id="t", text=text)
    places.annotate(d)
    annotate(d)
    assert d.check_spans() == []
    return d


def _people(d: Document) -> dict[str, list[str]]:
    return {e.name_ar: [m.text for m in e.mentions] for e in d.entities if e.kind == "person"}


def _ids(d: Document) -> dict[str, list[str]]:
    return {e.attrs.get("actor_id", e.name): [m.text for m in e.mentions] for e in d.entities if e.kind != "place"}


@pytest.mark.parametrize("text,name", [
    ("ويرى الخبير العسكري الأردني فايز الدويري أن المعارك ستطول.", "فايز الدويري"),
    ("وقال المحلل السياسي العراقي إحسان الشمري إن الحكومة تواجه ضغوطاً.", "إحسان الشمري"),
    ("وقال الباحث في الشؤون الكردية شفان إبراهيم إن التصعيد متوقع.", "شفان إبراهيم"),
    ("وقال المراسل الحربي سامر خليل إن الهجوم بدأ فجراً.", "سامر خليل"),
    ("ورأت الصحفية اللبنانية رنا حداد أن الاتفاق هش.", "رنا حداد"),
])
def test_role_nouns_before_names(text: str, name: str) -> None:
    assert name in _people(_doc(text))


def test_air_defence_nouns_with_nationality() -> None:
    ids = _ids(_doc("وتصدت المضادات الأرضية العراقية لطائرة مجهولة، وأسقط الدفاع الجوي الإيراني مسيرة، "
                    "وأطلقت الدفاعات الجوية الروسية صواريخ اعتراضية."))
    assert ids["iraqi_army"] == ["المضادات الأرضية العراقية"]
    assert ids["iran_army"] == ["الدفاع الجوي الإيراني"]
    assert ids["russian_forces"] == ["الدفاعات الجوية الروسية"]


def test_foreign_outlets() -> None:
    d = _doc('وأفاد مصدر لشبكة "سي إن إن" بأن المحادثات توقفت، كما نقلت فوكس نيوز ودويتشه فيله الخبر.')
    outlets = {e.attrs["actor_id"] for e in d.entities if e.kind == "outlet"}
    assert {"cnn", "fox_news", "dw"} <= outlets
    assert not [e for e in d.entities if e.kind == "organization"]


@pytest.mark.parametrize("ar,en", [
    ("عبد الله الحسن", "Abdullah al-Hassan"),
    ("محمد علي حسين", "Mohammed Ali Hussein"),
    ("أبو عبد الرحمن", "Abu Abdulrahman"),
    ("تميم بن حمد", "Tamim bin Hamad"),
    ("أحمد الخالدي", "Ahmed al-Khaldi"),
])
def test_romanize_common_names(ar: str, en: str) -> None:
    assert romanize(ar) == en


@pytest.mark.parametrize("ar", ["مظلوم عبدي", "رائد الصالح", "عدنان العرعور", "إريك ت. هيل", "كاغينز"])
def test_romanize_letters_clean(ar: str) -> None:
    r = romanize(ar)
    assert "'" not in r
    assert all(w[:1].isupper() or w.startswith("al-") for w in r.split())
    assert not any(c.isupper() for w in r.split() for c in w.removeprefix("al-")[1:])


def test_surname_with_proclitic_links_to_full_name() -> None:
    d = _doc("وقال وزير الخارجية الكندي مارك غارنو إن بلاده قلقة. وأضاف غارنو أن الحل سياسي، "
             "ثم عاد وغارنو إلى العاصمة.")
    p = _people(d)
    assert p["مارك غارنو"][0] == "مارك غارنو"
    assert p["مارك غارنو"].count("غارنو") == 2
    assert len(p) == 1


def test_proclitic_ner_mention_joins_the_person() -> None:
    from rasid.actors.people import PersonMention  # noqa: F401 - the grouping is in annotate
    d = _doc("استقبل رئيس البرلمان العراقي محمد الحلبوسي الوفد. وقال الحلبوسي إن الزيارة مهمة، "
             "وأشاد بالحلبوسي عدد من النواب.")
    p = _people(d)
    assert list(p) == ["محمد الحلبوسي"]
    assert p["محمد الحلبوسي"][1:] == ["الحلبوسي", "الحلبوسي"]


def test_title_is_not_part_of_the_name() -> None:
    d = _doc("وأقام البابا بنديكت قداساً في الساحة، وحضره الكاردينال بيترو بارولين.")
    p = {e.name_ar: e for e in d.entities if e.kind == "person"}
    assert "بنديكت" in p and p["بنديكت"].attrs["title"] == "البابا"
    assert "بيترو بارولين" in p
    assert not any(n.startswith(("البابا", "الكاردينال")) for n in p)


def test_ner_title_token_trimmed() -> None:
    from rasid.actors.people import Tok, names_from_ner
    from rasid.text import fold
    words = [("وصل", "O"), ("البابا", "B-PERS"), ("يوحنا", "I-PERS"), ("إلى", "O")]
    toks, pos = [], 0
    for w, tag in words:
        toks.append(Tok(pos, pos + len(w), w, fold(w), tag, 0.95))
        pos += len(w) + 1
    (pm,) = names_from_ner(toks, [])
    assert pm.tokens == [fold("يوحنا")]


def test_ner_org_proclitic_stripped() -> None:
    from rasid.actors.people import Tok, orgs_from_ner
    from rasid.text import fold
    text = "وأعلن وحركة الشباب الوطني رفضها"
    toks, pos = [], 0
    for w, tag in [("وأعلن", "O"), ("وحركة", "B-ORG"), ("الشباب", "I-ORG"), ("الوطني", "I-ORG"), ("رفضها", "O")]:
        toks.append(Tok(pos, pos + len(w), w, fold(w), tag, 0.95))
        pos += len(w) + 1
    ((s, e, _),) = orgs_from_ner(toks, [])
    assert text[s:e] == "حركة الشباب الوطني"


def test_short_pkk_name_with_proclitic() -> None:
    ids = _ids(_doc("ونفى حزب العمال مسؤوليته، فيما حمّلت أنقرة وحزب العمال المسؤولية للطرف الآخر."))
    assert ids["pkk"] == ["حزب العمال", "حزب العمال"]


def test_nationality_adjective_after_group_noun_is_not_a_government() -> None:
    d = _doc("وشاركت فصائل سورية مسلحة في الهجوم بدعم من أنقرة، فيما طالبت دمشق بوقفه.")
    ids = _ids(d)
    assert ids["syrian_government"] == ["دمشق"]


def test_compound_tail_is_not_a_surname() -> None:
    d = _doc("وقال القيادي عماد نصر الدين إن الهجوم فشل، داعياً إلى الاحتكام لشرع الله ونصرة الدين.")
    p = _people(d)
    assert p == {"عماد نصر الدين": ["عماد نصر الدين"]}


def test_phrase_ending_in_allah_is_not_a_person() -> None:
    from rasid.actors.people import bad_compound
    from rasid.text import fold
    assert bad_compound([fold("توفيق"), fold("الله")])
    assert not bad_compound([fold("عبد"), fold("الله")])
    assert not bad_compound([fold("حسن"), fold("نصر"), fold("الله")])


def test_first_name_glued_to_known_person() -> None:
    d = _doc("وصل المبعوث الأممي ستيفان دي ميستورا إلى جنيف، وقال دي ميستورا إن الجولة ستبدأ.")
    p = [e for e in d.entities if e.kind == "person"]
    assert len(p) == 1 and p[0].attrs["actor_id"] == "staffan_de_mistura"
    assert [m.text for m in p[0].mentions] == ["ستيفان دي ميستورا", "دي ميستورا"]


def test_facility_named_after_a_title_is_not_a_person() -> None:
    d = _doc("وأقلعت الطائرة من مطار الملك فهد الدولي، ثم زار الوفد جامعة الأمير نايف.")
    assert _people(d) == {}


def test_name_stops_at_post_title_adjective() -> None:
    d = _doc("والتقى المبعوث الأممي السابق غير بيدرسون السابق بالوفد.")
    assert all("السابق" not in n for n in _people(d))


def test_other_first_name_before_known_surname_is_another_person() -> None:
    d = _doc("استقبل مسعود بارزاني الوفد، ثم التقى الوفد رئيس الحكومة نيجيرفان بارزاني في مكتبه.")
    p = _people(d)
    assert p["نيجيرفان بارزاني"] == ["نيجيرفان بارزاني"]
    assert "مسعود بارزاني" in p


def test_common_noun_surname_needs_evidence() -> None:
    d = _doc("وقال النائب خالد النهر إن النهر جف هذا الصيف. وأضاف النهر أن المزارعين تضرروا.")
    p = _people(d)
    assert p["خالد النهر"] == ["خالد النهر", "النهر"]
    s = d.text.index("وأضاف النهر") + len("وأضاف ")
    person = next(e for e in d.entities if e.kind == "person")
    assert [m.start for m in person.mentions][1] == s


def test_al_abdullah_family_name() -> None:
    d = _doc("وأكد الشيخ صباح العبد الله أن الكويت صامدة.")
    assert "صباح العبد الله" in _people(d)
    assert romanize("صباح العبد الله") == "Sabah al-Abdullah"


def test_given_name_surname_needs_evidence() -> None:
    d = _doc("قالت الناشطة هالة عباس إن المساعدات تأخرت عند جسر عباس القديم. وأضافت عباس أن الأهالي ينتظرون.")
    p = _people(d)
    s = d.text.index("وأضافت عباس") + len("وأضافت ")
    person = next(e for e in d.entities if e.kind == "person")
    assert p["هالة عباس"] == ["هالة عباس", "عباس"]
    assert person.mentions[1].start == s


def test_more_foreign_outlets() -> None:
    d = _doc("ونقل موقع المونيتور عن مصادر، كما ذكرت مجلة دير شبيغل ووكالة الصحافة الفرنسية أن الاتفاق قريب.")
    outlets = {e.attrs["actor_id"] for e in d.entities if e.kind == "outlet"}
    assert {"al_monitor", "der_spiegel", "afp"} <= outlets


def test_ner_person_proclitic_before_common_given_name() -> None:
    from rasid.actors.people import Tok, names_from_ner
    from rasid.text import fold
    text = "التقى الوفد وديفيد هارتمان"
    toks, pos = [], 0
    for w, tag in [("التقى", "O"), ("الوفد", "O"), ("وديفيد", "B-PERS"), ("هارتمان", "I-PERS")]:
        toks.append(Tok(pos, pos + len(w), w, fold(w), tag, 0.95))
        pos += len(w) + 1
    (pm,) = names_from_ner(toks, [])
    assert text[pm.start:pm.end] == "ديفيد هارتمان"
    assert pm.tokens[0] == fold("ديفيد")


def test_romanize_hamza_then_ya() -> None:
    assert romanize("ميخائيل") == "Mikhail"
    assert romanize("جون بولتون").startswith("John ")


def test_coordinated_nationality_adjectives() -> None:
    ids = _ids(_doc("ونفذت الطائرات التركية والقطرية طلعات مشتركة، فيما انسحبت القوات الإيرانية والعراقية من الموقع."))
    assert ids["turkish_forces"] == ["الطائرات التركية"]
    assert ids["iran_army"] == ["القوات الإيرانية"]
    assert ids["iraqi_army"] == ["العراقية"]
