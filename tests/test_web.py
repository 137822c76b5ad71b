"""The web server in-process: the SPARQL 1.1 Protocol (the W3C manifest's query cases), its
limits and refusals, the Linked Data pages, the vocabulary page and the static site."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from conftest import RESOURCES
from starlette.testclient import TestClient

from gcsf_graph import load
from gcsf_graph.web import Settings, create_app, write_site

HOSTS = ("testserver", "www.example")
KASEI = "http://kasei.us/2009/09/sparql/data/"


@pytest.fixture(scope="module")
def client(kg):
    with TestClient(create_app(kg, Settings(allowed_hosts=HOSTS))) as c:
        yield c


# --------------------------------------------------------------------------- W3C protocol manifest

# The query tests of the W3C SPARQL 1.1 Protocol test manifest (rdf-tests, sparql/sparql11/protocol/
# manifest.ttl), written as data: request method, path with its query string, Content-Type, body,
# and the expected outcome ("true": a boolean result true; "boolean", "tabular", "rdf": a 2xx
# answer of that kind; "4xx": refused). The data graphs data1..data3 are named graphs in a TriG file.
@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: str
    content_type: str | None
    body: bytes
    expect: str


D0 = "default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf"
G = "http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2F"
ASK_12 = f"ASK {{ <{KASEI}data1.rdf> a ?type . <{KASEI}data2.rdf> a ?type . }}"
ASK_NAMED = f"ASK {{ GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }} GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }} }}"
ASK_FULL = (f"ASK {{\n  <{KASEI}data3.rdf> a ?type\n  GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }}\n"
            f"  GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }}\n}}")
Q = "application/sparql-query"
FORM = "application/x-www-form-urlencoded"

W3C_CASES = [
    Case("query_post_form", "POST", f"/sparql/?{D0}", FORM, b"query=ASK%20%7B%7D", "true"),
    Case("query_dataset_default_graphs_get", "GET",
         "/sparql/?query=ASK%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype%20.%20"
         "%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a%20%3Ftype%20.%20%7D"
         f"&default-graph-uri={G}data1.rdf&default-graph-uri={G}data2.rdf", None, b"", "true"),
    Case("query_dataset_default_graphs_post", "POST",
         f"/sparql/?default-graph-uri={G}data1.rdf&default-graph-uri={G}data2.rdf", Q, ASK_12.encode(), "true"),
    Case("query_dataset_named_graphs_post", "POST",
         f"/sparql/?named-graph-uri={G}data1.rdf&named-graph-uri={G}data2.rdf", Q, ASK_NAMED.encode(), "true"),
    Case("query_dataset_named_graphs_get", "GET",
         "/sparql/?query=ASK%20%7B%20GRAPH%20%3Fg1%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E"
         "%20a%20%3Ftype%20%7D%20GRAPH%20%3Fg2%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a"
         f"%20%3Ftype%20%7D%20%7D&named-graph-uri={G}data1.rdf&named-graph-uri={G}data2.rdf", None, b"", "true"),
    Case("query_dataset_full", "POST",
         f"/sparql/?default-graph-uri={G}data3.rdf&named-graph-uri={G}data1.rdf&named-graph-uri={G}data2.rdf",
         Q, ASK_FULL.encode(), "true"),
    Case("query_multiple_dataset", "POST",
         f"/sparql/?named-graph-uri={G}data1.rdf%26named-graph-uri%3D{G}data2.rdf", Q,
         f"ASK FROM <{KASEI}data3.rdf> {{ GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }} "
         f"GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }} }}".encode(), "true"),
    Case("query_get", "GET", f"/sparql/?query=ASK%20%7B%7D&{D0}", None, b"", "true"),
    Case("query_content_type_select", "POST", f"/sparql/?{D0}", Q, b"SELECT (1 AS ?value) {}", "tabular"),
    Case("query_content_type_ask", "POST", f"/sparql/?{D0}", Q, b"ASK {}", "boolean"),
    Case("query_content_type_describe", "POST", f"/sparql/?{D0}", Q, b"DESCRIBE <http://example.org/>", "rdf"),
    Case("query_content_type_construct", "POST", f"/sparql/?{D0}", Q, b"CONSTRUCT { <s> <p> 1 } WHERE {}", "rdf"),
    Case("query_post_direct", "POST", "/sparql/", Q, b"ASK {}", "true"),
    Case("bad_query_method", "PUT", f"/sparql/?query=ASK%20%7B%7D&{D0}", FORM, b"", "4xx"),
    Case("bad_multiple_queries", "GET", "/sparql/?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", None, b"", "4xx"),
    Case("bad_query_wrong_media_type", "POST", "/sparql/", "text/plain", b"ASK {}", "4xx"),
    Case("bad_query_missing_form_type", "POST", "/sparql/", None, b"query=ASK%20%7B%7D", "4xx"),
    Case("bad_query_missing_direct_type", "POST", "/sparql/", None, b"ASK {}", "4xx"),
    Case("bad_query_non_utf8", "POST", "/sparql/", "application/sparql-query; charset=UTF-16",
         "ASK {}".encode("utf-16"), "4xx"),
    Case("bad_query_syntax", "GET", "/sparql/?query=ASK%20%7B", None, b"", "4xx"),
    # The update tests: this endpoint is read-only, so every update is refused with a 4xx.
    Case("update_post_form", "POST", "/sparql/", FORM, b"update=CLEAR+ALL", "4xx"),
    Case("update_post_direct", "POST", "/sparql/", "application/sparql-update", b"CLEAR ALL", "4xx"),
    Case("bad_update_get", "GET", "/sparql/?update=CLEAR%20ALL", None, b"", "4xx"),
    Case("bad_multiple_updates", "POST", "/sparql/", FORM, b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", "4xx"),
    Case("bad_update_wrong_media_type", "POST", "/sparql/", "text/plain", b"CLEAR NAMED", "4xx"),
    Case("bad_update_missing_form_type", "POST", "/sparql/", None, b"update=CLEAR%20NAMED", "4xx"),
    Case("bad_update_non_utf8", "POST", "/sparql/", "application/sparql-update; charset=UTF-16",
         "CLEAR NAMED".encode("utf-16"), "4xx"),
    Case("bad_update_syntax", "POST", "/sparql/", FORM, b"update=CLEAR%20XYZ", "4xx"),
    Case("bad_update_dataset_conflict", "POST", f"/sparql/?using-graph-uri={G}data1.rdf",
         "application/sparql-update", f"CLEAR ALL ; INSERT {{ GRAPH <http://example.org/x> {{ ?s a ?t }} }} "
         f"USING <{KASEI}data1.rdf> WHERE {{ ?s a ?t }}".encode(), "4xx"),
]


@pytest.fixture(scope="module")
def w3c(tmp_path_factory):
    data = tmp_path_factory.mktemp("w3c") / "protocol.trig"
    data.write_text("".join(
        f"<{KASEI}data{n}.rdf> {{ <{KASEI}data{n}.rdf> a <http://xmlns.com/foaf/0.1/Document> . }}\n"
        for n in (1, 2, 3)), encoding="utf-8")
    with TestClient(create_app(load(data, ontology=False), Settings(allowed_hosts=HOSTS)),
                    base_url="http://www.example") as c:
        yield c


def _send(client, case: Case):
    headers = {"content-type": case.content_type} if case.content_type else {}
    if case.method == "POST" and not case.content_type:
        headers["content-type"] = ""  # the test sends no media type at all
    return client.request(case.method, case.path, content=case.body or None, headers=headers)


# The manifest's query_multiple_dataset writes "&" inside the value (%26), so by the protocol's
# own parsing its dataset names one graph, which the store does not hold: the answer is false.
KNOWN = {"query_multiple_dataset": "the manifest encodes & inside the named-graph-uri value"}


@pytest.mark.parametrize("case", W3C_CASES, ids=lambda c: c.name)
def test_w3c_protocol_case(w3c, case, request):
    if case.name in KNOWN:
        request.applymarker(pytest.mark.xfail(reason=KNOWN[case.name], strict=True))
    response = _send(w3c, case)
    kind = response.headers.get("content-type", "").split(";")[0]
    if case.expect == "4xx":
        assert 400 <= response.status_code < 500, response.text
        return
    assert 200 <= response.status_code < 400, response.text
    if case.expect in ("true", "boolean"):
        assert kind == "application/sparql-results+json"
        assert isinstance(response.json()["boolean"], bool)
        if case.expect == "true":
            assert response.json()["boolean"] is True
    elif case.expect == "tabular":
        assert kind in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                        "text/tab-separated-values")
        assert response.json()["results"]["bindings"][0]["value"]["value"] == "1"
    else:
        assert kind in ("text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json")
        ox.parse(response.content, format=ox.RdfFormat.TURTLE)


def test_the_protocol_dataset_overrides_from(w3c):
    query = f"ASK FROM <{KASEI}data3.rdf> {{ <{KASEI}data1.rdf> a ?t }}"
    assert w3c.get("/sparql", params={"query": query}).json()["boolean"] is False
    assert w3c.get("/sparql", params={"query": query, "default-graph-uri": f"{KASEI}data1.rdf"}).json()["boolean"]


def test_from_only_picks_graphs_in_the_store(w3c):
    # FROM a graph the store lacks is an empty graph: nothing is fetched
    query = "SELECT * FROM <http://127.0.0.1:9/never-fetched> WHERE { ?s ?p ?o }"
    response = w3c.get("/sparql", params={"query": query})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"] == []


def test_trig_data_keeps_its_named_graphs(w3c):
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    rows = list(csv.reader(io.StringIO(w3c.get("/sparql", params={"query": query},
                                               headers={"accept": "text/csv"}).text)))
    assert rows == [["g", "n"], *([f"{KASEI}data{n}.rdf", "1"] for n in (1, 2, 3))]


def test_service_description_names_the_endpoint_and_graphs(w3c):
    response = w3c.get("/sparql/")
    assert response.headers["content-type"].startswith("text/turtle")
    store = ox.Store()
    store.load(response.content, format=ox.RdfFormat.TURTLE)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert store.query(f"ASK {{ <http://www.example/sparql/> <{sd}endpoint> ?e ; <{sd}supportedLanguage> <{sd}SPARQL11Query> }}")
    graphs = {s["g"].value for s in store.query(f"SELECT ?g {{ ?d <{sd}namedGraph> [ <{sd}name> ?g ] }}")}
    assert graphs == {f"{KASEI}data{n}.rdf" for n in (1, 2, 3)}


# --------------------------------------------------------------------------- answers and errors

PEOPLE = "SELECT ?p ?l WHERE { ?p a gcsf:Person ; rdfs:label ?l } ORDER BY ?l"


@pytest.mark.parametrize(("accept", "media"), [
    (None, "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
])
def test_select_answers_in_the_accepted_format(client, kg, accept, media):
    response = client.get("/sparql", params={"query": PEOPLE}, headers={"accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert response.headers["vary"] == "Accept"
    expected = len(kg.query(PEOPLE))
    if media == "text/csv":
        assert len(list(csv.reader(io.StringIO(response.text)))) == expected + 1
    elif media.endswith("json"):
        assert len(response.json()["results"]["bindings"]) == expected


@pytest.mark.parametrize(("accept", "fmt"), [
    ("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD), ("application/rdf+xml", ox.RdfFormat.RDF_XML)])
def test_construct_answers_in_each_rdf_format(client, accept, fmt):
    query = "CONSTRUCT { ?p a gcsf:Person } WHERE { ?p a gcsf:Person }"
    response = client.post("/sparql", data={"query": query}, headers={"accept": accept})
    assert response.headers["content-type"].split(";")[0] == accept
    triples = list(ox.parse(response.content, format=fmt))
    assert len(triples) == len(client.get("/sparql", params={"query": query.replace("CONSTRUCT { ?p a gcsf:Person }", "SELECT ?p")}).json()["results"]["bindings"])


def test_an_unknown_accept_type_is_406_listing_the_formats(client):
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text


def test_the_format_parameter_overrides_accept(client):
    response = client.get("/sparql", params={"query": PEOPLE, "format": "tsv"}, headers={"accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/tab-separated-values")


def test_a_syntax_error_is_400_with_line_and_column(client):
    response = client.post("/sparql", content=b"SELECT ?x WHERE {\n  ?x a gcsf:Person \n", headers={"content-type": Q})
    assert response.status_code == 400
    assert re.match(r"line \d+, column \d+: malformed query", response.text)


def test_an_unknown_prefix_is_400_with_a_suggestion(client):
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x a gcsd:Person }"})
    assert response.status_code == 400
    assert "did you mean gcsf:" in response.text


@pytest.mark.parametrize("query", ["DROP ALL", "INSERT DATA { <a:b> <a:c> <a:d> }", "LOAD <http://127.0.0.1:9/x>"])
def test_updates_are_refused_with_403(client, query):
    for response in (client.get("/sparql", params={"query": query}),
                     client.post("/sparql", data={"update": query}),
                     client.post("/sparql", content=query.encode(), headers={"content-type": "application/sparql-update"})):
        assert response.status_code == 403, response.text


def test_service_is_refused(client):
    response = client.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert response.status_code == 403
    assert "SERVICE is off" in response.text


def test_a_query_and_an_update_together_are_400(client):
    response = client.post("/sparql?query=ASK%20%7B%7D", data={"update": "CLEAR ALL"})
    assert response.status_code == 400
    assert "a query and an update" in response.text


def test_a_body_of_10_mb_is_413(client):
    response = client.post("/sparql", content=b"ASK {}" + b" " * 10_000_000, headers={"content-type": Q})
    assert response.status_code == 413


def test_a_long_query_in_the_url_is_413():
    with TestClient(create_app(load(), Settings(allowed_hosts=HOSTS, max_query_chars=1000))) as c:
        response = c.get("/sparql", params={"query": "ASK {}" + " " * 2000})
    assert response.status_code == 413


def test_invalid_utf8_in_the_body_is_400(client):
    response = client.post("/sparql", content=b"ASK { <a:\xff> ?p ?o }", headers={"content-type": Q})
    assert response.status_code == 400
    assert "UTF-8" in response.text


def test_the_row_cap_cuts_and_says_so(kg):
    with TestClient(create_app(kg, Settings(allowed_hosts=HOSTS, max_rows=3))) as c:
        response = c.get("/sparql", params={"query": PEOPLE})
    assert len(response.json()["results"]["bindings"]) == 3
    assert response.headers["gcsf-truncated"] == "true"


SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")


def test_a_slow_query_is_stopped_and_the_server_answers_on(kg):
    with TestClient(create_app(kg, Settings(allowed_hosts=HOSTS, timeout=1.0, workers=1))) as c:
        started = time.monotonic()
        response = c.get("/sparql", params={"query": SLOW})
        assert response.status_code == 503
        assert "time limit" in response.text
        assert time.monotonic() - started < 10
        assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_too_many_queries_at_once_get_503_with_retry_after(kg):
    import httpx

    app = create_app(kg, Settings(allowed_hosts=HOSTS, timeout=3.0, workers=1, queue=1))

    async def burst():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            return await asyncio.gather(*(c.get("/sparql", params={"query": SLOW}) for _ in range(6)))

    try:
        responses = asyncio.run(burst())
    finally:
        app.state.pool.close()
    busy = [r for r in responses if r.headers.get("retry-after") == "1"]
    # one runs (and times out), one waits (and gives up), the other four are turned away at once
    assert len(busy) >= 4
    assert all(r.status_code == 503 for r in responses)


# --------------------------------------------------------------------------- security headers

def test_a_foreign_host_header_is_refused(client):
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"host": "attacker.example"})
    assert response.status_code == 400


def test_no_cors_unless_asked(client, kg):
    headers = {"origin": "https://elsewhere.example"}
    response = client.get("/sparql", params={"query": "ASK {}"}, headers=headers)
    assert "access-control-allow-origin" not in response.headers
    with TestClient(create_app(kg, Settings(allowed_hosts=HOSTS, cors=("https://elsewhere.example",)))) as c:
        allowed = c.get("/sparql", params={"query": "ASK {}"}, headers=headers)
    assert allowed.headers["access-control-allow-origin"] == "https://elsewhere.example"


def test_every_response_has_a_strict_content_security_policy(client):
    for path in ("/", "/sparql?query=ASK%20%7B%7D", "/id/person/xi-jinping", "/ontology", "/id/person/nobody"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


# --------------------------------------------------------------------------- pages

class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [v for k, v in attrs if k in ("href", "src") and v]

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Links:
    page = Links()
    page.feed(html)
    return page


def test_entity_page_shows_facts_quotes_and_neighbours(client, kg):
    from gcsf_graph.entities import describe

    html = client.get("/id/person/xi-jinping").text
    page = parse(html)
    text = " ".join(page.text)
    described = describe(kg, "person:xi-jinping")
    assert "Xi Jinping" in text
    fact = described.incoming["participant"][0]
    assert fact.value in text and fact.sources[0].quote in text
    neighbours = {f.value_iri for facts in [*described.outgoing.values(), *described.incoming.values()]
                  for f in facts if f.value_iri}
    linked = {h for h in page.hrefs if h.startswith("/id/")}
    assert {"/id/" + iri.split("/id/", 1)[1] for iri in neighbours} <= linked
    for href in sorted(linked)[:5]:  # the links lead to pages
        assert client.get(href).status_code == 200


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", ox.RdfFormat.TURTLE),
                                             ("application/ld+json", ox.RdfFormat.JSON_LD)])
def test_entity_page_as_rdf_by_accept(client, accept, fmt):
    response = client.get("/id/initiative/bri", headers={"accept": accept})
    assert response.headers["content-type"].startswith(accept)
    store = ox.Store()
    store.load(response.content, format=fmt)
    bri = "https://w3id.org/gcsf/id/initiative/bri"
    assert store.query(f"ASK {{ <{bri}> <https://w3id.org/gcsf/ont#proposedBy> ?who }}")
    assert store.query(f"ASK {{ ?c <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{bri}> ; <https://w3id.org/gcsf/ont#quote> ?q }}")


def test_an_unknown_entity_is_404_with_suggestions(client):
    response = client.get("/id/person/xi-jinpin")
    assert response.status_code == 404
    assert '<a href="/id/person/xi-jinping">Xi Jinping</a>' in response.text


def test_ontology_page_lists_every_term_with_use_and_example(client, kg):
    html = client.get("/ontology").text
    terms = kg.query("SELECT ?t WHERE { ?t a ?k VALUES ?k { owl:Class owl:ObjectProperty owl:DatatypeProperty } "
                     "FILTER(STRSTARTS(STR(?t), STR(gcsf:))) }")
    for row in terms:
        assert f'id="{row["t"].split("#")[1]}"' in html
    persons = kg.query("SELECT (COUNT(?p) AS ?n) WHERE { ?p a gcsf:Person }")[0]["n"]
    assert re.search(rf'id="Person".*?{persons:,} instances', html, re.S)
    proposed = re.search(r'id="proposedBy".*?</dd>', html, re.S).group()
    assert "schema:" in proposed or "prov:" in proposed or "closeMatch" in proposed or "subPropertyOf" in proposed
    assert '<blockquote class="quote">' in proposed


def test_article_page_lists_its_claims_in_text_order(kg, seeds, tmp_path):
    from conftest import seeds_dir

    with TestClient(create_app(kg, Settings(allowed_hosts=HOSTS, articles=seeds_dir()))) as c:
        html = c.get("/id/doc/003_c2284100606c99e2").text
    quotes = [unquote(q) for q in re.findall(r'<li class="claim">.*?<blockquote class="quote">“(.*?)”', html, re.S)]
    claims = kg.query("SELECT (COUNT(?c) AS ?n) WHERE { ?c gcsf:statedIn doc:003_c2284100606c99e2 }")[0]["n"]
    assert len(quotes) == claims > 10
    import html as html_lib

    text = " ".join(seeds["003_c2284100606c99e2.txt"].split())
    positions = [text.find(" ".join(html_lib.unescape(q).split())) for q in quotes]
    found = [p for p in positions if p >= 0]
    assert len(found) > 0.9 * len(positions)
    assert found == sorted(found)


def test_with_the_articles_a_quote_shows_inside_its_text(kg, seeds):
    from conftest import seeds_dir

    with TestClient(create_app(kg, Settings(allowed_hosts=HOSTS, articles=seeds_dir()))) as c:
        person = c.get("/id/person/guo-jiping").text
        article = c.get("/id/doc/004_457199ae3097467a").text
    quote = re.search(r'<blockquote class="quote in-context"><span class="context">(.*?)</span>'
                      r"<mark>(.*?)</mark><span class=\"context\">(.*?)</span>", person, re.S)
    assert quote is not None
    before, marked, after = quote.groups()
    assert marked == "By Guo Jiping, People’s Daily"
    assert before.strip().endswith("7 Min Read")  # the line before the byline
    assert after.strip().startswith("The year of 2023 was the first year for fully implementing")
    assert 'class="notice"' not in person
    # the article's page shows its text with the claims' quotes marked
    text = re.search(r'<section class="text">(.*?)</section>', article, re.S).group(1)
    assert "<mark>By Guo Jiping, People’s Daily</mark>" in text
    assert len(re.findall("<mark>", text)) > 10


def test_without_the_articles_a_quote_shows_alone(client):
    html = client.get("/id/person/guo-jiping").text
    assert '<blockquote class="quote">“By Guo Jiping, People’s Daily”' in html
    assert "in-context" not in html and "<mark>" not in html and 'class="notice"' not in html


_HOSTILE = "Title\n<script>alert(1)</script> said: <img src=x onerror=alert(2)> rose. Then <b>more</b> came.\n"


def _hostile_corpus(tmp_path, text):
    """A one-claim graph on an article whose text is hostile, and the folder of that text."""
    from gcsf_graph.curation import sha256

    quote = "<img src=x onerror=alert(2)> rose."
    start = _HOSTILE.index(quote)
    ttl = tmp_path / "hostile.ttl"
    ttl.write_text(f"""
@prefix gcsf: <https://w3id.org/gcsf/ont#> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> . @prefix ex: <https://w3id.org/gcsf/id/test/> .
ex:doc a gcsf:Article ; rdfs:label "Hostile" ; dcterms:identifier "hostile.txt" ; gcsf:sha256 "{sha256(_HOSTILE)}" .
ex:a a gcsf:Person ; rdfs:label "A" . ex:b a gcsf:Country ; rdfs:label "B" . ex:a gcsf:memberOf ex:b .
ex:c a gcsf:Claim ; rdf:subject ex:a ; rdf:predicate gcsf:memberOf ; rdf:object ex:b ; gcsf:statedIn ex:doc ;
    gcsf:quote {json.dumps(quote)} ; oa:hasSelector ex:c-at .
ex:c-at a oa:TextPositionSelector ; oa:start {start} ; oa:end {start + len(quote)} .
""", encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "hostile.txt").write_text(text, encoding="utf-8")
    return load(ttl), articles


def test_a_quote_in_its_text_is_escaped(tmp_path):
    from gcsf_graph.web.pages import Links, entity_html

    kg, articles = _hostile_corpus(tmp_path, _HOSTILE)
    for iri in ("https://w3id.org/gcsf/id/test/a", "https://w3id.org/gcsf/id/test/doc"):
        html = entity_html(kg, iri, Links(), articles=articles)
        parsed = parse(html)
        assert not {"img", "script", "b"} & set(parsed.tags), iri
        assert "<mark>&lt;img src=x onerror=alert(2)&gt; rose.</mark>" in html
    person = entity_html(kg, "https://w3id.org/gcsf/id/test/a", Links(), articles=articles)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; said: " in person  # the text before, escaped
    assert " Then &lt;b&gt;more&lt;/b&gt; came." in person  # and after


def test_a_text_that_is_not_the_curated_one_gives_no_context_but_a_notice(tmp_path):
    from gcsf_graph.web.pages import Links, entity_html

    kg, articles = _hostile_corpus(tmp_path, _HOSTILE.replace("Then", "Later"))
    html = entity_html(kg, "https://w3id.org/gcsf/id/test/a", Links(), articles=articles)
    assert 'class="quote in-context"' not in html and "<mark>" not in html
    assert '<blockquote class="quote">“&lt;img src=x onerror=alert(2)&gt; rose.”' in html
    notice = re.search(r'<p class="notice">(.*?)</p>', html).group(1)
    assert "hostile.txt" in notice and "SHA-256" in notice


def test_the_static_site_shows_quotes_in_their_text(tmp_path):
    kg, articles = _hostile_corpus(tmp_path, _HOSTILE)
    out = write_site(kg, tmp_path / "site", articles=articles)
    page = (out / "id" / "test" / "a.html").read_text(encoding="utf-8")
    assert "<mark>&lt;img src=x onerror=alert(2)&gt; rose.</mark>" in page


def test_search_route_finds_entities_with_their_pages(client):
    hits = client.get("/api/search", params={"q": "belt and road"}).json()
    assert hits[0]["label"] == "Belt and Road Initiative"
    assert client.get(hits[0]["page"]).status_code == 200


def test_vocabulary_route_feeds_completion(client):
    vocab = client.get("/api/vocabulary").json()
    assert vocab["prefixes"]["gcsf"] == "https://w3id.org/gcsf/ont#"
    assert ["gcsf:Person", "person"] in vocab["classes"]
    assert ["person:xi-jinping", "Xi Jinping"] in vocab["entities"]
    # terms of other vocabularies that the data uses, too
    assert ["rdfs:label", "label"] in vocab["properties"] and ["skos:Concept", "Concept"] in vocab["classes"]
    assert all(":" in name and not name.startswith("http") for name, _ in vocab["properties"])


def test_check_route_lists_the_terms_the_graph_lacks(client):
    query = "SELECT * WHERE { ?x a gcsf:Persn ; gcsf:participant person:xi-jinping }"
    assert client.post("/api/check", data={"query": query}).json() == [
        {"term": "gcsf:Persn", "message": "gcsf:Persn is not in the ontology; did you mean gcsf:Person?"}]
    assert client.get("/api/check", params={"query": "SELECT * WHERE { ?x a gcsf:Person }"}).json() == []
    # an unfinished query is checked all the same; no query is one clear error
    assert client.get("/api/check", params={"query": "SELECT * WHERE { ?x gcsf:partcipant"}).json()[0]["term"] == \
        "gcsf:partcipant"
    missing = client.get("/api/check")
    assert missing.status_code == 400 and missing.text.count("\n") == 1


def test_the_app_page_loads_the_editor_bundle_when_built(client):
    from gcsf_graph.web.pages import editor_available

    html = client.get("/").text
    assert ('<script src="/static/web/editor.js" defer></script>' in html) == editor_available()
    if editor_available():
        script = client.get("/static/web/editor.js")
        assert script.status_code == 200 and "javascript" in script.headers["content-type"]
        assert "fetch(" not in script.text and "XMLHttpRequest" not in script.text  # it asks no server


def test_the_app_page_embeds_every_example(client):
    from gcsf_graph.examples import examples

    html = client.get("/").text
    data = json.loads(re.search(r'<script type="application/json" id="example-data">(.*?)</script>', html, re.S).group(1))
    assert [e["name"] for e in data] == [e.name for e in examples()]


# --------------------------------------------------------------------------- hostile labels

@pytest.fixture(scope="module")
def hostile():
    with TestClient(create_app(load(RESOURCES / "xss.ttl"), Settings(allowed_hosts=HOSTS))) as c:
        yield c


@pytest.mark.parametrize("path", ["/id/test/img", "/id/test/script", "/id/test/link", "/id/test/plain",
                                  "/id/test/doc", "/ontology", "/id/test/nothing-img"])
def test_hostile_labels_stay_text_on_pages(hostile, path):
    html = hostile.get(path).text
    page = parse(html)
    assert "img" not in page.tags and "svg" not in page.tags
    assert page.tags.count("script") == 0
    assert not any(h.startswith("javascript:") for h in page.hrefs)
    assert "<img src=x" not in html and "</script><script>" not in html


def test_hostile_labels_are_shown_as_written(hostile):
    text = " ".join(parse(hostile.get("/id/test/img").text).text)
    assert "<img src=x onerror=alert(1)>" in text
    assert "<img src=y onerror=alert(4)> proposed it" in text


# --------------------------------------------------------------------------- static site

def test_site_writes_every_entity_page_with_working_relative_links(kg, tmp_path, gcsf):
    result = gcsf("site", "-o", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    pages = list(site.rglob("*.html"))
    entities = kg.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c FILTER(STRSTARTS(STR(?e), \"https://w3id.org/gcsf/id/\") "
                        "&& ?c != gcsf:Claim && STRSTARTS(STR(?c), STR(gcsf:))) }")[0]["n"]
    assert len(pages) == entities + 2
    for page in [site / "index.html", site / "ontology.html", site / "id/person/xi-jinping.html"]:
        for href in parse(page.read_text(encoding="utf-8")).hrefs:
            target = (page.parent / unquote(href.split("#")[0])).resolve()
            assert target.is_file(), (page, href)


def test_site_refuses_a_folder_it_did_not_write(tmp_path, gcsf):
    (tmp_path / "mine.txt").write_text("keep me")
    result = gcsf("site", "-o", str(tmp_path))
    assert result.returncode == 2
    assert "not a site written by gcsf site" in result.stderr
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_site_pages_escape_hostile_labels(tmp_path):
    out = write_site(load(RESOURCES / "xss.ttl"), tmp_path / "site")
    for page in out.rglob("*.html"):
        parsed = parse(page.read_text(encoding="utf-8"))
        assert "img" not in parsed.tags and "script" not in parsed.tags, page
    assert Path(out / "index.html").is_file()


@pytest.mark.parametrize(("host", "warned"), [("127.0.0.1", False), ("::1", False), ("localhost", False),
                                              ("127.0.0.2", False), ("0.0.0.0", True), ("192.168.1.5", True)])
def test_listening_beyond_loopback_is_warned(host, warned):
    from gcsf_graph.web.app import exposure_warning

    assert (exposure_warning(host) is not None) == warned


def test_view_pages_come_from_the_views_package(client):
    from gcsf_graph.web.pages import VIEW_CSP, views_available

    response = client.get("/view/map")
    if not views_available():
        assert response.status_code == 501
        assert "not part of this build" in response.text
        return
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == VIEW_CSP
    focus = client.get("/view/graph", params={"focus": "https://w3id.org/gcsf/id/person/xi-jinping"})
    assert focus.status_code == 200 and "Xi Jinping" in focus.text
    assert client.get("/view/nothing").status_code == 404


def test_the_app_tabs_get_each_view_of_the_query_result(client, kg):
    from gcsf_graph.examples import example
    from gcsf_graph.views.timeline import timeline_rows
    from gcsf_graph.web.pages import views_available

    if not views_available():
        pytest.skip("the views package is not in this build")
    construct = client.post("/api/result/graph", data={"query": example("xi-neighbourhood").text}).json()
    labels = {n["label"] for n in construct["nodes"]}
    assert "Xi Jinping" in labels and construct["edges"]
    # a SELECT draws the entities its rows name and the facts between them, each fact with its quote
    select = "SELECT ?i ?p WHERE { ?i gcsf:proposedBy ?p }"
    named = {v for r in kg.query(select) for v in r.values()}
    graph = client.post("/api/result/graph", data={"query": select}).json()
    assert {f["iri"] for f in graph["facts"].values()} == named
    node = {f["iri"]: int(i) for i, f in graph["facts"].items()}
    edges = {(e["from"], e["to"], e["title"]) for e in graph["edges"]}
    assert {(node[r["i"]], node[r["p"]], "proposed by") for r in kg.query(select)} <= edges
    quotes = [q for f in graph["facts"].values() for fact in f["out"] if fact[0] == "proposed by"
              for _, q in fact[3]]
    assert len(quotes) >= len(kg.query(select)) and all(quotes)
    dated = example("dated-facts").text
    timeline = client.post("/api/result/timeline", content=dated,
                           headers={"Content-Type": "application/sparql-query"}).json()
    rows = timeline_rows(kg, dated)
    assert len(timeline["items"]) + len(timeline["recurring"]) + len(timeline["skipped"]) == len(rows)
    countries = client.get("/api/result/map", params={"query": "SELECT ?c WHERE { ?c gcsf:iso3166Alpha3 'ZAF' }"})
    assert [c["label"] for c in countries.json()["countries"]] == ["South Africa"]


@pytest.mark.parametrize(("path", "query", "status"), [
    ("/api/result/graph", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", 403),
    ("/api/result/graph", "DROP ALL", 403),
    ("/api/result/timeline", "SELECT ?item WHERE { ?item a gcsf:Person }", 400),
    ("/api/result/map", "CONSTRUCT WHERE { ?s ?p ?o }", 400),
    ("/api/result/chart", "SELECT * WHERE { ?s ?p ?o }", 400),
    ("/api/result/graph", "", 400),
])
def test_the_app_tabs_refuse_what_the_endpoint_refuses(client, path, query, status):
    from gcsf_graph.web.pages import views_available

    if not views_available():
        pytest.skip("the views package is not in this build")
    response = client.post(path, data={"query": query})
    assert response.status_code == status and len(response.text.strip().splitlines()) == 1


def test_inferred_triples_answer_as_part_of_the_default_graph(tmp_path):
    from gcsf_graph.web.protocol import INFERRED

    data = tmp_path / "inferred.trig"
    data.write_text("<urn:s> <urn:p> <urn:asserted> .\n"
                    f"<{INFERRED}> {{ <urn:s> <urn:p> <urn:inferred> . }}\n", encoding="utf-8")
    kg = load(data, ontology=False)
    kg.inference = True  # as a graph loaded with inference marks itself
    kg.engine.inferred = 1
    with TestClient(create_app(kg, Settings(allowed_hosts=HOSTS))) as c:
        ask = c.get("/sparql", params={"query": "ASK { <urn:s> <urn:p> <urn:inferred> }"})
        assert ask.json()["boolean"] is True
        description = c.get("/sparql").text
        assert INFERRED not in description
        named = c.get("/sparql", params={"query": "ASK FROM <urn:none> { <urn:s> <urn:p> ?o }"})
        assert named.json()["boolean"] is False
