"""The steps of the actors stage (issue 16 item 3), each on its own, and the
short forms the rules name (data/forms.tsv)."""

from __future__ import annotations

from rasid.actors.annotate import _add_person, _dictionary_step, _metonym_step, _State
from rasid.actors.dictionary import load_dictionary
from rasid.actors.forms import ARTICLE, CONJ, forms
from rasid.actors.ner_features import _NOMINAL_PROCLITICS, stem_of
from rasid.actors.people import PersonMention
from rasid.model.document import Document, Span


def _state(text: str) -> _State:
    return _State(Document(id="t", text=text, published="2024-01-10"), load_dictionary())


def test_dictionary_step_groups_chosen_candidates_by_entry() -> None:
    st = _state("وقالت قسد إن قوات سورية الديمقراطية تقدمت.")
    chosen = _dictionary_step(st, [])
    assert chosen and set(st.order) == {"sdf"}
    assert [m.text for m in st.groups["sdf"].mentions] == ["قسد", "قوات سورية الديمقراطية"]


def test_metonym_step_adds_the_government_and_skips_adjectives() -> None:
    text = "قالت واشنطن إن فصائل سورية هاجمت."
    st = _state(text)
    wash, syria = text.index("واشنطن"), text.index("سورية")
    ms = [Span(wash, wash + 6, "واشنطن"), Span(syria, syria + 5, "سورية")]
    _metonym_step(st, [("place-1", {"country": "SY"}, ms)], [])
    assert st.order == ["us_government"]
    g = st.groups["us_government"]
    assert [m.text for m in g.mentions] == ["واشنطن"] and g.attrs["metonym_of"] == "place-1"
    # a mention inside a chosen actor name is left to that actor
    st = _state(text)
    _metonym_step(st, [("place-1", None, ms[:1])], [(0, len(text))])
    assert st.order == []


def test_add_person_links_a_short_mention_after_a_proclitic() -> None:
    text = "قال الوزير لويد أوستن إن القوات ستبقى، وأوستن في بغداد."
    st = _state(text)
    s = text.index("لويد")
    full = PersonMention(s, s + len("لويد أوستن"), "", ["لويد", "اوستن"], "title")
    _add_person(st, full)
    assert len(st.person_groups) == 1 and st.order == ["lloyd_austin"]  # a dictionary person
    s2 = text.index("وأوستن")
    short = PersonMention(s2, s2 + len("وأوستن"), "", ["واوستن"], "ner")
    _add_person(st, short)
    g = st.groups["lloyd_austin"]
    assert [m.text for m in g.mentions] == ["لويد أوستن", "أوستن"]  # the proclitic is not the name
    assert (s2 + 1, s2 + len("وأوستن")) in st.taken


def test_add_person_makes_a_new_person_with_title_and_role() -> None:
    text = "قال العقيد سامر خليل، المتحدث باسم الجيش، إن الهجوم فشل."
    st = _state(text)
    s = text.index("سامر")
    pm = PersonMention(s, s + len("سامر خليل"), "", ["سامر", "خليل"], "title", title="العقيد", title_en="Col.")
    pm.role, pm.role_span = "المتحدث باسم الجيش", (text.index("المتحدث"), text.index("،", s + 10))
    _add_person(st, pm)
    assert st.order == ["_p1"]
    g = st.groups["_p1"]
    assert g.name == "Samer Khalil" and g.attrs["title_en"] == "Col." and g.attrs["role"] == "المتحدث باسم الجيش"


def test_forms_hold_what_the_rules_expect() -> None:
    assert ARTICLE == "ال" and CONJ == ("و", "ف")
    assert forms("nisba_fem") == ("يه",)  # written ية, folded
    # the stem proclitics are CRF features of the shipped model: never change them
    assert _NOMINAL_PROCLITICS == frozenset(
        "و ف ب ل ك ال لل وال فال بال كال وبال فبال وكال ولل فلل وب ول وك فب فل".split())
    assert stem_of("والقوات") == ("وال", "قوات") and stem_of("لل") == ("", "لل")
