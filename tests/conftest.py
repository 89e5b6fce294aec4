"""Shared test setup.

Why each piece is here:

* ``QT_QPA_PLATFORM=offscreen`` is set before anything imports Qt, so unit and widget tests need no
  display. The end-to-end tests start their own Xvfb and run the app in a subprocess.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers.media import MediaFactory

DEFAULT_TEST_LIMIT_S = 120
REPO_ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-stress", action="store_true", help="also run the long stress tests")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "time_limit(seconds): raise this test's hang-guard limit")
    config.addinivalue_line("markers", "stress: long runs, only with --run-stress (make stress)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
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


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    return folder


@pytest.fixture
def app_paths(data_dir: Path):  # type: ignore[no-untyped-def]
    from smrtplayer.app.paths import AppPaths

    return AppPaths.resolve(data_dir)


@pytest.fixture(autouse=True)
def _no_thumbnail_work_left_behind() -> Iterator[None]:
    """The shared frame grabber works through its queue asynchronously; a request whose library has
    closed is dropped, so a broken file of one test is not opened (and warned about) in the next."""
    yield
    grabber_module = sys.modules.get("smrtplayer.player.frame_grabber")
    if grabber_module is not None:
        grabber_module.FrameGrabber.drop_unwanted()


@pytest.fixture
def context(app_paths, qapp):  # type: ignore[no-untyped-def]
    """A real AppContext on a fresh data folder, with the built-in demo course registered."""
    from smrtplayer.app.context import AppContext

    ctx = AppContext.open(app_paths)
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> MediaFactory:
    """Generates small real video files (PyAV) once per session and caches them by parameters."""
    return MediaFactory(tmp_path_factory.mktemp("media"))


@pytest.fixture
def demo_course_dir() -> Path:
    return REPO_ROOT / "courses" / "demo"
