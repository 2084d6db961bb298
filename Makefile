# Contributor shortcuts; each is one line you can also type yourself.
PY ?= .venv/bin/python

.PHONY: install run chat test lint i18n-update i18n-compile bench

install:
	python3 -m venv .venv && .venv/bin/pip install -q -e ".[dev]"
run:
	$(PY) -m bot
chat:
	$(PY) -m bot chat
test:
	$(PY) tools/check.py
lint:
	$(PY) -m ruff check . && $(PY) -m ruff format --check . && $(PY) -m mypy
i18n-update:
	$(PY) tools/i18n.py update
i18n-compile:
	$(PY) tools/i18n.py compile
bench:
	for script in bench/*.py; do $(PY) $$script || exit 1; done
