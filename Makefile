# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
BILAT := $(VENV)/bin/bilat
STAMP := $(VENV)/.installed-stamp
NATIVE := $(VENV)/.native-stamp
NATIVE_SOURCES := $(wildcard bilat/extract/*.py) bilat/ingest/layout.py bilat/model.py
DB ?= bilat.db

.PHONY: demo test lint bench clean clean-native

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The extraction modules compiled to C with mypyc (about a fifth faster; build_native.py),
# again whenever one of them changes. `make clean-native` removes them: bilat then runs as
# plain Python.
$(NATIVE): $(STAMP) build_native.py $(NATIVE_SOURCES)
	$(PY) build_native.py > $(VENV)/native-build.log 2>&1 || { tail -20 $(VENV)/native-build.log; exit 1; }
	touch $(NATIVE)

demo: $(NATIVE)
	$(BILAT) load-starter --db $(DB)
	$(BILAT) brief Kazakhstan Russia --db $(DB)
	$(BILAT) brief KAZ RUS --db $(DB) --format html --output out/kaz-rus.html

# pytest exits 5 when it collected no test: that is a failure, not a pass.
test: $(NATIVE)
	$(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests"; exit 1; fi; exit $$rc

lint: $(NATIVE)
	$(VENV)/bin/ruff check bilat tests bench build_native.py
	$(VENV)/bin/ruff format --check bilat tests bench build_native.py
	$(VENV)/bin/mypy

# Extraction quality (P/R/F1 against labelled texts and the seeds) and speed vs quantulum3.
bench: $(NATIVE)
	$(PY) -m bench

clean: clean-native
	rm -rf $(VENV) out $(DB) .pytest_cache .mypy_cache .ruff_cache

clean-native:
	rm -rf build $(NATIVE)
	find bilat -name '*.so' -delete
