"""Build articles.jsonl and gold/*.json for the blind-gold set, checking every surface string.

    python3 tests/data/blindgold/build.py
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from articles_src import A  # noqa: E402
from gold_src import G  # noqa: E402


def check(doc_id: str, text: str, gold: dict) -> list[str]:
    errs = []
    ens = {p["en"] for p in gold["places"]}
    for p in gold["places"]:
        if p["ar"] not in text:
            errs.append(f"{doc_id}: place ar not in text: {p['ar']}")
    for t in gold["times"]:
        if t["text"] not in text:
            errs.append(f"{doc_id}: time not in text: {t['text']}")
    for c in gold["claims"]:
        for f in ("source", "cue", "key"):
            if c[f] not in text:
                errs.append(f"{doc_id}: claim {f} not in text: {c[f]}")
    for e in gold["events"]:
        if e["key"] not in text:
            errs.append(f"{doc_id}: event key not in text: {e['key']}")
        if e["place"] and e["place"] not in ens:
            errs.append(f"{doc_id}: event place not in places: {e['place']}")
    for n in gold.get("persons", []):
        if n not in text:
            errs.append(f"{doc_id}: person not in text: {n}")
    return errs


def main() -> int:
    (HERE / "gold").mkdir(exist_ok=True)
    errs = []
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as out:
        for doc_id, (published, text) in A.items():
            text = unicodedata.normalize("NFKC", text)
            gold = dict(G[doc_id])
            gold = {"published": published, **gold, "doc": doc_id}
            errs += check(doc_id, text, gold)
            out.write(json.dumps({"id": doc_id, "published": published, "text": text}, ensure_ascii=False) + "\n")
            (HERE / "gold" / f"{doc_id}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    for e in errs:
        print(e)
    print(f"{len(A)} articles, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
