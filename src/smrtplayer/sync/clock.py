"""The hybrid logical clock that orders journal entries: wall clock, counter and device id.

A computer whose wall clock is hours ahead cannot win forever: every computer that reads its entries
moves its own clock past them, so its next edits are stamped later still.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

_MAX_MS = 10**13


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    device: str

    def text(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:06d}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        """A stamp from its text; ValueError when it is not one."""
        wall, counter, device = text.split("-", 2)
        stamp = cls(int(wall), int(counter), device)
        if not (0 <= stamp.wall_ms < _MAX_MS and 0 <= stamp.counter < 10**6 and device):
            raise ValueError(f"not a clock stamp: {text!r}")
        return stamp


class HybridClock:
    """``tick()`` stamps a local change; ``observe()`` moves the clock past a stamp read elsewhere."""

    def __init__(self, device: str, *, last: Stamp | None = None, wall: Callable[[], int] | None = None):
        self._device = device
        self._wall = wall or (lambda: time.time_ns() // 1_000_000)
        self._last = last or Stamp(0, 0, device)

    @property
    def last(self) -> Stamp:
        return self._last

    def tick(self) -> Stamp:
        now = self._wall()
        if now > self._last.wall_ms:
            self._last = Stamp(now, 0, self._device)
        else:
            self._last = Stamp(self._last.wall_ms, self._last.counter + 1, self._device)
        return self._last

    def observe(self, seen: Stamp) -> None:
        if (seen.wall_ms, seen.counter) > (self._last.wall_ms, self._last.counter):
            self._last = Stamp(seen.wall_ms, seen.counter, self._device)
