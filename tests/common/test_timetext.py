"""Lesson times as clock text: one rule for the transport, the notes, the index and the CLI."""

from __future__ import annotations

import pytest

from smrtplayer.common.timetext import UNKNOWN_TIME, clock_text, span_text


@pytest.mark.parametrize(
    ("ms", "text"),
    [(0, "0:00"), (999, "0:00"), (65_000, "1:05"), (3_599_999, "59:59"), (3_725_000, "1:02:05")],
)
def test_minutes_and_seconds_then_hours(ms: int, text: str) -> None:
    assert clock_text(ms) == text


def test_an_unknown_time_reads_as_the_placeholder_and_a_negative_one_as_the_start() -> None:
    assert clock_text(None) == UNKNOWN_TIME == "--:--"
    assert clock_text(None, unknown="") == ""
    assert clock_text(-40) == "0:00"


def test_tenths_only_when_the_time_is_not_on_a_whole_second() -> None:
    assert clock_text(2_500, tenths=True) == "0:02.5"
    assert clock_text(2_000, tenths=True) == "0:02"
    assert clock_text(3_723_400, tenths=True) == "1:02:03.4"
    assert clock_text(2_500) == "0:02"


def test_without_hours_the_minutes_keep_counting() -> None:
    assert clock_text(4_500_000, hours=False) == "75:00"
    assert clock_text(4_500_000) == "1:15:00"


def test_a_span_reads_start_to_end() -> None:
    assert span_text(65_000, 72_500) == "1:05–1:12.5"
