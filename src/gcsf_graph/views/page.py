"""One self-contained HTML page per view: the view's bundled script and style inlined, its data
as JSON, a Content-Security-Policy that lets nothing load from anywhere.

The bundles (``static/<view>.js`` and ``.css``) are built from ``frontend/`` by ``make frontend``
and ship inside the wheel. Text from the data reaches the page only as JSON inside a
``<script type="application/json">`` block (``<``, ``>`` and ``&`` escaped) and is put on screen
as text, so a label such as ``<img src=x onerror=alert(1)>`` shows as text.

>>> html = render_page("map", "Empty", {"countries": [], "places": [], "facts": {}})
>>> "Content-Security-Policy" in html and '"countries":[]' in html
True
"""

from __future__ import annotations

import json
import webbrowser
from pathlib import Path
from typing import Any, Literal

from ..errors import GcsfError

__all__ = ["VIEWS", "View", "render_page", "script_json", "write_page"]

View = Literal["graph", "timeline", "map"]
VIEWS: tuple[View, ...] = ("graph", "timeline", "map")

_HERE = Path(__file__).resolve().parent
_STATIC = _HERE / "static"
_TEMPLATE = _HERE / "templates" / "page.html"


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no character can close the element or open a comment.

    >>> script_json({"label": "</script>"})
    '{"label":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _bundle(view: View, kind: str) -> str:
    path = _STATIC / f"{view}.{kind}"
    if not path.is_file():
        raise GcsfError(f"the page scripts are not built ({path.name} is missing): run `make frontend`")
    return path.read_text(encoding="utf-8")


def render_page(view: View, title: str, data: Any) -> str:
    """The HTML of one view's page: its bundle, style and ``data`` inlined.

    >>> render_page("timeline", "<When>", {"items": []}).count("<title>&lt;When&gt;</title>")
    1
    """
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(_TEMPLATE.read_text(encoding="utf-8"))
    return template.render(
        view=view, title=title, data=Markup(script_json(data)),
        js=Markup(_bundle(view, "js").replace("</script", "<\\/script")),
        css=Markup(_bundle(view, "css").replace("</style", "<\\/style")),
    )


def write_page(path: str | Path, html: str, *, open_browser: bool = False) -> Path:
    """Write a page atomically, open it in a browser if asked, and return its path.

    >>> import tempfile
    >>> write_page(tempfile.mkdtemp() + "/p.html", "<!DOCTYPE html>").stat().st_size
    15
    """
    from ..files import write_atomic

    target = write_atomic(Path(path), html.encode("utf-8"))
    if open_browser:
        webbrowser.open(target.resolve().as_uri())
    return target
