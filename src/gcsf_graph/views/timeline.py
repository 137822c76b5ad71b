"""The timeline view: every dated fact, each date drawn at its precision.

A date's precision comes from its datatype: ``xsd:gYear`` spans its year, ``xsd:gYearMonth`` its
month, ``xsd:date`` and ``xsd:dateTime`` are points, a start with an end is a range (from the
start's first moment to the end's last). ``xsd:gMonthDay`` (a day observed every year) has no year
to place, so it is listed beside the timeline. A plain string is read by its shape.

The rows come from the bundled example ``dated-facts`` or from any SELECT whose columns follow
the same convention: ``?start`` (required), ``?end``, ``?item`` (an IRI: its facts fill the side
panel), ``?label``, ``?class`` (groups the items) and ``?property`` (which date it is).

>>> from gcsf_graph import load
>>> data = timeline_data(load())
>>> bri = next(i for i in data["items"] if i["label"] == "Belt and Road Initiative")
>>> bri["start"], bri["end"], bri["precision"]
('2013-01-01', '2014-01-01', 'year')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..errors import UsageError
from ..namespaces import local_name
from ..terms import XSD

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph
    from ..sparql import Rows

__all__ = ["COLUMNS", "DatePoint", "parse_date", "timeline_data", "timeline_rows", "write_timeline"]

#: The columns a timeline query may have; ``?start`` is required.
COLUMNS = ("item", "label", "start", "end", "class", "property")

_SHAPES = [  # (precision, pattern) for dates, with an optional time zone
    ("year", re.compile(r"(-?\d{4,})(Z|[+-]\d{2}:\d{2})?")),
    ("month", re.compile(r"(-?\d{4,})-(\d{2})(Z|[+-]\d{2}:\d{2})?")),
    ("day", re.compile(r"(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?")),
    ("time", re.compile(r"(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?")),
    ("annual", re.compile(r"--(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?")),
]
_DATATYPES = {f"{XSD}gYear": "year", f"{XSD}gYearMonth": "month", f"{XSD}date": "day",
              f"{XSD}dateTime": "time", f"{XSD}gMonthDay": "annual"}


@dataclass(frozen=True)
class DatePoint:
    """A date read at its precision: the first moment it covers and the first moment after it."""

    precision: str  # year, month, day, time or annual
    begin: dt.datetime | None  # None for an annual day (no year)
    after: dt.datetime | None
    text: str


def _iso(moment: dt.datetime, precision: str) -> str:
    if precision == "time":
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    return moment.strftime("%Y-%m-%d")


def parse_date(term: ox.Literal) -> DatePoint:
    """Read a date literal at its precision; raise ValueError for anything that is not a date.

    >>> parse_date(ox.Literal("2023-08", datatype=ox.NamedNode(XSD + "gYearMonth"))).after
    datetime.datetime(2023, 9, 1, 0, 0)
    >>> parse_date(ox.Literal("--06-10", datatype=ox.NamedNode(XSD + "gMonthDay"))).text
    'every 10 June'
    """
    text = term.value.strip()
    wanted = _DATATYPES.get(term.datatype.value)
    for precision, pattern in _SHAPES:
        if wanted not in (None, precision):
            continue
        m = pattern.fullmatch(text)
        if not m:
            continue
        try:
            return _point(precision, m)
        except (ValueError, OverflowError) as error:
            raise ValueError(f"{text!r} is not a date on the calendar ({error})") from None
    raise ValueError(f"{text!r} is not a date")


def _point(precision: str, m: re.Match[str]) -> DatePoint:
    if precision == "annual":
        month, day = int(m[1]), int(m[2])
        dt.date(2000, month, day)  # raises for a day that no year has
        return DatePoint("annual", None, None, f"every {day} {calendar.month_name[month]}")
    year = int(m[1])
    if not 1 <= year <= 9999:
        raise ValueError("a year outside 1-9999")
    if precision == "year":
        after = dt.datetime(year + 1, 1, 1) if year < 9999 else None
        return DatePoint("year", dt.datetime(year, 1, 1), after, m[0])
    month = int(m[2])
    if precision == "month":
        begin = dt.datetime(year, month, 1)
        after = dt.datetime(year + month // 12, month % 12 + 1, 1) if (year, month) < (9999, 12) else None
        return DatePoint("month", begin, after, m[0])
    day = int(m[3])
    if precision == "day":
        begin = dt.datetime(year, month, day)
        return DatePoint("day", begin, begin + dt.timedelta(days=1), m[0])
    begin = dt.datetime(year, month, day, int(m[4]), int(m[5]), min(int(m[6]), 59))
    return DatePoint("time", begin, begin, m[0])


def timeline_rows(kg: KnowledgeGraph, query: str | None = None) -> Rows:
    """The rows of the timeline: the bundled ``dated-facts`` example, or ``query`` (a SELECT).

    >>> from gcsf_graph import load
    >>> timeline_rows(load(), "SELECT ?item WHERE { ?item a gcsf:Person }")
    Traceback (most recent call last):
    ...
    gcsf_graph.errors.UsageError: a timeline query needs a ?start column; it has ?item
    """
    from ..examples import example
    from ..sparql import Rows

    result = kg.query(query if query is not None else example("dated-facts").text)
    if not isinstance(result, Rows):
        raise UsageError("a timeline query must be a SELECT with a ?start column "
                         "(and optionally ?item ?label ?end ?class ?property)")
    if "start" not in result.variables:
        raise UsageError(f"a timeline query needs a ?start column; it has "
                         f"{', '.join('?' + v for v in result.variables) or 'none'}")
    return result


def _label(item: ox.NamedNode | ox.BlankNode | ox.Literal | None, label: Any) -> tuple[str, str | None]:
    if label is not None and str(label.value).strip():
        return str(label.value), None
    if isinstance(item, ox.NamedNode):
        return f"{local_name(item.value)} (no label)", "no label: named by its IRI"
    if isinstance(item, ox.Literal) and item.value.strip():
        return item.value, None
    return "(no label)", "no label"


def _colour(kind: str) -> str:
    from .graph import _style

    return _style(kind)[0]


def _end(begin: DatePoint, start: ox.Literal, end: Any, warnings: list[str]) -> dt.datetime | None:
    """The first moment after the drawn span: the end's period, else a year's or month's own."""
    own = begin.after if begin.precision in ("year", "month") else None
    if not isinstance(end, ox.Literal):
        return own
    try:
        finish = parse_date(end)
    except ValueError as error:
        warnings.append(f"end date not drawn: {error}")
        return own
    if finish.after is None or begin.begin is None:
        warnings.append(f"end date not drawn: {end.value!r} has no year")
        return own
    if finish.after <= begin.begin:
        warnings.append(f"ends ({end.value}) before it starts ({start.value}): drawn at its start")
        return own
    return finish.after


def _entry(item: Any, label: Any, start: Any, end: Any, kind: Any, prop: Any) -> dict[str, Any]:
    """One row as a timeline entry; ``list`` says where it goes: drawn, annual or skipped."""
    name, warning = _label(item, label)
    entry: dict[str, Any] = {
        "item": item.value if isinstance(item, ox.NamedNode) else None, "label": name,
        "type": kind.value if kind is not None else "other",
        "property": prop.value if prop is not None else "",
        "value": start.value if start is not None else "",
        "endValue": end.value if end is not None else "",
    }
    warnings = [warning] if warning else []
    try:
        if not isinstance(start, ox.Literal):
            raise ValueError("no start date" if start is None else f"{start.value!r} is not a date")
        begin = parse_date(start)
    except ValueError as error:
        return {**entry, "list": "skipped", "precision": "none", "warning": str(error), "text": str(error)}
    entry["precision"] = begin.precision
    if begin.begin is None:
        return {**entry, "list": "annual", "text": begin.text, "warning": "; ".join(warnings)}
    stop = _end(begin, start, end, warnings)
    entry["badDate"] = len(warnings) > (1 if warning else 0)
    entry["start"] = _iso(begin.begin, begin.precision)
    entry["end"] = _iso(stop, "time" if stop.time() != dt.time() else "day") if stop is not None else None
    entry["warning"] = "; ".join(warnings)
    return {**entry, "list": "drawn"}


def timeline_data(kg: KnowledgeGraph, *, query: str | None = None, title: str = "Timeline") -> dict[str, Any]:
    """The timeline view's data: items at their precision, groups by class, side lists, panel facts."""
    from ..network import to_networkx
    from .facts import panel_facts

    rows = timeline_rows(kg, query)
    column = {name: rows.variables.index(name) for name in COLUMNS if name in rows.variables}

    def cell(row: tuple[Any, ...], name: str) -> Any:
        return row[column[name]] if name in column else None

    named = _term_labels(kg)
    drawn: list[dict[str, Any]] = []
    recurring: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for row in rows.terms:
        values = [cell(row, name) for name in COLUMNS]
        key = tuple(str(v) for v in values)
        if key in seen:  # the same dated fact from another source: drawn once
            continue
        seen.add(key)
        # a class or property given by IRI is shown (and grouped) by its label
        values = [ox.Literal(named.get(v.value, local_name(v.value)))
                  if isinstance(v, ox.NamedNode) and name in ("class", "property") else v
                  for name, v in zip(COLUMNS, values, strict=True)]
        entry = _entry(*values)
        {"drawn": drawn, "annual": recurring, "skipped": skipped}[entry.pop("list")].append(entry)
    drawn.sort(key=lambda e: (e["start"], e["end"] or "", e["label"], e["property"], e["item"] or ""))
    types = sorted({e["type"] for e in drawn})
    group = {t: i for i, t in enumerate(types)}
    counts = Counter(e["type"] for e in drawn)
    for i, entry in enumerate(drawn):
        entry["id"] = i
        entry["group"] = group[entry.pop("type")]
    for i, entry in enumerate([*recurring, *skipped], start=len(drawn)):
        entry["id"] = i
    # Items name their entity by its index in the panel facts; empty fields are left out.
    keys = sorted({e["item"] for e in [*drawn, *recurring, *skipped] if e["item"]})
    facts: dict[Any, Any] = {}
    if keys:
        graph = to_networkx(kg)
        index = {k: i for i, k in enumerate(k for k in keys if k in graph)}
        facts = panel_facts(graph, index, search=False)
    for entry in [*drawn, *recurring, *skipped]:
        entry["item"] = index.get(entry["item"]) if keys else None
        for name in [n for n, v in entry.items() if (v is None or v is False or v == "")
                     and n not in ("label", "value")]:
            del entry[name]
    return {
        "title": title, "items": drawn, "recurring": recurring, "skipped": skipped, "facts": facts,
        "groups": [{"id": group[t], "order": group[t], "type": t, "color": _colour(t), "count": counts[t]}
                   for t in types],
        "colors": {group[t]: _colour(t) for t in types},
    }


def _term_labels(kg: KnowledgeGraph) -> dict[str, str]:
    """The labels of the ontology's classes and properties, by IRI."""
    from ..sparql import rows

    found = rows(kg.query("SELECT ?t ?l WHERE { ?t rdfs:label ?l FILTER(STRSTARTS(STR(?t), STR(gcsf:))) }",
                          inference=False, check_terms=False))
    return {r["t"]: r["l"] for r in found}


def write_timeline(kg: KnowledgeGraph, path: str | Path, *, query: str | None = None,
                   title: str | None = None, open_browser: bool = False) -> Path:
    """Write the timeline page of every dated fact (or of a query's rows) and return its path.

    >>> import tempfile
    >>> from gcsf_graph import load
    >>> page = write_timeline(load(), tempfile.mkdtemp() + "/when.html")
    >>> "15th BRICS Summit" in page.read_text(encoding="utf-8")
    True
    """
    from .page import render_page, write_page

    heading = title or "gcsf-graph: every dated fact"
    return write_page(path, render_page("timeline", heading, timeline_data(kg, query=query, title=heading)),
                      open_browser=open_browser)
