"""Progress with an ETA for long byte-bound work (hashing, copying, unpacking), throttled for the UI."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MIN_INTERVAL_S = 0.1
#: no estimate before this much time has passed: early rates are noise
ETA_AFTER_S = 0.5


@dataclass(frozen=True)
class JobProgress:
    done_bytes: int
    total_bytes: int
    label: str  # what is being worked on now, e.g. a lesson's file name
    eta_ms: int | None  # None until there is enough to estimate from

    @property
    def fraction(self) -> float:
        return min(1.0, self.done_bytes / self.total_bytes) if self.total_bytes > 0 else 0.0


ProgressSink = Callable[[JobProgress], None]
StopCheck = Callable[[], bool]


class ProgressMeter:
    """Turns "n bytes done" calls into at most one ``JobProgress`` per ``min_interval_s``."""

    def __init__(
        self,
        total_bytes: int,
        sink: ProgressSink | None,
        *,
        clock: Callable[[], float] = time.monotonic,
        min_interval_s: float = MIN_INTERVAL_S,
    ) -> None:
        self.total_bytes = max(0, total_bytes)
        self._sink = sink
        self._clock = clock
        self._min_interval_s = min_interval_s
        self._started = clock()
        self._last_report = float("-inf")
        self._base = 0  # bytes finished in earlier files
        self.done_bytes = 0
        self.label = ""

    def start_item(self, label: str) -> None:
        self._base = self.done_bytes
        self.label = label
        self._report(force=True)

    def item_progress(self, done_in_item: int) -> None:
        """Bytes done in the current item (what ``sha256_file`` and friends report)."""
        self.done_bytes = self._base + done_in_item
        self._report()

    def finish(self) -> None:
        self.done_bytes = max(self.done_bytes, self.total_bytes)
        self._report(force=True)

    def eta_ms(self) -> int | None:
        elapsed = self._clock() - self._started
        if elapsed < ETA_AFTER_S or self.done_bytes <= 0 or self.total_bytes <= 0:
            return None
        rate = self.done_bytes / elapsed
        return max(0, int((self.total_bytes - self.done_bytes) / rate * 1000))

    def _report(self, *, force: bool = False) -> None:
        if self._sink is None:
            return
        now = self._clock()
        if not force and now - self._last_report < self._min_interval_s:
            return
        self._last_report = now
        self._sink(JobProgress(self.done_bytes, self.total_bytes, self.label, self.eta_ms()))
