"""PlaybackController: the only owner of the application's QMediaPlayer.

Why one long-lived player: recreating QMediaPlayer/QAudioOutput, or stopping it synchronously from a
Python frame, is where QtMultimedia deadlocks on the GIL. So the player, audio output and video sink
are made once per process (``_media_engine``) and never destroyed while the app runs; a controller
attaches to them, frames arrive through a slot on this main-thread QObject (never a plain Python
callable on the render thread), and unloading is ``setSource(QUrl())``. In the app there is one
controller; in a test run each fresh context attaches a new controller to the same engine, which is
what keeps hundreds of tests from recreating players.

Widgets never touch the player: they call these methods and repaint on these signals.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QAudioOutput,
    QMediaMetaData,
    QMediaPlayer,
    QVideoFrame,
    QVideoSink,
)

from smrtplayer.common.errors import MediaError, SmrtError, WriteProblem
from smrtplayer.common.timetext import clock_text
from smrtplayer.models.library import Lesson, neighbour_lesson
from smrtplayer.models.positions import Position, position_at, position_near
from smrtplayer.models.settings import (
    AUTOPLAY_NEXT_S,
    LOOP_PAUSE_MS,
    LOOP_REPEATS,
    MUTED,
    SUBTITLES_ON,
    VOLUME,
    Setting,
    SettingsAccess,
)
from smrtplayer.models.spans import MAX_STEP_MS, SpanTracker
from smrtplayer.player.abloop import ABLoop
from smrtplayer.player.autoplay import NextLessonCountdown
from smrtplayer.player.subtitles import SubtitleCues, find_sidecars, load_cues
from smrtplayer.store.db import database_write_problem
from smrtplayer.store.playback_state import PlaybackStateRepository
from smrtplayer.store.resume import ProgressRepository

log = logging.getLogger(__name__)

# The promise: a crash loses at most the last 5 s of playback position. The save timer runs a second
# early because a coarse Qt timer may fire up to 5 % late and a busy event loop delays it further.
SAVE_EVERY_MS = 4000
# Within this much of the end (or the last 5 % of a short clip) a lesson resumes from the start
# instead of showing its last frame.
RESTART_NEAR_END_MS = 3000
RATES = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
DEFAULT_FRAME_MS = 40
# "Previous position" within this long after a position's start goes to the one before it.
PREVIOUS_POSITION_GRACE_MS = 1500
VOLUME_SAVE_DELAY_MS = 400

_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")

_STILL_LOADING = (QMediaPlayer.MediaStatus.NoMedia, QMediaPlayer.MediaStatus.LoadingMedia)
_ERROR_ADVICE = {
    QMediaPlayer.Error.ResourceError: "The file could not be opened. It may have been moved or "
    "deleted: relink the course to its new folder, or skip to the next lesson.",
    QMediaPlayer.Error.FormatError: "The file is damaged or in a format smrtplayer cannot play. "
    "Verify the course (it may be incomplete), or skip to the next lesson.",
    QMediaPlayer.Error.AccessDeniedError: "smrtplayer is not allowed to read this file. Check its "
    "permissions, or skip to the next lesson.",
}
_CODEC_ADVICE = (
    "It uses a video format (codec) smrtplayer cannot decode. Ask the publisher for an H.264 MP4 "
    "copy, or convert it; meanwhile skip to the next lesson."
)


class LessonSource(Protocol):
    """What the controller needs from the library: a course's lessons and a lesson's positions."""

    def lessons(self, course_id: int) -> list[Lesson]: ...

    def positions(self, lesson: Lesson) -> list[Position]: ...


def local_media_path(source: str | Path) -> Path:
    """The local file behind ``source``; anything that is not a local file is refused.

    Only local files are ever given to the player: no network, ever.
    """
    text = str(source)
    if text.startswith("file:"):
        url = QUrl(text)
        if not url.isLocalFile() or url.host() not in ("", "localhost"):
            raise MediaError(f"{text} is not a file on this computer. smrtplayer plays local files only.")
        return Path(url.toLocalFile())
    if isinstance(source, str) and _REMOTE.match(text):
        raise MediaError(
            f"{text} is not a file on this computer. smrtplayer never plays from the network: "
            "download the lesson and import its course."
        )
    return Path(source)


def at_the_end(position_ms: int, duration_ms: int | None) -> bool:
    """Is a resume point so close to the end that reopening the lesson starts it again?"""
    if not duration_ms:
        return False
    return position_ms >= duration_ms - min(RESTART_NEAR_END_MS, duration_ms // 20)


def _failure_reason(error: sqlite3.Error) -> str:
    problem = database_write_problem(error)
    if problem is WriteProblem.DISK_FULL:
        return "the disk is full. Free some space"
    if problem is WriteProblem.READ_ONLY:
        return "the data folder cannot be written. Check its permissions"
    return f"{error}. Check the data folder"


_engine: tuple[QMediaPlayer, QAudioOutput, QVideoSink] | None = None
_engine_owner: PlaybackController | None = None


def _media_engine() -> tuple[QMediaPlayer, QAudioOutput, QVideoSink]:
    """The process's one player, audio output and sink, made on first use and kept for good."""
    global _engine
    if _engine is None:
        # Frames become images on the CPU (~8 ms for 1080p). Otherwise QVideoFrame.toImage() builds
        # a thread-local OpenGL RHI, which on a software renderer (VMs, Xvfb, no GPU driver) costs
        # ~70 ms per 1080p frame, and a GPU readback elsewhere. Qt Multimedia skips OpenGL when
        # this attribute is set; it changes nothing else for a QPainter-only UI.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ForceRasterWidgets)
        keeper = QCoreApplication.instance()
        player = QMediaPlayer(keeper)
        audio = QAudioOutput(keeper)
        sink = QVideoSink(keeper)
        player.setAudioOutput(audio)
        player.setVideoOutput(sink)
        _engine = (player, audio, sink)
    return _engine


class PlaybackController(QObject):
    lesson_opened = Signal(object)  # Lesson
    positions_loaded = Signal(list)  # list[Position] of the open lesson
    position_changed = Signal(int)  # ms
    duration_changed = Signal(int)  # ms
    playing_changed = Signal(bool)
    frame_ready = Signal(QVideoFrame)  # convert lazily: current_image(), or in the view's paint
    media_failed = Signal(str)  # a message for the user: what happened and what to do
    media_finished = Signal()
    volume_changed = Signal(float)
    muted_changed = Signal(bool)
    rate_changed = Signal(float)
    loop_changed = Signal(object)  # ABLoop (a copy; not set when cleared)
    subtitle_changed = Signal(str)  # the text to draw now ("" for none)
    subtitle_tracks_changed = Signal(list)  # list[str] labels; index = set_subtitle_track()
    progress_saved = Signal(int)  # the position just written
    #: the resume point could not be written (full disk...): what happened; playback goes on, and the
    #: next save (every SAVE_EVERY_MS while playing) tries again. Sent once per run of failures.
    #: what was not saved and why, for the user (a full disk, a read-only data folder); said once
    save_failed = Signal(str)
    watched_changed = Signal(str, bool)  # lesson fingerprint, watched

    def __init__(
        self,
        progress: ProgressRepository,
        state: PlaybackStateRepository | None = None,
        settings: SettingsAccess | None = None,
        library: LessonSource | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._progress = progress
        self._state = state
        self._settings = settings
        self._library = library
        self._player, self._audio, self._sink = _media_engine()
        self._lesson: Lesson | None = None
        self._positions: list[Position] = []
        self._pending_seek_ms: int | None = None
        self._preloaded: QUrl | None = None
        self._last_frame = QVideoFrame()
        self._last_image: QImage | None = QImage()
        self._frame_start_ms = -1
        self._step_target_ms: int | None = None
        self.frames_shown = 0
        self._failed = False
        self._save_failure: str | None = None
        self._choice_failures: set[str] = set()
        self._tracker = SpanTracker()
        self._last_played_ms: int | None = None  # last report while playing, for truncation
        self._ended_early_at: int | None = None
        self._previous_report_ms: int | None = None
        self.loop = ABLoop(repeats=self._setting(LOOP_REPEATS), pause_ms=self._setting(LOOP_PAUSE_MS))
        self._loop_wait = QTimer(self)
        self._loop_wait.setSingleShot(True)
        self._loop_wait.timeout.connect(self._loop_again)
        self._sidecar: SubtitleCues | None = None  # the sidecar file chosen (or the default)
        self._sidecar_files: list[Path] = []  # beside the video: the plain one, then translations
        self._embedded_tracks: list[str] = []
        self._subtitle_choice: int | None = None
        self._subtitle_text = ""
        self.countdown = NextLessonCountdown(self)
        self.countdown.finished.connect(self._open_next_after_countdown)

        self._save_timer = QTimer(self)
        self._save_timer.setInterval(SAVE_EVERY_MS)
        self._save_timer.timeout.connect(self.save_position)
        self._volume_timer = QTimer(self)
        self._volume_timer.setSingleShot(True)
        self._volume_timer.setInterval(VOLUME_SAVE_DELAY_MS)
        self._volume_timer.timeout.connect(self._save_volume)

        self._connections: list[QMetaObject.Connection] = []
        self._attach()

    def _attach(self) -> None:
        global _engine_owner
        if _engine_owner is not None and _engine_owner is not self:
            _engine_owner.shutdown()
        _engine_owner = self
        player = self._player
        player.setSource(QUrl())
        player.setPlaybackRate(1.0)
        self._enable_pitch_compensation()
        player.setActiveSubtitleTrack(-1)
        self._audio.setVolume(self._setting(VOLUME))
        self._audio.setMuted(self._setting(MUTED))
        self._connections = [
            self._sink.videoFrameChanged.connect(self._on_video_frame),
            self._sink.subtitleTextChanged.connect(self._on_embedded_subtitle),
            player.positionChanged.connect(self._on_position),
            player.durationChanged.connect(self._on_duration),
            player.playbackStateChanged.connect(self._on_state),
            player.mediaStatusChanged.connect(self._on_status),
            player.errorOccurred.connect(self._on_error),
            player.tracksChanged.connect(self._on_tracks),
        ]

    def _detach(self) -> None:
        global _engine_owner
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        if _engine_owner is self:
            _engine_owner = None

    def _setting[T](self, setting: Setting[T]) -> T:
        return self._settings.get(setting) if self._settings is not None else setting.default_value()

    # ------------------------------------------------------------------------------ queries
    @property
    def lesson(self) -> Lesson | None:
        return self._lesson

    @property
    def positions(self) -> list[Position]:
        return list(self._positions)

    def is_available(self) -> bool:
        return bool(self._player.isAvailable())

    def is_playing(self) -> bool:
        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def has_failed(self) -> bool:
        return self._failed

    def position_ms(self) -> int:
        return int(self._player.position())

    def duration_ms(self) -> int:
        return int(self._player.duration())

    def is_loading(self) -> bool:
        """The file is still being opened (probed) by the backend."""
        return self._player.mediaStatus() == QMediaPlayer.MediaStatus.LoadingMedia

    def frame_start_ms(self) -> int:
        """Start time of the frame on screen (-1 before the first frame)."""
        return self._frame_start_ms

    def current_image(self) -> QImage:
        if self._last_image is None:
            self._last_image = self._last_frame.toImage()
        return self._last_image

    def volume(self) -> float:
        return float(self._audio.volume())

    def is_muted(self) -> bool:
        return bool(self._audio.isMuted())

    def rate(self) -> float:
        return float(self._player.playbackRate())

    def pitch_kept(self) -> bool:
        """Whether speech keeps its natural pitch when slowed down or sped up."""
        availability = self._player.pitchCompensationAvailability()
        if availability == QMediaPlayer.PitchCompensationAvailability.AlwaysOn:
            return True
        return availability == QMediaPlayer.PitchCompensationAvailability.Available and bool(
            self._player.pitchCompensation()
        )

    def played_spans(self) -> list[tuple[int, int]]:
        return self._tracker.spans()

    def frame_ms(self) -> int:
        rate = self._player.metaData().value(QMediaMetaData.Key.VideoFrameRate)
        try:
            fps = float(rate)
        except (TypeError, ValueError):
            return DEFAULT_FRAME_MS
        return round(1000 / fps) if fps > 1 else DEFAULT_FRAME_MS

    def position_at(self, position_ms: int) -> Position | None:
        """The lesson position being demonstrated at ``position_ms``."""
        return position_at(self._positions, position_ms)

    # ----------------------------------------------------------------------- opening lessons
    def reload_positions(self) -> None:
        """The open lesson's positions changed (one marked, edited, imported): the seek bar's marks
        and previous/next position follow at once."""
        if self._lesson is None or self._library is None:
            return
        self._positions = _distinct(self._library.positions(self._lesson))
        self.positions_loaded.emit(list(self._positions))

    def preload(self, lesson: Lesson) -> None:
        """Start opening ``lesson``'s file now, while the window is still being built.

        The backend opens (probes) the file on its own thread, and reports it loaded through the
        event loop, so nothing plays or seeks before ``open_lesson`` with the same lesson, which then
        goes on from here instead of opening the file again: the window's construction and the
        file's opening overlap (~30 ms sooner to the first frame at start).
        """
        try:
            path = local_media_path(lesson.path)
        except MediaError:
            return  # open_lesson says why
        if not path.is_file():
            return
        url = QUrl.fromLocalFile(str(path.resolve()))
        self._player.setSource(url)
        self._preloaded = url

    def open_lesson(self, lesson: Lesson, *, autoplay: bool = True, start_ms: int | None = None) -> None:
        """Load ``lesson``; resume where the user stopped unless ``start_ms`` is given."""
        self.countdown.cancel()
        self.save_position()
        previous_course = self._lesson.course_id if self._lesson else None
        self._lesson = lesson
        self._failed = False
        self._last_frame = QVideoFrame()
        self._last_image = QImage()
        self._frame_start_ms = -1
        self._step_target_ms = None
        self.frames_shown = 0
        self._ended_early_at = self._last_played_ms = self._previous_report_ms = None
        self._loop_wait.stop()
        had_loop = self.loop.is_set
        self.loop.clear()
        self._tracker.reset(self._state.spans(lesson.fingerprint) if self._state else ())
        self._positions = _distinct(self._library.positions(lesson)) if self._library else []
        self._load_subtitles(lesson)
        self.lesson_opened.emit(lesson)
        self.positions_loaded.emit(list(self._positions))
        if had_loop:
            self.loop_changed.emit(self.loop_snapshot())
        if lesson.course_id != previous_course:
            self._apply_rate(self._course_rate(lesson.course_id))
        try:
            path = local_media_path(lesson.path)
        except MediaError as error:
            self._player.setSource(QUrl())
            self._fail(str(error))
            return
        if not path.is_file():
            self._player.setSource(QUrl())
            self._fail(
                f"“{lesson.title}” cannot be found at {path}. If the course folder was moved, "
                "relink the course to its new place; or skip to the next lesson."
            )
            return
        if start_ms is None:
            saved = self._progress.get(lesson.fingerprint)
            start_ms = saved.position_ms if saved else 0
            known = lesson.duration_ms or (saved.duration_ms if saved else None)
            if at_the_end(start_ms, known):
                start_ms = 0
        self._pending_seek_ms = None
        try:
            self._progress.save_position(lesson.fingerprint, start_ms)
        except sqlite3.Error as error:
            self._save_failed(error)  # the lesson still plays; the next save tries again
        url = QUrl.fromLocalFile(str(path.resolve()))
        preloaded, self._preloaded = self._preloaded == url and self._player.source() == url, None
        if not preloaded:
            if self._player.source() == url:
                # The same file again (a search hit or note in the lesson on screen, a retry):
                # QMediaPlayer ignores the same source and would never report it loaded, so the
                # start time would be lost. Unset it first: the file opens again, as any switch.
                self._player.setSource(QUrl())
            self._player.setSource(url)
        # Only now: while the old media is swapped out the player can report its LoadedMedia, which
        # would otherwise consume the seek meant for the new lesson.
        self._pending_seek_ms = start_ms if start_ms > 0 else None
        if preloaded and self._player.mediaStatus() not in _STILL_LOADING:
            # Loaded (or refused) before this lesson was announced: act on it now.
            self._on_status(self._player.mediaStatus())
        if autoplay:
            self._player.play()
        else:
            self._player.pause()  # paused, not stopped: the resumed frame is decoded and shown

    def retry(self) -> None:
        if self._lesson is not None:
            self.open_lesson(self._lesson, autoplay=True)

    def _course_lessons(self) -> list[Lesson]:
        if self._library is None or self._lesson is None:
            return []
        return self._library.lessons(self._lesson.course_id)

    def neighbour_lesson(self, step: int) -> Lesson | None:
        if self._lesson is None:
            return None
        return neighbour_lesson(self._course_lessons(), self._lesson, step)

    def next_lesson(self) -> bool:
        lesson = self.neighbour_lesson(+1)
        if lesson is not None:
            self.open_lesson(lesson, autoplay=True)
        return lesson is not None

    def previous_lesson(self) -> bool:
        lesson = self.neighbour_lesson(-1)
        if lesson is not None:
            self.open_lesson(lesson, autoplay=True)
        return lesson is not None

    @Slot(object)
    def _open_next_after_countdown(self, lesson: Lesson) -> None:
        self.open_lesson(lesson, autoplay=True)

    # ------------------------------------------------------------------------------ transport
    def play(self) -> None:
        if self._lesson is None or self._failed:
            return
        self.countdown.cancel()
        if self._loop_wait.isActive():
            self._loop_again()
            return
        self._player.play()

    def pause(self) -> None:
        self._loop_wait.stop()
        self._player.pause()
        self._tracker.interrupt()
        self.save_position()

    def toggle_play(self) -> None:
        if self.is_playing() or self._loop_wait.isActive():
            self.pause()
        else:
            self.play()

    def seek(self, position_ms: int) -> None:
        position_ms = self._seek_to(position_ms)
        self.save_position(position_ms)

    def preview_seek(self, position_ms: int) -> None:
        """Seek without saving (while the user drags the timeline); the release saves."""
        self._seek_to(position_ms)

    def _seek_to(self, position_ms: int) -> int:
        duration = self.duration_ms()
        position_ms = max(0, position_ms if duration <= 0 else min(position_ms, duration))
        self._tracker.interrupt()
        self._last_played_ms = self._previous_report_ms = self._step_target_ms = None
        loading = self._player.mediaStatus() in (
            QMediaPlayer.MediaStatus.LoadingMedia,
            QMediaPlayer.MediaStatus.NoMedia,
        )
        if duration <= 0 and (loading or self._pending_seek_ms is not None):
            # Not loaded yet: the player would drop this seek, so apply it once the media is loaded.
            self._pending_seek_ms = position_ms
        else:
            self._player.setPosition(position_ms)
        return position_ms

    def skip(self, delta_ms: int) -> None:
        self.seek(self.position_ms() + delta_ms)

    def step_frame(self, frames: int) -> None:
        """Show the next (``frames`` > 0) or previous frame; playback pauses first."""
        if self._lesson is None or self._failed:
            return
        if self.is_playing():
            self.pause()
        frame_ms = self.frame_ms()
        shown = self._frame_start_ms if self._frame_start_ms >= 0 else self.position_ms()
        if self._step_target_ms is not None:
            shown = self._step_target_ms  # a key held down: step on from the frame on its way
        target = shown + frames * frame_ms
        if target < 0:
            return
        # The backend shows the last frame that starts before the position asked for, so aim at
        # the middle of the wanted frame.
        self._seek_to(target + frame_ms // 2)
        self._step_target_ms = target

    def next_position(self) -> bool:
        here = self.position_ms()
        for position in self._positions:
            if position.start_ms > here + self.frame_ms():
                self.seek(position.start_ms)
                return True
        return False

    def previous_position(self) -> bool:
        here = self.position_ms()
        earlier = [p for p in self._positions if p.start_ms < here - PREVIOUS_POSITION_GRACE_MS]
        if earlier:
            self.seek(earlier[-1].start_ms)
            return True
        if self._positions:
            self.seek(self._positions[0].start_ms)
            return True
        return False

    def set_volume(self, volume: float) -> None:
        self._audio.setVolume(max(0.0, min(1.0, volume)))
        if self.is_muted() and volume > 0:
            self.set_muted(False)
        self._volume_timer.start()
        self.volume_changed.emit(self.volume())

    def set_muted(self, muted: bool) -> None:
        self._audio.setMuted(muted)
        self._volume_timer.start()
        self.muted_changed.emit(muted)

    def toggle_mute(self) -> None:
        self.set_muted(not self.is_muted())

    @Slot()
    def _save_volume(self) -> None:
        settings = self._settings
        if settings is not None:
            volume, muted = round(self.volume(), 3), self.is_muted()
            self._keep_choice("The volume", lambda: settings.set_many({VOLUME: volume, MUTED: muted}))

    # ---------------------------------------------------------------------------------- speed
    def set_rate(self, rate: float) -> None:
        rate = min(RATES, key=lambda step: abs(step - rate))
        self._apply_rate(rate)
        state, lesson = self._state, self._lesson
        if lesson is not None and state is not None:
            self._keep_choice("The speed", lambda: state.set_course_rate(lesson.course_id, rate))

    def faster(self) -> None:
        self.set_rate(next((step for step in RATES if step > self.rate() + 1e-6), RATES[-1]))

    def slower(self) -> None:
        self.set_rate(next((step for step in reversed(RATES) if step < self.rate() - 1e-6), RATES[0]))

    def reset_rate(self) -> None:
        self.set_rate(1.0)

    def _course_rate(self, course_id: int) -> float:
        rate = self._state.course_rate(course_id) if self._state else None
        return rate if rate in RATES else 1.0

    def _apply_rate(self, rate: float) -> None:
        self._enable_pitch_compensation()
        if abs(self.rate() - rate) > 1e-6:
            self._player.setPlaybackRate(rate)
        self.rate_changed.emit(rate)

    def _enable_pitch_compensation(self) -> None:
        if (
            self._player.pitchCompensationAvailability()
            == QMediaPlayer.PitchCompensationAvailability.Available
        ):
            self._player.setPitchCompensation(True)

    # ------------------------------------------------------------------------------ A-B loop
    def loop_snapshot(self) -> ABLoop:
        return ABLoop(**vars(self.loop))

    def set_loop_a(self) -> None:
        self.loop.set_a(self._shown_position())
        self.loop_changed.emit(self.loop_snapshot())

    def set_loop_b(self) -> bool:
        done = self.loop.set_b(self._shown_position())
        if done:
            self._previous_report_ms = None
            self.loop_changed.emit(self.loop_snapshot())
            if self.is_playing():
                self._seek_to(self.loop.a_ms or 0)
        return done

    def set_loop(self, a_ms: int, b_ms: int) -> bool:
        done = self.loop.set_span(a_ms, b_ms)
        if done:
            self.loop_changed.emit(self.loop_snapshot())
        return done

    def clear_loop(self) -> None:
        self._loop_wait.stop()
        self.loop.clear()
        self.loop_changed.emit(self.loop_snapshot())

    def set_loop_options(self, *, repeats: int | None, pause_ms: int) -> None:
        self.loop.repeats = repeats if repeats and repeats > 0 else None
        self.loop.pause_ms = max(0, pause_ms)
        settings, loop = self._settings, self.loop
        if settings is not None:
            options = {LOOP_REPEATS: loop.repeats, LOOP_PAUSE_MS: loop.pause_ms}
            self._keep_choice("The loop's repeats and pause", lambda: settings.set_many(options))
        self.loop_changed.emit(self.loop_snapshot())

    def loop_current_position(self) -> bool:
        """Loop the span of the position being demonstrated now, from its start."""
        here = self.position_ms()
        position = position_near(self._positions, here)
        if position is None:
            return False
        end_ms = position.end_ms
        if self.duration_ms() > 0:
            end_ms = min(end_ms, self.duration_ms())
        if not self.set_loop(position.start_ms, end_ms):
            return False
        self._seek_to(position.start_ms)
        self.play()
        return True

    def _shown_position(self) -> int:
        if not self.is_playing() and self._frame_start_ms >= 0:
            return self._frame_start_ms
        return self.position_ms()

    def _reached_loop_end(self) -> None:
        if self.loop.finish_pass():
            if self.loop.pause_ms > 0:
                self._player.pause()
                self._tracker.interrupt()
                self._loop_wait.start(self.loop.pause_ms)
            else:
                self._seek_to(self.loop.a_ms or 0)
            self.loop_changed.emit(self.loop_snapshot())
        else:
            self.loop.clear()
            self.loop_changed.emit(self.loop_snapshot())

    @Slot()
    def _loop_again(self) -> None:
        self._loop_wait.stop()
        if self.loop.is_set:
            self._seek_to(self.loop.a_ms or 0)
        self._player.play()

    # ----------------------------------------------------------------------------- subtitles
    def subtitle_tracks(self) -> list[str]:
        """The sidecar files first (the plain one, then translations), then the video's own."""
        return [f"Subtitle file ({path.name})" for path in self._sidecar_files] + self._embedded_tracks

    def subtitle_track(self) -> int | None:
        return self._subtitle_choice

    def subtitles_enabled(self) -> bool:
        return self._subtitle_choice is not None

    def subtitle_text(self) -> str:
        return self._subtitle_text

    def set_subtitles_enabled(self, enabled: bool) -> None:
        settings = self._settings
        if settings is not None:
            self._keep_choice("Subtitles on/off", lambda: settings.set(SUBTITLES_ON, enabled))
        self.set_subtitle_track(0 if enabled and self.subtitle_tracks() else None)

    def set_subtitle_track(self, index: int | None) -> None:
        tracks = self.subtitle_tracks()
        if index is not None and not 0 <= index < len(tracks):
            index = None
        offset = len(self._sidecar_files)
        if index is not None and index < offset and not self._read_sidecar(self._sidecar_files[index]):
            index = None  # unreadable: said in the log; no subtitles rather than the wrong ones
        self._subtitle_choice = index
        embedded = index - offset if index is not None and index >= offset else -1
        self._player.setActiveSubtitleTrack(embedded)
        self._update_subtitle(self.position_ms())

    def _read_sidecar(self, path: Path) -> bool:
        if self._sidecar is not None and self._sidecar.source == path:
            return True
        try:
            self._sidecar = load_cues(path)
        except SmrtError as error:
            log.warning("%s", error)
            self._sidecar = None
            return False
        return True

    def _load_subtitles(self, lesson: Lesson) -> None:
        self._sidecar = None
        self._embedded_tracks = []
        self._subtitle_choice = None
        self._player.setActiveSubtitleTrack(-1)
        # The library's own pick (a manifest may name it) first, then the files named like the video.
        known = lesson.subtitle_path
        beside = find_sidecars(Path(lesson.path))
        files = [known] if known is not None and Path(known).is_file() else []
        self._sidecar_files = files + [path for path in beside if path not in files]
        self.subtitle_tracks_changed.emit(self.subtitle_tracks())
        if (
            self._sidecar_files
            and bool(self._setting(SUBTITLES_ON))  # bool(): else mypy takes the list's type for T
            and self._read_sidecar(self._sidecar_files[0])
        ):
            self._subtitle_choice = 0
        self._set_subtitle_text("")

    def _update_subtitle(self, position_ms: int) -> None:
        if self._subtitle_choice is None:
            self._set_subtitle_text("")
        elif self._sidecar is not None and self._subtitle_choice < len(self._sidecar_files):
            self._set_subtitle_text(self._sidecar.text_at(position_ms))

    def _set_subtitle_text(self, text: str) -> None:
        if text != self._subtitle_text:
            self._subtitle_text = text
            self.subtitle_changed.emit(text)

    @Slot(str)
    def _on_embedded_subtitle(self, text: str) -> None:
        offset = len(self._sidecar_files)
        if self._subtitle_choice is not None and self._subtitle_choice >= offset:
            self._set_subtitle_text(text.strip())

    @Slot()
    def _on_tracks(self) -> None:
        labels = []
        for number, meta in enumerate(self._player.subtitleTracks(), start=1):
            title = meta.value(QMediaMetaData.Key.Title)
            language = meta.value(QMediaMetaData.Key.Language)
            name = str(title) if title else ""
            if not name and language is not None:
                name = getattr(language, "name", str(language))
            labels.append(name or f"Track {number}")
        if labels == self._embedded_tracks:
            return
        self._embedded_tracks = labels
        self.subtitle_tracks_changed.emit(self.subtitle_tracks())
        if self._subtitle_choice is None and labels and self._setting(SUBTITLES_ON):
            self.set_subtitle_track(len(self.subtitle_tracks()) - len(labels))

    # ------------------------------------------------------------------------- resume, watched
    @Slot()
    def save_position(self, position_ms: int | None = None) -> None:
        """Write the resume point and the spans played so far (one transaction)."""
        lesson = self._lesson
        if lesson is None or self._failed:
            return
        position = self.position_ms() if position_ms is None else position_ms
        if self._pending_seek_ms is not None and position_ms is None:
            position = self._pending_seek_ms  # not loaded yet: keep the saved resume point
        duration = self.duration_ms() or None
        try:
            if self._state is None:
                self._progress.save_position(lesson.fingerprint, position, duration)
            elif self._state.checkpoint(lesson.fingerprint, position, duration, self._tracker.spans()):
                self.watched_changed.emit(lesson.fingerprint, True)
        except sqlite3.Error as error:
            self._save_failed(error)
            return
        self._save_failure = None
        self.progress_saved.emit(position)

    def _save_failed(self, error: sqlite3.Error) -> None:
        message = (
            f"Where you are in the lesson is not being saved: {_failure_reason(error)}; smrtplayer "
            "keeps trying while it plays. What was saved before is kept."
        )
        if message != self._save_failure:
            log.warning("resume point not saved: %s", error)
            self._save_failure = message
            self.save_failed.emit(message)

    def _keep_choice(self, what: str, write: Callable[[], object]) -> bool:
        """Store a choice (volume, speed, watched...); on a full or read-only disk say so and go on.

        The choice still applies to this session; only remembering it fails. Said once per choice
        until a save succeeds again.
        """
        try:
            write()
        except sqlite3.Error as error:
            message = f"{what} is not remembered: {_failure_reason(error)}. What was saved before is kept."
            if message not in self._choice_failures:
                log.warning("%s not saved: %s", what, error)
                self._choice_failures.add(message)
                self.save_failed.emit(message)
            return False
        self._choice_failures.clear()
        return True

    def set_watched(self, watched: bool) -> None:
        lesson = self._lesson
        if lesson is None:
            return
        store = self._state if self._state is not None else self._progress
        if not self._keep_choice("Watched", lambda: store.set_watched(lesson.fingerprint, watched)):
            return
        if not watched:
            self._tracker.reset()
        self.watched_changed.emit(lesson.fingerprint, watched)

    def is_watched(self) -> bool:
        if self._lesson is None:
            return False
        progress = self._progress.get(self._lesson.fingerprint)
        return bool(progress and progress.watched)

    def toggle_watched(self) -> None:
        self.set_watched(not self.is_watched())

    def shutdown(self) -> None:
        """Save where the user is and unload the media; the player object itself lives on."""
        self._save_timer.stop()
        self._loop_wait.stop()
        self.countdown.cancel()
        self._tracker.interrupt()
        self.save_position()
        if self._volume_timer.isActive():
            self._volume_timer.stop()
            self._save_volume()
        if _engine_owner is self:
            self._player.pause()
            self._player.setSource(QUrl())
        self._detach()
        self._lesson = None

    # ------------------------------------------------------------------------------- slots
    @Slot(QVideoFrame)
    def _on_video_frame(self, frame: QVideoFrame) -> None:
        # A frame queued from the render thread can arrive after this controller let go of the
        # engine (its context closed): it belongs to someone else now.
        if _engine_owner is not self or not frame.isValid():
            return
        self._last_frame = frame
        self._last_image = None
        start = frame.startTime()
        self._frame_start_ms = start // 1000 if start >= 0 else self.position_ms()
        self._step_target_ms = None
        self.frames_shown += 1
        self.frame_ready.emit(frame)

    @Slot("qlonglong")
    def _on_position(self, position: int) -> None:
        position = int(position)
        if self.is_playing():
            self._tracker.played(position)
            self._note_truncation(position)
            if self.loop.crossed_end(self._previous_report_ms, position):
                self._reached_loop_end()
            self._previous_report_ms = position
        self._update_subtitle(position)
        self.position_changed.emit(position)

    def _note_truncation(self, position: int) -> None:
        """A jump to the very end during plain playback: the file stopped decoding early."""
        last = self._last_played_ms
        duration = self.duration_ms()
        if (
            last is not None
            and duration > 0
            and position >= duration - DEFAULT_FRAME_MS
            and position - last > MAX_STEP_MS
        ):
            self._ended_early_at = last
        self._last_played_ms = position

    @Slot("qlonglong")
    def _on_duration(self, duration: int) -> None:
        self.duration_changed.emit(int(duration))

    @Slot(QMediaPlayer.PlaybackState)
    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        if playing and self._failed:
            self._player.pause()  # the backend may start after reporting the error
            return
        if playing:
            self._save_timer.start()
            if self._pending_seek_ms is None:
                self._tracker.played(self.position_ms())
                self._last_played_ms = self.position_ms()
            else:
                self._last_played_ms = self._pending_seek_ms
        else:
            self._save_timer.stop()
            self._tracker.interrupt()
            self._last_played_ms = self._previous_report_ms = None
        self.playing_changed.emit(playing)

    @Slot(QMediaPlayer.MediaStatus)
    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._pending_seek_ms is not None:
            target, self._pending_seek_ms = self._pending_seek_ms, None
            self._player.setPosition(target)
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._on_end_of_media()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia and not self._failed:
            self._fail(
                f"“{self._lesson.title if self._lesson else 'This file'}” is not a playable video. "
                + _ERROR_ADVICE[QMediaPlayer.Error.FormatError]
            )

    def _on_end_of_media(self) -> None:
        duration = self.duration_ms()
        if self.loop.is_set and (self.loop.b_ms or 0) >= duration - MAX_STEP_MS:
            self._reached_loop_end()
            if self.loop.is_set and not self._loop_wait.isActive():
                self._player.play()
            return
        ended_early_at = self._ended_early_at
        if ended_early_at is None:
            # The clock reaching the end right after a report near it is the end really played.
            self._tracker.played(duration)
        self._tracker.interrupt()
        self.save_position(duration if ended_early_at is None else ended_early_at)
        if ended_early_at is not None and self._lesson is not None:
            self._fail(
                f"“{self._lesson.title}” stopped at {clock_text(ended_early_at, hours=False)} of "
                f"{clock_text(duration, hours=False)}: "
                "the file is incomplete (truncated). Copy it again from the original, or verify the "
                "course; meanwhile skip to the next lesson."
            )
            return
        self.media_finished.emit()
        following = self.neighbour_lesson(+1)
        seconds = self._setting(AUTOPLAY_NEXT_S)
        if following is not None and seconds > 0:
            self.countdown.start(following, seconds)

    @Slot(QMediaPlayer.Error, str)
    def _on_error(self, error: QMediaPlayer.Error, detail: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        title = self._lesson.title if self._lesson else "This lesson"
        if "decoder" in detail.lower() or "codec" in detail.lower():
            advice = _CODEC_ADVICE
        else:
            advice = _ERROR_ADVICE.get(error, "Skip to the next lesson, or verify the course.")
        self._fail(f"“{title}” cannot be played ({detail or error.name}). {advice}")

    def _fail(self, message: str) -> None:
        if self._failed:
            return
        self._failed = True
        self._save_timer.stop()
        self._loop_wait.stop()
        if self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self._player.pause()
        log.warning("playback failed: %s", message)
        self.media_failed.emit(message)


def _distinct(positions: list[Position]) -> list[Position]:
    """One mark per span: two courses holding the same file both list its publisher positions."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for position in positions:
        key = (position.start_ms, position.end_ms, position.title)
        if key not in seen:
            seen.add(key)
            kept.append(position)
    return kept
