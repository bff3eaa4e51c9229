"""Build a project gold set (articles.jsonl and gold/*.json) from its sources,
checking that every surface string of the gold occurs in its article.

    python3 tests/data/build_goldset.py tests/data/owngold
    python3 tests/data/build_goldset.py tests/data/blindgold

A set folder holds ``articles_src.py`` (``A = {doc_id: (published, text)}``)
and ``gold_src.py`` (``G = {doc_id: gold}``), in the shared gold format.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path



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


def load_sources(folder: Path) -> tuple[dict, dict]:
    import importlib.util

    out = []
    for name, attr in (("articles_src", "A"), ("gold_src", "G")):
        spec = importlib.util.spec_from_file_location(f"{folder.name}_{name}", folder / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        out.append(getattr(mod, attr))
    return out[0], out[1]


def build(folder: Path) -> tuple[str, dict[str, str], list[str]]:
    """The set's files as built from its sources, without writing them:
    (articles.jsonl text, {gold file name: text}, problems)."""
    A, G = load_sources(folder)
    errs: list[str] = []
    lines: list[str] = []
    golds: dict[str, str] = {}
    for doc_id, (published, text) in A.items():
        text = unicodedata.normalize("NFKC", text)
        gold = dict(G[doc_id])
        gold = {"published": published, **gold, "doc": doc_id}
        errs += check(doc_id, text, gold)
        lines.append(json.dumps({"id": doc_id, "published": published, "text": text}, ensure_ascii=False) + "\n")
        golds[f"{doc_id}.json"] = json.dumps(gold, ensure_ascii=False, indent=1)
    return "".join(lines), golds, errs


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    HERE = Path(argv[1]).resolve()
    articles, golds, errs = build(HERE)
    (HERE / "gold").mkdir(exist_ok=True)
    (HERE / "articles.jsonl").write_text(articles, encoding="utf-8")
    for name, text in golds.items():
        (HERE / "gold" / name).write_text(text, encoding="utf-8")
    for e in errs:
        print(e)
    print(f"{len(golds)} articles, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
