"""The loaded graph: the ontology and the data in one engine, ready to query.

This is the one module that knows where the bundled files are.

>>> kg = load()
>>> len(kg) > 1000
True
>>> kg.engine.name
'oxigraph'
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    import pyoxigraph as ox
    import rdflib

    from .engines import Engine
    from .sparql import Result

__all__ = ["KnowledgeGraph", "bundled_paths", "load"]

_PACKAGE = Path(__file__).resolve().parent
# Loading more than this many bytes of RDF reports progress on stderr.
_PROGRESS_BYTES = 20_000_000


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


class KnowledgeGraph:
    """The loaded graph: ontology plus data in one :class:`~gcsf_graph.engines.Engine`.

    Use :func:`load` to make one. ``sources`` are the files it was loaded from; ``inference``
    says whether queries see the inferred triples too (see :mod:`gcsf_graph.inference`);
    ``cache`` holds derived data (such as the search index) computed once per loaded graph.
    """

    def __init__(self, engine: Engine, sources: tuple[Path, ...] = (), inference: bool = False,
                 cache: dict[str, Any] | None = None) -> None:
        self.engine = engine
        self.sources = sources
        self.inference = inference
        self.cache: dict[str, Any] = cache if cache is not None else {}

    def __repr__(self) -> str:
        return (f"KnowledgeGraph(engine={self.engine.name!r}, sources={self.sources!r}, "
                f"inference={self.inference})")

    def __len__(self) -> int:
        return len(self.engine)

    def query(self, sparql: str, *, bindings: dict[str, Any] | None = None,
              limit: int | None = None, timeout: float | None = None,
              inference: bool | None = None, check_terms: bool = True) -> Result:
        """The same as :func:`gcsf_graph.query` on this graph.

        >>> rows = load().query("SELECT ?l WHERE { ?p a gcsf:Person ; rdfs:label ?l } ORDER BY ?l LIMIT 1")
        >>> rows[0]["l"]
        'Cao Zhongming'
        """
        from .sparql import query

        return query(self, sparql, bindings=bindings, limit=limit, timeout=timeout, inference=inference,
                     check_terms=check_terms)

    def quads(self) -> Iterator[ox.Quad]:
        """Every asserted triple of the graph, as pyoxigraph quads."""
        return self.engine.quads()

    def to_rdflib(self) -> rdflib.Graph:
        """The asserted triples as an :class:`rdflib.Graph` (built once, then cached)."""
        return self.engine.to_rdflib()


def _progress(message: str, enabled: bool) -> None:
    if enabled:
        print(message, file=sys.stderr, flush=True)


def load(*paths: str | Path, engine: str = "oxigraph", store: str | Path | None = None,
         ontology: bool = True, inference: bool = True, progress: bool | None = None,
         endpoint: str | None = None, user: str | None = None, graph: str | None = None) -> KnowledgeGraph:
    """Load the ontology and the data into a new graph, ready to query.

    With no ``paths`` the bundled curated data is loaded; given paths replace it. ``store``
    opens an on-disk store built by :func:`gcsf_graph.stores.build_store` instead (read-only).
    ``endpoint`` queries a SPARQL 1.1 server instead (:mod:`gcsf_graph.engines.remote`), as
    ``user`` if given, on the named ``graph`` if given (filled by :func:`gcsf_graph.push.push`).
    The graph is returned only when every file has loaded, so a broken file raises
    :class:`~gcsf_graph.errors.DataError` (naming the file and line) and nothing is half-loaded.
    ``progress`` reports each file on stderr (by default for more than 20 MB of files).
    ``inference`` adds the types and properties RDFS subclass and subproperty entailment
    implies, in their own graph (:mod:`gcsf_graph.inference`), computed by the first query
    that sees them; queries see them, ``len()``, exports and validation do not. A store holds
    the inferred triples its build added.

    >>> kg = load(engine="rdflib")
    >>> kg.query("ASK { person:xi-jinping a gcsf:Person }")
    True
    """
    from .engines import ENGINES, open_engine

    if endpoint is not None:
        if paths or store is not None or engine != "oxigraph":
            raise UsageError("an endpoint is queried as it is: give no files, no store and no other engine")
        from .engines.remote import RemoteEngine

        return KnowledgeGraph(RemoteEngine(endpoint, user=user, graph=graph, progress=progress))
    if user is not None or graph is not None:
        raise UsageError("a user and a graph apply to an endpoint only")
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if store is not None:
        if paths or engine != "oxigraph":
            raise UsageError("a store is queried as it is: give no files and the oxigraph engine")
        from .inference import CACHE_KEY
        from .stores import open_store

        # a store holds the inferred triples its build added
        return KnowledgeGraph(open_store(store), (Path(store),), inference=inference, cache={CACHE_KEY: True})
    files = [Path(p) for p in paths] or [bundled_paths()["data"]]
    if ontology:
        files.insert(0, bundled_paths()["ontology"])
    if not paths and ontology and engine == "oxigraph" and inference:
        # The bundled graph: a store built once per content (inferences included), opened in
        # milliseconds rather than parsed in every process.
        from .inference import CACHE_KEY
        from .stores import cached_store

        cached = cached_store(files)
        if cached is not None:
            return KnowledgeGraph(cached, tuple(files), inference=inference, cache={CACHE_KEY: True})
    if progress is None:
        progress = sum(p.stat().st_size for p in files if p.is_file()) > _PROGRESS_BYTES
    started = time.perf_counter()
    backend = open_engine(engine)
    for path in files:
        _progress(f"loading {path} ({engine}) ...", progress)
        backend.load(path)
    _progress(f"loaded {len(backend):,} triples in {time.perf_counter() - started:.1f} s", progress)
    return KnowledgeGraph(backend, tuple(files), inference=inference)
