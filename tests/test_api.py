"""The public surface: about a dozen names, each callable after any submodule import; no import
cycles; library messages that name parameters, never the command line's flags."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import tempfile
from pathlib import Path

from conftest import RESOURCES

import gcsf_graph

PACKAGE = Path(gcsf_graph.__file__).parent
MODULES = sorted(m.name for m in pkgutil.walk_packages([str(PACKAGE)], "gcsf_graph.")
                 if not m.name.endswith("__main__"))  # importing __main__ runs the command


def test_every_exported_name_works_after_importing_every_submodule():
    for name in MODULES:
        importlib.import_module(name)
    kg = gcsf_graph.load()
    out = Path(tempfile.mkdtemp())
    calls = {
        "load": lambda: len(gcsf_graph.load()) > 1000,
        "query": lambda: gcsf_graph.query(kg, "ASK { person:xi-jinping a gcsf:Person }") is True,
        "search": lambda: gcsf_graph.search(kg, "xi")[0].label == "Xi Jinping",
        "describe": lambda: gcsf_graph.describe(kg, "Xi Jinping").label == "Xi Jinping",
        "validate": lambda: not gcsf_graph.validate(gcsf_graph.load(RESOURCES / "broken.ttl")).conforms,
        "summary": lambda: gcsf_graph.summary(kg).claims > 500,
        "to_networkx": lambda: gcsf_graph.to_networkx(kg).number_of_nodes() > 200,
        "network_report": lambda: gcsf_graph.network_report(kg, top=1).degree[0][0] == "China",
        "connecting_paths": lambda: len(gcsf_graph.connecting_paths(kg, "Azerbaijan", "BRI")) > 0,
        "write_export": lambda: gcsf_graph.write_export(kg, out / "g.nt").stat().st_size > 0,
        "write_view": lambda: gcsf_graph.write_view(kg, out / "g.html", view="timeline").stat().st_size > 0,
        "build_store": lambda: gcsf_graph.build_store(out / "s", [gcsf_graph.graph.bundled_paths()["data"]],
                                                      progress=False).is_dir(),
        "KnowledgeGraph": lambda: isinstance(kg, gcsf_graph.KnowledgeGraph),
        "GcsfError": lambda: issubclass(gcsf_graph.GcsfError, Exception),
        "__version__": lambda: isinstance(gcsf_graph.__version__, str),
    }
    assert set(calls) == set(gcsf_graph.__all__)
    for name, call in calls.items():
        assert callable(getattr(gcsf_graph, name)) or name == "__version__", name
        assert call(), name
    assert 10 <= len(gcsf_graph.__all__) <= 16


def test_no_module_shares_a_name_with_an_exported_function():
    modules = {m.rsplit(".", 1)[-1] for m in MODULES}
    assert not modules & set(gcsf_graph.__all__)


def _imports(path: Path, module: str) -> set[str]:
    """The gcsf_graph modules a module imports at import time (not inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = f"{base}.{node.module}" if node.module else base
            found.add(target)
            found |= {f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gcsf_graph"):
            found.add(node.module or "")
    return {f for f in found if f in MODULES or f == "gcsf_graph"}


def test_the_import_graph_has_no_cycle():
    graph = {}
    for name in MODULES:
        module = importlib.import_module(name)
        graph[name] = _imports(Path(module.__file__ or ""), name) - {name}
    visiting, done = set(), set()

    def visit(node: str, trail: list[str]) -> None:
        assert node not in visiting, " -> ".join([*trail, node])
        if node in done:
            return
        visiting.add(node)
        for child in graph.get(node, ()):
            if child != "gcsf_graph":
                visit(child, [*trail, node])
        visiting.discard(node)
        done.add(node)

    for name in graph:
        visit(name, [])


def test_library_messages_name_no_command_line_flag():
    flag = re.compile(r"""["'][^"'\n]*\s--[a-z][a-z-]+""")
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("cli.py", "__main__.py"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "raise " in line or "Error(" in line or line.strip().startswith(('f"', '"')):
                assert not flag.search(line), f"{path.name}:{number}: {line.strip()}"


def test_every_public_function_has_a_docstring_example():
    for name in gcsf_graph.__all__:
        value = getattr(gcsf_graph, name)
        if callable(value) and not isinstance(value, type) and name != "GcsfError":
            assert ">>>" in (value.__doc__ or ""), name
