# Kitt — two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup install messages lint format demo bench clean browser-deps

run: setup
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

setup: $(STAMP)

	$(BIN)/python manage.py migrate --noinput -v 0
	$(BIN)/python manage.py demo

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

node_modules/axe-core/axe.min.js: package.json
	npm install --no-audit --no-fund --silent
	touch $@

test: $(STAMP) node_modules/axe-core/axe.min.js

	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/pytest $(PYTEST_ARGS)

messages:
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=node_modules --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore=.venv

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles
