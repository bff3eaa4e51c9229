"""Fuzz cases for the ingest boundary and the whole pipeline (issue 20).

One generator, two drivers: ``tests/test_fuzz.py`` (hypothesis, bounded, in
CI) and ``scripts/fuzz.py`` (100,000 cases outside CI, a time budget per case).
A case is built from a ``random.Random`` only, so hypothesis can drive and
shrink it (``st.randoms()``) and the script can replay case ``i`` of seed ``s``.

A case is an article record (``text``, ``id``, ``published``, ``title``,
``url``, ``outlet``) whose fields are of random types, and whose text mixes
real sentences of the in-repo gold articles (self-written, ``owngold`` and
``tunegold``) with control and format characters, lone surrogates, harakat,
presentation forms that NFKC expands, huge numbers, odd whitespace and long
repeats. It goes in either straight through ``make_document`` or as bytes of a
JSONL file through ``iter_documents`` (invalid UTF-8, broken JSON, deep
nesting, non-object records).

:func:`run_case` returns the problems found: an exception other than an
``InputError`` (escaped), a stage in ``doc.meta["failed_stages"]``, a span whose
text is not ``doc.text[start:end]``, a document that does not survive JSON.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_SETS = ("owngold", "tunegold")  # never blindgold: it is kept unseen

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _load_sentences() -> list[str]:
    out: list[str] = []
    for name in _SETS:
        path = ROOT / "tests" / "data" / name / "articles.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            out += [s.strip() for s in re.split(r"(?<=[.؟!])\s+|\n", text) if len(s.strip()) > 10]
    return out or ["..."]


SENTENCES = _load_sentences()
WORDS = sorted({w for s in SENTENCES for w in s.split()})

CONTROL = [chr(c) for c in range(32) if c not in (9, 10, 13)] + ["\x7f", "\x85", "\x9f"]
FORMAT = [chr(c) for c in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0x00AD, 0xFEFF, 0x2060, 0x180E)]
FORMAT += [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]
MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640", "\u0654", "\u0655", "\u0300"]
SPACES = ["\t", "\n", "\r\n", "\r", "\u00a0", "\u2028", "\u2029", "\u3000", "\u2009", "\u000b", "\u000c", "  "]
PUNCT = list("،؛؟.!«»()[]{}\"'-–—…/:*#@%<>&|\\") + ["..", "؟!", "ـــ"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
ASTRAL = ["\U0001F600", "\U0001D400", "\U00010000", "\U0010FFFF", "\U0001F1F8\U0001F1E6"]
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"


def _presentation(rng: random.Random) -> str:
    """Arabic presentation forms and ligatures: NFKC changes their length."""
    return rng.choice(["\ufdfa", "\ufdfb", "\ufdf2", "\ufefb", "\ufef5"]
                      + [chr(rng.randint(0xFB50, 0xFDFF)), chr(rng.randint(0xFE70, 0xFEFC))])


def _number(rng: random.Random) -> str:
    k = rng.choice([1, 2, 3, 4, 8, 20, 60, 400])
    s = "".join(rng.choice(DIGITS) for _ in range(k))
    return rng.choice([s, s + "." + s, "-" + s, s + "%", s + "," + s, "1e309", "١٫٥", "٣٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠"])


def _word(rng: random.Random) -> str:
    return rng.choice(WORDS)


def _inside(rng: random.Random, word: str, chars: list[str]) -> str:
    if len(word) < 2:
        return word + rng.choice(chars)
    i = rng.randint(1, len(word) - 1)
    return word[:i] + rng.choice(chars) + word[i:]


def _piece(rng: random.Random, surrogates: bool) -> str:
    r = rng.random()
    if r < 0.30:
        return rng.choice(SENTENCES)
    if r < 0.45:
        return " ".join(_word(rng) for _ in range(rng.randint(1, 12)))
    if r < 0.52:
        return _inside(rng, _word(rng), FORMAT + MARKS)
    if r < 0.57:
        return rng.choice(CONTROL)
    if r < 0.62:
        return rng.choice(FORMAT)
    if r < 0.66:
        return rng.choice(MARKS) * rng.randint(1, 5)
    if r < 0.70:
        return rng.choice(SPACES)
    if r < 0.74:
        return rng.choice(PUNCT) * rng.randint(1, 4)
    if r < 0.78:
        return _number(rng)
    if r < 0.81:
        return _presentation(rng)
    if r < 0.84:
        return rng.choice(ASTRAL)
    if r < 0.87:
        return "".join(chr(rng.randint(32, 126)) for _ in range(rng.randint(1, 30)))
    if r < 0.90:
        return "".join(chr(rng.randint(0x0600, 0x06FF)) for _ in range(rng.randint(1, 30)))
    if r < 0.93:
        return chr(rng.randint(0x80, 0xFFFF)).replace("\ud800", "")  # any BMP char (no surrogate)
    if r < 0.96 and surrogates:
        return rng.choice(SURROGATES)
    if r < 0.98:  # a repeat: one word, a punctuation mark, a line break or a sentence
        if rng.random() < 0.75:
            return rng.choice([_word(rng) + " ", rng.choice(PUNCT), "\n"]) * rng.randint(10, 300)
        return (rng.choice(SENTENCES) + " ") * rng.randint(2, 12)
    return rng.choice(SENTENCES)[: rng.randint(0, 40)]  # a truncated sentence


def gen_text(rng: random.Random, surrogates: bool = True) -> str:
    """A text of a few pieces; one in a hundred is long (about 100 pieces)."""
    n = rng.choice([1, 2, 3, 5, 8, 13, 21]) if rng.random() >= 0.01 else rng.randint(80, 120)
    sep = rng.choice([" ", " ", "\n", "", ". "])
    text = sep.join(_piece(rng, surrogates) for _ in range(n))
    return _SURROGATE.sub("", text) if not surrogates else text


def _odd_value(rng: random.Random, text: str) -> Any:
    return rng.choice([
        None, "", " ", text[:40], 17, -1, 10 ** 50, 3.5, float("nan"), float("inf"), True, False,
        [1, 2], ["a"], {"a": 1}, {}, [], "\ud800x", "\x00", "a" * 5000, "٢٠١٥", "𝟘",
    ])


DATES = [
    "2015-08-01", "2015-8-1", "2015-02-30", "2015-13-01", "0001-01-01", "0000-00-00", "9999-12-31",
    "1899-12-31", "1900-01-01", "2999-01-01", "2015-08-01T25:61:00Z", "2015-08-01T10:00:00+03:00",
    "٢٠١٥-٠٨-٠١", "1436-10-16", "-2015-01-01", "20150801", "Aug 1, 2015", "yesterday", "2015-08-01\x00",
    "99999999-01-01", "2015-08-01" * 100, "\ud800", "",
]


def gen_record(rng: random.Random, surrogates: bool = True) -> dict[str, Any]:
    text = gen_text(rng, surrogates)
    rec: dict[str, Any] = {"text": text}
    if rng.random() < 0.08:
        rec["text"] = _odd_value(rng, text)
    for key in ("id", "published", "title", "url", "outlet"):
        r = rng.random()
        if r < 0.35:
            continue
        if key == "published" and r < 0.85:
            rec[key] = rng.choice(DATES) if rng.random() < 0.8 else 20150801 + rng.randint(-10 ** 6, 10 ** 6)
        elif r < 0.75:
            rec[key] = gen_text(rng, surrogates)[:200] if key != "id" else f"doc{rng.randint(0, 10 ** 6)}"
        else:
            rec[key] = _odd_value(rng, text)
    if not surrogates:
        rec = {k: (_SURROGATE.sub("", v) if isinstance(v, str) else v) for k, v in rec.items()}
    return rec


def _line(rng: random.Random, rec: Any) -> bytes:
    """One JSONL line for ``rec``, sometimes damaged."""
    r = rng.random()
    if r < 0.04:
        return b"[" * rng.choice([10, 1000, 100_000])
    if r < 0.07:
        return rng.choice([b"[1, 2]", b"42", b"null", b'"text"', b"{}", b'{"text": ' + b"9" * 5000 + b"}"])
    try:
        s = json.dumps(rec, ensure_ascii=rng.random() < 0.5)
        data = s.encode("utf-8", "surrogatepass")  # a lone surrogate becomes invalid UTF-8
    except (ValueError, TypeError):
        data = b'{"text": "x"}'
    if r < 0.12 and data:
        i = rng.randrange(len(data))
        data = data[:i] + bytes([rng.choice([0x80, 0xC3, 0xFF, 0xFE, 0x00, 0xD8])]) + data[i:]
    elif r < 0.15:
        data = data[: rng.randrange(len(data) + 1)]
    return data


@dataclass
class Case:
    mode: str  # "direct" (make_document) or "jsonl" (iter_documents over a file)
    records: list[Any]
    lines: list[bytes] = field(default_factory=list)
    surrogates: bool = True

    def describe(self) -> dict[str, Any]:
        def safe(x: Any) -> Any:
            return json.loads(json.dumps(x, ensure_ascii=True, default=repr)) if not isinstance(x, float) else repr(x)
        out: dict[str, Any] = {"mode": self.mode}
        if self.mode == "direct":
            out["records"] = [{k: (v.encode("utf-8", "surrogatepass").decode("utf-8", "backslashreplace")
                                   if isinstance(v, str) else repr(v)) for k, v in r.items()} for r in self.records]
        else:
            out["lines"] = [ln[:2000].decode("latin-1") for ln in self.lines]
        return safe(out)


def gen_case(rng: random.Random, surrogates: bool | None = None) -> Case:
    """A random case; ``surrogates=False`` makes inputs without lone surrogates."""
    if surrogates is None:
        surrogates = rng.random() < 0.2
    if rng.random() < 0.5:
        return Case("direct", [gen_record(rng, surrogates)], surrogates=surrogates)
    recs = [gen_record(rng, surrogates) for _ in range(rng.randint(1, 3))]
    lines = [_line(rng, r) for r in recs]
    if rng.random() < 0.1:
        lines.insert(0, b"\xef\xbb\xbf")
    return Case("jsonl", recs, lines, surrogates)


@dataclass
class Result:
    documents: int = 0
    input_errors: int = 0
    escaped: list[str] = field(default_factory=list)
    failed_stages: list[str] = field(default_factory=list)
    span_violations: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return self.escaped + self.failed_stages + self.span_violations + self.other


def check_document(doc, res: Result) -> None:
    from rasid.model.document import Document

    res.documents += 1
    for stage in doc.meta.get("failed_stages") or []:
        why = next((w for w in doc.warnings if w.startswith(stage + ":")), "")
        res.failed_stages.append(f"{stage}: {why}"[:300])
    res.span_violations += doc.check_spans()[:5]
    if _SURROGATE.search(doc.text):
        res.other.append("lone surrogate left in the text")
    try:
        back = Document.from_json(doc.to_json())
        if back.to_dict() != doc.to_dict():
            res.other.append("JSON round trip changes the document")
    except Exception as exc:  # noqa: BLE001
        res.other.append(f"JSON round trip: {type(exc).__name__}: {exc}"[:300])


def run_case(case: Case, pipeline) -> Result:
    """Run ``case`` through the boundary and ``pipeline``; never raises
    (except a BaseException such as a per-case time-out)."""
    from rasid.errors import InputError
    from rasid.ingest import iter_documents, make_document

    res = Result()
    try:
        if case.mode == "direct":
            rec = case.records[0]
            try:
                doc = make_document(rec.get("text"), **{k: v for k, v in rec.items() if k != "text"})
            except InputError:
                res.input_errors += 1
                return res
            check_document(pipeline(doc), res)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "case.jsonl"
                path.write_bytes(b"\n".join(case.lines) + b"\n")
                for item in iter_documents([path]):
                    if isinstance(item, InputError):
                        res.input_errors += 1
                    else:
                        check_document(pipeline(item), res)
    except Exception as exc:  # noqa: BLE001 - that is what we count
        res.escaped.append(f"{type(exc).__name__}: {exc}"[:300])
    return res
