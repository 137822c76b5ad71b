"""gcsf-graph: a knowledge graph of China's "global community of shared future" diplomacy.

Every fact comes from one of five source articles and carries a claim with the article and
a verbatim quote.

>>> import gcsf_graph
>>> kg = gcsf_graph.load()
>>> kg.query("ASK { initiative:bri gcsf:proposedBy person:xi-jinping }")
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import GcsfError

if TYPE_CHECKING:
    from .graph import KnowledgeGraph, load, load_store
    from .search import describe, search
    from .validate import validate

__version__ = "0.1.0"

# The public names load on first use, so `import gcsf_graph` and `gcsf --help` stay fast.
_LAZY = {"KnowledgeGraph": "graph", "load": "graph", "load_store": "graph", "describe": "search",
         "search": "search", "validate": "validate"}


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
    "describe",
    "load",
    "load_store",
    "search",
    "validate",
]
