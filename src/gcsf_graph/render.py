"""Writing results as text: W3C result formats for programs, tables and reports for people.

``json``, ``xml``, ``csv`` and ``tsv`` follow the W3C SPARQL 1.1 query results formats, so any
standard reader parses them back, and keep the data exact. ``table`` and ``markdown``, and the
reports of ``describe``, ``info``, ``stats`` and ``path``, are for people: they shorten IRIs with
the known prefixes, show partial dates readably (``10 June``, ``August 2023``) and show control
characters escaped, so no data can drive the terminal.

>>> from gcsf_graph import load
>>> result = load().query("SELECT ?c WHERE { ?c gcsf:iso3166Alpha3 'BEL' }")
>>> format_rows(result, "csv").splitlines()
['c', 'https://w3id.org/gcsf/id/country/BEL']
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable

import pyoxigraph as ox

from .errors import UsageError
from .formats import RDF_FORMATS, RESULT_FORMATS
from .namespaces import PREFIXES, shorten
from .sparql import Result, Rows, Triples
from .terms import XSD, Term

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .curation.coverage import ArticleCoverage
    from .entities import Description, Match
    from .examples import Example
    from .info import Summary
    from .network import Chain, NetworkReport

__all__ = ["GRAPH_FORMATS", "ROW_FORMATS", "format_boolean", "format_rows", "format_triples",
           "readable_date", "terminal_safe"]

#: Formats for SELECT rows: the W3C result formats, then two for people.
ROW_FORMATS: tuple[str, ...] = (*RESULT_FORMATS, "table", "markdown")
#: Formats for CONSTRUCT and DESCRIBE results.
GRAPH_FORMATS: tuple[str, ...] = ("turtle", "ntriples", "jsonld", "rdfxml")

_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _terminal_columns() -> int:
    """The terminal's width: $COLUMNS, else the terminal's own, else 160 (output to a file)."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 160


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text with control characters shown as escapes, so data cannot drive a terminal.

    >>> print(terminal_safe("pwned\x1b]0;title\x07"))
    pwned\\x1b]0;title\\x07
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def readable_date(literal: ox.Literal) -> str:
    """A date literal written for people at its precision; other literals unchanged.

    >>> readable_date(ox.Literal("--06-10", datatype=ox.NamedNode(XSD + "gMonthDay")))
    '10 June'
    >>> readable_date(ox.Literal("2023-08", datatype=ox.NamedNode(XSD + "gYearMonth")))
    'August 2023'
    >>> readable_date(ox.Literal("2013", datatype=ox.NamedNode(XSD + "gYear")))
    '2013'
    >>> readable_date(ox.Literal("2017-01-18", datatype=ox.NamedNode(XSD + "date")))
    '18 January 2017'
    """
    kind, value = literal.datatype.value.removeprefix(XSD), literal.value
    try:
        if kind == "gYearMonth":
            year, month = value[:7].rsplit("-", 1)
            return f"{_MONTHS[int(month)]} {year}"
        if kind == "gMonthDay":
            month, day = value[2:7].split("-")
            return f"{int(day)} {_MONTHS[int(month)]}"
        if kind == "date":
            year, month, day = value[:10].rsplit("-", 2)
            return f"{int(day)} {_MONTHS[int(month)]} {year}"
    except (ValueError, IndexError):
        pass  # an ill-formed date stays as written
    return value


def escape(text: str) -> str:
    """Text for XML content: ``&``, ``<`` and ``>`` as entities (as :func:`html.escape` without quotes).

    >>> escape("a < b & c")
    'a &lt; b &amp; c'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """Text as a quoted XML attribute value."""
    quoted = escape(text).replace('"', "&quot;").replace("'", "&#x27;")
    return f'"{quoted}"'


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


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != f"{XSD}string":
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


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
        return terminal_safe(shorten(term.value))
    if isinstance(term, ox.Literal):
        return terminal_safe(readable_date(term))
    return terminal_safe(_plain(term))


def format_rows(rows: Rows, fmt: str, *, compact: bool = False) -> str:
    """Rows as text in one of :data:`ROW_FORMATS` (``compact``: JSON on one line, for machines)."""
    if fmt == "json":
        body = {"head": {"vars": rows.variables},
                "results": {"bindings": [
                    {v: _json_term(t) for v, t in zip(rows.variables, row, strict=True)
                     if t is not None}
                    for row in rows.terms]}}
        return json.dumps(body, ensure_ascii=False, indent=None if compact else 1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(rows.variables)
        writer.writerows([_plain(t) for t in row] for row in rows.terms)
        return buffer.getvalue()
    if fmt == "xml":
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in rows.variables)
        results = "".join(
            "<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                                 for v, t in zip(rows.variables, row, strict=True) if t is not None)
            + "</result>" for row in rows.terms)
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head>{head}</head><results>{results}</results></sparql>\n")
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
        return _table(rows)
    raise UsageError(f"unknown format {fmt!r} for rows; choose one of {', '.join(ROW_FORMATS)}")


def _table(rows: Rows) -> str:
    """Rows as a plain text table that fits the terminal, long cells wrapped onto more lines."""
    import textwrap

    cells = [[_readable(t) for t in row] for row in rows.terms]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(rows.variables)]
    room = max(_terminal_columns() - 3 * len(widths) - 1, 10 * len(widths))
    while sum(widths) > room:  # narrow the widest column until the table fits
        widest = widths.index(max(widths))
        widths[widest] = max(widths[widest] - 1, 8)
        if all(w == 8 for w in widths):
            break

    def line(values: list[str]) -> list[str]:
        wrapped = [textwrap.wrap(v, w, break_long_words=True, break_on_hyphens=False) or [""]
                   for v, w in zip(values, widths, strict=True)]
        return ["| " + " | ".join(part[i].ljust(w) if i < len(part) else " " * w
                                  for part, w in zip(wrapped, widths, strict=True)) + " |"
                for i in range(max(len(part) for part in wrapped))]

    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [rule, *line(rows.variables), rule.replace("-", "=")]
    for row in cells:
        out += line(row)
    return "\n".join([*out, rule]) + "\n"


def format_result(result: Result, fmt: str, *, compact: bool = False) -> str:
    """Any query result as text: rows in :data:`ROW_FORMATS`, triples in :data:`GRAPH_FORMATS`.

    A table asked of CONSTRUCT triples gives Turtle; ``compact`` writes JSON rows on one line.
    """
    if isinstance(result, bool):
        return format_boolean(result, fmt)
    if isinstance(result, Triples):
        return format_triples(result, "turtle" if fmt == "table" else fmt)
    if fmt in GRAPH_FORMATS:
        raise UsageError(f"{fmt} is for CONSTRUCT or DESCRIBE results; SELECT rows are written as "
                         f"{', '.join(ROW_FORMATS)}")
    return format_rows(result, fmt, compact=compact)


def format_boolean(answer: bool, fmt: str) -> str:
    """An ASK answer as text: W3C JSON for ``json``, else ``true`` or ``false``."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": answer}) + "\n"
    if fmt == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if answer else 'false'}</boolean></sparql>\n")
    return ("true" if answer else "false") + "\n"


def format_triples(triples: Triples, fmt: str) -> str:
    """CONSTRUCT or DESCRIBE triples in one of :data:`GRAPH_FORMATS`."""
    if fmt not in GRAPH_FORMATS:
        raise UsageError(f"a CONSTRUCT or DESCRIBE result is written as "
                         f"{', '.join(GRAPH_FORMATS)}, not {fmt!r}")
    data: Any = ox.serialize(triples.triples, format=RDF_FORMATS[fmt].oxigraph,
                             prefixes=PREFIXES if fmt == "turtle" else None)
    return bytes(data).decode("utf-8")


def _quote(document: str, quote: str) -> str:
    return terminal_safe(f"[{document}] \"{' '.join(quote.split())}\"")


def format_description(d: Description, *, quote: Callable[[str, str], str] | None = None) -> str:
    """What :func:`gcsf_graph.describe` found, facts grouped by relation, each with its quotes.

    ``quote(document, quote)`` shows a quote another way (such as inside its surrounding text).
    """
    lines = [terminal_safe(f"{d.label}  <{d.iri}>"), f"  type: {terminal_safe(', '.join(d.types))}"]
    if d.aliases:
        lines.append(f"  also: {terminal_safe('; '.join(d.aliases))}")
    for heading, groups in (("", d.outgoing), ("(inverse) ", d.incoming)):
        for relation, facts in groups.items():
            lines.append(f"\n{heading}{terminal_safe(relation)}:")
            for fact in facts:
                target = f" ({shorten(fact.value_iri)})" if fact.value_iri else ""
                lines.append(terminal_safe(f"  - {fact.value}{target}"))
                for s in fact.sources:
                    shown = " ".join(quote(s.document, s.quote).split()) if quote else None
                    lines.append(f"      {terminal_safe(f'[{s.document}] {shown}')}" if shown
                                 else f"      {_quote(s.document, s.quote)}")
    return "\n".join(lines)


def format_matches(matches: list[Match]) -> str:
    """Search hits, one a line: score, label, type, short IRI and the alias that matched."""
    lines = []
    for m in matches:
        alias = f"  (as {m.matched!r})" if m.matched != m.label else ""
        lines.append(terminal_safe(f"{m.score:5.1f}  {m.label}  [{m.type}]  {shorten(m.iri)}{alias}"))
    return "\n".join(lines)


def format_summary(s: Summary) -> str:
    """The counts of :func:`gcsf_graph.info.summary`."""
    lines = [f"ontology version {terminal_safe(s.ontology_version)}",
             f"{s.triples} triples, {s.entities} entities, {s.claims} claims, {s.documents} source documents"]
    width = max((len(k) for k in s.by_class), default=0)
    lines += [terminal_safe(f"  {cls:<{width}}  {count:>5}") for cls, count in s.by_class.items()]
    return "\n".join(lines)


def format_network_report(r: NetworkReport) -> str:
    """The report of :func:`gcsf_graph.network_report`."""
    lines = [f"{r.nodes} entities, {r.edges} facts between entities", "", "entities by class:"]
    lines += [f"  {n:>5}  {k}" for k, n in r.by_class.items()]
    lines += ["", "facts by relation:"] + [f"  {n:>5}  {k}" for k, n in r.by_relation.items()]
    lines += ["", "most connected (degree centrality: share of entities directly linked):"]
    lines += [f"  {s:.3f}  {name}" for name, s in r.degree]
    lines += ["", "brokers (betweenness centrality: share of shortest paths passing through):"]
    lines += [f"  {s:.3f}  {name}" for name, s in r.betweenness]
    lines += ["", f"communities (Louvain, {len(r.communities)} with two or more members):"]
    for i, members in enumerate(r.communities, 1):
        shown = ", ".join(members[:8]) + (f" ... (+{len(members) - 8})" if len(members) > 8 else "")
        lines.append(f"  {i:>2}. [{len(members)}] {shown}")
    return terminal_safe("\n".join(lines))


def format_chains(chains: list[Chain]) -> str:
    """The chains of :func:`gcsf_graph.connecting_paths`, each hop with its quotes."""
    lines = []
    for i, chain in enumerate(chains, 1):
        lines.append(f"path {i} ({len(chain.hops)} hops):")
        for hop in chain.hops:
            ends = (hop.source_label, hop.target_label)
            s, t = ends if hop.forward else ends[::-1]
            lines.append(terminal_safe(f"  {s} --{hop.relation}--> {t}"))
            lines += [f"      {_quote(doc, quote)}" for doc, quote in hop.quotes]
    return "\n".join(lines)


def format_examples(examples: list[Example]) -> str:
    """The example catalogue, one a line: name and title."""
    width = max((len(e.name) for e in examples), default=0)
    return "\n".join(f"{e.name:<{width}}  {e.title}" for e in examples)


def format_example(item: Example) -> str:
    """One example in full: title, description, parameters (with a ``--bind`` to try) and query."""
    lines = [f"{item.name}: {item.title}", "", item.description]
    if item.params:
        lines += ["", "Parameters:"]
        lines += [f"  {p.name:<8} {p.description}" + (f"  (--bind {p.name}={p.sample})" if p.sample else "")
                  for p in item.params]
    body = item.text.splitlines()
    while body and body[0].startswith("#"):  # the header, shown above
        body.pop(0)
    lines += ["", "Query:", "\n".join(body).strip()]
    return "\n".join(lines)


def format_coverage(ledgers: list[ArticleCoverage], *, sentences: bool = False) -> str:
    """The coverage ledger as a table (sentences, covered, explained, unaccounted per article),
    then each unaccounted sentence; with ``sentences``, every sentence with its claims or reason."""
    header = ("article", "sentences", "covered", "explained", "unaccounted")
    counts = [(a.file, len(a.sentences), a.covered, a.explained, a.unaccounted) for a in ledgers]
    total = ("total", *(sum(int(row[i]) for row in counts) for i in range(1, 5)))
    width = max((len(str(row[0])) for row in [header, *counts, total]), default=0)

    def line(row: tuple[object, ...]) -> str:
        cells = zip(row[1:], header[1:], strict=True)
        return f"{row[0]!s:<{width}}" + "".join(f"  {v!s:>{len(h)}}" for v, h in cells)

    lines = [line(header), *(line(r) for r in counts), line(total)]
    for a in ledgers:
        shown = [s for s in a.sentences if sentences or not (s.claims or s.reason)]
        if shown:
            lines += ["", f"{a.file}:" if sentences else f"{a.file}: unaccounted (no claim, no reason):"]
        for s in shown:
            words = " ".join(s.text.split())
            if sentences:
                why = ", ".join(s.claims) if s.claims else f"({s.reason})" if s.reason else "UNACCOUNTED"
                lines += [f"  {s.number:>3}  {why}", f"       {words}"]
            else:
                lines.append(f"  {s.number:>3}  {words if len(words) <= 70 else words[:69] + '…'}")
    return terminal_safe("\n".join(lines))
