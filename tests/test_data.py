"""The curated data: every fact traceable to a verbatim quote in its article."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pycountry
import pytest

from gcsf_graph.sparql import query


def rows(kg, sparql, **bindings):
    return list(query(kg, sparql, bindings=bindings))


def test_every_quote_is_verbatim_in_its_article(kg, seeds):
    claims = rows(kg, """SELECT ?claim ?file ?quote WHERE {
        ?claim a gcsf:Claim ; gcsf:statedIn ?doc ; gcsf:quote ?quote .
        ?doc dcterms:identifier ?file }""")
    assert len(claims) > 500
    missing = [(r["file"], r["quote"]) for r in claims if r["quote"] not in seeds[r["file"]]]
    assert missing == []


def test_every_claim_cites_one_of_the_five_articles(kg, seeds):
    docs = {r["file"] for r in rows(kg, """SELECT DISTINCT ?file WHERE {
        ?c a gcsf:Claim ; gcsf:statedIn ?d . ?d dcterms:identifier ?file }""")}
    assert docs == set(seeds)


def test_every_fact_triple_has_a_claim(kg):
    orphans = rows(kg, """SELECT ?s ?p ?o WHERE {
        ?p a gcsf:FactProperty . ?s ?p ?o .
        FILTER NOT EXISTS { ?c a gcsf:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }""")
    assert orphans == []


def test_every_claim_names_an_asserted_triple(kg):
    dangling = rows(kg, """SELECT ?c WHERE {
        ?c a gcsf:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
        FILTER NOT EXISTS { ?s ?p ?o } }""")
    assert dangling == []


def test_only_known_predicates_are_used(kg):
    unknown = rows(kg, """SELECT DISTINCT ?p WHERE {
        ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(gcsf:)))
        FILTER NOT EXISTS { ?p a ?kind . VALUES ?kind { owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty } } }""")
    assert unknown == []


@pytest.mark.slow  # the reasoner: pySHACL with RDFS inference over the whole graph
def test_shacl_conforms(bundled_report):
    assert bundled_report.conforms, bundled_report.text


def test_every_entity_has_a_label_and_a_gcsf_type(kg):
    unlabelled = rows(kg, """SELECT ?e WHERE {
        { ?e ?p ?o } UNION { ?s ?p ?e }
        FILTER(isIRI(?e) && STRSTARTS(STR(?e), "https://w3id.org/gcsf/id/"))
        FILTER NOT EXISTS { ?e a gcsf:Claim }
        FILTER NOT EXISTS { ?claim oa:hasSelector ?e }
        FILTER NOT EXISTS { ?e rdfs:label ?l ; a ?t FILTER(STRSTARTS(STR(?t), STR(gcsf:))) } }""")
    assert unlabelled == []


def test_no_two_entities_share_a_label_and_type(kg):
    pairs = Counter((r["label"], r["type"]) for r in rows(kg, """SELECT ?e ?label ?type WHERE {
        ?e a ?type ; rdfs:label ?label . FILTER(?type != gcsf:Claim) }"""))
    assert [k for k, n in pairs.items() if n > 1] == []


def test_every_entity_is_backed_by_some_claim(kg):
    # Nothing invented: each entity (other than claims) takes part in a claimed fact.
    loose = rows(kg, """SELECT ?e WHERE {
        ?e rdfs:label ?l . FILTER(STRSTARTS(STR(?e), "https://w3id.org/gcsf/id/"))
        FILTER NOT EXISTS { ?c rdf:subject ?e } FILTER NOT EXISTS { ?c rdf:object ?e } }""")
    assert [r["e"] for r in loose] == []


def _fold(text):
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())


def test_every_alias_is_a_name_the_articles_use(kg, seeds):
    corpus = _fold(" ".join(seeds.values()))
    aliases = {r["alias"] for r in rows(kg, "SELECT ?alias WHERE { ?e skos:altLabel ?alias }")}
    assert aliases
    assert sorted(a for a in aliases if _fold(a) not in corpus) == []


def test_country_codes_agree_with_iso_3166(kg):
    countries = rows(kg, """SELECT ?c ?a2 ?a3 WHERE {
        ?c a gcsf:Country ; gcsf:iso3166Alpha2 ?a2 ; gcsf:iso3166Alpha3 ?a3 }""")
    assert len(countries) >= 15
    for r in countries:
        record = pycountry.countries.get(alpha_3=r["a3"])
        assert record is not None and record.alpha_2 == r["a2"], r
        assert r["c"].endswith(f"/country/{r['a3']}")


def test_dates_are_typed_literals(kg):
    untyped = rows(kg, """SELECT ?s ?p ?d WHERE {
        VALUES ?p { gcsf:startDate gcsf:endDate gcsf:dateProposed gcsf:dateEstablished
                    gcsf:dateAdopted gcsf:datePublished gcsf:referenceDate }
        ?s ?p ?d .
        FILTER(DATATYPE(?d) NOT IN (xsd:date, xsd:gYearMonth, xsd:gYear)) }""")
    assert untyped == []


def test_derived_dates_say_how_they_were_derived(kg):
    noted = rows(kg, """SELECT ?note WHERE {
        ?c rdf:subject ?e ; rdf:predicate gcsf:startDate ; gcsf:note ?note .
        ?e rdfs:label "15th BRICS Summit"@en }""")
    assert any("Last August" in r["note"] for r in noted)


def test_the_five_articles_are_documents_with_their_file_names(kg, seeds):
    articles = rows(kg, """SELECT ?file ?title WHERE {
        ?a a gcsf:Article ; dcterms:identifier ?file ; gcsf:title ?title }""")
    assert {r["file"] for r in articles} == set(seeds)
    for r in articles:
        assert r["title"] in seeds[r["file"]]


@pytest.mark.parametrize("kind", ["Person", "Country", "Organization", "Initiative", "Event",
                                  "Agreement", "SourceDocument", "Concept", "Statistic",
                                  "BilateralRelationship", "Post", "Tenure"])
def test_every_kind_of_entity_is_present(kg, kind):
    assert query(kg, f"ASK {{ ?e a/rdfs:subClassOf* gcsf:{kind} }}")


def test_every_claim_is_anchored_at_its_quote(kg):
    anchors = rows(kg, """SELECT ?claim ?quote ?exact ?start ?end WHERE {
        ?claim a gcsf:Claim ; gcsf:quote ?quote ; oa:hasSelector ?q , ?p .
        ?q a oa:TextQuoteSelector ; oa:exact ?exact . ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }""")
    assert len(anchors) == len(rows(kg, "SELECT ?c WHERE { ?c a gcsf:Claim }")) > 500
    assert [r["claim"] for r in anchors if r["exact"] != r["quote"] or r["end"] - r["start"] != len(r["quote"])] == []


def test_every_selector_points_at_its_quote_in_the_article(kg, seeds):
    anchors = rows(kg, """SELECT ?file ?quote ?prefix ?suffix ?start ?end WHERE {
        ?claim gcsf:quote ?quote ; gcsf:statedIn/dcterms:identifier ?file ; oa:hasSelector ?q , ?p .
        ?q oa:prefix ?prefix ; oa:suffix ?suffix . ?p oa:start ?start ; oa:end ?end }""")
    assert len(anchors) > 500
    wrong = [r for r in anchors if seeds[r["file"]][r["start"]:r["end"]] != r["quote"]
             or not seeds[r["file"]][:r["start"]].endswith(r["prefix"])
             or not seeds[r["file"]][r["end"]:].startswith(r["suffix"])]
    assert wrong == []


def test_every_article_carries_the_checksum_of_its_text(kg, seeds):
    from gcsf_graph.curation import sha256

    sums = {r["file"]: r["sum"] for r in rows(kg, """SELECT ?file ?sum WHERE {
        ?a a gcsf:Article ; dcterms:identifier ?file ; gcsf:sha256 ?sum }""")}
    assert sums == {name: sha256(text) for name, text in seeds.items()}
