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
