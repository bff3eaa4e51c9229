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
    # -- issue 18, second pass: follow-on speech, calls, judgements, reported nouns ----------
    # a preposition right after a verb without a subject opens its content, before a participle
    ("وشدد الوزير على أن الحل سياسي. وأشار إلى تنامي ظاهرة التهريب، داعياً إلى بذل المزيد.",
     "وأشار", "الوزير", "assert", "تنامي ظاهرة التهريب"),
    ("وشدد الوزير على أن الحل سياسي. وأشار إلى تنامي ظاهرة التهريب، داعياً إلى بذل المزيد.",
     "داعياً", "الوزير", "assert", "بذل المزيد"),
    ("ركزت الصحف الأردنية الصادرة اليوم على زيارة الوفد. وأنبأت عن اتهام الحكومة للمعارضة بالتحريض وتأكيدها أن "
     "الهدوء سيعود.", "وأنبأت", "الصحف", "assert", "اتهام الحكومة"),
    # "بحسب زعمه «...»" refers back: the claim before runs on
    ("وقال المتهم إن الهدف كان المبنى، لأن المبنى بحسب زعمه «يأوي مسلحين».", "وقال", "المتهم", "assert",
     "يأوي مسلحين"),
    # a subject after كان, a prepositional setting before the opener; a verb with the one told as a pronoun
    ("وكان المتهم قد قال في الجلسة الماضية إن شريكه خطط للهجوم.", "قال", "المتهم", "assert", "شريكه خطط"),
    ("وقال الشاهد إن سامي الحربي أبلغه أن الاجتماع تأجل.", "أبلغه", "سامي الحربي", "assert", "الاجتماع تأجل"),
    # a call with a rank before the name and two objects before its بـ
    ("طالب قائد الشرطة العميد سامي الحربي عناصر الشرطة وضباطها بالحذر الشديد.", "طالب", "سامي الحربي",
     "assert", "بالحذر الشديد"),
    # follow-on speech after a sentence that is no claim, in the same paragraph or opening the next one
    ("استقبل وزير الدفاع سامي الحربي وفدا عسكريا في مكتبه أمس. وقال إن الزيارة تعزز التعاون.", "وقال",
     "سامي الحربي", "assert", "الزيارة تعزز"),
    ("استقبل وزير الدفاع سامي الحربي وفدا عسكريا في مكتبه أمس.\nوأضاف أن الزيارة تعزز التعاون.", "وأضاف",
     "سامي الحربي", "assert", "الزيارة تعزز"),
    ("قال وزير الدفاع سامي الحربي إن الجيش مستعد.\nمن جهة أخرى، لفت إلى أن الحدود آمنة.", "لفت",
     "سامي الحربي", "assert", "الحدود آمنة"),
    ("وأكد سامي الحربي أن الجيش مستعد. وتوجه إلى الجنود بالقول: «أنتم درع الوطن».", "بالقول", "سامي الحربي",
     "assert", "درع الوطن"),
    ("وأثنى الجانبان خلال المؤتمر على تطور العلاقات، وبينا أنها إيجابية جدا.", "وبينا", "الجانبان", "assert",
     "إيجابية جدا"),
    ("وأوضح الوزير أن المباحثات تطرقت لعدة ملفات، ونوه بالتقدم الكبير الذي تحرزه القوات.", "ونوه", "الوزير",
     "assert", "بالتقدم الكبير"),
    ("وكتب سامي الحربي على حسابه في تويتر: «لن نتراجع»، وتابع: «النصر قريب».", "وتابع", "سامي الحربي",
     "assert", "النصر قريب"),
    # judgements with an object pronoun: the judgement is the content
    ("أدانت وزارة الخارجية الهجوم على المدرسة وعدته جريمة حرب.", "وعدته", "وزارة الخارجية", "speculate",
     "جريمة حرب"),
    ("أدانت وزارة الخارجية الهجوم على المدرسة واعتبرته جريمة حرب.", "واعتبرته", "وزارة الخارجية", "speculate",
     "جريمة حرب"),
    ("ورفض الوزير الاتهامات ووصفها بالمفبركة.", "ووصفها", "الوزير", "speculate", "بالمفبركة"),
    ("ووصف المبعوث الخاص للأمم المتحدة سامي الحربي الحادث بأنه «لا يمكن تبريره».", "ووصف", "سامي الحربي",
     "speculate", "لا يمكن تبريره"),
    ("عبر صاحب السمو الشيخ سامي الحربي ولي العهد، عن إيمانه بأن الحوار هو الحل.", "عبر", "سامي الحربي",
     "speculate", "الحوار هو الحل"),
    # what a speaker shows; an object with its pronoun is no part of the speaker
    ("وأبدت مصادر لبنانية استغرابها من هذا الصمت لا سيما أنه غير معتاد.", "وأبدت", "مصادر لبنانية", "assert",
     "استغرابها"),
    ("وأعلن المسلحون الإسلاميون مسؤوليتهم عن الهجوم على أكاديمية الشرطة.", "وأعلن", "المسلحون الإسلاميون",
     "assert", "مسؤوليتهم عن الهجوم"),
    # "، كما أعلنت X." closing a sentence
    ("قتل شرطيان في هجوم جديد على مركز أمني، كما أعلنت وكالة الأنباء الرسمية.", "أعلنت", "وكالة الأنباء",
     "assert", "قتل شرطيان"),
    # a relay with a bare object after the original source
    ("ونقلت الصحيفة عن مصدر عسكري سيطرة القوات على المطار.", "ونقلت", "مصدر عسكري", "assert", "سيطرة القوات"),
    # a verb inside a "فإن X ..." content that does not agree with the outer source speaks for X
    ("وبحسب المعلومات الأولية فإن سامي الحربي انضم حديثا إلى الفصيل، حيث كشف عن خلافات داخلية بين قادته.",
     "كشف", "سامي الحربي", "assert", "خلافات داخلية"),
    # a noun of saying with a possessive pronoun; the issuer after a relative verb
    ("وتابعت الرابطة التصريحات التي صدرت عن سامي الحربي ضد المملكة واتهامه لها بتغذية الإرهاب.", "واتهامه",
     "سامي الحربي", "assert", "بتغذية الإرهاب"),
    ("جاء ذلك في البيان الذي أصدره سامي الحربي الأمين العام للرابطة وذكر فيه بأن الرابطة تابعت التصريحات.",
     "وذكر", "سامي الحربي", "assert", "الرابطة تابعت"),
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
    "وعدها الوزير بزيارة قريبة.",  # a promise, not a judgement
    "وصلت المساعدات إلى مواقع عدة في المدينة.",
])
def test_no_claim_without_a_speaker(text):
    doc = run(text)
    assert doc.claims == [], [(c.source.text, c.cue.text) for c in doc.claims]


@pytest.mark.parametrize("text, cue", [
    ("قال الوزير إن الجيش مستعد. يذكر أن الاجتماع عقد أمس.", "يذكر"),  # impersonal, no left-out speaker
    ("وقال سامي الحربي إن الأهالي نظموا تجمعات وطالبوا بتوقيف المتهم.", "وطالبوا"),  # a plural: not his
    ("قال سامي الحربي إن المادة التي تقول إن المجلس يتولى المهام واضحة.", "تقول"),  # the relative's noun
])
def test_no_left_out_speaker(text, cue):
    doc = run(text, {"سامي الحربي": ("person-1", "person", "سامي الحربي")})
    assert not [c for c in doc.claims if c.cue.text == cue], [(c.source.text, c.cue.text) for c in doc.claims]


