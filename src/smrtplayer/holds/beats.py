"""Beats inside a timed step: the start of each Active Release pass, or a roll's "move along" cue.

Beat ``n`` (from 1) falls at ``origin + (n - 1) × interval`` for passes (the first pass starts with
the step) and at ``origin + n × interval`` for a roll's cue. Instants are computed from the origin
on the monotonic clock, never by adding up timer intervals, so a late wake-up never shifts the
beats after it; ``poll`` emits every beat whose instant has passed, in order (tests with a fake
clock call it directly).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

NS_PER_MS = 1_000_000


class Beats(QObject):
    beat = Signal(int, int)  # number (from 1), how many in all

    def __init__(self, clock: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._origin_ns = 0
        self._interval_ns = 0
        self._count = 0
        self._offset = 0  # 0: the first beat at the origin (passes); 1: one interval in (a roll's cue)
        self._emitted = 0
        self._paused_at_ns: int | None = None
        #: clock readings at which each beat was emitted, for the cadence benchmark
        self.emitted_at_ns: list[int] = []
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.PreciseTimer)
        self._wake.timeout.connect(self.poll)

    @property
    def count(self) -> int:
        return self._count

    @property
    def current(self) -> int:
        """The last beat emitted (the pass in progress); 0 before the first."""
        return self._emitted

    def is_active(self) -> bool:
        return self._count > 0 and self._emitted < self._count

    def start(self, *, interval_ms: int, count: int, origin_ns: int, first_at_origin: bool) -> None:
        self._origin_ns = origin_ns
        self._interval_ns = interval_ms * NS_PER_MS
        self._count = count
        self._offset = 0 if first_at_origin else 1
        self._emitted = 0
        self._paused_at_ns = None
        self.emitted_at_ns = []
        self.poll()

    def stop(self) -> None:
        self._count = 0
        self._emitted = 0
        self._wake.stop()

    def pause(self) -> None:
        if self.is_active() and self._paused_at_ns is None:
            self._paused_at_ns = self._clock()
            self._wake.stop()

    def resume(self) -> None:
        if self._paused_at_ns is not None:
            self._origin_ns += self._clock() - self._paused_at_ns  # the beats move with the pause
            self._paused_at_ns = None
            self.poll()

    def shift(self, delta_ms: int) -> None:
        """The step's time was changed: later beats move with it (a pass is never repeated)."""
        self._origin_ns += delta_ms * NS_PER_MS
        self.poll()

    def instant_ns(self, number: int) -> int:
        return self._origin_ns + (number - 1 + self._offset) * self._interval_ns

    @Slot()
    def poll(self) -> None:
        if not self.is_active() or self._paused_at_ns is not None:
            return
        now = self._clock()
        while self._emitted < self._count and self.instant_ns(self._emitted + 1) <= now:
            self._emitted += 1
            self.emitted_at_ns.append(now)
            number, count = self._emitted, self._count
            self.beat.emit(number, count)
            if not self.is_active() or self._paused_at_ns is not None:
                return  # a slot ended or paused the step
        if self._emitted < self._count:
            wait_ns = self.instant_ns(self._emitted + 1) - now
            self._wake.start(max(0, -(-wait_ns // NS_PER_MS)))
