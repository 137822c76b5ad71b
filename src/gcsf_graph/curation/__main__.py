"""``python -m gcsf_graph.curation [--curation DIR] [--corpus DIR] [-o FILE]``: build the data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import GcsfError
from .anchors import CORPUS_VARIABLE, corpus_dir
from .build import write_triples

_REPOSITORY = Path(__file__).resolve().parents[3]


def main(argv: list[str] | None = None) -> int:
    """Build ``data/triples.ttl`` from ``data/curation``; 0 on success, 2 on any error."""
    parser = argparse.ArgumentParser(prog="python -m gcsf_graph.curation", description=__doc__)
    parser.add_argument("--curation", type=Path, default=_REPOSITORY / "data" / "curation")
    parser.add_argument("--corpus", type=Path, default=None,
                        help=f"the articles' folder (default ${CORPUS_VARIABLE}, else ../shared/seeds)")
    parser.add_argument("-o", "--output", type=Path, default=_REPOSITORY / "data" / "triples.ttl")
    args = parser.parse_args(argv)
    try:
        out = write_triples(args.curation, args.corpus or corpus_dir(), args.output)
    except GcsfError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
