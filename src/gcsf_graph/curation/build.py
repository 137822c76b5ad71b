"""The builder: curation files plus the corpus in, ``triples.ttl`` out, all or nothing.

Every fact becomes one plain triple (asserted once, however many articles state it) and one
``gcsf:Claim`` per statement, with the article, the exact quote and the quote's place in it::

    claim:cf7125feb5574 a gcsf:Claim ;              # IRI from the fact's id: stable under edits
        rdf:subject doc:004_457199ae3097467a ; rdf:predicate gcsf:author ;
        rdf:object person:guo-jiping ;
        gcsf:statedIn doc:004_457199ae3097467a ;     # also oa:hasSource: the claim is the passage
        gcsf:quote "By Guo Jiping, People’s Daily" ;
        oa:hasSelector <claim/cf7125feb5574#quote> , <claim/cf7125feb5574#position> .
    <claim/cf7125feb5574#quote> a oa:TextQuoteSelector ;
        oa:exact "By Guo Jiping, People’s Daily" ; oa:prefix "...8:17 PM\n7 Min Read\n\n" ;
        oa:suffix "\n\nThe year of 2023 ..." .
    <claim/cf7125feb5574#position> a oa:TextPositionSelector ; oa:start 137 ; oa:end 166 .
    doc:004_457199ae3097467a gcsf:sha256 "c94e30d3..." .
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError
from ..namespaces import DATA, DATA_PREFIXES, GCSF, OA
from .anchors import Selectors, is_article_name, read_article, selectors, sha256
from .files import ArticleFile, Entity, Fact, read_article_file, read_entities_file

if TYPE_CHECKING:
    import rdflib

__all__ = ["ENTITIES_FILE", "Curation", "build_graph", "load_curation", "write_triples"]

#: The shared entities file inside the curation folder; every other ``*.yaml`` is an article.
ENTITIES_FILE = "entities.yaml"

#: The class an entity gets from its key's prefix unless its entry names another.
DEFAULT_CLASS = {
    "person": "Person", "post": "Post", "tenure": "Tenure", "country": "Country",
    "region": "Region", "city": "City", "organization": "Organization",
    "initiative": "Initiative", "project": "Project", "event": "Event", "agreement": "Agreement",
    "doc": "SourceDocument", "concept": "Concept", "stat": "Statistic",
    "relationship": "BilateralRelationship",
}
_KEY = re.compile(r"([a-z]+):([A-Za-z0-9][A-Za-z0-9_.-]*)")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_DATE_TYPES = {r"\d{4}": "gYear", r"\d{4}-\d{2}": "gYearMonth", r"\d{4}-\d{2}-\d{2}": "date",
               r"--\d{2}-\d{2}": "gMonthDay"}
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
HEADER = (
    "# gcsf-graph curated data: built from the curation files in data/curation/ and the articles.\n"
    "# Do not edit by hand: edit data/curation/*.yaml and run `make data`.\n"
)


@dataclass(frozen=True)
class Curation:
    """All curation files of a folder: the shared entities and one file per article."""

    entities: tuple[Entity, ...]
    articles: tuple[ArticleFile, ...]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataError("curation file is not UTF-8", path=str(path)) from None
    except OSError as exc:
        raise DataError(f"cannot read curation file: {exc.strerror or exc}", path=str(path)) from None


def load_curation(folder: str | Path) -> Curation:
    """Read every curation file of ``folder`` (``entities.yaml`` and one file per article)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError("curation folder not found", path=str(folder))
    entities_path = folder / ENTITIES_FILE
    entities = read_entities_file(_read_text(entities_path), str(entities_path)) \
        if entities_path.exists() else []
    articles = [read_article_file(_read_text(p), str(p))
                for p in sorted(folder.glob("*.yaml")) if p.name != ENTITIES_FILE]
    return Curation(tuple(entities), tuple(articles))


def _vocabulary(ontology: Path) -> tuple[dict[str, str], set[str]]:
    """The ontology's fact properties (name -> 'object' or 'literal') and class names."""
    import rdflib
    from rdflib.namespace import OWL, RDF

    g = rdflib.Graph()
    g.parse(ontology, format="turtle")
    facts = set(g.subjects(RDF.type, rdflib.URIRef(GCSF + "FactProperty")))
    properties: dict[str, str] = {}
    for kind, owl in (("object", OWL.ObjectProperty), ("literal", OWL.DatatypeProperty)):
        for p in g.subjects(RDF.type, owl):
            if str(p).startswith(GCSF) and p in facts:
                properties[str(p)[len(GCSF):]] = kind
    classes = {str(c)[len(GCSF):] for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(GCSF)}
    return properties, classes


class _Builder:
    def __init__(self, curation: Curation, corpus: Path, ontology: Path) -> None:
        import rdflib
        from rdflib.namespace import SKOS

        self.curation, self.corpus = curation, corpus
        self.properties, self.classes = _vocabulary(ontology)
        self.g = rdflib.Graph()
        self.g.bind("gcsf", GCSF)
        self.g.bind("skos", SKOS)
        self.g.bind("oa", OA)
        for prefix in [*DEFAULT_CLASS, "claim"]:
            self.g.bind(prefix, DATA_PREFIXES[prefix])
        self.entities: dict[str, Entity] = {}
        self.claims: dict[str, Fact] = {}

    def iri(self, key: str) -> rdflib.URIRef:
        import rdflib

        prefix, local = key.split(":", 1)
        return rdflib.URIRef(f"{DATA}{prefix}/{local}")

    def fail(self, where: Entity | Fact | ArticleFile, message: str, field: str | None = None) -> DataError:
        """A located error: at ``field``'s line when the entry has it, else the entry's first line."""
        return DataError(message, path=where.path, line=where.lines.get(field or "", where.line))

    def add_entity(self, e: Entity) -> None:
        import rdflib
        from rdflib.namespace import RDF, RDFS, SKOS

        found = _KEY.fullmatch(e.key)
        if found is None or found.group(1) not in DEFAULT_CLASS:
            raise self.fail(e, f"entity key {e.key!r} is not prefix:name with a known prefix "
                               f"({', '.join(DEFAULT_CLASS)})")
        if e.key in self.entities:
            first = self.entities[e.key]
            raise self.fail(e, f"duplicate entity key {e.key!r} (first at {first.path}, line {first.line})",
                            "key")
        cls = e.cls or DEFAULT_CLASS[found.group(1)]
        if cls not in self.classes:
            raise self.fail(e, f"unknown class {cls!r} (not in the ontology)")
        self.entities[e.key] = e
        iri = self.iri(e.key)
        self.g.add((iri, RDF.type, rdflib.URIRef(GCSF + cls)))
        self.g.add((iri, RDFS.label, rdflib.Literal(e.label, lang="en")))
        for alias in e.aliases:
            self.g.add((iri, SKOS.altLabel, rdflib.Literal(alias, lang="en")))
        if e.scheme:
            self.g.add((iri, SKOS.prefLabel, rdflib.Literal(e.label, lang="en")))
            self.g.add((iri, SKOS.inScheme, rdflib.URIRef(GCSF + e.scheme)))
        if e.iso3166:
            self.add_country_codes(e, iri)

    def add_country_codes(self, e: Entity, iri: rdflib.URIRef) -> None:
        import pycountry
        import rdflib

        record = pycountry.countries.get(alpha_3=e.iso3166)
        if record is None:
            raise self.fail(e, f"not an ISO 3166 alpha-3 code: {e.iso3166!r}", "iso3166")
        if e.key != f"country:{record.alpha_3}":
            raise self.fail(e, f"a country's key is country:<alpha-3>: expected country:{record.alpha_3}",
                            "key")
        self.g.add((iri, rdflib.URIRef(GCSF + "iso3166Alpha2"), rdflib.Literal(record.alpha_2)))
        self.g.add((iri, rdflib.URIRef(GCSF + "iso3166Alpha3"), rdflib.Literal(record.alpha_3)))

    def article_text(self, a: ArticleFile) -> str:
        if not is_article_name(a.file):
            raise self.fail(a, f"file must be a plain file name, not {a.file!r}", "file")
        text = read_article(self.corpus / a.file)
        if sha256(text) != a.sha256:
            raise self.fail(a, f"sha256 does not match {a.file} (the article changed? it is "
                               f"{sha256(text)})", "sha256")
        return text

    def add_article(self, a: ArticleFile) -> str:
        import rdflib
        from rdflib.namespace import DCTERMS

        text = self.article_text(a)
        self.add_entity(Entity(a.key, a.title, cls="Article", path=a.path, line=a.line))
        self.g.add((self.iri(a.key), DCTERMS.identifier, rdflib.Literal(a.file)))
        self.g.add((self.iri(a.key), rdflib.URIRef(GCSF + "sha256"), rdflib.Literal(a.sha256)))
        return text

    def term(self, f: Fact) -> rdflib.term.Node:
        import rdflib
        from rdflib.namespace import XSD

        if f.kind == "object":
            return self.iri(self.known(f, f.value, "object"))
        if f.kind == "date":
            dtype = next((t for pattern, t in _DATE_TYPES.items() if re.fullmatch(pattern, f.value)), None)
            if dtype is None:
                raise self.fail(f, f"date must be YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD, not {f.value!r}",
                                "date")
            return rdflib.Literal(f.value, datatype=XSD[dtype])
        if f.kind == "number":
            if not _NUMBER.fullmatch(f.value):
                raise self.fail(f, f"number must be digits (with an optional decimal part), not {f.value!r}",
                                "number")
            return rdflib.Literal(f.value, datatype=XSD.decimal if "." in f.value else XSD.integer)
        # xsd:string is written as a plain literal: the same in RDF 1.1, and rdflib only matches a
        # plain "text" in a query against a plain literal in the data.
        return rdflib.Literal(f.value)

    def known(self, f: Fact, key: str, field: str) -> str:
        if key not in self.entities:
            raise self.fail(f, f"unknown entity key {key!r}", field)
        return key

    def add_fact(self, f: Fact, article: ArticleFile, text: str) -> None:
        import rdflib
        from rdflib.namespace import RDF

        if not _ID.fullmatch(f.id):
            raise self.fail(f, f"id must be letters, digits, - or _, not {f.id!r}", "id")
        if f.id in self.claims:
            first = self.claims[f.id]
            raise self.fail(f, f"duplicate fact id {f.id!r} (first at {first.path}, line {first.line})", "id")
        self.claims[f.id] = f
        kind = self.properties.get(f.predicate)
        if kind is None:
            raise self.fail(f, f"unknown predicate {f.predicate!r} (not a property of the ontology)",
                            "predicate")
        if (kind == "object") != (f.kind == "object"):
            wanted = "an entity (object:)" if kind == "object" else "a literal (text:, date: or number:)"
            raise self.fail(f, f"predicate {f.predicate!r} takes {wanted}", f.kind)
        self.check_quote(f, article, text)
        subject = self.iri(self.known(f, f.subject, "subject"))
        predicate, obj = rdflib.URIRef(GCSF + f.predicate), self.term(f)
        self.g.add((subject, predicate, obj))
        claim = rdflib.URIRef(f"{DATA}claim/{f.id}")
        gcsf = rdflib.Namespace(GCSF)
        self.g.add((claim, RDF.type, gcsf.Claim))
        self.g.add((claim, RDF.subject, subject))
        self.g.add((claim, RDF.predicate, predicate))
        self.g.add((claim, RDF.object, obj))
        self.g.add((claim, gcsf.statedIn, self.iri(article.key)))
        self.g.add((claim, gcsf.quote, rdflib.Literal(f.quote)))
        if f.note:
            self.g.add((claim, gcsf.note, rdflib.Literal(f.note)))
        self.add_selectors(claim, selectors(text, f.quote, f.start))

    def add_selectors(self, claim: rdflib.URIRef, found: Selectors) -> None:
        """The W3C Web Annotation selectors of a claim's quote, as parts of the claim (#quote, ...)."""
        import rdflib
        from rdflib.namespace import RDF, XSD

        oa = rdflib.Namespace(OA)
        by_quote, by_position = rdflib.URIRef(f"{claim}#quote"), rdflib.URIRef(f"{claim}#position")
        self.g.add((claim, oa.hasSelector, by_quote))
        self.g.add((claim, oa.hasSelector, by_position))
        self.g.add((by_quote, RDF.type, oa.TextQuoteSelector))
        self.g.add((by_quote, oa.exact, rdflib.Literal(found.exact)))
        self.g.add((by_quote, oa.prefix, rdflib.Literal(found.prefix)))
        self.g.add((by_quote, oa.suffix, rdflib.Literal(found.suffix)))
        self.g.add((by_position, RDF.type, oa.TextPositionSelector))
        self.g.add((by_position, oa.start, rdflib.Literal(found.start, datatype=XSD.nonNegativeInteger)))
        self.g.add((by_position, oa.end, rdflib.Literal(found.end, datatype=XSD.nonNegativeInteger)))

    def check_quote(self, f: Fact, article: ArticleFile, text: str) -> None:
        if text[f.start:f.start + len(f.quote)] == f.quote:
            return
        found = text.find(f.quote)
        if found < 0:
            raise self.fail(f, f"quote is not in {article.file}: {f.quote[:60]!r}", "quote")
        raise self.fail(f, f"quote is not at start {f.start} of {article.file} (it is at {found})", "start")

    def build(self) -> rdflib.Graph:
        texts = {a.key: self.add_article(a) for a in self.curation.articles}
        for e in self.curation.entities:
            self.add_entity(e)
        for a in self.curation.articles:
            for e in a.entities:
                self.add_entity(e)
        for a in self.curation.articles:
            for f in a.facts:
                if f.status == "accepted":
                    self.add_fact(f, a, texts[a.key])
        return self.g


def build_graph(curation: Curation, corpus: str | Path, *,
                ontology: str | Path | None = None) -> rdflib.Graph:
    """The graph the curation states, checked against the articles in ``corpus``."""
    from ..graph import bundled_paths
    from .anchors import CORPUS_VARIABLE

    if not Path(corpus).is_dir():
        raise DataError(f"corpus not found (set {CORPUS_VARIABLE} to the articles' folder)", path=str(corpus))
    return _Builder(curation, Path(corpus), Path(ontology or bundled_paths()["ontology"])).build()


def write_triples(folder: str | Path, corpus: str | Path, output: str | Path) -> Path:
    """Build the curation of ``folder`` and write it as Turtle to ``output``, atomically."""
    graph = build_graph(load_curation(folder), corpus)
    return write_text_atomic(output, HEADER + graph.serialize(format="turtle"))


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file, so a reader never sees half of it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes it private; these files are for everyone to read
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
