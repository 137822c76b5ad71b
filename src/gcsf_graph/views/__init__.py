"""Interactive, self-contained HTML pages of the graph: a graph, a timeline and a map.

Each view is one front-end module (``frontend/src/<view>.js``) that draws JSON data into a
container element; the functions here build that data from the knowledge graph and write a page
with the view's bundle inlined, so it opens from disk with the network off.

>>> sorted(VIEWS)
['graph', 'map', 'timeline']
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from .graph import focus_graph, graph_data, to_html, viz_graph, write_html
from .map import map_data, write_map
from .page import VIEWS, View
from .timeline import timeline_data, timeline_rows, write_timeline

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

__all__ = ["VIEWS", "View", "focus_graph", "graph_data", "map_data", "timeline_data", "timeline_rows",
           "to_html", "viz_graph", "write_html", "write_map", "write_timeline", "write_view"]


def write_view(kg: KnowledgeGraph, path: str | Path, *, view: View = "graph", focus: str | None = None,
               depth: int = 1, query: str | None = None, classes: Iterable[str] | None = None,
               title: str | None = None, open_browser: bool = False) -> Path:
    """Write one view's page and return its path: ``query`` is a CONSTRUCT for the graph, a SELECT
    for the timeline (see :mod:`gcsf_graph.views.timeline`); the map takes the whole graph.

    >>> import tempfile
    >>> from gcsf_graph import load
    >>> write_view(load(), tempfile.mkdtemp() + "/m.html", view="map", focus="BRI")
    Traceback (most recent call last):
    ...
    gcsf_graph.errors.UsageError: a focus entity and classes belong to the graph view, not the map
    """
    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if view != "graph" and (focus or classes):
        raise UsageError(f"a focus entity and classes belong to the graph view, not the {view}")
    if view == "timeline":
        return write_timeline(kg, path, query=query, title=title, open_browser=open_browser)
    if view == "map":
        if query is not None:
            raise UsageError("the map is drawn from the whole graph; a query is for the graph or timeline")
        return write_map(kg, path, title=title, open_browser=open_browser)
    return write_html(kg, path, focus=focus, depth=depth, construct=query, classes=classes, title=title,
                      open_browser=open_browser)
