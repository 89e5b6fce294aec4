"""HoldTimer on a fake monotonic clock: what the display shows, which cues fire and when, in what order.

Nothing here sleeps or reads the wall clock: the clock is a counter the test moves, and ``poll()`` is
what the timer's own precise QTimer would call at the instants it arms itself for (checked too).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from helpers.clock import MS, FakeClock
from smrtplayer.holds.timer import HoldState, HoldTimer, format_countdown
from smrtplayer.models.presets import HoldRejected


class Recorder:
    def __init__(self, timer: HoldTimer, clock: FakeClock | None = None) -> None:
        self.events: list[tuple[str, int | None]] = []
        self.results: list[object] = []
        self.at: dict[str, int] = {}
        self._clock = clock
        timer.started.connect(lambda ms: self._add("started", ms))
        timer.tick.connect(lambda ms: self._add("tick", ms))
        timer.halfway.connect(lambda: self._add("halfway", None))
        timer.last_seconds.connect(lambda n: self._add("last", n))
        timer.done.connect(lambda: self._add("done", None))
        timer.overtime.connect(lambda ms: self._add("over", ms))
        timer.ended.connect(self.results.append)

    def _add(self, name: str, value: int | None) -> None:
        self.events.append((name, value))
        if self._clock is not None:
            self.at.setdefault(name, self._clock.now)

    def names(self) -> list[str]:
        return [name for name, _ in self.events]


@pytest.fixture
def timer(qapp, clock: FakeClock) -> HoldTimer:  # type: ignore[no-untyped-def]
    return HoldTimer(clock)


def run_to(timer: HoldTimer, clock: FakeClock, elapsed_ms: float, start_ns: int) -> None:
    clock.now = start_ns + round(elapsed_ms * MS)
    timer.poll()


def test_display_rounds_up_and_shows_zero_exactly_at_the_deadline(timer: HoldTimer, clock: FakeClock) -> None:
    start = clock.now
    timer.start(30_000)
    assert timer.display() == "0:30"
    run_to(timer, clock, 1, start)
    assert timer.display() == "0:30", "29.999 s left still shows 30"
    run_to(timer, clock, 1000, start)
    assert timer.display() == "0:29"
    run_to(timer, clock, 29_999, start)
    assert timer.display() == "0:01" and not timer.is_overtime()
    run_to(timer, clock, 29_999.999, start)
    assert timer.remaining_ms() == 1, "a sub-millisecond remainder rounds up, never down to zero"
    run_to(timer, clock, 30_000, start)
    assert timer.display() == "0:00" and timer.is_overtime()
    run_to(timer, clock, 30_999, start)
    assert timer.display() == "0:00"
    run_to(timer, clock, 31_000, start)
    assert timer.display() == "+0:01"
    assert timer.display(seconds_only=True) == "+1"


def test_done_fires_at_zero_not_a_second_early(timer: HoldTimer, clock: FakeClock) -> None:
    rec = Recorder(timer, clock)
    start = clock.now
    timer.start(20_000)
    run_to(timer, clock, 19_999, start)
    assert "done" not in rec.names()
    run_to(timer, clock, 20_000, start)
    assert rec.names().count("done") == 1
    assert rec.at["done"] == start + 20_000 * MS
    assert timer.done_at_ns() == timer.deadline_ns()


def test_cues_fire_once_each_in_time_order(timer: HoldTimer, clock: FakeClock) -> None:
    rec = Recorder(timer)
    start = clock.now
    timer.start(10_000)
    for ms in range(0, 12_600, 100):
        run_to(timer, clock, ms, start)
    assert rec.events == [
        ("started", 10_000),
        ("tick", 9000),
        ("tick", 8000),
        ("tick", 7000),
        ("tick", 6000),
        ("tick", 5000),
        ("halfway", None),
        ("tick", 4000),
        ("tick", 3000),
        ("last", 3),
        ("tick", 2000),
        ("last", 2),
        ("tick", 1000),
        ("last", 1),
        ("done", None),
        ("over", 1000),
        ("over", 2000),
    ]


def test_a_stalled_event_loop_catches_up_in_order_without_duplicates(
    timer: HoldTimer, clock: FakeClock
) -> None:
    reference = Recorder(timer)
    start = clock.now
    timer.start(10_000)
    run_to(timer, clock, 12_500, start)  # one wake-up after a long stall
    stalled = list(reference.events)
    timer.finish()

    steady = HoldTimer(clock)
    rec = Recorder(steady)
    start = clock.now
    steady.start(10_000)
    for ms in range(0, 12_501):
        run_to(steady, clock, ms, start)
    assert stalled == rec.events


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=4000), min_size=1, max_size=40))
def test_any_wake_up_pattern_gives_the_same_events(qapp, steps: list[int]) -> None:  # type: ignore[no-untyped-def]
    """However the wake-ups fall, the cues are the same and each fires at or after its instant."""
    clock = FakeClock(5_000 * MS)
    timer = HoldTimer(clock)
    rec = Recorder(timer, clock)
    start = clock.now
    timer.start(7_000)
    elapsed = 0
    for step in steps:
        elapsed += step
        run_to(timer, clock, elapsed, start)
    names = rec.names()
    ticks = [value for name, value in rec.events if name == "tick"]
    assert ticks == sorted(ticks, reverse=True) and len(ticks) == len(set(ticks))
    assert ticks == [s * 1000 for s in range(6, 0, -1) if (7 - s) * 1000 <= elapsed]
    assert names.count("done") == (1 if elapsed >= 7000 else 0)
    assert names.count("halfway") == (1 if elapsed >= 3500 else 0)
    if "done" in rec.at:
        assert rec.at["done"] >= start + 7000 * MS
    overs = [value for name, value in rec.events if name == "over"]
    assert overs == [s * 1000 for s in range(1, max(0, elapsed - 7000) // 1000 + 1)]
    timer.finish()


def test_pause_freezes_the_countdown_and_is_not_counted_as_holding(
    timer: HoldTimer, clock: FakeClock
) -> None:
    rec = Recorder(timer)
    timer.start(30_000)
    clock.advance_ms(10_000)
    timer.pause()
    assert timer.state is HoldState.PAUSED
    clock.advance_ms(60_000)  # a long pause: nothing fires, nothing counts down
    timer.poll()
    assert timer.remaining_ms() == 20_000
    assert "done" not in rec.names()
    timer.resume()
    clock.advance_ms(20_000)
    timer.poll()
    assert rec.names().count("done") == 1
    clock.advance_ms(2_000)
    result = timer.finish()
    assert result is not None and result.completed
    assert result.actual_ms == 32_000, "10 s + 20 s + 2 s overtime; the 60 s pause is not holding"
    assert result.planned_ms == 30_000
    assert rec.results == [result]


def test_adding_and_removing_time(timer: HoldTimer, clock: FakeClock) -> None:
    rec = Recorder(timer)
    timer.start(30_000)
    clock.advance_ms(25_000)
    timer.poll()
    timer.add_ms(10_000)
    assert timer.remaining_ms() == 15_000
    assert timer.planned_ms() == 40_000
    timer.add_ms(-10_000)
    assert timer.remaining_ms() == 5_000
    before = len(rec.events)
    timer.add_ms(-60_000)  # more than is left: zero now, without a burst of 3-2-1 cues
    assert timer.remaining_ms() == 0
    assert rec.names()[before:] == ["done"]
    timer.add_ms(-5_000)  # nothing left to remove in overtime
    assert timer.remaining_ms() == 0
    clock.advance_ms(3_000)
    timer.poll()
    timer.add_ms(10_000)  # back from overtime: zero will come (and be cued) again
    assert timer.remaining_ms() == 7_000 and not timer.is_overtime()
    clock.advance_ms(7_000)
    timer.poll()
    assert rec.names().count("done") == 2
    assert rec.names().count("halfway") == 1, "halfway is cued once per hold"


def test_added_time_is_capped_at_the_longest_hold(timer: HoldTimer, clock: FakeClock) -> None:
    from smrtplayer.models.presets import MAX_HOLD_MS

    timer.start(MAX_HOLD_MS - 5_000)
    timer.add_ms(10_000)
    assert timer.planned_ms() == MAX_HOLD_MS


def test_chained_start_keeps_the_schedule_exact(timer: HoldTimer, clock: FakeClock) -> None:
    """A sequence starts the next hold at the previous deadline, not at the (late) moment it learnt of it."""
    timer.start(20_000)
    first_deadline = timer.deadline_ns()
    assert first_deadline is not None
    clock.now = first_deadline + 7 * MS  # the done slot ran 7 ms late
    timer.poll()
    timer.start(45_000, origin_ns=first_deadline)
    assert timer.deadline_ns() == first_deadline + 45_000 * MS
    assert timer.remaining_ms() == 45_000 - 7


def test_the_precise_wake_up_is_armed_for_the_next_instant(timer: HoldTimer, clock: FakeClock) -> None:
    wake = timer._wake
    assert wake.timerType() == Qt.TimerType.PreciseTimer and wake.isSingleShot()
    start = clock.now
    timer.start(30_000)
    assert wake.isActive() and wake.interval() == 1000
    run_to(timer, clock, 400, start)
    assert wake.interval() == 600
    run_to(timer, clock, 29_500.2, start)
    assert wake.interval() == 500, "the deadline itself, rounded up, never early"
    timer.pause()
    assert not wake.isActive()
    clock.advance_ms(5_000)
    timer.resume()
    assert wake.interval() == 500
    run_to(timer, clock, 35_000.2 + 100, start)
    assert timer.is_overtime() and wake.interval() == 900
    timer.finish()
    assert not wake.isActive()


def test_finishing_early_is_an_abandoned_hold(timer: HoldTimer, clock: FakeClock) -> None:
    timer.start(45_000)
    clock.advance_ms(12_345)
    result = timer.reset()
    assert result is not None
    assert not result.completed and result.actual_ms == 12_345
    assert timer.state is HoldState.IDLE
    assert timer.display() == "0:45", "idle shows the planned time again"
    assert timer.finish() is None


@pytest.mark.parametrize("bad", [0, -5_000, 1, 10**9, 3.5, True])
def test_bad_durations_are_refused_with_a_message(timer: HoldTimer, bad: object) -> None:
    with pytest.raises(HoldRejected) as raised:
        timer.start(bad)  # type: ignore[arg-type]
    assert str(raised.value)
    assert timer.state is HoldState.IDLE


def test_starting_a_new_hold_ends_the_old_one(timer: HoldTimer, clock: FakeClock) -> None:
    rec = Recorder(timer)
    timer.start(20_000)
    clock.advance_ms(3_000)
    timer.start(30_000)
    assert len(rec.results) == 1 and not rec.results[0].completed  # type: ignore[attr-defined]
    assert timer.remaining_ms() == 30_000


def test_format_countdown() -> None:
    assert format_countdown(90_000) == "1:30"
    assert format_countdown(89_001) == "1:30"
    assert format_countdown(0) == "0:00"
    assert format_countdown(-61_500) == "+1:01"
    assert format_countdown(45_000, seconds_only=True) == "45"
    assert format_countdown(120_000, seconds_only=True) == "120"


def test_default_clock_is_monotonic(qapp) -> None:  # type: ignore[no-untyped-def]
    import time

    assert HoldTimer()._clock is time.monotonic_ns
