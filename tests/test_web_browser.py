"""The web app in headless Chromium against a real `gcsf serve`, every request elsewhere blocked."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import RESOURCES, LiveServer

from gcsf_graph import load
from gcsf_graph.examples import example

pytestmark = pytest.mark.browser


class App:
    """A browser tab on the server: requests anywhere else are blocked and recorded."""

    def __init__(self, browser, server: LiveServer) -> None:
        self.origin = server.url.rstrip("/")
        self.blocked: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("response", lambda r: self.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))

    def _route(self, route):
        if route.request.url.startswith(self.origin + "/") or route.request.url.startswith("blob:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str = "/") -> None:
        self.page.goto(self.origin + path)

    def clear_editor(self) -> None:
        """Focus the query editor and empty it, as a person does with Ctrl-A and Delete (the
        bundled editor, or the plain text area of a build without it)."""
        self.page.click("#editor .cm-content" if self.page.get_attribute("body", "data-editor") == "codemirror"
                        else "#query")
        self.page.keyboard.press("Control+a")
        self.page.keyboard.press("Delete")

    def run(self, query: str) -> None:
        """Paste a query into the editor and press the run button."""
        runs = int(self.page.get_attribute("body", "data-runs") or 0)
        self.clear_editor()
        self.page.keyboard.insert_text(query)
        self.page.click("#run")
        self.page.wait_for_selector(f"body[data-runs='{runs + 1}']", timeout=30_000)

    def accept(self) -> None:
        """Press Enter on the chosen completion, once the list has been seen (the editor takes no
        Enter in a list's first 75 ms, so that fast typing is not taken for a choice)."""
        self.page.wait_for_timeout(250)
        self.page.keyboard.press("Enter")

    def offers(self, labels: list[str]) -> None:
        """Wait until the editor offers exactly these completions, in this order."""
        from playwright.sync_api import expect

        expect(self.page.locator(".cm-tooltip-autocomplete li .cm-completionLabel")).to_have_text(labels)

    def offered(self) -> list[str]:
        """The completions the editor offers now, in order (waits for the list)."""
        self.page.wait_for_selector(".cm-tooltip-autocomplete li .cm-completionLabel", timeout=10_000)
        return self.page.locator(".cm-tooltip-autocomplete li .cm-completionLabel").all_inner_texts()


@pytest.fixture(scope="module")
def server():
    live = LiveServer()
    yield live
    live.stop()


@pytest.fixture
def app(browser, server):
    tab = App(browser, server)
    yield tab
    tab.context.close()


def test_run_an_example_and_follow_an_entity_link(app):
    app.open("/")
    app.page.wait_for_selector("body[data-ready=true]")
    app.page.click("button[data-example=initiatives-proposers]")
    app.page.wait_for_selector("table.result-table tbody tr", timeout=30_000)
    expected = load().query(example("initiatives-proposers").text)
    shown = app.page.locator("table.result-table tbody tr").count()
    assert shown == len(expected)
    headers = app.page.locator("table.result-table th").all_inner_texts()
    assert [h.strip(" ▲▼") for h in headers] == expected.variables
    # sort by the first column, descending after two clicks
    app.page.click("table.result-table th >> nth=0")
    app.page.click("table.result-table th >> nth=0")
    first = app.page.locator("table.result-table tbody tr >> nth=0").inner_text()
    last = app.page.locator("table.result-table tbody tr >> nth=-1").inner_text()
    assert first.lower() >= last.lower()
    assert app.page.locator("#download-csv").get_attribute("href").startswith("blob:")
    # entities in results link to their pages: follow one and see its quotes
    app.run("SELECT ?initiative ?label WHERE { ?initiative a gcsf:Initiative ; rdfs:label ?label } ORDER BY ?label")
    link = app.page.locator("table.result-table a[href^='/id/']").first
    href = link.get_attribute("href")
    link.click()
    app.page.wait_for_url(app.origin + href)
    assert app.page.locator("h1.label").inner_text()
    assert app.page.locator("blockquote.quote").count() > 0
    assert app.blocked == [] and app.errors == [] and app.dialogs == []


def test_csv_download_matches_the_table(app):
    app.open("/")
    app.page.wait_for_selector("body[data-ready=true]")
    app.run("SELECT ?p ?l WHERE { ?p a gcsf:Person ; rdfs:label ?l } ORDER BY ?l LIMIT 5")
    with app.page.expect_download() as download:
        app.page.click("#download-csv")
    text = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert text[0] == "p,l" and len(text) == 6 and text[1].endswith(",Cao Zhongming")


def test_a_syntax_error_shows_line_and_column(app):
    app.open("/")
    app.page.wait_for_selector("body[data-ready=true]")
    app.run("SELECT ?x WHERE { ?x a }")
    assert app.page.locator("#status").inner_text() == "error 400"
    if app.page.get_attribute("body", "data-editor") == "codemirror":
        app.page.wait_for_selector("#editor .cm-lintRange-error")  # the editor marks it too
    assert "line 1, column" in app.page.locator("pre.error-text").inner_text()


def _open_editor(app: App) -> None:
    from gcsf_graph.web.pages import editor_available

    if not editor_available():
        pytest.skip("the editor bundle is not built (`make frontend`)")
    app.open("/")
    app.page.wait_for_selector("body[data-ready=true][data-editor=codemirror]")
    app.page.wait_for_selector("body[data-vocabulary=loaded]")


def test_typing_a_query_highlights_completes_and_runs_with_ctrl_enter(app):
    _open_editor(app)
    app.clear_editor()
    app.page.keyboard.type("SELECT ?p ?l WHERE { ?p a gcsf:Pers")
    assert app.offered()[0] == "gcsf:Person"
    assert app.page.locator(".cm-tooltip-autocomplete li[aria-selected] .cm-completionDetail").inner_text() == "person"
    app.accept()
    app.page.keyboard.type(" ; rdfs:lab")
    assert "rdfs:label" in app.offered()
    app.page.keyboard.press("Escape")
    app.page.keyboard.type("el ?")
    app.offers(["?l", "?p"])  # the query's own variables
    app.page.keyboard.type("l")
    app.page.keyboard.press("Escape")
    # the closing brace came with the opening one
    query = "SELECT ?p ?l WHERE { ?p a gcsf:Person ; rdfs:label ?l}"
    assert app.page.locator("#editor .cm-content").inner_text() == query
    # highlighting: keywords, variables and prefixed names are marked
    tokens = lambda kind: app.page.locator(f"#editor .cm-content .tok-{kind}").all_inner_texts()  # noqa: E731
    assert tokens("keyword") == ["SELECT", "WHERE", "a"]
    assert tokens("variableName") == ["?p", "?l", "?p", "?l"]
    assert tokens("namespace") == ["gcsf:Person", "rdfs:label"]
    app.page.keyboard.press("Control+Enter")
    app.page.wait_for_selector("body[data-runs='1']", timeout=30_000)
    assert app.page.locator("table.result-table tbody tr").count() == len(load().query(query)) > 5
    assert app.blocked == [] and app.errors == [] and app.dialogs == []


def test_completion_offers_the_graphs_classes_after_a_and_its_entities(app):
    from gcsf_graph.web.pages import vocabulary_json

    vocabulary = vocabulary_json(load())
    classes = {name for name, _ in vocabulary["classes"] if name.startswith("gcsf:")}
    _open_editor(app)
    app.clear_editor()
    app.page.keyboard.type("SELECT * WHERE { ?x a gcsf:")
    offered = app.offered()
    assert set(offered[:len(classes)]) == classes  # the graph's classes first, then its properties
    assert set(offered[len(classes):]) <= {name for name, _ in vocabulary["properties"]}
    app.page.keyboard.type("Pers")
    app.accept()
    app.page.keyboard.type(" ; gcsf:particip")
    app.offers(["gcsf:participant"])
    app.accept()
    app.page.keyboard.type(" event:")
    offered = app.offered()
    events = {name for name, _ in vocabulary["entities"] if name.startswith("event:")}
    assert offered and set(offered) <= events
    app.page.keyboard.press("Escape")
    app.clear_editor()
    app.page.keyboard.type("SELECT * WHERE { ?x gcsf:participant person:xi-jin")
    app.offers(["person:xi-jinping"])
    assert app.page.locator(".cm-tooltip-autocomplete li .cm-completionDetail").inner_text() == "Xi Jinping"
    assert app.blocked == [] and app.errors == []


def test_the_editor_marks_syntax_errors_and_terms_the_graph_lacks(app):
    _open_editor(app)
    app.clear_editor()
    app.page.keyboard.type("SELECT ?x WHERE { ?x a gcsf:Persn ; gcsf:participant ")
    app.page.keyboard.press("Escape")
    app.page.wait_for_selector("#editor .cm-lintRange-error", timeout=10_000)
    app.page.wait_for_selector("#warnings:not([hidden]) li", timeout=10_000)
    assert app.page.locator("#warning-list li").all_inner_texts() == [
        "gcsf:Persn is not in the ontology; did you mean gcsf:Person?"]
    assert app.page.locator("#editor .cm-lintRange-warning").inner_text() == "gcsf:Persn"
    # completing the triple ends the syntax error; fixing the term empties the warnings
    app.page.keyboard.type("?e")
    app.page.wait_for_selector("#editor .cm-lintRange-error", state="detached", timeout=10_000)
    app.clear_editor()
    app.page.keyboard.insert_text("SELECT ?x WHERE { ?x a gcsf:Person ; gcsf:participant ?e }")
    app.page.wait_for_selector("#warnings[hidden]", state="attached", timeout=10_000)
    app.page.wait_for_selector("#editor .cm-lintRange-warning", state="detached", timeout=10_000)
    assert app.page.locator("#editor .cm-lintRange-error").count() == 0
    assert app.errors == []


def test_no_request_leaves_the_page(app):
    """Typing, completion, the checks, examples, the result tabs and search ask only this server."""
    from gcsf_graph.web.pages import views_available

    _open_editor(app)
    app.clear_editor()
    app.page.keyboard.type("SELECT * WHERE { ?x a gcsf:Ini")
    app.offered()
    app.accept()
    app.page.keyboard.press("Control+Enter")
    app.page.wait_for_selector("table.result-table tbody tr", timeout=30_000)
    _run_example(app, "dated-facts")
    if views_available():
        _tab(app, "map")
        _tab(app, "timeline")
    app.page.fill("#search-text", "belt and road")
    app.page.wait_for_selector("#search-hits:not([hidden]) a")
    hosts = {urlsplit(url).hostname for url in app.requests if not url.startswith(("blob:", "data:"))}
    assert hosts == {"127.0.0.1"}
    assert any("/api/vocabulary" in url for url in app.requests)
    assert any("/api/check" in url for url in app.requests)
    assert app.blocked == [] and app.errors == [] and app.dialogs == []


def test_search_box_links_to_entity_pages(app):
    app.open("/")
    app.page.wait_for_selector("body[data-ready=true]")
    app.page.fill("#search-text", "belt and road")
    app.page.wait_for_selector("#search-hits:not([hidden]) a")
    assert app.page.locator("#search-hits a").first.inner_text() == "Belt and Road Initiative"
    app.page.locator("#search-hits a").first.click()
    app.page.wait_for_url(app.origin + "/id/initiative/bri")


@pytest.fixture(scope="module")
def hostile_server():
    live = LiveServer("--data", str(RESOURCES / "xss.ttl"))
    yield live
    live.stop()


def test_hostile_labels_are_inert_in_the_app_and_pages(browser, hostile_server):
    tab = App(browser, hostile_server)
    try:
        tab.open("/")
        tab.page.wait_for_selector("body[data-ready=true]")
        tab.run("SELECT ?e ?label WHERE { ?e rdfs:label ?label } ORDER BY ?label")
        tab.page.wait_for_selector("table.result-table tbody tr")
        cells = tab.page.locator("table.result-table td").all_inner_texts()
        assert "<img src=x onerror=alert(1)>" in cells
        assert "</script><script>alert(2)</script>" in cells
        assert tab.page.locator("table.result-table img, table.result-table script").count() == 0
        for path in ("/id/test/img", "/id/test/script", "/id/test/link", "/id/test/doc", "/ontology"):
            tab.open(path)
            tab.page.wait_for_load_state("load")
            assert tab.page.locator("main img, main svg, main script").count() == 0
        tab.open("/id/test/img")
        assert "<img src=y onerror=alert(4)> proposed it" in tab.page.locator("main").inner_text()
        assert tab.dialogs == [] and tab.blocked == []
    finally:
        tab.context.close()


def test_static_site_works_opened_from_disk(browser, tmp_path):
    from gcsf_graph.web import write_site

    site = write_site(load(), tmp_path / "site")
    context = browser.new_context()
    blocked: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                  else (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto((site / "index.html").as_uri())
        page.click("a[href$='id/person/xi-jinping.html']")
        page.wait_for_url("**/id/person/xi-jinping.html")
        assert page.locator("h1.label").inner_text() == "Xi Jinping"
        assert page.locator("blockquote.quote").count() > 0
        # the style sheet applied: quotes are indented with a border
        assert page.eval_on_selector("blockquote.quote", "e => getComputedStyle(e).borderLeftStyle") == "solid"
        page.click("header a:has-text('Vocabulary')")
        page.wait_for_url("**/ontology.html")
        assert page.locator("dt.term").count() > 50
        assert errors == [] and blocked == []
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/view/graph?focus=https%3A%2F%2Fw3id.org%2Fgcsf%2Fid%2Fperson%2Fxi-jinping",
                                  "/view/timeline", "/view/map"])
def test_views_open_from_the_server(app, path):
    from gcsf_graph.web.pages import views_available

    if not views_available():
        pytest.skip("the views package is not in this build")
    app.open(path)
    app.page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    assert app.page.locator("#app").inner_text() or app.page.locator("#app canvas, #app svg, #app .vis-timeline").count()
    assert app.blocked == [] and app.errors == [] and app.dialogs == []


def _tab(app: App, name: str) -> None:
    """Switch the results to a view's tab and wait until it is drawn."""
    app.page.click(f"#result-tabs button[data-tab={name}]")
    app.page.wait_for_selector(f"body[data-view={name}]", timeout=30_000)


def _run_example(app: App, name: str) -> None:
    runs = int(app.page.get_attribute("body", "data-runs") or 0)
    app.page.click(f"button[data-example={name}]")
    app.page.wait_for_selector(f"body[data-runs='{runs + 1}']", timeout=30_000)


def test_the_app_draws_the_result_as_a_graph_and_a_timeline(app):
    from gcsf_graph.web.pages import views_available

    if not views_available():
        pytest.skip("the views package is not in this build")
    app.open("/")
    app.page.wait_for_selector("body[data-ready=true]")
    # a CONSTRUCT example: its graph, a click on a node shows its facts with their quotes
    _run_example(app, "xi-neighbourhood")
    assert app.page.locator("#result-tabs button[data-tab=timeline]").is_hidden()
    _tab(app, "graph")
    assert app.page.locator("#results").is_hidden()
    node = app.page.evaluate("gcsfView.nodes.getIds().find(id => gcsfView.nodes.get(id).label === 'Xi Jinping')")
    assert node is not None
    box = app.page.locator("#view-pane .gv-main").bounding_box()
    point = app.page.evaluate(f"gcsfView.network.canvasToDOM(gcsfView.network.getPositions([{node}])[{node}])")
    app.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    app.page.wait_for_selector("#view-pane .gv-panel h3.name")
    assert app.page.locator("#view-pane .gv-panel h3.name").inner_text() == "Xi Jinping"
    quotes = app.page.locator("#view-pane .gv-panel blockquote").all_inner_texts()
    assert quotes and all(q.startswith("\u201c") for q in quotes)
    # the table tab shows the triples again
    app.page.click("#result-tabs button[data-tab=table]")
    assert app.page.locator("#results pre.rdf").is_visible() and app.page.locator("#view-pane").is_hidden()
    # a dated example: one timeline item for each of its rows with a year
    _run_example(app, "dated-facts")
    rows = load().query(example("dated-facts").text)
    assert app.page.locator("table.result-table tbody tr").count() == len(rows)
    annual = sum(1 for r in rows.terms if r[rows.variables.index("start")].value.startswith("--"))
    for name in ("graph", "timeline", "map"):
        assert app.page.locator(f"#result-tabs button[data-tab={name}]").is_visible()
    _tab(app, "timeline")
    assert app.page.evaluate("gcsfView.items.length") == len(rows) - annual
    assert app.page.locator("#view-pane .vis-item").count() > 0
    # rows naming countries: the map draws those countries, and only those
    app.run("SELECT ?country WHERE { ?country gcsf:iso3166Alpha3 ?code VALUES ?code { 'CHN' 'ZAF' } }")
    assert app.page.locator("#result-tabs button[data-tab=timeline]").is_hidden()
    _tab(app, "map")
    assert app.page.locator("#view-pane .gv-counts").inner_text().startswith("2 of 2 countries drawn")
    assert app.blocked == [] and app.errors == [] and app.dialogs == []


def test_hostile_labels_are_inert_in_the_result_views(browser, hostile_server):
    from gcsf_graph.web.pages import views_available

    if not views_available():
        pytest.skip("the views package is not in this build")
    tab = App(browser, hostile_server)
    try:
        tab.open("/")
        tab.page.wait_for_selector("body[data-ready=true]")
        tab.run("SELECT ?item ?label ?start WHERE { ?item rdfs:label ?label OPTIONAL { ?item gcsf:startDate ?start } }")
        _tab(tab, "graph")
        names = tab.page.evaluate("gcsfView.nodes.get().map(n => n.label)")
        assert "<img src=x onerror=alert(1)>" in names and "</script><script>alert(2)</script>" in names
        node = tab.page.evaluate("gcsfView.nodes.getIds().find(id => gcsfView.nodes.get(id).label.startsWith('</script>'))")
        tab.page.evaluate(f"gcsfView.showPanel({node})")
        panel = tab.page.locator("#view-pane .gv-panel").inner_text()
        assert "<img src=y onerror=alert(4)> proposed it" in panel
        _tab(tab, "timeline")
        assert tab.page.evaluate("gcsfView.items.length") == 1
        assert tab.page.locator("#view-pane img, #view-pane script, #view-pane svg [onload]").count() == 0
        assert tab.dialogs == [] and tab.blocked == []
    finally:
        tab.context.close()
