"""Pictures of each position's first frame, so that a jump to a position shows it at once.

A seek in a long-GOP file takes a few hundred milliseconds to decode its frame (the benchmark's
seek figure); a jump from the index or the indexing table should not leave the old frame up that
long. The first frame of each position of the open lesson is decoded once by the frame grabber (the
process's second player, so playback is never disturbed), kept on disk beside the thumbnails, and
shown the moment a jump starts; the decoded frame replaces it when it arrives.

A picture on disk is checked once when its lesson opens (whole, readable) and read again when a jump
asks for it: a JPEG of ~60-250 KB at 960x540, a fraction of a millisecond from the page cache beside
~3-7 ms to decode it. Keeping every file's bytes in memory held ~2.7 MiB for a 30-position lesson for
nothing most of the session. Only a picture the disk refused (full, read-only) is kept as its JPEG
bytes, up to ``MEMORY_LIMIT_BYTES``; the few pictures asked for last stay decoded, so a picture asked
for twice is the same image. A picture just grabbed is not kept decoded: nobody has asked for it yet.

The second player does not decode beside a playing lesson (``pace``). Each grab decodes from the
keyframe before its position, and 30 of them beside 1080p playback cost ~5 s of a core and 40-70 MiB
at once: on a laptop that is battery, heat and dropped frames for pictures nobody needs that second.
While the lesson plays, the pictures of the positions it passes are taken from the frames it shows
(``take_from_playback``: a scale and a JPEG, ~5 ms each); the rest are grabbed one at a time while it
is paused, the nearest ahead of the playhead first. A jump to a position with no picture yet simply
waits for its frame, as every seek did before pictures existed.
"""

from __future__ import annotations

import bisect
import itertools
import logging
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtMultimedia import QVideoFrame

from smrtplayer.common.filenames import safe_filename
from smrtplayer.common.wholefile import image_bytes, is_whole_jpeg, write_whole
from smrtplayer.models.library import Lesson
from smrtplayer.player.frame_grabber import FrameGrabber, FrameRequest
from smrtplayer.player.frame_scaler import FrameScaler

log = logging.getLogger(__name__)

#: Wide enough to stand in for the video for the moment until the decoder's frame arrives.
STILL_WIDTH = 960
#: Pictures the disk refused, kept in memory as JPEG bytes (~60-250 KB each at 960x540) for the session:
#: ~100 of them.
MEMORY_LIMIT_BYTES = 24 * 1024 * 1024
#: Pictures kept decoded besides (2 MB each): the ones asked for last.
DECODED_LIMIT = 3
#: A frame whose length Qt does not give is taken to last this long (a 25 fps frame).
_FRAME_MS = 40

_keys = itertools.count(1_000_000_000)


class PositionFrames(QObject):
    """First frames of positions, by (lesson fingerprint, start in ms): in memory, on disk, or grabbed."""

    ready = Signal(str, int)  # fingerprint, start_ms: a picture just became available

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._on_disk: set[tuple[str, int]] = set()  # pictures whose file was found whole
        self._memory: OrderedDict[tuple[str, int], bytes] = OrderedDict()  # pictures the disk refused
        self._memory_total = 0  # bytes in _memory
        self._decoded: OrderedDict[tuple[str, int], QImage] = OrderedDict()
        self._waiting: dict[int, tuple[str, int]] = {}  # the grab under way: request key -> key
        self._to_load: list[tuple[tuple[str, int], Path]] = []  # (key, the lesson's file)
        #: pictures to grab once the lesson is not playing: key -> the lesson's file
        self._to_grab: dict[tuple[str, int], Path] = {}
        self._starts_to_grab: dict[str, list[int]] | None = None  # sorted starts by lesson, as asked
        self._playing = False
        self._playhead_ms = 0
        self._latest_lesson = ""  # the fingerprint asked for last: its pictures are grabbed first
        self._closed = False
        self._grabber: FrameGrabber | None = None
        #: pictures taken from the frames playback showed, and grabbed by the second player
        self.taken_from_playback = 0
        self.grabbed = 0
        self._loader = QTimer(self)
        self._loader.setInterval(0)
        self._loader.timeout.connect(self._load_next)

    def path_for(self, fingerprint: str, start_ms: int) -> Path:
        return self._folder / safe_filename(fingerprint[:40], fallback="lesson") / f"{int(start_ms)}.jpg"

    def pending(self) -> int:
        """Pictures asked for and not ready yet (to grab, being grabbed, or read from disk)."""
        return len(self._waiting) + len(self._to_load) + len(self._to_grab)

    def memory_bytes(self) -> int:
        """What the pictures in memory take: the JPEG bytes of those the disk refused, and the few
        kept decoded."""
        return self._memory_total + sum(image.sizeInBytes() for image in self._decoded.values())

    def has_image(self, fingerprint: str, start_ms: int) -> bool:
        """Whether a picture of the frame at ``start_ms`` is ready (nothing is read or decoded to tell)."""
        key = (fingerprint, int(start_ms))
        return key in self._on_disk or key in self._memory

    def image(self, fingerprint: str, start_ms: int) -> QImage | None:
        """The picture of the frame at ``start_ms``, if one is ready: decoded from memory or its file."""
        key = (fingerprint, int(start_ms))
        image = self._decoded.get(key)
        if image is None:
            data = self._picture_bytes(key)
            if data is None:
                return None
            image = QImage.fromData(data)
            if image.isNull():
                log.info("unreadable position frame %s: dropped", self.path_for(*key))
                self._forget(key)
                return None
            self._remember_decoded(key, image)
        self._decoded.move_to_end(key)
        return image

    def _picture_bytes(self, key: tuple[str, int]) -> bytes | None:
        data = self._memory.get(key)
        if data is not None:
            self._memory.move_to_end(key)
            return data
        if key not in self._on_disk:
            return None
        try:
            return self.path_for(*key).read_bytes()
        except OSError as error:  # removed or unreadable since it was checked: a jump simply waits
            log.info("position frame %s is gone: %s", self.path_for(*key), error)
            self._on_disk.discard(key)
            return None

    def _forget(self, key: tuple[str, int]) -> None:
        self._on_disk.discard(key)
        self._decoded.pop(key, None)
        data = self._memory.pop(key, None)
        if data is not None:
            self._memory_total -= len(data)

    def _remember_decoded(self, key: tuple[str, int], image: QImage) -> None:
        # The raster engine's fast path: a decoded frame comes as RGBA, which each paint would convert.
        self._decoded[key] = image.convertToFormat(QImage.Format.Format_RGB32)
        while len(self._decoded) > DECODED_LIMIT:
            self._decoded.popitem(last=False)

    def prefetch(self, lesson: Lesson, starts: Iterable[int]) -> None:
        """Have a picture ready for each start of ``lesson``: loaded from disk, else taken from
        playback or grabbed (see ``pace``)."""
        if self._closed or not Path(lesson.path).is_file():
            return  # a missing file is the player's to report, not the second player's
        self._latest_lesson = lesson.fingerprint
        queued = set(self._waiting.values()) | {key for key, _ in self._to_load} | set(self._to_grab)
        for start in dict.fromkeys(int(s) for s in starts):
            key = (lesson.fingerprint, start)
            if key in self._on_disk or key in self._memory or key in queued:
                continue
            if self.path_for(*key).is_file():
                self._to_load.append((key, lesson.path))
            else:
                self._queue_grab(key, lesson.path)
        if self._to_load:
            self._loader.start()
        self._grab_next()

    def pace(self, playing: bool, playhead_ms: int) -> None:
        """The lesson started or stopped playing at ``playhead_ms``. While it plays no new grab
        starts (the one under way finishes); once it stops, grabs go on: the lesson asked for last
        first (a lesson left before its pictures were done waits), the nearest ahead of the playhead
        first."""
        self._playing = playing
        self._playhead_ms = int(playhead_ms)
        self._grab_next()

    def take_from_playback(self, fingerprint: str, frame: QVideoFrame) -> None:
        """``frame`` of lesson ``fingerprint`` is on screen: if a position waiting for its picture
        starts within it, that picture is this frame, and the second player need not decode it."""
        starts = self._sorted_starts_to_grab().get(fingerprint)
        if not starts or self._closed:
            return
        begin_us = frame.startTime()
        if begin_us < 0:
            return
        end_us = frame.endTime() if frame.endTime() > begin_us else begin_us + _FRAME_MS * 1000
        # The first start at or after the frame's beginning: inside the frame if before its end.
        index = bisect.bisect_left(starts, -(-begin_us // 1000))
        if index == len(starts) or starts[index] * 1000 >= end_us:
            return
        key = (fingerprint, starts[index])
        # A scaler of its own, dropped with its 2 MiB image: the next picture may be minutes away.
        picture = FrameScaler().picture(frame, STILL_WIDTH)
        if picture.isNull():
            return
        data = image_bytes(picture)
        if not data:
            return  # Qt could not encode it: the second player grabs it later
        self._forget_grab(key)
        path = self.path_for(*key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_whole(path, data, durable=False)  # never a picture cut short for the next session
        except OSError as error:  # a full or read-only disk: the picture still serves this session
            log.info("could not keep the position frame %s: %s", path, error)
            self._keep(key, data)
        else:
            self._keep_on_disk(key)
        self.taken_from_playback += 1

    def _queue_grab(self, key: tuple[str, int], media: Path) -> None:
        self._to_grab[key] = media
        self._starts_to_grab = None

    def _forget_grab(self, key: tuple[str, int]) -> Path | None:
        media = self._to_grab.pop(key, None)
        if media is not None:
            self._starts_to_grab = None
        return media

    def _sorted_starts_to_grab(self) -> dict[str, list[int]]:
        if self._starts_to_grab is None:
            by_lesson: dict[str, list[int]] = {}
            for fingerprint, start in self._to_grab:
                by_lesson.setdefault(fingerprint, []).append(start)
            self._starts_to_grab = {fingerprint: sorted(starts) for fingerprint, starts in by_lesson.items()}
        return self._starts_to_grab

    def _grab_next(self) -> None:
        """One grab at a time, so that starting to play stops the second player within one picture."""
        if self._closed or self._playing or self._waiting or not self._to_grab:
            return
        playhead, latest = self._playhead_ms, self._latest_lesson
        key = min(self._to_grab, key=lambda k: (k[0] != latest, k[1] < playhead, abs(k[1] - playhead)))
        media = self._forget_grab(key)
        assert media is not None
        request_key = next(_keys)
        self._waiting[request_key] = key
        if self._grabber is None:
            self._grabber = FrameGrabber.shared()
            self._grabber.grabbed.connect(self._on_grabbed)
        self._grabber.request(
            [FrameRequest(request_key, media, key[1], self.path_for(*key), self._wanted, STILL_WIDTH)]
        )

    def close(self) -> None:
        """Nobody waits for pictures any more: queued grabs are dropped."""
        self._closed = True
        self._loader.stop()
        self._to_load.clear()
        self._waiting.clear()
        self._to_grab.clear()
        self._starts_to_grab = None
        FrameGrabber.drop_unwanted()

    def _wanted(self) -> bool:
        return not self._closed

    def _keep_on_disk(self, key: tuple[str, int]) -> None:
        self._on_disk.add(key)
        self._decoded.pop(key, None)  # a new picture of the same start replaces the one decoded before
        self.ready.emit(*key)

    def _keep(self, key: tuple[str, int], data: bytes) -> None:
        """A picture the disk refused: its bytes serve for this session, within the budget."""
        self._on_disk.discard(key)
        self._memory_total += len(data) - len(self._memory.get(key, b""))
        self._memory[key] = data
        self._memory.move_to_end(key)
        while self._memory_total > MEMORY_LIMIT_BYTES and len(self._memory) > 1:
            dropped, dropped_data = self._memory.popitem(last=False)
            self._memory_total -= len(dropped_data)
            self._decoded.pop(dropped, None)
        self.ready.emit(*key)

    @Slot()
    def _load_next(self) -> None:
        """One picture from disk per turn of the event loop, so opening a lesson never stalls."""
        if not self._to_load:
            self._loader.stop()
            return
        key, media = self._to_load.pop(0)
        path = self.path_for(*key)
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        if not _readable_jpeg(data):
            log.info("unreadable position frame %s: decoding it again", path)
            path.unlink(missing_ok=True)
            self._queue_grab(key, media)
            self._grab_next()
            return
        self._keep_on_disk(key)

    @Slot(int, QImage)
    def _on_grabbed(self, request_key: int, image: QImage) -> None:
        key = self._waiting.pop(request_key, None)
        if key is None:
            return  # another user's grab (a thumbnail, a seek-bar preview)
        if not image.isNull():
            self.grabbed += 1
            if self.path_for(*key).is_file():  # the grabber saved it
                self._keep_on_disk(key)
            elif data := image_bytes(image):
                self._keep(key, data)
        self._grab_next()


def _readable_jpeg(data: bytes) -> bool:
    """Whether ``data`` is a whole picture Qt can read: the JPEG's end marker, and its header (no
    decoding)."""
    if not is_whole_jpeg(data):
        return False
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, b"jpeg")
    return bool(data) and reader.canRead() and reader.size().isValid()
