"""Counting what the graph holds (info.py)."""

from __future__ import annotations

from gcsf_graph import load
from gcsf_graph.info import summary

ADA = ('<https://w3id.org/gcsf/id/person/ada> a <https://w3id.org/gcsf/ont#Person> ;\n'
       '  <http://www.w3.org/2000/01/rdf-schema#label> "Ada"@en .\n')


def count(kg, pattern: str) -> int:
    return int(kg.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}", inference=False)[0]["n"])


def test_the_bundled_graph_counts_agree_with_queries(kg):
    s = summary(kg)
    assert s.triples == len(kg)
    assert s.claims == count(kg, "?x a gcsf:Claim") > 500
    assert s.documents >= 5 and s.ontology_version == "0.1.0"
    assert s.by_class["person"] == count(kg, "?x a gcsf:Person")
    assert s.by_class["article"] == 5
    assert list(s.by_class.values()) == sorted(s.by_class.values(), reverse=True)  # largest first
    assert "claim" not in s.by_class and s.entities >= max(s.by_class.values())


def test_a_small_graph_of_ones_own(tmp_path):
    mine = tmp_path / "mine.ttl"
    mine.write_text(ADA, encoding="utf-8")
    s = summary(load(mine))
    assert (s.entities, s.claims, s.documents, s.by_class) == (1, 0, 0, {"person": 1})
    assert s.ontology_version == "0.1.0"
    bare = summary(load(mine, ontology=False))
    assert bare.triples == 2 and bare.ontology_version == "unknown" and bare.by_class == {}


def test_the_counts_are_the_same_on_both_engines(kg, kg_rdflib):
    assert summary(kg_rdflib) == summary(kg)
