

def test_agency_abbreviations_do_not_end_a_sentence():
    from rasid.text import split_sentences

    text = "قال المصدر (د.ب.أ) إن القوات وصلت. ثم غادرت (أ.ف.ب)."
    assert [s.text for s in split_sentences(text)] == ["قال المصدر (د.ب.أ) إن القوات وصلت.", "ثم غادرت (أ.ف.ب)."]
