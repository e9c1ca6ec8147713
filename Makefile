# The two quick-start commands, and what they need. Everything installs itself: a virtual
# environment in .venv, Debian's chromium for the browser tests, and the accessibility
# checkers (axe-core and the Nu HTML Checker from npm; Java to run the latter).
# The interpreter the environment is made with: Debian's own where it can make one (built with
# profile-guided and link-time optimisation, its libpython linked in), else `python3`. Here
# `python3` is pyenv's default build (neither, and a shared libpython): with Debian's, a build
# of 1,000 listings spends about a sixth less CPU in our Python (see BENCHMARKS.md).
PYTHON ?= $(shell /usr/bin/python3 -c 'import ensurepip, venv' 2>/dev/null && echo /usr/bin/python3 || echo python3)
BIN := .venv/bin
PIP := $(BIN)/pip install --quiet --disable-pip-version-check
# Our own modules compiled once, as pip compiles an installed package's: `python build.py`
# imports them from this folder, and where PYTHONDONTWRITEBYTECODE is set (as on this
# workplace's machines) every build would compile them again first (about 40 ms of its start).
# The templates too (.templates.compiled): each build would compile them (0.12 s of CPU).
COMPILE := $(BIN)/python -m compileall -q signpost build.py && $(BIN)/python build.py compile >/dev/null
APT = SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq

.PHONY: serve test data browser checkers bench

serve: $(BIN)/python
	$(PIP) -e .
	$(COMPILE)
	$(BIN)/python build.py serve

# PYTEST_ARGS picks a tier for CI, e.g. PYTEST_ARGS='-m "not data"'; empty runs every test.
test: $(BIN)/python browser checkers
	$(PIP) -e '.[test]'
	$(COMPILE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The real directory's data tests alone: seconds, no browser. CI runs them first.
data: $(BIN)/python
	$(PIP) -e '.[test]'
	$(COMPILE)
	$(BIN)/python -m pytest -m data

$(BIN)/python:
	$(PYTHON) -m venv .venv

# The browser tests drive the system Chromium; Playwright never downloads a browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { $(APT) chromium; }

checkers:
	@command -v java >/dev/null 2>&1 || { $(APT) default-jre-headless; }
	@command -v npm >/dev/null 2>&1 || { $(APT) nodejs npm; }
	@[ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/vnu-jar/build/dist/vnu.jar ] || \
	  npm ci --no-audit --no-fund --loglevel=error

# Build time, page weight and first-search transfer for the real directory and for 1,000 and
# 10,000 synthetic listings (needs ../shared/bench), each size also built by Hugo + Pagefind
# in the same run for the ratio; exits 1 if a page breaks the budget.
bench: $(BIN)/python browser
	$(PIP) -e ".[test,bench]"
	$(COMPILE)
	$(BIN)/python tests/benchmark.py 0 1000 10000
