"""Network analysis on igraph: the same report whatever the engine, and sampled betweenness on big graphs."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

from gcsf_graph import load
from gcsf_graph.network import network_report, to_networkx


def test_the_report_is_the_same_from_the_graph_or_its_networkx_export(kg, kg_rdflib):
    report = network_report(kg)
    assert report == network_report(kg, graph=to_networkx(kg))
    assert report == network_report(kg_rdflib)  # vertex order is fixed, so Louvain repeats
    assert list(report.by_class.values()) == sorted(report.by_class.values(), reverse=True)


def test_betweenness_is_estimated_from_samples_on_a_big_graph(tmp_path, monkeypatch):
    from gcsf_graph import network

    path = tmp_path / "g.nt"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "70000", "-o", str(path)],
                   check=True, capture_output=True)
    kg = load(path, progress=False)
    sampled = network_report(kg, top=10)
    assert sampled.nodes > network._EXACT_BETWEENNESS  # so the estimate is used
    monkeypatch.setattr(network, "_EXACT_BETWEENNESS", 10**9)
    exact = network_report(kg, top=30)
    assert sampled.degree == exact.degree[:10] and sampled.communities == exact.communities
    # The estimate (100 sampled sources) finds mostly the same brokers, with scores of the same size.
    assert len({n for n, _ in sampled.betweenness} & {n for n, _ in exact.betweenness}) >= 7
    assert 0.5 < sampled.betweenness[0][1] / exact.betweenness[0][1] < 2
