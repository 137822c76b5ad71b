"""The ``gcsf`` command: a thin layer over the library.

Each command parses its options, calls one library function and prints the result. Errors
from the library print as ``Error: <Type>: <message>`` with exit code 1 (2 for usage errors);
``--debug`` shows the traceback instead. Heavy modules are imported inside the commands that
use them, so ``gcsf --help`` and ``gcsf query`` start fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .errors import GcsfError, UsageError

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

F = TypeVar("F", bound=Callable[..., Any])

# Loading more than this many bytes of RDF reports progress on stderr.
_PROGRESS_BYTES = 20_000_000


class _Group(click.Group):
    """Turns library errors into one clear line and a conventional exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            sys.stderr.close()  # output piped into `head`: not an error
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except (GcsfError, OSError) as exc:  # OSError: a file that cannot be read or written
            if ctx.obj and ctx.obj.get("debug"):
                raise
            if isinstance(exc, OSError):
                where = f"{exc.filename}: " if exc.filename else ""
                message = f"{where}{exc.strerror or exc}"
            else:
                message = str(exc)
            click.echo(f"Error: {type(exc).__name__}: {message}", err=True)
            ctx.exit(2 if isinstance(exc, UsageError) else 1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gcsf")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Query and explore the gcsf-graph knowledge graph.

    \b
    Example:
      gcsf query --example initiatives-proposers
    """
    ctx.obj = {"debug": debug}


def graph_options(func: F) -> F:
    """The options every command shares: which graph to load, and with which engine."""

    @click.option("--data", "data", multiple=True, type=click.Path(path_type=Path),
                  help="Turtle (or other RDF) file to load instead of the bundled graph; repeatable.")
    @click.option("--store", type=click.Path(path_type=Path),
                  help="Query an on-disk store built by `gcsf load` instead.")
    @click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph",
                  show_default=True, help="SPARQL engine.")
    @functools.wraps(func)
    def wrapper(*args: Any, data: tuple[Path, ...], store: Path | None, engine: str,
                **kwargs: Any) -> Any:
        def load_graph() -> KnowledgeGraph:
            from .graph import load, load_store

            if store is not None:
                if data or engine != "oxigraph":
                    raise UsageError("--store cannot be combined with --data or --engine rdflib")
                return load_store(store)
            big = sum(p.stat().st_size for p in data if p.is_file()) > _PROGRESS_BYTES
            return load(*data, engine=engine, progress=big)  # type: ignore[arg-type]

        return func(*args, load_graph=load_graph, **kwargs)

    return wrapper  # type: ignore[return-value]


def _out(text: str) -> None:
    click.echo(text, nl=not text.endswith("\n"))


# ------------------------------------------------------------------------------------ info


@cli.command()
@graph_options
def info(load_graph: Callable[[], KnowledgeGraph]) -> None:
    """Counts of entities by class, claims and documents, and the ontology version.

    \b
    Example:
      gcsf info
    """
    from .stats import summary

    s = summary(load_graph())
    _out(f"ontology version {s.ontology_version}\n"
         f"{s.triples} triples, {s.entities} entities, {s.claims} claims, "
         f"{s.documents} source documents")
    width = max(len(k) for k in s.by_class) if s.by_class else 0
    for cls, count in s.by_class.items():
        _out(f"  {cls:<{width}}  {count:>5}")


@cli.command("validate")
@click.option("--shapes", type=click.Path(path_type=Path), help="SHACL shapes file (default: bundled).")
@graph_options
def validate_command(load_graph: Callable[[], KnowledgeGraph], shapes: Path | None) -> None:
    """Check the graph against the SHACL shapes: exit 0 if it conforms, 1 if not.

    \b
    Example:
      gcsf validate --data my-triples.ttl
    """
    from .validate import validate

    report = validate(load_graph(), shapes=shapes)
    _out(report.text)
    sys.exit(0 if report.conforms else 1)


# ------------------------------------------------------------------------------------ query


@cli.command()
@click.argument("source", required=False)
@click.option("--example", "example_name", help="Run a bundled example by name (see `gcsf examples`).")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "markdown", "turtle", "ntriples", "jsonld"]),
              help="Output format; CONSTRUCT results use turtle, ntriples or jsonld.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Print at most N rows.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Stop the query after S seconds.")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Bind a variable: an IRI as <...> or prefix:key, else a literal; repeatable.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE clauses (they reach other endpoints).")
@graph_options
def query(load_graph: Callable[[], KnowledgeGraph], source: str | None, example_name: str | None,
          fmt: str, limit: int | None, timeout: float | None, binds: tuple[str, ...],
          allow_service: bool) -> None:
    """Run a read-only SPARQL query: as text, from a .rq file, from stdin (-) or an example.

    Standard prefixes (gcsf, rdfs, skos, schema, prov, dcterms, org, person, country ...)
    need no declaration.

    \b
    Examples:
      gcsf query 'SELECT ?l WHERE { ?p a gcsf:Person ; rdfs:label ?l }'
      gcsf query questions.rq --format csv
      gcsf query --example events-timeline --format json
      echo 'ASK { initiative:bri gcsf:proposedBy person:xi-jinping }' | gcsf query -
    """
    from .results import format_boolean, format_rows, format_triples
    from .sparql import Rows, Triples, execute

    text = _query_text(source, example_name)
    if not text.strip():
        raise UsageError("the query is empty")
    result = execute(load_graph(), text, bindings=_bindings(binds), timeout=timeout, limit=limit,
                     allow_service=allow_service)
    if isinstance(result, bool):
        _out(format_boolean(result, fmt))
        return
    if isinstance(result, Triples):
        _out(format_triples(result, "turtle" if fmt == "table" else fmt))
    elif isinstance(result, Rows):
        if fmt in ("turtle", "ntriples", "jsonld"):
            raise UsageError(f"--format {fmt} is for CONSTRUCT or DESCRIBE queries; "
                             "SELECT results use table, csv, tsv, json or markdown")
        _out(format_rows(result, fmt))
    if result.truncated:
        click.echo(f"(results cut at --limit {limit}; more rows match)", err=True)


def _query_text(source: str | None, example_name: str | None) -> str:
    from .examples import example

    if example_name and source:
        raise UsageError("give a query or --example, not both")
    if example_name:
        return example(example_name).text
    if source is None or source == "-":
        if source is None and sys.stdin.isatty():
            raise UsageError("no query given: pass it as an argument, a .rq file, - for stdin, "
                             "or --example NAME")
        return sys.stdin.read()
    path = Path(source)
    if source.endswith((".rq", ".sparql")) and not path.is_file():
        raise UsageError(f"no such query file: {source}")
    if "\n" not in source and len(source) < 4096 and path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise UsageError(f"{source} is not UTF-8 text") from None
    return source


def _bindings(binds: tuple[str, ...]) -> dict[str, Any]:
    import pyoxigraph as ox

    from .namespaces import PREFIXES, expand

    out: dict[str, Any] = {}
    for bind in binds:
        name, sep, value = bind.partition("=")
        if not sep or not name:
            raise UsageError(f"--bind takes NAME=VALUE, not {bind!r}")
        if value.startswith("<") and value.endswith(">"):
            out[name] = ox.NamedNode(value[1:-1])
        elif value.split(":", 1)[0] in PREFIXES and ":" in value:
            out[name] = ox.NamedNode(expand(value))
        else:
            out[name] = value
    return out


@cli.command("examples")
def examples_command() -> None:
    """List the bundled example queries with a one-line description.

    \b
    Example:
      gcsf examples
    """
    from .examples import examples

    items = examples()
    width = max(len(e.name) for e in items)
    for e in items:
        _out(f"{e.name:<{width}}  {e.title}")


# ------------------------------------------------------------------------------------ search


@cli.command("search")
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@graph_options
def search_command(load_graph: Callable[[], KnowledgeGraph], text: str, limit: int) -> None:
    """Find entities by label or alias, forgiving case, accents and small typos.

    \b
    Example:
      gcsf search "belt and road"
    """
    from .namespaces import shorten
    from .search import search

    matches = search(load_graph(), text, limit=limit)
    if not matches:
        click.echo(f"no entity matches {text!r}", err=True)
        sys.exit(1)
    for m in matches:
        alias = f"  (as {m.matched!r})" if m.matched != m.label else ""
        _out(f"{m.score:5.1f}  {m.label}  [{m.type}]  {shorten(m.iri)}{alias}")


@cli.command("describe")
@click.argument("entity")
@click.option("--context", is_flag=True,
              help="Show each quote inside the text around it (reads the articles from $GCSF_SEEDS).")
@graph_options
def describe_command(load_graph: Callable[[], KnowledgeGraph], entity: str, context: bool) -> None:
    """Everything the graph says about an entity, each fact with its article and quote.

    ENTITY is a label, an alias, prefix:key or a full IRI.

    \b
    Example:
      gcsf describe "Belt and Road Initiative"
      gcsf describe person:guo-jiping --context
    """
    from .namespaces import shorten
    from .search import describe

    d = describe(load_graph(), entity)
    lines = [f"{d.label}  <{d.iri}>", f"  type: {', '.join(d.types)}"]
    if d.aliases:
        lines.append(f"  also: {'; '.join(d.aliases)}")
    for heading, groups in (("", d.outgoing), ("(inverse) ", d.incoming)):
        for relation, facts in groups.items():
            lines.append(f"\n{heading}{relation}:")
            for fact in facts:
                target = f" ({shorten(fact.value_iri)})" if fact.value_iri else ""
                lines.append(f"  - {fact.value}{target}")
                for source in fact.sources:
                    if context:
                        from .curation import quote_in_article

                        shown = " ".join(quote_in_article(source.document, source.quote).split())
                        # article text goes to a terminal: no control characters
                        shown = "".join(c if c.isprintable() else "\ufffd" for c in shown)
                        lines.append(f"      [{source.document}] {shown}")
                    else:
                        lines.append(f"      [{source.document}] \"{' '.join(source.quote.split())}\"")
    _out("\n".join(lines))


@cli.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), required=True,
              help="Folder of the on-disk store to build.")
@click.option("--replace", is_flag=True, help="Replace an existing store in that folder.")
@click.option("--no-ontology", is_flag=True, help="Do not add the bundled ontology.")
def load_command(files: tuple[Path, ...], store: Path, replace: bool, no_ontology: bool) -> None:
    """Build an on-disk Oxigraph store once; then query it with --store on any command.

    \b
    Example:
      gcsf load big-1.nt big-2.ttl --store ./store
      gcsf query --store ./store --example events-by-year
    """
    from .graph import build_store

    path = build_store(store, *files, ontology=not no_ontology, replace=replace)
    click.echo(f"store ready in {path}", err=True)


# ------------------------------------------------------------------------------------ network


def _split_types(types: str | None) -> list[str] | None:
    return [t for t in (types or "").split(",") if t.strip()] or None


@cli.command("export")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="File to write.")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv", "turtle",
                                                    "ntriples", "jsonld"]),
              help="Output format (default: from the file extension).")
@click.option("--types", help="Only entities of these classes, comma-separated (e.g. Person,Event).")
@graph_options
def export_command(load_graph: Callable[[], KnowledgeGraph], output: Path, fmt: str | None,
                   types: str | None) -> None:
    """Write the graph as GraphML, GEXF, node-link JSON, an edge-list CSV, or RDF.

    The file is written atomically: an interrupted export leaves any earlier file intact.

    \b
    Examples:
      gcsf export -o gcsf.gexf                 # open in Gephi
      gcsf export -o people.graphml --types Person,Event
      gcsf export -o gcsf.ttl
    """
    from .export import write_export

    path = write_export(load_graph(), output, fmt=fmt, classes=_split_types(types))
    click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)", err=True)


@cli.command("stats")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many central entities to list.")
@graph_options
def stats_command(load_graph: Callable[[], KnowledgeGraph], top: int) -> None:
    """Counts by class and relation, the most central entities, and communities.

    \b
    Example:
      gcsf stats --top 5
    """
    from .analysis import network_report

    r = network_report(load_graph(), top=top)
    lines = [f"{r.nodes} entities, {r.edges} facts between entities", "", "entities by class:"]
    lines += [f"  {n:>5}  {k}" for k, n in r.by_class.items()]
    lines += ["", "facts by relation:"] + [f"  {n:>5}  {k}" for k, n in r.by_relation.items()]
    lines += ["", "most connected (degree centrality: share of entities directly linked):"]
    lines += [f"  {s:.3f}  {name}" for name, s in r.degree]
    lines += ["", "brokers (betweenness centrality: share of shortest paths passing through):"]
    lines += [f"  {s:.3f}  {name}" for name, s in r.betweenness]
    lines += ["", f"communities (Louvain, {len(r.communities)} with two or more members):"]
    for i, members in enumerate(r.communities, 1):
        shown = ", ".join(members[:8]) + (f" ... (+{len(members) - 8})" if len(members) > 8 else "")
        lines.append(f"  {i:>2}. [{len(members)}] {shown}")
    _out("\n".join(lines))


@cli.command("path")
@click.argument("start")
@click.argument("end")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True,
              help="At most this many paths.")
@graph_options
def path_command(load_graph: Callable[[], KnowledgeGraph], start: str, end: str, limit: int) -> None:
    """The shortest chains of facts connecting two entities, each hop with its source quote.

    \b
    Example:
      gcsf path Azerbaijan "Belt and Road Initiative"
    """
    from .analysis import connecting_paths

    paths = connecting_paths(load_graph(), start, end, limit=limit)
    if not paths:
        click.echo(f"no chain of facts connects {start!r} and {end!r}", err=True)
        sys.exit(1)
    lines = []
    for i, p in enumerate(paths, 1):
        lines.append(f"path {i} ({len(p.hops)} hops):")
        for hop in p.hops:
            ends = (hop.source_label, hop.target_label)
            s, t = ends if hop.forward else ends[::-1]
            lines.append(f"  {s} --{hop.relation}--> {t}")
            lines += [f"      [{doc}] \"{' '.join(quote.split())}\"" for doc, quote in hop.quotes]
    _out("\n".join(lines))


# ------------------------------------------------------------------------------------ viz


@cli.command("viz")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="HTML file to write.")
@click.option("--focus", help="Draw the neighbourhood of this entity (label, alias or IRI).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
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
    from .examples import example
    from .viz import write_html

    if example_name and query_file:
        raise UsageError("give --example or --query, not both")
    construct = None
    if example_name:
        construct = example(example_name).text
    elif query_file:
        if not query_file.is_file():
            raise UsageError(f"no such query file: {query_file}")
        construct = query_file.read_text(encoding="utf-8")
    path = write_html(load_graph(), output, focus=focus, depth=depth, construct=construct,
                      classes=_split_types(types), title=title, open_browser=open_browser)
    click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)", err=True)


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
    cli(prog_name="gcsf")
