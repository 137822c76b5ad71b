"""The ``gcsf`` command: a thin layer over the library.

Each command parses its options, makes one library call and hands the result to one renderer
(:mod:`gcsf_graph.render`). Exit codes, as grep and pySHACL use them: 0 success, 1 a negative
answer (no match, not connected, does not conform), 2 any error (usage, bad input, a query
error, I/O), 130 interrupted. Errors print as one line, ``Error: <Type>: <message>``;
``--debug`` shows the traceback instead. The parser is the standard library's ``argparse`` and
heavy modules are imported inside the commands that use them, so ``gcsf query`` starts fast.

>>> main(["query", "ASK { person:xi-jinping a gcsf:Person }"])
true
0
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .errors import GcsfError, UnknownEntityError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

    from .graph import KnowledgeGraph

__all__ = ["EXIT_ERROR", "EXIT_INTERRUPTED", "EXIT_NEGATIVE", "EXIT_OK", "commands", "main", "program"]

#: Exit codes of every command.
EXIT_OK, EXIT_NEGATIVE, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130

#: The choices of the options that name formats and views (the library's tables; a test checks
#: they are the same, since importing those modules here would slow every start).
QUERY_FORMATS = ("table", "csv", "tsv", "json", "xml", "markdown", "turtle", "ntriples", "jsonld", "rdfxml")
EXPORT_FORMATS = ("graphml", "gexf", "json", "csv", "turtle", "ntriples", "jsonld")
VIEWS = ("graph", "timeline", "map")
ENGINES = ("oxigraph", "rdflib")


# ------------------------------------------------------------------------------------ output


def _out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _say(text: str) -> None:
    """A line on stderr, safe for the terminal."""
    from .render import terminal_safe

    print(terminal_safe(text), file=sys.stderr)


class Negative(Exception):
    """A negative answer (no match, does not conform): the message goes to stderr, exit 1."""


# ------------------------------------------------------------------------------------ option types


def _bounded(kind: Callable[[str], int | float], low: float | None = None, high: float | None = None, *,
             above: bool = False) -> Callable[[str], int | float]:
    """An option type: a number of ``kind`` within [low, high] (``above``: strictly above low)."""
    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a valid {kind.__name__}") from None
        too_low = low is not None and (value <= low if above else value < low)
        if too_low or (high is not None and value > high) or math.isnan(value):
            where = f"above {low}" if above else f"at least {low}" if high is None else f"{low} to {high}"
            raise argparse.ArgumentTypeError(f"{text} is not {where}")
        return value

    parse.__name__ = kind.__name__
    return parse


def _decoded(argument: str) -> str:
    """An argument the locale could not decode (as under LC_ALL=C), read as UTF-8."""
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(argument).decode("utf-8", errors="replace")
    return argument


# ------------------------------------------------------------------------------------ the parser


class _Help(argparse.RawDescriptionHelpFormatter):
    """Help as written in the docstrings, as wide as the terminal (without importing shutil)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        if width is None:
            try:
                width = os.get_terminal_size(sys.__stdout__.fileno()).columns - 2 if sys.__stdout__ else 78
            except (AttributeError, ValueError, OSError):
                width = 78
        super().__init__(prog, indent_increment, max_help_position, max(width, 40))


class _Parser(argparse.ArgumentParser):
    """Reports a usage error as one line and exit code 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _graph_options(parser: argparse.ArgumentParser) -> None:
    """The options every command that reads the graph shares: which graph, with which engine."""
    group = parser.add_argument_group("graph")
    group.add_argument("--data", action="append", default=[], type=Path, metavar="FILE",
                       help="Turtle (or other RDF) file to load instead of the bundled graph; repeatable.")
    group.add_argument("--store", type=Path, metavar="DIR",
                       help="Query an on-disk store built by `gcsf load` instead.")
    group.add_argument("--engine", choices=ENGINES, default="oxigraph",
                       help="SPARQL engine (default: oxigraph).")
    group.add_argument("--no-inference", action="store_true",
                       help="Asserted facts only: no types or properties inferred from the ontology.")
    group.add_argument("--endpoint", default=os.environ.get("GCSF_ENDPOINT") or None, metavar="URL",
                       help="Query this SPARQL 1.1 endpoint instead of loading files [env: GCSF_ENDPOINT].")
    group.add_argument("--graph", dest="graph_iri", default=os.environ.get("GCSF_GRAPH") or None,
                       metavar="IRI",
                       help="With --endpoint: the graph to query (as `gcsf push` filled it) [env: "
                            "GCSF_GRAPH].")
    group.add_argument("--user", default=os.environ.get("GCSF_USER") or None,
                       help="With --endpoint: the user; the password comes from GCSF_PASSWORD or ~/.netrc.")


def _load_graph(args: argparse.Namespace) -> KnowledgeGraph:
    from .graph import load

    return load(*args.data, engine=args.engine, store=args.store, inference=not args.no_inference,
                endpoint=args.endpoint, user=args.user, graph=args.graph_iri)


Command = Callable[[argparse.Namespace], int | None]
Options = Callable[[argparse.ArgumentParser], object]
#: Every command by name: its function, how it adds its options, whether it reads the graph.
_COMMANDS: dict[str, tuple[Command, Options | None, bool]] = {}


def command(name: str, options: Options | None = None, *, graph: bool = True) -> Callable[[Command], Command]:
    """Register a command: its function's docstring is its help, ``options`` adds its options."""
    def register(func: Command) -> Command:
        _COMMANDS[name] = (func, options, graph)
        return func

    return register


def commands() -> dict[str, str]:
    """Every command's name and help text.

    >>> commands()["query"].splitlines()[0]
    'Run a read-only SPARQL query: as text, from a .rq or .sparql file, from stdin (-), or an example.'
    """
    return {name: (func.__doc__ or "").strip() for name, (func, _, _) in _COMMANDS.items()}


_DESCRIPTION = """Query and explore the gcsf-graph knowledge graph.

Exit codes: 0 success, 1 a negative answer (no match, not connected, does not conform),
2 an error.

Example:
  gcsf query --example initiatives-proposers"""


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``only`` that one (the one given: a faster start)."""
    parser = _Parser(prog="gcsf", description=_DESCRIPTION,
                     formatter_class=_Help, allow_abbrev=False)
    parser.add_argument("--version", action="version", version=f"gcsf, version {__version__}")
    parser.add_argument("--debug", action="store_true", help="Show tracebacks for errors.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (func, options, reads_graph) in _COMMANDS.items():
        if only not in (None, name):
            continue
        first, _, rest = (func.__doc__ or "").strip().partition("\n")
        # the docstring's body, out of its four spaces of indentation
        body = "\n".join(line[4:] if line.startswith("    ") else line for line in rest.split("\n"))
        child = sub.add_parser(name, help=first, description=f"{first}\n{body}",
                               formatter_class=_Help, allow_abbrev=False)
        if options is not None:
            options(child)
        if reads_graph:
            _graph_options(child)
        child.set_defaults(run=func)
    return parser


# ------------------------------------------------------------------------------------ info


@command("info")
def info_command(args: argparse.Namespace) -> None:
    """Counts of entities by class, claims and documents, and the ontology version.

    Example:
      gcsf info
    """
    from .info import summary
    from .render import format_summary

    _out(format_summary(summary(_load_graph(args))))


@command("validate", lambda p: p.add_argument(
    "--shapes", type=Path, metavar="FILE", help="SHACL shapes file (default: bundled)."))
def validate_command(args: argparse.Namespace) -> int:
    """Check the graph against the SHACL shapes: exit 0 if it conforms, 1 if not, 2 on error.

    Example:
      gcsf validate --data my-triples.ttl
    """
    from .shacl import validate

    report = validate(_load_graph(args), shapes=args.shapes)
    _out(report.text)
    return EXIT_OK if report.conforms else EXIT_NEGATIVE


# ------------------------------------------------------------------------------------ query


def _query_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", nargs="?", help="The query, a .rq or .sparql file, or - for stdin.")
    p.add_argument("--example", dest="example_name", metavar="NAME",
                   help="Run a bundled example by name (see `gcsf examples`).")
    p.add_argument("--format", dest="fmt", default="table", choices=QUERY_FORMATS,
                   help="Output format (default: table); CONSTRUCT results use turtle, ntriples, jsonld "
                        "or rdfxml.")
    p.add_argument("--limit", type=_bounded(int, 0, sys.maxsize - 1), metavar="N",
                   help="Print at most N rows.")
    p.add_argument("--timeout", type=_bounded(float, 0, 1e9, above=True), metavar="S",
                   help="Stop the query after S seconds.")
    p.add_argument("--bind", dest="binds", action="append", default=[], metavar="NAME=VALUE",
                   help="Bind a variable: an IRI as <...> or prefix:key, else text; repeatable.")
    p.add_argument("--allow-service", action="store_true",
                   help="Allow SERVICE clauses (they reach other endpoints).")
    p.add_argument("--strict", action="store_true",
                   help="Make a term the graph does not hold an error (exit 2), not a warning.")


@command("query", _query_options)
def query_command(args: argparse.Namespace) -> None:
    """Run a read-only SPARQL query: as text, from a .rq or .sparql file, from stdin (-), or an example.

    Standard prefixes (gcsf, rdfs, skos, schema, prov, dcterms, org, person, country ...)
    need no declaration. A class, property or entity the graph does not hold is named on
    stderr with the nearest terms (an error with --strict).

    Examples:
      gcsf query 'SELECT ?l WHERE { ?p a gcsf:Person ; rdfs:label ?l }'
      gcsf query questions.rq --format csv
      gcsf query --example events-timeline --format json
      gcsf query --example article-claims --bind file=002
      echo 'ASK { initiative:bri gcsf:proposedBy person:xi-jinping }' | gcsf query -
    """
    from .render import format_result
    from .sparql import parse_bindings, query_text
    from .sparql import query as run

    if args.example_name and args.source:
        raise UsageError("give a query or --example, not both")
    if args.source is None and not args.example_name and sys.stdin.isatty():
        raise UsageError("no query given: pass it as an argument, a .rq file, - for stdin, or --example NAME")
    text = query_text(args.source or "-", example=args.example_name, stdin=sys.stdin)
    kg, bindings = _load_graph(args), parse_bindings(args.binds)
    if args.example_name:
        from .examples import example, example_bindings

        bindings = example_bindings(kg, example(args.example_name), bindings)
    with _query_warnings(args.strict):
        # in a child process: an engine that aborts on a query ends the child, not the command
        result = run(kg, text, bindings=bindings, limit=args.limit, timeout=args.timeout,
                     allow_service=args.allow_service, isolated=True)
    _out(format_result(result, args.fmt))
    if not isinstance(result, bool) and result.truncated:
        print(f"(results cut at --limit {args.limit}; more rows match)", file=sys.stderr)


@contextmanager
def _query_warnings(strict: bool) -> Iterator[None]:
    """Print the vocabulary check's warnings on stderr, or (``strict``) raise the first one."""
    import warnings

    from .errors import QueryWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("error" if strict else "always", QueryWarning)
        yield
    for warning in caught:
        if issubclass(warning.category, QueryWarning):
            _say(f"Warning: {warning.message}")


@command("examples", lambda p: p.add_argument("name", nargs="?", help="An example's name."), graph=False)
def examples_command(args: argparse.Namespace) -> None:
    """List the bundled example queries, or show one: description, parameters and query.

    Examples:
      gcsf examples
      gcsf examples article-claims
    """
    from .examples import example, examples
    from .render import format_example, format_examples

    _out(format_example(example(args.name)) if args.name else format_examples(examples()))


# ------------------------------------------------------------------------------------ search


def _search_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("text", help="A name, alias or part of one.")
    p.add_argument("--limit", type=_bounded(int, 1, 10_000), default=10, metavar="N",
                   help="At most N matches (default: 10).")


@command("search", _search_options)
def search_command(args: argparse.Namespace) -> None:
    """Find entities by label or alias, forgiving case, accents and small typos (exit 1: none).

    Example:
      gcsf search "belt and road"
    """
    from .entities import search
    from .render import format_matches

    matches = search(_load_graph(args), args.text, limit=args.limit)
    if not matches:
        raise Negative(f"no entity matches {args.text!r}")
    _out(format_matches(matches))


def _describe_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("entity", help="A label, an alias, prefix:key or a full IRI.")
    p.add_argument("--context", action="store_true",
                   help="Show each quote inside the text around it (reads the articles from $GCSF_SEEDS).")


@command("describe", _describe_options)
def describe_command(args: argparse.Namespace) -> None:
    """Everything the graph says about an entity, each fact with its article and quote.

    ENTITY is a label, an alias, prefix:key or a full IRI; another name is taken for the best
    search match when that one is clearly ahead (said on stderr), else exit 1 with suggestions.

    Examples:
      gcsf describe "Belt and Road Initiative"
      gcsf describe person:guo-jiping --context
    """
    from .curation import quote_in_article
    from .entities import describe
    from .render import format_description

    description = describe(_load_graph(args), args.entity)
    if description.guessed:
        from .namespaces import shorten

        _say(f"taking {description.label} ({shorten(description.iri)}), the best match for {args.entity!r}")
    _out(format_description(description, quote=quote_in_article if args.context else None))


def _load_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="RDF files to load.")
    p.add_argument("--store", type=Path, required=True, metavar="DIR",
                   help="Folder of the on-disk store to build.")
    p.add_argument("--replace", action="store_true", help="Replace a store this tool built in that folder.")
    p.add_argument("--no-ontology", action="store_true", help="Do not add the bundled ontology.")


@command("load", _load_options, graph=False)
def load_command(args: argparse.Namespace) -> None:
    """Build an on-disk Oxigraph store once; then query it with --store on any command.

    Example:
      gcsf load big-1.nt big-2.ttl --store ./store
      gcsf query --store ./store --example events-by-year
    """
    from .stores import build_store

    path = build_store(args.store, args.files, ontology=not args.no_ontology, replace=args.replace)
    _say(f"store ready in {path}")


# ------------------------------------------------------------------------------------ network


def _split_types(types: str | None) -> list[str] | None:
    return [t for t in (types or "").split(",") if t.strip()] or None


def _wrote(path: Path) -> None:
    if path.is_file():
        _say(f"wrote {path} ({path.stat().st_size:,} bytes)")


def _export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                   help="File to write (- for standard output).")
    p.add_argument("--format", dest="fmt", choices=EXPORT_FORMATS,
                   help="Output format (default: from the file extension).")
    p.add_argument("--types", help="Only entities of these classes, comma-separated (e.g. Person,Event).")


@command("export", _export_options)
def export_command(args: argparse.Namespace) -> None:
    """Write the graph as GraphML, GEXF, node-link JSON, an edge-list CSV, or RDF.

    The file is written atomically: an interrupted export leaves any earlier file intact. A
    symbolic link is followed (the link stays), a device or FIFO is written directly.

    Examples:
      gcsf export -o gcsf.gexf                 # open in Gephi
      gcsf export -o people.graphml --types Person,Event
      gcsf export -o - --format ntriples | wc -l
    """
    from .export import write_export

    _wrote(write_export(_load_graph(args), args.output, fmt=args.fmt, classes=_split_types(args.types)))


@command("stats", lambda p: p.add_argument("--top", type=_bounded(int, 1, 10_000), default=10, metavar="N",
                                          help="How many central entities to list (default: 10)."))
def stats_command(args: argparse.Namespace) -> None:
    """Counts by class and relation, the most central entities, and communities.

    Example:
      gcsf stats --top 5
    """
    from .network import network_report
    from .render import format_network_report

    _out(format_network_report(network_report(_load_graph(args), top=args.top)))


def _path_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("start", help="An entity: label, alias, prefix:key or IRI.")
    p.add_argument("end", help="Another entity.")
    p.add_argument("--limit", type=_bounded(int, 1, 10_000), default=5, metavar="N",
                   help="At most this many paths (default: 5).")


@command("path", _path_options)
def path_command(args: argparse.Namespace) -> None:
    """The shortest chains of facts connecting two entities, each hop with its source quote (exit 1: none).

    Example:
      gcsf path Azerbaijan "Belt and Road Initiative"
    """
    from .network import connecting_paths
    from .render import format_chains

    chains = connecting_paths(_load_graph(args), args.start, args.end, limit=args.limit)
    if not chains:
        raise Negative(f"no chain of facts connects {args.start!r} and {args.end!r}")
    _out(format_chains(chains))


# ------------------------------------------------------------------------------------ viz


def _viz_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="HTML file to write.")
    p.add_argument("--view", choices=VIEWS, default="graph",
                   help="graph (default): entities and facts; timeline: every dated fact; map: countries "
                        "and places.")
    p.add_argument("--focus", help="Draw the neighbourhood of this entity (label, alias or IRI).")
    p.add_argument("--depth", type=_bounded(int, 0, 100), default=1, metavar="N",
                   help="How many facts away from --focus to draw (default: 1).")
    p.add_argument("--example", dest="example_name", metavar="NAME",
                   help="Draw a bundled example: a CONSTRUCT for the graph, a SELECT for the timeline.")
    p.add_argument("--query", dest="query_file", type=Path, metavar="FILE",
                   help="Draw a query in this .rq file: a CONSTRUCT for the graph; for the timeline a SELECT "
                        "with ?start and optionally ?item ?label ?end ?class ?property.")
    p.add_argument("--types", help="Only entities of these classes, comma-separated (e.g. Person,Event).")
    p.add_argument("--title", help="Page title.")
    p.add_argument("--open", dest="open_browser", action="store_true",
                   help="Open the page in a browser afterwards.")


@command("viz", _viz_options)
def viz_command(args: argparse.Namespace) -> None:
    """Write an interactive, self-contained HTML page of the graph (works offline).

    Examples:
      gcsf viz -o graph.html
      gcsf viz -o xi.html --focus "Xi Jinping" --depth 2 --open
      gcsf viz -o vision.html --example vision-structure
      gcsf viz -o people.html --types Person,Event,Country
      gcsf viz -o when.html --view timeline
      gcsf viz -o events.html --view timeline --query my-dates.rq
      gcsf viz -o where.html --view map
    """
    from .sparql import query_text
    from .views import write_view

    if args.example_name and args.query_file:
        raise UsageError("give --example or --query, not both")
    if args.query_file is not None and args.query_file.is_dir():
        raise UsageError(f"{args.query_file} is a folder; give a .rq file")
    query = None
    if args.example_name or args.query_file:
        query = query_text(str(args.query_file) if args.query_file else "-", example=args.example_name,
                           file_only=True)
    _wrote(write_view(_load_graph(args), args.output, view=args.view, focus=args.focus, depth=args.depth,
                      query=query, classes=_split_types(args.types), title=args.title,
                      open_browser=args.open_browser))


# ------------------------------------------------------------------------------------ coverage


def _coverage_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sentences", dest="every_sentence", action="store_true",
                   help="List every sentence with the claims it backs or the reason it has none.")
    p.add_argument("--curation", type=Path, metavar="DIR",
                   help="The curation folder (default: the repository's data/curation).")
    p.add_argument("--corpus", type=Path, metavar="DIR",
                   help="The articles' folder (default: $GCSF_SEEDS, else ../shared/seeds).")


@command("coverage", _coverage_options, graph=False)
def coverage_command(args: argparse.Namespace) -> int:
    """Does every sentence of the articles back a claim or have a reason? (exit 1: some do not).

    Prints per article its sentences, how many back a claim (covered), how many have a reason in
    data/curation/coverage/ (explained) and how many neither (unaccounted, each listed after the
    table). Exit 0 when none is unaccounted, 1 when some are, 2 on error (no corpus, a bad reason).

    Examples:
      gcsf coverage
      gcsf coverage --sentences | less
    """
    from .curation.coverage import load_coverage
    from .render import format_coverage

    ledgers = load_coverage(args.curation, args.corpus)
    _out(format_coverage(ledgers, sentences=args.every_sentence))
    return EXIT_NEGATIVE if any(a.unaccounted for a in ledgers) else EXIT_OK


# ------------------------------------------------------------------------------------ servers


def _push_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", type=Path, metavar="FILE",
                   help="RDF files (default: the bundled data).")
    p.add_argument("--endpoint", default=os.environ.get("GCSF_ENDPOINT") or None, metavar="URL",
                   help="The server's SPARQL query endpoint [env: GCSF_ENDPOINT].")
    p.add_argument("--graph", dest="graph_iri", default=os.environ.get("GCSF_GRAPH") or None, metavar="IRI",
                   help="The graph to fill [env: GCSF_GRAPH].")
    p.add_argument("--replace", action="store_true", help="Empty the graph first.")
    p.add_argument("--user", default=os.environ.get("GCSF_USER") or None,
                   help="The user; the password comes from GCSF_PASSWORD or ~/.netrc.")
    p.add_argument("--graph-store", metavar="URL",
                   help="The Graph Store URL, where it is not beside the endpoint as on Virtuoso and "
                        "Oxigraph.")
    p.add_argument("--no-ontology", action="store_true", help="Do not add the bundled ontology.")


@command("push", _push_options, graph=False)
def push_command(args: argparse.Namespace) -> None:
    """Send RDF files (default: the bundled data) into a graph on a SPARQL 1.1 server.

    Every file is parsed first (a broken file sends nothing); the triples go in chunks through
    the Graph Store Protocol, and the server's count is checked at the end.

    Examples:
      gcsf push --endpoint http://127.0.0.1:7878/query --graph https://w3id.org/gcsf/graph --replace
      GCSF_PASSWORD=... gcsf push more.ttl --endpoint http://127.0.0.1:8890/sparql --user dba --graph urn:g
    """
    from .push import push

    if not args.endpoint or not args.graph_iri:
        raise UsageError("give the server's --endpoint URL and the --graph IRI to fill "
                         "(or set GCSF_ENDPOINT and GCSF_GRAPH)")
    push(args.files, args.endpoint, args.graph_iri, replace=args.replace, user=args.user,
         ontology=not args.no_ontology, graph_store=args.graph_store)


def _serve_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1",
                   help="Address to listen on (default: 127.0.0.1; any other than loopback is reachable "
                        "from other machines).")
    p.add_argument("--port", type=_bounded(int, 0, 65535), default=8000,
                   help="Port to listen on (default: 8000; 0: any free port).")
    p.add_argument("--open", dest="open_browser", action="store_true", help="Open the web app in a browser.")
    p.add_argument("--allow-host", dest="allow_hosts", action="append", default=[], metavar="NAME",
                   help="Also answer requests whose Host header is NAME (e.g. behind a proxy); repeatable.")
    p.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                   help="Let browser pages from ORIGIN read answers (CORS); repeatable. Off by default.")
    p.add_argument("--timeout", type=_bounded(float, 0.1, 3600), default=20.0, metavar="S",
                   help="Seconds a request may take, its query included (default: 20).")
    p.add_argument("--workers", type=_bounded(int, 1, 64), default=2, metavar="N",
                   help="Server processes, each answering one query at a time (default: 2).")
    p.add_argument("--max-rows", type=_bounded(int, 1), default=100_000, metavar="N",
                   help="Rows (or triples) an answer holds at most (default: 100000).")
    p.add_argument("--articles", type=Path, metavar="DIR",
                   help="Folder of the article texts: quotes shown in their text, claims in text order.")


@command("serve", _serve_options)
def serve_command(args: argparse.Namespace) -> None:
    """Serve a SPARQL endpoint (/sparql), a page per entity (/id/...) and the web app (/).

    Read-only: updates, SERVICE and fetching other graphs are refused. Stops on Ctrl-C.

    Examples:
      gcsf serve --open
      gcsf serve --data events.trig --port 3030
      curl -H 'Accept: text/csv' http://127.0.0.1:8000/sparql --data-urlencode 'query=ASK {}'
    """
    from .web import Settings, serve

    settings = Settings(host=args.host, port=args.port, allowed_hosts=tuple(args.allow_hosts),
                        cors=tuple(args.cors), timeout=args.timeout, workers=args.workers,
                        max_rows=args.max_rows, articles=args.articles)
    serve(_load_graph(args), settings, open_browser=args.open_browser)


def _site_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR",
                   help="Folder to write the pages into.")
    p.add_argument("--articles", type=Path, metavar="DIR",
                   help="Folder of the article texts: quotes shown in their text, claims in text order.")


@command("site", _site_options)
def site_command(args: argparse.Namespace) -> None:
    """Write the entity and vocabulary pages as a static folder (opens from disk or any static host).

    Example:
      gcsf site -o site && open site/index.html
    """
    from .web import write_site

    _say(f"wrote the pages into {write_site(_load_graph(args), args.output, articles=args.articles)}")


# ------------------------------------------------------------------------------------ ingest


def _ingest_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", type=Path, help="The article's text file (UTF-8).")
    p.add_argument("--date",
                   help="The article's date, YYYY-MM-DD, to resolve 'last August' (else read from its head).")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="Write the candidate curation file here (never over an existing file); default "
                        "stdout.")
    p.add_argument("--curation", type=Path, metavar="DIR",
                   help="Curation folder whose entities are known (default: data/curation of this checkout).")


@command("ingest", _ingest_options, graph=False)
def ingest_command(args: argparse.Namespace) -> None:
    """Propose the curation of a new article: names, new names, dates, numbers, candidate facts.

    Every fact is marked `status: candidate`; `make data` builds only the facts a curator accepted.

    Example:
      gcsf ingest new-article.txt --date 2024-05-01 -o data/curation/new-article.yaml
    """
    from .curation.ingest import ingest_file

    text = ingest_file(args.article, date=args.date, curation=args.curation, output=args.output)
    if args.output is None:
        _out(text)
    else:
        _say(f"wrote {args.output}")


# ------------------------------------------------------------------------------------ main


def _failure(exc: BaseException) -> int:
    """Print an error as one line (a syntax error's source line and caret after it); its exit code."""
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        message = f"{where}{exc.strerror or exc}"
    else:
        message = str(exc)
    from .render import terminal_safe

    lines = terminal_safe(message).split("\n")
    print(f"Error: {type(exc).__name__}: {lines[0]}", file=sys.stderr)
    for line in lines[1:]:
        print(line, file=sys.stderr)
    return EXIT_NEGATIVE if isinstance(exc, UnknownEntityError) else EXIT_ERROR


#: The commands that only read and print: the ``gcsf`` program leaves them without clean-up.
_READ_ONLY = frozenset({"info", "validate", "query", "examples", "search", "describe", "stats", "path",
                        "coverage"})


def program() -> NoReturn:
    """The ``gcsf`` program: :func:`main` on the command line, then exit with its code.

    After a command that only reads and prints, the program leaves as soon as its output is
    flushed (``os._exit``): the interpreter's clean-up (tearing down every module, closing the
    store Oxigraph opened read-only) takes longer than a query, and has nothing to save.
    """
    sys.exit(main(quick_exit=True))


def main(argv: Sequence[str] | None = None, *, quick_exit: bool = False) -> int:
    """Run ``gcsf`` with ``argv`` (default: the command line); the exit code.

    ``quick_exit``: after a command that only reads and prints, end the process at once (see
    :func:`program`) instead of returning.
    """
    if sys.stderr is None:  # closed by the caller (2>&-): the messages go nowhere, as asked
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the process's life)
    if sys.stdout is None:  # closed by the caller (>&-): no answer can be given
        print("Error: standard output is closed", file=sys.stderr)
        return EXIT_ERROR
    for stream in (sys.stdout, sys.stderr):
        # Output never fails on a character the terminal's encoding lacks.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    arguments = [_decoded(a) for a in (sys.argv[1:] if argv is None else argv)]
    # --debug is an option of gcsf itself: it counts only before the command's name
    named_at = next((i for i, a in enumerate(arguments) if not a.startswith("-")), len(arguments))
    debug = "--debug" in arguments[:named_at]
    try:
        # Only the command given needs its options: building all of them is most of a start.
        named = arguments[named_at] if named_at < len(arguments) else None
        parser = _parser(named if named in _COMMANDS and "--" not in arguments[:named_at] else None)
        try:
            args = parser.parse_args(arguments)
        except SystemExit as exc:  # --help, --version
            return exc.code if isinstance(exc.code, int) else EXIT_OK  # pragma: no cover
        if args.command is None:
            parser.print_help()
            return EXIT_OK
        code = args.run(args) or EXIT_OK
        sys.stdout.flush()
        # not under a profiler or tracer, which report at exit
        if quick_exit and args.command in _READ_ONLY and not (sys.getprofile() or sys.gettrace()):
            sys.stderr.flush()
            os._exit(code)
        return code
    except BrokenPipeError:
        sys.stderr.close()  # output piped into `head`: not an error
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Negative as exc:
        _say(str(exc))
        return EXIT_NEGATIVE
    except (GcsfError, OSError) as exc:  # OSError: a file that cannot be read or written
        if debug:
            raise
        return _failure(exc)
