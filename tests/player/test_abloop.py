"""A-B loop state: when playback crossing B sends it back to A, and for how many passes."""

from __future__ import annotations

from smrtplayer.player.abloop import ABLoop


def test_b_must_come_after_a() -> None:
    loop = ABLoop()
    loop.set_a(5000)
    assert not loop.set_b(4000)
    assert not loop.is_set
    assert loop.set_b(8000)
    assert (loop.a_ms, loop.b_ms) == (5000, 8000)


def test_b_alone_loops_from_the_start() -> None:
    loop = ABLoop()
    assert loop.set_b(3000)
    assert (loop.a_ms, loop.b_ms) == (0, 3000)


def test_moving_a_past_b_drops_b() -> None:
    loop = ABLoop(a_ms=1000, b_ms=3000)
    loop.set_a(3500)
    assert loop.b_ms is None and not loop.is_set


def test_crossing_b_is_detected_only_when_playback_runs_into_it() -> None:
    loop = ABLoop(a_ms=1000, b_ms=3000)
    assert loop.crossed_end(2950, 3010)
    assert loop.crossed_end(None, 3000)
    assert not loop.crossed_end(2900, 2950)
    assert not loop.crossed_end(3010, 3060)  # already past B
    assert not loop.crossed_end(None, 9000)  # the user jumped well past B


def test_repeat_count_ends_the_loop_after_that_many_passes() -> None:
    loop = ABLoop(a_ms=0, b_ms=1000, repeats=3)
    assert loop.finish_pass()
    assert loop.finish_pass()
    assert not loop.finish_pass()
    forever = ABLoop(a_ms=0, b_ms=1000)
    assert all(forever.finish_pass() for _ in range(50))
