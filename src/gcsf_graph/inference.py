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

from collections.abc import Iterator

TYPE_CHECKING = False
if TYPE_CHECKING:
    import pyoxigraph as ox

    from .engines import Engine
    from .graph import KnowledgeGraph

__all__ = ["INFERRED", "RULES", "ensure_inferred", "entailed"]

#: The named graph that holds the inferred triples.
INFERRED = "https://w3id.org/gcsf/graph/inferred"
#: Set in a graph's cache once its inferred triples are in.
CACHE_KEY = "inference.done"

#: The rules, as (template, pattern): rdfs9 (the types of subclasses) and rdfs7 (subproperties),
#: transitively. They may restate asserted triples: the engines leave those out afterwards (a
#: lookup each), much faster than asking SPARQL for "only if not asserted" (FILTER NOT EXISTS).
RULES: tuple[tuple[str, str], ...] = (
    ("?x a ?super",
     "?x a ?class . ?class rdfs:subClassOf+ ?super . FILTER(isIRI(?super) && ?super != ?class)"),
    ("?s ?super ?o",
     "?p rdfs:subPropertyOf+ ?super . ?s ?p ?o . FILTER(isIRI(?super) && ?super != ?p)"),
)


def entailed(engine: Engine) -> Iterator[ox.Triple]:
    """The triples the :data:`RULES` give from the engine's asserted ones (some asserted already).

    >>> from gcsf_graph import load
    >>> kg = load(inference=False)
    >>> any(str(t.object) == "<https://w3id.org/gcsf/ont#Event>" for t in entailed(kg.engine))
    True
    """
    for template, pattern in RULES:
        answer = engine.query(f"CONSTRUCT {{ {template} }} WHERE {{ {pattern} }}", "CONSTRUCT", {})
        assert not isinstance(answer, bool | tuple)
        yield from answer


def ensure_inferred(kg: KnowledgeGraph) -> None:
    """Add the entailed triples to a graph loaded with inference, once (a store has them built in)."""
    if kg.inference and not kg.cache.get(CACHE_KEY):
        kg.engine.infer()
        kg.cache[CACHE_KEY] = True
