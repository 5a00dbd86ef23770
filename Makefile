# Everything runs from a virtual environment made from the pinned requirements,
# so nothing depends on what happens to be installed on the machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

# The guide's languages, the source first (it is built first: a build empties
# its folder, and each further language goes into a folder of its own inside it).
LANGUAGES = $(shell $(BIN)/python -m scripts.languages 2>/dev/null || echo en)

.PHONY: serve build kiosk zim kiosk-shots test test-fast readability bench browser-tools clean

# Build and preview the site at http://127.0.0.1:8000/<path of site_url>/, rebuilding
# whenever a page, data file, template, message file or hook changes. The preview
# prints no PDFs (that would slow every rebuild): `make build` makes them. It shows
# one language: `make serve GUIDE_LANGUAGE=es` previews the Spanish one.
serve: kiosk
	$(BIN)/mkdocs serve --strict --watch-theme

# Each edition is built into a scratch folder first: a failed build leaves the
# last good one alone. The web edition carries the kiosk edition as a download.
build: kiosk
	rm -rf .site.tmp
	for language in $(LANGUAGES); do \
	  GUIDE_LANGUAGE=$$language $(BIN)/mkdocs build --strict --site-dir .site.tmp || exit 1; done
	SITE_DIR=.site.tmp GUIDE_LANGUAGES="$(LANGUAGES)" node_modules/.bin/workbox generateSW workbox-config.cjs
	rm -rf site && mv .site.tmp site
	@echo "Web edition written to site/"

kiosk: $(VENV)/.site-deps node_modules/.installed browser-tools
	rm -rf .site-kiosk.tmp
	for language in $(LANGUAGES); do \
	  GUIDE_LANGUAGE=$$language $(BIN)/mkdocs build --strict -f mkdocs-kiosk.yml --site-dir .site-kiosk.tmp || exit 1; done
	rm -rf site-kiosk site-kiosk.zip && mv .site-kiosk.tmp site-kiosk
	$(BIN)/python -m zipfile -c site-kiosk.zip site-kiosk/
	@echo "Kiosk edition written to site-kiosk/ and site-kiosk.zip"

# The Kiwix edition: one ZIM file per language in site-zim/, named by Kiwix's
# convention (bme-guide_en_all_2026-12.zim). Each build writes its language's ZIM
# beside its pages (hooks/zim_file.py); only the ZIM files are kept.
zim: $(VENV)/.site-deps node_modules/.installed browser-tools
	rm -rf .site-zim.tmp
	for language in $(LANGUAGES); do \
	  GUIDE_LANGUAGE=$$language $(BIN)/mkdocs build --strict -f mkdocs-zim.yml --site-dir .site-zim.tmp/pages || exit 1; done
	mkdir .site-zim.tmp/zim && mv .site-zim.tmp/pages/*.zim .site-zim.tmp/zim/
	rm -rf site-zim && mv .site-zim.tmp/zim site-zim && rm -rf .site-zim.tmp
	@echo "Kiwix edition written to site-zim/: $$(ls site-zim | tr "\n" " ")"

# Screenshots of the kiosk's start page and a topic page at the kiosk screen
# sizes, light and dark, into kiosk-shots/, for people to look at.
kiosk-shots: kiosk
	$(BIN)/python -m scripts.kiosk_shots

# The tests build both editions themselves, in a scratch copy of the project.
test: $(VENV)/.test-deps node_modules/.installed browser-tools
	$(BIN)/python -m pytest

# The quick loop: unit tests and one in-process build of the web edition (no
# PDFs, no browser), well under 30 seconds. The data's icons come from node_modules.
test-fast: $(VENV)/.test-deps node_modules/.installed
	$(BIN)/python -m pytest -m "not slow" -q

# Chromium prints the handouts to PDF during the build, and the tests use it too.
# Flesch-Kincaid grade and SMOG index of each English page of the built web
# edition, and the Fernandez-Huerta reading ease of each page in Spanish.
readability: build $(VENV)/.test-deps
	$(BIN)/python -m scripts.readability site

# Build times, growth with size, time in macros, first view, search speed and
# sizes (the ZIMs' too); writes bench/results.md. BASELINE=<commit> also times that commit's builds.
bench: build zim
	BENCH_BASELINE=$(BASELINE) $(BIN)/python -m scripts.bench

browser-tools:
	@sh scripts/install-browser-tools.sh

$(VENV)/.site-deps: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.site-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Front-end files from the npm registry, exactly as package-lock.json pins them.
# pa11y drives Debian's Chromium: Puppeteer's own browser download is skipped.
node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site .site.tmp site-kiosk .site-kiosk.tmp site-kiosk.zip site-zim .site-zim.tmp kiosk-shots node_modules $(VENV)
