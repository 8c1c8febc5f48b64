# LIN Platform: the two commands a developer needs are `make run` and `make test`.
#
# Everything runs inside .venv (created with `python3 -m venv` when missing). The package is
# (re)installed only when pyproject.toml changed since the last install (stamp file), and the
# message catalogues are compiled with Babel, so no system gettext is needed for run or test.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed-stamp
# Extra arguments for pytest, e.g. `make test PYTEST_ARGS="-x tests/networks"`.
PYTEST_ARGS ?=
# Processes for the fast tests (pytest-xdist); the browser and real-worker tests run alone.
TEST_WORKERS ?= 2
# The port of `make run` (SITE_URL, the address in mails, follows it unless set).
PORT ?= 8000

PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)

.DEFAULT_GOAL := help
.PHONY: help install compilemessages run test lint format messages clean

help:
	@echo "make run              start the platform on http://127.0.0.1:8000 (web, Celery worker and beat; PORT=8001 make run for another port)"
	@echo "make test             run the whole test suite (SQLite; PostgreSQL when DATABASE_URL is set)"
	@echo "make lint             ruff check, ruff format --check, lint-imports, makemigrations --check"
	@echo "make format           ruff format and ruff check --fix"
	@echo "make messages         update the Dutch catalogue (needs GNU gettext) and compile it"
	@echo "make clean            remove the virtualenv, compiled catalogues and collected static files"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	@echo "Installing LIN Platform and its packages into $(VENV) (one to two minutes the first time)..."
	$(PY) -m pip install --disable-pip-version-check --progress-bar on -e ".[dev]"
	@echo "Installed."
	@touch $@

install: $(STAMP)

# Babel skips a catalogue whose header is still marked fuzzy without failing: catch that here.
locale/%.mo: locale/%.po | $(STAMP)
	$(BIN)/pybabel compile --domain=$(basename $(notdir $<)) -i $< -o $@
	@test -f $@ || { echo "$< was not compiled: remove its '#, fuzzy' flags" >&2; exit 1; }

compilemessages: $(MO_FILES)

run: install compilemessages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --if-empty
	@echo
	@echo "LIN Platform on http://127.0.0.1:$(PORT) (mails are stored as files under var/mail/)."
	@echo "Press Ctrl-C to stop the web server, the Celery worker and beat."
	@echo
	SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}" PATH="$(CURDIR)/$(BIN):$$PATH" \
		$(BIN)/honcho start -f Procfile --port $(PORT)

# pytest exits 5 when it collected no test: that is a failure too, and says so.
# Two passes: the fast tests on TEST_WORKERS processes (pytest-xdist), then the browser and
# real-worker tests one at a time (they start servers of their own). A pass that collects
# nothing (e.g. PYTEST_ARGS naming only fast tests) is fine; both collecting nothing is not.
test: install compilemessages
	@fast=0; slow=0; \
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not browser and not e2e" $(PYTEST_ARGS) || fast=$$?; \
	$(PY) -m pytest -m "browser or e2e" $(PYTEST_ARGS) || slow=$$?; \
	if [ $$fast -eq 5 ] && [ $$slow -eq 5 ]; then echo "make test: pytest collected no test (exit 5)" >&2; exit 5; fi; \
	[ $$fast -eq 5 ] && fast=0; [ $$slow -eq 5 ] && slow=0; \
	[ $$fast -eq 0 ] && [ $$slow -eq 0 ]

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(PY) manage.py makemessages -l nl --no-obsolete -i staticfiles -i var -i build -i test-results -i tests -i .venv
	$(MAKE) compilemessages

clean:
	rm -rf $(VENV) staticfiles test-results
	find locale -name '*.mo' -delete 2>/dev/null || true
