"""Linked Data pages: one per entity (HTML, Turtle or JSON-LD), the vocabulary, the web app.

An entity ``https://w3id.org/gcsf/id/{kind}/{key}`` has its page at ``/id/{kind}/{key}``:
everything ``gcsf describe`` shows, each fact with its article and quote, and links to its
neighbours; an article's page also lists its claims (in text order when the article texts
are at hand). With the article texts at hand (``gcsf serve --articles``, ``gcsf site
--articles``), each quote shows marked inside its sentence and the text around it, found by the
claim's TextPositionSelector in a text whose SHA-256 is the curated one, and an article's page
shows its text with the claims' quotes marked. ``/ontology`` lists each class and property
with its label, definition, alignment, usage count and an example fact. Pages are plain
functions of the graph returning HTML, so the server and the static site (:mod:`.site`) write
the same pages. Every data string reaches the page through Jinja2's autoescaping.

>>> from gcsf_graph import load
>>> html = entity_html(load(), "https://w3id.org/gcsf/id/person/xi-jinping", Links())
>>> "Xi Jinping" in html and "15th BRICS Summit" in html
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cache, lru_cache, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..errors import UnknownEntityError
from ..namespaces import DATA, GCSF, PREFIXES, local_name, shorten
from ..sparql import Triples, rows
from .protocol import GRAPH_MEDIA, ProtocolError, Reply

if TYPE_CHECKING:
    import jinja2
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import BaseRoute

    from ..graph import KnowledgeGraph
    from .app import Settings
    from .workers import Runner

__all__ = ["Links", "Passage", "article_text", "check_json", "entity_html", "entity_rdf", "marked_text",
           "not_found_html", "ontology_html", "passage", "search_json", "vocabulary_json"]

_HERE = Path(__file__).resolve().parent
_SAFE_KEY = re.compile(r"[A-Za-z0-9._~-]+")


@dataclass(frozen=True)
class Links:
    """Where pages live: ``/id/...`` on the server, ``id/....html`` files in a static site."""

    root: str = "/"
    suffix: str = ""

    def entity(self, iri: str) -> str | None:
        """The page of a data IRI (None for other IRIs)."""
        if not iri.startswith(DATA):
            return None
        path = iri[len(DATA):]
        kind, _, key = path.partition("/")
        if not kind or not key or "/" in key:
            return None
        if self.suffix and not _SAFE_KEY.fullmatch(key):
            key = "".join(c if _SAFE_KEY.fullmatch(c) else f"_{ord(c):x}_" for c in key)
        from urllib.parse import quote

        return f"{self.root}id/{quote(kind, safe='')}/{quote(key, safe='')}{self.suffix}"

    def page(self, name: str) -> str:
        """A top-level page (``ontology``; ``index`` is the root)."""
        if name == "index":
            return self.root + ("index.html" if self.suffix else "")
        return f"{self.root}{name}{self.suffix}"

    def at_depth(self, depth: int) -> Links:
        """The same links as seen from a page ``depth`` folders down (static site only)."""
        return self if not self.suffix else Links("../" * depth or "./", self.suffix)


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(_HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["short"] = shorten
    return env


def render(template: str, links: Links, **values: Any) -> str:
    """A page from the templates, every value escaped."""
    return _environment().get_template(template).render(links=links, **values)


_DOCUMENTS = """
SELECT ?doc ?file WHERE {
  ?doc dcterms:identifier ?file ; a ?t . VALUES ?t { gcsf:Article gcsf:SourceDocument } }"""

_ARTICLE_CLAIMS = """
SELECT ?quote ?s ?slabel ?p ?plabel ?o ?olabel WHERE {
  ?claim gcsf:statedIn ?doc ; gcsf:quote ?quote ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?s rdfs:label ?slabel } OPTIONAL { ?p rdfs:label ?plabel } OPTIONAL { ?o rdfs:label ?olabel }
}"""


def _documents(kg: KnowledgeGraph) -> dict[str, str]:
    """Document file name -> document IRI, computed once per graph."""
    if "web.documents" not in kg.cache:
        kg.cache["web.documents"] = {r["file"]: r["doc"] for r in rows(kg.query(_DOCUMENTS))}
    found: dict[str, str] = kg.cache["web.documents"]
    return found


def _document_file(kg: KnowledgeGraph, iri: str) -> str | None:
    """The file name of the document ``iri``, if it is one."""
    return next((f for f, doc in _documents(kg).items() if doc == iri), None)


def _article_claims(kg: KnowledgeGraph, iri: str, articles: Path | None) -> list[dict[str, Any]]:
    """An article's claims, in the order their quotes appear in its text when that is at hand."""
    found = rows(kg.query(_ARTICLE_CLAIMS, bindings={"doc": ox.NamedNode(iri)}))
    claims = [{"quote": r["quote"], "subject": r["slabel"] or shorten(str(r["s"])), "subject_iri": r["s"],
               "relation": r["plabel"] or shorten(str(r["p"])),
               "object": r["olabel"] or (shorten(r["o"]) if isinstance(r["o"], str) else str(r["o"])),
               "object_iri": r["o"] if isinstance(r["o"], str) and r["o"].startswith(DATA) else None}
              for r in found]
    from ..curation.anchors import is_article_name

    text = ""
    file = _document_file(kg, iri)
    if articles is not None and file and is_article_name(file) and (articles / file).is_file():
        text = " ".join((articles / file).read_text(encoding="utf-8", errors="replace").split())

    def position(claim: dict[str, Any]) -> tuple[int, str]:
        at = text.find(" ".join(claim["quote"].split())) if text else -1
        return (at if at >= 0 else len(text) + 1, claim["quote"])
    return sorted(claims, key=position)


_POSITIONS = """
SELECT ?file ?sha ?quote ?start ?end WHERE {
  ?claim gcsf:statedIn ?doc ; gcsf:quote ?quote ; oa:hasSelector ?at .
  ?at a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?doc dcterms:identifier ?file . OPTIONAL { ?doc gcsf:sha256 ?sha } }"""

#: How much text a quote's context shows each side, at most (cut at a word, marked "…").
CONTEXT_WIDTH = 320


@dataclass(frozen=True)
class Passage:
    """A quote inside the text around it: the sentence it stands in, and the one before or after
    when the quote is a whole sentence."""

    before: str
    quote: str
    after: str


def _positions(kg: KnowledgeGraph) -> dict[tuple[str, str], tuple[int, int, str | None]]:
    """(document file, quote) -> (start, end, the document's SHA-256), once per graph."""
    if "web.positions" not in kg.cache:
        found: dict[tuple[str, str], tuple[int, int, str | None]] = {}
        for r in rows(kg.query(_POSITIONS)):
            found.setdefault((r["file"], r["quote"]), (int(r["start"]), int(r["end"]), r["sha"]))
        kg.cache["web.positions"] = found
    positions: dict[tuple[str, str], tuple[int, int, str | None]] = kg.cache["web.positions"]
    return positions


def article_text(kg: KnowledgeGraph, articles: Path | None, file: str) -> tuple[str | None, str | None]:
    """The text of the article ``file`` from the folder ``articles`` and a notice, once per graph:
    (text, None) when its SHA-256 is the one the graph records, else (None, why not) — a changed
    text would put the quotes' positions in the wrong place."""
    from ..curation.anchors import is_article_name, read_article, sha256
    from ..errors import DataError

    if articles is None:
        return None, None
    texts: dict[tuple[str, str], tuple[str | None, str | None]] = kg.cache.setdefault("web.texts", {})
    if (str(articles), file) not in texts:
        recorded = next((sha for (f, _), (_, _, sha) in _positions(kg).items() if f == file and sha), None)
        if not is_article_name(file) or not (articles / file).is_file():
            found: tuple[str | None, str | None] = (None, f"{file} is not in the articles' folder: "
                                                          "quotes are shown without their context.")
        else:
            try:
                text = read_article(articles / file)
            except DataError as exc:
                found = (None, f"{file} cannot be read ({exc}): quotes are shown without their context.")
            else:
                found = (text, None) if recorded is None or sha256(text) == recorded else (
                    None, f"{file} is not the text the claims were curated from (its SHA-256 differs): "
                          "quotes are shown without their context.")
        texts[(str(articles), file)] = found
    return texts[(str(articles), file)]


@lru_cache(maxsize=8)
def _sentence_spans(text: str) -> list[tuple[int, int]]:
    from ..curation.sentences import split_sentences

    return [(s.start, s.end) for s in split_sentences(text)]


def passage(text: str, start: int, end: int, *, width: int = CONTEXT_WIDTH) -> Passage:
    """The quote at ``start:end`` of ``text`` with its sentence around it (and the sentence before
    or after when the quote is a whole sentence), at most ``width`` characters each side.

    >>> p = passage("One here. Two three four. Five.", 14, 19)
    >>> (p.before, p.quote, p.after)
    ('Two ', 'three', ' four.')
    >>> passage("One here. Two three four. Five.", 10, 25)
    Passage(before='One here. ', quote='Two three four.', after=' Five.')
    """
    spans = _sentence_spans(text)
    first = next((i for i, (a, b) in enumerate(spans) if a <= start < b), None)
    last = next((i for i, (a, b) in enumerate(spans) if a < end <= b), None)
    lo = spans[first][0] if first is not None else start
    hi = spans[last][1] if last is not None else end
    if first is not None and lo == start and first > 0:
        lo = spans[first - 1][0]  # a whole sentence: the one before too
    if last is not None and hi == end and last + 1 < len(spans):
        hi = spans[last + 1][1]  # and the one after
    before, after = re.sub(r"\s+", " ", text[lo:start]), re.sub(r"\s+", " ", text[end:hi])
    if len(before) > width:
        before = "…" + before[-width:].split(" ", 1)[-1]
    if len(after) > width:
        after = after[:width].rsplit(" ", 1)[0] + "…"
    return Passage(before, text[start:end], after)


def _passages(kg: KnowledgeGraph, description: Any, articles: Path | None
              ) -> tuple[dict[tuple[str, str], Passage], list[str]]:
    """The passage of each quote of an entity's facts whose article is at hand, and the notices of
    the articles that are not (or not as curated)."""
    found: dict[tuple[str, str], Passage] = {}
    notices: list[str] = []
    if articles is None:
        return found, notices
    positions = _positions(kg)
    groups = [*description.outgoing.values(), *description.incoming.values()]
    for source in (s for facts in groups for fact in facts for s in fact.sources):
        place = positions.get((source.document, source.quote))
        if place is None:
            continue
        text, notice = article_text(kg, articles, source.document)
        if notice and notice not in notices:
            notices.append(notice)
        start, end, _ = place
        if text is not None and text[start:end] == source.quote:
            found[(source.document, source.quote)] = passage(text, start, end)
    return found, notices


def marked_text(text: str, marks: list[tuple[int, int]]) -> list[list[tuple[str, bool]]]:
    """A text as paragraphs (one a line) of (piece, marked) with the spans ``marks`` marked.

    >>> marked_text("One two.\\nThree four.", [(4, 7), (15, 19)])
    [[('One ', False), ('two', True), ('.', False)], [('Three ', False), ('four', True), ('.', False)]]
    """
    merged: list[list[int]] = []
    for a, b in sorted(marks):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    paragraphs = []
    for line in re.finditer(r"[^\n]+", text):
        pieces, at = [], line.start()
        for a, b in ([max(a, line.start()), min(b, line.end())] for a, b in merged):
            if a < b:
                if at < a:
                    pieces.append((text[at:a], False))
                pieces.append((text[a:b], True))
                at = b
        if at < line.end():
            pieces.append((text[at:line.end()], False))
        if "".join(p for p, _ in pieces).strip():
            paragraphs.append(pieces)
    return paragraphs


def _document_text(kg: KnowledgeGraph, iri: str, articles: Path | None
                   ) -> tuple[list[list[tuple[str, bool]]], str | None]:
    """A document's text with its claims' quotes marked, when the text is at hand and as curated."""
    file = _document_file(kg, iri)
    if articles is None or file is None:
        return [], None
    text, notice = article_text(kg, articles, file)
    if text is None:
        return [], notice
    marks = [(start, end) for (f, quote), (start, end, _) in _positions(kg).items()
             if f == file and text[start:end] == quote]
    return marked_text(text, marks), None


def entity_html(kg: KnowledgeGraph, iri: str, links: Links, *, articles: Path | None = None,
                views: bool = False) -> str:
    """The HTML page of one entity (:class:`UnknownEntityError` if the graph says nothing of it);
    ``views`` links to the graph view of its neighbourhood (on the server). With the folder of the
    article texts (``articles``), each quote shows inside the text around it and an article's
    page shows its text with the claims' quotes marked; a text whose SHA-256 is not the one the
    graph records is not used (the page says so)."""
    from ..entities import describe

    if not kg.query("ASK { { ?e ?p ?o } UNION { ?s ?p ?e } }", bindings={"e": ox.NamedNode(iri)}):
        raise UnknownEntityError(shorten(iri), [])
    description = describe(kg, iri)
    documents = _documents(kg)
    is_document = bool({"article", "source document"} & set(description.types))
    claims = _article_claims(kg, iri, articles) if is_document else []
    passages, notices = _passages(kg, description, articles)
    text, notice = _document_text(kg, iri, articles) if is_document else ([], None)
    if notice and notice not in notices:
        notices.append(notice)
    return render("entity.html", links, d=description, documents=documents, claims=claims,
                  in_text_order=articles is not None, short=shorten(iri), views=views,
                  passages=passages, notices=notices, text=text)


def _suggest(kg: KnowledgeGraph, iri: str) -> list[tuple[str, str, str]]:
    from ..entities import search

    key = local_name(iri)
    words = re.sub(r"[-_]+", " ", key).strip()
    if not words:
        return []
    return [(m.label, m.type, m.iri) for m in search(kg, words, limit=5, min_score=50)]


def not_found_html(kg: KnowledgeGraph, iri: str, links: Links) -> str:
    """The 404 page of an IRI the graph does not know, with near matches."""
    return render("notfound.html", links, iri=iri, suggestions=_suggest(kg, iri))


_ENTITY_RDF = """
CONSTRUCT { ?e ?p ?o . ?s ?q ?e . ?claim ?cp ?co } WHERE {
  { ?e ?p ?o } UNION { ?s ?q ?e FILTER NOT EXISTS { ?s a gcsf:Claim } }
  UNION { ?claim rdf:subject ?e ; ?cp ?co }
}"""


def entity_rdf(kg: KnowledgeGraph, iri: str, fmt_name: str) -> str:
    """One entity's triples, the claims about it included, as Turtle, JSON-LD, N-Triples or RDF/XML."""
    from ..render import format_triples

    result = kg.query(_ENTITY_RDF, bindings={"e": ox.NamedNode(iri)})
    assert isinstance(result, Triples)
    if not result.triples:
        raise UnknownEntityError(shorten(iri), [])
    return format_triples(result, fmt_name)


_TERMS = """
SELECT ?t ?kind ?label ?definition WHERE {
  ?t a ?kind . VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty }
  FILTER(STRSTARTS(STR(?t), STR(gcsf:)))
  OPTIONAL { ?t rdfs:label ?label } OPTIONAL { ?t skos:definition ?definition }
}"""
# Every link from a term to another vocabulary; the alignment relations are picked in Python, so
# that the query names no relation the ontology happens not to use.
_ALIGNED = """
SELECT ?t ?rel ?target WHERE {
  ?t ?rel ?target .
  FILTER(STRSTARTS(STR(?t), STR(gcsf:)) && isIRI(?target) && !STRSTARTS(STR(?target), STR(gcsf:)))
}"""
_ALIGNMENTS = {PREFIXES["rdfs"] + "subClassOf", PREFIXES["rdfs"] + "subPropertyOf",
               PREFIXES["skos"] + "closeMatch", PREFIXES["skos"] + "exactMatch",
               PREFIXES["skos"] + "broadMatch", PREFIXES["owl"] + "equivalentClass",
               PREFIXES["owl"] + "equivalentProperty"}
_CLASS_USE = ("SELECT ?t (COUNT(?e) AS ?n) WHERE { ?e a ?t FILTER(STRSTARTS(STR(?t), STR(gcsf:))) } "
              "GROUP BY ?t")
_PROPERTY_USE = ("SELECT ?t (COUNT(*) AS ?n) WHERE { ?s ?t ?o FILTER(STRSTARTS(STR(?t), STR(gcsf:))) } "
                 "GROUP BY ?t")
_EXAMPLES = """
SELECT ?p ?s ?slabel ?o ?olabel ?quote ?cls WHERE {
  ?claim rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o ; gcsf:quote ?quote .
  OPTIONAL { ?s rdfs:label ?slabel } OPTIONAL { ?o rdfs:label ?olabel }
  OPTIONAL { ?s a ?cls FILTER(STRSTARTS(STR(?cls), STR(gcsf:))) }
} ORDER BY ?quote"""


def vocabulary(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """Each class and property of the ontology: label, definition, alignment, usage, an example fact."""
    if "web.vocabulary" in kg.cache:
        cached: list[dict[str, Any]] = kg.cache["web.vocabulary"]
        return cached
    terms: dict[str, dict[str, Any]] = {}
    for r in rows(kg.query(_TERMS)):
        kind = "class" if r["kind"].endswith("Class") else "property"
        term = terms.setdefault(r["t"], {"iri": r["t"], "name": shorten(r["t"]), "kind": kind,
                                         "label": r["label"] or local_name(r["t"]),
                                         "definition": r["definition"] or "", "alignment": [],
                                         "count": 0, "example": None})
        term["definition"] = term["definition"] or r["definition"] or ""
    for r in rows(kg.query(_ALIGNED)):
        if r["t"] in terms and r["rel"] in _ALIGNMENTS:
            terms[r["t"]]["alignment"].append((shorten(r["rel"]), shorten(r["target"]), r["target"]))
    for query in (_CLASS_USE, _PROPERTY_USE):
        for r in rows(kg.query(query)):
            if r["t"] in terms:
                terms[r["t"]]["count"] = r["n"]
    for r in rows(kg.query(_EXAMPLES)):
        example = {"subject": r["slabel"] or shorten(str(r["s"])), "subject_iri": r["s"],
                   "relation": terms.get(r["p"], {}).get("label", shorten(r["p"])),
                   "object": r["olabel"] or (shorten(r["o"]) if isinstance(r["o"], str) else str(r["o"])),
                   "quote": r["quote"]}
        for key in (r["p"], r["cls"]):
            if key in terms and terms[key]["example"] is None:
                terms[key]["example"] = example
    found = sorted(terms.values(), key=lambda t: (t["kind"], t["name"].lower()))
    kg.cache["web.vocabulary"] = found
    return found


def ontology_html(kg: KnowledgeGraph, links: Links) -> str:
    """The vocabulary page."""
    return render("ontology.html", links, terms=vocabulary(kg), gcsf=GCSF)


def search_json(kg: KnowledgeGraph, text: str, root: str = "/") -> list[dict[str, Any]]:
    """Search hits as JSON-ready dicts, each with its page's address."""
    from ..entities import search

    links = Links(root)
    return [{"iri": m.iri, "label": m.label, "type": m.type, "matched": m.matched,
             "score": round(m.score, 1), "page": links.entity(m.iri)}
            for m in search(kg, text[:200], limit=10)]


_ENTITY_NAMES = """
SELECT ?e ?label WHERE { ?e rdfs:label ?label FILTER(STRSTARTS(STR(?e), "https://w3id.org/gcsf/id/")
  && !STRSTARTS(STR(?e), "https://w3id.org/gcsf/id/claim/")) } LIMIT 20000"""


# The classes and properties the data uses, whatever their vocabulary (rdfs:label, skos:Concept…).
_USED_TERMS = """
SELECT DISTINCT ?t ?kind ?label WHERE {
  { [] ?t [] BIND("property" AS ?kind) } UNION { [] a ?t BIND("class" AS ?kind) }
  OPTIONAL { ?t rdfs:label ?label FILTER(LANG(?label) IN ("", "en")) }
}"""


def vocabulary_json(kg: KnowledgeGraph) -> dict[str, Any]:
    """What the editor completes: prefixes, the ontology's classes and properties and those of
    other vocabularies the data uses, and entity names, each with its label (worked out once per
    loaded graph)."""
    if "web.completion" not in kg.cache:
        terms = vocabulary(kg)
        entities = sorted({(shorten(r["e"]), r["label"]) for r in rows(kg.query(_ENTITY_NAMES))})
        found = {kind: {t["name"]: t["label"] for t in terms if t["kind"] == kind}
                 for kind in ("class", "property")}
        for r in rows(kg.query(_USED_TERMS)):
            name = shorten(r["t"])
            if ":" in name and not name.startswith(("http:", "https:", "urn:")):  # prefixed names only
                found[r["kind"]].setdefault(name, r["label"] or local_name(r["t"]))
        kg.cache["web.completion"] = {
            "prefixes": PREFIXES,
            "classes": [list(t) for t in sorted(found["class"].items(), key=lambda t: t[0].lower())],
            "properties": [list(t) for t in sorted(found["property"].items(), key=lambda t: t[0].lower())],
            "entities": [list(e) for e in entities]}
    completion: dict[str, Any] = kg.cache["web.completion"]
    return completion


def check_json(kg: KnowledgeGraph, query: str) -> list[dict[str, str]]:
    """The vocabulary check of a query (each term it names that the graph does not hold), as the
    editor marks it: the term as written and the note.

    >>> from gcsf_graph import load
    >>> check_json(load(), "SELECT * WHERE { ?x a gcsf:Persn }")[0]["term"]
    'gcsf:Persn'
    """
    from ..vocabulary import unknown_term_notes

    return [{"term": term, "message": note} for term, note in unknown_term_notes(kg, query)]


def editor_available() -> bool:
    """Whether the SPARQL editor's bundle (built by ``make frontend``) is in this build; without
    it the app's query box is a plain text area."""
    return (_HERE / "static" / "editor.js").is_file()


def app_html(links: Links) -> str:
    """The web app page: editor, examples, results, search."""
    from ..examples import examples

    catalogue = [{"name": e.name, "title": e.title, "description": e.description, "text": e.text}
                 for e in examples()]
    from markupsafe import Markup

    return render("app.html", links, examples=Markup(script_json(catalogue)), views=views_available(),
                  editor=editor_available())


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element: nothing in it can close the element.

    >>> print(script_json(["</script>"]))
    ["\\u003c/script\\u003e"]
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# ------------------------------------------------------------------------------ server routes


def _html(reply: str) -> Reply:
    return Reply(reply.encode("utf-8"), "text/html; charset=utf-8")


def _wants_rdf(accept: str | None) -> str | None:
    """The RDF format an Accept header prefers over HTML, if any."""
    from .protocol import _accepted

    for _, _, kind in _accepted(accept):
        if kind in ("text/html", "application/xhtml+xml", "*/*", "text/*"):
            return None
        if kind in GRAPH_MEDIA:
            return GRAPH_MEDIA[kind].name
    return None


def _entity_task(kg: KnowledgeGraph, iri: str, rdf: str | None, articles: Path | None) -> tuple[int, Reply]:
    try:
        if rdf is not None:
            return 200, Reply(entity_rdf(kg, iri, rdf).encode("utf-8"), GRAPH_MEDIA_BY_NAME[rdf])
        return 200, _html(entity_html(kg, iri, Links(), articles=articles, views=views_available()))
    except UnknownEntityError:
        return 404, _html(not_found_html(kg, iri, Links()))


GRAPH_MEDIA_BY_NAME = {f.name: f.media_type for f in GRAPH_MEDIA.values()}


def _ontology_task(kg: KnowledgeGraph) -> Reply:
    return _html(ontology_html(kg, Links()))


#: The Content-Security-Policy of a view page: its script and style are inlined, nothing loads.
VIEW_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"


def views_available() -> bool:
    """Whether the graph, timeline and map views (:mod:`gcsf_graph.views`) are in this build."""
    import importlib.util

    return importlib.util.find_spec("gcsf_graph.views") is not None


def _view_task(kg: KnowledgeGraph, view: str, query: str | None, focus: str | None) -> str:
    return view_html(kg, view, query=query, focus=focus)


def view_html(kg: KnowledgeGraph, view: str, *, query: str | None = None, focus: str | None = None) -> str:
    """A graph, timeline or map page (from :mod:`gcsf_graph.views`): its scripts and data inlined."""
    import importlib
    import tempfile

    if not views_available():
        raise ProtocolError(501, "the graph, timeline and map views are not part of this build")
    views: Any = importlib.import_module("gcsf_graph.views")
    if view not in views.VIEWS:
        raise ProtocolError(404, f"no view named {view!r}; views: {', '.join(views.VIEWS)}")
    with tempfile.TemporaryDirectory() as folder:
        path = views.write_view(kg, Path(folder) / "view.html", view=view, query=query or None,
                                focus=focus or None)
        text: str = Path(path).read_text(encoding="utf-8")
    return text


def _result_view_task(kg: KnowledgeGraph, view: str, query: str, max_rows: int) -> dict[str, Any]:
    if not views_available():
        raise ProtocolError(501, "the graph, timeline and map views are not part of this build")
    from .results import result_view

    return result_view(kg, view, query, max_rows=max_rows)


def routes(settings: Settings, pool: Runner,
           on_error: Callable[[Exception], Response]) -> list[BaseRoute]:
    """The routes of the pages, the web app and its small JSON API."""
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    articles = settings.articles

    def respond(reply: Reply, status: int = 200) -> Response:
        return Response(reply.body, status_code=status, media_type=reply.media_type,
                        headers={"Vary": "Accept"})

    def guarded(handler: Callable[[Request], Awaitable[Response]]
                ) -> Callable[[Request], Awaitable[Response]]:
        """The handler, with any failure answered by ``on_error`` (a status and one line)."""

        @wraps(handler)
        async def answer(request: Request) -> Response:
            try:
                return await handler(request)
            except Exception as exc:
                return on_error(exc)
        return answer

    def bounded(query: str) -> None:
        if len(query) > settings.max_query_chars:
            raise ProtocolError(413, f"the query has more than {settings.max_query_chars:,} characters")

    @guarded
    async def entity(request: Request) -> Response:
        iri = f"{DATA}{request.path_params['kind']}/{request.path_params['key']}"
        status, reply = await pool.call(_entity_task, iri, _wants_rdf(request.headers.get("accept")),
                                        articles)
        return respond(reply, status)

    @guarded
    async def ontology(request: Request) -> Response:
        return respond(await pool.call(_ontology_task))

    @guarded
    async def search(request: Request) -> Response:
        text = request.query_params.get("q", "")
        if not text.strip():
            raise ProtocolError(400, "give the text to search for as ?q=")
        return JSONResponse(await pool.call(search_json, text))

    @guarded
    async def vocab(request: Request) -> Response:
        return JSONResponse(await pool.call(vocabulary_json))

    async def request_query(request: Request) -> str:
        """The query as the endpoint reads a request: GET ?query=, or a POST form or query body."""
        from .app import _body
        from .protocol import read_request

        body = await _body(request, settings) if request.method == "POST" else b""
        query = read_request(request.method, request.query_params.multi_items(),
                             request.headers.get("content-type"), body).query
        bounded(query)
        return query

    @guarded
    async def check(request: Request) -> Response:
        return JSONResponse(await pool.call(check_json, await request_query(request)))

    @guarded
    async def view(request: Request) -> Response:
        params = request.query_params
        query, focus = params.get("query"), params.get("focus")
        if query is not None:
            bounded(query)
        html = await pool.call(_view_task, request.path_params["view"], query, focus)
        return Response(html, media_type="text/html; charset=utf-8",
                        headers={"Content-Security-Policy": VIEW_CSP})

    @guarded
    async def result_view(request: Request) -> Response:
        query = await request_query(request)
        data = await pool.call(_result_view_task, request.path_params["view"], query, settings.max_rows)
        return JSONResponse(data)

    async def index(request: Request) -> Response:
        return respond(_html(app_html(Links())))

    found: list[BaseRoute] = [
        Route("/", index), Route("/ontology", ontology), Route("/api/search", search),
        Route("/api/vocabulary", vocab), Route("/api/check", check, methods=["GET", "POST"]),
        Route("/id/{kind}/{key}", entity), Route("/view/{view}", view),
        Route("/api/result/{view}", result_view, methods=["GET", "POST"]),
        Mount("/assets", StaticFiles(directory=_HERE / "assets"), name="assets")]
    for name, folder in (("views", _HERE.parent / "views" / "static"), ("web", _HERE / "static")):
        if folder.is_dir():
            found.append(Mount(f"/static/{name}", StaticFiles(directory=folder), name=f"static-{name}"))
    return found

