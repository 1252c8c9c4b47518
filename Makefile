# The two commands a new user needs: `make demo` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-deps lint unit bench clean

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

test: $(STAMP) lint  ## lint, then every test tier (the slow tests too)
	$(BIN)/pytest --durations=25  # the slowest tests named in the log: the suite must stay well inside CI's 90 minutes

unit: $(STAMP)  ## the fast tier: domain and services on fakes, in seconds
	$(BIN)/pytest tests/unit -m "not slow"

test-deps:  ## install the programs the tests drive (Debian/Ubuntu; skipped tests name them)
	bash .ci/test-deps

bench: $(STAMP)  ## the speed figures quoted in the issues
	$(BIN)/python bench/planner_bench.py
	$(BIN)/python bench/startup_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
