# The two commands a new user needs: `make demo` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint unit bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,cards]'
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install followup into it (.venv/bin/followup)

demo: $(STAMP)  ## sample data, a plan and an agenda, on a throwaway database
	$(BIN)/followup demo

lint: $(STAMP)  ## ruff (lint and format check) and mypy on src/
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

test: $(STAMP) lint  ## lint, then every test tier
	$(BIN)/pytest

unit: $(STAMP)
	$(BIN)/pytest tests/unit

bench: $(STAMP)  ## the speed figures quoted in the issues
	$(BIN)/python bench/planner_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
