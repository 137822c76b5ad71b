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


def _answers(kg, text):
    result = query(kg, text)
    if isinstance(result, bool):
        return result
    items = result.terms if hasattr(result, "terms") else result.triples
    return sorted(map(str, items))


def test_the_bundled_graph_from_its_cache_answers_every_example_alike(monkeypatch, tmp_path):
    from gcsf_graph.examples import example_bindings, examples

    monkeypatch.setenv("GCSF_CACHE_DIR", str(tmp_path / "cache"))
    cached = load()
    assert [p.name[:8] for p in (tmp_path / "cache").iterdir()] == ["bundled-"]
    monkeypatch.setenv("GCSF_CACHE_DIR", "")
    parsed = load()
    assert len(cached) == len(parsed) and cached.sources == parsed.sources
    for item in examples():
        bindings = example_bindings(parsed, item, {p.name: p.sample for p in item.params})
        assert query(cached, item.text, bindings=bindings).__class__ is query(parsed, item.text,
                                                                                 bindings=bindings).__class__
        assert _answers(cached, item.text) == _answers(parsed, item.text), item.name
    for text in ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "SELECT (COUNT(?e) AS ?n) WHERE { ?e a gcsf:Event }"):
        assert _answers(cached, text) == _answers(parsed, text)
        assert query(cached, text, inference=False).terms == query(parsed, text, inference=False).terms


def test_the_cache_follows_the_content_and_never_stands_in_the_way(monkeypatch, tmp_path):
    from gcsf_graph.stores import cached_store

    monkeypatch.setenv("GCSF_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data.ttl"
    data.write_text((ROOT / "data" / "triples.ttl").read_text(encoding="utf-8"), encoding="utf-8")
    ontology = ROOT / "ontology" / "gcsf.ttl"
    first = cached_store([ontology, data])
    assert first is not None and first.query("ASK { person:xi-jinping a gcsf:Person }", "ASK", {})
    del first
    with data.open("a", encoding="utf-8") as handle:  # an edited file gets a store of its own
        handle.write("<https://w3id.org/gcsf/id/person/ada> a <https://w3id.org/gcsf/ont#Person> .\n")
    second = cached_store([ontology, data])
    assert second is not None and second.query("ASK { person:ada a gcsf:Person }", "ASK", {})
    assert len(list((tmp_path / "cache").glob("bundled-*"))) == 1  # the old content's store is gone
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("GCSF_CACHE_DIR", str(blocked))
    assert cached_store([ontology, data]) is None  # then the caller parses the files
    assert blocked.read_text(encoding="utf-8") == "not a folder"
    monkeypatch.setenv("GCSF_CACHE_DIR", str(blocked))
    assert len(load()) > 1000


def test_a_damaged_cache_is_built_again(monkeypatch, tmp_path):
    from gcsf_graph.stores import cached_store

    monkeypatch.setenv("GCSF_CACHE_DIR", str(tmp_path / "cache"))
    files = [ROOT / "ontology" / "gcsf.ttl", ROOT / "data" / "triples.ttl"]
    first = cached_store(files)
    assert first is not None
    del first
    folder = next((tmp_path / "cache").glob("bundled-*"))
    for table in folder.glob("*.sst"):
        table.write_bytes(b"not a table")  # damaged
    again = cached_store(files)
    assert again is not None and again.query("ASK { person:xi-jinping a gcsf:Person }", "ASK", {})


def test_the_cache_trusts_no_index_entry_and_removes_only_its_own_stores(monkeypatch, tmp_path):
    import json

    from gcsf_graph.stores import build_store, cached_store

    cache = tmp_path / "cache"
    monkeypatch.setenv("GCSF_CACHE_DIR", str(cache))
    files = [ROOT / "ontology" / "gcsf.ttl", ROOT / "data" / "triples.ttl"]
    assert cached_store(files) is not None and cached_store(files) is not None  # the second writes the index
    index = cache / "index.json"
    entries = json.loads(index.read_text(encoding="utf-8"))
    index.write_text(json.dumps(dict.fromkeys(entries, "x/../../escaped")), encoding="utf-8")
    mine = build_store(cache / "bundled-mine", [ROOT / "ontology" / "gcsf.ttl"], ontology=False, progress=False)
    again = cached_store(files)  # a key that is not a digest is ignored: the files are hashed again
    assert again is not None and again.query("ASK { person:xi-jinping a gcsf:Person }", "ASK", {})
    assert not (tmp_path / "escaped").exists()
    assert mine.is_dir()  # a store built from other files is never removed as an old cache


def test_no_cache_without_an_absolute_home(monkeypatch):
    from gcsf_graph.stores import cache_folder

    monkeypatch.delenv("GCSF_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", "~")
    assert cache_folder() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "/abs/cache")
    assert str(cache_folder()) == "/abs/cache/gcsf-graph"
