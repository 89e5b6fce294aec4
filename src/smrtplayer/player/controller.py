"""PlaybackController: opening lessons, transport, and the signals the widgets repaint on.

It drives the process's one media engine (``engine``: why there is only one, and how it is kept from
deadlocking) and delegates to its parts: resume points and played spans (``resume``), the A-B loop
(``loop_driver``), subtitles (``subtitle_tracks``), volume and speed (``sound``), and where to go next
(``navigation``). Widgets never touch the player: they call these methods and repaint on these signals.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMetaObject, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaMetaData, QMediaPlayer, QVideoFrame

from smrtplayer.common.errors import MediaError
from smrtplayer.models.library import Lesson, neighbour_lesson
from smrtplayer.models.positions import Position, position_at, position_near
from smrtplayer.models.settings import (
    AUTOPLAY_NEXT_S,
    LOOP_PAUSE_MS,
    LOOP_REPEATS,
    REWIND_AFTER_PAUSE_S,
    REWIND_PAUSE_S,
    SUBTITLES_ON,
    Setting,
    SettingsAccess,
)
from smrtplayer.models.spans import MAX_STEP_MS
from smrtplayer.player import media_source, navigation
from smrtplayer.player.abloop import ABLoop
from smrtplayer.player.autoplay import NextLessonCountdown
from smrtplayer.player.engine import media_engine, owns_engine, release_engine, take_engine
from smrtplayer.player.loop_driver import LoopDriver
from smrtplayer.player.position_frames import PositionFrames
from smrtplayer.player.resume import SAVE_EVERY_MS, ResumeKeeper
from smrtplayer.player.shown_frame import ShownFrame
from smrtplayer.player.sound import Sound
from smrtplayer.player.subtitle_tracks import SubtitleTracks
from smrtplayer.store.playback_state import PlaybackStateRepository
from smrtplayer.store.resume import ProgressRepository

log = logging.getLogger(__name__)

DEFAULT_FRAME_MS = 40
#: how far the player's clock may be from the frame on screen for that frame to count as where it is
ON_SCREEN_WITHIN_MS = 1000

_STILL_LOADING = (QMediaPlayer.MediaStatus.NoMedia, QMediaPlayer.MediaStatus.LoadingMedia)


@dataclass
class _Preload:
    """A lesson's file opened at start-up before the window announced the lesson (``preload``)."""

    url: QUrl
    start_ms: int
    frame: QVideoFrame | None = None  # decoded before anyone listened
    error: tuple[QMediaPlayer.Error, str] | None = None


class LessonSource(Protocol):
    """What the controller needs from the library: a course's lessons, a lesson's positions, and the
    lesson with a fingerprint (the one opened last, for "Continue")."""

    def lessons(self, course_id: int) -> list[Lesson]: ...

    def positions(self, lesson: Lesson) -> list[Position]: ...

    def lesson_by_fingerprint(self, fingerprint: str) -> Lesson | None: ...


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
    #: what was not saved and why, for the user (a full disk, a read-only data folder); said once per
    #: run of failures. Playback goes on, and the next save (every SAVE_EVERY_MS while playing) tries
    #: again.
    save_failed = Signal(str)
    watched_changed = Signal(str, bool)  # lesson fingerprint, watched
    #: a jump began: show this picture of the frame at ``ms`` until the decoded frame arrives
    still_ready = Signal(QImage, int)

    def __init__(
        self,
        progress: ProgressRepository,
        state: PlaybackStateRepository | None = None,
        settings: SettingsAccess | None = None,
        library: LessonSource | None = None,
        parent: QObject | None = None,
        titles_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        #: where DVD titles' stream lists and part links are written (never the course's folder)
        self._titles_dir = titles_dir
        self._progress = progress
        self._settings = settings
        #: monotonic seconds (a test may replace it)
        self.clock: Callable[[], float] = time.monotonic
        self._paused_at: float | None = None
        self._library = library
        self._player, audio, self._sink = media_engine()
        self._lesson: Lesson | None = None
        self._positions: list[Position] = []
        self._pending_seek_ms: int | None = None
        #: the resume point the window's close chose (``save_closing_position``), kept by later saves
        self._closing_position_ms: int | None = None
        self._preload: _Preload | None = None  # a file opened before its lesson was announced
        self._shown = ShownFrame()
        self._failed = False
        self._last_played_ms: int | None = None  # last report while playing, for truncation
        self._ended_early_at: int | None = None

        self._resume = ResumeKeeper(progress, state, self)
        self._resume.progress_saved.connect(self.progress_saved)
        self._resume.save_failed.connect(self.save_failed)
        self._resume.watched_changed.connect(self.watched_changed)
        self._sound = Sound(self._player, audio, state, settings, self._resume.keep_choice, self)
        self._sound.volume_changed.connect(self.volume_changed)
        self._sound.muted_changed.connect(self.muted_changed)
        self._sound.rate_changed.connect(self.rate_changed)
        loop = ABLoop(repeats=self._setting(LOOP_REPEATS), pause_ms=self._setting(LOOP_PAUSE_MS))
        self._loop = LoopDriver(
            loop, seek=self._seek_to, play=self._player.play, hold=self._hold, parent=self
        )
        self._loop.changed.connect(self.loop_changed)
        self._subtitles = SubtitleTracks(self._player, self._subtitles_wanted, self)
        self._subtitles.text_changed.connect(self.subtitle_changed)
        self._subtitles.tracks_changed.connect(self.subtitle_tracks_changed)
        self.countdown = NextLessonCountdown(self)
        self.countdown.finished.connect(self._open_next_after_countdown)

        self._save_timer = QTimer(self)
        self._save_timer.setInterval(SAVE_EVERY_MS)
        self._save_timer.timeout.connect(self.save_position)

        self._connections: list[QMetaObject.Connection] = []
        self._attach()
        self._frames: PositionFrames | None = None
        self._frames_after_first_frame = False

    @property
    def position_frames(self) -> PositionFrames | None:
        return self._frames

    def keep_position_frames(self, frames: PositionFrames) -> None:
        """Have the first frame of each position of the open lesson ready, so a jump shows it at once."""
        self._frames = frames
        frames.pace(self.is_playing(), self.position_ms())
        if self._lesson is not None:
            frames.prefetch(self._lesson, [p.start_ms for p in self._positions])

    def _attach(self) -> None:
        take_engine(self)
        player = self._player
        player.setSource(QUrl())
        self._sound.reset()
        player.setActiveSubtitleTrack(-1)
        # Slots on main-thread QObjects only, never a lambda: the sink's signals fire on the render
        # thread, and a plain Python callable there is what deadlocks on the GIL (see ``engine``).
        self._frame_connection: QMetaObject.Connection | None = None
        self._connections = [
            self._sink.subtitleTextChanged.connect(self._subtitles.on_embedded_text),
            player.positionChanged.connect(self._on_position),
            player.durationChanged.connect(self._on_duration),
            player.playbackStateChanged.connect(self._on_state),
            player.mediaStatusChanged.connect(self._on_status),
            player.errorOccurred.connect(self._on_error),
            player.tracksChanged.connect(self._subtitles.on_tracks),
        ]
        self._ask_for_next_frame()

    def _ask_for_next_frame(self) -> None:
        """Have the next frame the player shows delivered to this thread, and only that one.

        Each frame waiting in this thread's event queue holds a decoded picture (3 MiB at 1080p),
        and the decoder's buffer pool keeps every buffer it had to add for them until the lesson
        closes: a 300 ms stall here while 1080p plays kept ~25 MiB for good. So the connection is
        single-shot. The render thread removes it as it queues a frame, and queues no other until
        ``_on_video_frame`` makes it again; that slot then shows the sink's latest frame, so frames
        the busy moment skipped are simply not shown late."""
        if self._frame_connection is not None:
            QObject.disconnect(self._frame_connection)  # one live connection, whoever asked first
        self._frame_connection = self._sink.videoFrameChanged.connect(
            self._on_video_frame, Qt.ConnectionType.SingleShotConnection
        )

    def _stop_asking_for_frames(self) -> None:
        if self._frame_connection is not None:
            QObject.disconnect(self._frame_connection)
            self._frame_connection = None

    @contextmanager
    def frames_held_back(self) -> Iterator[None]:
        """Around a long moment of work on the GUI thread (building the side panels): not even one
        frame waits for it meanwhile (see ``_ask_for_next_frame``), and the latest is delivered
        afterwards."""
        if self._frame_connection is None:
            yield
            return
        self._stop_asking_for_frames()
        try:
            yield
        finally:
            if owns_engine(self) and self._frame_connection is None and self._connections:
                self._ask_for_next_frame()
                latest = self._sink.videoFrame()
                if latest.isValid() and not self._shown.is_showing(latest):
                    self._show_frame(latest)

    def _detach(self) -> None:
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        self._stop_asking_for_frames()
        release_engine(self)

    def _setting[T](self, setting: Setting[T]) -> T:
        return self._settings.get(setting) if self._settings is not None else setting.default_value()

    def _subtitles_wanted(self) -> bool:
        return bool(self._setting(SUBTITLES_ON))

    # ------------------------------------------------------------------------------ queries
    @property
    def lesson(self) -> Lesson | None:
        return self._lesson

    @property
    def positions(self) -> list[Position]:
        return list(self._positions)

    @property
    def loop(self) -> ABLoop:
        return self._loop.loop

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

    @property
    def frames_shown(self) -> int:
        """Frames shown since the lesson opened."""
        return self._shown.count

    def frame_start_ms(self) -> int:
        """Start time of the frame on screen (-1 before the first frame)."""
        return self._shown.start_ms

    def current_image(self) -> QImage:
        return self._shown.image()

    def played_spans(self) -> list[tuple[int, int]]:
        return self._resume.spans.spans()

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

    def continue_target(self) -> tuple[Lesson, int] | None:
        """Where "Continue" goes (``navigation.continue_target``), with the clock of the lesson on
        screen, which is ahead of its last save."""
        if self._library is None:
            return None
        on_screen = None
        if self._lesson is not None and self._shown.start_ms >= 0:
            on_screen = (self._lesson, self.position_ms())
        return navigation.continue_target(self._progress, self._library, on_screen)

    def save_closing_position(self) -> None:
        """The window closes: save the resume point at the frame on screen (``position_on_screen``;
        the clock, else), and keep it through the saves of the app's end, while the clock runs on."""
        on_screen = self.position_on_screen()
        self._closing_position_ms = None
        self.save_position(on_screen)
        self._closing_position_ms = on_screen

    def position_on_screen(self) -> int | None:
        """The middle of the frame on screen (a seek there shows that very frame: at its start, a
        rounding can show the one before), when it is this lesson's and the clock is near it (the
        clock can be a frame or two behind the frame shown); None otherwise."""
        if self._lesson is None or self._failed or self._pending_seek_ms is not None:
            return None
        shown = self._shown.middle_ms
        if self._shown.start_ms < 0 or abs(self.position_ms() - shown) > ON_SCREEN_WITHIN_MS:
            return None
        return shown

    def saved_continue_target(self) -> tuple[Lesson, int] | None:
        """Where the next start opens: "Continue" from what is saved, not from the clock on screen."""
        if self._library is None:
            return None
        return navigation.continue_target(self._progress, self._library)

    # ----------------------------------------------------------------------- opening lessons
    def reload_positions(self) -> None:
        """The open lesson's positions changed (one marked, edited, imported): the seek bar's marks
        and previous/next position follow at once."""
        if self._lesson is None or self._library is None:
            return
        self._positions = navigation.distinct(self._library.positions(self._lesson))
        self._prefetch_frames()
        self.positions_loaded.emit(list(self._positions))

    def preload(self, lesson: Lesson, start_ms: int = 0) -> None:
        """Start opening ``lesson``'s file at ``start_ms`` now, while the window is still being built.

        The backend opens (probes) the file on its own thread and reports it loaded through the event
        loop; given a turn of the loop before the window is built, the seek and the decoding of the
        resumed frame run on the backend's threads while the widgets are made (paused: nothing plays
        before ``open_lesson``). ``open_lesson`` with the same lesson and time then goes on from here
        instead of opening and seeking again, and hands on what arrived before any widget listened:
        the frame, the duration, the subtitle tracks, an error.
        """
        try:
            path = media_source.local_media_path(lesson.path)
        except MediaError:
            return  # open_lesson says why
        if not path.is_file():
            return
        try:
            path = self._playable(lesson, path)
        except OSError:
            return  # open_lesson says why
        url = QUrl.fromLocalFile(str(path.resolve()))
        if self._preload is not None and self._preload.url == url and self._preload.start_ms == start_ms:
            return  # asked again for the same start (the window plans the start the app planned)
        self._player.setSource(url)
        self._preload = _Preload(url, start_ms)
        self._pending_seek_ms = start_ms if start_ms > 0 else None
        self._player.pause()  # paused, not stopped: the frame at the start is decoded once loaded

    def _playable(self, lesson: Lesson, path: Path) -> Path:
        """The file to give the backend: the lesson's own, or a DVD title's list of parts."""
        if not lesson.title_parts:
            return path
        if self._titles_dir is None:
            self._titles_dir = Path(tempfile.mkdtemp(prefix="smrtplayer-titles-"))
        return media_source.playable_path(lesson, self._titles_dir)

    def open_lesson(self, lesson: Lesson, *, autoplay: bool = True, start_ms: int | None = None) -> None:
        """Load ``lesson``; resume where the user stopped unless ``start_ms`` is given."""
        self.countdown.cancel()
        self.save_position()
        self._paused_at = None  # a pause in another lesson is no reason to go back in this one
        previous_course = self._lesson.course_id if self._lesson else None
        self._lesson = lesson
        self._closing_position_ms = None
        self._failed = False
        self._shown.clear()
        self._ended_early_at = self._last_played_ms = None
        self._loop.forget_report()
        had_loop = self._loop.drop()
        self._resume.begin(lesson)
        self._positions = navigation.distinct(self._library.positions(lesson)) if self._library else []
        self._subtitles.load(lesson)
        self.lesson_opened.emit(lesson)
        self.positions_loaded.emit(list(self._positions))
        # The second player decodes the positions' pictures once this lesson's first frame is out: on
        # two cores, two decoders at once delay that frame (at start-up too).
        self._frames_after_first_frame = True
        if had_loop:
            self._loop.announce()
        if lesson.course_id != previous_course:
            self._sound.follow_course(lesson.course_id)
        try:
            path = media_source.local_media_path(lesson.path)
        except MediaError as error:
            self._player.setSource(QUrl())
            self._fail(str(error))
            return
        if not path.is_file():
            self._player.setSource(QUrl())
            self._fail(media_source.missing_file_message(lesson.title, path))
            return
        if start_ms is None:
            start_ms = self._resume.resume_point(lesson)
        seek_not_sent, self._pending_seek_ms = self._pending_seek_ms, None
        self._resume.mark_opened(lesson, start_ms)
        try:
            path = self._playable(lesson, path)
        except FileNotFoundError as error:  # a DVD title's later part
            self._player.setSource(QUrl())
            self._fail(media_source.missing_file_message(lesson.title, Path(error.filename or path)))
            return
        except OSError as error:
            self._player.setSource(QUrl())
            self._fail(media_source.title_not_prepared_message(lesson.title, error))
            return
        url = QUrl.fromLocalFile(str(path.resolve()))
        preload, self._preload = self._preload, None
        preloaded = preload is not None and preload.url == url and self._player.source() == url
        if preloaded and preload is not None and preload.start_ms == start_ms:
            self._carry_on_from(preload, seek_not_sent)
            if autoplay and not self._failed:
                self._player.play()
            return
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

    def _carry_on_from(self, preload: _Preload, seek_not_sent: int | None) -> None:
        """The lesson's file was opened (and maybe already sought and decoded) by ``preload``: announce
        what the window's widgets, built since, have not heard, and seek only if that has not begun."""
        self._pending_seek_ms = seek_not_sent  # None once the loaded file has been sought
        if preload.error is not None:
            self._on_error(*preload.error)
            return
        status = self._player.mediaStatus()
        if status in _STILL_LOADING:
            return  # the rest arrives as for any lesson
        self._on_status(status)
        if self._failed:
            return
        self._subtitles.on_tracks()  # read again: ``_subtitles.load`` forgot the video's own tracks
        if self.duration_ms() > 0:
            self.duration_changed.emit(self.duration_ms())
        if preload.frame is not None:
            self._on_video_frame(preload.frame)

    def retry(self) -> None:
        if self._lesson is not None:
            self.open_lesson(self._lesson, autoplay=True)

    def neighbour_lesson(self, step: int) -> Lesson | None:
        if self._lesson is None or self._library is None:
            return None
        return neighbour_lesson(self._library.lessons(self._lesson.course_id), self._lesson, step)

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
        if self._loop.is_waiting():
            self._loop.again()
            return
        self._rewind_after_long_pause()
        self._player.play()

    def _rewind_after_long_pause(self) -> None:
        """After a long pause, go back a few seconds, as course players do: the learner hears the
        end of the sentence again instead of landing mid-word."""
        paused_at, self._paused_at = self._paused_at, None
        if paused_at is None or self._settings is None:
            return
        back_ms = self._settings.get(REWIND_AFTER_PAUSE_S) * 1000
        if back_ms and self.clock() - paused_at >= self._settings.get(REWIND_PAUSE_S):
            self._seek_to(max(0, self.position_ms() - back_ms))

    def pause(self) -> None:
        if self.is_playing():
            self._paused_at = self.clock()
        self._loop.stop_waiting()
        self._player.pause()
        self._resume.spans.interrupt()
        self.save_position()

    def _hold(self) -> None:
        self._player.pause()
        self._resume.spans.interrupt()

    def toggle_play(self) -> None:
        if self.is_playing() or self._loop.is_waiting():
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
        self._resume.spans.interrupt()
        self._last_played_ms = self._shown.step_target_ms = None
        self._loop.forget_report()
        loading = self._player.mediaStatus() in _STILL_LOADING
        if duration <= 0 and (loading or self._pending_seek_ms is not None):
            # Not loaded yet: the player would drop this seek, so apply it once the media is loaded.
            self._pending_seek_ms = position_ms
        else:
            self._player.setPosition(position_ms)
        return position_ms

    def jump_to(self, position_ms: int) -> None:
        """Seek to where a position starts, showing its cached first frame at once when there is one."""
        image = self.position_frame(position_ms)
        if image is not None:
            # Before the seek: the backend may flush its decoder threads while setting the position.
            duration = self.duration_ms()
            self.still_ready.emit(image, position_ms if duration <= 0 else min(position_ms, duration))
        position_ms = self._seek_to(position_ms)
        self.save_position(position_ms)

    def position_frame(self, position_ms: int) -> QImage | None:
        """The cached picture of the frame at ``position_ms`` in the open lesson, if there is one."""
        if self._frames is None or self._lesson is None:
            return None
        return self._frames.image(self._lesson.fingerprint, position_ms)

    def _prefetch_frames(self) -> None:
        if self._frames is not None and self._lesson is not None:
            self._frames.prefetch(self._lesson, [p.start_ms for p in self._positions])

    def skip(self, delta_ms: int) -> None:
        self.seek(self.position_ms() + delta_ms)

    def step_frame(self, frames: int) -> None:
        """Show the next (``frames`` > 0) or previous frame; playback pauses first."""
        if self._lesson is None or self._failed:
            return
        if self.is_playing():
            self.pause()
        frame_ms = self.frame_ms()
        target = self._shown.step_target(frames, frame_ms, self.position_ms())
        if target < 0:
            return
        # The backend shows the last frame that starts before the position asked for, so aim at
        # the middle of the wanted frame.
        self._seek_to(target + frame_ms // 2)
        self._shown.step_target_ms = target

    def next_position(self) -> bool:
        start = navigation.next_position_start(self._positions, self.position_ms(), self.frame_ms())
        if start is not None:
            self.jump_to(start)
        return start is not None

    def previous_position(self) -> bool:
        start = navigation.previous_position_start(self._positions, self.position_ms())
        if start is not None:
            self.jump_to(start)
        return start is not None

    # -------------------------------------------------------------------------- volume, speed
    def volume(self) -> float:
        return self._sound.volume()

    def is_muted(self) -> bool:
        return self._sound.is_muted()

    def set_volume(self, volume: float) -> None:
        self._sound.set_volume(volume)

    def set_muted(self, muted: bool) -> None:
        self._sound.set_muted(muted)

    def toggle_mute(self) -> None:
        self._sound.set_muted(not self._sound.is_muted())

    @Slot()
    def _save_volume(self) -> None:
        self._sound.save_volume()

    def rate(self) -> float:
        return self._sound.rate()

    def pitch_kept(self) -> bool:
        """Whether speech keeps its natural pitch when slowed down or sped up."""
        return self._sound.pitch_kept()

    def set_rate(self, rate: float) -> None:
        self._sound.set_rate(rate, self._lesson.course_id if self._lesson else None)

    def faster(self) -> None:
        self.set_rate(self._sound.faster_step())

    def slower(self) -> None:
        self.set_rate(self._sound.slower_step())

    def reset_rate(self) -> None:
        self.set_rate(1.0)

    # ------------------------------------------------------------------------------ A-B loop
    def loop_snapshot(self) -> ABLoop:
        return self._loop.snapshot()

    def set_loop_a(self) -> None:
        self._loop.set_a(self._shown_position())

    def set_loop_b(self) -> bool:
        done = self._loop.set_b(self._shown_position())
        if done and self.is_playing():
            self._seek_to(self.loop.a_ms or 0)  # the loop starts now, from A
        return done

    def set_loop(self, a_ms: int, b_ms: int) -> bool:
        return self._loop.set_span(a_ms, b_ms)

    def clear_loop(self) -> None:
        self._loop.clear()

    def set_loop_options(self, *, repeats: int | None, pause_ms: int) -> None:
        self._loop.set_options(repeats=repeats, pause_ms=pause_ms)
        settings, loop = self._settings, self._loop.loop
        if settings is not None:
            options = {LOOP_REPEATS: loop.repeats, LOOP_PAUSE_MS: loop.pause_ms}
            self._resume.keep_choice("The loop's repeats and pause", lambda: settings.set_many(options))
        self._loop.announce()

    def loop_current_position(self) -> bool:
        """Loop the span of the position being demonstrated now, from its start."""
        position = position_near(self._positions, self.position_ms())
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
        if not self.is_playing() and self._shown.start_ms >= 0:
            return self._shown.start_ms
        return self.position_ms()

    # ----------------------------------------------------------------------------- subtitles
    def subtitle_tracks(self) -> list[str]:
        """The sidecar files first (the plain one, then translations), then the video's own."""
        return self._subtitles.tracks()

    def subtitle_track(self) -> int | None:
        return self._subtitles.choice()

    def subtitles_enabled(self) -> bool:
        return self._subtitles.choice() is not None

    def subtitle_text(self) -> str:
        return self._subtitles.text()

    def set_subtitles_enabled(self, enabled: bool) -> None:
        settings = self._settings
        if settings is not None:
            self._resume.keep_choice("Subtitles on/off", lambda: settings.set(SUBTITLES_ON, enabled))
        self.set_subtitle_track(0 if enabled and self.subtitle_tracks() else None)

    def set_subtitle_track(self, index: int | None) -> None:
        self._subtitles.choose(index, self.position_ms())

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
        elif self._closing_position_ms is not None and position_ms is None:
            position = self._closing_position_ms  # the app is ending: where its close said
        self._resume.save(lesson, position, self.duration_ms() or None)

    def set_watched(self, watched: bool) -> None:
        if self._lesson is not None:
            self._resume.set_watched(self._lesson, watched)

    def is_watched(self) -> bool:
        return self._lesson is not None and self._resume.is_watched(self._lesson)

    def toggle_watched(self) -> None:
        self.set_watched(not self.is_watched())

    def shutdown(self) -> None:
        """Save where the user is and unload the media; the player object itself lives on."""
        self._save_timer.stop()
        self._loop.stop_waiting()
        self.countdown.cancel()
        self._resume.spans.interrupt()
        self.save_position()
        self._sound.flush()
        if owns_engine(self):
            self._player.pause()
            self._player.setSource(QUrl())
        self._detach()
        self._lesson = None
        self._closing_position_ms = None
        if self._frames is not None:
            self._frames.close()

    # ------------------------------------------------------------------------------- slots
    @Slot(QVideoFrame)
    def _on_video_frame(self, _frame: QVideoFrame) -> None:
        if not owns_engine(self) or self._frame_connection is None:
            return  # queued before this controller let go of the engine, or before frames were held back
        self._ask_for_next_frame()
        # The sink's frame now: the one delivered, or a newer one shown while this thread was busy.
        latest = self._sink.videoFrame()
        if latest.isValid() and not self._shown.is_showing(latest):
            self._show_frame(latest)

    def _show_frame(self, frame: QVideoFrame) -> None:
        if self._lesson is None and self._preload is not None:
            self._preload.frame = frame  # no widget listens yet: open_lesson hands it on
            return
        self._shown.show(frame, self.position_ms())
        self.frame_ready.emit(frame)
        if self._frames is not None and self._lesson is not None:
            self._frames.take_from_playback(self._lesson.fingerprint, frame)
        if self._frames_after_first_frame:
            self._frames_after_first_frame = False
            QTimer.singleShot(0, self, self._prefetch_frames)  # after the frame is painted

    @Slot("qlonglong")
    def _on_position(self, position: int) -> None:
        position = int(position)
        if self.is_playing():
            self._resume.spans.played(position)
            self._note_truncation(position)
            self._loop.played_to(position)
        self._subtitles.show_at(position)
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
                self._resume.spans.played(self.position_ms())
                self._last_played_ms = self.position_ms()
            else:
                self._last_played_ms = self._pending_seek_ms
        else:
            self._save_timer.stop()
            self._resume.spans.interrupt()
            self._last_played_ms = None
            self._loop.forget_report()
        if self._frames is not None:
            self._frames.pace(playing, self.position_ms())
        self.playing_changed.emit(playing)

    @Slot(QMediaPlayer.MediaStatus)
    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._pending_seek_ms is not None:
            target, self._pending_seek_ms = self._pending_seek_ms, None
            self._player.setPosition(target)
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._on_end_of_media()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia and not self._failed:
            if self._lesson is None:
                return  # refused while preloading: said once the lesson is announced (``_carry_on_from``)
            self._fail(media_source.not_playable_message(self._lesson.title))

    def _on_end_of_media(self) -> None:
        duration = self.duration_ms()
        if self._loop.media_ended(duration):
            return
        ended_early_at = self._ended_early_at
        if ended_early_at is None:
            # The clock reaching the end right after a report near it is the end really played.
            self._resume.spans.played(duration)
        self._resume.spans.interrupt()
        self.save_position(duration if ended_early_at is None else ended_early_at)
        if ended_early_at is not None and self._lesson is not None:
            self._fail(media_source.truncated_message(self._lesson.title, ended_early_at, duration))
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
        if self._lesson is None and self._preload is not None:
            self._preload.error = (error, detail)  # said once the lesson is announced
            return
        title = self._lesson.title if self._lesson else "This lesson"
        self._fail(media_source.error_message(title, error, detail))

    def _fail(self, message: str) -> None:
        if self._failed:
            return
        self._failed = True
        self._save_timer.stop()
        self._loop.stop_waiting()
        if self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self._player.pause()
        log.warning("playback failed: %s", message)
        self.media_failed.emit(message)
