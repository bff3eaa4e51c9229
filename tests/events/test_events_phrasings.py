"""General event phrasings (operations, missiles, transport, withdrawal, talks, threats, denial)."""

from __future__ import annotations

import pytest
from ev_helpers import analyze_text, make_doc

from rasid.events import extract


def events(text: str):
    return [(e.type, e.modality) for e in extract(make_doc(text))]


@pytest.mark.parametrize(
    "text,typ",
    [
        ("أطلقت القوات التركية عملية برية جديدة شمال البلاد.", "ASSAULT"),
        ("أعلن الجيش إطلاق عملية جوية ضد مواقع المسلحين.", "ASSAULT"),
        ("شنت القوات الأمنية عملية ضد خلايا التنظيم في البادية.", "ASSAULT"),
        ("دمر الجيش مقراً لفصيل مسلح في الريف الشرقي.", "ASSAULT"),
        ("أطلق المسلحون صاروخاً على القاعدة الجوية.", "ASSAULT"),
        ("استهدفوا تجمعاً للجنود قرب الجسر.", "ASSAULT"),
        ("ينقل الجيش ذخيرة ومعدات إلى القاعدة الجوية.", "MOBILIZE"),
        ("تغادر القوات الأجنبية القاعدة الشهر المقبل.", "RETREAT"),
        ("يعقد الطرفان جولة حوار جديدة في العاصمة.", "CONSULT"),
        ("عقد البرلمان جلسة لمناقشة الموازنة.", "CONSULT"),
        ("انطلقت جولات الحوار بين الحكومة والإقليم.", "CONSULT"),
        ("حذر قائد الفصيل من أن الحكومة ستدفع الثمن.", "THREATEN"),
        ("يتوعد زعيم الجماعة بالانتقام من خصومه.", "THREATEN"),
    ],
)
def test_general_phrasings(text: str, typ: str) -> None:
    # through the whole pipeline: the eventness decision reads the places and times found
    assert typ in [e.type for e in analyze_text(text).events]


def test_planned_summit() -> None:
    assert ("CONSULT", "planned") in events("من المقرر أن تعقد قمة تجمع قادة البلدين في الرياض.")


@pytest.mark.parametrize(
    "text",
    ["نفت وزارة الدفاع أن تكون طائراتها قصفت القرية.", "نفى المتحدث وقوع اشتباكات في المدينة."],
)
def test_denied_without_claim(text: str) -> None:
    assert [m for _, m in events(text)] == ["denied"]


@pytest.mark.parametrize(
    "text",
    [
        "عقد المعرض الدولي للكتاب في بغداد.",
        "وصل الفريق إلى قمة الجبل بعد ساعات.",
        "تستخدم الشركة الطريق لنقل البضائع إلى الميناء.",
    ],
)
def test_no_event(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize(
    "text,typ",
    [
        ("قال المرصد إن المقاتلين أخلوا مقرات لهم في البلدة.", "RETREAT"),
        ("سيطر الجيش على القرى بعد عملية \"الفجر\" التي شنتها في الربيع الماضي.", "ASSAULT"),
        ("وقبل يومين، استهدفت طائرة مسيرة مطار المدينة.", "ASSAULT"),
        ("وأفاد مصدر بأن اللواء الخامس، نقلت نحو 300 عنصر إلى المطار.", "MOBILIZE"),
    ],
)
def test_phrasings_with_context(text: str, typ: str) -> None:
    assert typ in [t for t, _ in events(text)]


def test_campaign_is_no_attack() -> None:
    assert events("انتقد الوزير الحملة الإعلامية التي شنتها الصحف ضده.") == []


@pytest.mark.parametrize(
    "text",
    ["بدأ الجيش الانسحاب من البلدة الحدودية.", "أعلنت الحكومة الانسحاب من المدينة بعد أسابيع من المعارك."],
)
def test_reported_withdrawal_noun(text: str) -> None:
    assert "RETREAT" in [t for t, _ in events(text)]


def test_meeting_noun_with_convening_verb() -> None:
    assert "CONSULT" in [t for t, _ in events("تعقد اللجنة اجتماعها في أنقرة.")]
    assert "CONSULT" in [t for t, _ in events("أجرى الرئيس مباحثات في القصر.")]


def test_reference_noun_still_dropped() -> None:
    assert "RETREAT" not in [t for t, _ in events("وأثار الانسحاب جدلاً واسعاً في البرلمان.")]


@pytest.mark.parametrize(
    "text",
    ["دعا الوزير إلى إطلاق عملية سياسية شاملة.", "أطلقت الشركة عملية بيع الأسهم أمس."],
)
def test_non_military_operation(text: str) -> None:
    assert events(text) == []


def test_military_operation_launched() -> None:
    assert "ASSAULT" in [t for t, _ in events("أعلن الجيش إطلاق عملية لملاحقة المسلحين في الجبال.")]
    assert "THREATEN" in [t for t, _ in events("حذر القائد خصومه من أنهم سيدفعون الثمن.")]


@pytest.mark.parametrize(
    "text",
    [
        # the verbal noun with the accuser's pronoun, the idiom, the circumstantial participle
        "تابع المجلس بقلق تصريحات رئيس الحزب واتهامه لها بدعم المسلحين.",
        "ووجه الوزير أصابع الاتهام إلى ضباط في الشرطة المحلية.",
        "انتقد النائب الحكومة متهماً إياها بالتقصير في حماية الحدود.",
    ],
)
def test_accusation_phrasings(text: str) -> None:
    assert "ACCUSE" in [t for t, _ in events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "أدانت المحكمة شاباً بالانضمام إلى خلية مسلحة، وحكم عليه بالسجن مدة خمس سنوات.",
        "قضت المحكمة بإدانة الموظف وسجنه لمدة سبع سنوات.",
    ],
)
def test_prison_sentence_with_its_object(text: str) -> None:
    assert "COERCE" in [t for t, _ in events(text)]


@pytest.mark.parametrize(
    "text",
    [
        # defendants counted, not an accusation; an indictment named again
        "قررت المحكمة إخلاء سبيل 11 متهما بكفالة مالية.",
        "ووفق لائحة الاتهام، فإن المتهمين لم يعترفا بالتهمة.",
    ],
)
def test_defendants_are_no_accusation(text: str) -> None:
    assert "ACCUSE" not in [t for t, _ in events(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # captures with a force word: ASSAULT at the place taken (the real gold's convention)
        ("سيطرت قوات المقاومة الشعبية على مدينة زنجبار بعد معارك عنيفة.", True),
        # no force word: not a capture
        ("سيطر الهدوء على المدينة بعد أيام من التوتر.", False),
        ("سيطر رجال الإطفاء على الحريق في المستودع.", False),
    ],
)
def test_captures_need_a_force_word(text: str, expected: bool) -> None:
    assert ("ASSAULT" in [e.type for e in analyze_text(text).events]) is expected
