"""The ontology and its SHACL shapes."""

from __future__ import annotations

import pytest
import rdflib
from conftest import RESOURCES
from rdflib import OWL, RDF, RDFS, SKOS

from gcsf_graph import load, validate
from gcsf_graph.graph import bundled_paths

GCSF = rdflib.Namespace("https://w3id.org/gcsf/ont#")
STANDARD = ("https://schema.org/", "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/org#",
            "http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/",
            "http://semanticweb.cs.vu.nl/2009/11/sem/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2002/07/owl#",
            "http://www.w3.org/ns/oa#")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    # rdflib's own Turtle parser: independent of the Oxigraph parser the library uses.
    return rdflib.Graph().parse(bundled_paths()["ontology"], format="turtle")


def terms(ontology, kind):
    return sorted(s for s in ontology.subjects(RDF.type, kind) if str(s).startswith(str(GCSF)))


def test_ontology_metadata(ontology):
    onto = next(ontology.subjects(RDF.type, OWL.Ontology))
    for p in (OWL.versionIRI, OWL.versionInfo, rdflib.DCTERMS.title, rdflib.DCTERMS.description,
              rdflib.DCTERMS.license, rdflib.URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix")):
        assert ontology.value(onto, p) is not None, p


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty])
def test_every_term_is_labelled_defined_and_aligned(ontology, kind):
    found = terms(ontology, kind)
    assert found
    for term in found:
        assert ontology.value(term, RDFS.label), f"{term} has no label"
        assert ontology.value(term, SKOS.definition), f"{term} has no definition"
        parents = [*ontology.objects(term, RDFS.subClassOf), *ontology.objects(term, RDFS.subPropertyOf),
                   *ontology.objects(term, SKOS.closeMatch)]
        # aligned directly to a standard term, or through a parent of our own that is
        def aligned(t, seen=()):
            ups = [*ontology.objects(t, RDFS.subClassOf), *ontology.objects(t, RDFS.subPropertyOf),
                   *ontology.objects(t, SKOS.closeMatch)]
            return any(str(u).startswith(STANDARD) or (u not in seen and aligned(u, (*seen, t)))
                       for u in ups)
        assert parents and aligned(term), f"{term} is not aligned to a standard vocabulary"


@pytest.mark.parametrize("kind", [OWL.ObjectProperty, OWL.DatatypeProperty])
def test_object_properties_have_domain_and_range(ontology, kind):
    for term in terms(ontology, kind):
        assert ontology.value(term, RDFS.domain), f"{term} has no domain"
        if kind == OWL.ObjectProperty:
            assert ontology.value(term, RDFS.range), f"{term} has no range"


def test_shapes_parse_and_name_their_purpose():
    shapes = rdflib.Graph().parse(bundled_paths()["shapes"], format="turtle")
    node_shapes = list(shapes.subjects(RDF.type, rdflib.SH.NodeShape))
    assert len(node_shapes) >= 10
    assert all(shapes.value(s, RDFS.label) for s in node_shapes)


def all_shape_names():
    shapes = rdflib.Graph().parse(bundled_paths()["shapes"], format="turtle")
    return sorted(str(s).split("#")[1] for s in shapes.subjects(RDF.type, rdflib.SH.NodeShape))


@pytest.fixture(scope="module")
def broken_report():
    return validate(load(RESOURCES / "broken.ttl"))


def test_broken_fixture_does_not_conform(broken_report):
    assert not broken_report.conforms


@pytest.mark.parametrize("shape", all_shape_names())
def test_each_shape_rejects_the_broken_fixture(broken_report, shape):
    assert any(v.shape == shape for v in broken_report.violations), broken_report.text


@pytest.mark.slow  # the reasoner: pySHACL with RDFS inference over the whole graph
def test_the_bundled_graph_violates_no_shape(bundled_report):
    assert bundled_report.violations == []
