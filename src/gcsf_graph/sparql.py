"""Read-only SPARQL over a loaded graph, safely.

Before a query runs it is scanned: updates (INSERT, DELETE, LOAD, DROP ...), ``SERVICE`` and
``FROM`` are refused, so no connection or file access is ever attempted, and prefixed names
whose prefix is neither declared nor standard are reported with near matches. The standard
prefixes (:data:`gcsf_graph.namespaces.PREFIXES`) need no declaration. Values are passed as
``bindings``, never pasted into the query text.

>>> from gcsf_graph import load
>>> rows = load().query("SELECT ?y WHERE { initiative:bri gcsf:dateProposed ?y }")
>>> rows[0]["y"]
'2013'
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import pyoxigraph as ox

from .errors import QueryError, QueryRefused, QuerySyntaxError, QueryTimeout, UsageError
from .namespaces import PREFIXES
from .terms import Term, from_python, from_rdflib, to_python

if TYPE_CHECKING:
    import rdflib

    from .graph import KnowledgeGraph

__all__ = ["QueryForm", "Rows", "Triples", "check_query", "execute", "run_query", "select"]

QueryForm = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
T = TypeVar("T")

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$]\w+)
  | (?P<bnode>_:[\w.-]*)
  | (?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w.%:-]|\\.)*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>\S)
    """,
    re.VERBOSE,
)
_UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    offset: int


def _tokens(sparql: str) -> Iterator[_Token]:
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "other"
        if kind != "comment":
            yield _Token(kind, match.group(), match.start())


def _locate(sparql: str, offset: int) -> tuple[int, int, str]:
    line = sparql.count("\n", 0, offset) + 1
    start = sparql.rfind("\n", 0, offset) + 1
    end = sparql.find("\n", offset)
    return line, offset - start + 1, sparql[start:end if end >= 0 else len(sparql)]


def check_query(sparql: str, *, allow_service: bool = False) -> QueryForm:
    """Scan a query without running it; return its form or raise.

    Raises :class:`QueryRefused` for updates, ``SERVICE`` (unless ``allow_service``) and
    ``FROM``, and :class:`QuerySyntaxError` for an unknown prefix.

    >>> check_query("ASK { ?s ?p ?o }")
    'ASK'
    >>> check_query("DROP ALL")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gcsf_graph.errors.QueryRefused: DROP is an update; only read queries ...
    """
    # Applications and dashboards run the same text again and again: scan each text once.
    return _scan(sparql, allow_service)


@functools.lru_cache(maxsize=512)
def _scan(sparql: str, allow_service: bool) -> QueryForm:
    declared = set(PREFIXES)
    form: QueryForm | None = None
    tokens = list(_tokens(sparql))
    for i, token in enumerate(tokens):
        if token.kind == "word":
            word = token.text.upper()
            if word in _UPDATES:
                raise QueryRefused(f"{word} is an update; only read queries "
                                   "(SELECT, ASK, CONSTRUCT, DESCRIBE) are allowed")
            if word == "SERVICE" and not allow_service:
                raise QueryRefused("SERVICE is off: federated queries would reach other "
                                   "endpoints (allow it explicitly to use it)")
            if word == "FROM":
                raise QueryRefused("FROM and FROM NAMED are off: queries run on the loaded "
                                   "graph only and never load other resources")
            if word == "PREFIX" and i + 1 < len(tokens) and tokens[i + 1].kind == "pname":
                declared.add(tokens[i + 1].text.split(":", 1)[0])
            if form is None and word in _FORMS:
                form = word  # type: ignore[assignment]
        elif token.kind == "pname":
            prefix = token.text.split(":", 1)[0]
            previous = tokens[i - 1].text.upper() if i else ""
            if prefix not in declared and previous != "PREFIX":
                import difflib

                line, column, source = _locate(sparql, token.offset)
                near = difflib.get_close_matches(prefix, sorted(declared), n=3, cutoff=0.5)
                hint = f"; did you mean {' or '.join(n + ':' for n in near)}" if near else ""
                raise QuerySyntaxError(f"unknown prefix {prefix + ':'!r}{hint}",
                                       line=line, column=column, source_line=source)
    if form is None:
        raise QuerySyntaxError("not a query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return form


_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


def _syntax_error(sparql: str, exc: SyntaxError) -> QuerySyntaxError:
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
    return QuerySyntaxError(f"malformed query: {detail}", line=line, column=column,
                            source_line=source)


@dataclass
class Rows(Sequence[dict[str, Any]]):
    """The rows of a SELECT query.

    Each row reads as a dict of plain Python values (``str`` for IRIs and text; ``int``,
    ``Decimal``, ``float``, ``bool`` and ``datetime.date`` for typed literals; ``None`` where
    unbound). ``terms`` keeps the RDF terms; ``truncated`` says a limit cut the rows.
    """

    variables: list[str]
    terms: list[tuple[Term | None, ...]]
    truncated: bool = False
    _dicts: list[dict[str, Any]] | None = field(default=None, repr=False)

    def _rows(self) -> list[dict[str, Any]]:
        if self._dicts is None:
            self._dicts = [{v: to_python(t) for v, t in zip(self.variables, row, strict=True)}
                           for row in self.terms]
        return self._dicts

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        return self._rows()[index]

    def __len__(self) -> int:
        return len(self.terms)

    def column(self, name: str) -> list[Any]:
        """The values of one variable, in row order."""
        return [row[name] for row in self._rows()]

    def to_dataframe(self) -> Any:
        """The rows as a :class:`pandas.DataFrame` (needs pandas installed)."""
        try:
            import pandas as pd
        except ImportError:
            raise UsageError("to_dataframe() needs pandas: pip install pandas") from None
        return pd.DataFrame(self._rows(), columns=self.variables)


@dataclass
class Triples:
    """The triples a CONSTRUCT or DESCRIBE query produced."""

    triples: list[ox.Triple]
    truncated: bool = False

    def __len__(self) -> int:
        return len(self.triples)

    def to_rdflib(self) -> rdflib.Graph:
        """The triples as an :class:`rdflib.Graph`, with the standard prefixes bound."""
        import rdflib

        from .terms import to_rdflib

        graph = rdflib.Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        for t in self.triples:
            graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))  # type: ignore[arg-type]
        return graph


Result = Rows | bool | Triples


def _evaluate(kg: KnowledgeGraph, sparql: str, form: QueryForm,
              bindings: dict[str, Term], limit: int | None) -> Result:
    if kg.engine == "oxigraph":
        try:
            answer = kg.store.query(sparql, prefixes=PREFIXES,
                                    substitutions={ox.Variable(k): v for k, v in bindings.items()})
        except SyntaxError as exc:
            raise _syntax_error(sparql, exc) from None
        except OSError as exc:
            raise QueryError(f"the store could not answer: {exc}") from None
        except RuntimeError as exc:
            if "projection" in str(exc):
                raise QueryError("bindings apply to variables the query selects: add "
                                 f"{', '.join('?' + b for b in bindings)} to SELECT") from None
            raise QueryError(f"cannot run the query: {exc}") from None
        if form == "ASK":
            return bool(answer)
        if form == "SELECT":
            names = [v.value for v in answer.variables]
            rows, cut = _take((tuple(s[n] for n in names) for s in answer), limit)
            return Rows(names, rows, truncated=cut)
        triples, cut = _take(answer, limit)
        return Triples(triples, truncated=cut)
    return _evaluate_rdflib(kg, sparql, form, bindings, limit)


def _evaluate_rdflib(kg: KnowledgeGraph, sparql: str, form: QueryForm,
                     bindings: dict[str, Term], limit: int | None) -> Result:
    import rdflib

    from .terms import to_rdflib

    try:  # one parser for both engines, so syntax errors read the same
        ox.Store().query(sparql, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise _syntax_error(sparql, exc) from None
    namespaces = {k: rdflib.URIRef(v) for k, v in PREFIXES.items()}
    init = {rdflib.Variable(k): to_rdflib(v) for k, v in bindings.items()}
    try:
        answer = kg.store.query(sparql, initNs=namespaces, initBindings=init)
    except Exception as exc:  # rdflib raises many kinds; all mean the query failed
        raise QueryError(f"rdflib could not run the query: {exc}") from None
    if form == "ASK":
        return bool(answer.askAnswer)
    if form == "SELECT":
        names = [str(v) for v in answer.vars or []]
        rows, cut = _take((tuple(None if row[i] is None else from_rdflib(row[i])
                                 for i in range(len(names))) for row in answer), limit)
        return Rows(names, rows, truncated=cut)
    triples, cut = _take((ox.Triple(from_rdflib(s), from_rdflib(p), from_rdflib(o))  # type: ignore[arg-type]
                          for s, p, o in answer), limit)
    return Triples(triples, truncated=cut)


def _take(items: Iterable[T], limit: int | None) -> tuple[list[T], bool]:
    """At most ``limit`` items, and whether more were there (reading one past the limit only)."""
    if limit is None:
        return list(items), False
    taken = list(itertools.islice(items, limit + 1))
    return taken[:limit], len(taken) > limit


def _in_child(conn: Any, kg: KnowledgeGraph, sparql: str, form: QueryForm,
              bindings: dict[str, Term], limit: int | None) -> None:
    try:
        conn.send(("ok", _evaluate(kg, sparql, form, bindings, limit)))
    except Exception as exc:  # sent back and re-raised in the parent
        conn.send(("error", exc))
    finally:
        conn.close()


def _with_timeout(kg: KnowledgeGraph, sparql: str, form: QueryForm,
                  bindings: dict[str, Term], limit: int | None, timeout: float) -> Result:
    # Neither engine can interrupt a running query, so it runs in a forked child process
    # that shares the loaded graph copy-on-write and is killed when time runs out.
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_in_child, args=(sender, kg, sparql, form, bindings, limit),
                            daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryTimeout(f"the query ran past its {timeout:g} s time limit and was stopped")
        status, payload = receiver.recv()
    except EOFError:
        raise QueryError("the query process ended without an answer") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if status == "error":
        raise payload
    return payload  # type: ignore[no-any-return]


def execute(kg: KnowledgeGraph, sparql: str, *, bindings: dict[str, Any] | None = None,
            timeout: float | None = None, limit: int | None = None,
            allow_service: bool = False) -> Result:
    """Run a read-only query and return :class:`Rows`, a bool or :class:`Triples`.

    ``bindings`` maps variable names to values (Python values or RDF terms); in a SELECT
    query they apply to variables the query selects.

    >>> from gcsf_graph import load
    >>> execute(load(), "ASK { country:CHN gcsf:iso3166Alpha2 'CN' }")
    True
    """
    if timeout is not None and timeout <= 0:
        raise UsageError("the timeout must be a positive number of seconds")
    if limit is not None and limit < 0:
        raise UsageError("the limit must be zero or more")
    form = check_query(sparql, allow_service=allow_service)
    terms = {name.lstrip("?$"): from_python(value) for name, value in (bindings or {}).items()}
    if timeout is None:
        return _evaluate(kg, sparql, form, terms, limit)
    return _with_timeout(kg, sparql, form, terms, limit, timeout)


def select(kg: KnowledgeGraph, sparql: str, **bindings: Any) -> Rows:
    """Run a SELECT query and return its :class:`Rows` (any other form is a :class:`UsageError`).

    >>> from gcsf_graph import load
    >>> select(load(), "SELECT ?code ?l WHERE { ?c gcsf:iso3166Alpha3 ?code ; rdfs:label ?l }", code="BEL")[0]
    {'code': 'BEL', 'l': 'Belgium'}
    """
    result = execute(kg, sparql, bindings=bindings or None)
    if not isinstance(result, Rows):
        raise UsageError("expected a SELECT query")
    return result


def run_query(kg: KnowledgeGraph, sparql: str, *, bindings: dict[str, Any] | None = None,
              timeout: float | None = None, limit: int | None = None) -> Rows | bool | rdflib.Graph:
    """Like :func:`execute`, but CONSTRUCT and DESCRIBE give an :class:`rdflib.Graph`.

    >>> from gcsf_graph import load
    >>> len(run_query(load(), "CONSTRUCT WHERE { person:xi-jinping ?p ?o }")) > 5
    True
    """
    result = execute(kg, sparql, bindings=bindings, timeout=timeout, limit=limit)
    return result.to_rdflib() if isinstance(result, Triples) else result
