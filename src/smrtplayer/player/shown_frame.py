"""The frame on screen: its picture (made only when asked for), its start time, and frame stepping."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame


class ShownFrame:
    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Nothing shown yet (a lesson is opening)."""
        self._frame = QVideoFrame()
        self._image: QImage | None = QImage()
        #: start time of the frame on screen (-1 before the first frame)
        self.start_ms = -1
        #: the middle of its time on screen, where a seek shows that very frame (-1: unknown)
        self.middle_ms = -1
        #: where a frame step is headed while its frame is still being decoded
        self.step_target_ms: int | None = None
        self.count = 0

    def show(self, frame: QVideoFrame, position_ms: int) -> None:
        """``frame`` is on screen now; ``position_ms`` stands in for a frame without a start time."""
        self._frame = frame
        self._image = None  # converting costs ~8 ms for 1080p: only when someone looks
        start, end = frame.startTime(), frame.endTime()
        self.start_ms = start // 1000 if start >= 0 else position_ms
        self.middle_ms = (start + end) // 2000 if 0 <= start < end else self.start_ms
        self.step_target_ms = None
        self.count += 1

    def is_showing(self, frame: QVideoFrame) -> bool:
        """Whether ``frame`` is the very frame on screen (the same decoded picture, not a copy)."""
        return bool(frame == self._frame)

    def image(self) -> QImage:
        if self._image is None:
            self._image = self._frame.toImage()
        return self._image

    def step_target(self, frames: int, frame_ms: int, position_ms: int) -> int:
        """Where ``frames`` frames from the one shown start; a key held down steps on from the frame
        on its way rather than from the one still on screen."""
        shown = self.start_ms if self.start_ms >= 0 else position_ms
        if self.step_target_ms is not None:
            shown = self.step_target_ms
        return shown + frames * frame_ms
