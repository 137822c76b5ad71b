"""Shared fixtures: the real bundled graph, the corpus of articles, and the real CLI."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gcsf_graph import KnowledgeGraph, load

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = Path(__file__).resolve().parent / "resources"


def seeds_dir() -> Path:
    """The corpus folder: $GCSF_SEEDS, else ../shared/seeds beside the repository."""
    from gcsf_graph.curation import corpus_dir

    return corpus_dir()


@functools.cache
def corpus_problem() -> str | None:
    """Why the corpus cannot be used (missing, or not the articles curated), else None."""
    from gcsf_graph.curation import load_curation, sha256

    folder = seeds_dir()
    if not folder.is_dir():
        return f"corpus not found at {folder} (set GCSF_SEEDS to the articles' folder)"
    for article in load_curation(ROOT / "data" / "curation").articles:
        path = folder / article.file
        if not path.is_file():
            return f"corpus at {folder} lacks {article.file} (set GCSF_SEEDS to the articles' folder)"
        if sha256(path.read_text(encoding="utf-8")) != article.sha256:
            return f"corpus at {folder}: {article.file} is not the curated text (SHA-256 differs)"
    return None


def need_corpus() -> Path:
    """The corpus folder; skip the test without it, or fail it when CI=true."""
    problem = corpus_problem()
    if problem is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {problem}")
        pytest.skip(problem)
    return seeds_dir()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Browser tests are slow tests too (`-m 'not slow'` gives the quick suite); without the corpus,
    the tests that need it are marked skipped, so the reason shows once per file."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
    problem = corpus_problem()
    if problem is None or os.environ.get("CI", "").lower() == "true":
        return  # with CI=true the corpus fixture fails those tests instead
    for item in items:
        if {"corpus", "seeds"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.skip(reason=problem))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder, checked against the curation's checksums (see ``need_corpus``)."""
    return need_corpus()


@pytest.fixture(scope="session")
def seeds(corpus: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))}


@pytest.fixture(scope="session")
def kg() -> KnowledgeGraph:
    return load()


@pytest.fixture(scope="session")
def bundled_report(kg):
    """The SHACL report of the bundled graph, validated once for the whole run."""
    from gcsf_graph import validate

    return validate(kg)


@pytest.fixture(scope="session")
def graph(kg):
    """The bundled graph as NetworkX, built once."""
    from gcsf_graph.network import to_networkx

    return to_networkx(kg)


@pytest.fixture(scope="session")
def kg_rdflib() -> KnowledgeGraph:
    return load(engine="rdflib")


def run_in_process(*args: str, stdin: str | None = None, cwd: Path | None = None,
                   timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a ``gcsf`` command in this process (click's CliRunner): fast, same results and exit codes."""
    from click.testing import CliRunner

    from gcsf_graph.cli import cli

    previous = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = CliRunner().invoke(cli, list(args), input=stdin, prog_name="gcsf")
    finally:
        os.chdir(previous)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(["gcsf", *args], result.exit_code, result.stdout, result.stderr)


def gcsf_executable() -> list[str]:
    found = shutil.which("gcsf", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "gcsf_graph"]


def run_gcsf(*args: str, stdin: str | None = None, cwd: Path | None = None,
             timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the installed ``gcsf`` command for real and capture its output."""
    return subprocess.run([*gcsf_executable(), *args], input=stdin, capture_output=True,
                          text=True, timeout=timeout, cwd=cwd, check=False)


@pytest.fixture
def gcsf():
    """The ``gcsf`` command, run in-process."""
    return run_in_process


@pytest.fixture
def gcsf_process():
    """The installed ``gcsf`` command, run for real as a subprocess (for the few smoke tests)."""
    return run_gcsf
