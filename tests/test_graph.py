"""The loaded graph (graph.py): load() of the bundled graph, of files and of a store, engines, errors."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from conftest import RESOURCES, ROOT

from gcsf_graph import KnowledgeGraph, load
from gcsf_graph.errors import DataError, QueryWarning, UsageError
from gcsf_graph.graph import bundled_paths

ADA = ('<https://w3id.org/gcsf/id/person/ada> a <https://w3id.org/gcsf/ont#Person> ;\n'
       '  <http://www.w3.org/2000/01/rdf-schema#label> "Ada"@en .\n')


def test_the_bundled_files_exist():
    paths = bundled_paths()
    assert sorted(paths) == ["data", "ontology", "shapes"]
    assert all(path.is_file() and path.suffix == ".ttl" for path in paths.values())


def test_the_bundled_graph_holds_the_ontology_and_the_data(kg):
    assert isinstance(kg, KnowledgeGraph) and kg.engine.name == "oxigraph"
    assert kg.sources == (bundled_paths()["ontology"], bundled_paths()["data"])
    assert len(kg) > 1000 and kg.inference
    assert kg.query("ASK { gcsf:Person a owl:Class }") and kg.query("ASK { person:xi-jinping a gcsf:Person }")
    assert "engine='oxigraph'" in repr(kg)


def test_both_engines_load_the_same_triples(kg, kg_rdflib):
    assert kg_rdflib.engine.name == "rdflib"
    assert len(kg_rdflib) == len(kg)

    def named(graph):  # subjects and predicates of the triples, without the blank nodes each engine names
        return {(q.subject, q.predicate) for q in graph.quads() if not isinstance(q.subject, ox.BlankNode)}
    assert named(kg_rdflib) == named(kg)


def test_without_the_ontology_only_the_data_is_loaded(kg):
    data = load(ontology=False)
    assert data.sources == (bundled_paths()["data"],)
    assert 0 < len(data) < len(kg)
    with pytest.warns(QueryWarning, match="owl:Class is not in the graph"):
        assert not data.query("ASK { gcsf:Person a owl:Class }")


def test_inference_can_be_left_out(kg):
    # gcsf:Person is a subclass of gcsf:Agent: the entailed type is seen only with inference
    assert kg.query("ASK { person:xi-jinping a gcsf:Agent }")
    plain = load(inference=False)
    assert not plain.inference and not plain.query("ASK { person:xi-jinping a gcsf:Agent }")
    # a query can leave the inferences out, not add them to a graph loaded without
    assert not kg.query("ASK { person:xi-jinping a gcsf:Agent }", inference=False)
    assert not plain.query("ASK { person:xi-jinping a gcsf:Agent }", inference=True)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_data_replaces_the_bundled_graph(tmp_path, engine):
    mine = tmp_path / "mine.ttl"
    mine.write_text(ADA, encoding="utf-8")
    alone = load(mine, engine=engine)
    assert [r["l"] for r in alone.query("SELECT ?l WHERE { ?p a gcsf:Person ; rdfs:label ?l }")] == ["Ada"]
    both = load(mine, ROOT / "data" / "triples.ttl", engine=engine)
    assert both.query("SELECT (COUNT(?p) AS ?n) WHERE { ?p a gcsf:Person }")[0]["n"] == 7
    assert both.sources[1:] == (mine, ROOT / "data" / "triples.ttl")


def test_progress_reports_each_file_on_stderr(tmp_path, capsys):
    mine = tmp_path / "mine.ttl"
    mine.write_text(ADA, encoding="utf-8")
    load(mine, progress=True)
    err = capsys.readouterr().err
    assert "mine.ttl (oxigraph) ..." in err and "gcsf.ttl" in err and "triples in" in err
    load(mine)  # small files: quiet by default
    assert capsys.readouterr().err == ""


def test_a_store_is_opened_as_it_is(tmp_path):
    from gcsf_graph.stores import build_store

    folder = build_store(tmp_path / "store", [bundled_paths()["data"]], progress=False)
    opened = load(store=folder)
    assert opened.sources == (folder,)
    assert opened.query("ASK { person:xi-jinping a gcsf:Agent }")  # the store holds its inferences


def test_broken_file_leaves_nothing_half_loaded():
    with pytest.raises(DataError) as info:
        load(ROOT / "data" / "triples.ttl", RESOURCES / "broken-syntax.ttl")
    assert info.value.path.endswith("broken-syntax.ttl") and info.value.line == 5
    with pytest.raises(DataError, match="line 5"):
        load(RESOURCES / "broken-syntax.ttl", engine="rdflib")


def test_both_engines_keep_named_graphs_and_only_oxigraph_holds_triple_terms(tmp_path):
    named = tmp_path / "named.trig"
    named.write_text("<urn:x:a> <urn:x:p> 1 . <urn:x:g> { <urn:x:b> <urn:x:p> 'two'@en . }\n", encoding="utf-8")
    where = "SELECT ?g ?s WHERE { { ?s <urn:x:p> ?o } UNION { GRAPH ?g { ?s <urn:x:p> ?o } } } ORDER BY ?s"
    answers = [load(named, ontology=False, inference=False, engine=e).query(where, inference=False)[:]
               for e in ("oxigraph", "rdflib")]
    assert answers[0] == answers[1] and {r["g"] for r in answers[0]} >= {"urn:x:g"}
    star = tmp_path / "star.ttl"
    star.write_text("<urn:x:a> <urn:x:p> 1 .\n<urn:x:a> <urn:x:says> <<( <urn:x:b> <urn:x:p> <urn:x:c> )>> .\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match="rdflib's parser cannot read this file, though Oxigraph's can") as info:
        load(star, ontology=False, engine="rdflib")
    assert info.value.path.endswith("star.ttl") and info.value.line == 2 and "\n" not in str(info.value)
    assert len(load(star, ontology=False, engine="oxigraph")) == 2


def test_unknown_format_and_engine():
    with pytest.raises(DataError, match="cannot tell the RDF format"):
        load(RESOURCES / "broken.ttl.bak")
    with pytest.raises(UsageError):
        load(engine="jena")  # type: ignore[arg-type]


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DataError, match=r"missing\.ttl: no such file"):
        load(tmp_path / "missing.ttl")


@pytest.mark.parametrize(("arguments", "message"), [
    ({"engine": "jena"}, "unknown engine 'jena'; choose one of oxigraph, rdflib"),
    ({"store": "s", "engine": "rdflib"}, "a store is queried as it is: give no files and the oxigraph engine"),
    ({"user": "me"}, "a user and a graph apply to an endpoint only"),
    ({"graph": "urn:x:g"}, "a user and a graph apply to an endpoint only"),
    ({"endpoint": "http://127.0.0.1:9/sparql", "engine": "rdflib"},
     "an endpoint is queried as it is: give no files, no store and no other engine"),
    ({"endpoint": "http://127.0.0.1:9/sparql", "store": "s"},
     "an endpoint is queried as it is: give no files, no store and no other engine"),
])
def test_conflicting_choices_are_usage_errors_naming_them(arguments, message):
    with pytest.raises(UsageError) as info:
        load(**arguments)
    assert str(info.value) == message


def test_a_store_takes_no_files(tmp_path):
    with pytest.raises(UsageError, match="a store is queried as it is"):
        load(tmp_path / "x.ttl", store=tmp_path / "s")
