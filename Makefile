# make demo | make test | make bench | make lint — `make` creates .venv itself.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint install clean workbooks templates windows-bundle bundle-check

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	-$(BIN)/unionxl check workbooks/ --output out/校验结果.xlsx
	$(BIN)/unionxl totals workbooks/ --output out/汇总.xlsx
	$(BIN)/unionxl report workbooks/ --out out/

test: $(STAMP)
	$(BIN)/ruff check unionxl tests scripts benchmarks
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check unionxl tests scripts benchmarks
	$(BIN)/ruff format --check unionxl tests scripts benchmarks

workbooks: $(STAMP)
	$(BIN)/python scripts/make_office.py workbooks

templates: $(STAMP)
	$(BIN)/python scripts/make_templates.py
	$(BIN)/python -m unionxl.reports.docs

# Offline Windows bundle (network: pip download of win_amd64 wheels); not part of `test`.
# BUNDLE_EXTRAS="pandas" also bundles (and installs) those optional extras.
BUNDLE_ARGS = $(if $(BUNDLE_EXTRAS),--extras $(BUNDLE_EXTRAS))
windows-bundle: $(STAMP)
	$(BIN)/python scripts/windows_bundle.py build $(BUNDLE_ARGS)

bundle-check: $(STAMP)
	$(BIN)/python scripts/windows_bundle.py check $(BUNDLE_ARGS)

clean:
	rm -rf out .pytest_cache
