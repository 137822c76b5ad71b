"""gcsf ingest: a new article in, a candidate curation file out; the builder takes only accepted facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from gcsf_graph.curation import load_curation, write_triples
from gcsf_graph.curation.files import read_article_file
from gcsf_graph.curation.ingest import find_dates, find_numbers, ingest, ingest_file, sentences
from gcsf_graph.errors import DataError, UsageError

NEW = ("Mini dispatch\n"
       "Last August, President Xi attended the 15th BRICS Summit in Johannesburg, South Africa.\n"
       "The Belt and Road Initiative has benefited over 150 countries since 2013.\n"
       "The Silk Road Fund and Guo Jiping’s colleague Amina Diallo met in Côte d’Ivoire.\n")


@pytest.fixture(scope="module")
def curation():
    return load_curation(ROOT / "data" / "curation")


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "new-dispatch.txt"
    path.write_text(NEW, encoding="utf-8")
    return path


def test_ingest_finds_names_dates_numbers_and_new_names(article, curation):
    found = ingest(article, curation, date="2024-01-21")
    keys = {m.key for m in found.mentions}
    assert {"person:xi-jinping", "event:15th-brics-summit", "initiative:bri", "country:ZAF"} <= keys
    assert [(d.text, d.value) for d in found.dates] == [("Last August", "2023-08"), ("2013", "2013")]
    assert "published 2024-01-21" in (found.dates[0].note or "")
    assert [(n.value, n.unit, n.qualifier) for n in found.numbers] == [("150", "countries", "over")]
    assert {n.text for n in found.new_names} >= {"Silk Road Fund", "Amina Diallo"}
    assert {n.key for n in found.new_names if n.text == "Silk Road Fund"} == {"organization:silk-road-fund"}
    assert {n.key for n in found.new_names if n.text == "Amina Diallo"} == {"person:amina-diallo"}


def test_candidate_facts_quote_their_sentence_exactly(article, curation):
    found = ingest(article, curation, date="2024-01-21")
    facts = found.article.facts
    assert facts and all(f.status == "candidate" for f in facts)
    assert all(NEW[f.start:f.start + len(f.quote)] == f.quote for f in facts)
    assert any(f.subject == "event:15th-brics-summit" and f.value == "person:xi-jinping" for f in facts)
    assert any(f.subject == "event:15th-brics-summit" and f.kind == "date" and f.value == "2023-08" for f in facts)


def test_the_candidate_file_reads_back_and_builds_without_its_candidates(article, curation, tmp_path):
    out = tmp_path / "curation" / "new-dispatch.yaml"
    text = ingest_file(article, date="2024-01-21", output=out)
    assert out.read_text(encoding="utf-8") == text
    parsed = read_article_file(text, str(out))
    assert parsed.sha256 and parsed.date == "2024-01-21" and len(parsed.facts) > 3
    (tmp_path / "curation" / "entities.yaml").write_text(
        "- key: person:xi-jinping\n  label: Xi Jinping\n", encoding="utf-8")
    built = write_triples(tmp_path / "curation", article.parent, tmp_path / "t.ttl").read_text(encoding="utf-8")
    assert "claim:" not in built.split("@prefix")[-1].split("\n", 1)[1]  # no candidate became a claim
    # Accepting one fact: drop its status line (and declare its entities) and it is built.
    accepted = next(f for f in parsed.facts if f.predicate == "title")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line == f"  - id: {accepted.id}")
    status = next(i for i in range(index, len(lines)) if lines[i].strip() == "status: candidate")
    out.write_text("\n".join(lines[:status] + lines[status + 1:]) + "\n", encoding="utf-8")
    built = write_triples(tmp_path / "curation", article.parent, tmp_path / "t.ttl").read_text(encoding="utf-8")
    assert f"claim:{accepted.id}" in built


def test_ingest_never_overwrites_and_refuses_bad_input(article, tmp_path):
    with pytest.raises(UsageError, match="never overwrites"):
        ingest_file(article, output=article)
    with pytest.raises(UsageError, match="date must be"):
        ingest_file(article, date="21 January 2024")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DataError, match=r"empty\.txt, line 1: article is empty"):
        ingest_file(empty)
    numbers = tmp_path / "numbers.txt"
    numbers.write_text("1 2 3\n", encoding="utf-8")
    with pytest.raises(DataError, match="no sentences"):
        ingest_file(numbers)


def test_the_ingest_command(gcsf, article, tmp_path):
    out = tmp_path / "cand.yaml"
    result = gcsf("ingest", str(article), "--date", "2024-01-21", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "status: candidate" in out.read_text(encoding="utf-8")
    again = gcsf("ingest", str(article), "-o", str(out))
    assert again.returncode == 2 and "never overwrites" in again.stderr
    shown = gcsf("ingest", str(article))
    assert shown.returncode == 0 and shown.stdout.startswith("# Candidates for new-dispatch.txt")


def test_sentences_dates_and_numbers():
    text = "Head\nThe U.S. side agreed. In 2023, trade grew by 5.2 percent. On June 10 they met."
    assert [s.text for s in sentences(text)] == [
        "Head", "The U.S. side agreed.", "In 2023, trade grew by 5.2 percent.", "On June 10 they met."]
    assert [d.value for d in find_dates(text, None)] == ["2023", "--06-10"]
    assert [(n.value, n.unit) for n in find_numbers(text)] == [("5.2", "percent")]


def test_relationships_characterizations_and_bylines(tmp_path, curation):
    path = tmp_path / "dispatch-2.txt"
    path.write_text("Dispatch two\nBy Guo Jiping, People’s Daily\n"
                    "In 2023, China established diplomatic relations with Honduras.\n"
                    "The Belt and Road Initiative has become a pathway of shared prosperity.\n", encoding="utf-8")
    facts = ingest(path, curation, date="2024-01-21").article.facts
    by_predicate = {(f.predicate, f.value) for f in facts}
    assert {("author", "person:guo-jiping"), ("publisher", "organization:peoples-daily")} <= by_predicate
    relationship = {f.subject for f in facts if f.predicate == "party"}
    assert len(relationship) == 1
    assert {(f.predicate, f.value) for f in facts if f.subject in relationship} == {
        ("party", "country:CHN"), ("party", "country:HND"),
        ("relationshipType", "concept:diplomatic-relations"), ("startDate", "2023")}
    assert ("characterization", "a pathway of shared prosperity") in by_predicate


def test_a_titled_person_proposes_their_known_tenure(tmp_path, curation):
    path = tmp_path / "dispatch-3.txt"
    path.write_text("Dispatch three\nPresident Xi Jinping spoke in Beijing.\n", encoding="utf-8")
    facts = ingest(path, curation).article.facts
    assert {(f.subject, f.predicate, f.value) for f in facts if f.subject.startswith("tenure:")} == {
        ("tenure:xi-jinping--president-of-china", "holder", "person:xi-jinping"),
        ("tenure:xi-jinping--president-of-china", "post", "post:president-of-china")}


def test_a_new_person_with_a_title_proposes_post_and_tenure(tmp_path, curation):
    path = tmp_path / "dispatch-4.txt"
    path.write_text("Dispatch four\nBy Lena Marsh, Ambassador of China to Norway\n", encoding="utf-8")
    found = ingest(path, curation)
    facts = {(f.subject, f.predicate, f.value) for f in found.article.facts}
    tenure, post = "tenure:lena-marsh--ambassador-of-china-to-norway", "post:ambassador-of-china-to-norway"
    assert {(tenure, "holder", "person:lena-marsh"), (tenure, "post", post), (post, "postIn", "country:CHN"),
            (post, "accreditedTo", "country:NOR")} <= facts
    assert any(s == post and p == "role" for s, p, _ in facts)
    labels = {n.key: n.text for n in found.new_names}
    assert labels[tenure] == "Lena Marsh as Ambassador of China to Norway"  # as the curation labels tenures
    assert labels[post] == "Ambassador of China to Norway"


def test_a_known_name_in_the_plural_is_a_mention(tmp_path, curation):
    path = tmp_path / "dispatch-6.txt"
    path.write_text("Dispatch six\nThe talks weighed two global civilization initiatives.\n", encoding="utf-8")
    assert "initiative:gci" in {m.key for m in ingest(path, curation).mentions}


def paired(tmp_path, curation, text):
    """The pairs of entities the candidate facts of a one-sentence dispatch link."""
    path = tmp_path / "dispatch.txt"
    path.write_text(f"Dispatch\n{text}\n", encoding="utf-8")
    return {frozenset((f.subject, f.value)) for f in ingest(path, curation).article.facts if f.kind == "object"}


def test_the_name_before_which_is_the_subject_of_its_clause(tmp_path, curation):
    pairs = paired(tmp_path, curation, "Officials from Chile praised the Global Development Initiative, which "
                   "after long and patient years of work by many partners in every region of the world "
                   "now supports multilateralism.")
    assert frozenset(("initiative:gdi", "concept:multilateralism")) in pairs  # far apart, one clause


def test_a_statistic_naming_no_country_is_about_the_articles_country(tmp_path, curation):
    path = tmp_path / "dispatch-8.txt"
    path.write_text("Dispatch eight\nChina opened new schools.\nLocal partners built 300 schools.\n",
                    encoding="utf-8")
    facts = ingest(path, curation).article.facts
    assert ("statisticSubject", "country:CHN") in {(f.predicate, f.value) for f in facts
                                                   if f.subject.startswith("stat:schools")}


def test_names_far_apart_are_paired_only_through_the_subject(tmp_path, curation):
    pairs = paired(tmp_path, curation, "China supports the Global Development Initiative, and many partners, "
                   "after long talks that lasted well into the night and the next morning, praised "
                   "the Belt and Road Initiative.")
    assert frozenset(("country:CHN", "initiative:gdi")) in pairs
    assert frozenset(("country:CHN", "initiative:bri")) in pairs  # the sentence's subject
    assert frozenset(("initiative:gdi", "initiative:bri")) not in pairs  # far apart, across a clause


def test_noun_phrases_lists_and_statistics(tmp_path, curation):
    from gcsf_graph.curation.ingest import find_listed, find_phrases

    text = "It opposes the unlimited expansion of military alliances, and calls for an immediate ceasefire."
    assert {p.text for p in find_phrases(text, [])} >= {"unlimited expansion of military alliances",
                                                          "immediate ceasefire"}
    listed = find_listed("China advocates peace, development, equity, justice and freedom.", [])
    assert [p.text for p in listed] == ["peace", "development", "equity", "justice", "freedom"]
    path = tmp_path / "dispatch-6.txt"
    path.write_text("Dispatch six\nBy 2023, China had established 48 overseas Chinese cultural centers.\n"
                    "Close to half of the world’s solar capacity is in China, and over half of the world’s "
                    "electric buses run in China.\n", encoding="utf-8")
    found = ingest(path, curation)
    stats = {f.subject for f in found.article.facts if f.subject.startswith("stat:")}
    assert len(stats) == 3  # the two halves are two statistics
    said = {(f.predicate, f.value) for f in found.article.facts}
    assert {("measure", "overseas Chinese cultural centers"), ("unit", "centers"),
            ("statisticSubject", "country:CHN")} <= said


def test_a_quoted_title_names_a_document(tmp_path, curation):
    path = tmp_path / "dispatch-7.txt"
    path.write_text('Dispatch seven\nThe study appeared under the title "Roads to Shared Growth." '
                    "The report warns of protectionism.\n", encoding="utf-8")
    found = ingest(path, curation)
    assert any(n.key == "doc:roads-to-shared-growth" for n in found.new_names)
    assert ("doc:roads-to-shared-growth", "title", "Roads to Shared Growth") in {
        (f.subject, f.predicate, f.value) for f in found.article.facts}


def test_a_phrase_and_the_place_it_is_in_is_one_name(tmp_path, curation):
    path = tmp_path / "dispatch-9.txt"
    path.write_text("Dispatch nine\nChile took part in relief convoys in the Bay of Biscay and a "
                    "thaw of relations in southern Norway, and set up a trade fund among Baltic "
                    "ports.\n", encoding="utf-8")
    found = ingest(path, curation)
    names = {n.text: n.key for n in found.new_names}
    assert "relief convoys in the Bay of Biscay" in names
    assert "thaw of relations in southern Norway" in names
    assert names["southern Norway"] == "region:southern-norway"
    assert names["trade fund among Baltic ports"] == "organization:trade-fund-among-baltic-ports"
    pairs = {frozenset((f.subject, f.value)) for f in found.article.facts if f.kind == "object"}
    assert frozenset((names["relief convoys in the Bay of Biscay"], names["Bay of Biscay"])) in pairs


def test_the_end_of_a_year_is_its_december():
    assert [d.value for d in find_dates("By the end of 2019, and in 2020, the port grew.", None)] == [
        "2019-12", "2020"]
