"""The A-B loop at work: going back to A when playback crosses B, with the pause between passes.

``ABLoop`` (``abloop``) is the loop's state; this drives the player with it. It moves the player only
through the callables the controller gives it, so the controller stays the one that seeks and plays.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from smrtplayer.models.spans import MAX_STEP_MS
from smrtplayer.player.abloop import ABLoop


class LoopDriver(QObject):
    changed = Signal(object)  # ABLoop (a copy)

    def __init__(
        self,
        loop: ABLoop,
        *,
        seek: Callable[[int], object],
        play: Callable[[], None],
        hold: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        """``hold`` pauses the player for the pause between passes (the spans stop counting)."""
        super().__init__(parent)
        self.loop = loop
        self._seek = seek
        self._play = play
        self._hold = hold
        self._previous_report_ms: int | None = None
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(self.again)

    def snapshot(self) -> ABLoop:
        return ABLoop(**vars(self.loop))

    def announce(self) -> None:
        self.changed.emit(self.snapshot())

    def is_waiting(self) -> bool:
        """In the pause between two passes."""
        return self._wait.isActive()

    def stop_waiting(self) -> None:
        self._wait.stop()

    def forget_report(self) -> None:
        """The next position report follows a jump, not playback: it cannot cross B."""
        self._previous_report_ms = None

    def set_a(self, position_ms: int) -> None:
        self.loop.set_a(position_ms)
        self.announce()

    def set_b(self, position_ms: int) -> bool:
        done = self.loop.set_b(position_ms)
        if done:
            self._previous_report_ms = None
            self.announce()
        return done

    def set_span(self, a_ms: int, b_ms: int) -> bool:
        done = self.loop.set_span(a_ms, b_ms)
        if done:
            self.announce()
        return done

    def clear(self) -> None:
        self._wait.stop()
        self.loop.clear()
        self.announce()

    def drop(self) -> bool:
        """Clear the loop without a word (a new lesson opens); True if there was one to announce."""
        self._wait.stop()
        had_loop = self.loop.is_set
        self.loop.clear()
        return had_loop

    def set_options(self, *, repeats: int | None, pause_ms: int) -> None:
        self.loop.repeats = repeats if repeats and repeats > 0 else None
        self.loop.pause_ms = max(0, pause_ms)

    def played_to(self, position_ms: int) -> None:
        """A position report while playing: back to A when it has just crossed B."""
        if self.loop.crossed_end(self._previous_report_ms, position_ms):
            self._reached_end()
        self._previous_report_ms = position_ms

    def media_ended(self, duration_ms: int) -> bool:
        """The media ended: True when that was B (a loop to the very end), and the loop goes on."""
        if not self.loop.is_set or (self.loop.b_ms or 0) < duration_ms - MAX_STEP_MS:
            return False
        self._reached_end()
        if self.loop.is_set and not self._wait.isActive():
            self._play()
        return True

    def _reached_end(self) -> None:
        if self.loop.finish_pass():
            if self.loop.pause_ms > 0:
                self._hold()
                self._wait.start(self.loop.pause_ms)
            else:
                self._seek(self.loop.a_ms or 0)
        else:
            self.loop.clear()
        self.announce()

    @Slot()
    def again(self) -> None:
        """The next pass now (the pause is over, or the user pressed play during it)."""
        self._wait.stop()
        if self.loop.is_set:
            self._seek(self.loop.a_ms or 0)
        self._play()
