"""``gcsf serve``: a SPARQL 1.1 Protocol endpoint, Linked Data pages and an offline web app.

:mod:`.protocol` reads requests and writes answers by the W3C SPARQL 1.1 Protocol, :mod:`.pages`
writes the entity and vocabulary pages, :mod:`.results` builds a query result's data for the web
app's graph, timeline and map tabs, :mod:`.app` puts them behind one ASGI app and serves it,
:mod:`.workers` runs every graph read with a time limit (in a worker process, or in each server
process of `gcsf serve`), :mod:`.prefork` supervises those server processes, and :mod:`.site`
writes the same pages as a static folder.
"""

from __future__ import annotations

from .app import Settings, create_app, serve
from .site import write_site

__all__ = ["Settings", "create_app", "serve", "write_site"]
