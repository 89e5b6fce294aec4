"""``smrtplayer self-test``: prove on this machine (or inside the frozen bundle) that the app works.

Checks the system libraries, the database, the built-in demo course, that Qt's multimedia backend is
available (a stripped bundle silently loses it), and plays one second of the demo course with no
display, counting decoded frames. The user's resume points are not touched: playback runs against a
throwaway progress store.
"""

from __future__ import annotations

import faulthandler
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from smrtplayer import __version__
from smrtplayer.app.paths import AppPaths
from smrtplayer.common.errors import SmrtError
from smrtplayer.common.native_memory import return_freed_memory
from smrtplayer.models.settings import SELF_TEST_LAST_RUN

PLAY_FOR_MS = 1000
PLAY_DEADLINE_S = 20
HANG_GUARD_S = 120
UNLOAD_WAIT_MS = 100


class _Report:
    def __init__(self) -> None:
        self.checks: list[dict[str, Any]] = []

    def run(self, name: str, check: Callable[[], dict[str, Any]]) -> bool:
        started = time.perf_counter()
        try:
            detail = check()
            ok = bool(detail.pop("ok", True))
        except SmrtError as error:
            ok, detail = False, {"error": str(error)}
        except Exception as error:  # a self-test reports every failure instead of crashing
            ok, detail = False, {"error": f"{type(error).__name__}: {error}"}
        detail["ms"] = round((time.perf_counter() - started) * 1000, 1)
        self.checks.append({"name": name, "ok": ok, **detail})
        return ok


def run_self_test(paths: AppPaths) -> dict[str, Any]:
    faulthandler.dump_traceback_later(HANG_GUARD_S, exit=True)
    try:
        return _run(paths)
    finally:
        faulthandler.cancel_dump_traceback_later()


def _run(paths: AppPaths) -> dict[str, Any]:
    report = _Report()
    info: dict[str, Any] = {
        "version": __version__,
        "python": platform.python_version(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "data_dir": str(paths.data),
    }

    def system_libraries() -> dict[str, Any]:
        from smrtplayer.app.syscheck import check_system_libraries

        check_system_libraries(window=False)
        return {}

    if not report.run("system-libraries", system_libraries):
        return _finish(info, report)

    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import PySide6
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "smrtplayer"])
    info["qt"] = PySide6.__version__
    info["qt_platform"] = QGuiApplication.platformName()

    from smrtplayer.app.context import AppContext

    holder: dict[str, Any] = {}

    def database() -> dict[str, Any]:
        from smrtplayer.store.integrity import IntegrityCheck

        context = AppContext.open(paths)
        holder["context"] = context
        check = context.store.quick_check()
        # The full check too: quick_check does not compare an index with its table.
        full = IntegrityCheck(context.store.path).run()
        context.settings.set(SELF_TEST_LAST_RUN, time.time())
        result: dict[str, Any] = {
            "ok": check == "ok" and full.ok,
            "quick_check": check,
            "integrity_check": "ok" if not full.problems else list(full.problems[:5]),
            "indexes_rebuilt": full.repaired,
            "schema_version": context.store.schema_version,
            "path": str(paths.database),
        }
        if full.message is not None:
            result["error" if not full.ok else "note"] = full.message
        return result

    if not report.run("database", database):
        return _finish(info, report)
    context = holder["context"]

    def demo_course() -> dict[str, Any]:
        builtin = [course for course in context.library.courses() if course.kind == "builtin"]
        lessons = context.library.lessons(builtin[0].id) if builtin else []
        holder["lesson"] = lessons[0] if lessons else None
        present = [lesson for lesson in lessons if Path(lesson.path).is_file()]
        return {
            "ok": bool(lessons) and len(present) == len(lessons) and not context.library.problems,
            "course": builtin[0].title if builtin else None,
            "lessons": len(lessons),
            "problems": context.library.problems,
        }

    report.run("demo-course", demo_course)

    with tempfile.TemporaryDirectory(prefix="smrtplayer-selftest-") as scratch:
        from smrtplayer.player.controller import PlaybackController
        from smrtplayer.store.empty_copy import open_empty_copy
        from smrtplayer.store.resume import ProgressRepository

        # The user's schema, already current, without the migrations that would build it (and the
        # sqlite-utils they import, which would stay resident through the playback).
        scratch_store = open_empty_copy(context.store, Path(scratch) / "selftest.sqlite3")
        player = PlaybackController(ProgressRepository(scratch_store))

        def backend() -> dict[str, Any]:
            return {"ok": player.is_available()}

        def playback() -> dict[str, Any]:
            lesson = holder.get("lesson")
            if lesson is None:
                return {"ok": False, "error": "no demo lesson to play"}
            return _play_one_second(app, player, lesson)

        if report.run("multimedia-backend", backend):
            report.run("playback", playback)
        player.shutdown()
        scratch_store.close()
    # After playback, once the decoder's memory is given back: MediaInfo's library then adds to less
    # (the self-test's peak is what all of it holds at once).
    _let_the_player_unload(app)
    return_freed_memory()

    def container_facts() -> dict[str, Any]:
        # MediaInfo is a native library loaded on first use: a bundle that lost it still plays, but
        # imports would find no chapters and no length for fragmented MP4.
        from smrtplayer.library.container_facts import library_version, read_container_facts

        version = library_version()
        lesson = holder.get("lesson")
        duration_ms = read_container_facts(Path(lesson.path)).duration_ms if lesson is not None else None
        return {
            "ok": lesson is None or bool(duration_ms),
            "mediainfo": version,
            "demo_duration_ms": duration_ms,
        }

    report.run("container-facts", container_facts)
    context.close()
    return _finish(info, report)


def _let_the_player_unload(app: Any) -> None:
    """The backend tears the unloaded file's decoder down on its own threads."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(UNLOAD_WAIT_MS, loop.quit)
    loop.exec()


def _play_one_second(app: Any, player: Any, lesson: Any) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    outcome: dict[str, Any] = {"first_frame_ms": None, "first_frame_at": None, "error": None}
    started = time.perf_counter()

    def on_frame(_image: object) -> None:
        if outcome["first_frame_ms"] is None:
            outcome["first_frame_ms"] = round((time.perf_counter() - started) * 1000, 1)
            # Wall-clock stamp, so a benchmark that launched this process can compute launch->frame.
            outcome["first_frame_at"] = time.time()

    def on_position(position: int) -> None:
        if position >= PLAY_FOR_MS and player.frames_shown >= 5:
            loop.quit()

    def on_failed(message: str) -> None:
        outcome["error"] = message
        loop.quit()

    connections = [
        player.frame_ready.connect(on_frame),
        player.position_changed.connect(on_position),
        player.media_failed.connect(on_failed),
    ]
    QTimer.singleShot(PLAY_DEADLINE_S * 1000, loop.quit)
    player.open_lesson(lesson, autoplay=True, start_ms=0)
    loop.exec()
    position = player.position_ms()
    player.pause()
    for connection in connections:
        player.disconnect(connection)
    image = player.current_image()
    centre = image.pixelColor(image.width() // 2, image.height() // 2) if not image.isNull() else None
    ok = (
        outcome["error"] is None
        and position >= PLAY_FOR_MS
        and player.frames_shown >= 5
        and centre is not None
        and centre.lightness() > 10
    )
    return {
        "ok": ok,
        "lesson": lesson.title,
        "played_ms": position,
        "frames": player.frames_shown,
        "first_frame_ms": outcome["first_frame_ms"],
        "first_frame_at": outcome["first_frame_at"],
        "frame_size": [image.width(), image.height()] if not image.isNull() else None,
        **({"error": outcome["error"]} if outcome["error"] else {}),
    }


def _finish(info: dict[str, Any], report: _Report) -> dict[str, Any]:
    return {**info, "ok": all(check["ok"] for check in report.checks), "checks": report.checks}
