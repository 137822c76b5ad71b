"""The embedded Oxigraph engine: in memory, or an on-disk store opened read-only.

>>> engine = OxigraphEngine()
>>> from gcsf_graph.graph import bundled_paths
>>> engine.load(bundled_paths()["ontology"])
>>> engine.query("ASK { gcsf:Person a owl:Class }", "ASK", {})
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError, QueryError, QuerySyntaxError
from ..namespaces import PREFIXES
from ..rdfio import read_rdf
from . import Answer, Engine, QueryForm, Term

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    import rdflib

    T = TypeVar("T")

__all__ = ["OxigraphEngine", "check_syntax", "syntax_error"]

_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


def syntax_error(sparql: str, exc: SyntaxError) -> QuerySyntaxError:
    """Oxigraph's syntax error as a :class:`QuerySyntaxError` pointing at the line and column."""
    message = str(exc)
    found = _POSITION.search(message)
    if not found:
        return QuerySyntaxError(message)
    # Oxigraph's column is one past the offending character; report the character itself.
    line, column = int(found.group(1)), max(int(found.group(2)) - 1, 1)
    lines = sparql.split("\n")
    detail = " ".join(found.group(3).split())
    if len(detail) > 160:
        detail = detail[:157] + "..."
    source = lines[line - 1] if 0 < line <= len(lines) else None
    return QuerySyntaxError(f"malformed query: {detail}", line=line, column=column, source_line=source)


def check_syntax(sparql: str) -> None:
    """Parse a query (already checked as safe) with Oxigraph's parser, or raise :class:`QuerySyntaxError`.

    >>> check_syntax("SELECT ?x WHERE { ?x ?p }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gcsf_graph.errors.QuerySyntaxError: line 1, column ...
    """
    try:
        _EMPTY.query(sparql, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise syntax_error(sparql, exc) from None


_EMPTY = ox.Store()


def _guarded(items: Iterable[T]) -> Iterator[T]:
    """The answers as Oxigraph computes them, lazily; its failures on the way become QueryError."""
    try:
        yield from items
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"the query failed while running: {exc}") from None


class OxigraphEngine(Engine):
    """Oxigraph (pyoxigraph): a fresh in-memory store, or ``store`` (an opened on-disk one)."""

    name = "oxigraph"

    def __init__(self, store: ox.Store | None = None, *, inferred: int = 0) -> None:
        self.store = store if store is not None else ox.Store()
        self._rdflib: rdflib.Graph | None = None
        #: How many triples the inferred graph holds (known from a store's build).
        self.inferred = inferred

    def infer(self) -> None:
        from ..inference import INFERRED, RULES

        # Inside the store, in two native steps: insert what each rule gives, then drop what the
        # data asserts already (so the union of both graphs holds each triple once).
        graph = f"<{INFERRED}>"
        declared = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
        for template, pattern in RULES:
            self.store.update(f"{declared}INSERT {{ GRAPH {graph} {{ {template} }} }} WHERE {{ {pattern} }}")
        triple = "{ ?s ?p ?o }"
        self.store.update(f"DELETE {{ GRAPH {graph} {triple} }} WHERE {{ GRAPH {graph} {triple} ?s ?p ?o }}")
        count = self.store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {triple} }}")
        assert isinstance(count, ox.QuerySolutions)
        self.inferred = int(next(iter(count))["n"].value)

    def load(self, path: Path) -> None:
        read_rdf(path, lambda fmt, base: self.store.load(path=str(path), format=fmt.oxigraph,
                                                         base_iri=base))

    def query(self, sparql: str, form: QueryForm, bindings: dict[str, Term], *,
              inferred: bool = False) -> Answer:
        from ..inference import INFERRED

        graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None
        if inferred and self.inferred:
            graphs = [ox.DefaultGraph(), ox.NamedNode(INFERRED)]
        try:
            answer = self.store.query(sparql, prefixes=PREFIXES, default_graph=graphs,
                                      substitutions={ox.Variable(k): v for k, v in bindings.items()})
        except SyntaxError as exc:
            raise syntax_error(sparql, exc) from None
        except OSError as exc:
            raise QueryError(f"the store could not answer: {exc}") from None
        except RuntimeError as exc:
            if "projection" in str(exc):
                raise QueryError("bindings apply to variables the query selects: add "
                                 f"{', '.join('?' + b for b in bindings)} to SELECT") from None
            raise QueryError(f"cannot run the query: {exc}") from None
        if isinstance(answer, ox.QueryBoolean):
            return bool(answer)
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            return names, _guarded(tuple(s[n] for n in names) for s in answer)
        return _guarded(answer)

    def __len__(self) -> int:
        try:
            return len(self.store) - self.inferred
        except (OSError, RuntimeError) as exc:
            raise DataError(f"the store cannot be read: {exc}") from None

    def iris(self, namespace: str) -> set[str]:
        from . import iris_query

        answer = self.store.query(iris_query(namespace))
        assert isinstance(answer, ox.QuerySolutions)
        return {row[0].value for row in answer}

    def quads(self) -> Iterator[ox.Quad]:
        if not self.inferred:
            yield from self.store
        else:
            yield from self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())

    def to_rdflib(self) -> rdflib.Graph:
        if self._rdflib is None:
            import rdflib

            graph = rdflib.Graph()
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in self.quads())
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if len(self) else b""
            graph.parse(data=data, format="nt")
            self._rdflib = graph
        return self._rdflib

    def close(self) -> None:
        self._rdflib = None
