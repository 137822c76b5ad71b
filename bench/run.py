"""The gcsf-graph benchmark: `make bench` prints one table of figures measured in one run.

For each size of synthetic graph (bench/generate.py) and each engine it measures, in a fresh
worker process: loading, inference (RDFS entailment, paid by the first query), seven
example-shaped queries (median of several runs), the NetworkX export, HTML generation and peak
memory; beside Oxigraph it times the same queries through bare pyoxigraph. Then it times building the on-disk store, a cold `gcsf query` against a bare
`python -c pass`, and interactive pages of 500, 2,000 and 10,000 nodes in headless Chromium.

    python bench/run.py [--sizes 10000,100000,1000000] [--runs 5] [--no-browser] [--cold-start]

Progress goes to stderr, the table to stdout. This is a benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

P = "https://w3id.org/gcsf/id/"
QUERIES = {
    "lookup": 'SELECT ?e WHERE { ?e rdfs:label "Person 42"@en }',
    "two-hop join": """SELECT (COUNT(*) AS ?n) WHERE {
        ?i gcsf:proposedBy ?p . ?e gcsf:participant ?p . ?e gcsf:location ?c }""",
    "group-by": "SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?type } GROUP BY ?type ORDER BY DESC(?n)",
    "date filter": """SELECT ?e ?d WHERE { ?e gcsf:startDate ?d
        FILTER(?d >= "2020-01-01"^^xsd:date && ?d < "2020-03-01"^^xsd:date) } ORDER BY ?d""",
    "property path": f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ <{P}concept/c0> gcsf:hasPart+ ?x }}",
    "provenance": f"""SELECT ?p ?o ?doc ?quote WHERE {{
        ?c rdf:subject <{P}person/p1> ; rdf:predicate ?p ; rdf:object ?o ;
           gcsf:statedIn ?doc ; gcsf:quote ?quote }}""",
    "label search": """SELECT ?e ?l WHERE { ?e a gcsf:Initiative ; rdfs:label ?l
        FILTER(CONTAINS(LCASE(?l), "initiative 7")) }""",
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median_time(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------------------ worker


def worker(path: Path, engine: str, runs: int) -> dict:
    from gcsf_graph import load
    from gcsf_graph.namespaces import PREFIXES
    from gcsf_graph.sparql import query

    result: dict = {"engine": engine}
    started = time.perf_counter()
    kg = load(path, engine=engine)  # type: ignore[arg-type]
    result["load"] = time.perf_counter() - started
    result["triples"] = len(kg)
    from gcsf_graph.inference import ensure_inferred

    started = time.perf_counter()
    ensure_inferred(kg)  # what the first query pays: RDFS entailment, computed once per load
    result["inference"] = time.perf_counter() - started
    result["queries"] = {name: median_time(lambda q=q: query(kg, q), runs) for name, q in QUERIES.items()}
    if engine == "oxigraph":
        import pyoxigraph as ox

        from gcsf_graph.inference import INFERRED

        store = kg.engine.store  # type: ignore[attr-defined]
        # the same default graph the library queries: asserted and inferred triples
        graphs = [ox.DefaultGraph(), ox.NamedNode(INFERRED)]

        def direct(q: str) -> None:
            answer = store.query(q, prefixes=PREFIXES, default_graph=graphs)
            if isinstance(answer, ox.QuerySolutions):
                names = [v.value for v in answer.variables]
                [tuple(s[n] for n in names) for s in answer]

        result["direct"] = {name: median_time(lambda q=q: direct(q), runs) for name, q in QUERIES.items()}
    from gcsf_graph.network import to_networkx

    started = time.perf_counter()
    graph = to_networkx(kg)
    result["networkx"] = time.perf_counter() - started
    result["nodes"] = graph.number_of_nodes()
    if engine == "oxigraph":
        from gcsf_graph.views import to_html

        started = time.perf_counter()
        html = to_html(graph)
        result["html"] = time.perf_counter() - started
        result["html_mb"] = len(html.encode()) / 1e6
    result["peak_mb"] = peak_mb()
    return result


# ------------------------------------------------------------------------------ parent


def run_worker(path: Path, engine: str, runs: int) -> dict:
    log(f"  {engine}: loading {path.name} and timing queries ...")
    proc = subprocess.run([sys.executable, __file__, "--worker", str(path), engine, "--runs", str(runs)],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def synthetic(size: int) -> Path:
    from generate import main as generate

    path = OUT / f"g{size}.nt"
    if not path.exists():
        log(f"generating {path.name} ...")
        generate([str(size), "-o", str(path)])
    return path


def gcsf_command() -> list[str]:
    found = shutil.which("gcsf", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "gcsf_graph"]


def cold_start(runs: int) -> tuple[float, float, float]:
    """A bare Python start, a cold `gcsf query` (medians), and the first start (builds the cache)."""
    log("timing cold starts ...")
    def run(cmd: list[str], env: dict[str, str] | None = None) -> None:
        subprocess.run(cmd, check=True, capture_output=True, env=env)
    query = [*gcsf_command(), "query", "--example", "pillars", "--format", "csv"]
    with tempfile.TemporaryDirectory(dir=OUT) as cache:
        env = {**os.environ, "GCSF_CACHE_DIR": cache}
        first = median_time(lambda: run(query, env), 1)  # parses the bundled files, builds the store
        run(query, env)  # and once more, so that both commands start from warm disk caches
        bares, gcsfs = [], []
        for _ in range(runs):  # in turn, so that a change of the machine's pace hits both alike
            bares.append(median_time(lambda: run([sys.executable, "-c", "pass"]), 1))
            gcsfs.append(median_time(lambda: run(query, env), 1))
    return statistics.median(bares), statistics.median(gcsfs), first


def store_build(path: Path) -> float:
    from gcsf_graph.stores import build_store

    log(f"building an on-disk store from {path.name} ...")
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        started = time.perf_counter()
        build_store(Path(tmp) / "store", [path], progress=False)
        return time.perf_counter() - started


def viz_graph(nodes: int):
    """A graph shaped like to_networkx's output, with ``nodes`` nodes and about 1.5 edges each."""
    import random

    import networkx as nx

    rng = random.Random(nodes)
    kinds = ["person", "country", "organisation", "initiative", "summit", "agreement", "concept"]
    g = nx.MultiDiGraph()
    for n in range(nodes):
        g.add_node(f"n{n}", label=f"Entity {n}", type=kinds[n % len(kinds)], iri=f"{P}x/n{n}", aliases=[])
    for n in range(1, nodes):
        for target in {rng.randrange(n) for _ in range(rng.choice((1, 1, 2)))}:
            g.add_edge(f"n{n}", f"n{target}", key="gcsf:supports", label="supports", predicate="p",
                       sources=[{"document": "d1.txt", "quote": "a short quote"}])
    return g


def viz_bench(browser: bool) -> list[tuple[int, float, float, float | None]]:
    from gcsf_graph.views import to_html

    rows = []
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as tmp:
        for nodes in (500, 2000, 10000):
            log(f"viz: {nodes} nodes ...")
            graph = viz_graph(nodes)
            started = time.perf_counter()
            html = to_html(graph)
            generation = time.perf_counter() - started
            page = Path(tmp) / f"{nodes}.html"
            page.write_text(html, encoding="utf-8")
            interactive = time_to_interactive(chromium, page) if browser and chromium else None
            rows.append((nodes, generation, len(html.encode()) / 1e6, interactive))
    return rows


def time_to_interactive(chromium: str, page: Path) -> float:
    """Seconds from navigation to the first drawn frame with the page ready for input (median of 3)."""
    from playwright.sync_api import sync_playwright

    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
             "--disable-component-update", "--disable-sync"]
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=flags)
        for _ in range(3):
            tab = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            tab.goto(page.as_uri())
            tab.wait_for_selector("body[data-drawn=true]", timeout=120_000)
            times.append(time.perf_counter() - started)
            tab.close()
        browser.close()
    return statistics.median(times)


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="gcsf-graph benchmark")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--cold-start", action="store_true", help="Time only the cold start.")
    parser.add_argument("--worker", nargs=2, metavar=("FILE", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(Path(args.worker[0]), args.worker[1], args.runs)))
        return
    OUT.mkdir(exist_ok=True)
    if args.cold_start:
        bare, cold, first = cold_start(max(21, args.runs))
        print(f"cold `gcsf query --example pillars`: {fmt(cold)}; bare `python -c pass`: {fmt(bare)}; "
              f"ratio {cold / bare:.1f}x (first start, building the cache: {fmt(first)})")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    for size in sizes:
        path = synthetic(size)
        log(f"size {size:,} triples:")
        ox_result = run_worker(path, "oxigraph", args.runs)
        rd_result = run_worker(path, "rdflib", args.runs if size < 1_000_000 else max(3, args.runs // 2))
        results.append((size, ox_result, rd_result))
    store_seconds = store_build(synthetic(max(sizes)))
    bare, cold, first = cold_start(max(21, args.runs))  # start-up times are noisy: more runs
    viz_rows = viz_bench(not args.no_browser)

    lines = [f"gcsf-graph benchmark ({os.cpu_count()} cores, Python {sys.version.split()[0]}); "
             f"medians of {args.runs} runs", ""]
    lines.append("| size | measure | oxigraph | rdflib | rdflib / oxigraph | bare pyoxigraph | library / bare |")
    lines.append("|---|---|---|---|---|---|---|")
    for size, o, r in results:
        label = f"{size:,}"
        lines.append(f"| {label} | load ({o['triples']:,} triples) | {fmt(o['load'])} | {fmt(r['load'])} | "
                     f"{r['load'] / o['load']:.0f}x | | |")
        lines.append(f"| {label} | inference (first query) | {fmt(o['inference'])} | {fmt(r['inference'])} | "
                     f"{r['inference'] / o['inference']:.0f}x | | |")
        speedups, overheads = [], []
        for name in QUERIES:
            qo, qr, qd = o["queries"][name], r["queries"][name], o["direct"][name]
            speedups.append(qr / qo)
            overheads.append(qo / qd)
            lines.append(f"| {label} | query: {name} | {fmt(qo)} | {fmt(qr)} | {qr / qo:.0f}x | {fmt(qd)} | "
                         f"{qo / qd:.2f}x |")
        lines.append(f"| {label} | queries, median ratio | | | **{statistics.median(speedups):.0f}x** | | "
                     f"**{statistics.median(overheads):.2f}x** |")
        lines.append(f"| {label} | NetworkX export ({o['nodes']:,} nodes) | {fmt(o['networkx'])} | "
                     f"{fmt(r['networkx'])} | {r['networkx'] / o['networkx']:.0f}x | | |")
        lines.append(f"| {label} | HTML generation ({o['html_mb']:.1f} MB) | {fmt(o['html'])} | | | | |")
        lines.append(f"| {label} | peak memory | {o['peak_mb']:.0f} MB | {r['peak_mb']:.0f} MB | | | |")
    lines += ["", f"on-disk store built from {max(sizes):,} triples (`gcsf load --store`): {fmt(store_seconds)}",
              f"cold `gcsf query --example pillars`: {fmt(cold)}; bare `python -c pass`: {fmt(bare)}; "
              f"ratio {cold / bare:.1f}x (the very first start, which builds the bundled graph's "
              f"cache, took {fmt(first)})", "",
              "| page | generation (layout + HTML) | file size | time to interactive (Chromium) |",
              "|---|---|---|---|"]
    lines += [f"| {n:,} nodes | {fmt(g)} | {mb:.1f} MB | {fmt(t)} |" for n, g, mb, t in viz_rows]
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
