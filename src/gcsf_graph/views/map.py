"""The map view: countries shaded by how many facts involve them, events placed in their country.

Countries carry their ISO 3166 codes (``gcsf:iso3166Alpha2``/``Alpha3``); the page joins them to
world-atlas's outlines (ISO 3166-1 numeric ids) and lists any it cannot draw. An event is placed
in the country its ``gcsf:location`` is, or lies in (a city's own location). Regions and places
with no country are listed beside the map.

>>> from gcsf_graph import load
>>> data = map_data(load())
>>> china = next(c for c in data["countries"] if c["alpha3"] == "CHN")
>>> china["count"] > 10, sorted(e["label"] for e in china["events"])[0]
(True, 'Central Conference on Work Relating to Foreign Affairs')
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

__all__ = ["map_data", "write_map"]

# How many facts (statements of a fact property, either way) involve each place.
_PLACES = """
SELECT ?place ?label ?kind ?a2 ?a3 (COUNT(?fact) AS ?facts) WHERE {
  ?place a ?cls . ?cls rdfs:subClassOf* gcsf:Place ; rdfs:label ?kind .
  OPTIONAL { ?place rdfs:label ?label }
  OPTIONAL { ?place gcsf:iso3166Alpha2 ?a2 }
  OPTIONAL { ?place gcsf:iso3166Alpha3 ?a3 }
  OPTIONAL {
    ?p a gcsf:FactProperty .
    { ?place ?p ?o BIND(?o AS ?fact) } UNION { ?s ?p ?place BIND(?s AS ?fact) }
  }
} GROUP BY ?place ?label ?kind ?a2 ?a3
"""

# Events and the country they took place in (directly, or through a city's or region's location).
_EVENTS = """
SELECT DISTINCT ?country ?event ?label ?start WHERE {
  ?event a/rdfs:subClassOf* gcsf:Event ; gcsf:location/gcsf:location* ?country .
  ?country a gcsf:Country .
  OPTIONAL { ?event rdfs:label ?label }
  OPTIONAL { ?event gcsf:startDate ?start }
}
"""


def map_data(kg: KnowledgeGraph, *, title: str = "Map") -> dict[str, Any]:
    """The map view's data: countries with codes, fact counts and events; other places; panel facts."""
    from ..namespaces import local_name
    from ..network import to_networkx
    from ..sparql import rows
    from .facts import panel_facts

    places = rows(kg.query(_PLACES, inference=False, check_terms=False))  # the query walks subclasses itself
    events = rows(kg.query(_EVENTS, inference=False, check_terms=False))
    held: dict[str, list[dict[str, str]]] = {}
    for r in events:
        held.setdefault(r["country"], []).append({
            "key": r["event"], "label": r["label"] or local_name(r["event"]),
            "date": str(r["start"]) if r["start"] is not None else ""})
    countries: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    for r in places:
        place = {"key": r["place"], "label": r["label"] or local_name(r["place"]), "kind": r["kind"],
                 "count": int(r["facts"])}
        if r["kind"] == "country":
            at = sorted(held.get(r["place"], []), key=lambda e: (e["date"], e["label"]))
            countries.append({**place, "alpha2": r["a2"] or "", "alpha3": r["a3"] or "", "events": at})
        else:
            others.append(place)
    countries.sort(key=lambda c: (-c["count"], c["label"], c["key"]))
    others.sort(key=lambda c: (c["kind"], -c["count"], c["label"], c["key"]))
    keys = [c["key"] for c in countries] + [p["key"] for p in others]
    facts: dict[Any, Any] = {}
    if keys:
        graph = to_networkx(kg)
        facts = panel_facts(graph, {k: k for k in keys if k in graph}, search=False)
    return {"title": title, "countries": countries, "places": others, "facts": facts}


def write_map(kg: KnowledgeGraph, path: str | Path, *, title: str | None = None,
              open_browser: bool = False) -> Path:
    """Write the map page and return its path.

    >>> import tempfile
    >>> from gcsf_graph import load
    >>> page = write_map(load(), tempfile.mkdtemp() + "/where.html")
    >>> "South Africa" in page.read_text(encoding="utf-8")
    True
    """
    from .page import render_page, write_page

    heading = title or "gcsf-graph: where"
    html = render_page("map", heading, map_data(kg, title=heading))
    return write_page(path, html, open_browser=open_browser)
