"""``smrtplayer PATH`` ("Open with…") on a lesson of the library opens it; only a new file is imported."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.media import MediaFactory
from helpers.player import add_course, open_window
from smrtplayer.app.context import AppContext
from smrtplayer.ui.shell.app import _handle_request


def _two_lessons(context: AppContext, media: MediaFactory, tmp_path: Path):  # type: ignore[no-untyped-def]
    first = media.clip(seconds=1.0, size=(64, 48), fps=10, rgb=(200, 30, 30))
    second = media.clip(seconds=1.0, size=(64, 48), fps=10, rgb=(30, 30, 200))
    return add_course(context, tmp_path / "course", [("Hips", first), ("Neck", second)], uid="known")


pytestmark = pytest.mark.qt_log_ignore("does not support raise")  # offscreen: a hand-over raises the window


def _open_with(window, path: Path) -> None:  # type: ignore[no-untyped-def]
    _handle_request(window, {"action": "open", "path": str(path)})


def test_a_lesson_file_of_the_library_opens_in_its_course(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _two_lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    _open_with(window, lessons[1].path)
    qtbot.waitUntil(lambda: context.playback.lesson is not None, timeout=5000)
    assert context.playback.lesson.id == lessons[1].id
    assert window._current_course_id() == lessons[1].course_id
    assert [course.title for course in context.library.courses() if course.kind != "builtin"] == [
        context.library.course(lessons[1].course_id).title  # type: ignore[union-attr]
    ]
    assert not context.library.running_jobs(), "nothing is imported again"


def test_a_copy_of_a_lesson_elsewhere_is_matched_by_its_content(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _two_lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    elsewhere = tmp_path / "Downloads" / "neck again.mp4"
    elsewhere.parent.mkdir()
    shutil.copyfile(lessons[1].path, elsewhere)
    _open_with(window, elsewhere)
    qtbot.waitUntil(lambda: context.playback.lesson is not None, timeout=5000)
    assert context.playback.lesson.id == lessons[1].id
    assert not context.library.running_jobs()


def test_the_course_folder_opens_the_course(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _two_lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    _open_with(window, tmp_path / "course")
    qtbot.waitUntil(lambda: context.playback.lesson is not None, timeout=5000)
    assert context.playback.lesson.course_id == lessons[0].course_id
    assert not context.library.running_jobs()


def test_an_unknown_file_is_imported(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _two_lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    new_file = tmp_path / "new" / "Shoulder release.mp4"
    new_file.parent.mkdir()
    shutil.copyfile(media.clip(seconds=1.0, size=(64, 48), fps=10, rgb=(30, 200, 30)), new_file)
    before = len(context.library.courses())
    _open_with(window, new_file)
    qtbot.waitUntil(lambda: len(context.library.courses()) == before + 1, timeout=15000)
    assert context.library.known_lesson_at(new_file) is not None


_START_WITH_PATH = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from smrtplayer.__main__ import main
from smrtplayer.ui.shell.main_window import MainWindow

def look():
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    lesson = window.context.playback.lesson
    print("OPENED", lesson.id if lesson else None, len(window.context.library.courses()), flush=True)
    window.close()

app = QApplication(sys.argv[:1])
QTimer.singleShot(3000, look)
sys.exit(main(["--data-dir", sys.argv[1], "--paused", sys.argv[2]]))
"""


def test_starting_with_a_known_lesson_opens_it_without_importing(app_paths, media, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The path "Open with…" takes: ``smrtplayer PATH`` through the command-line entry and window start."""
    context = AppContext.open(app_paths)
    try:
        lessons = _two_lessons(context, media, tmp_path)
        courses = len(context.library.courses())
    finally:
        context.close()
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-c", _START_WITH_PATH, str(app_paths.data), str(lessons[1].path)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    [opened] = [line for line in result.stdout.splitlines() if line.startswith("OPENED")]
    assert opened == f"OPENED {lessons[1].id} {courses}", result.stderr[-3000:]
