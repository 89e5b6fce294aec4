"""Thumbnails of the frame under the mouse on the seek bar, to find a boundary by eye.

Hovering asks for the frame at a time rounded to ``BUCKET_MS``; one already on disk comes back at
once, otherwise the frame grabber (the second player) decodes it. Only the latest hover is wanted:
a sweep of the mouse leaves one grab running, not a queue of stale ones. On a scaled screen (150 %,
200 %) the picture is decoded that much wider, so the preview is as sharp as the rest of the window.
"""

from __future__ import annotations

import contextlib
import itertools
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from smrtplayer.common.filenames import safe_filename
from smrtplayer.common.wholefile import read_whole_jpeg
from smrtplayer.models.library import Lesson
from smrtplayer.player.frame_grabber import FrameGrabber, FrameRequest

BUCKET_MS = 500
PREVIEW_WIDTH = 240

_keys = itertools.count(2_000_000_000)


class HoverFrames(QObject):
    ready = Signal(int, QImage)  # the hovered time (bucketed), its picture

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._latest: tuple[str, int] | None = None
        self._waiting: dict[int, tuple[str, int]] = {}
        self._grabber: FrameGrabber | None = None
        self._closed = False

    @staticmethod
    def bucket(at_ms: int) -> int:
        return max(0, round(at_ms / BUCKET_MS) * BUCKET_MS)

    def path_for(self, fingerprint: str, at_ms: int, width: int = PREVIEW_WIDTH) -> Path:
        name = f"{at_ms}.jpg" if width == PREVIEW_WIDTH else f"{at_ms}@{width}.jpg"
        return self._folder / safe_filename(fingerprint[:40], fallback="lesson") / name

    def request(self, lesson: Lesson, at_ms: int, pixel_ratio: float = 1.0) -> QImage | None:
        """The picture near ``at_ms`` (``PREVIEW_WIDTH`` logical pixels wide on a screen of
        ``pixel_ratio``) if it is on disk; otherwise None, and ``ready`` follows."""
        at_ms = self.bucket(at_ms)
        key = (lesson.fingerprint, at_ms)
        self._latest = key
        width = round(PREVIEW_WIDTH * max(1.0, pixel_ratio))
        path = self.path_for(*key, width)
        if path.is_file():
            image = read_whole_jpeg(path)  # one empty or cut short is grabbed again, not shown part grey
            if not image.isNull():
                return image
            with contextlib.suppress(OSError):  # a read-only disk: the frame is simply grabbed again
                path.unlink(missing_ok=True)
        if self._closed or key in self._waiting.values() or not Path(lesson.path).is_file():
            return None
        if self._grabber is None:
            self._grabber = FrameGrabber.shared()
            self._grabber.grabbed.connect(self._on_grabbed)
        request_key = next(_keys)
        self._waiting[request_key] = key
        wanted = _Latest(self, key)
        self._grabber.request([FrameRequest(request_key, lesson.path, at_ms, path, wanted, width)])
        FrameGrabber.drop_unwanted()
        return None

    def is_latest(self, key: tuple[str, int]) -> bool:
        return not self._closed and key == self._latest

    def stop(self) -> None:
        """The mouse left the bar: nothing is wanted any more."""
        self._latest = None
        FrameGrabber.drop_unwanted()

    def close(self) -> None:
        self._closed = True
        self.stop()

    @Slot(int, QImage)
    def _on_grabbed(self, request_key: int, image: QImage) -> None:
        key = self._waiting.pop(request_key, None)
        if key is not None and not image.isNull() and key == self._latest:
            self.ready.emit(key[1], image)


class _Latest:
    """A request's ``wanted``: true while its time is still the one under the mouse."""

    def __init__(self, frames: HoverFrames, key: tuple[str, int]) -> None:
        self._frames, self._key = frames, key

    def __call__(self) -> bool:
        return self._frames.is_latest(self._key)
