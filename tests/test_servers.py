"""Every command on real SPARQL servers: Oxigraph server and Virtuoso, filled with `gcsf push`.

Both servers start on 127.0.0.1 with free ports and fresh databases, and are stopped by PID at
the end. Every bundled example and every competency question must give the same answers through
``--endpoint`` as on the embedded engine (as multisets of rows). Then the bad input: an
unreachable endpoint, HTTP errors, an HTML page, wrong credentials, a hanging server, a huge
result, a broken file and a push cut off half-way.
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import subprocess
import sys
import time

import pytest
import rdflib
from conftest import RESOURCES, gcsf_executable
from rdflib.compare import isomorphic
from servers import (
    answer,
    free_port,
    hanging_server,
    local_http,
    oxigraph_binary,
    oxigraph_server,
    virtuoso_binary,
    virtuoso_server,
)
from test_competency import QUERIES

from gcsf_graph import load
from gcsf_graph.engines.remote import RemoteEngine
from gcsf_graph.errors import DataError, EndpointError, QueryError, QueryTimeout, UsageError
from gcsf_graph.examples import examples
from gcsf_graph.push import push
from gcsf_graph.sparql import Rows

pytestmark = pytest.mark.server

GRAPH = "https://w3id.org/gcsf/graph"


def _require(binary: str | None, what: str) -> None:
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is required in CI (make test installs it)")
        pytest.skip(f"no {what} on this machine: `make servers` installs it")


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    _require(oxigraph_binary(), "oxigraph server")
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    _require(virtuoso_binary(), "Virtuoso (virtuoso-t)")
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


@pytest.fixture
def dba(monkeypatch):
    monkeypatch.setenv("GCSF_PASSWORD", "dba")


@pytest.fixture(scope="module")
def filled(oxigraph, virtuoso):
    """Both servers, each with the bundled ontology and data pushed into GRAPH by `gcsf push`."""
    env = {**os.environ, "GCSF_PASSWORD": "dba"}
    for url, user in ((oxigraph, []), (virtuoso, ["--user", "dba"])):
        result = subprocess.run([*gcsf_executable(), "push", "--endpoint", url, *user, "--graph", GRAPH,
                                 "--replace"], capture_output=True, text=True, env=env, timeout=300, check=False)
        assert result.returncode == 0, result.stderr
        assert "sent" in result.stderr and f"<{GRAPH}> holds" in result.stderr
    return {"oxigraph": oxigraph, "virtuoso": virtuoso}


def _normalised(result):
    """A result as a multiset; GROUP_CONCAT's order is unspecified, so its parts are sorted."""
    if isinstance(result, bool):
        return result
    if isinstance(result, Rows):
        return collections.Counter(
            tuple(None if row[v] is None else tuple(sorted(str(row[v]).split(" | "))) for v in result.variables)
            for row in result)
    return collections.Counter(str(t) for t in result.triples)


QUERY_CASES = [(f"example {e.name}", e.text) for e in examples()] + \
              [(f"competency {name}", text) for name, text in sorted(QUERIES.items())]


@pytest.mark.parametrize("server", ["oxigraph", "virtuoso"])
def test_every_example_and_competency_query_answers_as_embedded(filled, kg, server):
    remote = load(endpoint=filled[server], graph=GRAPH)
    assert len(remote) == len(kg)
    different = []
    for name, text in QUERY_CASES:
        expected = _normalised(kg.query(text, inference=False))  # a server holds the asserted facts
        if _normalised(remote.query(text)) != expected:
            different.append(name)
    assert different == [], different


@pytest.mark.parametrize("server", ["oxigraph", "virtuoso"])
def test_cli_commands_through_the_endpoint(filled, gcsf, server, tmp_path):
    options = ["--endpoint", filled[server], "--graph", GRAPH]
    for command in (["info"], ["describe", "Belt and Road Initiative"], ["search", "Honduras"],
                    ["query", "--example", "pillars", "--format", "csv"],
                    ["query", "SELECT ?p WHERE { ?p rdfs:label ?n }", "--bind", "n=Xi Jinping", "--format", "csv"],
                    ["stats", "--top", "5"], ["path", "Azerbaijan", "Belt and Road Initiative"]):
        local, remote = gcsf(*command), gcsf(*command, *options)
        assert remote.returncode == 0, remote.stderr
        assert remote.stdout == local.stdout, command
    exported = gcsf("export", "-o", str(tmp_path / "all.nt"), *options)
    assert exported.returncode == 0, exported.stderr
    gcsf("export", "-o", str(tmp_path / "local.nt"))
    remote_text = (tmp_path / "all.nt").read_text()
    if server == "virtuoso":
        # Virtuoso keeps integers beyond 32 bits as xsd:decimal (4580000000000 here): the one
        # change it makes to the data.
        remote_text = re.sub(r'"(-?\d+)"\^\^<http://www.w3.org/2001/XMLSchema#decimal>',
                             r'"\1"^^<http://www.w3.org/2001/XMLSchema#integer>', remote_text)
    remote_graph = rdflib.Graph().parse(data=remote_text, format="nt")
    local_graph = rdflib.Graph().parse(tmp_path / "local.nt", format="nt")
    assert len(remote_graph) == len(local_graph)
    assert isomorphic(remote_graph, local_graph)  # the same up to blank node names


def test_endpoint_from_the_environment(filled, gcsf, monkeypatch):
    monkeypatch.setenv("GCSF_ENDPOINT", filled["oxigraph"])
    monkeypatch.setenv("GCSF_GRAPH", GRAPH)
    result = gcsf("query", "ASK { initiative:bri gcsf:proposedBy person:xi-jinping }")
    assert (result.returncode, result.stdout.strip()) == (0, "true")


def test_safety_rules_apply_to_the_endpoint(filled, gcsf):
    for text in ("DROP ALL", "SELECT * FROM <http://example.org/> WHERE { ?s ?p ?o }",
                 "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"):
        result = gcsf("query", text, "--endpoint", filled["oxigraph"], "--graph", GRAPH)
        assert result.returncode == 2
        assert "QueryRefused" in result.stderr
    assert len(load(endpoint=filled["oxigraph"], graph=GRAPH)) > 5000  # nothing was dropped


def test_construct_where_with_bindings_is_refused_clearly(filled):
    kg = load(endpoint=filled["oxigraph"], graph=GRAPH)
    with pytest.raises(QueryError, match=r"CONSTRUCT \{ template \} WHERE \{ pattern \}"):
        kg.query("CONSTRUCT WHERE { ?s rdfs:label ?l }", bindings={"s": "x"})


def test_files_are_pushed_not_loaded(filled):
    engine = RemoteEngine(filled["oxigraph"])
    with pytest.raises(UsageError, match="gcsf push"):
        engine.load(RESOURCES / "xss.ttl")
    with pytest.raises(UsageError, match="no files"):
        load(RESOURCES / "xss.ttl", endpoint=filled["oxigraph"])
    with pytest.raises(UsageError, match="no other engine"):
        load(endpoint=filled["oxigraph"], engine="rdflib")


# ------------------------------------------------------------------------------------ push


def _count(url: str, graph: str) -> int:
    return len(load(endpoint=url, graph=graph))


def test_push_appends_and_replaces(filled, dba):
    graph = "urn:gcsf:test:append"
    first = push([RESOURCES / "xss.ttl"], filled["virtuoso"], graph, user="dba", ontology=False,
                 replace=True, progress=False)
    assert first.count_after == first.triples > 0
    again = push([RESOURCES / "xss.ttl"], filled["virtuoso"], graph, user="dba", ontology=False,
                 progress=False)
    assert again.count_after == first.triples  # the same triples: nothing new
    small = push([], filled["virtuoso"], graph, user="dba", chunk=1000, replace=True, progress=False)
    assert small.requests >= 5
    assert _count(filled["virtuoso"], graph) == small.triples == len(load())


def test_push_of_a_broken_file_sends_nothing(filled, gcsf):
    graph = "urn:gcsf:test:broken"
    before = _count(filled["oxigraph"], graph)
    result = gcsf("push", str(RESOURCES / "xss.ttl"), str(RESOURCES / "broken-syntax.ttl"),
                  "--endpoint", filled["oxigraph"], "--graph", graph, "--replace")
    assert result.returncode == 2
    assert "broken-syntax.ttl" in result.stderr and "line" in result.stderr
    assert _count(filled["oxigraph"], graph) == before == 0


def test_push_with_wrong_credentials(filled, gcsf, monkeypatch):
    monkeypatch.setenv("GCSF_PASSWORD", "not-the-password")
    result = gcsf("push", "--endpoint", filled["virtuoso"], "--user", "dba", "--graph", "urn:gcsf:test:creds")
    assert result.returncode == 2
    assert "refused the credentials (401" in result.stderr
    assert _count(filled["virtuoso"], "urn:gcsf:test:creds") == 0


def test_password_from_netrc_and_never_from_the_command_line(filled, gcsf, monkeypatch, tmp_path):
    monkeypatch.delenv("GCSF_PASSWORD", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine 127.0.0.1 login dba password dba\n")
    netrc.chmod(0o600)
    report = push([RESOURCES / "xss.ttl"], filled["virtuoso"], "urn:gcsf:test:netrc", user="dba",
                  ontology=False, progress=False)
    assert report.count_after == report.triples
    assert gcsf("push", "--endpoint", filled["virtuoso"], "--graph", "urn:g", "--password", "dba").returncode == 2
    netrc.unlink()
    with pytest.raises(UsageError, match="GCSF_PASSWORD"):
        push([], filled["virtuoso"], "urn:gcsf:test:netrc", user="dba", progress=False)


def test_push_cut_off_half_way_says_what_was_sent(filled):
    calls = []

    def flaky(request):
        calls.append(request.command)
        if len(calls) == 1:
            answer(request, 204, "")
        else:
            answer(request, 507, "Insufficient storage: the disk is full")

    with local_http(flaky) as store, pytest.raises(EndpointError) as caught:
        push([], filled["oxigraph"], "urn:gcsf:test:cut", chunk=2000, replace=True,
             graph_store=f"{store}/store", progress=False)
    message = str(caught.value)
    assert calls[:2] == ["PUT", "POST"]
    assert "push stopped after 2,000 of" in message and "<urn:gcsf:test:cut> is unchanged" in message
    assert "507" in message and "the disk is full" in message


def test_push_cut_off_without_an_update_endpoint_says_what_was_sent(filled):
    calls = []

    def flaky(request):
        calls.append(request.command)
        if request.command == "POST" and request.path.startswith("/sparql"):  # the count query
            answer(request, 200, '{"head": {"vars": ["n"]}, "results": {"bindings": []}}',
                   "application/sparql-results+json")
        elif len(calls) == 1:
            answer(request, 204, "")
        else:
            answer(request, 507, "Insufficient storage: the disk is full")

    with local_http(flaky) as server, pytest.raises(EndpointError) as caught:
        push([], f"{server}/elsewhere", "urn:gcsf:test:cut", chunk=2000, replace=True,
             graph_store=f"{server}/store", progress=False)
    message = str(caught.value)
    assert "push stopped after 2,000 of" in message and "was emptied and holds the 2,000 sent" in message


def test_replace_swaps_the_graph_in_one_step_and_leaves_no_staging_graph(filled, dba):
    for url, user in ((filled["oxigraph"], None), (filled["virtuoso"], "dba")):
        push([RESOURCES / "xss.ttl"], url, "urn:gcsf:test:swap", user=user, ontology=False, progress=False)
        report = push([], url, "urn:gcsf:test:swap", user=user, replace=True, chunk=2000, progress=False)
        assert report.requests >= 3 and _count(url, "urn:gcsf:test:swap") == report.triples
        staging = load(endpoint=url, user=user).query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'urn:gcsf:push:')) }")
        assert len(staging) == 0


# ------------------------------------------------------------------------------------ bad endpoints


def test_unreachable_endpoint_is_a_clear_error_within_the_timeout(gcsf):
    url = f"http://127.0.0.1:{free_port()}/sparql"
    started = time.monotonic()
    result = gcsf("info", "--endpoint", url)
    assert time.monotonic() - started < 10
    assert result.returncode == 2
    assert result.stderr.startswith(f"Error: EndpointError: cannot reach {url}: connection refused")


def test_tls_certificates_are_verified(gcsf, tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("no openssl to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    served = []

    def results(request):
        served.append(request.path)
        answer(request, 200, '{"head": {}, "boolean": true}', "application/sparql-results+json")

    with local_http(results, tls=(cert, key)) as url:
        result = gcsf("query", "ASK { ?s ?p ?o }", "--endpoint", f"{url}/sparql")
    assert result.returncode == 2
    assert "the TLS certificate cannot be verified" in result.stderr
    assert served == []  # no query was sent to the unverified server


def test_http_errors_show_the_servers_message(filled, gcsf):
    wrong_path = filled["oxigraph"].replace("/query", "/nowhere")
    result = gcsf("info", "--endpoint", wrong_path)
    assert result.returncode == 2
    assert "answered 404 Not Found: POST /nowhere is not supported" in result.stderr

    calls = []

    def failing(request):
        calls.append(request.command)
        answer(request, 503, "<html><body><h1>Service Unavailable</h1><p>the database is being backed up</p>"
                             "</body></html>", "text/html")

    with local_http(failing) as url:
        result = gcsf("query", "ASK { ?s ?p ?o }", "--endpoint", f"{url}/sparql")
    assert result.returncode == 2
    assert "answered 503 Service Unavailable: Service Unavailable the database is being backed up" in result.stderr
    assert calls == ["POST"]  # an answer from the server is never retried, only connection errors


def test_a_url_that_answers_html(gcsf):
    def page(request):
        answer(request, 200, "<!DOCTYPE html><html><title>Welcome</title></html>", "text/html; charset=utf-8")

    with local_http(page) as url:
        result = gcsf("query", "SELECT * WHERE { ?s ?p ?o }", "--endpoint", url)
    assert result.returncode == 2
    assert "answered an HTML page, not SPARQL results" in result.stderr


def test_a_redirect_is_not_followed(gcsf):
    def moved(request):
        request.send_response(302)
        request.send_header("Location", "http://127.0.0.1:9/elsewhere")
        request.send_header("Content-Length", "0")
        request.end_headers()

    with local_http(moved) as url:
        result = gcsf("info", "--endpoint", url)
    assert result.returncode == 2
    assert "redirects to http://127.0.0.1:9/elsewhere; give that URL instead" in result.stderr


def test_a_server_that_hangs(gcsf):
    with hanging_server() as url:
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match="did not answer within 1 s"):
            RemoteEngine(url, timeout=1).query("ASK { ?s ?p ?o }", "ASK", {})
        assert time.monotonic() - started < 5
        result = gcsf("query", "ASK { ?s ?p ?o }", "--endpoint", url, "--timeout", "2")
    assert result.returncode == 2
    assert "QueryTimeout" in result.stderr


def test_a_huge_result_is_cut_at_the_limit_with_a_note(filled, gcsf):
    # Every pair of triples: 5,000² rows, streamed; reading stops one row past the limit.
    started = time.monotonic()
    result = gcsf("query", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", "--limit", "5", "--format", "csv",
                  "--endpoint", filled["oxigraph"], "--graph", GRAPH)
    assert time.monotonic() - started < 30
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 6
    assert "(results cut at --limit 5; more rows match)" in result.stderr


def test_bad_endpoint_values(gcsf):
    for url, message in (("file:///etc/passwd", "http:// or https:// URL"),
                         ("http://dba:dba@127.0.0.1:1/sparql", "no user or password in the URL")):
        result = gcsf("info", "--endpoint", url)
        assert result.returncode == 2
        assert message in result.stderr
    with pytest.raises(UsageError, match="the graph must be an IRI"):
        load(endpoint="http://127.0.0.1:1/sparql", graph="not an iri")
    with pytest.raises(DataError):
        push([RESOURCES / "missing.ttl"], "http://127.0.0.1:1/query", "urn:g")


def test_a_servers_own_row_limit_is_an_error_not_a_partial_answer(filled):
    # The test Virtuoso answers at most 10,000 rows (ResultSetMaxRows) and says so in a header.
    kg = load(endpoint=filled["virtuoso"], graph=GRAPH)
    pairs = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
    assert len(kg.query(pairs, limit=20)) == 20
    with pytest.raises(EndpointError, match="cut the answer at its limit of 10000 rows"):
        kg.query(pairs)


@pytest.mark.parametrize("server", ["oxigraph", "virtuoso"])
def test_blank_nodes_in_results(filled, kg, server):
    blank = "SELECT ?s WHERE { ?s ?p ?o FILTER(isBlank(?s)) }"
    rows = load(endpoint=filled[server], graph=GRAPH).query(blank)
    assert len(rows) == len(kg.query(blank)) > 0
    assert all(value.startswith("_:") for value in rows.column("s"))


def test_server_benchmark_runs_end_to_end_at_a_small_size():
    # A smoke test that keeps `make bench-server` working; it asserts the table, not any timing.
    from conftest import ROOT

    _require(virtuoso_binary(), "Virtuoso (virtuoso-t)")
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "server.py"), "--size", "2000", "--runs", "1"],
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    assert "| | embedded Oxigraph | Virtuoso 7.2 | Oxigraph server |" in result.stdout
    assert "| query: group-by |" in result.stdout and "| per-query overhead (`ASK {}`) |" in result.stdout
    assert "holds" in result.stderr  # the push's progress and count check


def test_a_large_authenticated_upload(filled, dba, tmp_path):
    # 5 MB chunks: sent unauthenticated first, Virtuoso would close the connection mid-upload.
    from conftest import ROOT

    path = tmp_path / "g.nt"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "60000", "-o", str(path)],
                   check=True, capture_output=True)
    report = push([path], filled["virtuoso"], "urn:gcsf:test:large", user="dba", chunk=40_000,
                  ontology=False, replace=True, progress=False)
    assert report.requests == 2 and report.count_after == report.triples > 50_000
    # Read back: one streamed answer, which this Virtuoso cuts at 10,000 triples, then pages.
    quads = list(load(endpoint=filled["virtuoso"], graph="urn:gcsf:test:large", progress=True).quads())
    assert len(quads) == len(set(quads)) == report.triples


def test_a_server_that_stalls_half_way_through_its_answer():
    def stall(request):
        request.send_response(200)
        request.send_header("Content-Type", "application/sparql-results+json")
        request.end_headers()
        request.wfile.write(b'{"head": {"vars": ["s"]}, "results": {"bindings": [')
        request.wfile.flush()
        time.sleep(4)

    with local_http(stall) as url:
        started = time.monotonic()
        _, solutions = RemoteEngine(url, timeout=1).query("SELECT ?s WHERE { ?s ?p ?o }", "SELECT", {})
        with pytest.raises(QueryTimeout, match="did not finish answering within 1 s"):
            list(solutions)
        assert time.monotonic() - started < 3
