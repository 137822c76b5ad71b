"""The SPARQL interface: the library's query(), the example catalogue and the bad-input battery."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import socket
import threading
import time
from decimal import Decimal

import pyoxigraph as ox
import pytest
import rdflib

from gcsf_graph.errors import QueryError, QueryRefused, QuerySyntaxError, QueryTimeout
from gcsf_graph.examples import example, examples
from gcsf_graph.results import format_rows, format_triples
from gcsf_graph.sparql import Rows, Triples, execute

# What each example must return: a few values that must appear in its CSV output.
EXPECTED = {
    "dated-facts": ["Belt and Road Initiative", "--06-10", "reference date", "2023-12-29"],
    "initiatives-proposers": ["Belt and Road Initiative", "Xi Jinping", "2013", "Global Civilization Initiative", "2023-03"],
    "pillars": ["platform for action", "Belt and Road Initiative", "guiding principle", "Common values of humanity"],
    "events-timeline": ["2023-12-27", "Central Conference on Work Relating to Foreign Affairs", "Beijing", "2017-01-18"],
    "events-by-year": ["2017", "2023", "15th BRICS Summit"],
    "agreements-parties": ["Declaration on Strategic Partnership between Azerbaijan and China", "Azerbaijan", "78th session of the UN General Assembly"],
    "relationships": ["Saudi Arabia-Iran diplomatic relations", "diplomatic relations", "China", "2023-03"],
    "statistics-by-subject": ["peacekeepers dispatched", "50000", "over", "contribution to global growth"],
    "article-claims": ["004_457199ae3097467a.txt", "Last August, Xi attended the 15th BRICS Summit"],
    "bri-provenance": ["2013", "003_c2284100606c99e2.txt", "Put forward by President Xi Jinping in 2013, the BRI"],
    "multi-article-entities": ["Global Security Initiative", "Xi Jinping"],
    "xi-events": ["15th BRICS Summit", "2023-08", "San Francisco"],
    "heads-of-state": ["Ilham Aliyev", "Azerbaijan", "Joe Biden", "United States"],
    "posts-holders": ["Ambassador of China to Belgium", "Cao Zhongming", "Belgium"],
    "countries": ["CN", "CHN", "Honduras", "HND"],
    "china-and-organisations": ["World Trade Organization", "promotes its reform", "G20", "European Union"],
    "common-values": ["peace", "development", "equity", "justice", "democracy", "freedom"],
    "principles": ["mutual respect", "New type of international relations", "Five Principles of Peaceful Coexistence"],
    "opposed": ["Hegemonism and power politics", "Cold War mentality", "Protectionism"],
    "source-documents": ["People's Daily", "Guo Jiping", "2024-01-21", "Report to the 20th CPC National Congress"],
    "cited-documents": ["UN Charter", "Report to the 19th CPC National Congress"],
    "platforms": ["China International Import Expo", "Liangzhu Forum", "Alliance for Cultural Heritage in Asia"],
    "climate-cooperation": ["training opportunities provided", "10000", "almost", "2024-10"],
    "derived-dates": ["15th BRICS Summit", "2023-08", "Last August"],
    "initiative-support": ["Global Security Initiative", "100", "Belt and Road Initiative", "150"],
    "articles-mentioning": ["Global Security Initiative", "Global Civilization Initiative"],
    "characterisations": ["most popular international public good", "003_c2284100606c99e2.txt"],
    "concepts-by-scheme": ["pillars of a global community of shared future", "values", "roles"],
    "china-partners": ["Vietnam", "community with a shared future", "Honduras"],
    "vision-structure": ["https://w3id.org/gcsf/id/concept/pillar-goal", "World of lasting peace"],
    "xi-neighbourhood": ["https://w3id.org/gcsf/id/event/15th-brics-summit", "Xi Jinping"],
    "lower-bounds": ["over", "more than", "1800000000"],
    "quote-search": ["Peace talks on the Ukraine crisis", "001_88e954a82fe62d6d.txt", "facilitate peace talks"],
}


def test_the_catalogue_has_at_least_25_described_examples():
    items = examples()
    assert len(items) >= 25
    assert sorted(e.name for e in items) == sorted(EXPECTED)
    for e in items:
        assert e.title and e.description and e.title != e.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_returns_its_expected_answers(kg, name):
    result = execute(kg, example(name).text)
    assert isinstance(result, Rows | Triples)
    if isinstance(result, Rows):
        assert len(result) > 0
        text = format_rows(result, "csv")
    else:
        assert len(result) > 0
        text = format_triples(result, "ntriples")
    for value in EXPECTED[name]:
        assert value in text, f"{name}: {value!r} missing"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_answers_the_same_on_both_engines(kg, kg_rdflib, name):
    a = execute(kg, example(name).text)
    b = execute(kg_rdflib, example(name).text)
    if isinstance(a, Rows):
        assert isinstance(b, Rows)
        # GROUP_CONCAT order is unspecified in SPARQL: compare concatenations as sets.
        def norm(rows):
            return sorted(tuple(sorted(v.split(" | ")) if isinstance(v, str) and " | " in v
                                else [str(v)]) for row in rows for v in row.values())
        assert norm(a) == norm(b)
    else:
        assert isinstance(b, Triples)
        assert {str(t) for t in a.triples} == {str(t) for t in b.triples}


def test_rows_are_dicts_of_python_values(kg):
    rows = kg.query("""SELECT ?name ?date ?n ?iri WHERE {
        ?iri rdfs:label "Central Conference on Work Relating to Foreign Affairs"@en ;
             rdfs:label ?name ; gcsf:startDate ?date .
        ?s gcsf:measure "contribution to global growth" ; gcsf:value ?n }""")
    assert isinstance(rows, Rows)
    row = rows[0]
    assert row == {"name": "Central Conference on Work Relating to Foreign Affairs",
                   "date": dt.date(2023, 12, 27), "n": 30,
                   "iri": "https://w3id.org/gcsf/id/event/central-conference-foreign-affairs-2023"}
    assert isinstance(kg.query("SELECT ?v WHERE { ?s gcsf:unit 'US dollars' ; gcsf:value ?v }")[0]["v"], int)


def test_decimal_and_dataframe(kg):
    import pandas
    rows = kg.query("SELECT ?c ?a2 WHERE { ?c gcsf:iso3166Alpha2 ?a2 } ORDER BY ?a2")
    frame = rows.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["c", "a2"] and "CN" in set(frame["a2"])
    assert Decimal("1.5") == execute(kg, "SELECT (1.5 AS ?x) WHERE {}")[0]["x"]


def test_ask_is_a_bool_and_construct_is_a_graph(kg):
    assert kg.query("ASK { initiative:bri gcsf:proposedBy person:xi-jinping }") is True
    assert kg.query("ASK { initiative:bri gcsf:proposedBy country:USA }") is False
    graph = kg.query(example("vision-structure").text)
    assert isinstance(graph, rdflib.Graph) and len(graph) > 10


def test_standard_prefixes_need_no_declaration(kg):
    for prefix in ("gcsf", "rdf", "rdfs", "owl", "xsd", "skos", "schema", "prov", "dcterms", "org"):
        assert isinstance(kg.query(f"SELECT * WHERE {{ ?s ?p {prefix}:x }} LIMIT 1"), Rows)
    declared = kg.query("PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:p ?o }")
    assert len(declared) == 0


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_bindings_are_values_not_text(kg, kg_rdflib, engine):
    graph = kg if engine == "oxigraph" else kg_rdflib
    query = "SELECT ?e ?name WHERE { ?e rdfs:label ?name ; a gcsf:Person }"
    rows = graph.query(query, bindings={"name": rdflib.Literal("Xi Jinping", lang="en")})
    assert [r["e"] for r in rows] == ["https://w3id.org/gcsf/id/person/xi-jinping"]
    # a hostile value stays a value: it cannot change the query
    hostile = 'x" } UNION { ?e ?p ?name } #'
    assert len(graph.query(query, bindings={"name": hostile})) == 0
    iri = graph.query("SELECT ?e ?l WHERE { ?e rdfs:label ?l }",
                      bindings={"e": ox.NamedNode("https://w3id.org/gcsf/id/country/BEL")})
    assert [r["l"] for r in iri] == ["Belgium"]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_quote_search_takes_its_phrase_as_a_binding(kg, kg_rdflib, engine):
    graph = kg if engine == "oxigraph" else kg_rdflib
    rows = graph.query(example("quote-search").text, bindings={"text": "CEASEFIRE"})
    assert rows and all("ceasefire" in r["quote"].lower() for r in rows)
    assert {r["file"] for r in rows} == {"001_88e954a82fe62d6d.txt"}


def test_limit_cuts_and_says_so(kg):
    rows = execute(kg, "SELECT ?s WHERE { ?s a gcsf:Claim }", limit=5)
    assert len(rows) == 5 and rows.truncated
    whole = execute(kg, "SELECT ?s WHERE { ?s a gcsf:Country }", limit=500)
    assert not whole.truncated


# ------------------------------------------------------------------ the bad-input battery


def test_malformed_query_names_line_and_column(kg):
    with pytest.raises(QuerySyntaxError) as info:
        kg.query("SELECT ?x WHERE {\n  ?x a gcsf:Person\n  FILTER(\n}")
    assert info.value.line == 4 and info.value.column == 1
    assert "line 4, column 1" in str(info.value)
    assert "\n    }\n    ^" in str(info.value)


def test_unknown_prefix_suggests_near_prefixes(kg):
    with pytest.raises(QuerySyntaxError) as info:
        kg.query("SELECT ?x WHERE {\n ?x a gcsff:Person }")
    assert info.value.line == 2 and info.value.column == 7
    assert "unknown prefix 'gcsff:'" in str(info.value) and "gcsf:" in str(info.value)


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "DROP ALL",
    "CLEAR DEFAULT",
    "CREATE GRAPH <http://g>",
    "prefix ex: <http://e/> insert { ?s ex:p 1 } where { ?s ?p ?o }",
])
def test_updates_are_refused(kg, update):
    before = len(kg)
    with pytest.raises(QueryRefused):
        kg.query(update)
    assert len(kg) == before


def test_keywords_inside_strings_and_iris_are_not_refused(kg):
    rows = kg.query('SELECT ("DROP ALL; INSERT from SERVICE" AS ?x) ?y WHERE { '
                    'OPTIONAL { ?y <http://example.org/delete> ?z } } # DELETE in a comment')
    assert rows[0]["x"] == "DROP ALL; INSERT from SERVICE"


@pytest.fixture
def listener():
    """A local TCP listener that records whether anything connected to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    hits = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
                hits.append(1)
                conn.close()
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join(1)
    server.close()


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <http://127.0.0.1:{port}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "SELECT * FROM <file:///etc/passwd> WHERE {{ ?s ?p ?o }}",
])
def test_service_and_from_are_refused_without_any_connection(kg, kg_rdflib, listener, engine, template):
    port, hits = listener
    graph = kg if engine == "oxigraph" else kg_rdflib
    with pytest.raises(QueryRefused):
        graph.query(template.format(port=port))
    time.sleep(0.3)
    assert hits == []


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_runaway_query_times_out_and_the_next_query_works(kg, kg_rdflib, engine):
    graph = kg if engine == "oxigraph" else kg_rdflib
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=1)
    assert time.monotonic() - started < 10
    assert graph.query("ASK { country:CHN a gcsf:Country }") is True


def test_results_within_the_timeout_come_back(kg):
    rows = kg.query("SELECT ?c WHERE { ?c a gcsf:Country }", timeout=30)
    assert len(rows) == 15


def test_runtime_errors_are_query_errors(kg):
    with pytest.raises(QueryError):
        kg.query("SELECT ?x WHERE { ?x ?p ?o }", bindings={"nope": "value"})


# ------------------------------------------------------------------ formats parse back


def test_csv_json_tsv_parse_back(kg):
    rows = execute(kg, example("statistics-by-subject").text)
    assert isinstance(rows, Rows)
    parsed_csv = list(csv.DictReader(io.StringIO(format_rows(rows, "csv"))))
    assert len(parsed_csv) == len(rows) and parsed_csv[0].keys() == set(rows.variables)
    body = json.loads(format_rows(rows, "json"))
    assert body["head"]["vars"] == rows.variables
    assert len(body["results"]["bindings"]) == len(rows)
    reread = ox.parse_query_results(format_rows(rows, "json").encode(), format=ox.QueryResultsFormat.JSON)
    assert len(list(reread)) == len(rows)
    tsv = ox.parse_query_results(format_rows(rows, "tsv").encode(), format=ox.QueryResultsFormat.TSV)
    assert len(list(tsv)) == len(rows)
