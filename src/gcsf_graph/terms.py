"""Converting RDF terms between pyoxigraph, rdflib and plain Python values.

>>> import pyoxigraph as ox
>>> to_python(ox.Literal("48", datatype=ox.NamedNode(XSD + "integer")))
48
>>> to_python(ox.NamedNode("https://w3id.org/gcsf/id/country/CHN"))
'https://w3id.org/gcsf/id/country/CHN'
"""

from __future__ import annotations

import unicodedata

import pyoxigraph as ox

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# datetime and decimal are imported where a value needs them: most answers never do.

__all__ = ["XSD", "fold", "from_python", "from_rdflib", "parse_literal", "to_python", "to_rdflib"]

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{XSD}{t}" for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}

Term = ox.NamedNode | ox.BlankNode | ox.Literal


def to_python(term: Term | None) -> Any:
    """A plain Python value for a term: str for IRIs and text, int, Decimal, float, bool, date."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return str(term)
    value, datatype = term.value, term.datatype.value
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype == f"{XSD}decimal":
            from decimal import Decimal

            return Decimal(value)
        if datatype in (f"{XSD}double", f"{XSD}float"):
            return float(value)
        if datatype == f"{XSD}boolean":
            return value in ("true", "1")
        if datatype == f"{XSD}date":
            import datetime as dt

            return dt.date.fromisoformat(value)
        if datatype == f"{XSD}dateTime":
            import datetime as dt

            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, ArithmeticError):  # decimal's InvalidOperation is an ArithmeticError
        pass  # an ill-typed literal stays text
    return value


def from_python(value: Any) -> Term:
    """A term for a bound value: terms pass through, Python values become typed literals.

    A plain ``str`` is a literal; pass a :class:`pyoxigraph.NamedNode` or an
    :class:`rdflib.URIRef` for an IRI.

    >>> from_python(2013)
    <Literal value=2013 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return value
    if type(value).__module__.startswith("rdflib"):
        return from_rdflib(value)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(f"{XSD}boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(f"{XSD}integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(f"{XSD}double"))
    import datetime as dt
    from decimal import Decimal

    if isinstance(value, Decimal):
        return ox.Literal(str(value), datatype=ox.NamedNode(f"{XSD}decimal"))
    if isinstance(value, dt.datetime):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(f"{XSD}dateTime"))
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(f"{XSD}date"))
    return ox.Literal(str(value))


def from_rdflib(term: Any) -> Term:
    """The pyoxigraph term for an rdflib term."""
    kind = type(term).__name__
    if kind == "URIRef":
        return ox.NamedNode(str(term))
    if kind == "BNode":
        return ox.BlankNode(str(term))
    if kind == "Literal":
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term: Term) -> Any:
    """The rdflib term for a pyoxigraph term."""
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == f"{XSD}string":
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype))


def parse_literal(text: str) -> ox.Literal:
    """The literal an N-Triples literal (``"2023"^^<...#gYear>``, ``"text"@en``) writes.

    >>> parse_literal('"2023"^^<http://www.w3.org/2001/XMLSchema#gYear>').value
    '2023'
    """
    quad = next(iter(ox.parse(f"<urn:x:s> <urn:x:p> {text} .".encode(), format=ox.RdfFormat.N_TRIPLES)))
    if not isinstance(quad.object, ox.Literal):
        raise ValueError(f"not an N-Triples literal: {text!r}")
    return quad.object


def fold(text: str) -> str:
    """A name folded for matching: case, accents, curly apostrophes and spacing ignored.

    >>> fold("  Hondúras  People’s ")
    "honduras people's"
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    # accents go; control characters separate words
    stripped = "".join(" " if unicodedata.category(c) == "Cc" else c
                       for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())
