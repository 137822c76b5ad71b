"""The graph as standard files: GraphML, GEXF, node-link JSON, an edge-list CSV, or RDF.

Graph formats are written from :func:`gcsf_graph.network.to_networkx`; RDF formats from the
triples themselves. Every file is written atomically (:func:`gcsf_graph.files.write_atomic`).

>>> import tempfile
>>> from gcsf_graph import load
>>> write_export(load(), tempfile.mkdtemp() + "/gcsf.nt").suffix
'.nt'
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .errors import UsageError
from .files import write_atomic
from .namespaces import PREFIXES

if TYPE_CHECKING:
    import networkx as nx

    from .graph import KnowledgeGraph

__all__ = ["EXPORT_FORMATS", "write_export"]

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv", "turtle", "ntriples", "jsonld")
_EXTENSIONS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv",
               ".ttl": "turtle", ".nt": "ntriples", ".jsonld": "jsonld"}

def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes GraphML and GEXF accept: lists and dicts become JSON text, None is dropped."""
    out: dict[str, str | int | float | bool] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, list | dict | tuple):
            out[key] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, str | int | float | bool):
            out[key] = value
        else:
            out[key] = str(value)
    return out


def _flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    import networkx as nx

    flat = nx.MultiDiGraph()
    nodes = {node: _flat(attrs) for node, attrs in graph.nodes(data=True)}
    # GraphML and GEXF declare one type per attribute: where nodes disagree, write text.
    kinds: dict[str, set[type]] = defaultdict(set)
    for attrs in nodes.values():
        for key, value in attrs.items():
            kinds[key].add(type(value))
    mixed = {key for key, seen in kinds.items() if len(seen) > 1}
    for node, attrs in nodes.items():
        flat.add_node(node, **{k: str(v) if k in mixed else v for k, v in attrs.items()})
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        data = dict(attrs)
        sources = data.pop("sources", [])
        data["documents"] = "; ".join(sorted({s["document"] for s in sources}))
        data["quotes"] = " | ".join(s["quote"] for s in sources)
        flat.add_edge(u, v, key=key, **_flat(data))
    return flat


def _edge_csv(graph: nx.MultiDiGraph) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["source", "source_label", "predicate", "predicate_label", "target",
                     "target_label", "documents", "quotes"])
    for u, v, data in graph.edges(data=True):
        sources = data.get("sources", [])
        writer.writerow([u, graph.nodes[u].get("label", ""), data["predicate"], data["label"], v,
                         graph.nodes[v].get("label", ""),
                         "; ".join(sorted({s["document"] for s in sources})),
                         " | ".join(s["quote"] for s in sources)])
    return buffer.getvalue()


def _rdf_bytes(kg: KnowledgeGraph, fmt: str) -> bytes:
    formats = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
               "jsonld": ox.RdfFormat.JSON_LD}
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in kg.quads()]
    data = ox.serialize(triples, format=formats[fmt],
                        prefixes=PREFIXES if fmt == "turtle" else None)
    return bytes(data)  # type: ignore[arg-type]


def export_format(path: Path, fmt: str | None) -> str:
    """The export format: as given, else guessed from the file extension.

    >>> export_format(Path("graph.gexf"), None)
    'gexf'
    """
    if fmt:
        if fmt not in EXPORT_FORMATS:
            raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        return fmt
    try:
        return _EXTENSIONS[path.suffix.lower()]
    except KeyError:
        raise UsageError(f"cannot tell the export format from {path.name!r}; "
                         f"name the format ({', '.join(EXPORT_FORMATS)})") from None


def write_export(kg: KnowledgeGraph, path: str | Path, *, fmt: str | None = None,
                 classes: Iterable[str] | None = None) -> Path:
    """Write the graph to ``path`` in ``fmt`` (guessed from the extension when not given).

    Writing is atomic: the file is written beside its target and renamed into place, so an
    interrupted export never leaves a half-written file where a good one was.

    >>> import tempfile, networkx
    >>> from gcsf_graph import load
    >>> path = write_export(load(), tempfile.mkdtemp() + "/gcsf.graphml")
    >>> networkx.read_graphml(path).number_of_nodes() > 200
    True
    """
    target = Path(path)
    kind = export_format(target, fmt)
    if kind in ("turtle", "ntriples", "jsonld"):
        if classes:
            raise UsageError("classes apply to graph formats, not to the RDF serialisations")
        payload = _rdf_bytes(kg, kind)
    else:
        from .network import to_networkx

        graph = to_networkx(kg, classes=classes)
        payload = _graph_bytes(graph, kind)
    return write_atomic(target, payload)


def _graph_bytes(graph: nx.MultiDiGraph, kind: str) -> bytes:
    import networkx as nx

    if kind == "csv":
        return _edge_csv(graph).encode("utf-8")
    if kind == "json":
        data = nx.node_link_data(graph, edges="links")
        return json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")
    buffer = io.BytesIO()
    flat = _flat_graph(graph)
    if kind == "graphml":
        nx.write_graphml(flat, buffer, named_key_ids=True)
    else:
        nx.write_gexf(flat, buffer)
    return buffer.getvalue()
