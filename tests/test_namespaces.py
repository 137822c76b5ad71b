"""The namespaces (namespaces.py): prefixes defined once, IRIs shortened and expanded."""

from __future__ import annotations

import pytest

from gcsf_graph.namespaces import DATA, GCSF, PREFIXES, expand, local_name, shorten


def test_every_kind_of_entity_has_its_data_prefix():
    for kind in ("person", "country", "organization", "initiative", "event", "doc", "concept", "claim"):
        assert PREFIXES[kind] == f"{DATA}{kind}/"
    assert PREFIXES["gcsf"] == GCSF
    assert len(set(PREFIXES.values())) == len(PREFIXES)  # one prefix per namespace


@pytest.mark.parametrize(("iri", "short"), [
    ("https://w3id.org/gcsf/id/person/xi-jinping", "person:xi-jinping"),
    ("https://w3id.org/gcsf/ont#Person", "gcsf:Person"),
    ("http://www.w3.org/2000/01/rdf-schema#label", "rdfs:label"),
    ("http://www.w3.org/ns/oa#start", "oa:start"),
    ("https://w3id.org/gcsf/id/", "https://w3id.org/gcsf/id/"),  # no prefix covers the base alone
    ("https://w3id.org/gcsf/id/person/a/b", "https://w3id.org/gcsf/id/person/a/b"),  # not a simple local name
    ("http://example.org/x", "http://example.org/x"),
])
def test_shorten_uses_the_most_specific_prefix_or_leaves_the_iri(iri, short):
    assert shorten(iri) == short


@pytest.mark.parametrize("short", ["person:xi-jinping", "gcsf:Person", "rdfs:label", "country:BEL", "oa:start"])
def test_expand_undoes_shorten(short):
    assert shorten(expand(short)) == short
    assert expand(short).startswith(("http://", "https://"))


@pytest.mark.parametrize("name", ["Xi Jinping", "nope:thing", "https://w3id.org/gcsf/id/person/xi-jinping",
                                  "person://host", "Belt and Road: the forum"])
def test_expand_leaves_anything_else_unchanged(name):
    assert expand(name) == name


@pytest.mark.parametrize(("iri", "local"), [
    ("https://w3id.org/gcsf/ont#startDate", "startDate"), ("https://w3id.org/gcsf/id/person/xi-jinping", "xi-jinping"),
    ("urn:x:plain", "urn:x:plain"),
])
def test_local_name(iri, local):
    assert local_name(iri) == local
