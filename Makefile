# Two commands do everything:  `make run` (set up + process corpus/ into outputs/)  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test model eval bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: setup                      ## process corpus/ into outputs/ with the Prefect flow
	$(BIN)/python flows.py

test: setup                     ## the test suite (what CI runs)
	$(BIN)/python -m pytest -q

model: setup                    ## retrain our own German pipeline from ../shared/data
	$(BIN)/python -m pipeline.train

eval: setup                     ## accuracy gates that need ../shared
	$(BIN)/python -m pipeline eval ner ../shared/data/ner/germeval2014/dev.tsv.gz
	$(BIN)/python -m pipeline eval roles
	$(BIN)/python -m pipeline eval claims --split dev

bench: setup                    ## benchmarks (tables in benchmarks/README.md)
	for f in benchmarks/bench_*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf outputs .prefect .pytest_cache
