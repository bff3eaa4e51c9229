"""Issue 13 item 1 (eventness on fresh text): a meeting held every day is a practice, and an
attack or tally over months or years (منذ أربع سنوات، منذ بداية الحرب، خلال تسعة أشهر) is a
campaign or a summary, not one happening; a new happening measured against such a span
("أول هجوم من نوعه منذ سنوات") and real news told in the present stay.

Sentences are written for the tests (paraphrases of real-article phrasings)."""

from __future__ import annotations

import pytest
from ev_helpers import make_doc

from rasid.events import extract
from rasid.events.detect import candidates, rejected_by


def _rejected(text: str, typ: str) -> list[str | None]:
    return [rejected_by(c) for c in candidates(make_doc(text)) if c.hit.entry.type == typ]


@pytest.mark.parametrize(
    ("text", "typ", "rule"),
    [
        ("وقال إن الوزراء يعقدون اجتماعا يوميا في عدن لتقييم الأوضاع.", "CONSULT", "reject_periodic"),
        ("وأوضح أن قادة الفصائل يعقدون اجتماعا كل أسبوع في مقر القيادة.", "CONSULT", "reject_periodic"),
        ("ويتعرض الجيش لإرهاق نتيجة المعارك التي يخوضها منذ أربع سنوات ضد المتشددين.", "ASSAULT",
         "reject_long_span"),
        ("وقتل آلاف المدنيين في الغارات منذ بداية الحرب على البلاد.", "ASSAULT", "reject_long_span"),
        ("وشنت الطائرات أكثر من ألف غارة خلال تسعة أشهر على مواقع التنظيم.", "ASSAULT", "reject_long_span"),
        ("وتتواصل الاشتباكات في المحافظة منذ عام 2011 بين الطرفين.", "ASSAULT", "reject_long_span"),
        # repeated or usual attacks (habitual: غالباً، أحياناً، مراراً، كثيراً ما)
        ("وكانت القوات قد هاجمت مرارا معسكرات المسلحين في الجبال.", "ASSAULT", "reject_habitual"),
        ("وتقع غالبا اشتباكات بين العشائر في المنطقة.", "ASSAULT", "reject_habitual"),
    ],
)
def test_practice_or_long_span_is_no_happening(text: str, typ: str, rule: str) -> None:
    assert rule in _rejected(text, typ)


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        # one meeting, its kind named by an adjective with the article
        ("وعقد مجلس الوزراء اجتماعه الأسبوعي في الرياض أمس برئاسة الملك.", "CONSULT"),
        # a first or a superlative against the span: a new happening
        ("وقتل عشرون جنديا في أعنف هجوم منذ بداية الحرب على بلدة في حلب أمس.", "ASSAULT"),
        ("وهو أول هجوم من نوعه منذ سنوات على القاعدة العسكرية في الأنبار.", "ASSAULT"),
        # a span of days: news going on
        ("وتشهد المدينة اشتباكات عنيفة منذ ثلاثة أيام بين الجيش والمسلحين.", "ASSAULT"),
        ("وتشهد المدينة اشتباكات عنيفة بين الجيش والمسلحين منذ صباح أمس.", "ASSAULT"),
    ],
)
def test_one_happening_stays(text: str, typ: str) -> None:
    rules = _rejected(text, typ)
    assert rules and "reject_periodic" not in rules and "reject_long_span" not in rules


def test_span_of_another_nouns_relative_clause_keeps_the_attack() -> None:
    text = "وقام الطيران المروحي بإلقاء براميل متفجرة على المدينة التي أسقط عليها منذ بدء المعركة 400 برميل."
    doc = make_doc(text)
    by_word = {doc.text[c.hit.start:c.hit.end]: rejected_by(c) for c in candidates(doc)}
    assert by_word["براميل متفجرة"] is None
    assert by_word["المعركة"] == "reject_long_span"  # "منذ بدء المعركة": the start the span counts from


def test_a_superlative_against_the_span_is_an_event() -> None:
    # positive control through the whole stage (tests/test_mutation.py)
    doc = make_doc("قتل عشرون جنديا أمس في أعنف هجوم منذ بداية الحرب على بلدة في حلب.", places={"حلب": "Aleppo"})
    assert [e.type for e in extract(doc)] == ["ASSAULT"]
