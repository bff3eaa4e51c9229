"""Publication date from page metadata or a dateline (texts written for the tests)."""

from __future__ import annotations

import pytest

from rasid.model.document import Document
from rasid.times import annotate
from rasid.times.pubdate import find_published

HTML_META = '<html><head><meta property="article:published_time" content="2023-08-25T04:57:00+03:00"></head><body></body></html>'
HTML_JSONLD = '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-03-03T10:00:00Z"}</script></head></html>'
HTML_TIME = '<html><body><article><time datetime="2019-11-02">2 نوفمبر</time></article></body></html>'


@pytest.mark.parametrize(
    "text,html,expected",
    [
        ("", HTML_META, "2023-08-25"),
        ("", HTML_JSONLD, "2020-03-03"),
        ("", HTML_TIME, "2019-11-02"),
        ("تحركات القوات في العراق\n\n04:57 2023/08/25\n\nسارت العلاقات ...", None, "2023-08-25"),
        ("دمشق - الجمعة 25 آب/أغسطس 2023: قالت مصادر محلية إن القصف استمر.", None, "2023-08-25"),
        ("بغداد ٣/٣/٢٠٢٠ - أعلنت القيادة انتهاء العملية.", None, "2020-03-03"),
        ("قالت مصادر أمس إن القصف استمر في 20 أغسطس.", None, None),
        ("قتل 19 عنصراً و2500 جندي انتشروا.", None, None),
        ("", None, None),
        ("قال مسؤول عراقي إن المدينة التي سقطت بيد التنظيم في 10 يونيو 2014، ما زالت مدمرة.", None, None),
        ("أعلنت الأمم المتحدة في تقرير تلقت الوكالة نسخة منه اليوم الخميس (23 يوليو/تموز 2015) أن القصف مستمر.", None, "2015-07-23"),
        ("قالت مصادر ميدانية إن القصف تواصل طوال الليل على الأحياء الشرقية.\nنشر بتاريخ 12/3/2021", None, "2021-03-12"),
    ],
)
def test_find_published(text: str, html: str | None, expected: str | None) -> None:
    assert find_published(text, html) == expected


def test_metadata_wins_over_the_text() -> None:
    assert find_published("الجمعة 25 آب/أغسطس 2023", HTML_JSONLD) == "2020-03-03"


def test_annotate_document_offsets_and_dateline() -> None:
    text = "عنوان الخبر\n\n04:57 2023/08/25\n\nقصفت الطائرات الاثنين مواقع، وقتل 40 شخصاً أمس الخميس."
    doc = Document(id="t1", text=text, published="2023-08-25")
    annotate(doc)
    got = [(t.text, t.value_start, t.value_end, t.granularity) for t in doc.times]
    assert got == [
        ("04:57 2023/08/25", "2023-08-25", "2023-08-25", "day"),
        ("الاثنين", "2023-08-21", "2023-08-21", "day"),
        ("أمس الخميس", "2023-08-24", "2023-08-24", "day"),
    ]
    for t in doc.times:
        assert doc.text[t.start:t.end] == t.text


def test_annotate_without_date_keeps_surface() -> None:
    doc = Document(id="t2", text="قتل جنديان أمس في كمين.", published=None)
    annotate(doc)
    assert [(t.text, t.value_start, t.value_end) for t in doc.times] == [("أمس", None, None)]
