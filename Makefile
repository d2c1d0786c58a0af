# The two entry points of README.md. Each installs what it needs and is safe to run again.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve chromium clean

# Build site/ from the reports in content/reports, search index included (ready to publish).
site: $(STAMP)
	$(BIN)/brief build --search wait

# Lint and run every test, browser tests included.
test: $(STAMP) chromium
	$(BIN)/ruff check builder tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 --dist loadgroup
	# ProperDocs, the maintained fork of MkDocs 1.x, builds the same site with the same
	# plugins: moving to it is one line (`properdocs` for `mkdocs` in builder/mkdocs_plugin.py)
	$(BIN)/properdocs build --strict --quiet --site-dir .cache/properdocs-site

serve: $(STAMP)
	$(BIN)/brief serve

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

clean:
	rm -rf site .cache
