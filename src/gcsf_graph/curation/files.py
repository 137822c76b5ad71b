"""Reading and writing curation files: YAML with every value kept as text and its line known.

The reader walks PyYAML's composed nodes (never constructed Python objects), so a value is always
the string the curator wrote, a duplicate key is an error, and each error names file and line.

>>> text = 'article: {key: doc:x, file: x.txt, title: "T", sha256: "00"}\\nfacts: []\\n'
>>> read_article_file(text, "x.yaml").file
'x.txt'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NoReturn

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import DataError

__all__ = [
    "MAX_FILE_BYTES",
    "ArticleFile",
    "Entity",
    "Fact",
    "dump_article_file",
    "dump_entities",
    "read_article_file",
    "read_entities_file",
]

#: A curation file larger than this is refused before parsing (the parse stays bounded).
MAX_FILE_BYTES = 8 * 1024 * 1024

#: The kinds of object a fact can have: an entity key or a typed literal.
OBJECT_KINDS = ("object", "text", "date", "number")
STATUSES = ("accepted", "candidate")


@dataclass(frozen=True)
class Entity:
    """One entity: its key (``prefix:local``, the IRI's last two parts) and its names."""

    key: str
    label: str
    cls: str | None = None
    aliases: tuple[str, ...] = ()
    scheme: str | None = None
    iso3166: str | None = None
    path: str = ""
    line: int = 0
    lines: dict[str, int] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Fact:
    """One claim: a triple, the exact quote that states it and where the quote starts."""

    id: str
    subject: str
    predicate: str
    kind: str  # one of OBJECT_KINDS
    value: str
    quote: str
    start: int
    note: str | None = None
    status: str = "accepted"
    path: str = ""
    line: int = 0
    lines: dict[str, int] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ArticleFile:
    """One article's curation: its metadata, its own entities and its facts in text order."""

    key: str
    file: str
    title: str
    sha256: str
    date: str | None = None
    author: str | None = None
    publisher: str | None = None
    editor: str | None = None
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    path: str = ""
    line: int = 0
    lines: dict[str, int] = field(default_factory=dict, compare=False)


class _Reader:
    """Turns composed YAML nodes into values, raising one located error on the first problem."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, node: Node | None, message: str) -> NoReturn:
        line = node.start_mark.line + 1 if node is not None else 1
        raise DataError(message, path=self.path, line=line)

    def compose(self, text: str) -> Node:
        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            raise DataError(f"larger than {MAX_FILE_BYTES} bytes", path=self.path)
        try:
            node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else None
            raise DataError(f"not valid YAML: {exc.problem or exc.context}", path=self.path,
                            line=line) from None
        except yaml.YAMLError as exc:
            raise DataError(f"not valid YAML: {exc}", path=self.path) from None
        if node is None:
            raise DataError("empty curation file", path=self.path, line=1)
        return node

    def mapping(self, node: Node, what: str, required: Iterable[str],
                optional: Iterable[str] = ()) -> dict[str, Node]:
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what} must be a mapping")
        known = [*required, *optional]
        found: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = self.text(key_node, "a key")
            if key in found:
                self.fail(key_node, f"duplicate key {key!r} in {what}")
            if key not in known:
                self.fail(key_node, f"unknown field {key!r} in {what}; known: {', '.join(known)}")
            found[key] = value_node
        missing = [k for k in required if k not in found]
        if missing:
            self.fail(node, f"{what} lacks {', '.join(missing)}")
        return found

    def sequence(self, node: Node, what: str) -> list[Node]:
        if not isinstance(node, SequenceNode):
            self.fail(node, f"{what} must be a list")
        return list(node.value)

    def text(self, node: Node, what: str) -> str:
        if not isinstance(node, ScalarNode):
            self.fail(node, f"{what} must be a single value")
        value = str(node.value)
        if not value.strip():
            self.fail(node, f"{what} is empty")
        return value

    def optional(self, fields: dict[str, Node], key: str) -> str | None:
        return self.text(fields[key], key) if key in fields else None

    def entity(self, node: Node) -> Entity:
        f = self.mapping(node, "an entity", ["key", "label"],
                         ["class", "aliases", "scheme", "iso3166"])
        aliases = tuple(self.text(a, "an alias") for a in self.sequence(f["aliases"], "aliases")) \
            if "aliases" in f else ()
        return Entity(key=self.text(f["key"], "key"), label=self.text(f["label"], "label"),
                      cls=self.optional(f, "class"), aliases=aliases,
                      scheme=self.optional(f, "scheme"), iso3166=self.optional(f, "iso3166"),
                      path=self.path, line=node.start_mark.line + 1, lines=_lines(f))

    def fact(self, node: Node) -> Fact:
        f = self.mapping(node, "a fact", ["id", "quote", "start", "subject", "predicate"],
                         [*OBJECT_KINDS, "note", "status"])
        kinds = [k for k in OBJECT_KINDS if k in f]
        if len(kinds) != 1:
            self.fail(node, f"a fact needs exactly one of {', '.join(OBJECT_KINDS)}")
        start = self.text(f["start"], "start")
        if not start.isdigit():
            self.fail(f["start"], f"start must be a character offset (0 or more), not {start!r}")
        status = self.optional(f, "status") or "accepted"
        if status not in STATUSES:
            self.fail(f["status"], f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        # A quote is kept exactly as written, spaces included: it must match the article verbatim.
        quote_node = f["quote"]
        if not isinstance(quote_node, ScalarNode) or not str(quote_node.value):
            self.fail(quote_node, "quote must be a non-empty text")
        return Fact(id=self.text(f["id"], "id"), subject=self.text(f["subject"], "subject"),
                    predicate=self.text(f["predicate"], "predicate"), kind=kinds[0],
                    value=self.text(f[kinds[0]], kinds[0]), quote=str(quote_node.value),
                    start=int(start), note=self.optional(f, "note"), status=status,
                    path=self.path, line=node.start_mark.line + 1, lines=_lines(f))


def _lines(fields: dict[str, Node]) -> dict[str, int]:
    return {k: v.start_mark.line + 1 for k, v in fields.items()}


def read_entities_file(text: str, path: str) -> list[Entity]:
    """The entities of an entities file: a YAML list of entity mappings."""
    reader = _Reader(path)
    return [reader.entity(n) for n in reader.sequence(reader.compose(text), "an entities file")]


def read_article_file(text: str, path: str) -> ArticleFile:
    """One article's curation file: ``article`` metadata, optional ``entities``, ``facts``."""
    reader = _Reader(path)
    root = reader.compose(text)
    # ``ingest`` is what `gcsf ingest` found, for the curator to read; the builder ignores it.
    top = reader.mapping(root, "an article file", ["article", "facts"], ["entities", "ingest"])
    meta_node = top["article"]
    meta = reader.mapping(meta_node, "article", ["key", "file", "title", "sha256"],
                          ["date", "author", "publisher", "editor"])
    entities = [reader.entity(n) for n in reader.sequence(top["entities"], "entities")] \
        if "entities" in top else []
    facts = [reader.fact(n) for n in reader.sequence(top["facts"], "facts")]
    return ArticleFile(
        key=reader.text(meta["key"], "key"), file=reader.text(meta["file"], "file"),
        title=reader.text(meta["title"], "title"), sha256=reader.text(meta["sha256"], "sha256"),
        date=reader.optional(meta, "date"), author=reader.optional(meta, "author"),
        publisher=reader.optional(meta, "publisher"), editor=reader.optional(meta, "editor"),
        entities=tuple(entities), facts=tuple(facts), path=path,
        line=meta_node.start_mark.line + 1,
        lines=_lines(meta))


# -- writing ----------------------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_.:/-]*")
# Spaces other than U+0020 and line separators are written as escapes, so a curator sees them.
_VISIBLE = {c: f"\\u{ord(c):04x}" for c in "\u00a0\u2002\u2003\u2009\u200a\u200b\u202f\u2028\u2029\ufeff"}


def _scalar(value: str) -> str:
    """A YAML scalar for ``value``: plain for identifiers, else double-quoted with escapes.

    >>> _scalar("person:xi-jinping"), _scalar("a\u00a0b: c")
    ('person:xi-jinping', '"a\\\\u00a0b: c"')
    """
    if _PLAIN.fullmatch(value) and not value.endswith(":"):
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return "".join(_VISIBLE.get(c, c) for c in quoted)


def _entity_lines(e: Entity, indent: str) -> list[str]:
    lines = [f"{indent}- key: {_scalar(e.key)}", f"{indent}  label: {_scalar(e.label)}"]
    if e.cls:
        lines.append(f"{indent}  class: {_scalar(e.cls)}")
    if e.aliases:
        lines.append(f"{indent}  aliases: [{', '.join(_scalar(a) for a in e.aliases)}]")
    if e.scheme:
        lines.append(f"{indent}  scheme: {_scalar(e.scheme)}")
    if e.iso3166:
        lines.append(f"{indent}  iso3166: {_scalar(e.iso3166)}")
    return lines


def dump_entities(entities: Iterable[Entity], *, header: str = "") -> str:
    """An entities file's text (the inverse of :func:`read_entities_file`)."""
    lines = [f"# {h}" if h else "#" for h in header.splitlines()]
    for e in entities:
        lines += _entity_lines(e, "")
    return "\n".join(lines) + "\n"


def _fact_lines(f: Fact) -> list[str]:
    lines = [f"  - id: {_scalar(f.id)}", f"    quote: {_scalar(f.quote)}", f"    start: {f.start}",
             f"    subject: {_scalar(f.subject)}", f"    predicate: {_scalar(f.predicate)}",
             f"    {f.kind}: {_scalar(f.value)}"]
    if f.note:
        lines.append(f"    note: {_scalar(f.note)}")
    if f.status != "accepted":
        lines.append(f"    status: {f.status}")
    return lines


def dump_article_file(article: ArticleFile, *, header: str = "") -> str:
    """An article file's text (the inverse of :func:`read_article_file`)."""
    lines = [f"# {h}" if h else "#" for h in header.splitlines()]
    lines += ["article:", f"  key: {_scalar(article.key)}", f"  file: {_scalar(article.file)}",
              f"  title: {_scalar(article.title)}"]
    for name in ("date", "author", "publisher", "editor"):
        value = getattr(article, name)
        if value:
            lines.append(f"  {name}: {_scalar(value)}")
    lines.append(f"  sha256: {_scalar(article.sha256)}")
    if article.entities:
        lines.append("entities:")
        lines += [line for e in article.entities for line in _entity_lines(e, "  ")]
    lines.append("facts:" if article.facts else "facts: []")
    for f in article.facts:
        lines += _fact_lines(f)
    return "\n".join(lines) + "\n"
