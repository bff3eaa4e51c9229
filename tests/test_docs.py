"""README.md documents every command and setting, and its set-up commands."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from rasid import settings
from rasid.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def readme() -> str:
    return README.read_text(encoding="utf-8")


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_every_command_documented() -> None:
    text = readme()
    names = command_names()
    assert {"analyze", "ingest", "search", "demo"} <= set(names)
    missing = [n for n in names if not re.search(rf"^### {re.escape(n)}\b", text, re.M)]
    assert not missing, f"README.md lacks a '### <command>' section for: {missing}"
    for n in names:
        assert f"rasid {n}" in text, f"README.md has no usage example for `rasid {n}`"


def test_every_setting_documented() -> None:
    text = readme()
    missing = [s.name for s in settings.SETTINGS if f"`{s.name}`" not in text or f"RASID_{s.name.upper()}" not in text]
    assert not missing, f"README.md settings table lacks: {missing}"


def test_two_setup_commands() -> None:
    text = readme()
    setup = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = [ln.strip() for ln in setup.splitlines() if ln.startswith("    ")]
    assert len(commands) == 2, commands
    install, tests = commands
    assert install.startswith("python3 -m venv .venv") and "rasid demo --no-serve" in install
    assert "pip install" in install and "[test]" in install
    assert tests == ".venv/bin/python -m pytest -q"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    assert "python3 -m venv" in ci
    assert ".venv/bin/python -m pytest -q" in ci
