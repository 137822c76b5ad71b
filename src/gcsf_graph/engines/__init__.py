"""The engines a :class:`~gcsf_graph.graph.KnowledgeGraph` runs on, behind one small interface.

An engine holds triples and answers SPARQL; it knows nothing of the safety rules, bindings of
Python values or result types, which :mod:`gcsf_graph.sparql` adds for every engine alike.
One module per engine: :mod:`.oxigraph` (embedded, the default), :mod:`.rdflib` (pure
Python, for comparison) and :mod:`.remote` (any SPARQL 1.1 server, opened by
``load(endpoint=...)``). A new in-memory engine is one new module and one line in :func:`open_engine`.

>>> engine = open_engine("oxigraph")
>>> engine.query("ASK { ?s ?p ?o }", "ASK", {})
False
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from ..errors import UsageError
from ..terms import Term

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    import rdflib

    QueryForm = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
else:
    QueryForm = str  # at run time, without importing typing: one of those four words

__all__ = ["ENGINES", "Answer", "Engine", "QueryForm", "Term", "iris_query", "open_engine"]

#: What an engine answers: a bool for ASK; variable names and rows for SELECT; triples otherwise.
Answer = bool | tuple[list[str], Iterator[tuple[Term | None, ...]]] | Iterator[ox.Triple]

ENGINES: tuple[str, ...] = ("oxigraph", "rdflib")


def iris_query(namespace: str) -> str:
    """A SPARQL query for :meth:`Engine.iris`, for the engines that answer it natively.

    >>> "STRSTARTS" in iris_query("https://w3id.org/gcsf/ont#")
    True
    """
    return ("SELECT DISTINCT ?t WHERE { { ?t ?p ?o } UNION { ?s ?t ?o } UNION { ?s ?p ?t } "
            f"FILTER(isIRI(?t) && STRSTARTS(STR(?t), {ox.Literal(namespace)})) }}")


class Engine(ABC):
    """What the rest of the library needs from an engine: each engine is a subclass."""

    name: str

    @abstractmethod
    def load(self, path: Path) -> None:
        """Add one RDF file (its format from its extension); :class:`DataError` names file and line."""

    @abstractmethod
    def query(self, sparql: str, form: QueryForm, bindings: dict[str, Term], *,
              inferred: bool = False) -> Answer:
        """Answer a query already checked as safe, with variables bound to terms.

        ``inferred``: the default graph is the union of the asserted and the inferred triples.
        """

    @abstractmethod
    def infer(self) -> None:
        """Add what :data:`gcsf_graph.inference.RULES` entail to the inferred graph, apart from the
        asserted triples and leaving out any already asserted."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of asserted triples."""

    @abstractmethod
    def iris(self, namespace: str) -> set[str]:
        """The IRIs of ``namespace`` that any asserted triple holds, in any position."""

    @abstractmethod
    def quads(self) -> Iterator[ox.Quad]:
        """Every asserted triple, as pyoxigraph quads."""

    @abstractmethod
    def to_rdflib(self) -> rdflib.Graph:
        """The asserted triples as an :class:`rdflib.Graph` (for pySHACL and reasoners)."""

    @abstractmethod
    def close(self) -> None:
        """Release the engine's resources."""


def open_engine(name: str) -> Engine:
    """A new, empty in-memory engine of the kind named (one of :data:`ENGINES`).

    >>> open_engine("rdflib").name
    'rdflib'
    """
    if name == "oxigraph":
        from .oxigraph import OxigraphEngine

        return OxigraphEngine()
    if name == "rdflib":
        from .rdflib import RdflibEngine

        return RdflibEngine()
    raise UsageError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
