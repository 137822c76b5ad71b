"""gcsf-graph: a knowledge graph of China's "global community of shared future" diplomacy.

Every fact comes from one of five source articles and carries a claim with the article and
a verbatim quote.

>>> import gcsf_graph
>>> kg = gcsf_graph.load()
>>> kg.query("ASK { initiative:bri gcsf:proposedBy person:xi-jinping }")
True
"""

from .errors import GcsfError
from .graph import KnowledgeGraph, load, load_store
from .search import describe, search
from .validate import validate

__version__ = "0.1.0"

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
