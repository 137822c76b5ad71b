# gcsf-graph: `make run` sets up and runs the main job; `make test` sets up and runs every check.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUT     ?= out

.PHONY: setup browser run test lint data bench bench-serve clean

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

test: setup browser lint
	$(BIN)/pytest

data: setup
	$(BIN)/python data/curate.py

bench: setup
	$(BIN)/python bench/run.py

# gcsf serve against oxigraph serve-read-only and rdflib-endpoint, loopback only, bounded in time.
bench-serve: setup
	$(BIN)/python bench/serve.py

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache
