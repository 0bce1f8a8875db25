# make run   — install everything and launch the app on the bundled sample corpus
# make test  — install everything and run the whole test suite (what CI runs)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test system-deps install lint screenshot desktop-entry clean

run: system-deps $(INSTALLED)
	$(BIN)/workbench

test: system-deps $(INSTALLED)
	$(BIN)/ruff check workbench tests resources seeds
	$(BIN)/python -m pytest

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

system-deps:
	packaging/install-debian-packages.sh

lint: $(INSTALLED)
	$(BIN)/ruff check workbench tests resources seeds
	$(BIN)/ruff format --check workbench tests resources seeds
	$(BIN)/lint-imports

screenshot: $(INSTALLED)
	QT_QPA_PLATFORM=offscreen WORKBENCH_DATA_DIR=$$(mktemp -d) $(BIN)/workbench --screenshot docs/screenshot.png

desktop-entry: $(INSTALLED)
	packaging/install-desktop-entry.sh $(abspath $(BIN))/workbench

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
