"""Servers against the embedded engine: `make bench-server` prints one table measured in one run.

A synthetic graph (bench/generate.py, 1M triples by default) is loaded into embedded Oxigraph
and pushed with `gcsf push` into Virtuoso and Oxigraph server (each started on 127.0.0.1 with a
free port and a fresh database, stopped by its PID at the end). For each it times loading, the
example-shaped queries of bench/run.py (medians), the per-query HTTP overhead (a trivial ASK),
reading every triple page by page, and the network report (igraph).

    python bench/server.py [--size 1000000] [--runs 5] [--no-virtuoso] [--no-oxigraph]

Progress goes to stderr, the table to stdout. This is a benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from run import QUERIES, fmt, log, median_time, synthetic  # noqa: E402
from servers import oxigraph_binary, oxigraph_server, virtuoso_binary, virtuoso_server  # noqa: E402

GRAPH = "https://w3id.org/gcsf/graph"


def timed(func: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = func()
    return time.perf_counter() - started, value


def measure(kg, runs: int) -> dict:
    from gcsf_graph.network import network_report

    result = {}
    for name, text in QUERIES.items():
        answer = kg.query(text)
        result[name] = (median_time(lambda text=text: kg.query(text), runs), len(answer))
    result["overhead"] = (median_time(lambda: kg.query("ASK { }"), runs * 4), 1)
    result["all triples"] = timed(lambda: sum(1 for _ in kg.quads()))
    result["network report"] = timed(lambda: network_report(kg).nodes)
    return result


def on_server(name: str, server: AbstractContextManager[str], path: Path, runs: int,
              user: str | None) -> tuple[str, float, float, dict]:
    from gcsf_graph import load
    from gcsf_graph.push import push

    log(f"{name}: starting ...")
    started = time.perf_counter()
    with server as url:
        start_up = time.perf_counter() - started
        log(f"{name}: pushing {path.name} ...")
        pushed, _ = timed(lambda: push([path], url, GRAPH, user=user))  # a fresh database: no --replace
        log(f"{name}: timing queries ...")
        return name, start_up, pushed, measure(load(endpoint=url, graph=GRAPH, user=user), runs)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="gcsf-graph server benchmark")
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-virtuoso", action="store_true")
    parser.add_argument("--no-oxigraph", action="store_true")
    args = parser.parse_args(argv)
    from gcsf_graph import load

    path = synthetic(args.size)
    log("embedded oxigraph: loading and timing queries ...")
    load_time, kg = timed(lambda: load(path, progress=False))
    columns = [("embedded Oxigraph", 0.0, load_time, measure(kg, args.runs))]
    del kg
    with tempfile.TemporaryDirectory(prefix="gcsf-bench-") as tmp:
        if not args.no_virtuoso and virtuoso_binary():
            os.environ["GCSF_PASSWORD"] = "dba"
            folder = Path(tmp) / "virtuoso"
            folder.mkdir()
            server = virtuoso_server(folder, buffers=200_000, max_rows=1_000_000)
            columns.append(on_server("Virtuoso 7.2", server, path, args.runs, "dba"))
        if not args.no_oxigraph and oxigraph_binary():
            folder = Path(tmp) / "oxigraph"
            folder.mkdir()
            columns.append(on_server("Oxigraph server", oxigraph_server(folder), path, args.runs, None))

    print(f"Synthetic graph of {args.size:,} triples ({path.name}); query times are medians of "
          f"{args.runs} runs; servers on 127.0.0.1.\n")
    print("| | " + " | ".join(name for name, *_ in columns) + " |")
    print("|---|" + "---|" * len(columns))
    print("| start-up | " + " | ".join(fmt(s) if s else "-" for _, s, _, _ in columns) + " |")
    print("| load / `gcsf push` | " + " | ".join(fmt(t) for _, _, t, _ in columns) + " |")
    for row in [*QUERIES, "overhead", "all triples", "network report"]:
        label = {"overhead": "per-query overhead (`ASK {}`)", "all triples": "read every triple",
                 "network report": "network report (igraph)"}.get(row, f"query: {row}")
        cells = []
        for _, _, _, result in columns:
            seconds, count = result[row]
            cells.append(fmt(seconds) + (f" ({count:,} rows)" if row in QUERIES else ""))
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
