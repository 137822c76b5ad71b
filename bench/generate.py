"""Write a synthetic graph shaped like gcsf-graph's, deterministic from a seed.

People, countries, organisations, initiatives, events, agreements, concepts, statistics and
source documents, with facts between them and one claim (document + quote) per fact, as the
curated data has. Output is N-Triples.

    python bench/generate.py 100000 -o bench/out/g100k.nt [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ONT = "https://w3id.org/gcsf/ont#"
ID = "https://w3id.org/gcsf/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"

# kind -> (class, share of entities)
KINDS = {
    "person": ("Person", 0.12), "country": ("Country", 0.03), "organization": ("Organization", 0.08),
    "initiative": ("Initiative", 0.05), "event": ("Summit", 0.15), "agreement": ("Agreement", 0.07),
    "concept": ("Concept", 0.2), "stat": ("Statistic", 0.1), "doc": ("Article", 0.2),
}
# predicate -> (subject kind, object kind or a literal maker)
FACTS = [
    ("proposedBy", "initiative", "person"), ("proposedBy", "initiative", "country"),
    ("participant", "event", "person"), ("participant", "event", "country"),
    ("location", "event", "country"), ("organizer", "event", "organization"),
    ("party", "agreement", "country"), ("adoptedAt", "agreement", "event"),
    ("memberOf", "country", "organization"), ("hasPart", "concept", "concept"),
    ("supports", "initiative", "concept"), ("advocates", "country", "concept"),
    ("statisticSubject", "stat", "country"), ("implementedBy", "initiative", "country"),
    ("startDate", "event", "date"), ("dateProposed", "initiative", "year"),
    ("value", "stat", "number"), ("characterization", "initiative", "text"),
]
WORDS = ("peace development security cooperation prosperity dialogue civilization community shared "
         "future global initiative partnership connectivity exchange mutual learning governance").split()


def iri(kind: str, n: int) -> str:
    return f"<{ID}{kind}/{kind[0]}{n}>"


def literal(rng: random.Random, maker: str) -> str:
    if maker == "date":
        return f'"{rng.randint(2012, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"^^<{XSD}date>'
    if maker == "year":
        return f'"{rng.randint(2012, 2025)}"^^<{XSD}gYear>'
    if maker == "number":
        return f'"{rng.randint(1, 100000)}"^^<{XSD}integer>'
    return '"' + " ".join(rng.choice(WORDS) for _ in range(4)) + '"'


def generate(triples: int, seed: int = 1):
    """Yield N-Triples lines until about ``triples`` triples are written."""
    rng = random.Random(seed)
    # every fact costs 1 + 7 claim triples; entities 2 triples each
    entities = max(triples // 10, 40)
    counts = {kind: max(int(entities * share), 2) for kind, (_, share) in KINDS.items()}
    written = 0
    for kind, (cls, _) in KINDS.items():
        for n in range(counts[kind]):
            yield f"{iri(kind, n)} <{RDF}type> <{ONT}{cls}> .\n"
            yield f'{iri(kind, n)} <{RDFS}label> "{cls} {n}"@en .\n'
            written += 2
            if kind == "doc":
                yield f'{iri(kind, n)} <{DCT}identifier> "d{n}.txt" .\n'
                written += 1
    f = 0
    while written < triples:
        predicate, s_kind, o_kind = FACTS[f % len(FACTS)]
        s = iri(s_kind, rng.randrange(counts[s_kind]))
        o = iri(o_kind, rng.randrange(counts[o_kind])) if o_kind in counts else literal(rng, o_kind)
        p = f"<{ONT}{predicate}>"
        claim = f"<{ID}claim/c{f}>"
        doc = iri("doc", rng.randrange(counts["doc"]))
        quote = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
        yield f"{s} {p} {o} .\n"
        yield f"{claim} <{RDF}type> <{ONT}Claim> .\n"
        yield f"{claim} <{RDF}subject> {s} .\n{claim} <{RDF}predicate> {p} .\n{claim} <{RDF}object> {o} .\n"
        yield f"{claim} <{ONT}statedIn> {doc} .\n"
        yield f'{claim} <{ONT}quote> "{quote}" .\n'
        written += 7
        f += 1


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("triples", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        out.writelines(generate(args.triples, args.seed))
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
