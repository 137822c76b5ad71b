"""Errors raised by gcsf_graph.

One base class, so callers can catch everything the library raises on bad input::

    GcsfError
    ├── DataError             a data file is missing, unreadable or not valid RDF
    ├── EndpointError         a SPARQL server cannot be reached, refuses or answers an error
    ├── QueryError            a SPARQL query cannot be run
    │   ├── QuerySyntaxError  malformed SPARQL or an unknown prefix (line and column)
    │   ├── QueryRefused      an update, SERVICE, FROM or LOAD on the read-only path
    │   └── QueryTimeout      the query ran past its time limit
    ├── UnknownEntityError    no entity matches a name (with near matches)
    ├── UsageError            an option or value the library cannot accept
    └── QueryWarning          a query names a term the graph does not hold (a warning category)
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "DataError",
    "EndpointError",
    "GcsfError",
    "QueryError",
    "QueryRefused",
    "QuerySyntaxError",
    "QueryTimeout",
    "QueryWarning",
    "UnknownEntityError",
    "UsageError",
    "portable",
    "rebuilt",
]


class GcsfError(Exception):
    """Base class of every error gcsf_graph raises on bad input."""


class DataError(GcsfError):
    """A data file is missing, unreadable or not valid RDF.

    ``path``, ``line`` and ``column`` locate the problem where they are known.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        where = path or ""
        if line is not None:
            where += f", line {line}" + (f", column {column}" if column is not None else "")
        super().__init__(f"{where}: {message}" if where else message)
        self.path, self.line, self.column = path, line, column


class EndpointError(GcsfError):
    """A SPARQL server cannot be reached, refuses the credentials or answers with an error."""


class QueryError(GcsfError):
    """A SPARQL query cannot be run."""


class QuerySyntaxError(QueryError):
    """Malformed SPARQL or an unknown prefix; ``line`` and ``column`` are 1-based."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None,
                 source_line: str | None = None) -> None:
        text = message
        if line is not None:
            text = f"line {line}, column {column}: {message}"
            if source_line is not None:
                caret = " " * max((column or 1) - 1, 0) + "^"
                text += f"\n    {source_line}\n    {caret}"
        super().__init__(text)
        self.line, self.column, self.source_line = line, column, source_line


class QueryRefused(QueryError):
    """The read-only query path refuses updates, SERVICE, FROM and LOAD."""


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped."""


class UnknownEntityError(GcsfError):
    """No entity matches a name; ``suggestions`` holds near matches."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no entity named {name!r}{hint}")
        self.name, self.suggestions = name, suggestions


class UsageError(GcsfError):
    """An option or value the library cannot accept."""


class QueryWarning(GcsfError, UserWarning):
    """A query names a term the loaded graph does not hold, so it will likely find nothing.

    Issued with :func:`warnings.warn`; ``warnings.simplefilter("error", QueryWarning)`` makes
    it an error (raised as a :class:`GcsfError`), as ``gcsf query --strict`` does.
    """


def portable(exc: Exception) -> tuple[type[Exception], str, dict[str, Any]]:
    """An exception as class, message and attributes, to send to another process: not every
    exception's ``__init__`` takes back what pickle gives it (:class:`UnknownEntityError` does not).

    >>> again = rebuilt(portable(UnknownEntityError("Xi", ["Xi Jinping"])))
    >>> type(again).__name__, again.suggestions, str(again)
    ('UnknownEntityError', ['Xi Jinping'], "no entity named 'Xi'; did you mean: Xi Jinping?")
    """
    return type(exc), str(exc), vars(exc)


def rebuilt(sent: tuple[type[Exception], str, dict[str, Any]]) -> Exception:
    """The exception :func:`portable` described, without calling its ``__init__``."""
    kind, message, attributes = sent
    exc = kind.__new__(kind)
    Exception.__init__(exc, message)
    exc.__dict__.update(attributes)
    return exc
