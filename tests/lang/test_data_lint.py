"""Issue 16 item 1: language knowledge is data, read by one loader, linted here.

- every shipped word list / table (``src/rasid/**/data/*.txt|*.tsv``) is UTF-8,
  NFKC, has no repeated line and is referenced by the code; keys that collide
  only after folding are caught by the loader when the file is read with a
  ``fold`` (:mod:`rasid.lang`), and every stage's files are read by the
  pipeline test below;
- no Arabic word list is left in code: string literals with Arabic letters
  outside docstrings are counted per module (``_PENDING`` lists the modules
  still being moved to data, with their current count, which may only fall).
"""

from __future__ import annotations

import io
import re
import tokenize
import unicodedata
from pathlib import Path

import pytest

from rasid import lang
from rasid.errors import ModelDataError

SRC = Path(__file__).resolve().parents[2] / "src" / "rasid"
DATA_FILES = sorted(p for p in SRC.rglob("*") if p.suffix in (".txt", ".tsv") and "data" in p.parts)
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")

# Module -> Arabic string literals it still holds (outside docstrings). Moving a
# list to data lowers the count; a module must not gain any. Empty = done.
_PENDING: dict[str, int] = {}
# Literals that are not word lists (e.g. a single punctuation mark, a format).
_ALLOWED: dict[str, int] = {
    "actors/people.py": 2,  # the Arabic comma and semicolon among punctuation ("،,", "،,.;:؛\n")
    # COMMA "،", SEMICOLON "؛", QUESTION_MARK "؟": single punctuation marks, named
    # once for every module (text/sentences.py, events/*.py build on them)
    "lang/ar/__init__.py": 3,
    "claims/tokens.py": 2,  # ARABIC_COMMA "،" and ARABIC_SEMICOLON "؛": punctuation, not words
    "cli/__init__.py": 1,  # the project's Arabic name in --help ("Rasid (راصد)")
    "cli/demo.py": 1,  # the Arabic comma that joins the demo's top lists ("، ")
}


def _rel(p: Path) -> str:
    return p.relative_to(SRC).as_posix()


@pytest.mark.parametrize("path", DATA_FILES, ids=_rel)
def test_data_file_is_clean(path: Path) -> None:
    raw = path.read_bytes().decode("utf-8")
    seen: dict[tuple[str, ...], int] = {}
    for n, ln in enumerate(raw.splitlines(), 1):
        assert unicodedata.normalize("NFKC", ln) == ln, f"{_rel(path)}:{n}: not NFKC"
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        assert not ln.rstrip("\t").endswith((" ", "\u00a0")), f"{_rel(path)}:{n}: trailing space"
        key = tuple(c.strip() for c in ln.rstrip("\t").split("\t"))
        assert key not in seen, f"{_rel(path)}:{n}: duplicate of line {seen[key]}"
        seen[key] = n


def test_every_data_file_is_referenced() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    unused = [_rel(p) for p in DATA_FILES if p.name not in code]
    assert not unused, f"data files no code reads: {unused}"


def _arabic_literals(path: Path) -> int:
    """String literals with Arabic letters that are not docstrings.

    A docstring-like string is one that starts a statement outside any bracket;
    a string at the start of a continuation line inside brackets is a literal.
    """
    count, prev, depth = 0, tokenize.NEWLINE, 0
    toks = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for tok in toks:
        if tok.type == tokenize.OP:
            depth += tok.string in "([{"
            depth -= tok.string in ")]}"
        if tok.type == tokenize.STRING and ARABIC.search(tok.string):
            starts_statement = depth == 0 and prev in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                                                       tokenize.NL)
            if not starts_statement:
                count += 1
        if tok.type != tokenize.COMMENT:
            prev = tok.type
    return count


def test_no_arabic_word_lists_in_code() -> None:
    found = {_rel(p): n for p in sorted(SRC.rglob("*.py")) if (n := _arabic_literals(p))}
    over = {m: (n, _PENDING.get(m, 0) + _ALLOWED.get(m, 0)) for m, n in found.items()
            if n > _PENDING.get(m, 0) + _ALLOWED.get(m, 0)}
    assert not over, f"Arabic literals in code (found, allowed): {over}; move them to a data file"
    done = [m for m in _PENDING if found.get(m, 0) < _PENDING[m]]
    assert not done, f"lower _PENDING for {done} to {[found.get(m, 0) for m in done]}"


def test_loader_names_file_and_line(tmp_path, monkeypatch) -> None:
    bad = SRC / "lang" / "ar" / "data" / "negators.txt"
    assert bad.exists()
    with pytest.raises(ModelDataError, match=r"nope\.txt: data file missing"):
        lang.lines("lang/ar/data/nope.txt")


def test_loader_rejects_duplicates_after_folding() -> None:
    from rasid.text import fold

    assert "لم" in lang.words("lang/ar/data/negators.txt", fold=fold)
    with pytest.raises(ModelDataError, match=r"proclitics.tsv:\d+: \d+ columns"):
        lang.rows("text/data/proclitics.tsv", 1)
