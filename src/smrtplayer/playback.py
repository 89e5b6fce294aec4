"""PlaybackController: the only owner of the application's QMediaPlayer.

Why one long-lived player: recreating QMediaPlayer/QAudioOutput, or stopping it synchronously from a
Python frame, is where QtMultimedia deadlocks on the GIL. So the player and audio output live as long
as the app, frames arrive through a slot on this main-thread QObject (never a plain Python callable
on the render thread), and unloading is ``setSource(QUrl())``.

Widgets never touch the player: they call these methods and repaint on these signals.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink

from smrtplayer.models import Lesson
from smrtplayer.store.progress import ProgressRepository

log = logging.getLogger(__name__)

SAVE_EVERY_MS = 5000
# Within this much of the end a lesson resumes from the start instead of showing its last frame.
RESTART_NEAR_END_MS = 3000

_ERROR_ADVICE = {
    QMediaPlayer.Error.ResourceError: "The file could not be opened. It may have been moved or "
    "deleted: relink the course to its new folder, or skip to the next lesson.",
    QMediaPlayer.Error.FormatError: "The file is damaged or in a format smrtplayer cannot play. "
    "Verify the course (it may be incomplete), or skip to the next lesson.",
    QMediaPlayer.Error.AccessDeniedError: "smrtplayer is not allowed to read this file. Check its "
    "permissions, or skip to the next lesson.",
}


class PlaybackController(QObject):
    lesson_opened = Signal(object)  # Lesson
    position_changed = Signal(int)  # ms
    duration_changed = Signal(int)  # ms
    playing_changed = Signal(bool)
    frame_ready = Signal(QImage)
    media_failed = Signal(str)  # a message for the user: what happened and what to do
    media_finished = Signal()
    volume_changed = Signal(float)

    def __init__(self, progress: ProgressRepository, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._progress = progress
        self._player = QMediaPlayer(self)
        self._audio = QAudioOutput(self)
        self._sink = QVideoSink(self)
        self._player.setAudioOutput(self._audio)
        self._player.setVideoOutput(self._sink)
        self._lesson: Lesson | None = None
        self._pending_seek_ms: int | None = None
        self._play_when_loaded = False
        self._last_image = QImage()
        self.frames_shown = 0
        self._failed = False

        self._sink.videoFrameChanged.connect(self._on_video_frame)
        self._player.positionChanged.connect(self._on_position)
        self._player.durationChanged.connect(self._on_duration)
        self._player.playbackStateChanged.connect(self._on_state)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(self._on_error)

        self._save_timer = QTimer(self)
        self._save_timer.setInterval(SAVE_EVERY_MS)
        self._save_timer.timeout.connect(self.save_position)

    # ------------------------------------------------------------------------------ queries
    @property
    def lesson(self) -> Lesson | None:
        return self._lesson

    def is_available(self) -> bool:
        return bool(self._player.isAvailable())

    def is_playing(self) -> bool:
        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def position_ms(self) -> int:
        return int(self._player.position())

    def duration_ms(self) -> int:
        return int(self._player.duration())

    def current_image(self) -> QImage:
        return self._last_image

    def volume(self) -> float:
        return float(self._audio.volume())

    # ----------------------------------------------------------------------------- commands
    def open_lesson(self, lesson: Lesson, *, autoplay: bool = True, start_ms: int | None = None) -> None:
        """Load ``lesson``; resume where the user stopped unless ``start_ms`` is given."""
        self.save_position()
        self._lesson = lesson
        self._failed = False
        self._last_image = QImage()
        self.frames_shown = 0
        self.lesson_opened.emit(lesson)
        path = Path(lesson.path)
        if not path.is_file():
            self._fail(
                f"“{lesson.title}” cannot be found at {path}. If the course folder was moved, "
                "relink the course to its new place; or skip to the next lesson."
            )
            self._player.setSource(QUrl())
            return
        if start_ms is None:
            saved = self._progress.get(lesson.fingerprint)
            start_ms = saved.position_ms if saved else 0
            known = lesson.duration_ms or (saved.duration_ms if saved else None)
            if known and start_ms >= known - RESTART_NEAR_END_MS:
                start_ms = 0
        self._pending_seek_ms = start_ms if start_ms > 0 else None
        self._play_when_loaded = autoplay
        self._progress.save_position(lesson.fingerprint, start_ms)
        # Only local files are ever given to the player: no network, ever.
        self._player.setSource(QUrl.fromLocalFile(str(path.resolve())))
        if autoplay:
            self._player.play()

    def play(self) -> None:
        if self._lesson is not None and not self._failed:
            self._player.play()

    def pause(self) -> None:
        self._player.pause()
        self.save_position()

    def toggle_play(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def seek(self, position_ms: int) -> None:
        duration = self.duration_ms()
        position_ms = max(0, position_ms if duration <= 0 else min(position_ms, duration))
        self._player.setPosition(position_ms)
        self.save_position()

    def skip(self, delta_ms: int) -> None:
        self.seek(self.position_ms() + delta_ms)

    def set_volume(self, volume: float) -> None:
        self._audio.setVolume(max(0.0, min(1.0, volume)))
        self.volume_changed.emit(self.volume())

    @Slot()
    def save_position(self) -> None:
        if self._lesson is None or self._failed:
            return
        position = self.position_ms()
        if position <= 0 and self._pending_seek_ms:
            return  # not loaded yet: keep the saved resume point
        duration = self.duration_ms() or None
        self._progress.save_position(self._lesson.fingerprint, position, duration)

    def shutdown(self) -> None:
        """Save where the user is and unload the media; the player object itself lives on."""
        self._save_timer.stop()
        self.save_position()
        self._player.pause()
        self._player.setSource(QUrl())
        self._lesson = None

    # ------------------------------------------------------------------------------- slots
    @Slot(QVideoFrame)
    def _on_video_frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        image = frame.toImage()
        if image.isNull():
            return
        self._last_image = image
        self.frames_shown += 1
        self.frame_ready.emit(image)

    @Slot("qlonglong")
    def _on_position(self, position: int) -> None:
        self.position_changed.emit(int(position))

    @Slot("qlonglong")
    def _on_duration(self, duration: int) -> None:
        self.duration_changed.emit(int(duration))

    @Slot(QMediaPlayer.PlaybackState)
    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        if playing:
            self._save_timer.start()
        else:
            self._save_timer.stop()
        self.playing_changed.emit(playing)

    @Slot(QMediaPlayer.MediaStatus)
    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._pending_seek_ms is not None:
            self._player.setPosition(self._pending_seek_ms)
            self._pending_seek_ms = None
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.save_position()
            self.media_finished.emit()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia and not self._failed:
            self._fail(
                f"“{self._lesson.title if self._lesson else 'This file'}” is not a playable video. "
                + _ERROR_ADVICE[QMediaPlayer.Error.FormatError]
            )

    @Slot(QMediaPlayer.Error, str)
    def _on_error(self, error: QMediaPlayer.Error, detail: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        title = self._lesson.title if self._lesson else "This lesson"
        advice = _ERROR_ADVICE.get(error, "Skip to the next lesson, or verify the course.")
        self._fail(f"“{title}” cannot be played ({detail or error.name}). {advice}")

    def _fail(self, message: str) -> None:
        if self._failed:
            return
        self._failed = True
        log.warning("playback failed: %s", message)
        self.media_failed.emit(message)
