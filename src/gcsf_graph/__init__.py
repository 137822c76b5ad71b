"""gcsf-graph: a knowledge graph of China's "global community of shared future" diplomacy.

Every fact comes from a source article and carries a claim with the article and a verbatim
quote. The public API is the names below; everything else is reached through their results.

>>> import gcsf_graph
>>> kg = gcsf_graph.load()
>>> gcsf_graph.query(kg, "ASK { initiative:bri gcsf:proposedBy person:xi-jinping }")
True
"""

from __future__ import annotations

from .errors import GcsfError

TYPE_CHECKING = False  # typing is for the type checker only: not imported at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

    from .entities import describe, search
    from .export import write_export
    from .graph import KnowledgeGraph, load
    from .info import summary
    from .network import connecting_paths, network_report, to_networkx
    from .shacl import validate
    from .sparql import query
    from .stores import build_store
    from .views import write_view

__version__ = "0.1.0"

# The public names load on first use, so `import gcsf_graph` and `gcsf --help` stay fast. No
# module shares its name with a function it exports, so importing a submodule never hides one.
_LAZY = {
    "KnowledgeGraph": "graph", "load": "graph", "query": "sparql", "search": "entities",
    "describe": "entities", "validate": "shacl", "summary": "info", "to_networkx": "network",
    "network_report": "network", "connecting_paths": "network", "write_export": "export",
    "write_view": "views", "build_store": "stores",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "GcsfError",
    "KnowledgeGraph",
    "__version__",
    "build_store",
    "connecting_paths",
    "describe",
    "load",
    "network_report",
    "query",
    "search",
    "summary",
    "to_networkx",
    "validate",
    "write_export",
    "write_view",
]
