"""Network analysis of the entity graph: centrality, communities and connecting paths.

>>> from gcsf_graph import load
>>> paths = connecting_paths(load(), "Azerbaijan", "Belt and Road Initiative")
>>> paths[0].hops[0].source_label
'Azerbaijan'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .search import resolve

if TYPE_CHECKING:
    import networkx as nx

    from .graph import KnowledgeGraph

__all__ = ["Hop", "NetworkReport", "Path", "connecting_paths", "network_report"]


@dataclass
class NetworkReport:
    """What network analysis says about the graph (see :func:`network_report`)."""

    nodes: int
    edges: int
    by_class: dict[str, int]
    by_relation: dict[str, int]
    degree: list[tuple[str, float]]
    betweenness: list[tuple[str, float]]
    communities: list[list[str]] = field(default_factory=list)


def network_report(kg: KnowledgeGraph, *, top: int = 10,
                   graph: nx.MultiDiGraph | None = None) -> NetworkReport:
    """Counts by class and relation, the most central entities and the communities.

    Degree centrality is the share of other entities an entity is directly linked to: the hubs.
    Betweenness centrality is the share of shortest paths between other entities that pass through
    it: the brokers that connect otherwise separate parts. Communities are found with the Louvain
    method on the undirected graph (fixed seed, so the result is repeatable).

    >>> from gcsf_graph import load
    >>> network_report(load(), top=3).degree[0][0]
    'China'
    """
    import networkx as nx

    from .export import to_networkx

    g = graph if graph is not None else to_networkx(kg)
    simple = nx.Graph(g.to_undirected())
    label = {n: d.get("label", n) for n, d in g.nodes(data=True)}
    by_class = Counter(d.get("type", "?") for _, d in g.nodes(data=True))
    by_relation = Counter(d.get("label", "?") for _, _, d in g.edges(data=True))
    degree = nx.degree_centrality(simple)
    betweenness = nx.betweenness_centrality(simple)
    communities = nx.community.louvain_communities(simple, seed=7) if len(simple) else []

    def ranked(scores: dict[Any, float]) -> list[tuple[str, float]]:
        best = sorted(scores.items(), key=lambda kv: (-kv[1], label[kv[0]]))[:top]
        return [(label[n], round(s, 4)) for n, s in best]

    return NetworkReport(
        nodes=g.number_of_nodes(), edges=g.number_of_edges(),
        by_class=dict(by_class.most_common()), by_relation=dict(by_relation.most_common()),
        degree=ranked(degree), betweenness=ranked(betweenness),
        communities=[sorted(label[n] for n in c)
                     for c in sorted(communities, key=lambda c: -len(c)) if len(c) > 1],
    )


@dataclass(frozen=True)
class Hop:
    """One fact on a path, in the direction the fact is stated, with its sources."""

    source_label: str
    relation: str
    target_label: str
    forward: bool
    quotes: tuple[tuple[str, str], ...]


@dataclass
class Path:
    """A shortest chain of facts between two entities."""

    hops: list[Hop]


def connecting_paths(kg: KnowledgeGraph, start: str, end: str, *, limit: int = 5,
                     graph: nx.MultiDiGraph | None = None) -> list[Path]:
    """The shortest chains of facts that connect two entities (names, aliases or IRIs).

    Facts are followed in either direction; each hop keeps the direction it is stated in and its
    source quotes. Returns up to ``limit`` paths, or an empty list if the two are not connected.
    """
    import itertools

    import networkx as nx

    from .export import to_networkx

    g = graph if graph is not None else to_networkx(kg)
    a, b = resolve(kg, start), resolve(kg, end)
    undirected = g.to_undirected(as_view=True)
    if a not in g or b not in g:
        return []
    try:
        node_paths = list(itertools.islice(nx.all_shortest_paths(undirected, a, b), limit))
    except nx.NetworkXNoPath:
        return []
    label = {n: d.get("label", n) for n, d in g.nodes(data=True)}
    paths = []
    for nodes in node_paths:
        hops = []
        for u, v in itertools.pairwise(nodes):
            forward = g.has_edge(u, v)
            s, t = (u, v) if forward else (v, u)
            data = next(iter(g.get_edge_data(s, t).values()))
            quotes = tuple((src["document"], src["quote"]) for src in data.get("sources", []))
            hops.append(Hop(label[u], data["label"], label[v], forward, quotes))
        paths.append(Path(hops))
    return paths
