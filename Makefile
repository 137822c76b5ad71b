# gcsf-graph: `make run` sets up and runs the main job; `make test` sets up and runs every check.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUT     ?= out

.PHONY: setup browser frontend servers run test lint data eval-ingest bench bench-views bench-server bench-serve clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q src  # bytecode ahead, for a fast first start
	touch $(STAMP)

# The pages' scripts (graph, timeline, map; app: all three for the web app's tabs), bundled from
# frontend/ with the pinned npm packages of frontend/package-lock.json into
# src/gcsf_graph/views/static/, and the web app's SPARQL editor into src/gcsf_graph/web/static/
# (built, never committed).
# Node and npm come from Debian's packages when missing.
BUNDLES := $(addprefix src/gcsf_graph/views/static/,graph.js timeline.js map.js app.js) \
           src/gcsf_graph/web/static/editor.js

$(BUNDLES) &: frontend/package-lock.json frontend/build.mjs $(wildcard frontend/src/*)
	@command -v npm >/dev/null 2>&1 || { \
	  echo "installing Debian's nodejs and npm to bundle the pages' scripts" >&2; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && node build.mjs

frontend: $(BUNDLES)

setup: $(STAMP) frontend

# Headless Chromium for the browser tests, from Debian's packages (Playwright's own
# browser download is not used).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests" >&2; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# SPARQL servers for the server tests: Oxigraph server comes with the dev extra (PyPI's
# oxigraph); Virtuoso from Debian's packages. The tests start them on 127.0.0.1 themselves.
servers:
	@command -v virtuoso-t >/dev/null 2>&1 || { \
	  echo "installing Debian's virtuoso-opensource-7 for the server tests" >&2; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource-7 >/dev/null; }

run: setup
	$(BIN)/gcsf info
	$(BIN)/gcsf validate
	$(BIN)/gcsf query --example initiatives-proposers
	$(BIN)/gcsf query --example pillars
	$(BIN)/gcsf query --example events-timeline --limit 12
	$(BIN)/gcsf viz -o $(OUT)/overview.html
	$(BIN)/gcsf viz --view timeline -o $(OUT)/timeline.html
	$(BIN)/gcsf viz --view map -o $(OUT)/map.html
	@echo "open $(OUT)/overview.html, $(OUT)/timeline.html or $(OUT)/map.html in a browser to explore the graph"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

# One test process per core (each test file stays in one process, so its fixtures are built once).
test: setup browser servers lint
	$(BIN)/pytest -n auto --dist loadfile

data: setup
	$(BIN)/python -m gcsf_graph.curation

# Hold out each article, ingest it knowing the others, and print recall and precision.
eval-ingest: setup
	$(BIN)/python -m gcsf_graph.curation.evaluate

bench: setup
	$(BIN)/python bench/run.py

bench-views: setup browser
	$(BIN)/python bench/views.py

# 1M synthetic triples in embedded Oxigraph, Virtuoso and Oxigraph server: one table.
bench-server: setup servers
	$(BIN)/python bench/server.py

# gcsf serve against oxigraph serve-read-only and rdflib-endpoint, loopback only, bounded in time.
bench-serve: setup
	$(BIN)/python bench/serve.py

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache frontend/node_modules src/gcsf_graph/views/static
