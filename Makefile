# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/krm-desktop

lint: install
	$(BIN)/ruff check krm_desktop tests benchmarks
	$(BIN)/ruff format --check krm_desktop tests benchmarks
	$(BIN)/mypy krm_desktop/model

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n 2

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
