"""The graph, timeline and map pages, opened in a real headless Chromium with the network blocked."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import RESOURCES, ROOT

from gcsf_graph import load
from gcsf_graph.views import focus_graph, timeline_rows, viz_graph, write_html, write_map, write_timeline
from gcsf_graph.views.page import VIEWS

ARTIFACTS = ROOT / "tests" / "artifacts"
XSD = "http://www.w3.org/2001/XMLSchema#"


class Page:
    """A page opened from disk with every non-file request blocked and recorded."""

    def __init__(self, browser, path: Path, *, drawn: bool = True) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("body[data-ready=true]", timeout=30_000)
        if drawn:
            self.page.wait_for_selector("body[data-drawn=true]", timeout=30_000)

    def _route(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def eval(self, script: str):
        return self.page.evaluate(script)

    def text(self, selector: str) -> str:
        return self.page.inner_text(selector)

    def clean(self) -> bool:
        """No script of the data ran, nothing was fetched, nothing went wrong."""
        assert self.dialogs == [] and self.errors == [] and self.requests == []
        assert self.eval("document.body.dataset.failed") is None
        return True

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name))

    # graph view helpers
    def node_id(self, label: str) -> int:
        found = self.eval(f"gcsfView.nodes.getIds().find(id => gcsfView.nodes.get(id).label === {json.dumps(label)})")
        assert found is not None, label
        return found

    def node_point(self, node: int) -> dict:
        return self.eval(f"""(() => {{ const p = gcsfView.network.getPositions([{node}])[{node}];
            return gcsfView.network.canvasToDOM(p); }})()""")

    def click_node(self, node: int) -> None:
        box = self.page.locator(".gv-main").bounding_box()
        point = self.node_point(node)
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def close(self) -> None:
        self.context.close()


def open_page(browser, path: Path, **kwargs) -> Page:
    return Page(browser, path, **kwargs)


# ------------------------------------------------------------------------------------ graph


@pytest.fixture(scope="module")
def whole_page(browser, tmp_path_factory):
    path = write_html(load(), tmp_path_factory.mktemp("viz") / "graph.html")
    page = Page(browser, path)
    yield page
    page.close()


@pytest.mark.parametrize("view", VIEWS)
def test_pages_are_self_contained_and_deterministic(tmp_path, view):
    writer = {"graph": write_html, "timeline": write_timeline, "map": write_map}[view]
    first = writer(load(), tmp_path / "a" / f"{view}.html")
    second = writer(load(), tmp_path / "b" / f"{view}.html")
    html = first.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html
    assert "Content-Security-Policy" in html
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [f"{view}.html"]


ACROSS_PROCESSES = [["--focus", "Xi Jinping"], ["--view", "timeline"], ["--view", "map"]]


@pytest.fixture(scope="module")
def pages_by_seed(tmp_path_factory):
    """Each page of ACROSS_PROCESSES written by the ``gcsf viz`` command in two processes with
    different hash seeds (so different set orders); one process per seed writes them all."""
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("seeds")
    script = ("import json, sys\nfrom gcsf_graph.cli import main\n"
              "sys.exit(max([main(['viz', '-o', out, *args]) for out, args in json.loads(sys.argv[1])]))")
    for seed in ("1", "2"):
        runs = [(str(folder / f"{seed}-{i}.html"), args) for i, args in enumerate(ACROSS_PROCESSES)]
        subprocess.run([sys.executable, "-c", script, json.dumps(runs)], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
    return {tuple(args): [(folder / f"{seed}-{i}.html").read_bytes() for seed in ("1", "2")]
            for i, args in enumerate(ACROSS_PROCESSES)}


@pytest.mark.parametrize("args", ACROSS_PROCESSES)
def test_pages_are_byte_identical_across_processes(pages_by_seed, args):
    """Same graph and options, different hash seeds (so different set orders): the same bytes."""
    pages = pages_by_seed[tuple(args)]
    assert pages[0] == pages[1]


@pytest.mark.browser
def test_drawn_counts_equal_the_graph(whole_page):
    graph = viz_graph(load())
    drawn = whole_page.eval("[gcsfView.network.body.nodeIndices.length, gcsfView.network.body.edgeIndices.length]")
    assert drawn == [graph.number_of_nodes(), graph.number_of_edges()]
    assert whole_page.clean()


@pytest.mark.browser
def test_whole_graph_opens_with_hub_labels_readable(whole_page):
    graph = viz_graph(load())
    page = whole_page
    page.shot("graph-overview.png")
    # Node size follows degree: the most connected node is drawn largest.
    china = page.node_id("China")
    sizes = page.eval("Object.fromEntries(gcsfView.nodes.getIds().map(id => [id, gcsfView.network.body.nodes[id].options.size]))")
    assert sizes[str(china)] == max(sizes.values()) > min(sizes.values())
    assert max(graph.degree(), key=lambda nd: nd[1])[0].endswith("country/CHN")
    # At the opening zoom the hubs' labels are drawn and readable (at least 10 px on screen);
    # a node with a single fact has its label hidden until zoomed in.
    hubs = page.eval("gcsfView.hubs")
    assert len(hubs) >= 10
    labels = {page.eval(f"gcsfView.nodes.get({h}).label") for h in hubs}
    assert {"China", "Belt and Road Initiative"} <= labels
    # most hub labels are among the best connected (a few give way where labels would overlap)
    top = {graph.nodes[n]["label"] for n, _ in sorted(graph.degree(), key=lambda nd: -nd[1])[:20]}
    assert len(labels & top) >= len(labels) * 2 // 3
    boxes = page.eval("""gcsfView.hubs.map(id => { const s = gcsfView.network.body.nodes[id].labelModule.size;
                                                   return [s.left, s.top, s.left + s.width, s.top + s.height]; })""")
    for i, a in enumerate(boxes):  # the hubs' labels do not overlap one another
        assert not any(a[0] < b[2] and a[2] > b[0] and a[1] < b[3] and a[3] > b[1] for b in boxes[i + 1:])
    onscreen = page.eval("""gcsfView.hubs.map(id => gcsfView.network.body.nodes[id].labelModule.fontOptions.size
                              * gcsfView.network.getScale())""")
    assert min(onscreen) >= 10
    visible = page.eval("gcsfView.hubs.map(id => gcsfView.network.body.nodes[id].labelModule.visible())")
    assert all(visible)
    leaf = next(n for n, d in graph.degree() if d == 1)
    leaf_id = page.node_id(graph.nodes[leaf]["label"])
    assert page.eval(f"gcsfView.network.body.nodes[{leaf_id}].labelModule.visible()") is False
    page.eval(f"gcsfView.network.focus({leaf_id}, {{scale: 1.5, animation: false}})")
    page.page.wait_for_timeout(100)
    assert page.eval(f"gcsfView.network.body.nodes[{leaf_id}].labelModule.visible()") is True
    # Edge labels show close up.
    assert page.eval("gcsfView.edges.get().filter(e => e.label).length") == graph.number_of_edges()
    page.shot("graph-zoomed.png")
    page.eval("gcsfView.network.fit({animation: false})")
    page.page.wait_for_timeout(100)
    assert page.eval("gcsfView.edges.get().filter(e => e.label).length") == 0


@pytest.mark.browser
def test_search_focuses_the_node_by_alias(whole_page):
    whole_page.page.fill(".gv-search", "President Xi")
    whole_page.page.press(".gv-search", "Enter")
    selected = whole_page.eval("gcsfView.network.getSelectedNodes()")
    assert [whole_page.eval(f"gcsfView.nodes.get({selected[0]}).label")] == ["Xi Jinping"]
    assert whole_page.text(".gv-panel .name") == "Xi Jinping"


@pytest.mark.browser
def test_click_shows_the_nodes_quotes(whole_page):
    node = whole_page.node_id("15th BRICS Summit")
    whole_page.eval(f"gcsfView.network.focus({node}, {{scale: 1.5, animation: false}})")
    whole_page.click_node(node)
    panel = whole_page.text(".gv-panel")
    assert whole_page.text(".gv-panel .name") == "15th BRICS Summit"
    assert "Last August, Xi attended the 15th BRICS Summit" in panel
    assert "004_457199ae3097467a.txt" in panel
    whole_page.shot("graph-click.png")


@pytest.mark.browser
def test_filter_by_class_and_physics_toggle(whole_page):
    whole_page.page.uncheck(".gv-legend input[data-type='statistic']")
    hidden = whole_page.eval("gcsfView.nodes.get({filter: n => n.hidden}).length")
    assert hidden == whole_page.eval("gcsfView.nodes.get({filter: n => n.group === 'statistic'}).length") > 0
    whole_page.page.check(".gv-legend input[data-type='statistic']")
    whole_page.page.check(".gv-physics")
    assert whole_page.eval("gcsfView.network.physics.physicsEnabled") is True
    whole_page.page.uncheck(".gv-physics")
    assert whole_page.clean()


@pytest.fixture(scope="module")
def hostile_page(browser, tmp_path_factory):
    path = write_html(load(RESOURCES / "xss.ttl"), tmp_path_factory.mktemp("xss") / "xss.html",
                      title="<script>alert('title')</script>")
    page = Page(browser, path)
    yield page
    page.close()


@pytest.mark.browser
def test_hostile_labels_stay_text(hostile_page):
    page = hostile_page
    assert page.eval("document.title") == "<script>alert('title')</script>"
    labels = page.eval("gcsfView.nodes.get().map(n => n.label)")
    assert "<img src=x onerror=alert(1)>" in labels
    assert "</script><script>alert(2)</script>" in labels
    for label in ("<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>",
                  '<a href="javascript:alert(3)">click me</a>'):
        page.click_node(page.node_id(label))
        assert label in page.text(".gv-panel")
    page.click_node(page.node_id("</script><script>alert(2)</script>"))
    assert "<img src=y onerror=alert(4)> proposed it" in page.text(".gv-panel")
    assert page.eval("document.querySelectorAll('.gv-panel img, .gv-panel script, .gv-panel svg, .gv-panel b, .gv-panel i').length") == 0
    assert page.eval("document.querySelectorAll('script').length") == 2
    assert page.clean()
    page.shot("hostile-labels.png")


@pytest.mark.browser
@pytest.mark.parametrize(("text", "label"), [("人类命运共同体", "</script><script>alert(2)</script>"),
                                             ("ελλάδα", "Plainland")])
def test_search_finds_non_latin_aliases(hostile_page, text, label):
    hostile_page.page.fill(".gv-search", text)
    hostile_page.page.press(".gv-search", "Enter")
    selected = hostile_page.eval("gcsfView.network.getSelectedNodes()")
    assert hostile_page.eval(f"gcsfView.nodes.get({selected[0]}).label") == label


@pytest.mark.browser
def test_focus_page_fits_the_neighbourhood(browser, tmp_path):
    path = write_html(load(), tmp_path / "xi.html", focus="Xi Jinping", depth=1)
    page = Page(browser, path)
    graph = focus_graph(load(), "Xi Jinping", depth=1)
    assert page.eval("gcsfView.network.body.nodeIndices.length") == graph.number_of_nodes()
    assert page.text(".gv-panel .name") == "Xi Jinping"
    xi = page.node_id("Xi Jinping")
    assert page.eval("gcsfView.network.getSelectedNodes()") == [xi]
    assert page.eval(f"gcsfView.nodes.get({xi}).borderWidth") > 1
    # Every node of the neighbourhood, label included, lies inside the drawing area.
    box = page.page.locator(".gv-main").bounding_box()
    bounds = page.eval("""gcsfView.nodes.getIds().map(id => {
        const b = gcsfView.network.getBoundingBox(id);
        const a = gcsfView.network.canvasToDOM({x: b.left, y: b.top});
        const z = gcsfView.network.canvasToDOM({x: b.right, y: b.bottom});
        return [a.x, a.y, z.x, z.y]; })""")
    for left, top, right, bottom in bounds:
        assert left >= 0 and top >= 0 and right <= box["width"] and bottom <= box["height"]
    # Every label shown, and no edge labels piled around the centre at the opening zoom.
    assert all(page.eval("gcsfView.nodes.getIds().map(id => gcsfView.network.body.nodes[id].labelModule.visible())"))
    assert page.eval("gcsfView.edges.get().filter(e => e.label).length") == 0
    assert page.clean()
    page.shot("graph-focus.png")
    # Hovering an edge shows its label, and only its label.
    edge = page.eval(f"""(() => {{ const all = gcsfView.edges.get();
        const degree = id => all.filter(e => e.from === id || e.to === id).length;
        return all.find(e => degree(e.from === {xi} ? e.to : e.from) === 1); }})()""")
    leaf = edge["to"] if edge["from"] == xi else edge["from"]
    a, b = page.node_point(xi), page.node_point(leaf)
    page.page.mouse.move(box["x"] + (a["x"] * 0.25 + b["x"] * 0.75), box["y"] + (a["y"] * 0.25 + b["y"] * 0.75))
    page.page.wait_for_function("gcsfView.edges.get().some(e => e.label)", timeout=5_000)
    assert page.eval("gcsfView.edges.get().filter(e => e.label).map(e => e.label)") == [edge["title"]]
    page.close()


# ------------------------------------------------------------------------------------ timeline


@pytest.fixture(scope="module")
def timeline_page(browser, tmp_path_factory):
    path = write_timeline(load(), tmp_path_factory.mktemp("timeline") / "timeline.html")
    page = Page(browser, path)
    yield page
    page.close()


def dated_rows(kg, query: str | None = None) -> tuple[int, int]:
    """Rows of the timeline query: (with a year, days observed every year)."""
    rows = timeline_rows(kg, query)
    annual = sum(1 for r in rows.terms if r[rows.variables.index("start")].datatype.value == XSD + "gMonthDay")
    return len(rows) - annual, annual


def drawn_items(page: Page) -> int:
    """Items in the page with the whole timeline in view: fitted, on a screen tall enough."""
    page.page.set_viewport_size({"width": 1400, "height": 4000})
    page.eval("""new Promise(done => { gcsfView.timeline.once('changed', () => setTimeout(done, 50));
        setTimeout(done, 1500); gcsfView.timeline.fit({animation: false}); })""")
    count = page.eval("document.querySelectorAll('.gv-main .vis-item.vis-range, .gv-main .vis-item.vis-point').length")
    page.page.set_viewport_size({"width": 1400, "height": 900})
    return count


@pytest.mark.browser
def test_timeline_draws_every_dated_fact(timeline_page):
    page = timeline_page
    page.shot("timeline.png")
    dated, annual = dated_rows(load())
    assert dated >= 40 and annual == 1
    assert page.eval("gcsfView.items.length") == dated
    assert page.eval("document.querySelectorAll('.gv-legend .gv-side li').length") == annual
    assert drawn_items(page) == dated
    assert f"{dated} of {dated} dated facts drawn" in page.text(".gv-counts")
    assert page.clean()


@pytest.mark.browser
def test_timeline_draws_each_date_at_its_precision(timeline_page):
    page = timeline_page
    item = "label => gcsfView.items.get({filter: i => i.label === label})[0]"
    bri = page.eval(f"({item})('Belt and Road Initiative')")  # dateProposed 2013 (a year)
    assert (bri["type"], bri["isoStart"], bri["isoEnd"]) == ("range", "2013-01-01", "2014-01-01")
    brics = page.eval(f"({item})('15th BRICS Summit')")  # 2023-08 (a month)
    assert (brics["type"], brics["isoStart"], brics["isoEnd"]) == ("range", "2023-08-01", "2023-09-01")
    geneva = page.eval(f"({item})('High-level meeting on jointly building a global community of shared future')")
    assert (geneva["type"], geneva["isoStart"]) == ("point", "2017-01-18")
    conference = page.eval(f"({item})('Central Conference on Work Relating to Foreign Affairs')")
    assert (conference["isoStart"], conference["isoEnd"]) == ("2023-12-27", "2023-12-30")
    # Drawn widths: a year-long bar is about twelve times a month-long one.
    widths = page.eval("""(() => { gcsfView.timeline.setWindow('2012-06-01', '2024-06-01', {animation: false});
        return null; })()""")
    page.page.wait_for_timeout(300)
    widths = page.eval("""['Belt and Road Initiative', 'Global Civilization Initiative'].map(label => {
        const e = [...document.querySelectorAll('.gv-main .vis-item.vis-range')].find(n => n.textContent === label);
        return e.getBoundingClientRect().width; })""")
    assert 10 < widths[0] / widths[1] < 14


@pytest.mark.browser
def test_timeline_click_shows_the_quotes_and_legend_filters(timeline_page):
    page = timeline_page
    page.eval("gcsfView.timeline.setWindow('2023-06-01', '2023-10-01', {animation: false})")
    page.page.wait_for_timeout(300)
    page.page.locator(".gv-main .vis-item", has_text="15th BRICS Summit").first.click()
    panel = page.text(".gv-panel")
    assert "15th BRICS Summit" in panel and "start date: 2023-08 (month)" in panel
    assert "Last August, Xi attended the 15th BRICS Summit" in panel
    assert "004_457199ae3097467a.txt" in panel
    page.shot("timeline-click.png")
    statistics = page.eval("gcsfView.items.get({filter: i => gcsfView.groups.get(i.group).name === 'statistic'}).length")
    before = drawn_items(page)
    page.page.uncheck(".gv-legend input[data-type='statistic']")
    assert drawn_items(page) == before - statistics > 0
    page.page.check(".gv-legend input[data-type='statistic']")
    assert page.clean()


@pytest.mark.browser
def test_timeline_bad_dates_are_drawn_or_explained(browser, tmp_path):
    kg = load(RESOURCES / "views.ttl")
    page = Page(browser, write_timeline(kg, tmp_path / "dates.html"))
    page.shot("timeline-bad-dates.png")
    dated, annual = dated_rows(kg)
    assert (dated, annual) == (11, 1)
    assert drawn_items(page) == dated
    types = page.eval("Object.fromEntries(gcsfView.items.get().map(i => [i.label, [i.type, i.className.replace(/ gv-group-\\d+/, '')]]))")
    assert types["Year summit"] == ["range", "precision-year"]
    assert types["Month meeting"] == ["range", "precision-month"]
    assert types["Day meeting"] == ["point", "precision-day"]
    assert types["Timed meeting"] == ["point", "precision-time"]
    assert types["Three-day conference"] == ["range", "precision-day"]
    assert types["Backwards conference"] == ["point", "precision-day bad"]
    assert types["nolabel (no label)"] == ["range", "precision-year"]
    assert "<img src=x onerror=alert(7)>" in types
    page.eval("gcsfView.showItem(gcsfView.items.get().find(i => i.label === 'Backwards conference').id)")
    assert "ends (2021-01-01) before it starts (2022-05-10)" in page.text(".gv-panel")
    page.page.locator(".gv-side a", has_text="Annual day").click()
    assert "every 10 June" in page.text(".gv-panel")
    page.eval("gcsfView.showItem(gcsfView.items.get().find(i => i.label === 'Day meeting').id)")
    assert "The day meeting was held on 4 May 2021 <b>in</b> Singapore" in page.text(".gv-panel")
    assert page.eval("document.querySelectorAll('.gv-panel b, .gv-main img').length") == 0
    assert page.clean()
    page.close()


@pytest.mark.browser
def test_timeline_from_a_query_and_an_empty_result(browser, gcsf, tmp_path):
    query = tmp_path / "dates.rq"
    query.write_text("""SELECT ?label ?start ?end ?class WHERE {
      VALUES (?label ?start ?end ?class) {
        ("Plain text year" "2016" UNDEF "text")
        ("Not a date" "sometime" UNDEF "text")
        (UNDEF "2015-07"^^xsd:gYearMonth UNDEF UNDEF)
        ("Spans two years" "2014"^^xsd:gYear "2015"^^xsd:gYear "text")
      } }""", encoding="utf-8")
    out = tmp_path / "query.html"
    result = gcsf("viz", "--view", "timeline", "--query", str(query), "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = Page(browser, out)
    assert drawn_items(page) == 3
    spans = page.eval("gcsfView.items.get().map(i => [i.label, i.isoStart, i.isoEnd])")
    assert ["Spans two years", "2014-01-01", "2016-01-01"] in spans
    assert ["(no label)", "2015-07-01", "2015-08-01"] in spans
    assert "Not a date" in page.text(".gv-legend")
    assert page.clean()
    page.close()

    empty = tmp_path / "empty.rq"
    empty.write_text("SELECT ?item ?start WHERE { ?item gcsf:startDate ?start FILTER(false) }", encoding="utf-8")
    out = tmp_path / "empty.html"
    assert gcsf("viz", "--view", "timeline", "--query", str(empty), "-o", str(out)).returncode == 0
    page = Page(browser, out, drawn=False)
    assert "no dated facts" in page.text(".gv-main .gv-message")
    assert page.clean()
    page.shot("timeline-empty.png")
    page.close()


@pytest.mark.browser
def test_long_timeline_opens_on_its_latest_facts_then_loads_the_rest(browser, tmp_path):
    lines = ["@prefix gcsf: <https://w3id.org/gcsf/ont#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
             "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."]
    lines += [f'<https://w3id.org/gcsf/id/t/e{n}> a gcsf:Meeting ; rdfs:label "Meeting {n}" ; '
              f'gcsf:startDate "{2000 + n % 25}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"^^xsd:date .' for n in range(2500)]
    (tmp_path / "long.ttl").write_text("\n".join(lines), encoding="utf-8")
    page = Page(browser, write_timeline(load(tmp_path / "long.ttl"), tmp_path / "long.html"))
    assert "Show all (" in page.text(".gv-toolbar")
    page.page.wait_for_selector("body[data-loaded=true]", timeout=30_000)
    assert page.eval("gcsfView.items.length") == 2500
    page.page.click(".gv-fit")
    window = page.eval("[gcsfView.timeline.getWindow().start.getFullYear(), gcsfView.timeline.getWindow().end.getFullYear()]")
    assert window[0] <= 2000 and window[1] >= 2024
    assert page.clean()
    page.close()


def test_timeline_query_must_be_a_select_with_a_start(gcsf, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?item WHERE { ?item a gcsf:Person }", encoding="utf-8")
    result = gcsf("viz", "--view", "timeline", "--query", str(bad), "-o", str(tmp_path / "t.html"))
    assert result.returncode == 2 and "?start" in result.stderr
    construct = tmp_path / "construct.rq"
    construct.write_text("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", encoding="utf-8")
    result = gcsf("viz", "--view", "timeline", "--query", str(construct), "-o", str(tmp_path / "t.html"))
    assert result.returncode == 2 and "SELECT" in result.stderr
    assert not (tmp_path / "t.html").exists()


# ------------------------------------------------------------------------------------ map


@pytest.fixture(scope="module")
def map_page(browser, tmp_path_factory):
    path = write_map(load(), tmp_path_factory.mktemp("map") / "map.html")
    page = Page(browser, path)
    yield page
    page.close()


@pytest.mark.browser
def test_map_shades_every_country_with_a_code(map_page):
    page = map_page
    page.shot("map.png")
    codes = load().query("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a gcsf:Country ; gcsf:iso3166Alpha3 ?a }")
    assert page.eval("document.querySelectorAll('.gv-map path.country.mentioned').length") == codes[0]["n"] == 15
    events = load().query("""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?e a/rdfs:subClassOf* gcsf:Event ; gcsf:location/gcsf:location* ?c . ?c a gcsf:Country }""")
    dots = page.eval("[...document.querySelectorAll('.gv-map text.events')].reduce((n, t) => n + Number(t.textContent), 0)")
    assert dots == events[0]["n"] > 0
    regions = load().query("SELECT ?l WHERE { ?r a gcsf:Region ; rdfs:label ?l }")
    legend = page.text(".gv-legend")
    assert all(r["l"] in legend for r in regions) and "Global South" in legend
    # China, with the most facts, has the darkest shade.
    fills = page.eval("Object.fromEntries([...document.querySelectorAll('.gv-map path.mentioned')].map(p => [p.dataset.key, p.getAttribute('fill')]))")
    assert fills["https://w3id.org/gcsf/id/country/CHN"] == "#08306b"
    assert page.clean()


@pytest.mark.browser
def test_map_has_no_stray_lines_at_the_date_line(map_page):
    """Each drawn piece of an outline spans less than half the map: none wraps across it.

    (Antarctica's outline follows the map's lower edge from side to side, so it is left out.)
    """
    for d in map_page.eval("[...document.querySelectorAll('.gv-map path.country:not([data-id=\"010\"])')]"
                           ".map(p => p.getAttribute('d'))"):
        for piece in d.split("M")[1:]:
            xs = [float(x) for x in re.findall(r"(-?[\d.]+),-?[\d.]+", piece)]
            assert max(xs) - min(xs) < 480, piece[:80]


@pytest.mark.browser
def test_map_click_shows_the_countrys_quotes(map_page):
    page = map_page
    page.page.dispatch_event(".gv-map path[data-key$='country/ZAF']", "click")
    panel = page.text(".gv-panel")
    assert page.text(".gv-panel .name") == "South Africa"
    assert "Xi Jinping's visit to South Africa" in panel
    assert "001_88e954a82fe62d6d.txt" in panel or ".txt" in panel
    assert page.eval("document.querySelectorAll('.gv-panel blockquote').length") > 0
    page.page.locator(".gv-legend a", has_text="Central Asia").click()
    assert page.text(".gv-panel .name") == "Central Asia"
    page.page.dispatch_event(".gv-map path[data-key$='country/CHN']", "click")
    page.shot("map-click.png")
    assert page.clean()


@pytest.mark.browser
def test_map_lists_countries_it_cannot_draw_and_keeps_hostile_labels_inert(browser, tmp_path):
    page = Page(browser, write_map(load(RESOURCES / "views.ttl"), tmp_path / "map.html"))
    page.shot("map-bad-codes.png")
    assert page.eval("document.querySelectorAll('.gv-map path.country.mentioned').length") == 2  # Fiji, Russia
    legend = page.text(".gv-legend")
    assert "Singapore (1, no outline on this map)" in legend
    assert "Nowhereland (0, no known ISO code)" in legend
    assert "</script><script>alert(8)</script>" in legend
    page.page.dispatch_event(".gv-map path[data-key$='test/russia']", "click")
    assert "<svg onload=alert(9)> signed the agreement" in page.text(".gv-panel")
    assert page.eval("document.querySelectorAll('.gv-panel svg, .gv-legend script').length") == 0
    assert page.clean()
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("view", ["timeline", "map"])
def test_hostile_graph_in_every_view(browser, tmp_path, view):
    writer = write_timeline if view == "timeline" else write_map
    page = Page(browser, writer(load(RESOURCES / "xss.ttl"), tmp_path / f"{view}.html",
                                title="<script>alert('title')</script>"))
    assert page.eval("document.title") == "<script>alert('title')</script>"
    assert "Plainland" in page.text("#app")
    assert page.eval("document.querySelectorAll('script').length") == 2
    assert page.clean()
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("view", VIEWS)
def test_empty_graph_shows_a_message(browser, tmp_path, view):
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    writer = {"graph": write_html, "timeline": write_timeline, "map": write_map}[view]
    page = Page(browser, writer(load(empty), tmp_path / f"{view}.html"), drawn=False)
    assert "Nothing to draw" in page.text(".gv-message")
    assert page.clean()
    page.close()


# ------------------------------------------------------------------------------------ CLI


def test_viz_cli_variants(gcsf, tmp_path):
    for args in (["--focus", "BRI", "--depth", "2"], ["--types", "Person,Event,Country"],
                 ["--example", "vision-structure"], ["--view", "timeline"], ["--view", "map"],
                 ["--view", "timeline", "--example", "dated-facts"]):
        out = tmp_path / f"{'-'.join(a.strip('-') for a in args[:2])}.html"
        result = gcsf("viz", "-o", str(out), *args)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 100_000
    assert gcsf("viz", "-o", str(tmp_path / "x.html"), "--example", "pillars").returncode == 2
    assert gcsf("viz", "-o", str(tmp_path / "y.html"), "--focus", "Nobody At All").returncode == 1
    for bad in (["--view", "map", "--example", "dated-facts"], ["--view", "timeline", "--focus", "BRI"],
                ["--view", "globe"]):
        result = gcsf("viz", "-o", str(tmp_path / "z.html"), *bad)
        assert result.returncode == 2 and "Error: " in result.stderr.strip().splitlines()[-1], result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "example-vision-structure.html", "focus-BRI.html", "types-Person,Event,Country.html",
        "view-map.html", "view-timeline.html"]


@pytest.mark.browser
def test_map_zooms_about_the_pointer_and_resets(map_page):
    page = map_page
    box = page.page.locator(".gv-map").bounding_box()
    page.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(3):
        page.page.mouse.wheel(0, -100)
    width = float(page.eval("document.querySelector('.gv-map').getAttribute('viewBox')").split()[2])
    assert width < 960 * 0.6
    page.page.dblclick(".gv-map", position={"x": 5, "y": 5})
    assert page.eval("document.querySelector('.gv-map').getAttribute('viewBox')") == "0.00 0.00 960.00 500.00"
    assert page.clean()


@pytest.mark.browser
def test_views_benchmark_runs_end_to_end_at_a_small_size():
    # Keeps `make bench-views` working; it asserts the table, not any timing.
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "bench" / "views.py"), "--items", "300", "--nodes", "300",
                             "--runs", "1"], capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and " s |" in line]
    assert [r.split("|")[1].strip() for r in rows] == ["timeline, 300 dated facts", "map, 249 countries shaded",
                                                       "graph, 300 nodes"]
