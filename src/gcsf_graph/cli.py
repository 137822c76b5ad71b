"""The ``gcsf`` command: a thin layer over the library.

Each command parses its options, makes one library call and hands the result to one renderer
(:mod:`gcsf_graph.render`). Exit codes, as grep and pySHACL use them: 0 success, 1 a negative
answer (no match, not connected, does not conform), 2 any error (usage, bad input, a query
error, I/O), 130 interrupted. Library errors print as one line, ``Error: <Type>: <message>``;
``--debug`` shows the traceback instead. Heavy modules are imported inside the commands that
use them, so ``gcsf --help`` and ``gcsf query`` start fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .errors import GcsfError, UnknownEntityError, UsageError

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes of every command.
EXIT_OK, EXIT_NEGATIVE, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


class _Group(click.Group):
    """Turns library errors into one clear line and a conventional exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            sys.stderr.close()  # output piped into `head`: not an error
            ctx.exit(EXIT_OK)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except (GcsfError, OSError) as exc:  # OSError: a file that cannot be read or written
            if ctx.obj and ctx.obj.get("debug"):
                raise
            if isinstance(exc, OSError):
                where = f"{exc.filename}: " if exc.filename else ""
                message = f"{where}{exc.strerror or exc}"
            else:
                message = str(exc)
            from .render import terminal_safe

            lines = terminal_safe(message).split("\n")
            click.echo(f"Error: {type(exc).__name__}: {lines[0]}", err=True)
            for line in lines[1:]:  # a syntax error's source line and caret
                click.echo(line, err=True)
            ctx.exit(EXIT_NEGATIVE if isinstance(exc, UnknownEntityError) else EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gcsf")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Query and explore the gcsf-graph knowledge graph.

    Exit codes: 0 success, 1 a negative answer (no match, not connected, does not conform),
    2 an error.

    \b
    Example:
      gcsf query --example initiatives-proposers
    """
    ctx.obj = {"debug": debug}


def graph_options(func: F) -> F:
    """The options every command shares: which graph to load, and with which engine."""
    from .engines import ENGINES

    @click.option("--data", "data", multiple=True, type=click.Path(path_type=Path),
                  help="Turtle (or other RDF) file to load instead of the bundled graph; repeatable.")
    @click.option("--store", type=click.Path(path_type=Path),
                  help="Query an on-disk store built by `gcsf load` instead.")
    @click.option("--engine", type=click.Choice(ENGINES), default="oxigraph", show_default=True,
                  help="SPARQL engine.")
    @functools.wraps(func)
    def wrapper(*args: Any, data: tuple[Path, ...], store: Path | None, engine: str,
                **kwargs: Any) -> Any:
        def load_graph() -> KnowledgeGraph:
            from .graph import load

            return load(*data, engine=engine, store=store)

        return func(*args, load_graph=load_graph, **kwargs)

    return wrapper  # type: ignore[return-value]


def _out(text: str) -> None:
    click.echo(text, nl=not text.endswith("\n"))


def _negative(message: str) -> None:
    """A negative answer: say so on stderr and exit 1."""
    from .render import terminal_safe

    click.echo(terminal_safe(message), err=True)
    sys.exit(EXIT_NEGATIVE)


# ------------------------------------------------------------------------------------ info


@cli.command()
@graph_options
def info(load_graph: Callable[[], KnowledgeGraph]) -> None:
    """Counts of entities by class, claims and documents, and the ontology version.

    \b
    Example:
      gcsf info
    """
    from .info import summary
    from .render import format_summary

    _out(format_summary(summary(load_graph())))


@cli.command("validate")
@click.option("--shapes", type=click.Path(path_type=Path), help="SHACL shapes file (default: bundled).")
@graph_options
def validate_command(load_graph: Callable[[], KnowledgeGraph], shapes: Path | None) -> None:
    """Check the graph against the SHACL shapes: exit 0 if it conforms, 1 if not, 2 on error.

    \b
    Example:
      gcsf validate --data my-triples.ttl
    """
    from .shacl import validate

    report = validate(load_graph(), shapes=shapes)
    _out(report.text)
    sys.exit(EXIT_OK if report.conforms else EXIT_NEGATIVE)


# ------------------------------------------------------------------------------------ query


@cli.command()
@click.argument("source", required=False)
@click.option("--example", "example_name", help="Run a bundled example by name (see `gcsf examples`).")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "xml", "markdown", "turtle", "ntriples",
                                 "jsonld", "rdfxml"]),
              help="Output format; CONSTRUCT results use turtle, ntriples, jsonld or rdfxml.")
@click.option("--limit", type=click.IntRange(min=0, max=sys.maxsize - 1), default=None,
              help="Print at most N rows.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True, max=1e9), default=None,
              help="Stop the query after S seconds.")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Bind a variable: an IRI as <...> or prefix:key, else text; repeatable.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE clauses (they reach other endpoints).")
@graph_options
def query(load_graph: Callable[[], KnowledgeGraph], source: str | None, example_name: str | None,
          fmt: str, limit: int | None, timeout: float | None, binds: tuple[str, ...],
          allow_service: bool) -> None:
    """Run a read-only SPARQL query: as text, from a .rq or .sparql file, from stdin (-), or an example.

    Standard prefixes (gcsf, rdfs, skos, schema, prov, dcterms, org, person, country ...)
    need no declaration.

    \b
    Examples:
      gcsf query 'SELECT ?l WHERE { ?p a gcsf:Person ; rdfs:label ?l }'
      gcsf query questions.rq --format csv
      gcsf query --example events-timeline --format json
      echo 'ASK { initiative:bri gcsf:proposedBy person:xi-jinping }' | gcsf query -
    """
    from .render import format_result
    from .sparql import parse_bindings, query_text
    from .sparql import query as run

    if example_name and source:
        raise UsageError("give a query or --example, not both")
    if source is None and not example_name and sys.stdin.isatty():
        raise UsageError("no query given: pass it as an argument, a .rq file, - for stdin, or --example NAME")
    text = query_text(source or "-", example=example_name, stdin=sys.stdin)
    result = run(load_graph(), text, bindings=parse_bindings(binds), limit=limit, timeout=timeout,
                 allow_service=allow_service)
    _out(format_result(result, fmt))
    if not isinstance(result, bool) and result.truncated:
        click.echo(f"(results cut at --limit {limit}; more rows match)", err=True)


@cli.command("examples")
def examples_command() -> None:
    """List the bundled example queries with a one-line description.

    \b
    Example:
      gcsf examples
    """
    from .examples import examples
    from .render import format_examples

    _out(format_examples(examples()))


# ------------------------------------------------------------------------------------ search


@cli.command("search")
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1, max=10_000), default=10, show_default=True)
@graph_options
def search_command(load_graph: Callable[[], KnowledgeGraph], text: str, limit: int) -> None:
    """Find entities by label or alias, forgiving case, accents and small typos (exit 1: none).

    \b
    Example:
      gcsf search "belt and road"
    """
    from .entities import search
    from .render import format_matches

    matches = search(load_graph(), text, limit=limit)
    if not matches:
        _negative(f"no entity matches {text!r}")
    _out(format_matches(matches))


@cli.command("describe")
@click.argument("entity")
@graph_options
def describe_command(load_graph: Callable[[], KnowledgeGraph], entity: str) -> None:
    """Everything the graph says about an entity, each fact with its article and quote.

    ENTITY is a label, an alias, prefix:key or a full IRI (exit 1: no such entity).

    \b
    Example:
      gcsf describe "Belt and Road Initiative"
    """
    from .entities import describe
    from .render import format_description

    _out(format_description(describe(load_graph(), entity)))


@cli.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), required=True,
              help="Folder of the on-disk store to build.")
@click.option("--replace", is_flag=True, help="Replace a store this tool built in that folder.")
@click.option("--no-ontology", is_flag=True, help="Do not add the bundled ontology.")
def load_command(files: tuple[Path, ...], store: Path, replace: bool, no_ontology: bool) -> None:
    """Build an on-disk Oxigraph store once; then query it with --store on any command.

    \b
    Example:
      gcsf load big-1.nt big-2.ttl --store ./store
      gcsf query --store ./store --example events-by-year
    """
    from .stores import build_store

    path = build_store(store, files, ontology=not no_ontology, replace=replace)
    click.echo(f"store ready in {path}", err=True)


# ------------------------------------------------------------------------------------ network


def _split_types(types: str | None) -> list[str] | None:
    return [t for t in (types or "").split(",") if t.strip()] or None


@cli.command("export")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write (- for standard output).")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv", "turtle",
                                                    "ntriples", "jsonld"]),
              help="Output format (default: from the file extension).")
@click.option("--types", help="Only entities of these classes, comma-separated (e.g. Person,Event).")
@graph_options
def export_command(load_graph: Callable[[], KnowledgeGraph], output: Path, fmt: str | None,
                   types: str | None) -> None:
    """Write the graph as GraphML, GEXF, node-link JSON, an edge-list CSV, or RDF.

    The file is written atomically: an interrupted export leaves any earlier file intact. A
    symbolic link is followed (the link stays), a device or FIFO is written directly.

    \b
    Examples:
      gcsf export -o gcsf.gexf                 # open in Gephi
      gcsf export -o people.graphml --types Person,Event
      gcsf export -o - --format ntriples | wc -l
    """
    from .export import write_export

    path = write_export(load_graph(), output, fmt=fmt, classes=_split_types(types))
    _wrote(path)


def _wrote(path: Path) -> None:
    if path.is_file():
        click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)", err=True)


@cli.command("stats")
@click.option("--top", type=click.IntRange(min=1, max=10_000), default=10, show_default=True,
              help="How many central entities to list.")
@graph_options
def stats_command(load_graph: Callable[[], KnowledgeGraph], top: int) -> None:
    """Counts by class and relation, the most central entities, and communities.

    \b
    Example:
      gcsf stats --top 5
    """
    from .network import network_report
    from .render import format_network_report

    _out(format_network_report(network_report(load_graph(), top=top)))


@cli.command("path")
@click.argument("start")
@click.argument("end")
@click.option("--limit", type=click.IntRange(min=1, max=10_000), default=5, show_default=True,
              help="At most this many paths.")
@graph_options
def path_command(load_graph: Callable[[], KnowledgeGraph], start: str, end: str, limit: int) -> None:
    """The shortest chains of facts connecting two entities, each hop with its source quote (exit 1: none).

    \b
    Example:
      gcsf path Azerbaijan "Belt and Road Initiative"
    """
    from .network import connecting_paths
    from .render import format_chains

    chains = connecting_paths(load_graph(), start, end, limit=limit)
    if not chains:
        _negative(f"no chain of facts connects {start!r} and {end!r}")
    _out(format_chains(chains))


# ------------------------------------------------------------------------------------ viz


@cli.command("viz")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="HTML file to write.")
@click.option("--focus", help="Draw the neighbourhood of this entity (label, alias or IRI).")
@click.option("--depth", type=click.IntRange(min=0, max=100), default=1, show_default=True,
              help="How many facts away from --focus to draw.")
@click.option("--example", "example_name", help="Draw the result of a bundled CONSTRUCT example.")
@click.option("--query", "query_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Draw the result of a CONSTRUCT query in this .rq file.")
@click.option("--types", help="Only entities of these classes, comma-separated (e.g. Person,Event).")
@click.option("--title", help="Page title.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a browser afterwards.")
@graph_options
def viz_command(load_graph: Callable[[], KnowledgeGraph], output: Path, focus: str | None, depth: int,
                example_name: str | None, query_file: Path | None, types: str | None,
                title: str | None, open_browser: bool) -> None:
    """Write an interactive, self-contained HTML page of the graph (works offline).

    \b
    Examples:
      gcsf viz -o graph.html
      gcsf viz -o xi.html --focus "Xi Jinping" --depth 2 --open
      gcsf viz -o vision.html --example vision-structure
      gcsf viz -o people.html --types Person,Event,Country
    """
    from .sparql import query_text
    from .viz import write_html

    if example_name and query_file:
        raise UsageError("give --example or --query, not both")
    construct = None
    if example_name or query_file:
        construct = query_text(str(query_file) if query_file else "-", example=example_name, file_only=True)
    path = write_html(load_graph(), output, focus=focus, depth=depth, construct=construct,
                      classes=_split_types(types), title=title, open_browser=open_browser)
    _wrote(path)


# ------------------------------------------------------------------------------------ serve


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (any other than loopback is reachable from other machines).")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the web app in a browser.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests whose Host header is NAME (e.g. behind a proxy); repeatable.")
@click.option("--cors", "cors", multiple=True, metavar="ORIGIN",
              help="Let browser pages from ORIGIN read answers (CORS); repeatable. Off by default.")
@click.option("--timeout", type=click.FloatRange(min=0.1, max=3600), default=20, show_default=True,
              help="Seconds a request may take, its query included.")
@click.option("--workers", type=click.IntRange(min=1, max=64), default=2, show_default=True,
              help="Worker processes answering queries at once.")
@click.option("--max-rows", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Rows (or triples) an answer holds at most.")
@click.option("--articles", type=click.Path(path_type=Path, file_okay=False),
              help="Folder of the article texts, to list each article's claims in text order.")
@graph_options
def serve_command(load_graph: Callable[[], KnowledgeGraph], host: str, port: int, open_browser: bool,
                  allow_hosts: tuple[str, ...], cors: tuple[str, ...], timeout: float, workers: int,
                  max_rows: int, articles: Path | None) -> None:
    """Serve a SPARQL endpoint (/sparql), a page per entity (/id/...) and the web app (/).

    Read-only: updates, SERVICE and fetching other graphs are refused. Stops on Ctrl-C.

    \b
    Examples:
      gcsf serve --open
      gcsf serve --data events.trig --port 3030
      curl -H 'Accept: text/csv' http://127.0.0.1:8000/sparql --data-urlencode 'query=ASK {}'
    """
    from .web import Settings, serve

    settings = Settings(host=host, port=port, allowed_hosts=allow_hosts, cors=cors, timeout=timeout,
                        workers=workers, max_rows=max_rows, articles=articles)
    serve(load_graph(), settings, open_browser=open_browser)


@cli.command("site")
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder to write the pages into.")
@click.option("--articles", type=click.Path(path_type=Path, file_okay=False),
              help="Folder of the article texts, to list each article's claims in text order.")
@graph_options
def site_command(load_graph: Callable[[], KnowledgeGraph], output: Path, articles: Path | None) -> None:
    """Write the entity and vocabulary pages as a static folder (opens from disk or any static host).

    \b
    Example:
      gcsf site -o site && open site/index.html
    """
    from .web import write_site

    path = write_site(load_graph(), output, articles=articles)
    click.echo(f"wrote the pages into {path}", err=True)


def _decoded(argument: str) -> str:
    """An argument the locale could not decode (as under LC_ALL=C), read as UTF-8."""
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(argument).decode("utf-8", errors="replace")
    return argument


def main() -> None:
    """Entry point of the ``gcsf`` console script."""
    for stream in (sys.stdout, sys.stderr):
        # Output never fails on a character the terminal's encoding lacks.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    cli(args=[_decoded(a) for a in sys.argv[1:]], prog_name="gcsf")
