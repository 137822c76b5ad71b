"""The hostile-input rules: no data loss, no connection or file read nobody asked for, bounded
parsing, one-line errors, and a terminal that data cannot drive. One test per rule or case."""

from __future__ import annotations

import itertools
import json
import os
import random
import resource
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT

import gcsf_graph
from gcsf_graph.errors import DataError, GcsfError, QueryRefused, QuerySyntaxError, UsageError
from gcsf_graph.files import write_atomic
from gcsf_graph.sparql import check_query, query
from gcsf_graph.stores import MARKER, build_store

DATA = ROOT / "data" / "triples.ttl"


# ------------------------------------------------------------------------- data loss


def test_replace_refuses_a_folder_that_is_not_a_store(gcsf, tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "thesis.txt").write_text("years of work", encoding="utf-8")
    result = gcsf("load", str(DATA), "--store", str(documents), "--replace")
    assert result.returncode == 2 and "not a store this tool built" in result.stderr
    assert (documents / "thesis.txt").read_text(encoding="utf-8") == "years of work"


def test_replace_swaps_a_store_and_the_old_one_survives_a_failure(tmp_path):
    store = build_store(tmp_path / "s", [DATA], progress=False)
    assert (store / MARKER).is_file()
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(DataError):
        build_store(store, [DATA, broken], replace=True, progress=False)
    assert gcsf_graph.load(store=store).query("ASK { person:xi-jinping a gcsf:Person }") is True
    build_store(store, [DATA], replace=True, progress=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.ttl", "s"]


def _hold_store_open(folder: Path) -> subprocess.Popen[str]:
    code = ("import sys, pyoxigraph as ox; s = ox.Store(sys.argv[1]); print('open', flush=True); "
            "sys.stdin.read()")
    child = subprocess.Popen([sys.executable, "-c", code, str(folder)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    return child


def test_a_store_open_for_writing_is_refused_not_corrupted(tmp_path):
    store = build_store(tmp_path / "s", [DATA], progress=False)
    writer = _hold_store_open(store)
    try:
        with pytest.raises(UsageError, match="open for writing"):
            build_store(store, [DATA], replace=True, progress=False)
    finally:
        writer.communicate("", timeout=30)
    assert len(gcsf_graph.load(store=store)) > 1000


def test_export_follows_a_symlink_and_keeps_it(gcsf, tmp_path):
    target = tmp_path / "real.nt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "out.nt"
    link.symlink_to(target)
    assert gcsf("export", "-o", str(link)).returncode == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").count("\n") > 1000


def test_export_writes_devices_directly_and_never_replaces_them(gcsf_process, tmp_path):
    link = tmp_path / "null.nt"
    link.symlink_to("/dev/null")
    assert gcsf_process("export", "-o", str(link)).returncode == 0
    assert link.is_symlink() and Path("/dev/null").is_char_device()
    assert gcsf_process("export", "-o", "/dev/null", "--format", "ntriples").returncode == 0
    assert Path("/dev/null").is_char_device()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = tmp_path / "received.nt"
    with received.open("wb") as sink:
        reader = subprocess.Popen(["cat", str(fifo)], stdout=sink)
        assert gcsf_process("export", "-o", str(fifo), "--format", "ntriples").returncode == 0
        reader.wait(timeout=60)
    assert received.read_bytes().count(b"\n") > 1000 and fifo.is_fifo()


def test_export_to_standard_output(gcsf_process):
    result = gcsf_process("export", "-o", "-", "--format", "ntriples")
    assert result.returncode == 0 and result.stdout.count("\n") > 1000
    assert not Path("-").exists()


def test_export_refuses_a_folder(tmp_path):
    with pytest.raises(UsageError, match="is a folder"):
        write_atomic(tmp_path, b"x")


def test_stale_leftovers_are_removed_by_the_next_success(tmp_path):
    target = tmp_path / "out.nt"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    stale = tmp_path / f".out.nt.{dead}.abc123.part"
    stale.write_bytes(b"half")
    live = tmp_path / f".out.nt.{os.getpid()}.zzz.part"  # a write still under way in a live process
    live.write_bytes(b"busy")
    other = tmp_path / ".other.nt.1.x.part"
    other.write_bytes(b"not ours")
    write_atomic(target, b"done")
    assert not stale.exists() and live.exists() and other.exists()
    killed_build = tmp_path / ".s.store.dead1"
    killed_build.mkdir()
    (killed_build / "000001.sst").write_bytes(b"x")
    build_store(tmp_path / "s", [DATA], progress=False)
    assert not killed_build.exists()


# ------------------------------------------------------------------- network and leaks


class _Listener:
    """A TCP listener on a free loopback port that counts connection attempts."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.socket.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self.socket.shutdown(socket.SHUT_RDWR)  # wakes the waiting accept() at once
        self._thread.join(timeout=5)
        self.socket.close()


@pytest.fixture
def listener():
    server = _Listener()
    yield server
    server.close()


def _variants(port: int, count: int) -> list[str]:
    """Generated disguises of SERVICE and FROM: comments, line ends, escapes, case, strings."""
    url = f"<http://127.0.0.1:{port}/sparql>"
    keywords = ["SERVICE", "service", "SeRvIcE", "\\u0053ERVICE", "\\U00000053ervice", "S\\u0045RVICE",
                "SERVICE SILENT", "service silent"]
    before = ["", "# c\r", "# c\n", "# c\r\n", "#\r", " # x\u2028", "\t", "\f", "# \"\r", "# '\r",
              "#<\r", "\"#\" ", "'''x''' ", "\"\"\"x\"\"\" ", "<x:#> ", "?v ", "\"x\"@en-x-copy ",
              "\"a\\\"b\" ", "(1) ", "_:b ", "# SERVICE\n"]
    shapes = [
        "SELECT * WHERE {{ {pre}{kw} {url} {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ ?a ?b ?c . {pre}{kw} {url} {{ ?s ?p ?o }} }}",
        "ASK {{ {pre}{kw} {url} {{ ?s ?p ?o }} }}",
        "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pre}{kw} {url} {{ ?s ?p ?o }} }}",
        "SELECT * {pre}FROM {url} WHERE {{ ?s ?p ?o }}",
        "SELECT * {pre}from named {url} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ OPTIONAL {{ {pre}{kw} {url} {{ ?s ?p ?o }} }} }}",
    ]
    generated = [shape.format(pre=pre, kw=kw, url=url)
                 for shape, pre, kw in itertools.product(shapes, before, keywords)]
    rng = random.Random(7)
    while len(generated) < count:  # random mixes of the pieces, to reach corners not listed
        pre = "".join(rng.choice(before) for _ in range(rng.randint(1, 3)))
        generated.append(rng.choice(shapes).format(pre=pre, kw=rng.choice(keywords), url=url))
    return generated


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_no_query_disguise_ever_opens_a_connection(listener, engine):
    kg = gcsf_graph.load(DATA, ontology=False, engine=engine)
    variants = _variants(listener.port, 3000 if engine == "oxigraph" else 600)
    refused = 0
    for text in variants:
        try:
            query(kg, text)
        except QueryRefused:
            refused += 1
        except GcsfError:
            pass  # malformed: refused by the parser, which never connects
    assert listener.connections == 0
    assert refused >= len(variants) // 2


def test_allowing_service_really_reaches_the_listener(listener):
    """The listener would see a connection: the test above is not blind."""
    kg = gcsf_graph.load(DATA, ontology=False)
    with pytest.raises(GcsfError):
        query(kg, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}",
              allow_service=True, timeout=20)
    assert listener.connections >= 1


@pytest.mark.parametrize("text", [
    'SELECT ?s WHERE { ?s rdfs:label "Xi Jinping"@en-x-copy }',
    'SELECT ?s WHERE { ?s rdfs:label "Service from Beijing"@en }',
    "SELECT ?from WHERE { BIND(<https://example.org/service/from/drop> AS ?from) }",
    "SELECT ?s WHERE { ?s ?p ?o } # nothing here is a SERVICE or an update: INSERT DELETE\n",
    "SELECT ?x WHERE { VALUES ?x { 'load' 'with' 'copy' 'add' 'move' } }",
])
def test_valid_read_queries_are_never_refused(kg, text):
    assert check_query(text) == "SELECT"
    query(kg, text)


def test_a_pathological_query_is_checked_in_linear_time(kg):
    # 60 KB of '"\\' took 19 s in a quadratic scan; checked and refused well inside the time limit
    with pytest.raises(QuerySyntaxError):
        query(kg, 'SELECT * WHERE { ?s ?p ' + '"\\' * 30_000 + ' }', timeout=5)
    with pytest.raises(QueryRefused, match="at most"):
        query(kg, "#" * 2_000_000 + "\nASK {}")


# ------------------------------------------------------------------ resource exhaustion


def test_billion_laughs_is_refused_before_parsing(tmp_path):
    lol = tmp_path / "lol.rdf"
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    lol.write_text(f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY lol0 "lol">{entities}]>'
                   '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                   'xmlns:e="http://e/"><rdf:Description rdf:about="http://e/s">'
                   '<e:p>&lol9;</e:p></rdf:Description></rdf:RDF>', encoding="utf-8")
    for engine in ("oxigraph", "rdflib"):
        with pytest.raises(DataError, match="ENTITY"):
            gcsf_graph.load(lol, engine=engine)


def test_a_literal_too_big_for_the_parser_names_file_and_line(tmp_path):
    huge = tmp_path / "huge.nt"
    with huge.open("w", encoding="utf-8") as out:
        out.write("<http://e/a> <http://e/p> \"small\" .\n")
        out.write("<http://e/a> <http://e/p> \"" + "x" * (17 * 2**20) + "\" .\n")
    with pytest.raises(DataError) as info:
        gcsf_graph.load(huge, ontology=False)
    assert info.value.path == str(huge) and info.value.line == 2


# -------------------------------------------------------------- one-line errors, bindings


@pytest.mark.parametrize("limit", ["100000000000000000000000000000", "9223372036854775807"])
def test_huge_limits_are_usage_errors(gcsf, limit):
    result = gcsf("query", "--limit", limit, "ASK {}")
    assert result.returncode == 2 and "Traceback" not in result.stderr


@pytest.mark.parametrize("bind", ["x=<not an iri>", "x y=1", "x}=1", "=1", "x"])
def test_bad_bindings_are_usage_errors(gcsf, bind):
    result = gcsf("query", "--bind", bind, "SELECT ?x WHERE { ?x ?p ?o } LIMIT 1")
    assert result.returncode == 2 and result.stderr.startswith("Error: UsageError")


@pytest.mark.parametrize("bindings", [{"x y": 1}, {"x}": 1}, {"x": None}, {"x": "\ud800"}, {"": 1}])
def test_bad_bindings_in_the_library(kg, bindings):
    with pytest.raises(UsageError):
        query(kg, "SELECT ?x WHERE { ?x ?p ?o } LIMIT 1", bindings=bindings)


def _damage(store: Path, how: str) -> None:
    if how == "sst":
        for table in store.glob("*.sst"):
            table.unlink()
    else:
        (store / "CURRENT").write_text("garbage\n", encoding="utf-8")


@pytest.mark.parametrize("how", ["sst", "current"])
def test_a_damaged_store_says_so(gcsf, tmp_path, how):
    store = build_store(tmp_path / "s", [DATA], progress=False)
    _damage(store, how)
    result = gcsf("query", "--store", str(store), "ASK { ?s ?p ?o }")
    assert result.returncode == 2 and "damaged" in result.stderr and "Traceback" not in result.stderr


CHINESE = "人类命运共同体"


def test_output_never_fails_on_the_terminal_encoding(gcsf_process, tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    result = subprocess.run([*_gcsf(), "query", "SELECT ?l WHERE { ?c rdfs:label ?l } ORDER BY ?l"],
                            capture_output=True, env=env, timeout=120, check=False)
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": ""}
    result = subprocess.run([*_gcsf(), "describe", CHINESE], capture_output=True, env=env, timeout=120,
                            check=False)
    assert result.returncode in (0, 1) and b"Traceback" not in result.stderr


def _gcsf() -> list[str]:
    from conftest import gcsf_executable

    return gcsf_executable()


def test_one_query_file_reader_for_every_command(gcsf, tmp_path):
    latin = tmp_path / "latin1.rq"
    latin.write_bytes("CONSTRUCT WHERE { ?s rdfs:label 'Bélgica' }".encode("latin-1"))
    for args in (["query", str(latin)], ["viz", "-o", str(tmp_path / "p.html"), "--query", str(latin)]):
        result = gcsf(*args)
        assert result.returncode == 2 and "is not UTF-8 text" in result.stderr, args


def test_shapes_in_rdfxml_are_read_as_rdfxml(tmp_path):
    import rdflib

    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    path = tmp_path / "shapes.rdf"
    path.write_text(shapes.serialize(format="xml"), encoding="utf-8")
    broken = gcsf_graph.load(ROOT / "tests" / "resources" / "broken.ttl")
    as_xml, as_turtle = gcsf_graph.validate(broken, shapes=path), gcsf_graph.validate(broken)
    assert not as_xml.conforms and as_xml.violations == as_turtle.violations


def test_a_shacl_sparql_constraint_with_service_is_refused(kg, tmp_path):
    path = tmp_path / "evil.ttl"
    path.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
<http://e/S> a sh:NodeShape ; sh:targetNode <http://e/x> ;
  sh:sparql [ sh:select "SELECT $this WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }" ] .
""", encoding="utf-8")
    with pytest.raises(DataError, match="SERVICE is off"):
        gcsf_graph.validate(kg, shapes=path)


def test_a_full_disk_blames_the_store_not_the_input(tmp_path):
    big = tmp_path / "big.nt"
    with big.open("w", encoding="utf-8") as out:
        for i in range(200_000):
            out.write(f"<http://e/s{i}> <http://e/p> \"value number {i} with some padding text\" .\n")
    code = ("import sys; from gcsf_graph.stores import build_store; from gcsf_graph.errors import GcsfError\n"
            "try: build_store(sys.argv[1], [sys.argv[2]], progress=False)\n"
            "except GcsfError as e: print(e)\n")

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2_000_000, 2_000_000))

    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "s"), str(big)],
                            capture_output=True, text=True, preexec_fn=small_files, timeout=300, check=False)
    assert "cannot write the store" in result.stdout, result.stdout + result.stderr
    assert not (tmp_path / "s").exists()


# ------------------------------------------------------------------------ terminal safety


def test_control_characters_are_shown_escaped_in_terminal_output(gcsf, tmp_path):
    hostile = tmp_path / "hostile.ttl"
    label = "Evil\x1b]0;pwned\x07 \x1b[2J name"
    hostile.write_text(f'<https://w3id.org/gcsf/id/person/evil> a <https://w3id.org/gcsf/ont#Person> ;\n'
                       f'  <http://www.w3.org/2000/01/rdf-schema#label> {json.dumps(label)} .\n',
                       encoding="utf-8")
    for args in (["describe", "person:evil"], ["search", "Evil"],
                 ["query", "SELECT ?l WHERE { ?p rdfs:label ?l }"]):
        result = gcsf(*args, "--data", str(hostile))
        assert result.returncode == 0 and "\x1b" not in result.stdout, args
        assert "\\x1b]0;pwned\\x07" in result.stdout, args
    exact = gcsf("query", "SELECT ?l WHERE { ?p rdfs:label ?l }", "--format", "json", "--data", str(hostile))
    assert json.loads(exact.stdout)["results"]["bindings"][0]["l"]["value"] == label
