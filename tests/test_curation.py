"""The curation files and their builder: nothing lost in the move, every bad input one located line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RESOURCES, ROOT
from curation_listing import listing
from rdflib import Graph, Namespace, URIRef

from gcsf_graph.curation import load_curation, quote_in_context, sha256, write_triples
from gcsf_graph.curation.files import dump_article_file, dump_entities, read_article_file
from gcsf_graph.errors import DataError

CURATION = ROOT / "data" / "curation"
TRIPLES = ROOT / "data" / "triples.ttl"

# What the curation files add to the graph built before them; each kind is named here.
# The claims' selectors are parts of their claims (compared through the claim), not facts.
ADDED_PREDICATES = {"gcsf:sha256"}
# What describes an entity the second pass added, and how many facts that pass added at least.
ENTITY_PREDICATES = {"rdf:type", "rdfs:label", "skos:altLabel", "skos:prefLabel", "skos:inScheme"}
SECOND_PASS_FACTS = 40
OA = Namespace("http://www.w3.org/ns/oa#")


def committed_graph() -> Graph:
    graph = Graph()
    graph.parse(TRIPLES, format="turtle")
    return graph


def test_the_move_to_curation_files_loses_nothing():
    baseline = set((RESOURCES / "baseline-listing.txt").read_text(encoding="utf-8").splitlines())
    graph = committed_graph()
    now = listing(graph, claim_parts=frozenset(graph.objects(None, OA.hasSelector)))
    assert len(baseline) == 2007 and sum(line.startswith("claim") for line in baseline) == 592
    assert sorted(baseline - now) == []
    added = sorted(now - baseline)
    print("added since the move:", *added, sep="\n  ")
    # Since the move: the articles' checksums, and the second careful pass, whose every fact is
    # stated by a new claim and whose new entities are described by the entity predicates only.
    claimed = {"\t".join(line.split("\t")[1:4]) for line in added if line.startswith("claim")}
    old_entities = {line.split("\t")[1].split(" ")[0] for line in baseline if line.startswith("fact")}
    for line in (line for line in added if line.startswith("fact")):
        s, p, o = line.split("\t")[1].split(" ", 2)
        assert p in ADDED_PREDICATES or f"{s}\t{p}\t{o}" in claimed or (
            s not in old_entities and p in ENTITY_PREDICATES), line
    assert len(claimed) >= SECOND_PASS_FACTS


def test_committed_data_is_what_the_curation_builds(tmp_path, corpus):
    built = write_triples(CURATION, corpus, tmp_path / "triples.ttl")
    assert built.read_text(encoding="utf-8") == TRIPLES.read_text(encoding="utf-8")


def test_the_builder_runs_as_a_module(tmp_path, corpus):
    result = subprocess.run([sys.executable, "-m", "gcsf_graph.curation", "--corpus", str(corpus),
                             "-o", str(tmp_path / "t.ttl")], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "t.ttl").read_text(encoding="utf-8") == TRIPLES.read_text(encoding="utf-8")


def test_curation_files_are_written_as_the_writer_writes_them():
    # The files round-trip through the reader and writer, so ingest and curators write one format.
    for path in sorted(CURATION.glob("[0-9]*.yaml")):
        text = path.read_text(encoding="utf-8")
        header = "\n".join(line[2:] for line in text.splitlines() if line.startswith("# "))
        assert dump_article_file(read_article_file(text, str(path)), header=header) == text, path.name


def test_facts_are_in_the_order_of_the_text():
    curation = load_curation(CURATION)
    assert len(curation.articles) == 5
    for article in curation.articles:
        starts = [f.start for f in article.facts]
        assert starts == sorted(starts), article.file
    assert sum(len(a.facts) for a in curation.articles) == 592 + 51  # the move, the second pass


def test_every_article_file_names_its_article_and_checksum():
    for article in load_curation(CURATION).articles:
        assert Path(article.path).stem == Path(article.file).stem
        assert len(article.sha256) == 64


# -- bad input: one line naming file and line, nothing written -----------------------------------

ARTICLE = "Mini report\nChina is a member of the Global South.\u00a0It said so in 2024.\n"


def _mini(tmp_path: Path, article: str = ARTICLE) -> tuple[Path, Path]:
    corpus, curation = tmp_path / "corpus", tmp_path / "curation"
    corpus.mkdir()
    curation.mkdir()
    (corpus / "mini.txt").write_bytes(article.encode("utf-8"))
    (curation / "entities.yaml").write_text(
        "- key: country:CHN\n  label: China\n  iso3166: CHN\n"
        "- key: region:global-south\n  label: \"Global South\"\n", encoding="utf-8")
    (curation / "mini.yaml").write_text(
        "article:\n  key: doc:mini\n  file: mini.txt\n  title: \"Mini report\"\n"
        f"  sha256: {sha256(ARTICLE)}\n"
        "facts:\n"
        "  - id: c1\n    quote: \"Mini report\"\n    start: 0\n"
        "    subject: doc:mini\n    predicate: title\n    text: \"Mini report\"\n"
        "  - id: c2\n    quote: \"China is a member of the Global South.\"\n    start: 12\n"
        "    subject: country:CHN\n    predicate: memberOf\n    object: region:global-south\n",
        encoding="utf-8")
    return curation, corpus


def test_a_small_curation_builds(tmp_path):
    curation, corpus = _mini(tmp_path)
    out = write_triples(curation, corpus, tmp_path / "out.ttl")
    graph = Graph()
    graph.parse(out, format="turtle")
    assert any(str(o).endswith("region/global-south") for o in graph.objects())


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BAD = {
    # case: (file, old, new, message, line)
    "quote not in its article": ("mini.yaml", "member of the Global South.\"", "member of the North.\"",
                                 "quote is not in mini.txt", 14),
    "selector points elsewhere": ("mini.yaml", "start: 12", "start: 13", "quote is not at start 13", 15),
    "unknown entity key": ("mini.yaml", "object: region:global-south", "object: region:nowhere",
                           "unknown entity key 'region:nowhere'", 18),
    "unknown predicate": ("mini.yaml", "predicate: memberOf", "predicate: likes",
                          "unknown predicate 'likes'", 17),
    "duplicate YAML key": ("mini.yaml", "    predicate: memberOf\n", "    predicate: memberOf\n    subject: doc:mini\n",
                           "duplicate key 'subject'", 18),
    "duplicate entity key": ("entities.yaml", "- key: region:global-south", "- key: country:CHN",
                             "duplicate entity key 'country:CHN'", 4),
    "duplicate fact id": ("mini.yaml", "id: c2", "id: c1", "duplicate fact id 'c1'", 13),
    "wrong checksum": ("mini.yaml", f"sha256: {sha256(ARTICLE)}", "sha256: " + "0" * 64,
                       "sha256 does not match mini.txt", 5),
    "a path for a file name": ("mini.yaml", "file: mini.txt", "file: ../mini.txt",
                               "file must be a plain file name", 3),
    "a Windows path for a file name": ("mini.yaml", "file: mini.txt", "file: 'sub\\mini.txt'",
                                       "file must be a plain file name", 3),
    "not an ISO code": ("entities.yaml", "iso3166: CHN", "iso3166: CHX", "not an ISO 3166 alpha-3 code", 3),
    "not YAML": ("mini.yaml", "facts:\n", "facts: [\n", "not valid YAML", 7),
    "literal for an entity property": ("mini.yaml", "object: region:global-south", "text: \"Global South\"",
                                       "predicate 'memberOf' takes an entity", 18),
    "two objects": ("mini.yaml", "    object: region:global-south\n",
                    "    object: region:global-south\n    text: \"x\"\n", "exactly one of", 13),
}


def _assert_one_located_line(exc: DataError, path: Path, line: int, message: str) -> None:
    text = str(exc)
    assert "\n" not in text
    assert text.startswith(f"{path}, line {line}: "), text
    assert message in text


@pytest.mark.parametrize("case", list(BAD))
def test_bad_curation_is_one_located_line_and_nothing_is_written(tmp_path, case):
    curation, corpus = _mini(tmp_path)
    name, old, new, message, line = BAD[case]
    _edit(curation / name, old, new)
    out = tmp_path / "out.ttl"
    with pytest.raises(DataError) as caught:
        write_triples(curation, corpus, out)
    _assert_one_located_line(caught.value, curation / name, line, message)
    assert not out.exists()
    assert list(tmp_path.glob("**/.out.ttl.*")) == []


@pytest.mark.parametrize(("content", "message", "line"), [
    (b"", "article is empty", 1),
    (b"  \n\n", "article is empty", 1),
    (b"Mini report\n\xff\xfe broken\n", "article is not UTF-8", 2),
    (b"12 34 -- 56.\n", "article has no sentences", 1),
])
def test_bad_article_is_one_located_line_and_nothing_is_written(tmp_path, content, message, line):
    curation, corpus = _mini(tmp_path)
    (corpus / "mini.txt").write_bytes(content)
    out = tmp_path / "out.ttl"
    out.write_text("before\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        write_triples(curation, corpus, out)
    _assert_one_located_line(caught.value, corpus / "mini.txt", line, message)
    assert out.read_text(encoding="utf-8") == "before\n"


def test_a_missing_article_names_it(tmp_path):
    curation, corpus = _mini(tmp_path)
    (corpus / "mini.txt").unlink()
    with pytest.raises(DataError, match=r"mini\.txt: cannot read article"):
        write_triples(curation, corpus, tmp_path / "out.ttl")


def test_a_missing_corpus_is_named(tmp_path):
    curation, _ = _mini(tmp_path)
    with pytest.raises(DataError, match=r"nowhere: corpus not found \(set GCSF_SEEDS"):
        write_triples(curation, tmp_path / "nowhere", tmp_path / "out.ttl")


def test_an_empty_curation_file_is_an_error(tmp_path):
    curation, corpus = _mini(tmp_path)
    (curation / "mini.yaml").write_text("", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        write_triples(curation, corpus, tmp_path / "out.ttl")
    _assert_one_located_line(caught.value, curation / "mini.yaml", 1, "empty curation file")


def test_the_builder_reports_errors_as_one_line_with_exit_code_2(tmp_path):
    curation, corpus = _mini(tmp_path)
    _edit(curation / "mini.yaml", "start: 12", "start: 13")
    result = subprocess.run([sys.executable, "-m", "gcsf_graph.curation", "--curation", str(curation),
                             "--corpus", str(corpus), "-o", str(tmp_path / "out.ttl")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr == f"error: {curation / 'mini.yaml'}, line 15: quote is not at start 13 of mini.txt (it is at 12)\n"
    assert not (tmp_path / "out.ttl").exists()


def test_an_entity_written_out_reads_back(tmp_path):
    from gcsf_graph.curation.files import read_entities_file

    entities = read_entities_file((CURATION / "entities.yaml").read_text(encoding="utf-8"), "entities.yaml")
    again = read_entities_file(dump_entities(entities), "again.yaml")
    assert [(e.key, e.label, e.aliases, e.cls, e.scheme, e.iso3166) for e in again] == [
        (e.key, e.label, e.aliases, e.cls, e.scheme, e.iso3166) for e in entities]


# -- anchors ---------------------------------------------------------------------------------------

def _claims(out: Path) -> dict[str, str]:
    graph = Graph()
    graph.parse(out, format="turtle")
    gcsf = Namespace("https://w3id.org/gcsf/ont#")
    return {str(c): str(q) for c, q in graph.subject_objects(gcsf.quote)}


def test_a_claim_keeps_its_iri_when_its_quote_is_corrected(tmp_path):
    curation, corpus = _mini(tmp_path)
    before = _claims(write_triples(curation, corpus, tmp_path / "before.ttl"))
    _edit(curation / "mini.yaml", '"China is a member of the Global South."', '"a member of the Global South"')
    _edit(curation / "mini.yaml", "start: 12", "start: 21")
    after = _claims(write_triples(curation, corpus, tmp_path / "after.ttl"))
    assert set(before) == set(after) == {"https://w3id.org/gcsf/id/claim/c1", "https://w3id.org/gcsf/id/claim/c2"}
    assert after["https://w3id.org/gcsf/id/claim/c2"] == "a member of the Global South"


def test_selectors_of_a_quote_with_a_no_break_space(tmp_path):
    curation, corpus = _mini(tmp_path)
    text = (tmp_path / "corpus" / "mini.txt").read_text(encoding="utf-8")
    start = text.index("Global South.\u00a0It")
    _edit(curation / "mini.yaml", '"China is a member of the Global South."', '"Global South.\\u00a0It said"')
    _edit(curation / "mini.yaml", "start: 12", f"start: {start}")
    graph = Graph()
    graph.parse(write_triples(curation, corpus, tmp_path / "out.ttl"), format="turtle")
    position = URIRef("https://w3id.org/gcsf/id/claim/c2#position")
    quote = URIRef("https://w3id.org/gcsf/id/claim/c2#quote")
    assert graph.value(position, OA.start).toPython() == start
    assert graph.value(position, OA.end).toPython() == start + len("Global South.\u00a0It said")
    assert str(graph.value(quote, OA.exact)) == "Global South.\u00a0It said"
    assert str(graph.value(quote, OA.prefix)) == "Mini report\nChina is a member of the "[-32:]
    assert str(graph.value(quote, OA.suffix)) == " so in 2024.\n"


def test_a_quote_in_its_context():
    text = "First sentence. The quote is here. Last sentence."
    assert quote_in_context(text, "quote", width=8) == "…ce. The [quote] is here…"
    assert quote_in_context(text, "First", 0, width=6) == "[First] sente…"
    assert quote_in_context(text, "sentence", 40, width=5) == "…Last [sentence]."
    with pytest.raises(ValueError, match="not in the text"):
        quote_in_context(text, "absent")


def test_describe_shows_quotes_in_context(gcsf, corpus):
    plain = gcsf("describe", "person:guo-jiping")
    shown = gcsf("describe", "person:guo-jiping", "--context", env={"GCSF_SEEDS": str(corpus)})
    assert plain.returncode == 0 and shown.returncode == 0, shown.stderr
    assert '"By Guo Jiping, People’s Daily"' in plain.stdout
    assert "…" not in plain.stdout
    assert "7 Min Read [By Guo Jiping, People’s Daily] The year of 2023" in shown.stdout


def test_describe_context_without_the_corpus_is_one_line_error(gcsf, tmp_path):
    result = gcsf("describe", "person:guo-jiping", "--context", env={"GCSF_SEEDS": str(tmp_path / "nowhere")})
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().endswith("nowhere: corpus not found (set GCSF_SEEDS to the articles' folder)")
    assert len(result.stderr.strip().splitlines()) == 1
