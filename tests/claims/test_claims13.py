"""Claims stage: families found on real tune (issue 18, helper claims13).

Every sentence was written for these tests in the style of Arabic news (none
copied from an article).
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import NAMES
from tests.claims.test_families import run


def _claims(text: str, cue: str):
    return [c for c in run(text, NAMES).claims if c.cue.text == cue]


@pytest.mark.parametrize("text, cue", [
    # "الذي يعتبر" + a bare noun phrase: "which is considered ...", nobody judges
    ("وقال الخبير إن الفصيل الذي يعتبر الذراع العسكرية للحزب انسحب من البلدة.", "يعتبر"),
    ("الجماعة التي تعتبر الفرع الأخطر للتنظيم شنت هجوماً على الحاجز.", "تعتبر"),
])
def test_relative_present_judgement_is_passive(text, cue):
    assert not _claims(text, cue)


@pytest.mark.parametrize("text, cue, source, content", [
    # past tense or an opener after it: the antecedent judges
    ("وانتقد الوزير الحكومة التي اعتبرت الضربة تجاوزاً للخطوط الحمراء.", "اعتبرت", "الحكومة", "الضربة تجاوزاً"),
    ("وهاجم النائب الحزب الذي يعتبر أن الانتخابات مزورة.", "يعتبر", "الحزب", "الانتخابات مزورة"),
])
def test_relative_judgement_still_claims(text, cue, source, content):
    hits = _claims(text, cue)
    assert hits and source in hits[0].source.text and content in hits[0].content.text, \
        [(c.source.text, c.content.text) for c in hits]


@pytest.mark.parametrize("text, cue, source, content", [
    # "بحسب X عن وقوع ...": the source stops before "عن"; what follows it is the content
    ("وسرت أنباء بحسب قناة العربية عن سقوط قتلى في صفوف المهاجمين.", "بحسب", "قناة العربية",
     "سقوط قتلى في صفوف المهاجمين"),
    ("وانتشرت أخبار حسب مصادر محلية عن انفجار سيارة مفخخة قرب المطار.", "حسب", "مصادر محلية",
     "انفجار سيارة مفخخة قرب المطار"),
])
def test_source_stops_before_an(text, cue, source, content):
    hits = _claims(text, cue)
    assert hits and source in hits[0].source.text and "عن" not in hits[0].source.text, \
        [(c.source.text, c.content.text) for c in hits]
    assert content in hits[0].content.text


def test_issuer_after_an_stays_in_source():
    # "بحسب بيان صادر عن الوزارة": عن + a definite issuer, no split
    hits = _claims("وقتل ثلاثة جنود بحسب بيان صادر عن وزارة الدفاع.", "بحسب")
    assert hits and "وزارة الدفاع" in hits[0].source.text, [c.source.text for c in hits]


@pytest.mark.parametrize("text, cue", [
    # a view, a theory, standards, instructions or a future: no speaker
    ("وبدأ الحزب يبني ترسانته، ووفق منظور الحلف كان ذلك ضرورياً.", "ووفق"),
    ("ويتحرك الجيش وفق نظرية الضربة الاستباقية في كل الجبهات.", "وفق"),
    ("وتعمل المحاكم بحسب المعايير الدولية المعتمدة في هذه القضايا.", "بحسب"),
    ("وتم إغلاق المعبر حسب تعليمات القيادة العسكرية.", "حسب"),
    ("ويرسم الوسطاء خطتهم استناداً إلى مستقبل المنطقة بعد الحرب.", "استناداً"),
])
def test_no_speaker_after_prep(text, cue):
    assert not _claims(text, cue), [(c.source.text, c.content.text) for c in _claims(text, cue)]


def test_relative_plural_judgement_is_active():
    # "الذين يعتبرون X أولوية": the plural is mostly the active, the antecedent judges
    hits = _claims("بيد أن المسؤولين الذين يعتبرون مكافحة التهريب أولوية، لا يمانعون الاتفاق.", "يعتبرون")
    assert hits and "المسؤولين" in hits[0].source.text, [c.source.text for c in hits]


@pytest.mark.parametrize("text, cue, source, content", [
    # a comma, then the quotation, right after a follow-on verb: the speaker is held over
    ('وأكد المحافظ أن الأمن مستتب. وأضاف، "ثم يأتي دور الشيوخ والوجهاء، يجب أن نحمي القرى".', "وأضاف",
     "المحافظ", "يجب أن نحمي القرى"),
    ('وأكد المحافظ أن الأمن مستتب. وتابع، «الجيش يتقدم في كل الجبهات».', "وتابع", "المحافظ",
     "الجيش يتقدم"),
])
def test_comma_then_quotation(text, cue, source, content):
    hits = _claims(text, cue)
    assert hits and hits[0].source.text == source and content in hits[0].content.text, \
        [(c.source.text, c.content.text) for c in hits]


@pytest.mark.parametrize("text, cue, source", [
    # "ويمضي X إلى القول إن": the word of saying ends the speaker's phrase
    ("ويمضي السياسي إلى القول إن الطائفة تورطت مرتين.", "ويمضي", "السياسي"),
    ("وأكد النائب أن الحل سياسي. ويمضي إلى القول إن الطائفة تورطت مرتين.", "ويمضي", "النائب"),
])
def test_went_on_to_say_ends_speaker(text, cue, source):
    hits = _claims(text, cue)
    assert hits and hits[0].source.text == source, [c.source.text for c in hits]


@pytest.mark.parametrize("text, cue", [
    # renewed attacks or violations: an act, nothing said
    ("وقصفت الطائرات مواقع المسلحين التي جددت أمس اعتداءاتها على القرى الحدودية.", "جددت"),
    ("وكررت الميليشيا خروقاتها للهدنة في ريف المدينة.", "وكررت"),
])
def test_renewed_acts_say_nothing(text, cue):
    assert not _claims(text, cue), [(c.source.text, c.content.text) for c in _claims(text, cue)]


@pytest.mark.parametrize("text, cue", [
    # a demonstrative and a thing right after the verb: the thing is the subject, nobody says it
    ("ويؤكد المراقبون أن الغارات استهدفت الأكراد. ويشير هذا القرار إلى تكثيف الدور التركي.", "ويشير"),
    ("ويؤكد المراقبون أن الغارات استهدفت الأكراد. ويؤكد هذا التطور أن الحرب طويلة.", "ويؤكد"),
])
def test_thing_subject_says_nothing(text, cue):
    hits = [c for c in _claims(text, cue) if "الغارات" not in c.content.text]
    assert not hits, [(c.source.text, c.content.text) for c in hits]


def test_demonstrative_speaker_still_speaks():
    hits = _claims("وأكد المتحدث أن الحرب طويلة. وأضاف هذا المسؤول أن الهدنة انهارت.", "وأضاف")
    assert hits and "المسؤول" in hits[0].source.text


def test_noun_before_present_verb_is_subject():
    # "بيان يؤكد قوة الشراكة": the statement (unnamed, to come) confirms; the phrase after is no speaker
    assert not _claims("وقال الوزير إنه سيصدر بيان يؤكد قوة الشراكة بين البلدين.", "يؤكد")


def test_setting_before_present_verb_keeps_speaker():
    # "وفي الجلسة الختامية يؤكد الرئيس ...": a setting before the verb, the speaker after it
    hits = _claims("وفي الجلسة الختامية يؤكد الرئيس التزام بلاده بالهدنة.", "يؤكد")
    assert hits and hits[0].source.text == "الرئيس", [c.source.text for c in hits]


def test_member_for_party_is_no_relay():
    # "فلانة وهي نائبة كبيرة عن حزب X": her party, not a second speaker she relays
    hits = _claims("وقالت سميرة الناصر وهي نائبة كبيرة عن حزب الشعب المعارض إن مسؤولين يحققون في الانفجار.", "وقالت")
    assert len(hits) == 1 and "سميرة الناصر" in hits[0].source.text and hits[0].via is None, \
        [c.source.text for c in hits]
