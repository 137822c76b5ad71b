"""Interactive HTML pages of the graph, built with pyvis from the NetworkX export.

The page is one self-contained file: vis-network's script and style (shipped with pyvis) are
inlined and nothing is fetched from a network. Text from the data reaches the page only as JSON
inside a ``<script type="application/json">`` block (with ``<``, ``>`` and ``&`` escaped) and is
put on screen with ``textContent``, so a label such as ``<img src=x onerror=alert(1)>`` shows as
text. Positions are computed ahead (igraph's grid Fruchterman-Reingold, seconds for 10,000 nodes)
and physics starts off, so large graphs are usable at once.

>>> from gcsf_graph import load
>>> html = to_html(focus_graph(load(), "Xi Jinping", depth=1))
>>> any(f'{attr}="{scheme}' in html for attr in ("src", "href") for scheme in ("http", "//"))
False
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import webbrowser
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .namespaces import local_name
from .terms import fold, parse_literal

if TYPE_CHECKING:
    import networkx as nx

    from .graph import KnowledgeGraph

__all__ = ["focus_graph", "to_html", "viz_graph", "write_html"]

_TEMPLATE = Path(__file__).resolve().parent / "templates" / "graph.html"

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
    from .network import to_networkx

    return to_networkx(kg, classes=classes, construct=construct)


def focus_graph(kg: KnowledgeGraph, entity: str, *, depth: int = 1,
                classes: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The neighbourhood of an entity: everything within ``depth`` facts of it, either direction."""
    import networkx as nx

    from .entities import resolve

    if depth < 0:
        raise UsageError("--depth must be zero or more")
    whole = viz_graph(kg, classes=classes)
    centre = resolve(kg, entity)
    if centre not in whole:
        raise UsageError(f"{entity!r} is not in the drawn classes")
    near = nx.single_source_shortest_path_length(whole.to_undirected(as_view=True), centre, cutoff=depth)
    sub = whole.subgraph(near).copy()
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


def _page_data(graph: nx.MultiDiGraph, *, title: str, seed: int) -> dict[str, Any]:
    from pyvis.network import Network

    net = Network(directed=True)
    positions = _layout(graph, seed)
    ids = {n: i for i, n in enumerate(graph)}
    facts: dict[int, dict[str, Any]] = {}
    small = graph.number_of_nodes() <= 400
    relations: dict[str, str] = graph.graph.get("predicate_labels", {})
    groups: dict[str, dict[str, str]] = {}
    for node, attrs in graph.nodes(data=True):
        i = ids[node]
        label = str(attrs.get("label", node))
        kind = str(attrs.get("type", "entity"))
        colour, shape = _style(kind)
        literal_facts = [
            [relations.get(p, local_name(p)), parse_literal(v).value,
             [[s["document"], s["quote"]] for s in sources]]
            for (p, v), sources in zip(attrs.get("literals", []), attrs.get("literal_sources", []),
                                       strict=True)]
        description = "; ".join(f"{p}: {v}" for p, v, _ in literal_facts[:3])
        x, y = positions.get(node, (0.0, 0.0))
        # Appended directly: pyvis's add_node validates each call and is slow at 10,000 nodes.
        # Colour and shape come from the node's group (its class): far cheaper for vis-network
        # to set up than the same options on every node.
        groups.setdefault(kind, {"color": colour, "shape": shape})
        net.nodes.append({
            "id": i, "label": label, "group": kind,
            "title": f"{label}\n{kind}" + (f"\n{description}" if description else ""),
            "x": round(x, 1), "y": round(y, 1),
        })
        net.node_ids.append(i)
        facts[i] = {"label": label, "type": kind, "iri": str(attrs.get("iri", node)),
                    "aliases": list(attrs.get("aliases", [])), "literals": literal_facts,
                    "out": [], "in": [],
                    "search": [fold(label), *(fold(a) for a in attrs.get("aliases", []))]}
    for u, v, attrs in graph.edges(data=True):
        relation = str(attrs.get("label", ""))
        sources = [[s.get("document", ""), s.get("quote", "")] for s in attrs.get("sources", [])]
        edge = {"from": ids[u], "to": ids[v], "title": relation}
        if small:
            edge["label"] = relation
        net.edges.append(edge)
        facts[ids[u]]["out"].append([relation, ids[v], facts[ids[v]]["label"], sources])
        facts[ids[v]]["in"].append([relation, ids[u], facts[ids[u]]["label"], sources])
    counts = Counter(n["group"] for n in net.nodes)
    focus = graph.graph.get("focus")
    return {
        "title": title, "nodes": net.nodes, "edges": net.edges, "facts": facts, "groups": groups,
        "legend": [{"type": t, "color": groups[t]["color"], "shape": groups[t]["shape"], "count": counts[t]}
                   for t in sorted(groups)],
        "focus": ids.get(focus) if focus is not None else None,
    }


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no character can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def to_html(graph: nx.MultiDiGraph, *, title: str = "gcsf-graph", seed: int = 7) -> str:
    """A self-contained interactive HTML page of a graph from :func:`viz_graph` or :func:`focus_graph`."""
    import jinja2
    import pyvis
    from markupsafe import Markup

    lib = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(_TEMPLATE.read_text(encoding="utf-8"))
    data = _page_data(graph, title=title, seed=seed)
    return template.render(
        title=title,
        data=Markup(_script_json(data)),
        vis_js=Markup(_read(lib / "vis-network.min.js").replace("</script", "<\\/script")),
        vis_css=Markup(_read(lib / "vis-network.css")),
    )


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
    from .files import write_atomic

    if focus and construct:
        raise UsageError("give a focus entity or a query, not both")
    if focus:
        graph = focus_graph(kg, focus, depth=depth, classes=classes)
        heading = title or f"{graph.nodes[graph.graph['focus']]['label']} (depth {depth})"
    else:
        graph = viz_graph(kg, classes=classes, construct=construct)
        heading = title or "gcsf-graph"
    target = write_atomic(Path(path), to_html(graph, title=heading).encode("utf-8"))
    if open_browser:
        webbrowser.open(target.resolve().as_uri())
    return target
