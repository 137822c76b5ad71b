"""Counting what the graph holds.

>>> from gcsf_graph import load
>>> s = summary(load())
>>> s.documents >= 5 and s.claims > 500
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .sparql import rows

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

__all__ = ["Summary", "summary"]


@dataclass
class Summary:
    """Sizes of the graph: triples, entities by class, claims, documents, ontology version."""

    triples: int
    entities: int
    claims: int
    documents: int
    ontology_version: str
    by_class: dict[str, int]


_BY_CLASS = """
SELECT ?label (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a ?cls . ?cls rdfs:label ?label .
  FILTER(STRSTARTS(STR(?cls), STR(gcsf:)) && ?cls != gcsf:Claim && ?cls != gcsf:FactProperty)
} GROUP BY ?label ORDER BY DESC(?n) ?label"""

_TOTALS = """
SELECT ?version
  (COUNT(DISTINCT ?claim) AS ?claims)
  (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  { OPTIONAL { ?o a owl:Ontology ; owl:versionInfo ?version } }
  UNION { ?claim a gcsf:Claim }
  UNION { ?doc a ?doctype . VALUES ?doctype { gcsf:SourceDocument gcsf:Article } }
} GROUP BY ?version"""

_ENTITIES = """
SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a ?cls . FILTER(STRSTARTS(STR(?e), "https://w3id.org/gcsf/id/"))
  FILTER(?cls != gcsf:Claim && STRSTARTS(STR(?cls), STR(gcsf:)))
}"""


def summary(kg: KnowledgeGraph) -> Summary:
    """Count triples, entities (by their most specific asserted class), claims and documents.

    >>> from gcsf_graph import load
    >>> summary(load()).documents >= 5
    True
    """
    by_class = rows(kg.query(_BY_CLASS, inference=False, check_terms=False))
    totals = rows(kg.query(_TOTALS, inference=False, check_terms=False))
    entities = rows(kg.query(_ENTITIES, inference=False, check_terms=False))
    version = next((r["version"] for r in totals if r["version"]), "unknown")
    return Summary(
        triples=len(kg),
        entities=int(entities[0]["n"]),
        claims=max(int(r["claims"]) for r in totals),
        documents=max(int(r["documents"]) for r in totals),
        ontology_version=str(version),
        by_class={r["label"]: int(r["n"]) for r in by_class},
    )
