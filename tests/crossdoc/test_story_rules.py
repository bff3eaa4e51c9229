"""Issue 14 story and link rules: sibling towns, statements by other speakers, lead-only links."""

from __future__ import annotations

from rasid.crossdoc import merge, stories
from rasid.crossdoc.mentions import Mention
from rasid.crossdoc.stories import Story, _other_speaker, _siblings


def test_sibling_towns_push_apart_and_a_shared_town_does_not():
    bozanti = ["tr-bozanti", "Adana", 37.4, 34.87]
    cinar = ["tr-cinar", "Diyarbakir", 37.72, 40.41]
    taiz = ["ye-taiz", "Taiz", 13.579, 44.021]
    assert _siblings([bozanti], [cinar])
    assert not _siblings([bozanti], [bozanti, cinar])  # one town named by both
    assert not _siblings([], [cinar]) and not _siblings([taiz], [])
    near = ["x-near", "Adana", 37.41, 34.88]  # about 1 km: one spot named two ways
    assert not _siblings([bozanti], [near])


def test_sibling_any_off_keeps_towns_of_two_governorates(monkeypatch):
    monkeypatch.setattr(stories, "SIBLING_ANY", False)
    assert not _siblings([["a", "Adana", 37.4, 34.87]], [["b", "Diyarbakir", 37.72, 40.41]])
    assert _siblings([["a", "Adana", 37.4, 34.87]], [["b", "Adana", 37.0, 35.3]])


def test_a_statement_joins_no_story_of_another_speakers_statements():
    st = Story(id="s", speakers={"oic"})
    assert _other_speaker({"us_government"}, st)
    assert not _other_speaker({"oic", "x"}, st)
    assert not _other_speaker(None, st)  # not a statement article
    assert not _other_speaker({"us_government"}, Story(id="t"))  # no statement in the story


def test_statement_speakers_need_a_statement_opening_the_lead():
    def m(type_, at, actors=()):
        return Mention(doc_id="d", event_id=f"e{at}", type=type_, evidence_start=at, evidence_end=at + 20,
                       actor_keys=list(actors))

    class Doc:
        entities: list = []

    assert stories.statement_speakers(Doc(), [m("ACCUSE", 0, ["gcc"]), m("ASSAULT", 60)]) == {"gcc"}
    assert stories.statement_speakers(Doc(), [m("ASSAULT", 0), m("ACCUSE", 60, ["gcc"])]) is None
    assert stories.statement_speakers(Doc(), [m("ACCUSE", 900, ["gcc"])]) is None  # not in the lead


def test_only_lead_events_link_stories():
    lead = Mention(doc_id="d", event_id="e1", type="ASSAULT", evidence_start=100)
    deep = Mention(doc_id="d", event_id="e2", type="ASSAULT", evidence_start=merge.LINK_LEAD_CHARS + 1)
    assert merge._in_lead(lead) and not merge._in_lead(deep)
    assert not merge._in_lead(Mention(doc_id="d", event_id="e3", type="ASSAULT"))


def test_dates_stated_past_the_lead_do_not_anchor_a_story(monkeypatch):
    """A stated date told deep in the text is a recalled, background one: the
    hostage siege told in the lead on Friday, three older attacks recalled
    further down, is anchored on Friday; an article whose only stated dates
    are past its lead is anchored on its publication date (soft)."""
    monkeypatch.setattr(stories, "ANCHOR_LEAD_CHARS", 1000)

    def m(at, day):
        return Mention(doc_id="d", event_id=f"e{at}", type="ASSAULT", evidence_start=at, evidence_end=at + 30,
                       date_start=day, date_end=day)

    class Doc:
        published = "2015-08-08"
        entities: list = []

    siege = [m(0, "2015-08-07"), m(114, "2015-08-07"), m(1942, "2015-08-01"), m(2771, "2015-08-01"),
             m(2860, "2015-08-01")]
    assert stories.doc_anchor(Doc(), siege) == ("2015-08-07", False)
    assert stories.doc_anchor(Doc(), [m(2326, "2015-08-01")]) == ("2015-08-08", True)
    monkeypatch.setattr(stories, "ANCHOR_LEAD_CHARS", 0)  # off: the recalled dates outvote the lead
    monkeypatch.setattr(stories, "ANCHOR_OLD_LEAD_CHARS", 0)
    assert stories.doc_anchor(Doc(), siege) == ("2015-08-01", False)


def test_an_old_date_anchors_only_when_told_in_the_opening(monkeypatch):
    """Stated dates all more than ``ANCHOR_OLD_DAYS`` before publication, told
    after the opening sentence, are the recalled cause of today's news: the
    article is dated by publication (soft). Told in the opening, or with a
    recent date beside them, they still anchor."""
    monkeypatch.setattr(stories, "ANCHOR_LEAD_CHARS", 1000)
    monkeypatch.setattr(stories, "ANCHOR_OLD_DAYS", 2)
    monkeypatch.setattr(stories, "ANCHOR_OLD_LEAD_CHARS", 120)
    text = ("هبطت طائرة إغاثة في مطار المدينة الدولي اليوم الأربعاء، في أول رحلة مدنية وإغاثية تصل إليه منذ أربعة أشهر من القتال. "
            "وكانت القوات الحكومية قد استعادت السيطرة على المطار الأربعاء الماضي بعد معارك عنيفة.")
    recapture = text.index("استعادت")

    class Doc:
        published = "2015-07-22"
        entities: list = []

    def m(at, day):
        return Mention(doc_id="d", event_id=f"e{at}", type="ASSAULT", evidence_start=at, evidence_end=at + 20,
                       date_start=day, date_end=day)

    assert recapture > 120
    # the landing's own event is not found: only the recapture a week before is dated
    assert stories.doc_anchor(Doc(), [m(recapture, "2015-07-15")]) == ("2015-07-22", True)
    # the same date told in the opening sentence anchors the article
    assert stories.doc_anchor(Doc(), [m(0, "2015-07-15")]) == ("2015-07-15", False)
    # with a recent date in the lead, the old ones count as before (here they outvote it)
    both = [m(0, "2015-07-21"), m(recapture, "2015-07-15"), m(recapture + 5, "2015-07-15")]
    assert stories.doc_anchor(Doc(), both) == ("2015-07-15", False)
    # a date of the day before publication ("أمس") anchors wherever the lead tells it
    assert stories.doc_anchor(Doc(), [m(recapture, "2015-07-21")]) == ("2015-07-21", False)
    monkeypatch.setattr(stories, "ANCHOR_OLD_LEAD_CHARS", 0)  # off
    assert stories.doc_anchor(Doc(), [m(recapture, "2015-07-15")]) == ("2015-07-15", False)


def test_figures_spelled_in_words_meet_digits(monkeypatch):
    """One outlet spells the figure another gives in digits: a shared figure.
    A spelled figure never makes the figures disagree."""

    class Doc:
        def __init__(self, title, text):
            self.title, self.text = title, text

    words = Doc("التحالف يعلن هدنة إنسانية", "أعلنت قيادة التحالف بدء هدنة إنسانية ولمدة خمسة أيام بطلب من الرئيس.")
    digits = Doc("هدنة إنسانية في اليمن مدتها 5 أيام", "أعلن التحالف هدنة تبدأ مساء اليوم.")
    vague = Doc("غارات جديدة", "قتل عشرات المسلحين في غارات ثلاث مقاتلات على مواقعهم في الذكرى العشرين "
                "للحرب عام ألفين وخمسة عشر.")
    monkeypatch.setattr(stories, "NUM_WORDS", True)
    assert stories.word_numbers(words) == {5} == stories.doc_numbers(digits, [])
    assert stories.doc_numbers(words, []) == set()
    assert stories._numbers_term(set(), {5}, stories.word_numbers(words), set()) == stories.W_NUM_SHARED
    # five members of a cell against a story whose figures are a recalled toll: no disagreement
    assert stories._numbers_term(set(), {27, 227}, {5}, set()) == 0.0
    assert stories._numbers_term({5}, {27, 227}) == -stories.W_NUM_DISJOINT
    # "dozens", a small count, an ordinal and a year are no figures
    assert stories.word_numbers(vague) == set()
    monkeypatch.setattr(stories, "NUM_WORDS", False)
    assert stories.word_numbers(words) == set()


def test_spelled_figures_survive_the_stored_story():
    st = Story(id="s", numbers={27}, wnumbers={5})
    row = st.to_row()
    back = Story.from_row(row)
    assert back.numbers == {27} and back.wnumbers == {5}
    assert Story.from_row(Story(id="t", numbers={3}).to_row()).wnumbers == set()
