"""Reading RDF files safely: one format decision, bounded parsing, errors with file and line.

Every reader of RDF files (the engines, SHACL shapes, the store builder) goes through
:func:`read_rdf`, so each file's format is decided once (from its extension) and every failure
is a :class:`~gcsf_graph.errors.DataError` naming the file and, where known, the line.

RDF/XML may declare XML entities, and entities that expand into each other ("billion laughs")
would take gigabytes; such files are refused before parsing. A literal larger than the
parser's buffer is reported with its line instead of a crash.

>>> from gcsf_graph.graph import bundled_paths
>>> check_file(bundled_paths()["shapes"])
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox

from .errors import DataError, UsageError
from .formats import RdfFormat, rdf_format_of

__all__ = ["check_file", "parse_quads", "read_rdf", "readable"]

_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
# The parser's buffer: a single token (such as a literal) larger than this cannot be read.
_TOKEN_LIMIT = 16 * 1024 * 1024


def readable(path: Path) -> RdfFormat:
    """The file's RDF format, once it is known to be an existing regular file; else :class:`DataError`."""
    try:
        fmt = rdf_format_of(path)
    except UsageError as exc:
        raise DataError(str(exc).split(": ", 1)[1], path=str(path)) from None
    if not path.exists():
        raise DataError("no such file", path=str(path))
    if path.is_dir():
        raise DataError("is a directory, not an RDF file", path=str(path))
    return fmt


def _refuse_entities(path: Path) -> None:
    """Refuse RDF/XML that declares XML entities: their expansion is unbounded."""
    with path.open("rb") as handle:
        tail = b""
        for block in iter(lambda: handle.read(1 << 20), b""):
            if _ENTITY.search(tail + block):
                raise DataError("RDF/XML with XML entity declarations (<!ENTITY) is refused: "
                                "their expansion is unbounded", path=str(path))
            tail = block[-16:]


def _long_line(path: Path) -> int | None:
    """The number of the first line longer than the parser can hold, if any."""
    with path.open("rb") as handle:
        for number, line in enumerate(_lines(handle), 1):
            if line > _TOKEN_LIMIT:
                return number
    return None


def _lines(handle: object) -> Iterator[int]:
    """Lengths of the lines of a binary file, read in blocks (a huge line is never held whole)."""
    length = 0
    for block in iter(lambda: handle.read(1 << 20), b""):  # type: ignore[attr-defined]
        parts = block.split(b"\n")
        for part in parts[:-1]:
            yield length + len(part)
            length = 0
        length += len(parts[-1])
    yield length


def read_rdf(path: Path, read: Callable[[RdfFormat, str], object]) -> RdfFormat:
    """Run ``read(format, base_iri)`` on a file; parse and read errors become :class:`DataError`."""
    fmt = readable(path)
    if fmt.name == "rdfxml":
        _refuse_entities(path)
    try:
        read(fmt, path.resolve().as_uri())
    except SyntaxError as exc:
        message = str(exc.msg if getattr(exc, "msg", None) else exc)
        if message.startswith("Parser error") and ": " in message:
            message = message.split(": ", 1)[1]
        raise DataError(message, path=str(path), line=exc.lineno, column=exc.offset) from None
    except MemoryError:
        raise DataError(f"a value is larger than the {_TOKEN_LIMIT // 2**20} MiB the parser can hold",
                        path=str(path), line=_long_line(path)) from None
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    return fmt


def parse_quads(path: Path) -> list[ox.Quad]:
    """Every quad of an RDF file (named graphs kept), read safely.

    >>> from gcsf_graph.graph import bundled_paths
    >>> len(parse_quads(bundled_paths()["shapes"])) > 50
    True
    """
    quads: list[ox.Quad] = []
    read_rdf(path, lambda fmt, base: quads.extend(ox.parse(path=str(path), format=fmt.oxigraph,
                                                           base_iri=base)))
    return quads


def check_file(path: Path) -> None:
    """Parse an RDF file completely without keeping it, or raise :class:`DataError` with the line."""
    read_rdf(path, lambda fmt, base: deque(ox.parse(path=str(path), format=fmt.oxigraph, base_iri=base),
                                           maxlen=0))
