"""Ingest: a new article in, a candidate curation file out, for a curator to accept or drop.

No model and no network: sentences by the one splitter, names by the curation's own labels, aliases
and initialisms (case- and accent-tolerant), a person by part of their name and a country by its
adjective; likely new names by capitalisation (with the noun after them), by a noun and a name, in
quotes, in lists, as noun phrases and as lower-case phrases that look like names of ideas; posts
and tenures of people named with a title; pronouns and descriptions resolved to earlier names,
standing where they stand; dates resolved against the article's date; numbers with scales, words
and shares, their units, qualifiers, measures and the phrase they count. Each candidate fact pairs
two names linked in a clause (:func:`_links`: the clause's subject with the rest, names close
together, the items of a list), each way the curation links their kinds and with the predicate it
uses most for that way, and quotes the sentence with its offset. A new name the text states only
in parts (a tenure) gets the label the curation would give it. Every fact is written ``status:
candidate``; the builder skips candidates until the curator deletes that line.

>>> text = "Mini report\\nLast August, the minister opened the 3rd Harbour Forum in Lisbon."
>>> [s.text for s in find_dates(text, "2024-01-21")]
['Last August']
>>> find_dates(text, "2024-01-21")[0].value
'2023-08'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import DataError, UsageError
from .anchors import read_article, sha256
from .build import Curation
from .files import ArticleFile, Entity, Fact, _scalar, dump_article_file

__all__ = ["Candidates", "Span", "find_dates", "find_numbers", "ingest", "ingest_file", "sentences"]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December)"
_CONNECTORS = {"of", "and", "the", "for", "on", "in", "to", "de"}
# The last word of a new name suggests its kind (the key's prefix) and, for events, its class.
_HEADS = {
    "initiative": ("initiative", None), "summit": ("event", "Summit"), "forum": ("event", "Forum"),
    "conference": ("event", "Conference"), "congress": ("event", "Conference"),
    "meeting": ("event", "Meeting"), "session": ("event", "Meeting"), "dialogue": ("event", "Meeting"),
    "expo": ("event", "Expo"), "games": ("event", None), "day": ("event", None), "fair": ("event", None),
    "alliance": ("organization", None), "institute": ("organization", None),
    "institutes": ("organization", None), "platform": ("organization", None),
    "organization": ("organization", None), "bank": ("organization", None),
    "council": ("organization", None), "assembly": ("organization", None),
    "union": ("organization", None), "party": ("organization", None),
    "fund": ("organization", None), "centre": ("organization", None), "center": ("organization", None),
    "declaration": ("agreement", None), "resolution": ("agreement", None),
    "agreement": ("agreement", None), "charter": ("agreement", None), "treaty": ("agreement", None),
    "memorandum": ("agreement", None), "report": ("doc", None), "constitution": ("doc", None),
    "document": ("doc", None), "missions": ("event", None), "operations": ("event", None),
    "visit": ("event", None), "talks": ("event", None), "negotiations": ("event", None),
    "mechanism": ("organization", None), "centers": ("organization", None), "policies": ("project", None),
    "project": ("project", None), "railway": ("project", None), "corridor": ("project", None),
    "city": ("city", None), "province": ("region", None), "region": ("region", None),
}
_STOP_WORDS = {"since", "to", "in", "of", "from", "with", "and", "by", "for", "the", "a", "that", "which",
               "have", "has", "were", "was", "are", "is", "had", "at", "on", "across", "around"}
_OPENERS = {"The", "In", "On", "At", "As", "By", "Last", "This", "A", "An", "Under", "With", "And", "But",
            "During", "After", "Before", "Since", "For", "From", "Over", "Among", "Through", "When", "While",
            "It", "Its", "We", "Our", "They", "Their", "His", "Her", "These", "Those", "That", "To", "Both",
            "Such", "Additionally", "Moreover", "However", "Meanwhile", "Together", "Notably", "Yet"}
_REPOSITORY = Path(__file__).resolve().parents[3]
_WORD_NUMBERS = {w: i for i, w in enumerate(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], start=2)}
_SCALES = {"million": 10**6, "billion": 10**9, "trillion": 10**12}
_SHARES = {"half": "50", "one-half": "50", "one-quarter": "25", "a quarter": "25", "one-third": "33",
           "a third": "33", "two-thirds": "67", "three-quarters": "75"}
_QUALIFIERS = r"(over|more than|almost|nearly|about|around|some|at least|up to|less than|close to)"


@dataclass(frozen=True)
class Span:
    """Something found in the article: its text, where it is, and what it may be."""

    text: str
    start: int
    end: int
    key: str | None = None  # an entity key (known, or suggested for a new name)
    value: str | None = None  # a date (ISO 8601 at the precision given) or a number
    unit: str | None = None
    qualifier: str | None = None
    cls: str | None = None
    note: str | None = None
    known: bool = True
    measure: str | None = None  # what a number counts, as the text words it
    until: str | None = None  # the last day of a range of dates ("March 3-5, 2021")
    phrase: str | None = None  # the noun phrase a number counts ("regional training centres")


@dataclass(frozen=True)
class Candidates:
    """What ingest found in one article, and the candidate curation file it makes of it."""

    article: ArticleFile
    sentences: list[Span]
    mentions: list[Span]
    new_names: list[Span]
    dates: list[Span]
    numbers: list[Span]

    def to_yaml(self) -> str:
        """The candidate curation file: metadata, what was found (``ingest``), candidate facts."""
        text = dump_article_file(self.article, header=(
            f"Candidates for {self.article.file}, written by `gcsf ingest`: check each fact, fix its\n"
            "key, predicate and quote, delete its `status: candidate` line to accept it, delete the\n"
            "facts that are wrong, and move the new entities you keep to `entities`. The builder\n"
            "skips candidates and ignores the `ingest` section."))
        head, facts = text.split("\nfacts:", 1)
        found = ["ingest:", f"  sentences: [{', '.join(str(s.start) for s in self.sentences)}]"]
        found += _section("mentions", self.mentions, ("text", "key", "start"))
        found += _section("new_names", self.new_names, ("text", "key", "cls", "start"))
        found += _section("dates", self.dates, ("text", "value", "start", "note"))
        found += _section("numbers", self.numbers, ("text", "value", "unit", "qualifier", "start"))
        return head + "\n" + "\n".join(found) + "\nfacts:" + facts


def _section(name: str, spans: list[Span], fields: Iterable[str]) -> list[str]:
    if not spans:
        return [f"  {name}: []"]
    lines = [f"  {name}:"]
    for span in spans:
        parts = []
        for field in fields:
            value = getattr(span, field)
            if value is not None:
                label = "class" if field == "cls" else field
                parts.append(f"{label}: {value if isinstance(value, int) else _quoted(value)}")
        lines.append(f"    - {{{', '.join(parts)}}}")
    return lines


def _quoted(value: str) -> str:
    """Always quoted: plain scalars with ``:`` are not safe inside a flow mapping."""
    written = _scalar(value)
    return written if written.startswith('"') else f'"{written}"'


# -- text --------------------------------------------------------------------------------------

def _fold_char(c: str) -> str:
    if c in "’‘`´":
        return "'"
    if c in "“”„":
        return '"'
    if c in "\u2010\u2011\u2012\u2013\u2014\u2212":
        return "-"
    if c.isspace():
        return " "
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x)).casefold()
    return base if len(base) == 1 else c.lower()[:1] or c


def fold(text: str) -> str:
    """Case, accents, quotes, dashes and spaces folded, one character for one (offsets agree).

    >>> fold("Président’s\u00a0Côte–d’Ivoire")
    "president's cote-d'ivoire"
    """
    return "".join(_fold_char(c) for c in text)


def sentences(text: str) -> list[Span]:
    """The sentences of a text that hold words, as the one splitter (:mod:`.sentences`) cuts them.

    >>> [s.text for s in sentences("Title\\nOne is here. Two, the U.S. said. Three")]
    ['Title', 'One is here.', 'Two, the U.S. said.', 'Three']
    """
    from .sentences import split_sentences

    return [Span(s.text, s.start, s.end) for s in split_sentences(text) if re.search(r"[^\W\d_]", s.text)]


def _initialism(label: str) -> str | None:
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", label) if w.lower() not in _CONNECTORS]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


class _Names:
    """The known entities' names as two patterns: folded (names) and exact (acronyms)."""

    def __init__(self, entities: list[Entity]) -> None:
        folded: dict[str, str] = {}
        exact: dict[str, str] = {}
        for e in entities:
            for rank, name in enumerate((e.label, *e.aliases)):
                if re.fullmatch(r"[A-Z][A-Z0-9.&-]{1,7}", name):
                    exact.setdefault(name, e.key)
                elif len(name) >= 3 and (rank == 0 or fold(name) not in folded):
                    folded.setdefault(fold(name), e.key)
            short = _initialism(e.label)
            if short and len(short) >= 3:
                exact.setdefault(short, e.key)
        # A name of two words or more in the plural ("two Harbour Initiatives"), as a guess
        for e in entities:
            plural = re.sub(r"(?<=[^aeiousy])y$", "ie", fold(e.label)) + "s"
            if " " in e.label and re.search(r"[a-z]$", e.label):
                folded.setdefault(plural, e.key)
        # A country by the adjective of its people ("Chinese", "Russian", "Vietnamese"), as a guess
        for e in entities:
            if e.key.startswith("country:") and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", e.label):
                stem = e.label
                for demonym in (stem + "n", stem[:-1] + "ese", stem + "ese", stem + "ian", stem + "i"):
                    exact.setdefault(demonym, e.key)
        # A person by one part of their name ("President Xi"), when it is no other person's
        people = [e for e in entities if e.key.startswith("person:")]
        parts = Counter(w for e in people for w in set(e.label.split()))
        for e in people:
            for w in e.label.split():
                if parts[w] == 1 and re.fullmatch(r"[A-Z][a-z]+", w) and fold(w) not in folded:
                    exact.setdefault(w, e.key)
        self.keys = {**folded, **exact}
        self.folded = _alternation(folded)
        self.exact = _alternation(exact)

    def find(self, text: str) -> list[Span]:
        found = []
        for pattern, subject in ((self.folded, fold(text)), (self.exact, text)):
            if pattern is None:
                continue
            for m in pattern.finditer(subject):
                found.append(Span(text[m.start():m.end()], m.start(), m.end(), key=self.keys[m.group()]))
        kept = _no_overlaps(found)
        return sorted([*kept, *self._nested(text, kept)], key=lambda s: (s.start, -s.end))

    def _nested(self, text: str, kept: list[Span]) -> list[Span]:
        """Names inside a longer name ("the Labour Party of Ruritania" in "the 9th Congress of the
        Labour Party of Ruritania"): each is a mention too."""
        inner = []
        folded = fold(text)
        for outer in kept:
            for pattern, subject in ((self.folded, folded), (self.exact, text)):
                for pos, endpos in ((outer.start + 1, outer.end), (outer.start, outer.end - 1)):
                    for m in pattern.finditer(subject, pos, endpos) if pattern else ():
                        key = self.keys[m.group()]
                        if key != outer.key and (m.start(), m.end()) != (outer.start, outer.end):
                            inner.append(Span(text[m.start():m.end()], m.start(), m.end(), key=key))
        return list({(s.start, s.end): s for s in inner}.values())


def _alternation(names: dict[str, str]) -> re.Pattern[str] | None:
    if not names:
        return None
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])")


def _no_overlaps(spans: list[Span]) -> list[Span]:
    """Longest first, then earliest: a span inside a longer one is dropped."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


_TITLES = {"President", "Premier", "Minister", "Ambassador", "Chairman", "Secretary-General", "Secretary",
           "Vice", "Prime", "Foreign", "State", "Councilor", "Mr.", "Mrs.", "Ms.", "Dr.", "General"}


def find_new_names(text: str, taken: list[Span], known: Iterable[Span] = ()) -> list[Span]:
    """Capitalised runs of two or more words (or acronyms, or one word inside a sentence) that are no
    known name. A run may hold a known name ("Chile International Wine Fair" holds "Chile"), is
    split at "and" or "in" next to a known name, a country or a person's name ("Anna Berg in Porto
    Alegre"), and loses a leading title ("President Anna Berg"). ``taken`` (dates) split runs.

    >>> text = "He met President Anna Berg. Chile International Wine Fair opened."
    >>> [n.text for n in find_new_names(text, [], [Span("Chile", 27, 32, key="country:CHL")])]
    ['Anna Berg', 'Chile International Wine Fair']
    """
    word = r"(?:\d+(?:st|nd|rd|th)\s+)?[A-Z][\w’'.-]*"
    run = re.compile(rf"{word}(?:\s+(?:(?:of|and|the|for|on|in|to|de)\s+)*{word})+"
                     rf"|\b[A-Z][A-Z0-9]{{1,5}}\b|{word}")
    known = list(known)
    exact = {(k.start, k.end) for k in known}
    found = []
    masked = list(text)
    for t in taken:  # dates split runs and are never new names
        masked[t.start:t.end] = "." * (t.end - t.start)
    blanked = "".join(masked)
    for sentence in sentences(text):
        words = re.findall(r"[^\W\d_][\w’'-]{3,}", sentence.text)
        headline = len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.6 * len(words) and not (
            sentence.text.rstrip().endswith((".", "!", "?", '"', "”")))  # a headline has no full stop
        for m in run.finditer(blanked, sentence.start, sentence.end):
            for start, end in _pieces(text, m.start(), len(m.group().rstrip(".’'")) + m.start(), exact):
                span = _new_name(text, sentence, start, end, known)
                credited = re.search(r"(?:\b[Bb]y|:)\s+$", text[sentence.start:start])  # "by Anna Berg"
                guessed = " " not in span.text or _prefix(span.key or "") == "person" if span else False
                if span is not None and headline and guessed and not credited:
                    continue  # a headline capitalises its words: one word or two are no name there
                if span is not None:
                    found.append(span)
    return found


def _pieces(text: str, start: int, end: int, exact: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """A capitalised run without its leading openers and titles, split at "and"/"in" next to a
    known name, a country or a person's name."""
    while True:
        first = re.match(r"(\S+)\s+", text[start:end])
        titled = first and first.group(1) in _TITLES and text[start + first.end():end][:1].isupper()
        if first and (first.group(1) in _OPENERS or titled):
            start += first.end()
        else:
            break
    for m in re.finditer(r"\s+(?:and|in)\s+(?:the\s+)?", text[start:end]):
        left, right = (start, start + m.start()), (start + m.end(), end)
        said = [text[a:b] for a, b in (left, right)]
        joint = m.group().split()[0]
        two_names = joint == "and" and all(
            len(p.split()) >= 2 and not set(p.lower().split()) & _CONNECTORS for p in said)
        person = joint == "in" and _looks_like_a_person(said[0])
        beside_known = any(piece in exact or _country(text[piece[0]:piece[1]]) for piece in (left, right))
        if two_names or person or beside_known:
            return [left, *_pieces(text, right[0], right[1], exact)]
    return [(start, end)]


def _new_name(text: str, sentence: Span, start: int, end: int, known: list[Span]) -> Span | None:
    """A piece of a capitalised run as a new name with a guessed key, or None when it is none."""
    if re.search(r"[’']s$", text[start:end]):
        end -= 2  # a possessive: "China’s"
    name = text[start:end]
    if not name or name.split()[0].lower() in _CONNECTORS or len(name) < 2:
        return None
    covered = sum(k.end - k.start for k in known if start <= k.start and k.end <= end)
    if covered >= len(name.replace(" ", "")) or any(k.start <= start and end <= k.end for k in known):
        return None  # a known name, or inside one
    country = _country(name)
    if country:
        return Span(name, start, end, key=f"country:{country}", cls="Country", known=False)
    if " " not in name and not name.isupper() and not _proper_word(text, sentence, start, name):
        return None  # one capitalised word is most often just the start of a sentence
    head = _head(name)
    place = " " not in name and re.search(r"\b(?:in|to|from|across|of)\s+$", text[start - 8:start])
    guess = ("person", None) if _looks_like_a_person(name) else ("region", None) if place else (
        "concept", None)
    prefix, cls = _HEADS.get(head, guess)
    return Span(name, start, end, key=f"{prefix}:{_slug(name)}", cls=cls, known=False)


def _head(name: str) -> str:
    """The word of a name that says what it is: the last one before "of", "for", "on", "in" or "to"
    ("Council for Maritime Research in Europe", "Northern Fair for Crafts in Wood")
    when it is a kind ingest knows, else the last word.

    >>> _head("Northern Fair for Crafts in Wood"), _head("Bay of Biscay")
    ('fair', 'biscay')
    """
    words = [fold(w) for w in name.split()]
    for i, w in enumerate(words[1:], start=1):
        if w in {"of", "for", "on", "in", "to"} and words[i - 1] in _HEADS:
            return words[i - 1]
    return words[-1]


_NOUNISH = re.compile(r"(?:isms?|tions?|sions?|ity|ities|ments?|ance|ence|ness|ships?|al|ive|ic|ous|ary)$")
# Common adjectives of names of ideas ("new type of ...", "lasting truce"), besides -al, -ive, -ic...
_ADJECTIVES = {"new", "old", "open", "common", "shared", "global", "great", "basic", "overall", "mutual",
               "lasting", "universal", "clean", "green", "fair", "just", "free", "safe", "high-quality",
               "high-level"}
_FUNCTION_WORDS = _STOP_WORDS | _CONNECTORS | {
    "an", "as", "be", "been", "being", "but", "can", "could", "do", "does", "did", "it", "its", "their",
    "they", "this", "these", "those", "we", "our", "us", "will", "would", "should", "must", "may", "not",
    "no", "or", "so", "such", "than", "then", "there", "through", "into", "over", "under", "between",
    "among", "within", "who", "whose", "what", "when", "where", "while", "all", "also", "more", "most",
    "very", "only", "every"}


def find_concepts(text: str, taken: list[Span], vocabulary: set[str]) -> list[Span]:
    """Lower-case noun phrases that look like the names of ideas ("unilateral tariffs",
    "protectionism and trade barriers"): runs of words the curation's names use, or that end like nouns
    and adjectives (-ism, -tion, -ity, -al, ...), joined by "and" or "of", two words at least or one
    ending in -ism.

    >>> text = "Chile rejects unilateral tariffs. It opposes protectionism and trade barriers."
    >>> [c.text for c in find_concepts(text, [], {"tariffs", "trade", "barriers"})]
    ['unilateral tariffs', 'protectionism and trade barriers']
    """
    masked = list(text)
    for t in taken:
        masked[t.start:t.end] = "." * (t.end - t.start)
    blanked = "".join(masked)

    def content(word: str) -> bool:
        folded = fold(word)
        singular = folded[:-1] if folded.endswith("s") else folded  # "initiatives" as "initiative"
        known = bool({folded, singular} & vocabulary) or folded in _ADJECTIVES or folded in _WORD_NUMBERS
        return folded not in _FUNCTION_WORDS and (known or bool(_NOUNISH.search(folded)))

    found = []
    word = r"[a-z][a-z’'-]*[a-z]"
    for m in re.finditer(rf"{word}(?:(?:\s+|\s+(?:and|of)\s+){word})*", blanked):
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", m.group())]
        run: list[tuple[int, int]] = []
        for start, end in [*words, (-1, -1)]:
            token = m.group()[start:end] if start >= 0 else ""
            if token and (content(token) or (run and token in {"and", "of"})):
                run.append((start, end))
                continue
            while run and m.group()[run[-1][0]:run[-1][1]] in {"and", "of"}:
                run.pop()
            if run:
                phrase = m.group()[run[0][0]:run[-1][1]]
                if len(run) >= 2 or re.search(r"isms?$", phrase):
                    begin = m.start() + run[0][0]
                    found.append(Span(phrase, begin, begin + len(phrase), key=f"concept:{_slug(phrase)}",
                                      known=False))
            run = []
    return found


_PHRASE_STARTS = {"a", "an", "the", "its", "their", "our", "his", "her", "of", "to", "for", "in", "on", "by",
                  "with", "through", "toward", "towards", "against", "between", "among", "including",
                  "as", "and", "pursue", "practice", "promote", "oppose", "opposes", "advocate", "advocates"}
_PHRASE_STOPS = _FUNCTION_WORDS - {"of", "and", "the", "for", "but"} | {
    "is", "are", "was", "were", "has", "have", "had", "said", "says", "also", "within", "from", "toward",
    "towards", "against", "without", "including", "such", "which", "that", "who", "where", "whose"}


def find_phrases(text: str, taken: list[Span]) -> list[Span]:
    """Noun phrases after a determiner, a preposition or a verb of advocacy ("a lasting truce",
    "the steady growth of coastal trade", "their culture and shared history"):
    two to eight words up to a punctuation mark, a function word or an adverb; "of", "and", "but"
    and "for" may join words inside; the part before "for" is a phrase too. Names a sentence
    already gives (``taken``) are never crossed.

    >>> [p.text for p in find_phrases("It called for a lasting truce in the valley.", [])]
    ['lasting truce']
    """
    found: list[Span] = []
    for m in re.finditer(r"\b(\w+)\s+", text):
        if fold(m.group(1)) not in _PHRASE_STARTS:
            continue
        words: list[tuple[str, int]] = []
        for w in re.finditer(r"([\w’'-]+)([^\w’'-]*)", text[m.end():m.end() + 160]):
            word, folded = w.group(1), fold(w.group(1))
            adverb = folded.endswith("ly") and folded not in {"family", "italy"} and not (
                words and fold(words[-1][0]) == "and")  # "calm and orderly" are adjectives
            if folded in _PHRASE_STOPS or adverb or word[:1].isdigit():
                break
            if folded == "the" and not (words and fold(words[-1][0]) == "of"):
                break
            words.append((word, m.end() + w.start(1)))
            if w.group(2) != " " or len(words) == 8:
                break  # a phrase ends at a punctuation mark or a line, and is eight words at most
        while words and fold(words[-1][0]) in {"of", "and", "the", "for", "but"}:
            words.pop()
        if len(words) < 2 or fold(words[0][0]) in {"of", "and", "the", "for", "but"}:
            continue
        if words[0][0][:1].isupper():
            continue  # a capitalised run: a name, found by the name finders
        ends = [len(words)] + [i for i, (w, _) in enumerate(words) if fold(w) == "for" and i >= 2]
        for n in ends:
            start = words[0][1]
            end = words[n - 1][1] + len(words[n - 1][0])
            if re.search(r"[’']s$", text[start:end]):
                end -= 2
            if any(t.start < end and start < t.end for t in taken):
                continue
            phrase = text[start:end]
            found.append(Span(phrase, start, end, key=f"concept:{_slug(phrase)}", known=False))
    return list({(f.start, f.end): f for f in found}.values())


def find_described(text: str, taken: list[Span]) -> list[Span]:
    """Things named by a common noun and a name ("the report to the 5th Harbour Council",
    "the 12th session of the Regional Assembly"): the noun decides the kind.

    >>> [(d.text, d.key) for d in find_described("It read the report to the 5th Harbour Council.", [])]
    [('report to the 5th Harbour Council', 'doc:report-to-the-5th-harbour-council')]
    """
    name = r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|the|and|for|on|in)\s+)*(?:\d+(?:st|nd|rd|th)\s+)?[A-Z][\w’'.-]*)*"
    ordinal = r"(?:\d+(?:st|nd|rd|th)\s+)?"
    pattern = re.compile(rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+({ordinal}(?:[a-z][a-z-]+\s+)?"
                         rf"([a-z][a-z-]+)\s+(?:of|to|in|on|for)\s+(?:the\s+)?{ordinal}{name})")
    found = []
    for m in pattern.finditer(text):
        start, end = m.start(1), m.start(1) + len(m.group(1).rstrip(".’'"))
        if re.search(r"[’']s$", text[start:end]):
            end -= 2
        if any(t.start <= start and end <= t.end for t in taken):
            continue
        prefix = _HEADS.get(m.group(2), ("concept", None))[0]
        phrase = text[start:end]
        found.append(Span(phrase, start, end, key=f"{prefix}:{_slug(phrase)}", known=False))
    return found


def find_extended(text: str, known: list[Span]) -> list[Span]:
    """A capitalised name and the common noun after it ("Chile-Peru negotiations", "UN relief
    operations", "Danube River Cooperation mechanism"): the noun's plural or its ending (or a kind
    of thing ingest knows) marks the end. A lone known actor ("Chile launched") is none.

    >>> [n.text for n in find_extended("Both joined UN relief operations.", [])]
    ['UN relief operations']
    """
    actors = {(k.start, k.end) for k in known
              if _prefix(k.key or "") in {"country", "person", "organization"}}
    word = r"[A-Z][\w’'.-]*"
    space = r"[^\S\n]+"  # a name stays on its line
    run = re.compile(rf"{word}(?:{space}(?:(?:of|and|the|for|on|in|to){space})*{word})*")
    openers = re.compile(rf"(?:(?:{'|'.join(sorted(_OPENERS))}|of|and|the|for|on|in|to){space})+")
    found = []
    for m in run.finditer(text):
        start = m.start()
        opener = openers.match(m.group())
        if opener:  # "On the Baltic question": the name is what follows
            start += opener.end()
        name = text[start:m.end()].rstrip(".’'")
        end = start + len(name)
        if not name or (start, end) in actors or name in _OPENERS:
            continue
        tail = re.match(rf"(?:{space}([a-z][a-z-]+)){{1,2}}", text[end:end + 60])
        if not tail:
            continue
        words = [(w.group(), end + w.end()) for w in re.finditer(r"[a-z][a-z-]+", tail.group())]
        for n in (len(words), 1):
            last, stop = words[n - 1]
            if fold(last) in _FUNCTION_WORDS or last.endswith("ly"):
                break
            plural = len(last) > 4 and re.search(r"[^su]s$", last)
            if fold(last) in _HEADS or _NOUNISH.search(last) or plural:
                phrase = text[start:stop]
                found.append(Span(phrase, start, stop, known=False,
                                  key=f"{_HEADS.get(fold(last), ('concept', None))[0]}:{_slug(phrase)}"))
                break
    return found


_COMPASS = r"(?:(?:north|south)-?(?:eastern|western)|northern|southern|eastern|western|central)"


def find_placed(text: str, phrases: list[Span], names: list[Span]) -> list[Span]:
    """A lower-case phrase and the place or group it is in ("relief convoys in the Bay of Biscay",
    "a thaw of relations in northern Norway", "a forum among Baltic ports"), and a compass word
    with the place ("northern Norway", a region): a phrase directly followed by "in (the)" or
    "among (the)" and a name (``names``) that is a country, a region, a city or a capitalised new
    name. The phrase's head word gives its kind ("a trade fund among ..." is an organization).

    >>> text = "Both joined relief convoys in the Bay of Biscay."
    >>> bay = Span("Bay of Biscay", 34, 47, key="concept:bay-of-biscay", known=False)
    >>> convoys = Span("relief convoys", 12, 26, key="concept:relief-convoys", known=False)
    >>> [p.text for p in find_placed(text, [convoys], [bay])]
    ['relief convoys in the Bay of Biscay']
    """
    places = {n.start: n for n in names if n.text[:1].isupper() and (
        _prefix(n.key or "") in {"country", "region", "city"} or not n.known)}
    found: dict[tuple[int, int], Span] = {}
    for p in phrases:
        m = re.match(rf"\s+(?:in|among)\s+(?:the\s+)?({_COMPASS}\s+)?", text[p.end:p.end + 40])
        place = places.get(p.end + m.end()) if m else None
        if m is None or place is None:
            continue
        if m.group(1):
            start = p.end + m.start(1)
            region = text[start:place.end]
            found[(start, place.end)] = Span(region, start, place.end, key=f"region:{_slug(region)}",
                                             known=False)
        phrase = text[p.start:place.end]
        kind = _HEADS.get(_head(p.text), ("concept", None))[0]
        found[(p.start, place.end)] = Span(phrase, p.start, place.end, key=f"{kind}:{_slug(phrase)}",
                                           known=False)
    return list(found.values())


_TITLED = re.compile(r"\b(?:title|titled|entitled)\s*[“\"]$")


def find_listed(text: str, taken: list[Span]) -> list[Span]:
    """Lower-case phrases a text sets apart: in quotes ("walls and moats"), or as the
    items of a list after "such as" or "including" (piracy, desertification, water scarcity).

    >>> [c.text for c in find_listed('It opposes “isolationism,” and issues such as piracy, '
    ...                              'desertification, and water scarcity.', [])]
    ['isolationism', 'piracy', 'desertification', 'water scarcity']
    """
    spans = []
    for m in re.finditer(r"[“\"]([A-Za-z][^“”\"]{2,160}?)[,.]?[”\"]", text):
        phrase = m.group(1).rstrip(",. ")
        if 1 <= len(phrase.split()) <= (8 if phrase[0].islower() else 16):
            spans.append((m.start(1), m.start(1) + len(phrase)))
    for m in re.finditer(r"\b(?:such as|including|like|namely)\s+([^.;:()]+)", text):
        at = m.start(1)
        for item in re.split(r"(,\s+(?:and\s+|or\s+)?|\s+and\s+(?=[a-z-]+[,.]|[a-z-]+\s+[a-z-]+[,.]))",
                             m.group(1)):
            words = item.split()
            if item and not item.startswith((",", " ")) and 1 <= len(words) <= 4 and item[:1].islower() \
                    and not set(words) & {"the", "a", "an", "to", "of", "in", "which", "that", "is", "are"}:
                spans.append((at, at + len(item.rstrip())))
            at += len(item)
    word = r"[a-z][a-z-]{2,}"
    for m in re.finditer(rf"\b{word}(?:,\s+{word}){{2,}},?\s+and\s+{word}\b", text):
        for w in re.finditer(word, m.group()):  # "thrift, care, honesty, courage and patience"
            if fold(w.group()) not in _FUNCTION_WORDS:
                spans.append((m.start() + w.start(), m.start() + w.end()))
    found = []
    for start, end in spans:  # a phrase may hold a known name, not cross one
        if not any(t.start < end and start < t.end and not start <= t.start < t.end <= end for t in taken):
            phrase = text[start:end]
            titled = _TITLED.search(text[max(start - 30, 0):start])  # under the title "...": a document
            found.append(Span(phrase, start, end, key=f"{'doc' if titled else 'concept'}:{_slug(phrase)}",
                              known=False, note="a title" if titled else None))
    return list({(f.start, f.end): f for f in found}.values())


def _proper_word(text: str, sentence: Span, start: int, word: str) -> bool:
    """Whether one capitalised word inside a sentence is a name ("Gaza", "Asia"): not the first
    word, not a demonym ("Chinese"), not a pronoun, not a month or a day."""
    first = re.match(r"[\W\d_]*", text[sentence.start:sentence.end]).end() + sentence.start  # type: ignore[union-attr]
    if start <= first or len(word) < 3 or not word[1:].islower():
        return False
    if re.search(r"(?:ese|ian|ean|ish|ern)$", word) or fold(word) in MONTHS:
        return False
    return fold(word) not in {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _country(name: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country's name, when pycountry is installed and knows it."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry comes with the dev extra
        return None
    if len(name) < 4 or name.isupper():
        return None
    record: Any
    try:
        record = pycountry.countries.lookup(name)
    except LookupError:
        # "Russia" is the "Russian Federation", "Korea" the "Korea, Republic of"
        starts = (f"{name},", f"{name}n ")
        record = next((c for c in pycountry.countries
                       if getattr(c, "common_name", "") == name or c.name.startswith(starts)), None)
    return str(record.alpha_3) if record is not None else None


def _looks_like_a_person(name: str) -> bool:
    """Two or three capitalised words, none an adjective of a people ("South African")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[0].isupper() and w[1:].islower() for w in words) and not any(
        re.search(r"(?:ian|can|ean|ese|ish)$", w) for w in words)


# -- dates and numbers -----------------------------------------------------------------------------

def find_dates(text: str, article_date: str | None) -> list[Span]:
    """Dates, as ISO 8601 at the precision given; relative ones resolved against the article's date.

    >>> [d.value for d in find_dates("In March they met, on May 14-16, 2023 too.", "2024-01-21")]
    ['2023-03', '2023-05-14']
    >>> [d.value for d in find_dates("By the end of 2019 it was done.", None)]
    ['2019-12']
    """
    year = int(article_date[:4]) if article_date else None
    month = int(article_date[5:7]) if article_date and len(article_date) >= 7 else None
    found: list[Span] = []
    patterns: list[tuple[str, str]] = [
        (rf"\b{_MONTH} (\d{{1,2}})[-–](\d{{1,2}}), (\d{{4}})\b", "range"),
        (rf"\b{_MONTH} (\d{{1,2}}), (\d{{4}})\b", "full"),
        (rf"\b{_MONTH} (\d{{4}})\b", "month"),
        (r"(?<=\b[Tt]he )end of ((?:19|20)\d{2})\b", "year-end"),
        (rf"\b(?:[Ll]ast|[Tt]his) {_MONTH}\b", "relative-month"),
        (rf"(?<=\b[Ii]n ){_MONTH}(?![ ,]+\d)", "relative-month"),
        (r"\b(?:[Ll]ast|[Tt]he past|[Tt]his) year\b", "relative-year"),
        (rf"\b{_MONTH} (\d{{1,2}})\b", "day"),
        (r"(?<![\d/])((?:19|20)\d{2})(?![\d/])", "year"),
    ]
    for pattern, kind in patterns:
        for m in re.finditer(pattern, text):
            value, note = _date_value(kind, m, year, month, article_date)
            until = None
            if kind == "range":
                until = f"{m.group(4)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(3)):02d}"
                note = f"from {value} to {until}"
            if value is not None:
                found.append(Span(m.group(), m.start(), m.end(), value=value, note=note, until=until))
    return _no_overlaps(found)


def _date_value(kind: str, m: re.Match[str], year: int | None, month: int | None,
                article_date: str | None) -> tuple[str | None, str | None]:
    if kind == "range":
        return f"{m.group(4)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}", None
    if kind == "full":
        return f"{m.group(3)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}", None
    if kind == "month":
        return f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}", None
    if kind == "year":
        return m.group(1), None
    if kind == "year-end":  # "by the end of 2019": its December
        return f"{m.group(1)}-12", None
    if kind == "day":
        return f"--{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}", None
    if year is None:
        return None, None
    said = m.group().lower()
    if kind == "relative-year":
        value = str(year if said.startswith("this") else year - 1)
    else:
        named = MONTHS[m.group(1).lower()]
        # "last August" and a bare "in August" after the article's month are of the year before
        back = not said.startswith("this") and (month is None or named >= month if said.startswith("last")
                                                else month is not None and named > month)
        value = f"{year - 1 if back else year}-{named:02d}"
    return value, f"dated from {m.group()!r} in an article published {article_date}"


def find_numbers(text: str) -> list[Span]:
    """Numbers with the words after them as unit, and a qualifier such as 'over' before them.

    Scales are multiplied out ("3.1 trillion dollars" is 3100000000000 dollars), small numbers in
    words are read ("seven agreements") and shares in words are percentages ("half of" is 50 percent).

    >>> [(n.value, n.unit, n.qualifier) for n in find_numbers("serving over 120 ports")]
    [('120', 'ports', 'over')]
    >>> [(n.value, n.unit, n.qualifier) for n in find_numbers("close to half of the region's exports")]
    [('50', 'percent', 'close to')]
    >>> [(n.value, n.unit) for n in find_numbers("2.5 billion tonnes and seven bilateral agreements")]
    [('2500000000', 'tonnes'), ('7', 'bilateral agreements')]
    """
    words = "|".join(_WORD_NUMBERS)
    shares = "|".join(_SHARES)
    pattern = re.compile(
        rf"(?:\b{_QUALIFIERS}\s+)?(?:(?<![\w.,/-])(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(-plus)?|\b({words})\b)"
        r"(\s*(?:percent|%|million|billion|trillion))?(?=[^\S\n]+([a-z][a-z-]+(?:[^\S\n]+[a-z][a-z-]+){0,2}))",
        re.IGNORECASE)
    found = []
    for m in pattern.finditer(text):
        number = (m.group(2) or "").replace(",", "") or str(_WORD_NUMBERS[m.group(4).lower()])
        if re.fullmatch(r"(19|20)\d{2}", number) and not m.group(1):
            continue  # a year
        begins = m.start(2) if m.group(2) else m.start(4)
        if re.search(_MONTH + r"\s+$", text[max(begins - 12, 0):begins]):
            continue  # a day of a month
        scale = (m.group(5) or "").strip().lower()
        if scale in _SCALES:
            number, scale = _scaled(number, _SCALES[scale]), ""
        unit_words = []
        for word in m.group(6).split():
            if word.lower() in _STOP_WORDS:
                break
            unit_words.append(word)
        unit = " ".join(w for w in ("percent" if scale == "%" else scale, *unit_words) if w)
        qualifier = m.group(1).lower() if m.group(1) else "more than" if m.group(3) else None
        found.append(Span(text[m.start():m.end(6)], m.start(), m.end(6), value=number, unit=unit,
                          qualifier=qualifier, measure=_clause(text, m.start(6)),
                          phrase=_counted(text, m.start(6))))
    share = re.compile(rf"(?:\b{_QUALIFIERS}\s+)?\b({shares})\s+of\b", re.IGNORECASE)
    for m in share.finditer(text):
        what = _clause(text, m.end())
        counted = _counted(text, m.end())
        found.append(Span(m.group(), m.start(), m.end(), value=_SHARES[m.group(2).lower()], unit="percent",
                          qualifier=m.group(1).lower() if m.group(1) else None,
                          measure=f"share of {what}" if what else None,
                          phrase=f"share of {counted}" if counted else None))
    return sorted(found, key=lambda n: n.start)


def _counted(text: str, start: int) -> str | None:
    """The noun phrase from ``start`` that a number counts: words (capitalised or not) joined by
    "and" or "of", up to a function word, a verb of the clause or a punctuation mark.

    >>> _counted("37 regional Andean training centres in 2019", 3)
    'regional Andean training centres'
    """
    words: list[str] = []
    for w in re.finditer(r"([\w’'/-]+)(\s*)", text[start:start + 160]):
        word = w.group(1)
        if fold(word) in (_FUNCTION_WORDS - {"and", "of"}) or word.endswith("ly") or word[:1].isdigit():
            break
        words.append(word)
        if w.group(2) != " ":
            break
    while words and fold(words[-1]) in {"and", "of"}:
        words.pop()
    phrase = " ".join(words)
    return phrase if len(phrase) >= 4 and phrase[:1].isalpha() else None


def _clause(text: str, start: int) -> str | None:
    """The words from ``start`` to the end of the clause (at most ten): what a number counts."""
    rest = re.match(r"\s*([^,.;:()!?\n]+)", text[start:start + 200])
    words = rest.group(1).split()[:10] if rest else []
    return " ".join(words) if len(words) >= 2 else None


def _scaled(number: str, scale: int) -> str:
    """A decimal number times a power of ten, written out: ("4.58", 10**12) -> "4580000000000"."""
    from decimal import Decimal

    value = Decimal(number) * scale
    return str(int(value)) if value == int(value) else format(value.normalize(), "f")


# -- candidate facts ---------------------------------------------------------------------------------

def _prefix(key: str) -> str:
    return key.split(":", 1)[0]


def _priors(curation: Curation) -> tuple[dict[tuple[str, str], Counter[str]], dict[str, Counter[str]]]:
    """How the curation links kinds of entity: (subject prefix, object prefix) -> predicates, and
    subject prefix -> date predicates."""
    pairs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    dates: dict[str, Counter[str]] = defaultdict(Counter)
    for article in curation.articles:
        for f in article.facts:
            if f.kind == "object":
                pairs[(_prefix(f.subject), _prefix(f.value))][f.predicate] += 1
            elif f.kind == "date":
                dates[_prefix(f.subject)][f.predicate] += 1
    return pairs, dates


def _new_names(text: str, mentions: list[Span], dates: list[Span], entities: list[Entity]) -> list[Span]:
    """Every finder's likely new names: capitalised, extended, described, listed, lower-case
    names of ideas and noun phrases."""
    new_names = find_new_names(text, dates, mentions)
    vocabulary = {fold(w) for e in entities for w in re.findall(r"[\w’'-]+", e.label) if len(w) > 3}
    new_names += find_extended(text, mentions)
    new_names += find_described(text, [*mentions, *dates, *new_names])
    new_names += find_listed(text, [*mentions, *dates])
    new_names += find_concepts(text, [*mentions, *dates, *new_names], vocabulary - _FUNCTION_WORDS)
    seen = {n.key for n in new_names}
    new_names += [p for p in find_phrases(text, [*mentions, *dates]) if p.key not in seen]
    kinds = [Span(m.group(), m.start(), m.end(), key=f"concept:{_slug(m.group())}", known=False,
                  note="a kind of relationship") for m in _RELATIONSHIP_KINDS.finditer(text)]
    new_names += [k for k in kinds if not any(t.start <= k.start < t.end for t in mentions)]
    new_names += _countries_inside(text, [*mentions, *new_names])
    phrases = [n for n in new_names if _described(n)]
    return new_names + find_placed(text, phrases, [*mentions, *new_names])


# The kinds of relationship between two parties ("comprehensive strategic partnership")
_RELATIONSHIP_KINDS = re.compile(
    r"\b(?:(?:(?:comprehensive|strategic|cooperative|all-round|global)\s+){1,3}partnership"
    r"|(?:bilateral|diplomatic) (?:relations|ties))\b")


def _countries_inside(text: str, names: list[Span]) -> list[Span]:
    """Countries inside longer names ("Ambassador of Chile to Norway", "situation in and around
    Moldova") that no name found on their own."""
    found: dict[int, Span] = {}
    starts = {n.start for n in names if _prefix(n.key or "") == "country"}
    for n in names:
        for m in re.finditer(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?", n.text):
            start = n.start + m.start()
            if (m.start(), m.end()) == (0, len(n.text)) or start in starts or start in found:
                continue
            country = _country(m.group())
            if country:
                found[start] = Span(m.group(), start, start + len(m.group()), key=f"country:{country}",
                                    cls="Country", known=False)
    return list(found.values())


def _keyed_numbers(text: str) -> list[Span]:
    """The numbers of a text, each with its own key: unit and value, and its offset when another
    number of the same unit and value came before ("half of" twice)."""
    numbers: list[Span] = []
    for n in find_numbers(text):
        stat = f"stat:{_slug(n.unit or 'number')}-{_slug(n.value or '')}"
        again = any(m.key == stat or (m.key or "").startswith(stat + "-at-") for m in numbers)
        numbers.append(replace(n, key=f"{stat}-at-{n.start}" if again else stat, known=False))
    return numbers


def _fact(article: ArticleFile, sentence: Span, subject: str, predicate: str, kind: str, value: str,
          note: str) -> Fact:
    digest = hashlib.sha1(f"{subject}|{predicate}|{value}|{article.file}|{sentence.start}".encode())
    return Fact(id=f"c{digest.hexdigest()[:12]}", subject=subject, predicate=predicate, kind=kind,
                value=value, quote=sentence.text, start=sentence.start, note=note, status="candidate")


def ingest(path: str | Path, curation: Curation, *, date: str | None = None,
           min_support: int = 1) -> Candidates:
    """Read an article and propose its curation, knowing the entities and usage of ``curation``."""
    path = Path(path)
    if date is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
        raise UsageError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}")
    text = read_article(path)
    spans = sentences(text)
    if not spans:
        raise DataError("article has no sentences", path=str(path), line=1)
    entities = [*curation.entities, *(e for a in curation.articles for e in a.entities)]
    entities += [Entity(a.key, a.title) for a in curation.articles]
    mentions = _Names(entities).find(text)
    date = date or next((d.value for d in find_dates(text[:400], None)
                         if d.value and len(d.value) == 10), None)
    dates = find_dates(text, date)
    new_names = _new_names(text, mentions, dates, entities)
    numbers = _keyed_numbers(text)
    key = f"doc:{_slug(path.stem).replace('-', '_')}"
    article = ArticleFile(key=key, file=path.name, title=spans[0].text, sha256=sha256(text), date=date)
    pairs, date_predicates = _priors(curation)
    known = _Known(_known_tenures(curation), _known_roles(curation, entities))
    unstated = _unstated_qualifier(curation)
    # whether the curation names what its statistics are about (statisticSubject)
    counted = any("statisticSubject" in usage for (kind, _), usage in pairs.items() if kind == "stat")
    relationship_types = {f.value for a in curation.articles for f in a.facts
                          if f.predicate == "relationshipType"}
    text_predicates = {f.subject.split(":", 1)[0] for a in curation.articles for f in a.facts
                       if f.predicate == "characterization"}
    facts = [_fact(article, spans[0], key, "title", "text", spans[0].text, "candidate: the first line")]
    names = sorted([*mentions, *new_names], key=lambda s: s.start)
    references = find_references(text, spans, names)
    topic = _topic(names)
    main_country = _main_country(mentions)
    previous: list[Span] = []
    earlier_dates: list[Span] = []
    earlier_start = 0
    for sentence in spans:
        inside = [n for n in names if sentence.start <= n.start < sentence.end]
        referred = [r for r in references if sentence.start <= r.start < sentence.end]
        # what a pronoun or description refers to is named where it stands
        facts += _pair_facts(article, sentence, [*inside, *_context(inside, referred)], pairs, min_support)
        facts += _topic_facts(article, sentence, inside, topic, pairs)
        previous_names = previous
        previous = inside or previous
        in_sentence = [d for d in dates if sentence.start <= d.start < sentence.end]
        # a date at the head of a passage dates the next sentence: the quote holds both
        passage = sentence if in_sentence or not earlier_dates else Span(
            text[earlier_start:sentence.end], earlier_start, sentence.end)
        for d in in_sentence or earlier_dates:
            facts += _date_facts(article, passage, [n for n in inside if not _described(n)], d,
                                 date_predicates, min_support)
        for n in (n for n in numbers if sentence.start <= n.start < sentence.end):
            about = _with_country([*inside, *referred, *(previous_names if referred or not inside else [])],
                                  main_country)
            facts += _stat_facts(article, sentence, n, about, in_sentence or earlier_dates, counted, unstated)
        facts += _characterizations(article, sentence, [*inside, *referred], text_predicates)
        facts += _byline(article, sentence, inside, in_sentence, date)
        facts += _article_facts(article, sentence, [*inside, *referred], sentence is spans[0], pairs)
        facts += _relationships(article, sentence, inside, in_sentence, relationship_types)
        posts, held = _posts(article, text, sentence, inside, known)
        new_names += posts
        facts += held
        earlier_dates, earlier_start = in_sentence, sentence.start
    return Candidates(replace(article, facts=tuple(_unique(facts))), spans, mentions, new_names, dates,
                      numbers)


def _main_country(mentions: list[Span]) -> Span | None:
    """The known country an article names most (its first mention), if it names one."""
    countries = Counter(n.key for n in mentions if _prefix(n.key or "") == "country")
    most = countries.most_common(1)[0][0] if countries else None
    return next((n for n in mentions if n.key == most), None)


def _with_country(about: list[Span], country: Span | None) -> list[Span]:
    """What a statistic may be about: the names given, and the article's country when none of
    them is a country ("3,000 schools were built": the country the article is about built them)."""
    if country is None or any(_prefix(a.key or "") == "country" for a in about):
        return about
    return [*about, country]


_REFERRING = re.compile(
    r"\b(?:[Ii]ts?|[Tt]his|[Tt]hese|[Tt]he|[Ss]uch)\s+(?:(?:new|same|above|latter|former|global|whole)\s+)?"
    r"(vision|concept|idea|community|initiatives?|report|document|summit|forum|conference|meeting|"
    r"declaration|agreement|country|nation|organization|project|programme|program|event|visit|"
    r"proposal|plan|mechanism|partnership|relationship)\b|\b(it|its)\b|\b(he|his)\b", re.IGNORECASE)
# What a definite description ("the initiative", "this vision") can refer to, by key prefix.
_REFERS_TO = {
    "vision": {"concept"}, "concept": {"concept"}, "idea": {"concept"},
    "community": {"concept", "relationship"},
    "initiative": {"initiative"}, "initiatives": {"initiative"}, "report": {"doc"}, "document": {"doc"},
    "summit": {"event"}, "forum": {"event"}, "conference": {"event"}, "meeting": {"event"},
    "event": {"event"}, "visit": {"event"}, "declaration": {"agreement"}, "agreement": {"agreement"},
    "country": {"country"}, "nation": {"country"}, "organization": {"organization"},
    "project": {"project"}, "programme": {"project"}, "program": {"project"},
    "mechanism": {"organization", "initiative"},
    "proposal": {"concept", "initiative"}, "plan": {"concept", "initiative", "project"},
    "partnership": {"relationship"}, "relationship": {"relationship"},
}


def find_references(text: str, spans: list[Span], names: list[Span]) -> list[Span]:
    """Pronouns and definite descriptions ("it", "this vision", "the initiative", "he") resolved: a
    description to the latest name of a fitting kind, a pronoun to the first (the likely subject)
    from the start of the previous sentence on; "the country" with no country named before is the
    country the article names most.

    >>> names = [Span("the Clean Harbours Initiative", 5, 33, key="initiative:chi")]
    >>> text = "Last the Clean Harbours Initiative was launched. The initiative has grown. It thrives."
    >>> [(r.text, r.key) for r in find_references(text, sentences(text), names)]
    [('The initiative', 'initiative:chi'), ('It', 'initiative:chi')]
    """
    main_country = country.key if (country := _main_country(names)) else None
    found: list[Span] = []
    for sentence in spans:
        for m in _REFERRING.finditer(text, sentence.start, sentence.end):
            if m.group(1):
                kinds = _REFERS_TO[m.group(1).lower()]
            elif m.group(2):
                kinds = {"concept", "initiative", "country", "organization", "event", "agreement", "project"}
            else:
                kinds = {"person"}
            window = 0 if m.group(1) else _window_start(spans, sentence)  # a description looks further back
            earlier = sorted((n for n in [*names, *found] if n.end <= m.start() and n.start >= window
                              and _prefix(n.key or "") in kinds and not _described(n)),
                             key=lambda n: n.end)
            if m.group(1) and any(m.start() <= n.start < m.end() + 40 and _prefix(n.key or "") in kinds
                                  for n in names):
                continue  # "the initiative of X": a name follows
            if earlier and not m.group(1):  # a pronoun: the subject before, past an opening phrase
                earlier = [n for n in earlier if not _opening(text, spans, n)] or earlier
            if earlier:
                key = (earlier[-1] if m.group(1) else earlier[0]).key
            elif kinds == {"country"} and main_country:
                key = main_country
            else:
                continue
            found.append(Span(m.group(), m.start(), m.end(), key=key, note=f"refers to {key}"))
    return found


# A phrase that opens a sentence before its subject: "In reply to ..., ", "As X said, "
_OPENING = re.compile(r"(?:In|On|At|After|Before|With|As|Since|When|While|During|To|For|By|Through|Under|"
                      r"Amid|Despite|Following)\b[^,;:]*,\s*")


def _opening(text: str, spans: list[Span], name: Span) -> bool:
    """Whether a name stands in the phrase that opens its sentence before the subject ("In
    reply to the dispute between its neighbours, Chile has ...")."""
    sentence = next((s for s in spans if s.start <= name.start < s.end), None)
    if sentence is None:
        return False
    opening = _OPENING.match(text, sentence.start, sentence.end)
    return opening is not None and name.start < opening.end()


def _window_start(spans: list[Span], sentence: Span) -> int:
    """Where the sentence before ``sentence`` starts: references look no further back."""
    at = spans.index(sentence)
    return spans[at - 1].start if at > 0 else sentence.start


def _topic(names: list[Span]) -> str | None:
    """What the article is about: the known idea it names most (three times at least) by a name of
    three words or more ("development" or "peace" are ideas an article uses, not its topic)."""
    counted = Counter(n.key for n in names if _prefix(n.key or "") == "concept" and n.known and n.key
                      and len(n.text.split()) >= 3)
    return str(counted.most_common(1)[0][0]) if counted and counted.most_common(1)[0][1] >= 3 else None


def _context(inside: list[Span], referred: list[Span]) -> list[Span]:
    """Names a sentence speaks of without naming them: what its pronouns and descriptions refer to.
    (Pairing a sentence with the previous one's names, or with the article's topic, proposed
    hundreds of candidates for every one a curator keeps.)"""
    named = {n.key for n in inside}
    unique: dict[str | None, Span] = {}
    for r in referred:
        if r.key not in named:
            unique.setdefault(r.key, r)
    return list(unique.values())


_OPPOSING = re.compile(r"\b(?:oppos\w*|against|reject\w*|never|abandon\w*|resist\w*|"
                       r"instead of|rather than|replace|no longer)\b",
                       re.IGNORECASE)
_ACTORS = {"country", "person", "organization", "initiative", "doc"}


def _topic_facts(article: ArticleFile, sentence: Span, inside: list[Span], topic: str | None,
                 pairs: dict[tuple[str, str], Counter[str]]) -> list[Fact]:
    """The article's topic (the idea it names most) as what advocates, or opposes, the ideas a
    sentence names before any other actor: "Pursue fair trade through open markets" under a
    heading of the vision."""
    if topic is None:
        return []
    facts = []
    for n in inside:
        if _prefix(n.key or "") != "concept" or n.key == topic:
            continue
        before = sentence.text[:n.start - sentence.start]
        if any(m.key != n.key and m.start < n.start and m.known and _prefix(m.key or "") in _ACTORS
               for m in inside if m.key != topic):
            continue
        clause = re.split(r"[;:,]", before)[-1]
        if " " not in n.text and not re.search(r"isms?$", n.text):
            continue  # "development", "peace": words an article uses, too common to be a stance
        quoted = before.rstrip().endswith(("“", '"'))
        if _described(n) and not (quoted or _STANCE.search(clause) or _OPPOSING.search(clause)):
            continue  # a phrase ingest only guesses is a name: the clause must take a stance on it
        opposing = _OPPOSING.search(clause)
        usage = pairs.get((_prefix(topic), "concept"), Counter())
        predicate = "opposes" if opposing and "opposes" in usage else "advocates"
        facts.append(_fact(article, sentence, topic, predicate, "object", n.key or "",
                           f"candidate: the article's topic and {n.text!r}, no other actor before it"))
    return facts


def _usual_predicate(pairs: dict[tuple[str, str], Counter[str]], a: str, b: str,
                     min_support: int) -> tuple[str, int] | None:
    """The predicate the curation uses most from ``a``'s kind to ``b``'s, with its count, if it
    does so at least ``min_support`` times."""
    usage = pairs.get((_prefix(a), _prefix(b)))
    if not usage:
        return None
    predicate, count = usage.most_common(1)[0]
    return (predicate, count) if count >= min_support else None


def _described(span: Span) -> bool:
    """Whether a span is a lower-case phrase ingest guesses names an idea (not a name it knows, nor
    a thing named by a common noun and a name, "the report to the 5th Harbour Council")."""
    return not span.known and span.text[:1].islower() and _prefix(span.key or "") == "concept"


_BOUNDARY = re.compile(r"[;:()]|\s[-–—]\s|,\s+(?:which|while|whereas|but|and|as well as|where|who)\b")
_NEXT_WORDS = 12  # two names this close are linked whatever comes between
_PHRASE_WORDS = 2  # a phrase ingest only guesses is a name: linked when this close, or listed


# Verbs of stance: the subject of a clause with one of them before a phrase is likely to advocate,
# oppose, build or include what the phrase names, however far apart.
_STANCE = re.compile(r"\b(?:advocat|promot|call|oppos|support|pursu|build|uphold|practi[cs]|respect|"
                     r"implement|aim|focus|includ|such as|commit|seek|safeguard|enhanc|strengthen|"
                     r"reject|resist|follow|adher|champion|foster|propos|put forward|establish|launch|"
                     r"built|based|basis|develop)",
                     re.IGNORECASE)


def _clauses(sentence: Span) -> list[tuple[int, int]]:
    """A sentence cut at semicolons, colons, brackets, dashes and ", which/while/but/and ...":
    (start, end) in the article."""
    cuts = [sentence.start + m.start() for m in _BOUNDARY.finditer(sentence.text)]
    bounds = [sentence.start, *cuts, sentence.end]
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def _links(sentence: Span, inside: list[Span]) -> list[tuple[Span, Span]]:
    """Pairs of names a sentence may state a fact about, in text order: the first name the sentence
    (and each of its clauses) gives that is no guessed phrase, its likely subject, with every
    other name; names at most ``_NEXT_WORDS`` words apart; a name with a name inside it; and what
    is linked to one item of a list ("A, B and C") is linked to all. Names far apart in a long
    sentence, neither its subject, are rarely one fact.

    >>> text = ("Chile and Peru run a ferry line that carries people and goods every day of the "
    ...         "year from the far harbours of the south to Arica.")
    >>> def name(t, known=True):
    ...     return Span(t, text.index(t), text.index(t) + len(t), key=f"concept:{t}", known=known)
    >>> names = [name("Chile"), name("Peru"), name("ferry line", known=False), name("Arica")]
    >>> linked = _links(Span(text, 0, len(text)), names)
    >>> [(a.text, b.text) for a, b in linked]  # doctest: +NORMALIZE_WHITESPACE
    [('Chile', 'Peru'), ('Chile', 'Arica'), ('Peru', 'ferry line'), ('Peru', 'Arica'),
     ('Chile', 'ferry line')]
    """
    ordered = sorted(inside, key=lambda n: (n.start, -n.end))
    links: dict[tuple[int, int, int, int], tuple[Span, Span]] = {}

    def link(a: Span, b: Span, close: bool = False) -> None:
        a, b = sorted((a, b), key=lambda n: (n.start, -n.end))
        guessed = _described(a) or _described(b)
        if a.key != b.key and (close or not guessed or len(gap(a, b).split()) <= _PHRASE_WORDS):
            links.setdefault((a.start, a.end, b.start, b.end), (a, b))

    def text_of(start: int, end: int) -> str:
        return sentence.text[start - sentence.start:end - sentence.start]

    def gap(a: Span, b: Span) -> str:
        return text_of(a.end, b.start)

    opening = _OPENING.match(sentence.text)
    subject_from = sentence.start + (opening.end() if opening else 0)  # past "In 2023, ", "As X said, "
    clauses = _clauses(sentence)
    for start, end in [(subject_from, sentence.end), *clauses]:
        # the subject: the first name that is no guessed phrase, or any name that opens the clause
        head = next((n for n in ordered if start <= n.start < end and (
            not _described(n) or len(text_of(start, n.start).split()) <= 2)), None)
        if head is not None:
            for m in ordered:
                if m.start >= start and m is not head:
                    link(head, m, close=bool(_STANCE.search(gap(head, m))))
    for start, end in clauses:
        # "X, which supports Y": the name before a relative pronoun is the subject of its clause
        relative = re.match(r",\s+(?:which|who)\s+", text_of(start, end))
        before = [n for n in ordered if n.end <= start and not _described(n)]
        antecedent = min(before, key=lambda n: (-n.end, n.start)) if before else None  # the whole name
        if relative is None or antecedent is None or any(
                start + relative.end() <= n.start <= start + relative.end() + 1 for n in ordered):
            continue  # "X, which Y supports": the relative pronoun is the object
        for m in ordered:
            if start <= m.start < end:
                link(antecedent, m, close=bool(_STANCE.search(gap(antecedent, m))))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.start < a.end or len(gap(a, b).split()) <= _NEXT_WORDS:
                link(a, b)
    # a list: "A, B, and C" share their links
    listed = [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]
              if re.fullmatch(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?", gap(a, b))]
    for a, b in listed:
        for x, y in list(links.values()):
            for item, other in ((a, b), (b, a)):
                partner = y if x is item else x if y is item else None
                if partner is not None and partner is not other:
                    link(partner, other, close=True)
    return list(links.values())


def _sums_up(gap: str) -> bool:
    """Whether the text after a list item leads to a phrase that sums up the list: the rest of the
    list (items of one or two words), a comma and maybe "the" ("..., thrift and honesty, the").

    >>> _sums_up(", fairness, thrift and honesty, the "), _sums_up(" has long upheld the ")
    (True, False)
    """
    items, comma, tail = gap.rpartition(",")
    return bool(comma) and tail.strip() in {"", "the", "all"} and all(
        1 <= len(item.split()) <= 2 for item in re.split(r",|\band\b", items) if item.strip())


def _pair_facts(article: ArticleFile, sentence: Span, inside: list[Span],
                pairs: dict[tuple[str, str], Counter[str]], min_support: int) -> list[Fact]:
    """Linked names of a sentence (:func:`_links`), each way the curation links their kinds, with
    the predicate it uses most for that way."""
    facts = []
    for first, second in _links(sentence, inside):
        if first.key is None or second.key is None or (_described(first) and _described(second)):
            continue  # two phrases ingest only guesses are names: too weak to pair
        gap = sentence.text[first.end - sentence.start:second.start - sentence.start]
        # two ideas far apart: the earlier is the subject, unless the later sums up a list that
        # holds the earlier ("thrift, care and honesty, the old virtues of the town")
        one_way = _prefix(first.key) == _prefix(second.key) and len(gap.split()) > 3 and not _sums_up(gap)
        for x, y in ((first, second),) if one_way else ((first, second), (second, first)):
            usual = _usual_predicate(pairs, x.key or "", y.key or "", min_support)
            if usual is None:
                continue
            predicate, support = usual
            note = (f"candidate: {x.text!r} and {y.text!r} linked in a clause; {predicate} links "
                    f"{_prefix(x.key or '')} to {_prefix(y.key or '')} {support} times in the curation")
            facts.append(_fact(article, sentence, x.key or "", predicate, "object", y.key or "", note))
    return facts


def _date_facts(article: ArticleFile, sentence: Span, inside: list[Span], d: Span,
                date_predicates: dict[str, Counter[str]], min_support: int) -> list[Fact]:
    facts = []
    for n in inside:
        usage = date_predicates.get(_prefix(n.key or ""))
        if not usage or d.value is None:
            continue
        predicate, count = usage.most_common(1)[0]
        if count >= min_support:
            note = f"candidate: {d.text!r} near {n.text!r}" + (f"; {d.note}" if d.note else "")
            facts.append(_fact(article, sentence, n.key or "", predicate, "date", d.value, note))
            if d.until and "endDate" in usage:
                facts.append(_fact(article, sentence, n.key or "", "endDate", "date", d.until, note))
    return facts


def _unstated_qualifier(curation: Curation) -> str | None:
    """The qualifier the curation writes for a number the text states without one (e.g. "exactly")."""
    written: Counter[str] = Counter()
    for article in curation.articles:
        for f in article.facts:
            if f.predicate == "qualifier" and fold(f.value) not in fold(f.quote):
                written[f.value] += 1
    return written.most_common(1)[0][0] if written else None


# What a statistic may be about: the ontology's actors and undertakings.
_STAT_SUBJECTS = {"country", "organization", "initiative", "event", "project", "concept", "region"}


def _stat_facts(article: ArticleFile, sentence: Span, number: Span, inside: list[Span], dates: list[Span],
                counted: bool, unstated: str | None) -> list[Fact]:
    """A candidate statistic for a number: value, unit, qualifier, subject and reference date."""
    key = number.key or "stat:number"
    note = f"candidate statistic: {number.text!r}"
    facts = [_fact(article, sentence, key, "value", "number", number.value or "", note)]
    units = [number.unit, number.phrase if number.unit != "percent" else None]
    if number.phrase and number.unit != "percent" and number.phrase.endswith("s"):
        units.append(number.phrase.split()[-1])  # the counted things, without their qualities
    for unit in dict.fromkeys(u for u in units if u):
        facts.append(_fact(article, sentence, key, "unit", "text", unit, note))
    before = re.search(r"(?:[’']s\s+|^|,\s+)([a-z][\w\s-]{6,80}?)\s+(?:has\s+|have\s+|had\s+)?(?:reached|"
                       r"stood at|amounted to|totaled|totalled|exceeded|hit|was|is)\s+"
                       r"(?:at\s+)?(?:\w+\s+){0,2}$", sentence.text[:number.start - sentence.start])
    measures = [number.measure, number.phrase, before.group(1) if before else None]
    for measure in dict.fromkeys(m for m in measures if m):
        facts.append(_fact(article, sentence, key, "measure", "text", measure,
                           f"{note}: what it counts, as the text words it; shorten it"))
    if number.qualifier:
        facts.append(_fact(article, sentence, key, "qualifier", "text", number.qualifier, note))
    elif unstated:
        facts.append(_fact(article, sentence, key, "qualifier", "text", unstated,
                           f"{note}: no qualifier stated, which the curation writes {unstated!r}"))
    for n in dict.fromkeys(n for n in inside if not _described(n)):
        if counted and _prefix(n.key or "") in _STAT_SUBJECTS:
            facts.append(_fact(article, sentence, key, "statisticSubject", "object", n.key or "",
                               f"{note}: about {n.text!r}?"))
    for d in dates:
        facts.append(_fact(article, sentence, key, "referenceDate", "date", d.value or "",
                           f"{note} at {d.text!r}" + (f"; {d.note}" if d.note else "")))
    return facts


_COPULA = re.compile(
    r"""^\s*["”’]?\s*(?:,\s*)?(?:is|was|are|were|has become|had become|has been|have become|remains|"""
    r"""means|is also|is not only|serves as|becomes|described as|became|has evolved into|evolved into|"""
    r"""has developed into|developed into|represents|marks|appears|emphasizes|contains|underscores|"""
    r"""(?:has|have) (?:also )?(?:become|been))\s+(.+?)(?=[.;:!?]|,\s|\s-\s|$)""")


def _characterizations(article: ArticleFile, sentence: Span, inside: list[Span],
                       prefixes: set[str]) -> list[Fact]:
    """'X is/has become/means Y', 'X, the Y,', 'described X as "Y"', 'As the Y, X': Y as a candidate
    characterization of X; and the title a document is given."""
    facts = [_fact(article, sentence, n.key or "", "title", "text", n.text, "candidate: its title")
             for n in inside if n.note == "a title"]
    for n in inside:
        if _prefix(n.key or "") not in prefixes:
            continue
        after, before = sentence.text[n.end - sentence.start:], sentence.text[:n.start - sentence.start]
        further = re.match(r"(?:\s+[\w’'-]+){1,6}?\s+and\b", after)  # "has borne fruits and become ..."
        said = [_COPULA.match(after), _COPULA.match(after, further.end()) if further else None,
                _APPOSITIVE.match(after), _DESCRIBED_AS.search(after), _AS_FRONTED.search(before)]
        for found in (s for s in said if s and len(s.group(1).split()) >= 2):
            value = found.group(1).strip(" \"“”")
            facts.append(_fact(article, sentence, n.key or "", "characterization", "text", value,
                               f"candidate: what the text says {n.text!r} is"))
    return facts


# "X, the first ... ,": an apposition; "described X as Y"; "As the ... Y, X ...": what X is
_APPOSITIVE = re.compile(r"^,\s+((?:the|a|an)\s+[^,;:()]{8,160}?)(?=[,.;:]|$)")
_DESCRIBED_AS = re.compile(r"^[^.;:]{0,120}?\s+as\s+[“\"]([^”\"]{8,160}?)[,.]?[”\"]")
_AS_FRONTED = re.compile(r"^\s*As\s+(?:the|a|an)\s+([^,;:]{8,160}?),\s*(?:[\w’'-]+\s+){0,3}$")


def _article_facts(article: ArticleFile, sentence: Span, inside: list[Span], headline: bool,
                   pairs: dict[tuple[str, str], Counter[str]]) -> list[Fact]:
    """The article as a subject: it cites the documents it names and is about what its headline names,
    when the curation links documents so."""
    facts = []
    for n in inside:
        kind = _prefix(n.key or "")
        usage = pairs.get(("doc", kind), Counter())
        cites = kind == "doc" and "cites" in usage
        predicate = "cites" if cites else "about" if headline and "about" in usage else None
        if predicate and n.key != article.key:
            facts.append(_fact(article, sentence, article.key, predicate, "object", n.key or "",
                               f"candidate: the article {predicate} {n.text!r}"))
    return facts


def _byline(article: ArticleFile, sentence: Span, inside: list[Span], dates: list[Span],
            published: str | None) -> list[Fact]:
    """Author, editor, publisher and date of the article, from its byline and dateline."""
    facts = []
    byline = re.match(r"(?:.*[–-]\s*)?[Bb]y\s+[A-Z]", sentence.text) and len(sentence.text) < 200
    role = "editor" if re.match(r"Editors?:", sentence.text) else "author" if byline else None
    for n in inside if role else []:
        kind = _prefix(n.key or "")
        predicate = role if kind == "person" else "publisher" if kind == "organization" else None
        if predicate:
            facts.append(_fact(article, sentence, article.key, predicate, "object", n.key or "",
                               f"candidate: {predicate} from the line {sentence.text!r}"))
    for d in dates:
        if d.value == published and sentence.start < 400:
            facts.append(_fact(article, sentence, article.key, "datePublished", "date", d.value or "",
                               "candidate: the date at the head of the article"))
    return facts


def _relationships(article: ArticleFile, sentence: Span, inside: list[Span], dates: list[Span],
                   types: set[str]) -> list[Fact]:
    """Two parties and a kind of relationship in one sentence: a candidate bilateral relationship.
    The parties are the two named side by side ("X and Y", "X-Y", "between X and Y") when there are
    such, else the first two; the quote starts at the first party."""
    kinds = [n for n in inside if n.key in types or n.note == "a kind of relationship"]
    named = sorted((n for n in inside if _prefix(n.key or "") in {"country", "organization", "region"}),
                   key=lambda n: n.start)
    parties: list[Span] = []
    for n in named:
        if n.key not in {p.key for p in parties}:
            parties.append(n)
    related = re.search(r"\b(?:relations|ties|partnership|community with a shared future)\b", sentence.text)
    if not (kinds or related) or len(parties) < 2:
        return []

    def side_by_side(x: Span, y: Span) -> bool:
        gap = sentence.text[x.end - sentence.start:y.start - sentence.start]
        return x.key != y.key and bool(re.fullmatch(r"\s*(?:and|[-–])?\s*", gap))

    a, b = next(((x, y) for x, y in pairwise(named) if side_by_side(x, y)), (parties[0], parties[1]))
    kind = kinds[0].key or "" if kinds else ""
    names = [(n.key or ":").split(":")[1].lower() for n in (a, b)]
    key = f"relationship:{names[0]}--{names[1]}" + (f"-{kind.split(':')[1]}" if kind else "")
    note = f"candidate relationship: {a.text!r} and {b.text!r}" + (f", {kinds[0].text!r}" if kinds else "")
    quoted = Span(sentence.text[a.start - sentence.start:], a.start, sentence.end)
    facts = [_fact(article, quoted, key, "party", "object", a.key or "", note),
             _fact(article, quoted, key, "party", "object", b.key or "", note)]
    if kind:
        facts.append(_fact(article, quoted, key, "relationshipType", "object", kind, note))
    facts += [_fact(article, quoted, key, "startDate", "date", d.value or "", f"{note} since {d.text!r}")
              for d in dates]
    return facts


def _known_tenures(curation: Curation) -> dict[str, list[tuple[str, str]]]:
    """person -> (tenure, post) for every tenure the curation knows."""
    holders = {f.subject: f.value for a in curation.articles for f in a.facts if f.predicate == "holder"}
    posts = {f.subject: f.value for a in curation.articles for f in a.facts if f.predicate == "post"}
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for tenure, person in sorted(holders.items()):
        if tenure in posts:
            found[person].append((tenure, posts[tenure]))
    return found


def _tenures(article: ArticleFile, sentence: Span, inside: list[Span],
             tenures: dict[str, list[tuple[str, str]]]) -> list[Fact]:
    """A known person named with a title ("President Xi Jinping"): the tenures they hold."""
    facts = []
    for n in inside:
        titled = re.search(rf"\b{_TITLE}\b", n.text)
        if n.key in tenures and titled:
            for tenure, post in tenures[n.key]:
                note = f"candidate: {n.text!r} holds the post of a known tenure"
                facts.append(_fact(article, sentence, tenure, "holder", "object", n.key, note))
                facts.append(_fact(article, sentence, tenure, "post", "object", post, note))
    return facts


_TITLE = r"(?:President|Ambassador|Prime Minister|Minister|Premier|Chairman|Secretary-General|Secretary)"


@dataclass(frozen=True)
class _Known:
    """What the curation knows of posts: person -> (tenure, post), title -> role."""

    tenures: dict[str, list[tuple[str, str]]]
    roles: dict[str, str]


def _known_roles(curation: Curation, entities: list[Entity]) -> dict[str, str]:
    """The title a post's label starts with -> the role the curation gives such posts
    ("President" -> concept:head-of-state)."""
    labels = {e.key: e.label for e in entities}
    roles: dict[str, str] = {}
    for article in curation.articles:
        for f in article.facts:
            title = re.match(_TITLE, labels.get(f.subject, ""))
            if f.predicate == "role" and title:
                roles.setdefault(title.group(), f.value)
    return roles


def _posts(article: ArticleFile, text: str, sentence: Span, inside: list[Span],
           known: _Known) -> tuple[list[Span], list[Fact]]:
    """A known person with a title holds their known tenures (:func:`_tenures`). A new person with
    a title: "Jane Doe, Ambassador of Ruritania to Elbonia" or "President John Roe ... Elbonia".
    Proposes the post (its label, the country it is in and the one it is
    accredited to, its role) and the tenure ("PERSON as POST", as the curation labels tenures) as
    new names, with the facts that tie them."""
    spans: list[Span] = []
    facts = _tenures(article, sentence, inside, known.tenures)
    for person in (n for n in inside if _prefix(n.key or "") == "person" and not n.known):
        found = _post(text, sentence, person, inside)
        if found is None:
            continue
        post, home, host = found
        title = re.match(_TITLE, post.text)
        tenure = Span(f"{person.text} as {post.text}", person.start, max(person.end, post.end), known=False,
                      key=f"tenure:{_slug(person.text)}--{_slug(post.text)}", note="a tenure, as labelled")
        spans += [post, tenure]
        note = f"candidate: {person.text!r} holds the post {post.text!r}"
        ties = [(tenure, "holder", person), (tenure, "post", post), (post, "postIn", home),
                (post, "accreditedTo", host)]
        role = known.roles.get(title.group()) if title else None
        if title and role is None and text[post.start:post.end] == post.text:
            role = f"concept:{_slug(title.group())}"  # a role the curation does not know yet: the title
            spans.append(Span(title.group(), post.start, post.start + title.end(), key=role, known=False))
        facts += [_fact(article, sentence, a.key or "", predicate, "object", b.key or "", note)
                  for a, predicate, b in ties if b is not None]
        if role is not None:
            facts.append(_fact(article, sentence, post.key or "", "role", "object", role, note))
    return spans, facts


def _post(text: str, sentence: Span, person: Span,
          inside: list[Span]) -> tuple[Span, Span | None, Span | None] | None:
    """The post a new person is named with, the country it is in and the one it is accredited to."""
    countries = [n for n in inside if _prefix(n.key or "") == "country"]
    place = r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*"
    after = re.match(rf",\s+({_TITLE}(?:\s+of\s+{place})?(?:\s+to\s+{place})?)",
                     text[person.end:sentence.end])
    before = re.search(rf"\b({_TITLE})\s+$", text[sentence.start:person.start])
    if after:
        start = person.end + after.start(1)
        label = after.group(1)
        of, to = re.search(r"\s+of\s+(.+?)(?:\s+to\s+|$)", label), re.search(r"\s+to\s+(.+)$", label)
        home = next((c for c in countries if of and c.text == of.group(1)), None)
        host = next((c for c in countries if to and c.text == to.group(1)), None)
    elif before and countries:
        home, host = min(countries, key=lambda c: abs(c.start - person.start)), None
        start, label = sentence.start + before.start(1), f"{before.group(1)} of {home.text}"
    else:
        return None
    end = start + len(label) if text[start:start + len(label)] == label else person.start
    return Span(label, start, end, key=f"post:{_slug(label)}", known=False, note="a post"), home, host


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: set[str] = set()
    kept = []
    for f in sorted(facts, key=lambda f: f.start):
        if f.id not in seen:
            seen.add(f.id)
            kept.append(f)
    return kept


def ingest_file(article: str | Path, *, date: str | None = None, curation: str | Path | None = None,
                output: str | Path | None = None) -> str:
    """Ingest ``article`` knowing the curation folder (default: this checkout's ``data/curation``);
    write the candidate file to ``output`` (never over an existing file) and return its text."""
    from .build import load_curation, write_text_atomic

    folder = Path(curation) if curation is not None else _REPOSITORY / "data" / "curation"
    if output is not None and Path(output).exists():
        raise UsageError(f"{output} exists: ingest never overwrites a curation file")
    known = load_curation(folder) if folder.is_dir() or curation is not None else Curation((), ())
    text = ingest(article, known, date=date).to_yaml()
    if output is not None:
        write_text_atomic(output, text)
    return text
