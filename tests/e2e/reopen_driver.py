"""The real start (``smrtplayer --data-dir DIR``, in this process) on a real X server, twice over:

- ``--close-after-first-frame``: play a moment (mirrored with ``--mirror``), then close the window
  as a user does, which keeps the picture where the lesson stopped;
- otherwise: a reopening. What is on screen when the start logs "resume picture shown" (before the
  main window exists), then when the decoded frame is painted.

Run as ``python reopen_driver.py --data-dir DIR --out DIR [...]`` with DISPLAY set
(``test_reopen.py`` starts it); writes ``result.json`` and ``start-window.png`` to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, SignalInstance
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from smrtplayer.__main__ import main as smrtplayer_main
from smrtplayer.ui.shell.main_window import MainWindow
from smrtplayer.ui.shell.start_picture import StartPictureWindow

PLAY_MS = 600
SETTLE_MS = 500


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def _video_rect(window: MainWindow) -> list[int]:
    origin = window.video_view.mapTo(window, QPoint(0, 0))
    return [origin.x(), origin.y(), window.video_view.width(), window.video_view.height()]


def _start_windows() -> list[QWidget]:
    return [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "startPictureWindow" and w.isVisible()
    ]


class _Watcher(logging.Handler):
    def __init__(self, out: Path, *, close_after_first_frame: bool, mirror: bool) -> None:
        super().__init__()
        self.out = out
        self.close_after_first_frame = close_after_first_frame
        self.mirror = mirror
        self.result: dict[str, Any] = {"ok": False, "order": []}

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        for what in ("resume picture shown", "first frame shown"):
            if message.startswith(what) and what not in self.result["order"]:
                self.result["order"].append(what)
                if what == "resume picture shown":
                    self._at_the_picture()
                else:
                    QTimer.singleShot(0, self._at_the_first_frame)

    def _at_the_picture(self) -> None:
        # Called from the start window's paint: look, do not paint (the grab waits for the hand-over).
        starts = _start_windows()
        self.result["main_window_built_at_the_picture"] = bool(_main_windows())
        self.result["start_windows_at_the_picture"] = len(starts)
        if starts:
            start = starts[0]
            self.result["start_window_size"] = [start.width(), start.height()]
            self.result["start_window_video_area"] = list(start.video_area.getRect())  # type: ignore[attr-defined]
            self.result["start_window_title"] = start.windowTitle()

    def before_the_hand_over(self, start: StartPictureWindow) -> None:
        """The start window, painted and on screen, just before the main window opens over it."""
        start.grab().save(str(self.out / "start-window.png"))
        screen = QApplication.primaryScreen()
        if screen is not None:
            screen.grabWindow(0).save(str(self.out / "screen-at-the-picture.png"))
        self.result["start_window_frame_position"] = [start.frameGeometry().x(), start.frameGeometry().y()]

    def _at_the_first_frame(self) -> None:
        window = _main_windows()[0]
        if self.close_after_first_frame:
            if self.mirror:
                QTest.keyClick(window.video_view, Qt.Key.Key_H)
            QTimer.singleShot(PLAY_MS, lambda: self._close(window))
            return
        self.result["main_window_frame_position"] = [window.frameGeometry().x(), window.frameGeometry().y()]
        self.result["main_window_size"] = [window.width(), window.height()]
        self.result["decoded_frame_on_screen"] = window.video_view.shows_decoded_frame()
        self.result["first_decoded_frame_ms"] = window.video_view.painted_frame_ms
        self.result["stills_painted_by_the_main_window"] = window.video_view.stills_painted
        self.result["video_at_the_first_frame"] = _video_rect(window)
        self.result["main_window_title"] = window.windowTitle()
        self.result["mirrored_at_the_first_frame"] = window.video_view.is_mirrored()
        QTimer.singleShot(SETTLE_MS, lambda: self._settled(window))

    def _settled(self, window: MainWindow) -> None:
        self.result["panels_built"] = window._workspace is not None
        self.result["video_with_the_panels"] = _video_rect(window)
        self.result["start_windows_after"] = len(_start_windows())
        self.result["start_windows_alive_after"] = sum(
            1 for w in QApplication.topLevelWidgets() if w.objectName() == "startPictureWindow"
        )
        self.result["focus_on_video"] = QApplication.focusWidget() is window.video_view
        self._close(window)

    def _close(self, window: MainWindow) -> None:
        self.result["position_at_close_ms"] = window.playback.position_ms()
        self.result["frame_on_screen_at_close_ms"] = window.video_view.painted_frame_ms
        self.result["ok"] = True
        (self.out / "result.json").write_text(json.dumps(self.result, indent=2))
        window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--close-after-first-frame", action="store_true")
    parser.add_argument("--mirror", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    watcher = _Watcher(args.out, close_after_first_frame=args.close_after_first_frame, mirror=args.mirror)
    logging.getLogger().addHandler(watcher)
    hand_over = StartPictureWindow.hand_over_to

    def look_then_hand_over(start: StartPictureWindow, window: QWidget, painted: SignalInstance) -> None:
        watcher.before_the_hand_over(start)
        hand_over(start, window, painted)

    StartPictureWindow.hand_over_to = look_then_hand_over  # type: ignore[method-assign]
    code = smrtplayer_main(["--data-dir", args.data_dir])
    if not watcher.result["ok"]:
        (args.out / "result.json").write_text(json.dumps(watcher.result | {"exit": code}, indent=2))
    return code


if __name__ == "__main__":
    sys.exit(main())
