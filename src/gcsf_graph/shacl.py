"""Checking the graph against the SHACL shapes (pySHACL, with RDFS inference).

SHACL-SPARQL constraints in a shapes file pass the same safety check as any query.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataError, QueryRefused, QuerySyntaxError
from .graph import bundled_paths
from .namespaces import shorten
from .rdfio import read_rdf

if TYPE_CHECKING:
    import rdflib

    from .graph import KnowledgeGraph

__all__ = ["Report", "Violation", "validate"]


@dataclass(frozen=True)
class Violation:
    """One failed constraint: the shape, the node, the property path and the message."""

    shape: str
    focus: str
    path: str
    message: str


@dataclass
class Report:
    """The outcome of :func:`validate`: ``conforms``, the violations and a readable text."""

    conforms: bool
    violations: list[Violation]

    @property
    def text(self) -> str:
        if self.conforms:
            return "conforms: every shape is satisfied"
        lines = [f"does not conform: {len(self.violations)} violation(s)"]
        lines += [f"- {v.shape}: {v.focus} {v.path}: {v.message}".replace("  ", " ")
                  for v in self.violations]
        return "\n".join(lines)




def _check_sparql(shapes: rdflib.Graph, path: Path) -> None:
    """Refuse SHACL-SPARQL constraints that would update, load or reach other endpoints."""
    import rdflib

    from .sparql import check_query

    for key in ("select", "ask", "construct"):
        for text in shapes.objects(None, rdflib.SH[key]):
            try:
                check_query(str(text))
            except QueryRefused as exc:
                raise DataError(f"a SHACL-SPARQL constraint is refused: {exc}", path=str(path)) from None
            except QuerySyntaxError:
                pass  # prefixes declared the SHACL way (sh:declare) are pySHACL's to check


def validate(kg: KnowledgeGraph, *, shapes: str | Path | None = None) -> Report:
    """Validate a loaded graph against the bundled SHACL shapes (or the ``shapes`` file).

    >>> from gcsf_graph import load
    >>> from gcsf_graph.graph import bundled_paths
    >>> ontology = load(bundled_paths()["ontology"], ontology=False)  # no data: quick to check
    >>> report = validate(ontology)
    >>> report.conforms, report.violations
    (True, [])
    """
    import pyshacl
    import rdflib

    shapes_path = Path(shapes) if shapes else bundled_paths()["shapes"]
    shapes_graph = rdflib.Graph()
    # One format decision (from the extension), and a broken file reported with its line.
    read_rdf(shapes_path, lambda fmt, base: shapes_graph.parse(shapes_path, format=fmt.rdflib))
    _check_sparql(shapes_graph, shapes_path)
    conforms, report_graph, _ = pyshacl.validate(
        kg.to_rdflib(), shacl_graph=shapes_graph, inference="rdfs",
        allow_warnings=True, advanced=True)
    violations: set[Violation] = set()
    shape_of = {}
    for s, _, o in shapes_graph.triples((None, rdflib.SH.property, None)):
        shape_of[o] = s
    for s, _, o in shapes_graph.triples((None, rdflib.SH.sparql, None)):
        shape_of[o] = s
    for result in report_graph.subjects(rdflib.RDF.type, rdflib.SH.ValidationResult):
        source = report_graph.value(result, rdflib.SH.sourceShape)
        shape = shape_of.get(source, source)
        path = report_graph.value(result, rdflib.SH.resultPath)
        # SPARQL-based shapes focus on a class and name the offending node as the value.
        focus = report_graph.value(result, rdflib.SH.value) if path is None else None
        violations.add(Violation(
            shape=shorten(str(shape)).replace("https://w3id.org/gcsf/shapes#", ""),
            focus=shorten(str(focus or report_graph.value(result, rdflib.SH.focusNode))),
            path=shorten(str(path)) if isinstance(path, rdflib.URIRef) else ("a path" if path else ""),
            message=str(report_graph.value(result, rdflib.SH.resultMessage) or "")))
    return Report(bool(conforms), sorted(violations, key=lambda v: (v.shape, v.focus, v.path)))
