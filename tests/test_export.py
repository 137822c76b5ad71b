"""NetworkX export, file formats and network analysis."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys

import igraph
import networkx as nx
import pytest
from lxml import etree

from gcsf_graph.export import write_export

FACTS = """SELECT ?s ?p ?o WHERE {
  { ?p a gcsf:FactProperty } UNION { VALUES ?p { gcsf:iso3166Alpha2 gcsf:iso3166Alpha3 dcterms:identifier } }
  ?s ?p ?o }"""


def test_graphml_read_back_by_networkx_and_igraph(kg, graph, tmp_path):
    path = write_export(kg, tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["https://w3id.org/gcsf/id/person/xi-jinping"]["label"] == "Xi Jinping"
    independent = igraph.Graph.Read_GraphML(str(path))
    assert independent.vcount() == graph.number_of_nodes()
    assert independent.ecount() == graph.number_of_edges()


def test_gexf_read_back_and_schema_typed(kg, graph, tmp_path):
    path = write_export(kg, tmp_path / "g.gexf")
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    tree = etree.parse(str(path))
    ns = {"g": tree.getroot().nsmap[None]}
    assert len(tree.findall(".//g:node", ns)) == graph.number_of_nodes()
    assert len(tree.findall(".//g:edge", ns)) == graph.number_of_edges()
    types = {a.get("type") for a in tree.findall(".//g:attribute", ns)}
    assert types <= {"string", "integer", "long", "double", "float", "boolean"}


def test_json_and_csv_exports(kg, graph, tmp_path):
    data = json.loads(write_export(kg, tmp_path / "g.json").read_text(encoding="utf-8"))
    again = nx.node_link_graph(data, edges="links")
    assert again.number_of_edges() == graph.number_of_edges()
    rows = list(csv.DictReader(io.StringIO((write_export(kg, tmp_path / "e.csv")).read_text(encoding="utf-8"))))
    assert len(rows) == graph.number_of_edges()
    assert {"source_label", "predicate_label", "target_label", "quotes"} <= rows[0].keys()


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld"])
def test_rdf_exports_round_trip(kg, tmp_path, suffix):
    from gcsf_graph import load

    path = write_export(kg, tmp_path / f"g{suffix}")
    assert len(load(path, ontology=False)) == len(kg)


def test_export_cli(gcsf, tmp_path):
    result = gcsf("export", "-o", str(tmp_path / "people.graphml"), "--types", "Person,Event")
    assert result.returncode == 0, result.stderr
    assert nx.read_graphml(tmp_path / "people.graphml").number_of_nodes() > 10
    assert gcsf("export", "-o", str(tmp_path / "x.unknown")).returncode == 2


def test_written_files_get_the_usual_permissions(kg, tmp_path):
    import os

    umask = os.umask(0o022)
    try:
        path = write_export(kg, tmp_path / "g.csv")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_interrupted_export_keeps_the_good_file(tmp_path):
    target = tmp_path / "g.ntriples.nt"
    target.write_text("good\n", encoding="utf-8")
    code = ("import os, gcsf_graph.export as e, gcsf_graph.files as f\n"
            "def hang(p): os.write(1, b'x'); import time; time.sleep(60)\n"
            "f.os.replace = lambda *a: hang(a)\n"
            f"e.write_export(__import__('gcsf_graph').load(), {str(target)!r})\n")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert child.stdout.read(1) == b"x"  # the temporary file is complete, the rename not done
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert target.read_text(encoding="utf-8") == "good\n"
    # a killed writer can only leave its hidden temporary file, never a half-written target
    leftovers = [p.name for p in tmp_path.iterdir() if p != target]
    assert all(n.startswith(".g.ntriples.nt.") and n.endswith(".part") for n in leftovers)


def test_unwritable_output_is_a_clear_error(gcsf):
    result = gcsf("export", "-o", "/proc/no-such-dir/g.csv")
    assert result.returncode == 2
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
