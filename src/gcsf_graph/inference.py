"""RDFS entailment over the ontology: the types and properties the asserted facts imply.

An instance of ``gcsf:Summit`` is also a ``gcsf:Event`` (``rdfs:subClassOf``), and
``?e gcsf:organizer ?o`` also states ``?e schema:organizer ?o`` (``rdfs:subPropertyOf``).
:func:`gcsf_graph.load` computes these triples once (``inference=True``, the default) and
keeps them in their own named graph, :data:`INFERRED`, apart from the asserted facts: queries
see both (the default graph is the union), while ``len()``, ``quads()``, exports and SHACL
validation see only what the data asserts. ``query(..., inference=False)`` or
``load(..., inference=False)`` (``gcsf query --no-inference``) asks for asserted facts only.

>>> from gcsf_graph import load
>>> kg = load()
>>> kg.query("SELECT (COUNT(?e) AS ?n) WHERE { ?e a gcsf:Event }")[0]["n"]
35
>>> kg.query("SELECT (COUNT(?e) AS ?n) WHERE { ?e a gcsf:Event }", inference=False)[0]["n"]
9
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph as ox

    from .engines import Engine

__all__ = ["INFERRED", "entailed"]

#: The named graph that holds the inferred triples.
INFERRED = "https://w3id.org/gcsf/graph/inferred"

# rdfs9 (types of subclasses) and rdfs7 (subproperties), transitively; only triples the data
# does not already assert, so the union of both graphs holds each triple once.
_TYPES = """
CONSTRUCT { ?x a ?super } WHERE {
  ?x a ?class . ?class rdfs:subClassOf+ ?super .
  FILTER(isIRI(?super) && ?super != ?class)
  FILTER NOT EXISTS { ?x a ?super }
}"""
_PROPERTIES = """
CONSTRUCT { ?s ?super ?o } WHERE {
  ?p rdfs:subPropertyOf+ ?super . ?s ?p ?o .
  FILTER(isIRI(?super) && ?super != ?p)
  FILTER NOT EXISTS { ?s ?super ?o }
}"""


def entailed(engine: Engine) -> Iterator[ox.Triple]:
    """The triples RDFS subclass and subproperty entailment adds to the engine's asserted ones.

    >>> from gcsf_graph import load
    >>> kg = load(inference=False)
    >>> any(str(t.object) == "<https://w3id.org/gcsf/ont#Event>" for t in entailed(kg.engine))
    True
    """
    for sparql in (_TYPES, _PROPERTIES):
        answer = engine.query(sparql, "CONSTRUCT", {})
        assert not isinstance(answer, bool | tuple)
        yield from answer
