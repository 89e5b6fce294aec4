"""HoldTimer: a countdown for one hold, kept as a deadline on a monotonic clock.

Why a deadline and not a counter: a QTimer that decrements a number every second drifts (each timeout
arrives a little late and the lateness adds up) and jumps when the event loop stalls. Here the only
state is the deadline; remaining time is always ``deadline - now`` on a monotonic clock, so wall-clock
changes, a slow repaint or a busy event loop never change *when* the hold ends, only how late a repaint
comes. QTimers are used solely to wake up at the next interesting instant: the next whole second
(ticks), the halfway point, and the deadline itself (a single-shot ``PreciseTimer`` re-armed after every
pause, resume or adjustment), so the done cue fires at zero, not a second early and not a tick late.

The display shows the remaining second rounded *up* (29.2 s left shows "30"), so "0" appears exactly at
the deadline; past zero the timer keeps counting up (overtime) until the hold is finished.

Time is integer nanoseconds inside (the clock's unit) and integer milliseconds at the edges.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from time import monotonic_ns
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from smrtplayer.models.presets import MAX_HOLD_MS, validate_hold_ms

Clock = Callable[[], int]  # monotonic nanoseconds

NS_PER_MS = 1_000_000
NS_PER_S = 1_000_000_000
LAST_SECONDS = (3, 2, 1)


class HoldState(enum.StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"


@dataclass(frozen=True)
class HoldResult:
    """What happened to one hold: written to the practice log by whoever started it."""

    planned_ms: int  # the duration asked for, plus any time added or removed during the hold
    actual_ms: int  # time spent running (pauses excluded), overtime included
    completed: bool  # the countdown reached zero
    started_at: str  # ISO 8601 UTC, for the log only; never used for timing
    ended_at: str
    subject: Any = None  # whatever the caller attached at start (a sequence leg, a position...)


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def format_countdown(remaining_ms: int, *, seconds_only: bool = False) -> str:
    """ "0:30" (rounded up, so "0:00" only at the deadline) and "+0:05" once past it."""
    if remaining_ms > 0:
        seconds = _ceil_div(remaining_ms, 1000)
        sign = ""
    else:
        seconds = -remaining_ms // 1000
        sign = "+" if seconds > 0 else ""
    if seconds_only:
        return f"{sign}{seconds}"
    minutes, seconds = divmod(seconds, 60)
    return f"{sign}{minutes}:{seconds:02d}"


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class HoldTimer(QObject):
    """One countdown at a time. Signals, in the order they can fire during a hold:

    ``started(planned_ms)``, ``tick(remaining_ms)`` at every whole second still to go,
    ``halfway()``, ``last_seconds(n)`` for 3, 2, 1, ``done()`` at zero, ``overtime(over_ms)`` at every
    whole second past zero, and ``ended(HoldResult)`` when the hold is finished or abandoned.
    ``paused_changed(bool)`` and ``adjusted(remaining_ms)`` report the user's changes.
    """

    started = Signal(int)
    tick = Signal(int)
    halfway = Signal()
    last_seconds = Signal(int)
    done = Signal()
    overtime = Signal(int)
    paused_changed = Signal(bool)
    adjusted = Signal(int)
    ended = Signal(object)  # HoldResult

    def __init__(self, clock: Clock = monotonic_ns, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._state = HoldState.IDLE
        self._planned_ns = 0
        self._deadline_ns = 0  # valid while running
        self._remaining_when_paused_ns = 0  # valid while paused
        self._last_remaining_ns = 0  # remaining time when events were last looked at
        self._run_started_ns = 0  # when the current running stretch began
        self._ran_ns = 0  # running time of earlier stretches
        self._halfway_sent = False
        self._done_sent = False
        self._started_at = ""
        self._subject: Any = None
        self._done_at_ns: int | None = None  # clock reading when done() was emitted, for measurements
        self._generation = 0  # bumped by start(): events of an earlier hold are never emitted after it
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.PreciseTimer)
        self._wake.timeout.connect(self.poll)

    # --------------------------------------------------------------------------------- queries
    @property
    def state(self) -> HoldState:
        return self._state

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def subject(self) -> Any:
        return self._subject

    def is_active(self) -> bool:
        return self._state is not HoldState.IDLE

    def is_running(self) -> bool:
        return self._state is HoldState.RUNNING

    def is_paused(self) -> bool:
        return self._state is HoldState.PAUSED

    def is_overtime(self) -> bool:
        return self.is_active() and self._remaining_ns() <= 0

    def planned_ms(self) -> int:
        return self._planned_ns // NS_PER_MS

    def deadline_ns(self) -> int | None:
        """The clock reading at which the hold reaches zero (None unless running)."""
        return self._deadline_ns if self._state is HoldState.RUNNING else None

    def done_at_ns(self) -> int | None:
        return self._done_at_ns

    def remaining_ms(self) -> int:
        """Milliseconds to go, rounded up; negative in overtime; the planned time when idle."""
        if self._state is HoldState.IDLE:
            return self.planned_ms()
        return _ceil_div(self._remaining_ns(), NS_PER_MS)

    def elapsed_ms(self) -> int:
        return self._ran_total_ns() // NS_PER_MS

    def display(self, *, seconds_only: bool = False) -> str:
        return format_countdown(self.remaining_ms(), seconds_only=seconds_only)

    # -------------------------------------------------------------------------------- commands
    def start(self, duration_ms: int, *, subject: Any = None, origin_ns: int | None = None) -> None:
        """Start a hold of ``duration_ms``; a hold already running is ended first (not completed).

        ``origin_ns`` lets a sequence chain holds deadline to deadline, so the lateness of one cue
        never shifts the next (no drift over a whole treatment). It defaults to now.
        """
        duration_ms = validate_hold_ms(duration_ms)
        if self.is_active():
            self.finish()
        now = self._clock()
        origin = now if origin_ns is None else min(origin_ns, now)
        self._planned_ns = duration_ms * NS_PER_MS
        self._deadline_ns = origin + self._planned_ns
        self._last_remaining_ns = self._planned_ns
        self._run_started_ns = origin
        self._ran_ns = 0
        self._halfway_sent = False
        self._done_sent = False
        self._done_at_ns = None
        self._started_at = _utc_now()
        self._subject = subject
        self._generation += 1
        self._state = HoldState.RUNNING
        self.started.emit(duration_ms)
        self.poll()

    def pause(self) -> None:
        if self._state is not HoldState.RUNNING:
            return
        self.poll()
        now = self._clock()
        self._remaining_when_paused_ns = self._deadline_ns - now
        self._ran_ns += now - self._run_started_ns
        self._state = HoldState.PAUSED
        self._wake.stop()
        self.paused_changed.emit(True)

    def resume(self) -> None:
        if self._state is not HoldState.PAUSED:
            return
        now = self._clock()
        self._deadline_ns = now + self._remaining_when_paused_ns
        self._run_started_ns = now
        self._state = HoldState.RUNNING
        self.paused_changed.emit(False)
        self.poll()

    def toggle_pause(self) -> None:
        if self._state is HoldState.RUNNING:
            self.pause()
        elif self._state is HoldState.PAUSED:
            self.resume()

    def add_ms(self, delta_ms: int) -> None:
        """Add (or with a negative delta remove) time. Removing never goes past zero: taking more
        than is left ends the countdown now. Cues between the old and the new remaining time are
        skipped rather than played all at once."""
        if not self.is_active() or delta_ms == 0:
            return
        remaining = self._remaining_ns()
        if delta_ms < 0:
            if remaining <= 0:
                return  # already in overtime: nothing left to remove
            delta_ns = max(delta_ms * NS_PER_MS, -remaining)
        else:
            ceiling = MAX_HOLD_MS * NS_PER_MS - self._planned_ns
            delta_ns = min(delta_ms * NS_PER_MS, max(0, ceiling))
            if delta_ns == 0:
                return
        self._planned_ns += delta_ns
        if self._state is HoldState.RUNNING:
            self._deadline_ns += delta_ns
        else:
            self._remaining_when_paused_ns += delta_ns
        new_remaining = remaining + delta_ns
        self._last_remaining_ns = new_remaining
        if new_remaining > 0:
            self._done_sent = False  # time added back in overtime: zero will come again
        self.adjusted.emit(self.remaining_ms())
        if new_remaining <= 0 and not self._done_sent:
            self._emit_done()
        if self._state is HoldState.RUNNING:
            self.poll()

    def finish(self) -> HoldResult | None:
        """End the hold now (done, or abandoned if zero was never reached) and report it."""
        if not self.is_active():
            return None
        self.poll()
        now = self._clock()
        ran = self._ran_total_ns(now)
        result = HoldResult(
            planned_ms=self._planned_ns // NS_PER_MS,
            actual_ms=ran // NS_PER_MS,
            completed=self._done_sent,
            started_at=self._started_at,
            ended_at=_utc_now(),
            subject=self._subject,
        )
        self._state = HoldState.IDLE
        self._wake.stop()
        self._subject = None
        self.ended.emit(result)
        return result

    def reset(self) -> HoldResult | None:
        """Stop and return to idle showing the planned time; a hold in progress counts as ended."""
        return self.finish()

    # ------------------------------------------------------------------------------- internals
    def _remaining_ns(self) -> int:
        if self._state is HoldState.RUNNING:
            return self._deadline_ns - self._clock()
        if self._state is HoldState.PAUSED:
            return self._remaining_when_paused_ns
        return self._planned_ns

    def _ran_total_ns(self, now: int | None = None) -> int:
        if self._state is HoldState.RUNNING:
            return self._ran_ns + ((self._clock() if now is None else now) - self._run_started_ns)
        return self._ran_ns

    @Slot()
    def poll(self) -> None:
        """Emit every event whose instant has passed since the last look, in time order, then sleep
        until the next one. Safe to call at any moment (tests with a fake clock call it directly)."""
        if self._state is not HoldState.RUNNING:
            return
        before = self._last_remaining_ns
        now_remaining = self._deadline_ns - self._clock()
        if now_remaining < before:
            self._last_remaining_ns = now_remaining
            self._emit_crossings(before, now_remaining)
        if self._state is HoldState.RUNNING:
            self._arm(self._deadline_ns - self._clock())

    def _emit_crossings(self, before: int, now: int) -> None:
        """Events at remaining time ``t`` fire when ``before > t >= now``."""
        events: list[tuple[int, int, Callable[[], None]]] = []  # (at remaining ns, order, emit)
        half = self._planned_ns // 2
        if not self._halfway_sent and before > half >= now and half > 0:
            events.append((half, 1, self._emit_halfway))
        if before > 0:
            second = _ceil_div(before, NS_PER_S) - 1  # the first whole second below ``before``
            while second >= 1 and second * NS_PER_S >= now:
                at = second * NS_PER_S
                events.append((at, 0, _bind(self.tick.emit, second * 1000)))
                if second in LAST_SECONDS:
                    events.append((at, 2, _bind(self.last_seconds.emit, second)))
                second -= 1
            if now <= 0 and not self._done_sent:
                events.append((0, 3, self._emit_done))
        if now < 0:
            last_over = max(0, -before) // NS_PER_S
            over_seconds = -now // NS_PER_S
            for over in range(last_over + 1, over_seconds + 1):
                events.append((-over * NS_PER_S, 0, _bind(self.overtime.emit, over * 1000)))
        events.sort(key=lambda event: (-event[0], event[1]))
        generation = self._generation
        for _at, _order, emit in events:
            if self._state is not HoldState.RUNNING or self._generation != generation:
                break  # a slot ended, paused or replaced the hold: later events no longer apply
            emit()

    def _emit_halfway(self) -> None:
        self._halfway_sent = True
        self.halfway.emit()

    def _emit_done(self) -> None:
        self._done_sent = True
        self._done_at_ns = self._clock()
        self.done.emit()

    def _arm(self, remaining_ns: int) -> None:
        """Sleep until the next whole second, the halfway point or the deadline, whichever is first."""
        targets: list[int] = []
        if remaining_ns > 0:
            targets.append(remaining_ns)  # the deadline
            whole = (remaining_ns - 1) // NS_PER_S  # next whole second still ahead (0 = deadline)
            if whole >= 1:
                targets.append(remaining_ns - whole * NS_PER_S)
            half = self._planned_ns // 2
            if not self._halfway_sent and remaining_ns > half > 0:
                targets.append(remaining_ns - half)
        else:
            over = -remaining_ns
            targets.append((over // NS_PER_S + 1) * NS_PER_S - over)
        wait_ns = min(targets)
        # Round up: a timer that fires early would show the previous second a moment too long,
        # and the done cue must never sound before zero. poll() copes with a late wake-up.
        self._wake.start(max(0, _ceil_div(wait_ns, NS_PER_MS)))


def _bind(function: Callable[[int], object], value: int) -> Callable[[], None]:
    def call() -> None:
        function(value)

    return call
