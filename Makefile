# The interview workbench: `make run` to try it, `make test` to test it. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export UV_PYTHON_DOWNLOADS := never
export PYTHONDONTWRITEBYTECODE := 1

TOOLS := .tools
UV := $(shell command -v uv 2>/dev/null || echo $(TOOLS)/venv/bin/uv)
PY := .venv/bin/python
MANAGE := $(PY) manage.py
NPM_DIR := theme/static_src
CSS := theme/static/css/dist/styles.css
CSS_INPUTS := $(shell find templates interviews glossary static/js $(NPM_DIR)/src \
	-type f \( -name '*.html' -o -name '*.py' -o -name '*.js' -o -name '*.css' \) 2>/dev/null)
DEV_ENV := DJANGO_DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run test lint format serve deps migrate demo clean bench loadtest lighthouse vocabulary

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(TOOLS)/venv/bin/uv:
	python3 -m venv $(TOOLS)/venv
	$(TOOLS)/venv/bin/pip install --quiet --disable-pip-version-check uv

.venv/.synced: pyproject.toml uv.lock .python-version | $(UV)
	$(UV) sync --locked
	@touch $@

$(NPM_DIR)/node_modules/.installed: $(NPM_DIR)/package.json $(NPM_DIR)/package-lock.json
	cd $(NPM_DIR) && npm ci --no-audit --no-fund
	@touch $@

$(CSS): .venv/.synced $(NPM_DIR)/node_modules/.installed $(CSS_INPUTS)
	$(DEV_ENV) $(MANAGE) tailwind build

deps: .venv/.synced $(CSS) ## Install locked Python and npm dependencies and build the CSS

migrate: deps
	$(DEV_ENV) $(MANAGE) migrate --no-input
	$(DEV_ENV) $(MANAGE) load_default_content --if-empty

demo: migrate ## Create the demo accounts and a demo position (passwords are printed once)
	$(DEV_ENV) $(MANAGE) create_demo_accounts

# The task worker (notification emails, the daily reminder) runs beside the server and stops with it.
run: demo ## Set everything up and serve http://127.0.0.1:8000 with the dev server and the task worker
	$(DEV_ENV) $(MANAGE) schedule_reminders
	$(DEV_ENV) $(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
		$(DEV_ENV) $(MANAGE) runserver $(HOST):$(PORT)

test: deps ## Run every test (SQLite, or PostgreSQL when DATABASE_URL is set), browser tests included
	@if [ -z "$$PLAYWRIGHT_CHROMIUM_EXECUTABLE" ] && [ ! -x /usr/bin/chromium ]; then \
		$(PY) -m playwright install chromium; fi
	$(PY) -m pytest $(PYTEST_ARGS)

bench: deps ## Benchmark the app against bare Django at 10,000 screenings, and the decoder on real résumés (docs/performance.md)
	$(PY) benchmarks/run.py
	$(PY) benchmarks/decode.py
	$(PY) benchmarks/panel_sizes.py
	-$(PY) benchmarks/fetch_evaluation.py
	$(PY) benchmarks/evaluate.py

loadtest: deps ## Two app instances under 50 simulated recruiters while workers are killed (PostgreSQL, Redis)
	loadtest/run.sh

lighthouse: deps ## Lighthouse scores of sign-in, dashboard, workbench, scorecard and review (Chromium, npm)
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --silent
	$(PY) benchmarks/lighthouse.py

LINGUIST_VERSION := 9.5.0
DEVICON_VERSION := 2.17.0
SIMPLE_ICONS_VERSION := 16.37.0
VOCABULARY := var/vocabulary
vocabulary: deps ## Rebuild the decoder's recognised vocabulary (linguist-languages, devicon, simple-icons)
	rm -rf $(VOCABULARY) && mkdir -p $(VOCABULARY)
	for p in linguist-languages@$(LINGUIST_VERSION) devicon@$(DEVICON_VERSION) \
		simple-icons@$(SIMPLE_ICONS_VERSION); do \
		name=$${p%@*}; mkdir -p $(VOCABULARY)/$$name; \
		(cd $(VOCABULARY) && npm pack --silent $$p >/dev/null \
			&& tar xzf $$name-*.tgz -C $$name --strip-components=1) || exit 1; done
	cd $(VOCABULARY)/linguist-languages && node --input-type=module -e "\
		import * as all from './index.js'; import fs from 'node:fs';\
		const p = JSON.parse(fs.readFileSync('package.json'));\
		const languages = Object.values(all).map(l => ({name: l.name, type: l.type, aliases: l.aliases || []}));\
		console.log(JSON.stringify({name: p.name, version: p.version, license: p.license, languages}));" \
		> ../languages.json
	cd $(VOCABULARY) && for pair in devicon:devicon.json simple-icons:data/simple-icons.json; do \
		name=$${pair%%:*}; node -e "\
		const fs = require('fs'); const p = JSON.parse(fs.readFileSync('$$name/package.json'));\
		const icons = JSON.parse(fs.readFileSync('$$name/$${pair#*:}'));\
		console.log(JSON.stringify({name: p.name, version: p.version, license: p.license, icons}));" \
		> $$name.json || exit 1; done
	$(DEV_ENV) $(MANAGE) update_vocabulary $(VOCABULARY)
	{ for f in linguist-languages/LICENSE linguist-languages/ThirdPartyNoticeText.txt \
		devicon/LICENSE simple-icons/LICENSE.md simple-icons/DISCLAIMER.md; do \
		printf '==> %s <==\n' "$$f"; cat $(VOCABULARY)/$$f; echo; done; } \
		> glossary/data/recognised-LICENSE.txt
	rm -rf $(VOCABULARY)  # the unpacked packages (their docs and icons) are not the app's files

lint: .venv/.synced ## Check style and formatting with ruff
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: .venv/.synced ## Fix what ruff can fix and format the code
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

# The production path, locally: collected, hashed and compressed static files served by WhiteNoise
# under gunicorn with production settings (plain HTTP on the loopback, so no SSL redirect).
serve: deps ## Serve with gunicorn, production settings and the task worker on http://127.0.0.1:8000
	@mkdir -p var
	@[ -s var/secret_key ] || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(MANAGE) collectstatic --no-input --verbosity 0
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(MANAGE) migrate --no-input
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(MANAGE) schedule_reminders
	export DJANGO_SECRET_KEY=$$(cat var/secret_key) DJANGO_SECURE_SSL_REDIRECT=0; \
		$(MANAGE) db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
		.venv/bin/gunicorn project.wsgi --bind $(HOST):$(PORT) --workers 2 --no-control-socket \
		--access-logfile -

clean: ## Remove installed dependencies and built files (keeps the database under var/)
	rm -rf .venv $(TOOLS) $(NPM_DIR)/node_modules theme/static/css/dist theme/static/js/vendor staticfiles
