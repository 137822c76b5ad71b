"""The graph as a NetworkX graph, and as standard files (GraphML, GEXF, JSON, CSV, RDF).

Nodes are the entities, keyed by IRI, with ``label``, ``type`` and their literal facts (dates,
codes, values) as attributes; each fact between two entities is one edge, keyed by the
predicate, carrying the predicate's label and its sources (article and quote). Claims and
ontology terms are not nodes. Nothing is lost: :func:`to_triples` rebuilds the fact triples.

>>> from gcsf_graph import load
>>> g = to_networkx(load())
>>> g.nodes["https://w3id.org/gcsf/id/person/xi-jinping"]["label"]
'Xi Jinping'
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .errors import UsageError
from .namespaces import PREFIXES, local_name, shorten
from .sparql import Triples, execute, select
from .terms import Term, parse_literal, to_python

if TYPE_CHECKING:
    import networkx as nx

    from .graph import KnowledgeGraph

__all__ = ["EXPORT_FORMATS", "to_networkx", "to_triples", "write_export"]

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv", "turtle", "ntriples", "jsonld")
_EXTENSIONS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv",
               ".ttl": "turtle", ".nt": "ntriples", ".jsonld": "jsonld"}

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
    rows = select(kg, """SELECT ?c ?label WHERE {
        ?c a owl:Class ; rdfs:label ?label FILTER(STRSTARTS(STR(?c), STR(gcsf:))) }""")
    by_name = {}
    for r in rows:
        by_name[local_name(r["c"]).casefold()] = r["c"]
        by_name[r["label"].casefold()] = r["c"]
    wanted = set()
    for name in classes:
        iri = by_name.get(name.strip().casefold())
        if iri is None:
            known = ", ".join(sorted({local_name(r["c"]) for r in rows}))
            raise UsageError(f"unknown class {name!r}; known classes: {known}")
        subs = select(kg, f"SELECT ?c WHERE {{ ?c rdfs:subClassOf* <{iri}> }}")
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
    predicate_labels = {r["p"]: r["label"] for r in select(kg, _PREDICATE_LABELS)}
    graph.graph["predicate_labels"] = predicate_labels
    for r in select(kg, _NODES):
        if keep is None or r["class"] in keep:
            graph.add_node(r["e"], label=r["label"], type=r["type"], iri=r["e"], **{"class": r["class"]})
    if construct is not None:
        result = execute(kg, construct)
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
    for r in select(kg, "SELECT ?e ?alias WHERE { ?e skos:altLabel ?alias } ORDER BY ?e ?alias"):
        if r["e"] in graph:
            graph.nodes[r["e"]].setdefault("aliases", []).append(r["alias"])
    sources: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for s, p, o, file, quote in select(kg, _SOURCES).terms:
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
    return [(s, p, o) for s, p, o in select(kg, sparql).terms]  # type: ignore[misc]


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
                         f"give --format ({', '.join(EXPORT_FORMATS)})") from None


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
            raise UsageError("--types applies to graph formats, not to the RDF serialisations")
        payload = _rdf_bytes(kg, kind)
    else:
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


def write_atomic(target: Path, payload: bytes) -> Path:
    """Write ``payload`` beside ``target`` and rename it into place, so readers never see half a file."""
    directory = target.parent if str(target.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; give the usual permissions
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return target

