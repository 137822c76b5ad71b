# gcsf-graph: `make run` sets up and runs the main job; `make test` sets up and runs every check.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUT     ?= out

.PHONY: setup browser frontend run test lint data eval-ingest bench bench-views clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q src  # bytecode ahead, for a fast first start
	touch $(STAMP)

# The pages' scripts (graph, timeline, map), bundled from frontend/ with the pinned npm packages
# of frontend/package-lock.json into src/gcsf_graph/views/static/ (built, never committed).
# Node and npm come from Debian's packages when missing.
BUNDLES := $(addprefix src/gcsf_graph/views/static/,graph.js timeline.js map.js)

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

test: setup browser lint
	$(BIN)/pytest

data: setup
	$(BIN)/python -m gcsf_graph.curation

# Hold out each article, ingest it knowing the others, and print recall and precision.
eval-ingest: setup
	$(BIN)/python -m gcsf_graph.curation.evaluate

bench: setup
	$(BIN)/python bench/run.py

bench-views: setup browser
	$(BIN)/python bench/views.py

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache frontend/node_modules src/gcsf_graph/views/static
