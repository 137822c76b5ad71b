"""The entity graph in NetworkX: exact round trip, class filters, analytics and paths."""

from __future__ import annotations

import pytest

from gcsf_graph.errors import UsageError
from gcsf_graph.examples import example
from gcsf_graph.network import connecting_paths, network_report, to_networkx, to_triples
from gcsf_graph.sparql import query

FACTS = """SELECT ?s ?p ?o WHERE {
  { ?p a gcsf:FactProperty } UNION { VALUES ?p { gcsf:iso3166Alpha2 gcsf:iso3166Alpha3 dcterms:identifier } }
  ?s ?p ?o }"""


def test_counts_equal_sparql_counts(kg, graph):
    entities = query(kg, """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?e rdfs:label ?l ; a ?c . FILTER(STRSTARTS(STR(?e), "https://w3id.org/gcsf/id/") && ?c != gcsf:Claim) }""")
    edges = query(kg, """SELECT (COUNT(*) AS ?n) WHERE { ?p a gcsf:FactProperty . ?s ?p ?o . FILTER(isIRI(?o)) }""")
    assert graph.number_of_nodes() == entities[0]["n"]
    assert graph.number_of_edges() == edges[0]["n"]


def test_nodes_and_edges_carry_labels_types_literals_and_sources(graph):
    xi = graph.nodes["https://w3id.org/gcsf/id/person/xi-jinping"]
    assert xi["label"] == "Xi Jinping" and xi["type"] == "person"
    china = graph.nodes["https://w3id.org/gcsf/id/country/CHN"]
    assert china["iso3166Alpha2"] == "CN" and china["iso3166Alpha3"] == "CHN"
    summit = "https://w3id.org/gcsf/id/event/15th-brics-summit"
    assert graph.nodes[summit]["startDate"] == "2023-08"
    edge = graph.get_edge_data(summit, "https://w3id.org/gcsf/id/person/xi-jinping")["gcsf:participant"]
    assert edge["label"] == "participant"
    assert {"document": "004_457199ae3097467a.txt",
            "quote": "Last August, Xi attended the 15th BRICS Summit"} in edge["sources"]
    assert not any(d.get("type") == "claim" for _, d in graph.nodes(data=True))


def test_round_trip_to_the_fact_triples_is_exact(kg, graph):
    facts = {tuple(row) for row in query(kg, FACTS, inference=False).terms}
    assert to_triples(graph) == facts


def test_round_trip_with_literals_as_nodes(kg):
    g = to_networkx(kg, literals=True)
    assert any(d.get("type") == "literal" for _, d in g.nodes(data=True))
    facts = {tuple(row) for row in query(kg, FACTS, inference=False).terms}
    assert to_triples(g) == facts


def test_restrict_to_classes(kg):
    g = to_networkx(kg, classes=["Person", "Event"])
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert "person" in types and "summit" in types and "country" not in types
    assert all(g.nodes[u]["type"] in types and g.nodes[v]["type"] in types for u, v in g.edges())


def test_unknown_class_is_a_usage_error(kg):

    with pytest.raises(UsageError, match="unknown class 'Persn'"):
        to_networkx(kg, classes=["Persn"])


def test_from_a_construct_query(kg):

    g = to_networkx(kg, construct=example("xi-neighbourhood").text)
    assert "https://w3id.org/gcsf/id/person/xi-jinping" in g
    assert g.number_of_edges() >= 15
    assert all("https://w3id.org/gcsf/id/person/xi-jinping" in (u, v) for u, v in g.edges())


def test_network_report(kg, graph):
    report = network_report(kg, graph=graph)
    assert report.nodes == graph.number_of_nodes()
    assert report.degree[0][0] == "China"
    assert report.betweenness[0][0] == "China"
    assert len(report.communities) >= 3
    assert sum(report.by_relation.values()) == graph.number_of_edges()


@pytest.mark.parametrize(("a", "b"), [
    ("Azerbaijan", "Belt and Road Initiative"),       # 000 to 002/003
    ("Honduras", "Central Conference on Work Relating to Foreign Affairs"),  # 004 to 003
    ("Ilham Aliyev", "Joe Biden"),                    # 000 to 004
    ("Lancang bullet train", "Alliance for Cultural Heritage in Asia"),  # 002 to 001
])
def test_paths_between_entities_of_different_articles(kg, graph, a, b):
    paths = connecting_paths(kg, a, b, graph=graph)
    assert paths
    for path in paths:
        assert path.hops[0].source_label == a and path.hops[-1].target_label == b
        assert all(hop.quotes for hop in path.hops)


def test_path_cli(gcsf):
    result = gcsf("path", "Azerbaijan", "Belt and Road Initiative")
    assert result.returncode == 0
    assert "China --compared with--> Azerbaijan" in result.stdout
    assert "[000_d40c1f3de4251b64.txt]" in result.stdout
    assert gcsf("path", "Azerbaijan", "Nowhereland").returncode == 1


def test_stats_cli(gcsf):
    result = gcsf("stats", "--top", "3")
    assert result.returncode == 0
    assert "degree centrality" in result.stdout and "communities (Louvain" in result.stdout
