"""Every SQL statement of Rasid lives in ``rasid.store`` (issue 16 item 2).

A string literal (plain or a piece of an f-string; docstrings included) in a
module under ``src/rasid`` outside ``store/`` that reads like an SQL statement
fails: the code belongs in a named function of :mod:`rasid.store`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src" / "rasid"

#: statement shapes (upper-case keywords, as the store writes them)
SQL = re.compile(
    r"\b(SELECT\s[\s\S]*?\bFROM\b|INSERT\s+(OR\s+[A-Z]+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b"
    r"|CREATE\s+(TEMP\s+|UNIQUE\s+|VIRTUAL\s+)?(TABLE|INDEX|VIEW|TRIGGER)\b|ALTER\s+TABLE\b|DROP\s+(TABLE|INDEX)\b"
    r"|PRAGMA\s+\w+|BEGIN\s+(IMMEDIATE|EXCLUSIVE|DEFERRED)\b)"
)


def sql_literals(path: Path) -> list[str]:
    """``file:line: text`` of each SQL-looking string literal of a module."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
            out.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}: {node.value[:70]!r}")
    return out


def test_the_pattern_sees_sql():
    src = 'q = f"SELECT id FROM {t} WHERE x=?"\nconn.execute("INSERT OR REPLACE INTO t(a) VALUES (?)")\n'
    assert len(_scan_text(src)) == 2
    assert not SQL.search("select the events from the store")  # prose is not SQL


def _scan_text(src: str) -> list[str]:
    return [n.value for n in ast.walk(ast.parse(src))
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and SQL.search(n.value)]


def test_no_sql_outside_the_store():
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if path.relative_to(ROOT).parts[0] == "store":
            continue
        found += sql_literals(path)
    assert not found, "SQL outside rasid.store (move it into a named store function):\n" + "\n".join(found)
