"""The README runs: every Python block is a doctest, every shell line is run.

Shell blocks (```sh) are run line by line (comments after ``#`` dropped) and must succeed.
Console blocks (```console) hold ``$ gcsf ...`` lines, each followed by the output it prints
(its messages on stderr before or after its stdout; ``...`` stands for any lines or text). A block
preceded by a ``<!-- readme-test: skip ... -->`` line is not run: it says why (commands that set
the project up, such as ``make``, which the test suite itself runs inside).
"""

from __future__ import annotations

import doctest
import re
import shlex

import pytest
from conftest import ROOT, run_in_process

from gcsf_graph.cli import commands

README = (ROOT / "README.md").read_text(encoding="utf-8")
_BLOCK = re.compile(r"(?P<marker><!-- readme-test: skip[^>]*-->\n)?```(?P<lang>\w*)\n(?P<body>.*?)```", re.DOTALL)


def blocks(lang: str) -> list[str]:
    return [m["body"] for m in _BLOCK.finditer(README) if m["lang"] == lang and not m["marker"]]


def shell_lines() -> list[str]:
    lines = []
    for body in blocks("sh"):
        for line in body.splitlines():
            command = line.split("  #", 1)[0].strip()
            if command:
                lines.append(command)
    return lines


def console_commands() -> list[tuple[str, str]]:
    out = []
    for body in blocks("console"):
        for part in re.split(r"^\$ ", body, flags=re.MULTILINE)[1:]:
            command, _, expected = part.partition("\n")
            out.append((command, expected))
    return out


def run(command: str):
    args = shlex.split(command)
    assert args[0] == "gcsf", command
    return run_in_process(*args[1:], cwd=ROOT)


def test_every_block_is_run_or_says_why_not():
    for m in _BLOCK.finditer(README):
        assert m["lang"] in {"sh", "console", "python", "turtle", "yaml", "text"}, m["lang"]
    assert len(shell_lines()) >= 5 and len(console_commands()) >= 10


def test_every_data_block_parses():
    import rdflib
    import yaml

    from gcsf_graph.namespaces import PREFIXES

    for body in blocks("yaml"):
        assert yaml.safe_load(body), body[:60]
    declared = "".join(f"@prefix {p}: <{n}> .\n" for p, n in PREFIXES.items())
    for body in blocks("turtle"):
        assert len(rdflib.Graph().parse(data=declared + body, format="turtle")) > 0, body[:60]


@pytest.mark.slow  # the reasoner: the README validates the whole graph (SHACL with RDFS inference)
def test_every_python_block_is_a_doctest():
    for body in blocks("python"):
        assert body.lstrip().startswith(">>> "), body[:60]
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 10
    assert result.failed == 0


def test_every_python_block_runs_but_the_whole_graph_validation():
    # the quick part of the test above: the README's doctest less its one reasoner line, which
    # the slow test runs (validation itself is tested on small graphs in test_ontology, test_cli)
    for body in blocks("python"):
        assert body.lstrip().startswith(">>> "), body[:60]
    test = doctest.DocTestParser().get_doctest(README, {"__name__": "__main__"}, "README.md",
                                               str(ROOT / "README.md"), 0)
    reasoner = [e for e in test.examples if "validate(" in e.source]
    assert [e.source.split("#")[0].strip() for e in reasoner] == ["gcsf_graph.validate(kg).conforms"]
    test.examples = [e for e in test.examples if e not in reasoner]
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    result = runner.run(test)
    assert result.attempted >= 10
    assert result.failed == 0


@pytest.mark.parametrize("command", shell_lines())
def test_every_shell_line_runs(command, tmp_path):
    result = run(command.replace(" -o graph.html", f" -o {tmp_path / 'graph.html'}"))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("command", "expected"), console_commands(), ids=[c for c, _ in console_commands()])
def test_every_console_line_prints_what_the_readme_shows(command, expected):
    result = run(command)
    checker = doctest.OutputChecker()
    # a command's messages come before its output (warnings) or after it (a cut at --limit)
    orders = (result.stderr + result.stdout, result.stdout + result.stderr)
    assert any(checker.check_output(expected, got, doctest.ELLIPSIS) for got in orders), (
        f"{command}\n--- shown:\n{expected}--- got:\n{orders[0]}")


def test_the_layout_names_every_module():
    layout = README[README.index("Layout of `src/gcsf_graph/`"):]
    layout = layout[:layout.index("\n- ")]
    package = ROOT / "src" / "gcsf_graph"
    for module in sorted(package.rglob("*.py")):
        if module.name in {"__main__.py"} or (module.name == "__init__.py" and module.parent != package):
            continue
        assert f"`{module.name}`" in layout, module.relative_to(package)
    for folder in sorted(p for p in package.iterdir() if (p / "__init__.py").is_file()):
        assert f"`{folder.name}/`" in layout, folder.name


def test_readme_documents_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in commands():
        assert f"`gcsf {name}" in readme, name
