# Contributor shortcuts; each is one line you can also type yourself.
PY ?= .venv/bin/python

.PHONY: install lock run chat check test lint i18n-update i18n-compile bench

install:
	python3 -m venv .venv && .venv/bin/pip install -q --require-hashes -r requirements-dev.txt && .venv/bin/pip install -q --no-deps -e .
# Regenerate the lockfiles after changing pyproject.toml's dependencies; existing pins are kept
# unless you add --upgrade-package NAME (or --upgrade). Needs uv (`pip install uv`), a dev-time
# tool only.
lock:
	uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes -o requirements.txt && uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes -o requirements-dev.txt
run:
	$(PY) -m bot
chat:
	$(PY) -m bot chat
# The loop before a commit: lint, types and the in-process tests (under a minute).
check:
	$(PY) tools/check.py --fast
# Everything CI runs.
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
