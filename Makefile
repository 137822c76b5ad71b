# gcsf-graph: `make run` sets up and runs the main job; `make test` sets up and runs every check.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUT     ?= out

.PHONY: setup browser servers run test lint data bench bench-server clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q src  # bytecode ahead, for a fast first start
	touch $(STAMP)

setup: $(STAMP)

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
	@echo "open $(OUT)/overview.html in a browser to explore the graph"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

test: setup browser servers lint
	$(BIN)/pytest

data: setup
	$(BIN)/python data/curate.py

bench: setup
	$(BIN)/python bench/run.py

# 1M synthetic triples in embedded Oxigraph, Virtuoso and Oxigraph server: one table.
bench-server: setup servers
	$(BIN)/python bench/server.py

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache
