# The two quick-start commands, and what they need. Everything installs itself:
# a virtual environment in .venv, and Debian's chromium for the browser tests.
PYTHON ?= python3
BIN := .venv/bin
PIP := $(BIN)/pip install --quiet --disable-pip-version-check

.PHONY: serve test browser bench

serve: $(BIN)/python
	$(PIP) -e .
	$(BIN)/python build.py serve

test: $(BIN)/python browser
	$(PIP) -e '.[test]'
	$(BIN)/python -m pytest

$(BIN)/python:
	$(PYTHON) -m venv .venv

# The browser tests drive the system Chromium; Playwright never downloads a browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

# Build time and page weight for 1,000 and 10,000 synthetic listings (needs ../shared/bench).
bench: $(BIN)/python browser
	$(PIP) -e ".[test]"
	$(BIN)/python tests/benchmark.py 0 1000 10000
