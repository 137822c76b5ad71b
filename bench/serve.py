"""SPARQL endpoints under load: `gcsf serve`, `oxigraph serve-read-only` and rdflib-endpoint.

Each server holds the same synthetic graph (bench/generate.py, 100,000 triples by default) on a
free loopback port and answers the same query mix (entity lookups by label, an entity's facts,
an entity's claims with quotes) over the SPARQL protocol, from 1, 8 and 32 clients at once
(threads with keep-alive connections) for a fixed time each. Prints one Markdown table of
requests per second and p50/p99 latency; every server is stopped by its PID.

    python bench/serve.py [--size 100000] [--seconds 5] [--clients 1,8,32]
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
BIN = Path(sys.executable).parent

P = "https://w3id.org/gcsf/id/"
PREFIXES = ("PREFIX gcsf: <https://w3id.org/gcsf/ont#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ")


def query_for(i: int) -> tuple[str, str]:
    """The i-th query of the mix: half lookups, a quarter facts, a quarter claims; entities vary."""
    n = (i * 7919) % 1000
    if i % 4 in (0, 2):
        return "lookup", PREFIXES + f'SELECT ?e WHERE {{ ?e rdfs:label "Person {n}"@en }}'
    if i % 4 == 1:
        return "facts", PREFIXES + f"SELECT ?p ?o WHERE {{ <{P}person/p{n}> ?p ?o }}"
    return "claims", PREFIXES + (f"SELECT ?p ?o ?doc ?quote WHERE {{ ?c rdf:subject <{P}person/p{n}> ; "
                                 "rdf:predicate ?p ; rdf:object ?o ; gcsf:statedIn ?doc ; gcsf:quote ?quote }")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(port: int, path: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path + "?" + urllib.parse.urlencode({"query": "ASK {}"}),
                               headers={"Accept": "application/sparql-results+json"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {timeout:g} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=15)


GCSF_OPTIONS: list[str] = []


def start_gcsf(data: Path, port: int, folder: Path) -> subprocess.Popen[bytes]:
    del folder
    gcsf = shutil.which("gcsf", path=str(BIN)) or "gcsf"
    return subprocess.Popen([gcsf, "serve", "--data", str(data), "--port", str(port), *GCSF_OPTIONS],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def start_oxigraph(data: Path, port: int, folder: Path) -> subprocess.Popen[bytes]:
    store = folder / "oxigraph"
    subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(store), "--file", str(data)],
                   check=True, capture_output=True, timeout=600)
    return subprocess.Popen([str(BIN / "oxigraph"), "serve-read-only", "--location", str(store),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def start_rdflib_endpoint(data: Path, port: int, folder: Path) -> subprocess.Popen[bytes]:
    del folder
    return subprocess.Popen([str(BIN / "rdflib-endpoint"), "serve", str(data), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


SERVERS = {"gcsf serve": start_gcsf, "oxigraph serve-read-only": start_oxigraph,
           "rdflib-endpoint": start_rdflib_endpoint}
#: Where each server answers queries.
PATHS = {"gcsf serve": "/sparql", "oxigraph serve-read-only": "/query", "rdflib-endpoint": "/"}


def load(port: int, path: str, clients: int, seconds: float) -> dict[str, float]:
    """``clients`` threads asking the query mix for ``seconds``: latencies by kind, errors."""
    latencies: dict[str, list[float]] = {"lookup": [], "facts": [], "claims": []}
    # request paths made ahead, so the client spends its time on requests, not on encoding them
    mix = [(kind, path + "?" + urllib.parse.urlencode({"query": text}))
           for kind, text in map(query_for, range(4000))]
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = offset
        mine: list[tuple[str, float]] = []
        failed = 0
        while time.monotonic() < deadline:
            kind, target = mix[i % len(mix)]
            i += clients
            started = time.perf_counter()
            try:
                connection.request("GET", target, headers={"Accept": "application/sparql-results+json"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            if ok:
                mine.append((kind, time.perf_counter() - started))
            else:
                failed += 1
        connection.close()
        with lock:
            for kind, seconds_taken in mine:
                latencies[kind].append(seconds_taken)
            errors[0] += failed

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    elapsed = time.monotonic() - started
    every = sorted(t for values in latencies.values() for t in values)
    lookups = sorted(latencies["lookup"])

    def pct(values: list[float], q: float) -> float:
        return values[min(int(q * len(values)), len(values) - 1)] * 1000 if values else float("nan")

    return {"rps": len(every) / elapsed, "p50": pct(every, 0.5), "p99": pct(every, 0.99),
            "lookup_p99": pct(lookups, 0.99), "errors": float(errors[0]), "requests": float(len(every))}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="SPARQL endpoints under load")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--servers", default=",".join(SERVERS))
    parser.add_argument("--workers", type=int, help="gcsf serve --workers (default: its own)")
    args = parser.parse_args(argv)
    if args.workers:
        GCSF_OPTIONS.extend(["--workers", str(args.workers)])
    from run import synthetic

    OUT.mkdir(exist_ok=True)
    data = synthetic(args.size)
    clients = [int(c) for c in args.clients.split(",")]
    results: dict[str, dict[int, dict[str, float]]] = {}
    for name in args.servers.split(","):
        port = free_port()
        with tempfile.TemporaryDirectory() as folder:
            log(f"{name}: loading {data.name} on 127.0.0.1:{port} ...")
            process = SERVERS[name](data, port, Path(folder))
            try:
                wait_until_up(port, PATHS[name], process, timeout=300)
                load(port, PATHS[name], 2, 1.0)  # warm up
                results[name] = {}
                for count in clients:
                    results[name][count] = load(port, PATHS[name], count, args.seconds)
                    r = results[name][count]
                    log(f"  {count:>2} clients: {r['rps']:.0f} req/s, p50 {r['p50']:.1f} ms, "
                        f"p99 {r['p99']:.1f} ms, errors {r['errors']:.0f}")
            finally:
                stop(process)
    lines = [f"SPARQL endpoints, {args.size:,}-triple synthetic graph, {os.cpu_count()} cores, "
             f"{args.seconds:g} s per cell; mix: 1/2 lookups by label, 1/4 an entity's facts, 1/4 its claims", "",
             "| server | clients | req/s | p50 ms | p99 ms | lookup p99 ms | errors |",
             "|---|---|---|---|---|---|---|"]
    for name, by_count in results.items():
        for count, r in by_count.items():
            lines.append(f"| {name} | {count} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
                         f"{r['lookup_p99']:.1f} | {r['errors']:.0f} |")
    gcsf, oxigraph, rdflib = (results.get(n, {}).get(8) for n in SERVERS)
    if gcsf and oxigraph and rdflib:
        lines += ["", f"At 8 clients gcsf serve gives {gcsf['rps'] / oxigraph['rps']:.2f}x Oxigraph's throughput "
                      f"and {gcsf['rps'] / rdflib['rps']:.0f}x rdflib-endpoint's."]
    table = "\n".join(lines)
    (OUT / "serve.md").write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main(sys.argv[1:])
