"""Converting RDF terms (terms.py) between pyoxigraph, rdflib and plain Python values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyoxigraph as ox
import pytest
import rdflib

from gcsf_graph.terms import XSD, fold, from_python, from_rdflib, parse_literal, to_python, to_rdflib


def typed(value: str, kind: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + kind))


@pytest.mark.parametrize(("term", "value"), [
    (typed("48", "integer"), 48), (typed("7", "nonNegativeInteger"), 7), (typed("-3", "int"), -3),
    (typed("2.50", "decimal"), Decimal("2.50")), (typed("1.5e3", "double"), 1500.0), (typed("0.5", "float"), 0.5),
    (typed("true", "boolean"), True), (typed("1", "boolean"), True), (typed("false", "boolean"), False),
    (typed("2017-01-18", "date"), dt.date(2017, 1, 18)),
    (typed("2023-08-22T10:00:00Z", "dateTime"), dt.datetime(2023, 8, 22, 10, tzinfo=dt.UTC)),
    (typed("2023", "gYear"), "2023"), (typed("--06-10", "gMonthDay"), "--06-10"),  # partial dates stay text
    (ox.Literal("Xi Jinping", language="en"), "Xi Jinping"), (ox.Literal("plain"), "plain"),
    (ox.NamedNode("https://w3id.org/gcsf/id/country/CHN"), "https://w3id.org/gcsf/id/country/CHN"),
    (ox.BlankNode("b7"), "_:b7"), (None, None),
])
def test_to_python(term, value):
    converted = to_python(term)
    assert converted == value and type(converted) is type(value)


@pytest.mark.parametrize("term", [typed("forty", "integer"), typed("1.2.3", "decimal"), typed("2017-13-45", "date"),
                                  typed("x", "double")])
def test_an_ill_typed_literal_stays_text(term):
    assert to_python(term) == term.value


@pytest.mark.parametrize(("value", "term"), [
    (True, typed("true", "boolean")), (False, typed("false", "boolean")),  # bool before int
    (2013, typed("2013", "integer")), (0.25, typed("0.25", "double")), (Decimal("1.10"), typed("1.10", "decimal")),
    (dt.date(2023, 8, 22), typed("2023-08-22", "date")),
    (dt.datetime(2023, 8, 22, 10, 30), typed("2023-08-22T10:30:00", "dateTime")),
    ("https://w3id.org/gcsf/id/country/CHN", ox.Literal("https://w3id.org/gcsf/id/country/CHN")),  # text, not an IRI
    (ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:a")), (rdflib.URIRef("urn:x:a"), ox.NamedNode("urn:x:a")),
    (rdflib.Literal("Xi", lang="en"), ox.Literal("Xi", language="en")),
])
def test_from_python(value, term):
    assert from_python(value) == term


@pytest.mark.parametrize("value", [48, Decimal("2.50"), 1.5, True, dt.date(2017, 1, 18),
                                   dt.datetime(2023, 8, 22, 10, tzinfo=dt.UTC), "text"])
def test_python_values_round_trip(value):
    assert to_python(from_python(value)) == value


@pytest.mark.parametrize("term", [
    ox.NamedNode("https://w3id.org/gcsf/id/person/xi-jinping"), ox.BlankNode("b1"),
    ox.Literal("Xi Jinping", language="en"), ox.Literal("plain"), typed("2023", "gYear"), typed("48", "integer"),
])
def test_rdflib_terms_round_trip(term):
    other = to_rdflib(term)
    assert type(other).__module__.startswith("rdflib")
    assert from_rdflib(other) == term


def test_to_rdflib_makes_the_matching_kind_of_term():
    assert to_rdflib(ox.NamedNode("urn:x:a")) == rdflib.URIRef("urn:x:a")
    assert to_rdflib(ox.Literal("Xi", language="en")) == rdflib.Literal("Xi", lang="en")
    assert to_rdflib(ox.Literal("plain")) == rdflib.Literal("plain")  # xsd:string is a plain literal
    assert to_rdflib(typed("2013", "gYear")).datatype == rdflib.URIRef(XSD + "gYear")


def test_from_rdflib_refuses_what_is_not_a_term():
    with pytest.raises(TypeError, match="not an RDF term"):
        from_rdflib(rdflib.Graph())


@pytest.mark.parametrize(("text", "term"), [
    ('"2023"^^<http://www.w3.org/2001/XMLSchema#gYear>', typed("2023", "gYear")),
    ('"Xi Jinping"@en', ox.Literal("Xi Jinping", language="en")), ('"plain"', ox.Literal("plain")),
    ('"line\\nbreak"', ox.Literal("line\nbreak")),
])
def test_parse_literal(text, term):
    assert parse_literal(text) == term


@pytest.mark.parametrize("text", ["<urn:x:a>", "_:b0"])
def test_parse_literal_refuses_other_terms(text):
    with pytest.raises(ValueError, match="not an N-Triples literal"):
        parse_literal(text)


def test_parse_literal_refuses_broken_syntax():
    with pytest.raises(SyntaxError):
        parse_literal('"unterminated')


@pytest.mark.parametrize(("text", "folded"), [
    ("  Hondúras  People’s ", "honduras people's"), ("XI JINPING", "xi jinping"),
    ("Côte d’Ivoire", "cote d'ivoire"), ("tab\tand\nnewline", "tab and newline"),
    ("control\x07bell", "control bell"), ("ﬁnance", "finance"),  # compatibility forms are unfolded
    ("Straße", "strasse"), ("", ""),
])
def test_fold(text, folded):
    assert fold(text) == folded
