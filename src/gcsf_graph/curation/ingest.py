"""Ingest: a new article in, a candidate curation file out, for a curator to accept or drop.

No model and no network: sentences by punctuation, names by the curation's own labels, aliases and
initialisms (case- and accent-tolerant), likely new names by capitalisation, dates resolved against
the article's date, numbers with the words after them as units. Each candidate fact pairs two
names of one sentence in the direction and with the predicate the curation uses most for such a
pair, and quotes the sentence with its offset. Every fact is written ``status: candidate``; the
builder skips candidates until the curator deletes that line.

>>> text = "Mini report\\nLast August, President Xi attended the 15th BRICS Summit in Johannesburg."
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
    "expo": ("event", "Expo"), "games": ("event", None), "day": ("event", None),
    "organization": ("organization", None), "bank": ("organization", None),
    "council": ("organization", None), "assembly": ("organization", None),
    "union": ("organization", None), "party": ("organization", None),
    "fund": ("organization", None), "centre": ("organization", None), "center": ("organization", None),
    "declaration": ("agreement", None), "resolution": ("agreement", None),
    "agreement": ("agreement", None), "charter": ("agreement", None), "treaty": ("agreement", None),
    "memorandum": ("agreement", None), "report": ("doc", None), "constitution": ("doc", None),
    "project": ("project", None), "railway": ("project", None), "corridor": ("project", None),
    "city": ("city", None), "province": ("region", None), "region": ("region", None),
}
_STOP_WORDS = {"since", "to", "in", "of", "from", "with", "and", "by", "for", "the", "a", "that", "which",
               "have", "has", "were", "was", "are", "is", "had", "at", "on", "across", "around"}
_OPENERS = {"The", "In", "On", "At", "As", "By", "Last", "This", "A", "An", "Under", "With", "And", "But"}
_REPOSITORY = Path(__file__).resolve().parents[3]
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

    def __init__(self, entities: Iterable[Entity]) -> None:
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
        return _no_overlaps(found)


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


def find_new_names(text: str, taken: list[Span]) -> list[Span]:
    """Capitalised runs of two or more words (or acronyms) that are no known name."""
    word = r"[A-Z][\w’'.-]*"
    run = re.compile(rf"{word}(?:\s+(?:(?:of|and|the|for|on|in|to|de)\s+)*{word})+|\b[A-Z]{{2,6}}\b|{word}")
    found = []
    masked = list(text)
    for t in taken:  # known names and dates split runs and are never new names
        masked[t.start:t.end] = "." * (t.end - t.start)
    blanked = "".join(masked)
    for sentence in sentences(text):
        for m in run.finditer(blanked[sentence.start:sentence.end]):
            name, start = m.group().rstrip(".’'"), sentence.start + m.start()
            while name.split()[0] in _OPENERS and len(name.split()) > 1:
                cut = len(name.split()[0]) + 1
                name, start = name[cut:].lstrip(), start + cut + (len(name[cut:]) - len(name[cut:].lstrip()))
            if name.split()[0].lower() in _CONNECTORS or len(name) < 2:
                continue
            end = start + len(name)
            name = text[start:end]
            country = _country(name)
            if country:
                found.append(Span(name, start, end, key=f"country:{country}", cls="Country", known=False))
                continue
            if " " not in name and not name.isupper():
                continue  # one capitalised word is most often just the start of a sentence
            head = fold(name.split()[-1])
            guess = ("person", None) if _looks_like_a_person(name) else ("concept", None)
            prefix, cls = _HEADS.get(head, guess)
            found.append(Span(name, start, end, key=f"{prefix}:{_slug(name)}", cls=cls, known=False))
    return found


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
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[0].isupper() and w[1:].islower() for w in words)


# -- dates and numbers -----------------------------------------------------------------------------

def find_dates(text: str, article_date: str | None) -> list[Span]:
    """Dates, as ISO 8601 at the precision given; relative ones resolved against the article's date."""
    year = int(article_date[:4]) if article_date else None
    month = int(article_date[5:7]) if article_date and len(article_date) >= 7 else None
    found: list[Span] = []
    patterns: list[tuple[str, str]] = [
        (rf"\b{_MONTH} (\d{{1,2}}), (\d{{4}})\b", "full"),
        (rf"\b{_MONTH} (\d{{4}})\b", "month"),
        (rf"\b(?:[Ll]ast|[Tt]his) {_MONTH}\b", "relative-month"),
        (r"\b(?:[Ll]ast|[Tt]he past|[Tt]his) year\b", "relative-year"),
        (rf"\b{_MONTH} (\d{{1,2}})\b", "day"),
        (r"(?<![\d/])((?:19|20)\d{2})(?![\d/])", "year"),
    ]
    for pattern, kind in patterns:
        for m in re.finditer(pattern, text):
            value, note = _date_value(kind, m, year, month, article_date)
            if value is not None:
                found.append(Span(m.group(), m.start(), m.end(), value=value, note=note))
    return _no_overlaps(found)


def _date_value(kind: str, m: re.Match[str], year: int | None, month: int | None,
                article_date: str | None) -> tuple[str | None, str | None]:
    if kind == "full":
        return f"{m.group(3)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}", None
    if kind == "month":
        return f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}", None
    if kind == "year":
        return m.group(1), None
    if kind == "day":
        return f"--{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}", None
    if year is None:
        return None, None
    said = m.group().lower()
    if kind == "relative-year":
        value = str(year if said.startswith("this") else year - 1)
    else:
        named = MONTHS[m.group(1).lower()]
        back = said.startswith("last") and (month is None or named >= month)
        value = f"{year - 1 if back else year}-{named:02d}"
    return value, f"dated from {m.group()!r} in an article published {article_date}"


def find_numbers(text: str) -> list[Span]:
    """Numbers with the words after them as unit, and a qualifier such as 'over' before them.

    >>> [(n.value, n.unit, n.qualifier) for n in find_numbers("benefiting over 150 countries")]
    [('150', 'countries', 'over')]
    """
    pattern = re.compile(rf"(?:\b{_QUALIFIERS}\s+)?(?<![\w.,/-])(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
                         r"(\s*(?:percent|%|million|billion|trillion))?\s+([a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2})",
                         re.IGNORECASE)
    found = []
    for m in pattern.finditer(text):
        number = m.group(2).replace(",", "")
        if re.fullmatch(r"(19|20)\d{2}", number) and not m.group(1):
            continue  # a year
        if re.search(_MONTH + r"\s+$", text[max(m.start(2) - 12, 0):m.start(2)]):
            continue  # a day of a month
        scale = (m.group(3) or "").strip()
        words = []
        for word in m.group(4).split():
            if word.lower() in _STOP_WORDS:
                break
            words.append(word)
        unit = " ".join(w for w in (scale, *words) if w)
        found.append(Span(m.group(), m.start(), m.end(), value=number, unit=unit,
                          qualifier=m.group(1).lower() if m.group(1) else None))
    return found


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
    new_names = find_new_names(text, [*mentions, *dates])
    numbers = [replace(n, key=f"stat:{_slug(n.unit or 'number')}-{_slug(n.value or '')}", known=False)
               for n in find_numbers(text)]
    key = f"doc:{_slug(path.stem).replace('-', '_')}"
    article = ArticleFile(key=key, file=path.name, title=spans[0].text, sha256=sha256(text), date=date)
    pairs, date_predicates = _priors(curation)
    tenures = _known_tenures(curation)
    relationship_types = {f.value for a in curation.articles for f in a.facts
                          if f.predicate == "relationshipType"}
    text_predicates = {f.subject.split(":", 1)[0] for a in curation.articles for f in a.facts
                       if f.predicate == "characterization"}
    facts = [_fact(article, spans[0], key, "title", "text", spans[0].text, "candidate: the first line")]
    names = sorted([*mentions, *new_names], key=lambda s: s.start)
    for sentence in spans:
        inside = [n for n in names if sentence.start <= n.start < sentence.end]
        facts += _pair_facts(article, sentence, inside, pairs, min_support)
        in_sentence = [d for d in dates if sentence.start <= d.start < sentence.end]
        for d in in_sentence:
            facts += _date_facts(article, sentence, inside, d, date_predicates, min_support)
        for n in (n for n in numbers if sentence.start <= n.start < sentence.end):
            facts += _stat_facts(article, sentence, n, inside, in_sentence, pairs)
        facts += _characterizations(article, sentence, inside, text_predicates)
        facts += _byline(article, sentence, inside, in_sentence, date)
        facts += _relationships(article, sentence, inside, in_sentence, relationship_types)
        facts += _tenures(article, sentence, inside, tenures)
    return Candidates(replace(article, facts=tuple(_unique(facts))), spans, mentions, new_names, dates,
                      numbers)


def _pair_facts(article: ArticleFile, sentence: Span, inside: list[Span],
                pairs: dict[tuple[str, str], Counter[str]], min_support: int) -> list[Fact]:
    facts = []
    for a in inside:
        for b in inside:
            if a.key == b.key or a.key is None or b.key is None:
                continue
            usage = pairs.get((_prefix(a.key), _prefix(b.key)))
            if not usage:
                continue
            predicate, count = usage.most_common(1)[0]
            if count < min_support:
                continue
            note = (f"candidate: {a.text!r} and {b.text!r} in one sentence; {predicate} links "
                    f"{_prefix(a.key)} to {_prefix(b.key)} {count} times in the curation")
            facts.append(_fact(article, sentence, a.key, predicate, "object", b.key, note))
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
    return facts


def _stat_facts(article: ArticleFile, sentence: Span, number: Span, inside: list[Span], dates: list[Span],
                pairs: dict[tuple[str, str], Counter[str]]) -> list[Fact]:
    """A candidate statistic for a number: value, unit, qualifier, subject and reference date."""
    key = number.key or "stat:number"
    note = f"candidate statistic: {number.text!r}"
    facts = [_fact(article, sentence, key, "value", "number", number.value or "", note)]
    if number.unit:
        facts.append(_fact(article, sentence, key, "unit", "text", number.unit, note))
    if number.qualifier:
        facts.append(_fact(article, sentence, key, "qualifier", "text", number.qualifier, note))
    for n in inside:
        usage = pairs.get(("stat", _prefix(n.key or "")))
        if usage and "statisticSubject" in usage:
            facts.append(_fact(article, sentence, key, "statisticSubject", "object", n.key or "",
                               f"{note}: about {n.text!r}?"))
    for d in dates:
        facts.append(_fact(article, sentence, key, "referenceDate", "date", d.value or "",
                           f"{note} at {d.text!r}" + (f"; {d.note}" if d.note else "")))
    return facts


_COPULA = re.compile(
    r"""^\s*["”’]?\s*(?:,\s*)?(?:is|was|are|were|has become|had become|has been|have become|remains|"""
    r"""means|is also|is not only|serves as|becomes|described as)\s+(.+?)(?=[.;:!?]|,\s|\s-\s|$)""")


def _characterizations(article: ArticleFile, sentence: Span, inside: list[Span],
                       prefixes: set[str]) -> list[Fact]:
    """'X is/has become/means Y': Y as a candidate characterization of X."""
    facts = []
    for n in inside:
        if _prefix(n.key or "") not in prefixes:
            continue
        said = _COPULA.match(sentence.text[n.end - sentence.start:])
        if said and len(said.group(1).split()) >= 2:
            value = said.group(1).strip(" \"“”")
            facts.append(_fact(article, sentence, n.key or "", "characterization", "text", value,
                               f"candidate: what the text says {n.text!r} is"))
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
    """Two parties and a kind of relationship in one sentence: a candidate bilateral relationship."""
    kinds = [n for n in inside if n.key in types]
    parties: list[Span] = []
    for n in inside:
        party = _prefix(n.key or "") in {"country", "organization", "region"}
        if party and n.key not in {p.key for p in parties}:
            parties.append(n)
    if not kinds or len(parties) < 2:
        return []
    a, b = parties[:2]
    kind = kinds[0].key or ""
    names = [(n.key or ":").split(":")[1].lower() for n in (a, b)]
    key = f"relationship:{names[0]}--{names[1]}-{kind.split(':')[1]}"
    note = f"candidate relationship: {a.text!r} and {b.text!r}, {kinds[0].text!r}"
    facts = [_fact(article, sentence, key, "party", "object", a.key or "", note),
             _fact(article, sentence, key, "party", "object", b.key or "", note),
             _fact(article, sentence, key, "relationshipType", "object", kind, note)]
    facts += [_fact(article, sentence, key, "startDate", "date", d.value or "", f"{note} since {d.text!r}")
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
        titled = re.search(r"\b(President|Ambassador|Minister|Premier|Chairman|Secretary)\b", n.text)
        if n.key in tenures and titled:
            for tenure, post in tenures[n.key]:
                note = f"candidate: {n.text!r} holds the post of a known tenure"
                facts.append(_fact(article, sentence, tenure, "holder", "object", n.key, note))
                facts.append(_fact(article, sentence, tenure, "post", "object", post, note))
    return facts


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
