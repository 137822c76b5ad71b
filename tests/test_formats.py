"""The one table of file and media formats (formats.py)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib

from gcsf_graph.errors import UsageError
from gcsf_graph.formats import RDF_FORMATS, RESULT_FORMATS, RdfFormat, ResultFormat, rdf_format, rdf_format_of

TRIPLE = ox.Triple(ox.NamedNode("https://w3id.org/gcsf/id/person/ada"),
                   ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("Ada", language="en"))


def test_every_format_has_a_name_extensions_and_a_media_type():
    for name, fmt in RDF_FORMATS.items():
        assert isinstance(fmt, RdfFormat) and fmt.name == name and repr(fmt) == f"RdfFormat({name!r})"
        assert fmt.extensions and all(e.startswith(".") and e == e.lower() for e in fmt.extensions), name
        assert fmt.media_type.count("/") == 1 and fmt.media_type.split("/")[0] in ("text", "application"), name
    for name, result in RESULT_FORMATS.items():
        assert isinstance(result, ResultFormat) and result.name == name
        assert result.extension == {"json": ".srj", "xml": ".srx"}.get(name, f".{name}")
        assert ("sparql-results" in result.media_type) == (name in ("json", "xml"))
    media_types = [f.media_type for f in (*RDF_FORMATS.values(), *RESULT_FORMATS.values())]
    assert len(media_types) == len(set(media_types))


def test_an_extension_names_one_format():
    extensions = [e for f in RDF_FORMATS.values() for e in f.extensions]
    assert len(extensions) == len(set(extensions))
    assert set(extensions) >= {".ttl", ".nt", ".nq", ".trig", ".n3", ".rdf", ".owl", ".jsonld"}


def test_only_trig_and_nquads_hold_named_graphs():
    assert {name for name, f in RDF_FORMATS.items() if f.datasets} == {"trig", "nquads"}


@pytest.mark.filterwarnings("ignore:.*is deprecated:DeprecationWarning")  # rdflib's own ConjunctiveGraph
@pytest.mark.parametrize("fmt", RDF_FORMATS.values(), ids=lambda f: f.name)
def test_each_engine_name_reads_what_the_other_writes(fmt):
    if fmt.name == "n3":  # pyoxigraph reads N3 but does not write it
        written = ox.serialize([TRIPLE], format=ox.RdfFormat.TURTLE)
    else:
        written = ox.serialize([TRIPLE], format=fmt.oxigraph)
    graph = (rdflib.Dataset() if fmt.datasets else rdflib.Graph()).parse(data=bytes(written).decode("utf-8"), format=fmt.rdflib)
    assert [(str(t[0]), str(t[2])) for t in graph] == [("https://w3id.org/gcsf/id/person/ada", "Ada")]
    again = graph.serialize(format=fmt.rdflib, encoding="utf-8")
    assert len(list(ox.parse(again, format=fmt.oxigraph))) == 1


@pytest.mark.parametrize("fmt", RESULT_FORMATS.values(), ids=lambda f: f.name)
def test_each_result_format_is_one_oxigraph_reads_or_writes(fmt):
    assert isinstance(fmt.oxigraph, ox.QueryResultsFormat)
    assert fmt.oxigraph.media_type.split(";")[0] == fmt.media_type


@pytest.mark.parametrize(("path", "name"), [
    ("graph.ttl", "turtle"), ("graph.turtle", "turtle"), ("dump.nt", "ntriples"), ("dump.nq", "nquads"),
    ("all.trig", "trig"), ("rules.n3", "n3"), ("ontology.owl", "rdfxml"), ("data.rdf", "rdfxml"),
    ("data.xml", "rdfxml"), ("data.jsonld", "jsonld"), ("data.json", "jsonld"),
    ("GRAPH.TTL", "turtle"), ("folder.v2/data.Nt", "ntriples"),  # the extension's case does not matter
])
def test_rdf_format_of_a_file(path, name):
    assert rdf_format_of(path).name == name


@pytest.mark.parametrize("path", ["graph.ttl.bak", "README", "data.csv", "archive.tar.gz"])
def test_a_file_whose_format_cannot_be_told_is_a_usage_error(path):
    with pytest.raises(UsageError) as info:
        rdf_format_of(path)
    message = str(info.value)
    assert message.startswith(f"{path}: cannot tell the RDF format from the extension")
    assert "known: " in message and ".ttl" in message


def test_rdf_format_by_name():
    assert rdf_format("turtle") is RDF_FORMATS["turtle"]
    assert rdf_format("jsonld").media_type == "application/ld+json"
    with pytest.raises(UsageError, match="unknown RDF format 'yaml'; known: turtle, ntriples"):
        rdf_format("yaml")
