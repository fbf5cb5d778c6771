# Every target installs what it needs on first use: a fresh clone needs no other step.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp
UPSTREAM ?= ../shared/upstream/contentgroove-openapi.json
export PATH := $(CURDIR)/$(VENV)/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: setup generate check-generated spec-diff lint test bench demo clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

$(NODE_STAMP): package.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

setup: $(STAMP) $(NODE_STAMP)

generate: $(STAMP)
	scripts/generate.sh

check-generated: $(STAMP)
	scripts/check_generated.sh

spec-diff: $(STAMP)
	$(PY) scripts/spec_diff.py "$(UPSTREAM)" openapi.json

lint: $(STAMP)
	$(PY) -m ruff check custom tests scripts bench
	$(PY) -m ruff format --check custom tests scripts bench
	$(PY) -m mypy

test: setup lint check-generated
	$(PY) -m pytest $(PYTEST_ARGS)

bench: setup
	$(PY) -m bench $(BENCH_ARGS)

demo: $(STAMP)
	$(PY) -m contentgroove.demo

clean:
	rm -rf $(VENV) node_modules dist build .pytest_cache .mypy_cache .ruff_cache
