"""The vocabulary check: a query naming a term the graph does not hold warns, with the right suggestion."""

from __future__ import annotations

import warnings

import pyoxigraph as ox
import pytest

from gcsf_graph import load
from gcsf_graph.errors import GcsfError, QueryWarning
from gcsf_graph.vocabulary import unknown_terms

ORGANISER = "gcsf:organiser is not in the ontology; did you mean gcsf:organizer (organiser)?"
CHINA = "country:China is not in the graph; did you mean country:CHN (China)?"


@pytest.fixture(params=["oxigraph", "rdflib"])
def graph(request, kg, kg_rdflib):
    return kg if request.param == "oxigraph" else kg_rdflib


@pytest.mark.parametrize(("sparql", "notes"), [
    ("SELECT ?e WHERE { ?e gcsf:organiser country:CHN }", [ORGANISER]),
    ("SELECT ?e WHERE { ?e gcsf:organizer country:China }", [CHINA]),
    ("SELECT ?o WHERE { ?o a gcsf:Organisation }",
     ["gcsf:Organisation is not in the ontology; did you mean gcsf:Organization (organisation)?"]),
    ("SELECT ?c WHERE { ?s gcsf:characterisation ?c }",
     ["gcsf:characterisation is not in the ontology; did you mean gcsf:characterization (characterisation)?"]),
    ("SELECT ?e WHERE { ?e a gcsf:event }", ["gcsf:event is not in the ontology; did you mean gcsf:Event?"]),
    ("SELECT ?l WHERE { ?e rdfs:lable ?l }", ["rdfs:lable is not in the graph; did you mean rdfs:label?"]),
    ("SELECT ?l WHERE { <https://w3id.org/gcsf/id/person/xi-jinpng> rdfs:label ?l }",
     ["<https://w3id.org/gcsf/id/person/xi-jinpng> is not in the graph; "
      "did you mean person:xi-jinping (Xi Jinping)?"]),
])
def test_a_wrong_name_gets_the_right_suggestion(graph, sparql, notes):
    assert unknown_terms(graph, sparql) == notes
    with pytest.warns(QueryWarning) as caught:
        result = graph.query(sparql)
    assert [str(w.message) for w in caught if w.category is QueryWarning] == notes
    assert result.warnings == notes
    assert len(result) == 0


@pytest.mark.parametrize("sparql", [
    "SELECT ?e WHERE { ?e gcsf:organizer country:CHN }",
    # datatypes, casts and functions, the IRIs of PREFIX, and named graphs are not looked up
    'SELECT ?d WHERE { ?e gcsf:startDate ?d FILTER(DATATYPE(?d) = xsd:date && ?d > "2020-01-01"^^xsd:date) }',
    "SELECT (xsd:string(?d) AS ?s) WHERE { ?e gcsf:startDate ?d }",
    "PREFIX ex: <http://example.org/vocabulary#> SELECT ?e WHERE { ?e a gcsf:Person }",
    "SELECT ?e WHERE { GRAPH <http://example.org/g> { ?e ?p ?o } }",
    "SELECT ?c WHERE { ?c a owl:Class FILTER(STRSTARTS(STR(?c), STR(gcsf:))) }",
    # terms of other vocabularies count when the graph holds them (here, in the ontology)
    "SELECT ?e WHERE { ?e schema:startDate ?d ; a prov:Entity }",
])
def test_terms_the_graph_holds_give_no_warning(graph, sparql):
    assert unknown_terms(graph, sparql) == []


def test_an_iri_given_as_a_binding_is_checked(kg):
    with pytest.warns(QueryWarning, match=r"person:xi-jinpng is not in the graph; did you mean person:xi-jinping"):
        rows = kg.query("SELECT ?l WHERE { ?p rdfs:label ?l }",
                        bindings={"p": ox.NamedNode("https://w3id.org/gcsf/id/person/xi-jinpng")})
    assert len(rows) == 0


def test_other_vocabularies_are_checked_against_what_is_loaded(tmp_path):
    data = tmp_path / "mine.ttl"
    data.write_text("@prefix ex: <http://example.org/v#> .\nex:a ex:knows ex:b .\n", encoding="utf-8")
    mine = load(data)
    declared = "PREFIX ex: <http://example.org/v#> "
    assert unknown_terms(mine, declared + "SELECT ?x WHERE { ?x ex:knows ex:b }") == []
    assert unknown_terms(mine, declared + "SELECT ?x WHERE { ?x ex:know ?y }") == [
        "ex:know is not in the graph; did you mean ex:knows?"]


def test_strict_makes_the_warning_an_error(kg):
    with warnings.catch_warnings():
        warnings.simplefilter("error", QueryWarning)
        with pytest.raises(GcsfError, match="did you mean gcsf:organizer"):
            kg.query("ASK { ?e gcsf:organiser ?o }")


def test_a_right_query_runs_without_warnings(kg):
    with warnings.catch_warnings():
        warnings.simplefilter("error", QueryWarning)
        assert len(kg.query("SELECT ?e WHERE { ?e gcsf:organizer country:CHN }")) > 0


def test_ask_warns_too(kg):
    with pytest.warns(QueryWarning, match="gcsf:organiser"):
        assert kg.query("ASK { ?e gcsf:organiser ?o }") is False


def test_cli_warns_on_stderr_and_strict_exits_2(gcsf):
    sparql = "SELECT ?e WHERE { ?e gcsf:organiser country:China }"
    result = gcsf("query", sparql, "--format", "csv")
    assert result.returncode == 0
    assert result.stdout.strip() == "e"
    assert result.stderr.splitlines() == [f"Warning: {ORGANISER}", f"Warning: {CHINA}"]
    strict = gcsf("query", "--strict", sparql)
    assert strict.returncode == 2
    assert strict.stdout == ""
    assert strict.stderr.strip() == f"Error: QueryWarning: {ORGANISER}"
    fine = gcsf("query", "--strict", "SELECT ?e WHERE { ?e gcsf:organizer country:CHN }", "--format", "csv")
    assert fine.returncode == 0 and fine.stderr == "" and len(fine.stdout.splitlines()) > 1


def test_the_warning_points_at_the_callers_line(kg):
    with pytest.warns(QueryWarning) as caught:
        kg.query("ASK { ?e gcsf:organiser ?o }")
    assert caught[0].filename == __file__


def test_the_library_own_queries_never_warn(gcsf, tmp_path):
    # a tiny graph lacks most of the vocabulary the library's own queries name (claims, aliases)
    tiny = tmp_path / "tiny.ttl"
    tiny.write_text('<https://w3id.org/gcsf/id/person/p> a <https://w3id.org/gcsf/ont#Person> ;\n'
                    '  <http://www.w3.org/2000/01/rdf-schema#label> "Pat" .\n', encoding="utf-8")
    for args in (["describe", "Pat"], ["search", "Pat"], ["info"], ["stats"],
                 ["export", "-o", str(tmp_path / "t.graphml")]):
        with warnings.catch_warnings():
            warnings.simplefilter("error", QueryWarning)
            result = gcsf(*args, "--data", str(tiny))
        assert result.returncode == 0, (args, result.stderr)
        assert "QueryWarning" not in result.stderr, args
