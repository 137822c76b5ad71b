"""The vocabulary check: IRIs a query names that the loaded graph does not hold.

A query with a misspelt class, property or entity runs and finds nothing. Before it runs,
every IRI it names (``prefix:local`` or ``<...>``, and every IRI given as a binding) is looked
up in the loaded graph; each one the graph nowhere holds gives a note with the nearest terms
of the same namespace, by local name and by label, so British spellings find their American
IRIs (label "organiser", IRI ``gcsf:organizer``) and names find keys (``country:China`` ->
``country:CHN``). Datatypes (after ``^^``, the ``xsd:`` namespace), function names (before
``(``), namespaces (``gcsf:``) and the IRIs of ``PREFIX``, ``BASE``, ``GRAPH`` and ``SERVICE``
are not looked up.

:func:`gcsf_graph.query` warns with :class:`~gcsf_graph.errors.QueryWarning` for each note. It
is cheap: each IRI is looked up once per loaded graph and each query text is scanned once.

>>> from gcsf_graph import load
>>> unknown_terms(load(), "SELECT ?e WHERE { ?e gcsf:organiser country:China }")
['gcsf:organiser is not in the ontology; did you mean gcsf:organizer (organiser)?', \
'country:China is not in the graph; did you mean country:CHN (China)?']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from .namespaces import GCSF, PREFIXES, local_name, shorten
from .terms import XSD, Term, fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .graph import KnowledgeGraph

__all__ = ["unknown_term_notes", "unknown_terms"]

# Per loaded graph: which IRIs it holds, each namespace's terms with their names, and each
# query text's notes. Query texts are many in long sessions, so their cache is bounded.
_HELD, _TERMS, _NOTES = "vocabulary.held", "vocabulary.terms", "vocabulary.notes"
_LABELS = "vocabulary.labels"
_MAX_TEXTS = 2048
# IRIs whose position says they are not resources of the graph.
_SKIP_AFTER = {"PREFIX", "BASE", "GRAPH", "SERVICE"}


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[:cut + 1]


def _named(sparql: str) -> list[tuple[str, str]]:
    """The IRIs a query names, as (IRI, as written), in order, without repeats."""
    from .sparql import tokens as read

    tokens = read(sparql)
    prefixes = dict(PREFIXES)
    named: dict[str, str] = {}
    for i, token in enumerate(tokens):
        previous = tokens[i - 1].text.upper() if i else ""
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if token.kind == "pname" and previous == "PREFIX" and following.startswith("<"):
            prefixes[token.text.split(":", 1)[0]] = following[1:-1]
            continue
        if token.kind not in ("pname", "iri") or previous in _SKIP_AFTER or following == "(":
            continue
        if previous == "^" and i > 1 and tokens[i - 2].text == "^":
            continue  # a datatype
        if tokens[i - 1].kind == "pname" and i > 1 and tokens[i - 2].text.upper() == "PREFIX":
            continue  # the IRI of a PREFIX declaration
        if token.kind == "iri":
            iri = token.text[1:-1]
        else:
            prefix, _, local = token.text.partition(":")
            if prefix not in prefixes:
                continue
            iri = prefixes[prefix] + local.replace("\\", "")
        if ":" in iri and not iri.startswith(XSD) and not iri.endswith(("#", "/")):  # not a namespace
            named.setdefault(iri, token.text)
    return list(named.items())


_HOLDS = """SELECT ?t WHERE { FILTER(EXISTS { ?t ?p ?o } || EXISTS { ?s ?t ?o } || EXISTS { ?s ?p ?t }) }"""


def _held(kg: KnowledgeGraph, iris: Iterable[str]) -> dict[str, bool]:
    """Which IRIs the graph holds anywhere: one query for those not looked up before."""
    held: dict[str, bool] = kg.cache.setdefault(_HELD, {})
    new = [iri for iri in dict.fromkeys(iris) if iri not in held]
    if new:
        values = " ".join(f"<{iri}>" for iri in new if _valid(iri))
        found: set[str] = set()
        if values:
            sparql = _HOLDS.replace("WHERE {", f"WHERE {{ VALUES ?t {{ {values} }}", 1)
            _, solutions = kg.engine.query(sparql, "SELECT", {})  # type: ignore[misc]
            found = {row[0].value for row in solutions if row[0] is not None}
        held.update((iri, iri in found) for iri in new)
    return held


def _valid(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


_NAMES = "SELECT ?t ?name WHERE { { ?t rdfs:label ?name } UNION { ?t skos:altLabel ?name } }"


def _names(kg: KnowledgeGraph) -> dict[str, list[str]]:
    """Every term's labels and alternative labels, folded: read once per loaded graph."""
    if _LABELS not in kg.cache:
        names: dict[str, list[str]] = {}
        _, solutions = kg.engine.query(_NAMES, "SELECT", {})  # type: ignore[misc]
        for term, name in solutions:
            if term is not None and name is not None:
                names.setdefault(term.value, []).append(fold(name.value))
        kg.cache[_LABELS] = names
    labels: dict[str, list[str]] = kg.cache[_LABELS]
    return labels


def _terms(kg: KnowledgeGraph, namespace: str) -> dict[str, list[str]]:
    """The namespace's terms in the graph, each with its folded local name and names."""
    cache: dict[str, dict[str, list[str]]] = kg.cache.setdefault(_TERMS, {})
    if namespace not in cache:
        labels = _names(kg)
        cache[namespace] = {iri: list(dict.fromkeys([fold(local_name(iri)), *labels.get(iri, [])]))
                            for iri in sorted(kg.engine.iris(namespace)) if _namespace(iri) == namespace}
    return cache[namespace]


def _label(kg: KnowledgeGraph, iri: str) -> str | None:
    _, solutions = kg.engine.query("SELECT ?t ?l WHERE { ?t rdfs:label ?l }", "SELECT",  # type: ignore[misc]
                                   {"t": ox.NamedNode(iri)})
    labels = sorted(row[1].value for row in solutions if row[1] is not None)
    return labels[0] if labels else None


def _suggest(kg: KnowledgeGraph, iri: str) -> list[str]:
    """Up to three terms of the same namespace nearest to ``iri`` by local name or label."""
    from rapidfuzz import fuzz

    wanted = fold(local_name(iri))
    squeezed = wanted.replace(" ", "")
    scored = []
    for term, names in _terms(kg, _namespace(iri)).items():
        score = max(max(fuzz.ratio(wanted, n), fuzz.ratio(squeezed, n.replace(" ", ""))) for n in names)
        if score >= 75:
            scored.append((-score, term))
    return [term for _, term in sorted(scored)[:3]]


def _note(kg: KnowledgeGraph, iri: str, written: str) -> str:
    """``written`` is not in the graph, and the near terms, written with the same prefix."""
    prefix, local = written.split(":", 1) if not written.startswith("<") else ("", "")
    namespace = iri[:len(iri) - len(local)] if prefix else ""
    near = []
    for term in _suggest(kg, iri):
        shown = shorten(term)
        if shown == term:
            rest = term[len(namespace):]
            shown = f"{prefix}:{rest}" if namespace and term.startswith(namespace) and rest else term
        label = _label(kg, term)
        if label and fold(label).replace(" ", "") != fold(local_name(term)):
            shown += f" ({label})"
        near.append(shown)
    where = "the ontology" if iri.startswith(GCSF) else "the graph"
    hint = f"; did you mean {' or '.join(near)}?" if near else ""
    return f"{written} is not in {where}{hint}"


def unknown_terms(kg: KnowledgeGraph, sparql: str, bindings: Mapping[str, Term] | None = None) -> list[str]:
    """A note for each IRI the query (or a binding) names that the graph does not hold."""
    return [note for _, note in unknown_term_notes(kg, sparql, bindings)]


def unknown_term_notes(kg: KnowledgeGraph, sparql: str,
                       bindings: Mapping[str, Term] | None = None) -> list[tuple[str, str]]:
    """Each IRI the query (or a binding) names that the graph does not hold: as written, and its note.

    >>> from gcsf_graph import load
    >>> unknown_term_notes(load(), "ASK { ?x a gcsf:Persn }")[0][0]
    'gcsf:Persn'
    """
    notes: dict[str, tuple[tuple[str, str], ...]] = kg.cache.setdefault(_NOTES, {})
    if sparql not in notes:
        named = _named(sparql)
        held = _held(kg, (iri for iri, _ in named))
        if len(notes) >= _MAX_TEXTS:
            notes.clear()
        notes[sparql] = tuple((written, _note(kg, iri, written)) for iri, written in named if not held[iri])
    found = list(notes[sparql])
    bound = {t.value: f"<{t.value}>" for t in (bindings or {}).values() if isinstance(t, ox.NamedNode)}
    if bound:
        held = _held(kg, bound)
        for iri, written in bound.items():
            if not held[iri]:
                shown = shorten(iri) if shorten(iri) != iri else written
                found.append((shown, _note(kg, iri, shown)))
    return found
