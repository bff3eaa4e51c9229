"""Language data: one cached loader for every word list and table Rasid ships.

Word classes and tables are data files, never lists in code (issue 16).
Shared Arabic classes live in ``rasid/lang/ar/data``; a stage's own lists stay
in its ``data/`` folder. Every file is read through this module, so each one is
checked the same way (NFKC text, column count, duplicate keys after folding)
and a broken file raises :class:`~rasid.errors.ModelDataError` naming
``file:line``.

Paths are relative to the ``rasid`` package: ``"lang/ar/data/negators.txt"``,
``"events/data/triggers.tsv"``. File format: UTF-8, one entry per line, ``#``
starts a comment line, blank lines are skipped, TSV columns separated by tabs.
Nested lists (a stage's cue lexicon) are YAML, read with :func:`tree`.

    >>> from rasid.text import fold
    >>> "لم" in words("lang/ar/data/negators.txt", fold=fold)
    True

The loader imports nothing of Rasid but its errors, so every package (``text``
included) may use it; callers pass the folding function they match with.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

from rasid.errors import ModelDataError

Fold = Callable[[str], str]

#: Every data file read through this module since start-up (the lint test
#: checks that every shipped data file is referenced somewhere).
LOADED: set[str] = set()


def _identity(s: str) -> str:
    return s


@lru_cache(maxsize=None)
def lines(path: str) -> tuple[tuple[int, str], ...]:
    """``(line number, line)`` of the file's entries (comments and blank lines skipped)."""
    try:
        raw = resources.files("rasid").joinpath(path).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError) as e:
        raise ModelDataError(f"{path}: data file missing") from e
    except UnicodeDecodeError as e:
        raise ModelDataError(f"{path}: not UTF-8 ({e.reason} at byte {e.start})") from e
    LOADED.add(path)
    out = []
    for n, ln in enumerate(raw.splitlines(), 1):
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        if unicodedata.normalize("NFKC", ln) != ln:
            raise ModelDataError(f"{path}:{n}: not NFKC-normalised")
        out.append((n, ln.rstrip("\r")))
    return tuple(out)


@lru_cache(maxsize=None)
def words(path: str, fold: Fold | None = None, allow_duplicates: bool = False) -> frozenset[str]:
    """The file's entries (one per line, stripped), folded with ``fold``.

    Two lines that fold to the same entry are an error unless ``allow_duplicates``.
    """
    f = fold or _identity
    seen: dict[str, int] = {}
    for n, ln in lines(path):
        w = f(ln.strip())
        if not w:
            raise ModelDataError(f"{path}:{n}: empty after folding")
        if w in seen and not allow_duplicates:
            raise ModelDataError(f"{path}:{n}: duplicate of line {seen[w]} after folding")
        seen.setdefault(w, n)
    return frozenset(seen)


@lru_cache(maxsize=None)
def rows(path: str, ncols: int, fold: Fold | None = None, fold_cols: tuple[int, ...] = (0,),
         min_cols: int | None = None, unique_key: bool = True) -> tuple[tuple[str, ...], ...]:
    """The file's TSV rows, each padded to ``ncols`` columns with ``""``.

    A row needs at least ``min_cols`` columns (default ``ncols``) and at most
    ``ncols``. Columns in ``fold_cols`` are folded with ``fold``; with
    ``unique_key`` two rows with the same folded first column are an error.
    """
    f = fold or _identity
    need = ncols if min_cols is None else min_cols
    seen: dict[str, int] = {}
    out = []
    for n, ln in lines(path):
        cells = [c.strip() for c in ln.split("\t")]
        if not need <= len(cells) <= ncols:
            raise ModelDataError(f"{path}:{n}: {len(cells)} columns, expected "
                                 f"{need if need == ncols else f'{need}..{ncols}'}")
        cells += [""] * (ncols - len(cells))
        for i in fold_cols:
            cells[i] = f(cells[i])
        if unique_key:
            if cells[0] in seen:
                raise ModelDataError(f"{path}:{n}: duplicate key {cells[0]!r} (line {seen[cells[0]]})")
            seen[cells[0]] = n
        out.append(tuple(cells))
    return tuple(out)


def mapping(path: str, fold: Fold | None = None, value_col: int = 1, ncols: int = 2) -> dict[str, str]:
    """A two-column (or wider) TSV as ``{folded key: value}``."""
    return {r[0]: r[value_col] for r in rows(path, ncols, fold=fold, min_cols=value_col + 1)}


@lru_cache(maxsize=None)
def tree(path: str) -> Any:
    """A YAML file of nested word lists, parsed (checked as :func:`lines` checks).

    The result is shared between callers (cached): read it, never change it.
    """
    import yaml

    lines(path)  # UTF-8, NFKC, recorded in LOADED
    raw = resources.files("rasid").joinpath(path).read_text(encoding="utf-8")
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise ModelDataError(f"{path}{where}: {getattr(e, 'problem', None) or e}") from e


def clear_cache() -> None:
    """Forget every loaded file (tests that edit data files)."""
    lines.cache_clear()
    words.cache_clear()
    rows.cache_clear()
    tree.cache_clear()
