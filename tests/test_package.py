"""The built wheel carries the ontology and data and loads from any directory."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(out), str(ROOT)], check=True)
    return next(out.glob("gcsf_graph-*.whl"))


def test_wheel_bundles_ontology_shapes_data_and_queries(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("gcsf_graph/resources/ontology/gcsf.ttl", "gcsf_graph/resources/ontology/shapes.ttl",
                   "gcsf_graph/resources/data/triples.ttl", "gcsf_graph/queries/pillars.rq",
                   "gcsf_graph/py.typed", "gcsf_graph/views/templates/page.html",
                   "gcsf_graph/queries/dated-facts.rq",
                   "gcsf_graph/web/templates/entity.html", "gcsf_graph/web/assets/app.js",
                   "gcsf_graph/web/assets/app.css"):
        assert needed in names


def test_wheel_bundles_the_built_page_scripts(wheel):
    """The views' scripts are built by `make frontend` and gitignored, yet ship in the wheel."""
    wheel_zip = zipfile.ZipFile(wheel)
    for view in ("graph", "timeline", "map"):
        for kind in ("js", "css"):
            info = wheel_zip.getinfo(f"gcsf_graph/views/static/{view}.{kind}")
            assert info.file_size > 1000
    assert b'type:"Topology"' in wheel_zip.read("gcsf_graph/views/static/map.js")  # the world's outlines
    assert wheel_zip.getinfo("gcsf_graph/web/static/editor.js").file_size > 100_000  # the SPARQL editor
    tracked = subprocess.run(["git", "ls-files", "src/gcsf_graph/views/static", "src/gcsf_graph/web/static"], cwd=ROOT,
                             capture_output=True, text=True, check=False).stdout
    assert tracked == ""


def test_installed_wheel_loads_from_an_unrelated_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target",
                    str(target), str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import gcsf_graph, sys; kg = gcsf_graph.load(); "
            "assert '/site/gcsf_graph/' in gcsf_graph.__file__, gcsf_graph.__file__; "
            "print(len(kg), kg.query('ASK { initiative:bri a gcsf:Initiative }'), "
            "gcsf_graph.validate(kg).conforms); "
            "from gcsf_graph.views import write_map; assert write_map(kg, 'map.html').stat().st_size > 100000")
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, capture_output=True, text=True,
                            env={"PYTHONPATH": str(target), "PATH": ""}, check=False)
    assert result.returncode == 0, result.stderr
    size, answer, conforms = result.stdout.split()
    assert int(size) > 5000 and answer == "True" and conforms == "True"
