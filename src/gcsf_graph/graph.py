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
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pyoxigraph as ox

from .errors import DataError, UsageError

if TYPE_CHECKING:
    import rdflib

    from .sparql import Rows

__all__ = ["ENGINES", "KnowledgeGraph", "build_store", "bundled_paths", "load", "load_store"]

Engine = Literal["oxigraph", "rdflib"]
ENGINES: tuple[str, ...] = ("oxigraph", "rdflib")

_PACKAGE = Path(__file__).resolve().parent
_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".n3": ox.RdfFormat.N3,
    ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD,
}


_RDFLIB_FORMATS = {
    ox.RdfFormat.TURTLE: "turtle", ox.RdfFormat.N_TRIPLES: "nt", ox.RdfFormat.N_QUADS: "nquads",
    ox.RdfFormat.TRIG: "trig", ox.RdfFormat.N3: "n3", ox.RdfFormat.RDF_XML: "xml",
    ox.RdfFormat.JSON_LD: "json-ld",
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
    """The RDF format of a file, from its extension.

    >>> rdf_format(Path("data.nt"))
    <RdfFormat N-Triples>
    """
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(_FORMATS))
        raise DataError(f"cannot tell the RDF format from the extension {path.suffix!r} "
                        f"(known: {known})", path=str(path)) from None


def _readable(path: Path) -> ox.RdfFormat:
    """The file's RDF format, once it is known to exist and be a file; else :class:`DataError`."""
    fmt = rdf_format(path)
    if not path.exists():
        raise DataError("no such file", path=str(path))
    if path.is_dir():
        raise DataError("is a directory, not an RDF file", path=str(path))
    return fmt


def _read_rdf(path: Path, read: Callable[[ox.RdfFormat, str], object]) -> None:
    """Run ``read(format, base_iri)`` on a file, turning parse and I/O errors into :class:`DataError`."""
    fmt = _readable(path)
    try:
        read(fmt, path.resolve().as_uri())
    except SyntaxError as exc:
        message = str(exc.msg if getattr(exc, "msg", None) else exc)
        if message.startswith("Parser error") and ": " in message:
            message = message.split(": ", 1)[1]
        raise DataError(message, path=str(path), line=exc.lineno, column=exc.offset) from None
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None


def check_file(path: Path) -> None:
    """Parse an RDF file completely without keeping it, or raise :class:`DataError` with the line."""
    _read_rdf(path, lambda fmt, base: deque(ox.parse(path=str(path), format=fmt, base_iri=base),
                                            maxlen=0))


def load_into(store: ox.Store, path: Path, *, bulk: bool = False) -> None:
    """Add one RDF file to an Oxigraph store, raising :class:`DataError` with the line on bad syntax."""
    loader = store.bulk_load if bulk else store.load
    _read_rdf(path, lambda fmt, base: loader(path=str(path), format=fmt, base_iri=base))


def _files(paths: tuple[str | Path, ...], ontology: bool) -> list[Path]:
    """The files to load: the given ones (else the bundled data), after the ontology if wanted."""
    files = [Path(p) for p in paths] or [bundled_paths()["data"]]
    return [bundled_paths()["ontology"], *files] if ontology else files


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

    With no ``paths`` the bundled curated data is loaded; given paths replace it. The graph is
    built fresh and returned only when every file has loaded, so a broken file raises
    :class:`~gcsf_graph.errors.DataError` (naming the file and line) and nothing is half-loaded.
    ``progress=True`` reports each file on stderr.

    >>> kg = load(engine="rdflib")
    >>> kg.query("ASK { person:xi-jinping a gcsf:Person }")
    True
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    files = _files(paths, ontology)
    started = time.perf_counter()
    if engine == "oxigraph":
        store = ox.Store()
        for path in files:
            _progress(f"loading {path} ...", progress)
            load_into(store, path)
        _progress(f"loaded {len(store):,} triples in {time.perf_counter() - started:.1f} s", progress)
        return KnowledgeGraph(store, "oxigraph", tuple(files))
    import rdflib

    graph = rdflib.Graph()
    for path in files:
        _progress(f"loading {path} (rdflib) ...", progress)
        check_file(path)  # the same clear error as the Oxigraph engine, before rdflib parses
        graph.parse(str(path), format=_RDFLIB_FORMATS[_readable(path)])
    _progress(f"loaded {len(graph):,} triples in {time.perf_counter() - started:.1f} s", progress)
    return KnowledgeGraph(graph, "rdflib", tuple(files))


def load_store(directory: str | Path) -> KnowledgeGraph:
    """Open an on-disk Oxigraph store built by ``gcsf load --store DIR``.

    The store is opened read-only, so several processes can query it at once.
    """
    path = Path(directory)
    if not path.is_dir() or not any(path.iterdir()):
        raise DataError("not an Oxigraph store (build one with `gcsf load FILES --store DIR`)",
                        path=str(path))
    try:
        store = ox.Store.read_only(str(path))
    except OSError as exc:
        raise DataError(f"cannot open the store: {exc}", path=str(path)) from None
    return KnowledgeGraph(store, "oxigraph", (path,))


def _fill_store(folder: Path, files: list[Path], progress: bool, started: float) -> None:
    store = ox.Store(str(folder))
    for path in files:
        size = path.stat().st_size
        _progress(f"loading {path} ({size / 1e6:,.1f} MB) ...", progress)
        load_into(store, path, bulk=True)
        _progress(f"  {len(store):,} triples after {time.perf_counter() - started:.1f} s", progress)
    store.optimize()
    store.flush()


def build_store(directory: str | Path, *paths: str | Path, ontology: bool = True,
                replace: bool = False, progress: bool = True) -> Path:
    """Build an on-disk Oxigraph store from RDF files, for graphs too big to parse each time.

    The store is built in a sibling folder and moved into place only when every file has
    loaded, so a broken file leaves no half-built store. Returns the store's folder.

    >>> import tempfile
    >>> folder = build_store(tempfile.mkdtemp() + "/store", bundled_paths()["data"], progress=False)
    >>> load_store(folder).query("ASK { person:xi-jinping a gcsf:Person }")
    True
    """
    import shutil
    import tempfile

    target = Path(directory)
    if target.exists() and not replace:
        raise UsageError(f"{target} already exists (replace it with --replace)")
    if not paths:
        raise UsageError("give at least one RDF file to load")
    files = _files(paths, ontology)
    for path in files:  # every file readable before anything is built
        _readable(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    started = time.perf_counter()
    try:
        _fill_store(building, files, progress, started)
        if target.exists():
            shutil.rmtree(target)
        building.rename(target)
    except BaseException as exc:
        # The traceback keeps the frames that hold the open store; clear them so the store
        # closes and its folder can be removed.
        import gc
        import traceback

        for failure in (exc, exc.__context__):
            if failure is not None:
                traceback.clear_frames(failure.__traceback__)
        gc.collect()
        shutil.rmtree(building, ignore_errors=True)
        raise
    return target
