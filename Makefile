# Two commands a new user needs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run lint test test-fast bench soak clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/lerend-tui $(ARGS)

# The gates (README, "Gates"): ruff, mypy on the package, and the import-linter contracts of the layers.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# The suite runs in parallel (pytest-xdist), two workers per core: its tests spend much of their time waiting
# for a screen, a child process or tmux, so one worker per core leaves the cores idle (on 2 cores the suite
# takes 3:15 instead of 4:30). PYTEST_ARGS come after and win, e.g. `make test PYTEST_ARGS="-n0"` for one
# process, `make test TEST_WORKERS=4`. Snapshots are updated without workers, which would write the same
# snapshot files at once: make test PYTEST_ARGS="-n0 --snapshot-update". -rfEs names the failures, the errors and
# the reason of every skipped test (the browser tier's without Chromium, the terminal tier's without tmux).
# --dist loadgroup keeps the tests of an `xdist_group` on one worker: the browser tier's share one Chromium.
TEST_WORKERS ?= $(shell $(PYTHON) -c "import os; print(2 * (os.cpu_count() or 1))")

test: $(STAMP)
	$(BIN)/python -m pytest -q -rfEs -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# The unit tier alone (tests/unit/: the core, no app running), in some 20 s on 2 cores; the other tiers' files
# are not even imported. It keeps the cores busy, so one worker per core. One tier of the whole suite:
# make test PYTEST_ARGS="-m pilot" (unit, pilot, snapshot or terminal).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -n auto $(PYTEST_ARGS) tests/unit

bench: $(STAMP)
	$(BIN)/python -m benchmarks $(ARGS)

# 100 times `kill -9` while typing in tmux (some five minutes); `make soak SOAK_TRIALS=10` for a quick look.
soak: $(STAMP)
	$(BIN)/python -m benchmarks.soak

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
