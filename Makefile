# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
BILAT := $(VENV)/bin/bilat
STAMP := $(VENV)/.installed-stamp
DB ?= bilat.db

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BILAT) load-starter --db $(DB)
	$(BILAT) brief Kazakhstan Russia --db $(DB)
	$(BILAT) brief KAZ RUS --db $(DB) --format html --output out/kaz-rus.html

# pytest exits 5 when it collected no test: that is a failure, not a pass.
test: $(STAMP)
	$(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests"; exit 1; fi; exit $$rc

lint: $(STAMP)
	$(VENV)/bin/ruff check bilat tests bench
	$(VENV)/bin/ruff format --check bilat tests bench
	$(VENV)/bin/mypy

# Extraction quality (P/R/F1 against labelled texts and the seeds) and speed vs quantulum3.
bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) out $(DB) .pytest_cache .mypy_cache .ruff_cache
