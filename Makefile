# smrtplayer developer commands. `make run` and `make test` are the README's quick start;
# `make check` is the quick loop while working (lint, unit and widget tests).
# Each creates or updates .venv with a Python >= 3.12 found by tools/find-python.

VENV      ?= .venv
PY        := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.stamp-run
DEV_STAMP := $(VENV)/.stamp-dev
# A Qt multimedia deadlock can freeze every Python thread; the outer kill keeps a run bounded
# (the per-test guard in tests/conftest.py normally fires first).
SUITE_LIMIT_S ?= 2700
TIMEOUT   := $(shell command -v timeout >/dev/null 2>&1 && echo "timeout -s KILL $(SUITE_LIMIT_S)")
PYTEST_ARGS ?=
# `make check`: the unit and widget tests (markers given by folder in tests/conftest.py) in parallel.
# Each xdist worker is its own process with its own long-lived player. Much of a widget test is waiting
# for real playback, so more workers than cores overlap the waits (on a busy 2-core machine 4 workers
# took ~20 % less time than 2). --dist loadfile keeps a test file on one worker, so module fixtures
# are built once.
CHECK_MARKERS ?= (unit or ui) and not own_process
CHECK_WORKERS ?= 4
CHECK_ARGS    ?= -n $(CHECK_WORKERS) --dist loadfile
CHECK_LIMIT_S ?= 600
CHECK_TIMEOUT := $(shell command -v timeout >/dev/null 2>&1 && echo "timeout -s KILL $(CHECK_LIMIT_S)")

.PHONY: run check test lint fmt dist deb demo fixtures bench stress screenshots clean venv translations

$(VENV)/.stamp-python:
	@if [ -x "$(PY)" ] && "$(PY)" -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		echo "Using the existing $(VENV) ($$("$(PY)" --version))"; \
	else \
		python="$$(tools/find-python)" || exit 1; \
		echo "Creating $(VENV) with $$python"; \
		rm -rf "$(VENV)" && "$$python" -m venv "$(VENV)"; \
	fi
	@touch $@

$(RUN_STAMP): pyproject.toml $(VENV)/.stamp-python
	$(PY) -m pip install --disable-pip-version-check -q -e .
	tools/unpack-shiboken-support $(PY) || echo "shiboken's support stays embedded (starts ~15 ms slower)"
	@touch $@

$(DEV_STAMP): pyproject.toml $(VENV)/.stamp-python
	$(PY) -m pip install --disable-pip-version-check -q -e '.[test,build]'
	tools/unpack-shiboken-support $(PY) || echo "shiboken's support stays embedded (starts ~15 ms slower)"
	@touch $@ $(RUN_STAMP)

venv: $(DEV_STAMP)

run: $(RUN_STAMP)
	$(PY) -m smrtplayer $(ARGS)

lint: $(DEV_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports

fmt: $(DEV_STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

check: lint
	$(CHECK_TIMEOUT) $(PY) -m pytest -m "$(CHECK_MARKERS)" $(CHECK_ARGS) $(PYTEST_ARGS)

# Tests marked own_process each get a fresh interpreter (see tests/README.md for why), after the rest.
test: lint
	$(TIMEOUT) $(PY) -m pytest -m "not own_process" $(PYTEST_ARGS)
	@nodes="$$($(PY) -m pytest -q --collect-only -m own_process -p no:cacheprovider | grep '::')" || exit 1; \
	for node in $$nodes; do \
		$(TIMEOUT) $(PY) -m pytest -q -p no:cacheprovider "$$node" $(PYTEST_ARGS) || exit 1; \
	done

# The catalogues: lupdate collects every tr()/translate()/QT_TRANSLATE_NOOP text of the sources into the
# German .ts (translate the new entries with pyside6-linguist, see docs/translating.md) and the plural forms
# into the English one ("%n lesson(s)" -> "1 lesson", "2 lessons"); lrelease compiles them. The .ts and
# .qm files are committed, so a fresh clone runs without this step; tests/ui/i18n checks they are current.
LUPDATE := $(VENV)/bin/pyside6-lupdate -silent -no-obsolete -locations none -extensions py src/smrtplayer
translations: $(DEV_STAMP)
	$(LUPDATE) -ts assets/i18n/smrtplayer_de.ts
	$(LUPDATE) -pluralonly -ts assets/i18n/smrtplayer_en.ts
	for ts in assets/i18n/smrtplayer_*.ts; do $(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; done

dist: $(DEV_STAMP)
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build/work build/pyinstaller.spec
	@du -sh dist/smrtplayer

# The Debian package of the bundle above (dpkg-deb; see tools/build_deb.py for what goes where).
deb: dist
	$(PY) tools/build_deb.py --bundle dist/smrtplayer --out dist

demo: $(DEV_STAMP)
	$(PY) tools/make_demo_course.py

fixtures: $(DEV_STAMP)
	$(PY) tools/make_db_fixtures.py --only-missing

bench: $(DEV_STAMP)
	@command -v mpv >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && apt-get install -y -qq --no-install-recommends mpv >/dev/null; \
		else echo "mpv (the peer for playback figures) is missing: sudo apt-get install mpv"; fi; }
	$(PY) benchmarks/run_all.py

# The README's screenshots: the real app under Xvfb (apt-get install xvfb openbox), into docs/screenshots/.
screenshots: $(DEV_STAMP)
	$(PY) tools/make_screenshots.py

stress: $(DEV_STAMP)
	$(TIMEOUT) $(PY) -m pytest -m stress --run-stress $(PYTEST_ARGS)

clean:
	rm -rf dist build/work .pytest_cache .mypy_cache .ruff_cache
