# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make dist`: PyInstaller (the `dist` extra, not installed by `make test`) and its work folder, kept between builds
DIST_STAMP := $(VENV)/.installed-dist
DIST_WORK := build/pyinstaller
DIST_DIR := dist/krm-desktop

.PHONY: install run test lint bench clean dist

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/krm-desktop

lint: install
	$(BIN)/ruff check krm_desktop tests benchmarks
	$(BIN)/ruff format --check krm_desktop tests benchmarks
	$(BIN)/mypy krm_desktop/model
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n 2

bench: install
	$(BIN)/python benchmarks/run.py

$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	touch $(DIST_STAMP)

# Build dist/krm-desktop/ for this platform from installer.spec, then smoke-test it and check its budget
# (scripts/dist_check.py: self-test, check, size <= 150 MB, start <= 1.5x the source).
dist: $(DIST_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --workpath $(DIST_WORK) --distpath dist installer.spec
	$(BIN)/python scripts/dist_check.py --dist $(DIST_DIR)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
