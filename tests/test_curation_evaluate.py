"""make eval-ingest: each article held out in turn, ingested knowing the others, and scored."""

from __future__ import annotations

import pytest
from conftest import ROOT

from gcsf_graph.curation import load_curation
from gcsf_graph.curation.evaluate import _held_out, evaluate, main, report
from gcsf_graph.curation.ingest import ingest


@pytest.fixture(scope="module")
def scores(corpus):
    return evaluate(ROOT / "data" / "curation", corpus)


def test_held_out_article_leaves_nothing_of_its_own():
    curation = load_curation(ROOT / "data" / "curation")
    article = curation.articles[0]
    known = _held_out(curation, article)
    assert article not in known.articles
    own = {e.key for e in article.entities}
    used_elsewhere = {k for a in known.articles for f in a.facts for k in (f.subject, f.value)}
    assert not {e.key for e in known.entities} & (own - used_elsewhere)


def test_scores_add_up_and_recall_holds(scores):
    assert len(scores) == 5
    for s in scores:
        assert 0 < s.proposed <= s.curated and 0 < s.right <= s.candidates
        assert s.curated - s.proposed == sum(s.misses.values())
    proposed, curated = sum(s.proposed for s in scores), sum(s.curated for s in scores)
    assert proposed / curated >= 0.6  # a floor: ingest proposed 28%, then 50%, of the curation before
    right, candidates = sum(s.right for s in scores), sum(s.candidates for s in scores)
    assert right / candidates >= 0.1  # and 5% of its candidates were right


def test_report_is_the_readme_table(scores, corpus, capsys):
    table = report(scores)
    assert table.splitlines()[0].startswith("| article | curated facts | proposed | recall |")
    assert main(["--corpus", str(corpus)]) == 0
    assert capsys.readouterr().out.strip() == table
    assert table in (ROOT / "README.md").read_text(encoding="utf-8"), "README shows another evaluation"


def test_candidates_quote_the_article_at_their_offsets(corpus):
    curation = load_curation(ROOT / "data" / "curation")
    article = curation.articles[2]
    path = corpus / article.file
    text = path.read_text(encoding="utf-8")
    found = ingest(path, _held_out(curation, article), date=article.date)
    assert found.article.facts
    for fact in found.article.facts:
        assert text[fact.start:fact.start + len(fact.quote)] == fact.quote
