"""A query's result as the web app's graph, timeline and map tabs draw it.

The data is what the views (:mod:`gcsf_graph.views`) draw on their own pages, built from the
result of the query the app just ran: the graph of a CONSTRUCT or DESCRIBE result, or of the
entities a SELECT's rows name (and the facts between them); the timeline of rows with a
``?start`` column (the columns of :mod:`gcsf_graph.views.timeline`); the map of the countries
the rows name. The query is checked and run as ``kg.query`` runs any query (no updates, no
``SERVICE``), in a server worker with its time limit.

>>> from gcsf_graph import load
>>> data = result_view(load(), "graph", "SELECT ?p WHERE { ?p a gcsf:Person } LIMIT 2")
>>> len(data["nodes"]), sorted(data["facts"][0])[:3]
(2, ['aliases', 'in', 'iri'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..errors import UsageError
from ..namespaces import DATA

if TYPE_CHECKING:
    import networkx as nx

    from ..graph import KnowledgeGraph

__all__ = ["RESULT_VIEWS", "result_view"]

#: The tabs the app may offer beside the table.
RESULT_VIEWS = ("graph", "timeline", "map")

_COUNTRY = DATA + "country/"


def _named(kg: KnowledgeGraph, query: str, max_rows: int) -> list[str]:
    """The data IRIs a SELECT's rows hold, in the order they first appear."""
    from ..sparql import Rows

    result = kg.query(query, limit=max_rows)
    if not isinstance(result, Rows):
        raise UsageError("this view draws a SELECT query's rows")
    seen: dict[str, None] = {}
    for row in result.terms:
        for term in row:
            if isinstance(term, ox.NamedNode) and term.value.startswith(DATA):
                seen.setdefault(term.value, None)
    return list(seen)


def _graph(kg: KnowledgeGraph, query: str, max_rows: int) -> nx.MultiDiGraph:
    """A CONSTRUCT/DESCRIBE result's graph, or the entities a SELECT names and the facts between them."""
    import networkx as nx

    from ..network import to_networkx
    from ..sparql import check_query

    if check_query(query) in ("CONSTRUCT", "DESCRIBE"):
        return to_networkx(kg, construct=query)
    named = set(_named(kg, query, max_rows))
    whole = to_networkx(kg)
    # built in the whole graph's order, so the drawing is the same on every run
    sub = nx.MultiDiGraph(**whole.graph)
    sub.add_nodes_from((n, whole.nodes[n]) for n in whole if n in named)
    sub.add_edges_from((u, v, k, d) for u, v, k, d in whole.edges(keys=True, data=True)
                       if u in named and v in named)
    return sub


def _map(kg: KnowledgeGraph, query: str, max_rows: int) -> dict[str, Any]:
    """The map of the countries (and other places) the rows name."""
    from ..views import map_data

    named = set(_named(kg, query, max_rows))
    data = map_data(kg, title="Countries in the result")
    data["countries"] = [c for c in data["countries"] if c["key"] in named]
    data["places"] = [p for p in data["places"] if p["key"] in named]
    keys = {c["key"] for c in data["countries"]} | {p["key"] for p in data["places"]}
    data["facts"] = {k: f for k, f in data["facts"].items() if k in keys}
    return data


def result_view(kg: KnowledgeGraph, view: str, query: str, *, max_rows: int = 100_000) -> dict[str, Any]:
    """The data of one view (``graph``, ``timeline`` or ``map``) of a query's result.

    >>> from gcsf_graph import load
    >>> result_view(load(), "timeline", "SELECT ?item WHERE { ?item a gcsf:Person }")
    Traceback (most recent call last):
    ...
    gcsf_graph.errors.UsageError: a timeline query needs a ?start column; it has ?item
    """
    from ..views import graph_data, timeline_data

    if view == "graph":
        return graph_data(_graph(kg, query, max_rows), title="Result")
    if view == "timeline":
        return timeline_data(kg, query=query, title="Result")
    if view == "map":
        return _map(kg, query, max_rows)
    raise UsageError(f"no view named {view!r}; views: {', '.join(RESULT_VIEWS)}")
