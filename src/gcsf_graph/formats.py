"""One table of the file and media formats: RDF graphs and SPARQL results.

Loading, export, query results, validation and the HTTP server all read this table, so a
format's extensions, media type and names are written down once.

>>> rdf_format_of("graph.nt").name
'ntriples'
>>> RESULT_FORMATS["json"].media_type
'application/sparql-results+json'
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .errors import UsageError

__all__ = ["RDF_FORMATS", "RESULT_FORMATS", "RdfFormat", "ResultFormat", "rdf_format", "rdf_format_of"]


class RdfFormat:
    """An RDF serialisation: its name, file extensions, media type and each engine's name for it.

    ``datasets``: whether the format can hold named graphs (TriG, N-Quads).
    """

    __slots__ = ("datasets", "extensions", "media_type", "name", "oxigraph", "rdflib")

    def __init__(self, name: str, extensions: tuple[str, ...], media_type: str, oxigraph: ox.RdfFormat,
                 rdflib: str, datasets: bool = False) -> None:
        self.name, self.extensions, self.media_type = name, extensions, media_type
        self.oxigraph, self.rdflib, self.datasets = oxigraph, rdflib, datasets

    def __repr__(self) -> str:
        return f"RdfFormat({self.name!r})"


class ResultFormat:
    """A SPARQL query results format (W3C JSON, XML, CSV, TSV) and its media type."""

    __slots__ = ("extension", "media_type", "name", "oxigraph")

    def __init__(self, name: str, extension: str, media_type: str, oxigraph: ox.QueryResultsFormat) -> None:
        self.name, self.extension, self.media_type, self.oxigraph = name, extension, media_type, oxigraph

    def __repr__(self) -> str:
        return f"ResultFormat({self.name!r})"


RDF_FORMATS: dict[str, RdfFormat] = {f.name: f for f in (
    RdfFormat("turtle", (".ttl", ".turtle"), "text/turtle", ox.RdfFormat.TURTLE, "turtle"),
    RdfFormat("ntriples", (".nt",), "application/n-triples", ox.RdfFormat.N_TRIPLES, "nt"),
    RdfFormat("nquads", (".nq",), "application/n-quads", ox.RdfFormat.N_QUADS, "nquads", True),
    RdfFormat("trig", (".trig",), "application/trig", ox.RdfFormat.TRIG, "trig", True),
    RdfFormat("n3", (".n3",), "text/n3", ox.RdfFormat.N3, "n3"),
    RdfFormat("rdfxml", (".rdf", ".owl", ".xml"), "application/rdf+xml", ox.RdfFormat.RDF_XML, "xml"),
    RdfFormat("jsonld", (".jsonld", ".json"), "application/ld+json", ox.RdfFormat.JSON_LD, "json-ld"),
)}

RESULT_FORMATS: dict[str, ResultFormat] = {f.name: f for f in (
    ResultFormat("json", ".srj", "application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ResultFormat("xml", ".srx", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ResultFormat("csv", ".csv", "text/csv", ox.QueryResultsFormat.CSV),
    ResultFormat("tsv", ".tsv", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
)}

_BY_EXTENSION = {ext: f for f in RDF_FORMATS.values() for ext in f.extensions}


def rdf_format(name: str) -> RdfFormat:
    """The RDF format called ``name`` (see :data:`RDF_FORMATS`).

    >>> rdf_format("turtle").media_type
    'text/turtle'
    """
    try:
        return RDF_FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown RDF format {name!r}; known: {', '.join(RDF_FORMATS)}") from None


def rdf_format_of(path: str | Path) -> RdfFormat:
    """The RDF format of a file, from its extension (:class:`UsageError` when it cannot tell).

    >>> rdf_format_of("ontology.owl").name
    'rdfxml'
    """
    suffix = Path(path).suffix.lower()
    try:
        return _BY_EXTENSION[suffix]
    except KeyError:
        known = ", ".join(sorted(_BY_EXTENSION))
        raise UsageError(f"{path}: cannot tell the RDF format from the extension {suffix!r} "
                         f"(known: {known})") from None
