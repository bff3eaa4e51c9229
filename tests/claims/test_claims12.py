"""Claims stage: families found on real tune (issue 18, helper claims12).

Every sentence was written for these tests in the style of Arabic news (none
copied from an article).
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import NAMES
from tests.claims.test_families import run


def _claims(text: str, cue: str):
    return [c for c in run(text, NAMES).claims if c.cue.text == cue]


@pytest.mark.parametrize("text, cue, relay, source, content", [
    # "نقل X عن Y أن ...": one claim per link, the same content
    ("ونقلت وكالة رويترز عن قائد ميداني أن قواته تمشط المعسكر.", "ونقلت", "وكالة رويترز", "قائد ميداني",
     "قواته تمشط"),
    ("ونقل موقع الجزيرة نت عن مصادر محلية أن الطائرات قصفت الجسر.", "ونقل", "موقع الجزيرة", "مصادر محلية",
     "الطائرات قصفت"),
])
def test_relay_gives_two_claims(text, cue, relay, source, content):
    hits = _claims(text, cue)
    sources = [c.source.text for c in hits]
    assert any(relay in s for s in sources) and any(source in s for s in sources), sources
    assert all(content in c.content.text for c in hits)


@pytest.mark.parametrize("text, cue, source", [
    # the original's own words quoted ("عن X قوله إن"): the original speaker's claim alone
    ("ونقلت الوكالة الرسمية عن مصدر عسكري قوله إن الدفاعات أسقطت الصواريخ.", "ونقلت", "مصدر عسكري"),
    # a document's issuer is no relay
    ("وقال بيان صادر عن وزارة الداخلية إن الشرطة اعتقلت خمسة مشتبهين.", "وقال", "وزارة الداخلية"),
])
def test_one_claim_when_quoted_or_issued(text, cue, source):
    hits = _claims(text, cue)
    assert len(hits) == 1 and source in hits[0].source.text, [c.source.text for c in hits]


@pytest.mark.parametrize("text, cue, source, content", [
    # academic titles, written out or abbreviated, before the name
    ("وقال بروفسور العلوم السياسية أ.د سالم الراشد في تغريدته إن الهدنة لن تصمد.", "وقال", "سالم الراشد",
     "الهدنة لن تصمد"),
    ("وقال البروفيسور ماجد الفهد إن المفاوضات متعثرة.", "وقال", "ماجد الفهد", "المفاوضات متعثرة"),
    ("وأكد أستاذ القانون الدولي د. فيصل النمر أن القصف جريمة حرب.", "وأكد", "فيصل النمر", "القصف جريمة"),
])
def test_titles_before_name(text, cue, source, content):
    hits = _claims(text, cue)
    assert hits and source in hits[-1].source.text, [c.source.text for c in hits]
    assert content in hits[-1].content.text


@pytest.mark.parametrize("text, cue, source, content", [
    # a passive right after the cue: the speaker is the one held over, the passive opens the words
    ("وأكد العميد سامي الحربي أن القوات تتقدم. وقال تم الاتفاق مع قادة القبائل على تأمين الطريق.", "وقال",
     "سامي الحربي", "تم الاتفاق"),
    ("وقال المتحدث باسم الشرطة إن الوضع هادئ. وأضاف جرى توقيف ثلاثة مسلحين قرب السوق.", "وأضاف",
     "المتحدث", "جرى توقيف"),
])
def test_passive_after_cue(text, cue, source, content):
    hits = _claims(text, cue)
    assert hits and source in hits[-1].source.text, [(c.source.text, c.content.text) for c in hits]
    assert hits[-1].content.text.startswith(content)


@pytest.mark.parametrize("text, cue, source, content", [
    # a trailing attribution by another named speaker is a claim of its own over the clause
    ("وأعلنت الحكومة حاجتها إلى المساعدات بعد موجة نزوح خلفت ألفي قتيل، نصفهم من المدنيين وفق الأمم المتحدة.",
     "وفق", "الأمم المتحدة", "نصفهم من المدنيين"),
    ("وأكدت الصحف تأجيل الحكم، لكن المحكمة قضت بسجن خمسة متهمين، بحسب مسؤول في المحكمة.", "بحسب",
     "مسؤول في المحكمة", "بسجن خمسة متهمين"),
])
def test_trailing_attribution_of_another(text, cue, source, content):
    hits = _claims(text, cue)
    assert hits and source in hits[-1].source.text, [(c.source.text, c.content.text) for c in hits]
    assert content in hits[-1].content.text


@pytest.mark.parametrize("text, cue", [
    # "in accordance with a plan": no speaker
    ("وجدد المبعوث الأممي دعوته إلى التهدئة وفقا لخطة تتضمن انسحاب المسلحين من المدن.", "وفقا"),
    # the host's own speaker again: no second claim
    ("وأعلنت وزارة الدفاع مقتل عشرة مسلحين في الغارة، بحسب وزارة الدفاع.", "بحسب"),
])
def test_trailing_no_claim(text, cue):
    assert not _claims(text, cue)


def test_trailing_same_speaker_again():
    # "مصادر في الفصيل نفسه": the host's speaker named again, no claim of its own
    text = "وأعلن جيش الأحرار أن مقاتليه تلقوا تدريبات جديدة، بحسب مصادر في الفصيل نفسه، لمواجهة التنظيم."
    assert not _claims(text, "بحسب")


@pytest.mark.parametrize("text, cue, source, content", [
    # "أما X، فـ + verb": the topic is the speaker
    ("أما «وكالة الأنباء الرسمية»، فأعلنت أن الجيش أوقف ثلاثة مطلوبين.", "فأعلنت", "وكالة الأنباء الرسمية",
     "الجيش أوقف"),
    ("أما وزارة الصحة فأكدت أن المستشفيات استقبلت عشرين جريحا.", "فأكدت", "وزارة الصحة", "المستشفيات استقبلت"),
    # "قطع X بأن": asserted outright
    ("قطع وزير الداخلية، سالم الراشد بأن المتهمين لن يفلتوا من العقاب.", "قطع", "سالم الراشد",
     "لن يفلتوا"),
])
def test_topic_and_outright(text, cue, source, content):
    hits = _claims(text, cue)
    assert hits and source in hits[-1].source.text, [(c.source.text, c.content.text) for c in hits]
    assert content in hits[-1].content.text


@pytest.mark.parametrize("text, cue", [
    ("وقطع المسلحون الطريق الدولي بين المدينتين أمس.", "وقطع"),
    ("قطعت القوات الإمدادات بعد أن هاجم المسلحون القرية.", "قطعت"),
])
def test_cut_is_no_saying(text, cue):
    assert not _claims(text, cue)


@pytest.mark.parametrize("text, cue, source, content", [
    # an abstract noun in -ية opens a bare object, no adjective of the speaker
    ("وقال الوزير إن الهدنة صامدة، مؤكدا أهمية التعاون مع دول الجوار.", "مؤكدا", "الوزير", "أهمية التعاون"),
    ("وأكد المتحدث أولوية الحل السياسي للأزمة.", "وأكد", "المتحدث", "أولوية الحل"),
])
def test_abstract_object(text, cue, source, content):
    hits = _claims(text, cue)
    assert hits and hits[-1].source.text == source, [(c.source.text, c.content.text) for c in hits]
    assert content in hits[-1].content.text


def test_considered_the_largest():
    # "تعتبر أكبر ...": the passive "is considered the largest", nothing said
    assert not _claims("وقاعدة الحمراء تعتبر أكبر قاعدة بحرية في البلاد.", "تعتبر")
    # a subject and an opener after it: a judgement
    assert _claims("ويعتبر أكبر المسؤولين في الحزب أن الحل سياسي.", "ويعتبر")


@pytest.mark.parametrize("text, cue, source, content", [
    # the one addressed after the speaker of a call is no part of the speaker
    ("ودعا الوزير المجتمع الدولي إلى التحرك العاجل لوقف القصف.", "ودعا", "الوزير", "التحرك العاجل"),
    ("وحث الرئيس الأطراف على العودة إلى طاولة الحوار.", "وحث", "الرئيس", "العودة إلى طاولة"),
    # "لل" right after the one addressed: what is called for
    ("ودعا المتحدث المجتمع الدولي للتدخل الفوري في الأزمة.", "ودعا", "المتحدث", "للتدخل الفوري"),
])
def test_call_addressee(text, cue, source, content):
    hits = _claims(text, cue)
    assert hits and hits[-1].source.text == source, [(c.source.text, c.content.text) for c in hits]
    assert content in hits[-1].content.text


def test_genitive_name_is_no_addressee():
    # "هيئة إغاثة الشعب": one name (a genitive), the speaker whole
    hits = _claims("ودعت هيئة إغاثة الشعب الحكومة إلى وقف القصف.", "ودعت")
    assert hits and "إغاثة الشعب" in hits[-1].source.text


@pytest.mark.parametrize("text, cue, source", [
    # "نشرت X بيانا قالت فيه": the statement is the object, its issuer speaks
    ("ونشرت وكالة الأنباء الرسمية بيانا قالت فيه إن الجيش صد الهجوم.", "قالت", "وكالة الأنباء الرسمية"),
    ("وأصدرت الوزارة بيانا قالت فيه إن الحدود آمنة.", "قالت", "الوزارة"),
])
def test_issuer_without_its_statement(text, cue, source):
    hits = _claims(text, cue)
    assert hits and hits[-1].source.text == source, [c.source.text for c in hits]


@pytest.mark.parametrize("text, cue, source, content", [
    # "مضى X بالقول/بالتأكيد": going on to say
    ("وقال الوزير إن الوضع صعب. ومضى بالقول «الحصار هو أساس المشكلة».", "ومضى", "الوزير", "الحصار هو أساس"),
    ("ومضت المصادر بالتأكيد على أن القوات أوقعت خسائر كبيرة في صفوف المسلحين.", "ومضت", "المصادر",
     "أوقعت خسائر"),
])
def test_went_on_to_say(text, cue, source, content):
    hits = _claims(text, cue)
    assert hits and source in hits[-1].source.text, [(c.source.text, c.content.text) for c in hits]
    assert content in hits[-1].content.text


def test_went_on_its_way():
    assert not _claims("ومضى الموكب في طريقه إلى القصر الجمهوري.", "ومضى")


@pytest.mark.parametrize("text, cue, content", [
    # a topic or setting phrase opens the sentence, the content right after the verb: the speaker held over
    ("وقال العميد سامي الحربي إن الجبهة هادئة. وحول أثر الغارات على المدنيين قال: المدنيون صامدون.", "قال",
     "المدنيون صامدون"),
    ("وقال العميد سامي الحربي إن الجبهة هادئة. وفي ذات السياق أكد أنه لا تراجع عن تحرير المدينة.", "أكد",
     "لا تراجع"),
])
def test_after_topic_phrase(text, cue, content):
    hits = _claims(text, cue)
    assert hits and "سامي الحربي" in hits[-1].source.text, [(c.source.text, c.content.text) for c in hits]
    assert content in hits[-1].content.text


def test_after_setting_with_subject():
    # a subject after the verb still speaks
    hits = _claims("وقال الوزير إن الوضع صعب. وفي المدينة أكد سكان أن القصف مستمر.", "أكد")
    assert hits and hits[-1].source.text == "سكان"


def test_issuer_in_setting():
    # "وأضافت في بيان أصدرته X أن": the document's issuer speaks
    text = "وذكرت مصادر محلية أن القتال مستمر. وأضافت في بيان أصدرته وزارة الدفاع أمس أن المسلحين يتراجعون."
    hits = _claims(text, "وأضافت")
    assert hits and "وزارة الدفاع" in hits[-1].source.text, [c.source.text for c in hits]
    # a subject before the setting keeps speaking
    hits = _claims("وقال الوزير في بيان أصدره مكتبه إن الهدنة صامدة.", "وقال")
    assert hits and hits[-1].source.text == "الوزير"


@pytest.mark.parametrize("text, cue, source, content, stance", [
    ("وكانت الجبهة الشعبية تبنت هجوما على دورية للجيش.", "تبنت", "الجبهة الشعبية", "هجوما على دورية", "assert"),
])
def test_bare_objects(text, cue, source, content, stance):
    hits = _claims(text, cue)
    assert hits and source in hits[-1].source.text, [(c.source.text, c.content.text) for c in hits]
    assert content in hits[-1].content.text and hits[-1].stance == stance


def test_weighed_is_no_saying():
    assert not _claims("ورجحت كفة المعارضة في الانتخابات الأخيرة.", "ورجحت")


def test_prep_aside_without_comma_before():
    # "يصبح بإمكانها وفق فلان، التقدم": an aside inside the clause it attributes, the clause after it too
    text = "وإذا سيطرت الفصائل على البلدة، يصبح بإمكانها وفق سامي الحربي، التقدم نحو الجبال."
    hits = _claims(text, "وفق")
    assert hits and "التقدم نحو الجبال" in hits[-1].content.text, [c.content.text for c in hits]


def test_went_on_with_another_verb():
    # "ومضى يقول إن": the other verb's claim, "مضى" is no cue of its own
    hits = run("قال الوزير إن الحرب طويلة، ومضى يقول إن السلام بعيد.", NAMES).claims
    assert [c.source.text for c in hits if c.cue.text == "يقول"] == ["الوزير"]
    assert not [c for c in hits if c.cue.text == "ومضى"]


@pytest.mark.parametrize("text, cue, content, stance", [
    # a participle set off by a comma takes a definite masdar or a noun of saying as its object
    ("وقال الوزير إن المقاومة تقدمت، مؤكدا الالتزام بالهدنة.", "مؤكدا", "الالتزام بالهدنة", "assert"),
    ("وقال الوزير إن المقاومة تقدمت، متوقعا إعلان التحرير خلال أيام.", "متوقعا", "إعلان التحرير", "speculate"),
])
def test_participle_definite_object(text, cue, content, stance):
    hits = _claims(text, cue)
    assert hits and content in hits[-1].content.text and hits[-1].stance == stance, \
        [(c.cue.text, c.content.text) for c in run(text, NAMES).claims]
