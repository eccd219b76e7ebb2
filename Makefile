# make demo | make test | make corpus | make bench | make lint — `make` creates .venv itself.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTHON_DIRS := unionxl tests scripts benchmarks docs
CORPUS ?= ../shared/corpus

.PHONY: demo test lint typecheck layers corpus bench install clean workbooks templates docs \
	windows-bundle bundle-check

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	# Bytecode now, as pip does when it installs the wheel on an office PC: an editable
	# install has none, and where PYTHONDONTWRITEBYTECODE is set every run recompiles.
	$(BIN)/python -m compileall -q unionxl
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	-$(BIN)/unionxl check workbooks/ --output out/校验结果.xlsx
	$(BIN)/unionxl totals workbooks/ --output out/汇总.xlsx
	$(BIN)/unionxl report workbooks/ --out out/ --force

# ruff (check and format), the type checker, the layering contract, then the tests.
test: lint typecheck layers
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check $(PYTHON_DIRS)
	$(BIN)/ruff format --check $(PYTHON_DIRS)

typecheck: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

# Third-party test workbooks (calamine's and SheetJS's), read from where they lie.
corpus: $(STAMP)
	UNIONXL_CORPUS=$(abspath $(CORPUS)) $(BIN)/python -m pytest -q -m corpus

# Timed as installed: with bytecode (edits since `make install` would be recompiled).
bench: $(STAMP)
	$(BIN)/python -m compileall -q unionxl
	$(BIN)/python benchmarks/run.py

workbooks: $(STAMP)
	$(BIN)/python scripts/make_office.py workbooks

templates: $(STAMP)
	$(BIN)/python scripts/make_templates.py
	$(BIN)/python -m unionxl.reports.docs

docs: $(STAMP)
	$(BIN)/python -m unionxl.outputs.format_page

# Offline Windows bundle (network: pip download of win_amd64 wheels); not part of `test`.
# BUNDLE_EXTRAS="pandas" also bundles (and installs) those optional extras.
BUNDLE_ARGS = $(if $(BUNDLE_EXTRAS),--extras $(BUNDLE_EXTRAS))
windows-bundle: $(STAMP)
	$(BIN)/python scripts/windows_bundle.py build $(BUNDLE_ARGS)

bundle-check: $(STAMP)
	$(BIN)/python scripts/windows_bundle.py check $(BUNDLE_ARGS)

clean:
	rm -rf out .pytest_cache .mypy_cache
