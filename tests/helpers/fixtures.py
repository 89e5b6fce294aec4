"""The fixtures every test folder shares, loaded by ``tests/conftest.py`` (``pytest_plugins``).

Fixtures live here, once, rather than in the test modules or in per-folder conftests: a test that needs
a data folder, a real context, the library service, a fake clock or the hold widgets' problem boxes
asks for it by name wherever it sits. Modules of the app are imported inside the fixtures so that
collecting a test that needs none of them stays cheap.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers.clock import FakeClock, advance_clock
from helpers.dvd import AuthoredDvd, author_dvd, dvdauthor_available
from helpers.media import MediaFactory

if TYPE_CHECKING:
    from helpers.library import Library
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths

REPO_ROOT = Path(__file__).resolve().parents[2]

#: ``advance(ms)`` lets ``ms`` pass on the hold clock in one jump; ``advance(ms, step_ms=...)`` in steps.
Advance = Callable[..., None]


# Data folders and the application context


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    return folder


@pytest.fixture
def app_paths(data_dir: Path) -> AppPaths:
    from smrtplayer.app.paths import AppPaths

    return AppPaths.resolve(data_dir)


@pytest.fixture
def context(app_paths: AppPaths, qapp) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """A real AppContext on a fresh data folder, with the built-in demo course registered."""
    from smrtplayer.app.context import AppContext

    ctx = AppContext.open(app_paths)
    yield ctx
    ctx.close()


@pytest.fixture
def other(tmp_path: Path, qapp) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """The second computer: a real AppContext on a data folder of its own, beside ``context``'s."""
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths

    ctx = AppContext.open(AppPaths.resolve(tmp_path / "other-computer"))
    yield ctx
    ctx.close()


@pytest.fixture(autouse=True)
def _no_thumbnail_work_left_behind() -> Iterator[None]:
    """The shared frame grabber works through its queue asynchronously; a request whose library has
    closed is dropped, so a broken file of one test is not opened (and warned about) in the next."""
    yield
    grabber_module = sys.modules.get("smrtplayer.player.frame_grabber")
    if grabber_module is not None:
        grabber_module.FrameGrabber.drop_unwanted()


# Media and courses


@pytest.fixture(scope="session")
def authored_dvd(tmp_path_factory: pytest.TempPathFactory) -> AuthoredDvd:
    """A real DVD authored with dvdauthor once per session, its title split into two VOB parts."""
    if not dvdauthor_available():
        pytest.fail("dvdauthor is not installed (tools/debian-packages.txt lists it)")
    return author_dvd(tmp_path_factory.mktemp("dvd"))


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> MediaFactory:
    """Generates small real video files (PyAV) once per session and caches them by parameters."""
    return MediaFactory(tmp_path_factory.mktemp("media"))


@pytest.fixture
def demo_course_dir() -> Path:
    return REPO_ROOT / "courses" / "demo"


@pytest.fixture
def library(tmp_path: Path, qapp) -> Iterator[Library]:  # type: ignore[no-untyped-def]
    """A store, repositories and a LibraryService on a fresh data folder, without the rest of the app."""
    from helpers.library import Library
    from smrtplayer.library.service import LibraryService
    from smrtplayer.store.courses import CourseRepository
    from smrtplayer.store.db import Store
    from smrtplayer.store.resume import ProgressRepository

    data = tmp_path / "data"
    (data / "library").mkdir(parents=True)
    store = Store.open(data / "smrtplayer.sqlite3")
    courses = CourseRepository(store)
    service = LibraryService(courses, data / "library")
    yield Library(store, courses, ProgressRepository(store), service, data / "library")
    service.shutdown()
    store.close()


# Time


@pytest.fixture
def clock() -> FakeClock:
    """A monotonic clock that moves only when the test moves it."""
    return FakeClock()


@pytest.fixture
def hold_clock(context: AppContext, clock: FakeClock) -> FakeClock:
    """``clock``, made the hold services' clock; it must be in place before their timer is first used."""
    context.holds.clock = clock
    return clock


@pytest.fixture
def advance(context: AppContext, hold_clock: FakeClock) -> Advance:
    """Lets time pass on the hold clock and wakes the hold timer (see ``advance_clock``)."""

    def let_pass(ms: int, *, step_ms: int | None = None) -> None:
        advance_clock(hold_clock, context.holds.timer, ms, step_ms=step_ms)

    return let_pass


# Message boxes


@pytest.fixture
def problems(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the hold widgets would show in a problem box, collected instead (a real box would block)."""
    from smrtplayer.ui.holds import hold_panel, plan_editor, practice_log_view

    shown: list[str] = []

    def collect(_parent: object, title: str, text: str) -> None:
        shown.append(f"{title}: {text}")

    # Each module holds its own reference to the function it imported.
    for module in (hold_panel, plan_editor, practice_log_view):
        monkeypatch.setattr(module, "show_problem", collect)
    return shown


# The frozen bundle


@pytest.fixture(scope="session")
def frozen_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle's executable, built once per session: the bundle and package tests share it."""
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed: pip install -e '.[build]'")
    from helpers.bundle import build_bundle

    return build_bundle(tmp_path_factory.mktemp("bundle"))
