"""Claims stage: the cue families of issue 18 on real-article-like phrasings.

Every sentence here was written for these tests (in the style of Arabic news
reports, none copied from an article). Each row: text, the source surface the
claim must have (it must overlap it), the cue, the stance and a phrase the
content must hold.
"""

from __future__ import annotations

import pytest

from rasid.claims import annotate
from rasid.model.document import Document, Entity, Span


def run(text: str, names: dict[str, tuple[str, str, str]] | None = None) -> Document:
    """Annotate ``text``; ``names`` gives entities as the actors stage would
    (surface -> (id, kind, Arabic name)): every occurrence is a mention."""
    doc = Document(id="t", text=text)
    for surface, (eid, kind, name_ar) in (names or {}).items():
        ent = next((e for e in doc.entities if e.id == eid), None)
        if ent is None:
            ent = Entity(id=eid, kind=kind, name=eid, name_ar=name_ar)
            doc.entities.append(ent)
        k = text.find(surface)
        while k >= 0:
            ent.mentions.append(Span(k, k + len(surface), surface))
            k = text.find(surface, k + len(surface))
    annotate(doc)
    assert doc.check_spans() == []
    return doc


def find(doc: Document, cue: str):
    hits = [c for c in doc.claims if c.cue.text == cue]
    assert hits, [(c.source.text, c.cue.text, c.content.text) for c in doc.claims]
    return hits[-1]


# -- calls, appeals, accusations, renewals, expressions, responsibility --------

CALLS = [
    ("دعا وزير الخارجية المجتمع الدولي إلى وقف القصف على المدنيين.", "وزير الخارجية", "دعا", "assert",
     "وقف القصف"),
    ("ودعت الهيئة العليا للمفاوضات إلى عقد جولة جديدة من المحادثات.", "الهيئة العليا", "ودعت", "assert",
     "عقد جولة جديدة"),
    ("طالب الائتلاف الوطني بفتح تحقيق دولي في المجزرة.", "الائتلاف الوطني", "طالب", "assert", "تحقيق دولي"),
    ("وحث المبعوث الأممي الأطراف على الالتزام بالهدنة.", "المبعوث الأممي", "وحث", "assert", "الالتزام بالهدنة"),
    ("ناشد المرصد السوري المنظمات الدولية بإرسال مساعدات عاجلة.", "المرصد السوري", "ناشد", "assert",
     "مساعدات عاجلة"),
    # the speaker before the verb, the one addressed after it
    ("وقال المتهم عيدان إنه نادم. عيدان طالب القاضي بالإفراج عن بقية المتهمين.", "عيدان", "طالب", "assert",
     "بالإفراج"),
    ("وفيما أدانت الخارجية القصف، فإنها دعت الحزب إلى سحب مقاتليه من المنطقة.", "الخارجية", "دعت", "assert",
     "سحب مقاتليه"),
]

ACCUSATIONS_AND_MORE = [
    ("اتهمت وزارة الدفاع التركية الوحدات الكردية بخرق الاتفاق.", "وزارة الدفاع التركية", "اتهمت", "assert",
     "بخرق الاتفاق"),
    ("وجدد وزير الخارجية الروسي تأكيده على دعم الحل السياسي.", "وزير الخارجية الروسي", "وجدد", "assert",
     "دعم الحل السياسي"),
    ("أعرب الأمين العام للأمم المتحدة عن قلقه من تصاعد العنف.", "الأمين العام", "أعرب", "assert",
     "تصاعد العنف"),
    ("وتبنى تنظيم داعش الهجوم الانتحاري على المسجد.", "تنظيم داعش", "وتبنى", "assert", "الهجوم الانتحاري"),
    ("ووثق المرصد السوري مقتل 40 مدنيا خلال الشهر الماضي.", "المرصد السوري", "ووثق", "assert", "مقتل 40 مدنيا"),
    ("يشار إلى أن الشبكة الحقوقية وثقت 214 ضحية منذ بداية العام.", "الشبكة الحقوقية", "وثقت", "assert",
     "214 ضحية"),
]

NOUNS = [
    ("أبرزت الصحف دعوة وزير الداخلية إلى تكثيف الاستعدادات الأمنية.", "وزير الداخلية", "دعوة", "assert",
     "تكثيف الاستعدادات"),
    ("واهتمت الصحف بإعلان هيئة شؤون الأسرى أن الإضراب يتسع.", "هيئة شؤون الأسرى", "بإعلان", "assert",
     "الإضراب يتسع"),
    ("ونقلت الصحيفة تنديد الرئيس الفلسطيني باقتحام المسجد الأقصى.", "الرئيس الفلسطيني", "تنديد", "assert",
     "باقتحام المسجد"),
    ("وجاء في بيان: «إن الوضع الأمني في شرق البلاد لا يسمح بالسفر».", "بيان", "وجاء", "assert",
     "الوضع الأمني"),
]


@pytest.mark.parametrize("text, source, cue, stance, key", CALLS + ACCUSATIONS_AND_MORE + NOUNS)
def test_cue_families(text, source, cue, stance, key):
    doc = run(text, {"تنظيم داعش": ("org-1", "organization", "تنظيم داعش"),
                     "عيدان": ("person-2", "person", "عيدان")})
    cue_word = cue if cue != "وجاء" else "بيان"
    c = find(doc, cue_word)
    assert source.split()[0] in c.source.text or c.source.text in source, c.source.text
    assert cue_word != "طالب" or "القاضي" not in c.source.text
    assert c.stance == stance
    assert key in c.content.text


# -- follow-on speech: the speaker named before ---------------------------------

def test_follow_on_quote_right_after_the_verb():
    doc = run('قال مدير المرصد رامي عبد الرحمن "إن الاشتباكات مستمرة في الريف الشمالي". '
              'وأضاف "اعترض المسلحون سيارة الإسعاف قبل أن يطلقوا النار عليها".')
    c = find(doc, "وأضاف")
    assert "عبد الرحمن" in c.source.text
    assert "يطلقوا النار" in c.content.text
    assert c.attrs.get("implicit_source")


def test_follow_on_speaker_is_its_nearest_surface():
    text = ("دعا الرئيس التركي رجب طيب أردوغان إلى انتخابات مبكرة. وقال الرئيس: إن تركيا عانت خسائر كبيرة.\n"
            "ورغم أن أردوغان لم يشر إلى الحزب، إلا أنه قال: إن القوى السوداء تنشر معلومات خاطئة، "
            "مؤكدا أن الاتهامات ضد تركيا لا أساس لها.")
    doc = run(text, {"رجب طيب أردوغان": ("person-1", "person", "رجب طيب أردوغان"),
                     "أردوغان": ("person-1", "person", "رجب طيب أردوغان")})
    said = find(doc, "قال")
    assert said.source.text == "أردوغان", said.source.text
    stress = find(doc, "مؤكدا")
    assert stress.source.text == "أردوغان"
    assert stress.stance == "deny"  # refuting an accusation


def test_setting_with_a_verbal_noun_is_no_cue():
    doc = run("وقال لافروف في وصفه للاقتراح الروسي “إن المحادثات تتعلق بالتنسيق بين كل هؤلاء”.")
    c = find(doc, "وقال")
    assert c.source.text == "لافروف"
    assert "بالتنسيق" in c.content.text
    assert all(x.cue.text != "وصفه" for x in doc.claims)


def test_adverbial_preposition_is_no_source():
    doc = run("وقال المتحدث باسم المجلس إن الدعم يقتصر على القوات المدربة. "
              "وأشار كدليل على ذلك إلى الغارات التي شنت يوم الجمعة.")
    c = find(doc, "وأشار")
    assert "المتحدث" in c.source.text
    assert "الغارات" in c.content.text


def test_unclosed_quotation_runs_to_the_paragraph_end():
    doc = run("وقال الوزير “المحادثات تتعلق... بالتنسيق بين كل الأطراف ومن ثم التركيز على الإرهاب.\n"
              "وانتهى الاجتماع.")
    c = find(doc, "وقال")
    assert "بالتنسيق بين كل الأطراف" in c.content.text
    assert "وانتهى" not in c.content.text


# -- stance: belief, inference, evaluation and denials --------------------------

@pytest.mark.parametrize("text, cue, stance", [
    ("واعتبر المتحدث أن الاتهامات افتراء لا أساس له.", "واعتبر", "deny"),
    ("ووصف المبعوث الهجوم بأنه لا يمكن تبريره.", "ووصف", "speculate"),
    ("وتشير الدلائل إلى أن الانفجار نجم عن عبوة ناسفة.", "وتشير", "speculate"),
    # استبعد: refusing "any" X is a denial (the real-text gold), ruling a thing unlikely a guess
    ("استبعد وزير الخارجية أي تحالف مع النظام.", "استبعد", "deny"),
    ("واستبعد مصدر حكومي تغيير رئيس الوزراء قبل الانتخابات.", "واستبعد", "speculate"),
    ("واستبعد الوزير أن يتم التوصل إلى اتفاق قريبا.", "واستبعد", "speculate"),
    # a hedge inside what is said leaves the saying assert (the stance follows the cue)
    ("وقال المحلل إن الهجوم ربما يكون رسالة إلى الحكومة.", "وقال", "assert"),
    ("وأفادت تقارير بأنه من المتوقع أن تفتح القاعدة خلال أيام.", "وأفادت", "assert"),
    # a belief of the speaker does make it a guess
    ("وقال المسؤول إنه يعتقد أن المفاوضات ستفشل.", "وقال", "speculate"),
    # a reply with بأن
    ("وردت النيابة بأن الهجوم استهدف القتل.", "وردت", "assert"),
    ("لا يستبعد المسؤولون الأمريكيون اشتباكا غير مقصود مع القوات الروسية.", "يستبعد", "speculate"),
    ("وقال المتحدث: «لم تكن بلادنا ضالعة في هذا السيناريو».", "وقال", "deny"),
    ("نفت وزارة الخارجية أن تكون قواتها شاركت في الهجوم.", "نفت", "deny"),
    ("وفند المتحدث باسم الوزارة الاتهامات الموجهة إلى القوات.", "وفند", "deny"),
])
def test_stance(text, cue, stance):
    c = find(run(text), cue)
    assert c.stance == stance


def test_anaphoric_denial_links_what_it_denies():
    doc = run("وقالت وكالة محلية إن طائرات حربية قصفت السوق الشعبي. ونفت وزارة الدفاع الأمر.")
    said, denial = find(doc, "وقالت"), find(doc, "ونفت")
    assert denial.stance == "deny"
    assert "وزارة الدفاع" in denial.source.text
    assert denial.content.text == "الأمر"
    assert denial.attrs["refers_to"] == said.id


# -- sources through a second source -------------------------------------------

def test_relay_inside_the_source_keeps_both_ends():
    doc = run("وذكر التلفزيون الرسمي عن مصدر عسكري أن الجيش استعاد السيطرة على التلة.")
    c = find(doc, "وذكر")
    assert "مصدر عسكري" in c.source.text  # the original speaker, as the gold counts it
    assert "التلفزيون" not in c.source.text
    assert c.attrs["relay"]["text"].startswith("التلفزيون الرسمي")
    chain = c.attrs["via_chain"]
    assert chain[0]["text"].startswith("التلفزيون") and "مصدر عسكري" in chain[1]["text"]


def test_relay_by_istinadan_with_an_anonymity_aside():
    doc = run('وذكرت تلفزة "سي إن إن" الأمريكية استناداً إلى المسؤول الأمريكي، لم تذكر اسمه، '
              "أن الرئيس وافق على هذا الإجراء.")
    assert len(doc.claims) == 1, [(c.source.text, c.cue.text) for c in doc.claims]
    c = doc.claims[0]
    assert c.source.text.startswith("المسؤول الأمريكي")
    assert "وافق على هذا الإجراء" in c.content.text
    assert "سي إن إن" in c.attrs["relay"]["text"]


def test_quoted_source_right_after_the_verb():
    doc = run("وقال «المرصد السوري لحقوق الإنسان»: إنه وثق تنفيذ مئات الغارات خلال الشهر.")
    c = find(doc, "وقال")
    assert "المرصد السوري" in c.source.text
    assert "وثق تنفيذ" in c.content.text


def test_trailing_hasb_ma_afadat():
    doc = run("دعا الرئيس إلى انتخابات مبكرة في البلاد، حسب ما أفادت تقارير الإعلام الجمعة.")
    c = find(doc, "دعا")
    assert c.attrs["according_to"]["text"].startswith("تقارير الإعلام")


# -- precision: a claim needs a speaker and content ------------------------------

@pytest.mark.parametrize("text", [
    "يدعو الوضع في المدينة إلى القلق.",
    "وصل طالب جامعي إلى الحدود أمس.",
    "عبر مئات النازحين الحدود إلى تركيا.",
    "وتبنى البرلمان قانونا جديدا للانتخابات.",
    "ولفتت الانتباه إلى الأوضاع الإنسانية في المخيم.",
])
def test_no_claim_without_speaker_and_content(text):
    doc = run(text)
    assert doc.claims == [], [(c.source.text, c.cue.text) for c in doc.claims]


def test_relay_by_hasb_ma_naqalat_anhu():
    doc = run("وقال جاوش اوغلو، بحسب ما نقلت عنه وكالة الأناضول الرسمية، إن الطائرات بدأت بالوصول.")
    assert len(doc.claims) == 1, [(c.source.text, c.cue.text) for c in doc.claims]
    c = doc.claims[0]
    assert c.source.text == "جاوش اوغلو"
    assert c.attrs["relay"]["text"].startswith("وكالة الأناضول")
    assert c.attrs["via_chain"][1]["text"] == "جاوش اوغلو"


def test_svo_denial_of_the_matter():
    doc = run("وقالت وكالة محلية إن طائرات قصفت السوق. إلا أن وزارة الدفاع الأميركية نفت الأمر.")
    said, denial = find(doc, "وقالت"), find(doc, "نفت")
    assert denial.source.text == "وزارة الدفاع الأميركية" and denial.stance == "deny"
    assert denial.attrs["refers_to"] == said.id


def test_statement_issuer_speaks_in_it():
    doc = run("وأصدرت وزارة الخارجية بيانا عن الاتصال الهاتفي، قالت فيه إن الوزيرين ناقشا تعميق التعاون.")
    c = find(doc, "قالت")
    assert c.source.text.startswith("وزارة الخارجية")
    assert "ناقشا" in c.content.text


def test_naql_without_a_second_source_is_a_report():
    c = find(run("ونقلت وسائل الإعلام أنه قصف بقوة مواقع للحزب."), "ونقلت")
    assert c.source.text == "وسائل الإعلام" and "قصف بقوة" in c.content.text
    assert run("ونقلت القوات الجرحى إلى المستشفى.").claims == []


@pytest.mark.parametrize("text, source", [
    ("«لن نسمح بإغلاق المعبر تحت أي ظرف»، قال القيادي في الحركة.", "القيادي"),
    ('"الوضع في المدينة كارثي والمستشفيات عاجزة"، قال مدير الصحة في المحافظة لوكالة فرانس برس.', "مدير الصحة"),
])
def test_speaker_after_the_quotation(text, source):
    doc = run(text)
    assert len(doc.claims) == 1
    c = doc.claims[0]
    assert c.source.text.startswith(source) and c.attrs.get("content_before_cue")
    assert c.content.text[0] in "«\"" and c.content.end <= c.cue.start


def test_object_before_the_cue_preposition_heads_the_content():
    doc = run("أكد وزير الخارجية القطري خالد العطية حرص دول المجلس على وحدة اليمن.",
              {"خالد العطية": ("person-3", "person", "خالد العطية")})
    c = find(doc, "أكد")
    assert c.source.text.endswith("خالد العطية")
    assert c.content.text.startswith("حرص دول المجلس على وحدة اليمن")


@pytest.mark.parametrize("text", ["ويعتبر الهجوم الأعنف منذ بداية العام.", "وتعتبر المدينة من أخطر المناطق في البلاد."])
def test_considered_is_no_claim(text):
    assert run(text).claims == []


def test_evaluation_with_two_objects():
    doc = run("وتعتبر تركيا وحدات حماية الشعب فرعا محليا لحزب العمال الكردستاني.",
              {"تركيا": ("actor-1", "actor", "تركيا"),  # the government, as the actors stage gives it
               "وحدات حماية الشعب": ("org-2", "organization", "وحدات حماية الشعب"),
               "حزب العمال الكردستاني": ("org-3", "organization", "حزب العمال الكردستاني")})
    c = find(doc, "وتعتبر")
    assert c.source.text == "تركيا" and c.stance == "speculate"
    assert "فرعا محليا" in c.content.text
