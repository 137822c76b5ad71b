"""The coverage ledger: every sentence of every article backs a claim or has a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from gcsf_graph.curation import sha256
from gcsf_graph.curation.coverage import COVERAGE_FOLDER, load_coverage, read_reasons
from gcsf_graph.curation.sentences import split_sentences
from gcsf_graph.errors import DataError

CURATION = ROOT / "data" / "curation"


# -- the splitter ---------------------------------------------------------------------------------


def test_sentences_keep_their_places_in_the_text():
    text = "Headline\n\nBy A. Writer\nOne. Two!  Three? Four"
    found = split_sentences(text)
    assert [s.text for s in found] == ["Headline", "By A. Writer", "One.", "Two!", "Three?", "Four"]
    assert all(text[s.start:s.end] == s.text for s in found)
    assert [s.number for s in found] == [1, 2, 3, 4, 5, 6]


def test_a_sentence_wrapped_over_paragraphs_is_one_sentence():
    text = "It reached 4.58 trillion dollars,\n\nwhich is far more. Next one.\n\nA headline\n\nlower case."
    assert [s.words for s in split_sentences(text)] == [
        "It reached 4.58 trillion dollars, which is far more.", "Next one.", "A headline lower case."]


def test_abbreviations_and_quotes_do_not_end_a_sentence_early():
    text = 'The U.S. side met Mr. Li. He said "yes." Then they left; all of them.'
    assert [s.text for s in split_sentences(text)] == [
        "The U.S. side met Mr. Li.", 'He said "yes."', "Then they left; all of them."]


# -- the bundled ledger (needs the corpus) --------------------------------------------------------


def test_every_sentence_backs_a_claim_or_has_a_reason(corpus):
    ledgers = load_coverage(CURATION, corpus)
    assert len(ledgers) == 5
    left = [f"{a.file} sentence {s.number}: {s.text[:60]}" for a in ledgers for s in a.sentences
            if not s.claims and not s.reason]
    assert left == []
    assert all(a.covered + a.explained == len(a.sentences) for a in ledgers)


def test_every_reason_refers_to_a_real_sentence_without_claims(corpus):
    # load_coverage checks each reason against its sentence; here: no reason is dropped on the way.
    ledgers = {a.file: a for a in load_coverage(CURATION, corpus)}
    for path in sorted((CURATION / COVERAGE_FOLDER).glob("*.yaml")):
        file, reasons = read_reasons(path.read_text(encoding="utf-8"), str(path))
        sentences = ledgers[file].sentences
        for r in reasons:
            sentence = sentences[r.sentence - 1]
            assert sentence.reason == r.reason and not sentence.claims, (path.name, r.line)
            assert sentence.text.split()[0] == r.begins.split()[0], (path.name, r.line)
        assert len(reasons) == ledgers[file].explained, path.name


def test_coverage_command_prints_the_ledger_and_exits_0(gcsf, corpus):
    ledgers = load_coverage(CURATION, corpus)
    result = gcsf("coverage", "--corpus", str(corpus))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["article", "sentences", "covered", "explained", "unaccounted"]
    for a, line in zip(ledgers, lines[1:], strict=False):
        assert line.split() == [a.file, str(len(a.sentences)), str(a.covered), str(a.explained), "0"]
    assert lines[6].split() == ["total", str(sum(len(a.sentences) for a in ledgers)),
                                str(sum(a.covered for a in ledgers)), str(sum(a.explained for a in ledgers)), "0"]


def test_coverage_command_lists_every_sentence_on_request(gcsf, corpus):
    result = gcsf("coverage", "--sentences", "--corpus", str(corpus))
    assert result.returncode == 0
    first = load_coverage(CURATION, corpus)[0].sentences[0]
    assert f"  {first.number:>3}  {', '.join(first.claims)}" in result.stdout.splitlines()
    assert f"       {first.text}" in result.stdout.splitlines()


# -- a small curation of its own: negative answers and located errors ----------------------------


ARTICLE = "Headline of it\nChina proposed the Initiative. A sentence of rhetoric here.\n"


def small_curation(tmp_path: Path, reasons: str | None) -> tuple[Path, Path]:
    corpus, folder = tmp_path / "corpus", tmp_path / "curation"
    corpus.mkdir()
    (folder / COVERAGE_FOLDER).mkdir(parents=True)
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "a.yaml").write_text(
        f'article: {{key: "doc:a", file: a.txt, title: "Headline of it", sha256: "{sha256(ARTICLE)}"}}\n'
        "facts:\n"
        '  - {id: c1, quote: "China proposed", start: 15, subject: "country:CHN", predicate: proposedBy,'
        ' object: "country:CHN"}\n', encoding="utf-8")
    if reasons is not None:
        (folder / COVERAGE_FOLDER / "a.yaml").write_text(f"article: a.txt\nno_facts:\n{reasons}",
                                                         encoding="utf-8")
    return folder, corpus


def test_an_unexplained_sentence_is_a_negative_answer(gcsf, tmp_path):
    folder, corpus = small_curation(tmp_path, '  - {sentence: 1, begins: "Headline of", reason: headline}\n')
    ledger = load_coverage(folder, corpus)[0]
    assert [(s.number, s.claims, s.reason) for s in ledger.sentences] == [
        (1, (), "headline"), (2, ("c1",), None), (3, (), None)]
    result = gcsf("coverage", "--curation", str(folder), "--corpus", str(corpus))
    assert result.returncode == 1
    assert result.stdout.splitlines()[1].split() == ["a.txt", "3", "1", "1", "1"]
    assert result.stdout.splitlines()[-1] == "    3  A sentence of rhetoric here."


@pytest.mark.parametrize(("entry", "message"), [
    ('  - {sentence: 9, begins: "Headline of", reason: x}\n', "line 3: sentence 9: the article has 3 sentences"),
    ('  - {sentence: 1, begins: "China proposed", reason: x}\n', "line 3: sentence 1 begins 'Headline of it'"),
    ('  - {sentence: 2, begins: "China proposed", reason: x}\n', "line 3: sentence 2 backs claim c1"),
    ('  - {sentence: 1, begins: "Headline", reason: x}\n  - {sentence: 1, begins: "Headline", reason: y}\n',
     "line 4: sentence 1 has a reason already (line 3)"),
    ('  - {sentence: one, begins: "Headline", reason: x}\n', "line 3: sentence must be a sentence number (1 or more), not 'one'"),
    ('  - {sentence: 1, begins: "Head", reason: x}\n', "line 3: sentence 1 begins"),
    ('  - {sentence: 1, begins: "Headline", why: x}\n', "unknown field 'why'"),
])
def test_a_bad_reason_is_one_located_error(gcsf, tmp_path, entry, message):
    folder, corpus = small_curation(tmp_path, entry)
    with pytest.raises(DataError) as caught:
        load_coverage(folder, corpus)
    assert str(caught.value).startswith(str(folder / COVERAGE_FOLDER / "a.yaml"))
    assert message in str(caught.value)
    result = gcsf("coverage", "--curation", str(folder), "--corpus", str(corpus))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("Error: DataError: ") and len(result.stderr.splitlines()) == 1


def test_a_ledger_file_of_no_curated_article_is_an_error(tmp_path):
    folder, corpus = small_curation(tmp_path, None)
    (folder / COVERAGE_FOLDER / "b.yaml").write_text("article: b.txt\nno_facts: []\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"b\.yaml, line 1: article 'b.txt' is not curated in "):
        load_coverage(folder, corpus)


def test_without_the_corpus_coverage_says_so_in_one_line(gcsf, tmp_path):
    result = gcsf("coverage", "--corpus", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert result.stderr == (f"Error: DataError: {tmp_path / 'missing'}: corpus not found "
                             "(set GCSF_SEEDS to the articles' folder)\n")


def test_readme_shows_the_ledger_as_it_prints(gcsf, corpus):
    table = "\n".join(gcsf("coverage", "--corpus", str(corpus)).stdout.splitlines()[:7])
    assert f"```text\n{table}\n```" in (ROOT / "README.md").read_text(encoding="utf-8")
