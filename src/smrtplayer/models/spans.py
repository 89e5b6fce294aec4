"""Which parts of a lesson were really played, as merged ``(start_ms, end_ms)`` spans.

"Watched" comes from these spans, never from EndOfMedia: a truncated file whose index sits at the
front reports EndOfMedia at the full duration after decoding less than half of its frames. Pure
logic, no Qt: the controller feeds positions in, the store keeps the merged list.
"""

from __future__ import annotations

from collections.abc import Iterable

Span = tuple[int, int]

#: A lesson counts as watched once its played spans cover this share of it.
WATCHED_FRACTION = 0.95
#: Two position reports further apart than this (in media time) are a jump, not playback. Reports
#: come every ~50 ms of wall time; at 2x speed that is ~100 ms of media, so this leaves room for a
#: stall without counting a skip of 5 s as played.
MAX_STEP_MS = 1500


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sort, drop empty spans, and join spans that overlap or touch."""
    ordered = sorted((int(a), int(b)) for a, b in spans if b > a)
    merged: list[Span] = []
    for start, end in ordered:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def add(spans: Iterable[Span], span: Span) -> list[Span]:
    return merge([*spans, span])


def covered_ms(spans: Iterable[Span], duration_ms: int | None = None) -> int:
    """Total milliseconds covered, clipped to ``[0, duration_ms]`` when a duration is known."""
    total = 0
    for start, end in merge(spans):
        if duration_ms is not None:
            start, end = max(0, min(start, duration_ms)), max(0, min(end, duration_ms))
        total += max(0, end - start)
    return total


def coverage(spans: Iterable[Span], duration_ms: int | None) -> float:
    if not duration_ms or duration_ms <= 0:
        return 0.0
    return covered_ms(spans, duration_ms) / duration_ms


def is_watched(spans: Iterable[Span], duration_ms: int | None) -> bool:
    return coverage(spans, duration_ms) >= WATCHED_FRACTION


class SpanTracker:
    """Turns the position reports of a playing lesson into spans actually played.

    ``played(position)`` is called for each report while playing; consecutive reports that move
    forward by at most ``max_step_ms`` extend the current span. Anything else (a seek, a loop back,
    the jump a truncated file makes to its end) starts a new span. ``interrupt()`` is called on
    pause and before a seek so that the first report afterwards cannot join the old span.
    """

    def __init__(self, spans: Iterable[Span] = (), *, max_step_ms: int = MAX_STEP_MS) -> None:
        self._done = merge(spans)
        self._max_step_ms = max_step_ms
        self._start: int | None = None
        self._last: int | None = None

    def played(self, position_ms: int) -> None:
        last = self._last
        if last is not None and 0 <= position_ms - last <= self._max_step_ms:
            self._last = position_ms
            return
        self._close()
        self._start = self._last = position_ms

    def interrupt(self) -> None:
        self._close()

    def spans(self) -> list[Span]:
        if self._start is not None and self._last is not None and self._last > self._start:
            return add(self._done, (self._start, self._last))
        return list(self._done)

    def reset(self, spans: Iterable[Span] = ()) -> None:
        self._done = merge(spans)
        self._start = self._last = None

    def _close(self) -> None:
        if self._start is not None and self._last is not None and self._last > self._start:
            self._done = add(self._done, (self._start, self._last))
        self._start = self._last = None
