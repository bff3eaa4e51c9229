"""The date of an event on text where the nearest or the previous sentence's time
is not the happening's (issue 13, item 3). Every sentence here was written for
these tests."""

from __future__ import annotations

import pytest

from rasid.model import Document
from rasid.pipeline import Pipeline
from rasid.times import find_times

PUB = "2015-08-09"  # a Sunday


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


def _events(pipe: Pipeline, text: str) -> list[tuple[str, str, str | None, str]]:
    doc = pipe(Document(id="t", text=text, published=PUB))
    return [(e.type, e.trigger.text, (e.time or {}).get("value_start"), e.modality) for e in doc.events]


def test_continuing_sentence_takes_the_date_of_the_same_type_mention(pipe: Pipeline) -> None:
    # the previous sentence ends with the truce's "منذ عامين": the attack told again
    # is the explosion of late July, one event
    text = (
        "وفي نهاية تموز/يوليو أدى انفجار قتل فيه 20 شابا في بلدة حدودية الى انهيار هدنة كانت سارية منذ عامين. "
        "وهذا الاعتداء الذي نسب الى تنظيم متطرف أدى الى سلسلة عمليات انتقامية."
    )
    evs = [e for e in _events(pipe, text) if e[0] == "ASSAULT"]
    assert evs, evs
    assert all(d is not None and d.startswith("2015-07") for _, _, d, _ in evs), evs


def test_speculated_event_does_not_inherit_a_past_date(pipe: Pipeline) -> None:
    text = (
        "وكانت القوات الأمريكية قد أرسلت، في 14 تموز/يوليو الماضي، سربا من الطائرات الحربية إلى قاعدة في الأردن. "
        "ويرجح محللون أن تعيد القوات الأمريكية نشر جزء من قواتها في شمال شرقي سوريا."
    )
    evs = _events(pipe, text)
    ahead = [e for e in evs if e[3] in ("planned", "speculated")]
    assert ahead, evs
    assert all(d is None or d >= PUB for _, _, d, _ in ahead), evs


@pytest.mark.parametrize("text,date", [
    ("ومن المقرر أن يلتقي وزير الخارجية الروسي نظيره السعودي في موسكو يوم الثلاثاء.", "2015-08-11"),
    ("ومن المتوقع أن يزور وزير الدفاع الأمريكي بغداد يوم الأربعاء.", "2015-08-12"),
])
def test_planned_verb_on_a_bare_weekday_is_the_next_one(pipe: Pipeline, text: str, date: str) -> None:
    evs = [e for e in _events(pipe, text) if e[0] == "CONSULT" and e[3] in ("planned", "speculated")]
    assert evs, _events(pipe, text)
    assert {d for _, _, d, _ in evs} == {date}


def test_past_event_on_a_bare_weekday_stays_in_the_past(pipe: Pipeline) -> None:
    text = "واجتمع وزير الخارجية الروسي مع نظيره السعودي في موسكو يوم الثلاثاء."
    evs = [e for e in _events(pipe, text) if e[0] == "CONSULT"]
    assert evs and {d for _, _, d, _ in evs} == {"2015-08-04"}, evs


def test_bare_weekday_is_marked_by_the_times_stage() -> None:
    bare, = find_times("يوم الثلاثاء", PUB)
    past, = find_times("الثلاثاء الماضي", PUB)
    assert bare.attrs.get("bare") and not past.attrs.get("bare")


def test_time_of_a_relative_clause_before_the_trigger_is_not_its_date(pipe: Pipeline) -> None:
    # "التي كانت الوزارة أعلنت عنها في ... 2012": the list's date, not the shooting's
    text = (
        "أعلنت الشرطة، أمس السبت، عن مقتل المطلوب أحمد علي، المدرج اسمه ضمن القائمة التي كانت الوزارة "
        "أعلنت عنها في أواخر يونيو من العام 2012م، وذلك بعد تعرضه لإطلاق نار من مسلحين."
    )
    shots = [e for e in _events(pipe, text) if e[1] == "لإطلاق نار"]
    assert shots, _events(pipe, text)
    assert all(d == "2015-08-08" for _, _, d, _ in shots), shots


def test_time_of_the_triggers_own_relative_clause_dates_it(pipe: Pipeline) -> None:
    text = "وقال الجيش إن الهجوم الذي شنه المسلحون فجر أمس على الحاجز أدى إلى مقتل جنديين."
    evs = [e for e in _events(pipe, text) if e[0] == "ASSAULT"]
    assert evs and all(d == "2015-08-08" for _, _, d, _ in evs), evs


def test_background_time_of_a_later_definite_noun_does_not_date_the_report(pipe: Pipeline) -> None:
    text = (
        "قال مسؤولون في قطاع الصحة، اليوم (الأحد)، ان انفجارا أسفر عن مقتل أربعة أشخاص في مدينة رفح. "
        "وقالت وسائل اعلام محلية ان الانفجار ناجم عن صاروخ لم ينفجر من مخلفات حرب العام الماضي."
    )
    evs = [e for e in _events(pipe, text) if e[0] == "ASSAULT" and e[1] == "انفجارا"]
    assert evs and all(d == PUB for _, _, d, _ in evs), _events(pipe, text)


def test_undated_report_is_not_dated_by_background_sentences_later(pipe: Pipeline) -> None:
    text = (
        "قتل ضابط وثلاثة جنود في انفجار عبوة ناسفة أثناء تمشيط قوات الجيش لإحدى مناطق مدينة رفح. "
        "يذكر أن شبه جزيرة سيناء تشهد العديد من الهجمات ضد قوات الجيش منذ يوليو (تموز) 2013."
    )
    evs = [e for e in _events(pipe, text) if e[1] == "انفجار"]
    assert evs and all(d is None or d >= "2015-08" for _, _, d, _ in evs), _events(pipe, text)
