"""Over the 392-article shared corpus: no date is produced from a count.

A time expression is suspect when a number inside it has a counted noun right
after it that is no time word ("2500 جندي", "19 عنصراً"), or when it is a
definite number ("الـ10"). Run as a script to list what it finds:

    PYTHONPATH=src python tests/times/test_times_corpus_counts.py ../shared
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from rasid.model.document import nfkc
from rasid.text.normalize import fold_key
from rasid.text.numbers import find_numbers
from rasid.times import find_times
from rasid.times import lexicon as lx

CORPUS = "data/corpus/saudinewsnet_conflict_dev.jsonl"
PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل")


def _time_word(w: str) -> bool:
    k = fold_key(w)
    cands = {k} | {k[len(p):] for p in PREFIXES if k.startswith(p)}
    known = set(lx.units()) | set(lx.months()) | set(lx.weekdays()) | set(lx.ordinals()) | set(lx.parts())
    for role in ("past", "next", "current", "day", "daypart", "year", "month"):
        known |= set(lx.role(role))
    known |= {"م", "ه"}
    return bool(cands & known) or any(c.startswith(("عام", "سنه")) for c in cands)


def suspects(text: str, published: str | None) -> list[tuple[str, str]]:
    """(time surface, number phrase) pairs where a time was read from a count.

    A number inside a time expression is a count when a noun that is no time
    word follows it and no time word (month, عام, weekday ...) comes right
    before it inside the expression: "في 2015 غارة" is suspect, "عام 2015
    تفجير" and "20 أغسطس" are not.
    """
    nums = find_numbers(text)
    out = []
    for t in find_times(text, published):
        for n in nums:
            if n.end <= t.start or t.end <= n.start:
                continue
            if n.unit is None or _time_word(n.unit):
                continue
            before = re.findall(r"[^\W\d_]+", text[t.start:n.start])
            if any(_time_word(w) for w in before[-2:]):
                continue
            out.append((t.text, f"{n.text} {n.unit}"))
    return out


def scan(shared: Path) -> tuple[int, int, list[tuple[str, str, str]]]:
    docs = times = 0
    found = []
    with open(shared / CORPUS, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            text = nfkc(d["text"])
            docs += 1
            times += len(find_times(text, d.get("published")))
            found += [(d["id"], a, b) for a, b in suspects(text, d.get("published"))]
    return docs, times, found


@pytest.mark.shared
@pytest.mark.slow
def test_no_date_from_a_count(shared_dir: Path) -> None:
    if not (shared_dir / CORPUS).exists():
        pytest.skip(f"{CORPUS} not found")
    docs, times, found = scan(shared_dir)
    assert docs == 392
    assert times > 1000
    assert found == []


def test_suspects() -> None:
    assert suspects("تمركز نحو 2500 جندي في القاعدة عام 2015 تقريبا.", "2023-08-25") == []
    assert suspects("في 20 أغسطس قتل 19 عنصراً خلال الـ24 ساعة الماضية.", "2023-08-25") == []


if __name__ == "__main__":
    docs, times, found = scan(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
    print(f"{docs} articles, {times} time expressions, {len(found)} read from counts")
    for row in found:
        print(*row, sep="\t")
