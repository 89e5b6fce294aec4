"""Pictures of each position's first frame, so that a jump to a position shows it at once.

A seek in a long-GOP file takes a few hundred milliseconds to decode its frame (the benchmark's
seek figure); a jump from the index or the indexing table should not leave the old frame up that
long. The first frame of each position of the open lesson is decoded once by the frame grabber (the
process's second player, so playback is never disturbed), kept on disk beside the thumbnails and in
memory, and shown the moment a jump starts; the decoded frame replaces it when it arrives.
"""

from __future__ import annotations

import itertools
import logging
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from smrtplayer.common.filenames import safe_filename
from smrtplayer.models.library import Lesson
from smrtplayer.player.frame_grabber import FrameGrabber, FrameRequest

log = logging.getLogger(__name__)

#: Wide enough to stand in for the video for the moment until the decoder's frame arrives.
STILL_WIDTH = 960
#: Pictures kept in memory (~1.5 MB each at 960x540): the positions of a few lessons.
MEMORY_LIMIT = 160

_keys = itertools.count(1_000_000_000)


class PositionFrames(QObject):
    """First frames of positions, by (lesson fingerprint, start in ms): in memory, on disk, or grabbed."""

    ready = Signal(str, int)  # fingerprint, start_ms: a picture just became available

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._memory: OrderedDict[tuple[str, int], QImage] = OrderedDict()
        self._waiting: dict[int, tuple[str, int]] = {}
        self._to_load: list[tuple[tuple[str, int], Path]] = []  # (key, the lesson's file)
        self._closed = False
        self._grabber: FrameGrabber | None = None
        self._loader = QTimer(self)
        self._loader.setInterval(0)
        self._loader.timeout.connect(self._load_next)

    def path_for(self, fingerprint: str, start_ms: int) -> Path:
        return self._folder / safe_filename(fingerprint[:40], fallback="lesson") / f"{int(start_ms)}.jpg"

    def image(self, fingerprint: str, start_ms: int) -> QImage | None:
        """The picture of the frame at ``start_ms``, if one is ready in memory (never blocks on disk)."""
        key = (fingerprint, int(start_ms))
        image = self._memory.get(key)
        if image is not None:
            self._memory.move_to_end(key)
        return image

    def prefetch(self, lesson: Lesson, starts: Iterable[int]) -> None:
        """Have a picture ready for each start of ``lesson``: loaded from disk, else grabbed."""
        if self._closed or not Path(lesson.path).is_file():
            return  # a missing file is the player's to report, not the second player's
        requests: list[FrameRequest] = []
        queued = set(self._waiting.values()) | {key for key, _ in self._to_load}
        for start in dict.fromkeys(int(s) for s in starts):
            key = (lesson.fingerprint, start)
            if key in self._memory or key in queued:
                continue
            if self.path_for(*key).is_file():
                self._to_load.append((key, lesson.path))
            else:
                requests.append(self._request(key, lesson.path))
        if self._to_load:
            self._loader.start()
        self._grab(requests)

    def _request(self, key: tuple[str, int], media: Path) -> FrameRequest:
        request_key = next(_keys)
        self._waiting[request_key] = key
        return FrameRequest(request_key, media, key[1], self.path_for(*key), self._wanted, STILL_WIDTH)

    def _grab(self, requests: list[FrameRequest]) -> None:
        if not requests:
            return
        if self._grabber is None:
            self._grabber = FrameGrabber.shared()
            self._grabber.grabbed.connect(self._on_grabbed)
        self._grabber.request(requests)

    def close(self) -> None:
        """Nobody waits for pictures any more: queued grabs are dropped."""
        self._closed = True
        self._loader.stop()
        self._to_load.clear()
        self._waiting.clear()
        FrameGrabber.drop_unwanted()

    def _wanted(self) -> bool:
        return not self._closed

    def _keep(self, key: tuple[str, int], image: QImage) -> None:
        # The raster engine's fast path: a decoded frame comes as RGBA, which each paint would convert.
        self._memory[key] = image.convertToFormat(QImage.Format.Format_RGB32)
        self._memory.move_to_end(key)
        while len(self._memory) > MEMORY_LIMIT:
            self._memory.popitem(last=False)
        self.ready.emit(*key)

    @Slot()
    def _load_next(self) -> None:
        """One picture from disk per turn of the event loop, so opening a lesson never stalls."""
        if not self._to_load:
            self._loader.stop()
            return
        key, media = self._to_load.pop(0)
        image = QImage(str(self.path_for(*key)))
        if image.isNull():
            log.info("unreadable position frame %s: decoding it again", self.path_for(*key))
            self.path_for(*key).unlink(missing_ok=True)
            self._grab([self._request(key, media)])
            return
        self._keep(key, image)

    @Slot(int, QImage)
    def _on_grabbed(self, request_key: int, image: QImage) -> None:
        key = self._waiting.pop(request_key, None)
        if key is None or image.isNull():
            return
        self._keep(key, image)
