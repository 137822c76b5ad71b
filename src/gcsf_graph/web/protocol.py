"""The SPARQL 1.1 Protocol, query operation: reading a request, choosing a format, answering.

Everything here is plain functions of the request's parts, so the rules are tested without a
server. :func:`read_request` turns a GET or POST into a :class:`ProtocolQuery` or raises
:class:`ProtocolError` with the HTTP status the protocol asks for; :func:`negotiate` picks a
result format from the ``Accept`` header; :func:`answer` runs the query and writes the body.

Updates are refused (403); ``SERVICE`` stays off; ``FROM`` and ``FROM NAMED``, like the
``default-graph-uri`` and ``named-graph-uri`` parameters, only choose among the graphs already
in the store (Oxigraph), and never fetch anything.

>>> q = read_request("GET", [("query", "ASK {}")], None, b"")
>>> q.query, negotiate("ASK", "application/sparql-results+xml").name
('ASK {}', 'xml')
>>> answer(__import__("gcsf_graph").load(), q, RESULT_FORMATS["json"], row_cap=10).body
b'{"head": {}, "boolean": true}\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import parse_qsl

import pyoxigraph as ox

from ..engines import QueryForm
from ..errors import QueryError, QueryRefused
from ..formats import RDF_FORMATS, RESULT_FORMATS, RdfFormat, ResultFormat
from ..namespaces import PREFIXES
from ..sparql import Result, Rows, Triples, check_query

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

__all__ = ["GRAPH_MEDIA", "ProtocolError", "ProtocolQuery", "Reply", "answer", "negotiate", "read_request",
           "service_description"]

T = TypeVar("T")
#: The named graph in which a graph loaded with inference keeps the inferred triples.
INFERRED = "https://w3id.org/gcsf/graph/inferred"
_MAY_NAME_GRAPHS = re.compile(r"\bFROM\b", re.IGNORECASE)
_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
#: RDF formats a CONSTRUCT or DESCRIBE answer can take, by media type.
GRAPH_MEDIA: dict[str, RdfFormat] = {f.media_type: f for f in (
    RDF_FORMATS["turtle"], RDF_FORMATS["ntriples"], RDF_FORMATS["jsonld"], RDF_FORMATS["rdfxml"])}
# Media types clients also send for the result formats.
_ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml",
            "text/plain": "tsv", "text/tsv": "tsv", "application/x-turtle": "turtle",
            "text/n-triples": "ntriples", "application/json+ld": "jsonld"}


class ProtocolError(Exception):
    """A request the protocol refuses: ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class ProtocolQuery:
    """A query operation: the query, the dataset the request names (empty: the store's own) and
    the base IRI relative IRIs resolve against (the endpoint's address)."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    base: str | None = None


@dataclass(frozen=True)
class Reply:
    """A written answer: the body, its media type, and whether the row cap cut it."""

    body: bytes
    media_type: str
    truncated: bool = False


def _media(content_type: str | None) -> tuple[str, str | None]:
    """A Content-Type's media type (lower case) and its charset parameter, if any."""
    if not content_type:
        return "", None
    kind, *params = content_type.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return kind.strip().lower(), charset


def _text(body: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise ProtocolError(415, f"the body must be UTF-8, not {charset}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the body is not valid UTF-8") from None


def _iri(value: str, name: str) -> str:
    try:
        return ox.NamedNode(value).value
    except ValueError:
        raise ProtocolError(400, f"{name} {value!r} is not an IRI") from None


def read_request(method: str, params: list[tuple[str, str]], content_type: str | None,
                 body: bytes, *, base: str | None = None) -> ProtocolQuery:
    """The query operation a request asks for (``params``: the URL's, decoded), or :class:`ProtocolError`.

    >>> read_request("POST", [], "application/sparql-query", b"ASK {}").query
    'ASK {}'
    >>> read_request("POST", [], "application/sparql-update", b"CLEAR ALL")
    Traceback (most recent call last):
    ...
    gcsf_graph.web.protocol.ProtocolError: updates are refused: this endpoint is read-only
    """
    fields = list(params)
    if method not in ("GET", "POST"):
        raise ProtocolError(405, f"{method} is not a SPARQL protocol method (use GET or POST)")
    direct: str | None = None
    if method == "POST":
        kind, charset = _media(content_type)
        if kind == _FORM:
            try:
                fields += parse_qsl(_text(body, charset), keep_blank_values=True, strict_parsing=False,
                                    encoding="utf-8", errors="strict")
            except UnicodeDecodeError:
                raise ProtocolError(400, "the form is not valid UTF-8 once decoded") from None
        elif kind == _QUERY:
            direct = _text(body, charset)
        elif kind == _UPDATE:
            raise ProtocolError(403, "updates are refused: this endpoint is read-only")
        else:
            shown = kind or "no Content-Type"
            raise ProtocolError(415, f"a POST body is {_FORM} or {_QUERY}, not {shown}")
    queries = [value for name, value in fields if name == "query"]
    updates = [value for name, value in fields if name == "update"]
    if (queries and updates) or (direct is not None and (queries or updates)):
        raise ProtocolError(400, "a request holds one operation: a query and an update were both given")
    if updates:
        raise ProtocolError(403, "updates are refused: this endpoint is read-only")
    if direct is not None:
        queries = [direct]
    if len(queries) > 1:
        raise ProtocolError(400, f"a request holds one query; {len(queries)} were given")
    if not queries:
        raise ProtocolError(400, "no query given (the query parameter, or a POST body of "
                                 f"type {_QUERY})")
    defaults = tuple(_iri(v, "default-graph-uri") for n, v in fields if n == "default-graph-uri")
    named = tuple(_iri(v, "named-graph-uri") for n, v in fields if n == "named-graph-uri")
    return ProtocolQuery(queries[0], defaults, named, base)


def _accepted(accept: str | None) -> list[tuple[float, int, str]]:
    """The media ranges of an Accept header, best first (quality, then order)."""
    ranges = []
    for order, item in enumerate((accept or "*/*").split(",")):
        kind, *params = item.split(";")
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if kind.strip() and quality > 0:
            ranges.append((-quality, order, kind.strip().lower()))
    return sorted(ranges)


def negotiate(form: QueryForm, accept: str | None, *, name: str | None = None) -> ResultFormat | RdfFormat:
    """The format to answer a query of this form in: from ``name`` (a ``format`` parameter) or Accept.

    No Accept, or ``*/*``, gives SPARQL JSON results or Turtle. A header that accepts none of
    them raises :class:`ProtocolError` 406 listing what is available.

    >>> negotiate("SELECT", "text/csv;q=0.5, application/sparql-results+xml").name
    'xml'
    >>> negotiate("CONSTRUCT", "application/n-triples").name
    'ntriples'
    """
    graph = form in ("CONSTRUCT", "DESCRIBE")
    offered: dict[str, ResultFormat | RdfFormat] = (
        dict(GRAPH_MEDIA) if graph else {f.media_type: f for f in RESULT_FORMATS.values()
                                         if form == "SELECT" or f.name in ("json", "xml")})
    by_name = {f.name: f for f in offered.values()}
    if name is not None:
        if name not in by_name:
            raise ProtocolError(406, f"a {form} answer comes as {', '.join(by_name)}, not {name!r}")
        return by_name[name]
    default = next(iter(offered.values()))
    for _, _, kind in _accepted(accept):
        if kind in ("*/*", "application/*", "text/*") and (kind == "*/*" or
                                                            default.media_type.startswith(kind[:-1])):
            return default
        if kind in offered:
            return offered[kind]
        alias = _ALIASES.get(kind)
        if alias in by_name:
            return by_name[alias]
    raise ProtocolError(406, f"cannot answer a {form} query in {accept}; available: {', '.join(offered)}")


def query_form(kg: KnowledgeGraph, query: ProtocolQuery) -> QueryForm:
    """The query's form once it is checked as safe (:class:`QueryRefused`, :class:`QuerySyntaxError`).

    >>> from gcsf_graph import load
    >>> query_form(load(), ProtocolQuery("SELECT * FROM <urn:g> { ?s ?p ?o }"))
    'SELECT'
    """
    oxigraph = kg.engine.name == "oxigraph"
    if (query.default_graphs or query.named_graphs) and not oxigraph:
        raise QueryRefused("default-graph-uri and named-graph-uri need the oxigraph engine")
    return check_query(query.query, allow_from=oxigraph)


def _sees_inferred(kg: KnowledgeGraph) -> bool:
    """Whether the graph's queries see inferred triples kept in the inferred graph."""
    return bool(getattr(kg, "inference", False) and getattr(kg.engine, "inferred", 0))


def _take(items: Iterator[T], cap: int) -> tuple[list[T], bool]:
    taken: list[T] = []
    try:
        for item in items:
            if len(taken) == cap:
                return taken, True
            taken.append(item)
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"the query failed while running: {exc}") from None
    return taken, False


def _run(kg: KnowledgeGraph, query: ProtocolQuery, row_cap: int) -> Result:
    query_form(kg, query)
    if kg.engine.name != "oxigraph":
        return kg.query(query.query, limit=row_cap)
    from ..engines.oxigraph import syntax_error

    dataset: dict[str, list[ox.NamedNode | ox.DefaultGraph]] = {}
    if query.default_graphs or query.named_graphs:
        dataset = {"default_graph": [ox.NamedNode(g) for g in query.default_graphs],
                   "named_graphs": [ox.NamedNode(g) for g in query.named_graphs]}
    elif _sees_inferred(kg) and not _MAY_NAME_GRAPHS.search(query.query):
        # a graph with inferred triples (kept in their own named graph) answers as kg.query does;
        # a query with FROM keeps the dataset it names
        dataset = {"default_graph": [ox.DefaultGraph(), ox.NamedNode(INFERRED)]}
    store: ox.Store = kg.engine.store  # type: ignore[attr-defined]
    try:
        found = store.query(query.query, prefixes=PREFIXES, base_iri=query.base, **dataset)  # type: ignore[arg-type]
    except SyntaxError as exc:
        raise syntax_error(query.query, exc) from None
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"cannot run the query: {exc}") from None
    if isinstance(found, ox.QueryBoolean):
        return bool(found)
    if isinstance(found, ox.QuerySolutions):
        names = [v.value for v in found.variables]
        rows, cut = _take((tuple(s[n] for n in names) for s in found), row_cap)
        return Rows(names, rows, truncated=cut)
    triples, cut = _take(iter(found), row_cap)
    return Triples(triples, truncated=cut)


def answer(kg: KnowledgeGraph, query: ProtocolQuery, fmt: ResultFormat | RdfFormat, *, row_cap: int) -> Reply:
    """Run a query on the graph and write its result in ``fmt``, at most ``row_cap`` rows or triples."""
    from ..render import format_result

    result = _run(kg, query, row_cap)
    truncated = not isinstance(result, bool) and result.truncated
    text = format_result(result, fmt.name, compact=True)
    media = fmt.media_type
    if media.startswith("text/") or media.endswith(("+json", "+xml")) or media == "application/n-triples":
        media += "; charset=utf-8"
    return Reply(text.encode("utf-8"), media, truncated)


_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_FORMAT_IRIS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
                "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples",
                "jsonld": "JSON-LD", "rdfxml": "RDF_XML"}


def service_description(kg: KnowledgeGraph, endpoint: str, fmt: RdfFormat) -> Reply:
    """The SPARQL service description of the endpoint (languages, formats, the default dataset)."""
    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(_SD + name)

    service, dataset, default = ox.NamedNode(endpoint), ox.BlankNode(), ox.BlankNode()
    rdf_type = ox.NamedNode(PREFIXES["rdf"] + "type")
    triples = [ox.Triple(service, rdf_type, sd("Service")),
               ox.Triple(service, sd("endpoint"), service),
               ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
               ox.Triple(service, sd("defaultDataset"), dataset),
               ox.Triple(dataset, rdf_type, sd("Dataset")),
               ox.Triple(dataset, sd("defaultGraph"), default),
               ox.Triple(default, rdf_type, sd("Graph")),
               ox.Triple(default, ox.NamedNode("http://rdfs.org/ns/void#triples"), ox.Literal(
                   str(len(kg)), datatype=ox.NamedNode(PREFIXES["xsd"] + "integer")))]
    triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(_FORMATS + iri))
                for iri in _FORMAT_IRIS.values()]
    if kg.engine.name == "oxigraph":
        store: ox.Store = kg.engine.store  # type: ignore[attr-defined]
        for graph in store.named_graphs():
            if graph.value == INFERRED:  # part of the default graph, not a graph of its own
                continue
            named = ox.BlankNode()
            triples += [ox.Triple(dataset, sd("namedGraph"), named),
                        ox.Triple(named, sd("name"), graph)]
    data = ox.serialize(triples, format=fmt.oxigraph,
                        prefixes={"sd": _SD} if fmt.name == "turtle" else None)
    return Reply(bytes(data or b""), fmt.media_type)
