"""The tagger skips a pattern when the text lacks a part every match of it holds
(``tagger._NEEDS``): a speed-up that must find exactly what running every pattern finds."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

from rasid.text.normalize import MatchView
from rasid.times import tagger


def _texts() -> list[str]:
    lines = resources.files("rasid.samples").joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x)["text"] for x in lines if x.strip()]


def test_each_needed_part_is_a_slot_of_its_pattern():
    templates = dict(tagger.PATTERNS)
    for name, need in tagger._NEEDS.items():
        assert name in templates
        if need.startswith("{"):
            assert need in templates[name], name


def test_skipping_patterns_finds_the_same(monkeypatch):
    pub = date(2016, 5, 3)
    texts = _texts() + ["وقع الهجوم في 2015/08/25 عند الساعة 04:57", "صدر في 21 / 10 / 1436هـ", "في 3-4-2015", "بين عامي 2014 و2017 ثم في عام 2019",
                        "خلال الأيام الـ10 الأخيرة", "في الأول من الشهر الجاري", "شهري أيار وحزيران 2019",
                        "يوم الأحد الماضي", "في وقت سابق", "لا تاريخ هنا"]
    views = [MatchView(t).text for t in texts]
    fast = [tagger.find(v, pub) for v in views]
    monkeypatch.setattr(tagger, "_needs", lambda: {})
    slow = [tagger.find(v, pub) for v in views]
    assert fast == slow
    assert sum(len(f) for f in fast) > len(texts)


def test_patterns_tried_at_their_starts_find_the_same():
    texts = _texts() + ["في 2015/08/25 04:57 و21 / 10 / 1436هـ و3-4-2015 و1.2.2015 و12/5/2016 12:30",
                        "1/2/3/2015 و2015-08-25-3 و-3/4/2015 و.3/4/2015 و٣/٤/٢٠١٥", "12:30 2015/08/25", "5/5/2015"]
    views = [MatchView(t).text for t in texts]
    patterns = dict(tagger.compiled())
    for name, starts in tagger._STARTS.items():
        for v in views:
            slow = [(m.span(), m.groupdict()) for m in patterns[name].finditer(v)]
            assert [(m.span(), m.groupdict()) for m in tagger._finditer_at(patterns[name], starts, v)] == slow
