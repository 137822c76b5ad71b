"""The bundled example queries: named, described ``.rq`` files an analyst can run.

Each file starts with ``# title:`` and ``# description:`` comment lines, and one
``# param: NAME | what it is | an example value`` line for each variable that can be bound
(``gcsf query --example NAME --bind NAME=VALUE``); an example binds no other variable. A
parameter named ``file`` takes an article's file name or just its number (``001``).

>>> example("initiatives-proposers").title
'Initiatives and who proposed them'
>>> example("article-claims").params[0].name
'file'
"""

from __future__ import annotations

from pathlib import Path

from .errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .graph import KnowledgeGraph

__all__ = ["Example", "Param", "example", "example_bindings", "examples"]

_DIR = Path(__file__).resolve().parent / "queries"


class Param:
    """A variable of an example that can be bound: its name, what it is, an example value."""

    __slots__ = ("description", "name", "sample")

    def __init__(self, name: str, description: str, sample: str) -> None:
        self.name, self.description, self.sample = name, description, sample

    def __repr__(self) -> str:
        return f"Param({self.name!r})"


class Example:
    """A named example query with a one-line title, a longer description and its parameters."""

    __slots__ = ("description", "name", "params", "text", "title")

    def __init__(self, name: str, title: str, description: str, text: str,
                 params: tuple[Param, ...] = ()) -> None:
        self.name, self.title, self.description = name, title, description
        self.text, self.params = text, params

    def __repr__(self) -> str:
        return f"Example({self.name!r})"


def _read(path: Path) -> Example:
    text = path.read_text(encoding="utf-8")
    meta = {}
    params = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line.lstrip("# ").partition(":")
        if key.strip() == "param":
            name, description, sample = ([*(part.strip() for part in value.split("|")), "", ""])[:3]
            params.append(Param(name, description, sample))
        else:
            meta[key.strip()] = value.strip()
    return Example(path.stem, meta.get("title", path.stem), meta.get("description", ""), text,
                   tuple(params))


def examples() -> list[Example]:
    """All bundled examples, sorted by name."""
    return [_read(p) for p in sorted(_DIR.glob("*.rq"))]


def example(name: str) -> Example:
    """One example by name; an unknown name raises :class:`UsageError` with near names."""
    path = _DIR / f"{name}.rq"
    if path.is_file():
        return _read(path)
    import difflib

    names = [p.stem for p in sorted(_DIR.glob("*.rq"))]
    near = difflib.get_close_matches(name, names, n=3, cutoff=0.4)
    hint = f"; did you mean {', '.join(near)}?" if near else " (see `gcsf examples`)"
    raise UsageError(f"no example named {name!r}{hint}")


def example_bindings(kg: KnowledgeGraph, item: Example, bindings: dict[str, Any]) -> dict[str, Any]:
    """Bindings checked against the example's parameters, short forms written out in full.

    >>> from gcsf_graph import load
    >>> example_bindings(load(), example("article-claims"), {"file": "002"})
    {'file': '002_d3f26364fca924fa.txt'}
    >>> example_bindings(load(), example("article-claims"), {"article": "002"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gcsf_graph.errors.UsageError: the example article-claims has no parameter 'article'; ...
    """
    declared = {p.name for p in item.params}
    out = {}
    for raw, value in bindings.items():
        name = raw.lstrip("?$")
        if name not in declared:
            takes = (f"it takes {', '.join(sorted(declared))}" if declared
                     else f"it takes none (see `gcsf examples {item.name}`)")
            raise UsageError(f"the example {item.name} has no parameter {name!r}; {takes}")
        out[name] = _article_file(kg, value) if name == "file" and isinstance(value, str) else value
    return out


def _article_file(kg: KnowledgeGraph, value: str) -> str:
    """An article's file name from the file name itself or the start of it (its number)."""
    from .sparql import rows

    found = kg.query("SELECT DISTINCT ?f WHERE { ?c gcsf:statedIn/dcterms:identifier ?f }", check_terms=False)
    files = rows(found).column("f")
    if value in files:
        return value
    matching = sorted(f for f in files if isinstance(f, str) and f.startswith(value))
    if len(matching) == 1:
        return matching[0]
    known = ", ".join(sorted(f.split("_", 1)[0] for f in files if isinstance(f, str)))
    what = "more than one article" if matching else "no article"
    raise UsageError(f"{what} matches file={value!r}; the articles are numbered {known}")
