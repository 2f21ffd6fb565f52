# Canvass: `make site` builds the example study into site/; `make test` runs every test.
# Both install what is missing on a fresh Debian machine (libcmark-dev through apt).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CANVASS := .build/debug/canvass

.PHONY: site test deps build check crosscheck clean

deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then \
		echo "installing libcmark-dev (CommonMark) with apt"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq pkg-config libcmark-dev; \
	fi

build: deps
	$(SWIFT) build --product canvass

site: build
	$(CANVASS) build .

check: build
	$(CANVASS) check .

# Build everything first (the end-to-end tests run the canvass executable), then test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Recomputes the example's survey figures with numpy/scipy and compares them with site/data.
crosscheck: site
	@python3 -c "import numpy, scipy" 2>/dev/null || python3 -m pip install --quiet numpy scipy
	python3 Tests/CrossCheck/crosscheck_example.py

clean:
	rm -rf .build site.tmp-* site.old-*
