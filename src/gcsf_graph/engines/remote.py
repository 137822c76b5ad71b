"""A remote engine: any SPARQL 1.1 server, queried through the SPARQL 1.1 Protocol.

Queries are sent as form POSTs (the one way every server answers; Virtuoso never answers a
direct ``application/sparql-query`` POST) with the standard prefixes declared, and results come
back as SPARQL JSON (SELECT, ASK) or N-Triples (CONSTRUCT, DESCRIBE), read as they stream in.
``graph`` names the graph queries run on (sent as ``default-graph-uri``): without it some
servers (Virtuoso) mix their own system graphs into the default graph.

Every request has a deadline; only connection failures are retried (a query that failed on the
server would fail again). Redirects are not followed, TLS certificates are verified, and the
password comes from the ``GCSF_PASSWORD`` environment variable or ``~/.netrc``, never from the
command line. Answers that are not SPARQL results (an HTML page, an error) become one clear
:class:`~gcsf_graph.errors.EndpointError` with the server's own message.

>>> RemoteEngine("ftp://example.org/sparql")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
gcsf_graph.errors.UsageError: the endpoint must be an http:// or https:// URL, not 'ftp://example.org/sparql'
"""

from __future__ import annotations

import html
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import pyoxigraph as ox

from ..errors import EndpointError, GcsfError, QueryError, QueryTimeout, UsageError
from ..namespaces import PREFIXES
from . import Answer, Engine, QueryForm, Term
from .oxigraph import check_syntax

if TYPE_CHECKING:
    import http.client

    import rdflib

__all__ = ["PASSWORD_VARIABLE", "Http", "RemoteEngine", "credentials"]

#: The environment variable holding the password for ``--user``.
PASSWORD_VARIABLE = "GCSF_PASSWORD"
#: Seconds one request may take, unless told otherwise.
DEFAULT_TIMEOUT = 60.0
# Triples fetched per request when reading the whole graph; servers cap result sizes
# (Virtuoso at 10,000 rows by default), so smaller pages are read until one comes back empty.
_PAGE = 10_000
_RETRIES = 3
# Uploads larger than this send their credentials with the body (see Http._authorize).
_UPLOAD = 64 * 1024
_ERROR_CHARS = 300
_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*>", re.DOTALL | re.IGNORECASE)
T = TypeVar("T")


def credentials(url: str, user: str | None) -> tuple[str, str] | None:
    """The user and password for ``url``: the password from ``$GCSF_PASSWORD`` or ``~/.netrc``.

    With no ``user``, a ``~/.netrc`` entry for the host supplies both; with neither, None.

    >>> os.environ[PASSWORD_VARIABLE] = "secret"
    >>> credentials("http://127.0.0.1:8890/sparql", "dba")
    ('dba', 'secret')
    >>> del os.environ[PASSWORD_VARIABLE]
    """
    host = urllib.parse.urlsplit(url).hostname or ""
    login, password = _netrc(host)
    if user is None:
        return (login, password) if login and password is not None else None
    if os.environ.get(PASSWORD_VARIABLE) is not None:
        return user, os.environ[PASSWORD_VARIABLE]
    if password is not None and login in (user, None, ""):
        return user, password
    raise UsageError(f"no password for {user!r}: set {PASSWORD_VARIABLE} or add {host} to ~/.netrc "
                     "(a password is never taken from the command line)")


def _netrc(host: str) -> tuple[str | None, str | None]:
    import netrc

    try:
        entry = netrc.netrc().authenticators(host)
    except (OSError, netrc.NetrcParseError):
        return None, None
    return (entry[0], entry[2]) if entry else (None, None)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 3xx answer surfaces as an error naming the new location


class Http:
    """Requests to one server: deadlines, retries on connection errors, auth, clear errors."""

    def __init__(self, url: str, *, user: str | None = None, timeout: float | None = None,
                 retries: int = _RETRIES) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"the endpoint must be an http:// or https:// URL, not {url!r}")
        if parts.username or parts.password:
            raise UsageError("put no user or password in the URL: give the user apart and the password in "
                             f"{PASSWORD_VARIABLE} or ~/.netrc")
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self.retries = retries
        import ssl

        handlers: list[urllib.request.BaseHandler] = [
            _NoRedirect(), urllib.request.HTTPSHandler(context=ssl.create_default_context())]
        self._plain = urllib.request.build_opener(*handlers)
        self._credentials = credentials(url, user)
        self._digest: urllib.request.HTTPDigestAuthHandler | None = None
        if self._credentials is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, url, *self._credentials)
            self._digest = urllib.request.HTTPDigestAuthHandler(passwords)
            handlers += [urllib.request.HTTPBasicAuthHandler(passwords), self._digest]
        self._opener = urllib.request.build_opener(*handlers)

    def _authorize(self, request: urllib.request.Request, timeout: float) -> None:
        """Credentials sent with a large upload itself, checked first with small HEAD requests.

        Otherwise the body goes out once unauthenticated, and Virtuoso closes the connection on
        an upload it has refused before reading it (the client sees "connection reset").
        """
        if self._credentials is None or self._digest is None:
            return
        challenge = self._head(request.full_url, None, timeout)
        scheme, _, rest = challenge.partition(" ")
        if scheme.lower() not in ("digest", "basic"):
            return  # no credentials asked for
        header = self._authorization(request, scheme.lower(), rest)
        probe = urllib.request.Request(request.full_url, method="HEAD")
        if self._head(request.full_url, self._authorization(probe, scheme.lower(), rest), timeout):
            raise EndpointError(f"{_site(request.full_url)} refused the credentials (401 Unauthorized): "
                                f"check the user and {PASSWORD_VARIABLE} or ~/.netrc")
        request.add_unredirected_header("Authorization", header)

    def _head(self, url: str, authorization: str | None, timeout: float) -> str:
        """The challenge of a HEAD request refused with 401, else empty."""
        headers = {"User-Agent": "gcsf-graph", **({"Authorization": authorization} if authorization else {})}
        try:
            probe = urllib.request.Request(url, method="HEAD", headers=headers)
            self._plain.open(probe, timeout=timeout).close()
        except urllib.error.HTTPError as exc:
            return str(exc.headers.get("WWW-Authenticate", "")) if exc.code == 401 else ""
        return ""

    def _authorization(self, request: urllib.request.Request, scheme: str, challenge: str) -> str:
        assert self._credentials is not None and self._digest is not None
        if scheme == "basic":
            import base64

            return "Basic " + base64.b64encode(":".join(self._credentials).encode()).decode()
        fields = urllib.request.parse_keqv_list([f for f in urllib.request.parse_http_list(challenge) if f])
        return f"Digest {self._digest.get_authorization(request, fields)}"

    def send(self, url: str, *, method: str = "POST", data: bytes | None = None,
             content_type: str | None = None, accept: str = "*/*",
             params: dict[str, str] | None = None) -> http.client.HTTPResponse:
        """The server's response to one request (a 2xx), or :class:`EndpointError`."""
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        headers = {"Accept": accept, "User-Agent": "gcsf-graph"}
        if content_type:
            headers["Content-Type"] = content_type
        deadline = time.monotonic() + self.timeout
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(url, data=data, headers=headers, method=method)
            remaining = deadline - time.monotonic()
            try:
                if remaining <= 0:
                    raise TimeoutError
                if data is not None and len(data) > _UPLOAD:
                    self._authorize(request, remaining)
                response: http.client.HTTPResponse = self._opener.open(request, timeout=remaining)
                return response
            except urllib.error.HTTPError as exc:
                raise _http_error(url, exc) from None
            except (TimeoutError, OSError) as exc:
                reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
                if isinstance(reason, TimeoutError) or time.monotonic() >= deadline:
                    raise QueryTimeout(f"{_site(url)} did not answer within {self.timeout:g} s") from None
                if _certificate(reason):
                    raise EndpointError(f"{_site(url)}: the TLS certificate cannot be verified "
                                        f"({getattr(reason, 'verify_message', reason)})") from None
                if attempt == self.retries or not _retryable(reason):
                    raise EndpointError(f"cannot reach {_site(url)}: {_reason(reason)}"
                                        f"{f' (tried {attempt + 1} times)' if attempt else ''}") from None
                time.sleep(min(0.5 * 2 ** attempt, max(deadline - time.monotonic(), 0)))
        raise AssertionError("unreachable")


def _site(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _certificate(reason: object) -> bool:
    import ssl

    return isinstance(reason, ssl.SSLCertVerificationError)


def _retryable(reason: object) -> bool:
    """Connection errors only: nothing reached the server, so trying again is safe."""
    import socket

    return isinstance(reason, ConnectionError | socket.gaierror) or (
        isinstance(reason, OSError) and not isinstance(reason, TimeoutError))


def _reason(reason: object) -> str:
    text = getattr(reason, "strerror", None) or str(reason)
    return text[0].lower() + text[1:] if text else "unknown error"


def _http_error(url: str, exc: urllib.error.HTTPError) -> EndpointError:
    if 300 <= exc.code < 400:
        where = exc.headers.get("Location", "elsewhere")
        return EndpointError(f"{_site(url)} redirects to {where}; give that URL instead")
    try:
        body = exc.read(16_384).decode("utf-8", errors="replace")
    except OSError:
        body = ""
    message = _plain(body) or exc.reason or ""
    if exc.code in (401, 403):
        return EndpointError(f"{_site(url)} refused the credentials ({exc.code} {exc.reason}): "
                             f"check the user and {PASSWORD_VARIABLE} or ~/.netrc")
    return EndpointError(f"{_site(url)} answered {exc.code} {exc.reason}: {message}")


def _plain(body: str) -> str:
    """An error page's text on one line, short: the server's message without markup."""
    text = " ".join(html.unescape(_TAG.sub(" ", body)).split())
    return text if len(text) <= _ERROR_CHARS else text[:_ERROR_CHARS - 3] + "..."


def _media_type(response: http.client.HTTPResponse) -> str:
    return (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()


# Virtuoso names blank nodes "nodeID://b10015" in JSON results, which is no blank node label;
# the label is what follows the scheme.
_VIRTUOSO_BNODE = b'"type": "bnode", "value": "nodeID://'


class _Deadline:
    """A response body read against a deadline (a server that stalls mid-answer is cut off)."""

    def __init__(self, response: http.client.HTTPResponse, deadline: float) -> None:
        self.response, self.deadline = response, deadline
        self._held = b""

    def read(self, size: int = -1) -> bytes:
        if time.monotonic() > self.deadline:
            raise TimeoutError
        # read1: what has arrived (up to size), so rows stream in as the server sends them
        block = self._held + self.response.read1(size if size and size > 0 else 1 << 16)
        block = block.replace(_VIRTUOSO_BNODE, _VIRTUOSO_BNODE[:-len("nodeID://")])
        # Hold back a tail that could be the start of the pattern, split across two reads.
        keep = next((n for n in range(len(_VIRTUOSO_BNODE) - 1, 0, -1)
                     if block.endswith(_VIRTUOSO_BNODE[:n])), 0)
        if keep and len(block) > keep:
            block, self._held = block[:-keep], block[-keep:]
        else:
            self._held = b""
        return block


class RemoteEngine(Engine):
    """A SPARQL 1.1 endpoint, read-only; ``graph`` (an IRI) is the graph queries run on."""

    name = "remote"

    def __init__(self, endpoint: str, *, user: str | None = None, graph: str | None = None,
                 timeout: float | None = None, progress: bool | None = None) -> None:
        self.endpoint = endpoint
        self.http = Http(endpoint, user=user, timeout=timeout)
        self.graph = graph
        if graph is not None:
            _iri(graph)
        self.progress = progress
        self._paging = False  # reading the whole graph: no overall deadline, a server's cap expected
        self._rdflib: rdflib.Graph | None = None

    def load(self, path: Path) -> None:
        raise UsageError(f"cannot load {path} into a remote endpoint here: use `gcsf push` to add files")

    def _send(self, sparql: str, accept: str) -> tuple[IO[bytes], str, http.client.HTTPResponse]:
        fields = {"query": _PROLOGUE + sparql}
        if self.graph is not None:
            fields["default-graph-uri"] = self.graph
        response = self.http.send(self.endpoint, data=urllib.parse.urlencode(fields).encode(),
                                  content_type="application/x-www-form-urlencoded", accept=accept)
        kind = _media_type(response)
        if kind in ("text/html", "application/xhtml+xml"):
            response.close()
            raise EndpointError(f"{_site(self.endpoint)} answered an HTML page, not SPARQL results: "
                                "is this the server's SPARQL endpoint (such as .../sparql or .../query)?")
        deadline = float("inf") if self._paging else time.monotonic() + self.http.timeout
        return _Deadline(response, deadline), kind, response  # type: ignore[return-value]

    def infer(self) -> None:
        raise UsageError("a server's graph is queried as the server holds it: inference is the server's own")

    def query(self, sparql: str, form: QueryForm, bindings: dict[str, Term], *,
              inferred: bool = False) -> Answer:
        check_syntax(sparql)  # locally, so errors point into the query as written, as on every engine
        if bindings:
            sparql = _bound(sparql, form, bindings)
        if form in ("SELECT", "ASK"):
            body, kind, response = self._send(sparql, "application/sparql-results+json, "
                                                      "application/sparql-results+xml;q=0.8")
            results_format = ox.QueryResultsFormat.from_media_type(kind) or ox.QueryResultsFormat.JSON
            try:
                answer = ox.parse_query_results(input=body, format=results_format)
            except (SyntaxError, ValueError, OSError) as exc:
                response.close()
                raise self._unreadable(exc) from None
            if isinstance(answer, ox.QueryBoolean):
                response.close()
                return bool(answer)
            names = [v.value for v in answer.variables]
            if form == "ASK":  # Virtuoso answers ASK as one row of one integer (__ASK_RETVAL)
                first = next(iter(self._guarded(answer, response)), None)
                value = first[0] if first is not None and len(names) == 1 else None
                return isinstance(value, ox.Literal) and value.value not in ("0", "false")
            return names, self._guarded((tuple(s[n] for n in names) for s in answer), response)
        body, kind, response = self._send(sparql, "application/n-triples, text/turtle;q=0.9")
        rdf_format = ox.RdfFormat.from_media_type(kind) or ox.RdfFormat.N_TRIPLES
        return self._guarded((q.triple for q in ox.parse(input=body, format=rdf_format)), response,
                             capped_ok=self._paging)

    def _unreadable(self, exc: BaseException) -> GcsfError:
        if isinstance(exc, TimeoutError) or "timed out" in str(exc):
            return QueryTimeout(f"{_site(self.endpoint)} did not finish answering within "
                                f"{self.http.timeout:g} s")
        return EndpointError(f"{_site(self.endpoint)} sent an answer that cannot be read: {exc}")

    def _guarded(self, items: Iterable[T], response: http.client.HTTPResponse, *,
                 capped_ok: bool = False) -> Iterator[T]:
        """The answers as they stream in; the connection closes when reading stops.

        A server that cut the answer at its own row limit (Virtuoso says so in a header) makes
        reading past the last row an error, never a silently partial answer.
        """
        try:
            yield from items
        except (SyntaxError, ValueError, OSError) as exc:
            raise self._unreadable(exc) from None
        finally:
            response.close()
        cap = response.headers.get("X-SPARQL-MaxRows")
        if cap is not None and not capped_ok:
            raise EndpointError(f"{_site(self.endpoint)} cut the answer at its limit of {cap} rows "
                                "(Virtuoso's ResultSetMaxRows): ask for fewer rows (a limit, LIMIT and "
                                "OFFSET), or raise the server's limit")

    def _count(self) -> int:
        answer = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "SELECT", {})
        assert isinstance(answer, tuple)
        count = next(iter(list(answer[1])), (None,))[0]
        return int(count.value) if isinstance(count, ox.Literal) else 0

    def __len__(self) -> int:
        return self._count()

    def iris(self, namespace: str) -> set[str]:
        from . import iris_query

        answer = self.query(iris_query(namespace), "SELECT", {})
        assert isinstance(answer, tuple)
        return {row[0].value for row in answer[1] if isinstance(row[0], ox.NamedNode)}

    def quads(self) -> Iterator[ox.Quad]:
        """Every triple: one streamed answer, continued page by page where the server cut it short.

        Servers that cap answers (Virtuoso at ResultSetMaxRows) or refuse one so large are read
        in pages of 10,000; progress goes to stderr for graphs of more than 100,000 triples.
        """
        total = self._count()
        progress = total > 100_000 if self.progress is None else self.progress
        fetched, started, paged = 0, time.perf_counter(), False

        def report(count: int) -> None:
            if progress:
                print(f"fetched {count:,} of {total:,} triples from {_site(self.endpoint)} "
                      f"({time.perf_counter() - started:.1f} s)", file=sys.stderr, flush=True)

        while True:
            window = f" LIMIT {_PAGE} OFFSET {fetched}" if paged else ""
            self._paging = True  # read when the query is sent: a long stream and a cap are fine
            try:
                page = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }" + window, "CONSTRUCT", {})
            except EndpointError:
                if paged:
                    raise
                paged = True  # the whole graph at once is too much for this server (Virtuoso: 1M rows)
                continue
            finally:
                self._paging = False
            assert not isinstance(page, bool | tuple)
            received = 0
            for triple in page:
                received += 1
                if (fetched + received) % 100_000 == 0:
                    report(fetched + received)
                yield ox.Quad(triple.subject, triple.predicate, triple.object)
            fetched += received
            if received == 0 or fetched >= total:
                report(fetched)
                return
            paged = True

    def to_rdflib(self) -> rdflib.Graph:
        if self._rdflib is None:
            import rdflib

            from ..terms import to_rdflib

            graph = rdflib.Graph()
            for q in self.quads():
                graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))  # type: ignore[arg-type]
            self._rdflib = graph
        return self._rdflib

    def close(self) -> None:
        self._rdflib = None


def _iri(text: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(text)
    except ValueError as exc:
        raise UsageError(f"the graph must be an IRI, not {text!r} ({exc})") from None


def _bound(sparql: str, form: QueryForm, bindings: dict[str, Term]) -> str:
    """The query with its bindings written into it as a VALUES block (a server takes no bindings)."""
    from ..sparql import values_block

    if any(isinstance(t, ox.BlankNode) for t in bindings.values()):
        raise QueryError("a blank node cannot be bound on a remote endpoint (blank nodes are local "
                         "to one answer)")
    bound = values_block(sparql, form, bindings)
    if bound is None:
        raise QueryError("bindings cannot be sent to a remote endpoint for a CONSTRUCT WHERE { } "
                         "query: write it as CONSTRUCT { template } WHERE { pattern }")
    return bound
