"""Every person listed in the dev gold is found and linked (needs ../shared)."""

from __future__ import annotations

import json
import re

import pytest

from rasid.actors import annotate
from rasid.model.document import Document
from rasid.text import fold_key


@pytest.mark.shared
def test_dev_gold_persons_found(shared_dir, dev_articles):
    gold = {}
    for p in sorted((shared_dir / "data" / "dev" / "gold").glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        if g.get("persons"):
            gold[p.stem] = g["persons"]
    # the dev gold lists persons: none found means its format changed, not a reason to skip
    assert gold, "no 'persons' in any dev gold file"
    checked = 0
    for line in dev_articles.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["id"] not in gold:
            continue
        doc = Document(id=d["id"], text=d["text"], published=d.get("published"))
        annotate(doc)
        people = [e for e in doc.entities if e.kind == "person"]
        for name in gold[d["id"]]:
            hit = [e for e in people if any(fold_key(name) in fold_key(m.text) for m in e.mentions)]
            assert hit, f"{name} not found in {d['id']}"
            assert len(hit) == 1, f"{name} split over several entities"
            # every later occurrence of the surname is linked to the same person
            surname = name.split()[-1]
            starts = {m.start + m.text.find(surname) for m in hit[0].mentions if surname in m.text}
            for m in re.finditer(rf"(?<![^\W_])(?:[وفبلك])?({re.escape(surname)})(?![^\W_])", doc.text):
                assert m.start(1) in starts, f"{surname} at {m.start(1)} not linked to {name}"
            checked += 1
    assert checked
