"""The web server: one ASGI app for the SPARQL endpoint, the Linked Data pages and the web app.

:func:`create_app` builds the app over a loaded graph; :func:`serve` runs it with uvicorn in
pre-forked server processes. The app hands each request that reads the graph to a runner
(:mod:`.workers`) that bounds its time and the number at once: worker processes by default, a
thread of its own process in `gcsf serve` (a process whose query overruns is replaced). Every
response carries a strict Content-Security-Policy; a Host header other than the names the server
answers to is refused (DNS rebinding); no cross-origin reads unless ``cors`` names an origin.

>>> from starlette.testclient import TestClient
>>> from gcsf_graph import load
>>> with TestClient(create_app(load(), Settings(allowed_hosts=("testserver",)))) as client:
...     client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"]
True
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import QueryError, QueryRefused, QuerySyntaxError, QueryTimeout, UnknownEntityError, UsageError
from ..formats import RDF_FORMATS
from .protocol import (
    ProtocolError,
    ProtocolQuery,
    Reply,
    answer,
    negotiate,
    query_form,
    read_request,
    service_description,
)
from .workers import ARRIVAL, Busy, Runner, ThreadRunner, WorkerPool

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

    from ..graph import KnowledgeGraph

__all__ = ["Settings", "create_app", "exposure_warning", "serve"]

_HERE = Path(__file__).resolve().parent
_LOOPBACK = ("127.0.0.1", "localhost", "::1")
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@dataclass(frozen=True)
class Settings:
    """How the server runs, with safe defaults: loopback only, small bodies, bounded work."""

    host: str = "127.0.0.1"
    port: int = 8000
    #: Host header names accepted besides the bound address and the loopback names.
    allowed_hosts: tuple[str, ...] = ()
    #: An origin allowed to read answers from a browser page elsewhere (CORS); none by default.
    cors: tuple[str, ...] = ()
    #: Processes answering queries, one at a time each.
    workers: int = 2
    #: Requests that may wait for a worker (shared among the server processes); more get 503
    #: with Retry-After.
    queue: int = 32
    #: Seconds a request may take, its query included.
    timeout: float = 20.0
    #: Seconds to send the request body.
    body_timeout: float = 10.0
    max_body: int = 1_000_000
    max_query_chars: int = 200_000
    #: Rows (or triples) an answer holds at most; a header says when it was cut.
    max_rows: int = 100_000
    #: Open connections at most; more get 503.
    max_connections: int = 256
    #: Seconds a connection may take to send a request's headers, and stay idle between requests.
    header_timeout: float = 10.0
    #: The folder of the article texts, to list each article's claims in text order.
    articles: Path | None = None

    def hosts(self) -> list[str]:
        """The Host header names the server answers to."""
        names = [*_LOOPBACK, "[::1]", *self.allowed_hosts]
        if self.host not in ("0.0.0.0", "::"):
            names.append(self.host)
        return names


def _plain(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    from starlette.responses import PlainTextResponse

    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def _error_response(exc: Exception) -> Response:
    if isinstance(exc, ProtocolError):
        # a body too slow or too large is not read to its end: the connection cannot be reused
        closing = {"Connection": "close"} if exc.status in (408, 413) else None
        return _plain(exc.status, str(exc), closing)
    if isinstance(exc, Busy):
        return _plain(503, str(exc), {"Retry-After": "1"})
    if isinstance(exc, QueryTimeout):
        return _plain(503, str(exc))
    if isinstance(exc, QuerySyntaxError):
        return _plain(400, str(exc))
    if isinstance(exc, QueryRefused):
        return _plain(403, str(exc))
    if isinstance(exc, UnknownEntityError):
        return _plain(404, str(exc))
    if isinstance(exc, QueryError | UsageError):
        return _plain(400, str(exc))
    raise exc


async def _body(request: Request, settings: Settings) -> bytes:
    """The request body, refused past ``max_body`` bytes (413) or ``body_timeout`` seconds (408)."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > settings.max_body):
        raise ProtocolError(413, f"the body is larger than the {settings.max_body:,} bytes accepted")
    chunks: list[bytes] = []
    size = 0

    async def read() -> None:
        nonlocal size
        async for chunk in request.stream():
            size += len(chunk)
            if size > settings.max_body:
                raise ProtocolError(413, f"the body is larger than the {settings.max_body:,} bytes accepted")
            chunks.append(chunk)

    try:
        await asyncio.wait_for(read(), settings.body_timeout)
    except TimeoutError:
        raise ProtocolError(408, f"the body took longer than {settings.body_timeout:g} s to arrive") from None
    return b"".join(chunks)


def _reply(reply: Reply, extra: dict[str, str] | None = None) -> Response:
    from starlette.responses import Response

    headers = {"Vary": "Accept", **(extra or {})}
    if reply.truncated:
        headers["Gcsf-Truncated"] = "true"
    return Response(reply.body, media_type=reply.media_type, headers=headers)


def _sparql_handler(settings: Settings, pool: Runner) -> Callable[[Request], Awaitable[Response]]:
    async def sparql(request: Request) -> Response:
        try:
            if request.method not in ("GET", "POST"):
                raise ProtocolError(405, f"{request.method} is not a protocol method (use GET or POST)")
            params = request.query_params.multi_items()
            body = await _body(request, settings) if request.method == "POST" else b""
            endpoint = str(request.url.replace(query=""))  # the base of the query's relative IRIs
            if request.method == "GET" and not params:
                fmt = negotiate("CONSTRUCT", request.headers.get("accept"))
                return _reply(await pool.call(_describe_service, endpoint, fmt.name))
            query = read_request(request.method, params, request.headers.get("content-type"), body,
                                          base=endpoint)
            if len(query.query) > settings.max_query_chars:
                raise ProtocolError(413, f"the query has {len(query.query):,} characters; at most "
                                         f"{settings.max_query_chars:,} are accepted")
            # checking, choosing the format and answering all happen in a worker: the server
            # process only speaks HTTP
            return _reply(await pool.call(_answer, query, request.headers.get("accept"),
                                          request.query_params.get("format"), settings.max_rows))
        except Exception as exc:
            return _error_response(exc)

    return sparql


# Worker tasks take format names: pyoxigraph's format objects do not pickle.
def _answer(kg: KnowledgeGraph, query: ProtocolQuery, accept: str | None, fmt: str | None,
            max_rows: int) -> Reply:
    chosen = negotiate(query_form(kg, query), accept, name=fmt)
    return answer(kg, query, chosen, row_cap=max_rows)


def _describe_service(kg: KnowledgeGraph, endpoint: str, fmt: str) -> Reply:
    return service_description(kg, endpoint, RDF_FORMATS[fmt])


_CSP_HEADER = (b"content-security-policy", _CSP.encode())
_SAFE_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                 (b"x-frame-options", b"DENY")]


def _security_headers(app: Any) -> Any:
    """Every response: no sniffing, no framing, no referrer, scripts only from this server."""
    async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"content-security-policy" for name, _ in headers):
                    headers.append(_CSP_HEADER)
                headers += _SAFE_HEADERS
                message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped


def create_app(kg: KnowledgeGraph, settings: Settings | None = None, *, pool: Runner | None = None) -> Any:
    """The ASGI app over a loaded graph (see the module docstring).

    ``pool`` runs the requests' tasks: by default a :class:`.WorkerPool` of ``settings.workers``
    processes (`gcsf serve` gives each of its server processes a :class:`.ThreadRunner`).
    """
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.routing import BaseRoute, Route

    settings = settings or Settings()
    if pool is None:
        pool = WorkerPool(kg, size=settings.workers, timeout=settings.timeout, queue=settings.queue)
    methods = ["GET", "POST", "PUT", "DELETE", "PATCH"]
    sparql = _sparql_handler(settings, pool)
    routes: list[BaseRoute] = [Route("/sparql", sparql, methods=methods),
                               Route("/sparql/", sparql, methods=methods)]
    from .pages import routes as page_routes

    routes += page_routes(settings, pool, _error_response)
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=settings.hosts())]
    if settings.cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(settings.cors),
                                     allow_methods=["GET", "POST"], allow_headers=["Content-Type", "Accept"]))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        pool.close()

    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.pool = pool
    app.add_middleware(_SecurityHeaders)
    return _Front(app, sparql, settings) if not settings.cors else app


class _Front:
    """The endpoint's requests straight to their handler, everything else to the Starlette app.

    The same Host check and headers as the app's middleware, without its layers: the endpoint is
    the path that takes the most requests. (With CORS on, every request goes through the app.)
    """

    def __init__(self, app: Starlette, sparql: Callable[[Request], Awaitable[Response]],
                 settings: Settings) -> None:
        self.app, self.sparql, self.state = app, sparql, app.state
        self.hosts = set(settings.hosts())
        self.handler = _security_headers(self._respond)

    def _host_allowed(self, scope: dict[str, Any]) -> bool:
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        name = host[:host.index("]") + 1] if host.startswith("[") and "]" in host else host.split(":")[0]
        return name in self.hosts

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] not in ("/sparql", "/sparql/"):
            await self.app(scope, receive, send)
            return
        await self.handler(scope, receive, send)

    async def _respond(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        from starlette.requests import Request

        if not self._host_allowed(scope):
            response = _plain(400, "Invalid host header")
        else:
            try:
                response = await self.sparql(Request(scope, receive))
            except Exception:  # a bug, not bad input: answer 500 rather than drop the connection
                response = _plain(500, "the server failed to answer")
        await response(scope, receive, send)


class _SecurityHeaders:
    def __init__(self, app: Any) -> None:
        self.app = _security_headers(app)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


def _protocol_class(header_timeout: float, room: tuple[Any, int, int] | None = None) -> type:
    """uvicorn's HTTP protocol (httptools' C parser where installed, else h11), closing
    connections that are slow to send a request's headers. With ``room`` (``load, slot, most``),
    this process keeps its count of requests in progress in ``load[slot]``, and each request's
    scope gets ``gcsf.arrival``: when its headers were complete and whether the processes then
    had at most ``most`` requests in progress in all (see :data:`.workers.ARRIVAL`)."""
    import time

    base: type
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as base
    except ImportError:
        from uvicorn.protocols.http.h11_impl import H11Protocol as base

    class Protocol(base):  # type: ignore[misc]
        _slow: asyncio.TimerHandle | None = None

        if room is not None and hasattr(base, "on_headers_complete"):
            def on_headers_complete(self) -> None:
                super().on_headers_complete()
                load, slot, most = room
                load[slot] = self._in_progress()
                self.scope["gcsf.arrival"] = (time.monotonic(), sum(load) <= most)
                self.scope["gcsf.done"] = self._done

            def _in_progress(self) -> int:
                # a task that has ended stays in the set until the loop runs its callbacks
                return sum(1 for task in self.tasks if not task.done())

            def _done(self) -> None:
                # called as a request's task ends: it is still counted
                room[0][room[1]] = max(self._in_progress() - 1, 0)

        def _arm(self) -> None:
            if self._slow is not None:
                self._slow.cancel()
            cycle = self.cycle

            def too_slow() -> None:
                if self.cycle is cycle and not self.transport.is_closing():
                    self.transport.close()
            self._slow = self.loop.call_later(header_timeout, too_slow)

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._slow is not None:
                self._slow.cancel()
            super().connection_lost(exc)

    return Protocol


def exposure_warning(host: str) -> str | None:
    """The warning for listening on an address other machines can reach (None for loopback).

    >>> exposure_warning("127.0.0.1") is None, exposure_warning("0.0.0.0")[:30]
    (True, 'warning: serving on 0.0.0.0, r')
    """
    import ipaddress

    if host == "localhost":
        return None
    try:
        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass
    return (f"warning: serving on {host}, reachable from other machines: the graph and every "
            "answer are open to them (allow the host name they use, too)")


def _listen(host: str, port: int) -> Any:
    """The listening socket, bound before anything starts: a busy port is one clear error."""
    import socket

    try:
        info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise UsageError(f"cannot listen on {host}: {exc.strerror}") from None
    sock = socket.socket(info[0], socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(info[4])
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock


def serve(kg: KnowledgeGraph, settings: Settings | None = None, *, open_browser: bool = False) -> None:
    """Serve the graph until Ctrl-C or SIGTERM; ``serving http://HOST:PORT/`` on stderr when ready.

    ``settings.workers`` server processes, forked once the graph is loaded, take connections
    from one listening socket and run their queries themselves, one at a time each, on a thread
    (:class:`.ThreadRunner`): no request crosses to another process. A query past the time
    limit gets 503 and its process stops and is replaced; the parent process only supervises
    (:class:`.prefork.Supervisor`), and kills a process still busy 5 s past the limit.
    """
    from .prefork import Supervisor

    settings = settings or Settings()
    listener = _listen(settings.host, settings.port)
    listener.listen(1024)
    warning = exposure_warning(settings.host)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    supervisor: Supervisor

    def child(slot: int) -> int:
        runner = ThreadRunner(kg, timeout=settings.timeout, watch=(supervisor.watch, slot))
        room = (supervisor.load, slot, settings.workers + settings.queue)
        return _serve_process(create_app(kg, settings, pool=runner), runner, settings, listener, room)

    supervisor = Supervisor(child, size=settings.workers)
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    url = f"http://{host}:{listener.getsockname()[1]}/"

    def ready() -> None:
        print(f"serving {url}", file=sys.stderr, flush=True)
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    try:
        supervisor.run(ready)
    finally:
        listener.close()
    print("stopped", file=sys.stderr, flush=True)


def _serve_process(app: Any, runner: ThreadRunner, settings: Settings, listener: Any,
                   room: tuple[Any, int, int]) -> int:
    """One server process: uvicorn on the shared socket until SIGTERM, or until a runaway query."""
    import os

    import uvicorn

    async def arrived(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if "gcsf.arrival" not in scope:
            await app(scope, receive, send)
            return
        ARRIVAL.set(scope["gcsf.arrival"])
        try:
            await app(scope, receive, send)
        finally:
            scope["gcsf.done"]()

    config = uvicorn.Config(arrived, log_level="warning", access_log=False,
                            http=_protocol_class(settings.header_timeout, room), lifespan="on",
                            limit_concurrency=max(settings.max_connections // settings.workers, 1),
                            timeout_keep_alive=int(settings.header_timeout), server_header=False,
                            timeout_graceful_shutdown=2, proxy_headers=False)

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            # SIGTERM from the supervisor: a graceful stop, not the signal raised again after it
            super().handle_exit(sig, frame)
            getattr(self, "_captured_signals", []).clear()

    server = Server(config)

    def runaway() -> None:
        # a query thread cannot be stopped: take no more connections, answer the ones in
        # progress, exit (the supervisor forks a replacement)
        for listening in server.servers:
            listening.close()
        server.should_exit = True

    runner.on_runaway = runaway
    try:
        import uvloop  # a faster event loop where installed
    except ImportError:
        asyncio.run(server.serve(sockets=[listener]))
    else:
        uvloop.run(server.serve(sockets=[listener]))
    sys.stdout.flush()
    sys.stderr.flush()
    # a runaway query's thread is never joined: the process ends here, and the query with it
    os._exit(0)
