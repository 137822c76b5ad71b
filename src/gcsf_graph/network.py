"""The entity graph as a NetworkX graph, and its analysis: centrality, communities, paths.

Nodes are the entities, keyed by IRI, with ``label``, ``type`` and their literal facts (dates,
codes, values) as attributes; each fact between two entities is one edge, keyed by the
predicate, carrying the predicate's label and its sources (article and quote). Claims and
ontology terms are not nodes. Nothing is lost: :func:`to_triples` rebuilds the fact triples.

>>> from gcsf_graph import load
>>> g = to_networkx(load())
>>> g.nodes["https://w3id.org/gcsf/id/person/xi-jinping"]["label"]
'Xi Jinping'
>>> chains = connecting_paths(load(), "Azerbaijan", "Belt and Road Initiative")
>>> chains[0].hops[0].source_label
'Azerbaijan'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .entities import resolve
from .errors import UsageError
from .namespaces import local_name, shorten
from .sparql import Triples, rows
from .terms import Term, parse_literal, to_python

if TYPE_CHECKING:
    import networkx as nx

    from .graph import KnowledgeGraph

__all__ = ["Chain", "Hop", "NetworkReport", "connecting_paths", "network_report", "to_networkx", "to_triples"]


_NODES = """
SELECT ?e ?label ?type ?class WHERE {
  ?e rdfs:label ?label ; a ?class . ?class rdfs:label ?type .
  FILTER(STRSTARTS(STR(?e), "https://w3id.org/gcsf/id/") && STRSTARTS(STR(?class), STR(gcsf:)))
  FILTER(?class != gcsf:Claim)
}"""

_FACTS = """
SELECT ?s ?p ?o WHERE {
  ?p a gcsf:FactProperty . ?s ?p ?o .
}"""

_IDENTITY = """
SELECT ?s ?p ?o WHERE {
  VALUES ?p { gcsf:iso3166Alpha2 gcsf:iso3166Alpha3 dcterms:identifier }
  ?s ?p ?o . FILTER(STRSTARTS(STR(?s), "https://w3id.org/gcsf/id/"))
}"""

_SOURCES = """
SELECT ?s ?p ?o ?file ?quote WHERE {
  ?c a gcsf:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     gcsf:statedIn ?doc ; gcsf:quote ?quote .
  OPTIONAL { ?doc dcterms:identifier ?file }
}"""

_PREDICATE_LABELS = "SELECT ?p ?label WHERE { ?p a gcsf:FactProperty ; rdfs:label ?label }"


def _class_filter(kg: KnowledgeGraph, classes: Iterable[str]) -> set[str]:
    """The class IRIs named (by local name or label, case-insensitively), with their subclasses."""
    known_classes = rows(kg.query("""SELECT ?c ?label WHERE {
        ?c a owl:Class ; rdfs:label ?label FILTER(STRSTARTS(STR(?c), STR(gcsf:))) }""",
        inference=False, check_terms=False))
    by_name = {}
    for r in known_classes:
        by_name[local_name(r["c"]).casefold()] = r["c"]
        by_name[r["label"].casefold()] = r["c"]
    wanted = set()
    for name in classes:
        iri = by_name.get(name.strip().casefold())
        if iri is None:
            known = ", ".join(sorted({local_name(r["c"]) for r in known_classes}))
            raise UsageError(f"unknown class {name!r}; known classes: {known}")
        subs = rows(kg.query("SELECT ?c ?class WHERE { ?c rdfs:subClassOf* ?class }",
                             bindings={"class": ox.NamedNode(iri)}, inference=False, check_terms=False))
        wanted |= {r["c"] for r in subs}
    return wanted


def to_networkx(kg: KnowledgeGraph, *, classes: Iterable[str] | None = None, literals: bool = False,
                construct: str | None = None) -> nx.MultiDiGraph:
    """The entities and facts as a :class:`networkx.MultiDiGraph`.

    ``classes`` keeps only entities of those classes (names such as ``"Person"`` or labels such as
    ``"event"``; subclasses included). ``literals=True`` makes literal values nodes of their own
    instead of attributes. ``construct`` builds the graph from a CONSTRUCT query's result.

    >>> from gcsf_graph import load
    >>> g = to_networkx(load(), classes=["Person", "Event"])
    >>> sorted({d["type"] for _, d in g.nodes(data=True)})[:3]
    ['conference', 'event', 'expo']
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    keep = _class_filter(kg, classes) if classes else None
    labels = kg.query(_PREDICATE_LABELS, inference=False, check_terms=False)
    predicate_labels = {r["p"]: r["label"] for r in rows(labels)}
    graph.graph["predicate_labels"] = predicate_labels
    for r in rows(kg.query(_NODES, inference=False, check_terms=False)):
        if keep is None or r["class"] in keep:
            graph.add_node(r["e"], label=r["label"], type=r["type"], iri=r["e"], **{"class": r["class"]})
    if construct is not None:
        result = kg.query(construct)
        if not isinstance(result, Triples):
            raise UsageError("the query for a graph must be a CONSTRUCT or DESCRIBE query")
        facts: list[tuple[Term, Term, Term]] = [(t.subject, t.predicate, t.object)  # type: ignore[misc]
                                                for t in result.triples]
        facts = [f for f in facts if f[1].value in predicate_labels]
        used = {f[0].value for f in facts} | {f[2].value for f in facts if isinstance(f[2], ox.NamedNode)}
        graph.remove_nodes_from([n for n in list(graph) if n not in used])
    else:
        facts = _triples(kg, _FACTS)
    facts += _triples(kg, _IDENTITY)
    aliases = kg.query("SELECT ?e ?alias WHERE { ?e skos:altLabel ?alias } ORDER BY ?e ?alias",
                       inference=False, check_terms=False)
    for r in rows(aliases):
        if r["e"] in graph:
            graph.nodes[r["e"]].setdefault("aliases", []).append(r["alias"])
    sources: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for s, p, o, file, quote in rows(kg.query(_SOURCES, inference=False, check_terms=False)).terms:
        sources[(str(s), str(p), str(o))].append({"document": file.value if file else "",
                                                  "quote": quote.value if quote else ""})
    for s, p, o in facts:
        subject, predicate = s.value, p.value
        if subject not in graph:
            continue
        claims = sources.get((str(s), str(p), str(o)), [])
        if isinstance(o, ox.Literal) and not literals:
            attrs = graph.nodes[subject]
            attrs.setdefault("literals", []).append([predicate, str(o)])
            attrs.setdefault("literal_sources", []).append(claims)
            name = local_name(predicate)
            python = to_python(o)
            value: str | int | float = python if isinstance(python, int | float | str) else str(python)
            attrs[name] = value if name not in attrs else f"{attrs[name]}; {value}"
            continue
        if isinstance(o, ox.Literal):
            target = str(o)
            graph.add_node(target, label=o.value, type="literal", datatype=o.datatype.value)
        elif o.value in graph:
            target = o.value
        else:
            continue
        graph.add_edge(subject, target, key=shorten(predicate), predicate=predicate,
                       label=predicate_labels.get(predicate, local_name(predicate)), sources=claims)
    return graph


def _triples(kg: KnowledgeGraph, sparql: str) -> list[tuple[Term, Term, Term]]:
    """The (?s, ?p, ?o) rows of a query, as terms."""
    return [(s, p, o) for s, p, o in rows(kg.query(sparql, inference=False, check_terms=False)).terms]  # type: ignore[misc]


def to_triples(graph: nx.MultiDiGraph) -> set[tuple[Term, Term, Term]]:
    """The fact triples a graph from :func:`to_networkx` was built from (its exact inverse).

    >>> from gcsf_graph import load
    >>> len(to_triples(to_networkx(load()))) > 500
    True
    """
    triples: set[tuple[Term, Term, Term]] = set()
    for node, attrs in graph.nodes(data=True):
        if attrs.get("type") == "literal":
            continue
        for predicate, literal in attrs.get("literals", []):
            triples.add((ox.NamedNode(node), ox.NamedNode(predicate), parse_literal(literal)))
    for u, v, data in graph.edges(data=True):
        target: Term = (parse_literal(v) if graph.nodes[v].get("type") == "literal"
                        else ox.NamedNode(v))
        triples.add((ox.NamedNode(u), ox.NamedNode(data["predicate"]), target))
    return triples



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
class Chain:
    """A shortest chain of facts between two entities."""

    hops: list[Hop]


def connecting_paths(kg: KnowledgeGraph, start: str, end: str, *, limit: int = 5,
                     graph: nx.MultiDiGraph | None = None) -> list[Chain]:
    """The shortest chains of facts that connect two entities (names, aliases or IRIs).

    Facts are followed in either direction; each hop keeps the direction it is stated in and its
    source quotes. Returns up to ``limit`` paths, or an empty list if the two are not connected.

    >>> from gcsf_graph import load
    >>> hop = connecting_paths(load(), "Azerbaijan", "Belt and Road Initiative")[0].hops[0]
    >>> hop.source_label, hop.quotes[0][0]  # doctest: +ELLIPSIS
    ('Azerbaijan', '...txt')
    """
    import itertools

    import networkx as nx

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
        paths.append(Chain(hops))
    return paths
