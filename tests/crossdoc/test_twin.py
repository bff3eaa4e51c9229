"""Evidence twins: one wire sentence in two articles (rasid.crossdoc.merge.evidence_sim)."""

from rasid.crossdoc import merge
from rasid.crossdoc.mentions import Mention

A = "قالت المقاومة الشعبية في اليمن على حسابها الرسمي على تويتر إن القوى الجنوبية اعتقلت قياديا كبيرا في حركة الحوثي."
B = "قالت حركة المقاومة الشعبية في اليمن على حسابها الرسمي على تويتر إنها اعتقلت قيادياً كبيراً في حركة الحوثي."


def test_a_rewritten_wire_sentence_is_a_twin():
    assert merge.evidence_sim(A, B) >= merge.TEXT_SIM


def test_disjoint_figures_and_short_sentences_are_not():
    a = "نفذت قوات التحالف الدولي أمس 41 ضربة جوية استهدفت مواقع لتنظيم داعش في سوريا والعراق"
    b = "نفذت قوات التحالف الدولي أمس 29 ضربة جوية استهدفت مواقع لتنظيم داعش في سوريا والعراق"
    assert merge.evidence_sim(a, b) == 0.0
    assert merge.evidence_sim("في تفجير انتحاري", "في تفجير انتحاري") == 0.0


def _m(doc, actor, day, place):
    return Mention(doc_id=doc, event_id="event-1", type="COERCE", trigger="اعتقلت", evidence=A if doc == "a" else B,
                   evidence_start=0, date_start=day, date_end=day, actor_keys=[actor], level=4, country="YE",
                   lat=15.5, lon=47.5, place_name=place)


def test_twins_merge_although_the_extracted_actors_disagree_but_not_across_days():
    me = merge.MergedEvent("me-x", "COERCE", [_m("a", "saudi_government", "2015-07-25", "Yemen")])
    assert merge.EventMerger.score(None, _m("b", "ye_popular_resistance", "2015-07-25", "Yemen"), me) is not None
    assert merge.EventMerger.score(None, _m("b", "ye_popular_resistance", "2015-07-26", "Yemen"), me) is None


def _amb(event_id, actor, evidence, start):
    return Mention(doc_id="dz", event_id=event_id, type="ASSAULT", trigger="قتل", evidence=evidence,
                   evidence_start=start, date_start="2015-07-17", date_end="2015-07-17", actor_keys=[actor],
                   level=4, country="DZ", lat=28.2, lon=2.6, place_name="Algeria", fatalities=14, story_id="st-1")


def test_an_article_telling_its_happening_twice_joins_its_mentions_when_both_give_the_toll():
    me = merge.MergedEvent("me-dz", "ASSAULT", [_amb("event-1", "al_qaeda", "تبنى التنظيم قتل 14 جنديا في كمين", 0)])
    again = _amb("event-2", "isis", "وقال التنظيم إن عناصره تمكنوا من قتل 14 عسكريا اثر كمين", 158)
    assert merge.EventMerger.score(None, again, me) is not None
    # a toll the extraction attached to an event whose sentence does not give it: no
    other = _amb("event-2", "isis", "وقال التنظيم إن عناصره نصبوا كمينا لعساكر الجيش", 158)
    assert merge.EventMerger.score(None, other, me) is None
