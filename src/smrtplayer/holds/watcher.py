"""Video binding: the position under the playhead, and the option that pauses the video as it reaches
a position and starts that position's hold."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from smrtplayer.holds.ports import LessonLookup, Player
from smrtplayer.holds.runner import SequenceRunner
from smrtplayer.models.positions import Position

# A position reached by normal playback, not by a jump: the playhead moved forward less than this.
WATCH_MAX_STEP_MS = 1500


class PositionWatcher(QObject):
    """Optionally pauses the video as it reaches a position and starts that position's hold."""

    def __init__(self, runner: SequenceRunner, player: Player, lookup: LessonLookup) -> None:
        super().__init__(runner)
        self.enabled = False
        self._runner = runner
        self._player = player
        self._lookup = lookup
        self._previous_ms: int | None = None
        self._positions: list[Position] = []
        self._positions_of: str | None = None
        player.position_changed.connect(self._on_position)

    def _current_positions(self) -> list[Position]:
        lesson = self._player.lesson
        if lesson is None:
            return []
        if self._positions_of != lesson.fingerprint:
            self._positions = self._lookup.positions(lesson)
            self._positions_of = lesson.fingerprint
            self._previous_ms = None
        return self._positions

    @Slot(int)
    def _on_position(self, position_ms: int) -> None:
        positions = self._current_positions()
        previous, self._previous_ms = self._previous_ms, position_ms
        if not self.enabled or self._runner.is_active() or previous is None:
            return
        if not 0 < position_ms - previous <= WATCH_MAX_STEP_MS or not self._player.is_playing():
            return
        for position in positions:
            if previous < position.start_ms <= position_ms:
                self._player.pause()
                self._runner.hold_position(position, from_playback=True)
                return
