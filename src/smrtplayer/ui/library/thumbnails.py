"""Course thumbnails for the library view: asked for by the cards on screen, made off the GUI thread.

A card asks only when it is painted, so a library of 2,000 courses reads the handful of pictures the
user can see. A thumbnail cached on disk (a frame of the course's first lesson, saved as JPEG by the
shared frame grabber) is decoded and scaled on a pool thread; one not cached yet is grabbed by the
shared frame grabber (one long-lived player, see ``smrtplayer.player.frame_grabber``), never by a
player of our own. Decoded images stay in a memory cache bounded by bytes, least recently shown first
out.
"""

from __future__ import annotations

import contextlib
import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from smrtplayer.common.wholefile import is_whole_jpeg
from smrtplayer.library.service import LibraryService
from smrtplayer.models.library import CourseSummary

log = logging.getLogger(__name__)

#: the thumbnail's size on a card, in device-independent pixels
THUMB = QSize(160, 90)
#: decoded thumbnails kept in memory; a 1x card is 57 KiB, a 2x one 225 KiB
MEMORY_LIMIT_BYTES = 12 * 1024 * 1024


@dataclass(frozen=True)
class ThumbnailSource:
    video: Path
    cache: Path
    at_ms: int


def scaled_thumbnail(image: QImage, device_pixel_ratio: float) -> QImage:
    """``image`` filling a card's thumbnail at the screen's pixel density (cropped, never stretched)."""
    if image.isNull():
        return image
    size = THUMB * device_pixel_ratio
    scaled = image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation
    )
    left = (scaled.width() - size.width()) // 2
    top = (scaled.height() - size.height()) // 2
    cropped = scaled.copy(left, top, size.width(), size.height())
    cropped.setDevicePixelRatio(device_pixel_ratio)
    return cropped


class _Delivery(QObject):
    """Lives on the GUI thread; a pool thread emits through it, so the slot runs on the GUI thread."""

    decoded = Signal(int, QImage)  # course id, image (null: the file could not be read)
    damaged = Signal(int)  # course id: its cached file is empty or cut short


class _DecodeCached(QRunnable):
    def __init__(self, course_id: int, path: Path, device_pixel_ratio: float, delivery: _Delivery) -> None:
        super().__init__()
        self._course_id = course_id
        self._path = path
        self._ratio = device_pixel_ratio
        self._delivery = delivery

    def run(self) -> None:
        try:
            data = self._path.read_bytes()
        except OSError:
            data = b""
        if not is_whole_jpeg(data):  # empty or cut short: grabbed again rather than shown part grey
            self._delivery.damaged.emit(self._course_id)
            return
        # Only QImage here (thread-safe, already imported): QPixmap and widgets belong to the GUI thread.
        image = scaled_thumbnail(QImage.fromData(data), self._ratio)
        self._delivery.decoded.emit(self._course_id, image)


class ThumbnailCache(QObject):
    """Course id -> card thumbnail. ``image()`` answers from memory or starts the work and says None;
    ``ready`` tells when a thumbnail arrived, so the card showing it repaints."""

    ready = Signal(int)  # course id

    def __init__(
        self,
        library: LibraryService,
        folder: Path,
        *,
        grab: bool = True,
        still_wanted: Callable[[], bool] = lambda: True,
        on_screen: Callable[[int], bool] = lambda _course_id: True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._folder = folder
        self._grab = grab
        self._still_wanted = still_wanted
        self._on_screen = on_screen
        #: courses waiting for a frame grab, given to the shared grabber one at a time
        self._to_grab: OrderedDict[int, ThumbnailSource] = OrderedDict()
        self._grabbing: int | None = None
        self._images: OrderedDict[int, QImage] = OrderedDict()
        self._bytes = 0
        self._asked: dict[int, CourseSummary] = {}  # waiting for the next turn of the event loop
        self._under_way: set[int] = set()
        self._settled: set[int] = set()  # nothing to show (no lesson, no file, no frame): not asked again
        self._ratio = 1.0
        self._grabber_connected = False
        # The pool first: children die in the order they were made, and the pool's end waits for a
        # decode under way, which still emits through the delivery object.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one JPEG at a time: the other core plays the video
        self._delivery = _Delivery(self)
        self._delivery.decoded.connect(self._on_decoded)
        self._delivery.damaged.connect(self._on_damaged)
        #: cached files being decoded, by course id (grabbed again if found damaged)
        self._decoding: dict[int, ThumbnailSource] = {}
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(0)
        self._batch.timeout.connect(self._start_asked)
        self._next_grab = QTimer(self)
        self._next_grab.setSingleShot(True)
        self._next_grab.setInterval(0)
        self._next_grab.timeout.connect(self._grab_next)
        #: every course id whose thumbnail work was started (tests count it)
        self.requested: list[int] = []

    def image(self, course: CourseSummary, device_pixel_ratio: float) -> QImage | None:
        if device_pixel_ratio != self._ratio:  # moved to a screen of another density: decode again
            self._ratio = device_pixel_ratio
            self.forget()
        image = self._images.get(course.id)
        if image is not None:
            self._images.move_to_end(course.id)
            return image
        if course.id not in self._under_way and course.id not in self._settled:
            # Started after the paint: a painting card never waits for the database or the disk.
            self._asked[course.id] = course
            self._batch.start()
        return None

    def forget(self, course_id: int | None = None) -> None:
        """Drop one course's thumbnail (or all): the next paint asks again."""
        if course_id is None:
            self._images.clear()
            self._bytes = 0
            self._settled.clear()
            return
        self._settled.discard(course_id)
        image = self._images.pop(course_id, None)
        if image is not None:
            self._bytes -= image.sizeInBytes()

    def retry_missing(self) -> None:
        """The library changed (a folder found again, lessons added): ask again for the thumbnails
        that could not be made; those shown stay."""
        self._settled.clear()

    # ----------------------------------------------------------------------------------- work
    @Slot()
    def _start_asked(self) -> None:
        asked, self._asked = self._asked, {}
        for course in asked.values():
            self._start(course)

    def _start(self, course: CourseSummary) -> None:
        source = self._source(course)
        if source is None:
            self._settled.add(course.id)
            return
        self.requested.append(course.id)
        if source.cache.is_file():
            self._under_way.add(course.id)
            self._decoding[course.id] = source
            self._pool.start(_DecodeCached(course.id, source.cache, self._ratio, self._delivery))
            return
        if not course.available:
            self._settled.add(course.id)
            return
        self._grab_source(course.id, source)

    def _grab_source(self, course_id: int, source: ThumbnailSource) -> None:
        if not self._grab or not source.video.is_file():
            self._settled.add(course_id)
            return
        self._under_way.add(course_id)
        self._to_grab[course_id] = source
        self._grab_next()

    @Slot(int)
    def _on_damaged(self, course_id: int) -> None:
        self._under_way.discard(course_id)
        source = self._decoding.pop(course_id, None)
        if source is None:
            return
        log.info("damaged thumbnail %s: grabbing it again", source.cache)
        with contextlib.suppress(OSError):  # a read-only disk: the grab is kept for the session
            source.cache.unlink(missing_ok=True)
        self._grab_source(course_id, source)

    @Slot()
    def _grab_next(self) -> None:
        """One grab at a time, for a card still on screen: scrolling past 2,000 courses without
        thumbnails queues nothing, and the grabber stays free for a handout export."""
        from smrtplayer.player.frame_grabber import FrameGrabber, FrameRequest

        while self._grabbing is None and self._to_grab:
            course_id, source = self._to_grab.popitem(last=False)
            if not self._on_screen(course_id):
                self._under_way.discard(course_id)  # asked again when it is painted again
                continue
            grabber = FrameGrabber.shared()
            if not self._grabber_connected:
                grabber.grabbed.connect(self._on_grabbed)
                self._grabber_connected = True
            self._grabbing = course_id
            # Negative keys: the handout exporter uses the same grabber with step numbers (>= 0).
            request = FrameRequest(
                -course_id, source.video, source.at_ms, source.cache, wanted=self._still_wanted
            )
            grabber.request([request])

    def _source(self, course: CourseSummary) -> ThumbnailSource | None:
        first = self._library.first_lesson(course.id)
        if first is None:
            return None
        at_ms = min(3000, (first.duration_ms or 6000) // 5)
        return ThumbnailSource(first.path, self._folder / f"{first.fingerprint}.jpg", at_ms)

    @Slot(int, QImage)
    def _on_grabbed(self, key: int, image: QImage) -> None:
        if key >= 0 or -key != self._grabbing:
            return
        self._grabbing = None
        self._on_decoded(-key, scaled_thumbnail(image, self._ratio))
        # Not from inside the grabber's signal: it moves on to its own queue once this slot returns,
        # and would unload a request made here.
        self._next_grab.start()

    @Slot(int, QImage)
    def _on_decoded(self, course_id: int, image: QImage) -> None:
        self._under_way.discard(course_id)
        self._decoding.pop(course_id, None)
        if not image.isNull() and image.devicePixelRatio() != self._ratio:
            self.ready.emit(course_id)  # made for the screen it left: its card asks again
            return
        if image.isNull():
            log.info("no thumbnail for course %s", course_id)
            self._settled.add(course_id)
            return
        self.forget(course_id)
        self._images[course_id] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > MEMORY_LIMIT_BYTES and len(self._images) > 1:
            _oldest, dropped = self._images.popitem(last=False)
            self._bytes -= dropped.sizeInBytes()
        self.ready.emit(course_id)
