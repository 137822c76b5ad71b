"""Shared fixtures: the real bundled graph, the corpus of articles, and the real CLI."""

from __future__ import annotations

import functools
import os
import re
import selectors
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from gcsf_graph import KnowledgeGraph, load

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = Path(__file__).resolve().parent / "resources"


def pytest_configure(config: pytest.Config) -> None:
    """The tests (and the commands they start) build the bundled graph's store in a cache of their own."""
    import tempfile

    os.environ["GCSF_CACHE_DIR"] = tempfile.mkdtemp(prefix="gcsf-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop("GCSF_CACHE_DIR", ""), ignore_errors=True)


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


@pytest.fixture(scope="session")
def kg_asserted() -> KnowledgeGraph:
    """The bundled graph loaded without inference (Oxigraph), once for the whole run."""
    return load(inference=False)


@pytest.fixture(scope="session")
def kg_rdflib_asserted() -> KnowledgeGraph:
    """The bundled graph loaded without inference (rdflib), once for the whole run."""
    return load(engine="rdflib", inference=False)


def run_in_process(*args: str, stdin: str | None = None, cwd: Path | None = None,
                   env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a ``gcsf`` command in this process: fast, the same output and exit codes as the real one."""
    import contextlib
    import io

    from gcsf_graph.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_env = {name: os.environ.get(name) for name in env or {}}
    previous, saved_stdin = Path.cwd(), sys.stdin
    try:
        os.environ.update(env or {})
        if cwd is not None:
            os.chdir(cwd)
        sys.stdin = io.StringIO(stdin or "")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        sys.stdin = saved_stdin
        os.chdir(previous)
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    def text(stream: io.StringIO) -> str:  # as a process's output reads in text mode: universal newlines
        return io.StringIO(stream.getvalue(), newline=None).read()

    return subprocess.CompletedProcess(["gcsf", *args], code, text(out), text(err))


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


class LiveServer:
    """A real `gcsf serve` on a free loopback port, stopped by its PID; every wait bounded."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen([*gcsf_executable(), "serve", "--port", "0", *args],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self.url = self._wait_for_url(timeout=60)
        self.port = urllib.parse.urlsplit(self.url).port

    def _wait_for_url(self, timeout: float) -> str:
        selector = selectors.DefaultSelector()
        selector.register(self.process.stderr, selectors.EVENT_READ)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if selector.select(timeout=max(deadline - time.monotonic(), 0.01)):
                line = self.process.stderr.readline()
                if not line:
                    break
                self.lines.append(line)
                found = re.match(r"serving (http://\S+)", line)
                if found:
                    return found.group(1)
        self.stop()
        pytest.fail(f"the server did not start: {''.join(self.lines)}")

    def get(self, path: str, headers: dict[str, str] | None = None, timeout: float = 30):
        request = urllib.request.Request(self.url.rstrip("/") + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def children(self) -> list[int]:
        """The server's child processes (its server processes), from /proc."""
        children = f"/proc/{self.process.pid}/task/{self.process.pid}/children"
        if not os.path.exists(children):
            return []
        with open(children) as handle:
            return [int(p) for p in handle.read().split()]

    def rss_kib(self) -> int:
        total = 0
        for pid in [self.process.pid, *self.children()]:
            with open(f"/proc/{pid}/status") as handle:
                total += int(re.search(r"VmRSS:\s+(\d+)", handle.read()).group(1))
        return total

    def stop(self) -> int:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
        return self.process.returncode


CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """Debian's chromium (or $GCSF_CHROMIUM): Playwright's own browser download is not used."""
    return os.environ.get("GCSF_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for one test module (closed after it: Playwright's loop must not outlive
    the module, or later asyncio code fails); missing, the tests skip, but under CI=true they fail."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (make test installs Debian's chromium)")
        pytest.skip("no chromium on this machine: `make browser` installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield b
        b.close()
