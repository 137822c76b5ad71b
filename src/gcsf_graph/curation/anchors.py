"""Quotes anchored in their articles: the corpus, checksums, selectors and a quote in context.

A quote is located the way the W3C Web Annotation model does it: a TextQuoteSelector (the exact
text, with a little of the text before and after) and a TextPositionSelector (start and end as
character offsets, counted in Unicode code points, end exclusive).

>>> text = "One. Two three four. Five."
>>> selectors(text, "three", 9)
Selectors(exact='three', prefix='One. Two ', suffix=' four. Five.', start=9, end=14)
>>> quote_in_context(text, "three", 9, width=4)
'…Two [three] fou…'
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import NamedTuple

from ..errors import DataError

__all__ = [
    "CORPUS_VARIABLE",
    "MAX_ARTICLE_BYTES",
    "Selectors",
    "corpus_dir",
    "is_article_name",
    "quote_in_article",
    "quote_in_context",
    "read_article",
    "selectors",
    "sha256",
]

#: The environment variable that names the corpus folder (the articles as .txt files).
CORPUS_VARIABLE = "GCSF_SEEDS"
#: An article larger than this is refused (reading stays bounded).
MAX_ARTICLE_BYTES = 4 * 1024 * 1024
#: How much text before and after a quote its TextQuoteSelector keeps.
AFFIX_LENGTH = 32

_REPOSITORY = Path(__file__).resolve().parents[3]


class Selectors(NamedTuple):
    """Where a quote sits in its article: quote selector (exact, prefix, suffix), position."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


def corpus_dir() -> Path:
    """The corpus folder: ``$GCSF_SEEDS``, else ``../shared/seeds`` beside the repository.

    >>> isinstance(corpus_dir(), Path)
    True
    """
    named = os.environ.get(CORPUS_VARIABLE)
    return Path(named) if named else _REPOSITORY.parent / "shared" / "seeds"


def sha256(text: str) -> str:
    """The SHA-256 of a text's UTF-8 bytes, in hex.

    >>> sha256("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_article(path: Path) -> str:
    """An article's text: UTF-8, not empty, with at least one sentence (some words).

    Raises :class:`~gcsf_graph.errors.DataError` naming the file otherwise.
    """
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise DataError(f"article larger than {MAX_ARTICLE_BYTES} bytes", path=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read article: {exc.strerror or exc}", path=str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise DataError(f"article is not UTF-8 (byte {exc.start})", path=str(path), line=line) from None
    if not text.strip():
        raise DataError("article is empty", path=str(path), line=1)
    if not re.search(r"[^\W\d_]{2,}", text):
        raise DataError("article has no sentences (no words at all)", path=str(path), line=1)
    return text


def selectors(text: str, quote: str, start: int, *, affix: int = AFFIX_LENGTH) -> Selectors:
    """The selectors of ``quote`` at ``start`` in ``text`` (which must be verbatim there)."""
    end = start + len(quote)
    if text[start:end] != quote:
        raise ValueError(f"quote is not at offset {start}")
    return Selectors(quote, text[max(start - affix, 0):start], text[end:end + affix], start, end)


def quote_in_context(text: str, quote: str, start: int | None = None, *, width: int = 160) -> str:
    """The quote in brackets with up to ``width`` characters of text each side (… where cut).

    ``start`` is the quote's offset; without it the quote's first occurrence is used.
    """
    if start is None or text[start:start + len(quote)] != quote:
        start = text.find(quote)
        if start < 0:
            raise ValueError("quote is not in the text")
    end = start + len(quote)
    before, after = text[max(start - width, 0):start], text[end:end + width]
    lead = "…" if start > width else ""
    tail = "…" if end + width < len(text) else ""
    return f"{lead}{before}[{quote}]{after}{tail}"


def is_article_name(name: str) -> bool:
    """Whether ``name`` can name an article file inside a folder (no path, not hidden).

    >>> is_article_name("003_c2284100606c99e2.txt"), is_article_name("../secret.txt")
    (True, False)
    """
    return bool(name) and "/" not in name and "\\" not in name and not name.startswith(".")


def quote_in_article(document: str, quote: str, *, corpus: str | Path | None = None,
                     width: int = 60) -> str:
    """A quote of the article file ``document`` shown in its context, read from the corpus.

    Raises :class:`~gcsf_graph.errors.DataError` when the corpus or the article is not at hand.
    """
    folder = Path(corpus) if corpus is not None else corpus_dir()
    if not folder.is_dir():
        raise DataError(f"corpus not found (set {CORPUS_VARIABLE} to the articles' folder)", path=str(folder))
    if not is_article_name(document):
        raise DataError(f"not an article file name: {document!r}")
    text = read_article(folder / document)
    try:
        return quote_in_context(text, quote, width=width)
    except ValueError:
        raise DataError("quote not found in this article (is the corpus the curated one?)",
                        path=str(folder / document)) from None
