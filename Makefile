# MindTrack developer commands. `make run` and `make test` set everything up on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2

.PHONY: install run test lint format bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)  ## Create .venv with the pinned dependencies

run: install  ## Serve the API on http://127.0.0.1:8000 (SQLite under var/, migrated on start)
	$(BIN)/mindtrack serve --host $(HOST) --port $(PORT)

test: install  ## Run the whole test suite (SQLite, and PostgreSQL when it answers) with coverage
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --cov --cov-report=term

lint: install  ## Static checks: ruff and mypy
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

bench: install  ## API load, text-model and analytics benchmarks (see docs/benchmarks.md)
	$(BIN)/python bench/api.py --database sqlite
	$(BIN)/python bench/api.py --database postgresql
	$(BIN)/python bench/api.py --database postgresql --workers 2
	$(BIN)/python bench/ml.py
	$(BIN)/python bench/api.py --database postgresql --scenarios track --modes open --rate 50
	$(BIN)/python bench/request_cpu.py --database postgresql
	$(BIN)/python bench/analytics.py --database postgresql --users 10000 --days 365
	$(BIN)/python bench/analytics.py --database sqlite --users 1 --days 1825 --sample 1
	$(BIN)/python bench/companion.py --database postgresql --also-chat
	$(BIN)/python bench/ratelimit.py --requests 1000 --budget 300

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage .coverage.* htmlcov
