"""The rdflib engine: pure Python, slower, useful to compare answers with Oxigraph's.

Syntax errors are reported by Oxigraph's parser, so they read the same on both engines.

>>> engine = RdflibEngine()
>>> engine.query("ASK { ?s ?p ?o }", "ASK", {})
False
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..errors import DataError, QueryError
from ..namespaces import PREFIXES
from ..rdfio import check_file, read_rdf
from ..terms import from_rdflib, to_rdflib
from . import Answer, Engine, QueryForm, Term
from .oxigraph import check_syntax

if TYPE_CHECKING:
    import rdflib

__all__ = ["RdflibEngine"]


def _closure(graph: rdflib.Graph, predicate: rdflib.URIRef) -> dict[Any, set[Any]]:
    """For each subject of ``predicate``, every node it reaches in one or more steps (``predicate+``)."""
    steps: dict[Any, set[Any]] = {}
    for a, b in graph.subject_objects(predicate):
        steps.setdefault(a, set()).add(b)
    reached = {}
    for start, first in steps.items():
        seen: set[Any] = set()
        todo = list(first)
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(steps.get(node, ()))
        reached[start] = seen
    return reached


class RdflibEngine(Engine):
    """An :class:`rdflib.Dataset` in memory: ``graph`` the asserted triples, ``inferred`` the others."""

    name = "rdflib"

    def __init__(self) -> None:
        import rdflib

        from ..inference import INFERRED

        # Two views of one store: in the first the default graph is the union of all graphs
        # (asserted and inferred), in the second only the asserted one.
        self.dataset = rdflib.Dataset(default_union=True)
        self._asserted = rdflib.Dataset(store=self.dataset.store, default_union=False)
        self.graph = self.dataset.default_graph
        self.inferred = self.dataset.graph(rdflib.URIRef(INFERRED))

    def infer(self) -> None:
        for triple in self.entailed():
            if triple not in self.graph:
                self.inferred.add(triple)

    def entailed(self) -> set[tuple[Any, Any, Any]]:
        """What the :data:`~gcsf_graph.inference.RULES` entail, computed in Python: rdflib's SPARQL
        engine takes over a second for the rules' property paths on the bundled graph."""
        from rdflib import RDF, RDFS, URIRef

        found: set[tuple[Any, Any, Any]] = set()
        for cls, supers in _closure(self.graph, RDFS.subClassOf).items():  # rdfs9
            named = [c for c in supers if isinstance(c, URIRef) and c != cls]
            for x in self.graph.subjects(RDF.type, cls):
                found.update((x, RDF.type, c) for c in named)
        for prop, supers in _closure(self.graph, RDFS.subPropertyOf).items():  # rdfs7
            named = [p for p in supers if isinstance(p, URIRef) and p != prop]
            for subject, value in self.graph.subject_objects(prop):
                found.update((subject, p, value) for p in named)
        return found

    def load(self, path: Path) -> None:
        import logging
        import re

        check_file(path)  # the same clear error as the Oxigraph engine, before rdflib parses
        # rdflib logs its doubts about terms on the way; the outcome is all that is reported
        logger = logging.getLogger("rdflib")
        level = logger.level
        logger.setLevel(logging.ERROR)
        try:
            read_rdf(path, lambda fmt, base: self.graph.parse(str(path), format=fmt.rdflib, publicID=base))
        except DataError as exc:  # Oxigraph's parser read the file: rdflib lacks some of its syntax
            why = re.search(r"Bad syntax \((.*?)\) at \^", str(exc))
            if why is None:
                raise
            line = re.search(r"at line (\d+)", str(exc))
            raise DataError(f"rdflib's parser cannot read this file, though Oxigraph's can ({why.group(1)}): "
                            "rdflib knows no RDF 1.2 syntax such as triple terms; use the Oxigraph engine",
                            path=str(path), line=int(line.group(1)) if line else exc.line) from None
        finally:
            logger.setLevel(level)

    def query(self, sparql: str, form: QueryForm, bindings: dict[str, Term], *,
              inferred: bool = False) -> Answer:
        import rdflib

        check_syntax(sparql)  # one parser for both engines, so syntax errors read the same
        namespaces = {k: rdflib.URIRef(v) for k, v in PREFIXES.items()}
        init = {rdflib.Variable(k): to_rdflib(v) for k, v in bindings.items()}
        try:
            dataset = self.dataset if inferred else self._asserted
            answer = dataset.query(sparql, initNs=namespaces, initBindings=init)  # type: ignore[arg-type]
            if form == "ASK":
                return bool(answer.askAnswer)
            if form == "SELECT":
                names = [str(v) for v in answer.vars or []]
                rows = [tuple(None if row[i] is None else from_rdflib(row[i])  # type: ignore[index]
                              for i in range(len(names))) for row in answer]
                return names, iter(rows)
            return iter([ox.Triple(from_rdflib(s), from_rdflib(p), from_rdflib(o))  # type: ignore[arg-type,misc]
                         for s, p, o in answer])
        except Exception as exc:  # rdflib raises many kinds; all mean the query failed
            raise QueryError(f"rdflib could not run the query: {exc}") from None

    def __len__(self) -> int:
        return len(self.graph)

    def iris(self, namespace: str) -> set[str]:
        import rdflib

        # In Python: rdflib's SPARQL engine takes seconds for a scan of every triple.
        return {str(term) for triple in self.graph for term in triple
                if isinstance(term, rdflib.URIRef) and term.startswith(namespace)}

    def quads(self) -> Iterator[ox.Quad]:
        for s, p, o in self.graph:
            yield ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o))  # type: ignore[arg-type]

    def to_rdflib(self) -> rdflib.Graph:
        graph: rdflib.Graph = self.graph
        return graph

    def close(self) -> None:
        pass
