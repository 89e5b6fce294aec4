"""The real start (``smrtplayer --data-dir DIR``, in this process) on a real X server: keys typed the
moment the first frame is on screen, then what the window looks like once its panels are built.

Run as ``python launch_driver.py --data-dir DIR --out DIR`` with DISPLAY set (``test_launch.py``
starts it); writes ``result.json`` to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from smrtplayer.__main__ import main as smrtplayer_main
from smrtplayer.ui.shell.main_window import MainWindow

POLL_MS = 20
PANELS_WITHIN_S = 10.0


class _AtTheFirstFrame(logging.Handler):
    """Acts when the video view logs that the first frame is on screen, as a user would then."""

    def __init__(self, out: Path) -> None:
        super().__init__()
        self.out = out
        self.result: dict[str, Any] = {"ok": False}
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.seen and "first frame shown" in record.getMessage():
            self.seen = True
            QTimer.singleShot(0, self._right_after_the_first_frame)

    def _window(self) -> MainWindow:
        return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

    def _right_after_the_first_frame(self) -> None:
        window = self._window()
        result = self.result
        result["panels_before_the_keys"] = window._workspace is not None
        result["was_playing"] = window.playback.is_playing()
        # What the user sees at once: the lesson's title and the window's size.
        result["lesson_title"] = window.lesson_title.text()
        result["window_size"] = [window.width(), window.height()]
        # Keys as soon as the picture is there (the window manager activates the new window).
        deadline = time.monotonic() + 5
        while not window.isActiveWindow() and time.monotonic() < deadline:
            QApplication.processEvents()
        # Asked once the window is active: before that no widget has the keyboard focus, whoever
        # will get it (the window manager may activate the window after its first frame is painted).
        result["focus_on_video"] = QApplication.focusWidget() is window.video_view
        target = QApplication.focusWidget() or window
        QTest.keyClick(target, Qt.Key.Key_Space)  # pause
        QTest.keyClick(target, Qt.Key.Key_H)  # mirror
        result["playing_after_space"] = window.playback.is_playing()
        result["mirrored_after_h"] = window.video_view.is_mirrored()
        self._started = time.monotonic()
        self._wait_for_the_panels()

    def _wait_for_the_panels(self) -> None:
        window = self._window()
        if window._workspace is None and time.monotonic() - self._started < PANELS_WITHIN_S:
            QTimer.singleShot(POLL_MS, self._wait_for_the_panels)
            return
        QTest.qWait(300)  # the panels' first paint
        result = self.result
        workspace = window._workspace
        if workspace is not None:
            result["visible"] = {
                "library_tabs": workspace.left_tabs.isVisible(),
                "index": workspace.index_dock.isVisible(),
                "notes": workspace.notes_dock.isVisible(),
                "transport": window.transport.isVisible(),
                "menu_bar": window.menuBar().isVisible(),
                "video": window.video_view.isVisible(),
            }
            lesson = workspace.notes_panel.lesson
            result["note_panel_lesson"] = lesson.title if lesson is not None else None
        result["menus"] = [action.text() for action in window.menuBar().actions()]
        result["still_paused"] = not window.playback.is_playing()
        result["still_mirrored"] = window.video_view.is_mirrored()
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Space)  # and on again
        result["playing_after_second_space"] = window.playback.is_playing()
        result["ok"] = True
        (self.out / "result.json").write_text(json.dumps(result, indent=2))
        window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    watcher = _AtTheFirstFrame(args.out)
    logging.getLogger().addHandler(watcher)
    code = smrtplayer_main(["--data-dir", args.data_dir])
    if not watcher.result["ok"]:
        (args.out / "result.json").write_text(json.dumps(watcher.result | {"exit": code}, indent=2))
    return code


if __name__ == "__main__":
    sys.exit(main())
