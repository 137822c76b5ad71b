"""Pushing RDF files into a SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

Every file is parsed before anything is sent, so a broken file sends nothing. The triples go
in chunks (``POST``; with ``replace`` the first chunk is a ``PUT``, which empties the graph
first), with progress on stderr, and the server's count of the graph's triples is checked at
the end. A push cut off half-way says how many triples were sent.

>>> graph_store_url("http://127.0.0.1:8890/sparql", authenticated=True)
'http://127.0.0.1:8890/sparql-graph-crud-auth'
>>> graph_store_url("http://127.0.0.1:7878/query", authenticated=False)
'http://127.0.0.1:7878/store'
"""

from __future__ import annotations

import sys
import time
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import EndpointError, GcsfError, UsageError

__all__ = ["PushReport", "graph_store_url", "push"]

#: Triples sent per request.
CHUNK = 50_000


@dataclass(frozen=True)
class PushReport:
    """What a push did: the triples sent, in how many requests, and the graph's count after."""

    graph: str
    triples: int
    requests: int
    seconds: float
    count_after: int


def graph_store_url(endpoint: str, *, authenticated: bool) -> str:
    """The Graph Store URL beside a query endpoint, for the servers whose layout is known.

    Virtuoso's ``/sparql`` has ``/sparql-graph-crud-auth`` (with a user) or ``/sparql-graph-crud``;
    Oxigraph's ``/query`` has ``/store``. Another layout needs the URL given.
    """
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path.endswith("/sparql"):
        path += "-graph-crud-auth" if authenticated else "-graph-crud"
    elif path.endswith("/query"):
        path = path[: -len("query")] + "store"
    else:
        raise UsageError(f"cannot tell the Graph Store URL beside {endpoint}: give it (graph_store)")
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _say(message: str, enabled: bool) -> None:
    if enabled:
        print(message, file=sys.stderr, flush=True)


def _has_blank(t: ox.Triple) -> bool:
    return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)


def _read_all(paths: Sequence[Path]) -> list[ox.Triple]:
    """Every distinct triple of the files (graphs merged), triples with blank nodes first.

    A blank node is local to one request, so all triples that mention blank nodes travel in
    the first request; otherwise one node split across two requests would become two.
    """
    from .engines.oxigraph import OxigraphEngine

    engine = OxigraphEngine()
    for path in paths:
        engine.load(path)
    triples = list(dict.fromkeys(q.triple for q in engine.store))
    return [t for t in triples if _has_blank(t)] + [t for t in triples if not _has_blank(t)]


def _chunks(triples: list[ox.Triple], size: int) -> Iterable[list[ox.Triple]]:
    first = max(size, sum(1 for t in triples if _has_blank(t)))
    yield triples[:first]
    for start in range(first, len(triples), size):
        yield triples[start:start + size]


def push(paths: Sequence[str | Path], endpoint: str, graph: str, *, replace: bool = False,
         user: str | None = None, ontology: bool = True, graph_store: str | None = None,
         chunk: int = CHUNK, progress: bool = True) -> PushReport:
    """Send RDF files into ``graph`` on a SPARQL server; check the server's count afterwards.

    With no ``paths`` the bundled data is sent; the bundled ontology is added unless
    ``ontology=False``. ``replace`` empties the graph first. ``graph_store`` is the server's Graph
    Store URL (by default found beside ``endpoint``, see :func:`graph_store_url`).

    >>> push(["missing.ttl"], "http://127.0.0.1:9/query", "urn:x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gcsf_graph.errors.DataError: missing.ttl: no such file
    """
    from .engines.remote import Http, RemoteEngine, credentials
    from .graph import bundled_paths

    if chunk < 1:
        raise UsageError("the chunk size must be at least one triple")
    files = [Path(p) for p in paths] or [bundled_paths()["data"]]
    if ontology:
        files.insert(0, bundled_paths()["ontology"])
    started = time.perf_counter()
    triples = _read_all(files)  # everything parsed before anything is sent
    target = RemoteEngine(endpoint, user=user, graph=graph, progress=False)
    authenticated = credentials(endpoint, user) is not None
    store_url = graph_store or graph_store_url(endpoint, authenticated=authenticated)
    http = Http(store_url, user=user, timeout=target.http.timeout)
    before = 0 if replace else len(target)
    _say(f"pushing {len(triples):,} triples from {len(files)} file(s) to <{graph}> at {store_url}", progress)
    sent = requests = 0
    for part in _chunks(triples, chunk):
        method = "PUT" if replace and requests == 0 else "POST"
        body = ox.serialize(part, format=ox.RdfFormat.N_TRIPLES)
        try:
            http.send(store_url, method=method, data=body, content_type="application/n-triples",
                      params={"graph": graph}).close()
        except GcsfError as exc:
            if requests == 0:
                raise type(exc)(f"push failed on its first request, before any triple was stored in "
                                f"<{graph}>: {exc}") from None
            held = "was emptied and holds" if replace else "holds its earlier triples and"
            raise type(exc)(f"push stopped after {sent:,} of {len(triples):,} triples: the graph "
                            f"<{graph}> {held} the {sent:,} sent ({exc})") from None
        sent += len(part)
        requests += 1
        _say(f"  sent {sent:,} of {len(triples):,} triples ({time.perf_counter() - started:.1f} s)", progress)
    after = len(target)
    if (replace and after != len(triples)) or not (len(triples) <= after <= before + len(triples)):
        expected = f"{len(triples):,}" if replace else f"{len(triples):,} to {before + len(triples):,}"
        raise EndpointError(f"the server holds {after:,} triples in <{graph}> after the push; expected "
                            f"{expected}")
    seconds = time.perf_counter() - started
    _say(f"<{graph}> holds {after:,} triples ({seconds:.1f} s)", progress)
    return PushReport(graph, len(triples), requests, seconds, after)
