"""make eval-ingest: each article held out in turn, ingested knowing the others, and scored."""

from __future__ import annotations

import pytest
from conftest import ROOT

from gcsf_graph.curation import load_curation
from gcsf_graph.curation.evaluate import _held_out, evaluate, main, report, score
from gcsf_graph.curation.ingest import fold, ingest


@pytest.fixture(scope="module")
def scores(corpus):
    return evaluate(ROOT / "data" / "curation", corpus)


@pytest.fixture(scope="module")
def texts(corpus):
    curation = load_curation(ROOT / "data" / "curation")
    return {a.file: (corpus / a.file).read_text(encoding="utf-8") for a in curation.articles}


def test_held_out_article_leaves_nothing_of_its_own(texts):
    curation = load_curation(ROOT / "data" / "curation")
    article = curation.articles[0]
    known = _held_out(curation, article, texts)
    assert article not in known.articles
    own = {e.key for e in article.entities}
    used_elsewhere = {k for a in known.articles for f in a.facts for k in (f.subject, f.value)}
    assert not {e.key for e in known.entities} & (own - used_elsewhere)


def test_held_out_article_keeps_no_alias_only_its_text_states(texts):
    curation = load_curation(ROOT / "data" / "curation")
    written = {x for e in [*curation.entities, *(e for a in curation.articles for e in a.entities)]
               for x in e.aliases}
    dropped = 0
    for article in curation.articles:
        known = _held_out(curation, article, texts)
        others = [fold(t) for file, t in texts.items() if file != article.file]
        kept = {x for e in [*known.entities, *(e for a in known.articles for e in a.entities)]
                for x in e.aliases}
        for alias in kept:
            assert any(fold(alias) in t for t in others), f"{alias!r} is only in {article.file}"
        text = fold(texts[article.file])  # folded once, not once per alias
        own = {x for x in written if fold(x) in text and not any(fold(x) in t for t in others)}
        assert own, f"no alias is only in {article.file}: the test proves nothing"
        assert not own & kept
        dropped += len(own)
    assert dropped >= 20  # e.g. a head of state's full title, written for the one article naming it


@pytest.mark.slow  # a benchmark: every article held out in turn and ingested (make eval-ingest)
def test_scores_add_up_and_recall_holds(scores):
    assert len(scores) == 5
    for s in scores:
        assert 0 < s.proposed <= s.curated and 0 < s.right <= s.candidates
        assert s.curated - s.proposed == sum(s.misses.values())
    proposed, curated = sum(s.proposed for s in scores), sum(s.curated for s in scores)
    assert proposed / curated >= 0.60  # a floor: it proposed 28%, then 50%, then 59%, of the curation before
    right, candidates = sum(s.right for s in scores), sum(s.candidates for s in scores)
    assert right / candidates >= 0.11  # and 5% of its candidates were right


@pytest.mark.slow  # a benchmark: the evaluation over every article, run twice (fixture and main)
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
    texts = {a.file: (corpus / a.file).read_text(encoding="utf-8") for a in curation.articles}
    found = ingest(path, _held_out(curation, article, texts), date=article.date)
    assert found.article.facts
    for fact in found.article.facts:
        assert text[fact.start:fact.start + len(fact.quote)] == fact.quote


def test_one_held_out_article_is_scored_and_put_in_the_table(corpus, texts):
    # the quick part of the two benchmark tests above: one article held out, scored, reported
    curation = load_curation(ROOT / "data" / "curation")
    article = curation.articles[2]
    s = score(curation, article, ingest(corpus / article.file, _held_out(curation, article, texts),
                                        date=article.date))
    assert s.file == article.file and s.curated == len(article.facts)
    assert 0 < s.proposed <= s.curated and 0 < s.right <= s.candidates
    assert s.curated - s.proposed == sum(s.misses.values())
    table = report([s]).splitlines()
    assert table[0].startswith("| article | curated facts | proposed | recall |")
    assert table[2].startswith(f"| {s.file} | {s.curated} | {s.proposed} | {s.recall:.0%} |")
    assert table[3].startswith(f"| overall | {s.curated} | {s.proposed} |")


def test_the_command_prints_the_table_of_the_articles_it_is_given(corpus, tmp_path, capsys):
    # the quick part of the benchmark tests above: evaluate() and main() over two articles
    import shutil

    for name in ("entities.yaml", "002_d3f26364fca924fa.yaml", "004_457199ae3097467a.yaml"):
        shutil.copy(ROOT / "data" / "curation" / name, tmp_path / name)
    scores = evaluate(tmp_path, corpus)
    assert [s.file for s in scores] == ["002_d3f26364fca924fa.txt", "004_457199ae3097467a.txt"]
    assert all(0 < s.proposed <= s.curated for s in scores)
    assert main(["--curation", str(tmp_path), "--corpus", str(corpus)]) == 0
    assert capsys.readouterr().out.strip() == report(scores)
