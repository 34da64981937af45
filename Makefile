# Politikspor: two commands on a fresh machine.
#   make run   – install into .venv, start embedded PostgreSQL + Redis, migrate, load the demo,
#                serve on http://127.0.0.1:8000 with a Celery worker (Ctrl-C stops everything)
#   make test  – the whole suite on real PostgreSQL (embedded unless DATABASE_URL is set)

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
APPS := core accounts councils policies hearings actionplans reports

.PHONY: run test test-fast lint format migrations-check deploy-check messages browser-deps install services clean bench load backup restore

run: install
	$(PY) -m devstack run

test: install browser-deps
	$(PY) -m devstack test $(PYTEST_ARGS)

# Without the browser tests (they need Debian's Chromium).
test-fast: install
	$(PY) -m devstack test -m "not browser" $(PYTEST_ARGS)

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Politikspor kræver Python 3.11 ($(PYTHON) findes ikke)"; exit 2; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.lock
	touch $(STAMP)

# Browser tests drive Debian's Chromium; never a downloaded browser.
browser-deps:
	@test -x /usr/bin/chromium || { \
	  echo "Installerer Debians chromium (til browsertestene) …"; \
	  if [ "$$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

services: install
	$(PY) -m devstack services

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MAKE) --no-print-directory migrations-check deploy-check

migrations-check: install
	$(PY) -m devstack postgres
	$(PY) manage.py makemigrations --check --dry-run

# `check --deploy` with the values a production deployment sets.
deploy-check: install
	DJANGO_DEBUG=0 SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') \
	ALLOWED_HOSTS=politikspor.example.dk DATABASE_URL=postgres://u:p@localhost:5432/politikspor \
	$(PY) manage.py check --deploy --fail-level WARNING

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Regenerate and compile the message catalogues (needs gettext).
messages: install
	for app in $(APPS); do \
	  (cd $$app && ../$(PY) ../manage.py makemessages -l en --no-obsolete >/dev/null); done
	$(PY) manage.py makemessages -l en --no-obsolete -i '.venv/*' -i 'var/*' -i 'staticfiles/*' \
	  -i 'bench/*' -i 'tests/*' -i 'devstack/*' $(foreach app,$(APPS),-i '$(app)/*')
	$(PY) manage.py compilemessages -i .venv -i var

bench: install
	POLITIKSPOR_KEEP_SERVICES=1 $(PY) -m devstack services
	for script in bench/bench_*.py; do $(PY) $$script || exit 1; done

# 50 users for 3 minutes against gunicorn with DEBUG off (LOAD_ARGS="--seconds 60 --nginx").
load: install
	$(PY) bench/load.py $(LOAD_ARGS)

# pg_dump of the database plus the uploaded files, into var/backups/<time>/ (or BACKUP=dir).
backup: install
	$(PY) -m devstack backup $(BACKUP)

# Put a backup back: make restore BACKUP=var/backups/20261201-120000 (stop make run first).
restore: install
	@test -n "$(BACKUP)" || { echo "Angiv mappen: make restore BACKUP=var/backups/…"; exit 2; }
	$(PY) -m devstack restore $(BACKUP)

clean:
	rm -rf $(VENV) staticfiles
