"""The short, cancellable countdown before the next lesson starts by itself.

The deadline is on a monotonic clock; the QTimer only wakes us to report whole seconds.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from smrtplayer.models.library import Lesson
from smrtplayer.models.settings import AUTOPLAY_NEXT_S

DEFAULT_SECONDS = AUTOPLAY_NEXT_S.default
TICK_MS = 200


class NextLessonCountdown(QObject):
    started = Signal(object, int)  # the next Lesson, seconds
    ticked = Signal(int)  # whole seconds left
    cancelled = Signal()
    finished = Signal(object)  # the Lesson to open now

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lesson: Lesson | None = None
        self._deadline = 0.0
        self._shown = 0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def lesson(self) -> Lesson | None:
        return self._lesson

    def is_active(self) -> bool:
        return self._lesson is not None

    def remaining_s(self) -> int:
        return max(0, math.ceil(self._deadline - time.monotonic())) if self._lesson else 0

    def start(self, lesson: Lesson, seconds: int) -> None:
        self._lesson = lesson
        self._deadline = time.monotonic() + max(0, seconds)
        self._shown = self.remaining_s()
        self.started.emit(lesson, self._shown)
        self._timer.start()

    def cancel(self) -> None:
        if self._lesson is None:
            return
        self._timer.stop()
        self._lesson = None
        self.cancelled.emit()

    def skip_wait(self) -> None:
        """Open the next lesson now."""
        if self._lesson is not None:
            self._deadline = time.monotonic()
            self._tick()

    @Slot()
    def _tick(self) -> None:
        lesson = self._lesson
        if lesson is None:
            self._timer.stop()
            return
        left = self.remaining_s()
        if left <= 0:
            self._timer.stop()
            self._lesson = None
            self.finished.emit(lesson)
        elif left != self._shown:
            self._shown = left
            self.ticked.emit(left)
