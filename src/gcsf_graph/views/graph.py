"""The graph view: entities and facts from the NetworkX export, node data built with pyvis.

Nodes are sized by degree; the most connected keep their label at the opening zoom, the others
show theirs once zoomed in; edge labels show on hover, next to the selected node or close up.
The page is self-contained (see :mod:`gcsf_graph.views.page`). Positions are computed ahead
(igraph's grid Fruchterman-Reingold, seconds for 10,000 nodes)
and physics starts off, so large graphs are usable at once.

>>> from gcsf_graph import load
>>> html = to_html(focus_graph(load(), "Xi Jinping", depth=1))
>>> any(f'{attr}="{scheme}' in html for attr in ("src", "href") for scheme in ("http", "//"))
False
"""

from __future__ import annotations

import hashlib
import math
import random
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError

if TYPE_CHECKING:
    import networkx as nx

    from ..graph import KnowledgeGraph

__all__ = ["focus_graph", "graph_data", "to_html", "viz_graph", "write_html"]

# Colour and shape by class; classes not listed get a colour from their name.
_STYLE: dict[str, tuple[str, str]] = {
    "person": ("#e15759", "dot"),
    "country": ("#4e79a7", "square"),
    "region": ("#76b7b2", "square"),
    "city": ("#59a14f", "square"),
    "organisation": ("#f28e2b", "hexagon"),
    "initiative": ("#edc948", "star"),
    "project": ("#b07aa1", "star"),
    "event": ("#9c755f", "diamond"),
    "summit": ("#9c755f", "diamond"),
    "conference": ("#9c755f", "diamond"),
    "meeting": ("#9c755f", "diamond"),
    "forum": ("#9c755f", "diamond"),
    "expo": ("#9c755f", "diamond"),
    "agreement": ("#ff9da7", "triangle"),
    "bilateral relationship": ("#d37295", "triangle"),
    "source document": ("#8cd17d", "square"),
    "article": ("#499894", "square"),
    "concept": ("#bab0ac", "dot"),
    "pillar": ("#86bcb6", "dot"),
    "statistic": ("#79706e", "triangleDown"),
    "post": ("#fabfd2", "dot"),
    "tenure": ("#d4a6c8", "dot"),
    "literal": ("#cccccc", "text"),
}


def _style(kind: str) -> tuple[str, str]:
    if kind in _STYLE:
        return _STYLE[kind]
    hue = int(hashlib.sha1(kind.encode()).hexdigest()[:4], 16) % 360
    return f"hsl({hue}, 55%, 55%)", "dot"


def viz_graph(kg: KnowledgeGraph, *, classes: Iterable[str] | None = None,
              construct: str | None = None) -> nx.MultiDiGraph:
    """The NetworkX graph to draw: the whole graph, some classes, or a CONSTRUCT result."""
    from ..network import to_networkx

    return to_networkx(kg, classes=classes, construct=construct)


def focus_graph(kg: KnowledgeGraph, entity: str, *, depth: int = 1,
                classes: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The neighbourhood of an entity: everything within ``depth`` facts of it, either direction."""
    import networkx as nx

    from ..entities import resolve

    if depth < 0:
        raise UsageError("the depth must be zero or more")
    whole = viz_graph(kg, classes=classes)
    centre = resolve(kg, entity)
    if centre not in whole:
        raise UsageError(f"{entity!r} is not in the drawn classes")
    near = nx.single_source_shortest_path_length(whole.to_undirected(as_view=True), centre, cutoff=depth)
    # Built in the whole graph's order (a subgraph view would follow a set's, which varies by run).
    sub = nx.MultiDiGraph(**whole.graph)
    sub.add_nodes_from((n, whole.nodes[n]) for n in whole if n in near)
    sub.add_edges_from((u, v, k, d) for u, v, k, d in whole.edges(keys=True, data=True)
                       if u in near and v in near)
    sub.graph["focus"] = centre
    return sub


def _layout(graph: nx.MultiDiGraph, seed: int) -> dict[Any, tuple[float, float]]:
    import igraph

    nodes = list(graph)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in graph.edges()])
    random.seed(seed)  # igraph draws its starting positions from Python's random module
    coords = g.layout_fruchterman_reingold(niter=500, grid="auto") if len(nodes) > 1 else [[0.0, 0.0]]
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    size = 160 * math.sqrt(len(nodes)) + 300  # about one node per 160 px square
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: ((x - cx) / span * size, (y - cy) / span * size)
            for n, x, y in zip(nodes, xs, ys, strict=True)}


def _hub_count(n: int) -> int:
    """How many of the most connected nodes keep their label at the opening zoom (all of a small graph)."""
    return n if n <= 40 else max(8, min(30, round(n * 0.08)))


def graph_data(graph: nx.MultiDiGraph, *, title: str = "gcsf-graph", seed: int = 7) -> dict[str, Any]:
    """The graph view's data: nodes (sized by degree, ranked for labels), edges, panel facts, legend.

    >>> from gcsf_graph import load
    >>> data = graph_data(focus_graph(load(), "Xi Jinping", depth=1))
    >>> data["nodes"][data["focus"]]["label"], data["nodes"][data["focus"]]["rank"]
    ('Xi Jinping', 0)
    """
    from pyvis.network import Network

    from .facts import panel_facts

    net = Network(directed=True)
    positions = _layout(graph, seed)
    ids = {n: i for i, n in enumerate(graph)}
    degree = dict(graph.degree())
    # Rank by degree, ties by label then id, so the hubs are the same on every run.
    order = sorted(graph, key=lambda n: (-degree[n], str(graph.nodes[n].get("label", n)), ids[n]))
    rank = {n: r for r, n in enumerate(order)}
    small = graph.number_of_nodes() <= 400
    facts = panel_facts(graph, ids)
    groups: dict[str, dict[str, str]] = {}
    focus = graph.graph.get("focus")
    for node in graph:
        i = ids[node]
        label = facts[i]["label"]
        kind = facts[i]["type"]
        colour, shape = _style(kind)
        description = "; ".join(f"{p}: {v}" for p, v, _ in facts[i]["literals"][:3])
        x, y = positions.get(node, (0.0, 0.0))
        # Appended directly: pyvis's add_node validates each call and is slow at 10,000 nodes.
        # Colour and shape come from the node's group (its class): far cheaper for vis-network
        # to set up than the same options on every node.
        groups.setdefault(kind, {"color": colour, "shape": shape})
        node_data: dict[str, Any] = {
            "id": i, "label": label, "group": kind, "value": degree[node], "rank": rank[node],
            "title": f"{label}\n{kind}, {degree[node]} facts" + (f"\n{description}" if description else ""),
            "x": round(x, 1), "y": round(y, 1),
        }
        if node == focus:
            node_data.update(borderWidth=5, shadow={"enabled": True, "color": "rgba(0,0,0,0.55)", "size": 16})
        net.nodes.append(node_data)
        net.node_ids.append(i)
    for u, v, attrs in graph.edges(data=True):
        relation = str(attrs.get("label", ""))
        net.edges.append({"id": len(net.edges), "from": ids[u], "to": ids[v], "title": relation})
    counts = Counter(n["group"] for n in net.nodes)
    return {
        "title": title, "nodes": net.nodes, "edges": net.edges, "facts": facts, "groups": groups,
        "edgeLabels": small, "hubs": _hub_count(len(net.nodes)),
        "legend": [{"type": t, "color": groups[t]["color"], "shape": groups[t]["shape"], "count": counts[t]}
                   for t in sorted(groups)],
        "focus": ids.get(focus) if focus is not None else None,
    }


def to_html(graph: nx.MultiDiGraph, *, title: str = "gcsf-graph", seed: int = 7) -> str:
    """A self-contained interactive HTML page of a graph from :func:`viz_graph` or :func:`focus_graph`."""
    from .page import render_page

    return render_page("graph", title, graph_data(graph, title=title, seed=seed))


def write_html(kg: KnowledgeGraph, path: str | Path, *, focus: str | None = None, depth: int = 1,
               construct: str | None = None, classes: Iterable[str] | None = None,
               title: str | None = None, open_browser: bool = False) -> Path:
    """Write an interactive page of the graph (or a part of it) to ``path`` and return the path.

    Only ``path`` is written, atomically; ``open_browser=True`` opens it afterwards.

    >>> import tempfile
    >>> from gcsf_graph import load
    >>> page = write_html(load(), tempfile.mkdtemp() + "/bri.html", focus="BRI", depth=1)
    >>> "Belt and Road Initiative" in page.read_text(encoding="utf-8")
    True
    """
    from .page import write_page

    if focus and construct:
        raise UsageError("give a focus entity or a query, not both")
    if focus:
        graph = focus_graph(kg, focus, depth=depth, classes=classes)
        heading = title or f"{graph.nodes[graph.graph['focus']]['label']} (depth {depth})"
    else:
        graph = viz_graph(kg, classes=classes, construct=construct)
        heading = title or "gcsf-graph"
    return write_page(path, to_html(graph, title=heading), open_browser=open_browser)
