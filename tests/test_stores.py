"""On-disk stores: built once, opened read-only, answering like the in-memory graph."""

from __future__ import annotations

import pytest
from conftest import RESOURCES, ROOT

from gcsf_graph import load
from gcsf_graph.errors import DataError
from gcsf_graph.examples import example
from gcsf_graph.sparql import query
from gcsf_graph.stores import build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("stores") / "store", [ROOT / "data" / "triples.ttl"],
                       progress=False)


def test_store_answers_like_the_in_memory_graph(kg, store):
    disk = load(store=store)
    assert len(disk) == len(kg)
    for name in ("pillars", "events-timeline", "statistics-by-subject"):
        # ties in ORDER BY may come in either order: compare the rows as multisets
        assert sorted(map(str, query(disk, example(name).text).terms)) == sorted(
            map(str, query(kg, example(name).text).terms))


def test_store_cli(gcsf, store, tmp_path):
    result = gcsf("query", "--store", str(store), "--example", "heads-of-state", "--format", "csv")
    assert result.returncode == 0 and "Ilham Aliyev" in result.stdout
    built = gcsf("load", str(ROOT / "data" / "triples.ttl"), "--store", str(tmp_path / "s"))
    assert built.returncode == 0
    assert "loading" in built.stderr and "triples after" in built.stderr  # progress on stderr
    again = gcsf("load", str(ROOT / "data" / "triples.ttl"), "--store", str(tmp_path / "s"))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert gcsf("info", "--store", str(tmp_path / "s"), "--engine", "rdflib").returncode == 2


def test_broken_file_leaves_no_store(tmp_path):
    with pytest.raises(DataError, match="line 5"):
        build_store(tmp_path / "store", [ROOT / "data" / "triples.ttl", RESOURCES / "broken-syntax.ttl"],
                    progress=False)
    assert list(tmp_path.iterdir()) == []


def test_not_a_store(tmp_path):
    with pytest.raises(DataError, match="not an Oxigraph store"):
        load(store=tmp_path)
