"""Shared test setup: hooks here, fixtures in ``helpers/fixtures.py`` (see ``tests/README.md``).

Why each piece is here:

* ``QT_QPA_PLATFORM=offscreen`` is set before anything imports Qt, so unit and widget tests need no
  display. The end-to-end tests start their own Xvfb and run the app in a subprocess.
* Each test is marked by the folder it sits in (``unit``, ``ui``, ``e2e``, ``crash``), so a run picks
  kinds with ``-m`` (``make check`` runs ``-m "unit or ui"``) while the folders follow the source tree.
* A per-test hang guard (``faulthandler.dump_traceback_later(..., exit=True)``): a QtMultimedia
  deadlock freezes every Python thread, so neither QTimer nor pytest-timeout can end it. faulthandler's
  watchdog is a C thread that needs no GIL: it prints every thread's stack and exits the run.
* Qt warnings fail a test (pytest-qt, ``qt_log_level_fail``) except the short list in pytest.ini
  options below, each with the reason it is harmless.
* Every test gets its own data folder; nothing ever touches the real user folders.
"""

from __future__ import annotations

import faulthandler
import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("SMRTPLAYER_DATA_DIR", None)

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

pytest_plugins = ["helpers.fixtures"]

DEFAULT_TEST_LIMIT_S = 120
#: Folders whose tests are not unit tests, and the marker each gives; every other test is ``unit``.
KIND_BY_FOLDER = {"ui": "ui", "e2e": "e2e", "crash": "crash"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-stress", action="store_true", help="also run the long stress tests")


def _kind(item: pytest.Item) -> str:
    try:
        folder = item.path.relative_to(TESTS).parts[0]
    except ValueError:
        return "unit"
    return KIND_BY_FOLDER.get(folder, "unit")


@pytest.hookimpl(tryfirst=True)  # the marks must be on before -m selects by them
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(_kind(item))
    if config.getoption("--run-stress"):
        return
    skip = pytest.mark.skip(reason="long stress run: use 'make stress'")
    for item in items:
        if "stress" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    marker = item.get_closest_marker("time_limit")
    limit = int(marker.args[0]) if marker else DEFAULT_TEST_LIMIT_S
    faulthandler.dump_traceback_later(limit, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
