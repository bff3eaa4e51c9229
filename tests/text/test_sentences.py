import pytest


def test_agency_abbreviations_do_not_end_a_sentence():
    from rasid.text import split_sentences

    text = "قال المصدر (د.ب.أ) إن القوات وصلت. ثم غادرت (أ.ف.ب)."
    assert [s.text for s in split_sentences(text)] == ["قال المصدر (د.ب.أ) إن القوات وصلت.", "ثم غادرت (أ.ف.ب)."]


@pytest.mark.parametrize("text,n", [
    ("شنت حملات على عناصر حزب العمال (بي.كيه.كيه) في العاصمة أنقرة. ثم عادت.", 2),
    ("قالت شبكة بي.بي.سي إن القوات وصلت. ثم غادرت.", 2),
    ("وصلت القوات إلى المدينة الأسبوع الماضي.وقال المصدر إنها غادرت.", 2),  # no space, still a stop
    # spelt Latin letters with a stop and a space each: one acronym
    ("ويعتقد مسؤولو الاستخبارات (سي. آي. إيه) أنه يطور قنبلة. ثم نشرت صوره.", 2),
    ("وصل المحققون إلى مقر إف. بي. آي. في واشنطن أمس. ثم غادروا.", 2),
    ("أعلنت شبكة «إن. بي. سي» أن المراسل بخير. ثم عاد.", 2),
    # short words ending sentences are no acronym
    ("قال إنه كان في حي. لا. لن يعود إليه.", 3),
])
def test_dotted_acronyms_do_not_end_a_sentence(text: str, n: int) -> None:
    from rasid.text import split_sentences

    assert len(split_sentences(text)) == n
