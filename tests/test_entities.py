"""Finding entities by name and describing one (entities.py), at the library level."""

from __future__ import annotations

import pytest

from gcsf_graph import describe, search
from gcsf_graph.entities import CLEAR_LEAD, best_match, resolve
from gcsf_graph.errors import UnknownEntityError
from gcsf_graph.namespaces import expand


@pytest.mark.parametrize(("text", "label"), [
    ("Xi Jinping", "Xi Jinping"), ("xi jinpig", "Xi Jinping"), ("President Xi", "Xi Jinping"),
    ("aliev", "Ilham Aliyev"), ("BRI", "Belt and Road Initiative"),
    ("Community of Common Destiny for Mankind", "Global community of shared future"),
    ("community with a shared future for mankind", "Global community of shared future"),
    ("peoples daily", "People's Daily"), ("Confucius", "Confucius Institutes and Confucius Classrooms"),
    ("Beijng", "Beijing"), ("wto", "World Trade Organization"), ("Hondúras", "Honduras"),
    # initialisms of multi-word names, a word inside a longer name, an entity's key
    ("AIIB", "Asian Infrastructure Investment Bank"), ("IMF", "International Monetary Fund"),
    ("Mekong", "Lancang-Mekong River Cooperation mechanism"),
    ("Xinhua report", "Promoting the Development and Progress of Human Civilization"),
])
def test_search_finds_names_aliases_and_misspellings(kg, text, label):
    matches = search(kg, text, limit=3)
    assert matches
    assert label in matches[0].label


def test_search_with_no_match_finds_nothing(kg):
    assert search(kg, "zzzzqqqq") == []
    assert search(kg, "  \t ") == []  # nothing typed, nothing found


def test_search_scores_exact_names_initialisms_and_near_spellings(kg):
    exact = search(kg, "Xi Jinping")[0]
    assert exact.score == 100 and exact.type == "person" and exact.iri == expand("person:xi-jinping")
    initialism = search(kg, "AIIB")[0]
    assert initialism.score == 95 and initialism.matched == "AIIB (Asian Infrastructure Investment Bank)"
    typo = search(kg, "xi jinpig")[0]
    assert 70 <= typo.score < 100
    # an alias is reported as the name that matched, the entity by its label
    alias = search(kg, "President Xi")[0]
    assert alias.matched == "President Xi" and alias.label == "Xi Jinping"


def test_search_ignores_case_accents_and_curly_apostrophes(kg):
    plain = search(kg, "honduras")[0]
    assert search(kg, "HONDÚRAS")[0] == plain
    assert search(kg, "People’s Daily")[0].label == "People's Daily"


def test_search_orders_best_first_and_keeps_to_the_limit_and_the_minimum_score(kg):
    matches = search(kg, "Belt and Road", limit=4)
    assert 1 < len(matches) <= 4
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert len({m.iri for m in matches}) == len(matches)  # one hit per entity
    assert all(m.score >= 90 for m in search(kg, "Belt and Road", min_score=90))


def test_resolve_takes_names_aliases_curies_and_iris(kg):
    iri = "https://w3id.org/gcsf/id/concept/gcsf"
    assert resolve(kg, "Community of Common Destiny for Mankind") == iri
    assert resolve(kg, "concept:gcsf") == iri
    assert resolve(kg, f"<{iri}>") == iri == resolve(kg, iri)


def test_describe_groups_facts_with_their_article_and_quote(kg):
    d = describe(kg, "President Xi")
    assert d.iri == expand("person:xi-jinping") and d.label == "Xi Jinping"
    assert d.types == ["person"] and "President Xi" in d.aliases
    summit = next(f for f in d.incoming["participant"] if f.value == "15th BRICS Summit")
    assert summit.value_iri and summit.value_iri.startswith("https://w3id.org/gcsf/id/")
    assert any(s.document == "004_457199ae3097467a.txt" and s.quote == "Last August, Xi attended the 15th BRICS Summit"
               and s.title for s in summit.sources)
    # every fact about an entity in the graph comes with at least one quote, sorted within each relation
    for group in (d.outgoing, d.incoming):
        assert list(group) == sorted(group)
        for facts in group.values():
            assert [f.value for f in facts] == sorted(f.value for f in facts)
            assert all(f.sources and all(s.quote for s in f.sources) for f in facts)


def test_describe_by_iri_and_curie(kg):
    by_curie = describe(kg, "country:BEL")
    by_iri = describe(kg, "<https://w3id.org/gcsf/id/country/BEL>")
    assert by_curie.guessed is None and by_iri.guessed is None
    assert by_curie == by_iri
    values = [f.value for group in (by_curie.outgoing, by_curie.incoming) for fs in group.values() for f in fs]
    assert "Ambassador of China to Belgium" in values


def test_describe_unknown_entity_suggests(kg):
    with pytest.raises(UnknownEntityError) as info:
        describe(kg, "Belt and Road Forum")
    assert info.value.name == "Belt and Road Forum"
    assert str(info.value).startswith("no entity named 'Belt and Road Forum'; "
                                      "did you mean: Third Belt and Road Forum for International Cooperation "
                                      "(event:third-belt-and-road-forum), Outcomes delivered at the Third")
    assert info.value.suggestions[0] == ("Third Belt and Road Forum for International Cooperation "
                                         "(event:third-belt-and-road-forum)")


def test_describe_of_nothing_like_any_name_suggests_nothing(kg):
    with pytest.raises(UnknownEntityError) as info:
        describe(kg, "zzzzqqqq")
    assert info.value.suggestions == [] and str(info.value) == "no entity named 'zzzzqqqq'"


@pytest.mark.parametrize(("name", "iri"), [
    ("Third Belt and Road Forum", "event:third-belt-and-road-forum"), ("Xi Jinpin", "person:xi-jinping"),
    ("Mekong", "organization:lancang-mekong"), ("AIIB", "organization:aiib"),
])
def test_describe_takes_a_match_clearly_ahead_and_says_so(kg, name, iri):
    d = describe(kg, name)
    assert d.guessed is not None and d.guessed.iri == expand(iri)
    assert d.iri == expand(iri) and d.label == d.guessed.label


def test_an_exact_name_is_not_a_guess(kg):
    assert describe(kg, "Xi Jinping").guessed is None


def test_best_match_needs_a_clear_lead(kg):
    found = best_match(kg, "Third Belt and Road Forum")
    assert found is not None and found.label == "Third Belt and Road Forum for International Cooperation"
    assert best_match(kg, "zzzzqqqq") is None
    # "Belt and Road" fits several entities about as well: none is taken
    close = search(kg, "Belt and Road", limit=2)
    if len(close) == 2 and close[0].score - close[1].score < CLEAR_LEAD:
        assert best_match(kg, "Belt and Road") is None
