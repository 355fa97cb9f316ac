# The two commands of the README: `make serve` (site, live reload) and `make test` (every test).
# Both set up a fresh machine first: a virtualenv from requirements.txt (exact pins) and
# KaTeX from package-lock.json (npm ci).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup chromium serve build test lint bench plots clean

$(STAMP): requirements.txt pyproject.toml package.json package-lock.json
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(STAMP)

serve: setup  ## build, then serve at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: setup  ## the static site into site/
	$(BIN)/mkdocs build --strict

test: setup chromium  ## lint, unit and property tests, the site build and the browser tests
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 -m "not site"  # the package: two workers
	$(BIN)/python -m pytest -n 2 -m site        # the site: one strict build, shared by both workers

chromium:  ## the browser tests drive Debian's Chromium; install it when it is missing (needs root)
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

lint: setup
	$(BIN)/ruff check .

bench: setup  ## speed and memory against torch and the seed formulas (not a test)
	$(BIN)/python scripts/benchmark.py

plots: setup
	$(BIN)/python scripts/plots.py

clean:
	rm -rf site .cache docs/img/generated docs/notebooks/*.ipynb
