"""Claims stage: families found on real tune (issue 18, session 22).

Every sentence was written for these tests in the style of Arabic news (none
copied from an article). Rows: text, the cue, the source surface the claim's
source must hold (or be held by), the stance and a phrase its content must hold.
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import NAMES
from tests.claims.test_families import run

NAMES22 = {**NAMES, "خالد المنصوري": ("person-9", "person", "خالد المنصوري"),
           "عبدالله صالح": ("person-10", "person", "علي عبدالله صالح")}

ROWS = [
    # the channel before the speaker: "قال لـ«X» (أمس،) المتحدث فلان إن"
    ("قال لـ«الوطن» أمس، العقيد فهد المطيري قائد القطاع، إن الدوريات زادت على الحدود.", "قال",
     "العقيد فهد المطيري", "assert", "الدوريات زادت"),
    ("أكد لـ(الرياض) الشيخ ناصر العتيبي رئيس مجلس القبائل، أن المسلحين انسحبوا من الوادي.", "أكد",
     "الشيخ ناصر العتيبي", "assert", "المسلحين انسحبوا"),
    ('وأوضح لـ"المدينة" اللواء سامي الحربي أن التعزيزات وصلت إلى الجبهة.', "وأوضح", "اللواء سامي الحربي",
     "assert", "التعزيزات وصلت"),
    # a long source: the title, its rank words and the person's name after them
    ("أعلن العقيد الركن خالد المنصوري قائد اللواء الثالث أحد القادة المشاركين في معارك تحرير المدن الساحلية "
     "الثلاث لـ«الخليج»: إن الميناء بات تحت السيطرة.", "أعلن", "خالد المنصوري", "assert", "الميناء بات"),
    # the name after a title set off by commas
    ("وقال المتحدث باسم الجبهة، سامي الحربي، في تصريحات صحفية إن القائد فر من المعسكر.", "وقال",
     "سامي الحربي", "assert", "القائد فر"),
    # a prepositional attribution after a discourse opener heads its sentence
    ("وانسحب المسلحون من البلدة. ومن جهة أخرى بحسب قناة الغد استأنفت الطائرات قصف المواقع الجبلية.", "بحسب",
     "قناة الغد", "assert", "قصف المواقع"),
    ("وانسحب المسلحون من البلدة. وفي سياق متصل، وفقا لوكالة الأنباء الرسمية وصل الوزير إلى المدينة.", "وفقا",
     "وكالة الأنباء الرسمية", "assert", "وصل الوزير"),
    # a demonstrative and a source head: the sources named before
    ("ونشرت صحف محلية تقارير عن الهجرة. وحسب تلك التقارير فإن السلطات شددت الرقابة على المطارات.", "وحسب",
     "تلك التقارير", "assert", "شددت الرقابة"),
    # a quote mark glued to a word opens a quoted name inside the quotation: the quotation goes on
    ('قال العقيد فهد المطيري إن الهجوم جبان. وزاد: "إن الجماعات كـ"داعش" تستهدف الأبرياء، والمنطقة تمر بمرحلة '
     'حرجة". ثم غادر.', "وزاد", "العقيد فهد المطيري", "assert", "تمر بمرحلة حرجة"),
    # stacked appositions set off by commas, a name closing them, then "سبق أن"
    ("حتى إن رئيس المجلس الوطني السابق، وحليف الحكومة، منصور العبدلي، سبق أن أكد رفض الحزب لأي تسوية.", "أكد",
     "منصور العبدلي", "assert", "رفض الحزب"),
    # a second title with its genitive, then the name: the subject of the sentence before speaks on
    ("وصل نائب الرئيس رئيس الوزراء سامي الحربي إلى مطار المدينة أمس. وقال في تصريحات للصحفيين إن عودته بداية "
     "التحرير.", "وقال", "سامي الحربي", "assert", "عودته بداية"),
    # "، على ما أعلن X": as X said, the clause before; then a blame after it, the one blamed heading it
    ("قتل خمسة جنود في هجوم على نقطة تفتيش شرق المدينة، على ما أعلن مصدر أمني محملاً الجماعة المسلحة "
     "المسؤولية.", "على ما أعلن", "مصدر أمني", "assert", "قتل خمسة جنود"),
    ("قتل خمسة جنود في هجوم على نقطة تفتيش شرق المدينة، على ما أعلن مصدر أمني محملاً الجماعة المسلحة "
     "المسؤولية.", "محملاً", "مصدر أمني", "assert", "الجماعة المسلحة المسؤولية"),
    ("وقال الوزير إن الهجوم أوقع قتلى، محملا الفصائل المسؤولية عن التفجير.", "محملا", "الوزير", "assert",
     "الفصائل المسؤولية"),
    # "علي" right before a person's mention is a first name, not the preposition "على" of "أكد على"
    ("أكدت عدة تقارير صحفية رفض ضباط موالين للرئيس السابق علي عبدالله صالح القتال في الجنوب.", "أكدت",
     "عدة تقارير صحفية", "assert", "رفض ضباط موالين"),
    # with a speaker and an object before "من أخطر" the judgement is said
    ("وتعتبر الحكومة الإرهاب من أخطر التحديات التي تواجه البلاد.", "وتعتبر", "الحكومة", "speculate",
     "الإرهاب من أخطر"),
    # invisible direction marks around a name are no punctuation: the source runs over the name
    ("قتل عنصر من التنظيم ثلاثة أطفال في مدينة الرقة، بحسب الباحث \u202bمنصور العبدلي\u202c.", "بحسب",
     "منصور العبدلي", "assert", "ثلاثة أطفال"),
    # a relative clause between the speaker and a renewed saying
    ("وجدد المبعوث الأممي الذي يزور المنطقة، دعوته إلى وقف إطلاق النار.", "وجدد", "المبعوث الأممي", "assert",
     "دعوته إلى وقف"),
]


@pytest.mark.parametrize("text, cue, source, stance, content", ROWS)
def test_family(text, cue, source, stance, content):
    hits = [c for c in run(text, NAMES22).claims if c.cue.text == cue]
    assert hits, cue
    c = hits[-1]
    assert source in c.source.text or c.source.text in source and len(c.source.text) > 4, c.source.text
    assert c.stance == stance
    assert content in c.content.text, c.content.text


@pytest.mark.parametrize("text, cue", [
    # renewed or repeated acts: nothing said
    ("وجددت الطائرات غاراتها على أحياء المدينة.", "وجددت"),
    ("جددت طائرات التحالف الذي تقوده الرياض، قصفها على الميناء.", "جددت"),
    ("وكرر المسلحون محاولاتهم لاقتحام المعسكر.", "وكرر"),
    # an adjective after an indefinite noun ("أمراً متوقعاً": expected), no participle of saying
    ("وأكد الوزير أن الاتفاق قريب. ربما كان هذا أمرا متوقعا في ظل الضغوط.", "متوقعا"),
    # "محملة" is "loaded" without the word of blame; "على ما" without a comma before it is no "as"
    ("وصلت شاحنة محملة بالأسلحة إلى الميناء فجر اليوم.", "محملة"),
    ("وحصل المتضررون على ما أعلنته الحكومة من تعويضات.", "أعلنته"),
    # "تعتبر X من أهم ...": the passive "is considered among the most ..."
    ("وتعتبر قلعة المدينة من أقدم المعالم في البلاد.", "وتعتبر"),
    ("ويعتبر الميناء من أكبر الموانئ في المنطقة.", "ويعتبر"),
    # a relative clause after the phrase: its object is an act
    ("جدد الجيش الذي يحاصر المدينة، هجماته على الأطراف الشرقية.", "جدد"),
])
def test_no_claim(text, cue):
    doc = run(text, NAMES22)
    hits = [c for c in doc.claims if c.cue.text == cue]
    assert not hits, [(c.source.text, c.cue.text, c.content.text) for c in hits]
