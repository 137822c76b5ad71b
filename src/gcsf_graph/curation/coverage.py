"""The coverage ledger: for every sentence of every article, the claims it backs or why it has none.

A sentence *backs* a claim when the claim's quote overlaps it (the quote's ``start`` and ``end`` are
the claim's ``oa:start`` and ``oa:end``). A sentence that backs no claim needs a reason, kept as
data in ``data/curation/coverage/<article>.yaml``, one line per sentence::

    article: "000_d40c1f3de4251b64.txt"
    no_facts:
      - {sentence: 4, begins: "In this article, we", reason: "rhetoric: announces the article"}

``sentence`` is the number :func:`~gcsf_graph.curation.sentences.split_sentences` gives (1 is
the headline), ``begins`` the sentence's first words, checked so that an edit of the article or of
the splitter is caught, and ``reason`` a short text ("headline", "byline", "rhetoric", "repetition
of sentence 10", "opinion without a stated relation" ...). A reason for a sentence that does back a
claim is an error too: the ledger never says less than the facts. Every error names file and line.

>>> from gcsf_graph.curation.files import ArticleFile
>>> article = ArticleFile(key="doc:x", file="x.txt", title="T", sha256="00")
>>> ledger = article_coverage(article, "Title\\nOne fact here. Nothing here.", [])
>>> [(s.number, s.claims, s.reason) for s in ledger.sentences]
[(1, (), None), (2, (), None), (3, (), None)]
>>> ledger.unaccounted
3
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from .anchors import CORPUS_VARIABLE, corpus_dir, read_article, sha256
from .build import load_curation
from .files import ArticleFile, _Reader
from .sentences import Sentence, split_sentences

__all__ = ["COVERAGE_FOLDER", "ArticleCoverage", "Reason", "SentenceCoverage", "article_coverage",
           "load_coverage", "read_reasons"]

#: The ledger's folder inside the curation folder: one ``<article>.yaml`` per article.
COVERAGE_FOLDER = "coverage"
#: The ``begins`` of a reason must hold at least this many characters of the sentence.
MIN_BEGINS = 8


@dataclass(frozen=True)
class Reason:
    """Why one sentence states no fact, as the ledger file gives it."""

    sentence: int
    begins: str
    reason: str
    path: str = ""
    line: int = 0


@dataclass(frozen=True)
class SentenceCoverage:
    """One sentence: where it is, the ids of the claims it backs, or the reason it backs none."""

    number: int
    start: int
    end: int
    text: str
    claims: tuple[str, ...] = ()
    reason: str | None = None


@dataclass(frozen=True)
class ArticleCoverage:
    """One article's ledger: every sentence in order."""

    file: str
    sentences: tuple[SentenceCoverage, ...]

    @property
    def covered(self) -> int:
        """Sentences that back at least one claim."""
        return sum(1 for s in self.sentences if s.claims)

    @property
    def explained(self) -> int:
        """Sentences that back no claim, with a reason."""
        return sum(1 for s in self.sentences if not s.claims and s.reason)

    @property
    def unaccounted(self) -> int:
        """Sentences that back no claim and have no reason."""
        return sum(1 for s in self.sentences if not s.claims and not s.reason)


def read_reasons(text: str, path: str) -> tuple[str, list[Reason]]:
    """A ledger file's article file name and its reasons, each with its line.

    >>> read_reasons('article: x.txt\\nno_facts:\\n  - {sentence: 2, begins: Two, reason: r}\\n', "x.yaml")
    ('x.txt', [Reason(sentence=2, begins='Two', reason='r', path='x.yaml', line=3)])
    """
    reader = _Reader(path)
    top = reader.mapping(reader.compose(text), "a coverage file", ["article", "no_facts"])
    reasons = []
    for node in reader.sequence(top["no_facts"], "no_facts"):
        entry = reader.mapping(node, "a reason", ["sentence", "begins", "reason"])
        number = reader.text(entry["sentence"], "sentence")
        if not number.isdigit() or int(number) < 1:
            reader.fail(entry["sentence"], f"sentence must be a sentence number (1 or more), not {number!r}")
        reasons.append(Reason(int(number), " ".join(reader.text(entry["begins"], "begins").split()),
                              reader.text(entry["reason"], "reason"), path, node.start_mark.line + 1))
    return reader.text(top["article"], "article"), reasons


def _check(reason: Reason, sentences: Sequence[Sentence], claims: dict[int, list[str]],
           seen: dict[int, Reason]) -> None:
    def fail(message: str) -> DataError:
        return DataError(message, path=reason.path, line=reason.line)

    if reason.sentence > len(sentences):
        raise fail(f"sentence {reason.sentence}: the article has {len(sentences)} sentences")
    sentence = sentences[reason.sentence - 1]
    too_short = len(reason.begins) < min(MIN_BEGINS, len(sentence.words))
    if too_short or not sentence.words.startswith(reason.begins):
        raise fail(f"sentence {reason.sentence} begins {sentence.words[:40]!r}, not {reason.begins!r} "
                   "(the article or its sentences changed?)")
    if reason.sentence in seen:
        raise fail(f"sentence {reason.sentence} has a reason already (line {seen[reason.sentence].line})")
    if claims.get(reason.sentence):
        raise fail(f"sentence {reason.sentence} backs claim {claims[reason.sentence][0]}: "
                   "it needs no reason, remove this entry")
    seen[reason.sentence] = reason


def article_coverage(article: ArticleFile, text: str, reasons: Sequence[Reason]) -> ArticleCoverage:
    """The ledger of one article: its accepted claims and ``reasons`` laid over its sentences."""
    sentences = split_sentences(text)
    claims: dict[int, list[str]] = {}
    for fact in article.facts:
        if fact.status != "accepted":
            continue
        end = fact.start + len(fact.quote)
        for s in sentences:
            if s.start < end and fact.start < s.end:
                claims.setdefault(s.number, []).append(fact.id)
    seen: dict[int, Reason] = {}
    for reason in reasons:
        _check(reason, sentences, claims, seen)
    return ArticleCoverage(article.file, tuple(
        SentenceCoverage(s.number, s.start, s.end, s.text, tuple(claims.get(s.number, ())),
                         seen[s.number].reason if s.number in seen else None)
        for s in sentences))


def load_coverage(folder: str | Path | None = None,
                  corpus: str | Path | None = None) -> list[ArticleCoverage]:
    """The coverage ledger of every article curated in ``folder``, read against ``corpus``.

    ``folder`` defaults to the repository's ``data/curation``, ``corpus`` to
    :func:`~gcsf_graph.curation.anchors.corpus_dir`. Raises :class:`~gcsf_graph.errors.DataError`
    (file and line) for a missing corpus, an article that changed, a ledger file of no curated
    article, or a reason that does not fit its sentence.
    """
    from ..graph import bundled_paths

    folder = Path(folder) if folder is not None else bundled_paths()["data"].parent / "curation"
    corpus = Path(corpus) if corpus is not None else corpus_dir()
    if not corpus.is_dir():
        raise DataError(f"corpus not found (set {CORPUS_VARIABLE} to the articles' folder)", path=str(corpus))
    curation = load_curation(folder)
    by_file = {a.file: a for a in curation.articles}
    reasons: dict[str, list[Reason]] = {}
    for path in sorted((folder / COVERAGE_FOLDER).glob("*.yaml")):
        try:
            content = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(f"cannot read coverage file: {exc}", path=str(path)) from None
        file, found = read_reasons(content, str(path))
        if file not in by_file:
            raise DataError(f"article {file!r} is not curated in {folder}", path=str(path), line=1)
        if file in reasons:
            raise DataError(f"a second coverage file for {file}", path=str(path), line=1)
        reasons[file] = found
    ledgers = []
    for article in curation.articles:
        text = read_article(corpus / article.file)
        if sha256(text) != article.sha256:
            raise DataError(f"{article.file} is not the curated text (SHA-256 differs)",
                            path=str(corpus / article.file))
        ledgers.append(article_coverage(article, text, reasons.get(article.file, [])))
    return ledgers
