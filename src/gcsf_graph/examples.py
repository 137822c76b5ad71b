"""The bundled example queries: named, described ``.rq`` files an analyst can run.

Each file starts with ``# title:`` and ``# description:`` comment lines.

>>> example("initiatives-proposers").title
'Initiatives and who proposed them'
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

__all__ = ["Example", "example", "examples"]

_DIR = Path(__file__).resolve().parent / "queries"


@dataclass(frozen=True)
class Example:
    """A named example query with a one-line title and a longer description."""

    name: str
    title: str
    description: str
    text: str


def _read(path: Path) -> Example:
    text = path.read_text(encoding="utf-8")
    meta = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line.lstrip("# ").partition(":")
        meta[key.strip()] = value.strip()
    return Example(path.stem, meta.get("title", path.stem), meta.get("description", ""), text)


def examples() -> list[Example]:
    """All bundled examples, sorted by name."""
    return [_read(p) for p in sorted(_DIR.glob("*.rq"))]


def example(name: str) -> Example:
    """One example by name; an unknown name raises :class:`UsageError` with near names."""
    path = _DIR / f"{name}.rq"
    if path.is_file():
        return _read(path)
    names = [p.stem for p in sorted(_DIR.glob("*.rq"))]
    near = difflib.get_close_matches(name, names, n=3, cutoff=0.4)
    hint = f"; did you mean {', '.join(near)}?" if near else " (see `gcsf examples`)"
    raise UsageError(f"no example named {name!r}{hint}")
