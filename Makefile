# The two commands a new user needs: `make run` and `make test`.
VENV    ?= .venv
BIN      = $(VENV)/bin
STAMP    = $(VENV)/.es2en-setup
SEEDS   ?= seeds
OUT     ?= build

.PHONY: run test setup bench fuzz clean

run: $(STAMP)
	$(BIN)/es2en translate $(SEEDS) --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest -q

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $@

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(OUT)/* $(VENV) .pytest_cache
	touch $(OUT)/.gitkeep

# Hypothesis fuzzing of the segmenter, number parser, glossary matcher and readers:
# ≥ 2,000 examples each (profile es2en-fuzz in tests/conftest.py); `make test` runs fewer.
fuzz: $(STAMP)
	ES2EN_FUZZ=1 $(BIN)/python -m pytest -q tests/test_fuzz.py
