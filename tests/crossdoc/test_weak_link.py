"""Actor keys and weak event links (issue 14 items 1-2).

A weak event link: an article's first event only
*compatible* with a story's merged event (same type, a governorate, one side
dated from publication) is too little to merge, but with an agreeing death or
injury toll it is a hint for the story score (``stories.W_WEAK_EVENT``)."""

from __future__ import annotations

import pytest

from rasid.crossdoc import merge
from rasid.crossdoc.merge import EventMerger, MergedEvent
from rasid.crossdoc.mentions import Mention
from rasid.store.crossdoc import ensure_schema

SINAI = dict(level=3, lat=30.6, lon=33.6, admin1="North Sinai", country="EG", place_name="North Sinai")


def _m(doc: str, *, day: str = "2024-07-23", inferred: bool = False, killed: int | None = None,
       injured: int | None = None, actor: list[str] | None = None, story: str = "st-x", at: int = 0,
       **place) -> Mention:
    start = "2024-07-21" if inferred else day
    return Mention(doc_id=doc, event_id="e1", type="ASSAULT", date_start=start, date_end=day,
                   date_inferred=inferred, fatalities=killed, injuries=injured, actor_keys=actor or [],
                   story_id=story, evidence_start=at, **(place or SINAI))


@pytest.fixture()
def merger(conn):
    ensure_schema(conn)
    return EventMerger(conn)


@pytest.mark.parametrize("mine, weak, expected", [
    # one report dated from publication, a governorate, the same three wounded: a hint
    (dict(inferred=True, injured=3), True, merge.WEAK_LINK),
    (dict(inferred=True, killed=4, injured=3), True, merge.WEAK_LINK),
    # the same, but asked for a merge: nothing
    (dict(inferred=True, injured=3), False, None),
    # no toll that agrees: nothing (the background bombing every later article recalls)
    (dict(inferred=True), True, None),
    (dict(inferred=True, injured=12), True, None),
    # a toll that disagrees, or another named attacker: nothing
    (dict(inferred=True, injured=3, killed=30), True, None),
    (dict(inferred=True, injured=3, actor=["pkk"]), True, None),
    # a day outside the tolerance: nothing
    (dict(day="2024-07-28", injured=3), True, None),
])
def test_weak_link_needs_an_agreeing_toll(merger, mine, weak, expected):
    theirs = _m("a", killed=4, injured=3, actor=["isis"])
    me = MergedEvent("me-1", "ASSAULT", [theirs])
    assert merger.score(_m("b", story="st-y", **mine), me, story_known=False, weak=weak) == expected


def test_a_town_with_the_same_toll_is_a_link_not_a_weak_one(merger):
    arish = dict(level=1, lat=31.13, lon=33.8, admin1="North Sinai", country="EG", place_name="Arish")
    me = MergedEvent("me-1", "ASSAULT", [_m("a", killed=2, **arish)])
    s = merger.score(_m("b", story="st-y", killed=2, **arish), me, story_known=False, weak=True)
    assert s is not None and s > merge.WEAK_LINK


def test_only_the_articles_first_event_gives_a_weak_link(merger):
    theirs = _m("a", killed=4, injured=3)
    merger.add(theirs)
    merger.flush()
    assert merger.stories_of(_m("b", story=None, inferred=True, injured=3), opening=True) == {"st-x": merge.WEAK_LINK}
    assert merger.stories_of(_m("c", story=None, inferred=True, injured=3), opening=False) == {}


@pytest.mark.parametrize("a, b, meet", [
    (["isis"], ["isis", "state:SY"], True),
    (["mohammed bin nayef"], ["mohammed bin nayef bin abdulaziz"], True),
    (["mohammed bin nayef bin abdulaziz"], ["mohammed bin nayef bin abdulaziz rakti"], True),  # a word the NER took along
    (["salman bin abdulaziz al saud"], ["salman bin abdulaziz"], True),
    (["mohammed"], ["mohammed bin salman"], False),  # one word is not a person
    (["mohammed bin salman"], ["mohammed bin nayef"], False),
    (["isis"], ["pkk"], False),
    ([], ["pkk"], False),
])
def test_actor_keys_meet_on_a_name_and_its_longer_form(a, b, meet):
    assert merge.keys_meet(a, b) is meet
    assert merge.keys_meet(b, a) is meet


def test_a_longer_form_of_the_attackers_name_merges(merger):
    arish = dict(level=1, lat=31.13, lon=33.8, admin1="North Sinai", country="EG", place_name="Arish")
    me = MergedEvent("me-1", "ASSAULT", [_m("a", killed=4, actor=["abu bakr al baghdadi"], **arish)])
    assert merger.score(_m("b", story="st-y", killed=4, actor=["abu bakr al baghdadi al husseini"], **arish), me) > 0
    assert merger.score(_m("b", story="st-y", killed=4, actor=["abu mohammed al julani"], **arish), me) is None
