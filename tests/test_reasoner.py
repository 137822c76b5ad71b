"""An OWL reasoner (HermiT, through owlready2) finds the ontology and data consistent."""

from __future__ import annotations

import os
import shutil

import pyoxigraph as ox
import pytest
from conftest import RESOURCES

from gcsf_graph import load

FACT_PROPERTY = ox.NamedNode("https://w3id.org/gcsf/ont#FactProperty")


pytestmark = pytest.mark.slow


def consistent(kg, tmp_path) -> bool:
    if shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("the reasoner check needs Java, which this machine kind provides")
        pytest.skip("no java: HermiT cannot run")
    import owlready2

    # gcsf:FactProperty is a class of properties (meta-modelling outside OWL 2 DL); the
    # reasoner is given everything else.
    path = tmp_path / "graph.nt"
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in kg.quads()
               if FACT_PROPERTY not in (q.subject, q.object)]
    ox.serialize(triples, str(path), ox.RdfFormat.N_TRIPLES)
    world = owlready2.World()
    ontology = world.get_ontology(path.as_uri()).load()
    try:
        with ontology:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0,
                                           ignore_unsupported_datatypes=True)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False
    return True


def test_ontology_and_data_are_consistent(kg, tmp_path):
    assert consistent(kg, tmp_path)


def test_the_reasoner_catches_an_inconsistency(tmp_path):
    assert not consistent(load(RESOURCES / "inconsistent.ttl"), tmp_path)
