"""The namespaces of the ontology, the data and the standard vocabularies, defined once.

>>> PREFIXES["gcsf"]
'https://w3id.org/gcsf/ont#'
>>> shorten("https://w3id.org/gcsf/id/person/xi-jinping")
'person:xi-jinping'
"""

from __future__ import annotations

__all__ = ["DATA", "GCSF", "OA", "PREFIXES", "expand", "local_name", "shorten"]

GCSF = "https://w3id.org/gcsf/ont#"
DATA = "https://w3id.org/gcsf/id/"
#: The W3C Web Annotation vocabulary: where a claim's quote sits in its article.
OA = "http://www.w3.org/ns/oa#"

#: The data prefixes: one per kind of entity, as in ``person:xi-jinping``.
DATA_PREFIXES = {
    kind: f"{DATA}{kind}/"
    for kind in ("person", "post", "tenure", "country", "region", "city", "organization",
                 "initiative", "project", "event", "agreement", "doc", "concept", "stat",
                 "relationship", "claim")
}

#: Prefixes every query knows without declaring them.
PREFIXES: dict[str, str] = {
    "gcsf": GCSF,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "sh": "http://www.w3.org/ns/shacl#",
    "oa": OA,
    **DATA_PREFIXES,
}

# Longest namespace first, so the most specific prefix wins.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def shorten(iri: str) -> str:
    """Write an IRI as ``prefix:local`` when a known prefix covers it, else unchanged."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and "/" not in iri[len(namespace):]:
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def expand(name: str) -> str:
    """Turn ``prefix:local`` into a full IRI; anything else is returned unchanged.

    >>> expand("gcsf:Person")
    'https://w3id.org/gcsf/ont#Person'
    """
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return name


def local_name(iri: str) -> str:
    """The last part of an IRI, after its final ``#`` or ``/``.

    >>> local_name("https://w3id.org/gcsf/ont#startDate")
    'startDate'
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
