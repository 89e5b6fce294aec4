"""A monotonic nanosecond clock the tests move by hand (the hold timer takes any such callable)."""

from __future__ import annotations

MS = 1_000_000  # nanoseconds in a millisecond


class FakeClock:
    def __init__(self, start_ns: int = 10**12) -> None:
        self.now = start_ns

    def __call__(self) -> int:
        return self.now

    def advance_ms(self, ms: float) -> None:
        self.now += round(ms * MS)
