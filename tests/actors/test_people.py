from __future__ import annotations

from rasid.actors import annotate
from rasid.actors.people import romanize
from rasid.model.document import Document


def _people(text: str):
    d = Document(id="t", text=text)
    annotate(d)
    assert d.check_spans() == []
    return d, [e for e in d.entities if e.kind == "person"]


def test_title_name_role_and_surname_link():
    d, people = _people(
        "وقال المتحدث باسم قوات التحالف الدولي العقيد الأمريكي جون سميثرز للصحفيين إن الدوريات مستمرة. "
        "وأضاف سميثرز أن القوات ستبقى."
    )
    p = next(e for e in people if e.name_ar == "جون سميثرز")
    assert [m.text for m in p.mentions] == ["جون سميثرز", "سميثرز"]
    assert p.attrs["title"] == "العقيد"
    assert p.attrs["role"].startswith("المتحدث باسم")
    assert p.attrs["affiliation"] == "us_coalition"
    assert p.id.startswith("person-")


def test_role_after_name_and_initials():
    d, people = _people("التقى اللواء روبرت ك. ديفيس، قائد العمليات الخاصة، بالعميد سامر الحمدان في القاعدة.")
    names = {e.name_ar for e in people}
    assert "روبرت ك. ديفيس" in names and "سامر الحمدان" in names
    rd = next(e for e in people if e.name_ar == "روبرت ك. ديفيس")
    assert rd.attrs["role"].startswith("قائد العمليات الخاصة")


def test_name_stops_before_common_word():
    d, people = _people("وكان الفيلق بقيادة اللواء زيد علي صالح الممدد له في منصبه.")
    assert [e.name_ar for e in people] == ["زيد علي صالح"]


def test_known_person_from_dictionary():
    d, people = _people("حذر الرئيس جو بايدن من التصعيد، وقال بايدن إن بلاده سترد.")
    biden = next(e for e in people if e.attrs.get("actor_id") == "joe_biden")
    assert [m.text for m in biden.mentions] == ["جو بايدن", "بايدن"]
    assert biden.name == "Joe Biden"
    assert biden.attrs["title"] == "الرئيس"


def test_adjective_rais_is_not_a_title():
    d, people = _people("الهدف الرئيس لواشنطن هو روسيا.")
    assert people == []


def test_romanize():
    assert romanize("مهند الطلاع").startswith("M")
    assert "al-" in romanize("مهند الطلاع")


def test_role_head_with_actor_then_name():
    d, people = _people("وقال المتحدث باسم وزارة الدفاع الروسية إيغور كوناشينكوف إن الطائرات قصفت مواقع.")
    p = next(e for e in people if e.name_ar == "إيغور كوناشينكوف")
    assert p.attrs["role"] == "المتحدث باسم وزارة الدفاع الروسية"
    assert p.attrs["affiliation"] == "russian_mod"


def test_name_before_role_after_speech_verb():
    d, people = _people("وقال كاوا حسين ديركي، المتحدث باسم مجلس منبج العسكري، إن الهجوم صُدّ.")
    p = next(e for e in people if e.name_ar == "كاوا حسين ديركي")
    assert p.attrs["role"].startswith("المتحدث باسم مجلس منبج العسكري")
    assert p.attrs["affiliation"] == "manbij_military_council"


def test_surname_in_headline_before_full_name():
    d, people = _people("سميثرز: الدوريات مستمرة\nقال العقيد جون سميثرز إن الدوريات مستمرة.")
    p = next(e for e in people if e.name_ar == "جون سميثرز")
    assert [m.text for m in p.mentions] == ["سميثرز", "جون سميثرز"]


def test_role_before_title_must_be_contiguous():
    d, people = _people("وقال رئيس الوزراء إن اللواء سامر الحمدان سيتولى القيادة.")
    p = next(e for e in people if e.name_ar == "سامر الحمدان")
    assert "role" not in p.attrs


def test_role_head_with_preposition_and_actor():
    d, people = _people("وقال القيادي في الحشد الشعبي أبو علي البصري إن الفصائل جاهزة.")
    p = next(e for e in people if e.name_ar == "أبو علي البصري")
    assert p.attrs["affiliation"] == "pmf"


def test_name_in_commas_after_title_and_place():
    d, people = _people("نفى رئيس بلدية القرية، علي الحمدان، ما نشر عن دخول المسلحين.")
    p = next(e for e in people if e.name_ar == "علي الحمدان")
    assert p.attrs["title"] == "رئيس"
    assert p.attrs["role"].startswith("رئيس بلدية القرية")
    _, people = _people("قال وزير الداخلية، عمر الزيدي، إن الطريق آمن.")
    assert [e.name_ar for e in people] == ["عمر الزيدي"]


def test_no_name_in_commas_without_title_or_given_name():
    # the preposition على after a comma is no name; a clause (إلى ...) between title and comma blocks
    _, people = _people("ومر الموكب على الطريق، على بعد كيلومترين من البلدة.")
    assert people == []
    _, people = _people("وصل الرئيس إلى المدينة، محمود الكبير، أمس.")
    assert people == []
