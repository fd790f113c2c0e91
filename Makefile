# plankg: `make run` does the main job on the local server (set-up included); `make test` runs the tests.
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
LINT    := tests/graph/lint

.PHONY: run test bench eval setup test-setup clean

run: $(STAMP)
	$(BIN)/plankg run corpus

test: $(STAMP) test-setup
	$(BIN)/python -m pytest tests -q

bench: $(STAMP)
	$(BIN)/python -m tests.bench

eval: $(STAMP)
	$(BIN)/plankg eval ../shared/gold ../shared/seeds ../shared/dev-docs

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# What the tests need beyond Python: Node's Cypher linter and a headless Chromium for the HTML export test.
test-setup:
	@if [ -f $(LINT)/package.json ] && [ ! -d $(LINT)/node_modules ]; then cd $(LINT) && npm ci --no-audit --no-fund --loglevel=error; fi
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; \
	  else echo "chromium is missing: sudo apt-get install chromium" >&2; exit 1; fi; }

clean:
	rm -rf $(VENV) out *.egg-info
