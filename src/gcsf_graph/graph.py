"""Loading the ontology and data into a queryable graph.

This is the one module that knows where the bundled files are.

>>> kg = load()
>>> len(kg) > 1000
True
>>> kg.engine
'oxigraph'
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pyoxigraph as ox

from .errors import DataError, UsageError

if TYPE_CHECKING:
    import rdflib

    from .sparql import Rows

__all__ = ["ENGINES", "KnowledgeGraph", "bundled_paths", "load", "load_store"]

Engine = Literal["oxigraph", "rdflib"]
ENGINES: tuple[str, ...] = ("oxigraph", "rdflib")

_PACKAGE = Path(__file__).resolve().parent
_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".n3": ox.RdfFormat.N3,
    ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD,
}


def _resource_root() -> Path:
    # An installed wheel carries the files in gcsf_graph/resources; a source checkout
    # (editable install or tests) keeps them at the repository root.
    bundled = _PACKAGE / "resources"
    return bundled if (bundled / "ontology").is_dir() else _PACKAGE.parent.parent


def bundled_paths() -> dict[str, Path]:
    """The bundled files by role: ``ontology``, ``shapes`` and ``data``.

    >>> sorted(bundled_paths())
    ['data', 'ontology', 'shapes']
    """
    root = _resource_root()
    return {
        "ontology": root / "ontology" / "gcsf.ttl",
        "shapes": root / "ontology" / "shapes.ttl",
        "data": root / "data" / "triples.ttl",
    }


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension."""
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(_FORMATS))
        raise DataError(f"cannot tell the RDF format from the extension {path.suffix!r} "
                        f"(known: {known})", path=str(path)) from None


def parse_file(path: Path) -> list[ox.Quad]:
    """Parse one RDF file completely, or raise :class:`DataError` naming the file and line."""
    fmt = rdf_format(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError("no such file", path=str(path)) from None
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path=str(path)) from None
    try:
        return list(ox.parse(data, format=fmt, base_iri=path.resolve().as_uri()))
    except SyntaxError as exc:
        message = str(exc.msg if hasattr(exc, "msg") and exc.msg else exc)
        message = message.split(": ", 1)[-1] if message.startswith("Parser error") else message
        raise DataError(message, path=str(path), line=exc.lineno, column=exc.offset) from None


@dataclass
class KnowledgeGraph:
    """The loaded graph: ontology plus data, in one engine, ready to query.

    Use :func:`load` to make one. ``store`` is a :class:`pyoxigraph.Store` for the
    ``oxigraph`` engine and an :class:`rdflib.Graph` for the ``rdflib`` engine.
    """

    store: Any
    engine: Engine = "oxigraph"
    sources: tuple[Path, ...] = ()
    _rdflib: rdflib.Graph | None = field(default=None, repr=False)
    #: Derived data (such as the search index) computed once per loaded graph.
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.store)

    def query(self, sparql: str, *, bindings: dict[str, Any] | None = None,
              timeout: float | None = None, limit: int | None = None) -> Rows | bool | rdflib.Graph:
        """Run a read-only SPARQL query: rows for SELECT, a bool for ASK, a graph otherwise.

        >>> rows = load().query("SELECT ?l WHERE { ?p a gcsf:Person ; rdfs:label ?l } ORDER BY ?l LIMIT 1")
        >>> rows[0]["l"]
        'Cao Zhongming'
        """
        from .sparql import run_query

        return run_query(self, sparql, bindings=bindings, timeout=timeout, limit=limit)

    def quads(self) -> Iterator[ox.Quad]:
        """Every triple of the graph, as pyoxigraph quads in the default graph."""
        if self.engine == "oxigraph":
            yield from self.store
        else:
            from .terms import from_rdflib

            for s, p, o in self.store:
                yield ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o))  # type: ignore[arg-type]

    def to_rdflib(self) -> rdflib.Graph:
        """The same triples as an :class:`rdflib.Graph` (built once, then cached)."""
        if self.engine == "rdflib":
            return self.store  # type: ignore[no-any-return]
        if self._rdflib is None:
            import rdflib

            graph = rdflib.Graph()
            data = ox.serialize(self.store, format=ox.RdfFormat.N_TRIPLES) if len(self.store) else b""
            graph.parse(data=data, format="nt")
            self._rdflib = graph
        return self._rdflib


def _progress(message: str, enabled: bool) -> None:
    if enabled:
        print(message, file=sys.stderr, flush=True)


def load(*paths: str | Path, engine: Engine = "oxigraph", ontology: bool = True,
         progress: bool = False) -> KnowledgeGraph:
    """Load the ontology and the data into a new in-memory graph.

    With no ``paths`` the bundled curated data is loaded; given paths replace it. Every file
    is parsed completely before anything is added, so a broken file raises
    :class:`~gcsf_graph.errors.DataError` (naming the file and line) and nothing is half-loaded.

    >>> kg = load(engine="rdflib")
    >>> kg.query("ASK { person:xi-jinping a gcsf:Person }")
    True
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    files = [Path(p) for p in paths] or [bundled_paths()["data"]]
    if ontology:
        files.insert(0, bundled_paths()["ontology"])
    parsed: list[list[ox.Quad]] = []
    for path in files:
        _progress(f"parsing {path} ...", progress)
        parsed.append(parse_file(path))
    return _build(parsed, engine, tuple(files), progress)


def _build(parsed: Iterable[list[ox.Quad]], engine: Engine, files: tuple[Path, ...],
           progress: bool) -> KnowledgeGraph:
    if engine == "oxigraph":
        store = ox.Store()
        for quads in parsed:
            store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
        _progress(f"loaded {len(store)} triples", progress)
        return KnowledgeGraph(store, "oxigraph", files)
    import rdflib

    from .terms import to_rdflib

    graph = rdflib.Graph()
    for quads in parsed:
        for q in quads:
            graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))  # type: ignore[arg-type]
    _progress(f"loaded {len(graph)} triples", progress)
    return KnowledgeGraph(graph, "rdflib", files)


def load_store(directory: str | Path) -> KnowledgeGraph:
    """Open an on-disk Oxigraph store built by ``gcsf load --store DIR``.

    The store is opened read-only, so several processes can query it at once.
    """
    path = Path(directory)
    if not (path / "CURRENT").exists():
        raise DataError("not an Oxigraph store (build one with `gcsf load FILES --store DIR`)",
                        path=str(path))
    try:
        store = ox.Store.read_only(str(path))
    except OSError as exc:
        raise DataError(f"cannot open the store: {exc}", path=str(path)) from None
    return KnowledgeGraph(store, "oxigraph", (path,))
