"""``python -m gcsf_graph.curation.evaluate``: how much of the curation ingest would have proposed.

Each article is held out in turn and ingested knowing only the entities and usage of the others.
A curated fact counts as proposed when a candidate has the same subject and object (a new name
counts as the entity whose label or alias it is, a candidate statistic as the curated one with the
same value around the same number, and a text of the same predicate as another when one holds
the other) and a quote that overlaps the curated one.
Recall is the share of curated facts proposed; precision the share of candidates that propose one.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .anchors import corpus_dir, read_article
from .build import Curation, load_curation
from .files import ArticleFile, Entity, Fact
from .ingest import Candidates, fold, ingest

_REPOSITORY = Path(__file__).resolve().parents[3]


@dataclass
class Score:
    """One article's result: curated facts, those proposed, candidates, those right, misses by kind."""

    file: str
    curated: int = 0
    proposed: int = 0
    candidates: int = 0
    right: int = 0
    misses: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.proposed / self.curated if self.curated else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.candidates if self.candidates else 0.0


def _held_out(curation: Curation, article: ArticleFile, texts: Mapping[str, str]) -> Curation:
    """The curation without ``article``: the other articles, the shared entities they use, and of
    every entity's aliases only those the other articles' texts (``texts``, file -> text) hold;
    an alias a curator wrote for the held-out article is knowledge of that article, labels stay.

    >>> a = ArticleFile("doc:a", "a.txt", "A", sha256="")
    >>> b = ArticleFile("doc:b", "b.txt", "B", sha256="", facts=(
    ...     Fact("f", "country:X", "label", "text", "X", "Xland", 0),))
    >>> shared = Entity("country:X", "Xland", aliases=("the Xish state", "X Republic"))
    >>> texts = {"a.txt": "The Xish state spoke.", "b.txt": "Xland and the X Republic met."}
    >>> _held_out(Curation((shared,), (a, b)), a, texts).entities[0].aliases
    ('X Republic',)
    """
    others = tuple(a for a in curation.articles if a is not article)
    used = {k for a in others for f in a.facts for k in (f.subject, f.value if f.kind == "object" else "")}
    seen = [fold(texts[a.file]) for a in others if a.file in texts]

    def stated(alias: str) -> bool:
        said = re.compile(rf"(?<!\w){re.escape(fold(alias))}(?!\w)")
        return any(said.search(text) for text in seen)

    def known(e: Entity) -> Entity:
        return replace(e, aliases=tuple(x for x in e.aliases if stated(x)))

    kept = tuple(known(e) for e in curation.entities if e.key in used)
    return Curation(kept, tuple(replace(a, entities=tuple(known(e) for e in a.entities)) for a in others))


def _resolver(curation: Curation) -> dict[str, str]:
    names: dict[str, str] = {}
    for e in [*curation.entities, *(e for a in curation.articles for e in a.entities)]:
        for name in (e.label, *e.aliases):
            names.setdefault(fold(name), e.key)
    return names


def _contains(a: str, b: str) -> bool:
    """Texts match when one holds the other (a curator trims what ingest proposes), quotes aside."""
    a, b = a.replace('"', "").strip(), b.replace('"', "").strip()
    return a == b or (min(len(a), len(b)) >= 8 and (a in b or b in a))


def _same(c: Fact, t: Fact, resolve: dict[str, str], new: dict[str, str]) -> bool:
    def key(k: str) -> str:
        return resolve.get(new.get(k, ""), k)
    if key(c.subject) != t.subject or c.kind != t.kind:
        return False
    value = key(c.value) if c.kind == "object" else c.value
    if value != t.value and not (c.kind == "text" and c.predicate == t.predicate
                                 and _contains(fold(value), fold(t.value))):
        return False
    return c.start < t.start + len(t.quote) and t.start < c.start + len(c.quote)


def _relationships(candidates: tuple[Fact, ...]) -> list[tuple[str, set[str], int]]:
    parties: dict[str, set[str]] = {}
    starts: dict[str, int] = {}
    for c in candidates:
        if c.predicate == "party":
            parties.setdefault(c.subject, set()).add(c.value)
            starts[c.subject] = c.start
    return [(k, p, starts[k]) for k, p in parties.items()]


def score(curation: Curation, article: ArticleFile, found: Candidates) -> Score:
    """Compare the candidates of a held-out article with its curated facts."""
    resolve = _resolver(curation)
    new = {n.key or "": fold(n.text) for n in found.new_names}
    # A candidate statistic is the curated one with the same value stated around the same number.
    for n in found.numbers:
        for t in article.facts:
            if t.predicate == "value" and t.value == n.value and t.start <= n.start < t.start + len(t.quote):
                new[n.key or ""] = f"\0{t.subject}"
                resolve[f"\0{t.subject}"] = t.subject
    candidates = found.article.facts
    result = Score(article.file, curated=len(article.facts), candidates=len(candidates))
    # A candidate relationship is the curated one with the same parties stated in the same place.
    for key, parties, start in _relationships(candidates):
        for t in article.facts:
            if t.predicate == "party" and t.start <= start < t.start + len(t.quote) and parties == {
                    f.value for f in article.facts if f.subject == t.subject and f.predicate == "party"}:
                new[key] = f"\0{t.subject}"
                resolve[f"\0{t.subject}"] = t.subject
    seen = {n.key for n in (*found.mentions, *found.new_names)} | {found.article.key}
    seen |= {c.subject for c in candidates if c.predicate == "holder"}
    seen |= {resolve.get(new.get(k, ""), "") for k, _, _ in _relationships(candidates)}
    seen |= {resolve.get(new.get(n.key or "", ""), "") for n in found.numbers}
    seen |= {resolve.get(fold(n.text), "") for n in found.new_names}
    matched: set[str] = set()
    for t in article.facts:
        hits = [c for c in candidates if _same(c, t, resolve, new)]
        if hits:
            result.proposed += 1
            matched.update(c.id for c in hits)
            continue
        kind = {"object": "entity", "text": "text", "date": "date", "number": "number"}[t.kind]
        reason = "subject not found" if t.subject not in seen else (
            "object not found" if t.kind == "object" and t.value not in seen else "not paired")
        result.misses[f"{kind}: {reason}"] += 1
    result.right = len(matched)
    return result


def evaluate(folder: Path, corpus: Path) -> list[Score]:
    """Hold out each article in turn, ingest it, and score the candidates."""
    curation = load_curation(folder)
    texts = {a.file: read_article(corpus / a.file) for a in curation.articles}
    scores = []
    for article in curation.articles:
        known = _held_out(curation, article, texts)
        found = ingest(corpus / article.file, known, date=article.date)
        scores.append(score(curation, article, found))
    return scores


def report(scores: list[Score]) -> str:
    """A Markdown table: per article and overall, then the misses by kind."""
    total = Score("overall", sum(s.curated for s in scores), sum(s.proposed for s in scores),
                  sum(s.candidates for s in scores), sum(s.right for s in scores),
                  sum((s.misses for s in scores), Counter()))
    lines = ["| article | curated facts | proposed | recall | candidates | right | precision |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for s in [*scores, total]:
        lines.append(f"| {s.file} | {s.curated} | {s.proposed} | {s.recall:.0%} | {s.candidates} | "
                     f"{s.right} | {s.precision:.0%} |")
    lines += ["", "Misses by kind (all articles):", ""]
    lines += [f"- {kind}: {n}" for kind, n in total.misses.most_common()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation table; 0 on success, 2 on any error."""
    parser = argparse.ArgumentParser(prog="python -m gcsf_graph.curation.evaluate", description=__doc__)
    parser.add_argument("--curation", type=Path, default=_REPOSITORY / "data" / "curation")
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args(argv)
    from ..errors import GcsfError

    try:
        print(report(evaluate(args.curation, args.corpus or corpus_dir())))
    except GcsfError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())



