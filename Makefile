# The two quick-start commands, and what they need. Everything installs itself:
# a virtual environment in .venv, and Debian's chromium for the browser tests.
PYTHON ?= python3
BIN := .venv/bin

.PHONY: serve test install browser bench

serve: install
	$(BIN)/python build.py serve

test: install browser
	$(BIN)/python -m pytest

install: $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'

$(BIN)/python:
	$(PYTHON) -m venv .venv

# The browser tests drive the system Chromium; Playwright never downloads a browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

bench: install
	$(BIN)/python tests/benchmark.py 1000
	$(BIN)/python tests/benchmark.py 10000
