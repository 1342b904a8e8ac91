# Linkwatch: `make run` (the main job end to end) and `make test` (everything CI checks).
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAUNCHER := neo4j/target/classes/io/linkwatch/neo4j/Launcher.class
# The analyst console (console/): rebuilt only when its sources, lockfile or build config change.
CONSOLE_SRC := $(shell find console/src -type f 2>/dev/null) console/index.html console/package.json \
	console/package-lock.json console/tsconfig.json console/vite.config.ts
CONSOLE := console/dist/index.html

.PHONY: install run test unit lint typecheck pytest bench schema clean stop console

install: $(STAMP) $(LAUNCHER) $(CONSOLE)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

$(LAUNCHER): neo4j/pom.xml $(shell find neo4j/src -name '*.java')
	cd neo4j && mvn -q -B package -DskipTests
	touch $(LAUNCHER)

# npm ci wipes node_modules and installs exactly the lockfile; the build typechecks (strict) then bundles.
$(CONSOLE): $(CONSOLE_SRC)
	cd console && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent
	touch $(CONSOLE)

console: $(CONSOLE)

run: install
	bash scripts/run.sh

stop:
	-$(BIN)/linkwatch worker-stop 2>/dev/null
	-$(BIN)/linkwatch serve-stop 2>/dev/null
	$(BIN)/linkwatch neo4j stop

lint: install
	$(BIN)/ruff check app loaders scenarios tests bench
	$(BIN)/ruff format --check app loaders scenarios tests bench
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

schema: install
	$(BIN)/linkwatch schema export --check

# No database and no Java (tests/unit/conftest.py refuses both): the quick loop while editing.
unit: install
	$(BIN)/pytest -q -p no:cacheprovider tests/unit

pytest: install
	$(BIN)/pytest -q -p no:cacheprovider

test: lint typecheck schema pytest

bench: install
	bash bench/run_all.sh

clean:
	rm -rf $(VENV) neo4j/target console/node_modules console/dist
