"""The facts of an entity as every view's side panel shows them, each with its article and quote.

>>> from gcsf_graph import load
>>> from gcsf_graph.network import to_networkx
>>> graph = to_networkx(load(), classes=["Country"])
>>> facts = panel_facts(graph, {n: n for n in graph})
>>> facts["https://w3id.org/gcsf/id/country/BEL"]["label"]
'Belgium'
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any

from ..namespaces import local_name
from ..terms import fold, parse_literal

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["panel_facts"]


def _sources(items: list[dict[str, str]]) -> list[list[str]]:
    return [[s.get("document", ""), s.get("quote", "")] for s in items]


def panel_facts(graph: nx.MultiDiGraph, ids: Mapping[Any, Hashable], *,
                search: bool = True) -> dict[Hashable, dict[str, Any]]:
    """Panel facts of the nodes in ``ids`` (node -> the id the page knows it by).

    Each is ``{label, type, iri, aliases, literals, out, in, search}``: ``literals`` as
    ``[property, value, sources]``, ``out``/``in`` as ``[relation, other id, other label,
    sources]``, a source as ``[document, quote]``; ``search`` (unless ``search=False``) holds
    the folded names for the page's search box.
    """
    relations: dict[str, str] = graph.graph.get("predicate_labels", {})
    facts: dict[Hashable, dict[str, Any]] = {}
    for node, i in ids.items():
        attrs = graph.nodes[node]
        label = str(attrs.get("label", node))
        literals = [[relations.get(p, local_name(p)), parse_literal(v).value, _sources(sources)]
                    for (p, v), sources in zip(attrs.get("literals", []), attrs.get("literal_sources", []),
                                               strict=True)]
        aliases = [str(a) for a in attrs.get("aliases", [])]
        facts[i] = {"label": label, "type": str(attrs.get("type", "entity")),
                    "iri": str(attrs.get("iri", node)), "aliases": aliases, "literals": literals,
                    "out": [], "in": []}
        if search:
            facts[i]["search"] = [fold(label), *(fold(a) for a in aliases)]
    for u, v, attrs in graph.edges(data=True):
        relation = str(attrs.get("label", ""))
        sources = _sources(attrs.get("sources", []))
        if u in ids:
            facts[ids[u]]["out"].append([relation, ids.get(v), str(graph.nodes[v].get("label", v)), sources])
        if v in ids:
            facts[ids[v]]["in"].append([relation, ids.get(u), str(graph.nodes[u].get("label", u)), sources])
    return facts
