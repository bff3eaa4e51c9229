"""Claims on the dev gold (../shared): F1 and stance accuracy floors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from rasid.claims import annotate
from rasid.model.document import Document

pytestmark = pytest.mark.shared


def test_dev_claims_f1(shared_dir: Path, dev_articles: Path) -> None:
    spec = importlib.util.spec_from_file_location("rasid_score", shared_dir / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    golds = {}
    for p in sorted((shared_dir / "data/dev/gold").glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        golds[g["doc"]] = g
    T = {k: score.Tally() for k in ("places", "times", "claims", "events")}
    log: list[str] = []
    for line in dev_articles.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["id"] not in golds:
            continue
        doc = Document(id=d["id"], text=d["text"], published=d.get("published"))
        annotate(doc)
        assert doc.check_spans() == []
        score.score_doc(golds[d["id"]], doc.to_dict(), T, log)
    p, r, f = T["claims"].prf()
    stance = T["claims"].extra_ok / T["claims"].extra_n
    assert f >= 0.85, "\n".join(log)
    assert stance >= 0.95


def test_corpus_sample_runs(shared_dir: Path) -> None:
    path = shared_dir / "data/corpus/saudinewsnet_conflict_dev.jsonl"
    if not path.exists():
        pytest.skip("corpus not found")
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines()[:60]:
        d = json.loads(line)
        doc = Document(id=d["id"], text=d["text"])
        annotate(doc)
        assert doc.check_spans() == []
        for c in doc.claims:
            assert c.content.end > c.content.start
            assert c.via is None or any(o.id == c.via for o in doc.claims)
        n += len(doc.claims)
    assert n > 60
