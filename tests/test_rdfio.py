"""Reading RDF files safely (rdfio.py): one format decision, errors naming the file and line."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
from conftest import RESOURCES

from gcsf_graph.errors import DataError
from gcsf_graph.graph import bundled_paths
from gcsf_graph.rdfio import _lines, check_file, parse_quads, read_rdf, readable


def test_readable_gives_the_format_of_an_existing_file():
    assert readable(bundled_paths()["data"]).name == "turtle"


def test_readable_refuses_missing_files_folders_and_unknown_extensions(tmp_path):
    with pytest.raises(DataError, match="no such file") as missing:
        readable(tmp_path / "missing.nt")
    assert missing.value.path.endswith("missing.nt")
    (tmp_path / "folder.ttl").mkdir()
    with pytest.raises(DataError, match="is a directory, not an RDF file"):
        readable(tmp_path / "folder.ttl")
    with pytest.raises(DataError, match=r"cannot tell the RDF format from the extension '\.bak'") as unknown:
        readable(RESOURCES / "broken.ttl.bak")
    assert unknown.value.path.endswith("broken.ttl.bak")


def test_parse_quads_keeps_named_graphs_and_resolves_relative_iris(tmp_path):
    trig = tmp_path / "graphs.trig"
    trig.write_text("<s> <p> <o> .\nGRAPH <urn:x:g> { <urn:x:a> <urn:x:b> 'c' }\n", encoding="utf-8")
    quads = parse_quads(trig)
    assert len(quads) == 2
    assert {str(q.graph_name) for q in quads} == {"DEFAULT", "<urn:x:g>"}
    base = trig.resolve().parent.as_uri() + "/"
    assert ox.NamedNode(base + "s") in {q.subject for q in quads}  # relative to the file itself


def test_check_file_names_the_line_and_column(tmp_path):
    check_file(bundled_paths()["ontology"])  # a good file: nothing to say
    with pytest.raises(DataError) as info:
        check_file(RESOURCES / "broken-syntax.ttl")
    assert info.value.line == 5 and info.value.path.endswith("broken-syntax.ttl")
    assert "broken-syntax.ttl, line 5" in str(info.value)


def test_xml_entity_declarations_are_refused_before_parsing(tmp_path):
    rdfxml = tmp_path / "entities.rdf"
    rdfxml.write_text('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY x "y"> ]>\n'
                      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n', encoding="utf-8")
    read = []
    with pytest.raises(DataError, match="XML entity declarations"):
        read_rdf(rdfxml, lambda fmt, base: read.append(fmt))
    assert read == []  # the parser never saw it


def test_a_read_error_becomes_a_data_error(tmp_path):
    data = tmp_path / "data.nt"
    data.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8")

    def fails(fmt, base):
        raise PermissionError(13, "Permission denied")

    with pytest.raises(DataError, match="cannot read: Permission denied"):
        read_rdf(data, fails)
    assert read_rdf(data, lambda fmt, base: None).name == "ntriples"


def test_line_lengths_are_counted_across_blocks():
    assert list(_lines(io.BytesIO(b"ab\n\ncde"))) == [2, 0, 3]
    assert list(_lines(io.BytesIO(b"x" * (3 << 20) + b"\ny\n"))) == [3 << 20, 1, 0]
