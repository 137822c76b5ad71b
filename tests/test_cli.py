"""The real ``gcsf`` command, end to end: exit codes, formats, errors, help.

What the library does behind each command is tested in the module's own file (test_entities.py,
test_graph.py, test_render.py, test_examples.py, ...)."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pyoxigraph as ox
import pytest
import rdflib
from conftest import RESOURCES, ROOT

from gcsf_graph import __version__
from gcsf_graph.cli import commands
from gcsf_graph.examples import examples
from gcsf_graph.namespaces import expand


def test_version_and_help_as_a_real_process(gcsf_process):
    assert gcsf_process("--version").stdout.strip() == f"gcsf, version {__version__}"
    result = gcsf_process("--help")
    assert result.returncode == 0
    for command in ("info", "validate", "query", "examples", "search", "describe"):
        assert command in result.stdout


def test_the_program_leaves_a_read_only_command_at_once_with_all_its_output(gcsf, gcsf_process, tmp_path):
    # the real program skips the interpreter's clean-up after such a command: nothing may be lost
    every = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"  # megabytes: far more than a pipe holds at once
    real, here = gcsf_process("query", every, "--format", "tsv"), gcsf("query", every, "--format", "tsv")
    assert real.returncode == here.returncode == 0
    assert sorted(real.stdout.splitlines(keepends=True)) == sorted(here.stdout.splitlines(keepends=True))
    assert len(real.stdout) == len(here.stdout) > 1_000_000 and real.stdout.endswith("\n")
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix gcsf: <https://w3id.org/gcsf/ont#> .\n"
                      "<https://w3id.org/gcsf/id/claim/x> a gcsf:Claim .\n", encoding="utf-8")
    negative = gcsf_process("validate", "--data", str(broken))
    assert negative.returncode == 1 and "does not conform" in negative.stdout + negative.stderr
    warned = gcsf_process("query", "ASK { ?s a gcsf:Persn }")
    assert warned.returncode == 0 and warned.stdout == "false\n" and "gcsf:Person" in warned.stderr


def test_a_closed_stderr_keeps_the_answer_and_a_closed_stdout_is_an_error():
    import os
    import subprocess

    from conftest import gcsf_executable

    def run(*args: str, close: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*gcsf_executable(), *args], capture_output=True, text=True, timeout=120,
                              preexec_fn=lambda: os.close(close), check=False)

    answered = run("query", "ASK { ?s ?p ?o }", close=2)
    assert (answered.returncode, answered.stdout) == (0, "true\n")
    refused = run("query", "ASK { ?s ?p ?o }", close=1)
    assert refused.returncode == 2 and refused.stderr == "Error: standard output is closed\n"


def test_every_command_has_help_with_an_example(gcsf):
    for name, text in commands().items():
        assert "Example" in text, name
        shown = gcsf(name, "--help")
        assert shown.returncode == 0 and text.splitlines()[0] in shown.stdout, name
        assert "Example" in shown.stdout and "--" in shown.stdout, name


def test_info_counts(gcsf):
    result = gcsf("info")
    assert result.returncode == 0
    assert "ontology version 0.1.0" in result.stdout
    assert "claims" in result.stdout and "person" in result.stdout


def test_validate_exit_codes(gcsf, tmp_path):
    # a graph that conforms (the bundled one's report is checked once, in test_data)
    assert gcsf("validate", "--data", str(ROOT / "ontology" / "gcsf.ttl")).returncode == 0
    broken = gcsf("validate", "--data", str(RESOURCES / "broken.ttl"))
    assert broken.returncode == 1
    assert "does not conform" in broken.stdout and "ClaimShape" in broken.stdout
    assert gcsf("validate", "--bogus-option").returncode == 2
    missing = gcsf("validate", "--data", str(tmp_path / "missing.ttl"))
    assert missing.returncode == 2
    assert "missing.ttl: no such file" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_broken_turtle_names_file_and_line(gcsf):
    result = gcsf("info", "--data", str(RESOURCES / "broken-syntax.ttl"))
    assert result.returncode == 2
    assert "broken-syntax.ttl, line 5" in result.stderr
    assert "Traceback" not in result.stderr


def test_data_option_loads_the_files_given_in_place_of_the_bundled_graph(gcsf, tmp_path):
    # what load() does with the files: test_graph.py
    mine = tmp_path / "mine.ttl"
    mine.write_text('<https://w3id.org/gcsf/id/person/ada> a <https://w3id.org/gcsf/ont#Person> ;\n'
                    '  <http://www.w3.org/2000/01/rdf-schema#label> "Ada"@en .\n', encoding="utf-8")
    result = gcsf("query", "SELECT ?l WHERE { ?p a gcsf:Person ; rdfs:label ?l }", "--data", str(mine),
                  "--format", "csv")
    assert result.stdout.split() == ["l", "Ada"]


ROW_FORMATS = ["table", "csv", "tsv", "json", "markdown"]
SELECT_EXAMPLES = [e for e in examples()
                   if e.text.lstrip("# \n").count("SELECT") or "CONSTRUCT" not in e.text]


@pytest.fixture(scope="module")
def select_results(kg):
    """Each SELECT example's result, queried once: what ``gcsf query --example NAME`` renders."""
    from gcsf_graph.examples import example_bindings
    from gcsf_graph.sparql import query

    return {e.name: query(kg, e.text, bindings=example_bindings(kg, e, {})) for e in SELECT_EXAMPLES}


@pytest.mark.parametrize("fmt", ROW_FORMATS)
def test_every_select_example_in_every_format(gcsf, select_results, fmt):
    # each example's result is written in each format as the command writes it (format_result);
    # each example also runs through the command itself, in one of the formats in turn
    from gcsf_graph.render import format_result

    for i, example in enumerate(SELECT_EXAMPLES):
        rendered = format_result(select_results[example.name], fmt)
        if i % len(ROW_FORMATS) == ROW_FORMATS.index(fmt):
            result = gcsf("query", "--example", example.name, "--format", fmt)
            assert result.returncode == 0, (example.name, result.stderr)
            printed = io.StringIO(rendered.rstrip("\n") + "\n", newline=None).read()  # text mode
            assert result.stdout == printed, example.name
        out = rendered
        if fmt == "csv":
            rows = list(csv.reader(io.StringIO(out)))
            assert len(rows) >= 2 and len({len(r) for r in rows}) == 1
        elif fmt == "json":
            body = json.loads(out)
            assert body["results"]["bindings"], example.name
        elif fmt == "tsv":
            assert len(list(ox.parse_query_results(out.encode(), format=ox.QueryResultsFormat.TSV))) >= 1
        elif fmt == "markdown":
            assert out.splitlines()[1].startswith("|---")
        else:
            assert out.strip()


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("ntriples", "nt"),
                                                     ("jsonld", "json-ld")])
def test_construct_examples_parse_back(gcsf, fmt, rdflib_format):
    for name in ("vision-structure", "xi-neighbourhood"):
        result = gcsf("query", "--example", name, "--format", fmt)
        assert result.returncode == 0, result.stderr
        graph = rdflib.Graph().parse(data=result.stdout, format=rdflib_format)
        assert len(graph) > 20


def test_query_from_file_and_stdin(gcsf, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("ASK { initiative:bri gcsf:proposedBy person:xi-jinping }", encoding="utf-8")
    assert gcsf("query", str(query)).stdout.strip() == "true"
    assert gcsf("query", "-", stdin="ASK { country:CHN a gcsf:Person }").stdout.strip() == "false"
    assert json.loads(gcsf("query", str(query), "--format", "json").stdout)["boolean"] is True


def test_bind_option(gcsf):
    result = gcsf("query", "--example", "article-claims", "--bind", "file=002_d3f26364fca924fa.txt",
                  "--format", "csv")
    files = {row["file"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert files == {"002_d3f26364fca924fa.txt"}


def test_limit_cuts_and_says_so(gcsf):
    result = gcsf("query", "--example", "countries", "--limit", "3", "--format", "csv")
    assert len(result.stdout.strip().splitlines()) == 4
    assert "cut at --limit 3" in result.stderr


@pytest.mark.parametrize(("query", "message"), [
    ("SELECT ?x WHERE {\n ?x a gcsf:Person\n FILTER(\n}", "line 4, column 1"),
    ("SELECT ?x WHERE { ?x a gcsff:Person }", "unknown prefix 'gcsff:'; did you mean gcsf:"),
    ("DELETE WHERE { ?s ?p ?o }", "QueryRefused: DELETE is an update"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "QueryRefused: SERVICE is off"),
])
def test_query_errors_exit_2_without_traceback(gcsf, query, message):
    result = gcsf("query", query)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_timeout_reported(gcsf):
    result = gcsf("query", "--timeout", "1",
                  "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert result.returncode == 2
    assert "QueryTimeout" in result.stderr


def test_usage_errors_exit_2(gcsf):
    assert gcsf("query", "--format", "yaml", "ASK {}").returncode == 2
    unknown = gcsf("query", "--example", "pilars")
    assert unknown.returncode == 2 and "did you mean pillars" in unknown.stderr
    assert gcsf("query", "--example", "pillars", "--format", "turtle").returncode == 2
    assert gcsf("query", "-", stdin="").returncode == 2


def test_debug_shows_the_traceback(gcsf_process):
    result = gcsf_process("--debug", "query", "DROP ALL")
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_examples_lists_names_and_descriptions(gcsf):
    result = gcsf("examples")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(examples())
    assert any(line.startswith("pillars ") and "pillars" in line[8:] for line in lines)


def test_search_with_no_match_exits_1(gcsf):
    result = gcsf("search", "zzzzqqqq")
    assert result.returncode == 1 and "no entity matches" in result.stderr


def test_describe_prints_the_description(gcsf, kg):
    from gcsf_graph import describe
    from gcsf_graph.render import format_description

    result = gcsf("describe", "President Xi")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == format_description(describe(kg, "President Xi")) + "\n"


def test_describe_unknown_entity_suggests(gcsf):
    result = gcsf("describe", "Belt and Road Forum")
    assert result.returncode == 1
    assert result.stdout == ""
    # the suggestions themselves: test_entities.py
    assert result.stderr.startswith("Error: UnknownEntityError: no entity named 'Belt and Road Forum'; "
                                    "did you mean: Third Belt and Road Forum for International Cooperation")


@pytest.mark.parametrize(("name", "iri"), [  # which names are taken: test_entities.py
    ("Third Belt and Road Forum", "event:third-belt-and-road-forum"), ("Xi Jinpin", "person:xi-jinping"),
])
def test_describe_takes_a_match_clearly_ahead_and_says_so(gcsf, name, iri):
    result = gcsf("describe", name)
    assert result.returncode == 0
    assert result.stderr.startswith("taking ") and f"({iri}), the best match for {name!r}" in result.stderr
    assert result.stdout.split("\n", 1)[0].endswith(f"<{expand(iri)}>")


def test_runs_from_any_directory(gcsf, tmp_path):
    result = gcsf("query", "ASK { person:xi-jinping a gcsf:Person }", cwd=tmp_path)
    assert result.stdout.strip() == "true"
    assert shutil.which("gcsf") or True


def test_only_query_files_are_read_as_queries(gcsf, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password=hunter2\n", encoding="utf-8")
    refused = gcsf("query", str(secret))
    assert refused.returncode == 2 and "is not a query file" in refused.stderr
    assert "hunter2" not in refused.stderr + refused.stdout
    query = tmp_path / "question.sparql"
    query.write_text("ASK { country:CHN a gcsf:Country }", encoding="utf-8")
    assert gcsf("query", str(query)).stdout.strip() == "true"
    missing = gcsf("query", str(tmp_path / "missing.rq"))
    assert missing.returncode == 2 and "no such query file" in missing.stderr


NEGATIVE, ERROR = 1, 2


@pytest.mark.parametrize(("args", "code"), [
    (["info"], 0), (["info", "--data", "missing.ttl"], ERROR), (["info", "--engine", "nope"], ERROR),
    (["validate", "--data", str(RESOURCES / "broken.ttl")], NEGATIVE),
    (["validate", "--shapes", "missing.ttl"], ERROR),
    (["query", "ASK { country:CHN a gcsf:Country }"], 0), (["query", "ASK { country:CHN a gcsf:Person }"], 0),
    (["query", "SELECT ?x WHERE {"], ERROR), (["query", "DROP ALL"], ERROR),
    (["query", "--limit", "-1", "ASK {}"], ERROR), (["query", "--bind", "x y=1", "ASK {}"], ERROR),
    (["examples"], 0), (["examples", "--bogus"], ERROR),
    (["search", "Xi"], 0), (["search", "zzzzqqqq"], NEGATIVE),
    (["describe", "Xi Jinping"], 0), (["describe", "zzzzqqqq"], NEGATIVE),
    (["path", "Azerbaijan", "Belt and Road Initiative"], 0), (["path", "Xi Jinping", "zzzzqqqq"], NEGATIVE),
    (["stats", "--top", "2"], 0), (["stats", "--top", "0"], ERROR),
    (["export", "-o", "/"], ERROR), (["export", "-o", "x.unknown"], ERROR),
    (["viz", "-o", "/"], ERROR), (["load", "missing.ttl", "--store", "s"], ERROR),
])
def test_exit_codes_per_command(gcsf, tmp_path, args, code):
    result = gcsf(*args, cwd=tmp_path)
    assert result.returncode == code, (args, result.stderr)
    if code == ERROR:
        assert result.stderr.startswith(("Error: ", "Usage: ")), result.stderr
        assert "Traceback" not in result.stderr


def test_examples_name_shows_description_parameters_and_query(gcsf):
    result = gcsf("examples", "article-claims")
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("article-claims: Everything an article asserts, with quotes\n")
    assert "Parameters:\n  file     the article: its number (003) or its file name  (--bind file=003)" in out
    assert "Query:\nSELECT ?file ?subject ?relation ?object ?quote WHERE {" in out
    assert "# title" not in out
    assert gcsf("examples", "no-such-example").returncode == 2


@pytest.mark.parametrize("item", [e for e in examples() if e.params], ids=lambda e: e.name)
def test_each_parameter_works_with_its_sample_value(gcsf, item):
    for param in item.params:
        assert param.description and param.sample, (item.name, param.name)
        assert f"?{param.name}" in item.text
        result = gcsf("query", "--example", item.name, "--bind", f"{param.name}={param.sample}", "--format", "json")
        assert result.returncode == 0 and result.stderr == ""
        assert json.loads(result.stdout)["results"]["bindings"]


def test_a_short_article_number_binds_the_file(gcsf):
    result = gcsf("query", "--example", "article-claims", "--bind", "file=001", "--format", "csv")
    files = {row["file"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert files == {"001_88e954a82fe62d6d.txt"}
    missing = gcsf("query", "--example", "article-claims", "--bind", "file=009")
    assert missing.returncode == 2
    assert "no article matches file='009'; the articles are numbered 000, 001, 002, 003, 004" in missing.stderr


@pytest.mark.parametrize(("name", "bind", "message"), [
    ("article-claims", "article=001", "the example article-claims has no parameter 'article'; it takes file"),
    ("countries", "x=1", "the example countries has no parameter 'x'; it takes none (see `gcsf examples countries`)"),
])
def test_binding_an_undeclared_name_is_a_usage_error(gcsf, name, bind, message):
    result = gcsf("query", "--example", name, "--bind", bind)
    assert result.returncode == 2
    assert result.stderr.strip() == f"Error: UsageError: {message}"


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_bind_text_matches_the_english_label_on_both_engines(gcsf, engine):
    # the label is "Xi Jinping"@en: a plain text binding matches it
    result = gcsf("query", "SELECT ?p WHERE { ?p rdfs:label ?name }", "--bind", "name=Xi Jinping",
                  "--engine", engine, "--format", "csv")
    assert result.stdout.split() == ["p", "https://w3id.org/gcsf/id/person/xi-jinping"]
    # a plain literal the graph holds as such is matched as it is (an article's file name)
    files = gcsf("query", "SELECT ?d WHERE { ?d dcterms:identifier ?f }", "--bind", "f=001_88e954a82fe62d6d.txt",
                 "--engine", engine, "--format", "csv")
    assert files.stdout.split() == ["d", "https://w3id.org/gcsf/id/doc/001_88e954a82fe62d6d"]


def test_empty_environment_variables_are_unset(gcsf):
    result = gcsf("query", "ASK { person:xi-jinping a gcsf:Person }",
                  env={"GCSF_ENDPOINT": "", "GCSF_USER": "", "GCSF_GRAPH": ""})
    assert result.returncode == 0 and result.stdout.strip() == "true", result.stderr


def test_debug_counts_only_before_the_command(gcsf):
    refused = gcsf("query", "--debug", "ASK {")
    assert refused.returncode == 2 and refused.stderr.startswith("Error: UsageError: ")
    as_text = gcsf("query", "--", "--debug")  # the query's text, not the option
    assert as_text.returncode == 2 and as_text.stderr.startswith("Error: QuerySyntaxError: ")
