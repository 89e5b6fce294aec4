"""Span merging and the tracker that turns position reports into spans actually played."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from smrtplayer.models import spans
from smrtplayer.models.spans import SpanTracker

span_lists = st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(lambda ab: (min(ab), max(ab))),
    max_size=30,
)


def test_merge_joins_overlapping_and_touching_spans_and_drops_empty_ones() -> None:
    assert spans.merge([(5, 10), (0, 3), (3, 4), (8, 12), (20, 20)]) == [(0, 4), (5, 12)]


@given(span_lists)
def test_merge_is_sorted_disjoint_and_keeps_every_covered_millisecond(raw: list[tuple[int, int]]) -> None:
    merged = spans.merge(raw)
    assert all(a < b for a, b in merged)
    assert all(prev[1] < nxt[0] for prev, nxt in itertools.pairwise(merged))
    covered = {ms for a, b in raw for ms in range(a, b)}
    assert {ms for a, b in merged for ms in range(a, b)} == covered
    assert spans.covered_ms(raw) == len(covered)
    assert spans.merge(merged) == merged


@given(span_lists, st.integers(1, 10_000))
def test_coverage_is_clipped_to_the_duration(raw: list[tuple[int, int]], duration: int) -> None:
    assert 0.0 <= spans.coverage(raw, duration) <= 1.0


def test_watched_needs_95_percent() -> None:
    assert spans.is_watched([(0, 9500)], 10_000)
    assert not spans.is_watched([(0, 9400)], 10_000)
    assert spans.is_watched([(0, 5000), (5000, 9600)], 10_000)
    assert not spans.is_watched([(0, 9600)], None)


def test_tracker_extends_on_steady_reports_and_splits_on_jumps() -> None:
    tracker = SpanTracker()
    for ms in range(0, 2001, 50):
        tracker.played(ms)
    tracker.played(7000)  # a skip forward is not playing
    for ms in range(7000, 8001, 100):
        tracker.played(ms)
    assert tracker.spans() == [(0, 2000), (7000, 8000)]


def test_tracker_ignores_the_jump_a_truncated_file_makes_to_its_end() -> None:
    tracker = SpanTracker()
    for ms in range(0, 1501, 45):
        tracker.played(ms)
    tracker.played(4000)
    tracker.interrupt()
    assert tracker.spans() == [(0, 1485)]
    assert not spans.is_watched(tracker.spans(), 4000)


def test_interrupt_keeps_a_stale_report_from_bridging_a_seek() -> None:
    tracker = SpanTracker([(0, 1000)])
    tracker.played(1000)
    tracker.played(1040)
    tracker.interrupt()
    tracker.played(1060)  # stale report after the seek, then the new place
    tracker.played(5000)
    tracker.played(5050)
    assert tracker.spans() == [(0, 1040), (5000, 5050)]


def test_backwards_reports_start_a_new_span() -> None:
    tracker = SpanTracker()
    for ms in (1000, 1050, 1100, 500, 550):
        tracker.played(ms)
    assert tracker.spans() == [(500, 550), (1000, 1100)]


@given(st.lists(st.integers(0, 60_000), max_size=200))
def test_tracker_never_counts_more_than_it_saw_steadily(reports: list[int]) -> None:
    tracker = SpanTracker()
    for ms in reports:
        tracker.played(ms)
    steady = sum(b - a for a, b in itertools.pairwise(reports) if 0 <= b - a <= spans.MAX_STEP_MS)
    assert spans.covered_ms(tracker.spans()) <= steady
