"""The ``gcsf`` command: a thin layer over the library.

Each command parses its options, makes one library call and hands the result to one renderer
(:mod:`gcsf_graph.render`). Exit codes, as grep and pySHACL use them: 0 success, 1 a negative
answer (no match, not connected, does not conform), 2 any error (usage, bad input, a query
error, I/O), 130 interrupted. Library errors print as one line, ``Error: <Type>: <message>``;
``--debug`` shows the traceback instead. Heavy modules are imported inside the commands that
use them, so ``gcsf --help`` and ``gcsf query`` start fast.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
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
    @click.option("--no-inference", is_flag=True,
                  help="Asserted facts only: no types or properties inferred from the ontology.")
    @click.option("--endpoint", envvar="GCSF_ENDPOINT", metavar="URL",
                  help="Query this SPARQL 1.1 endpoint instead of loading files [env: GCSF_ENDPOINT].")
    @click.option("--graph", "graph_iri", envvar="GCSF_GRAPH", metavar="IRI",
                  help="With --endpoint: the graph to query (as `gcsf push` filled it) [env: GCSF_GRAPH].")
    @click.option("--user", envvar="GCSF_USER",
                  help="With --endpoint: the user; the password comes from GCSF_PASSWORD or ~/.netrc.")
    @functools.wraps(func)
    def wrapper(*args: Any, data: tuple[Path, ...], store: Path | None, engine: str, no_inference: bool,
                endpoint: str | None, graph_iri: str | None, user: str | None, **kwargs: Any) -> Any:
        def load_graph() -> KnowledgeGraph:
            from .graph import load

            return load(*data, engine=engine, store=store, inference=not no_inference, endpoint=endpoint,
                        user=user, graph=graph_iri)

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
@click.option("--strict", is_flag=True,
              help="Make a term the graph does not hold an error (exit 2), not a warning.")
@graph_options
def query(load_graph: Callable[[], KnowledgeGraph], source: str | None, example_name: str | None,
          fmt: str, limit: int | None, timeout: float | None, binds: tuple[str, ...],
          allow_service: bool, strict: bool) -> None:
    """Run a read-only SPARQL query: as text, from a .rq or .sparql file, from stdin (-), or an example.

    Standard prefixes (gcsf, rdfs, skos, schema, prov, dcterms, org, person, country ...)
    need no declaration. A class, property or entity the graph does not hold is named on
    stderr with the nearest terms (an error with --strict).

    \b
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

    if example_name and source:
        raise UsageError("give a query or --example, not both")
    if source is None and not example_name and sys.stdin.isatty():
        raise UsageError("no query given: pass it as an argument, a .rq file, - for stdin, or --example NAME")
    text = query_text(source or "-", example=example_name, stdin=sys.stdin)
    kg, bindings = load_graph(), parse_bindings(binds)
    if example_name:
        from .examples import example, example_bindings

        bindings = example_bindings(kg, example(example_name), bindings)
    with _query_warnings(strict):
        result = run(kg, text, bindings=bindings, limit=limit, timeout=timeout, allow_service=allow_service)
    _out(format_result(result, fmt))
    if not isinstance(result, bool) and result.truncated:
        click.echo(f"(results cut at --limit {limit}; more rows match)", err=True)


@contextlib.contextmanager
def _query_warnings(strict: bool) -> Iterator[None]:
    """Print the vocabulary check's warnings on stderr, or (``strict``) raise the first one."""
    import warnings

    from .errors import QueryWarning
    from .render import terminal_safe

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("error" if strict else "always", QueryWarning)
        yield
    for warning in caught:
        if issubclass(warning.category, QueryWarning):
            click.echo(f"Warning: {terminal_safe(str(warning.message))}", err=True)


@cli.command("examples")
@click.argument("name", required=False)
def examples_command(name: str | None) -> None:
    """List the bundled example queries, or show one: description, parameters and query.

    \b
    Examples:
      gcsf examples
      gcsf examples article-claims
    """
    from .examples import example, examples
    from .render import format_example, format_examples

    _out(format_example(example(name)) if name else format_examples(examples()))


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
@click.option("--context", is_flag=True,
              help="Show each quote inside the text around it (reads the articles from $GCSF_SEEDS).")
@graph_options
def describe_command(load_graph: Callable[[], KnowledgeGraph], entity: str, context: bool) -> None:
    """Everything the graph says about an entity, each fact with its article and quote.

    ENTITY is a label, an alias, prefix:key or a full IRI; another name is taken for the best
    search match when that one is clearly ahead (said on stderr), else exit 1 with suggestions.

    \b
    Example:
      gcsf describe "Belt and Road Initiative"
      gcsf describe person:guo-jiping --context
    """
    from .curation import quote_in_article
    from .entities import describe
    from .render import format_description

    description = describe(load_graph(), entity)
    if description.guessed:
        from .namespaces import shorten
        from .render import terminal_safe

        click.echo(terminal_safe(f"taking {description.label} ({shorten(description.iri)}), "
                                 f"the best match for {entity!r}"), err=True)
    _out(format_description(description, quote=quote_in_article if context else None))


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
@click.option("--view", type=click.Choice(["graph", "timeline", "map"]), default="graph", show_default=True,
              help="graph: entities and facts; timeline: every dated fact; map: countries and places.")
@click.option("--focus", help="Draw the neighbourhood of this entity (label, alias or IRI).")
@click.option("--depth", type=click.IntRange(min=0, max=100), default=1, show_default=True,
              help="How many facts away from --focus to draw.")
@click.option("--example", "example_name",
              help="Draw a bundled example: a CONSTRUCT for the graph, a SELECT for the timeline.")
@click.option("--query", "query_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Draw a query in this .rq file: a CONSTRUCT for the graph; for the timeline a SELECT "
                   "with ?start and optionally ?item ?label ?end ?class ?property.")
@click.option("--types", help="Only entities of these classes, comma-separated (e.g. Person,Event).")
@click.option("--title", help="Page title.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a browser afterwards.")
@graph_options
def viz_command(load_graph: Callable[[], KnowledgeGraph], output: Path, view: str, focus: str | None,
                depth: int, example_name: str | None, query_file: Path | None, types: str | None,
                title: str | None, open_browser: bool) -> None:
    """Write an interactive, self-contained HTML page of the graph (works offline).

    \b
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

    if example_name and query_file:
        raise UsageError("give --example or --query, not both")
    query = None
    if example_name or query_file:
        query = query_text(str(query_file) if query_file else "-", example=example_name, file_only=True)
    path = write_view(load_graph(), output, view=view, focus=focus, depth=depth, query=query,  # type: ignore[arg-type]
                      classes=_split_types(types), title=title, open_browser=open_browser)
    _wrote(path)


# ------------------------------------------------------------------------------------ coverage


@cli.command("coverage")
@click.option("--sentences", "every_sentence", is_flag=True,
              help="List every sentence with the claims it backs or the reason it has none.")
@click.option("--curation", type=click.Path(path_type=Path, file_okay=False),
              help="The curation folder (default: the repository's data/curation).")
@click.option("--corpus", type=click.Path(path_type=Path, file_okay=False),
              help="The articles' folder (default: $GCSF_SEEDS, else ../shared/seeds).")
def coverage_command(every_sentence: bool, curation: Path | None, corpus: Path | None) -> None:
    """Does every sentence of the articles back a claim or have a reason? (exit 1: some do not).

    Prints per article its sentences, how many back a claim (covered), how many have a reason in
    data/curation/coverage/ (explained) and how many neither (unaccounted, each listed after the
    table). Exit 0 when none is unaccounted, 1 when some are, 2 on error (no corpus, a bad reason).

    \b
    Examples:
      gcsf coverage
      gcsf coverage --sentences | less
    """
    from .curation.coverage import load_coverage
    from .render import format_coverage

    ledgers = load_coverage(curation, corpus)
    _out(format_coverage(ledgers, sentences=every_sentence))
    sys.exit(EXIT_NEGATIVE if any(a.unaccounted for a in ledgers) else EXIT_OK)


# ------------------------------------------------------------------------------------ servers


@cli.command("push")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--endpoint", envvar="GCSF_ENDPOINT", metavar="URL", required=True,
              help="The server's SPARQL query endpoint [env: GCSF_ENDPOINT].")
@click.option("--graph", "graph_iri", envvar="GCSF_GRAPH", metavar="IRI", required=True,
              help="The graph to fill [env: GCSF_GRAPH].")
@click.option("--replace", is_flag=True, help="Empty the graph first.")
@click.option("--user", envvar="GCSF_USER",
              help="The user; the password comes from GCSF_PASSWORD or ~/.netrc.")
@click.option("--graph-store", metavar="URL",
              help="The Graph Store URL, where it is not beside the endpoint as on Virtuoso and Oxigraph.")
@click.option("--no-ontology", is_flag=True, help="Do not add the bundled ontology.")
def push_command(files: tuple[Path, ...], endpoint: str, graph_iri: str, replace: bool, user: str | None,
                 graph_store: str | None, no_ontology: bool) -> None:
    """Send RDF files (default: the bundled data) into a graph on a SPARQL 1.1 server.

    Every file is parsed first (a broken file sends nothing); the triples go in chunks through
    the Graph Store Protocol, and the server's count is checked at the end.

    \b
    Examples:
      gcsf push --endpoint http://127.0.0.1:7878/query --graph https://w3id.org/gcsf/graph --replace
      GCSF_PASSWORD=... gcsf push more.ttl --endpoint http://127.0.0.1:8890/sparql --user dba --graph urn:g
    """
    from .push import push

    push(files, endpoint, graph_iri, replace=replace, user=user, ontology=not no_ontology,
         graph_store=graph_store)


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
              help="Server processes, each answering one query at a time.")
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


# ------------------------------------------------------------------------------------ ingest


@cli.command("ingest")
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--date",
              help="The article's date, YYYY-MM-DD, to resolve 'last August' (else read from its head).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the candidate curation file here (never over an existing file); default stdout.")
@click.option("--curation", type=click.Path(path_type=Path),
              help="Curation folder whose entities are known (default: data/curation of this checkout).")
def ingest_command(article: Path, date: str | None, output: Path | None, curation: Path | None) -> None:
    """Propose the curation of a new article: names, new names, dates, numbers, candidate facts.

    Every fact is marked `status: candidate`; `make data` builds only the facts a curator accepted.

    \b
    Example:
      gcsf ingest new-article.txt --date 2024-05-01 -o data/curation/new-article.yaml
    """
    from .curation.ingest import ingest_file

    text = ingest_file(article, date=date, curation=curation, output=output)
    if output is None:
        _out(text)
    else:
        click.echo(f"wrote {output}", err=True)


def main() -> None:
    """Entry point of the ``gcsf`` console script."""
    for stream in (sys.stdout, sys.stderr):
        # Output never fails on a character the terminal's encoding lacks.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    cli(args=[_decoded(a) for a in sys.argv[1:]], prog_name="gcsf")
