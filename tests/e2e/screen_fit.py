"""The window on a small laptop screen, under a real window manager (openbox on Xvfb).

Run as ``python screen_fit.py --data-dir DIR --out DIR`` with DISPLAY set to a server that runs a
window manager; ``test_screen_fit.py`` starts both. A course with long lesson and position titles is
imported, one lesson is half watched (so "Continue: …" names it), the window is shown maximized as a
user's window manager would, every panel is raised in turn, and the frame and the panels' rectangles
are written to ``result.json`` beside screenshots.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' helpers

from helpers.media import write_clip
from helpers.player import add_course
from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.ui.shell.main_window import MainWindow

LONG_TITLES = (
    "Gluteus medius & minimus, posterior fibres — side-lying, hip flexed 45°, knee supported",
    "Gluteus medius & minimus, anterior fibres — supine, the client's leg crossed over the other",
    "Piriformis & the deep six lateral rotators, prone, with a long explanation of the hand position",
)


def wait_until(predicate: Callable[[], bool], timeout_s: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if predicate():
            return True
        QTest.qWait(30)
    return False


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def rect_list(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def shoot(out: Path, name: str) -> None:
    QApplication.processEvents()
    QTest.qWait(200)
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0).save(str(out / f"{name}.png"))


LONG_FOLDER = "Manual therapy of the hip & pelvis — the complete practitioner course, second edition"
LONG_FILE = "Gluteus medius & minimus, posterior fibres, side-lying with the hip flexed 45 degrees.mp4"


def heading(
    window: MainWindow, context: AppContext, data_dir: Path, out: Path, result: dict[str, Any]
) -> None:
    """A lesson file opened on its own ("Open with", ``smrtplayer PATH``) becomes a course named after
    its folder: the heading then holds a long course and a long lesson title. Shown maximized and
    then in a normal window, the window must stay on the screen."""
    folder = data_dir / LONG_FOLDER
    folder.mkdir()
    clip = write_clip(folder / LONG_FILE, seconds=4.0, size=(320, 180), fps=25, rgb=(200, 110, 40))
    report = context.library.import_course(clip)
    [lesson] = context.library.lessons(report.course_id)
    window.open_lesson_at(lesson.id, 500)
    assert wait_until(lambda: window.playback.lesson is not None and window.playback.lesson.id == lesson.id)
    assert wait_until(lambda: window.lesson_title.toolTip() != "", 5), "no heading"
    QTest.qWait(300)
    screen = window.screen().geometry()
    result["heading_full"] = window.lesson_title.toolTip()
    result["heading_shown"] = window.lesson_title.shown_text()
    result["heading_minimum_width"] = window.minimumSizeHint().width()
    result["heading_maximized_geometry"] = rect_list(window.geometry())
    shoot(out, "long-heading-maximized")
    window.showNormal()
    window.resize(screen.width() - 100, screen.height() - 100)
    wait_until(lambda: not window.isMaximized(), 5)
    QTest.qWait(500)
    window.lesson_title.setText(window.lesson_title.toolTip())  # set again while not maximized
    QTest.qWait(300)
    result["heading_normal_frame"] = rect_list(window.frameGeometry())
    result["heading_normal_geometry"] = rect_list(window.geometry())
    shoot(out, "long-heading-normal")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    context = AppContext.open(AppPaths.resolve(args.data_dir))
    clip = write_clip(args.data_dir / "clip.mp4", seconds=4.0, size=(320, 180), fps=25, rgb=(40, 110, 200))
    long_position = LONG_TITLES[0]
    lessons = add_course(
        context,
        args.data_dir / "long course",
        [(title, clip) for title in LONG_TITLES],
        uid="long-titles",
        positions={LONG_TITLES[0]: ((500, 2500, long_position),)},
    )
    window = MainWindow(context)
    window.show()
    window.start(autoplay=False)
    window.open_lesson_at(lessons[0].id, 1500)
    result: dict[str, Any] = {"ok": False}
    try:
        # Half watched and paused: "Continue: …" names the long title.
        assert wait_until(lambda: window.playback.position_ms() >= 2000, 15), "did not play"
        window.playback.pause()
        assert wait_until(window.continue_button.isVisible, 10), "no Continue button"
        window.showMaximized()
        assert wait_until(lambda: window.isVisible() and window.isMaximized(), 10), "not maximized"
        QTest.qWait(500)
        screen = window.screen()
        result["screen"] = rect_list(screen.geometry())
        result["available"] = rect_list(screen.availableGeometry())
        result["continue_shown"] = window.continue_button.shown_text()
        result["continue_tooltip"] = window.continue_button.toolTip()
        result["title_shown"] = window.lesson_title.shown_text()
        panels: dict[str, list[int]] = {}
        workspace = window.workspace
        for dock in window.findChildren(QDockWidget):
            dock.show()  # a panel opened from a menu (indexing) must fit as well
            dock.raise_()
            wait_until(lambda dock=dock: dock.widget().isVisible(), 3)
            QTest.qWait(150)
            panels[dock.objectName()] = rect_list(global_rect(dock.widget()))
            shoot(args.out, f"dock-{dock.objectName()}")
        tabs = workspace.left_tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            page = tabs.widget(index)
            wait_until(page.isVisible, 3)
            QTest.qWait(150)
            name = tabs.tabText(index).replace("&", "").lower()
            panels[f"tab-{name}"] = rect_list(global_rect(page))
            shoot(args.out, f"tab-{name}")
        tabs.setCurrentIndex(0)
        panels["left_panel"] = rect_list(global_rect(window.left_panel))
        panels["video"] = rect_list(global_rect(window.video_view))
        # The video's share of the window's width with the panels at their default widths.
        wait_until(lambda: window.video_view.width() > 0, 2)
        result["video_share"] = window.video_view.width() / window.width()
        # Give the window manager a moment to settle the frame after the panels changed the layout.
        wait_until(lambda: screen.geometry().contains(window.frameGeometry()), 2)
        result["frame"] = rect_list(window.frameGeometry())
        result["geometry"] = rect_list(window.geometry())
        result["maximized"] = window.isMaximized()
        result["minimum_width"] = window.minimumSizeHint().width()
        result["panels"] = panels
        shoot(args.out, "window")
        heading(window, context, args.data_dir, args.out, result)
        result["ok"] = True
    except AssertionError as error:
        result["error"] = repr(error)
        shoot(args.out, "failure")
    finally:
        (args.out / "result.json").write_text(json.dumps(result, indent=2))
        window.close()
        context.close()
        app.processEvents()
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
