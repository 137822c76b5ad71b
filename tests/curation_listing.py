"""A compact, line-per-statement listing of a graph's facts and claims, to compare two builds.

``fact<TAB>s p o`` for every triple outside the claims, ``claim<TAB>s<TAB>p<TAB>o<TAB>article<TAB>quote``
for every claim; terms in Turtle notation with the project's prefixes.
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from gcsf_graph.namespaces import GCSF, PREFIXES

_GCSF = Namespace(GCSF)


def _names() -> NamespaceManager:
    names = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        names.bind(prefix, URIRef(namespace), override=True, replace=True)
    return names


def _term(t: Node, names: NamespaceManager) -> str:
    if isinstance(t, Literal):  # one line, whatever the text holds
        tail = f"@{t.language}" if t.language else (f"^^{names.normalizeUri(t.datatype)}" if t.datatype else "")
        return json.dumps(str(t), ensure_ascii=False) + tail
    return t.n3(names)


def listing(graph: Graph, *, claim_parts: frozenset[URIRef] = frozenset()) -> set[str]:
    """The listing of ``graph``; nodes in ``claim_parts`` (selectors) count as part of a claim."""
    names = _names()
    claims = set(graph.subjects(RDF.type, _GCSF.Claim))
    lines: set[str] = set()
    for s, p, o in graph:
        if s not in claims and s not in claim_parts:
            lines.add("fact\t" + " ".join(_term(t, names) for t in (s, p, o)))
    for c in claims:
        parts = [graph.value(c, p) for p in (RDF.subject, RDF.predicate, RDF.object, _GCSF.statedIn, _GCSF.quote)]
        lines.add("claim\t" + "\t".join(_term(t, names) for t in parts if t is not None))
    return lines


def write_listing(ttl: Path, out: Path) -> None:
    graph = Graph()
    graph.parse(ttl, format="turtle")
    out.write_text("\n".join(sorted(listing(graph))) + "\n", encoding="utf-8")
