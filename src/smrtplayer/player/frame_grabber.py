"""The frame grabber: the process's one *second* player, decoding single frames off screen.

Thumbnails (a course card, a handout's positions) come from here, not from the playback engine, so
that grabbing never disturbs the lesson on screen. It is one QMediaPlayer with a video sink and *no*
audio output, made once per process (``shared()``) and never destroyed: recreating players is what
deadlocks QtMultimedia (see ``engine``). Frames arrive through a slot on this main-thread QObject,
never a plain Python callable on the render thread; unloading is ``setSource(QUrl())``.

Unloading ends the decoder and its threads, and frees its frames (malloc in use goes back to within
~2 MiB of where it was before the first grab), but glibc keeps the freed pages resident for its next
allocation: once no grab has come for ``RELEASE_AFTER_MS``, they are given back to the system. The
player object stays: destroying and recreating players is what deadlocks, and it holds little.

It asks Qt for low-latency decoding (``QPlaybackOptions.LowLatencyStreaming``: FFmpeg's low-delay
flag, which decodes without frame threads): one frame needs no frames in flight on three threads,
and a 1080p file then holds ~43 MiB of decoder buffers instead of ~56 while it is open (peak of 30
grabs alone: +55 MiB instead of +73). The 30 pictures of an H.264 lesson came out identical. MPEG
program streams (DVD titles, ``.mpg``) keep the usual decoding: there the low-delay flag showed a
B-frame stream's picture three frames after the usual one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QImage

from smrtplayer.common.native_memory import return_freed_memory
from smrtplayer.common.wholefile import image_bytes, write_whole
from smrtplayer.player.ffmpeg_log import keep_ffmpeg_at_info_level

log = logging.getLogger(__name__)

GRAB_TIMEOUT_MS = 5000
THUMB_WIDTH = 480
#: idle this long after its last grab, the second player's freed memory goes back to the system
RELEASE_AFTER_MS = 1500
#: MPEG program streams, whose B-frames the low-delay flag shows out of place (see above)
_USUAL_DECODING_SUFFIXES = frozenset({".vob", ".mpg", ".mpeg", ".m2p", ".ps", ".ffconcat", ".m2v"})


def _always() -> bool:
    return True


@dataclass(frozen=True)
class FrameRequest:
    key: int  # unique per request, so several exporters can share the grabber
    path: Path
    at_ms: int
    cache: Path
    #: False once nobody waits for it (its library was closed): skipped, or abandoned if under way
    wanted: Callable[[], bool] = _always
    width: int = THUMB_WIDTH


def _save_whole(picture: QImage, cache: Path) -> None:
    """Cache ``picture`` as a whole JPEG or not at all (see ``common.wholefile``): a course card or
    a seek-bar preview would show a file the disk cut short part grey, or nothing, for good. When
    the disk refuses it, the picture is still delivered: its requester keeps it for the session."""
    data = image_bytes(picture)
    if not data:
        log.info("could not encode the picture %s", cache)
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_whole(cache, data, durable=False)
    except OSError as error:  # a read-only or full disk, a file in the folder's way
        log.info("could not cache the picture %s: %s", cache, error)


class FrameGrabber(QObject):
    """Decodes one frame at a time from a file; one per process (``shared()``), never destroyed."""

    grabbed = Signal(int, QImage)  # key, image (null when the frame could not be decoded)

    _shared: FrameGrabber | None = None

    @classmethod
    def shared(cls) -> FrameGrabber:
        if cls._shared is None:
            cls._shared = cls(QCoreApplication.instance())
        return cls._shared

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

        from smrtplayer.player.frame_scaler import FrameScaler

        self._player = QMediaPlayer(self)
        keep_ffmpeg_at_info_level()
        self._sink = QVideoSink(self)
        self._scaler = FrameScaler()
        self._player.setVideoOutput(self._sink)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(self._on_error)
        self._queue: list[FrameRequest] = []
        self._current: FrameRequest | None = None
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(GRAB_TIMEOUT_MS)
        self._timeout.timeout.connect(self._give_up)
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.setInterval(RELEASE_AFTER_MS)
        self._release.timeout.connect(self._release_memory)
        #: times the freed memory was given back (each time the grabber fell idle)
        self.releases = 0

    def is_idle(self) -> bool:
        """Nothing is being decoded or waiting to be."""
        return self._current is None and not self._queue

    def request(self, requests: list[FrameRequest]) -> None:
        self._queue.extend(requests)
        if self._current is None:
            self._next()

    @classmethod
    def drop_unwanted(cls) -> None:
        """Forget the requests nobody waits for any more, stopping the one under way."""
        grabber = cls._shared
        if grabber is not None:
            grabber._queue = [request for request in grabber._queue if request.wanted()]
            grabber._abandoned()

    def _abandoned(self) -> bool:
        """The current request is no longer wanted: stop it (closing its file) and go on."""
        if self._current is None or self._current.wanted():
            return False
        self._timeout.stop()
        self._current = None
        self._next()
        return True

    def _next(self) -> None:
        while self._queue and not self._queue[0].wanted():
            self._queue.pop(0)
        self._current = self._queue.pop(0) if self._queue else None
        if self._current is None:
            self._player.setSource(QUrl())
            self._release.start()
            return
        self._release.stop()
        self._timeout.start()
        self._choose_decoding(self._current.path)
        self._player.setSource(QUrl.fromLocalFile(str(self._current.path)))

    def _choose_decoding(self, path: Path) -> None:
        from PySide6.QtMultimedia import QPlaybackOptions

        intent = QPlaybackOptions.PlaybackIntent
        usual = path.suffix.lower() in _USUAL_DECODING_SUFFIXES
        wanted = intent.Playback if usual else intent.LowLatencyStreaming
        options = self._player.playbackOptions()
        if options.playbackIntent() != wanted:
            options.setPlaybackIntent(wanted)
            self._player.setPlaybackOptions(options)

    def _deliver(self, image: QImage) -> None:
        request = self._current
        self._timeout.stop()
        if request is None:
            return
        if not image.isNull():
            width = min(request.width, image.width())
            scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            _save_whole(scaled, request.cache)
            image = scaled
        self._current = None
        self.grabbed.emit(request.key, image)
        if self._current is None:  # a listener may have asked for its next frame already
            self._next()

    @Slot()
    def _release_memory(self) -> None:
        if not self.is_idle():
            return
        from smrtplayer.player.frame_scaler import FrameScaler

        self._scaler = FrameScaler()  # the last picture's scaled image (up to 2 MiB) goes too
        if return_freed_memory():
            self.releases += 1

    @Slot()
    def _give_up(self) -> None:
        if self._abandoned():
            return
        log.info("no frame from %s in time", self._current.path if self._current else "?")
        self._player.pause()
        self._deliver(QImage())

    @Slot()
    def _on_status(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        status = self._player.mediaStatus()
        if self._current is None or self._abandoned():
            return
        if status == QMediaPlayer.MediaStatus.LoadedMedia:
            self._player.setPosition(self._current.at_ms)
            self._player.pause()  # paused after a seek, the backend decodes and shows that frame
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._deliver(QImage())

    @Slot()
    def _on_error(self) -> None:
        if self._current is not None and not self._abandoned():
            self._deliver(QImage())

    @Slot("QVideoFrame")
    def _on_frame(self, frame: object) -> None:
        request = self._current
        if request is None or not frame.isValid() or self._abandoned():  # type: ignore[attr-defined]
            return
        if frame.startTime() // 1000 < request.at_ms - 200:  # type: ignore[attr-defined]
            return  # a frame from before the seek landed
        self._player.pause()
        self._deliver(self._scaler.picture(frame, request.width))  # type: ignore[arg-type]
