"""Sentences of an article, with their places: the one sentence splitter of the curation.

The coverage ledger and ``gcsf ingest`` both number an article's sentences with this splitter, so
"sentence 12" means the same thing everywhere. Its rules, kept simple so a curator can predict them:

- a line break ends a sentence (a headline, a byline, a line without a full stop), unless the line
  ends with a comma, a colon, a dash or no punctuation at all and the next line starts in lower
  case: some articles wrap one sentence over several paragraphs;
- inside a line, a sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets)
  followed by a space and a capital, a digit or an opening quote, except after an abbreviation
  (``U.S.``, ``Mr.``, ``No.``, a single capital);
- a semicolon never ends a sentence.

Offsets are in Unicode code points, end exclusive, like the claims' ``oa:start`` and ``oa:end``.

>>> [s.text for s in split_sentences("Title line\\nOne. The U.S. side said: \\"Two.\\" Three")]
['Title line', 'One.', 'The U.S. side said: "Two."', 'Three']
>>> split_sentences("A wrapped,\\n\\nsentence. Next.")[0].text
'A wrapped,\\n\\nsentence.'
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Sentence", "split_sentences"]

# A full stop (with closing quotes or brackets), spaces, then what can start a sentence.
_END = re.compile(r"[.!?][\"'”’)\]]*(?=[ \t]+[\"'“‘(\[]*[A-Z0-9])")
# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e",
                            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                            "nov", "dec", "gen", "gov", "sen", "rep", "u.s", "u.k", "u.n"})
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


class Sentence(NamedTuple):
    """One sentence: its number (1 is the first), its text and its place in the article."""

    number: int
    start: int
    end: int
    text: str

    @property
    def words(self) -> str:
        """The text with every run of spaces and line breaks as one space."""
        return " ".join(self.text.split())


def _continues(line: str, following: str) -> bool:
    """Whether a sentence runs on from ``line`` to the ``following`` one (a wrapped paragraph)."""
    return bool(following) and following[0].islower() and not line.rstrip().endswith((".", "!", "?"))


def _abbreviation(text: str) -> bool:
    """Whether ``text`` (up to a full stop) ends with an abbreviation or a lone capital."""
    found = _WORD_BEFORE.search(text)
    if found is None:
        return False
    word = found.group(1)
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text between line breaks, joined where a sentence wraps over lines."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    blocks: list[tuple[int, int]] = []
    for start, end in lines:
        if blocks and _continues(text[blocks[-1][0]:blocks[-1][1]], text[start:end].lstrip()):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order, numbered from 1, without surrounding spaces."""
    spans: list[tuple[int, int]] = []
    for start, end in _blocks(text):
        begin = start
        for m in _END.finditer(text, start, end):
            if m.group(0)[0] == "." and _abbreviation(text[begin:m.start()]):
                continue
            spans.append((begin, m.end()))
            begin = m.end()
        spans.append((begin, end))
    sentences: list[Sentence] = []
    for begin, stop in spans:
        piece = text[begin:stop]
        start, end = begin + len(piece) - len(piece.lstrip()), begin + len(piece.rstrip())
        if start < end:
            sentences.append(Sentence(len(sentences) + 1, start, end, text[start:end]))
    return sentences
