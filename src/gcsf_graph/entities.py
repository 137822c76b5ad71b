"""Finding entities by name and describing everything the graph says about one.

Search forgives case, accents and small typos; describe groups facts by relation and gives
each one its sources (article and verbatim quote), like an item page.

>>> from gcsf_graph import load
>>> kg = load()
>>> search(kg, "xi jinpig")[0].label
'Xi Jinping'
>>> describe(kg, "President Xi").label
'Xi Jinping'
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .errors import UnknownEntityError
from .namespaces import DATA, expand, local_name, shorten
from .sparql import rows
from .terms import fold

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

__all__ = ["Description", "Fact", "Match", "Source", "best_match", "describe", "resolve", "search"]


@dataclass(frozen=True)
class Match:
    """One search hit: the entity, its label and type, the name that matched, a 0-100 score."""

    iri: str
    label: str
    type: str
    matched: str
    score: float


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: the article's file name and title, and the quote."""

    document: str
    title: str
    quote: str


@dataclass
class Fact:
    """One fact about an entity, with its sources; ``value`` is a label or a literal."""

    relation: str
    value: str
    value_iri: str | None
    sources: list[Source] = field(default_factory=list)


@dataclass
class Description:
    """Everything the graph says about one entity."""

    iri: str
    label: str
    types: list[str]
    aliases: list[str]
    outgoing: dict[str, list[Fact]]
    incoming: dict[str, list[Fact]]
    #: The search match taken for a name no entity has exactly (None for an exact name).
    guessed: Match | None = None


_NAMES = """
SELECT ?e ?name ?label ?type WHERE {
  ?e rdfs:label ?label ; a ?cls .
  FILTER(STRSTARTS(STR(?e), "https://w3id.org/gcsf/id/") && STRSTARTS(STR(?cls), STR(gcsf:)))
  FILTER(?cls != gcsf:Claim)
  ?cls rdfs:label ?type .
  { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name }
}"""


def _names(kg: KnowledgeGraph) -> list[tuple[str, str, str, str, str]]:
    """(entity, name, label, type, folded name) for every label and alias, built once per graph."""
    if "names" not in kg.cache:
        found = rows(kg.query(_NAMES, inference=False, check_terms=False))
        unique = sorted({(r["e"], r["name"], r["label"], r["type"]) for r in found})
        kg.cache["names"] = [(*entry, fold(entry[1])) for entry in unique]
    names: list[tuple[str, str, str, str, str]] = kg.cache["names"]
    return names


def _score(wanted: str, name: str) -> float:
    """How well a folded query matches a folded name, 0-100; shorter names win ties."""
    from rapidfuzz import fuzz

    if wanted == name:
        return 100.0
    coverage = 0.85 + 0.14 * min(len(wanted) / len(name), 1.0)
    whole = fuzz.ratio(wanted, name)
    # every query word against its best-matching name word: forgives typos in any word
    words = name.split()
    per_word = sum(max(fuzz.ratio(w, n) for n in words) for w in wanted.split()) / len(wanted.split())
    in_order = fuzz.partial_ratio(wanted, name) / 100  # breaks ties in favour of word order
    return min(max(whole, coverage * per_word) + in_order, 99.9)


# Words an initialism skips: "International Monetary Fund" is IMF, "Bank of China" BOC.
_SMALL_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"}
_WORDS = re.compile(r"\w+")


def _initials(folded: str) -> str:
    """The initialism of a name of three words or more (or two capitalised words), else ""."""
    words = [w for w in _WORDS.findall(folded) if w not in _SMALL_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _short_names(kg: KnowledgeGraph) -> dict[str, list[tuple[str, str, str, str]]]:
    """Initialisms of labels and aliases, and entity keys (``xinhua report`` for
    ``doc:xinhua-report``), folded, each with its (entity, shown name, label, type)."""
    if "short names" not in kg.cache:
        short: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
        for iri, name, label, kind, folded in _names(kg):
            initials = _initials(folded)
            if initials:
                short[initials].append((iri, f"{initials.upper()} ({name})", label, kind))
            key = " ".join(_WORDS.findall(fold(local_name(iri)).replace("_", " ")))
            if (iri, shorten(iri), label, kind) not in short[key]:
                short[key].append((iri, shorten(iri), label, kind))
        kg.cache["short names"] = dict(short)
    names: dict[str, list[tuple[str, str, str, str]]] = kg.cache["short names"]
    return names


def _within(wanted: list[str], folded: str) -> float:
    """The score of a name holding every word typed (Mekong in Lancang-Mekong ...), else 0."""
    words = _WORDS.findall(folded)
    if not wanted or not set(wanted) <= set(words):
        return 0.0
    starts = words[:len(wanted)] == wanted
    return 80 + 15 * len(wanted) / len(words) + (4 if starts else 0)


def search(kg: KnowledgeGraph, text: str, *, limit: int = 10, min_score: float = 70) -> list[Match]:
    """Entities whose label or alias matches ``text``, best first.

    Exact names score 100, initialisms (IMF) and keys (``xinhua-report``) 95, names holding
    every word typed (Mekong) 80 to 99, and near spellings by fuzzy similarity (rapidfuzz),
    so "Aliev" still finds Ilham Aliyev.

    >>> from gcsf_graph import load
    >>> [m.label for m in search(load(), "AIIB")]
    ['Asian Infrastructure Investment Bank']
    """
    from rapidfuzz import fuzz, process

    wanted = fold(text)
    if not wanted:
        return []
    names = _names(kg)
    best: dict[str, Match] = {}

    def consider(match: Match) -> None:
        if match.score >= min_score and (match.iri not in best or match.score > best[match.iri].score):
            best[match.iri] = match

    typed = _WORDS.findall(wanted)
    for iri, shown, label, kind in _short_names(kg).get(" ".join(typed), []):
        consider(Match(iri, label, kind, shown, 95.0))
    for iri, name, label, kind, folded in names:
        score = _within(typed, folded)
        if score:
            consider(Match(iri, label, kind, name, round(min(score, 99.0), 1)))
    # A fast first pass in C over every name keeps the candidates our finer score then ranks.
    shortlist = process.extract(wanted, [entry[4] for entry in names], scorer=fuzz.WRatio,
                                limit=max(200, 20 * limit), score_cutoff=min_score * 0.8)
    for _, _, index in shortlist:
        iri, name, label, kind, folded = names[index]
        consider(Match(iri, label, kind, name, round(_score(wanted, folded), 1)))
    return sorted(best.values(), key=lambda m: (-m.score, m.label))[:limit]


_EXACT = """
SELECT ?name ?e WHERE { { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name }
  FILTER(STRSTARTS(STR(?e), "https://w3id.org/gcsf/id/")) }"""


def resolve(kg: KnowledgeGraph, name: str) -> str:
    """The IRI of the entity a name, alias, ``prefix:key`` or full IRI refers to.

    Raises :class:`~gcsf_graph.errors.UnknownEntityError` with near matches otherwise.

    >>> from gcsf_graph import load
    >>> resolve(load(), "Community of Common Destiny for Mankind")
    'https://w3id.org/gcsf/id/concept/gcsf'
    """
    candidate = expand(name.strip().strip("<>"))
    if candidate.startswith(("http://", "https://")) and kg.query(
            "ASK { ?e ?p ?o }", bindings={"e": ox.NamedNode(candidate)}, check_terms=False):
        return candidate
    # An exact label or alias is an index lookup, however big the graph.
    for literal in (ox.Literal(name.strip(), language="en"), ox.Literal(name.strip())):
        named = kg.query(_EXACT, bindings={"name": literal}, inference=False, check_terms=False)
        found: set[str] = {r["e"] for r in rows(named)}
        if len(found) == 1:
            return found.pop()
    matches = search(kg, name, limit=5)
    exact = [m for m in matches if m.score == 100]
    if len({m.iri for m in exact}) == 1:
        return exact[0].iri
    raise UnknownEntityError(name, [f"{m.label} ({shorten(m.iri)})" for m in matches[:5]])


#: How far the best search match must lead the next one to be taken for a name.
CLEAR_LEAD = 4.0


def best_match(kg: KnowledgeGraph, name: str) -> Match | None:
    """The search match for ``name`` that is clearly ahead (scores 80 or more and leads the next
    entity, if any, by :data:`CLEAR_LEAD` points), else None.

    >>> from gcsf_graph import load
    >>> best_match(load(), "Third Belt and Road Forum").label
    'Third Belt and Road Forum for International Cooperation'
    """
    matches = search(kg, name, limit=2)
    if not matches or matches[0].score < 80:
        return None
    if len(matches) > 1 and matches[0].score - matches[1].score < CLEAR_LEAD:
        return None
    return matches[0]


_FACTS = """
SELECT ?e ?dir ?p ?plabel ?v ?vlabel WHERE {
  { ?e ?p ?v . BIND("out" AS ?dir) } UNION { ?v ?p ?e . BIND("in" AS ?dir) }
  ?p a gcsf:FactProperty .
  OPTIONAL { ?p rdfs:label ?plabel }
  OPTIONAL { ?v rdfs:label ?vlabel }
}"""

# Claims are looked up from the entity's side, one simple pattern each way: joined with the
# facts above in one query, big graphs would have the engine walk every claim.
_CLAIMS_OUT = """
SELECT ?e ?p ?v ?file ?title ?quote WHERE {
  ?claim rdf:subject ?e ; rdf:predicate ?p ; rdf:object ?v ; gcsf:statedIn ?doc ; gcsf:quote ?quote .
  OPTIONAL { ?doc dcterms:identifier ?file } OPTIONAL { ?doc rdfs:label ?title }
}"""
_CLAIMS_IN = """
SELECT ?e ?p ?v ?file ?title ?quote WHERE {
  ?claim rdf:object ?e ; rdf:subject ?v ; rdf:predicate ?p ; gcsf:statedIn ?doc ; gcsf:quote ?quote .
  OPTIONAL { ?doc dcterms:identifier ?file } OPTIONAL { ?doc rdfs:label ?title }
}"""

_HEAD = """
SELECT ?e ?label ?type ?alias WHERE {
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e a ?cls . ?cls rdfs:label ?type FILTER(STRSTARTS(STR(?cls), STR(gcsf:))) }
  OPTIONAL { ?e skos:altLabel ?alias }
}"""


def describe(kg: KnowledgeGraph, name: str) -> Description:
    """Everything the graph says about an entity, grouped by relation, each fact with sources.

    A name no entity has exactly is taken for the best search match when that one is clearly
    ahead (:func:`best_match`; ``guessed`` says so), else :class:`UnknownEntityError` suggests.

    >>> from gcsf_graph import load
    >>> fact = describe(load(), "President Xi").incoming["participant"][0]
    >>> fact.value, fact.sources[0].quote
    ('15th BRICS Summit', 'Last August, Xi attended the 15th BRICS Summit')
    """
    try:
        iri, guessed = resolve(kg, name), None
    except UnknownEntityError:
        best = best_match(kg, name)
        if best is None:
            raise
        iri, guessed = best.iri, best
    node = ox.NamedNode(iri)
    head = rows(kg.query(_HEAD, bindings={"e": node}, inference=False, check_terms=False))
    label = next((r["label"] for r in head if r["label"]), shorten(iri))
    types = sorted({r["type"] for r in head if r["type"]})
    aliases = sorted({r["alias"] for r in head if r["alias"]})
    sources: dict[tuple[str, Any, Any], list[Source]] = defaultdict(list)
    for direction, claims in (("out", _CLAIMS_OUT), ("in", _CLAIMS_IN)):
        for r in rows(kg.query(claims, bindings={"e": node}, inference=False, check_terms=False)):
            source = Source(r["file"] or "", r["title"] or "", r["quote"])
            if source not in sources[(direction, r["p"], r["v"])]:
                sources[(direction, r["p"], r["v"])].append(source)
    grouped: dict[str, dict[str, dict[tuple[str, Any], Fact]]] = {
        "out": defaultdict(dict), "in": defaultdict(dict)}
    for r in rows(kg.query(_FACTS, bindings={"e": node}, inference=False, check_terms=False)):
        relation = r["plabel"] or shorten(r["p"])
        value = r["v"]
        is_iri = isinstance(value, str) and value.startswith(DATA)
        shown = r["vlabel"] or (shorten(value) if is_iri else str(value))
        fact = grouped[r["dir"]][relation].setdefault(
            (shown, value), Fact(relation, shown, value if is_iri else None))
        for source in sources[(r["dir"], r["p"], value)]:
            if source not in fact.sources:
                fact.sources.append(source)

    def ordered(group: dict[str, dict[tuple[str, Any], Fact]]) -> dict[str, list[Fact]]:
        for facts in group.values():
            for fact in facts.values():  # a fact several articles state: the same order on every engine
                fact.sources.sort(key=lambda s: (s.document, s.quote))
        return {rel: sorted(group[rel].values(), key=lambda f: f.value) for rel in sorted(group)}
    return Description(iri, label, types, aliases, ordered(grouped["out"]), ordered(grouped["in"]),
                       guessed)
