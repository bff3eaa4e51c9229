"""Claims stage: cue families and follow-on speakers found missing on real reporting (issue 18).

Every sentence was written for these tests in the style of Arabic news (none
copied from an article). Rows: text, the cue, the source surface the claim's
source must hold, the stance and a phrase its content must hold.
"""

from __future__ import annotations

import pytest

from tests.claims.test_families import run


def claim_of(doc, cue: str):
    hits = [c for c in doc.claims if c.cue.text == cue]
    assert hits, [(c.source.text, c.cue.text) for c in doc.claims]
    return hits[-1]


ROWS = [
    # a synonym of أوضح, and the participle after it keeps its speaker
    ("أبان وزير الخارجية النمساوي أن المحادثات كانت صريحة، مؤكدا دعم بلاده للحل السلمي.",
     "أبان", "وزير الخارجية النمساوي", "assert", "المحادثات كانت صريحة"),
    ("أبان وزير الخارجية النمساوي أن المحادثات كانت صريحة، مؤكدا دعم بلاده للحل السلمي.",
     "مؤكدا", "وزير الخارجية النمساوي", "assert", "دعم بلاده"),
    # a condemnation with a bare object, then follow-on speech by the same speaker
    ("واستنكر الأمين العام للمنظمة الاعتداء على القافلة الإغاثية. وأوضح أن الاعتداء يخالف القانون الدولي.",
     "واستنكر", "الأمين العام", "assert", "الاعتداء على القافلة"),
    ("واستنكر الأمين العام للمنظمة الاعتداء على القافلة الإغاثية. وأوضح أن الاعتداء يخالف القانون الدولي.",
     "وأوضح", "الأمين العام", "assert", "يخالف القانون الدولي"),
    # a press review: the papers speak, and go on with و + verb
    ("ركزت الصحف المغربية الصادرة اليوم على زيارة الوفد البرلماني إلى نواكشوط. "
     "وتطرقت إلى ارتفاع أسعار الوقود في الأسواق. وأخبرت عن تراجع نسبة البطالة في البلاد.",
     "ركزت", "الصحف", "assert", "زيارة الوفد البرلماني"),
    ("ركزت الصحف المغربية الصادرة اليوم على زيارة الوفد البرلماني إلى نواكشوط. "
     "وتطرقت إلى ارتفاع أسعار الوقود في الأسواق. وأخبرت عن تراجع نسبة البطالة في البلاد.",
     "وتطرقت", "الصحف", "assert", "ارتفاع أسعار الوقود"),
    ("ركزت الصحف المغربية الصادرة اليوم على زيارة الوفد البرلماني إلى نواكشوط. "
     "وتطرقت إلى ارتفاع أسعار الوقود في الأسواق. وأخبرت عن تراجع نسبة البطالة في البلاد.",
     "وأخبرت", "الصحف", "assert", "تراجع نسبة البطالة"),
    # أفاد with عن
    ("كما أفاد مصدر طبي عن إصابة طفلين بشظايا قذيفة في السوق.", "أفاد", "مصدر طبي", "assert",
     "إصابة طفلين"),
    # a belief expressed through عبّر عن: speculate
    ("وعبر رئيس الوزراء الأردني عن إيمانه بأن الحوار هو الطريق الوحيد لإنهاء الأزمة.", "وعبر",
     "رئيس الوزراء", "speculate", "الحوار هو الطريق"),
    ("وعبر رئيس الوزراء الأردني عن قلقه من تدهور الأوضاع في المخيمات.", "وعبر", "رئيس الوزراء", "assert",
     "تدهور الأوضاع"),
    # the accused as a speaker before the verb
    ("المتهم قال إن شريكه أخبره بموعد الهجوم قبل يومين.", "قال", "المتهم", "assert", "أخبره بموعد"),
    # a continuation of an admission by the speaker named before
    ("وأضاف الموقوف أنه نقل الأسلحة إلى المخزن، وأقر أنه كان يعلم بموعد الهجوم.", "وأقر", "الموقوف",
     "assert", "يعلم بموعد"),
    # أفاد with a bare object
    ("وأفاد مصدر في الدفاع المدني انتشال ثلاث جثث من تحت الأنقاض.", "وأفاد", "مصدر في الدفاع المدني",
     "assert", "انتشال ثلاث جثث"),
    # the issuer of a statement, after its apposition, speaks in it ("..., قال فيه")
    ("جاء ذلك في بيان أصدره رئيس الاتحاد سامي الحربي، قال فيه إن الاتحاد يرفض هذه الاتهامات.", "قال",
     "سامي الحربي", "assert", "يرفض هذه الاتهامات"),
    # an aside about a left-out subject is no source: the subject of the sentence's first verb speaks
    ("واستبعد مسؤول في الوزارة، إقالة المدير، وقال ـ رافضاً ذكر اسمه : إن التحقيق لم ينته بعد.", "وقال",
     "مسؤول في الوزارة", "assert", "التحقيق لم ينته"),
    # a name that opens like ك/ب/ل + word, known by the role after it
    ("وأكد كمال يوسف المتحدث باسم الهيئة أن المعابر ستفتح غدا.", "وأكد", "كمال يوسف", "assert",
     "المعابر ستفتح"),
    # an organisation before its verb, with a place after it
    ("لكن دائرة الآثار في الخليل أكدت أن الموقع لم يتضرر.", "أكدت", "دائرة الآثار", "assert",
     "الموقع لم يتضرر"),
    # a prepositional attribution whose source ends in a named apposition at the sentence end
    ("أغلقت السلطات المعبر الحدودي أمام المسافرين، وفق ما صرح به مدير المعبر، العقيد سامي الحربي.",
     "وفق ما صرح", "العقيد سامي الحربي", "assert", "أغلقت السلطات المعبر"),
    # a verb inside a claim's content that does not agree with its speaker speaks for the content's subject
    ("وكشف رئيس الهيئة، اللواء سامي الحربي، أن منظمة الصحة العالمية زارت المستشفى، وأكدت أنه جاهز للعمل.",
     "وأكدت", "منظمة الصحة العالمية", "assert", "جاهز للعمل"),
    ("وكشف رئيس الهيئة، اللواء سامي الحربي، أن منظمة الصحة العالمية زارت المستشفى، وأكدت أنه جاهز للعمل.",
     "وكشف", "سامي الحربي", "assert", "زارت المستشفى"),
    # a noun of saying whose genitive source is a chain of titles ending in the name
    ("ونقلت الصحيفة تنديد عضو المكتب السياسي في الحركة رئيس دائرة شؤون اللاجئين سامي الحربي بقصف المخيم.",
     "تنديد", "سامي الحربي", "assert", "بقصف المخيم"),
    # a belief, and a document before its relative verb
    ("ظن بعض المراقبين أن الهدنة ستصمد حتى نهاية الشهر.", "ظن", "بعض المراقبين", "speculate", "الهدنة ستصمد"),
    ("وعرض الادعاء الأشرطة التي تبين أن السيارة دخلت الحي قبل الانفجار.", "تبين", "الأشرطة", "assert",
     "السيارة دخلت الحي"),
    # an outlet that learned something, with no "من" phrase after it
    ("علمت «الوطن» أن الوزارة ستعلن خطة جديدة الأسبوع المقبل.", "علمت", "الوطن", "assert", "خطة جديدة"),
    # a document head after a prepositional cue; a quotation right after a noun's genitive source
    ("ووفق لائحة الاتهام، فإن المتهمين أنكروا التهم الموجهة إليهم.", "ووفق", "لائحة الاتهام", "assert",
     "أنكروا التهم"),
    ("وجاء في بيان رئيس البلدية سامي الحربي «إن الطريق سيفتح بعد إزالة الأنقاض».", "بيان", "سامي الحربي",
     "assert", "الطريق سيفتح"),
    # "وجاء في <document>، أن": the document itself speaks
    ("وجاء في لائحة الاتهام، أن المتهم اشترى المتفجرات قبل شهر.", "لائحة", "لائحة الاتهام", "assert",
     "اشترى المتفجرات"),
    # a participle used as an adjective is no cue: the claim before it runs on
    ("وأكدت مصادر أن الحزب تلقى أوامر صارمة مشددة، مشيرة إلى أن القيادة تريد التهدئة.", "وأكدت", "مصادر",
     "assert", "أوامر صارمة مشددة"),
    ("وأكدت مصادر أن الحزب تلقى أوامر صارمة مشددة، مشيرة إلى أن القيادة تريد التهدئة.", "مشيرة", "مصادر",
     "assert", "القيادة تريد التهدئة"),
]


@pytest.mark.parametrize("text, cue, source, stance, key", ROWS)
def test_real_families(text, cue, source, stance, key):
    c = claim_of(run(text, {"سامي الحربي": ("person-1", "person", "سامي الحربي"),
                            "الخليل": ("place-1", "place", "الخليل")}), cue)
    assert source in c.source.text or c.source.text in source, c.source.text
    assert c.stance == stance
    assert key in c.content.text, c.content.text


@pytest.mark.parametrize("text", [
    "وتطرقت المحادثات إلى ملفات عديدة.",  # a press-review verb without a speaker
    "ركزت القوات على تأمين الطريق الدولي.",
    "وعرجت القافلة على القرى المجاورة.",
    "وصلت تعليمات مشددة، مشيرة إلى منع التجول.",
    "وتبين أن السيارة كانت مفخخة.",
    "علمت أن الوزارة ستعلن خطة جديدة.",
    "ونشرت الوزارة لائحة بأسماء المطلوبين.",
])
def test_no_claim_without_a_speaker(text):
    doc = run(text)
    assert doc.claims == [], [(c.source.text, c.cue.text) for c in doc.claims]
