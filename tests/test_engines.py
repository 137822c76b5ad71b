"""Engines, the on-disk store, start-up cost and the synthetic generator."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

from gcsf_graph import load
from gcsf_graph.sparql import query


@pytest.mark.parametrize("command", [["info"], ["query", "--example", "pillars", "--format", "csv"],
                                     ["describe", "BRI"], ["search", "Honduras"]])
def test_every_command_takes_the_engine_option(gcsf, command):
    a = gcsf(*command, "--engine", "oxigraph")
    b = gcsf(*command, "--engine", "rdflib")
    assert a.returncode == b.returncode == 0, b.stderr
    assert a.stdout == b.stdout


def test_query_path_imports_nothing_heavy():
    code = ("import sys\nfrom gcsf_graph.cli import main\n"
            "sys.argv = ['gcsf', 'query', '--example', 'pillars', '--format', 'csv']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('networkx', 'pyvis', 'pandas', 'rdflib', 'pyshacl', 'rich', 'typing', 'pickle',\n"
            "                     'hashlib') if m in sys.modules]\n"
            "print('HEAVY', heavy, file=sys.stderr)")
    subprocess.run([sys.executable, "-m", "gcsf_graph", "info"], capture_output=True, check=True)  # builds the cache
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in result.stderr


def test_an_engine_that_lacks_a_method_cannot_be_made():
    from gcsf_graph.engines import Engine, open_engine

    class Partial(Engine):
        name = "partial"

        def load(self, path):
            pass

    with pytest.raises(TypeError, match="abstract method"):
        Partial()  # type: ignore[abstract]
    assert all(isinstance(open_engine(name), Engine) for name in ("oxigraph", "rdflib"))


def test_generator_is_deterministic_and_loads(tmp_path):
    for name in ("a.nt", "b.nt"):
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "2000", "-o", str(tmp_path / name)],
                       check=True, capture_output=True)
    assert (tmp_path / "a.nt").read_bytes() == (tmp_path / "b.nt").read_bytes()
    kg = load(tmp_path / "a.nt")
    assert len(kg) > 2000
    assert query(kg, "ASK { ?c a gcsf:Claim ; gcsf:quote ?q ; gcsf:statedIn ?d }")


@pytest.mark.slow
def test_benchmark_runs_end_to_end_at_a_small_size():
    # A smoke test that keeps `make bench` working; it asserts the table, not any timing.
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "2000",
                             "--runs", "1", "--no-browser"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    table = result.stdout
    assert "| 2,000 | query: two-hop join |" in table
    assert "queries, median ratio" in table and "cold `gcsf query" in table
    assert "| 10,000 nodes |" in table
    assert "loading" in result.stderr  # progress goes to stderr
