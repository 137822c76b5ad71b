"""The example catalogue (examples.py): every example described and answering, on both engines, and
the checks of its parameters."""

from __future__ import annotations

import pytest

from gcsf_graph.errors import UsageError
from gcsf_graph.examples import example, example_bindings, examples
from gcsf_graph.render import format_rows, format_triples
from gcsf_graph.sparql import Rows, Triples, query

# What each example must return: a few values that must appear in its CSV output.
EXPECTED = {
    "initiatives-proposers": ["Belt and Road Initiative", "Xi Jinping", "2013", "Global Civilization Initiative", "2023-03"],
    "pillars": ["platform for action", "Belt and Road Initiative", "guiding principle", "Common values of humanity"],
    "events-timeline": ["2023-12-27", "Central Conference on Work Relating to Foreign Affairs", "Beijing", "2017-01-18"],
    "events-by-year": ["2017", "2023", "15th BRICS Summit"],
    "agreements-parties": ["Declaration on Strategic Partnership between Azerbaijan and China", "Azerbaijan", "78th session of the UN General Assembly"],
    "relationships": ["Saudi Arabia-Iran diplomatic relations", "diplomatic relations", "China", "2023-03"],
    "statistics-by-subject": ["peacekeepers dispatched", "50000", "over", "contribution to global growth"],
    "article-claims": ["004_457199ae3097467a.txt", "Last August, Xi attended the 15th BRICS Summit"],
    "bri-provenance": ["2013", "003_c2284100606c99e2.txt", "Put forward by President Xi Jinping in 2013, the BRI"],
    "multi-article-entities": ["Global Security Initiative", "Xi Jinping"],
    "xi-events": ["15th BRICS Summit", "2023-08", "San Francisco"],
    "heads-of-state": ["Ilham Aliyev", "Azerbaijan", "Joe Biden", "United States"],
    "posts-holders": ["Ambassador of China to Belgium", "Cao Zhongming", "Belgium"],
    "countries": ["CN", "CHN", "Honduras", "HND"],
    "china-and-organisations": ["World Trade Organization", "promotes its reform", "G20", "European Union"],
    "common-values": ["peace", "development", "equity", "justice", "democracy", "freedom"],
    "principles": ["mutual respect", "New type of international relations", "Five Principles of Peaceful Coexistence"],
    "opposed": ["Hegemonism and power politics", "Cold War mentality", "Protectionism"],
    "source-documents": ["People's Daily", "Guo Jiping", "2024-01-21", "Report to the 20th CPC National Congress"],
    "cited-documents": ["UN Charter", "Report to the 19th CPC National Congress"],
    "platforms": ["China International Import Expo", "Liangzhu Forum", "Alliance for Cultural Heritage in Asia"],
    "climate-cooperation": ["training opportunities provided", "10000", "almost", "2024-10"],
    "derived-dates": ["15th BRICS Summit", "2023-08", "Last August"],
    "initiative-support": ["Global Security Initiative", "100", "Belt and Road Initiative", "150"],
    "articles-mentioning": ["Global Security Initiative", "Global Civilization Initiative"],
    "characterisations": ["most popular international public good", "003_c2284100606c99e2.txt"],
    "concepts-by-scheme": ["pillars of a global community of shared future", "values", "roles"],
    "china-partners": ["Vietnam", "community with a shared future", "Honduras"],
    "vision-structure": ["https://w3id.org/gcsf/id/concept/pillar-goal", "World of lasting peace"],
    "xi-neighbourhood": ["https://w3id.org/gcsf/id/event/15th-brics-summit", "Xi Jinping"],
    "lower-bounds": ["over", "more than", "1800000000"],
    "dated-facts": ["Belt and Road Initiative", "2013", "year", "--06-10", "day of every year", "2023-08", "month",
                    "2017-01-18", "day", "003_c2284100606c99e2.txt", "Put forward by President Xi Jinping in 2013"],
    "quote-search": ["Peace talks on the Ukraine crisis", "001_88e954a82fe62d6d.txt", "facilitate peace talks"],
}


def test_the_catalogue_has_at_least_25_described_examples():
    items = examples()
    assert len(items) >= 25
    assert sorted(e.name for e in items) == sorted(EXPECTED)
    for e in items:
        assert e.title and e.description and e.title != e.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_returns_its_expected_answers(kg, name):
    result = query(kg, example(name).text)
    assert isinstance(result, Rows | Triples)
    if isinstance(result, Rows):
        assert len(result) > 0
        text = format_rows(result, "csv")
    else:
        assert len(result) > 0
        text = format_triples(result, "ntriples")
    for value in EXPECTED[name]:
        assert value in text, f"{name}: {value!r} missing"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_answers_the_same_on_both_engines(kg, kg_rdflib, name):
    a = query(kg, example(name).text)
    b = query(kg_rdflib, example(name).text)
    if isinstance(a, Rows):
        assert isinstance(b, Rows)
        # GROUP_CONCAT order is unspecified in SPARQL: compare concatenations as sets.
        def norm(rows):
            return sorted(tuple(sorted(v.split(" | ")) if isinstance(v, str) and " | " in v
                                else [str(v)]) for row in rows for v in row.values())
        assert norm(a) == norm(b)
    else:
        assert isinstance(b, Triples)
        assert {str(t) for t in a.triples} == {str(t) for t in b.triples}



@pytest.mark.parametrize("name", [
    "statistics-by-subject", "events-timeline", "platforms", "climate-cooperation", "article-claims", "quote-search",
    "dated-facts", "xi-events", "opposed", "principles", "china-and-organisations", "china-partners", "lower-bounds",
    "heads-of-state", "common-values", "posts-holders", "initiative-support", "characterisations", "pillars",
    "derived-dates", "bri-provenance",
])
def test_examples_that_list_facts_give_each_one_its_article_and_quote(kg, name):
    rows = kg.query(example(name).text)
    assert {"file", "quote"} <= set(rows.variables)
    assert rows and all(row["file"] and row["quote"] for row in rows)


def test_each_example_has_a_header_and_its_parameters_appear_in_its_query():
    for item in examples():
        assert item.text.lstrip().startswith("#"), item.name
        for param in item.params:
            assert param.description and f"?{param.name}" in item.text, (item.name, param.name)


def test_an_unknown_example_suggests_near_names():
    with pytest.raises(UsageError, match="no example named 'pilars'; did you mean pillars"):
        example("pilars")
    with pytest.raises(UsageError, match=r"no example named 'zzzz' \(see `gcsf examples`\)"):
        example("zzzz")


def test_a_short_article_number_is_written_out_in_full(kg):
    item = example("article-claims")
    assert example_bindings(kg, item, {"file": "001"}) == {"file": "001_88e954a82fe62d6d.txt"}
    assert example_bindings(kg, item, {"file": "001_88e954a82fe62d6d.txt"}) == {"file": "001_88e954a82fe62d6d.txt"}
    assert example_bindings(kg, item, {"?file": "002"}) == {"file": "002_d3f26364fca924fa.txt"}
    rows = kg.query(item.text, bindings=example_bindings(kg, item, {"file": "001"}))
    assert rows and {row["file"] for row in rows} == {"001_88e954a82fe62d6d.txt"}


def test_a_number_matching_no_article_or_several_is_refused(kg):
    item = example("article-claims")
    with pytest.raises(UsageError) as info:
        example_bindings(kg, item, {"file": "009"})
    assert str(info.value) == "no article matches file='009'; the articles are numbered 000, 001, 002, 003, 004"
    with pytest.raises(UsageError, match="more than one article matches file='00'"):
        example_bindings(kg, item, {"file": "00"})


@pytest.mark.parametrize(("name", "bind", "message"), [
    ("article-claims", "article", "the example article-claims has no parameter 'article'; it takes file"),
    ("countries", "x", "the example countries has no parameter 'x'; it takes none (see `gcsf examples countries`)"),
])
def test_binding_an_undeclared_name_is_refused(kg, name, bind, message):
    with pytest.raises(UsageError) as info:
        example_bindings(kg, example(name), {bind: "1"})
    assert str(info.value) == message
