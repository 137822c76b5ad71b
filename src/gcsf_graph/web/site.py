"""``gcsf site``: the entity and vocabulary pages as a static folder.

The folder holds ``index.html`` (every entity by type), ``ontology.html``, one
``id/{kind}/{key}.html`` per entity and the style sheet; links are relative, so it works opened
from disk or from any static host. It is written into a new folder beside the target and moved
into place at the end, so an interrupted run leaves any earlier site intact.

>>> import tempfile
>>> from pathlib import Path
>>> from gcsf_graph import load
>>> out = write_site(load(), Path(tempfile.mkdtemp()) / "site")
>>> (out / "id" / "person" / "xi-jinping.html").is_file()
True
"""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..sparql import rows
from .pages import Links, entity_html, ontology_html, render

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

__all__ = ["write_site"]

_MARKER = ".gcsf-site"
_ENTITIES = """
SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) WHERE {
  ?e a ?cls . OPTIONAL { ?e rdfs:label ?l } OPTIONAL { ?cls rdfs:label ?t }
  FILTER(STRSTARTS(STR(?e), "https://w3id.org/gcsf/id/") && ?cls != gcsf:Claim
         && STRSTARTS(STR(?cls), STR(gcsf:)))
} GROUP BY ?e"""


def write_site(kg: KnowledgeGraph, output: str | Path, *, articles: Path | None = None) -> Path:
    """Write every entity's page, the vocabulary and an index into ``output``; return its path."""
    out = Path(output)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / _MARKER).exists())):
        raise UsageError(f"{out} exists and is not a site written by gcsf site: choose a new folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".site-", dir=out.parent))
    try:
        _write(kg, work, articles)
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
            work.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            work.rename(out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return out


def _write(kg: KnowledgeGraph, folder: Path, articles: Path | None) -> None:
    top = Links("./", ".html")
    deep = top.at_depth(2)
    by_type: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in rows(kg.query(_ENTITIES)):
        href = top.entity(r["e"])
        if href is None:
            continue
        by_type[r["type"] or "entity"].append((r["label"] or r["e"], href))
        page = folder / deep.entity(r["e"]).removeprefix(deep.root)  # type: ignore[union-attr]
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(entity_html(kg, r["e"], deep, articles=articles), encoding="utf-8")
    groups = {kind: sorted(items, key=lambda item: item[0].lower())
              for kind, items in sorted(by_type.items())}
    (folder / "index.html").write_text(render("site_index.html", top, groups=groups), encoding="utf-8")
    (folder / "ontology.html").write_text(ontology_html(kg, top), encoding="utf-8")
    (folder / "assets").mkdir()
    shutil.copy(Path(__file__).resolve().parent / "assets" / "app.css", folder / "assets" / "app.css")
    (folder / _MARKER).write_text("written by gcsf site\n", encoding="utf-8")
