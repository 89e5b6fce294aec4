"""A monotonic nanosecond clock the tests move by hand (the hold timer takes any such callable)."""

from __future__ import annotations

from typing import Protocol

MS = 1_000_000  # nanoseconds in a millisecond


class FakeClock:
    def __init__(self, start_ns: int = 10**12) -> None:
        self.now = start_ns

    def __call__(self) -> int:
        return self.now

    def advance_ms(self, ms: float) -> None:
        self.now += round(ms * MS)


class Pollable(Protocol):
    def poll(self) -> None: ...


def advance_clock(clock: FakeClock, timer: Pollable, ms: int, *, step_ms: int | None = None) -> None:
    """Let ``ms`` pass on ``clock`` and wake ``timer`` as its own QTimer would.

    Without ``step_ms`` time jumps and the timer wakes once (a stall); with it the timer wakes every
    ``step_ms`` (a little late, as a real QTimer does), which a runner needs to chain its steps.
    """
    if step_ms is None:
        clock.now += ms * MS
        timer.poll()
        return
    target = clock.now + ms * MS
    while clock.now < target:
        clock.now = min(target, clock.now + step_ms * MS)
        timer.poll()
