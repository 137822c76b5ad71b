"""Inferred types and properties: queries see them on both engines; counts, exports and validation do not."""

from __future__ import annotations

import pytest

from gcsf_graph import load
from gcsf_graph.inference import INFERRED
from gcsf_graph.shacl import validate

EVENTS = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a gcsf:Event }"
# Every event, by its asserted class and the class hierarchy, asked without inference.
EVERY_EVENT = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a/rdfs:subClassOf* gcsf:Event }"


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def graphs(request):
    """The bundled graph with and without inference, on each engine (rdflib's: the session's loads;
    Oxigraph's with inference: a load of its own, quick, apart from the session's ``kg``)."""
    if request.param == "oxigraph":
        return load(), request.getfixturevalue("kg_asserted")
    return request.getfixturevalue("kg_rdflib"), request.getfixturevalue("kg_rdflib_asserted")


def ground(lines):
    """The lines without blank nodes (whose names differ from one load to the next), sorted."""
    return sorted(line for line in lines if "_:" not in line)


def count(kg, sparql, **options):
    return kg.query(sparql, **options)[0]["n"]


def test_an_event_of_any_subclass_is_an_event(graphs):
    inferred, asserted = graphs
    every = count(asserted, EVERY_EVENT)
    assert every > count(asserted, EVENTS)
    assert count(inferred, EVENTS) == every
    assert count(inferred, EVENTS, inference=False) == count(asserted, EVENTS)
    # asking a graph loaded without inference for it adds nothing
    assert count(asserted, EVENTS, inference=True) == count(asserted, EVENTS)


def test_a_fact_also_holds_for_its_superproperties(graphs):
    inferred, asserted = graphs
    organisers = count(asserted, "SELECT (COUNT(*) AS ?n) WHERE { ?e gcsf:organizer ?o }")
    assert organisers > 0
    assert count(inferred, "SELECT (COUNT(*) AS ?n) WHERE { ?e schema:organizer ?o }") == organisers
    assert count(asserted, "SELECT (COUNT(*) AS ?n) WHERE { ?e schema:organizer ?o }") == 0


def test_inferred_triples_live_in_their_own_graph(graphs):
    inferred, _ = graphs
    in_graph = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{INFERRED}> {{ ?s ?p ?o }} }}"
    assert count(inferred, in_graph) > 1000
    # none of them is also asserted: the union holds each triple once
    both = f"ASK {{ GRAPH <{INFERRED}> {{ ?s ?p ?o }} ?s ?p ?o }}"
    assert inferred.query(both, inference=False) is False


def test_the_rdflib_engine_entails_exactly_what_the_rules_say(kg, kg_rdflib, kg_rdflib_asserted, tmp_path):
    import pyoxigraph as ox

    from gcsf_graph.inference import ensure_inferred, entailed
    from gcsf_graph.terms import from_rdflib, to_rdflib

    def by_the_rules(engine):  # the rules' SPARQL, run by rdflib's own query engine
        return {tuple(to_rdflib(t) for t in (x.subject, x.predicate, x.object)) for x in entailed(engine)}

    bundled = kg_rdflib_asserted.engine
    assert bundled.entailed() == by_the_rules(bundled) and len(bundled.entailed()) > 1000
    # and both engines hold the same inferred graph (blank nodes apart: each load names its own)
    ensure_inferred(kg), ensure_inferred(kg_rdflib)
    oxigraph = {(q.subject, q.predicate, q.object) for q in kg.engine.store.quads_for_pattern(
        None, None, None, ox.NamedNode(INFERRED)) if not isinstance(q.subject, ox.BlankNode)}
    rdflib_engine = {tuple(from_rdflib(t) for t in triple) for triple in kg_rdflib.engine.inferred
                     if type(triple[0]).__name__ != "BNode"}
    assert oxigraph == rdflib_engine and len(oxigraph) > 1000
    # chains, a cycle, a blank node above a class, a property path through a blank node
    tricky = tmp_path / "tricky.ttl"
    tricky.write_text("""@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix : <urn:x:> .
        :A rdfs:subClassOf :B . :B rdfs:subClassOf :C , [ a :Anonymous ] . :C rdfs:subClassOf :A .
        :p rdfs:subPropertyOf _:q . _:q rdfs:subPropertyOf :r . :r rdfs:subPropertyOf :p .
        :a a :A , :B . :d a :A . :b :p "1" . _:c :r :a .""", encoding="utf-8")
    small = load(tricky, ontology=False, inference=False, engine="rdflib").engine
    assert small.entailed() == by_the_rules(small) and len(small.entailed()) == 7


def test_counts_quads_and_exports_see_asserted_facts_only(graphs, tmp_path):
    from gcsf_graph import write_export

    inferred, asserted = graphs
    assert len(inferred) == len(asserted)
    assert ground(map(str, inferred.quads())) == ground(map(str, asserted.quads()))
    as_rdflib = inferred.to_rdflib()  # built once, checked below twice
    assert len(as_rdflib) == len(asserted)
    a = write_export(inferred, tmp_path / "a.nt")
    b = write_export(asserted, tmp_path / "b.nt")
    assert ground(a.read_text().splitlines()) == ground(b.read_text().splitlines())
    # validation reads to_rdflib(): the same triples with inference as without, so the same
    # report (validated in the slow test below)
    assert ground(" ".join(n.n3() for n in t) for t in as_rdflib) == ground(
        " ".join(n.n3() for n in t) for t in asserted.to_rdflib())


@pytest.mark.slow  # the reasoner: pySHACL with RDFS inference over the whole graph
def test_validation_sees_asserted_facts_only(graphs, kg, bundled_report):
    # the asserted graph's report is checked in test_data, and that report conforms
    inferred, _ = graphs
    if inferred.engine.name == kg.engine.name:  # the session's graph: its report is this one's
        assert ground(" ".join(n.n3() for n in t) for t in inferred.to_rdflib()) == ground(
            " ".join(n.n3() for n in t) for t in kg.to_rdflib())
        assert bundled_report.conforms
    else:
        assert validate(inferred).conforms


def test_info_counts_asserted_classes(gcsf):
    with_inference = gcsf("info")
    without = gcsf("info", "--no-inference")
    assert with_inference.returncode == without.returncode == 0
    assert with_inference.stdout == without.stdout


def test_no_inference_option(gcsf):
    assert gcsf("query", EVENTS, "--format", "csv").stdout.split() == ["n", "35"]
    assert gcsf("query", EVENTS, "--format", "csv", "--no-inference").stdout.split() == ["n", "9"]
    assert gcsf("query", EVENTS, "--format", "csv", "--engine", "rdflib").stdout.split() == ["n", "35"]


def test_a_store_keeps_its_inferred_triples_apart(tmp_path, kg):
    from gcsf_graph import build_store
    from gcsf_graph.graph import bundled_paths

    folder = build_store(tmp_path / "store", [bundled_paths()["data"]], progress=False)
    disk = load(store=folder)
    assert len(disk) == len(kg)
    assert count(disk, EVENTS) == 35
    assert count(disk, EVENTS, inference=False) == count(load(store=folder, inference=False), EVENTS) == 9


@pytest.mark.parametrize("name", [e.name for e in __import__("gcsf_graph.examples").examples.examples()])
def test_examples_answer_the_same_with_or_without_inference(kg, name):
    # the examples name the most specific class where they show one, so inferred types add no rows
    from gcsf_graph.examples import example

    text = example(name).text
    with_inference, without = kg.query(text), kg.query(text, inference=False)
    rows = getattr(with_inference, "terms", None)
    if rows is None:
        rows, other = with_inference.triples, without.triples
    else:
        other = without.terms
    assert normalised(rows) == normalised(other)


def normalised(rows):
    """Rows as sorted text; GROUP_CONCAT's order is unspecified, so its parts are sorted too."""
    def cell(term):
        value = getattr(term, "value", None)
        return " | ".join(sorted(value.split(" | "))) if isinstance(value, str) else str(term)
    return sorted(str([cell(t) for t in row]) if isinstance(row, tuple) else str(row) for row in rows)
