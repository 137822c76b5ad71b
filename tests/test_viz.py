"""Interactive pages, opened in a real headless Chromium with the network blocked."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import RESOURCES, ROOT

from gcsf_graph import load
from gcsf_graph.views import focus_graph, viz_graph, write_html

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    return os.environ.get("GCSF_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (make test installs Debian's chromium)")
        pytest.skip("no chromium on this machine: `make browser` installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield b
        b.close()


class Page:
    """A page opened from disk with every non-file request blocked and recorded."""

    def __init__(self, browser, path: Path) -> None:
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

    def node_id(self, label: str) -> int:
        found = self.eval(f"gcsfGraph.nodes.getIds().find(id => gcsfGraph.nodes.get(id).label === {json.dumps(label)})")
        assert found is not None, label
        return found

    def click_node(self, node: int) -> None:
        box = self.page.locator("#network").bounding_box()
        point = self.eval(f"""(() => {{ const p = gcsfGraph.network.getPositions([{node}])[{node}];
            return gcsfGraph.network.canvasToDOM(p); }})()""")
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def whole_page(browser, tmp_path_factory):
    path = write_html(load(), tmp_path_factory.mktemp("viz") / "graph.html")
    page = Page(browser, path)
    yield page
    page.close()


def test_page_is_self_contained(tmp_path):
    path = write_html(load(), tmp_path / "graph.html")
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html
    assert "Content-Security-Policy" in html
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]


def test_drawn_counts_equal_the_graph(whole_page):
    graph = viz_graph(load())
    drawn = whole_page.eval("[gcsfGraph.network.body.nodeIndices.length, gcsfGraph.network.body.edgeIndices.length]")
    assert drawn == [graph.number_of_nodes(), graph.number_of_edges()]
    assert whole_page.errors == []
    assert whole_page.requests == []


def test_search_focuses_the_node_by_alias(whole_page):
    whole_page.page.fill("#search", "President Xi")
    whole_page.page.press("#search", "Enter")
    selected = whole_page.eval("gcsfGraph.network.getSelectedNodes()")
    assert [whole_page.eval(f"gcsfGraph.nodes.get({selected[0]}).label")] == ["Xi Jinping"]
    assert whole_page.page.inner_text("#panel .name") == "Xi Jinping"


def test_click_shows_the_nodes_quotes(whole_page):
    node = whole_page.node_id("15th BRICS Summit")
    whole_page.eval(f"gcsfGraph.network.focus({node}, {{scale: 1.5, animation: false}})")
    whole_page.click_node(node)
    panel = whole_page.page.inner_text("#panel")
    assert whole_page.page.inner_text("#panel .name") == "15th BRICS Summit"
    assert "Last August, Xi attended the 15th BRICS Summit" in panel
    assert "004_457199ae3097467a.txt" in panel
    ARTIFACTS.mkdir(exist_ok=True)
    whole_page.page.screenshot(path=str(ARTIFACTS / "graph-click.png"))


def test_filter_by_class_and_physics_toggle(whole_page):
    whole_page.page.uncheck("#legend input[data-type='statistic']")
    hidden = whole_page.eval("gcsfGraph.nodes.get({filter: n => n.hidden}).length")
    assert hidden == whole_page.eval("gcsfGraph.nodes.get({filter: n => n.group === 'statistic'}).length") > 0
    whole_page.page.check("#legend input[data-type='statistic']")
    whole_page.page.check("#physics")
    assert whole_page.eval("gcsfGraph.network.physics.physicsEnabled") is True
    whole_page.page.uncheck("#physics")
    assert whole_page.errors == []


@pytest.fixture(scope="module")
def hostile_page(browser, tmp_path_factory):
    path = write_html(load(RESOURCES / "xss.ttl"), tmp_path_factory.mktemp("xss") / "xss.html",
                      title="<script>alert('title')</script>")
    page = Page(browser, path)
    yield page
    page.close()


def test_hostile_labels_stay_text(hostile_page):
    page = hostile_page
    assert page.eval("document.title") == "<script>alert('title')</script>"
    labels = page.eval("gcsfGraph.nodes.get().map(n => n.label)")
    assert "<img src=x onerror=alert(1)>" in labels
    assert "</script><script>alert(2)</script>" in labels
    for label in ("<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>",
                  '<a href="javascript:alert(3)">click me</a>'):
        page.click_node(page.node_id(label))
        assert label in page.page.inner_text("#panel")
    page.click_node(page.node_id("</script><script>alert(2)</script>"))
    assert "<img src=y onerror=alert(4)> proposed it" in page.page.inner_text("#panel")
    assert page.eval("document.querySelectorAll('#panel img, #panel script, #panel svg, #panel b, #panel i').length") == 0
    assert page.eval("document.querySelectorAll('script').length") == 3
    assert page.dialogs == [] and page.errors == [] and page.requests == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "hostile-labels.png"))


@pytest.mark.parametrize(("text", "label"), [("人类命运共同体", "</script><script>alert(2)</script>"),
                                             ("ελλάδα", "Plainland")])
def test_search_finds_non_latin_aliases(hostile_page, text, label):
    hostile_page.page.fill("#search", text)
    hostile_page.page.press("#search", "Enter")
    selected = hostile_page.eval("gcsfGraph.network.getSelectedNodes()")
    assert hostile_page.eval(f"gcsfGraph.nodes.get({selected[0]}).label") == label


def test_focus_page(browser, tmp_path):
    path = write_html(load(), tmp_path / "xi.html", focus="Xi Jinping", depth=1)
    page = Page(browser, path)
    graph = focus_graph(load(), "Xi Jinping", depth=1)
    assert page.eval("gcsfGraph.network.body.nodeIndices.length") == graph.number_of_nodes()
    assert "Xi Jinping" in page.page.inner_text("#panel")
    assert page.errors == [] and page.requests == []
    page.close()


def test_viz_cli_variants(gcsf, tmp_path):
    for args in (["--focus", "BRI", "--depth", "2"], ["--types", "Person,Event,Country"],
                 ["--example", "vision-structure"]):
        out = tmp_path / f"{args[0].strip('-')}.html"
        result = gcsf("viz", "-o", str(out), *args)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 100_000
    assert gcsf("viz", "-o", str(tmp_path / "x.html"), "--example", "pillars").returncode == 2
    assert gcsf("viz", "-o", str(tmp_path / "y.html"), "--focus", "Nobody At All").returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["example.html", "focus.html", "types.html"]
