# Everything runs from a virtual environment made from the pinned requirements,
# so nothing depends on what happens to be installed on the machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test clean

# Build and preview the site at http://127.0.0.1:8000, rebuilding on each change.
serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --strict

# Build into a scratch folder first: a failed build leaves the last good site/ alone.
build: $(VENV)/.site-deps
	rm -rf .site.tmp
	$(BIN)/mkdocs build --strict --quiet --site-dir .site.tmp
	rm -rf site && mv .site.tmp site
	@echo "Site written to site/"

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest

$(VENV)/.site-deps: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.site-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

clean:
	rm -rf site .site.tmp $(VENV)
