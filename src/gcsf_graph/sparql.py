"""``query()``: read-only SPARQL over a loaded graph, safely, on any engine.

Before a query runs it is checked: updates (INSERT, DELETE, LOAD, DROP ...), ``SERVICE`` and
``FROM`` are refused, so no connection or file access is ever attempted, and prefixed names
whose prefix is neither declared nor standard are reported with near matches. The standard
prefixes (:data:`gcsf_graph.namespaces.PREFIXES`) need no declaration. Values are passed as
``bindings``, never pasted into the query text.

The check reads the query the way the SPARQL grammar does (comments end at a carriage return
or a line feed, ``\\u`` escapes are expanded, strings, IRIs and language tags are tokens), and
where engines could read it differently it takes every reading at once: a keyword counts if any
reading sees it outside a string, IRI or comment. It runs in linear time.

>>> from gcsf_graph import load
>>> rows = query(load(), "SELECT ?y WHERE { initiative:bri gcsf:dateProposed ?y }")
>>> rows[0]["y"]
'2013'
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import sys
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence

import pyoxigraph as ox

from .engines import QueryForm
from .engines.oxigraph import check_syntax
from .errors import (
    QueryError,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    QueryWarning,
    UsageError,
    portable,
    rebuilt,
)
from .namespaces import PREFIXES
from .terms import Term, from_python, to_python
from .vocabulary import unknown_terms

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO, TypeVar, overload

    import rdflib

    from .graph import KnowledgeGraph

    T = TypeVar("T")

__all__ = ["MAX_QUERY_CHARS", "QUERY_EXTENSIONS", "QueryForm", "Result", "Rows", "Triples", "check_query",
           "parse_bindings", "query", "query_text", "rows", "tokens", "values_block"]


#: The longest query text accepted, in characters.
MAX_QUERY_CHARS = 1_000_000
#: The file extensions of query files: only such files are read as queries.
QUERY_EXTENSIONS = (".rq", ".sparql")

# The SPARQL 1.1 grammar's terminals (section 19.8), with possessive quantifiers so that no
# input makes the scan worse than linear.
_ECHAR = r"""\\[tbnrf"'\\]"""
_STRING = (rf'"""(?:(?:"|"")?(?:[^"\\]|{_ECHAR}))*+"""'
           rf"|'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}))*+'''"
           rf'|"(?:[^"\\\n\r]|{_ECHAR})*+"'
           rf"|'(?:[^'\\\n\r]|{_ECHAR})*+'")
_IRI = r"""<[^<>"{}|^`\\\x00-\x20]*+>"""
_REST = r"""
  | (?P<langtag>@[a-zA-Z]++(?:-[a-zA-Z0-9]++)*+)
  | (?P<var>[?$]\w++)
  | (?P<bnode>_:[\w.-]*+)
  | (?P<pname>(?:[^\W\d_][\w.-]*+)?:(?:[\w.%:-]|\\.)*+)
  | (?P<word>[^\W\d]\w*+)
  | (?P<quote>["'])
  | (?P<other>\S)
"""


def _lexer(comment_end: str) -> re.Pattern[str]:
    return re.compile(rf"(?P<comment>\#[^{comment_end}]*+)|(?P<string>{_STRING})|(?P<iri>{_IRI}){_REST}",
                      re.VERBOSE)


# The grammar ends a comment at CR or LF; some engines only at LF; a careful reader at any
# line break. Keywords are looked for under each reading.
_COMMENT_ENDS = (r"\r\n", r"\n", "\\r\\n\\v\\f\\x85\\u2028\\u2029")


@functools.cache
def _reading(number: int) -> re.Pattern[str]:
    """The lexer of one reading (0: the grammar's), compiled when first needed."""
    return _lexer(_COMMENT_ENDS[number])


_UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
# A query that nowhere holds one of these words (in any case, escapes expanded) cannot hold
# the keyword under any reading, so only the first reading is needed.
_RISKY = sorted(_UPDATES | {"SERVICE", "FROM"})


def _risky(text: str) -> bool:
    upper = text.upper()
    return any(word in upper for word in _RISKY)


class _Token:
    """A terminal of the grammar: its kind (a group of the lexer), its text and where it starts."""

    __slots__ = ("kind", "offset", "text")

    def __init__(self, kind: str, text: str, offset: int) -> None:
        self.kind, self.text, self.offset = kind, text, offset


def _expand_escapes(sparql: str) -> str:
    """The query with ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes replaced (grammar section 19.2)."""
    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= sys.maxunicode and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    if "\\u" not in sparql and "\\U" not in sparql:
        return sparql
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", char, sparql)


def _tokens(sparql: str, lexer: re.Pattern[str], *, strict: bool = True) -> Iterator[_Token]:
    for match in lexer.finditer(sparql):
        kind = match.lastgroup or "other"
        if kind == "quote":
            # No string can start here. Retrying at every later quote would make the scan
            # quadratic, so stop: the query is malformed (strict), or, for a second reading,
            # every word of the rest counts as a keyword candidate.
            if strict:
                line, column, source = _locate(sparql, match.start())
                raise QuerySyntaxError("malformed query: a string is not closed", line=line,
                                       column=column, source_line=source)
            for word in re.compile(r"[^\W\d]\w*+").finditer(sparql, match.end()):
                yield _Token("word", word.group(), word.start())
            return
        if kind != "comment":
            yield _Token(kind, match.group(), match.start())


def tokens(sparql: str) -> list[_Token]:
    """The tokens of a query as the SPARQL grammar reads it, comments left out.

    >>> [t.text for t in tokens("ASK { ?s a gcsf:Person } # done")]
    ['ASK', '{', '?s', 'a', 'gcsf:Person', '}']
    """
    return list(_tokens(sparql, _reading(0)))


def _locate(sparql: str, offset: int) -> tuple[int, int, str]:
    line = sparql.count("\n", 0, offset) + 1
    start = sparql.rfind("\n", 0, offset) + 1
    end = sparql.find("\n", offset)
    return line, offset - start + 1, sparql[start:end if end >= 0 else len(sparql)]


def check_query(sparql: str, *, allow_service: bool = False, allow_from: bool = False) -> QueryForm:
    """Check a query without running it; return its form or raise.

    Raises :class:`QueryRefused` for updates, ``SERVICE`` (unless ``allow_service``) and
    ``FROM`` (unless ``allow_from``: for an engine that only picks graphs already in its store
    and never fetches one), and :class:`QuerySyntaxError` for an unknown prefix.

    >>> check_query("ASK { ?s ?p ?o }")
    'ASK'
    >>> check_query("DROP ALL")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gcsf_graph.errors.QueryRefused: DROP is an update; only read queries ...
    """
    if len(sparql) > MAX_QUERY_CHARS:
        raise QueryRefused(f"the query has {len(sparql):,} characters; at most {MAX_QUERY_CHARS:,} "
                           "are accepted")
    # Applications and dashboards run the same text again and again: check each text once.
    return _check(sparql, allow_service, allow_from)


def _refuse(word: str, allow_service: bool, allow_from: bool) -> None:
    if word in _UPDATES:
        raise QueryRefused(f"{word} is an update; only read queries (SELECT, ASK, CONSTRUCT, "
                           "DESCRIBE) are allowed")
    if word == "SERVICE" and not allow_service:
        raise QueryRefused("SERVICE is off: federated queries would reach other endpoints "
                           "(allow it explicitly to use it)")
    if word == "FROM" and not allow_from:
        raise QueryRefused("FROM and FROM NAMED are off: queries run on the loaded graph only "
                           "and never load other resources")


@functools.lru_cache(maxsize=512)
def _check(sparql: str, allow_service: bool, allow_from: bool) -> QueryForm:
    expanded = _expand_escapes(sparql)
    readings = [sparql] if expanded == sparql else [sparql, expanded]
    if any(_risky(text) for text in readings):
        # The readings differ only where a comment ends: without a line break other than LF,
        # they read alike.
        breaks = any(c in text for text in readings for c in "\r\v\f\x85\u2028\u2029")
        for text, number in itertools.product(readings, range(len(_COMMENT_ENDS) if breaks else 1)):
            for token in _tokens(text, _reading(number), strict=False):
                if token.kind == "word":
                    _refuse(token.text.upper(), allow_service, allow_from)
    return _form_and_prefixes(sparql)


def _form_and_prefixes(sparql: str) -> QueryForm:
    declared = set(PREFIXES)
    form: QueryForm | None = None
    tokens = list(_tokens(sparql, _reading(0)))
    for i, token in enumerate(tokens):
        if token.kind == "word":
            word = token.text.upper()
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


class Rows(Sequence["dict[str, Any]"]):
    """The rows of a SELECT query.

    Each row reads as a dict of plain Python values (``str`` for IRIs and text; ``int``,
    ``Decimal``, ``float``, ``bool`` and ``datetime.date`` for typed literals; ``None`` where
    unbound). ``terms`` keeps the RDF terms; ``truncated`` says a limit cut the rows;
    ``warnings`` holds the notes of the vocabulary check (terms the graph does not hold).
    """

    def __init__(self, variables: list[str], terms: list[tuple[Term | None, ...]], truncated: bool = False,
                 warnings: list[str] | None = None) -> None:
        self.variables = variables
        self.terms = terms
        self.truncated = truncated
        self.warnings = warnings if warnings is not None else []
        self._dicts: list[dict[str, Any]] | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rows) and (self.variables, self.terms, self.truncated, self.warnings) == (
            other.variables, other.terms, other.truncated, other.warnings)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Rows(variables={self.variables!r}, rows={len(self.terms)}, truncated={self.truncated})"

    def _rows(self) -> list[dict[str, Any]]:
        if self._dicts is None:
            self._dicts = [{v: to_python(t) for v, t in zip(self.variables, row, strict=True)}
                           for row in self.terms]
        return self._dicts

    if TYPE_CHECKING:
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


class Triples:
    """The triples a CONSTRUCT or DESCRIBE query produced (``warnings`` as for :class:`Rows`)."""

    def __init__(self, triples: list[ox.Triple], truncated: bool = False,
                 warnings: list[str] | None = None) -> None:
        self.triples = triples
        self.truncated = truncated
        self.warnings = warnings if warnings is not None else []

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Triples) and (self.triples, self.truncated, self.warnings) == (
            other.triples, other.truncated, other.warnings)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Triples(triples={len(self.triples)}, truncated={self.truncated})"

    def __len__(self) -> int:
        return len(self.triples)

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self.triples)

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


#: What :func:`query` returns: rows for SELECT, a bool for ASK, triples for CONSTRUCT/DESCRIBE.
Result = Rows | bool | Triples


def rows(result: Result) -> Rows:
    """The rows of a SELECT query's result (:class:`UsageError` for another form).

    >>> from gcsf_graph import load
    >>> len(rows(load().query("SELECT ?c WHERE { ?c a gcsf:Country }"))) > 10
    True
    """
    if not isinstance(result, Rows):
        raise UsageError("expected a SELECT query")
    return result

_VARNAME = (r"[A-Za-z0-9_\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF"
            r"\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF"
            r"\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF]+")


def _term(name: str, value: Any) -> Term:
    if value is None:
        raise UsageError(f"binding {name!r} has no value (None); leave it out instead")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise UsageError(f"binding {name!r} is not valid text (it holds a lone surrogate)") from None
    try:
        return from_python(value)
    except (ValueError, TypeError) as exc:
        raise UsageError(f"binding {name!r}: {exc}") from None


def _bind(kg: KnowledgeGraph, bindings: dict[str, Any] | None) -> dict[str, Term]:
    """Bindings as terms; a plain ``str`` binds the literal as the graph writes it (see README)."""
    terms: dict[str, Term] = {}
    for raw, value in (bindings or {}).items():
        name = raw[1:] if raw[:1] in "?$" else raw
        if not isinstance(name, str) or not re.fullmatch(_VARNAME, name):
            raise UsageError(f"binding name {raw!r} is not a SPARQL variable name "
                             "(letters, digits and _ only)")
        terms[name] = _term(name, value)
        if isinstance(value, str):
            terms[name] = _as_in_graph(kg, value)
    return terms


def _as_in_graph(kg: KnowledgeGraph, text: str) -> Term:
    """The plain string if the graph holds it, else the English-tagged one if that is there."""
    plain = ox.Literal(text)
    tagged = ox.Literal(text, language="en")
    has = "ASK { ?s ?p ?o }"
    if kg.engine.query(has, "ASK", {"o": plain}):
        return plain
    return tagged if kg.engine.query(has, "ASK", {"o": tagged}) else plain


def _take(items: Iterable[T], limit: int | None) -> tuple[list[T], bool]:
    """At most ``limit`` items, and whether more were there (reading one past the limit only)."""
    if limit is None:
        return list(items), False
    taken = list(itertools.islice(items, limit + 1))
    return taken[:limit], len(taken) > limit


def _values_at(sparql: str, form: QueryForm) -> int | None:
    """Where a VALUES block can open the query's pattern: just inside its outermost brace.

    That is the first brace outside parentheses (select expressions may hold ``EXISTS {}``),
    or for CONSTRUCT the one after the template; None for ``CONSTRUCT WHERE {}``, whose pattern
    is also its template.
    """
    parens, braces, seen = 0, 0, 0
    for token in _tokens(sparql, _reading(0)):
        if token.kind == "word" and token.text.upper() == "WHERE" and form == "CONSTRUCT" and not seen:
            return None
        if token.text in "()":
            parens += 1 if token.text == "(" else -1
        elif token.text == "{" and parens == 0:
            if braces == 0:
                seen += 1
                if seen == (2 if form == "CONSTRUCT" else 1):
                    return token.offset + 1
            braces += 1
        elif token.text == "}" and parens == 0:
            braces -= 1
    return None


def values_block(sparql: str, form: QueryForm, terms: dict[str, Term]) -> str | None:
    """The query with ``terms`` as a VALUES block opening its pattern; None where none can go.

    >>> values_block("ASK { ?s ?p ?o }", "ASK", {"o": ox.Literal("x")})
    'ASK { VALUES (?o) { ("x") }  ?s ?p ?o }'
    """
    at = _values_at(sparql, form)
    if at is None:
        return None
    names = " ".join(f"?{name}" for name in terms)
    values = " ".join(str(term) for term in terms.values())
    return f"{sparql[:at]} VALUES ({names}) {{ ({values}) }} {sparql[at:]}"


def _with_values(sparql: str, form: QueryForm, terms: dict[str, Term]) -> tuple[str, dict[str, Term]]:
    """The query with its bindings as a VALUES block opening its pattern (else left as bindings).

    Bound this way a variable need not be selected, and an aggregate counts only matching rows.
    """
    if not terms or any(isinstance(t, ox.BlankNode) for t in terms.values()):
        return sparql, terms
    bound = values_block(sparql, form, terms)
    return (sparql, terms) if bound is None else (bound, {})


def _run(kg: KnowledgeGraph, sparql: str, bindings: dict[str, Any] | None, limit: int | None,
         allow_service: bool, inferred: bool) -> Result:
    form = check_query(sparql, allow_service=allow_service)
    terms = _bind(kg, bindings)
    if terms:
        check_syntax(sparql)  # errors point into the text as written, before VALUES is added
        sparql, terms = _with_values(sparql, form, terms)
    answer = kg.engine.query(sparql, form, terms, inferred=inferred)
    if isinstance(answer, bool):
        return answer
    if isinstance(answer, tuple):
        names, solutions = answer
        rows, cut = _take(solutions, limit)
        return Rows(names, rows, truncated=cut)
    triples, cut = _take(answer, limit)
    return Triples(triples, truncated=cut)


def _in_child(timeout: float | None, *args: Any) -> Result:
    """Check and run a query in a forked child process that shares the loaded graph copy-on-write.

    No engine can interrupt a running query: past ``timeout`` seconds the child is killed. An
    engine that aborts the process (Oxigraph does on some ORDER BY of values of mixed kinds)
    takes only the child with it, and its message becomes a :class:`QueryError`.
    """
    import select

    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe, leave without cleaning up the parent's state
        try:
            os.close(out_r)
            os.close(err_r)
            os.dup2(err_w, 2)
            faulthandler = sys.modules.get("faulthandler")
            if faulthandler is not None and faulthandler.is_enabled():
                faulthandler.enable(2)  # its report of an abort goes where the engine's message goes
            _answer(out_w, args)
        finally:
            os._exit(0)
    os.close(out_w)
    os.close(err_w)
    deadline = None if timeout is None else time.monotonic() + timeout
    chunks: dict[int, list[bytes]] = {out_r: [], err_r: []}
    open_fds = [out_r, err_r]
    try:
        while open_fds:
            left = None if deadline is None else deadline - time.monotonic()
            ready = select.select(open_fds, [], [], left)[0] if left is None or left > 0 else []
            if not ready:
                raise QueryTimeout(f"the query ran past its {timeout:g} s time limit and was stopped")
            for fd in ready:
                data = os.read(fd, 1 << 20)
                if data:
                    chunks[fd].append(data)
                else:
                    open_fds.remove(fd)
    finally:
        for fd in (out_r, err_r):
            os.close(fd)
        if open_fds:  # stopped early: the child is still at work
            import signal

            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    answer = b"".join(chunks[out_r])
    if not answer:
        said = b"".join(chunks[err_r]).decode("utf-8", "replace").splitlines()
        why = next((said[i + 1].strip() for i, line in enumerate(said[:-1]) if "panicked at" in line), "")
        raise QueryError("the query engine failed on this query" + (f" ({why})" if why else "")
                         + "; the graph is unharmed: try another form of the query")
    if answer.startswith(b"E"):
        import pickle

        raise rebuilt(pickle.loads(answer[1:]))
    return _unpacked(answer)


def _answer(out: int, args: tuple[Any, ...]) -> None:
    """Run the query and write its result (or its error, as "E" and a pickle) to ``out``."""
    try:
        payload = _packed(_run(*args))
    except Exception as exc:  # sent back and re-raised in the parent
        import pickle

        payload = b"E" + pickle.dumps(portable(exc))
    with os.fdopen(out, "wb") as handle:
        handle.write(payload)


# A result crosses from the child process as marshal data of plain values (marshal is built
# in: no pickle to import on every command's way); anything else travels pickled.

def _to_plain(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return (0, term.value)
    if isinstance(term, ox.BlankNode):
        return (1, term.value)
    if isinstance(term, ox.Literal) and getattr(term, "direction", None) is None:
        return (2, term.value, term.datatype.value, term.language)
    if isinstance(term, ox.Triple):
        return (3, _to_plain(term.subject), _to_plain(term.predicate), _to_plain(term.object))
    raise TypeError(f"not a plain term: {term!r}")


def _from_plain(plain: Any) -> Any:
    if plain is None:
        return None
    kind = plain[0]
    if kind == 0:
        return ox.NamedNode(plain[1])
    if kind == 1:
        return ox.BlankNode(plain[1])
    if kind == 2:
        if plain[3]:
            return ox.Literal(plain[1], language=plain[3])
        return ox.Literal(plain[1], datatype=ox.NamedNode(plain[2]))
    return ox.Triple(_from_plain(plain[1]), _from_plain(plain[2]), _from_plain(plain[3]))


def _packed(result: Result) -> bytes:
    """``result`` as bytes for :func:`_unpacked`: "M" and marshal data, or "P" and a pickle."""
    import marshal

    try:
        if isinstance(result, bool):
            return b"M" + marshal.dumps(result)
        if isinstance(result, Rows):
            rows = [tuple(_to_plain(t) for t in row) for row in result.terms]
            return b"M" + marshal.dumps((result.variables, rows, result.truncated))
        return b"M" + marshal.dumps(([_to_plain(t) for t in result.triples], result.truncated))
    except (TypeError, ValueError):  # ValueError: marshal takes no subclass of str
        import pickle

        return b"P" + pickle.dumps(result)


def _unpacked(data: bytes) -> Result:
    """The result :func:`_packed` made.

    >>> row = (ox.NamedNode("urn:x:a"), ox.Literal("chat", language="fr"), None, ox.BlankNode("b1"))
    >>> rows = Rows(["a", "b", "c", "d"], [row], truncated=True)
    >>> _unpacked(_packed(rows)) == rows
    True
    """
    import marshal

    if data.startswith(b"P"):
        import pickle

        return pickle.loads(data[1:])  # type: ignore[no-any-return]
    value = marshal.loads(data[1:])
    if isinstance(value, bool):
        return value
    if len(value) == 3:
        variables, rows, truncated = value
        return Rows(variables, [tuple(_from_plain(t) for t in row) for row in rows], truncated=truncated)
    triples, truncated = value
    return Triples([_from_plain(t) for t in triples], truncated=truncated)


def query(kg: KnowledgeGraph, sparql: str, *, bindings: dict[str, Any] | None = None,
          limit: int | None = None, timeout: float | None = None, allow_service: bool = False,
          inference: bool | None = None, check_terms: bool = True, isolated: bool = False) -> Result:
    """Run a read-only SPARQL query: :class:`Rows` for SELECT, a bool for ASK, :class:`Triples` else.

    ``bindings`` maps variable names to values (Python values or RDF terms); in a SELECT query
    they apply to variables the query selects. ``limit`` cuts the result (``truncated`` says
    so); ``timeout`` (seconds) bounds checking and running it together. Each IRI the query or
    a binding names that the graph does not hold gives a :class:`~gcsf_graph.errors.QueryWarning`
    with near terms (see :mod:`gcsf_graph.vocabulary`), also kept in the result's ``warnings``;
    ``check_terms=False`` skips that check (for queries a program builds from terms it knows).
    Queries see the inferred types and properties of a graph loaded with inference;
    ``inference=False`` asks for asserted facts only (see :mod:`gcsf_graph.inference`).
    ``isolated`` (implied by ``timeout``) runs the query in a forked child process, so that an
    engine that aborts on a query (Oxigraph does on some ORDER BY of values of mixed kinds)
    raises :class:`QueryError` instead of ending this process.

    >>> from gcsf_graph import load
    >>> query(load(), "ASK { country:CHN gcsf:iso3166Alpha2 'CN' }")
    True
    >>> query(load(), "SELECT ?p WHERE { ?p rdfs:label ?name }", bindings={"name": "Xi Jinping"})[0]
    {'p': 'https://w3id.org/gcsf/id/person/xi-jinping'}
    """
    if not isinstance(sparql, str):
        raise UsageError("the query must be text (str)")
    if timeout is not None and not 0 < timeout < 1e9:
        raise UsageError("the timeout must be a positive number of seconds")
    if limit is not None and not 0 <= limit <= sys.maxsize - 1:
        raise UsageError(f"the limit must be a whole number from 0 to {sys.maxsize - 1}")
    if not sparql.strip():
        raise UsageError("the query is empty")
    notes = _vocabulary_notes(kg, sparql, bindings) if check_terms else []
    for note in notes:
        warnings.warn(note, QueryWarning, stacklevel=_outside_level())
    inferred = kg.inference if inference is None else inference and kg.inference
    if inferred:
        from .inference import ensure_inferred

        ensure_inferred(kg)  # here, not in a timed-out child process, so it is done once
    if timeout is None and not isolated:
        result = _run(kg, sparql, bindings, limit, allow_service, inferred)
    else:
        result = _in_child(timeout, kg, sparql, bindings, limit, allow_service, inferred)
    if notes and not isinstance(result, bool):
        result.warnings = notes
    return result


def _outside_level() -> int:
    """The stack level of the first caller outside this package, for warnings to point at."""
    frame, level = sys._getframe(1), 1
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("gcsf_graph."):
        frame, level = frame.f_back, level + 1
    return level


def _vocabulary_notes(kg: KnowledgeGraph, sparql: str, bindings: dict[str, Any] | None) -> list[str]:
    """The vocabulary check's notes; none for a query the safety check will refuse anyway."""
    iris = {k: v for k, v in bindings.items() if isinstance(v, ox.NamedNode)} if bindings else None
    try:
        check_query(sparql)
        return unknown_terms(kg, sparql, iris)
    except QueryError:
        return []


def query_text(source: str, *, example: str | None = None, stdin: TextIO | None = None,
               file_only: bool = False) -> str:
    """The text of a query: ``source`` itself, a ``.rq``/``.sparql`` file, ``-`` (``stdin``) or an example.

    Only files with a query extension are read, so no other file's content can end up in a
    query or in an error message. ``file_only`` refuses query text given directly.

    >>> query_text("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    >>> import tempfile
    >>> notes = tempfile.mkstemp(suffix=".txt")[1]
    >>> query_text(notes)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gcsf_graph.errors.UsageError: ... is not a query file ...
    """
    from pathlib import Path

    if example is not None:
        from .examples import example as named

        return named(example).text
    if source == "-":
        if stdin is None:
            raise UsageError("no query given")
        return stdin.read(MAX_QUERY_CHARS + 1)
    path = Path(source)
    if path.suffix.lower() in QUERY_EXTENSIONS:
        if not path.is_file():
            raise UsageError(f"no such query file: {source}")
        if path.stat().st_size > 4 * MAX_QUERY_CHARS:
            raise UsageError(f"{source} is larger than any query accepted")
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise UsageError(f"{source} is not UTF-8 text") from None
    if file_only or ("\n" not in source and path.suffix and path.is_file()):
        raise UsageError(f"{source} is not a query file (query files end in "
                         f"{' or '.join(QUERY_EXTENSIONS)})")
    return source


def parse_bindings(texts: Iterable[str]) -> dict[str, Term | str]:
    """``NAME=VALUE`` texts as bindings: ``<iri>`` or ``prefix:key`` give IRIs, anything else text.

    >>> parse_bindings(["who=person:xi-jinping", "name=Xi"])["who"]
    <NamedNode value=https://w3id.org/gcsf/id/person/xi-jinping>
    """
    from .namespaces import expand

    out: dict[str, Term | str] = {}
    for text in texts:
        name, sep, value = text.partition("=")
        if not sep or not name:
            raise UsageError(f"a binding is NAME=VALUE, not {text!r}")
        iri = value[1:-1] if value.startswith("<") and value.endswith(">") else None
        if iri is None and ":" in value and value.split(":", 1)[0] in PREFIXES:
            iri = expand(value)
        if iri is None:
            out[name] = value
            continue
        try:
            out[name] = ox.NamedNode(iri)
        except ValueError as exc:
            raise UsageError(f"binding {name!r}: {iri!r} is not a valid IRI ({exc})") from None
    return out
