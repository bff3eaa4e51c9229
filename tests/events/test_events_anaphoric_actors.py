"""Event actors on real-article phrasings (issue 13: actor_filled): a short anaphoric
alias after the full name; a generic subject of a relative verb of doing after the
target's pronoun ("هجوم شنه عليه مسلحون"). Every sentence here was written for these
tests."""

from __future__ import annotations

import pytest

from rasid.model import Document
from rasid.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


@pytest.mark.parametrize("text,etype,actor", [
    ("تقدمت المقاومة الشعبية في لحج. وسيطرت المقاومة على مواقع جديدة قرب مدينة الحوطة بعد معارك عنيفة.",
     "ASSAULT", "Popular Resistance"),
    # (no full name before it: no actor from the short alias)
    ("سيطرت المقاومة على مواقع جديدة قرب مدينة الحوطة بعد معارك عنيفة.", "ASSAULT", None),
    ("قتل شخص في هجوم شنه عليه مسلحون مجهولون في كركوك.", "ASSAULT", "Unidentified armed group"),
    ("أصيب جنديان في هجوم شنه عليهم مسلحون قرب الحاجز.", "ASSAULT", "Unidentified armed group"),
])
def test_event_actor(pipe: Pipeline, text: str, etype: str, actor: str) -> None:
    doc = pipe(Document(id="t", text=text, published="2015-08-04"))
    names = {e.id: e.name for e in doc.entities}
    assert [names.get(e.actor) for e in doc.events if e.type == etype] == [actor]
