"""Writing results as text (render.py): escaping, readable dates, tables and each result format."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from gcsf_graph import describe
from gcsf_graph.errors import UsageError
from gcsf_graph.examples import example
from gcsf_graph.render import (
    GRAPH_FORMATS,
    ROW_FORMATS,
    format_boolean,
    format_description,
    format_matches,
    format_result,
    format_rows,
    format_triples,
    readable_date,
    terminal_safe,
)
from gcsf_graph.sparql import Rows
from gcsf_graph.terms import XSD


def typed(value: str, kind: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + kind))


@pytest.mark.parametrize(("text", "shown"), [
    ("pwned\x1b]0;title\x07", "pwned\\x1b]0;title\\x07"),  # an escape sequence setting the window title
    ("a\x00b\x7fc", "a\\x00b\\x7fc"), ("csi\x9b2J", "csi\\x9b2J"),  # NUL, DEL, the C1 control sequence introducer
    ("evil\u202etxt.exe", "evil\\u202etxt.exe"), ("line\u2028sep", "line\\u2028sep"),  # bidi override, separator
    ("isolate\u2066x\u2069", "isolate\\u2066x\\u2069"),
])
def test_terminal_safe_shows_control_characters_escaped(text, shown):
    assert terminal_safe(text) == shown


def test_terminal_safe_keeps_text_newlines_and_tabs():
    text = "Hondúras, People’s Daily 人民日报\n\tindented"
    assert terminal_safe(text) == text


@pytest.mark.parametrize(("literal", "shown"), [
    (typed("--06-10", "gMonthDay"), "10 June"), (typed("2023-08", "gYearMonth"), "August 2023"),
    (typed("2013", "gYear"), "2013"), (typed("2017-01-18", "date"), "18 January 2017"),
    (typed("2023-08Z", "gYearMonth"), "August 2023"),  # a time zone is not shown
    (typed("2023-13", "gYearMonth"), "2023-13"), (typed("June", "date"), "June"),  # ill-formed: as written
    (ox.Literal("--06-10"), "--06-10"), (ox.Literal("2023-08", language="en"), "2023-08"),  # not dates
])
def test_readable_date(literal, shown):
    assert readable_date(literal) == shown


def test_dated_facts_read_as_dates_in_the_terminal_and_stay_typed_in_machine_formats(kg, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")  # no cell wraps
    result = kg.query(example("dated-facts").text)
    table = format_rows(result, "table")
    assert "10 June" in table and "August 2023" in table and "18 January 2017" in table and "2013" in table
    assert "--06-10" not in table and "2023-08" not in table
    rows = json.loads(format_rows(result, "json"))["results"]["bindings"]
    june = [r["start"] for r in rows if r["start"]["value"] == "--06-10"]
    assert june == [{"type": "literal", "value": "--06-10",
                     "datatype": "http://www.w3.org/2001/XMLSchema#gMonthDay"}]
    # every dated fact the graph holds is there, each with its precision, article and quote
    dated = {(r["item"]["value"], r["property"]["value"]) for r in rows}
    assert len(dated) >= 40
    assert all(r["precision"]["value"] and r["file"]["value"] and r["quote"]["value"] for r in rows)


def sample_rows() -> Rows:
    """Two rows: an IRI, a language-tagged text with a bar and a newline, a typed number, one unbound."""
    return Rows(["who", "said", "n"], [
        [ox.NamedNode("https://w3id.org/gcsf/id/person/xi-jinping"), ox.Literal("a | b\nc", language="en"),
         typed("48", "integer")],
        [ox.BlankNode("b0"), ox.Literal("plain \x1b[31m red"), None],
    ])


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_the_w3c_formats_parse_back_to_the_same_terms(fmt):
    rows = sample_rows()
    text = format_rows(rows, fmt)
    parsed = ox.parse_query_results(text.encode(), format=getattr(ox.QueryResultsFormat, fmt.upper()))
    assert [str(v)[1:] for v in parsed.variables] == rows.variables
    back = [[solution[v] for v in parsed.variables] for solution in parsed]
    assert back[0] == rows.terms[0]
    assert back[1][1:] == rows.terms[1][1:] and isinstance(back[1][0], ox.BlankNode)


def test_csv_keeps_the_text_of_each_term():
    text = format_rows(sample_rows(), "csv")
    assert list(csv.reader(io.StringIO(text))) == [
        ["who", "said", "n"], ["https://w3id.org/gcsf/id/person/xi-jinping", "a | b\nc", "48"],
        ["_:b0", "plain \x1b[31m red", ""]]
    assert text.endswith("\r\n")


def test_compact_json_is_one_line():
    assert format_rows(sample_rows(), "json", compact=True).count("\n") == 1
    assert format_rows(sample_rows(), "json").count("\n") > 1


def test_markdown_shortens_iris_and_escapes_bars_newlines_and_controls():
    lines = format_rows(sample_rows(), "markdown").splitlines()
    assert lines[0] == "| who | said | n |" and lines[1] == "|---|---|---|"
    assert lines[2] == "| person:xi-jinping | a \\| b c | 48 |"
    assert lines[3] == "| _:b0 | plain \\x1b[31m red |  |"


@pytest.mark.parametrize("columns", [60, 100, 240])
def test_a_table_fits_within_the_width_and_wraps_long_cells(monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    long = " ".join(["words"] * 60)
    rows = Rows(["name", "quote"], [[ox.Literal("Xi Jinping"), ox.Literal(long)]])
    lines = format_rows(rows, "table").splitlines()
    assert all(len(line) <= columns for line in lines), lines
    assert len({len(line) for line in lines}) == 1  # every line as wide as the rules
    assert lines[0].startswith("+-") and lines[2].startswith("+=") and lines[-1] == lines[0]
    body = " ".join(line.split("|")[2].strip() for line in lines[3:-1])
    assert " ".join(body.split()) == long  # wrapped, nothing lost
    assert (len(lines) > 5) == (len(long) + 20 > columns)


def test_a_table_escapes_control_characters():
    table = format_rows(sample_rows(), "table")
    assert "\x1b" not in table and "\\x1b[31m" in table


def test_every_row_format_is_known_and_others_are_refused():
    assert set(ROW_FORMATS) == {"json", "xml", "csv", "tsv", "table", "markdown"}
    for fmt in ROW_FORMATS:
        assert format_rows(sample_rows(), fmt).endswith("\n")
    with pytest.raises(UsageError, match="unknown format 'yaml' for rows; choose one of json"):
        format_rows(sample_rows(), "yaml")


@pytest.mark.parametrize(("fmt", "true", "false"), [
    ("json", '{"head": {}, "boolean": true}\n', '{"head": {}, "boolean": false}\n'),
    ("table", "true\n", "false\n"), ("csv", "true\n", "false\n"),
])
def test_format_boolean(fmt, true, false):
    assert format_boolean(True, fmt) == true and format_boolean(False, fmt) == false


def test_format_boolean_in_xml_parses_back():
    for answer in (True, False):
        parsed = ox.parse_query_results(format_boolean(answer, "xml").encode(), format=ox.QueryResultsFormat.XML)
        assert bool(parsed) is answer


def test_triples_in_each_graph_format_and_tables_of_triples_as_turtle(kg):
    triples = kg.query("CONSTRUCT { country:BEL ?p ?o } WHERE { country:BEL ?p ?o }")
    for fmt, rdf in (("turtle", ox.RdfFormat.TURTLE), ("ntriples", ox.RdfFormat.N_TRIPLES),
                     ("jsonld", ox.RdfFormat.JSON_LD), ("rdfxml", ox.RdfFormat.RDF_XML)):
        assert fmt in GRAPH_FORMATS
        assert len(list(ox.parse(format_triples(triples, fmt).encode(), format=rdf))) == len(triples.triples)
    assert format_result(triples, "table") == format_triples(triples, "turtle")
    assert "@prefix country:" in format_triples(triples, "turtle")
    with pytest.raises(UsageError, match="not 'csv'"):
        format_triples(triples, "csv")


def test_format_result_picks_the_writer_for_each_kind_of_result(kg):
    assert format_result(True, "json") == format_boolean(True, "json")
    rows = kg.query("SELECT ?c WHERE { ?c gcsf:iso3166Alpha3 'BEL' }")
    assert format_result(rows, "csv") == "c\r\nhttps://w3id.org/gcsf/id/country/BEL\r\n"
    with pytest.raises(UsageError, match="turtle is for CONSTRUCT or DESCRIBE results"):
        format_result(rows, "turtle")


def test_describe_prints_facts_with_sources(kg):
    description = describe(kg, "President Xi")
    assert description.guessed is None
    out = format_description(description)
    assert out.startswith("Xi Jinping  <https://w3id.org/gcsf/id/person/xi-jinping>")
    assert "(inverse) participant:" in out
    assert "15th BRICS Summit" in out
    assert '[004_457199ae3097467a.txt] "Last August, Xi attended the 15th BRICS Summit"' in out


def test_a_description_can_show_quotes_another_way(kg):
    out = format_description(describe(kg, "President Xi"), quote=lambda doc, q: f"<<{doc}: {q}>>")
    assert "[004_457199ae3097467a.txt] <<004_457199ae3097467a.txt: Last August, Xi attended" in out


def test_search_hits_one_a_line_with_the_name_that_matched(kg):
    from gcsf_graph import search

    lines = format_matches(search(kg, "President Xi", limit=1)).splitlines()
    assert lines == ["100.0  Xi Jinping  [person]  person:xi-jinping  (as 'President Xi')"]
