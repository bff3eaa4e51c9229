"""No import cycle between Rasid's packages (issue 16 item 2).

The graph is built from the source, not by importing it: every ``import`` and
``from ... import`` anywhere in a module (top level and inside functions, where
lazy imports hide cycles) gives an edge from the module's package
(``rasid.<first name>``) to the imported one. A cycle between two packages is a
failure, with the file:line of every import on it.

Dependencies point one way: ``cli -> {pipeline, store, web, export}``,
``web -> {store, export}``, ``export -> store``; the stages and ``crossdoc``
build on ``model``, ``text`` and ``embed``.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = SRC / "rasid"

#: (from package, to package) edges left out of the cycle check, each with its reason.
#: (``crossdoc -> store`` since its SQL moved into ``rasid.store.crossdoc``; ``store``
#: never imports ``crossdoc``: ``rasid.ingest.ingester`` drives both.)
ALLOWED: dict[tuple[str, str], str] = {}

#: Edges that must not exist at all (the layering, not only the absence of cycles).
FORBIDDEN = {
    ("store", "web"), ("store", "export"), ("store", "cli"),
    ("export", "web"), ("export", "cli"), ("web", "cli"),
    ("text", "model"), ("events", "crossdoc"),
}


def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    is_pkg = parts[-1] == "__init__"
    if is_pkg:
        parts = parts[:-1]
    return ".".join(parts), is_pkg


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "rasid"


def _submodules() -> set[str]:
    """Names ``from rasid import X`` may mean as modules (sub-packages and modules of rasid)."""
    return {p.stem for p in ROOT.glob("*.py")} | {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()}


def import_edges() -> dict[tuple[str, str], list[str]]:
    """(package, imported package) -> ["file:line", ...] for every import between two packages."""
    top = _submodules()
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(ROOT.rglob("*.py")):
        module, is_pkg = _module_name(path)
        src = _package(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: from the module's own package upwards
                    base = module.split(".") if is_pkg else module.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    name = ".".join(base + ([node.module] if node.module else []))
                else:
                    name = node.module or ""
                targets = [name]
                if name == "rasid":  # from rasid import crossdoc / __version__
                    targets = [f"rasid.{a.name}" if a.name in top else "rasid" for a in node.names]
            for t in targets:
                if t == "rasid" or t.startswith("rasid."):
                    dst = _package(t)
                    if dst != src and dst != "rasid":
                        edges[(src, dst)].append(f"{path.relative_to(SRC.parent)}:{node.lineno}")
    return edges


def _cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """Strongly connected components of more than one package (Tarjan)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_graph_sees_function_level_imports():
    edges = import_edges()
    # lazy imports inside functions count: cli/_run.py opens the store inside open_store()
    assert any(loc.startswith("src/rasid/cli/_run.py") for loc in edges[("cli", "store")])
    assert ("web", "store") in edges and ("export", "store") in edges


def test_no_import_cycle_between_packages():
    edges = import_edges()
    checked = {e for e in edges if e not in ALLOWED}
    problems = []
    for comp in _cycles(checked):
        inside = sorted((a, b) for a, b in checked if a in comp and b in comp)
        problems.append(" <-> ".join(comp) + ":\n" + "\n".join(
            f"    {a} -> {b}: {', '.join(edges[(a, b)])}" for a, b in inside))
    assert not problems, "import cycles between packages:\n" + "\n".join(problems)


def test_layering():
    edges = import_edges()
    bad = {e: edges[e] for e in FORBIDDEN if e in edges}
    assert not bad, f"imports against the layering: {bad}"


def test_allow_list_is_current():
    """An allowed edge that no longer exists must leave the allow-list."""
    edges = import_edges()
    stale = [e for e in ALLOWED if e not in edges]
    assert not stale, f"allowed edges no longer imported, remove them: {stale}"


def test_store_does_not_import_crossdoc():
    assert ("store", "crossdoc") not in import_edges()
