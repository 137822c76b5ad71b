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


def _in_memory(kg: KnowledgeGraph) -> KnowledgeGraph:
    """A graph on a remote endpoint, fetched once page by page (progress on stderr) into memory.

    The analysis reads the whole graph with a few large queries, which servers cap (Virtuoso at
    10,000 rows); paging through every triple once works on any server.
    """
    if kg.engine.name != "remote":
        return kg
    if "in_memory" not in kg.cache:
        from .engines.oxigraph import OxigraphEngine
        from .graph import KnowledgeGraph

        engine = OxigraphEngine()
        engine.store.extend(kg.quads())
        kg.cache["in_memory"] = KnowledgeGraph(engine, kg.sources)
    local: KnowledgeGraph = kg.cache["in_memory"]
    return local


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

    kg = _in_memory(kg)
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


_ENTITY_FACTS = """
SELECT ?s ?p ?o WHERE {
  ?p a gcsf:FactProperty . ?s ?p ?o . FILTER(isIRI(?o))
}"""
# Betweenness is exact up to this many entities, and above it estimated from this many sampled
# sources (Brandes' sampling), so a 100,000-entity graph takes seconds, not hours.
_EXACT_BETWEENNESS = 5_000
_SAMPLED_SOURCES = 100


@dataclass
class _Entities:
    """The entity graph, lean: labels, class labels and facts between entities (for analysis)."""

    iris: list[str]
    label: list[str]
    type: list[str]
    edges: list[tuple[int, int]]
    relation: list[str]


def _entities(kg: KnowledgeGraph) -> _Entities:
    nodes: dict[str, tuple[str, str]] = {}
    for e, label, kind, _ in rows(kg.query(_NODES, inference=False)).terms:
        nodes[e.value] = (label.value, kind.value)  # type: ignore[union-attr]
    nodes = dict(sorted(nodes.items()))  # vertex order steers Louvain: make it the engine's no more
    index = {iri: i for i, iri in enumerate(nodes)}
    labels = {str(p): label for p, label in rows(kg.query(_PREDICATE_LABELS, inference=False)).terms}
    edges, relation = [], []
    for s, p, o in rows(kg.query(_ENTITY_FACTS, inference=False)).terms:
        a, b = index.get(s.value), index.get(o.value)  # type: ignore[union-attr]
        if a is not None and b is not None:
            edges.append((a, b))
            relation.append(labels[str(p)].value if str(p) in labels else local_name(p.value))  # type: ignore[union-attr]
    order = sorted(range(len(edges)), key=lambda i: (edges[i], relation[i]))
    return _Entities(list(nodes), [v[0] for v in nodes.values()], [v[1] for v in nodes.values()],
                     [edges[i] for i in order], [relation[i] for i in order])


def _from_networkx(g: nx.MultiDiGraph) -> _Entities:
    nodes = sorted(g, key=str)
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted(((index[u], index[v]), d.get("label", "?")) for u, v, d in g.edges(data=True))
    return _Entities(nodes, [g.nodes[n].get("label", n) for n in nodes],
                     [g.nodes[n].get("type", "?") for n in nodes], [e for e, _ in edges],
                     [label for _, label in edges])


def _betweenness(simple: Any) -> list[float]:
    """Normalised betweenness of every vertex: exact, or estimated from sampled sources."""
    import random

    n = simple.vcount()
    if n < 3:
        return [0.0] * n
    sources = None
    if n > _EXACT_BETWEENNESS:
        sources = random.Random(7).sample(range(n), _SAMPLED_SOURCES)
    raw = simple.betweenness(directed=False, sources=sources)
    scale = 2 / ((n - 1) * (n - 2)) * (n / len(sources) if sources else 1)
    return [b * scale for b in raw]


def _louvain(simple: Any) -> list[list[int]]:
    """Louvain communities (igraph's multilevel method) with a fixed seed, so they repeat."""
    import random

    import igraph as ig

    if simple.ecount() == 0:
        return []
    ig.set_random_number_generator(random.Random(7))
    try:
        return [list(c) for c in simple.community_multilevel()]
    finally:
        ig.set_random_number_generator(random)


def _by_count(names: list[str]) -> dict[str, int]:
    """Counts, largest first, ties by name (so any engine's row order gives the same report)."""
    return dict(sorted(Counter(names).items(), key=lambda kv: (-kv[1], kv[0])))


def network_report(kg: KnowledgeGraph, *, top: int = 10,
                   graph: nx.MultiDiGraph | None = None) -> NetworkReport:
    """Counts by class and relation, the most central entities and the communities.

    Degree centrality is the share of other entities an entity is directly linked to: the hubs.
    Betweenness centrality is the share of shortest paths between other entities that pass through
    it: the brokers that connect otherwise separate parts (exact up to 5,000 entities, estimated
    from 100 sampled sources above). Communities are found with the Louvain method on the
    undirected graph (fixed seed, so the result is repeatable). The analysis runs on igraph; give
    ``graph`` (from :func:`to_networkx`) to analyse that graph instead of the whole of ``kg``.

    >>> from gcsf_graph import load
    >>> network_report(load(), top=3).degree[0][0]
    'China'
    """
    import igraph as ig

    data = _from_networkx(graph) if graph is not None else _entities(_in_memory(kg))
    n = len(data.iris)
    simple = ig.Graph(n=n, edges=data.edges, directed=False).simplify(multiple=True, loops=False)
    degree = [d / (n - 1) if n > 1 else 0.0 for d in simple.degree()]
    betweenness = _betweenness(simple)

    def ranked(scores: list[float]) -> list[tuple[str, float]]:
        best = sorted(range(n), key=lambda i: (-scores[i], data.label[i]))[:top]
        return [(data.label[i], round(scores[i], 4)) for i in best]

    return NetworkReport(
        nodes=n, edges=len(data.edges),
        by_class=_by_count(data.type), by_relation=_by_count(data.relation),
        degree=ranked(degree), betweenness=ranked(betweenness),
        communities=[sorted(data.label[i] for i in c)
                     for c in sorted(_louvain(simple), key=lambda c: -len(c)) if len(c) > 1],
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

    kg = _in_memory(kg)
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
