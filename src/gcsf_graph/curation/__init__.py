"""The curation: facts as data, one YAML file per article, built into ``data/triples.ttl``.

The folder ``data/curation/`` holds ``entities.yaml`` (the shared entities) and one file per
article, named after it (``000_d40c1f3de4251b64.yaml`` curates ``000_d40c1f3de4251b64.txt``)::

    article:                      # the article: metadata as the article states it
      key: doc:004_457199ae3097467a
      file: "004_457199ae3097467a.txt"
      title: "To usher in bright future ..."
      date: "2024-01-21"          # optional, like author, publisher and editor
      sha256: c94e30d3...         # of the article's UTF-8 text: the builder checks it
    entities: []                  # optional: entities only this article speaks of
    facts:                        # in the order of the text, one entry per claim
      - id: cf7125feb5574         # kept for ever: the claim's IRI is claim:<id>
        quote: "By Guo Jiping, People’s Daily"   # verbatim, spaces included
        start: 137                # where the quote starts (character offset)
        subject: doc:004_457199ae3097467a
        predicate: author         # a property of ontology/gcsf.ttl
        object: person:guo-jiping # or text:, date: (YYYY[-MM[-DD]], --MM-DD), number:
        note: "..."               # optional: how the fact was derived
        status: candidate         # optional: ingest's proposals; the builder skips them

An entity is ``{key, label, aliases, class, scheme, iso3166}``; its key ``prefix:name`` is the
end of its IRI (``person:xi-jinping`` is ``https://w3id.org/gcsf/id/person/xi-jinping``). All
values are read as text. Build with ``make data`` (``python -m gcsf_graph.curation``): every
problem stops the build with one line naming the file and line, and nothing is written.

>>> from gcsf_graph.curation import load_curation, selectors
>>> selectors("A quote here.", "quote", 2).end
7
"""

from __future__ import annotations

from .anchors import (
    Selectors,
    corpus_dir,
    quote_in_article,
    quote_in_context,
    read_article,
    selectors,
    sha256,
)
from .build import Curation, build_graph, load_curation, write_triples
from .files import ArticleFile, Entity, Fact

__all__ = [
    "ArticleFile",
    "Curation",
    "Entity",
    "Fact",
    "Selectors",
    "build_graph",
    "corpus_dir",
    "load_curation",
    "quote_in_article",
    "quote_in_context",
    "read_article",
    "selectors",
    "sha256",
    "write_triples",
]
