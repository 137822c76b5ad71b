"""Pushing RDF files into a SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

Every file is parsed before anything is sent, so a broken file sends nothing. The triples go
in chunks (``POST``), with progress on stderr, and the server's count of the graph's triples is
checked at the end. With ``replace`` they go into a staging graph that replaces the graph in one
SPARQL Update ``MOVE`` at the end (on servers whose update endpoint is known: Virtuoso,
Oxigraph), so a push cut off half-way leaves the graph as it was; elsewhere the first chunk is a
``PUT`` that empties the graph, and a push cut off half-way says how many triples were sent.

>>> graph_store_url("http://127.0.0.1:8890/sparql", authenticated=True)
'http://127.0.0.1:8890/sparql-graph-crud-auth'
>>> graph_store_url("http://127.0.0.1:7878/query", authenticated=False)
'http://127.0.0.1:7878/store'
"""

from __future__ import annotations

import secrets
import sys
import time
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .errors import EndpointError, GcsfError, UsageError

if TYPE_CHECKING:
    from .engines.remote import Http

__all__ = ["PushReport", "graph_store_url", "push", "update_url"]

#: Triples sent per request.
CHUNK = 50_000
# Seconds the final MOVE of a replacing push may take (a transactional store moves 1M triples in
# minutes).
_MOVE_SECONDS = 1800.0


@dataclass(frozen=True)
class PushReport:
    """What a push did: the triples sent, in how many requests, and the graph's count after."""

    graph: str
    triples: int
    requests: int
    seconds: float
    count_after: int


def _beside(endpoint: str, on_virtuoso: str, on_oxigraph: str) -> str | None:
    """A service URL beside a query endpoint: Virtuoso's ``/sparql`` + ``on_virtuoso``, or
    Oxigraph's ``/query`` with ``on_oxigraph`` in its place; None for another layout."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path.endswith("/sparql"):
        path += on_virtuoso
    elif path.endswith("/query"):
        path = path[: -len("query")] + on_oxigraph
    else:
        return None
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def graph_store_url(endpoint: str, *, authenticated: bool) -> str:
    """The Graph Store URL beside a query endpoint, for the servers whose layout is known.

    Virtuoso's ``/sparql`` has ``/sparql-graph-crud-auth`` (with a user) or ``/sparql-graph-crud``;
    Oxigraph's ``/query`` has ``/store``. Another layout needs the URL given.
    """
    url = _beside(endpoint, "-graph-crud-auth" if authenticated else "-graph-crud", "store")
    if url is None:
        raise UsageError(f"cannot tell the Graph Store URL beside {endpoint}: give it (graph_store)")
    return url


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


def update_url(endpoint: str, *, authenticated: bool) -> str | None:
    """The SPARQL Update URL beside a query endpoint (Virtuoso, Oxigraph), or None if unknown.

    >>> update_url("http://127.0.0.1:7878/query", authenticated=False)
    'http://127.0.0.1:7878/update'
    """
    return _beside(endpoint, "-auth" if authenticated else "", "update")


def _update(http: Http, url: str, operation: str) -> None:
    data = urllib.parse.urlencode({"update": operation}).encode()
    http.send(url, data=data, content_type="application/x-www-form-urlencoded").close()


def _stopped(exc: GcsfError, graph: str, sent: int, total: int, requests: int, replace: bool,
             update: str | None, into: str, user: str | None) -> GcsfError:
    """The error of a push cut off, saying what the graph holds now."""
    from .engines.remote import Http

    if update:
        try:  # the staged copy is removed where possible; the graph itself was never touched
            _update(Http(update, user=user, timeout=10), update, f"DROP SILENT GRAPH <{into}>")
            left = ""
        except GcsfError:
            left = f"; the staging graph <{into}> may be left behind"
        return type(exc)(f"push stopped after {sent:,} of {total:,} triples: <{graph}> is unchanged{left} "
                         f"({exc})")
    if requests == 0:
        return type(exc)(f"push failed on its first request, before any triple was stored in <{graph}>: "
                         f"{exc}")
    held = "was emptied and holds" if replace else "holds its earlier triples and"
    return type(exc)(f"push stopped after {sent:,} of {total:,} triples: the graph <{graph}> {held} the "
                     f"{sent:,} sent ({exc})")


def push(paths: Sequence[str | Path], endpoint: str, graph: str, *, replace: bool = False,
         user: str | None = None, ontology: bool = True, graph_store: str | None = None,
         chunk: int = CHUNK, progress: bool = True) -> PushReport:
    """Send RDF files into ``graph`` on a SPARQL server; check the server's count afterwards.

    With no ``paths`` the bundled data is sent; the bundled ontology is added unless
    ``ontology=False``. ``replace`` replaces the graph's triples (in one step where the server's
    update endpoint is known). ``graph_store`` is the server's Graph Store URL (by default found
    beside ``endpoint``, see :func:`graph_store_url`).

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
    update = update_url(endpoint, authenticated=authenticated) if replace else None
    before = 0 if replace else len(target)
    # With --replace and an update endpoint, the triples go into a staging graph first and replace
    # the graph in one MOVE at the end: a push cut off half-way leaves the graph as it was.
    into = f"urn:gcsf:push:{secrets.token_hex(8)}" if update else graph
    _say(f"pushing {len(triples):,} triples from {len(files)} file(s) to <{graph}> at {store_url}", progress)
    sent = requests = 0
    try:
        for part in _chunks(triples, chunk):
            method = "PUT" if replace and requests == 0 else "POST"
            body = ox.serialize(part, format=ox.RdfFormat.N_TRIPLES)
            http.send(store_url, method=method, data=body, content_type="application/n-triples",
                      params={"graph": into}).close()
            sent += len(part)
            requests += 1
            _say(f"  sent {sent:,} of {len(triples):,} triples ({time.perf_counter() - started:.1f} s)",
                 progress)
        if update:
            staged = len(RemoteEngine(endpoint, user=user, graph=into, progress=False))
            if staged != len(triples):
                raise EndpointError(f"the server holds {staged:,} of the {len(triples):,} triples sent")
    except GcsfError as exc:
        raise _stopped(exc, graph, sent, len(triples), requests, replace, update, into, user) from None
    if update:
        _say(f"  replacing <{graph}> with the {sent:,} triples sent ...", progress)
        try:
            _update(Http(update, user=user, timeout=_MOVE_SECONDS), update, f"MOVE <{into}> TO <{graph}>")
        except GcsfError as exc:
            # The server may have finished (or still finish) the MOVE: say so, never "unchanged".
            raise type(exc)(f"the {sent:,} triples were sent into <{into}>, but moving them into "
                            f"<{graph}> did not complete as far as gcsf can tell: <{graph}> holds either "
                            f"its earlier triples or the new ones ({exc})") from None
    after = len(target)
    if (replace and after != len(triples)) or not (len(triples) <= after <= before + len(triples)):
        expected = f"{len(triples):,}" if replace else f"{len(triples):,} to {before + len(triples):,}"
        raise EndpointError(f"the server holds {after:,} triples in <{graph}> after the push; expected "
                            f"{expected}")
    seconds = time.perf_counter() - started
    _say(f"<{graph}> holds {after:,} triples ({seconds:.1f} s)", progress)
    return PushReport(graph, len(triples), requests, seconds, after)
