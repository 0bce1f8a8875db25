# make run   — install everything and launch the app on the bundled sample corpus
# make test  — install everything and run the whole test suite (what CI runs)
# make bench — run the benchmarks and print the table (see README, Performance)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test bench system-deps install lint screenshot desktop-entry clean

run: system-deps $(INSTALLED)
	$(BIN)/workbench

test: system-deps $(INSTALLED)
	$(BIN)/ruff check workbench tests resources seeds benchmarks
	$(BIN)/python -m pytest

bench: system-deps $(INSTALLED)
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

install: $(INSTALLED)

$(INSTALLED): pyproject.toml packaging/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]' -c packaging/constraints.txt
	touch $(INSTALLED)

system-deps:
	packaging/install-debian-packages.sh

lint: $(INSTALLED)
	$(BIN)/ruff check workbench tests resources seeds benchmarks
	$(BIN)/ruff format --check workbench tests resources seeds benchmarks
	$(BIN)/lint-imports

screenshot: $(INSTALLED)
	QT_QPA_PLATFORM=offscreen WORKBENCH_DATA_DIR=$$(mktemp -d) $(BIN)/workbench --screenshot docs/screenshot.png

desktop-entry: $(INSTALLED)
	packaging/install-desktop-entry.sh $(abspath $(BIN))/workbench

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
