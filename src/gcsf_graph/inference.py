"""RDFS entailment over the ontology: the types and properties the asserted facts imply.

An instance of ``gcsf:Summit`` is also a ``gcsf:Event`` (``rdfs:subClassOf``), and
``?e gcsf:organizer ?o`` also states ``?e schema:organizer ?o`` (``rdfs:subPropertyOf``).
For a graph loaded with ``inference=True`` (the default) these triples are computed once, by
the first query that can see them, and kept in their own named graph, :data:`INFERRED`, apart
from the asserted facts: queries see both (the default graph is the union), while ``len()``,
``quads()``, exports and SHACL validation see only what the data asserts. ``query(..., inference=False)`` or
``load(..., inference=False)`` (``gcsf query --no-inference``) asks for asserted facts only.

>>> from gcsf_graph import load
>>> kg = load()
>>> kg.query("SELECT (COUNT(?e) AS ?n) WHERE { ?e a gcsf:Event }")[0]["n"]
35
>>> kg.query("SELECT (COUNT(?e) AS ?n) WHERE { ?e a gcsf:Event }", inference=False)[0]["n"]
9
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyoxigraph as ox

    from .engines import Engine
    from .graph import KnowledgeGraph

__all__ = ["INFERRED", "ensure_inferred", "entailed"]

#: The named graph that holds the inferred triples.
INFERRED = "https://w3id.org/gcsf/graph/inferred"
#: Set in a graph's cache once its inferred triples are in.
CACHE_KEY = "inference.done"

# rdfs9 (types of subclasses) and rdfs7 (subproperties), transitively. The joins are done here
# rather than in SPARQL: "only if not already asserted" (FILTER NOT EXISTS, MINUS) is slow on
# both engines, while a set of the asserted triples makes it a lookup.
_SUPERCLASSES = """SELECT ?c ?super WHERE {
  ?c rdfs:subClassOf+ ?super FILTER(isIRI(?c) && isIRI(?super) && ?super != ?c) }"""
_TYPED = "SELECT ?x ?c WHERE { ?x a ?c }"
_SUPERPROPERTIES = """SELECT ?p ?super WHERE {
  ?p rdfs:subPropertyOf+ ?super FILTER(isIRI(?p) && isIRI(?super) && ?super != ?p) }"""
_FACTS = "SELECT ?s ?p ?o WHERE { VALUES ?p { PROPERTIES } ?s ?p ?o }"
_SUPER_FACTS = "SELECT DISTINCT ?s ?p ?o WHERE { ?any rdfs:subPropertyOf+ ?p . ?s ?p ?o }"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _rows(engine: Engine, sparql: str) -> list[tuple[Any, ...]]:
    answer = engine.query(sparql, "SELECT", {})
    assert isinstance(answer, tuple)
    return list(answer[1])


def _closure(engine: Engine, sparql: str) -> dict[Any, list[Any]]:
    supers: dict[Any, list[Any]] = defaultdict(list)
    for sub, sup in _rows(engine, sparql):
        supers[sub].append(sup)
    return supers


def entailed(engine: Engine) -> Iterator[ox.Triple]:
    """The triples RDFS subclass and subproperty entailment adds to the engine's asserted ones.

    >>> from gcsf_graph import load
    >>> kg = load(inference=False)
    >>> any(str(t.object) == "<https://w3id.org/gcsf/ont#Event>" for t in entailed(kg.engine))
    True
    """
    import pyoxigraph as ox

    rdf_type = ox.NamedNode(_TYPE)
    superclasses = _closure(engine, _SUPERCLASSES)
    typed = set(_rows(engine, _TYPED))
    added: set[tuple[Any, ...]] = set()
    for x, c in typed:
        for sup in superclasses.get(c, ()):
            if (x, sup) not in typed and (x, sup) not in added:
                added.add((x, sup))
                yield ox.Triple(x, rdf_type, sup)
    superproperties = _closure(engine, _SUPERPROPERTIES)
    asserted = set(_rows(engine, _SUPER_FACTS))
    if not superproperties:
        return
    properties = " ".join(str(p) for p in superproperties)
    for s, p, o in _rows(engine, _FACTS.replace("PROPERTIES", properties)):
        for sup in superproperties.get(p, ()):
            if (s, sup, o) not in asserted:
                asserted.add((s, sup, o))
                yield ox.Triple(s, sup, o)


def ensure_inferred(kg: KnowledgeGraph) -> None:
    """Add the entailed triples to a graph loaded with inference, once (a store has them built in)."""
    if kg.inference and not kg.cache.get(CACHE_KEY):
        kg.engine.infer(entailed(kg.engine))
        kg.cache[CACHE_KEY] = True
