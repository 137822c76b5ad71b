"""Writing query results as text: tables, CSV, TSV, W3C JSON, Markdown, RDF.

``json``, ``csv`` and ``tsv`` follow the W3C SPARQL 1.1 query results formats, so any standard
reader parses them back; ``table`` and ``markdown`` are for people and shorten IRIs with the
known prefixes.

>>> from gcsf_graph import load
>>> from gcsf_graph.sparql import execute
>>> rows = execute(load(), "SELECT ?c WHERE { ?c gcsf:iso3166Alpha3 'BEL' }")
>>> format_rows(rows, "csv").splitlines()
['c', 'https://w3id.org/gcsf/id/country/BEL']
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from typing import Any

import pyoxigraph as ox

from .errors import UsageError
from .namespaces import PREFIXES, shorten
from .sparql import Rows, Triples
from .terms import XSD, Term

__all__ = ["GRAPH_FORMATS", "ROW_FORMATS", "format_boolean", "format_rows", "format_triples"]

ROW_FORMATS = ("table", "csv", "tsv", "json", "markdown")
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "jsonld": ox.RdfFormat.JSON_LD}


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != f"{XSD}string":
        out["datatype"] = term.datatype.value
    return out


def _plain(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _readable(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    return _plain(term)


def format_rows(rows: Rows, fmt: str) -> str:
    """Rows as text in one of :data:`ROW_FORMATS`."""
    if fmt == "json":
        body = {"head": {"vars": rows.variables},
                "results": {"bindings": [
                    {v: _json_term(t) for v, t in zip(rows.variables, row, strict=True)
                     if t is not None}
                    for row in rows.terms]}}
        return json.dumps(body, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(rows.variables)
        writer.writerows([_plain(t) for t in row] for row in rows.terms)
        return buffer.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in rows.variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows.terms]
        return "\n".join(lines) + "\n"
    if fmt == "markdown":
        def cell(t: Term | None) -> str:
            return _readable(t).replace("|", "\\|").replace("\n", " ")
        lines = ["| " + " | ".join(rows.variables) + " |",
                 "|" + "---|" * len(rows.variables)]
        lines += ["| " + " | ".join(cell(t) for t in row) + " |" for row in rows.terms]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        return _rich_table(rows)
    raise UsageError(f"unknown format {fmt!r} for rows; choose one of {', '.join(ROW_FORMATS)}")


def _rich_table(rows: Rows) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for name in rows.variables:
        table.add_column(name, overflow="fold")
    for row in rows.terms:
        table.add_row(*(_readable(t) for t in row), end_section=False)
    buffer = io.StringIO()
    width = shutil.get_terminal_size((160, 24)).columns
    Console(file=buffer, width=width, force_terminal=False, color_system=None).print(table)
    return buffer.getvalue()


def format_boolean(answer: bool, fmt: str) -> str:
    """An ASK answer as text: W3C JSON for ``json``, else ``true`` or ``false``."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": answer}) + "\n"
    return ("true" if answer else "false") + "\n"


def format_triples(triples: Triples, fmt: str) -> str:
    """CONSTRUCT or DESCRIBE triples as Turtle, N-Triples or JSON-LD."""
    if fmt not in GRAPH_FORMATS:
        raise UsageError(f"a CONSTRUCT or DESCRIBE result is written as "
                         f"{', '.join(GRAPH_FORMATS)}, not {fmt!r}")
    data: Any = ox.serialize(triples.triples, format=GRAPH_FORMATS[fmt],
                             prefixes=PREFIXES if fmt == "turtle" else None)
    return bytes(data).decode("utf-8")
