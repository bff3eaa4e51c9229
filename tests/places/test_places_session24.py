"""Places added in session 24 (issue 13 item 3): towns and bases the gazetteer
lacked, spelling variants and country coordinates.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from rasid.model.document import Document
from rasid.places import annotate, gazetteer


def ids(text: str) -> list[str]:
    doc = Document(id="t", text=text)
    annotate(doc)
    return [e.place.gazetteer_id for e in doc.entities if e.kind == "place"]


@pytest.mark.parametrize(("text", "gid"), [
    ("استهدف هجوم حاجزا في بلدة القطن بمحافظة حضرموت.", "ye-qatn"),
    ("سيطر المسلحون على بلدة البحصة قرب جورين.", "sy-bahsa"),
    ("اندلعت اشتباكات قرب بلدة شيلوبي جنوب شرق تركيا.", "tr-silopi"),
    ("وصلت طائرات إلى قاعدة “إنغيرليك” الجوية في تركيا.", "tr-incirlik"),
    ("وصلت طائرات إلى قاعدة «إنجرليك» الجوية في تركيا.", "tr-incirlik"),
    ("مثل رجل أمام محكمة مدينة سيله الألمانية.", "de-celle"),
    ("مثل المتهم أمام محكمة في نيوآرك بولاية نيوجيرزي.", "us-newark"),
])
def test_new_places(text: str, gid: str) -> None:
    assert gid in ids(text)


@pytest.mark.parametrize("text", [
    "ارتفعت أسعار القطن في الأسواق هذا العام.",
    "اشترى المزارع كيسا من القطن.",
])
def test_common_words_stay_words(text: str) -> None:
    assert "ye-qatn" not in ids(text)


def test_malaysia_on_the_peninsula() -> None:
    e = next(e for e in gazetteer().lookup("ماليزيا") if e.id == "cc-my")
    assert 1.0 < e.lat < 7.0 and 100.0 < e.lon < 104.5


def test_green_zone_needs_iraq() -> None:
    assert "iq-greenzone" in ids("سقطت قذيفة في المنطقة الخضراء وسط بغداد.")
    assert "iq-greenzone" not in ids("تقدمت القوات في المنطقة الخضراء الواقعة بين لحج وعدن في اليمن.")


@pytest.mark.parametrize(("text", "gid"), [
    ("انفجرت عبوة في قضاء المدائن جنوبي بغداد.", "iq-madain"),
    ("خطف مسلحون رجلين على طريق كفريا في البقاع اللبناني.", "lb-kefraya"),
    ("سقطت قذائف على بلدتي الفوعة وكفريا في ريف إدلب.", "sy-kafriya"),
])
def test_madain_and_two_kafriyas(text: str, gid: str) -> None:
    assert gid in ids(text)


def test_madain_plural_is_a_word() -> None:
    assert "iq-madain" not in ids("زار الرحالة المدائن القديمة في رحلته.")


def test_kawd_place_and_word() -> None:
    assert "ye-kawd" in ids("قصفت البوارج مواقع في منطقة الكود جنوب زنجبار.")
    assert "ye-kawd" not in ids("نشر المبرمج الكود على موقعه.")
