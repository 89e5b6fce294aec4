"""Remembering playback: the resume point, the spans really played, "watched", and the user's choices.

A write the disk refuses (full, read-only) never stops playback: the choice or position still applies
to this session, the user is told once what is not being saved and why, and the next save tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from smrtplayer.common.errors import WriteProblem
from smrtplayer.models.library import Lesson
from smrtplayer.models.spans import SpanTracker
from smrtplayer.store.db import DatabaseError, database_write_problem
from smrtplayer.store.playback_state import PlaybackStateRepository
from smrtplayer.store.resume import ProgressRepository

log = logging.getLogger(__name__)

# The promise: a crash loses at most the last 5 s of playback position. The save timer runs a second
# early because a coarse Qt timer may fire up to 5 % late and a busy event loop delays it further.
SAVE_EVERY_MS = 4000
# Within this much of the end (or the last 5 % of a short clip) a lesson resumes from the start
# instead of showing its last frame.
RESTART_NEAR_END_MS = 3000

_ADVICE = {
    WriteProblem.DISK_FULL: "the disk is full. Free some space",
    WriteProblem.READ_ONLY: "the data folder cannot be written. Check its permissions",
}


def at_the_end(position_ms: int, duration_ms: int | None) -> bool:
    """Is a resume point so close to the end that reopening the lesson starts it again?"""
    if not duration_ms:
        return False
    return position_ms >= duration_ms - min(RESTART_NEAR_END_MS, duration_ms // 20)


def _failure_reason(error: DatabaseError) -> str:
    problem = database_write_problem(error)
    return _ADVICE[problem] if problem is not None else f"{error}. Check the data folder"


class ResumeKeeper(QObject):
    """Writes where the user is in a lesson and what they chose; says once when it cannot."""

    progress_saved = Signal(int)  # the position just written
    #: what was not saved and why, for the user (a full disk, a read-only data folder); said once
    save_failed = Signal(str)
    watched_changed = Signal(str, bool)  # lesson fingerprint, watched

    def __init__(
        self,
        progress: ProgressRepository,
        state: PlaybackStateRepository | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._progress = progress
        self._state = state
        #: the parts of the open lesson really played (fed by the controller while it plays)
        self.spans = SpanTracker()
        self._save_failure: str | None = None
        self._choice_failures: set[str] = set()

    def begin(self, lesson: Lesson) -> None:
        """``lesson`` opens: its played spans so far are what later saves add to."""
        self.spans.reset(self._state.spans(lesson.fingerprint) if self._state else ())

    def resume_point(self, lesson: Lesson) -> int:
        """Where ``lesson`` opens: where the user stopped, or its start when that was at the end."""
        saved = self._progress.get(lesson.fingerprint)
        start_ms = saved.position_ms if saved else 0
        known = lesson.duration_ms or (saved.duration_ms if saved else None)
        return 0 if at_the_end(start_ms, known) else start_ms

    def mark_opened(self, lesson: Lesson, start_ms: int) -> None:
        """Record ``lesson`` as the one opened last, at ``start_ms``; a refused write only says so."""
        try:
            self._progress.save_position(lesson.fingerprint, start_ms)
        except DatabaseError as error:
            self._save_failed(error)  # the lesson still plays; the next save tries again

    def save(self, lesson: Lesson, position_ms: int, duration_ms: int | None) -> None:
        """Write the resume point and the spans played so far (one transaction)."""
        try:
            if self._state is None:
                self._progress.save_position(lesson.fingerprint, position_ms, duration_ms)
            elif self._state.checkpoint(lesson.fingerprint, position_ms, duration_ms, self.spans.spans()):
                self.watched_changed.emit(lesson.fingerprint, True)
        except DatabaseError as error:
            self._save_failed(error)
            return
        self._save_failure = None
        self.progress_saved.emit(position_ms)

    def _save_failed(self, error: DatabaseError) -> None:
        message = (
            f"Where you are in the lesson is not being saved: {_failure_reason(error)}; smrtplayer "
            "keeps trying while it plays. What was saved before is kept."
        )
        if message != self._save_failure:
            log.warning("resume point not saved: %s", error)
            self._save_failure = message
            self.save_failed.emit(message)

    def keep_choice(self, what: str, write: Callable[[], object]) -> bool:
        """Store a choice (volume, speed, watched...); on a full or read-only disk say so and go on.

        The choice still applies to this session; only remembering it fails. Said once per choice
        until a save succeeds again.
        """
        try:
            write()
        except DatabaseError as error:
            message = f"{what} is not remembered: {_failure_reason(error)}. What was saved before is kept."
            if message not in self._choice_failures:
                log.warning("%s not saved: %s", what, error)
                self._choice_failures.add(message)
                self.save_failed.emit(message)
            return False
        self._choice_failures.clear()
        return True

    def set_watched(self, lesson: Lesson, watched: bool) -> None:
        store = self._state if self._state is not None else self._progress
        if not self.keep_choice("Watched", lambda: store.set_watched(lesson.fingerprint, watched)):
            return
        if not watched:
            self.spans.reset()
        self.watched_changed.emit(lesson.fingerprint, watched)

    def is_watched(self, lesson: Lesson) -> bool:
        progress = self._progress.get(lesson.fingerprint)
        return bool(progress and progress.watched)
