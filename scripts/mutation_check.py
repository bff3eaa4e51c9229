#!/usr/bin/env python3
"""Which test modules still pass when a stage is dead? (issue 16 item 4)

    PYTHONPATH=src python scripts/mutation_check.py                  # events.extract
    PYTHONPATH=src python scripts/mutation_check.py claims.extract actors.annotate
    PYTHONPATH=src python scripts/mutation_check.py --all --json out.json

For each mutation (``tests/mutations.py``: ``events.extract`` and
``claims.extract`` return ``[]``, the ``actors`` and ``places`` annotators add
nothing) the stage's test folder (``tests/events``, ``tests/claims``, ...) runs
once under pytest with ``RASID_MUTATE`` set; the mutation is applied by the
test tree's conftest, never by the package. A module *survives* when none of
its tests failed or errored: every test passed, skipped or xfailed. Every
module of a stage's folder should die under its mutation: a survivor asserts
only absences (or tests a helper the stage never reaches) and needs a positive
control.

Exit status: 0 when no module survives, 1 when some do, 2 when a run did not
happen (the mutation was not applied, pytest could not start).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
sys.path.insert(0, str(TESTS))

import mutations  # noqa: E402  (tests/mutations.py: the table of mutations)


@dataclass
class ModuleResult:
    module: str  # path relative to the repository root
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list[str] = field(default_factory=list)
    passing: list[str] = field(default_factory=list)  # tests that pass with the stage dead

    @property
    def survives(self) -> bool:
        return self.failed == 0


@dataclass
class Report:
    mutation: str
    folder: str
    modules: list[ModuleResult]
    returncode: int
    seconds: float

    @property
    def survivors(self) -> list[ModuleResult]:
        return [m for m in self.modules if m.survives]


def test_modules(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in folder.glob("test_*.py"))


def _module_of(classname: str, modules: dict[str, str]) -> str | None:
    """``tests.events.test_x`` or ``tests.events.test_x.TestCls`` -> its file."""
    best = None
    for dotted in modules:
        if (classname == dotted or classname.startswith(dotted + ".")) and (best is None or len(dotted) > len(best)):
            best = dotted
    return modules[best] if best else None


def run(mutation: str, folder: str | None = None, marker: str | None = None, quiet: bool = False) -> Report:
    """Run the stage's test folder under ``mutation`` (one pytest process)."""
    import time

    stage_folder = TESTS / (folder or mutations.MUTATIONS[mutation][0])
    mods = test_modules(stage_folder)
    dotted = {m[: -len(".py")].replace("/", "."): m for m in mods}
    results = {m: ModuleResult(m) for m in mods}
    env = dict(os.environ, **{mutations.ENV: mutation})
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src")] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    with tempfile.TemporaryDirectory() as tmp:
        xml_path = Path(tmp) / "junit.xml"
        cmd = [sys.executable, "-m", "pytest", str(stage_folder.relative_to(ROOT)), "-p", "no:cacheprovider",
               "-o", "junit_family=xunit2", f"--junitxml={xml_path}"]
        if marker:
            cmd += ["-m", marker]
        began = time.monotonic()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.monotonic() - began
        header = f"{mutations.ENV}={mutation}: patched"
        if header not in proc.stdout or not xml_path.exists():
            sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
            raise RuntimeError(f"{mutation}: the mutation was not applied or pytest did not run (exit {proc.returncode})")
        for case in ET.parse(xml_path).getroot().iter("testcase"):
            mod = _module_of(case.get("classname", ""), dotted)
            if mod is None:  # a collection error names the file path instead
                name = case.get("classname", "") or case.get("name", "")
                mod = next((m for m in mods if name.replace(".", "/").startswith(m[:-3])), None)
            if mod is None:
                continue
            r = results[mod]
            tags = {child.tag for child in case}
            if tags & {"failure", "error"}:
                r.failed += 1
                r.failures.append(case.get("name", "?"))
            elif "skipped" in tags:
                r.skipped += 1
            else:
                r.passed += 1
                r.passing.append(case.get("name", "?"))
    if not quiet:
        print(f"{mutation}: {len(results)} modules of {stage_folder.relative_to(ROOT)} in {seconds:.0f} s", file=sys.stderr)
    return Report(mutation, str(stage_folder.relative_to(ROOT)), list(results.values()), proc.returncode, seconds)


def format_report(rep: Report, passing: bool = False) -> str:
    lines = [f"== {rep.mutation} over {rep.folder}: {len(rep.survivors)} of {len(rep.modules)} modules still pass"]
    for m in rep.modules:
        state = "SURVIVES" if m.survives else "dies    "
        lines.append(f"  {state} {m.module}: {m.failed} failed, {m.passed} passed, {m.skipped} skipped")
        if passing:
            lines.extend(f"      passes: {name}" for name in m.passing)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mutations", nargs="*", help=f"known: {', '.join(mutations.MUTATIONS)} (default events.extract)")
    ap.add_argument("--all", action="store_true", help="every known mutation")
    ap.add_argument("--folder", help="test folder under tests/ instead of the mutation's own")
    ap.add_argument("-m", dest="marker", help="pytest marker expression (default: every test, slow ones too)")
    ap.add_argument("--passing", action="store_true", help="also list the single tests that still pass")
    ap.add_argument("--json", type=Path, help="write the reports as JSON here")
    args = ap.parse_args(argv)
    names = list(mutations.MUTATIONS) if args.all else (args.mutations or ["events.extract"])
    unknown = [n for n in names if n not in mutations.MUTATIONS]
    if unknown:
        ap.error(f"unknown mutation(s): {', '.join(unknown)}")
    reports = []
    try:
        for name in names:
            rep = run(name, args.folder, args.marker)
            reports.append(rep)
            print(format_report(rep, args.passing), flush=True)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        args.json.write_text(json.dumps(
            [{"mutation": r.mutation, "folder": r.folder, "seconds": round(r.seconds, 1),
              "survivors": [m.module for m in r.survivors], "modules": [asdict(m) for m in r.modules]} for r in reports],
            ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if any(r.survivors for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
