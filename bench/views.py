"""Benchmark of the views: `make bench-views` prints how soon each page is interactive.

It writes, from synthetic graphs built here, a timeline of 10,000 dated facts (every precision,
some ranges), a map with every ISO 3166 country shaded (and events placed), and graph pages of
2,000 and 10,000 nodes; then opens each in headless Chromium (Debian's, network blocked) and
times navigation to the first frame drawn with the page ready for input (median of 3 runs).

    python bench/views.py [--items 10000] [--runs 3]

Progress goes to stderr, the table to stdout. This is a benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

ID = "https://w3id.org/gcsf/id/"
PREFIXES = """@prefix gcsf: <https://w3id.org/gcsf/ont#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
"""
CLASSES = ["Summit", "Meeting", "Conference", "Forum", "Initiative", "Agreement", "Statistic"]
PROPERTY = {"Initiative": "dateProposed", "Agreement": "dateAdopted", "Statistic": "referenceDate"}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def dated_graph(items: int, seed: int = 1) -> str:
    """Turtle with ``items`` dated facts at every precision, a tenth of them ranges."""
    rng = random.Random(seed)
    lines = [PREFIXES]
    for n in range(items):
        cls = CLASSES[n % len(CLASSES)]
        year, month, day = rng.randint(1990, 2025), rng.randint(1, 12), rng.randint(1, 28)
        kind = rng.choice(("year", "month", "day", "day", "time"))
        date = {"year": f'"{year}"^^xsd:gYear', "month": f'"{year}-{month:02d}"^^xsd:gYearMonth',
                "day": f'"{year}-{month:02d}-{day:02d}"^^xsd:date',
                "time": f'"{year}-{month:02d}-{day:02d}T10:00:00"^^xsd:dateTime'}[kind]
        prop = PROPERTY.get(cls, "startDate")
        lines.append(f'<{ID}bench/i{n}> a gcsf:{cls} ; rdfs:label "Dated fact {n}" ; gcsf:{prop} {date} .')
        if prop == "startDate" and kind == "day" and n % 10 == 0:
            lines.append(f'<{ID}bench/i{n}> gcsf:endDate "{year}-{month:02d}-{min(day + 3, 28):02d}"^^xsd:date .')
    return "\n".join(lines) + "\n"


def country_graph(seed: int = 1) -> str:
    """Turtle with every ISO 3166 country, facts between them, and events placed in some."""
    import pycountry

    rng = random.Random(seed)
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    lines = [PREFIXES]
    for c in countries:
        name = c.name.replace('"', "'")
        lines.append(f'<{ID}country/{c.alpha_3}> a gcsf:Country ; rdfs:label "{name}" ; '
                     f'gcsf:iso3166Alpha2 "{c.alpha_2}" ; gcsf:iso3166Alpha3 "{c.alpha_3}" .')
    for _ in range(len(countries) * 4):
        a, b = rng.sample(countries, 2)
        lines.append(f"<{ID}country/{a.alpha_3}> gcsf:partner <{ID}country/{b.alpha_3}> .")
    for n in range(300):
        c = rng.choice(countries)
        lines.append(f'<{ID}event/e{n}> a gcsf:Summit ; rdfs:label "Event {n}" ; '
                     f'gcsf:location <{ID}country/{c.alpha_3}> ; gcsf:startDate "2023-0{n % 9 + 1}-01"^^xsd:date .')
    return "\n".join(lines) + "\n"


def time_to_interactive(chromium: str, page: Path, runs: int) -> tuple[float, float]:
    """Seconds to the first frame drawn with the page ready for input, medians of ``runs``:
    as the page measures it (from navigation start), and as the driving script waits for it."""
    from playwright.sync_api import sync_playwright

    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
             "--disable-component-update", "--disable-sync"]
    times: list[float] = []
    marks: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=flags)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                          else route.abort())
            tab = context.new_page()
            started = time.perf_counter()
            tab.goto(page.as_uri())
            tab.wait_for_selector("body[data-drawn=true]", timeout=120_000)
            times.append(time.perf_counter() - started)
            marks.append(tab.evaluate("gcsfMarks.drawn") / 1000)
            context.close()
        browser.close()
    return statistics.median(marks), statistics.median(times)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--nodes", default="2000,10000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    from run import viz_graph

    from gcsf_graph import load
    from gcsf_graph.views import to_html, write_map, write_timeline

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("no chromium: `make browser` installs Debian's")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        log(f"timeline: {args.items:,} dated facts ...")
        (folder / "dated.ttl").write_text(dated_graph(args.items), encoding="utf-8")
        kg = load(folder / "dated.ttl")
        started = time.perf_counter()
        page = write_timeline(kg, folder / "timeline.html")
        rows.append((f"timeline, {args.items:,} dated facts", time.perf_counter() - started, page))
        log("map: every country ...")
        (folder / "countries.ttl").write_text(country_graph(), encoding="utf-8")
        kg = load(folder / "countries.ttl")
        started = time.perf_counter()
        page = write_map(kg, folder / "map.html")
        rows.append((f"map, {len(kg.query('SELECT ?c WHERE { ?c a gcsf:Country }'))} countries shaded",
                     time.perf_counter() - started, page))
        for nodes in (int(n) for n in args.nodes.split(",")):
            log(f"graph: {nodes:,} nodes ...")
            graph = viz_graph(nodes)
            started = time.perf_counter()
            page = folder / f"graph-{nodes}.html"
            page.write_text(to_html(graph), encoding="utf-8")
            rows.append((f"graph, {nodes:,} nodes", time.perf_counter() - started, page))
        lines = ["| page | written in | size | interactive (page's clock) | (driver's clock) |",
                 "|---|---|---|---|---|"]
        for name, seconds, path in rows:
            log(f"opening {path.name} ...")
            page_clock, driver_clock = time_to_interactive(chromium, path, args.runs)
            lines.append(f"| {name} | {seconds:.2f} s | {path.stat().st_size / 1e6:.1f} MB "
                         f"| {page_clock:.2f} s | {driver_clock:.2f} s |")
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
